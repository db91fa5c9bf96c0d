"""Findings a newsroom can act on, end to end through `make build`, on invented stories
(tests_py/fixtures/findings):

- ferry: a death toll that rises over three days (4, then 9 `raising the toll from 4`, then 15):
  an update, `evolving`, never a conflict;
- mine: a toll revised down (27, then 21 `revising the toll down from 27`): `evolving`;
- stadium: a rising toll with two outlets disagreeing on the same day (3 and 5, then 8), and
  police numbers that differ (200, 350): two real contradictions;
- treaty: two outlets date the signing a day apart: a contradiction; the rest agrees.

`make build` runs in a copy of the project (so that the ledger can be edited), with the
repository's virtualenv. The first build must complete (warehouse, pages, publication) and exit
3 naming exactly the three unreviewed contradictions; once they are in the review ledger, with
one stale row besides, the same `make build` exits 0 and reports the stale row, without extracting
any story again. `make build` runs the findings tests at severity warn; that a plain `dbt build`
(their default severity, error) fails on a contradiction is tested in test_figures.py (claims)
and test_dates.py (event dates).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pytest

from pipeline import CORPUS_SELECTION, FIXTURES, REPO, dbt_env, seeded_warehouse
from warehouse import buildstate

STORIES = FIXTURES / "findings"
EXPECTED_CONFLICTS = {
    ("stadium", "claim", "people|kill"),
    ("stadium", "claim", "police officers|deploy"),
    ("treaty", "event", "treaty|statement|2025-03-12"),
}
COPIED = ("Makefile", "dbt_project.yml", "profiles.yml", "requirements.lock", "models", "macros", "seeds",
          "tests", "analyses", "ingest", "warehouse")


@dataclass(frozen=True)
class Run:
    returncode: int
    stdout: str
    stderr: str


def make(project: Path, db: Path, *args: str, **env: str) -> Run:
    venv = Path(sys.executable).parent.parent
    done = subprocess.run(
        ["make", "build", f"VENV={venv}", f"CORPUS={STORIES}", f"WAREHOUSE_PATH={db}",
         "DBT_BUILD_ARGS=" + " ".join(CORPUS_SELECTION), *args],
        cwd=project, env={**dbt_env(db), **env}, capture_output=True, text=True, timeout=900)
    return Run(done.returncode, done.stdout, done.stderr)


def query(db: Path, sql: str) -> list[tuple]:
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(sql).fetchall()


def unreviewed_named(out: str) -> set[tuple[str, str, str]]:
    named = set()
    for line in out.splitlines():
        if line.startswith("UNREVIEWED CONFLICT story "):
            story, rest = line.removeprefix("UNREVIEWED CONFLICT story ").split(", ", 1)
            kind, key = rest.split(" ", 1)
            named.add((story, kind, key))
    return named


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("findings_project")
    # the copy's requirements.lock keeps its time stamp, so make sees the shared virtualenv as installed
    for name in COPIED:
        src = REPO / name
        if src.is_dir():
            shutil.copytree(src, root / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(src, root / name)
    return root


@dataclass(frozen=True)
class FirstBuild:
    db: Path
    run: Run
    warn_only: subprocess.CompletedProcess[str]
    finding_ids: list[tuple]


@pytest.fixture(scope="module")
def first(project: Path) -> FirstBuild:
    db = project / "news.duckdb"
    # From the run's seeds-only warehouse, as every fixture corpus: loading the seeds again would
    # test nothing here and cost half a minute.
    seeded = seeded_warehouse()
    if seeded is not None:
        shutil.copyfile(seeded, db)
        shutil.copytree(buildstate.state_path(seeded), buildstate.state_path(db))
    run = make(project, db)
    warn_only = subprocess.run([sys.executable, "-m", "warehouse.findings", "--db", str(db)], cwd=project,
                               env={**os.environ, "FINDINGS_EXIT": "0"}, capture_output=True, text=True)
    ids = query(db, "select finding_id, status from marts.findings order by finding_id")
    return FirstBuild(db, run, warn_only, ids)


def test_rising_and_revised_tolls_are_evolving_with_the_latest_value(first: FirstBuild) -> None:
    claims = {(s, k): (status, consensus) for s, k, status, consensus in query(
        first.db, "select story_id, claim_key, status, consensus_value from marts.claim_agreement")}
    assert claims[("ferry", "people|kill")] == ("evolving", 15)
    assert claims[("mine", "workers|kill")] == ("evolving", 21)  # miners are counted as workers
    # a same-day disagreement inside a rising toll stays a contradiction
    assert claims[("stadium", "people|kill")][0] == "conflict"
    assert claims[("ferry", "passengers")][0] == "consistent"


def test_build_completes_then_exits_3_naming_exactly_the_contradictions(first: FirstBuild, project: Path) -> None:
    run = first.run
    # make exits 2 for any failed recipe and reports the status warehouse.build exited with
    assert run.returncode == 2 and "Error 3" in run.stderr, run.stdout[-3000:] + run.stderr[-2000:]
    assert unreviewed_named(run.stdout) == EXPECTED_CONFLICTS
    # each names the outlets, the values and the sentences
    assert "Metro News (metro_news.txt, 2025-09-20): 5 \"5 people\" in \"A crush at the gates" in run.stdout
    assert "Valley Courier (valley_courier.txt, 2025-03-14): 2025-03-12 \"Wednesday\"" in run.stdout
    # ... after everything was written: the pages and the publication
    assert (project / "report" / "index.html").exists()
    assert (project / "report" / "story-stadium.html").exists()
    published = project / "publish" / "news" / "news.duckdb"
    assert published.exists()
    assert query(published, "select count(*) from marts.findings where is_blocking") == [(3,)]


def test_the_switch_turns_the_exit_status_off(first: FirstBuild) -> None:
    assert first.warn_only.returncode == 0, first.warn_only.stderr
    assert unreviewed_named(first.warn_only.stdout) == EXPECTED_CONFLICTS


@pytest.fixture(scope="module")
def reviewed(first: FirstBuild, project: Path) -> Run:
    ledger = project / "seeds" / "reviewed_findings.csv"
    ledger.write_text(
        "story_id,finding_kind,finding_key,verdict,note,reviewer,reviewed_on\n"
        "stadium,claim,people|kill,confirmed,Metro News had 5 dead on Saturday; officials said 3,desk,2025-09-22\n"
        "stadium,claim,police officers|deploy,confirmed,350 is a typo in Metro News,desk,2025-09-22\n"
        "treaty,event,treaty|statement|2025-03-12,explained,Signed late on Wednesday night,desk,2025-03-15\n"
        "ferry,claim,people|kill,explained,An update: no longer a finding,desk,2025-05-06\n",
        encoding="utf-8")
    return make(project, first.db)


def test_reviewed_contradictions_let_the_build_exit_0(reviewed: Run, first: FirstBuild) -> None:
    assert reviewed.returncode == 0, reviewed.stdout[-3000:] + reviewed.stderr[-2000:]
    assert unreviewed_named(reviewed.stdout) == set()
    states = dict(query(first.db, "select finding_id, review_state from marts.findings"))
    assert states["claim:stadium:people|kill"] == "confirmed"
    assert states["event:treaty:treaty|statement|2025-03-12"] == "explained"
    # the review changed the findings table only: no story was extracted again
    assert query(first.db, "select count(*) from intermediate.int_stories_changed") == [(0,)]


def test_finding_ids_survive_the_rebuild(reviewed: Run, first: FirstBuild) -> None:
    again = query(first.db, "select finding_id, status from marts.findings order by finding_id")
    assert again == first.finding_ids


def test_a_ledger_row_matching_no_finding_is_reported_stale(reviewed: Run) -> None:
    stale = [line for line in reviewed.stdout.splitlines() if line.startswith("STALE REVIEW")]
    assert stale == ["STALE REVIEW story ferry, claim people|kill (explained): matches no finding any more; "
                     "remove or re-key that row of seeds/reviewed_findings.csv"]
    assert any("assert_reviewed_findings_match_a_finding" in line and "WARN 1" in line
               for line in reviewed.stdout.splitlines()), reviewed.stdout[-3000:]


def test_a_failure_that_is_no_finding_stops_the_build_at_once(reviewed: Run, first: FirstBuild, project: Path) -> None:
    """A failing data test that is not about agreement (here a singular test that always fails)
    stops warehouse.build at the dbt step: nothing is published, no page written. The module's
    last test, on its warehouse: one of another name would be another profile to dbt, which would
    parse the whole project again."""
    broken = project / "tests" / "assert_broken_invariant.sql"
    broken.write_text("-- an invariant that never holds\nselect 1 as broken\n", encoding="utf-8")
    written = [project / "publish" / "news" / "news.duckdb", project / "report" / "index.html"]
    before = [path.stat().st_mtime_ns for path in written]
    try:
        done = subprocess.run(
            [sys.executable, "-m", "warehouse.build", "--corpus", str(STORIES / "treaty"), "--db", str(first.db),
             "--dbt-arg=--select", "--dbt-arg=toll_actions assert_broken_invariant"],
            cwd=project, env=dbt_env(first.db), capture_output=True, text=True, timeout=600)
    finally:
        broken.unlink()
    assert done.returncode == 1, done.stdout[-2000:] + done.stderr[-2000:]
    assert "build stopped: step 'dbt build' failed with status 1" in done.stderr
    assert [path.stat().st_mtime_ns for path in written] == before
    assert "UNREVIEWED" not in done.stdout
