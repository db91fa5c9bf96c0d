"""Say which disagreements between outlets still need a person, and decide the build's exit status.

    python -m warehouse.findings [--db FILE] [--exit-status N]

Reads marts.findings (built by `dbt build`) and the review ledger (seed reviewed_findings), and
prints every unreviewed conflict with its story, claim or event, outlets, values and sentences,
then the ledger rows that match no finding any more (stale). `make build` runs it last, after
the warehouse, the report and the publication are written, so the data stays usable whatever
it says.

Exit status: 0 when no conflict is unreviewed; EXIT_UNREVIEWED (3, or --exit-status /
$FINDINGS_EXIT) when one is; 2 when the warehouse cannot be read. `--exit-status 0`
(`make build FINDINGS_EXIT=0`) prints the same and exits 0.
"""

from __future__ import annotations

import argparse
import os
import sys
from dataclasses import dataclass
from pathlib import Path

import duckdb

EXIT_UNREVIEWED = 3
EXIT_UNREADABLE = 2


@dataclass(frozen=True)
class Finding:
    finding_id: str
    finding_kind: str
    story_id: str
    finding_key: str
    status: str
    outlets: str | None
    stated_values: str | None
    evidence: str | None
    review_state: str


@dataclass(frozen=True)
class Summary:
    unreviewed: list[Finding]
    counts: dict[tuple[str, str], int]  # (status, review_state) -> findings
    stale: list[tuple[str, str, str, str]]  # story, kind, key, verdict


def read_findings(db: Path) -> Summary:
    with duckdb.connect(str(db), read_only=True) as con:
        cursor = con.execute(
            "select finding_id, finding_kind, story_id, finding_key, status, outlets, stated_values, evidence, "
            "review_state from marts.findings where is_blocking order by story_id, finding_kind, finding_key")
        unreviewed = [Finding(*row) for row in cursor.fetchall()]
        counts = {
            (status, state): n
            for status, state, n in con.execute(
                "select status, review_state, count(*) from marts.findings group by all order by all").fetchall()
        }
        stale = con.execute(
            "select ledger.story_id, ledger.finding_kind, ledger.finding_key, ledger.verdict "
            "from review.reviewed_findings as ledger "
            "anti join marts.findings as f using (story_id, finding_kind, finding_key) order by all").fetchall()
    return Summary(unreviewed=unreviewed, counts=counts, stale=stale)


def describe(summary: Summary) -> list[str]:
    lines = []
    total = sum(summary.counts.values())
    lines.append(
        f"findings: {total} ("
        + (", ".join(f"{n} {status} {state}" for (status, state), n in summary.counts.items()) or "none")
        + ")")
    for f in summary.unreviewed:
        lines.append(f"UNREVIEWED CONFLICT story {f.story_id}, {f.finding_kind} {f.finding_key}")
        lines.append(f"  outlets: {f.outlets}")
        lines.append(f"  values: {f.stated_values}")
        for line in (f.evidence or "").splitlines():
            lines.append(f"    {line}")
        lines.append(f"  to accept it, add to seeds/reviewed_findings.csv: "
                     f"{f.story_id},{f.finding_kind},{_csv(f.finding_key)},confirmed|explained|wrong_extraction,...")
    for story, kind, key, verdict in summary.stale:
        lines.append(f"STALE REVIEW story {story}, {kind} {key} ({verdict}): matches no finding any more; "
                     "remove or re-key that row of seeds/reviewed_findings.csv")
    return lines


def _csv(value: str) -> str:
    return '"' + value.replace('"', '""') + '"' if any(c in value for c in ',"\n') else value


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m warehouse.findings", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", type=Path, default=Path(os.environ.get("WAREHOUSE_PATH", "warehouse.duckdb")),
                        help="DuckDB file (default: $WAREHOUSE_PATH or warehouse.duckdb)")
    parser.add_argument("--exit-status", type=int, default=int(os.environ.get("FINDINGS_EXIT") or EXIT_UNREVIEWED),
                        help="status to exit with while a conflict is unreviewed (default: $FINDINGS_EXIT or 3; "
                             "0 only warns)")
    args = parser.parse_args(argv)
    if not args.db.exists():
        print(f"cannot open {args.db}: no such file", file=sys.stderr)
        return EXIT_UNREADABLE
    try:
        summary = read_findings(args.db)
    except duckdb.Error as exc:
        print(f"cannot read the findings of {args.db}: {exc}", file=sys.stderr)
        return EXIT_UNREADABLE
    for line in describe(summary):
        print(line)
    if summary.unreviewed:
        print(f"{len(summary.unreviewed)} unreviewed conflict(s): exit status {args.exit_status} "
              "(FINDINGS_EXIT=0 only warns)", file=sys.stderr)
        return args.exit_status
    return 0


if __name__ == "__main__":
    sys.exit(main())
