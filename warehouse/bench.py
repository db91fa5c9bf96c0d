"""Benchmark the build on a generated corpus: articles per second and peak memory of the ingest
and of `dbt build`, measured separately, at one or several corpus sizes (to see how cost grows).

    python -m warehouse.bench --articles 100000
    python -m warehouse.bench --articles 1000 10000 100000

Each size gets a fresh corpus and warehouse under --workdir (default .bench/)."""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from warehouse.synth import write_corpus

REPO = Path(__file__).resolve().parents[1]


@dataclass(frozen=True)
class Measure:
    seconds: float
    peak_mib: float
    returncode: int


def measure(cmd: list[str], env: dict[str, str], log: Path) -> Measure:
    """Run `cmd`, returning wall time and the peak resident memory of it and its waited-for children."""
    start = time.perf_counter()
    with log.open("w") as out:
        proc = subprocess.Popen(cmd, cwd=REPO, env=env, stdout=out, stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    return Measure(time.perf_counter() - start, usage.ru_maxrss / 1024, proc.returncode)


def run_size(n: int, workdir: Path) -> None:
    root = workdir / f"n{n}"
    shutil.rmtree(root, ignore_errors=True)
    corpus = root / "corpus"
    t0 = time.perf_counter()
    size = write_corpus(corpus, n)
    print(f"[{n:,} articles] generated {size / 2**20:,.1f} MiB in {time.perf_counter() - t0:.1f} s", flush=True)
    db = root / "warehouse.duckdb"
    env = dict(os.environ, WAREHOUSE_PATH=str(db), DBT_SEND_ANONYMOUS_USAGE_STATS="false")
    bin_dir = Path(sys.executable).parent
    phases = [
        # One directory argument: the story is each file's folder, and argv stays short at any N.
        ("ingest", [sys.executable, "-m", "ingest", str(corpus), "--db", str(db), "--no-progress"]),
        # Synthetic outlets disagree on purpose, so conflicts warn here instead of failing the run;
        # unit tests do not depend on the corpus and would only add a fixed cost.
        ("dbt build", [str(bin_dir / "dbt"), "build", "--exclude-resource-type", "unit_test",
                       "--vars", "{conflict_severity: warn}", "--target-path", str(root / "target"),
                       "--log-path", str(root / "logs")]),
    ]
    for name, cmd in phases:
        m = measure(cmd, env, root / f"{name.replace(' ', '_')}.log")
        status = "ok" if m.returncode == 0 else f"exit {m.returncode}, see {root}"
        print(f"[{n:,} articles] {name:9} {m.seconds:8.1f} s  {n / m.seconds:10,.0f} articles/s  "
              f"peak {m.peak_mib:8,.0f} MiB  ({status})", flush=True)
        if m.returncode != 0 and name == "ingest":
            return


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m warehouse.bench", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, nargs="+", default=[100_000], help="corpus sizes to measure")
    parser.add_argument("--workdir", type=Path, default=REPO / ".bench", help="where corpora and warehouses go")
    args = parser.parse_args(argv)
    for n in args.articles:
        run_size(n, args.workdir)
    return 0


if __name__ == "__main__":
    sys.exit(main())
