"""Print what a build produced: every table and view with its row count, then the agreement
summary (which claims and event dates the outlets agree on, and where they conflict)."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

import duckdb

from warehouse import buildstate

LAYERS = ("raw", "lexicons", "staging", "intermediate", "marts")


def table_counts(con: duckdb.DuckDBPyConnection) -> list[tuple[str, str, str, int]]:
    rows = con.execute(
        "select table_schema, table_name, table_type from information_schema.tables "
        "where table_schema in (select unnest(?)) order by table_schema, table_name",
        [list(LAYERS)],
    ).fetchall()
    order = {layer: i for i, layer in enumerate(LAYERS)}
    out = []
    for schema, name, kind in sorted(rows, key=lambda r: (order[r[0]], r[1])):
        (n,) = con.execute(f'select count(*) from "{schema}"."{name}"').fetchone()  # names come from the catalog
        out.append((schema, name, "view" if kind == "VIEW" else "table", n))
    return out


def agreement_summary(con: duckdb.DuckDBPyConnection) -> list[str]:
    lines = []
    for mart, key in (("claim_agreement", "claim_key"), ("event_date_agreement", "event_key")):
        exists = con.execute(
            "select count(*) from information_schema.tables where table_schema = 'marts' and table_name = ?", [mart]
        ).fetchone()[0]
        if not exists:
            continue
        counts = con.execute(f"select status, count(*) from marts.{mart} group by status order by status").fetchall()
        lines.append(f"{mart}: " + ", ".join(f"{n} {status}" for status, n in counts))
        for story, k, status in con.execute(
            f"select story_id, {key}, status from marts.{mart} "
            "where status in ('conflict', 'vague') order by status, story_id, 1"
        ).fetchall():
            lines.append(f"  {status:9} {story} / {k}")
    return lines


def language_flags(con: duckdb.DuckDBPyConnection) -> list[str]:
    """One line per current article that ingest found not to be in English: it yields no English-rule facts."""
    has_column = con.execute(
        "select count(*) from duckdb_columns() where schema_name = 'raw' and table_name = 'articles' "
        "and column_name = 'language'"
    ).fetchone()[0]
    if not has_column:
        return []
    rows = con.execute(
        "select story_id, source_file, language from raw.articles "
        "qualify version = max(version) over (partition by story_id, source_file) "
        "and coalesce(language, 'en') <> 'en' order by language, story_id, source_file"
    ).fetchall()
    return [f"{story} / {source_file}: language '{language}'" for story, source_file, language in rows]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m warehouse.report", description=__doc__)
    parser.add_argument("--db", default=os.environ.get("WAREHOUSE_PATH", "warehouse.duckdb"), help="DuckDB file")
    args = parser.parse_args(argv)
    try:
        con = duckdb.connect(args.db, read_only=True)
    except duckdb.Error as exc:
        print(f"cannot open {args.db}: {exc}", file=sys.stderr)
        return 2
    with con:
        print(f"warehouse {args.db}")
        unfinished = buildstate.unfinished(Path(args.db).absolute())
        if unfinished:
            print(f"WARNING: {unfinished}")
        for schema, name, kind, n in table_counts(con):
            print(f"  {schema + '.' + name:48} {kind:5} {n:>10,} rows")
        flagged = language_flags(con)
        if flagged:
            print(f"{len(flagged)} articles not in English: loaded, but the extraction rules are English, so no facts")
            for line in flagged:
                print("  " + line)
        summary = agreement_summary(con)
        if summary:
            print("agreement across outlets")
            for line in summary:
                print("  " + line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
