"""The dev-set scorer on tiny hand-made gold/prediction pairs: span matching, types, speakers, date
ranges, figure claims, and the loaders' errors. No warehouse build and no spaCy."""

from __future__ import annotations

import csv
import sys
from pathlib import Path

import pytest

from evaluation.build import write_corpus
from evaluation.cli import conflict_note, trimmed
from evaluation.devset import Article, DevSet, DevSetError, load, load_invented
from evaluation.predict import Predictions
from evaluation.score import (
    DateValue,
    Figure,
    Name,
    Quote,
    Span,
    action_matches,
    date_misses,
    figure_misses,
    missed_names,
    nationality_modifier,
    score_dates,
    score_figures,
    score_names,
    score_quotes,
    speaker_matches,
    speaker_misses,
    spurious_names,
    trim_name,
)
from evaluation.timeml import load_timeml, parse_tml, value_range

REPO = Path(__file__).resolve().parents[1]


def sp(start: int, end: int, doc: str = "d") -> Span:
    return Span(doc, start, end)


def test_names_strict_and_lenient_recall_and_types() -> None:
    gold = [Name(sp(0, 12), "PER"), Name(sp(20, 27), "ORG|LOC"), Name(sp(40, 45), "ORG"), Name(sp(0, 5, "e"), "LOC")]
    pred = [
        Name(sp(0, 12), "ORG"),  # exact span, wrong type
        Name(sp(6, 12), "PER"),  # overlaps the same gold name, right type
        Name(sp(20, 27), "LOC"),  # exact, an accepted alternative type
        Name(sp(50, 55), "PER"),  # matches no gold name
        Name(sp(40, 45), None),  # a type the gold does not score (e.g. an event): ignored
        Name(sp(0, 5, "other"), "LOC"),  # same offsets in another document: no match
        Name(sp(12, 20), "PER"),  # touches two gold names without overlapping either
    ]
    s = score_names(gold, pred)
    assert (s.found_strict.hits, s.found_lenient.hits) == (2, 2)
    assert (s.typed_strict.hits, s.typed_lenient.hits) == (1, 2)
    assert s.found_strict.total == 4
    assert (s.precision_lenient.hits, s.precision_lenient.total) == (3, 6)
    assert str(s.found_lenient) == "50 % (2/4)"


def test_missed_names_are_the_gold_names_no_typed_prediction_overlaps() -> None:
    gold = [Name(sp(0, 12), "PER"), Name(sp(20, 27), "ORG"), Name(sp(40, 45), "LOC")]
    pred = [
        Name(sp(6, 12), "ORG"),  # overlaps, wrong type: found, not missed
        Name(sp(20, 27), None),  # an unscored type: the name is still missed
        Name(sp(40, 45, "other"), "LOC"),  # another document
    ]
    assert missed_names(gold, pred) == [gold[1], gold[2]]


def test_spurious_names_are_the_typed_predictions_no_gold_name_overlaps() -> None:
    gold = [Name(sp(0, 12), "PER"), Name(sp(20, 27), "ORG")]
    pred = [
        Name(sp(6, 12), "ORG"),  # overlaps a gold name, wrong type: not spurious
        Name(sp(30, 35), "LOC"),  # overlaps nothing: spurious
        Name(sp(40, 45), None),  # an unscored type: ignored
        Name(sp(50, 55), "PER"),  # overlaps an unscored span (a MISC): neither right nor wrong
        Name(sp(0, 12, "other"), "PER"),  # same offsets in another document: spurious
    ]
    assert spurious_names(gold, pred, [sp(52, 60)]) == [pred[1], pred[4]]
    s = score_names(gold, pred, [sp(52, 60)])
    assert s.precision_lenient.total - s.precision_lenient.hits == len(spurious_names(gold, pred, [sp(52, 60)]))


def test_a_nationality_before_a_common_noun_is_no_name_prediction() -> None:
    text = "Afghan refugees met the Afghans and British Airways; American drop slots."

    def demonym(start: int, end: int, kind: str | None = "demonym") -> Name:
        return Name(sp(start, end), "LOC", kind)

    assert nationality_modifier(text, demonym(0, 6))  # `Afghan refugees`: a nationality
    assert not nationality_modifier(text, demonym(24, 31))  # `the Afghans`: the people
    assert not nationality_modifier(text, demonym(36, 43))  # `British Airways`: inside a name
    assert not nationality_modifier(text, demonym(0, 6, "name"))  # only demonyms
    assert nationality_modifier(text, demonym(53, 61))  # `American drop`: read as a nationality too
    # the scorer leaves such a prediction out of the names, as it does spaCy's NORP
    dev = DevSet(articles=[Article("d", "gum_news", "d", text, "2020-01-01")], names=[Name(sp(24, 31), "PER")])
    got = trimmed(dev, [demonym(0, 6), demonym(24, 31), Name(sp(36, 51), "ORG", "name")])
    assert [n.type for n in got] == [None, "LOC", "ORG"]
    assert score_names(dev.names, got).precision_lenient.total == 2


def test_trim_name_drops_articles_and_possessives_only_around_a_name() -> None:
    text = "In the Church of Scientology's view, The Hague and The said"
    church = trim_name(text, sp(3, 30))
    assert text[church.start : church.end] == "Church of Scientology"
    hague = trim_name(text, sp(37, 46))
    assert text[hague.start : hague.end] == "Hague"
    alone = trim_name(text, sp(51, 54))  # `The` alone stays as it is
    assert text[alone.start : alone.end] == "The"


@pytest.mark.parametrize(
    ("predicted", "gold", "expected"),
    [
        ("Okafor", ["Maria Okafor", "Police Chief Maria Okafor"], True),
        ("Police Chief Maria Okafor", ["Maria Okafor"], True),
        ("Professor Eastman", ["Professor Cres Eastman"], True),
        ("the newspaper", ["The Carverton Herald", "the newspaper"], True),
        ("The Church of Scientology's", ["Church of Scientology"], True),
        ("Paul Whitaker", ["Anna Nowak", "Mayor Anna Nowak"], False),
        ("Lee", ["Ann Klee"], False),  # a suffix of a word is no surname
        ("the company", ["The Carverton Herald", "the newspaper"], False),
        (None, ["Anna Nowak"], False),
        ("", ["Anna Nowak"], False),
    ],
)
def test_speaker_matches(predicted: str | None, gold: list[str], expected: bool) -> None:
    assert speaker_matches(predicted, gold) is expected


def test_quotes_found_by_overlap_and_speaker_from_any_overlapping_prediction() -> None:
    gold = [Quote(sp(10, 50), ("Anna Nowak",)), Quote(sp(60, 90), ("the newspaper",)), Quote(sp(100, 120), ("X Y",))]
    pred = [
        Quote(sp(10, 30), ("Paul Whitaker",)),  # first half of the first quote, wrong speaker
        Quote(sp(31, 50), ("Nowak", "she")),  # second half, right speaker (canonical form)
        Quote(sp(55, 61), ()),  # overlaps the second quote by one character, no speaker
    ]
    s = score_quotes(gold, pred)
    assert (s.found.hits, s.found.total) == (2, 3)
    assert s.speaker_right.hits == 1


def test_dates_need_the_exact_range() -> None:
    gold = [
        DateValue(sp(0, 7), "2017-07-18", "2017-07-18"),
        DateValue(sp(10, 19), "2017-07-10", "2017-07-16"),
        DateValue(sp(30, 34), "2010-01-01", "2010-12-31"),
    ]
    pred = [
        DateValue(sp(0, 7), "2017-07-18", "2017-07-18"),
        DateValue(sp(8, 19), "2017-07-03", "2017-07-09"),  # a week off
    ]
    s = score_dates(gold, pred)
    assert (s.found.hits, s.resolved_right.hits, s.resolved_right.total) == (2, 1, 3)


def test_speaker_misses_list_quotes_without_the_right_speaker_with_their_predictions() -> None:
    gold = [Quote(sp(10, 50), ("Anna Nowak",)), Quote(sp(60, 90), ("the newspaper",)), Quote(sp(100, 120), ("X Y",))]
    right = Quote(sp(10, 30), ("Nowak",))
    wrong = Quote(sp(60, 90), ("the company",))
    assert speaker_misses(gold, [right, wrong]) == [(gold[1], (wrong,)), (gold[2], ())]


def test_date_misses_list_wrong_and_unfound_dates_with_their_predictions() -> None:
    gold = [
        DateValue(sp(0, 7), "2017-07-18", "2017-07-18"),
        DateValue(sp(10, 19), "2017-07-10", "2017-07-16"),
        DateValue(sp(30, 34), "2010-01-01", "2010-12-31"),
    ]
    week_off = DateValue(sp(8, 19), "2017-07-03", "2017-07-09")
    pred = [DateValue(sp(0, 7), "2017-07-18", "2017-07-18"), week_off]
    misses = date_misses(gold, pred)
    assert [(m.gold, m.predicted) for m in misses] == [(gold[1], (week_off,)), (gold[2], ())]


def _fig(start: int, end: int, doc: str, value: float | None, *, action: str | None = None,
         claim: str | None = None, role: str = "") -> Figure:
    """An exact figure (its bounds are its value) of story `s`."""
    return Figure(Span(doc, start, end), value, value, value, action, claim, "s", role)


def test_figures_values_actions_claims_and_traps() -> None:
    gold = [
        _fig(0, 9, "a", 10, action="shoot", claim="shot", role="total"),
        _fig(20, 30, "a", 1, action="kill", claim="killed", role="total"),
        _fig(0, 9, "b", 1, action="kill", claim="killed", role="total"),
        _fig(40, 51, "a", 62, role="trap"),  # an age
        _fig(60, 70, "a", 4, action="kill", claim="older", role="trap"),  # an older toll
        Figure(Span("a", 80, 95), 200, 200, None, "injure", "injured", "s", "total"),  # more than 200
        _fig(100, 110, "a", None, role="trap"),  # about 60 metres: no value to check
    ]
    pred = [
        _fig(0, 9, "a", 10, action="shoot", claim="people|shoot"),
        _fig(18, 30, "a", 1, action="kill", claim="people|kill"),
        _fig(0, 9, "b", 1, action="kill", claim="people|kill"),
        _fig(40, 51, "a", 62, claim="people|kill"),  # the age joined the dead: a trap not kept out
        _fig(60, 70, "a", 4, action="kill", claim="people|kill|2016"),  # kept apart by its year
        Figure(Span("a", 80, 95), 200, 200, None, "injure", "people|injure", "s"),
    ]
    s = score_figures(gold, pred)
    assert (s.found.hits, s.found.total) == (6, 7)
    assert (s.value_right.hits, s.value_right.total) == (6, 6)
    assert (s.action_right.hits, s.action_right.total) == (5, 5)
    assert (s.totals_joined.hits, s.totals_joined.total) == (1, 1)
    assert (s.traps_kept_out.hits, s.traps_kept_out.total) == (1, 2)


def test_figure_bounds_must_match_open_or_closed() -> None:
    gold = [Figure(Span("a", 0, 5), 30, 30, None, None, None, "s", "trap")]  # at least 30 rounds
    closed = [Figure(Span("a", 0, 5), 30, 30, 30, None, None, "s")]
    assert score_figures(gold, closed).value_right.hits == 0
    open_ = [Figure(Span("a", 0, 5), 30, 30, None, None, None, "s")]
    assert score_figures(gold, open_).value_right.hits == 1


def test_action_synonyms() -> None:
    assert action_matches("detain", "arrest")
    assert not action_matches("kill", "injure")
    assert not action_matches(None, "kill")


def test_invented_loader_locates_spans_and_names_bad_rows(tmp_path: Path) -> None:
    story = tmp_path / "stories" / "s1"
    story.mkdir(parents=True)
    (story / "a1.txt").write_text('Fire kills 3\n\n"It was fast," Chief Ann Lee said. Three people died.\n')
    (story / "metadata.csv").write_text("file,outlet,published_date,title\na1.txt,Post,2025-01-02,Fire kills 3\n")
    (tmp_path / "quotes.csv").write_text("doc_id,surface,speaker_names\na1,It was fast,Ann Lee|Chief Ann Lee\n")
    (tmp_path / "figures.csv").write_text(
        "doc_id,surface,occurrence,value,low,high,action,claim,role\n"
        "a1,3,1,3,3,3,kill,killed,total\na1,Three people,1,3,3,3,kill,killed,total\n"
    )
    dev = load_invented(tmp_path)
    text = dev.articles[0].text
    assert [text[f.span.start : f.span.end] for f in dev.figures] == ["3", "Three people"]
    assert text[dev.quotes[0].span.start : dev.quotes[0].span.end] == "It was fast"
    assert dev.figures[0].story == "s1" and dev.quotes[0].speakers == ("Ann Lee", "Chief Ann Lee")

    (tmp_path / "figures.csv").write_text(
        "doc_id,surface,occurrence,value,low,high,action,claim,role\na1,3,2,3,3,3,kill,killed,total\n"
    )
    with pytest.raises(DevSetError, match=r"figures\.csv:2: '3' \(occurrence 2\) not found in a1"):
        load_invented(tmp_path)
    (tmp_path / "figures.csv").write_text(
        "doc_id,surface,occurrence,value,low,high,action,claim,role\na1,3,1,three,3,3,kill,killed,total\n"
    )
    with pytest.raises(DevSetError, match=r"figures\.csv:2: 'three' is not a number"):
        load_invented(tmp_path)


def test_conflicts_on_claims_the_outlets_really_dispute_are_found_not_false(tmp_path: Path) -> None:
    """conflicts.csv names the gold claims the outlets of a story really dispute: a predicted
    conflict with a figure on such a claim counts as found, any other as false; an unknown claim
    is an error."""
    story = tmp_path / "stories" / "s1"
    story.mkdir(parents=True)
    (story / "a1.txt").write_text("Three people died. Tickets cost 5 dollars.\n")
    (story / "a2.txt").write_text("Four people died. The firm paid 900 dollars.\n")
    (story / "metadata.csv").write_text(
        "file,outlet,published_date,title\na1.txt,Post,2025-01-02,x\na2.txt,Wire,2025-01-02,y\n"
    )
    (tmp_path / "figures.csv").write_text(
        "doc_id,surface,occurrence,value,low,high,action,claim,role\n"
        "a1,Three people,1,3,3,3,kill,killed,total\na2,Four people,1,4,4,4,kill,killed,total\n"
        "a1,5 dollars,1,5,5,5,,,trap\n"
    )
    (tmp_path / "conflicts.csv").write_text("story,claim,note\ns1,killed,3 against 4\n")
    dev = load_invented(tmp_path)
    assert dev.conflicts == [("s1", "killed")]
    real = ("s1", "people|kill", [Span("a1", 0, 12), Span("a2", 0, 11)])
    false = ("s1", "dollars", [Span("a1", 32, 41), Span("a2", 32, 43)])
    note = conflict_note(dev, Predictions(conflicts=[real, false]))
    assert "false conflicts on the invented stories: 1, of which caused by" in note and "s1: dollars" in note
    assert "real conflicts found on the invented stories: 1/1" in note
    missed = conflict_note(dev, Predictions(conflicts=[false]))
    assert "real conflicts found on the invented stories: 0/1 (missed: s1: killed)" in missed
    (tmp_path / "conflicts.csv").write_text("story,claim,note\ns1,injured,none\n")
    with pytest.raises(DevSetError, match=r"conflicts\.csv:2: no total figure of story 's1' has claim 'injured'"):
        load_invented(tmp_path)


def test_stored_dev_set_gives_back_its_surfaces() -> None:
    """Every stored gold span still gives back the text it was made from."""
    dev = load(REPO / "devset")
    texts = {a.doc_id: a.text for a in dev.articles}
    with (REPO / "devset" / "gum_news" / "names.csv").open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert len(rows) == len(dev.names) >= 900
    assert all(texts[r["doc_id"]][int(r["char_start"]) : int(r["char_end"])] == r["surface"] for r in rows)
    assert len(dev.quotes) >= 80 and len(dev.dates["gum_news"]) >= 150 and len(dev.figures) >= 100
    assert all(a.published_date for a in dev.articles)


def test_timeml_reader(tmp_path: Path) -> None:
    tml = tmp_path / "x.tml"
    tml.write_text(
        '<TimeML><DCT><TIMEX3 tid="t0" type="DATE" value="1998-02-13" functionInDocument="CREATION_TIME">'
        "02/13/1998</TIMEX3></DCT>\n<TEXT>\nQantas &amp; Co will <EVENT eid=\"e1\">fly</EVENT> by "
        '<TIMEX3 tid="t1" type="DATE" value="1998-08">August</TIMEX3>, said <TIMEX3 tid="t2" type="DATE" '
        'value="1998-W07">this week</TIMEX3> for <TIMEX3 tid="t3" type="DURATION" value="P1M">a month</TIMEX3>.\n'
        "</TEXT></TimeML>\n",
        encoding="utf-8",
    )
    text, dct, dates = parse_tml(tml)
    assert dct == "1998-02-13"
    assert [(text[s:e], v) for s, e, v in dates] == [("August", "1998-08"), ("this week", "1998-W07")]
    assert "Qantas & Co will fly by August" in text
    assert value_range("1998-W07") == ("1998-02-09", "1998-02-15")
    assert value_range("1989-Q3") == ("1989-07-01", "1989-09-30")
    assert value_range("1998-02") == ("1998-02-01", "1998-02-28")
    assert value_range("PRESENT_REF") is None
    (tmp_path / "copy").mkdir()
    (tmp_path / "copy" / "x.tml").write_text(tml.read_text(encoding="utf-8"), encoding="utf-8")
    dev = load_timeml(tmp_path, "timebank")  # the same document twice is read once
    assert [a.doc_id for a in dev.articles] == ["x"] and len(dev.dates["timebank"]) == 2


def test_wire_news_quotes_load_with_timebank_and_score_apart(tmp_path: Path) -> None:
    """devset/timebank/quotes.csv locates its quotes in the TimeML texts `--timebank` reads; they are
    scored on lines of their own, and a bad row names the file and its line."""
    from evaluation.cli import report
    from evaluation.predict import Predictions

    root, tml = tmp_path / "devset", tmp_path / "tml"
    root.mkdir()
    tml.mkdir()
    for part in ("gum_news", "invented"):
        (root / part).symlink_to(REPO / "devset" / part)
    (tml / "w1.tml").write_text(
        '<TimeML><DCT><TIMEX3 tid="t0" type="DATE" value="1998-02-13" functionInDocument="CREATION_TIME">'
        "02/13/1998</TIMEX3></DCT>\n<TEXT>\n``It will pass,'' Ann Lee said. ``It will pass,'' she added.\n"
        "</TEXT></TimeML>\n",
        encoding="utf-8",
    )
    (root / "timebank").mkdir()
    quotes = root / "timebank" / "quotes.csv"
    quotes.write_text("doc_id,surface,occurrence,speaker_names\nw1,It will pass,2,Ann Lee|Lee\n", encoding="utf-8")
    dev = load(root, tml)
    wire = [q for q in dev.quotes if q.span.doc_id == "w1"]
    assert len(wire) == 1 and wire[0].speakers == ("Ann Lee", "Lee")
    text = next(a.text for a in dev.articles if a.doc_id == "w1")
    assert text[wire[0].span.start : wire[0].span.end] == "It will pass"
    assert text.index("It will pass") < wire[0].span.start  # the second occurrence
    assert len(load(root).quotes) == len(dev.quotes) - 1  # without --timebank the file is not read

    rows = {label: ours for label, ours, _ in report(dev, Predictions(), None)}
    assert rows["direct quotes found, wire news (TimeBank/AQUAINT)"].total == 1
    assert rows["direct quotes found"].total == len(dev.quotes) - 1

    for body, message in (
        ("w2,It will pass,,Ann Lee", r"quotes\.csv:2: unknown doc_id 'w2'"),
        ("w1,It will pass,3,Ann Lee", r"quotes\.csv:2: 'It will pass' \(occurrence 3\) not found in w1"),
        ("w1,It will pass,,", r"quotes\.csv:2: no speaker_names"),
        ("w1,It will pass,two,Ann Lee", r"quotes\.csv:2: occurrence 'two' is not a positive integer"),
    ):
        quotes.write_text(f"doc_id,surface,occurrence,speaker_names\n{body}\n", encoding="utf-8")
        with pytest.raises(DevSetError, match=message):
            load(root, tml)


def test_a_text_two_docs_hold_is_scored_under_both() -> None:
    from evaluation.predict import Predictions, share_identical_texts

    pred = Predictions(quotes=[Quote(sp(0, 4, "a"), ("Ann Lee",))], dates=[DateValue(sp(5, 9, "c"), None, None)])
    shared = share_identical_texts(pred, [("a", "same text"), ("b", "same text"), ("c", "other")])
    assert [q.span for q in shared.quotes] == [sp(0, 4, "a"), sp(0, 4, "b")]
    assert shared.quotes[1].speakers == ("Ann Lee",) and len(shared.dates) == 1


def test_stored_wire_news_quotes_are_well_formed() -> None:
    """The stored TimeBank/AQUAINT quote gold (texts not stored): rows complete, spread over both
    parts of the corpus."""
    with (REPO / "devset" / "timebank" / "quotes.csv").open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert len(rows) >= 250 and len({r["doc_id"] for r in rows}) >= 60
    assert all(r["surface"] and r["speaker_names"] for r in rows)
    assert any(r["doc_id"].startswith("wsj_") for r in rows) and any(r["doc_id"].startswith("APW") for r in rows)


def test_corpus_is_written_byte_for_byte_with_its_metadata(tmp_path: Path) -> None:
    article = Article("doc1", "invented", "story1", "Title\r\n\r\nBody “quoted”.\n", "2025-01-02", "Title", "Post")
    write_corpus([article], tmp_path)
    assert (tmp_path / "story1" / "doc1.txt").read_bytes() == article.text.encode("utf-8")
    with (tmp_path / "story1" / "metadata.csv").open(encoding="utf-8") as f:
        assert list(csv.DictReader(f)) == [
            {"file": "doc1.txt", "outlet": "Post", "published_date": "2025-01-02", "url": "", "title": "Title"}
        ]


def test_scoring_needs_no_spacy() -> None:
    import evaluation.cli  # noqa: F401 - imported for its side effects on sys.modules

    assert "spacy" not in sys.modules


def test_figure_misses_list_the_traps_that_join_and_the_totals_apart() -> None:
    """--figure-misses: each trap whose prediction shares a total's claim key, with the totals it
    joins, and each pair of same-claim totals whose predictions do not share one."""
    gold = [
        _fig(0, 9, "a", 10, claim="shot", role="total"),
        _fig(0, 9, "b", 10, claim="shot", role="total"),
        _fig(20, 30, "a", 5, claim="killed", role="total"),
        _fig(20, 30, "b", 5, claim="killed", role="total"),
        _fig(40, 51, "a", 62, role="trap"),  # an age that joins the shot
        _fig(60, 70, "a", 4, role="trap"),  # an older toll kept apart
    ]
    pred = [
        _fig(0, 9, "a", 10, claim="people|shoot"),
        _fig(0, 9, "b", 10, claim="people|shoot"),
        _fig(20, 30, "a", 5, claim="people|kill"),
        _fig(20, 30, "b", 5, claim="people"),  # the dead of outlet b: not joined
        _fig(40, 51, "a", 62, claim="people|shoot"),
        _fig(60, 70, "a", 4, claim="people|kill|2016"),
    ]
    traps, apart = figure_misses(gold, pred)
    assert [(t.trap, t.totals) for t in traps] == [(gold[4], (gold[0], gold[1]))]
    assert [(p.first, p.second, p.first_predicted.claim, p.second_predicted.claim) for p in apart] == [
        (gold[2], gold[3], "people|kill", "people")
    ]
    s = score_figures(gold, pred)
    assert (s.traps_kept_out.total - s.traps_kept_out.hits, s.totals_joined.total - s.totals_joined.hits) == (1, 1)
