"""Run a `dbt build` again while changed stories wait for a later run.

    python -m warehouse.runs --db FILE -- DBT_BUILD_COMMAND ...

With var max_run_articles, a run rebuilds the changed stories of at most about that many articles
and leaves the others waiting (int_stories_changed.stories_waiting). This runs the command, then
again while stories wait, so that one call builds the whole corpus in runs of bounded size; with
var keep_work_rows false each run's work tables replace the last's, so the disk the build needs
is the marts' and one run's, not the whole corpus's intermediates. A --full-refresh is passed to
the first run only: the later ones add to what it rebuilt; they leave out the seeds, which the
first loaded, and the unit tests, which read no articles. Exit status: the first failing run's,
or 1 when a run leaves as many stories waiting as before it (nothing would end the loop).
"""

from __future__ import annotations

import argparse
import signal
import subprocess
import sys
from pathlib import Path

import duckdb


def stories_waiting(db: Path) -> int:
    """How many changed stories the last run left to the next one (0 when none, or never built)."""
    with duckdb.connect(str(db), read_only=True) as con:
        found = con.execute(
            "select count(*) from duckdb_columns() where schema_name = 'intermediate' "
            "and table_name = 'int_stories_changed' and column_name = 'stories_waiting'").fetchall()[0][0]
        if not found:
            return 0
        return int(con.execute(
            "select coalesce(max(stories_waiting), 0) from intermediate.int_stories_changed").fetchall()[0][0])


def run_once(command: list[str]) -> int:
    """Run the command to its end. A SIGTERM is passed on to it (warehouse.build stops a dbt that
    waits for a lock so), and a Ctrl-C, which the command receives as well, waits for it to stop:
    no dbt is left running without the process that started it."""
    child = subprocess.Popen(command)
    previous = signal.signal(signal.SIGTERM, lambda signum, _frame: child.send_signal(signum))
    try:
        while True:
            try:
                return child.wait()
            except KeyboardInterrupt:
                continue
    finally:
        signal.signal(signal.SIGTERM, previous)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m warehouse.runs", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", required=True, type=Path, help="the DuckDB file the command builds")
    parser.add_argument("command", nargs=argparse.REMAINDER, help="the dbt command, after --")
    args = parser.parse_args(argv)
    command = args.command[1:] if args.command[:1] == ["--"] else args.command
    if not command:
        parser.error("no command given after --")
    waiting: int | None = None
    run = 1
    while True:
        status = run_once(command)
        if status != 0:
            return status
        left = stories_waiting(args.db)
        if left == 0:
            return 0
        if waiting is not None and left >= waiting:
            print(f"runs: run {run} left {left:,} stories waiting, as many as before it; stopping",
                  file=sys.stderr, flush=True)
            return 1
        waiting, run = left, run + 1
        print(f"runs: {left:,} changed stories wait (max_run_articles); run {run} takes the next ones",
              file=sys.stderr, flush=True)
        # The first run loaded the seeds and ran the unit tests, which read no articles: the later
        # runs leave them out (as the seeds' own data tests, whose parents they leave out).
        command = [a for a in command if a != "--full-refresh"]
        if run == 2:
            command += ["--exclude-resource-type", "seed", "--exclude-resource-type", "unit_test"]


if __name__ == "__main__":
    sys.exit(main())
