"""Miss classes of the extraction issue that no family test checked end to end (docs/miss-classes.md).

tests_py/fixtures/miss_classes/warehouse_fire: an invented story of two articles about a warehouse
fire, one published on a Sunday (2025-06-15), one the Monday after. It checks, from the shipped
seeds through fct_dates and fct_figures:

- common news events are event cues (`fire`, `blaze`, `arrest`), so the fire story's main event
  gets a date, agreed by both outlets;
- happenings of different kinds on the same weekday (the fire and a minister's visit, both on
  Thursday) are two events;
- bare years (`since 1998`), a list of years (`2009 and 2011`), `this fiscal year`, `the end of the
  year`, a numeric date (`7/8/07`) and `this week` on a Sunday;
- a figure and a date in the headline are facts of the article, with offsets into its text, and a
  name in the headline is found;
- the ordinal day of a happening told as today (`Today is the fifth day of the cleanup`) is the
  day of publication;
- `by the end of the week` is the week of publication.

tests_py/fixtures/miss_classes/vellmark_heat: a heatwave told by a wire on a Thursday
(2025-11-13) and a local paper the day after. It checks:

- a weekday after `on` in a clause told in the past (`The heat began late on Friday night`) is the
  last one, never the coming day; one after a future word still lies ahead;
- a day written with dots (`18.12.2025`) is read day first;
- a toll broken down by place (`12 people had died in the region of Tarsa, four in Olden and three
  in the Brill province`) gives parts, not rival totals: the toll rises from 19 to 23, no conflict;
- two visits by different people on different days are no contradiction between the outlets;
- `Police said` opening a sentence names no one, though a name holds the word (`the Tarsa Police
  Service`);
- a name a rule types (`in Vellmark`, `across Vellmark`) keeps that type where the classifier
  guessed another (`gripped Vellmark`).

tests_py/fixtures/miss_classes/kessel_mine: 38 miners trapped on Monday, `16 miners remain
trapped` the day after: the trapped are a toll that falls as rescuers bring them out, an update,
not a contradiction.

tests_py/fixtures/miss_classes/lakeside_shooting: a shooting told by a wire the day after and by a
local paper after a victim's funeral. It checks that `shots rang out ... early Sunday` dates the
shooting, that the funeral on Friday is a happening of its own that contradicts neither the
shooting nor the deaths, and that suspects are the people of the arrests.

tests_py/fixtures/miss_classes/route_nine_crash: a local road crash. It checks that offices named
by their holder's possessive, a saint's hospital and a firm named `Labs` are one organisation each,
and that `Man killed in ...` opening the headline names no one.

tests_py/fixtures/miss_classes/quarry_road_trial: a driver sentenced on Friday, told by a paper that
day and a wire the day after, both with the verdict on Tuesday. It checks that the steps of a court
case (arrest, charge, verdict, sentencing) are events of their own: the verdict and the sentencing
three days apart are two events, each agreed by both outlets, not one event dated two ways.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline import FIXTURES, BuildResult, build_warehouse, d, query

STORY = "warehouse_fire"
COURIER = "fire_courier.txt"  # published Sunday 2025-06-15
WIRE = "fire_wire.txt"  # published Monday 2025-06-16
HEADLINE = "Fire at Brackwell paint warehouse injures 4 on June 12"


@pytest.fixture(scope="module")
def fire(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    return build_warehouse(FIXTURES / "miss_classes", tmp_path_factory.mktemp("miss_classes"), check=False)


def dates_of(db: Path, source_file: str) -> list[dict]:
    return query(
        db,
        "select d.*, a.raw_text from marts.fct_dates as d "
        "inner join staging.stg_news__articles as a using (article_id) "
        "where a.story_id = ? and a.source_file = ? order by d.char_start",
        [STORY, source_file],
    )


def events_agreed(db: Path, story: str, min_outlets: int = 1) -> list[tuple[str, str, str, int]]:
    """A story's events as event_date_agreement judges them: class, status, day, outlets."""
    events = query(
        db,
        "select event_class, status, consensus_start, n_outlets from marts.event_date_agreement "
        "where story_id = ? and n_outlets >= ? order by event_class",
        [story, min_outlets],
    )
    return [(e["event_class"], e["status"], str(e["consensus_start"]), e["n_outlets"]) for e in events]


def one(rows: list[dict], surface: str) -> dict:
    hits = [r for r in rows if r["surface"] == surface]
    assert len(hits) == 1, f"expected one {surface!r}, got {hits} among {[r['surface'] for r in rows]}"
    return hits[0]


def test_a_fire_story_dates_its_main_event(fire: BuildResult) -> None:
    """`A warehouse fire on Thursday` and `A blaze tore through ... on Thursday` are cued by the
    shipped event cues: one disaster event, dated 12 June by both outlets; `an arrest on Friday`
    is an arrest, an event of its own."""
    courier, wire = dates_of(fire.db, COURIER), dates_of(fire.db, WIRE)
    thursday = [r for r in courier if r["surface"] == "Thursday" and r["event_class"] == "disaster"]
    assert len(thursday) == 1 and thursday[0]["event_cue"] == "fire", courier
    assert (one(wire, "Thursday")["event_class"], one(wire, "Thursday")["event_cue"]) == ("disaster", "blaze")
    assert thursday[0]["event_key"] == one(wire, "Thursday")["event_key"] is not None
    friday = one([r for r in courier if r["event_class"] == "arrest"], "Friday")
    assert friday["event_cue"] == "arrest"
    assert friday["resolved_start"] == d("2025-06-13")
    events = query(fire.db, "select * from marts.event_date_agreement where story_id = ? and event_class = 'disaster' "
                            "and consensus_start > date '2025-01-01'", [STORY])
    assert len(events) == 1
    assert (events[0]["status"], events[0]["n_articles"], events[0]["consensus_start"]) == (
        "consistent", 2, d("2025-06-12"))


def test_happenings_of_other_kinds_on_the_same_weekday_are_other_events(fire: BuildResult) -> None:
    """The fire on Thursday and `The regional minister visited the town on Thursday` share a day,
    not an event (a visit is aligned with no other: a story tells of several); `Police said on
    Friday` is the day the police spoke, not a date of the arrest
    made on Friday."""
    courier = dates_of(fire.db, COURIER)
    thursdays = [r for r in courier if r["surface"] == "Thursday"]
    assert {r["event_class"]: r["event_key"] is not None for r in thursdays} == {"disaster": True, "visit": False}
    fridays = {r["event_class"]: r for r in courier if r["surface"] == "Friday"}
    assert set(fridays) == {"arrest", "report"}, courier
    assert (fridays["report"]["event_cue"], fridays["report"]["event_key"]) == ("said", None)
    assert fridays["report"]["resolved_start"] == fridays["arrest"]["resolved_start"] == d("2025-06-13")


def test_bare_years_lists_fiscal_year_year_end_numeric_dates_and_this_week(fire: BuildResult) -> None:
    courier = dates_of(fire.db, COURIER)
    spans = {r["surface"]: (r["resolved_start"], r["resolved_end"]) for r in courier}
    assert spans["1998"] == (d("1998-01-01"), d("1998-12-31"))  # `since 1998`
    # `in 2009 and 2011`: two years, not one range
    assert spans["2009"] == (d("2009-01-01"), d("2009-12-31"))
    assert spans["2011"] == (d("2011-01-01"), d("2011-12-31"))
    assert not [s for s in spans if "2009" in s and "2011" in s]
    assert spans["this fiscal year"] == (d("2025-01-01"), d("2025-12-31"))
    assert spans["the end of the year"] == (d("2025-12-31"), d("2025-12-31"))
    assert spans["7/8/07"] == (d("2007-07-08"), d("2007-07-08"))
    # a decade with `early`, `mid` or `late` before it is that decade
    assert spans["the early 1960s"] == (d("1960-01-01"), d("1969-12-31"))
    assert spans["the late 1990s"] == (d("1990-01-01"), d("1999-12-31"))
    # a month that is also a word (`March`, `May`) after `mid-`, `early-` or `late-`
    assert spans["mid-March"] == (d("2025-03-01"), d("2025-03-31"))
    # published on Sunday 15 June: this week is Monday 9 to Sunday 15 June, not the week after
    assert spans["this week"] == (d("2025-06-09"), d("2025-06-15"))


def test_the_ordinal_day_of_a_happening_told_today_is_publication_day(fire: BuildResult) -> None:
    """`Today is the fifth day of the cleanup`: the day told by its ordinal (spelled out, as news
    spells first to ninth) is publication's day, Monday 16 June, over the whole phrase."""
    wire = dates_of(fire.db, WIRE)
    day = one(wire, "Today is the fifth day")
    assert (day["resolved_start"], day["resolved_end"]) == (d("2025-06-16"), d("2025-06-16"))


def test_the_end_of_the_week_is_that_week(fire: BuildResult) -> None:
    """`by the end of the week`, as `the end of the month`, is a date: the week of publication
    (Monday 16 to Sunday 22 June), as TimeML gives `the end of this week` its week."""
    week = one(dates_of(fire.db, WIRE), "the end of the week")
    assert (week["resolved_start"], week["resolved_end"], week["granularity"]) == (
        d("2025-06-16"), d("2025-06-22"), "week")


def test_a_figure_and_a_date_in_the_headline_are_facts_of_the_article(fire: BuildResult) -> None:
    date = one(dates_of(fire.db, COURIER), "June 12")
    raw_text = date["raw_text"]
    headline_start = raw_text.index(HEADLINE)
    assert date["char_start"] == headline_start + HEADLINE.index("June 12")
    assert raw_text[date["char_start"] : date["char_end"]] == "June 12"
    assert date["resolved_start"] == d("2025-06-12")
    figures = query(
        fire.db,
        "select f.* from marts.fct_figures as f inner join staging.stg_news__articles as a using (article_id) "
        "where a.story_id = ? and a.source_file = ? and f.char_end <= ?",
        [STORY, COURIER, headline_start + len(HEADLINE)],
    )
    assert len(figures) == 1, figures
    assert figures[0]["char_start"] == headline_start + HEADLINE.index("4 on")
    assert raw_text[figures[0]["char_start"] : figures[0]["char_end"]] == "4"
    assert (figures[0]["value"], figures[0]["action_class"]) == (4, "injure")


def test_a_name_in_the_headline_is_found(fire: BuildResult) -> None:
    """`Brackwell` opens no sentence of the body, yet the story names it in running text: in each
    headline it is the same place, with its offsets."""
    mentions = query(
        fire.db,
        "select m.*, a.source_file, a.raw_text from marts.fct_mentions as m "
        "inner join staging.stg_news__articles as a using (article_id) where a.story_id = ?",
        [STORY],
    )
    for source_file, headline in ((COURIER, HEADLINE), (WIRE, "Warehouse blaze in Brackwell")):
        rows = [r for r in mentions if r["source_file"] == source_file]
        start = rows[0]["raw_text"].index(headline) + headline.index("Brackwell")
        found = [(r["entity_name"], r["entity_type"]) for r in rows if r["char_start"] == start]
        assert found == [("Brackwell", "place")], rows


def test_a_dateline_before_a_colon_is_a_place(fire: BuildResult) -> None:
    """`BRACKWELL: A warehouse fire ...`: a capitalised word opening a dateline is a place, named
    as the town is named elsewhere, whether a comma, a colon or a dash follows it."""
    rows = query(
        fire.db,
        "select m.entity_name, m.entity_type, m.char_start, a.raw_text from marts.fct_mentions as m "
        "inner join staging.stg_news__articles as a using (article_id) where a.story_id = ? and a.source_file = ?",
        [STORY, COURIER],
    )
    start = rows[0]["raw_text"].index("BRACKWELL:")
    assert [(r["entity_name"], r["entity_type"]) for r in rows if r["char_start"] == start] == [("Brackwell", "place")]


HEAT = "vellmark_heat"
HEAT_WIRE = "heat_wire.txt"  # published Thursday 2025-11-13
HEAT_COURIER = "heat_courier.txt"  # published Friday 2025-11-14


def heat_dates(db: Path, source_file: str) -> list[dict]:
    return query(
        db,
        "select d.* from marts.fct_dates as d inner join staging.stg_news__articles as a using (article_id) "
        "where a.story_id = ? and a.source_file = ? order by d.char_start",
        [HEAT, source_file],
    )


def test_a_weekday_told_in_the_past_is_never_the_coming_day(fire: BuildResult) -> None:
    """`The heat began late on Friday night` in a Thursday article is the Friday before, not the
    next day (a bare weekday one day after publication is otherwise the coming one); `would break
    on Sunday` still lies ahead."""
    wire, courier = heat_dates(fire.db, HEAT_WIRE), heat_dates(fire.db, HEAT_COURIER)
    assert one(wire, "Friday")["resolved_start"] == d("2025-11-07")
    assert one(courier, "Sunday")["resolved_start"] == d("2025-11-16")


def test_a_day_written_with_dots_is_day_first(fire: BuildResult) -> None:
    row = one(heat_dates(fire.db, HEAT_WIRE), "18.12.2025")
    assert (row["resolved_start"], row["resolved_end"]) == (d("2025-12-18"), d("2025-12-18"))
    assert row["rule"] == "explicit_day"


def test_a_toll_broken_down_by_place_gives_parts_not_rival_totals(fire: BuildResult) -> None:
    parts = query(
        fire.db,
        "select surface, is_subset from intermediate.int_figures_extracted "
        "where story_id = ? and action_class = 'kill' order by char_start, article_id",
        [HEAT],
    )
    assert {r["surface"]: r["is_subset"] for r in parts} == {
        "Nineteen people": False, "19": False, "12 people": True, "four": True, "three": True,
        "23": False, "23 people": False,
    }, parts
    claims = query(
        fire.db, "select claim_key, status, consensus_value from marts.claim_agreement where story_id = ?", [HEAT]
    )
    assert {"claim_key": "people|kill", "status": "evolving", "consensus_value": 23} in claims
    assert query(fire.db, "select * from marts.findings where story_id = ? and is_blocking", [HEAT]) == []


def test_visits_on_other_days_are_no_contradiction(fire: BuildResult) -> None:
    """`Mayor Ilse Varn visited ... on Tuesday` and `Health Minister Pavel Dorn visited ... on
    Wednesday`: two visits, no event the outlets disagree on."""
    visits = [r for r in heat_dates(fire.db, HEAT_COURIER) if r["event_class"] == "visit"]
    assert [(r["surface"], r["event_key"]) for r in visits] == [("Wednesday", None)]
    assert query(fire.db, "select * from marts.event_date_agreement where story_id = ?", [HEAT]) == []


def test_a_speaker_noun_opening_a_sentence_names_no_one(fire: BuildResult) -> None:
    """`Police said power was cut`: a common noun capitalised where it opens a sentence, though
    the story writes it inside a name (`The Tarsa Police Service said`)."""
    names = query(fire.db, "select surface, entity_type from marts.fct_mentions where story_id = ?", [HEAT])
    assert "Police" not in {r["surface"] for r in names}
    assert ("Tarsa Police Service", "organization") in {(r["surface"], r["entity_type"]) for r in names}


def test_a_name_a_rule_types_keeps_its_type_over_the_classifier(fire: BuildResult) -> None:
    names = query(
        fire.db,
        "select entity_type, detected_by from marts.fct_mentions where story_id = ? and surface = 'Vellmark'",
        [HEAT],
    )
    assert len(names) == 4 and {r["entity_type"] for r in names} == {"place"}, names
    assert "run_classifier" in {r["detected_by"] for r in names}


def test_the_trapped_are_a_toll_that_falls_as_they_are_rescued(fire: BuildResult) -> None:
    claims = query(
        fire.db, "select claim_key, status, consensus_value from marts.claim_agreement where story_id = 'kessel_mine'"
    )
    assert {"claim_key": "workers|trap", "status": "evolving", "consensus_value": 16} in claims, claims
    assert query(fire.db, "select * from marts.findings where story_id = 'kessel_mine' and is_blocking") == []


def test_shots_date_a_shooting_and_a_funeral_contradicts_no_one(fire: BuildResult) -> None:
    """`Shots rang out ... early Sunday` (the wire, Monday 4 August) and `killed when shots rang out
    ... last Sunday` (the paper, Saturday 9 August) date one shooting on 3 August, agreed by both;
    `the funeral ... on Friday` is a funeral, compared with nothing, so the story has no finding
    about dates; `three suspects` arrested is a count of people, as the paper's `Three suspects`."""
    assert events_agreed(fire.db, "lakeside_shooting") == [
        ("arrest", "consistent", "2025-08-04", 2),
        ("offensive", "consistent", "2025-08-03", 2),
    ]
    funeral = query(
        fire.db,
        "select event_class, event_key, resolved_start from marts.fct_dates "
        "where story_id = 'lakeside_shooting' and surface = 'Friday'",
    )
    assert [(f["event_class"], f["event_key"], str(f["resolved_start"])) for f in funeral] == [
        ("funeral", None, "2025-08-08")
    ]
    assert query(fire.db, "select * from marts.findings where story_id = 'lakeside_shooting'") == []
    arrests = query(
        fire.db,
        "select claim_key, status from marts.claim_agreement where story_id = 'lakeside_shooting' "
        "and claim_key like '%detain%'",
    )
    assert [(a["claim_key"], a["status"]) for a in arrests] == [("people|detain", "consistent")]


def test_offices_hospitals_and_firms_are_one_body_and_a_headline_noun_no_name(fire: BuildResult) -> None:
    """A local crash story: an office named by its holder's possessive is one organisation (`the
    Lackin County Sheriff's Office`, `District Attorney's Office`), where it was a place and a
    person `Office`; so is a hospital after a saint's possessive with a word before its head
    (`St. Agnes's Medical Center`, a person and an organisation before) and a firm named `Labs`;
    `Man killed in ...` opening the headline names no one (it was the city of Man); `MEP` is a
    title (`Irish MEP Brian Tully` was one name)."""
    names = query(
        fire.db,
        "select surface, entity_type from marts.fct_mentions where story_id = 'route_nine_crash' order by char_start",
    )
    typed = {(n["surface"], n["entity_type"]) for n in names}
    assert {
        ("Lackin County Sheriff's Office", "organization"),
        ("Lackin County District Attorney's Office", "organization"),
        ("Sheriff's Office", "organization"),
        ("St. Agnes's Medical Center", "organization"),
        ("Corvane Labs", "organization"),
        ("Brian Tully", "person"),
    } <= typed, names
    surfaces = {n["surface"] for n in names}
    assert not surfaces & {"Man", "Woman", "Office", "St. Agnes", "Lackin County"}, names


def test_the_steps_of_a_court_case_are_events_of_their_own(fire: BuildResult) -> None:
    """`sentenced ... on Friday` and `found guilty ... on Tuesday` (the paper), `sentenced on Friday`
    and `returned its verdict on Tuesday` (the wire): a sentencing and a verdict, each consistent
    across both outlets; one `legal` event of both days was a false vague finding."""
    assert events_agreed(fire.db, "quarry_road_trial", min_outlets=2) == [
        ("sentencing", "consistent", "2025-10-17", 2),
        ("verdict", "consistent", "2025-10-14", 2),
    ]
    assert query(fire.db, "select * from marts.findings where story_id = 'quarry_road_trial'") == []
