"""Build everything from a corpus, as `make build` does, and say in the exit status how it went.

    python -m warehouse.build [--corpus data/articles] [--db FILE] [--dbt-arg ARG ...]

Steps, in order: refuse a missing corpus or an unusable warehouse name and wait (visibly, at most
--lock-wait seconds) for the warehouse lock, then mark the build unfinished (warehouse.buildstate);
ingest the corpus; wait for the lock again; `dbt build` with the findings tests at severity warn (a
contradiction between outlets must not keep the rest from being written), run again while changed
stories wait (--max-run-articles, warehouse.runs); the dbt docs as one
static file (target/static_index.html); mark the build finished; the terminal summary
(warehouse.report); the publication (warehouse.publish, publish/<warehouse stem>/); the story
pages (warehouse.pages, report/); and last warehouse.findings, which prints every unreviewed conflict.

A reader may take the lock after the check and before dbt connects (or between two of dbt's
connections). dbt would retry silently, 63 s for each connection it opens (profiles.yml
`retries`). So the dbt steps are watched: whenever dbt has printed nothing for --lock-notice
seconds while another process holds the lock, a line names that process, and after --lock-wait
seconds of that dbt is stopped and the build fails (the marker stays: the build did not finish).

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
import threading
import time
from collections.abc import Callable
from pathlib import Path

from warehouse.buildstate import EXIT_LOCKED, lock_holders, seed_reuse_args
from warehouse.findings import EXIT_UNREVIEWED

# Arguments of `dbt build` that choose nodes themselves: with them, every seed the choice names loads.
CHOOSING = ("--select", "-s", "--exclude", "--selector", "--state", "--full-refresh")


def build_vars(max_run_articles: int, keep_work_rows: bool) -> str:
    """The vars of every dbt step: the run size and work rows chosen, and the findings tests at severity
    warn, since a contradiction between outlets must not keep the rest from being written."""
    chosen = ["conflict_severity: warn"]
    if max_run_articles:
        chosen.append(f"max_run_articles: {max_run_articles}")
    if not keep_work_rows:
        chosen.append("keep_work_rows: false")
    return "{" + ", ".join(chosen) + "}"


def steps(corpus: str, db: str, dbt_args: list[str], lock_wait: str, variables: str) -> list[tuple[str, list[str]]]:
    py = sys.executable
    dbt = str(Path(py).with_name("dbt"))
    manifest = str(Path(os.environ.get("DBT_TARGET_PATH", "target")) / "manifest.json")
    # Decided before `start` marks this build unfinished: the last build's state is what counts.
    reuse = [] if any(a.split("=")[0] in CHOOSING for a in dbt_args) else seed_reuse_args(Path(db))
    return [
        ("start", [py, "-m", "warehouse.buildstate", "start", "--db", db, "--wait", lock_wait]),
        ("ingest", [py, "-m", "ingest", corpus, "--db", db]),
        ("lock", [py, "-m", "warehouse.buildstate", "lock", "--db", db, "--wait", lock_wait]),
        # Again while stories wait for a later run (var max_run_articles; warehouse.runs).
        ("dbt build", [py, "-m", "warehouse.runs", "--db", db, "--",
                       dbt, "build", "--vars", variables, *reuse, *dbt_args]),
        # The same vars as the build: dbt reuses its parse of the project only for the same vars.
        ("dbt docs", [dbt, "docs", "generate", "--static", "--no-compile", "--quiet", "--vars", variables]),
        ("finish", [py, "-m", "warehouse.buildstate", "finish", "--db", db, "--manifest", manifest]),
        ("summary", [py, "-m", "warehouse.report", "--db", db]),
        ("publish", [py, "-m", "warehouse.publish", "--db", db]),
        ("pages", [py, "-m", "warehouse.pages", "--db", db, "--out", "report"]),
        ("findings", [py, "-m", "warehouse.findings", "--db", db]),
    ]


def run_watched(command: list[str], env: dict[str, str], db: Path, notice_after: float, give_up_after: float,
                say: Callable[[str], None]) -> int:
    """Run a dbt command, passing its output through, and watch the warehouse lock meanwhile.

    dbt-duckdb retries a locked connection silently, 63 s for each connection it opens
    (profiles.yml `retries`), and a build opens several: behind a forgotten notebook it showed
    nothing for many minutes. So while dbt has printed nothing for notice_after seconds and
    another process holds the lock, a line every notice_after seconds names that process; once
    that has lasted give_up_after seconds, dbt is stopped (it cannot have written while the other
    process held the lock) and EXIT_LOCKED returned."""
    process = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, text=True, encoding="utf-8",
                               errors="replace")
    last_output = time.monotonic()

    def pump() -> None:
        nonlocal last_output
        assert process.stdout is not None
        for line in process.stdout:
            sys.stdout.write(line)
            sys.stdout.flush()
            last_output = time.monotonic()

    reader = threading.Thread(target=pump, daemon=True)
    reader.start()
    blocked_since: float | None = None
    told = 0.0
    while True:
        try:
            process.wait(timeout=min(1.0, notice_after))
            break
        except subprocess.TimeoutExpired:
            pass
        now = time.monotonic()
        silent = now - last_output
        others = [(pid, cmd) for pid, cmd in lock_holders(db) if pid != process.pid] if silent >= notice_after else []
        if not others:
            blocked_since = None
            continue
        blocked_since = blocked_since or now
        who = "; ".join(f"PID {pid} ({cmd})" for pid, cmd in others)
        if now - blocked_since >= give_up_after:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
            say(f"gave up: {who} held the lock on {db} for {give_up_after:.0f} s while dbt waited for it; dbt "
                "was stopped. Close that process and run the build again.")
            reader.join()
            return EXIT_LOCKED
        if now - told >= notice_after:
            say(f"dbt is waiting for the lock on {db}, held by {who} (nothing from dbt for {silent:.0f} s); "
                f"giving up in {give_up_after - (now - blocked_since):.0f} s.")
            told = now
    reader.join()
    return process.returncode


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
    parser.add_argument("--lock-wait", default="60",
                        help="seconds to wait for another process's lock, before ingest, before dbt and while dbt "
                             "waits (default 60)")
    parser.add_argument("--lock-notice", type=float, default=10.0, metavar="SECONDS",
                        help="while dbt prints nothing for this long and another process holds the lock, say who "
                             "(default 10)")
    parser.add_argument("--max-run-articles", type=int, default=int(os.environ.get("MAX_RUN_ARTICLES") or 0),
                        metavar="N", help="rebuild the changed stories in runs of about N articles each, one dbt "
                                          "build after another (default: $MAX_RUN_ARTICLES, or 0: one run)")
    parser.add_argument("--drop-work-rows", action="store_true",
                        default=os.environ.get("DROP_WORK_ROWS", "") not in ("", "0"),
                        help="keep in the work tables (most intermediate models) only the last run's stories, "
                             "so a large corpus needs the disk of its marts and of one run (default: "
                             "$DROP_WORK_ROWS)")
    args = parser.parse_args(argv)
    if not Path(args.corpus).exists():
        print(f"build: the corpus path {args.corpus} does not exist; nothing was built.", file=sys.stderr)
        return 4
    env = dict(os.environ, WAREHOUSE_PATH=args.db)  # dbt reads the warehouse path from the environment

    def say(line: str) -> None:
        print(f"build: {line}", file=sys.stderr, flush=True)

    took: list[str] = []
    variables = build_vars(args.max_run_articles, not args.drop_work_rows)
    for name, command in steps(args.corpus, args.db, args.dbt_args, args.lock_wait, variables):
        started = time.monotonic()
        if name.startswith("dbt "):
            status = run_watched(command, env, Path(args.db).absolute(), args.lock_notice, float(args.lock_wait), say)
        else:
            status = subprocess.run(command, env=env).returncode
        took.append(f"{name} {time.monotonic() - started:.1f}")
        if name == "pages":  # the last step before the findings, which end with their verdict
            say("seconds per step: " + ", ".join(took))
        if status == 0:
            continue
        if name == "findings" and status not in (0, 2):
            return status  # warehouse.findings has printed the conflicts; FINDINGS_EXIT chose the status
        print(f"build stopped: step '{name}' failed with status {status}", file=sys.stderr)
        return status if status != EXIT_UNREVIEWED else 1  # 3 means only "unreviewed conflicts"
    return 0


if __name__ == "__main__":
    sys.exit(main())
