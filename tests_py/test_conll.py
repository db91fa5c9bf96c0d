"""The CoNLL-2003 reader on a tiny inline sample (the real texts are Reuters' and not stored here):
documents, detokenised text, entity offsets in IOB1 and IOB2, datelines, the table rule, and the
scorer leaving MISC spans out of the precision."""

from __future__ import annotations

from pathlib import Path

import pytest

from evaluation.conll import FALLBACK_DATE, detokenise, entities_of, load_conll
from evaluation.devset import DevSetError
from evaluation.score import Name, Span, score_names

# eng.testb's four columns, IOB1 tags; the first document has no -DOCSTART- before it, as in some copies
SAMPLE_IOB1 = """\
TOSHIBA NNP I-NP I-ORG
PROFIT NN I-NP O
UP RB I-ADVP O
. . O O

TOKYO NNP I-NP I-LOC
1996-12-06 CD I-NP O

Toshiba NNP I-NP I-ORG
Corp NNP I-NP I-ORG
's POS B-NP O
chief NN I-NP O
, , O O
Taizo NNP I-NP I-PER
Nishimuro NNP I-NP I-PER
, , O O
said VBD I-VP O
" " O O
profits NNS I-NP O
rose VBD I-VP O
" " O O
( ( O O
Japanese JJ I-NP I-MISC
) ) O O
. . O O

It PRP I-NP O
did VBD I-VP O
n't RB I-ADVP O
sell VB I-VP O
to TO I-PP O
France NNP I-NP I-LOC
Germany NNP I-NP B-LOC
. . O O

-DOCSTART- -X- -X- O

SOCCER NN I-NP O
- : O O
RESULTS NNS I-NP O
. . O O

Results NNS I-NP O
: : O O

Ajax NNP I-NP I-ORG
2 CD I-NP O
PSV NNP I-NP I-ORG
1 CD I-NP O

Feyenoord NNP I-NP I-ORG
0 CD I-NP O
Vitesse NNP I-NP I-ORG
0 CD I-NP O
"""

# test.txt's two columns, IOB2 tags
SAMPLE_IOB2 = """\
-DOCSTART- O

Kim B-PER
Do I-PER
Hoon I-PER
Lee B-PER
scored O
. O
"""


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_documents_text_and_entity_offsets(tmp_path: Path) -> None:
    dev = load_conll(write(tmp_path, "eng.testb", SAMPLE_IOB1))
    first, second = dev.articles
    assert first.text == (
        "TOSHIBA PROFIT UP.\n\n"
        "TOKYO 1996-12-06 Toshiba Corp's chief, Taizo Nishimuro, said \"profits rose\" (Japanese). "
        "It didn't sell to France Germany."
    )
    assert (first.doc_id, first.published_date, first.outlet, first.subset) == (
        "conll_test_001", "1996-12-06", "Reuters", "conll")
    got = [(first.text[n.span.start:n.span.end], n.type) for n in dev.names if n.span.doc_id == first.doc_id]
    # IOB1: `B-LOC` splits two adjacent places
    assert got == [("TOSHIBA", "ORG"), ("TOKYO", "LOC"), ("Toshiba Corp", "ORG"), ("Taizo Nishimuro", "PER"),
                   ("France", "LOC"), ("Germany", "LOC")]
    assert [first.text[s.start:s.end] for s in dev.unscored] == ["Japanese"]
    # mostly rows of a results table: scored apart; no dateline: the fallback date
    assert second.subset == "conll_tables"
    assert second.published_date == FALLBACK_DATE
    assert second.text == "SOCCER - RESULTS.\n\nResults: Ajax 2 PSV 1 Feyenoord 0 Vitesse 0"


def test_iob2_two_column_file_in_a_directory(tmp_path: Path) -> None:
    write(tmp_path, "test.txt", SAMPLE_IOB2)
    dev = load_conll(tmp_path)
    (article,) = dev.articles
    assert article.text == "Kim Do Hoon Lee scored."
    assert [(article.text[n.span.start:n.span.end], n.type) for n in dev.names] == [("Kim Do Hoon", "PER"),
                                                                                  ("Lee", "PER")]


def test_entities_of_iob1_and_iob2() -> None:
    assert entities_of(["I-PER", "I-PER", "B-PER", "O", "I-ORG", "I-LOC"]) == [
        (0, 2, "PER"), (2, 3, "PER"), (4, 5, "ORG"), (5, 6, "LOC")]
    assert entities_of(["B-PER", "I-PER", "B-PER", "I-PER", "O"]) == [(0, 2, "PER"), (2, 4, "PER")]


def test_detokenise_quotes_stay_open_across_sentences() -> None:
    quotes: set[str] = set()
    first, spans = detokenise(['"', "We", "won", "."], quotes)
    second, _ = detokenise(["Next", "year", ".", '"', "he", "said"], quotes)
    assert (first, second) == ('"We won.', 'Next year." he said')
    assert spans[1] == (1, 3)


def test_bad_files(tmp_path: Path) -> None:
    with pytest.raises(DevSetError, match=r"no eng\.testb"):
        load_conll(tmp_path)
    with pytest.raises(DevSetError, match="without a tag"):
        load_conll(write(tmp_path, "bad.txt", "Ajax\n"))


def test_predictions_on_unscored_names_are_neither_right_nor_wrong() -> None:
    gold = [Name(Span("d", 0, 5), "ORG")]
    unscored = [Span("d", 10, 18)]
    pred = [Name(Span("d", 0, 5), "ORG"), Name(Span("d", 10, 18), "LOC"), Name(Span("d", 30, 35), "PER")]
    assert (score_names(gold, pred).precision_lenient.hits, score_names(gold, pred).precision_lenient.total) == (1, 3)
    s = score_names(gold, pred, unscored)
    assert (s.precision_lenient.hits, s.precision_lenient.total) == (1, 2)
    assert s.found_strict.hits == 1


def test_report_scores_gum_and_conll_names_apart() -> None:
    from evaluation.cli import report
    from evaluation.devset import Article, DevSet
    from evaluation.predict import Predictions

    dev = DevSet(
        articles=[Article("g", "gum_news", "gum_news__g", "Anna Berg spoke.", "2017-01-01"),
                  Article("c1", "conll", "conll__c1", "Ajax beat PSV.", "1996-12-06"),
                  Article("c2", "conll_tables", "conll__c2", "Ajax 2 PSV 1", "1996-12-06")],
        names=[Name(Span("g", 0, 9), "PER"), Name(Span("c1", 0, 4), "ORG"), Name(Span("c2", 0, 4), "ORG")],
        unscored=[Span("c1", 10, 13)],
    )
    pred = Predictions(names=[Name(Span("g", 0, 9), "PER"), Name(Span("c1", 0, 4), "LOC"),
                              Name(Span("c1", 10, 13), "ORG"), Name(Span("c2", 7, 10), "ORG")])
    rows = {label: ours for label, ours, _ in report(dev, pred, None)}
    assert (rows["names found (overlap)"].hits, rows["names found (overlap)"].total) == (1, 1)
    conll, prose = ", Reuters news (CoNLL-2003)", ", Reuters news without result tables (CoNLL-2003)"
    assert (rows["names found (overlap)" + conll].hits, rows["names found (overlap)" + conll].total) == (1, 2)
    assert rows["names with the right type (overlap)" + conll].hits == 0
    # `PSV` overlaps only a MISC span: neither right nor wrong; the table's `PSV` counts against
    assert (rows["name predictions overlapping a gold name" + conll].hits,
            rows["name predictions overlapping a gold name" + conll].total) == (1, 2)
    assert rows["names found (overlap)" + prose].total == 1
