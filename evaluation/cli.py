"""python -m evaluation: build the warehouse on the development set and score it.

Prints one line per area and metric, Corroborate next to the spaCy baseline where there is one.
Exit status 0 when the evaluation ran, 2 when the dev set or the warehouse could not be read."""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
from dataclasses import asdict
from pathlib import Path

from evaluation.build import REPO, build_warehouse, write_corpus
from evaluation.devset import DevSet, DevSetError, load
from evaluation.predict import Predictions, read_marts, share_identical_texts
from evaluation.score import (
    Figure,
    Name,
    Rate,
    date_misses,
    figure_misses,
    missed_names,
    mistyped_names,
    nationality_modifier,
    score_dates,
    score_figures,
    score_names,
    score_quotes,
    speaker_misses,
    spurious_names,
    trim_name,
)

SUBSET_LABELS = {
    "gum_news": "encyclopedic news (GUM Wikinews)",
    "timebank": "wire news (TimeBank/AQUAINT)",
}


# The parts of the dev set whose names are scored apart, by their subsets; GUM's lines keep their
# labels without a suffix. CoNLL-2003 is scored whole and without its result tables (see conll.py).
NAME_GROUPS: tuple[tuple[str, frozenset[str]], ...] = (
    ("", frozenset({"gum_news"})),
    (", Reuters news (CoNLL-2003)", frozenset({"conll", "conll_tables"})),
    (", Reuters news without result tables (CoNLL-2003)", frozenset({"conll"})),
)


# Quotes are scored per group too: the lines without a suffix keep what they scored before the
# wire-news quotes came (GUM Wikinews and the invented stories), so they stay comparable.
QUOTE_GROUPS: tuple[tuple[str, frozenset[str]], ...] = (
    ("", frozenset({"gum_news", "invented"})),
    (", wire news (TimeBank/AQUAINT)", frozenset({"timebank"})),
)


def trimmed(dev: DevSet, names: list[Name]) -> list[Name]:
    """Predicted names of the articles that have gold names, trimmed (see trim_name); a
    nationality before a common noun is no name (see nationality_modifier)."""
    named = {g.span.doc_id for g in dev.names}
    texts = {a.doc_id: a.text for a in dev.articles if a.doc_id in named}
    return [Name(trim_name(texts[n.span.doc_id], n.span),
                 None if nationality_modifier(texts[n.span.doc_id], n) else n.type, n.kind)
            for n in names if n.span.doc_id in texts]


def report(dev: DevSet, pred: Predictions, baseline: list[Name] | None) -> list[tuple[str, Rate, Rate | None]]:
    """(metric, Corroborate, spaCy or None) in the order of the issue's table."""
    rows: list[tuple[str, Rate, Rate | None]] = []
    ours, theirs = trimmed(dev, pred.names), trimmed(dev, baseline) if baseline is not None else None
    for suffix, subsets in NAME_GROUPS:
        docs = {a.doc_id for a in dev.articles if a.subset in subsets}
        gold = [g for g in dev.names if g.span.doc_id in docs]
        if not gold:
            continue
        unscored = [s for s in dev.unscored if s.doc_id in docs]
        names = score_names(gold, [p for p in ours if p.span.doc_id in docs], unscored)
        base = (score_names(gold, [p for p in theirs if p.span.doc_id in docs], unscored)
                if theirs is not None else None)
        for label, attr in (
            ("names found (overlap)", "found_lenient"),
            ("names found (exact span)", "found_strict"),
            ("names with the right type (overlap)", "typed_lenient"),
            ("names with the right type (exact span)", "typed_strict"),
            ("name predictions overlapping a gold name", "precision_lenient"),
        ):
            rows.append((label + suffix, getattr(names, attr), getattr(base, attr) if base else None))
    for suffix, subsets in QUOTE_GROUPS:
        docs = {a.doc_id for a in dev.articles if a.subset in subsets}
        gold = [g for g in dev.quotes if g.span.doc_id in docs]
        if not gold:
            continue
        quotes = score_quotes(gold, [p for p in pred.quotes if p.span.doc_id in docs])
        rows.append(("direct quotes found" + suffix, quotes.found, None))
        rows.append(("quotes with the right speaker" + suffix, quotes.speaker_right, None))
    for subset, gold in dev.dates.items():
        dates = score_dates(gold, pred.dates)
        label = SUBSET_LABELS.get(subset, subset)
        rows.append((f"dates found, {label}", dates.found, None))
        rows.append((f"dates resolved right, {label}", dates.resolved_right, None))
    figures = score_figures(dev.figures, pred.figures)
    rows.append(("figures found", figures.found, None))
    rows.append(("figures with the right value and bounds", figures.value_right, None))
    rows.append(("figures with the right action", figures.action_right, None))
    rows.append(("same-claim totals joined across outlets (pairs)", figures.totals_joined, None))
    rows.append(("ages, measures, older tolls, subsets kept out of totals", figures.traps_kept_out, None))
    return rows


def conflict_note(dev: DevSet, pred: Predictions) -> str:
    """The outlets of an invented story agree by construction, save on the claims of conflicts.csv:
    a conflict there is real when one of its figures overlaps a gold total of such a claim, and
    every other conflict on an invented story is a false one."""
    traps = [f.span for f in dev.figures if f.role == "trap"]
    invented = {f.story for f in dev.figures}
    real_totals = [f for f in dev.figures if f.role == "total" and (f.story, f.claim) in set(dev.conflicts)]

    def real_claim(c: tuple[str, str, list]) -> tuple[str, str] | None:
        for f in real_totals:
            if f.story == c[0] and any(s.overlaps(f.span) for s in c[2]):
                return (f.story, f.claim or "")
        return None

    conflicts = [c for c in pred.conflicts if c[0] in invented]
    found = {real_claim(c) for c in conflicts} - {None}
    false = [c for c in conflicts if real_claim(c) is None]
    by_trap = sum(1 for c in false if any(s.overlaps(t) for s in c[2] for t in traps))
    keys = "; ".join(f"{story}: {key}" for story, key, _ in false)
    missed = "; ".join(f"{story}: {claim}" for story, claim in dev.conflicts if (story, claim) not in found)
    return (f"false conflicts on the invented stories: {len(false)}, of which caused by an age, measure, "
            f"older toll or subset: {by_trap}" + (f" ({keys})" if keys else "")
            + f"\nreal conflicts found on the invented stories: {len(found)}/{len(dev.conflicts)}"
            + (f" (missed: {missed})" if missed else ""))


def format_date_misses(dev: DevSet, pred: Predictions, subset: str) -> str:
    """One line per gold date of the subset not resolved right: document, publication date, the gold
    text and range, then each overlapping prediction's text and range (`not found` when none)."""
    articles = {a.doc_id: a for a in dev.articles}
    lines = []
    for miss in date_misses(dev.dates.get(subset, []), pred.dates):
        g = miss.gold
        art = articles[g.span.doc_id]
        got = "; ".join(f"{art.text[p.span.start:p.span.end]!r} {p.start}..{p.end}" for p in miss.predicted)
        lines.append(f"{g.span.doc_id} ({art.published_date}) {art.text[g.span.start:g.span.end]!r} "
                     f"{g.start}..{g.end} -> {got or 'not found'}")
    return "\n".join(lines)


def format_speaker_misses(dev: DevSet, pred: Predictions) -> str:
    """One line per gold quote without the right speaker: document, the gold speaker, what was
    predicted (`not found` when no quote overlaps it) and the text before the quote."""
    texts = {a.doc_id: a.text for a in dev.articles}
    lines = []
    for g, near in speaker_misses(dev.quotes, pred.quotes):
        text, s = texts[g.span.doc_id], g.span
        context = " ".join(text[max(0, s.start - 120):s.start + 40].split())
        got = "; ".join(" / ".join(p.speakers) for p in near) or "not found"
        lines.append(f"{g.span.doc_id}\t{g.speakers[0] if g.speakers else '?'}\t-> {got}\t{context}")
    return "\n".join(lines)


def format_figure_misses(dev: DevSet, pred: Predictions) -> str:
    """The traps that join a total (`trap`: the trap's document, text in context and claim key, then
    the totals predicted with that key) and the same-claim totals not joined (`apart`: the gold
    claim, then each total's document, text and predicted claim key)."""
    texts = {a.doc_id: a.text for a in dev.articles}

    def show(f: Figure) -> str:
        s = f.span
        return f"{s.doc_id} {texts[s.doc_id][s.start:s.end]!r}"

    def context(f: Figure) -> str:
        text, s = texts[f.span.doc_id], f.span
        return " ".join((text[max(0, s.start - 60):s.start] + "[" + text[s.start:s.end] + "]"
                         + text[s.end:s.end + 40]).split())

    traps, apart = figure_misses(dev.figures, pred.figures)
    lines = [f"trap\t{t.trap.story}\t{t.trap.span.doc_id}\t{t.predicted.claim}\t{context(t.trap)}\t-> joins "
             + "; ".join(show(g) for g in t.totals) for t in traps]
    lines += [f"apart\t{p.first.story}\t{p.first.claim}\t{show(p.first)} = {p.first_predicted.claim}\t"
              f"{show(p.second)} = {p.second_predicted.claim}" for p in apart]
    return "\n".join(lines)


def format_rows(rows: list[tuple[str, Rate, Rate | None]], with_baseline: bool) -> str:
    width = max(len(r[0]) for r in rows)
    head = f"{'metric':<{width}}  {'Corroborate':<18}" + ("  spaCy en_core_web_sm" if with_baseline else "")
    lines = [head, "-" * len(head)]
    for label, ours, theirs in rows:
        line = f"{label:<{width}}  {ours!s:<18}"
        if with_baseline:
            line += f"  {theirs!s}" if theirs is not None else "  –"
        lines.append(line.rstrip())
    return "\n".join(lines)


def format_name_misses(dev: DevSet, pred: Predictions) -> str:
    """One line per gold name that no prediction overlaps: doc, type, the name and its context."""
    texts = {a.doc_id: a.text for a in dev.articles}
    lines = []
    for g in missed_names(dev.names, trimmed(dev, pred.names)):
        text, s = texts[g.span.doc_id], g.span
        context = " ".join((text[max(0, s.start - 40):s.start] + "[" + text[s.start:s.end] + "]"
                            + text[s.end:s.end + 40]).split())
        lines.append(f"{g.span.doc_id}\t{g.type}\t{text[s.start:s.end]}\t{context}")
    return "\n".join(lines)


def format_name_mistypes(dev: DevSet, pred: Predictions) -> str:
    """One line per gold name found with no accepted type: doc, gold type, the name, the types
    predicted over it and its context."""
    texts = {a.doc_id: a.text for a in dev.articles}
    lines = []
    for g, near in mistyped_names(dev.names, trimmed(dev, pred.names)):
        text, s = texts[g.span.doc_id], g.span
        got = "; ".join(f"{text[p.span.start:p.span.end]}={p.type}" for p in near)
        context = " ".join((text[max(0, s.start - 40):s.start] + "[" + text[s.start:s.end] + "]"
                            + text[s.end:s.end + 40]).split())
        lines.append(f"{g.span.doc_id}\t{g.type}\t{text[s.start:s.end]}\t-> {got}\t{context}")
    return "\n".join(lines)


def format_name_spurious(dev: DevSet, pred: Predictions) -> str:
    """One line per typed prediction of an article with gold names that overlaps no gold name nor an
    unscored span: doc, predicted type, the prediction and its context."""
    texts = {a.doc_id: a.text for a in dev.articles}
    lines = []
    for p in spurious_names(dev.names, trimmed(dev, pred.names), dev.unscored):
        text, s = texts[p.span.doc_id], p.span
        context = " ".join((text[max(0, s.start - 40):s.start] + "[" + text[s.start:s.end] + "]"
                            + text[s.end:s.end + 40]).split())
        lines.append(f"{p.span.doc_id}\t{p.type}\t{text[s.start:s.end]}\t{context}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        prog="python -m evaluation",
        description="Build the warehouse on the development set (devset/) and score names, quotes, "
        "dates and figures against its gold, next to the spaCy baseline for names.",
    )
    ap.add_argument("--devset", type=Path, default=REPO / "devset", help="development set root (default: devset/)")
    ap.add_argument("--timebank", type=Path, help="a local TimeML directory (TempEval-3 TBAQ-cleaned) for the "
                    "wire-news dates; not stored in the repository")
    ap.add_argument("--conll", type=Path, help="a local CoNLL-2003 English test set (eng.testb or test.txt, or "
                    "a directory holding it) for names in Reuters news; not stored in the repository")
    ap.add_argument("--workdir", type=Path, help="where to write the corpus and warehouse (default: a temp dir, "
                    "removed afterwards)")
    ap.add_argument("--db", type=Path, help="score this already built warehouse of the dev set instead of building")
    ap.add_argument("--baseline", action=argparse.BooleanOptionalAction, default=True,
                    help="run spaCy en_core_web_sm on the names (needs requirements-eval.lock; default on)")
    ap.add_argument("--name-misses", action="store_true", help="also list the gold names no prediction overlaps")
    ap.add_argument("--name-mistypes", action="store_true",
                    help="also list the gold names found only with a wrong type, with the predicted types")
    ap.add_argument("--name-spurious", action="store_true",
                    help="also list the typed name predictions that overlap no gold name")
    ap.add_argument("--speaker-misses", action="store_true",
                    help="also list the gold quotes without the right speaker, with what was predicted")
    ap.add_argument("--date-misses", metavar="SUBSET", choices=("gum_news", "timebank"),
                    help="also list the dates of this subset not resolved right, with what was predicted")
    ap.add_argument("--figure-misses", action="store_true",
                    help="also list the traps that join a total and the same-claim totals not joined")
    ap.add_argument("--json", type=Path, help="also write the scores as JSON to this file")
    args = ap.parse_args(argv)
    try:
        dev = load(args.devset, args.timebank, args.conll)
    except DevSetError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    counts = {s: sum(1 for a in dev.articles if a.subset == s) for s in dict.fromkeys(a.subset for a in dev.articles)}
    print("development set: " + ", ".join(f"{s} {n} articles" for s, n in counts.items())
          + f"; gold: {len(dev.names)} names, {len(dev.quotes)} quotes, "
          + ", ".join(f"{len(d)} dates ({s})" for s, d in dev.dates.items()) + f", {len(dev.figures)} figures")
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="corroborate-eval-"))
    problems: list[str] = []
    try:
        if args.db:
            db = args.db
        else:
            write_corpus(dev.articles, workdir / "corpus")
            db, problems = build_warehouse(workdir / "corpus", workdir)
        try:
            pred = share_identical_texts(read_marts(db), ((a.doc_id, a.text) for a in dev.articles))
        except Exception as exc:
            print(f"error: cannot read the marts of {db}: {exc}", file=sys.stderr)
            return 2
        baseline = None
        if args.baseline:
            from evaluation.baseline import spacy_names

            named = {n.span.doc_id for n in dev.names}
            baseline = spacy_names([a for a in dev.articles if a.doc_id in named])
        rows = report(dev, pred, baseline)
        print(format_rows(rows, baseline is not None))
        print(conflict_note(dev, pred))
        if args.name_misses:
            print("gold names no prediction overlaps:")
            print(format_name_misses(dev, pred))
        if args.name_mistypes:
            print("gold names found only with a wrong type:")
            print(format_name_mistypes(dev, pred))
        if args.name_spurious:
            print("name predictions overlapping no gold name:")
            print(format_name_spurious(dev, pred))
        if args.speaker_misses:
            print("gold quotes without the right speaker:")
            print(format_speaker_misses(dev, pred))
        if args.date_misses:
            print(f"dates of {args.date_misses} not resolved right:")
            print(format_date_misses(dev, pred, args.date_misses))
        if args.figure_misses:
            print("traps that join a total, and same-claim totals not joined:")
            print(format_figure_misses(dev, pred))
        for p in problems:
            print(f"note: {p}")
        if args.json:
            args.json.write_text(json.dumps(
                [{"metric": r[0], "corroborate": asdict(r[1]), "spacy": asdict(r[2]) if r[2] else None}
                 for r in rows], indent=2), encoding="utf-8")
    finally:
        if not args.workdir and not args.db:
            shutil.rmtree(workdir, ignore_errors=True)
    return 0

