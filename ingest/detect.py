"""Read an article's publication date, outlet, dateline, title and body span from its raw text.

The rules are general conventions of news pages (header date lines, "Published in X, <date>"
trailers, copyright lines, wire datelines), never knowledge of a particular story. Nothing is
guessed: dates and names inside the body are not used, and a value the text does not state stays
None with basis "none".

Bases written to raw.articles:
  published_date_basis: header (a date line above the body), trailer (a date in a trailer line, or
    a date-only line at the very end), timestamp (a trailing ISO timestamp), none
  outlet_basis: trailer ("Published in X", "For more X news"), copyright ("(c) 2023 X"),
    dateline (a wire credit such as "LONDON (Reuters) -"), none
The loader adds "sidecar" when metadata supplied the value.

Offsets are 0-based code-point offsets into the text, end exclusive.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

# Bump whenever a rule changes: re-ingesting an article stored under another version recomputes
# its detected columns.
DETECTOR_VERSION = "5"

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b\.?"
)
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
_WEEKDAY = r"(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?"
# Day-first and month-first forms with the month spelt out, and ISO; purely numeric dates such as
# 08/12/2023 are left alone because their day/month order cannot be told from the text.
_DATE = (
    rf"(?i:{_WEEKDAY}(?:\d{{4}}-\d{{2}}-\d{{2}}|{_MONTH}\s+{_DAY},?\s+\d{{4}}|{_DAY}\s+(?:of\s+)?{_MONTH},?\s+\d{{4}}))"
)
_TIME = (
    r"(?:T|,?\s+(?:at\s+)?)\d{1,2}[:.]\d{2}(?:[:.]\d{2}(?:\.\d+)?)?(?:\s*(?i:[ap]\.?m\.?))?"
    r"(?:Z|\s*[+-]\d{2}:?\d{2}|\s*(?:GMT|UTC|[A-Z]{1,3}T)\b)?"
)
_UPPER = "A-ZÀ-ÖØ-Þ"
# A publisher's name as printed: capitalised words, a few lowercase joiners ("Times of India").
_NAME = rf"[{_UPPER}][\w&.'\u2019-]*(?: (?:[{_UPPER}&][\w&.'\u2019-]*|of|the|and|de)){{0,5}}"

_HEADER_RE = re.compile(
    r"(?:(?P<label>(?i:date|published|posted|first published|updated|last updated|modified))"
    r"(?:\s+on)?\s*:?\s+)?"
    rf"(?P<date>{_DATE})(?P<time>{_TIME})?(?P<rest>.*)",
    re.DOTALL,
)
# A section label after a header date ("World", "Asia-Pacific"): one capitalised word.
_SECTION_RE = re.compile(rf"[{_UPPER}][\w&'\u2019-]*")
_BULLET_RE = re.compile(r"[•·●▪■◦‣*-]\s+(?P<text>\S.*)")
_BYLINE_RE = re.compile(rf"(?i:by)\s+[{_UPPER}][^.!?\n]{{0,80}}")
_DATELINE_RE = re.compile(
    rf"(?P<city>[{_UPPER}][{_UPPER}.'\u2019-]+(?: [{_UPPER}][{_UPPER}.'\u2019-]*){{0,3}})"
    rf"(?P<region>,[ \t]*[{_UPPER}][\w.'\u2019-]*(?: [{_UPPER}][\w.'\u2019-]*){{0,3}})?"
    rf"(?:,[ \t]*(?i:{_MONTH})[ \t]+\d{{1,2}})?"
    rf"(?:[ \t]*\((?P<credit>{_NAME})\))?"
    r"[ \t]*[:\u2014\u2013-](?=\s|$)"
)
# All-caps labels that open a body the way a dateline does but name no place.
_NOT_PLACES = frozenset(
    {"BREAKING", "BREAKING NEWS", "UPDATE", "UPDATED", "EXCLUSIVE", "ANALYSIS", "OPINION", "EDITORIAL", "WATCH",
     "LIVE", "VIDEO", "PHOTOS", "EXPLAINER", "COMMENT", "REVIEW", "NOTE", "EDITOR'S NOTE", "FACT CHECK"}
)  # fmt: skip
# Lines that end an article: the body stops before the first of them. The first three can also
# name the publisher; the others are agency boilerplate that never belongs to the body.
_END_RE = re.compile(
    # Anchored on the newline itself rather than ^ with MULTILINE: a literal first character lets the
    # regex engine skip ahead with memchr, about five times faster on long bodies.
    r"\n[ \t]*(?P<line>"
    rf"Published in (?P<pub_outlet>{_NAME})(?:,?[ \t]+(?:on[ \t]+)?(?P<pub_date>{_DATE}))?\.?"
    rf"|For more (?:(?P<more_outlet>{_NAME}) )?news\b[^\n]*"
    r"|(?P<copyright>(?:(?i:copyright)|©|\([cC]\))[^\n]*)"
    r"|This (?:article|story) (?:was |is )?(?:originally |first )?(?:published|appeared)\b[^\n]*"
    rf"|(?:Originally|First) (?:published|appeared) (?:in|on|by) {_NAME}(?:,?[ \t]+(?:on[ \t]+)?{_DATE})?\.?"
    r"|This material may not be published[^\n]*"
    r"|\(?(?:Additional )?(?:Reporting|Writing) by [^\n]*(?:Editing by|;)[^\n]*"
    r")[ \t]*\r?(?=\n|$)"
)
_YEAR_RE = re.compile(r"\b(?:19|20)\d\d\b")
_COPYRIGHT_LEAD_RE = re.compile(r"^(?:(?i:copyright)|©|\([cC]\)|\d{4}(?:\s*[-\u2013]\s*\d{4})?|[\s,])+")
_COPYRIGHT_CUT_RE = re.compile(r"\.\s|[,|;]|\s[-\u2013\u2014]\s|(?i:\ball rights reserved)")
_TRAILING_YEAR_RE = re.compile(r"\s*\d{4}\.?$")
_NAME_RE = re.compile(_NAME)
_BLANK_THEN_TEXT_RE = re.compile(r"[ \t\r]*\n[ \t\r]*\n\s*\S")
_RIGHTS_RE = re.compile(r"(?i)all rights reserved")
# Sentence punctuation (perhaps closed by a quote mark) followed by a space or the line's end.
_SENTENCE_END_RE = re.compile(r"[.!?…][\"'\u201d\u2019)]*(?=[ \t]|\r?\n|\r?$)")
# A line break as files write it: \n, \r\n, or a lone \r (classic Mac OS, some exports).
_LINE_BREAK_RE = re.compile(r"\r\n?|\n")
# A line of this many words is running prose even without sentence punctuation (a transcript, a
# feed that strips it); headlines, datelines and sign-up lines are shorter.
_PROSE_MIN_WORDS = 10
_TITLE_MAX_CHARS = 150
_COPYRIGHT_MAX_CHARS = 200
_TRAILING_LINES = 3


@dataclass(frozen=True)
class Detection:
    body_start: int
    body_end: int
    title: str | None
    dateline: str | None
    published_date: dt.date | None
    published_date_basis: str
    outlet: str | None
    outlet_basis: str


@dataclass(frozen=True)
class _Top:
    body_start: int
    title: str | None = None
    date: dt.date | None = None
    dateline: str | None = None
    credit: str | None = None


@dataclass(frozen=True)
class _Bottom:
    body_end: int
    outlet: str | None = None
    outlet_basis: str = "none"
    date: dt.date | None = None
    date_basis: str = "none"


def detect(text: str, title_hint: str | None = None) -> Detection:
    """Detect what the text says about itself; title_hint (e.g. a sidecar title) marks a title line."""
    top = _read_top(text, title_hint)
    bottom = _read_bottom(text, top.body_start)
    if top.date is not None:
        date, date_basis = top.date, "header"
    else:
        date, date_basis = bottom.date, bottom.date_basis
    outlet, outlet_basis = bottom.outlet, bottom.outlet_basis
    if outlet is None and top.credit is not None:
        outlet, outlet_basis = top.credit, "dateline"
    body_end = bottom.body_end
    # Headlines, timestamps and sign-up lines with no sentence among them are furniture, not an
    # article: the body is empty, so nothing downstream takes facts from them.
    if not _has_sentence(text, top.body_start, body_end):
        body_end = top.body_start
    return Detection(
        body_start=top.body_start,
        body_end=body_end,
        title=top.title,
        dateline=top.dateline,
        published_date=date,
        published_date_basis=date_basis,
        outlet=outlet,
        outlet_basis=outlet_basis,
    )


def _has_sentence(text: str, start: int, end: int) -> bool:
    """Whether [start, end) holds running prose: three or more words on a line before a sentence end,
    or a line of _PROSE_MIN_WORDS words, punctuated or not.

    A scan over the punctuation, not one regex over the words, so that a long line with no
    punctuation at all stays linear."""
    for match in _SENTENCE_END_RE.finditer(text, start, end):
        line_start = max(text.rfind("\n", start, match.start()) + 1, start, match.start() - 200)
        if len(text[line_start : match.start()].split()) >= 3:
            return True
    return any(len(line.split()) >= _PROSE_MIN_WORDS for line in text[start:end].splitlines())


def parse_date(value: str) -> dt.date | None:
    """A calendar date from an ISO or month-name date expression, None when it is not a real date."""
    iso = re.match(r"\s*(\d{4})-(\d{2})-(\d{2})", value)
    if iso:
        year, month, day = (int(g) for g in iso.groups())
    else:
        month_word = re.search(r"(?i)\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)", value)
        day_match = re.search(r"\b(\d{1,2})(?:st|nd|rd|th)?\b", value)
        year_match = re.search(r"\b(\d{4})\b", value)
        if not (month_word and day_match and year_match):
            return None
        year, month, day = int(year_match[1]), _MONTHS[month_word[1].lower()], int(day_match[1])
    if not 1900 <= year <= 2100:
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _read_top(text: str, title_hint: str | None) -> _Top:
    """Skip header furniture (date lines, section word, title, bullet headline, byline) to the body."""
    title: str | None = None
    date: dt.date | None = None
    furniture_seen = False
    pos = 0
    while pos < len(text):
        brk = _LINE_BREAK_RE.search(text, pos)
        end = brk.start() if brk else len(text)
        line_start, pos = pos, (brk.end() if brk else len(text) + 1)
        line = text[line_start:end]
        stripped = line.strip()
        if not stripped:
            continue
        at = line_start + len(line) - len(line.lstrip())
        dateline = _dateline(text, at)
        if dateline:
            return _Top(at, title, date, *dateline)
        header = _HEADER_RE.fullmatch(stripped)
        if header:
            label = (header["label"] or "").lower()
            rest = header["rest"].strip()
            if not label and rest and not _SECTION_RE.fullmatch(rest):
                # An unlabelled date running into prose is the body's first sentence, not a header.
                return _Top(at, title, date)
            if not _is_update(label):
                date = date or parse_date(header["date"])
            furniture_seen = True
            if not rest or _SECTION_RE.fullmatch(rest):
                continue
            # The header line runs straight into the first sentence of the body.
            body_at = at + header.start("rest") + len(header["rest"]) - len(header["rest"].lstrip())
            return _Top(body_at, title, date, *(_dateline(text, body_at) or (None, None)))
        bullet = _BULLET_RE.fullmatch(stripped)
        if bullet:
            title = title or bullet["text"].strip()
            furniture_seen = True
            continue
        if title is None and (_same_words(stripped, title_hint) or _looks_like_title(text, end, stripped)):
            title = stripped
            furniture_seen = True
            continue
        if furniture_seen and _BYLINE_RE.fullmatch(stripped):
            continue
        return _Top(at, title, date)
    return _Top(len(text), title, date)


def _dateline(text: str, at: int) -> tuple[str, str | None] | None:
    match = _DATELINE_RE.match(text, at)
    if not match or match["city"] in _NOT_PLACES:
        return None
    region = re.sub(r",[ \t]*", ", ", match["region"] or "")
    return match["city"] + region, match["credit"]


def _same_words(line: str, hint: str | None) -> bool:
    return bool(hint) and " ".join(line.split()).casefold() == " ".join((hint or "").split()).casefold()


def _looks_like_title(text: str, line_end: int, line: str) -> bool:
    """A short line, not a sentence, set off by a blank line and followed by more text."""
    if len(line) > _TITLE_MAX_CHARS or not 3 <= len(line.split()) <= 25:
        return False
    if line.rstrip("\"'\u201d\u2019)").endswith((".", ":", ";", ",")):
        return False
    return _BLANK_THEN_TEXT_RE.match(text, line_end) is not None


def _read_bottom(text: str, body_start: int) -> _Bottom:
    """Find where the body ends (trailers, boilerplate, trailing dates) and what the trailers say."""
    limit = len(text)
    outlet: str | None = None
    outlet_basis = "none"
    date: dt.date | None = None
    date_basis = "none"
    for match in _END_RE.finditer(text, body_start):
        if match["copyright"] is not None:
            found, basis = _copyright_holder(match["copyright"]), "copyright"
            if not _is_copyright_notice(match["copyright"], found):
                continue
        else:
            found, basis = match["pub_outlet"] or match["more_outlet"], "trailer"
        limit = min(limit, match.start("line"))
        if found is not None and outlet is None:
            outlet, outlet_basis = found, basis
        if match["pub_date"] and date is None:
            date = parse_date(match["pub_date"])
            date_basis = "trailer" if date else "none"
    end, trailing_date, trailing_basis = _strip_trailing_dates(text, body_start, limit)
    if trailing_date is None and limit < len(text) and _nonblank_lines(text, limit) <= _TRAILING_LINES:
        # A short tail after the trailer (CNN's sign-up line, then a timestamp) still dates the
        # article; a long one is other content (Dawn's list of other headlines) and does not.
        _, trailing_date, trailing_basis = _strip_trailing_dates(text, limit, len(text))
    if date is None and trailing_date is not None:
        date, date_basis = trailing_date, trailing_basis
    return _Bottom(end, outlet, outlet_basis, date, date_basis)


def _is_copyright_notice(line: str, holder: str | None) -> bool:
    """A copyright line with a year and a holder; a bare "(c) Name" is usually a photo credit."""
    if len(line) > _COPYRIGHT_MAX_CHARS or not _YEAR_RE.search(line):
        return False
    return holder is not None or _RIGHTS_RE.search(line) is not None


def _nonblank_lines(text: str, start: int) -> int:
    count = 0
    for line in text[start:].splitlines():
        if line.strip():
            count += 1
            if count > _TRAILING_LINES:
                break
    return count


def _rstrip(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def _strip_trailing_dates(text: str, start: int, stop: int) -> tuple[int, dt.date | None, str]:
    """Walk back over date lines ("2023-12-08T07:58:02Z a1b2", "Updated 13 Apr, 2024") ending text[start:stop].

    Returns the new end and the date of the last one that states a publication date.
    """
    end = _rstrip(text, start, stop)
    date: dt.date | None = None
    basis = "none"
    for _ in range(_TRAILING_LINES):
        line_start = max(text.rfind("\n", start, end) + 1, start)
        match = _HEADER_RE.fullmatch(text[line_start:end].strip())
        # Besides the date, at most one opaque token (an id) may follow.
        if not match or len(match["rest"].split()) > 1 or line_start == start:
            break
        found = parse_date(match["date"])
        if found is None:
            break
        if date is None and not _is_update(match["label"]):
            date, basis = found, ("timestamp" if match["time"] else "trailer")
        end = _rstrip(text, start, line_start)
    return end, date, basis


def _is_update(label: str | None) -> bool:
    return bool(label) and ("updated" in label.lower() or label.lower() == "modified")


def _copyright_holder(line: str) -> str | None:
    holder = _COPYRIGHT_LEAD_RE.sub("", line.strip())
    holder = _COPYRIGHT_CUT_RE.split(holder, maxsplit=1)[0]
    holder = _TRAILING_YEAR_RE.sub("", holder.strip()).strip(" .")
    # The capitalised name that opens the notice: "Guardian News & Media Limited or its affiliates".
    name = _NAME_RE.match(holder)
    return name[0].rstrip(" .") if name else None
