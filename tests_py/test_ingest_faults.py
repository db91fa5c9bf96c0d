"""Ingest under faults and odd paths: special files, a missing path, a full disk, a read-only file
system, unusable warehouse names. Each fault leaves what was loaded before exactly as it was."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import duckdb
import pytest

from ingest.cli import EXIT_NOT_FOUND, EXIT_UNAVAILABLE
from pipeline import small_tmpfs

REPO = Path(__file__).resolve().parents[1]
GOOD = "KAMPALA: The central bank kept its main rate at 10% on Thursday, the governor said.\n"
TABLES = ("raw.articles", "raw.article_versions", "raw.article_sightings", "raw.ingest_runs", "raw.rejected_files")


def ingest_cli(*args: str | Path, timeout: int = 60) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "ingest", *map(str, args), "--no-progress"],
        cwd=REPO, capture_output=True, text=True, timeout=timeout,
    )  # fmt: skip


def contents(db: Path) -> dict[str, list[tuple[Any, ...]]]:
    with duckdb.connect(str(db), read_only=True) as con:
        return {table: sorted(con.execute(f"select * from {table}").fetchall(), key=repr) for table in TABLES}


def one_sentence_error(result: subprocess.CompletedProcess[str], *needles: str) -> None:
    assert "Traceback" not in result.stderr, result.stderr
    assert "cannot rollback" not in result.stderr
    for needle in needles:
        assert needle in result.stderr, result.stderr


def test_special_files_in_a_folder_are_skipped_with_a_reason(
    tmp_path: Path, load: Callable[..., Any], query: Callable[..., Any]
) -> None:
    story = tmp_path / "story"
    story.mkdir()
    (story / "good.txt").write_text(GOOD, encoding="utf-8")
    os.mkfifo(story / "pipe.txt")
    os.mkfifo(story / "feed.jsonl")
    os.mkfifo(story / "other")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "far.txt").write_text(GOOD + " Far.", encoding="utf-8")
    (story / "linked").symlink_to(elsewhere, target_is_directory=True)
    with socket.socket(socket.AF_UNIX) as sock:
        sock.bind(str(story / "sock.txt"))
        # Run in a child with a timeout: before the fix a FIFO blocked open() forever.
        result = ingest_cli(story, "--db", tmp_path / "w.duckdb", timeout=30)
    assert result.returncode == 0, result.stderr
    with duckdb.connect(str(tmp_path / "w.duckdb"), read_only=True) as con:
        reasons = dict(con.execute("select path, reason from raw.rejected_files").fetchall())
        assert con.execute("select source_file from raw.articles").fetchall() == [("good.txt",)]
    fifo = "The path is a FIFO (named pipe), not a regular file: skipped without opening it."
    assert reasons == {
        str(story / "pipe.txt"): fifo,
        str(story / "feed.jsonl"): fifo,
        str(story / "other"): fifo,
        str(story / "sock.txt"): "The path is a socket, not a regular file: skipped without opening it.",
        str(story / "linked"): "The path is a link to a directory, which is not followed: skipped; "
        "give the directory itself to ingest it.",
    }


def test_a_missing_path_is_an_error_and_loads_nothing(tmp_path: Path) -> None:
    story = tmp_path / "story"
    story.mkdir()
    (story / "good.txt").write_text(GOOD, encoding="utf-8")
    result = ingest_cli(story, tmp_path / "no such corpus", "--db", tmp_path / "w.duckdb")
    assert result.returncode == EXIT_NOT_FOUND
    one_sentence_error(result, f"The path {tmp_path / 'no such corpus'} does not exist; nothing was ingested.")
    assert not (tmp_path / "w.duckdb").exists()


@pytest.mark.parametrize("name", ["o'brien.duckdb", "system.duckdb", "2024.duckdb", "my warehouse.duckdb"])
def test_unusable_warehouse_names_are_refused_at_once(tmp_path: Path, name: str) -> None:
    story = tmp_path / "story"
    story.mkdir()
    (story / "good.txt").write_text(GOOD, encoding="utf-8")
    result = ingest_cli(story, "--db", tmp_path / name)
    assert result.returncode == EXIT_UNAVAILABLE
    one_sentence_error(result, f"Cannot use {tmp_path / name} as the warehouse")
    assert not (tmp_path / name).exists()


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A 3 MB tmpfs, mounted for the test; needs root."""
    with small_tmpfs(tmp_path / "disk", "3m") as mount:
        yield mount


def big_story(root: Path, files: int, size: int) -> Path:
    story = root / "big"
    story.mkdir()
    for n in range(files):
        words = " ".join(f"w{n}x{i}" for i in range(size // 8))
        (story / f"{n:03}.txt").write_text(f"KAMPALA: Article {n} says {words}.\n", encoding="utf-8")
    return story


def test_a_full_disk_fails_in_one_sentence_and_keeps_what_was_loaded(tmp_path: Path, small_disk: Path) -> None:
    db = small_disk / "warehouse.duckdb"
    first = tmp_path / "first"
    first.mkdir()
    (first / "good.txt").write_text(GOOD, encoding="utf-8")
    assert ingest_cli(first, "--db", db).returncode == 0
    before = contents(db)
    result = ingest_cli(big_story(tmp_path, 60, 100_000), "--db", db)
    assert result.returncode == EXIT_UNAVAILABLE, result.stderr
    one_sentence_error(result, f"Cannot write the warehouse {db}: the disk is full", "nothing was written")
    assert contents(db) == before


def test_a_read_only_file_system_fails_in_one_sentence(tmp_path: Path, small_disk: Path) -> None:
    db = small_disk / "warehouse.duckdb"
    first = tmp_path / "first"
    first.mkdir()
    (first / "good.txt").write_text(GOOD, encoding="utf-8")
    assert ingest_cli(first, "--db", db).returncode == 0
    before = contents(db)
    subprocess.run(["mount", "-o", "remount,ro", str(small_disk)], check=True)
    (first / "more.txt").write_text(GOOD.replace("10%", "12%"), encoding="utf-8")
    result = ingest_cli(first, "--db", db)
    assert result.returncode == EXIT_UNAVAILABLE
    one_sentence_error(result, f"Cannot open the warehouse {db}: the file system is read-only.")
    assert contents(db) == before
