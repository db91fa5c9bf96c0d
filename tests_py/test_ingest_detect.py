"""Detection of publication date, outlet, dateline, title and body span.

The five sample articles are checked against the gold expectations (the spec of detection); the
invented articles cover other outlets' conventions, so the rules are not tuned to the samples only.
"""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from ingest.detect import detect, parse_date

SHARED = Path(__file__).resolve().parents[2] / "shared"

# From shared/gold/articles.csv: outlet, published_date, and the words the body ends with.
GOLD = {
    "000_3c335b76b6224e08": ("Dawn", "2023-12-09", "will also support Azerbaijan’s bid to host,” the statement read."),
    "001_6a1e265b84298ea3": (None, "2023-12-08", 'for the people of the South Caucasus."'),
    "002_e306693923fce447": ("CNN", "2023-12-08", "more than 90% of its exports."),
    "003_07edc077d577f0d1": (None, "2023-12-13", "finalize a peace deal as soon as possible."),
    "004_b1e92f7b0ca828eb": (None, None, "renewed diplomatic dialogue and stability in the region."),
}


def test_expectations_match_the_gold_file() -> None:
    gold_file = SHARED / "gold" / "articles.csv"
    if not gold_file.exists():
        pytest.skip("shared/gold is not beside the repository")
    with gold_file.open(newline="", encoding="utf-8") as handle:
        gold = {
            row["doc_id"]: (row["outlet"] or None, row["published_date"] or None, row["body_last_words"])
            for row in csv.DictReader(handle)
        }
    assert gold == GOLD


@pytest.fixture
def sample(sample_corpus: Path, load: Callable[..., Any], stored: Callable[[], dict[str, dict[str, Any]]]) -> dict:
    load(sample_corpus)
    return {name.removesuffix(".txt"): row for name, row in stored().items()}


@pytest.mark.parametrize("doc_id", sorted(GOLD))
def test_sample_article_matches_gold(sample: dict[str, dict[str, Any]], doc_id: str) -> None:
    outlet, published, last_words = GOLD[doc_id]
    article = sample[doc_id]
    text = article["raw_text"]
    assert article["outlet"] == outlet
    assert article["published_date"] == (dt.date.fromisoformat(published) if published else None)
    assert (article["published_date_basis"] in (None, "none")) == (published is None)
    assert text[: article["body_end"]].endswith(last_words)
    assert article["body_start"] < article["body_end"]


def test_sample_bodies_start_after_furniture(sample: dict[str, dict[str, Any]]) -> None:
    def body(doc_id: str) -> str:
        article = sample[doc_id]
        return article["raw_text"][article["body_start"] : article["body_end"]]

    assert body("000_3c335b76b6224e08").startswith("YEREVAN: Arch-foes")
    assert "Security lapses" not in body("000_3c335b76b6224e08")
    # The header line runs straight into the first sentence.
    assert body("001_6a1e265b84298ea3").startswith("Armenia and Azerbaijan released")
    # An embedded post is part of the article.
    assert "— Charles Michel (@CharlesMichel) December 7, 2023" in body("001_6a1e265b84298ea3")
    assert "For more CNN news" not in body("002_e306693923fce447")
    assert body("003_07edc077d577f0d1").startswith("YEREVAN, Armenia -")
    assert body("004_b1e92f7b0ca828eb").startswith("Armenia and Azerbaijan engaged")


def test_sample_titles_datelines_and_bases(sample: dict[str, dict[str, Any]]) -> None:
    first_line = sample["004_b1e92f7b0ca828eb"]["raw_text"].split("\n", 1)[0]
    assert sample["004_b1e92f7b0ca828eb"]["title"] == first_line
    assert sample["003_07edc077d577f0d1"]["title"] == (
        "Armenia and Azerbaijan exchange POWs in line with agreement announced last week"
    )
    assert sample["003_07edc077d577f0d1"]["dateline"] == "YEREVAN, Armenia"
    assert sample["000_3c335b76b6224e08"]["dateline"] == "YEREVAN"
    bases = {doc_id: (a["published_date_basis"], a["outlet_basis"]) for doc_id, a in sample.items()}
    assert bases == {
        "000_3c335b76b6224e08": ("trailer", "trailer"),
        "001_6a1e265b84298ea3": ("header", "none"),
        "002_e306693923fce447": ("timestamp", "trailer"),
        "003_07edc077d577f0d1": ("header", "none"),
        "004_b1e92f7b0ca828eb": ("none", "none"),
    }


def test_body_offsets_are_code_points_in_duckdb(sample_corpus: Path, load: Callable[..., Any], query) -> None:
    load(sample_corpus)
    mismatches = query(
        "select source_file, substr(raw_text, body_start + 1, body_end - body_start) as body, raw_text, "
        "body_start, body_end from raw.articles"
    )
    for _, body, text, start, end in mismatches:
        assert body == text[start:end]


def body_of(text: str, **hints: Any) -> str:
    found = detect(text, **hints)
    return text[found.body_start : found.body_end]


def test_wire_dateline_names_the_agency_and_reporting_credits_are_furniture() -> None:
    text = (
        "LONDON (Reuters) - British inflation fell to 3.9% in November, official data showed on Wednesday.\n\n"
        "The figure was below the 4.4% forecast by economists polled by the agency.\n\n"
        "Reporting by Jane Doe; Editing by John Smith\n"
    )
    found = detect(text)
    assert (found.dateline, found.outlet, found.outlet_basis) == ("LONDON", "Reuters", "dateline")
    assert found.published_date is None
    assert body_of(text).endswith("polled by the agency.")


def test_copyright_trailer_names_the_publisher_over_the_dateline_credit() -> None:
    text = (
        "NAIROBI, Kenya (AP) — Floods killed at least 40 people in western Kenya, officials said Tuesday.\n\n"
        "Rescue teams reached two villages by boat, the Red Cross said.\n\n"
        "Copyright 2024 The Associated Press. All rights reserved. This material may not be published, "
        "broadcast, rewritten or redistributed.\n"
    )
    found = detect(text)
    assert (found.outlet, found.outlet_basis) == ("The Associated Press", "copyright")
    assert found.dateline == "NAIROBI, Kenya"
    assert body_of(text).endswith("the Red Cross said.")


@pytest.mark.parametrize(
    ("line", "holder"),
    [
        (
            "© 2024 Guardian News & Media Limited or its affiliated companies. All rights reserved.",
            "Guardian News & Media Limited",
        ),
        ("(c) Copyright Thomson Reuters 2023.", "Thomson Reuters"),
        ("Copyright © 2023 Cable News Network. A Warner Bros. Discovery Company.", "Cable News Network"),
    ],
)
def test_copyright_lines(line: str, holder: str) -> None:
    found = detect(f"The port reopened on Monday after a week of strikes.\n\n{line}\n")
    assert (found.outlet, found.outlet_basis) == (holder, "copyright")
    assert body_of(f"The port reopened on Monday after a week of strikes.\n\n{line}\n").endswith("strikes.")


def test_title_byline_and_labelled_header_date() -> None:
    text = (
        "Harbour bridge reopens after storm repairs\n\n"
        "By Maria Lopez\n"
        "Published: 5 March 2024\n\n"
        "WELLINGTON: The city's harbour bridge reopened to traffic on Tuesday after three weeks of repairs.\n\n"
        "Engineers said the deck had been strengthened.\n"
    )
    found = detect(text)
    assert found.title == "Harbour bridge reopens after storm repairs"
    assert (found.published_date, found.published_date_basis) == (dt.date(2024, 3, 5), "header")
    assert found.dateline == "WELLINGTON"
    assert text[found.body_start :].startswith("WELLINGTON: The city's")
    assert found.outlet is None


def test_dates_inside_the_body_are_never_the_publication_date() -> None:
    text = (
        "The committee will publish its report on January 5, 2024, officials said on Tuesday.\n\n"
        "A hearing is scheduled for March 3, and the minister returns next week.\n"
    )
    found = detect(text)
    assert (found.published_date, found.published_date_basis) == (None, "none")
    assert (found.outlet, found.outlet_basis) == (None, "none")
    assert found.title is None
    assert body_of(text) == text.rstrip()


def test_a_photo_credit_does_not_end_the_body() -> None:
    text = "Crowds gathered in the square.\n\n© Jane Doe/Agency\n\nPolice later cleared the area, a witness said.\n"
    assert body_of(text).endswith("a witness said.")


def test_trailing_timestamp_with_offset_and_short_tail() -> None:
    text = (
        "Markets rose sharply on Thursday.\n\nFor more Example Times news visit our site\n\n2024-02-01T10:00:00+05:00\n"
    )
    found = detect(text)
    assert (found.published_date, found.published_date_basis) == (dt.date(2024, 2, 1), "timestamp")
    assert (found.outlet, found.outlet_basis) == ("Example Times", "trailer")
    assert body_of(text) == "Markets rose sharply on Thursday."


def test_published_in_trailer_cuts_what_follows() -> None:
    text = (
        "LAGOS: The central bank raised its main rate by 50 basis points.\n\n"
        "Published in The Daily Ledger, 4th of June, 2024\n\n"
        "Other headlines\n13 Apr, 2024\n\nSomething unrelated happened.\n"
    )
    found = detect(text)
    assert (found.outlet, found.published_date) == ("The Daily Ledger", dt.date(2024, 6, 4))
    assert body_of(text) == "LAGOS: The central bank raised its main rate by 50 basis points."


def test_republication_note_ends_the_body_without_naming_the_outlet() -> None:
    text = "Glaciers are retreating faster than expected.\n\nThis article was originally published on Example Wire.\n"
    found = detect(text)
    assert found.outlet is None
    assert body_of(text) == "Glaciers are retreating faster than expected."


def test_crlf_text_with_title() -> None:
    text = "Council approves new budget\r\n\r\nThe council approved the budget on Monday.\r\nIt passed 7-2.\r\n"
    found = detect(text)
    assert found.title == "Council approves new budget"
    assert body_of(text) == "The council approved the budget on Monday.\r\nIt passed 7-2."


def test_kicker_label_is_not_a_dateline_and_sentence_is_not_a_title() -> None:
    text = "EXCLUSIVE: The company plans to cut 200 jobs, two sources said.\n\nThe plan is not final.\n"
    found = detect(text)
    assert found.dateline is None
    assert found.title is None
    assert found.body_start == 0


def test_title_hint_marks_a_first_line_that_rules_alone_would_keep() -> None:
    text = "Why the port strike ended.\n\nDock workers voted to return on Friday.\n"
    assert detect(text).title is None
    found = detect(text, title_hint="Why the  port strike ended.")
    assert found.title == "Why the port strike ended."
    assert body_of(text, title_hint="Why the port strike ended.") == "Dock workers voted to return on Friday."


def test_header_date_with_section_word_and_bullet_headline() -> None:
    text = (
        " date 2024-05-02 Business\n\n"
        "    • Mill closes after 90 years\n\n"
        "    SHEFFIELD, England -\n\n"
        "    The mill shut.\n"
    )
    found = detect(text)
    assert (found.published_date, found.title, found.dateline) == (
        dt.date(2024, 5, 2),
        "Mill closes after 90 years",
        "SHEFFIELD, England",
    )
    assert body_of(text) == "SHEFFIELD, England -\n\n    The mill shut."


def test_text_that_is_only_furniture_has_an_empty_body() -> None:
    found = detect(" date 2024-05-02 World\n\n")
    assert found.body_start == found.body_end
    assert found.published_date == dt.date(2024, 5, 2)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2023-12-08", dt.date(2023, 12, 8)),
        ("December 9th, 2023", dt.date(2023, 12, 9)),
        ("Fri 8 Dec 2023", dt.date(2023, 12, 8)),
        ("13 Apr, 2024", dt.date(2024, 4, 13)),
        ("Sept. 3, 2021", dt.date(2021, 9, 3)),
        ("February 30, 2023", None),
        ("2023-13-01", None),
    ],
)
def test_parse_date(value: str, expected: dt.date | None) -> None:
    assert parse_date(value) == expected


def test_text_without_a_sentence_has_an_empty_body() -> None:
    furniture = (
        "Security lapses\nUpdated 13 Apr, 2024\n\nLiving rough\n10 Apr, 2024\n\nFor more news create an account at\n"
    )
    found = detect(furniture)
    assert found.body_start == found.body_end


def test_one_short_sentence_is_enough_for_a_body() -> None:
    text = "Harbour reopens\n\nThe harbour reopened on Monday after three weeks of repairs.\n"
    cut = detect("The mill shut. Its workers went home and the")
    assert cut.body_end > cut.body_start
    short = detect("The mill shut.")
    assert (short.body_start, short.body_end) == (0, len("The mill shut."))
    found = detect(text)
    body = text[found.body_start : found.body_end]
    assert body.endswith("The harbour reopened on Monday after three weeks of repairs.")


def test_text_without_sentence_punctuation_keeps_its_body() -> None:
    text = (
        "Harbour works begin\n\n"
        "the harbour board met on monday and agreed to rebuild the sea wall before winter\n"
        "residents said the works would close the beach for three months\n"
    )
    found = detect(text)
    assert text[found.body_start : found.body_end].startswith("the harbour board met")
    assert text[found.body_start : found.body_end].endswith("for three months")


def test_a_lone_carriage_return_ends_a_line() -> None:
    text = "Published 13 Apr, 2024\rThe harbour board met on Monday.\rResidents objected.\r"
    found = detect(text)
    assert found.published_date == dt.date(2024, 4, 13)
    assert text[found.body_start : found.body_end] == "The harbour board met on Monday.\rResidents objected."
