"""Benchmark the build on generated corpora of real article lengths (warehouse/synth.py: about
3,000 characters an article), at one or several sizes, to see how cost grows with the corpus.

For each size N it measures, separately: the ingest of the N articles and the full `dbt build`
on them; then two incremental steps on that warehouse, each an ingest of only the new articles
(some of them joining existing stories) and a `dbt build`: +1 % of N, then +1,000 articles.
Each phase reports wall time, articles/s, MB of text per second, peak resident memory and CPU
time (of the process and its children: DuckDB runs inside dbt), and how much of the machine's
cores that CPU time kept busy; the full build also names its slowest models and tests (dbt's
run_results.json) and the size of the warehouse file it wrote. A Markdown table of all sizes is printed at the end
and written, with the raw figures as JSON, to WORKDIR/results.md and WORKDIR/results.json.

    python -m warehouse.bench --articles 10000 100000

Corpora are generated once and kept under WORKDIR/corpus/ (about 3.4 MB per 1,000 articles):
a later run with the same size, seed and generator reuses them. Each run builds a fresh
warehouse under WORKDIR/n<N>/, where the logs and run_results.json of every phase stay (dbt's
target/ is shared by the phases, so that incremental builds parse partially, as a user's do). DuckDB's
memory limit is the profile's (CORROBORATE_MEMORY_LIMIT, default 3GB). A failing phase is
reported with its log and the next size is still measured; the exit status is then 1."""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import subprocess
import sys
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

from warehouse import synth
from warehouse.build import build_vars
from warehouse.buildstate import keep_state, seed_reuse_args

REPO = Path(__file__).resolve().parents[1]
STEP_ARTICLES = 1000


@dataclass(frozen=True)
class Measure:
    articles: int
    megabytes: float
    seconds: float
    peak_mib: float
    cpu_seconds: float
    returncode: int
    log: str

    @property
    def ok(self) -> bool:
        return self.returncode == 0

    def rates(self) -> str:
        return f"{self.articles / self.seconds:,.0f} articles/s, {self.megabytes / self.seconds:.2f} MB/s"

    def cpu(self) -> str:
        """CPU seconds, and the share of the machine's cores they kept busy over the wall time."""
        busy = self.cpu_seconds / (self.seconds * (os.cpu_count() or 1))
        return f"{self.cpu_seconds:,.0f} s CPU, {busy:.0%} of {os.cpu_count()} cores"


@dataclass
class SizeResult:
    articles: int
    megabytes: float = 0.0
    phases: dict[str, Measure] = field(default_factory=dict)
    slowest_models: list[tuple[str, float]] = field(default_factory=list)
    slowest_tests: list[tuple[str, float]] = field(default_factory=list)
    warehouse_gb: float = 0.0

    @property
    def ok(self) -> bool:
        return bool(self.phases) and all(m.ok for m in self.phases.values())


def generator_digest(seed: int) -> str:
    """What a cached corpus depends on: the generator's source and the seed."""
    source = Path(synth.__file__).read_bytes()
    return hashlib.sha256(source + f"seed={seed}".encode()).hexdigest()[:16]


def cached_corpus(cache: Path, count: int, start: int, seed: int) -> tuple[Path, float]:
    """Articles `start` to `start + count` of the seed's sequence in a directory of their own
    (generated once; a marker file records what it holds), and their MB of text."""
    where = cache / (f"n{count}" if start == 0 else f"n{start}+{count}")
    marker = where / ".complete.json"
    wanted = {"articles": count, "start": start, "generator": generator_digest(seed)}
    if marker.is_file():
        found = json.loads(marker.read_text())
        if {k: found.get(k) for k in wanted} == wanted:
            return where, found["megabytes"]
    shutil.rmtree(where, ignore_errors=True)
    partial = where.with_name(where.name + ".partial")
    shutil.rmtree(partial, ignore_errors=True)
    t0 = time.perf_counter()
    megabytes = synth.write_corpus(partial, count, seed=seed, start=start) / 1e6
    (partial / ".complete.json").write_text(json.dumps({**wanted, "megabytes": megabytes}))
    partial.rename(where)
    print(f"  generated {count:,} articles ({megabytes:,.1f} MB) in {time.perf_counter() - t0:.1f} s: {where}",
          flush=True)
    return where, megabytes


def measure(cmd: list[str], env: dict[str, str], log: Path, articles: int, megabytes: float) -> Measure:
    """Run `cmd`, returning wall time, and peak resident memory and CPU time of it and its waited-for children."""
    start = time.perf_counter()
    with log.open("w") as out:
        proc = subprocess.Popen(cmd, cwd=REPO, env=env, stdout=out, stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(proc.pid, 0)
    return Measure(articles, megabytes, time.perf_counter() - start, usage.ru_maxrss / 1024,
                   usage.ru_utime + usage.ru_stime, os.waitstatus_to_exitcode(status), str(log))


def slowest(run_results: Path, kind: str, k: int = 5) -> list[tuple[str, float]]:
    """The k slowest nodes of `kind` ('model', 'test') of a dbt run, by execution time."""
    results = json.loads(run_results.read_text())["results"]
    nodes = [(r["unique_id"].split(".")[2], r["execution_time"])
             for r in results if r["unique_id"].startswith(kind + ".")]
    return sorted(nodes, key=lambda m: -m[1])[:k]


def run_size(n: int, workdir: Path, seed: int, max_run_articles: int = 0, keep_work_rows: bool = True) -> SizeResult:
    result = SizeResult(articles=n)
    runs = f", runs of {max_run_articles:,} articles" if max_run_articles else ""
    rows = "" if keep_work_rows else ", work tables keep the last run's rows only"
    print(f"[{n:,} articles] memory limit {os.environ.get('CORROBORATE_MEMORY_LIMIT', '3GB')}{runs}{rows}",
          flush=True)
    variables = build_vars(max_run_articles, keep_work_rows)
    corpus, result.megabytes = cached_corpus(workdir / "corpus", n, 0, seed)
    steps = [("+1%", max(1, n // 100)), (f"+{STEP_ARTICLES:,}", STEP_ARTICLES)]

    root = workdir / f"n{n}"
    shutil.rmtree(root, ignore_errors=True)
    root.mkdir(parents=True)
    db = root / "warehouse.duckdb"
    env = dict(os.environ, WAREHOUSE_PATH=str(db), DBT_SEND_ANONYMOUS_USAGE_STATS="false")
    dbt = str(Path(sys.executable).parent / "dbt")

    def ingest(path: Path) -> list[str]:
        # One directory argument: the story is each file's folder, and argv stays short at any N.
        return [sys.executable, "-m", "ingest", str(path), "--db", str(db), "--no-progress"]

    def build(name: str) -> list[str]:
        # Synthetic outlets disagree on purpose, so conflicts warn here instead of failing the run;
        # unit tests do not depend on the corpus and would only add a fixed cost. All phases share
        # one target directory, as a user's successive builds do, so that the incremental ones
        # parse the project partially; each phase's run_results.json is kept beside it.
        # Seeds unchanged since the last build are left out, as `make build` leaves them out. Run
        # again while stories wait (--max-run-articles), as `make build` does (warehouse.runs).
        return [sys.executable, "-m", "warehouse.runs", "--db", str(db), "--",
                dbt, "build", "--exclude-resource-type", "unit_test", "--vars", variables,
                *seed_reuse_args(db), "--target-path", str(root / "target"), "--log-path", str(root / f"logs_{name}")]

    def keep_run_results(name: str, built: bool) -> Path:
        kept = root / f"run_results_{name}.json"
        if (root / "target" / "run_results.json").is_file():
            shutil.copyfile(root / "target" / "run_results.json", kept)
        if built:
            keep_state(db, root / "target" / "manifest.json")
        return kept

    def phase(name: str, cmd: list[str], articles: int, megabytes: float) -> bool:
        slug = name.replace(" ", "_").replace("%", "pct").replace(",", "").replace("+", "plus")
        m = measure(cmd, env, root / f"{slug}.log", articles, megabytes)
        result.phases[name] = m
        status = "ok" if m.ok else f"exit {m.returncode}, see {m.log}"
        print(f"[{n:,} articles] {name:22} {m.seconds:8.1f} s  {m.rates():34}  peak {m.peak_mib:7,.0f} MiB  "
              f"{m.cpu()}  ({status})", flush=True)
        return m.ok

    if not phase("ingest", ingest(corpus), n, result.megabytes):
        return result
    built = phase("dbt build", build("full"), n, result.megabytes)
    full_results = keep_run_results("full", built)
    result.warehouse_gb = db.stat().st_size / 1e9 if db.is_file() else 0.0
    print(f"[{n:,} articles] warehouse file: {result.warehouse_gb:.1f} GB", flush=True)
    if full_results.is_file():
        result.slowest_models = slowest(full_results, "model")
        result.slowest_tests = slowest(full_results, "test", 3)
        for kind, nodes in (("models", result.slowest_models), ("tests", result.slowest_tests)):
            listed = ", ".join(f"{name} {s:.1f} s" for name, s in nodes)
            print(f"[{n:,} articles] slowest {kind}: {listed}", flush=True)
    if not built:
        return result

    start = n
    for label, count in steps:
        added, megabytes = cached_corpus(workdir / "corpus", count, start, seed)
        start += count
        if not phase(f"{label} ingest", ingest(added), count, megabytes):
            break
        name = label.strip("+%").replace(",", "")
        built = phase(f"{label} dbt build", build(name), count, megabytes)
        keep_run_results(name, built)
        if not built:
            break
    return result


def step_cell(r: SizeResult, label: str) -> str:
    ing, dbt = r.phases.get(f"{label} ingest"), r.phases.get(f"{label} dbt build")
    if not (ing and dbt):
        return "–"
    failed = "" if ing.ok and dbt.ok else " (failed)"
    return f"{ing.articles:,} articles: {ing.seconds:.1f} s + {dbt.seconds:.1f} s, peak {dbt.peak_mib:,.0f} MiB{failed}"


def table(results: list[SizeResult]) -> str:
    lines = [
        "| articles | MB of text | ingest | `dbt build` | articles/s | MB/s | peak | CPU of `dbt build` "
        "| warehouse file | slowest models | +1 % (ingest + build) | +1,000 (ingest + build) |",
        "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- | --- |",
    ]
    for r in results:
        ing, dbt = r.phases.get("ingest"), r.phases.get("dbt build")
        if not (ing and dbt):
            lines.append(f"| {r.articles:,} | {r.megabytes:,.0f} | failed, see the logs | | | | | | | | | |")
            continue
        failed = "" if dbt.ok else f" (exit {dbt.returncode})"
        models = ", ".join(f"{name} {s:.0f} s" for name, s in r.slowest_models)
        lines.append(
            f"| {r.articles:,} | {r.megabytes:,.0f} | {ing.seconds:.1f} s | {dbt.seconds:,.1f} s{failed} "
            f"| {r.articles / dbt.seconds:,.0f} | {r.megabytes / dbt.seconds:.2f} "
            f"| {max(ing.peak_mib, dbt.peak_mib):,.0f} MiB | {dbt.cpu()} | {r.warehouse_gb:.1f} GB | {models} "
            f"| {step_cell(r, '+1%')} | {step_cell(r, f'+{STEP_ARTICLES:,}')} |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m warehouse.bench", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, nargs="+", default=[10_000, 100_000], help="corpus sizes to measure")
    parser.add_argument("--workdir", type=Path, default=REPO / ".bench",
                        help="where corpora (kept) and warehouses (rebuilt) go (default .bench/)")
    parser.add_argument("--seed", type=int, default=7, help="the generator's random seed (default 7)")
    parser.add_argument("--max-run-articles", type=int, default=0, metavar="N",
                        help="build in runs of about N articles, as `make build MAX_RUN_ARTICLES=N` (default 0: one "
                             "run; the slowest models are then the last run's)")
    parser.add_argument("--drop-work-rows", action="store_true",
                        help="keep only the last run's stories in the work tables, as `make build DROP_WORK_ROWS=1`")
    args = parser.parse_args(argv)
    if any(n <= 0 for n in args.articles):
        parser.error("--articles: sizes must be positive")
    args.workdir.mkdir(parents=True, exist_ok=True)
    results = []
    for n in args.articles:
        results.append(run_size(n, args.workdir, args.seed, args.max_run_articles, not args.drop_work_rows))
        (args.workdir / "results.json").write_text(json.dumps([asdict(r) for r in results], indent=1))
    print()
    print(table(results))
    (args.workdir / "results.md").write_text(table(results) + "\n")
    return 0 if all(r.ok for r in results) else 1


if __name__ == "__main__":
    sys.exit(main())
