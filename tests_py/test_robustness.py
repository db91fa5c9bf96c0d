"""Hostile inputs must yield few or no facts and never fail or stall the build."""

from __future__ import annotations

import shutil

import duckdb
import pytest

from pipeline import FIXTURES, build_warehouse

FACT_TABLES = ("fct_mentions", "fct_figures", "fct_dates", "fct_reactions")

SENTENCES = [
    "The council met again on the harbour plan and heard from residents who oppose it.",
    "Engineers said the sea wall would need repairs before the winter storms.",
    "A spokesman for the port authority said the budget had not been agreed.",
    "Fishing crews asked for compensation while the works continue.",
]


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> duckdb.DuckDBPyConnection:
    corpus = tmp_path_factory.mktemp("hostile") / "hostile_story"
    shutil.copytree(FIXTURES / "robustness", corpus)
    # One paragraph of about 50,000 characters, and as long a run with no punctuation at all.
    paragraph = " ".join(SENTENCES[i % len(SENTENCES)] for i in range(700))
    (corpus / "long_paragraph.txt").write_text(paragraph[:50_000], encoding="utf-8")
    (corpus / "long_unpunctuated.txt").write_text(("word " * 10_000)[:50_000], encoding="utf-8")
    built = build_warehouse(corpus, tmp_path_factory.mktemp("hostile_build"))
    con = duckdb.connect(str(built.db), read_only=True)
    yield con
    con.close()


def facts_of(con: duckdb.DuckDBPyConnection, source_file: str) -> dict[str, int]:
    counts = {}
    for table in FACT_TABLES:
        (counts[table],) = con.execute(
            f"select count(*) from marts.{table} f join marts.dim_articles a using (article_id) "
            "where a.source_file = ?",
            [source_file],
        ).fetchone()
    return counts


def test_every_hostile_article_is_loaded(hostile: duckdb.DuckDBPyConnection) -> None:
    files = {r[0] for r in hostile.execute("select source_file from marts.dim_articles").fetchall()}
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
