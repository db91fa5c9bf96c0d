"""The warehouse file: where it is, opening it for writing, and what to say when that is impossible."""

from __future__ import annotations

import os
import re
from importlib import resources
from pathlib import Path

import duckdb

DEFAULT_DB = "warehouse.duckdb"
MEMORY_LIMIT = "1GB"
_HOLDER_RE = re.compile(r"held in (?P<program>.+?) \(PID (?P<pid>\d+)\)")


class WarehouseUnavailable(Exception):
    """The database file cannot be opened for writing; str(exc) says why and what to do."""


class DatabaseLocked(WarehouseUnavailable):
    """Another process holds DuckDB's single-writer lock on the file."""

    def __init__(self, path: Path, detail: str) -> None:
        holder = _HOLDER_RE.search(detail)
        who = f" ({Path(holder['program']).name}, PID {holder['pid']})" if holder else ""
        super().__init__(
            f"Cannot open the warehouse {path} for writing: another process{who} holds its lock.\n"
            "DuckDB allows one writer per file, and any open connection blocks it, even a read-only one: "
            "typically dbt, a DuckDB CLI, a notebook or a BI tool connected to this file.\n"
            "Close that program or wait for it to finish, then run the ingest again "
            "(or pass --db to load into another file). Nothing was written."
        )
        self.path = path


def resolve_db(db: str | os.PathLike[str] | None) -> Path:
    """--db, else $WAREHOUSE_PATH, else warehouse.duckdb in the current directory."""
    return Path(db or os.environ.get("WAREHOUSE_PATH") or DEFAULT_DB).absolute()


def connect(path: Path) -> duckdb.DuckDBPyConnection:
    try:
        con = duckdb.connect(str(path))
    except duckdb.IOException as exc:
        if "lock" in str(exc).lower():
            raise DatabaseLocked(path, str(exc)) from exc
        raise WarehouseUnavailable(f"Cannot open the warehouse {path}: {exc}") from exc
    # DuckDB draws its own bar for statements over 2 s, which would interleave with ingest's.
    con.execute("set enable_progress_bar = false")
    # A run is one transaction, and DuckDB holds uncommitted rows in memory unless a limit makes it
    # spill them to a temporary directory beside the file: this keeps a million-article run bounded.
    con.execute(f"set memory_limit = '{MEMORY_LIMIT}'")
    return con


def schema_sql() -> str:
    return resources.files("ingest").joinpath("schema.sql").read_text(encoding="utf-8")
