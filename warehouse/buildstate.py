"""Whether the warehouse comes from a build that finished, and whether a build may start now.

A build (`make build`: ingest, dbt build, docs) writes a marker file beside the warehouse when it
starts, `<warehouse>.building`, and removes it when everything has finished. A marker left behind
means the last build was killed or failed part-way: its marts may be inconsistent with each other
(every article, facts for some). warehouse.report warns, warehouse.validate fails, and
warehouse.publish refuses to publish while the marker is there; the next build that finishes
removes it.

    python -m warehouse.buildstate start  [--db FILE] [--wait SECONDS]   refuse unusable names, wait
                                                                         (bounded, visibly) for the
                                                                         lock, write the marker
    python -m warehouse.buildstate lock   [--db FILE] [--wait SECONDS]   only wait for the lock
    python -m warehouse.buildstate finish [--db FILE] [--manifest FILE]  remove the marker, keep
                                                                         the build's dbt manifest
    python -m warehouse.buildstate check  [--db FILE]                    exit 1 if a build did not finish

Seeds that did not change are not loaded again: `finish` keeps the finished build's dbt manifest
in `<warehouse>.dbt-state/`, and the next build excludes the seeds that are unmodified against it
(dbt's `state:unmodified`), with their data tests: their tables and tests are as that build left
them. That saves a fixed cost of every incremental build (32 loads and 140 tests, about a fifth
of `make build` on a few new articles). The staging views unmodified against it are left out too:
they hold no data, and the seeds and raw tables they read are the ones they were made over. The
manifest is trusted only while the warehouse's own record of its seeds (lexicons.seed_loads,
written in each seed's load transaction) equals the manifest's seeds and the last build
finished; otherwise every seed loads.

The lock: DuckDB allows one writer per file and any open connection, even a read-only one, blocks
it. dbt-duckdb retries silently with doubling sleeps, so a build waiting on a forgotten notebook
used to show nothing for many minutes. `start` and `lock` say who holds the lock, print a line
while they wait, and give up after --wait seconds with ingest's message.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import shutil
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import duckdb

from ingest.db import DatabaseLocked, WarehouseUnavailable, check_name, resolve_db

MARKER_SUFFIX = ".building"
STATE_SUFFIX = ".dbt-state"
DEFAULT_WAIT_SECONDS = 60
POLL_SECONDS = 5
EXIT_UNFINISHED = 1
EXIT_UNAVAILABLE = 1
EXIT_LOCKED = 3


class BuildUnfinished(Exception):
    """The warehouse comes from a build that did not finish; str(exc) says which and what to do."""


def marker_path(db: Path) -> Path:
    return db.with_name(db.name + MARKER_SUFFIX)


def unfinished(db: Path) -> str | None:
    """A sentence saying the last build of db did not finish, or None when it did."""
    marker = marker_path(db)
    try:
        started = json.loads(marker.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, ValueError):
        started = {}
    when = started.get("started_at", "an unknown time")
    pid = started.get("pid", "?")
    return (
        f"The warehouse {db} comes from a build that did not finish (started at {when} UTC by PID {pid}; marker "
        f"{marker}): its marts may be inconsistent with each other. Run `make build` again."
    )


def require_finished(db: Path) -> None:
    message = unfinished(db)
    if message:
        raise BuildUnfinished(message)


def wait_for_lock(db: Path, wait_seconds: float, say: Callable[[str], None], poll: float = POLL_SECONDS) -> None:
    """Return once db can be opened for writing; raise DatabaseLocked after wait_seconds of trying."""
    deadline = time.monotonic() + wait_seconds
    while True:
        try:
            if db.exists():
                duckdb.connect(str(db)).close()
            return
        except duckdb.IOException as exc:
            if "lock" not in str(exc).lower():
                raise WarehouseUnavailable(f"Cannot open the warehouse {db}: {exc}") from exc
            locked = DatabaseLocked(db, str(exc))
        left = deadline - time.monotonic()
        if left <= 0:
            raise locked
        say(f"waiting for the warehouse lock ({str(locked).splitlines()[0]}); giving up in {left:.0f} s")
        time.sleep(min(poll, left))


def lock_holders(db: Path) -> list[tuple[int, str]]:
    """(pid, command line) of every process holding a DuckDB lock on db, read from /proc/locks
    without opening db (on Linux; elsewhere an empty list). Opening the file here to ask fcntl
    would drop the locks of any DuckDB connection this process had on it."""
    try:
        status = db.stat()
        table = Path("/proc/locks").read_text(encoding="ascii")
    except OSError:
        return []
    device = f"{os.major(status.st_dev):02x}:{os.minor(status.st_dev):02x}:{status.st_ino}"
    holders: list[tuple[int, str]] = []
    for line in table.splitlines():
        fields = line.split()
        # "1: POSIX ADVISORY READ 1234 fe:00:5768844 0 EOF"; "1: -> POSIX ..." is a process waiting.
        if len(fields) < 6 or fields[1] == "->" or fields[5] != device:
            continue
        pid = int(fields[4])
        if pid not in {p for p, _ in holders}:
            holders.append((pid, _command_line(pid)))
    return holders


def _command_line(pid: int) -> str:
    try:
        raw = Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return "?"
    words = [w.decode(errors="replace") for w in raw.split(b"\0") if w]
    line = " ".join([Path(words[0]).name, *words[1:]]) if words else "?"
    return line if len(line) <= 80 else line[:77] + "..."


def start(db: Path, wait_seconds: float, say: Callable[[str], None]) -> None:
    check_name(db)
    wait_for_lock(db, wait_seconds, say)
    record = {"started_at": f"{dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M:%S}", "pid": os.getppid(), "db": str(db)}
    marker_path(db).write_text(json.dumps(record) + "\n", encoding="utf-8")


def finish(db: Path, manifest: Path | None = None) -> None:
    if manifest is not None and manifest.is_file():
        keep_state(db, manifest)
    marker_path(db).unlink(missing_ok=True)


def state_path(db: Path) -> Path:
    return db.with_name(db.name + STATE_SUFFIX)


def keep_state(db: Path, manifest: Path) -> None:
    """Keep the manifest of a build of db that finished, for the next build's seed_reuse_args."""
    state = state_path(db)
    state.mkdir(exist_ok=True)
    partial = state / f"manifest.json.{os.getpid()}"
    shutil.copyfile(manifest, partial)
    os.replace(partial, state / "manifest.json")


# What a build leaves as the last finished build left it when the seeds are unchanged: those seeds,
# with their data tests, and the views (staging) unmodified against the kept manifest, with theirs,
# when every view of the manifest is in the warehouse and reads. A view holds no data and DuckDB
# binds it to its tables by name when it is read; dbt recreating the 22 views and running their
# tests costs about 2 s of every incremental build. A manifest kept by `dbt seed` alone, or a view
# dropped since, leaves views to make again (so did a renamed file under DuckDB 1.5, whose views
# named the old catalog; 2.0 binds them to the file that holds them).
SEEDS = "resource_type:seed,state:unmodified"
VIEWS = "config.materialized:view,state:unmodified"


def seed_reuse_args(db: Path) -> list[str]:
    """`dbt build` arguments that leave out the seeds unchanged since the last finished build of db,
    and the views too when all of them read, with their tests; none when that build's manifest is
    missing, the last build did not finish, or the warehouse's record of its seeds
    (lexicons.seed_loads) differs from the manifest's."""
    kept = state_path(db) / "manifest.json"
    if not db.is_file() or not kept.is_file() or unfinished(db) is not None:
        return []
    try:
        nodes = json.loads(kept.read_text(encoding="utf-8"))["nodes"].values()
        stated = {n["alias"]: n["checksum"]["checksum"] for n in nodes if n["resource_type"] == "seed"}
        views = [(n["schema"], n["alias"]) for n in nodes
                 if n["resource_type"] == "model" and n["config"]["materialized"] == "view"]
        with duckdb.connect(str(db), read_only=True) as con:
            loaded = dict(con.execute("select seed_name, file_checksum from lexicons.seed_loads").fetchall())
            views_read = all(reads(con, schema, view) for schema, view in views)
    except (OSError, ValueError, KeyError, duckdb.Error):
        return []
    if not stated or loaded != stated:
        return []
    return ["--state", str(state_path(db)), "--exclude", SEEDS, *([VIEWS] if views_read else [])]


def reads(con: duckdb.DuckDBPyConnection, schema: str, view: str) -> bool:
    """The view exists and binds (its tables are there, under the catalog it names)."""
    try:
        con.execute(f'select * from "{schema}"."{view}" limit 0')
    except duckdb.Error:
        return False
    return True


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m warehouse.buildstate", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("action", choices=("start", "lock", "finish", "check"))
    parser.add_argument("--manifest", type=Path,
                        help="finish: the build's dbt manifest (target/manifest.json), kept for the next build")
    parser.add_argument("--db", help="the DuckDB warehouse (default: $WAREHOUSE_PATH, else warehouse.duckdb)")
    parser.add_argument(
        "--wait",
        type=float,
        default=DEFAULT_WAIT_SECONDS,
        metavar="SECONDS",
        help=f"how long start/lock wait for another process to release the lock (default {DEFAULT_WAIT_SECONDS})",
    )
    args = parser.parse_args(argv)
    db = resolve_db(args.db)

    def say(line: str) -> None:
        print(f"buildstate: {line}", file=sys.stderr, flush=True)

    try:
        if args.action == "start":
            start(db, args.wait, say)
        elif args.action == "lock":
            check_name(db)
            wait_for_lock(db, args.wait, say)
        elif args.action == "finish":
            finish(db, args.manifest)
        else:
            message = unfinished(db)
            if message:
                say(message)
                return EXIT_UNFINISHED
    except DatabaseLocked as exc:
        say(str(exc))
        return EXIT_LOCKED
    except WarehouseUnavailable as exc:
        say(str(exc))
        return EXIT_UNAVAILABLE
    return 0


if __name__ == "__main__":
    sys.exit(main())
