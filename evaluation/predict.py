"""Read Corroborate's marts (read-only) as predictions keyed by the dev set's doc_id (the stem of
the article's file)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

import duckdb

from evaluation.score import DateValue, Figure, Name, Quote, Span

# Corroborate's entity types as the gold's: countries and other places are both LOC (GPE)
ENTITY_TYPES = {"person": "PER", "organization": "ORG", "country": "LOC", "place": "LOC"}


@dataclass
class Predictions:
    names: list[Name] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    dates: list[DateValue] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    conflicts: list[tuple[str, str, list[Span]]] = field(default_factory=list)  # story, claim, its figures


def _doc(source_file: str) -> str:
    return Path(source_file.split(":")[0]).stem


def read_marts(db: Path) -> Predictions:
    out = Predictions()
    con = duckdb.connect(str(db), read_only=True)
    try:
        art = "join marts.dim_articles a using (article_id)"
        for src, s, e, t, kind in con.execute(
            f"select a.source_file, m.char_start, m.char_end, m.entity_type, m.mention_kind "
            f"from marts.fct_mentions m {art}"
        ).fetchall():
            out.names.append(Name(Span(_doc(src), s, e), ENTITY_TYPES.get(t), kind))
        for src, s, e, speaker, surface in con.execute(
            f"select a.source_file, r.char_start, r.char_end, r.speaker, r.speaker_surface "
            f"from marts.fct_reactions r {art}"
        ).fetchall():
            out.quotes.append(Quote(Span(_doc(src), s, e), tuple(x for x in (speaker, surface) if x)))
        for src, s, e, lo, hi in con.execute(
            f"select a.source_file, d.char_start, d.char_end, d.resolved_start::varchar, d.resolved_end::varchar "
            f"from marts.fct_dates d {art}"
        ).fetchall():
            out.dates.append(DateValue(Span(_doc(src), s, e), lo, hi))
        for src, story, s, e, v, lo, hi, action, key in con.execute(
            f"select a.source_file, f.story_id, f.char_start, f.char_end, f.value, f.value_low, f.value_high, "
            f"f.action_class, f.claim_key from marts.fct_figures f {art}"
        ).fetchall():
            out.figures.append(Figure(Span(_doc(src), s, e), v, lo, hi, action, key, story))
        for story, key, figures in con.execute(
            "select story_id, claim_key, [[x.source_file, split_part(x.figure_id, ':', 2), x.surface] "
            "for x in figure_values] from marts.claim_agreement where status = 'conflict'"
        ).fetchall():
            spans = [Span(_doc(f), int(s), int(s) + len(t)) for f, s, t in figures]
            out.conflicts.append((story, key, spans))
    finally:
        con.close()
    return out


def share_identical_texts(pred: Predictions, texts: Iterable[tuple[str, str]]) -> Predictions:
    """The warehouse stores a text once however many files hold it (its article_id is the text's
    digest), under one of their names; TBAQ-cleaned holds one AQUAINT text twice (APW20000107.0088,
    APW20000115.0209). Each (doc_id, text) of the dev set whose text another doc holds gets the
    predictions made under that doc's name."""
    by_text: dict[str, list[str]] = defaultdict(list)
    for doc_id, text in texts:
        by_text[text].append(doc_id)
    twin = {doc: docs for docs in by_text.values() if len(docs) > 1 for doc in docs}
    if not twin:
        return pred

    def shared(items: list) -> list:
        present = {x.span.doc_id for x in items}
        out = list(items)
        for x in items:
            for doc in twin.get(x.span.doc_id, ()):
                if doc not in present:
                    out.append(replace(x, span=Span(doc, x.span.start, x.span.end)))
        return out

    return Predictions(shared(pred.names), shared(pred.quotes), shared(pred.dates), shared(pred.figures),
                       pred.conflicts)
