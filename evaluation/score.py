"""Scoring of predictions against gold spans: pure functions, no database, no spaCy.

Spans are (doc_id, char_start, char_end), 0-based and end-exclusive. A gold span is *found
strictly* when a prediction has exactly its offsets, and *found leniently* when a prediction
overlaps it by at least one character."""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import combinations


@dataclass(frozen=True)
class Span:
    doc_id: str
    start: int
    end: int

    def overlaps(self, other: Span) -> bool:
        return self.doc_id == other.doc_id and self.start < other.end and other.start < self.end

    def same(self, other: Span) -> bool:
        return (self.doc_id, self.start, self.end) == (other.doc_id, other.start, other.end)


@dataclass(frozen=True)
class Name:
    span: Span
    type: str | None  # PER, ORG, LOC; None for a prediction of another type; gold may accept several: `ORG|LOC`
    kind: str | None = None  # a prediction's mention_kind (`demonym`, ...); None for gold

    def accepts(self, predicted: str | None) -> bool:
        return predicted is not None and self.type is not None and predicted in self.type.split("|")


@dataclass(frozen=True)
class Quote:
    span: Span
    speakers: tuple[str, ...]  # every way the text names the speaker (prediction: canonical and as written)


@dataclass(frozen=True)
class DateValue:
    span: Span
    start: str | None  # ISO day; None when unresolved
    end: str | None


@dataclass(frozen=True)
class Figure:
    span: Span
    value: float | None
    low: float | None
    high: float | None  # None: open above
    action: str | None
    claim: str | None  # gold: the claim label within its story; prediction: claim_key
    story: str = ""
    role: str = ""  # gold: `total` (a count of the story's own event) or `trap` (must join no total)


@dataclass(frozen=True)
class Rate:
    hits: int
    total: int

    @property
    def percent(self) -> float | None:
        return 100.0 * self.hits / self.total if self.total else None

    def __str__(self) -> str:
        pct = self.percent
        return "n/a" if pct is None else f"{pct:.0f} % ({self.hits}/{self.total})"


_LEADING_ARTICLE = re.compile(r"(?:the|The|THE|a|an)\s+")
_TRAILING = re.compile(r"(?:['’]s|['’]|[.,;:])$")


_NEXT_WORD_LOWER = re.compile(r"[ \t]+[a-z]")


def nationality_modifier(text: str, name: Name) -> bool:
    """A demonym before a common noun (`Afghan refugees`, `the Swedish captain`) names its
    nationality, no person, organisation or place: scored as spaCy's NORP is, not as a name. One
    standing alone or inside a name (`the Afghans`, `American's parent`, `British Airways`) is
    scored as the name of what it stands for; so is a plural (`Bangladeshis and Rohingya`, `the
    Belgians winning`), which names the people or the team."""
    return (name.kind == "demonym" and not text[name.span.start:name.span.end].endswith("s")
            and bool(_NEXT_WORD_LOWER.match(text, name.span.end)))


def trim_name(text: str, span: Span) -> Span:
    """A name's span without a leading article and a trailing possessive or punctuation (`the
    Church of Scientology's` -> `Church of Scientology`), as the gold writes names; applied to
    every system's predictions before exact-span matching, so that no system is scored on its
    article convention."""
    start, end = span.start, span.end
    m = _LEADING_ARTICLE.match(text, start, end)
    if m and m.end() < end:
        start = m.end()
    m = _TRAILING.search(text[start:end])
    if m and m.start() > 0:
        end = start + m.start()
    return Span(span.doc_id, start, end)


class _Index:
    """Predictions by document, for overlap look-ups."""

    def __init__(self, items: Iterable[object], span_of) -> None:
        self._by_doc: dict[str, list] = defaultdict(list)
        self._span_of = span_of
        for item in items:
            self._by_doc[span_of(item).doc_id].append(item)

    def overlapping(self, span: Span) -> list:
        return [p for p in self._by_doc.get(span.doc_id, []) if self._span_of(p).overlaps(span)]

    def exact(self, span: Span) -> list:
        return [p for p in self._by_doc.get(span.doc_id, []) if self._span_of(p).same(span)]


@dataclass(frozen=True)
class NameScores:
    found_strict: Rate
    found_lenient: Rate
    typed_strict: Rate
    typed_lenient: Rate
    precision_lenient: Rate


def score_names(gold: Sequence[Name], pred: Sequence[Name], unscored: Sequence[Span] = ()) -> NameScores:
    """Recall of gold names (found, and found with the right type), strict and lenient; and the
    share of typed predictions that overlap some gold name (predictions of other types are ignored).
    A prediction that overlaps no gold name but one of the unscored spans (names the gold marks
    without scoring them, CoNLL's MISC) is left out of the precision, neither right nor wrong."""
    typed_pred = [p for p in pred if p.type is not None]
    index = _Index(typed_pred, lambda n: n.span)
    fs = fl = ts = tl = 0
    for g in gold:
        exact, near = index.exact(g.span), index.overlapping(g.span)
        fs += bool(exact)
        fl += bool(near)
        ts += any(g.accepts(p.type) for p in exact)
        tl += any(g.accepts(p.type) for p in near)
    gold_index = _Index(gold, lambda n: n.span)
    neutral = _Index(unscored, lambda s: s)
    precise = judged = 0
    for p in typed_pred:
        hit = bool(gold_index.overlapping(p.span))
        precise += hit
        judged += hit or not neutral.overlapping(p.span)
    n = len(gold)
    return NameScores(Rate(fs, n), Rate(fl, n), Rate(ts, n), Rate(tl, n), Rate(precise, judged))


def missed_names(gold: Sequence[Name], pred: Sequence[Name]) -> list[Name]:
    """Gold names that no typed prediction overlaps (the misses of `names found (overlap)`)."""
    index = _Index([p for p in pred if p.type is not None], lambda n: n.span)
    return [g for g in gold if not index.overlapping(g.span)]


def spurious_names(gold: Sequence[Name], pred: Sequence[Name], unscored: Sequence[Span] = ()) -> list[Name]:
    """Typed predictions that overlap no gold name nor an unscored span (the misses of `name
    predictions overlapping a gold name`), in prediction order."""
    gold_index = _Index(gold, lambda n: n.span)
    neutral = _Index(unscored, lambda s: s)
    return [p for p in pred if p.type is not None
            and not gold_index.overlapping(p.span) and not neutral.overlapping(p.span)]


def mistyped_names(gold: Sequence[Name], pred: Sequence[Name]) -> list[tuple[Name, tuple[Name, ...]]]:
    """Gold names that typed predictions overlap but none with an accepted type (the found names
    `names with the right type (overlap)` misses), each with those predictions."""
    index = _Index([p for p in pred if p.type is not None], lambda n: n.span)
    out: list[tuple[Name, tuple[Name, ...]]] = []
    for g in gold:
        near = index.overlapping(g.span)
        if near and not any(g.accepts(p.type) for p in near):
            out.append((g, tuple(near)))
    return out


_DETERMINERS = re.compile(r"^(the|a|an) ")


def normalise_name(text: str) -> str:
    """Lower case, ASCII, no possessive `'s`, words separated by single spaces, no leading article."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    text = re.sub(r"['’]s\b", "", text)
    text = re.sub(r"[^a-z0-9]+", " ", text).strip()
    return _DETERMINERS.sub("", text)


def speaker_matches(predicted: str | None, gold_names: Iterable[str]) -> bool:
    """True when the predicted speaker names the gold speaker: equal after normalising, one a
    word-suffix of the other (`Mohib` / `Hamdullah Mohib`, `President Joe Biden` / `Joe Biden`),
    or both ending in the same word (`Professor Eastman` / `Professor Cres Eastman`)."""
    if not predicted:
        return False
    p = normalise_name(predicted)
    if not p:
        return False
    for name in gold_names:
        g = normalise_name(name)
        if not g:
            continue
        if p == g or g.endswith(" " + p) or p.endswith(" " + g) or p.split()[-1] == g.split()[-1]:
            return True
    return False


@dataclass(frozen=True)
class QuoteScores:
    found: Rate
    speaker_right: Rate


def score_quotes(gold: Sequence[Quote], pred: Sequence[Quote]) -> QuoteScores:
    """A gold quote is found when a predicted quote overlaps it; its speaker is right when one of
    the overlapping predictions names the gold speaker in one of its forms (see speaker_matches)."""
    index = _Index(pred, lambda q: q.span)
    found = right = 0
    for g in gold:
        near = index.overlapping(g.span)
        found += bool(near)
        right += any(speaker_matches(s, g.speakers) for p in near for s in p.speakers)
    return QuoteScores(Rate(found, len(gold)), Rate(right, len(gold)))


def speaker_misses(gold: Sequence[Quote], pred: Sequence[Quote]) -> list[tuple[Quote, tuple[Quote, ...]]]:
    """The gold quotes score_quotes does not count as having the right speaker, each with the
    predictions that overlap it (an empty tuple when the quote was not found), in gold order."""
    index = _Index(pred, lambda q: q.span)
    out: list[tuple[Quote, tuple[Quote, ...]]] = []
    for g in gold:
        near = index.overlapping(g.span)
        if not any(speaker_matches(s, g.speakers) for p in near for s in p.speakers):
            out.append((g, tuple(near)))
    return out


@dataclass(frozen=True)
class DateScores:
    found: Rate
    resolved_right: Rate


def score_dates(gold: Sequence[DateValue], pred: Sequence[DateValue]) -> DateScores:
    """A gold date is found when a predicted date overlaps it, and resolved right when an
    overlapping prediction has exactly its first and last day."""
    index = _Index(pred, lambda d: d.span)
    found = right = 0
    for g in gold:
        near = index.overlapping(g.span)
        found += bool(near)
        right += any((p.start, p.end) == (g.start, g.end) for p in near)
    return DateScores(Rate(found, len(gold)), Rate(right, len(gold)))


@dataclass(frozen=True)
class DateMiss:
    gold: DateValue
    predicted: tuple[DateValue, ...]  # the overlapping predictions (none: not found)


def date_misses(gold: Sequence[DateValue], pred: Sequence[DateValue]) -> list[DateMiss]:
    """The gold dates score_dates does not count as resolved right, each with the predictions that
    overlap it (an empty tuple when none was found), in gold order."""
    index = _Index(pred, lambda d: d.span)
    out: list[DateMiss] = []
    for g in gold:
        near = index.overlapping(g.span)
        if not any((p.start, p.end) == (g.start, g.end) for p in near):
            out.append(DateMiss(g, tuple(near)))
    return out


@dataclass(frozen=True)
class FigureScores:
    found: Rate
    value_right: Rate
    action_right: Rate
    totals_joined: Rate
    traps_kept_out: Rate


def _close(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return abs(a - b) <= 1e-6 * max(1.0, abs(b))


def _best(near: list[Figure], g: Figure) -> Figure:
    """The prediction that overlaps the gold figure most."""
    return max(near, key=lambda p: min(p.span.end, g.span.end) - max(p.span.start, g.span.start))


def action_matches(predicted: str | None, gold: str | None) -> bool:
    """Gold actions are plain verbs (kill, injure, shoot, arrest, missing, ...); a prediction
    matches when it names the same class (`detain` counts for `arrest`)."""
    synonyms = {"arrest": {"arrest", "detain"}, "injure": {"injure", "injured"}, "shoot": {"shoot", "shot"}}
    if gold is None:
        return predicted is None
    return predicted is not None and predicted in synonyms.get(gold, {gold})


def _figure_matches(gold: Sequence[Figure], pred: Sequence[Figure]) -> dict[int, Figure]:
    """Gold figure index -> the prediction that overlaps it most."""
    index = _Index(pred, lambda f: f.span)
    matched: dict[int, Figure] = {}
    for i, g in enumerate(gold):
        near = index.overlapping(g.span)
        if near:
            matched[i] = _best(near, g)
    return matched


def _total_pairs(gold: Sequence[Figure], matched: dict[int, Figure]) -> list[tuple[int, int]]:
    totals = [i for i, g in enumerate(gold) if g.role == "total" and i in matched]
    return [(a, b) for a, b in combinations(totals, 2)
            if gold[a].story == gold[b].story and gold[a].claim == gold[b].claim]


def _totals_by_key(gold: Sequence[Figure], matched: dict[int, Figure]) -> dict[tuple[str, str], list[int]]:
    """(story, predicted claim key) -> the found gold totals predicted with that key."""
    out: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i, g in enumerate(gold):
        if g.role == "total" and i in matched and matched[i].claim is not None:
            out[(g.story, matched[i].claim)].append(i)
    return out


def score_figures(gold: Sequence[Figure], pred: Sequence[Figure]) -> FigureScores:
    """found: a prediction overlaps the gold figure; value right (gold figures with a value; vague
    ones like `about 2,000` have none): its value, lower and upper bound equal the gold's; action
    right (gold figures with an action): its action class names it;
    totals joined: pairs of found `total` figures of one story with the same gold claim whose
    predictions share a non-null claim key; traps kept out: found `trap` figures (ages, measures,
    durations, ammunition, older events, subsets) whose prediction shares no claim key with a
    prediction of a `total` figure of the same story."""
    matched = _figure_matches(gold, pred)
    valued = [i for i, g in enumerate(gold) if g.value is not None]
    value = sum(1 for i in valued if i in matched and all(
        _close(a, b) for a, b in ((matched[i].value, gold[i].value), (matched[i].low, gold[i].low),
                                  (matched[i].high, gold[i].high))))
    with_action = [i for i, g in enumerate(gold) if g.action]
    action = sum(1 for i in with_action if i in matched and action_matches(matched[i].action, gold[i].action))
    pairs = _total_pairs(gold, matched)
    joined = sum(1 for a, b in pairs if matched[a].claim is not None and matched[a].claim == matched[b].claim)
    traps = [i for i, g in enumerate(gold) if g.role == "trap" and i in matched]
    by_key = _totals_by_key(gold, matched)
    kept = sum(1 for i in traps if (gold[i].story, matched[i].claim) not in by_key)
    return FigureScores(
        found=Rate(len(matched), len(gold)),
        value_right=Rate(value, len(valued)),
        action_right=Rate(action, len(with_action)),
        totals_joined=Rate(joined, len(pairs)),
        traps_kept_out=Rate(kept, len(traps)),
    )


@dataclass(frozen=True)
class TrapJoined:
    trap: Figure  # the gold trap
    predicted: Figure  # its prediction, whose claim key a total's prediction shares
    totals: tuple[Figure, ...]  # the gold totals predicted with that key


@dataclass(frozen=True)
class PairApart:
    first: Figure  # two gold totals of one story and claim ...
    second: Figure
    first_predicted: Figure  # ... whose predictions do not share a claim key
    second_predicted: Figure


def figure_misses(gold: Sequence[Figure], pred: Sequence[Figure]) -> tuple[list[TrapJoined], list[PairApart]]:
    """What the two claim lines of score_figures miss, one item each: the traps not kept out (with
    the totals they join) and the pairs of same-claim totals not joined."""
    matched = _figure_matches(gold, pred)
    by_key = _totals_by_key(gold, matched)
    traps = [TrapJoined(g, matched[i], tuple(gold[t] for t in by_key[(g.story, matched[i].claim)]))
             for i, g in enumerate(gold)
             if g.role == "trap" and i in matched and (g.story, matched[i].claim) in by_key]
    apart = [PairApart(gold[a], gold[b], matched[a], matched[b]) for a, b in _total_pairs(gold, matched)
             if matched[a].claim is None or matched[a].claim != matched[b].claim]
    return traps, apart
