"""Incremental builds give what a build from scratch gives.

A corpus of invented stories is built; then a story is added, an article joins an existing story
and another article's text changes; the second build rebuilds only the stories touched. Both run
with batches of two articles, so that every story model fills and appends several batches. Every
intermediate and mart table must then equal, row for row, a build from scratch of the final
corpus in one batch. Every warehouse starts from the run's seeds-only one, and every build leaves
out its unchanged seeds, as `make build` does after a finished build. A
change to the rules (a var they read, an edited model, macro or seed file) makes the next build
rebuild every story."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from pipeline import FIXTURES, REPO, dbt_command, dbt_env, ingest, run_dbt, seeded_warehouse, start_from_saved_parse
from warehouse import buildstate

# Differ between an incremental and a fresh build by construction: when and by which ingest run
# an article version was loaded, its version number (a changed file is version 2 only in the
# warehouse that saw version 1), and when the build that wrote a row started.
RUN_COLUMNS = {"run_id", "ingested_at", "version", "n_versions", "build_started_at"}
# The run's own bookkeeping, not facts.
STATE_TABLES = {"int_stories_changed", "int_articles_changed", "int_story_articles_built"}
# Models and seeds only: what is compared is the tables, and the data tests run in other builds.
# One batch is the default; no other var is set, so the fresh build reuses the run's parse of the
# project (a new set of vars costs dbt a whole parse: tests_py/pipeline.py).
BUILD = ["build", "--exclude-resource-type", "unit_test", "--exclude-resource-type", "test"]
ONE_BATCH: list[str] = []
SMALL_BATCHES = ["--vars", "{story_batch_articles: 2}"]


def seeded(db: Path) -> Path:
    """A new warehouse that starts from a copy of the run's seeds-only one (tests_py/pipeline.py),
    as every test corpus does: the builds here leave the seeds out (seed_reuse_args)."""
    source = seeded_warehouse()
    assert source is not None
    shutil.copyfile(source, db)
    shutil.copytree(buildstate.state_path(source), buildstate.state_path(db))
    return db


def build(corpus: Path, workdir: Path, db: Path, variables: list[str]) -> str:
    """Ingest and build as `make build` does after a finished build: the seeds unchanged since it
    are left out (warehouse.buildstate.seed_reuse_args). Returns dbt's output."""
    loaded = ingest(corpus, db)
    assert loaded.returncode == 0, loaded.stdout + loaded.stderr
    reuse = buildstate.seed_reuse_args(db)
    assert reuse, "the last build's manifest and seed record should allow reusing its seeds"
    built = run_dbt(BUILD + reuse + variables, db, workdir)
    assert built.returncode == 0, built.stdout + built.stderr
    buildstate.keep_state(db, workdir / "target" / "manifest.json")
    return built.stdout


def tables(db: Path) -> dict[str, list[tuple]]:
    """Every intermediate and mart table, run columns left out, rows sorted."""
    out: dict[str, list[tuple]] = {}
    with duckdb.connect(str(db), read_only=True) as con:
        names = con.execute(
            "select schema_name, table_name from duckdb_tables() "
            "where schema_name in ('intermediate', 'marts') order by all"
        ).fetchall()
        for schema, table in names:
            if table in STATE_TABLES:
                continue
            columns = [c for (c,) in con.execute(
                "select column_name from duckdb_columns() where schema_name = ? and table_name = ? "
                "order by column_index", [schema, table]).fetchall() if c not in RUN_COLUMNS]
            select = ", ".join(f'"{c}"' for c in columns)
            out[f"{schema}.{table}"] = con.execute(f"select {select} from {schema}.{table} order by all").fetchall()
    return out


def changed_stories(db: Path) -> set[str]:
    with duckdb.connect(str(db), read_only=True) as con:
        return {s for (s,) in con.execute("select story_id from intermediate.int_stories_changed").fetchall()}


@pytest.fixture(scope="module")
def builds(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, Path]:
    root = tmp_path_factory.mktemp("incremental")
    corpus = root / "corpus"
    for story in ("flood", "landslide"):
        shutil.copytree(FIXTURES / "figures" / story, corpus / story)
    shutil.copytree(FIXTURES / "mentions" / "chile_runoff", corpus / "chile_runoff")
    # Each warehouse is warehouse.duckdb in a folder of its own: dbt reuses its parse of the
    # project between runs on the same path with the same vars (tests_py/pipeline.py).
    (root / "incremental").mkdir()
    incremental = seeded(root / "incremental" / "warehouse.duckdb")
    build(corpus, root / "incremental", incremental, SMALL_BATCHES)

    # A new story, an article joining the landslide story, and a changed flood article.
    shutil.copytree(FIXTURES / "figures" / "quake", corpus / "quake")
    (corpus / "landslide" / "late_report.txt").write_text(
        "Rescuers pulled two more survivors from the mud on Friday night, the fourth night of the search,"
        " officials said.\n\n"
        "\u201cWe have not given up,\u201d said Ana Quispe, a spokeswoman for the regional fire service.\n\n"
        "The regional government released a statement from its emergency committee.\n\n"
        "\u201cSearch teams will keep working through the night,\u201d the statement said.\n\n"
        "Luis Mamani, a geologist, said the slope was \u201cstill moving\u201d.\n\n"
        "Rosa Vargas declined to give a toll but said the search was \u201cfar from over\u201d.\n\n"
        "\u201cThe slope could give way again\u201d without warning, said Luis Mamani.\n\n"
        # a line in capitals (a wire headline): int_name_caps_words_attested has rows to compare
        "TOLVAN CEMENT SENDS EXCAVATORS TO THE SLOPE\n\n"
        # a company named in full, then shortened: int_name_run_org_cues has a row to compare
        "Tolvan Cement Corp lent two excavators. Tolvan said it would keep them there until Sunday.\n\n"
        # a longer name in apposition to an organisation noun: int_name_apposed_bodies_found has a row
        "Teodoro Huaman, a Lima engineering firm, sent two surveyors.\n\n"
        # a given name that is a place's too: int_mentions_given_name_pairs has a row to compare
        "\u201cWe need blankets,\u201d said Virginia Quispe, a nurse.\n\n"
        # where a company is based: int_name_run_place_cues has a row to compare
        "A Caraz-based haulage firm sent trucks.\n\n"
        # a company's owner: int_name_run_market_cues has a row to compare
        "Tolvan Cement is 40-percent owned by Kervala.\n\n"
        # `the company said`: int_noun_speakers_found has a row to compare
        "\u201cThe machines stay as long as they are needed,\u201d the company said.\n\n"
        # a month name as a surname: int_name_month_surnames_found has rows to compare
        "Site manager Teresa May said the road was shut. May told reporters the slope was dry.\n\n"
        # `quoted X as saying` before a quote: int_quote_quoted_objects_found has a quoted object
        "Radio Andina quoted a fire service official as saying the slope was \u201cstill unstable\u201d.\n\n"
        # a lone surname opening a sentence before a phrase and a speech verb:
        # int_name_opening_subjects_found has a row to compare
        "Condori, speaking at the command post, told reporters the crews would rest in shifts.\n\n"
        # a title after `the` alone: int_titled_speakers_found has a row to compare
        "\u201cNobody goes near the slope tonight,\u201d the manager said.\n\n"
        # an epithet after a name: int_epithet_speakers_found has a row to compare
        "Carmen Huaman toured the shelters on Saturday."
        " \u201cEvery family will get a roof,\u201d the regional governor said.\n\n"
        # a comparison base: int_figures_compared has a row to compare
        "Crews had cleared 300 metres of the road by Friday, up from 120 metres on Thursday.\n\n"
        # a town that plays: int_name_run_team_cues has a row to compare
        "In a charity match on Saturday, Huaraz beat a team of rescuers.\n\n"
        # a line-up of names between figures: int_name_list_items_found has rows to compare
        "Crews on the slope: 12 - Wari Tupaq, 9 - Killa Sumaq, 4 - Ayar Qhapaq\n\n"
        # a person named again inside a body's name: int_mentions_nested_names has a row to compare
        "The Rosa Vargas Relief Foundation sent blankets to the shelters.\n\n"
        # a rate: int_figure_rates_read has a row to compare
        "Each excavator costs the company 900 dollars a day to run.\n\n"
        # a court's penalty: int_figure_penalties_read has a row to compare
        "A court later sentenced the quarry owner to two years in prison.\n\n"
        # an event of the sentence before: int_figures_dated_back has a row to compare
        "The last landslide on the slope, in 1998, buried 40 houses.\n\n"
        "About 200 people fled from that landslide.\n\n"
        # a lead-in that ends its paragraph in a colon: int_quote_lead_ins_found has a row to compare
        "At the command post the engineer told volunteers:\n\n"
        "\u201cThe slope will hold tonight, but not if it rains.\u201d\n\n"
        # the title of a work in quotes: int_name_work_titles_found has a row to compare
        "A school choir sang \u201cThe Long Night Home\u201d at the shelter.\n\n"
        "A volunteer who dug through the night said the slope was still moving."
        " \u201cWe will not stop,\u201d he said.\n"
    )
    changed = corpus / "flood" / "river_post.txt"
    changed.write_text(changed.read_text() + "\nAt least 40 more homes were damaged on Tuesday, the mayor said.\n")
    second = build(corpus, root / "incremental", incremental, SMALL_BATCHES)
    assert "seed file" not in second, "unchanged seeds should not load again"

    (root / "fresh").mkdir()
    fresh = seeded(root / "fresh" / "warehouse.duckdb")
    build(corpus, root / "fresh", fresh, ONE_BATCH)
    return incremental, fresh, root


def test_second_build_rebuilt_only_the_touched_stories_in_batches(builds) -> None:
    incremental, _, _ = builds
    assert changed_stories(incremental) == {"quake", "landslide", "flood"}
    with duckdb.connect(str(incremental), read_only=True) as con:
        (n_batches,) = con.execute("select count(distinct batch_no) from intermediate.int_stories_changed").fetchone()
    assert n_batches == 3


def test_incremental_build_equals_a_build_from_scratch(builds) -> None:
    incremental, fresh, _ = builds
    got, want = tables(incremental), tables(fresh)
    assert got.keys() == want.keys()
    assert "marts.fct_figures" in got and "intermediate.int_sentences" in got
    for name in want:
        assert want[name], f"{name} is empty: the comparison would prove nothing"
        assert got[name] == want[name], f"{name} differs between the incremental and the fresh build"


def test_runs_of_bounded_size_without_work_rows_give_the_marts_of_one_build(builds, tmp_path: Path) -> None:
    """`make build MAX_RUN_ARTICLES=4 DROP_WORK_ROWS=1`. The final corpus but the quake story (stories
    of 1, 3 and 3 articles in story_key order) is built in two runs by warehouse.runs, each taking
    stories of about four articles and replacing the work tables with its own. Then the quake story
    arrives and a run stops after writing some models (the text layer, the mentions and their mart)
    and not the build state, as a failed run may; the next build rebuilds it without leaving those
    first rows behind. The marts and int_sentences
    equal the build from scratch in one run; a work table holds the last run's stories only; the
    recorded state has every current article with this build's rules."""
    _, fresh, root = builds
    corpus = tmp_path / "corpus"
    shutil.copytree(root / "corpus", corpus, ignore=shutil.ignore_patterns("quake"))
    db = seeded(tmp_path / "warehouse.duckdb")
    # one batch a run: the batches within a run are the module's builds' to test
    chunked = ["--vars", "{max_run_articles: 4, keep_work_rows: false}"]
    cmd, cwd, env = dbt_command(BUILD + buildstate.seed_reuse_args(db) + chunked, db, tmp_path)

    def build_in_runs() -> str:
        loaded = ingest(corpus, db)
        assert loaded.returncode == 0, loaded.stdout + loaded.stderr
        runs = subprocess.run([sys.executable, "-m", "warehouse.runs", "--db", db.name, "--", *cmd], cwd=cwd,
                              env=dict(env, PYTHONPATH=str(REPO)), capture_output=True, text=True, timeout=900)
        assert runs.returncode == 0, runs.stdout[-3000:] + runs.stderr
        return runs.stderr

    assert re.findall(r"^runs: .*$", build_in_runs(), re.M) == [
        "runs: 1 changed stories wait (max_run_articles); run 2 takes the next ones"]
    shutil.copytree(root / "corpus" / "quake", corpus / "quake")
    assert ingest(corpus, db).returncode == 0
    stopped = run_dbt(["run", "--select", "+fct_mentions", *chunked], db, tmp_path)
    assert stopped.returncode == 0, stopped.stdout[-3000:]
    with duckdb.connect(str(db), read_only=True) as con:
        (written,) = con.execute("select count(*) from marts.fct_mentions where story_id = 'quake'").fetchone()
    assert written > 0, "the stopped run should have written the new story's mentions"
    assert "runs:" not in build_in_runs()

    got, want = tables(db), tables(fresh)
    kept = [name for name in want if name.startswith("marts.") or name == "intermediate.int_sentences"]
    for name in kept:
        assert got[name] == want[name], f"{name} differs between the build in runs and the one from scratch"
    with duckdb.connect(str(db), read_only=True) as con:
        def stories(table: str) -> set[str]:
            return {s for (s,) in con.execute(f"select distinct story_id from intermediate.{table}").fetchall()}
        assert stories("int_tokens") == stories("int_stories_changed") == {"quake"}
        assert stories("int_sentences") == {"quake", "landslide", "flood", "chile_runoff"}
        built = con.execute("select story_id, article_id, logic_fingerprint from intermediate.int_story_articles_built"
                            " order by all").fetchall()
        current = con.execute("select story_id, article_id from staging.stg_news__articles where is_current"
                              " order by all").fetchall()
    assert [(s, a) for s, a, _ in built] == current and len({f for _, _, f in built}) == 1


def copy_of(db: Path, folder: Path) -> Path:
    """A copy of a built warehouse, so that a test's run leaves the module's builds as they were."""
    folder.mkdir()
    copy = folder / "warehouse.duckdb"
    shutil.copyfile(db, copy)
    return copy


def test_a_rule_change_rebuilds_every_story(builds, tmp_path: Path) -> None:
    incremental, _, _ = builds
    db = copy_of(incremental, tmp_path / "rules")
    ran = run_dbt(["run", "--select", "int_stories_changed", "--vars", "{claim_history_days: 91}", "--no-write-json"],
                  db, tmp_path / "rules")
    assert ran.returncode == 0, ran.stdout + ran.stderr
    assert changed_stories(db) == {"flood", "landslide", "chile_runoff", "quake"}


# What a copy of the project needs to run dbt: the logic fingerprint reads models, macros and seeds.
PROJECT_PARTS = ("dbt_project.yml", "profiles.yml", "models", "macros", "seeds", "tests", "analyses")


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the dbt project, for the tests that edit its files (each undoes its edits). They
    share it and its target folder, which starts from the run's parse of the project, so that dbt
    parses it only partially."""
    folder = tmp_path_factory.mktemp("project")
    for part in PROJECT_PARTS:
        source = REPO / part
        if source.is_dir():
            shutil.copytree(source, folder / part)
        else:
            shutil.copyfile(source, folder / part)
    seeded_warehouse()  # the run's first dbt command without --vars, whose parse is kept
    start_from_saved_parse([], folder / "target")
    return folder


def run_project_dbt(project: Path, db: Path, *args: str) -> None:
    """dbt on the copy of the project and on a copy of a warehouse (named warehouse.duckdb, so that
    every test's runs share the project's parse)."""
    ran = subprocess.run(
        [str(Path(sys.executable).with_name("dbt")), *args, "--no-write-json",
         "--project-dir", str(project), "--profiles-dir", str(project),
         "--target-path", str(project / "target"), "--log-path", str(db.parent / "logs")],
        cwd=db.parent, env=dict(dbt_env(db), WAREHOUSE_PATH=db.name), capture_output=True, text=True,
        timeout=900,
    )  # fmt: skip
    assert ran.returncode == 0, ran.stdout + ran.stderr


def edit(path: Path) -> None:
    """An edit of the file's content: a comment ending a model, a Jinja comment in a macro's body
    (the fingerprint hashes each macro's body, not its file), a seed's last row again. A blank
    line would be none: dbt strips a file's surrounding white space before its checksum."""
    text = path.read_text()
    if path.suffix == ".csv":
        path.write_text(text + text.splitlines()[-1] + "\n")
    elif path.parent.name == "macros":
        edited, n = re.subn(r"(\{%-?\s*macro\b[^%]*%\})", r"\1{# edited #}", text, count=1)
        assert n == 1, path
        path.write_text(edited)
    else:
        path.write_text(text + "-- edited\n")


def test_an_edited_model_macro_or_seed_rebuilds_every_story(builds, project: Path, tmp_path: Path) -> None:
    """The logic fingerprint sees an edit to any model or seed a story model reads and to any
    macro, so the next run rebuilds every story; an edit to what only the models rebuilt whole on
    every run read (the review ledger and the mart findings) rebuilds none, which also shows that
    the fingerprint is the same from one run to the next. Each edit is undone before the next."""
    incremental, _, _ = builds
    db = copy_of(incremental, tmp_path / "warehouse")
    every_story = {"flood", "landslide", "chile_runoff", "quake"}
    edits = [(("seeds/reviewed_findings.csv", "models/marts/findings.sql"), set()),
             (("models/intermediate/text/int_tokens.sql",), every_story), (("macros/text.sql",), every_story),
             (("seeds/cue_verbs.csv",), every_story)]
    for edited, rebuilt in edits:
        originals = {path: (project / path).read_text() for path in edited}
        try:
            for path in edited:
                edit(project / path)
            run_project_dbt(project, db, "run", "--select", "int_stories_changed")
        finally:
            for path, original in originals.items():
                (project / path).write_text(original)
        assert changed_stories(db) == rebuilt, edited


def test_comments_are_the_descriptions_and_an_edited_one_is_written(builds, project: Path, tmp_path: Path) -> None:
    """A story table's comments are written where they differ from its yml (story_batched's
    persist_changed_docs), not again on every run: after the incremental build they are still the
    descriptions, and a description edited since is written by the next run of the model."""
    incremental, _, _ = builds
    manifest = json.loads((incremental.parent / "target" / "manifest.json").read_text())
    with duckdb.connect(str(incremental), read_only=True) as con:
        comments = {(t, c): text for t, c, text in con.execute(
            "select table_name, column_name, comment from duckdb_columns() where schema_name = 'intermediate'"
        ).fetchall()}
    checked = 0
    for node in manifest["nodes"].values():
        if node["resource_type"] == "model" and node["config"]["materialized"] == "story_batched":
            for name, column in node["columns"].items():
                if (node["name"], name) in comments:
                    assert comments[node["name"], name] == column["description"], (node["name"], name)
                    checked += 1
    assert checked > 500

    db = copy_of(incremental, tmp_path / "warehouse")
    yml = project / "models" / "intermediate" / "text" / "_text__models.yml"
    original = yml.read_text()
    old = "description: The token exactly as it stands in raw_text."
    assert old in original
    try:
        yml.write_text(original.replace(old, "description: The token as raw_text writes it."))
        run_project_dbt(project, db, "run", "--select", "int_tokens")
    finally:
        yml.write_text(original)
    with duckdb.connect(str(db), read_only=True) as con:
        (comment,) = con.execute(
            "select comment from duckdb_columns() where table_name = 'int_tokens' and column_name = 'token'"
        ).fetchone()
    assert comment == "The token as raw_text writes it."


# Rows broken on a copy of the incremental warehouse: (test, story, statement, the failures the
# test must count for that story if it reads it: a number or a query). flood and landslide were
# rebuilt by the second build, chile_runoff was not. The not-null test counts failing columns, so
# the two stories lose different columns.
BREAKS = [
    ("span_matches_text", story,
     "update marts.fct_mentions set char_start = char_start + 1 "
     "where mention_id = (select min(mention_id) from marts.fct_mentions where story_id = $story)", 1)
    for story in ("flood", "chile_runoff")
] + [
    ("columns_not_null", "flood", "update marts.fct_mentions set mention_id = null where story_id = $story", 1),
    ("columns_not_null", "chile_runoff",
     "update marts.fct_mentions set entity_name = null where story_id = $story", 1),
] + [
    ("relationships", story,
     "delete from intermediate.int_sentences where sentence_id = "
     "(select min(sentence_id) from intermediate.int_figures_extracted where story_id = $story)",
     "select count(*) from intermediate.int_figures_extracted where sentence_id = "
     "(select min(sentence_id) from intermediate.int_figures_extracted where story_id = $story)")
    for story in ("flood", "chile_runoff")
] + [
    ("assert_reaction_speakers_are_named_as_their_mentions", "landslide",
     "update marts.fct_mentions set entity_name = entity_name || ' Jr' "
     "where (article_id, char_start, char_end) = "
     "(select (article_id, speaker_char_start, speaker_char_end) from marts.fct_reactions "
     "where story_id = $story and speaker_char_start is not null order by reaction_id limit 1)",
     "select count(*) from marts.fct_reactions where (article_id, speaker_char_start, speaker_char_end) = "
     "(select (article_id, speaker_char_start, speaker_char_end) from marts.fct_reactions "
     "where story_id = $story and speaker_char_start is not null order by reaction_id limit 1)"),
]


def test_data_tests_read_only_the_stories_the_run_rebuilt(builds, tmp_path: Path) -> None:
    """A story model's data tests read the rows of the stories the run rebuilt, and that is enough:
    on a copy of the incremental warehouse, rows are broken in rebuilt stories and in the story the
    run left alone, and each test counts the rebuilt stories' failures, no more. The not-null test
    of a mart; the span test of a mart, which reads the article texts of the rebuilt stories
    (int_articles_changed); a relationships test between two story models, which reads the
    parent's rows of the rebuilt stories; the singular test that a speaker is named as its
    mention, which reads the mentions of the rebuilt stories. One `dbt test` runs them all."""
    incremental, _, _ = builds
    db = copy_of(incremental, tmp_path / "copy")
    expected: dict[str, int] = {}
    with duckdb.connect(str(db)) as con:
        for test, story, statement, failures in BREAKS:
            if isinstance(failures, str):
                (failures,) = con.execute(failures, {"story": story}).fetchone()
            assert failures > 0, (test, story)
            if story != "chile_runoff":
                expected[test] = expected.get(test, 0) + failures
            (broken,) = con.execute(statement, {"story": story}).fetchone()
            assert broken > 0, (test, story)
    ran = run_dbt(["test", "--no-write-json", "--select", "test_name:columns_not_null,fct_mentions",
                   "test_name:span_matches_text,fct_mentions", "test_name:relationships,int_figures_extracted",
                   "assert_reaction_speakers_are_named_as_their_mentions"], db, tmp_path / "copy")
    failed = {name: int(count) for count, name in re.findall(r"\d+ of \d+ FAIL (\d+) (\w+)", ran.stdout)}
    for test, n in expected.items():
        assert [count for name, count in failed.items() if name.startswith(test)] == [n], (test, failed)


def test_seeds_load_again_unless_the_warehouse_holds_the_kept_manifests_seeds(builds, tmp_path: Path) -> None:
    """The kept manifest is trusted only while the warehouse records the same seed versions and its
    last build finished: a changed record or an unfinished build makes every seed load."""
    incremental, _, _ = builds
    db = tmp_path / "warehouse.duckdb"
    shutil.copyfile(incremental, db)
    shutil.copytree(buildstate.state_path(incremental), buildstate.state_path(db))
    assert buildstate.seed_reuse_args(db)[-3:] == ["--exclude", buildstate.SEEDS, buildstate.VIEWS]
    buildstate.start(db, 5, print)
    assert buildstate.seed_reuse_args(db) == []
    buildstate.finish(db)
    with duckdb.connect(str(db)) as con:
        con.execute("update lexicons.seed_loads set file_checksum = 'edited by hand' where seed_name = 'countries'")
    assert buildstate.seed_reuse_args(db) == []


def test_views_are_left_out_only_while_every_one_of_them_reads(builds, tmp_path: Path) -> None:
    """A view missing from the warehouse (a manifest kept by `dbt seed`, a view dropped) is made
    again: only the seeds are left out. A renamed warehouse file keeps its views left out, since
    they still read (DuckDB 2.0 binds a view's catalog to the file that holds it)."""
    incremental, _, _ = builds
    for name in ("dropped", "renamed"):
        db = tmp_path / name / ("warehouse.duckdb" if name == "dropped" else "renamed.duckdb")
        db.parent.mkdir()
        shutil.copyfile(incremental, db)
        shutil.copytree(buildstate.state_path(incremental), buildstate.state_path(db))
        assert buildstate.seed_reuse_args(db)[-1] == buildstate.VIEWS, name
        if name == "dropped":
            with duckdb.connect(str(db)) as con:
                con.execute("drop view staging.stg_lexicons__cue_verbs")
            assert buildstate.seed_reuse_args(db)[-2:] == ["--exclude", buildstate.SEEDS]


def test_every_seed_is_small_enough_for_dbt_to_checksum_its_contents() -> None:
    """dbt checksums a seed's contents only below 1 MiB (a larger one by its path): the logic
    fingerprint and the seed reuse of `make build` would then miss an edit to it."""
    seeds = sorted((Path(__file__).resolve().parents[1] / "seeds").glob("*.csv"))
    assert seeds
    too_large = [seed.name for seed in seeds if seed.stat().st_size >= 1024 * 1024]
    assert not too_large, f"seeds of 1 MiB or more, whose edits dbt cannot see: {too_large}"
