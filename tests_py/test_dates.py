"""Dates and their cross-source agreement, end to end (ingest + dbt build).

- The sample corpus builds without a date conflict, and the undated article's relative dates are
  resolved from the story.
- Mutation: one outlet dating the joint statement a day later (`late on Thursday` -> `late on
  Friday`) fails `dbt build`, and the failure names the event, the article and both dates.
- An invented story (tests_py/fixtures/dates: a truce between two invented countries) checks
  resolutions the sample does not exercise: future markers (`hope to`), quoted `today`, deadlines, `last
  month`, a yearless day, and counts/durations that are not dates.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline import FIXTURES, SAMPLE_CORPUS, BuildResult, build_warehouse, copy_corpus, d, query

DAY_TEST = "fct_dates_event_days_agree"
# The corpus builds here make only the dates marts and what they read (a quarter of the models),
# with their data tests: this module judges dates, and the verdict of the dates' own tests.
DATE_MODELS = "+fct_dates +event_date_agreement +dim_articles"
MUTATED_FILE = "000_3c335b76b6224e08.txt"


def dates_of(db: Path, prefix: str) -> list[dict]:
    return query(
        db,
        "select surface, resolved_start, resolved_end, granularity, rule, resolution_basis, event_class, event_key "
        "from marts.fct_dates where source_file like ? order by char_start",
        [prefix + "%"],
    )


def one(rows: list[dict], surface: str) -> dict:
    hits = [r for r in rows if r["surface"] == surface]
    assert len(hits) == 1, f"expected one date {surface!r}, got {hits} among {[r['surface'] for r in rows]}"
    return hits[0]


def status_line(output: str, test_name: str) -> str:
    lines = [
        ln for ln in output.splitlines() if test_name in ln and any(s in ln for s in ("PASS", "FAIL", "WARN", "ERROR"))
    ]
    assert lines, f"{test_name} did not run:\n{output[-3000:]}"
    return lines[-1]


@pytest.fixture(scope="module")
def sample(sample_build: BuildResult) -> BuildResult:
    """The session's build of the sample corpus (read only here)."""
    return sample_build


@pytest.fixture(scope="module")
def mutated(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    work = tmp_path_factory.mktemp("dates_mutated")
    corpus = copy_corpus(SAMPLE_CORPUS, work / "corpus")
    path = corpus / MUTATED_FILE
    text = path.read_text(encoding="utf-8")
    assert text.count("joint statement late on Thursday") == 1
    path.write_text(
        text.replace("joint statement late on Thursday", "joint statement late on Friday"), encoding="utf-8"
    )
    return build_warehouse(corpus, work / "build", check=False, select=DATE_MODELS)


@pytest.fixture(scope="module")
def invented(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    return build_warehouse(FIXTURES / "dates", tmp_path_factory.mktemp("dates_invented"), check=False,
                           select=DATE_MODELS)


# -- the sample corpus ------------------------------------------------------------------------


def test_sample_dates_agree(sample: BuildResult) -> None:
    assert " PASS " in status_line(sample.output, DAY_TEST)
    assert "dates_consistent [" not in sample.output
    statuses = {r["event_key"]: r for r in query(sample.db, "select * from marts.event_date_agreement")}
    assert statuses and all(r["status"] != "conflict" for r in statuses.values())
    statement = [r for k, r in statuses.items() if "|statement|" in k and r["n_articles"] >= 4]
    assert len(statement) == 1
    assert statement[0]["status"] == "consistent"
    assert statement[0]["consensus_start"] == statement[0]["consensus_end"] == d("2023-12-07")


def test_sample_undated_article_resolved_from_story(sample: BuildResult) -> None:
    rows = dates_of(sample.db, "004_")
    wednesday = one(rows, "Wednesday")
    assert (wednesday["resolved_start"], wednesday["resolution_basis"]) == (d("2023-12-13"), "story")
    sept19 = one(rows, "September 19")
    assert (sept19["resolved_start"], sept19["resolution_basis"]) == (d("2023-09-19"), "story")
    last_week = one(rows, "last week")
    assert (last_week["resolved_start"], last_week["resolved_end"]) == (d("2023-12-04"), d("2023-12-10"))
    # The Wednesday of 004 and of 003 date the same exchange.
    keys = {r["event_key"] for r in [*dates_of(sample.db, "003_"), wednesday] if r["surface"] == "Wednesday"}
    assert len(keys) == 1 and None not in keys


def test_sample_counts_and_names_are_not_dates(sample: BuildResult) -> None:
    surfaces = {r["surface"] for r in query(sample.db, "select surface from marts.fct_dates")}
    assert not any(s.startswith(("32", "COP", "24", "three", "120")) for s in surfaces), surfaces


# -- mutation: one outlet dates the statement a day later -------------------------------------


def test_mutated_weekday_fails_build(mutated: BuildResult) -> None:
    assert mutated.returncode != 0
    assert " FAIL " in status_line(mutated.output, DAY_TEST)
    lines = [ln for ln in mutated.output.splitlines() if "dates_consistent [day-level" in ln and "AGAINST" in ln]
    assert lines, mutated.output[-3000:]
    against = lines[0]
    assert "|statement|" in against  # the event
    assert MUTATED_FILE in against and "(Dawn)" in against  # the article and outlet
    assert "2023-12-08" in against and "2023-12-07" in against  # its date and the others'
    assert "'Friday'" in against


def test_mutated_failures_are_stored_and_agreement_says_conflict(mutated: BuildResult) -> None:
    failures = query(mutated.db, f"select * from test_failures.{DAY_TEST}")
    against = [f for f in failures if f["goes_against_majority"]]
    assert [(f["source_file"], f["range_start"]) for f in against] == [(MUTATED_FILE, d("2023-12-08"))]
    # 002's uncued `before Thursday` joins no event whose days disagree, so only 000 and 001 remain.
    assert {f["source_file"][:3] for f in failures} == {"000", "001"}
    conflicts = query(mutated.db, "select * from marts.event_date_agreement where status = 'conflict'")
    assert len(conflicts) == 1
    assert conflicts[0]["consensus_start"] == d("2023-12-07")
    assert MUTATED_FILE in conflicts[0]["mentions"]


# -- an invented story ------------------------------------------------------------------------


def test_invented_story_builds_without_date_conflict(invented: BuildResult) -> None:
    assert " PASS " in status_line(invented.output, DAY_TEST)


def test_invented_weekdays_months_and_future(invented: BuildResult) -> None:
    wire = dates_of(invented.db, "101_")  # published Thursday 2025-03-20
    assert one(wire, "Tuesday")["resolved_start"] == d("2025-03-18")
    assert one(wire, "Tuesday")["event_class"] == "ceasefire"
    assert one(wire, "January 4, 2025")["rule"] == "explicit_day"
    last_month = one(wire, "last month")
    assert (last_month["resolved_start"], last_month["resolved_end"]) == (d("2025-02-01"), d("2025-02-28"))
    # `is scheduled for April 12` and `will cross ... on Monday` point forward.
    assert one(wire, "April 12")["resolved_start"] == d("2025-04-12")
    monday = one(wire, "Monday")
    assert (monday["resolved_start"], monday["rule"]) == (d("2025-03-24"), "weekday_on_or_after_publication")
    surfaces = {r["surface"] for r in wire}
    assert not surfaces & {"three decades", "72", "40,000", "54", "eleven weeks", "first week"}


def test_invented_deadlines_and_announced_dates_point_forward(invented: BuildResult) -> None:
    wire = dates_of(invented.db, "101_")  # published Thursday 2025-03-20
    # `by June` is a target: this June, not last year's
    assert one(wire, "June")["resolved_start"] == d("2025-06-01")
    # `effective July 1`, `payable August 15` announce a day ahead, past the 60 days a bare day looks forward
    assert one(wire, "July 1")["resolved_start"] == d("2025-07-01")
    assert one(wire, "August 15")["resolved_start"] == d("2025-08-15")
    # a hope told in the past (`said it hoped to reopen ... by Saturday`) looks ahead: the coming
    # Saturday, not the one before
    assert one(wire, "Saturday")["resolved_start"] == d("2025-03-22")


def test_invented_quotes_and_bare_months(invented: BuildResult) -> None:
    daily = dates_of(invented.db, "102_")  # published Friday 2025-03-21
    assert "Today" not in {r["surface"] for r in daily}  # `today` in a quotation is the speaker's day
    january = one(daily, "January")
    assert (january["resolved_start"], january["granularity"]) == (d("2025-01-01"), "month")
    assert january["event_class"] == "offensive"  # the offensive ... killed: the noun wins
    assert one(daily, "2024")["granularity"] == "year"
    assert one(daily, "Thursday")["resolved_start"] == d("2025-03-20")


def test_invented_intent_in_the_present_points_forward(invented: BuildResult) -> None:
    daily = dates_of(invented.db, "102_")  # published Friday 2025-03-21
    # `We hope to exchange ... by Wednesday`: a base-form verb of intending before `to` (`hope`,
    # `plan`, `aim`), as `hopes`/`agreed` do, puts the day after it ahead, not two days back
    assert one(daily, "Wednesday")["resolved_start"] == d("2025-03-26")
    # `expect to finish ... by Saturday`: what one expects to do reaches a deadline after `by`
    # (as an order does), not the period it reports on (`expects to report a loss for the quarter`)
    assert one(daily, "Saturday")["resolved_start"] == d("2025-03-22")


def test_invented_undated_article_uses_story_window(invented: BuildResult) -> None:
    blog = dates_of(invented.db, "103_")  # no publication date
    tuesday = one(blog, "Tuesday")
    assert (tuesday["resolved_start"], tuesday["resolution_basis"]) == (d("2025-03-18"), "story")
    deadline = one(blog, "the end of the month")
    assert (deadline["resolved_start"], deadline["event_class"], deadline["event_key"]) == (
        d("2025-03-31"),
        "deadline",
        None,
    )
    window = query(
        invented.db,
        "select w.* from intermediate.int_articles_publication_windows as w "
        "inner join marts.dim_articles as a using (article_id) where a.source_file like '103_%'",
    )[0]
    # `agreed on Tuesday` (18 March by the other outlets): published from Monday 17 March, where a
    # bare Tuesday is the coming day, to Sunday 23 March (on Monday 24 it would be the 25th)
    assert (window["window_start"], window["window_end"], window["window_basis"]) == (
        d("2025-03-17"),
        d("2025-03-23"),
        "story",
    )


def test_invented_truce_agreed_by_three_articles(invented: BuildResult) -> None:
    truce = query(invented.db, "select * from marts.event_date_agreement where event_class = 'ceasefire'")
    assert len(truce) == 1
    assert (truce[0]["status"], truce[0]["n_articles"], truce[0]["consensus_start"]) == (
        "consistent",
        3,
        d("2025-03-18"),
    )
