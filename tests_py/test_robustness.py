"""Hostile inputs must yield few or no facts and never fail or stall the build. One build of two
stories: `hostile_story` (tests_py/fixtures/robustness: another language, no punctuation,
unbalanced quotes, page furniture only, and a paragraph and a run without punctuation of 50,000
characters each) and `harbour` (tests_py/fixtures/bad_inputs: a saved HTML page, lone carriage
returns, no punctuation, German and Russian, and a FIFO beside the files)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from pipeline import FIXTURES, REPO, build_warehouse

FACT_TABLES = ("fct_mentions", "fct_figures", "fct_dates", "fct_reactions")

SENTENCES = [
    "The council met again on the harbour plan and heard from residents who oppose it.",
    "Engineers said the sea wall would need repairs before the winter storms.",
    "A spokesman for the port authority said the budget had not been agreed.",
    "Fishing crews asked for compensation while the works continue.",
]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    corpus = tmp_path_factory.mktemp("hostile inputs")  # a space in the path, as users have
    hostile = corpus / "hostile_story"
    shutil.copytree(FIXTURES / "robustness", hostile)
    # One paragraph of about 50,000 characters, and as long a run with no punctuation at all.
    paragraph = " ".join(SENTENCES[i % len(SENTENCES)] for i in range(700))
    (hostile / "long_paragraph.txt").write_text(paragraph[:50_000], encoding="utf-8")
    (hostile / "long_unpunctuated.txt").write_text(("word " * 10_000)[:50_000], encoding="utf-8")
    shutil.copytree(FIXTURES / "bad_inputs", corpus / "harbour")
    os.mkfifo(corpus / "harbour" / "pipe.txt")
    return build_warehouse(corpus, tmp_path_factory.mktemp("hostile_build")).db


@pytest.fixture(scope="module")
def hostile(built: Path) -> duckdb.DuckDBPyConnection:
    con = duckdb.connect(str(built), read_only=True)
    yield con
    con.close()


def facts(con: duckdb.DuckDBPyConnection, story: str, source_file: str, table: str, column: str = "surface"
          ) -> list[str]:
    """The `column` of every fact of `table` in one article."""
    return [value for (value,) in con.execute(
        f"select f.{column} from marts.{table} as f join marts.dim_articles as a using (article_id) "
        "where a.story_id = ? and a.source_file = ?", [story, source_file]).fetchall()]


def facts_of(con: duckdb.DuckDBPyConnection, source_file: str) -> dict[str, int]:
    """How many facts of each kind an article of the hostile story gives."""
    return {table: len(facts(con, "hostile_story", source_file, table, "article_id")) for table in FACT_TABLES}


def test_every_hostile_article_is_loaded(hostile: duckdb.DuckDBPyConnection) -> None:
    files = {r[0] for r in hostile.execute(
        "select source_file from marts.dim_articles where story_id = 'hostile_story'").fetchall()}
    assert {"other_language.txt", "no_punctuation.txt", "unbalanced_quotes.txt", "only_furniture.txt",
            "long_paragraph.txt", "long_unpunctuated.txt"} <= files


def test_furniture_only_article_yields_no_facts(hostile: duckdb.DuckDBPyConnection) -> None:
    assert sum(facts_of(hostile, "only_furniture.txt").values()) == 0


def test_unpunctuated_text_yields_few_facts(hostile: duckdb.DuckDBPyConnection) -> None:
    assert sum(facts_of(hostile, "no_punctuation.txt").values()) <= 3
    assert sum(facts_of(hostile, "long_unpunctuated.txt").values()) == 0


def test_other_language_yields_few_facts(hostile: duckdb.DuckDBPyConnection) -> None:
    counts = facts_of(hostile, "other_language.txt")
    assert counts["fct_reactions"] <= 1
    assert sum(counts.values()) <= 6


def test_unbalanced_quotes_do_not_swallow_the_article(hostile: duckdb.DuckDBPyConnection) -> None:
    longest = hostile.execute(
        "select coalesce(max(length(quote)), 0) from marts.fct_reactions r join marts.dim_articles a "
        "using (article_id) where a.source_file = 'unbalanced_quotes.txt'"
    ).fetchone()[0]
    assert longest < 200
    assert facts_of(hostile, "unbalanced_quotes.txt")["fct_reactions"] <= 2


def test_long_paragraph_is_split_into_its_sentences(hostile: duckdb.DuckDBPyConnection) -> None:
    n_sentences, n_figures = hostile.execute(
        "select a.n_sentences, (select count(*) from marts.fct_figures f where f.article_id = a.article_id) "
        "from marts.dim_articles a where a.source_file = 'long_paragraph.txt'"
    ).fetchone()
    assert n_sentences > 500
    assert n_figures <= 5


def test_spans_give_back_their_text_for_every_fact(hostile: duckdb.DuckDBPyConnection) -> None:
    for table, column in (("fct_mentions", "surface"), ("fct_figures", "surface"), ("fct_dates", "surface"),
                          ("fct_reactions", "quote")):
        (bad,) = hostile.execute(
            f"select count(*) from marts.{table} f join staging.stg_news__articles a using (article_id) "
            f"where substr(a.raw_text, f.char_start + 1, f.char_end - f.char_start) is distinct from f.{column}"
        ).fetchone()
        assert bad == 0, table


# ---------------------------------------------------------------- the harbour story (bad inputs)


def test_bad_inputs_html_yields_the_article_not_its_markup(hostile: duckdb.DuckDBPyConnection) -> None:
    mentions = " ".join(facts(hostile, "harbour", "saved_page.txt", "fct_mentions"))
    figures = " ".join(facts(hostile, "harbour", "saved_page.txt", "fct_figures"))
    assert "DOCTYPE" not in mentions and "html" not in mentions.lower()
    for junk in ("48213", "777000", "99123", "16"):
        assert junk not in figures.split()
    assert "4.2 million" in figures


def test_bad_inputs_a_lone_carriage_return_ends_a_sentence(hostile: duckdb.DuckDBPyConnection) -> None:
    sentences = [text for (text,) in hostile.execute(
        "select s.sentence_text from intermediate.int_sentences as s join raw.articles as a using (article_id) "
        "where a.source_file = 'carriage_returns.txt'").fetchall()]
    assert "The harbour board met on Monday" in sentences
    assert "Residents objected to the plan" in sentences


def test_bad_inputs_unpunctuated_text_keeps_its_body_and_facts(hostile: duckdb.DuckDBPyConnection) -> None:
    assert hostile.execute(
        "select a.body_end > a.body_start from raw.articles as a join staging.stg_news__articles as s "
        "using (article_id) where s.story_id = 'harbour' and a.source_file = 'no_punctuation.txt'"
    ).fetchall() == [(True,)]
    assert any("4.2 million" in f for f in facts(hostile, "harbour", "no_punctuation.txt", "fct_figures"))


def test_bad_inputs_other_languages_are_loaded_flagged_and_reported(built: Path) -> None:
    with duckdb.connect(str(built), read_only=True) as con:
        flagged = con.execute("select story_id, source_file from staging.stg_news__articles "
                              "where not is_english order by all").fetchall()
    assert [f for f in flagged if f[0] == "harbour"] == [("harbour", "german.txt"), ("harbour", "russian.txt")]
    report = subprocess.run([sys.executable, "-m", "warehouse.report", "--db", str(built)],
                            cwd=REPO, capture_output=True, text=True, check=True)  # fmt: skip
    assert f"{len(flagged)} articles not in English" in report.stdout
    assert "harbour / german.txt: language 'de'" in report.stdout
    assert "harbour / russian.txt: language 'ru'" in report.stdout


def test_bad_inputs_the_fifo_is_skipped_with_its_reason(hostile: duckdb.DuckDBPyConnection) -> None:
    assert hostile.execute("select reason from raw.rejected_files where path like '%pipe.txt'").fetchall() == [
        ("The path is a FIFO (named pipe), not a regular file: skipped without opening it.",)
    ]
