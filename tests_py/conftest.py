"""Fixtures: the sample corpus built once per session (with dbt's unit tests), and for the ingest
tests a writable copy of the sample corpus, a database per test, queries."""

from __future__ import annotations

import fcntl
import json
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import duckdb
import pytest

import pipeline
from ingest.load import RunSummary, ingest_paths
from pipeline import SAMPLE_CORPUS, BuildResult, build_warehouse

Rows = list[tuple[Any, ...]]


def _run_folder(tmp_path_factory: pytest.TempPathFactory, worker_id: str) -> Path:
    """A folder of this pytest run that every pytest-xdist worker shares."""
    base = tmp_path_factory.getbasetemp()
    return base if worker_id == "master" else base.parent


@pytest.fixture(scope="session", autouse=True)
def shared_dbt_parses(tmp_path_factory: pytest.TempPathFactory, worker_id: str) -> None:
    """dbt's parse of the project, kept per --vars for every worker's later commands, and the
    run's seeds-only warehouse (pipeline.py)."""
    pipeline.parse_cache = _run_folder(tmp_path_factory, worker_id) / "dbt_parses"
    pipeline.parse_cache.mkdir(exist_ok=True)
    pipeline.seeded_folder = _run_folder(tmp_path_factory, worker_id) / "seeded"


@pytest.fixture(scope="session")
def sample_build(tmp_path_factory: pytest.TempPathFactory, worker_id: str) -> BuildResult:
    """The bundled corpus ingested and built with the full `dbt build`, unit tests included: once
    for the whole run, which pytest-xdist splits over workers (`make test` runs `-n auto`). The
    first worker to ask builds it under a file lock; the others wait and read the same warehouse,
    which every test opens read-only or copies."""
    shared = _run_folder(tmp_path_factory, worker_id)
    record = shared / "sample_build.json"
    with (shared / "sample_build.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if record.exists():
            saved = json.loads(record.read_text())
            return BuildResult(db=Path(saved["db"]), returncode=saved["returncode"], output=saved["output"])
        built = build_warehouse(SAMPLE_CORPUS, shared / "sample_build", unit_tests=True)
        record.write_text(json.dumps({"db": str(built.db), "returncode": built.returncode, "output": built.output}))
        return built


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "warehouse.duckdb"


@pytest.fixture
def sample_corpus(tmp_path: Path) -> Path:
    """A writable copy of the five sample articles, in a directory (so a story) named 'sample'."""
    target = tmp_path / "sample"
    target.mkdir()
    for article in SAMPLE_CORPUS.glob("*.txt"):
        # copyfile, not copytree: the checked-in files are read-only and tests modify the copies.
        shutil.copyfile(article, target / article.name)
    return target


@pytest.fixture
def load(db_path: Path) -> Callable[..., RunSummary]:
    """Ingest paths into the test's database, without a progress bar."""

    def run(*paths: Path | str, **options: Any) -> RunSummary:
        options.setdefault("progress", False)
        return ingest_paths(list(paths), db=db_path, **options)

    return run


@pytest.fixture
def query(db_path: Path) -> Callable[..., Rows]:
    """Rows of a query on the test's database, opened read-only."""

    def run(sql: str, params: list[Any] | None = None) -> Rows:
        with duckdb.connect(str(db_path), read_only=True) as con:
            return con.execute(sql, params or []).fetchall()

    return run


@pytest.fixture
def stored(db_path: Path) -> Callable[[], dict[str, dict[str, Any]]]:
    """raw.articles as {source_file: row dict}, the highest version winning."""

    def run() -> dict[str, dict[str, Any]]:
        with duckdb.connect(str(db_path), read_only=True) as con:
            cursor = con.execute("select * from raw.articles order by source_file, version")
            names = [column[0] for column in cursor.description]
            return {
                record["source_file"]: record
                for record in (dict(zip(names, r, strict=True)) for r in cursor.fetchall())
            }

    return run
