"""The warehouse's toolbox around dbt, on a warehouse built from the sample corpus: the Great
Expectations checkpoint (`warehouse.validate`), the publication for BI (`warehouse.publish`), the
DuckDB CLI and the README's ad-hoc queries (`analyses/`), dbt docs persisted as DuckDB comments,
and the exposures that declare all of these."""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pytest

import pipeline
from warehouse import publish as publishing
from warehouse.validate import Failure, suites, validate

REPO = pipeline.REPO
ANALYSES = REPO / "analyses"
DUCKDB_CLI = Path(sys.executable).with_name("duckdb")
MARTS = ("dim_articles", "dim_outlets", "fct_mentions", "fct_figures", "fct_dates", "fct_reactions",
         "claim_agreement", "event_date_agreement", "findings")


@dataclass(frozen=True)
class Built:
    db: Path
    workdir: Path

    @property
    def manifest(self) -> dict:
        return json.loads((self.workdir / "target" / "manifest.json").read_text())


@pytest.fixture(scope="module")
def built(sample_build: pipeline.BuildResult) -> Built:
    return Built(db=sample_build.db, workdir=sample_build.db.parent)


@pytest.fixture(scope="module")
def published(built: Built) -> publishing.Publication:
    return publishing.publish(built.db, built.workdir / "publish")


def run_cli(db: Path, *args: str, sql_file: Path | None = None) -> subprocess.CompletedProcess[str]:
    """The DuckDB CLI the README tells users to use, read-only, CSV out; no ~/.duckdbrc."""
    cmd = [str(DUCKDB_CLI), "-no-init", "-readonly", str(db), "-csv", *args]
    if sql_file is not None:
        cmd += ["-f", str(sql_file)]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=120)


def cli_rows(db: Path, *args: str, sql_file: Path | None = None) -> list[dict[str, str]]:
    done = run_cli(db, *args, sql_file=sql_file)
    assert done.returncode == 0, done.stderr
    return list(csv.DictReader(io.StringIO(done.stdout)))


def copy_db(built: Built, dest: Path) -> Path:
    shutil.copyfile(built.db, dest)
    return dest


# ---------------------------------------------------------------- DuckDB CLI and the ad-hoc queries
def test_cli_opens_the_built_warehouse(built: Built) -> None:
    """Same storage version: the CLI pinned in requirements reads what dbt's duckdb wrote."""
    rows = cli_rows(built.db, "-c", "select count(*) as n from marts.dim_articles")
    assert rows == [{"n": "5"}]


def test_articles_per_outlet(built: Built) -> None:
    rows = {r["outlet"]: r for r in cli_rows(built.db, sql_file=ANALYSES / "articles_per_outlet.sql")}
    assert sum(int(r["n_articles"]) for r in rows.values()) == 5
    assert rows["Dawn"]["first_published"] == "2023-12-09"
    assert rows["CNN"]["last_published"] == "2023-12-08"
    assert int(rows["(not named)"]["n_undated"]) >= 1  # one sample article has no date anywhere
    assert "undated 004_b1e92f7b0ca828eb.txt" in rows["(not named)"]["articles"]


def test_event_timeline(built: Built) -> None:
    rows = cli_rows(built.db, sql_file=ANALYSES / "event_timeline.sql")
    starts = [r["consensus_start"] for r in rows if r["consensus_start"] != "NULL"]
    assert starts == sorted(starts)
    assert "2023-12-07" in starts  # the joint statement
    assert "2023-12-13" in starts  # the exchange itself
    statement = next(r for r in rows if r["consensus_start"] == "2023-12-07")
    assert statement["status"] == "consistent"
    assert "Thursday" in statement["wordings"]


def test_claim_conflicts(built: Built) -> None:
    rows = cli_rows(built.db, sql_file=ANALYSES / "claim_conflicts.sql")
    with duckdb.connect(str(built.db), read_only=True) as con:
        (n_claims,) = con.execute("select count(*) from marts.claim_agreement").fetchone()
    assert len(rows) == n_claims
    rank = {"conflict": 1, "vague": 2, "single_source": 3, "consistent": 4}
    assert [rank[r["status"]] for r in rows] == sorted(rank[r["status"]] for r in rows)
    freed = [r for r in rows if r["consensus_value"] != "NULL" and float(r["consensus_value"]) == 32]
    assert freed, "the 32 prisoners every outlet reports"
    assert freed[0]["status"] == "consistent"
    sources = {part.split(": ")[0] for part in freed[0]["who_says_what"].split(" | ")}
    assert {"Dawn", "CNN"} <= sources and len(sources) >= 4


def test_claim_figures_for_a_chosen_claim(built: Built) -> None:
    with duckdb.connect(str(built.db), read_only=True) as con:
        (claim,) = con.execute("select claim_key from marts.claim_agreement where consensus_value = 32").fetchone()
    quoted = claim.replace("'", "''")
    rows = cli_rows(built.db, "-cmd", f"set variable claim_key = '{quoted}'",
                    sql_file=ANALYSES / "claim_figures.sql")
    assert {r["claim_key"] for r in rows} == {claim}
    assert len({r["source_file"] for r in rows}) >= 4
    assert any(float(r["value"]) == 32 for r in rows)
    for r in rows:
        assert r["surface"] in r["sentence_text"], r


def test_claim_figures_defaults_to_one_claim(built: Built) -> None:
    rows = cli_rows(built.db, sql_file=ANALYSES / "claim_figures.sql")
    assert rows and len({r["claim_key"] for r in rows}) == 1


def test_reactions_by_stance(built: Built) -> None:
    rows = cli_rows(built.db, sql_file=ANALYSES / "reactions_by_stance.sql")
    with duckdb.connect(str(built.db), read_only=True) as con:
        (n_reactions,) = con.execute("select count(*) from marts.fct_reactions").fetchone()
    assert sum(int(r["n_quotes"]) for r in rows) == n_reactions
    assert all(int(r["n_quotes"]) == int(r["n_reactions"]) + int(r["n_statements"]) for r in rows)
    positive = {r["affiliation"] for r in rows if r["stance"] == "positive"}
    assert len(positive) >= 3  # the EU, the US, Turkey, Russia... welcomed the exchange


# ---------------------------------------------------------------- dbt docs and exposures
def test_descriptions_are_duckdb_comments(built: Built) -> None:
    node = built.manifest["nodes"]["model.corroborate.dim_articles"]
    with duckdb.connect(str(built.db), read_only=True) as con:
        tables = dict(con.execute(
            "select table_name, comment from duckdb_tables() where schema_name = 'marts'").fetchall())
        columns = con.execute(
            "select table_name, column_name, comment from duckdb_columns() where table_name = 'dim_articles'"
        ).fetchall()
    assert tables["dim_articles"].strip() == node["description"].strip()
    comment = {(t, c): text for t, c, text in columns}
    assert comment[("dim_articles", "article_id")] == node["columns"]["article_id"]["description"]


def test_every_mart_and_column_is_described_in_duckdb(built: Built) -> None:
    """`dbt docs` is the catalogue, and CLI and BI users read the same text as comments."""
    with duckdb.connect(str(built.db), read_only=True) as con:
        tables = con.execute(
            "select table_name from duckdb_tables() where schema_name = 'marts' and comment is null").fetchall()
        columns = con.execute(
            "select table_name, column_name from duckdb_columns() where schema_name = 'marts' and comment is null"
        ).fetchall()
    assert tables == [], "marts without a description"
    assert columns == [], "mart columns without a description"


def analysis_relations(path: Path) -> set[str]:
    return set(re.findall(r"\bmarts\.(\w+)", path.read_text()))


def test_every_analysis_is_an_exposure_with_its_models(built: Built) -> None:
    exposures = {e["name"]: e for e in built.manifest["exposures"].values()}
    analyses = sorted(ANALYSES.glob("*.sql"))
    assert len(analyses) >= 4
    for path in analyses:
        exposure = exposures.get(path.stem)
        assert exposure is not None, f"no exposure for {path.name}"
        assert exposure["type"] == "analysis"
        assert exposure["owner"]["name"]
        assert exposure["description"].strip()
        models = {node.rsplit(".", 1)[1] for node in exposure["depends_on"]["nodes"]}
        assert models == analysis_relations(path), path.name


def built_marts(built: Built) -> set[str]:
    with duckdb.connect(str(built.db), read_only=True) as con:
        return {name for (name,) in con.execute(
            "select table_name from duckdb_tables() where schema_name = 'marts'").fetchall()}


@pytest.mark.parametrize(("name", "kind"), [("published_marts", "application"), ("data_quality_docs", "dashboard")])
def test_publication_and_data_docs_are_exposures_of_every_mart(built: Built, name: str, kind: str) -> None:
    exposures = {e["name"]: e for e in built.manifest["exposures"].values()}
    exposure = exposures[name]
    assert exposure["type"] == kind
    models = {node.rsplit(".", 1)[1] for node in exposure["depends_on"]["nodes"] if node.startswith("model.")}
    assert models == built_marts(built)


# ---------------------------------------------------------------- Great Expectations
def test_validate_checkpoint_passes_and_writes_data_docs(built: Built, tmp_path: Path) -> None:
    docs = tmp_path / "data_docs"
    done = subprocess.run([sys.executable, "-m", "warehouse.validate", "--db", str(built.db), "--docs", str(docs)],
                          cwd=REPO, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "FAILED" not in done.stdout
    index = (docs / "index.html").read_text()
    for suite in MARTS:
        assert f"validations/{suite}/" in index, suite


def test_every_mart_has_an_expectation_suite(built: Built) -> None:
    assert built_marts(built) <= {suite.name for suite in suites()}


def mutate(built: Built, tmp_path: Path, sql: str) -> Path:
    db = copy_db(built, tmp_path / "mutated.duckdb")
    with duckdb.connect(str(db)) as con:
        con.execute(sql)
    return db


FIRST = "(select min(rowid) from marts.{0})"
# Each breaks one thing a healthy warehouse never has; the checkpoint must name what broke.
MUTATIONS = {
    "qualifier outside the allowed set": (
        f"update marts.fct_figures set qualifier = 'roughly' where rowid = {FIRST.format('fct_figures')}",
        ("fct_figures", "expect_column_values_to_be_in_set", "column=qualifier")),
    "value below value_low": (
        f"update marts.fct_figures set value_low = value + 1 where rowid = {FIRST.format('fct_figures')}",
        ("fct_figures", "expect_column_pair_values_a_to_be_greater_than_b", "value >= value_low")),
    "value above value_high": (
        f"update marts.fct_figures set value_high = value - 1 where rowid = {FIRST.format('fct_figures')}",
        ("fct_figures", "expect_column_pair_values_a_to_be_greater_than_b", "value_high >= value")),
    "span ends after the body": (
        "update marts.dim_articles set body_end = body_start + 1 "
        "where article_id = (select min(article_id) from marts.fct_mentions)",
        ("fct_mentions", "expect_column_pair_values_a_to_be_greater_than_b", "article_text_end >= char_end")),
    "span starts before the body": (
        "update marts.dim_articles set body_start = body_end - 1 "
        "where article_id = (select min(article_id) from marts.fct_reactions)",
        ("fct_reactions", "expect_column_pair_values_a_to_be_greater_than_b", "char_start >= article_text_start")),
    "span not giving back the surface": (
        f"update marts.fct_dates set char_start = char_start + 1 where rowid = {FIRST.format('fct_dates')}",
        ("fct_dates", "expect_column_values_to_be_in_set", "column=span_gives_surface")),
    "relative date resolved in an undated article": (
        "update marts.dim_articles set published_date = null",
        ("fct_dates", "expect_column_values_to_be_null", "column=resolved_start where")),
    "a fact mart fanning out": (
        "insert into marts.fct_figures select f.* from (select * from marts.fct_figures limit 1) as f, range(500)",
        ("article_profile", "expect_column_values_to_be_between", "column=figures_per_sentence")),
    "claim keys mostly missing": (
        "update marts.fct_figures set claim_key = null",
        ("fct_figures", "expect_column_values_to_not_be_null", "column=claim_key")),
    "publication dates mostly missing": (
        "update marts.dim_articles set published_date = null",
        ("dim_articles", "expect_column_values_to_not_be_null", "column=published_date")),
    "claim status outside the allowed set": (
        f"update marts.claim_agreement set status = 'maybe' where rowid = {FIRST.format('claim_agreement')}",
        ("claim_agreement", "expect_column_values_to_be_in_set", "column=status")),
    "event status outside the allowed set": (
        f"update marts.event_date_agreement set status = 'maybe' where rowid = {FIRST.format('event_date_agreement')}",
        ("event_date_agreement", "expect_column_values_to_be_in_set", "column=status")),
    "stance outside the allowed set": (
        f"update marts.fct_reactions set stance = 'angry' where rowid = {FIRST.format('fct_reactions')}",
        ("fct_reactions", "expect_column_values_to_be_in_set", "column=stance")),
    "duplicate article": (
        "insert into marts.dim_articles select * from marts.dim_articles limit 1",
        ("dim_articles", "expect_column_values_to_be_unique", "column=article_id")),
    "a missing mart": (
        "drop table marts.event_date_agreement",
        ("event_date_agreement", "table_exists", "table")),
}


def matches(failure: Failure, suite: str, expectation: str, column: str) -> bool:
    return failure.suite == suite and failure.expectation == expectation and column in failure.column


@pytest.mark.parametrize("name", list(MUTATIONS))
def test_validate_names_what_broke(built: Built, tmp_path: Path, name: str) -> None:
    sql, (suite, expectation, column) = MUTATIONS[name]
    report = validate(mutate(built, tmp_path, sql), docs=None)
    assert not report.success
    assert any(matches(f, suite, expectation, column) for f in report.failures), report.failures


def test_validate_accepts_open_ended_bounds_and_dates_resolved_from_the_story(built: Built, tmp_path: Path) -> None:
    """NULL value_high is an open-ended bound; a relative date in an undated article is fine when
    the story resolved it."""
    with duckdb.connect(str(built.db), read_only=True) as con:
        (dated,) = con.execute(
            "select min(article_id) from marts.fct_dates "
            "where is_relative and resolved_start is not null and resolution_basis = 'article'").fetchone()
    assert dated, "the sample has relative dates resolved from the article's own date"
    db = mutate(built, tmp_path, f"""
        update marts.fct_figures set qualifier = 'at_least', value_high = null
        where rowid = {FIRST.format('fct_figures')};
        update marts.fct_dates set resolution_basis = 'story' where article_id = '{dated}' and is_relative;
        update marts.dim_articles set published_date = null where article_id = '{dated}';
    """)
    report = validate(db, docs=None)
    assert [f for f in report.failures if f.suite in ("fct_figures", "fct_dates")] == []


def test_validate_cli_fails_and_names_the_expectation(built: Built, tmp_path: Path) -> None:
    db = mutate(built, tmp_path,
                f"update marts.fct_figures set qualifier = 'roughly' where rowid = {FIRST.format('fct_figures')}")
    done = subprocess.run([sys.executable, "-m", "warehouse.validate", "--db", str(db), "--no-docs"],
                          cwd=REPO, capture_output=True, text=True, timeout=600)
    assert done.returncode == 1, done.stdout + done.stderr
    line = next(line for line in done.stdout.splitlines() if line.startswith("FAILED"))
    for part in ("fct_figures", "expect_column_values_to_be_in_set", "column=qualifier", "roughly"):
        assert part in line


@pytest.mark.parametrize("module", ["warehouse.validate", "warehouse.publish"])
def test_clis_have_help(module: str) -> None:
    done = subprocess.run([sys.executable, "-m", module, "--help"], cwd=REPO, capture_output=True, text=True,
                          timeout=60)
    assert done.returncode == 0 and "--db" in done.stdout


# ---------------------------------------------------------------- publishing for BI
def test_publish_writes_parquet_and_a_warehouse_copy(built: Built, published: publishing.Publication) -> None:
    out = published.out
    assert published.method == "file copy"
    assert sorted(p.stem for p in (out / "marts").glob("*.parquet")) == sorted(MARTS)
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["marts"] == published.tables
    with duckdb.connect(str(built.db), read_only=True) as source:
        for table in MARTS:
            (n,) = source.execute(f"select count(*) from marts.{table}").fetchone()
            assert published.tables[table] == n
            ((m,),) = duckdb.sql(f"select count(*) from read_parquet('{out / 'marts' / table}.parquet')").fetchall()
            assert m == n, table
    with duckdb.connect(str(published.warehouse), read_only=True) as copy:
        (comment,) = copy.execute(
            "select comment from duckdb_tables() where schema_name = 'marts' and table_name = 'fct_figures'").fetchone()
        assert comment  # the dbt descriptions travel with the copy
        (n_articles,) = copy.execute("select count(*) from staging.stg_news__articles").fetchone()
        assert n_articles == 5  # views work: the copy keeps the catalog name they refer to
    assert not list(out.parent.glob(f".{out.name}.*")), "temporary folders left behind"


def test_cli_opens_the_published_copy(published: publishing.Publication) -> None:
    rows = cli_rows(published.warehouse, sql_file=ANALYSES / "event_timeline.sql")
    assert "2023-12-07" in {r["consensus_start"] for r in rows}


READER = r"""
import json, pathlib, sys
out, stop = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
complete = incomplete = 0
while not stop.exists():
    try:
        manifest = json.loads((out / "manifest.json").read_text())
        ok = (out / manifest["warehouse"]).exists() and all(
            (out / "marts" / f"{t}.parquet").exists() for t in manifest["marts"])
    except (OSError, ValueError, KeyError):
        ok = False
    complete, incomplete = complete + ok, incomplete + (not ok)
print(complete, incomplete)
"""


def test_readers_never_see_half_a_publication(built: Built, tmp_path: Path) -> None:
    out, stop = tmp_path / "publish", tmp_path / "stop"
    publishing.publish(built.db, out)
    reader = subprocess.Popen([sys.executable, "-c", READER, str(out), str(stop)], stdout=subprocess.PIPE, text=True)
    try:
        time.sleep(0.2)
        for _ in range(8):
            publishing.publish(built.db, out)
    finally:
        stop.touch()
        stdout, _ = reader.communicate(timeout=60)
    complete, incomplete = map(int, stdout.split())
    assert complete > 0 and incomplete == 0


def test_failed_publication_keeps_the_previous_one(
        built: Built, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "publish"
    publishing.publish(built.db, out)
    before = (out / "manifest.json").read_text()

    def broken(*args: object) -> None:
        raise RuntimeError("row counts differ")

    monkeypatch.setattr(publishing, "_check", broken)
    with pytest.raises(RuntimeError):
        publishing.publish(built.db, out)
    assert (out / "manifest.json").read_text() == before
    assert len(list((out / "marts").glob("*.parquet"))) == len(MARTS)
    assert not list(tmp_path.glob(".publish.*")), "temporary folders left behind"


def test_publish_refuses_while_a_writer_holds_the_warehouse(built: Built, tmp_path: Path) -> None:
    db, out = copy_db(built, tmp_path / "warehouse.duckdb"), tmp_path / "publish"
    with duckdb.connect(str(db)):  # a writer, like a running dbt build
        done = subprocess.run([sys.executable, "-m", "warehouse.publish", "--db", str(db), "--out", str(out)],
                              cwd=REPO, capture_output=True, text=True, timeout=120)
    assert done.returncode == 2
    assert "lock" in done.stderr.lower()
    assert not out.exists()


def test_publish_copies_what_is_still_in_the_write_ahead_log(built: Built, tmp_path: Path) -> None:
    db = copy_db(built, tmp_path / "warehouse.duckdb")
    con = duckdb.connect(str(db))
    con.execute("pragma disable_checkpoint_on_shutdown")
    con.execute("insert into marts.dim_outlets (outlet, n_articles) values ('Late Edition', 1)")
    con.close()
    assert db.with_name("warehouse.duckdb.wal").stat().st_size > 0
    result = publishing.publish(db, tmp_path / "publish")
    assert result.method == "copy from database"
    with duckdb.connect(str(result.warehouse), read_only=True) as copy:
        assert copy.execute("select count(*) from marts.dim_outlets where outlet = 'Late Edition'").fetchone() == (1,)
    parquet = result.out / "marts" / "dim_outlets.parquet"
    assert duckdb.sql(f"select count(*) from '{parquet}' where outlet = 'Late Edition'").fetchall() == [(1,)]


def source_is_locked(db: Path) -> bool:
    """Whether a writer holds `db` (a read-only open fails then). The test's control only: when
    nobody writes, this briefly holds a shared lock itself, which a starting dbt waits out."""
    try:
        duckdb.connect(str(db), read_only=True).close()
    except duckdb.IOException as exc:
        if "lock" in str(exc).lower():
            return True
        raise
    return False


def test_published_copy_is_readable_while_dbt_builds(
    built: Built, published: publishing.Publication, tmp_path: Path
) -> None:
    """dbt rebuilds the marts of a copy of the warehouse (the session's build stays untouched)
    while the publication made from it is read."""
    db = copy_db(built, tmp_path / "warehouse.duckdb")
    cmd, cwd, env = pipeline.dbt_command(["build", "--select", "marts"], db, tmp_path)
    log = tmp_path / "rebuild.out"
    reads_while_locked = 0
    with log.open("w") as out:  # a file, not a pipe: nobody reads a pipe while the build runs
        proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=out, stderr=subprocess.STDOUT)
        try:
            while proc.poll() is None:
                locked = source_is_locked(db)
                with duckdb.connect(str(published.warehouse), read_only=True) as con:
                    (n,) = con.execute("select count(*) from marts.dim_articles").fetchone()
                assert n == 5
                reads_while_locked += locked and source_is_locked(db)
                time.sleep(0.3)
            proc.wait(timeout=900)
        finally:
            if proc.poll() is None:
                proc.kill()
    assert proc.returncode == 0, log.read_text()[-5000:]
    assert reads_while_locked > 0, "never read the copy while dbt held the warehouse"
