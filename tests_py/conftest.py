"""Fixtures: the sample corpus built once per session (with dbt's unit tests), and for the ingest
tests a writable copy of the sample corpus, a database per test, queries."""

from __future__ import annotations

import fcntl
import json
import shutil
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
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


# Test modules by the time their builds take, longest first (`make test` runs them with
# --no-loadscope-reorder, so in this order): pytest-xdist hands each worker the next module when it
# is done, and a long module started last would leave the other worker idle at the end.
LONGEST_FIRST = ("test_incremental", "test_findings", "test_figures", "test_faults", "test_toolbox",
                 "test_reactions", "test_robustness", "test_miss_classes", "test_dates", "test_mentions")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    def rank(item: pytest.Item) -> int:
        module = item.path.stem
        return LONGEST_FIRST.index(module) if module in LONGEST_FIRST else len(LONGEST_FIRST)

    items.sort(key=rank)  # stable: a module's tests keep their order


@dataclass
class _SampleBuilder:
    """The sample build running in a thread of the worker that took its lock first."""

    thread: threading.Thread
    error: BaseException | None = None


_sample_builder: _SampleBuilder | None = None


def _sample_files(tmp_path_factory: pytest.TempPathFactory, worker_id: str) -> tuple[Path, Path, Path]:
    shared = _run_folder(tmp_path_factory, worker_id)
    return shared, shared / "sample_build.json", shared / "sample_build.lock"


def _build_sample(shared: Path, record: Path) -> BuildResult:
    built = build_warehouse(SAMPLE_CORPUS, shared / "sample_build", unit_tests=True)
    record.write_text(json.dumps({"db": str(built.db), "returncode": built.returncode, "output": built.output}))
    return built


@pytest.fixture(scope="session", autouse=True)
def sample_build_started(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory, worker_id: str, shared_dbt_parses: None
) -> Iterator[None]:
    """The sample build (about two minutes) starts with the run, in the background, when a test of
    the run reads it: the first worker to take its lock builds it while its tests go on, so a
    worker that needs it later waits less, or not at all. That worker ends its session only once
    the build is done, since another worker may be waiting for it."""
    global _sample_builder
    if not any("sample_build" in item.fixturenames for item in request.session.items):
        yield
        return
    shared, record, lock_path = _sample_files(tmp_path_factory, worker_id)
    lock = lock_path.open("w")
    try:
        fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        lock.close()  # another worker builds it
        yield
        return
    if record.exists():
        lock.close()
        yield
        return

    def build() -> None:
        try:
            _build_sample(shared, record)
        except BaseException as error:  # re-raised by sample_build, in the tests that read it
            assert _sample_builder is not None
            _sample_builder.error = error
        finally:
            lock.close()  # releases the lock

    _sample_builder = _SampleBuilder(threading.Thread(target=build, name="sample build"))
    _sample_builder.thread.start()
    yield
    _sample_builder.thread.join()


@pytest.fixture(scope="session")
def sample_build(tmp_path_factory: pytest.TempPathFactory, worker_id: str) -> BuildResult:
    """The bundled corpus ingested and built with the full `dbt build`, unit tests included: once
    for the whole run, which pytest-xdist splits over workers (`make test` runs `-n auto`). It is
    started by sample_build_started; a worker that needs it waits for its lock, and the others read
    the same warehouse, which every test opens read-only or copies. Built here if it is not there."""
    if _sample_builder is not None:
        _sample_builder.thread.join()
        if _sample_builder.error is not None:
            raise _sample_builder.error
    shared, record, lock_path = _sample_files(tmp_path_factory, worker_id)
    with lock_path.open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if record.exists():
            saved = json.loads(record.read_text())
            return BuildResult(db=Path(saved["db"]), returncode=saved["returncode"], output=saved["output"])
        return _build_sample(shared, record)


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
