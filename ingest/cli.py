"""Command line: python -m ingest PATH... [--db FILE] [--story NAME] [--max-bytes N] [--no-progress]."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from ingest.db import DEFAULT_DB, DatabaseLocked, WarehouseUnavailable
from ingest.discover import InputNotFound
from ingest.load import DEFAULT_MAX_BYTES, RunSummary, ingest_paths

EXIT_UNAVAILABLE = 1
EXIT_LOCKED = 3
EXIT_NOT_FOUND = 4


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m ingest",
        description=(
            "Load news articles verbatim into raw.articles of the DuckDB warehouse, with a ledger of runs "
            "(raw.ingest_runs) and a quarantine of files that cannot be loaded (raw.rejected_files). "
            "A run is one transaction: it commits completely or changes nothing."
        ),
        epilog=(
            "Inputs: .txt files; directories, walked recursively for .txt and .jsonl files, where a metadata.csv "
            "(columns file,outlet,published_date,url,title[,encoding,...]) describes the files beside it; "
            ".jsonl files with one article a line (text, optional id, story, outlet, published_date, url, title). "
            "Exit status: 0 when the run committed (rejected files are listed, not fatal), "
            f"{EXIT_LOCKED} when another process holds the database lock, {EXIT_UNAVAILABLE} when the database "
            f"cannot be opened or written (disk full, permission denied), {EXIT_NOT_FOUND} when a PATH does not "
            "exist, 2 for bad arguments. Identity: an article is its story and its path relative to the story "
            "folder (the directory named after the story, or with --story the directory given), whatever "
            "folder the ingest was started from; its current version is the text the file holds now."
        ),
    )
    parser.add_argument("paths", nargs="+", metavar="PATH", help="a .txt or .jsonl file, or a directory of them")
    parser.add_argument(
        "--db",
        metavar="FILE",
        help=f"the DuckDB warehouse (default: $WAREHOUSE_PATH, else {DEFAULT_DB} in the current directory)",
    )
    parser.add_argument(
        "--story",
        metavar="NAME",
        help="story id for every article (default: a jsonl line's 'story', else the directory's name)",
    )
    parser.add_argument(
        "--max-bytes",
        type=_positive_int,
        default=DEFAULT_MAX_BYTES,
        metavar="N",
        help=f"reject files (and jsonl lines) larger than N bytes (default: {DEFAULT_MAX_BYTES:,})",
    )
    parser.add_argument("--no-progress", action="store_true", help="never show a progress bar")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        summary = ingest_paths(
            args.paths, db=args.db, story=args.story, max_bytes=args.max_bytes, progress=not args.no_progress
        )
    except InputNotFound as exc:
        print(f"ingest: {exc}", file=sys.stderr)
        return EXIT_NOT_FOUND
    except DatabaseLocked as exc:
        print(f"ingest: {exc}", file=sys.stderr)
        return EXIT_LOCKED
    except WarehouseUnavailable as exc:
        print(f"ingest: {exc}", file=sys.stderr)
        return EXIT_UNAVAILABLE
    print(format_summary(summary))
    return 0


def format_summary(summary: RunSummary) -> str:
    lines = [
        f"ingest run {summary.run_id} -> {summary.db}",
        f"  seen {summary.seen}, loaded {summary.loaded}, unchanged {summary.unchanged}, rejected {summary.rejected}",
    ]
    if summary.reverted:
        lines.append(f"  {summary.reverted} files hold a text they held before: it is their current version again")
    if summary.refreshed:
        lines.append(f"  {summary.refreshed} unchanged articles had their detected metadata recomputed")
    if summary.rejected:
        lines.append("rejected:")
        lines.extend(f"  {r.path}{f':{r.line}' if r.line else ''}: {r.reason}" for r in summary.rejections)
        hidden = summary.rejected - len(summary.rejections)
        if hidden:
            lines.append(f"  ... and {hidden} more: select * from raw.rejected_files where run_id = '{summary.run_id}'")
    return "\n".join(lines)


def _positive_int(value: str) -> int:
    number = int(value)
    if number <= 0:
        raise argparse.ArgumentTypeError("must be a positive number of bytes")
    return number
