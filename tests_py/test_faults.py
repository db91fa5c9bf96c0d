"""Faults: kill -9 of ingest and of dbt build, a full disk under the seeds, a reader holding the
lock, a missing corpus. After each, nothing already loaded is lost or changed, an unfinished build
is flagged, and a rebuild equals a clean build row for row.

The default run stays within about two minutes; FAULTS_LONG=1 (`make faults`) adds more kill
points."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import duckdb
import pytest

from pipeline import CORPUS_BUILD, REPO, SAMPLE_CORPUS, BuildResult, dbt_command, dbt_env, ingest, run_dbt, small_tmpfs
from warehouse import buildstate

LONG = os.environ.get("FAULTS_LONG") == "1"
RAW = {
    "raw.articles": "* exclude (run_id, ingested_at)",
    "raw.article_versions": "* exclude (run_id)",
    "raw.article_sightings": "* exclude (run_id)",
}
# Per-run columns: which run loaded an article, and when, and when the build that wrote a row
# started, differ between equal builds.
PER_RUN_COLUMNS = {"run_id", "ingested_at", "build_started_at"}


def rows(db: Path, sql: str) -> list[tuple[Any, ...]]:
    with duckdb.connect(str(db), read_only=True) as con:
        return sorted(con.execute(sql).fetchall(), key=repr)


def raw_state(db: Path) -> dict[str, list[tuple[Any, ...]]]:
    return {table: rows(db, f"select {columns} from {table}") for table, columns in RAW.items()}


def marts(db: Path) -> dict[str, list[tuple[Any, ...]]]:
    with duckdb.connect(str(db), read_only=True) as con:
        tables = [t for (t,) in con.execute(
            "select table_name from duckdb_tables() where schema_name = 'marts' order by 1").fetchall()]  # fmt: skip
        out = {}
        for table in tables:
            columns = [c for (c,) in con.execute(
                "select column_name from duckdb_columns() where schema_name = 'marts' and table_name = ? "
                "order by column_index", [table]).fetchall() if c not in PER_RUN_COLUMNS]  # fmt: skip
            select = ", ".join(f'"{c}"' for c in columns)
            out[table] = sorted(con.execute(f'select {select} from marts."{table}"').fetchall(), key=repr)
        return out


def lexicons(db: Path) -> dict[str, list[tuple[Any, ...]]]:
    with duckdb.connect(str(db), read_only=True) as con:
        names = [t for (t,) in con.execute(
            "select table_name from duckdb_tables() where schema_name = 'lexicons' order by 1").fetchall()]  # fmt: skip
        return {name: sorted(con.execute(f'select * from lexicons."{name}"').fetchall(), key=repr) for name in names}


def generated_corpus(root: Path, files: int) -> Path:
    story = root / "generated"
    story.mkdir(parents=True)
    for n in range(files):
        body = " ".join(f"The harbour board met for the {n}th time and heard {i} residents." for i in range(40))
        (story / f"{n:05}.txt").write_text(f"PORTVILLE: {body}\n", encoding="utf-8")
    return story


def restore(saved: Path, db: Path) -> None:
    """Put a saved warehouse back. A killed process can leave a write-ahead log beside the file, which
    DuckDB would replay onto the restored copy: it goes too."""
    Path(f"{db}.wal").unlink(missing_ok=True)
    shutil.copyfile(saved, db)


def kill_after(cmd: list[str], env: dict[str, str], seconds: float) -> int:
    process = subprocess.Popen(cmd, cwd=REPO, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        process.wait(timeout=seconds)
    except subprocess.TimeoutExpired:
        process.send_signal(signal.SIGKILL)
    return process.wait()


def test_kill_9_of_ingest_changes_nothing_and_a_rerun_equals_a_clean_run(tmp_path: Path) -> None:
    corpus = generated_corpus(tmp_path / "corpus", 6000)
    clean = tmp_path / "clean.duckdb"
    assert ingest(SAMPLE_CORPUS, clean).returncode == 0
    started = time.monotonic()
    assert ingest(corpus, clean).returncode == 0
    duration = time.monotonic() - started
    expected = raw_state(clean)

    db = tmp_path / "killed.duckdb"
    assert ingest(SAMPLE_CORPUS, db).returncode == 0
    loaded = raw_state(db)
    before_runs = tmp_path / "before_runs.duckdb"
    shutil.copyfile(db, before_runs)
    cmd = [sys.executable, "-m", "ingest", str(corpus), "--db", str(db), "--no-progress"]
    fractions = (0.2, 0.5, 0.8) if LONG else (0.3, 0.7)
    killed = 0
    for fraction in fractions:
        status = kill_after(cmd, dbt_env(db), duration * fraction)
        if status == -signal.SIGKILL:
            killed += 1
            # All or nothing: the sample intact and nothing of the run, or (a kill that lands after the
            # commit, before the process exits) the whole run.
            state = raw_state(db)
            assert state in (loaded, expected)
            if state == expected:
                restore(before_runs, db)
        else:
            # On a loaded machine a run can beat its kill: then it loaded everything, and the next
            # kill starts again from the sample alone.
            assert status == 0 and raw_state(db) == expected
            restore(before_runs, db)
    assert killed >= 1, "every ingest finished before its kill: the corpus is too small for this machine"
    assert ingest(corpus, db).returncode == 0
    assert raw_state(db) == expected


@pytest.fixture(scope="module")
def killed_build(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The sample corpus ingested, then `dbt build` killed while it builds the marts, the way
    `make build` runs it (marker first); in a folder whose name has a space and a quote."""
    workdir = tmp_path_factory.mktemp("faults") / "it's a build"
    workdir.mkdir()
    db = workdir / "warehouse.duckdb"
    buildstate.start(db, 5, print)
    assert ingest(SAMPLE_CORPUS, db).returncode == 0
    (workdir / "raw_state.txt").write_text(repr(raw_state(db)), encoding="utf-8")
    cmd, cwd, env = dbt_command(CORPUS_BUILD, db, workdir)
    process = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=subprocess.PIPE, text=True)
    assert process.stdout is not None
    for line in process.stdout:
        if "START sql table model marts." in line:
            time.sleep(0.5)
            break
    process.send_signal(signal.SIGKILL)
    assert process.wait() == -signal.SIGKILL
    yield db


def test_a_killed_build_is_flagged_and_not_published(killed_build: Path, tmp_path: Path) -> None:
    check = subprocess.run([sys.executable, "-m", "warehouse.buildstate", "check", "--db", str(killed_build)],
                           cwd=REPO, capture_output=True, text=True)  # fmt: skip
    assert check.returncode == buildstate.EXIT_UNFINISHED
    assert f"The warehouse {killed_build} comes from a build that did not finish" in check.stderr
    report = subprocess.run([sys.executable, "-m", "warehouse.report", "--db", str(killed_build)],
                            cwd=REPO, capture_output=True, text=True)  # fmt: skip
    assert "WARNING: The warehouse" in report.stdout and "did not finish" in report.stdout
    published = subprocess.run(
        [sys.executable, "-m", "warehouse.publish", "--db", str(killed_build), "--out", str(tmp_path / "publish")],
        cwd=REPO, capture_output=True, text=True,
    )  # fmt: skip
    assert published.returncode == 3
    assert "not published: The warehouse" in published.stderr
    assert not (tmp_path / "publish").exists()


def test_validate_fails_on_an_unfinished_build_even_when_every_expectation_holds(
    sample_build: BuildResult, tmp_path: Path
) -> None:
    """The marker alone fails `make validate`: a copy of the finished sample build, marked as a
    build in progress, whose marts pass every expectation."""
    db = tmp_path / "warehouse.duckdb"
    shutil.copyfile(sample_build.db, db)
    buildstate.start(db, 5, print)
    done = subprocess.run([sys.executable, "-m", "warehouse.validate", "--db", str(db), "--no-docs"],
                          cwd=REPO, capture_output=True, text=True, timeout=600)  # fmt: skip
    assert done.returncode == 1, done.stdout[-2000:] + done.stderr[-2000:]
    assert f"failed: The warehouse {db} comes from a build that did not finish" in done.stdout
    assert f"validated {db}: " in done.stdout and " expectations, ok" in done.stdout


def test_a_rebuild_after_a_killed_build_equals_a_clean_build(
    killed_build: Path, sample_build: BuildResult, tmp_path: Path
) -> None:
    workdir = killed_build.parent
    rebuilt = run_dbt(CORPUS_BUILD, killed_build, workdir)
    assert rebuilt.returncode == 0, rebuilt.stdout[-3000:]
    buildstate.finish(killed_build)
    assert buildstate.unfinished(killed_build) is None
    assert marts(killed_build) == marts(sample_build.db)
    assert lexicons(killed_build) == lexicons(sample_build.db)
    # Nothing loaded before the kill was lost or changed.
    assert repr(raw_state(killed_build)) == (workdir / "raw_state.txt").read_text(encoding="utf-8")


@pytest.mark.skipif(not LONG, reason="more kill points of dbt build: FAULTS_LONG=1 (make faults)")
@pytest.mark.parametrize("point", ["START seed file", "START sql view model staging.", "START test "])
def test_more_kill_points_of_dbt_build(point: str, sample_build: BuildResult, tmp_path: Path) -> None:
    db = tmp_path / "warehouse.duckdb"
    assert ingest(SAMPLE_CORPUS, db).returncode == 0
    cmd, cwd, env = dbt_command(CORPUS_BUILD, db, tmp_path)
    process = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=subprocess.PIPE, text=True)
    assert process.stdout is not None
    for line in process.stdout:
        if point in line:
            break
    process.send_signal(signal.SIGKILL)
    process.wait()
    assert run_dbt(CORPUS_BUILD, db, tmp_path).returncode == 0
    assert marts(db) == marts(sample_build.db)


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    with small_tmpfs(tmp_path / "disk", "40m") as mount:
        yield mount


def test_a_full_disk_during_the_seeds_leaves_every_lexicon_in_place(small_disk: Path, tmp_path: Path) -> None:
    db = small_disk / "warehouse.duckdb"
    assert run_dbt(["seed"], db, tmp_path).returncode == 0
    before = lexicons(db)
    assert len(before) >= 20
    free = os.statvfs(small_disk)
    filler = (free.f_bavail * free.f_frsize) - 32 * 1024
    with open(small_disk / "filler", "wb") as handle:
        handle.truncate(0)
        handle.write(b"\0" * filler)
    failed = run_dbt(["seed"], db, tmp_path)
    assert failed.returncode != 0
    assert "No space left on device" in failed.stdout
    (small_disk / "filler").unlink()
    assert lexicons(db) == before


def holding_the_lock(db: Path) -> subprocess.Popen[str]:
    holder = subprocess.Popen(
        [sys.executable, "-c", "import duckdb, sys, time; c = duckdb.connect(sys.argv[1], read_only=True); "
         "print('ready', flush=True); time.sleep(120)", str(db)],
        stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    assert holder.stdout is not None and holder.stdout.readline().strip() == "ready"
    return holder


def make_build(tmp_path: Path, corpus: Path, db: Path, **extra: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, CORPUS=str(corpus), WAREHOUSE_PATH=str(db), **extra)
    env.pop("MAKEFLAGS", None)
    return subprocess.run(["make", "--no-print-directory", "build"], cwd=REPO, env=env, capture_output=True,
                          text=True, timeout=120)  # fmt: skip


def test_make_build_with_a_reader_holding_the_lock_says_who_and_stops_before_dbt(tmp_path: Path) -> None:
    folder = tmp_path / "it's a folder"
    folder.mkdir()
    db = folder / "warehouse.duckdb"
    assert ingest(SAMPLE_CORPUS, db).returncode == 0
    before = raw_state(db)
    holder = holding_the_lock(db)
    try:
        started = time.monotonic()
        result = make_build(tmp_path, SAMPLE_CORPUS, db, LOCK_WAIT="3")
        waited = time.monotonic() - started
    finally:
        holder.kill()
        holder.wait()
    assert result.returncode != 0
    assert "buildstate: waiting for the warehouse lock" in result.stderr
    assert f"PID {holder.pid}) holds its lock" in result.stderr
    assert "dbt build" not in result.stdout and "-m ingest" not in result.stdout
    assert waited < 30
    assert raw_state(db) == before


def test_a_reader_that_takes_the_lock_after_the_check_is_named_and_dbt_stops_after_the_lock_wait(
    tmp_path: Path,
) -> None:
    """The race the check before dbt cannot close: a reader opens the warehouse once dbt has
    started (after warehouse.buildstate found the lock free) and before dbt connects. dbt alone
    would retry silently for minutes; warehouse.build names the reader and stops dbt after
    --lock-wait seconds."""
    db = tmp_path / "warehouse.duckdb"
    cmd = [sys.executable, "-m", "warehouse.build", "--corpus", str(SAMPLE_CORPUS), "--db", str(db),
           "--lock-wait", "6", "--lock-notice", "2", "--dbt-arg=--select", "--dbt-arg=stg_news__articles"]  # fmt: skip
    build = subprocess.Popen(cmd, cwd=REPO, env=dbt_env(db), stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                             text=True)  # fmt: skip
    assert build.stdout is not None
    output, holder = [], None
    try:
        for line in build.stdout:
            output.append(line)
            if holder is None and "Running with dbt=" in line:
                holder = holding_the_lock(db)
                started = time.monotonic()
        build.wait(timeout=300)
        waited = time.monotonic() - started
    finally:
        build.kill()
        if holder is not None:
            holder.kill()
            holder.wait()
    out = "".join(output)
    assert holder is not None, out[-3000:]
    named = f"PID {holder.pid} ({Path(sys.executable).name} -c import duckdb"
    notices = [ln for ln in out.splitlines() if ln.startswith(f"build: dbt is waiting for the lock on {db}, held by")]
    assert notices and all(named in ln for ln in notices), out[-3000:]
    assert f"build: gave up: {named}" in out and "held the lock on" in out and "for 6 s while dbt waited" in out
    assert "build stopped: step 'dbt build' failed with status 3" in out
    assert build.returncode == 1
    # 2 s of silence before the wait counts, 6 s of waiting, a few seconds to stop dbt
    assert waited < 30, waited
    assert buildstate.unfinished(db) is not None  # the marker stays: this build did not finish


def test_make_build_with_a_missing_corpus_fails_at_once(tmp_path: Path) -> None:
    missing = tmp_path / "no such 'corpus'"
    result = make_build(tmp_path, missing, tmp_path / "warehouse.duckdb")
    assert result.returncode != 0
    assert f"the corpus path {missing} does not exist; nothing was built." in result.stderr
    assert not (tmp_path / "warehouse.duckdb").exists()


def test_a_copy_under_another_name_reads_its_views(sample_build: BuildResult, tmp_path: Path) -> None:
    """Documented (README, Guarantees): a copy of the warehouse file under another name reads its
    staging views as well as its tables, in the DuckDB CLI the README points to and in Python. (Under
    DuckDB 1.5 a view named its catalog, the file's stem at build time, and failed in the copy.)"""
    copy = tmp_path / "copy.duckdb"
    shutil.copyfile(sample_build.db, copy)
    cli = Path(sys.executable).with_name("duckdb")
    opened = subprocess.run([str(cli), "-readonly", "-csv", "-noheader", str(copy), "-c",
                             "select count(*) from marts.dim_articles; "
                             "select count(*) from staging.stg_news__articles"],
                            capture_output=True, text=True, check=False)
    assert opened.returncode == 0, opened.stderr
    assert opened.stdout.split() == ["5", "5"]
    with duckdb.connect(str(copy), read_only=True) as con:
        assert con.execute("select count(*) from staging.stg_news__articles").fetchall() == [(5,)]
