"""Load the development set under devset/ into articles and gold facts.

Two layouts:
- a converted set (devset/gum_news): articles.jsonl (doc_id, title, published_date, url, text) and
  gold CSVs with character offsets (names.csv, quotes.csv, dates.csv);
- a hand-written set (devset/invented): stories/<story>/<doc_id>.txt with a metadata.csv per story
  (file, outlet, published_date, title), and gold CSVs that locate each fact by the exact text it
  starts with (`surface`, with `occurrence` when it appears more than once): quotes.csv, figures.csv;
  conflicts.csv (story, claim, note) names the gold claims on which the outlets of a story really
  disagree (every other conflict on an invented story is a false one).
"""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass, field
from pathlib import Path

from evaluation.score import DateValue, Figure, Name, Quote, Span


class DevSetError(ValueError):
    """A development-set file is missing or malformed; the message names the file and the problem."""


@dataclass(frozen=True)
class Article:
    doc_id: str
    subset: str  # which part of the dev set (gum_news, invented, timebank)
    story: str
    text: str
    published_date: str
    title: str = ""
    outlet: str = ""
    url: str = ""


@dataclass
class DevSet:
    articles: list[Article] = field(default_factory=list)
    names: list[Name] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    dates: dict[str, list[DateValue]] = field(default_factory=dict)  # by subset
    figures: list[Figure] = field(default_factory=list)
    # (story, gold claim) of the real disagreements between outlets of an invented story
    conflicts: list[tuple[str, str]] = field(default_factory=list)
    # spans of names the gold marks but does not score (CoNLL's MISC): a prediction overlapping one
    # and no gold name is neither right nor wrong
    unscored: list[Span] = field(default_factory=list)

    def extend(self, other: DevSet) -> None:
        ids = {a.doc_id for a in self.articles}
        clash = sorted(ids & {a.doc_id for a in other.articles})
        if clash:
            raise DevSetError(f"doc_id used twice across sets: {', '.join(clash[:5])}")
        self.articles += other.articles
        self.names += other.names
        self.quotes += other.quotes
        for subset, dates in other.dates.items():
            self.dates.setdefault(subset, []).extend(dates)
        self.figures += other.figures
        self.conflicts += other.conflicts
        self.unscored += other.unscored


def _rows(path: Path, required: list[str]) -> list[dict[str, str]]:
    if not path.exists():
        raise DevSetError(f"{path}: missing")
    with path.open(newline="", encoding="utf-8") as f:
        reader = csv.DictReader(f)
        missing = [c for c in required if c not in (reader.fieldnames or [])]
        if missing:
            raise DevSetError(f"{path}: missing column(s) {', '.join(missing)}")
        return list(reader)


def _span(path: Path, line: int, row: dict[str, str], texts: dict[str, str]) -> Span:
    doc = row["doc_id"]
    if doc not in texts:
        raise DevSetError(f"{path}:{line}: unknown doc_id {doc!r}")
    try:
        start, end = int(row["char_start"]), int(row["char_end"])
    except ValueError as exc:
        raise DevSetError(f"{path}:{line}: char_start/char_end are not integers") from exc
    if not 0 <= start < end <= len(texts[doc]):
        raise DevSetError(f"{path}:{line}: span {start}-{end} lies outside {doc} ({len(texts[doc])} characters)")
    return Span(doc, start, end)


def _locate(path: Path, line: int, row: dict[str, str], texts: dict[str, str]) -> Span:
    doc, surface = row["doc_id"], row["surface"]
    if doc not in texts:
        raise DevSetError(f"{path}:{line}: unknown doc_id {doc!r}")
    occurrence = int(row.get("occurrence") or 1)
    at = -1
    for _ in range(occurrence):
        at = texts[doc].find(surface, at + 1)
        if at < 0:
            raise DevSetError(f"{path}:{line}: {surface!r} (occurrence {occurrence}) not found in {doc}")
    return Span(doc, at, at + len(surface))


def _num(path: Path, line: int, value: str) -> float | None:
    if value.strip() == "":
        return None
    try:
        return float(value)
    except ValueError as exc:
        raise DevSetError(f"{path}:{line}: {value!r} is not a number") from exc


def load_converted(root: Path, subset: str, outlet: str = "") -> DevSet:
    """A converted set: each article is a story of its own (the documents are unrelated)."""
    path = root / "articles.jsonl"
    if not path.exists():
        raise DevSetError(f"{path}: missing")
    out = DevSet()
    with path.open(encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            try:
                obj = json.loads(line)
                out.articles.append(Article(obj["doc_id"], subset, f"{subset}__{obj['doc_id']}", obj["text"],
                                            obj["published_date"], obj.get("title", ""), outlet, obj.get("url", "")))
            except (json.JSONDecodeError, KeyError) as exc:
                raise DevSetError(f"{path}:{n}: not an article line ({exc})") from exc
    texts = {a.doc_id: a.text for a in out.articles}
    if (root / "names.csv").exists():
        p = root / "names.csv"
        for n, r in enumerate(_rows(p, ["doc_id", "char_start", "char_end", "type"]), 2):
            if not r["type"] or not set(r["type"].split("|")) <= {"PER", "ORG", "LOC"}:
                raise DevSetError(f"{p}:{n}: type {r['type']!r} is not PER, ORG, LOC or alternatives of them (ORG|LOC)")
            out.names.append(Name(_span(p, n, r, texts), r["type"]))
    if (root / "quotes.csv").exists():
        p = root / "quotes.csv"
        for n, r in enumerate(_rows(p, ["doc_id", "char_start", "char_end", "speaker_names"]), 2):
            out.quotes.append(Quote(_span(p, n, r, texts), tuple(r["speaker_names"].split("|"))))
    if (root / "dates.csv").exists():
        p = root / "dates.csv"
        out.dates[subset] = [
            DateValue(_span(p, n, r, texts), r["value_start"], r["value_end"])
            for n, r in enumerate(_rows(p, ["doc_id", "char_start", "char_end", "value_start", "value_end"]), 2)
        ]
    return out


def load_located_quotes(path: Path, texts: dict[str, str]) -> list[Quote]:
    """Gold quotes located by the text they start with (`surface`, `occurrence`), each with the
    `|`-separated forms of its speaker; a row naming no known document, or text its document does not
    hold, or no speaker, is an error that names the file and line."""
    quotes = []
    for n, r in enumerate(_rows(path, ["doc_id", "surface", "speaker_names"]), 2):
        if not r["surface"]:
            raise DevSetError(f"{path}:{n}: empty surface")
        if not r["speaker_names"].strip("|"):
            raise DevSetError(f"{path}:{n}: no speaker_names")
        occurrence = r.get("occurrence") or "1"
        if not occurrence.isdigit() or int(occurrence) < 1:
            raise DevSetError(f"{path}:{n}: occurrence {r['occurrence']!r} is not a positive integer")
        quotes.append(Quote(_locate(path, n, r, texts), tuple(r["speaker_names"].split("|"))))
    return quotes


def load_invented(root: Path, subset: str = "invented") -> DevSet:
    """Hand-written stories: several articles per story, as outlets would write them."""
    out = DevSet()
    stories = root / "stories"
    if not stories.is_dir():
        raise DevSetError(f"{stories}: missing")
    for story_dir in sorted(p for p in stories.iterdir() if p.is_dir()):
        meta = story_dir / "metadata.csv"
        for n, r in enumerate(_rows(meta, ["file", "outlet", "published_date", "title"]), 2):
            txt = story_dir / r["file"]
            if not txt.exists():
                raise DevSetError(f"{meta}:{n}: {r['file']} does not exist")
            out.articles.append(Article(txt.stem, subset, story_dir.name, txt.read_text(encoding="utf-8"),
                                        r["published_date"], r["title"], r["outlet"]))
    texts = {a.doc_id: a.text for a in out.articles}
    story_of = {a.doc_id: a.story for a in out.articles}
    if (root / "quotes.csv").exists():
        out.quotes += load_located_quotes(root / "quotes.csv", texts)
    p = root / "figures.csv"
    if p.exists():
        for n, r in enumerate(_rows(p, ["doc_id", "surface", "value", "low", "high", "action", "claim", "role"]), 2):
            if r["role"] not in {"total", "trap", ""}:
                raise DevSetError(f"{p}:{n}: role {r['role']!r} is not total, trap or empty")
            out.figures.append(Figure(
                _locate(p, n, r, texts), _num(p, n, r["value"]), _num(p, n, r["low"]), _num(p, n, r["high"]),
                r["action"] or None, r["claim"] or None, story_of[r["doc_id"]], r["role"]))
    p = root / "conflicts.csv"
    if p.exists():
        claims = {(f.story, f.claim) for f in out.figures if f.role == "total"}
        for n, r in enumerate(_rows(p, ["story", "claim"]), 2):
            if (r["story"], r["claim"]) not in claims:
                raise DevSetError(f"{p}:{n}: no total figure of story {r['story']!r} has claim {r['claim']!r}")
            out.conflicts.append((r["story"], r["claim"]))
    return out


def load(root: Path, timebank: Path | None = None, conll: Path | None = None) -> DevSet:
    """The whole development set: GUM Wikinews, the invented stories and, when given, TimeBank (its
    dates, and the quotes of devset/timebank/quotes.csv) and CoNLL-2003."""
    dev = load_converted(root / "gum_news", "gum_news", outlet="Wikinews")
    dev.extend(load_invented(root / "invented"))
    if timebank is not None:
        from evaluation.timeml import load_timeml

        wire = load_timeml(timebank, "timebank")
        # our own quote gold for part of TimeBank/AQUAINT; the texts stay outside the repository
        if (root / "timebank" / "quotes.csv").exists():
            wire.quotes += load_located_quotes(root / "timebank" / "quotes.csv",
                                               {a.doc_id: a.text for a in wire.articles})
        dev.extend(wire)
    if conll is not None:
        from evaluation.conll import load_conll

        dev.extend(load_conll(conll))
    return dev
