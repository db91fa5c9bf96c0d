"""Build everything from a corpus, as `make build` does, and say in the exit status how it went.

    python -m warehouse.build [--corpus data/articles] [--db FILE] [--dbt-arg ARG ...]

Steps, in order: refuse a missing corpus or an unusable warehouse name and wait (visibly, at most
--lock-wait seconds) for the warehouse lock, then mark the build unfinished (warehouse.buildstate);
ingest the corpus; wait for the lock again; `dbt build` with the findings tests at severity warn (a
contradiction between outlets must not keep the rest from being written); the dbt docs as one
static file (target/static_index.html); mark the build finished; the terminal summary
(warehouse.report); the publication (warehouse.publish, publish/<warehouse stem>/); the story
pages (warehouse.pages, report/); and last warehouse.findings, which prints every unreviewed conflict.

Exit status: 0 when all went well; 3 (FINDINGS_EXIT, 0 to only warn) when everything was written
but some conflict is unreviewed; any other failing step stops the build at once and its status
is returned (1 when it has none), after a line naming the step. Under `make`, make itself exits 2
on any failing step and prints the step's status (`Error 3`).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

from warehouse.findings import EXIT_UNREVIEWED


def steps(corpus: str, db: str, dbt_args: list[str], lock_wait: str) -> list[tuple[str, list[str]]]:
    py = sys.executable
    dbt = str(Path(py).with_name("dbt"))
    return [
        ("start", [py, "-m", "warehouse.buildstate", "start", "--db", db, "--wait", lock_wait]),
        ("ingest", [py, "-m", "ingest", corpus, "--db", db]),
        ("lock", [py, "-m", "warehouse.buildstate", "lock", "--db", db, "--wait", lock_wait]),
        ("dbt build", [dbt, "build", "--vars", "{conflict_severity: warn}", *dbt_args]),
        ("dbt docs", [dbt, "docs", "generate", "--static", "--quiet"]),
        ("finish", [py, "-m", "warehouse.buildstate", "finish", "--db", db]),
        ("summary", [py, "-m", "warehouse.report", "--db", db]),
        ("publish", [py, "-m", "warehouse.publish", "--db", db]),
        ("pages", [py, "-m", "warehouse.pages", "--db", db, "--out", "report"]),
        ("findings", [py, "-m", "warehouse.findings", "--db", db]),
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m warehouse.build", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", default=os.environ.get("CORPUS", "data/articles"),
                        help="articles to ingest (default: $CORPUS or data/articles)")
    parser.add_argument("--db", default=os.environ.get("WAREHOUSE_PATH", "warehouse.duckdb"),
                        help="DuckDB file (default: $WAREHOUSE_PATH or warehouse.duckdb)")
    parser.add_argument("--dbt-arg", action="append", default=[], dest="dbt_args",
                        help="extra argument for `dbt build` (repeatable), e.g. --dbt-arg=--exclude-resource-type "
                             "--dbt-arg=unit_test")
    parser.add_argument("--lock-wait", default="60", help="seconds to wait for another process's lock (default 60)")
    args = parser.parse_args(argv)
    if not Path(args.corpus).exists():
        print(f"build: the corpus path {args.corpus} does not exist; nothing was built.", file=sys.stderr)
        return 4
    env = dict(os.environ, WAREHOUSE_PATH=args.db)  # dbt reads the warehouse path from the environment
    for name, command in steps(args.corpus, args.db, args.dbt_args, args.lock_wait):
        status = subprocess.run(command, env=env).returncode
        if status == 0:
            continue
        if name == "findings" and status not in (0, 2):
            return status  # warehouse.findings has printed the conflicts; FINDINGS_EXIT chose the status
        print(f"build stopped: step '{name}' failed with status {status}", file=sys.stderr)
        return status if status != EXIT_UNREVIEWED else 1  # 3 means only "unreviewed conflicts"
    return 0


if __name__ == "__main__":
    sys.exit(main())
