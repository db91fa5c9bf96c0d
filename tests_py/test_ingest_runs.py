"""Runs: idempotence, versions, recomputed detection, all-or-nothing transactions, verbatim text."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import duckdb
import pytest

import ingest.load
from ingest.load import ingest_paths

TABLES = ("raw.ingest_runs", "raw.articles", "raw.rejected_files")


def snapshot(db_path: Path) -> dict[str, list[tuple[Any, ...]]]:
    with duckdb.connect(str(db_path), read_only=True) as con:
        return {table: sorted(con.execute(f"select * from {table}").fetchall(), key=repr) for table in TABLES}


def test_second_run_changes_nothing(sample_corpus: Path, load: Callable[..., Any], query: Callable[..., Any]) -> None:
    first = load(sample_corpus)
    before = query("select * from raw.articles order by article_id")
    second = load(sample_corpus)
    assert (first.loaded, first.unchanged) == (5, 0)
    assert (second.seen, second.loaded, second.unchanged, second.refreshed, second.rejected) == (5, 0, 5, 0, 0)
    assert query("select * from raw.articles order by article_id") == before
    assert query("select loaded, unchanged from raw.ingest_runs order by started_at") == [(5, 0), (0, 5)]


def test_changed_file_becomes_a_new_version_and_the_old_one_stays(
    sample_corpus: Path, load: Callable[..., Any], query: Callable[..., Any]
) -> None:
    load(sample_corpus)
    path = sample_corpus / "004_b1e92f7b0ca828eb.txt"
    original = path.read_text(encoding="utf-8")
    path.write_text(original + "\nA correction was appended on Friday.", encoding="utf-8")
    summary = load(sample_corpus)
    assert (summary.loaded, summary.unchanged) == (1, 4)
    versions = query(
        "select version, raw_text from raw.articles where source_file = '004_b1e92f7b0ca828eb.txt' order by version"
    )
    assert versions == [(1, original), (2, original + "\nA correction was appended on Friday.")]
    assert query("select count(*) from raw.articles") == [(6,)]


def test_same_text_twice_in_one_run_is_stored_once(tmp_path: Path, load: Callable[..., Any]) -> None:
    story = tmp_path / "dupes"
    story.mkdir()
    for name in ("a.txt", "b.txt", "c.txt", "d.txt", "e.txt"):
        (story / name).write_text(
            "Same text in every file.\n" if name in ("a.txt", "e.txt") else name, encoding="utf-8"
        )
    # batch_size=2 puts the two copies in different batches.
    summary = load(story, batch_size=2)
    assert (summary.loaded, summary.unchanged) == (4, 1)


def test_new_detector_version_recomputes_detected_columns_only(
    sample_corpus: Path,
    db_path: Path,
    load: Callable[..., Any],
    query: Callable[..., Any],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    load(sample_corpus)
    expected = query("select article_id, outlet, published_date, body_start, body_end from raw.articles order by 1")
    texts = query("select article_id, raw_text, version, run_id from raw.articles order by 1")
    # Simulate rows written by an older detector that got things wrong.
    with duckdb.connect(str(db_path)) as con:
        con.execute("update raw.articles set outlet = 'stale', published_date = null, body_start = 0, body_end = 1")
    monkeypatch.setattr(ingest.load, "DETECTOR_VERSION", "next")
    summary = load(sample_corpus)
    assert (summary.loaded, summary.unchanged, summary.refreshed) == (0, 5, 5)
    assert (
        query("select article_id, outlet, published_date, body_start, body_end from raw.articles order by 1")
        == expected
    )
    assert query("select article_id, raw_text, version, run_id from raw.articles order by 1") == texts
    assert query("select distinct detector_version from raw.articles") == [("next",)]
    assert load(sample_corpus).refreshed == 0


def test_a_new_sidecar_updates_an_unchanged_article(
    sample_corpus: Path, load: Callable[..., Any], stored: Callable[[], dict[str, Any]]
) -> None:
    load(sample_corpus)
    (sample_corpus / "metadata.csv").write_text(
        "file,outlet\n004_b1e92f7b0ca828eb.txt,Example Herald\n", encoding="utf-8"
    )
    summary = load(sample_corpus)
    assert (summary.loaded, summary.unchanged, summary.refreshed) == (0, 5, 1)
    article = stored()["004_b1e92f7b0ca828eb.txt"]
    assert (article["outlet"], article["outlet_basis"], article["version"]) == ("Example Herald", "sidecar", 1)
    assert json.loads(article["sidecar"]) == {"file": "004_b1e92f7b0ca828eb.txt", "outlet": "Example Herald"}


def test_a_failed_run_into_a_new_database_leaves_no_tables(
    sample_corpus: Path, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = []
    real_insert = ingest.load._insert_articles

    def insert_then_fail(con: duckdb.DuckDBPyConnection, table: Any) -> None:
        calls.append(table.num_rows)
        if len(calls) > 1:
            raise RuntimeError("disk full")
        real_insert(con, table)

    monkeypatch.setattr(ingest.load, "_insert_articles", insert_then_fail)
    with pytest.raises(RuntimeError, match="disk full"):
        ingest_paths([sample_corpus], db=db_path, batch_size=2, progress=False)
    assert calls == [2, 2]
    with duckdb.connect(str(db_path), read_only=True) as con:
        assert con.execute("select count(*) from information_schema.tables where table_schema = 'raw'").fetchone() == (
            0,
        )


def test_a_failed_run_leaves_the_database_exactly_as_it_was(
    sample_corpus: Path, db_path: Path, load: Callable[..., Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    load(sample_corpus / "000_3c335b76b6224e08.txt", sample_corpus / "001_6a1e265b84298ea3.txt")
    (sample_corpus / "bad.txt").write_bytes(b"")
    (sample_corpus / "001_6a1e265b84298ea3.txt").write_text("Rewritten.\n", encoding="utf-8")
    before = snapshot(db_path)
    calls = []
    real_insert = ingest.load._insert_articles

    def insert_then_fail(con: duckdb.DuckDBPyConnection, table: Any) -> None:
        calls.append(table.num_rows)
        if len(calls) > 1:
            raise KeyboardInterrupt
        real_insert(con, table)

    monkeypatch.setattr(ingest.load, "_insert_articles", insert_then_fail)
    with pytest.raises(KeyboardInterrupt):
        load(sample_corpus, batch_size=2)
    assert snapshot(db_path) == before
    assert {table: len(rows) for table, rows in before.items()} == {
        "raw.ingest_runs": 1,
        "raw.articles": 2,
        "raw.rejected_files": 0,
    }


AWKWARD = {
    "sql.txt": "Robert'); DROP TABLE raw.articles;-- said \"hi\" and 'bye' \\' $1 ? :name %s {0}\n\nSecond paragraph.",
    "emoji.txt": "Fans cheered 🎉🇦🇲 at café (e\u0301) — family 👩\u200d👩\u200d👧 came too.\n",
    "rtl.txt": "שלום עולם — مرحبا بالعالم, said the \u202bembedded\u202c text.\u200f\n",
    "control.txt": "Bell \x07, escape \x1b[31m red, form feed \x0c, tab\there, DEL \x7f.\n",
    "spaces.txt": "   indented first line\n\n\n\tand trailing spaces   \n\n\n",
    "crlf.txt": "Windows\r\nline\r\nendings\r\n",
    "cr.txt": "Old Mac\rline endings\r",
    "separators.txt": "Line\u2028separator, paragraph\u2029separator, next\x85line, no final newline",
}


@pytest.mark.parametrize("form", ["txt", "jsonl"])
def test_awkward_text_round_trips_exactly(
    tmp_path: Path, form: str, load: Callable[..., Any], query: Callable[..., Any]
) -> None:
    story = tmp_path / "awkward"
    story.mkdir()
    if form == "txt":
        for name, text in AWKWARD.items():
            (story / name).write_bytes(text.encode("utf-8"))
    else:
        lines = [json.dumps({"id": name, "text": text}, ensure_ascii=False) for name, text in AWKWARD.items()]
        (story / "awkward.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert load(story).loaded == len(AWKWARD)
    got = query(
        "select source_file, raw_text, article_id, byte_size, body_start, body_end, "
        "substr(raw_text, body_start + 1, body_end - body_start) from raw.articles"
    )
    for source_file, text, article_id, byte_size, start, end, body in got:
        expected = AWKWARD[source_file.removeprefix("awkward.jsonl:")]
        assert text == expected
        assert article_id == hashlib.sha256(expected.encode("utf-8")).hexdigest()
        assert byte_size == len(expected.encode("utf-8"))
        assert 0 <= start <= end <= len(text)
        assert body == text[start:end]


def test_database_location_defaults(sample_corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("WAREHOUSE_PATH", str(tmp_path / "from_env.duckdb"))
    assert ingest_paths([sample_corpus], progress=False).db == tmp_path / "from_env.duckdb"
    monkeypatch.delenv("WAREHOUSE_PATH")
    assert ingest_paths([sample_corpus], progress=False).db == tmp_path / "warehouse.duckdb"
    assert (tmp_path / "from_env.duckdb").exists() and (tmp_path / "warehouse.duckdb").exists()


def test_progress_bar_only_for_large_runs(
    sample_corpus: Path, load: Callable[..., Any], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    load(sample_corpus, progress=True)
    assert capsys.readouterr().err == ""
    monkeypatch.setattr(ingest.load, "PROGRESS_MIN_FILES", 2)
    (sample_corpus / "extra.txt").write_text("One more article.\n", encoding="utf-8")
    load(sample_corpus, progress=True)
    assert "6/6" in capsys.readouterr().err


def test_one_source_file_changing_within_a_run_gets_consecutive_versions(
    tmp_path: Path, load: Callable[..., Any], query: Callable[..., Any]
) -> None:
    for folder, text in (("monday", "First edition.\n"), ("tuesday", "Second edition.\n")):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "report.txt").write_text(text, encoding="utf-8")
    load(tmp_path / "monday" / "report.txt", tmp_path / "tuesday" / "report.txt", story="city-report")
    assert query("select version, raw_text from raw.articles order by version") == [
        (1, "First edition.\n"),
        (2, "Second edition.\n"),
    ]


def test_an_ingest_leaves_the_part_deleted_row_groups_of_dbt_tables_alone(sample_corpus: Path, tmp_path: Path) -> None:
    # An incremental dbt build deletes rebuilt stories' rows and skips the vacuum; the ingest's
    # checkpoint must skip it too, or it compacts every table of the warehouse on close.
    db = tmp_path / "warehouse.duckdb"
    with duckdb.connect(str(db)) as con:
        con.execute("set max_vacuum_tasks = 0")
        con.execute("create table facts as select range as i from range(1000000)")
        con.execute("checkpoint")
        con.execute("delete from facts where i % 10 != 0")

    def row_groups() -> int:
        with duckdb.connect(str(db), read_only=True) as con:
            (groups,) = con.execute("select count(distinct row_group_id) from pragma_storage_info('facts')").fetchone()
        return int(groups)

    before = row_groups()
    assert before > 1
    ingest_paths([sample_corpus], db=db, progress=False)
    assert row_groups() == before
