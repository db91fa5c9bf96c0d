"""Benchmark the build on generated corpora of real article lengths (warehouse/synth.py: about
3,000 characters an article), at one or several sizes, to see how cost grows with the corpus.

For each size it measures, separately: the ingest, the full `dbt build`, and an incremental step
(1 % more articles, some of them joining existing stories, then ingest and `dbt build` again).
Each reports wall time, articles/s, MB of text per second and peak resident memory; the full
build also names its slowest models. A Markdown table of all sizes is printed at the end.

    python -m warehouse.bench --articles 10000 100000

Each size gets a fresh corpus and warehouse under --workdir (default .bench/)."""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from warehouse.synth import write_corpus

REPO = Path(__file__).resolve().parents[1]


@dataclass(frozen=True)
class Measure:
    seconds: float
    peak_mib: float
    returncode: int


@dataclass
class SizeResult:
    articles: int
    megabytes: float
    phases: dict[str, Measure] = field(default_factory=dict)
    slowest: list[tuple[str, float]] = field(default_factory=list)
    step_articles: int = 0


def measure(cmd: list[str], env: dict[str, str], log: Path) -> Measure:
    """Run `cmd`, returning wall time and the peak resident memory of it and its waited-for children."""
    start = time.perf_counter()
    with log.open("w") as out:
        proc = subprocess.Popen(cmd, cwd=REPO, env=env, stdout=out, stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(proc.pid, 0)
    return Measure(time.perf_counter() - start, usage.ru_maxrss / 1024, os.waitstatus_to_exitcode(status))


def slowest_models(target: Path, k: int = 5) -> list[tuple[str, float]]:
    results = json.loads((target / "run_results.json").read_text())["results"]
    models = [(r["unique_id"].split(".")[-1], r["execution_time"])
              for r in results if r["unique_id"].startswith("model.")]
    return sorted(models, key=lambda m: -m[1])[:k]


def run_size(n: int, workdir: Path) -> SizeResult:
    root = workdir / f"n{n}"
    shutil.rmtree(root, ignore_errors=True)
    corpus = root / "corpus"
    t0 = time.perf_counter()
    size = write_corpus(corpus, n)
    result = SizeResult(articles=n, megabytes=size / 1e6)
    print(f"[{n:,} articles] generated {result.megabytes:,.1f} MB in {time.perf_counter() - t0:.1f} s", flush=True)
    db = root / "warehouse.duckdb"
    env = dict(os.environ, WAREHOUSE_PATH=str(db), DBT_SEND_ANONYMOUS_USAGE_STATS="false")
    dbt = str(Path(sys.executable).parent / "dbt")
    # One directory argument: the story is each file's folder, and argv stays short at any N.
    ingest = [sys.executable, "-m", "ingest", str(corpus), "--db", str(db), "--no-progress"]
    # Synthetic outlets disagree on purpose, so conflicts warn here instead of failing the run;
    # unit tests do not depend on the corpus and would only add a fixed cost.
    build = [dbt, "build", "--exclude-resource-type", "unit_test", "--vars", "{conflict_severity: warn}",
             "--target-path", str(root / "target"), "--log-path", str(root / "logs")]

    def phase(name: str, cmd: list[str], articles: int, megabytes: float) -> bool:
        m = measure(cmd, env, root / f"{name.replace(' ', '_')}.log")
        result.phases[name] = m
        status = "ok" if m.returncode == 0 else f"exit {m.returncode}, see {root}"
        print(f"[{n:,} articles] {name:17} {m.seconds:8.1f} s  {articles / m.seconds:8,.0f} articles/s  "
              f"{megabytes / m.seconds:6.2f} MB/s  peak {m.peak_mib:8,.0f} MiB  ({status})", flush=True)
        return m.returncode == 0

    if not phase("ingest", ingest, n, result.megabytes) or not phase("dbt build", build, n, result.megabytes):
        return result
    result.slowest = slowest_models(root / "target")
    slowest = ", ".join(f"{name} {s:.1f} s" for name, s in result.slowest)
    print(f"[{n:,} articles] slowest models: {slowest}", flush=True)

    result.step_articles = max(1, n // 100)
    added = write_corpus(corpus, result.step_articles, start=n) / 1e6
    if phase("+1% ingest", ingest, result.step_articles, added):
        phase("+1% dbt build", build, result.step_articles, added)
    return result


def table(results: list[SizeResult]) -> str:
    lines = ["| articles | MB of text | ingest | `dbt build` | peak | slowest models | +1 % (ingest + build) |",
             "| ---: | ---: | --- | --- | ---: | --- | --- |"]
    for r in results:
        ing, dbt = r.phases.get("ingest"), r.phases.get("dbt build")
        inc = [r.phases.get("+1% ingest"), r.phases.get("+1% dbt build")]
        step = "–"
        if inc[0] and inc[1]:
            step = (f"+{r.step_articles:,}: {inc[0].seconds:.1f} s + {inc[1].seconds:.1f} s, "
                    f"peak {inc[1].peak_mib:,.0f} MiB")
        lines.append(
            f"| {r.articles:,} | {r.megabytes:,.0f} "
            f"| {ing.seconds:.1f} s, {r.articles / ing.seconds:,.0f}/s, {r.megabytes / ing.seconds:.1f} MB/s "
            f"| {dbt.seconds:.1f} s, {r.articles / dbt.seconds:,.0f}/s, {r.megabytes / dbt.seconds:.2f} MB/s "
            f"| {max(ing.peak_mib, dbt.peak_mib):,.0f} MiB "
            f"| {', '.join(f'{name} {s:.0f} s' for name, s in r.slowest[:3])} | {step} |"
            if ing and dbt else f"| {r.articles:,} | {r.megabytes:,.0f} | failed, see the logs | | | | |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m warehouse.bench", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, nargs="+", default=[10_000, 100_000], help="corpus sizes to measure")
    parser.add_argument("--workdir", type=Path, default=REPO / ".bench", help="where corpora and warehouses go")
    args = parser.parse_args(argv)
    results = [run_size(n, args.workdir) for n in args.articles]
    print()
    print(table(results))
    failed = [r for r in results if any(m.returncode for m in r.phases.values())]
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
