"""Write the development set as a corpus (one directory per story: .txt articles and a
metadata.csv sidecar whose published_date is the document creation time), then ingest it and run
`dbt build` into a throwaway warehouse."""

from __future__ import annotations

import csv
import os
import subprocess
import sys
from pathlib import Path

from evaluation.devset import Article

REPO = Path(__file__).resolve().parents[1]


def write_corpus(articles: list[Article], root: Path) -> Path:
    """`root/<story>/<doc_id>.txt`, byte for byte the article text, with a metadata.csv per story."""
    by_story: dict[str, list[Article]] = {}
    for a in articles:
        by_story.setdefault(a.story, []).append(a)
    for story, items in by_story.items():
        folder = root / story
        folder.mkdir(parents=True, exist_ok=True)
        with (folder / "metadata.csv").open("w", newline="", encoding="utf-8") as f:
            w = csv.writer(f, lineterminator="\n")
            w.writerow(["file", "outlet", "published_date", "url", "title"])
            for a in items:
                (folder / f"{a.doc_id}.txt").write_text(a.text, encoding="utf-8", newline="")
                w.writerow([f"{a.doc_id}.txt", a.outlet, a.published_date, a.url, a.title])
    return root


def _run(cmd: list[str], db: Path, log: Path) -> int:
    env = dict(os.environ, WAREHOUSE_PATH=str(db), DBT_SEND_ANONYMOUS_USAGE_STATS="false")
    env.pop("DBT_TARGET_PATH", None)
    with log.open("a", encoding="utf-8") as out:
        out.write(f"$ {' '.join(cmd)}\n")
        out.flush()
        return subprocess.run(cmd, cwd=REPO, env=env, stdout=out, stderr=subprocess.STDOUT, check=False).returncode


def build_warehouse(corpus: Path, workdir: Path) -> tuple[Path, list[str]]:
    """Ingest and `dbt build` (unit tests excluded, conflicts as warnings). Returns the warehouse
    and the problems to report; a failing data test does not stop the evaluation, a failed ingest
    or a build that made no marts does."""
    db = workdir / "warehouse.duckdb"
    log = workdir / "build.log"
    problems: list[str] = []
    bindir = Path(sys.executable).parent
    rc = _run([sys.executable, "-m", "ingest", str(corpus), "--db", str(db), "--no-progress"], db, log)
    if rc != 0:
        raise RuntimeError(f"ingest failed (exit {rc}); see {log}")
    rc = _run(
        [str(bindir / "dbt"), "build", "--exclude-resource-type", "unit_test",
         "--vars", "{conflict_severity: warn}",
         "--target-path", str(workdir / "target"), "--log-path", str(workdir / "logs")],
        db, log,
    )
    if rc != 0:
        problems.append(f"dbt build exited {rc} (some data tests failed; see {log})")
    return db, problems
