"""The command line: help, the run summary, and a clear message when the database is locked."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from ingest.cli import EXIT_LOCKED, main

REPO = Path(__file__).resolve().parents[1]


def test_help(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--help"])
    assert exit_info.value.code == 0
    out = capsys.readouterr().out
    for option in ("PATH", "--db", "--story", "--max-bytes", "WAREHOUSE_PATH", "metadata.csv", ".jsonl"):
        assert option in out


def test_summary_lists_rejected_files(sample_corpus: Path, db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (sample_corpus / "empty.txt").write_bytes(b"")
    assert main([str(sample_corpus), "--db", str(db_path), "--no-progress"]) == 0
    out = capsys.readouterr().out
    assert "seen 6, loaded 5, unchanged 0, rejected 1" in out
    assert f"{sample_corpus / 'empty.txt'}: The file is empty (0 bytes)." in out
    assert main([str(sample_corpus), "--db", str(db_path), "--no-progress"]) == 0
    assert "seen 6, loaded 0, unchanged 5, rejected 1" in capsys.readouterr().out


def test_bad_max_bytes_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["x.txt", "--max-bytes", "0"])
    assert exit_info.value.code == 2
    assert "positive" in capsys.readouterr().err


def test_locked_database_gives_a_clear_message(sample_corpus: Path, db_path: Path) -> None:
    holder = subprocess.Popen(
        [sys.executable, "-c", "import duckdb, sys, time; c = duckdb.connect(sys.argv[1]); print('ready', flush=True); "
         "time.sleep(60)", str(db_path)],
        stdout=subprocess.PIPE,
        text=True,
    )  # fmt: skip
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "ready"
        result = subprocess.run(
            [sys.executable, "-m", "ingest", str(sample_corpus), "--db", str(db_path)],
            cwd=REPO,
            capture_output=True,
            text=True,
            timeout=60,
        )
    finally:
        holder.kill()
        holder.wait()
    assert result.returncode == EXIT_LOCKED
    assert "Traceback" not in result.stderr
    assert f"Cannot open the warehouse {db_path} for writing: another process (python" in result.stderr
    assert f"PID {holder.pid}) holds its lock" in result.stderr
    assert "dbt, a DuckDB CLI" in result.stderr and "Nothing was written." in result.stderr
    assert result.stdout == ""
