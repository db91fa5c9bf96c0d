"""Validate a built warehouse with Great Expectations: one expectation suite per mart says what a
healthy warehouse looks like, and each runs as a checkpoint that also writes Data Docs (HTML).

    python -m warehouse.validate [--db FILE] [--docs DIR]

The marts are read into DataFrames through a read-only DuckDB connection (run it after dbt has
exited: a running build holds the writer lock) and validated with GX's pandas data source. The
suites are defined here, in code, and run in an ephemeral GX context: nothing is written but the
Data Docs. Exit status 0 when every expectation holds, 1 when one fails (each failure is printed
as suite / expectation / column / observed value), 2 when the warehouse cannot be read."""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import warnings
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import duckdb

from warehouse import buildstate

if TYPE_CHECKING:
    import pandas as pd
    from great_expectations.expectations import Expectation

DEFAULT_DOCS = Path("gx/uncommitted/data_docs")  # relative to where it runs, like the warehouse; gitignored

# ---------------------------------------------------------------- what a healthy warehouse looks like
QUALIFIERS = ["exact", "approx", "at_least", "at_most", "range"]
CLAIM_STATUSES = ["consistent", "conflict", "evolving", "vague", "single_source"]
EVENT_STATUSES = ["consistent", "conflict", "vague", "single_source"]
FINDING_STATUSES = ["conflict", "vague"]
REVIEW_STATES = ["unreviewed", "confirmed", "explained", "wrong_extraction"]
STANCES = ["positive", "negative", "neutral", "mixed"]
REACTION_KINDS = ["reaction", "statement"]
ENTITY_TYPES = ["person", "organization", "place", "country", "event"]
GRANULARITIES = ["day", "weekend", "week", "month", "season", "year", "decade"]
# fct_dates.resolution_basis of a relative date resolved from the other articles of its story.
STORY_BASIS = "story"

# Per-article row counts: a fact mart that fans out (a bad join) or an extraction that finds
# nothing shows up here. Bounds are per sentence of the article's body.
MAX_PER_SENTENCE = {"mentions": 12.0, "figures": 5.0, "dates": 5.0, "reactions": 3.0}
MAX_SENTENCES = 5000
# Null rates: the share of rows that must have a value.
PUBLISHED_DATE_MOSTLY = 0.5
ARTICLES_WITH_SENTENCES_MOSTLY = 0.9
ARTICLES_WITH_MENTIONS_MOSTLY = 0.8
CLAIM_KEY_MOSTLY = 0.3
RESOLVED_DATE_MOSTLY = 0.5
SPEAKER_MOSTLY = 0.8


@dataclass(frozen=True)
class Suite:
    """An expectation suite and the query whose result it validates."""

    name: str
    requires: tuple[str, ...]  # marts the query reads
    query: str
    expectations: Callable[[], list[Expectation]]


@dataclass(frozen=True)
class Failure:
    suite: str
    expectation: str
    column: str
    observed: str

    def __str__(self) -> str:
        return f"FAILED {self.suite} / {self.expectation} / {self.column} / observed: {self.observed}"


@dataclass(frozen=True)
class Outcome:
    """One expectation's result, passed or not, for the offline Data Docs page."""

    suite: str
    expectation: str
    column: str
    success: bool
    observed: str


@dataclass
class Report:
    evaluated: int = 0
    failures: list[Failure] = field(default_factory=list)
    outcomes: list[Outcome] = field(default_factory=list)
    docs_index: Path | None = None

    @property
    def success(self) -> bool:
        return not self.failures


def _facts_query(mart: str, surface: str) -> str:
    """A fact mart with the bounds of the part of its article it lies in (the body, or the headline
    where the title stands in the text), the publication date, and whether the span gives back the
    surface text (the provenance contract), computed in DuckDB so raw text stays there."""
    check = f"substr(raw.raw_text, fact.char_start + 1, fact.char_end - fact.char_start) = fact.{surface}"
    return f"""
        select
            fact.*,
            articles.body_start as article_body_start,
            case
                when fact.char_start >= articles.body_start then articles.body_start else articles.headline_start
            end as article_text_start,
            case
                when fact.char_start >= articles.body_start then articles.body_end else articles.headline_end
            end as article_text_end,
            articles.published_date as article_published_date,
            coalesce({check}, false) as span_gives_surface
        from marts.{mart} as fact
        left join marts.dim_articles as articles on fact.article_id = articles.article_id
        left join raw.articles as raw on fact.article_id = raw.article_id
    """


def suites() -> list[Suite]:
    import great_expectations.expectations as gxe
    from great_expectations.expectations.row_conditions import Column

    def span_expectations() -> list[Expectation]:
        return [
            gxe.ExpectColumnValuesToNotBeNull(
                column="article_body_start", notes="Every fact belongs to an article of dim_articles."),
            gxe.ExpectColumnValuesToBeBetween(column="char_start", min_value=0),
            gxe.ExpectColumnPairValuesAToBeGreaterThanB(column_A="char_end", column_B="char_start"),
            gxe.ExpectColumnPairValuesAToBeGreaterThanB(
                column_A="char_start", column_B="article_text_start", or_equal=True,
                notes="Facts come from the body or the headline: char_start >= their start."),
            gxe.ExpectColumnPairValuesAToBeGreaterThanB(
                column_A="article_text_end", column_B="char_end", or_equal=True,
                notes="Facts come from the body or the headline: char_end <= their end."),
            gxe.ExpectColumnValuesToBeInSet(
                column="span_gives_surface", value_set=[True],
                notes="substr(raw_text, char_start + 1, char_end - char_start) is the surface text."),
        ]

    def dim_articles() -> list[Expectation]:
        return [
            gxe.ExpectTableRowCountToBeBetween(min_value=1),
            gxe.ExpectColumnValuesToNotBeNull(column="article_id"),
            gxe.ExpectColumnValuesToBeUnique(column="article_id"),
            gxe.ExpectColumnValuesToNotBeNull(column="story_id"),
            gxe.ExpectColumnValuesToNotBeNull(column="source_file"),
            gxe.ExpectColumnValuesToBeBetween(column="body_start", min_value=0),
            gxe.ExpectColumnPairValuesAToBeGreaterThanB(column_A="body_end", column_B="body_start"),
            gxe.ExpectColumnValuesToBeBetween(
                column="n_sentences", max_value=MAX_SENTENCES, notes="Thousands of sentences mean a runaway splitter."),
            gxe.ExpectColumnValuesToBeBetween(
                column="n_sentences", min_value=1, mostly=ARTICLES_WITH_SENTENCES_MOSTLY,
                notes="A page of site furniture alone has no body; many such pages mean the body detector broke."),
            gxe.ExpectColumnValuesToNotBeNull(
                column="published_date", mostly=PUBLISHED_DATE_MOSTLY,
                notes="Most articles carry a date; many NULLs mean the date detector broke."),
            gxe.ExpectColumnValuesToNotBeNull(
                column="published_date_basis", row_condition=Column("published_date").is_not_null(),
                notes="A publication date always says where it came from."),
        ]

    def dim_outlets() -> list[Expectation]:
        return [
            gxe.ExpectColumnValuesToNotBeNull(column="outlet"),
            gxe.ExpectColumnValuesToBeUnique(column="outlet"),
            gxe.ExpectColumnValuesToBeBetween(column="n_articles", min_value=1),
            gxe.ExpectColumnPairValuesAToBeGreaterThanB(
                column_A="last_published_date", column_B="first_published_date", or_equal=True,
                ignore_row_if="either_value_is_missing"),
        ]

    def article_profile() -> list[Expectation]:
        out: list[Expectation] = [
            gxe.ExpectColumnValuesToBeBetween(
                column=f"{kind}_per_sentence", min_value=0, max_value=bound,
                notes=f"More than {bound:g} {kind} per sentence means rows fan out (a join duplicates them).")
            for kind, bound in MAX_PER_SENTENCE.items()
        ]
        out.append(gxe.ExpectColumnValuesToBeBetween(
            column="n_mentions", min_value=1, mostly=ARTICLES_WITH_MENTIONS_MOSTLY,
            notes="News articles name people and places; articles without any mean extraction broke."))
        return out

    def fct_mentions() -> list[Expectation]:
        return [
            gxe.ExpectTableRowCountToBeBetween(min_value=1),
            gxe.ExpectColumnValuesToNotBeNull(column="entity_name"),
            gxe.ExpectColumnValuesToNotBeNull(column="surface"),
            gxe.ExpectColumnValuesToBeInSet(column="entity_type", value_set=ENTITY_TYPES),
            *span_expectations(),
        ]

    def fct_figures() -> list[Expectation]:
        return [
            gxe.ExpectTableRowCountToBeBetween(min_value=1),
            gxe.ExpectColumnValuesToNotBeNull(column="value"),
            gxe.ExpectColumnValuesToNotBeNull(column="value_low"),
            gxe.ExpectColumnValuesToBeInSet(column="qualifier", value_set=QUALIFIERS),
            gxe.ExpectColumnValuesToNotBeNull(column="qualifier"),
            gxe.ExpectColumnPairValuesAToBeGreaterThanB(
                column_A="value", column_B="value_low", or_equal=True, notes="value_low <= value."),
            gxe.ExpectColumnPairValuesAToBeGreaterThanB(
                column_A="value_high", column_B="value", or_equal=True, ignore_row_if="either_value_is_missing",
                notes="value <= value_high; a NULL value_high is an open-ended bound ('more than 30')."),
            gxe.ExpectColumnValuesToBeInSet(
                column="qualifier", value_set=["at_least"], row_condition=Column("value_high").is_null(),
                notes="Only a floor ('more than 30') leaves the upper bound open."),
            gxe.ExpectColumnPairValuesToBeEqual(
                column_A="value_low", column_B="value", row_condition=Column("qualifier") == "exact"),
            gxe.ExpectColumnPairValuesToBeEqual(
                column_A="value_high", column_B="value", row_condition=Column("qualifier") == "exact"),
            gxe.ExpectColumnValuesToNotBeNull(
                column="claim_key", mostly=CLAIM_KEY_MOSTLY,
                notes="Figures are aligned to claims; few claim keys mean alignment broke."),
            *span_expectations(),
        ]

    def fct_dates() -> list[Expectation]:
        return [
            gxe.ExpectTableRowCountToBeBetween(min_value=1),
            gxe.ExpectColumnValuesToBeInSet(column="granularity", value_set=GRANULARITIES),
            gxe.ExpectColumnPairValuesAToBeGreaterThanB(
                column_A="resolved_end", column_B="resolved_start", or_equal=True,
                ignore_row_if="either_value_is_missing"),
            gxe.ExpectColumnValuesToNotBeNull(column="resolved_start", mostly=RESOLVED_DATE_MOSTLY),
            gxe.ExpectColumnValuesToBeNull(
                column="resolved_start",
                row_condition=(Column("article_published_date").is_null() & (Column("is_relative") == True)  # noqa: E712
                               & (Column("resolution_basis") != STORY_BASIS)),
                notes="A relative date ('on Thursday') in an article without a publication date cannot be "
                      "resolved from that article; only the story's other articles can anchor it."),
            *span_expectations(),
        ]

    def fct_reactions() -> list[Expectation]:
        return [
            gxe.ExpectTableRowCountToBeBetween(min_value=1),
            gxe.ExpectColumnValuesToBeInSet(column="stance", value_set=STANCES),
            gxe.ExpectColumnValuesToBeInSet(column="kind", value_set=REACTION_KINDS),
            gxe.ExpectColumnValuesToNotBeNull(column="quote"),
            gxe.ExpectColumnValuesToNotBeNull(column="speaker", mostly=SPEAKER_MOSTLY),
            *span_expectations(),
        ]

    def claim_agreement() -> list[Expectation]:
        return [
            gxe.ExpectTableRowCountToBeBetween(min_value=1),
            gxe.ExpectColumnValuesToNotBeNull(column="claim_key"),
            gxe.ExpectCompoundColumnsToBeUnique(column_list=["story_id", "claim_key"]),
            gxe.ExpectColumnValuesToBeInSet(column="status", value_set=CLAIM_STATUSES),
            gxe.ExpectColumnValuesToNotBeNull(column="status"),
            gxe.ExpectColumnValuesToBeBetween(column="n_articles", min_value=1),
            gxe.ExpectColumnPairValuesAToBeGreaterThanB(column_A="n_articles", column_B="n_outlets", or_equal=True),
            gxe.ExpectColumnValuesToBeBetween(
                column="n_articles", min_value=1, max_value=1, row_condition=Column("status") == "single_source",
                notes="single_source means one article (one article may also be vague or in conflict with itself)."),
            gxe.ExpectColumnPairValuesAToBeGreaterThanB(
                column_A="max_value", column_B="min_value", or_equal=True, ignore_row_if="either_value_is_missing"),
            gxe.ExpectColumnPairValuesAToBeGreaterThanB(
                column_A="consensus_value", column_B="min_value", or_equal=True,
                ignore_row_if="either_value_is_missing", notes="The consensus is one of the stated values."),
            gxe.ExpectColumnPairValuesAToBeGreaterThanB(
                column_A="max_value", column_B="consensus_value", or_equal=True,
                ignore_row_if="either_value_is_missing"),
            gxe.ExpectColumnPairValuesAToBeGreaterThanB(
                column_A="min_value", column_B="conservative_value", or_equal=True,
                ignore_row_if="either_value_is_missing",
                notes="The conservative value is the lowest any source commits to."),
        ]

    def event_date_agreement() -> list[Expectation]:
        return [
            gxe.ExpectTableRowCountToBeBetween(min_value=1),
            gxe.ExpectColumnValuesToNotBeNull(column="event_key"),
            gxe.ExpectCompoundColumnsToBeUnique(column_list=["story_id", "event_key"]),
            gxe.ExpectColumnValuesToBeInSet(column="status", value_set=EVENT_STATUSES),
            gxe.ExpectColumnValuesToBeBetween(column="n_articles", min_value=1),
            gxe.ExpectColumnValuesToBeBetween(
                column="n_articles", min_value=1, max_value=1, row_condition=Column("status") == "single_source"),
            gxe.ExpectColumnPairValuesAToBeGreaterThanB(
                column_A="consensus_end", column_B="consensus_start", or_equal=True,
                ignore_row_if="either_value_is_missing"),
            gxe.ExpectColumnValuesToNotBeNull(
                column="consensus_start", row_condition=Column("status") == "consistent",
                notes="Articles that agree agree on some range."),
        ]

    def findings() -> list[Expectation]:
        return [
            gxe.ExpectColumnValuesToBeUnique(column="finding_id"),
            gxe.ExpectColumnValuesToNotBeNull(column="finding_id"),
            gxe.ExpectColumnValuesToBeInSet(column="status", value_set=FINDING_STATUSES),
            gxe.ExpectColumnValuesToBeInSet(column="review_state", value_set=REVIEW_STATES),
            gxe.ExpectColumnValuesToNotBeNull(column="evidence", notes="Every finding says who says what, where."),
            gxe.ExpectColumnValuesToBeInSet(
                column="is_blocking", value_set=[False], row_condition=Column("review_state") != "unreviewed",
                notes="A reviewed finding never blocks the build."),
            gxe.ExpectColumnValuesToBeInSet(
                column="is_blocking", value_set=[False], row_condition=Column("status") == "vague",
                notes="Only a conflict blocks the build."),
        ]

    per_sentence = ",\n".join(
        f"coalesce({kind}.n, 0) / greatest(articles.n_sentences, 1) as {kind}_per_sentence"
        for kind in MAX_PER_SENTENCE
    )
    counts = "\n".join(
        f"left join (select article_id, count(*) as n from marts.fct_{kind} group by article_id) as {kind}"
        f" on articles.article_id = {kind}.article_id"
        for kind in MAX_PER_SENTENCE
    )
    return [
        Suite("dim_articles", ("dim_articles",), "select * from marts.dim_articles", dim_articles),
        Suite("dim_outlets", ("dim_outlets",), "select * from marts.dim_outlets", dim_outlets),
        Suite(
            "article_profile",
            ("dim_articles", *(f"fct_{kind}" for kind in MAX_PER_SENTENCE)),
            f"""select articles.article_id, articles.n_sentences,
                coalesce(mentions.n, 0) as n_mentions,
                {per_sentence}
            from marts.dim_articles as articles
            {counts}""",
            article_profile,
        ),
        *(Suite(build.__name__, (build.__name__, "dim_articles"), _facts_query(build.__name__, surface), build)
          for build, surface in ((fct_mentions, "surface"), (fct_figures, "surface"), (fct_dates, "surface"),
                                 (fct_reactions, "quote"))),
        Suite("claim_agreement", ("claim_agreement",), "select * from marts.claim_agreement", claim_agreement),
        Suite("event_date_agreement", ("event_date_agreement",), "select * from marts.event_date_agreement",
              event_date_agreement),
        Suite("findings", ("findings",), "select * from marts.findings", findings),
    ]


# ---------------------------------------------------------------- running the checkpoints
def _columns(kwargs: dict[str, Any]) -> str:
    if "column" in kwargs:
        text = f"column={kwargs['column']}"
    elif "column_A" in kwargs:
        text = f"columns={kwargs['column_A']} >{'=' if kwargs.get('or_equal') else ''} {kwargs['column_B']}"
    elif "column_list" in kwargs:
        text = "columns=" + ", ".join(kwargs["column_list"])
    else:
        text = "table"
    condition = kwargs.get("row_condition")
    if condition:
        from great_expectations.expectations.row_conditions import deserialize_row_condition

        readable = deserialize_row_condition(condition) if isinstance(condition, dict) else condition
        text += f" where {readable!r}" if not isinstance(readable, str) else f" where {readable}"
    return text


def _plain(value: Any) -> Any:
    """numpy and pandas scalars as plain Python values, so that messages read like data."""
    if isinstance(value, tuple | list):
        return type(value)(_plain(v) for v in value)
    if (isinstance(value, float) or hasattr(value, "isoformat")) and value != value:  # NaN, NaT: missing
        return None
    if hasattr(value, "isoformat"):
        return value.isoformat().removesuffix("T00:00:00")
    return value.item() if hasattr(value, "item") else value


def _observed(result: dict[str, Any], exception: dict[str, Any] | None) -> str:
    if exception:
        messages = [v.get("exception_message") for v in exception.values() if isinstance(v, dict)]
        message = exception.get("exception_message") or next((m for m in messages if m), None)
        if message:
            return f"error: {str(message).splitlines()[0]}"
    if result.get("observed_value") is not None:
        return str(_plain(result["observed_value"]))
    count, total = result.get("unexpected_count"), result.get("element_count")
    if count is not None:
        sample = [_plain(v) for v in result.get("partial_unexpected_list") or []]
        share = result.get("unexpected_percent")
        text = f"{count} of {total} rows unexpected"
        if share is not None:
            text += f" ({share:.1f}%)"
        return text + (f", e.g. {sample[:5]}" if sample else "")
    return "no observed value"


def _quiet() -> None:
    """No analytics, no progress bars; GX is imported after this."""
    os.environ["GX_ANALYTICS_ENABLED"] = "false"
    warnings.filterwarnings("ignore", module="great_expectations")


def existing_marts(con: duckdb.DuckDBPyConnection) -> set[str]:
    rows = con.execute("select table_name from duckdb_tables() where schema_name = 'marts'").fetchall()
    return {name for (name,) in rows}


def validate(db: Path, docs: Path | None = DEFAULT_DOCS) -> Report:
    """Run every suite on the warehouse `db` (opened read-only); write Data Docs to `docs`."""
    _quiet()
    import great_expectations as gx
    from great_expectations.checkpoint import UpdateDataDocsAction
    from great_expectations.data_context.types.base import (
        DataContextConfig,
        InMemoryStoreBackendDefaults,
        ProgressBarsConfig,
    )

    report = Report()
    all_suites = suites()
    frames: dict[str, pd.DataFrame] = {}
    with duckdb.connect(str(db), read_only=True) as con:
        present = existing_marts(con)
        for suite in all_suites:
            missing = [m for m in suite.requires if m not in present]
            if missing:
                report.failures.append(Failure(suite.name, "table_exists", "table",
                                               "missing " + ", ".join(f"marts.{m}" for m in missing)))
                continue
            frames[suite.name] = con.execute(suite.query).df()

    sites: dict[str, Any] = {}
    if docs is not None:
        docs = docs.resolve()
        for generated in ("validations", "expectations"):  # results of earlier runs; the index is rebuilt
            shutil.rmtree(docs / generated, ignore_errors=True)
        sites["corroborate"] = {
            "class_name": "SiteBuilder",
            "site_index_builder": {"class_name": "DefaultSiteIndexBuilder"},
            "store_backend": {"class_name": "TupleFilesystemStoreBackend", "base_directory": str(docs)},
        }
    context = gx.get_context(mode="ephemeral", project_config=DataContextConfig(
        store_backend_defaults=InMemoryStoreBackendDefaults(init_temp_docs_sites=False),
        data_docs_sites=sites,
        analytics_enabled=False,
        progress_bars=ProgressBarsConfig(globally=False, metric_calculations=False),
    ))
    source = context.data_sources.add_pandas("warehouse")
    for suite in all_suites:
        if suite.name not in frames:
            continue
        batch = source.add_dataframe_asset(suite.name).add_batch_definition_whole_dataframe("whole table")
        gx_suite = context.suites.add(gx.ExpectationSuite(name=suite.name, expectations=suite.expectations()))
        definition = context.validation_definitions.add(
            gx.ValidationDefinition(name=suite.name, data=batch, suite=gx_suite))
        checkpoint = context.checkpoints.add(gx.Checkpoint(
            name=suite.name,
            validation_definitions=[definition],
            actions=[UpdateDataDocsAction(name="data_docs")] if sites else [],
            result_format={"result_format": "SUMMARY", "partial_unexpected_count": 5},
        ))
        run = checkpoint.run(batch_parameters={"dataframe": frames[suite.name]})
        for validation in run.run_results.values():
            for result in validation.results:
                report.evaluated += 1
                config = result.expectation_config
                outcome = Outcome(suite.name, config.type, _columns(config.kwargs), bool(result.success),
                                  _observed(result.result or {}, result.exception_info))
                report.outcomes.append(outcome)
                if not result.success:
                    report.failures.append(Failure(outcome.suite, outcome.expectation, outcome.column,
                                                   outcome.observed))
    if docs is not None:
        report.docs_index = write_docs_index(docs, db, report)
    return report


def write_docs_index(docs: Path, db: Path, report: Report) -> Path:
    """Replace GX's Data Docs index, which draws its list of runs with bootstrap, jQuery and Vega
    from CDNs (unstyled and empty offline), by a page of our own: every suite and expectation
    with its result, inline CSS, no script; each suite links to GX's detailed validation page."""
    from jinja2 import Environment, FileSystemLoader, select_autoescape

    templates = Path(__file__).resolve().parent / "templates"
    env = Environment(loader=FileSystemLoader(templates), autoescape=select_autoescape(["html", "j2"]),
                      trim_blocks=True, lstrip_blocks=True)
    by_suite: dict[str, list[Outcome]] = {}
    for outcome in report.outcomes:
        by_suite.setdefault(outcome.suite, []).append(outcome)
    for failure in report.failures:  # a suite whose mart is missing has no outcome, only this failure
        if failure.suite not in by_suite:
            by_suite[failure.suite] = [Outcome(failure.suite, failure.expectation, failure.column, False,
                                               failure.observed)]
    details = {
        suite: next((str(p.relative_to(docs)) for p in sorted((docs / "validations" / suite).rglob("*.html"))), None)
        for suite in by_suite
    }
    index = docs / "index.html"
    docs.mkdir(parents=True, exist_ok=True)
    index.write_text(env.get_template("validation.html.j2").render(
        db=db.name, css=(templates / "report.css").read_text(encoding="utf-8"), suites=by_suite,
        details=details, report=report), encoding="utf-8")
    return index


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m warehouse.validate", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", type=Path, default=Path(os.environ.get("WAREHOUSE_PATH", "warehouse.duckdb")),
                        help="DuckDB file (default: $WAREHOUSE_PATH or warehouse.duckdb)")
    parser.add_argument("--docs", type=Path, default=DEFAULT_DOCS,
                        help=f"folder for the Data Docs HTML (default: {DEFAULT_DOCS})")
    parser.add_argument("--no-docs", action="store_true", help="validate without writing Data Docs")
    args = parser.parse_args(argv)
    if not args.db.exists():
        print(f"cannot open {args.db}: no such file", file=sys.stderr)
        return 2
    unfinished = buildstate.unfinished(args.db)
    if unfinished:
        print(f"failed: {unfinished}")
    try:
        report = validate(args.db, None if args.no_docs else args.docs)
    except duckdb.Error as exc:
        print(f"cannot read {args.db}: {exc}", file=sys.stderr)
        return 2
    for failure in report.failures:
        print(failure)
    verdict = "ok" if report.success else f"{len(report.failures)} failed"
    print(f"validated {args.db}: {report.evaluated} expectations, {verdict}")
    if report.docs_index:
        print(f"Data Docs: {report.docs_index}")
    return 0 if report.success and not unfinished else 1


if __name__ == "__main__":
    sys.exit(main())
