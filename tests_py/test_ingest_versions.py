"""Identity and versions: an article is its story and its path in the story folder, whichever folder
ingest starts from; the current version is what the file holds now; every sighting is recorded."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import duckdb

A = "KAMPALA: The central bank kept its main rate at 10% on Thursday, the governor said.\n"
B = "KAMPALA: The central bank raised its main rate to 11% on Thursday, the governor said.\n"


def sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


CURRENT = (
    "select story_id, source_file, raw_text from raw.articles "
    "qualify version = max(version) over (partition by story_id, source_file) order by 1, 2"
)


def test_identity_does_not_depend_on_the_folder_ingest_starts_from(
    tmp_path: Path, load: Callable[..., Any], query: Callable[..., Any]
) -> None:
    story = tmp_path / "corpus" / "storyX"
    story.mkdir(parents=True)
    (story / "s.txt").write_text(A, encoding="utf-8")
    load(story)
    load(tmp_path / "corpus")
    load(story / "s.txt")
    (story / "s.txt").write_text(B, encoding="utf-8")
    load(tmp_path / "corpus")
    assert query("select story_id, source_file, version from raw.article_versions order by version") == [
        ("storyX", "s.txt", 1),
        ("storyX", "s.txt", 2),
    ]
    # One article, counted once: its current text is the newest.
    assert query(CURRENT) == [("storyX", "s.txt", B)]


def test_a_file_that_returns_to_an_earlier_text_has_that_text_current(
    tmp_path: Path, load: Callable[..., Any], query: Callable[..., Any]
) -> None:
    story = tmp_path / "storyX"
    story.mkdir()
    path = story / "s.txt"
    runs = []
    for text in (A, B, A):
        path.write_text(text, encoding="utf-8")
        runs.append(load(story))
    assert [(r.loaded, r.reverted, r.unchanged) for r in runs] == [(1, 0, 0), (1, 0, 0), (0, 1, 0)]
    assert query(CURRENT) == [("storyX", "s.txt", A)]
    history = query(
        "select v.version, a.raw_text from raw.article_versions as v join raw.articles as a using (article_id) "
        "order by v.version"
    )
    assert history == [(1, A), (2, B), (3, A)]
    # A fourth run of the same text changes nothing.
    assert (load(story).unchanged, query(CURRENT)) == (1, [("storyX", "s.txt", A)])


def test_reverting_within_one_run_and_one_batch(
    tmp_path: Path, load: Callable[..., Any], query: Callable[..., Any]
) -> None:
    paths = []
    for day, text in (("mon", A), ("tue", B), ("wed", A)):
        (tmp_path / day).mkdir()
        (tmp_path / day / "report.txt").write_text(text, encoding="utf-8")
        paths.append(tmp_path / day / "report.txt")
    summary = load(*paths, story="city")
    assert (summary.loaded, summary.reverted) == (2, 1)
    assert query(CURRENT) == [("city", "report.txt", A)]


def test_every_sighting_of_a_text_is_recorded(
    tmp_path: Path, load: Callable[..., Any], query: Callable[..., Any]
) -> None:
    story = tmp_path / "wire"
    story.mkdir()
    (story / "first.txt").write_text(A, encoding="utf-8")
    (story / "copy.txt").write_text(A, encoding="utf-8")
    first = load(story)
    second = load(story)
    assert query("select count(*) from raw.articles") == [(1,)]
    # Run ids of one second differ by a random suffix: compare without an order.
    sightings = query("select source_file, source_path, run_id from raw.article_sightings")
    assert sorted(sightings) == sorted(
        [
            ("copy.txt", str(story / "copy.txt"), first.run_id),
            ("first.txt", str(story / "first.txt"), first.run_id),
            ("copy.txt", str(story / "copy.txt"), second.run_id),
            ("first.txt", str(story / "first.txt"), second.run_id),
        ]
    )


def story_with_a_loaded(tmp_path: Path, load: Callable[..., Any]) -> Path:
    """A story folder whose one file holds A, ingested."""
    story = tmp_path / "storyX"
    story.mkdir()
    (story / "s.txt").write_text(A, encoding="utf-8")
    load(story)
    return story


def test_a_warehouse_from_before_the_version_tables_is_upgraded(
    tmp_path: Path, db_path: Path, load: Callable[..., Any], query: Callable[..., Any]
) -> None:
    story = story_with_a_loaded(tmp_path, load)
    with duckdb.connect(str(db_path)) as con:
        # As the ingest of earlier releases left it.
        con.execute("drop table raw.article_versions; drop table raw.article_sightings")
        con.execute("alter table raw.articles drop column language; alter table raw.articles drop column source_html")
    (story / "s.txt").write_text(B, encoding="utf-8")
    load(story)
    assert query("select version, article_id = ? from raw.article_versions order by version", [sha(B)]) == [
        (1, False),
        (2, True),
    ]
    assert query(CURRENT) == [("storyX", "s.txt", B)]
    assert query("select count(*) from raw.article_sightings") == [(2,)]



def test_a_warehouse_whose_articles_have_a_primary_key_loses_the_key_and_nothing_else(
    tmp_path: Path, db_path: Path, load: Callable[..., Any], query: Callable[..., Any]
) -> None:
    story = story_with_a_loaded(tmp_path, load)
    with duckdb.connect(str(db_path)) as con:
        # As the ingest of earlier releases left it: the same table with article_id its primary key.
        ddl = con.execute("select sql from duckdb_tables() where schema_name = 'raw' and table_name = 'articles'")
        keyed = ddl.fetchone()[0].replace("article_id VARCHAR NOT NULL", "article_id VARCHAR PRIMARY KEY")
        assert "PRIMARY KEY" in keyed
        con.execute("alter table raw.articles rename to articles_before")
        con.execute(keyed)
        con.execute("insert into raw.articles select * from raw.articles_before; drop table raw.articles_before")
    before = query("select * exclude (run_id) from raw.articles")
    (story / "s.txt").write_text(B, encoding="utf-8")
    load(story)
    kinds = {row[0] for row in query("select constraint_type from duckdb_constraints() where table_name = 'articles'")}
    assert "PRIMARY KEY" not in kinds and "NOT NULL" in kinds
    assert query("select * exclude (run_id) from raw.articles where article_id = ?", [sha(A)]) == before
    assert query(CURRENT) == [("storyX", "s.txt", B)]

C = "KAMPALA: The finance minister resigned on Friday, the president's office said.\n"
D = "KAMPALA: The finance minister withdrew his resignation on Saturday, the president's office said.\n"
E = "KAMPALA: Traders expect the shilling to weaken further, analysts said.\n"


def test_staging_marks_current_what_each_file_holds_now_even_a_text_stored_under_another_name(
    tmp_path: Path, db_path: Path, load: Callable[..., Any]
) -> None:
    """What dbt reads (stg_news__articles.is_current), not only raw: s.txt goes A -> B -> A; x.txt
    goes from E to C, a text stored earlier under other.txt, and keeps C when other.txt moves on to
    D. Current must be exactly the texts the three files hold now: A, C and D."""
    from pipeline import run_dbt

    story = tmp_path / "wire"
    story.mkdir()
    for texts in ({"s": A, "other": C, "x": E}, {"s": B, "x": C}, {"s": A, "other": D}):
        for name, text in texts.items():
            (story / f"{name}.txt").write_text(text, encoding="utf-8")
        load(story)
    with duckdb.connect(str(db_path), read_only=True) as con:
        held = dict(con.execute(
            "select v.source_file, a.raw_text from raw.article_versions as v join raw.articles as a using (article_id) "
            "qualify v.version = max(v.version) over (partition by v.story_id, v.source_file)").fetchall())  # fmt: skip
    # Ingest's own record: each identity's newest version is the text its file holds now.
    assert held == {"s.txt": A, "x.txt": C, "other.txt": D}
    built = run_dbt(["run", "--select", "stg_news__articles"], db_path, tmp_path)
    assert built.returncode == 0, built.stdout[-3000:]
    with duckdb.connect(str(db_path), read_only=True) as con:
        staged = dict(con.execute("select raw_text, is_current from staging.stg_news__articles").fetchall())
    assert staged == {A: True, B: False, C: True, D: True, E: False}
