"""Read TimeML documents (TimeBank / AQUAINT, e.g. TempEval-3's TBAQ-cleaned training set) as
articles with gold dates: every TIMEX3 of type DATE whose value names a day, month, year, ISO week
or quarter, against the document creation time (the DCT TIMEX3).

The TimeBank and AQUAINT texts are distributed by the LDC and are not stored in this repository;
pass a local copy with `--timebank DIR` (make eval TIMEBANK=DIR)."""

from __future__ import annotations

import calendar
import datetime as dt
import html
import re
from pathlib import Path

from evaluation.devset import Article, DevSet, DevSetError
from evaluation.score import DateValue, Span

TAG_RE = re.compile(r"<(/?)([A-Za-z0-9]+)([^>]*?)(/?)>")
ATTR_RE = re.compile(r'(\w+)="([^"]*)"')


def value_range(value: str) -> tuple[str, str] | None:
    """First and last day a TIMEX3 DATE value denotes; None for values that name no fixed range
    (PRESENT_REF, seasons, decades, underspecified values)."""
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return value, value
    if m := re.fullmatch(r"(\d{4})-(\d{2})", value):
        y, mo = int(m[1]), int(m[2])
        if not 1 <= mo <= 12:
            return None
        return f"{value}-01", f"{value}-{calendar.monthrange(y, mo)[1]:02d}"
    if re.fullmatch(r"\d{4}", value):
        return f"{value}-01-01", f"{value}-12-31"
    if m := re.fullmatch(r"(\d{4})-W(\d{2})", value):
        monday = dt.date.fromisocalendar(int(m[1]), int(m[2]), 1)
        return monday.isoformat(), (monday + dt.timedelta(days=6)).isoformat()
    if m := re.fullmatch(r"(\d{4})-Q([1-4])", value):
        y, q = int(m[1]), int(m[2])
        last = 3 * q
        return f"{y}-{3 * q - 2:02d}-01", f"{y}-{last:02d}-{calendar.monthrange(y, last)[1]:02d}"
    return None


def parse_tml(path: Path) -> tuple[str, str, list[tuple[int, int, str]]]:
    """(text of the TEXT element, creation date, [(start, end, value)] of its DATE timexes)."""
    raw = path.read_text(encoding="utf-8")
    dct = re.search(r'functionInDocument="CREATION_TIME"[^>]*>|<TIMEX3[^>]*functionInDocument="CREATION_TIME"', raw)
    dct_value = re.search(r'value="(\d{4}-\d{2}-\d{2})', dct.group(0)) if dct else None
    if not dct_value:
        dct_tag = re.search(r"<DCT>.*?</DCT>", raw, re.S)
        dct_value = re.search(r'value="(\d{4}-\d{2}-\d{2})', dct_tag.group(0)) if dct_tag else None
    if not dct_value:
        raise DevSetError(f"{path}: no document creation time (DCT TIMEX3 with a day value)")
    body = re.search(r"<TEXT>(.*?)</TEXT>", raw, re.S)
    if not body:
        raise DevSetError(f"{path}: no <TEXT> element")
    src = body.group(1)
    out: list[str] = []
    length = 0
    open_timex: list[tuple[int, dict[str, str]]] = []
    dates: list[tuple[int, int, str]] = []
    pos = 0
    for m in TAG_RE.finditer(src):
        chunk = html.unescape(src[pos : m.start()])
        out.append(chunk)
        length += len(chunk)
        pos = m.end()
        closing, tag = m.group(1) == "/", m.group(2)
        if tag != "TIMEX3" or m.group(4):
            continue
        if not closing:
            open_timex.append((length, dict(ATTR_RE.findall(m.group(3)))))
        elif open_timex:
            start, attrs = open_timex.pop()
            if attrs.get("type") == "DATE" and start < length:
                dates.append((start, length, attrs.get("value", "")))
    out.append(html.unescape(src[pos:]))
    return "".join(out), dct_value.group(1), dates


def load_timeml(root: Path, subset: str) -> DevSet:
    files = sorted(root.rglob("*.tml"))
    if not files:
        raise DevSetError(f"{root}: no .tml files")
    out = DevSet()
    gold: list[DateValue] = []
    seen: set[str] = set()
    for path in files:
        doc_id = path.stem
        if doc_id in seen:
            # TBAQ-cleaned ships one TimeBank document a second time under testpipeline/
            continue
        seen.add(doc_id)
        text, dct, dates = parse_tml(path)
        out.articles.append(Article(doc_id, subset, f"{subset}__{doc_id}", text, dct, outlet=""))
        for start, end, value in dates:
            rng = value_range(value)
            if rng is not None:
                gold.append(DateValue(Span(doc_id, start, end), rng[0], rng[1]))
    out.dates[subset] = gold
    return out
