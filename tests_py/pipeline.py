"""Build a warehouse from a corpus the way `make build` does (ingest, then `dbt build`), in a
directory of the test's own, so tests can run on corpora they make or mutate."""

from __future__ import annotations

import datetime as dt
import fcntl
import hashlib
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pytest

from warehouse import buildstate

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SAMPLE_CORPUS = REPO / "data" / "articles"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
# `dbt build` of a test corpus. dbt's unit tests and the seeds' own data tests do not depend on the
# corpus, and the generic tests of the fact families' intermediate models (keys unique and not
# null, spans) guard what the marts' own tests guard again: the session's sample build runs them
# all once, and the other builds of a run leave them out (two thirds of the data tests, most of a
# small build's test time). The text layer's tests (sentence and token spans) still run on every corpus.
# "Cautious" leaves out only tests that read nothing but what is excluded: the cross-outlet tests,
# which also read the review ledger, still run. No test reads such a build's manifest.json or
# run_results.json, and writing them is about a second of every dbt command (`make build` keeps
# its manifest: a run that passes it CORPUS_SELECTION writes one).
_ONCE_PER_RUN = ["seeds", "models/intermediate/mentions", "models/intermediate/figures", "models/intermediate/dates",
                 "models/intermediate/reactions"]
CORPUS_SELECTION = ["--exclude-resource-type", "unit_test",
                    "--exclude", *(f"path:{folder},resource_type:test" for folder in _ONCE_PER_RUN),
                    "--indirect-selection", "cautious"]
CORPUS_BUILD = ["build", *CORPUS_SELECTION, "--no-write-json"]

@dataclass(frozen=True)
class BuildResult:
    db: Path
    returncode: int
    output: str


def dbt_env(db: Path) -> dict[str, str]:
    env = dict(os.environ, WAREHOUSE_PATH=str(db), DBT_SEND_ANONYMOUS_USAGE_STATS="false")
    env.pop("DBT_TARGET_PATH", None)
    return env


# dbt's partial-parse files, by the --vars they were parsed with, from the run's first dbt command
# with those vars, shared by the pytest-xdist workers (tests_py/conftest.py sets the folder).
# Parsing the project is most of the fixed cost of a dbt command (about 11 s of CPU of the 15 s of
# a small build), and dbt reuses a saved parse only while the vars and the profile's connection
# details are the same: so every run names its warehouse by a path relative to its own directory
# (`warehouse.duckdb`, run from db.parent) and starts from a copy of the file. dbt still checks
# every project file's checksum and re-parses what differs, so a reused parse cannot hide a change.
parse_cache: Path | None = None


def _vars(args: list[str]) -> str:
    return args[args.index("--vars") + 1] if "--vars" in args else ""


def _saved_parse(args: list[str]) -> Path | None:
    if parse_cache is None:
        return None
    return parse_cache / f"partial_parse.{hashlib.sha1(_vars(args).encode()).hexdigest()[:16]}.msgpack"


def start_from_saved_parse(args: list[str], target: Path) -> None:
    """Give a target folder that has no parse yet the run's saved parse for these --vars, if any.
    A copy of the project in another folder reuses it too (dbt compares files by their path
    inside the project)."""
    parsed = _saved_parse(args)
    if parsed is not None and parsed.exists() and not (target / "partial_parse.msgpack").exists():
        target.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(parsed, target / "partial_parse.msgpack")


def dbt_command(args: list[str], db: Path, workdir: Path) -> tuple[list[str], Path, dict[str, str]]:
    """(command, working directory, environment) for dbt on the repository's project and `db`, with
    its artefacts under `workdir` so that builds never share state."""
    target = workdir / "target"
    start_from_saved_parse(args, target)
    dbt = Path(sys.executable).with_name("dbt")
    cmd = [str(dbt), *args, "--project-dir", str(REPO), "--profiles-dir", str(REPO),
           "--target-path", str(target), "--log-path", str(workdir / "logs")]  # fmt: skip
    env = dict(dbt_env(db), WAREHOUSE_PATH=db.name)
    return cmd, db.parent, env


def remember_parse(args: list[str], db: Path, workdir: Path) -> None:
    """Keep the partial-parse file of a finished dbt run for the runs with the same vars that follow
    (written under a temporary name and renamed, so another worker never reads half of it)."""
    saved = workdir / "target" / "partial_parse.msgpack"
    kept = _saved_parse(args)
    if kept is not None and not kept.exists() and db.name == "warehouse.duckdb" and saved.exists():
        partial = kept.with_name(f"{kept.name}.{os.getpid()}")
        shutil.copyfile(saved, partial)
        os.replace(partial, kept)


def run_dbt(args: list[str], db: Path, workdir: Path) -> subprocess.CompletedProcess[str]:
    """dbt in the repository, writing its artefacts under `workdir` so that builds never share state."""
    cmd, cwd, env = dbt_command(args, db, workdir)
    done = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True, timeout=900)
    remember_parse(args, db, workdir)
    return done


# A warehouse that holds only the seeds, loaded once per run (conftest.py sets the folder): a
# corpus build starts from a copy and leaves the seeds out, as `make build` leaves out the seeds
# unchanged since its last build (warehouse.buildstate.seed_reuse_args). Loading 33 seeds was a
# fixed cost of every build of a test corpus.
seeded_folder: Path | None = None


def seeded_warehouse() -> Path | None:
    """The seeds-only warehouse of this run, made by the first worker that asks (under a lock)."""
    if seeded_folder is None:
        return None
    db = seeded_folder / "warehouse.duckdb"
    seeded_folder.mkdir(parents=True, exist_ok=True)
    with (seeded_folder / "seeded.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not (seeded_folder / "seeded").exists():
            loaded = run_dbt(["seed"], db, seeded_folder)
            if loaded.returncode != 0:
                raise RuntimeError(f"dbt seed failed ({loaded.returncode}):\n{loaded.stdout}\n{loaded.stderr}")
            buildstate.keep_state(db, seeded_folder / "target" / "manifest.json")
            (seeded_folder / "seeded").touch()
    return db


def ingest(corpus: Path, db: Path, story: str | None = None) -> subprocess.CompletedProcess[str]:
    cmd = [sys.executable, "-m", "ingest", str(corpus), "--db", str(db)]
    if story:
        cmd += ["--story", story]
    return subprocess.run(cmd, cwd=REPO, env=dbt_env(db), capture_output=True, text=True, timeout=900)


def build_warehouse(
    corpus_dir: Path, workdir: Path, check: bool = True, story: str | None = None, unit_tests: bool = False,
    select: str | None = None,
) -> BuildResult:
    """Ingest `corpus_dir` into `workdir/warehouse.duckdb` and run `dbt build` on it.

    dbt's unit tests and the lexicons' tests run only where asked for (the session's sample
    build), not in every build (CORPUS_BUILD); a new warehouse starts from the run's seeds-only
    one (seeded_warehouse) and loads no seed. With `check`, a failed ingest or build raises with the
    tool's output; without, the caller inspects `returncode` and `output` (the mutation tests
    expect failures). `select` builds only those nodes (e.g. `+fct_mentions`: a mart and what it
    reads, with their data tests and the cross-outlet tests on them) and the data tests of nothing
    else, for modules that judge one mart's rows."""
    workdir.mkdir(parents=True, exist_ok=True)
    db = workdir / "warehouse.duckdb"
    seeded = None if unit_tests or db.exists() else seeded_warehouse()
    if seeded is not None:
        shutil.copyfile(seeded, db)
        shutil.copytree(buildstate.state_path(seeded), buildstate.state_path(db))
    loaded = ingest(corpus_dir, db, story)
    if loaded.returncode != 0:
        raise RuntimeError(f"ingest failed ({loaded.returncode}):\n{loaded.stdout}\n{loaded.stderr}")
    args = ["build"] if unit_tests else [*CORPUS_BUILD, *buildstate.seed_reuse_args(db)]
    if select:
        # the review ledger is a parent of the cross-outlet tests: selected with the marts, they run
        args += ["--select", select, "reviewed_findings"]
        if "--indirect-selection" not in args:
            args += ["--indirect-selection", "cautious"]
    built = run_dbt(args, db, workdir)
    output = built.stdout + built.stderr
    if check and built.returncode != 0:
        raise RuntimeError(f"dbt build failed ({built.returncode}):\n{output}")
    return BuildResult(db=db, returncode=built.returncode, output=output)


def copy_corpus(src: Path, dst: Path) -> Path:
    shutil.copytree(src, dst)
    return dst


@contextmanager
def small_tmpfs(where: Path, size: str) -> Iterator[Path]:
    """A tmpfs of `size` mounted at `where` for a full-disk test; skips the test, with the reason,
    when not root or when mounting fails."""
    if os.geteuid() != 0:
        pytest.skip("filling a disk needs a small tmpfs, which only root can mount; run as root to test it")
    where.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(where)], capture_output=True)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.decode().strip()}")
    try:
        yield where
    finally:
        subprocess.run(["umount", "-l", str(where)], check=True)


def d(s: str) -> dt.date:
    return dt.date.fromisoformat(s)


def query(db: Path, sql: str, params: list | None = None) -> list[dict]:
    """The rows of one query on a built warehouse, as dicts by column name."""
    with duckdb.connect(str(db), read_only=True) as con:
        cur = con.execute(sql, params or [])
        names = [c[0] for c in cur.description]
        return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]
