"""The warehouse file: where it is, opening it for writing, and what to say when that is impossible."""

from __future__ import annotations

import os
import re
from importlib import resources
from pathlib import Path

import duckdb

DEFAULT_DB = "warehouse.duckdb"
MEMORY_LIMIT = "1GB"
# The storage format of every file this project writes: DuckDB 2.0's own (version 69) is unreadable
# to the DuckDB CLI on PyPI (duckdb-cli 1.5.6, the newest there), which the README tells users to use.
# profiles.yml sets the same for dbt.
STORAGE_VERSION = "v1.5.0"
VACUUM_TASKS = int(os.environ.get("CORROBORATE_MAX_VACUUM_TASKS", "0"))
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


class WriteFailed(WarehouseUnavailable):
    """Writing the warehouse failed (disk full, permission denied...); the run was rolled back."""


# Causes worth one plain sentence, as the operating system or DuckDB words them.
_CAUSES = (
    ("no space left on device", "the disk is full (no space left on device)"),
    ("disk quota exceeded", "the disk quota is exceeded"),
    ("permission denied", "permission was denied"),
    ("read-only file system", "the file system is read-only"),
)


def write_failure(path: Path, exc: BaseException) -> WriteFailed | None:
    """One sentence naming the warehouse file and the cause, for an I/O failure while writing it."""
    if not isinstance(exc, duckdb.Error | OSError):
        return None
    text = str(exc)
    cause = next((plain for needle, plain in _CAUSES if needle in text.lower()), None)
    if cause is None:
        # A commit that fails for want of space is a TransactionException naming the cause; other
        # DuckDB errors (a bug, a constraint) keep their traceback.
        if not isinstance(exc, duckdb.IOException | duckdb.FatalException | OSError):
            return None
        cause = text.strip().splitlines()[0] if text.strip() else type(exc).__name__
    return WriteFailed(
        f"Cannot write the warehouse {path}: {cause}. The run was rolled back and nothing was written; "
        "fix the cause and run the ingest again."
    )


def check_name(path: Path) -> None:
    """Refuse warehouse file names dbt cannot use: dbt-duckdb names the catalog after the file."""
    stem = path.stem
    if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", stem):
        raise WarehouseUnavailable(
            f"Cannot use {path} as the warehouse: dbt names the database after the file ({stem!r}), so the name "
            "must be letters, digits and underscores, not starting with a digit (e.g. warehouse.duckdb)."
        )
    if stem.lower() in _RESERVED_CATALOGS:
        raise WarehouseUnavailable(
            f"Cannot use {path} as the warehouse: DuckDB reserves the catalog name {stem!r}; choose another file name."
        )


# Catalog names DuckDB already uses in every session: a file named so cannot be addressed by name.
_RESERVED_CATALOGS = frozenset({"system", "temp", "main"})


def resolve_db(db: str | os.PathLike[str] | None) -> Path:
    """--db, else $WAREHOUSE_PATH, else warehouse.duckdb in the current directory."""
    return Path(db or os.environ.get("WAREHOUSE_PATH") or DEFAULT_DB).absolute()


def connect(path: Path) -> duckdb.DuckDBPyConnection:
    check_name(path)
    try:
        con = duckdb.connect(str(path), config={"storage_compatibility_version": STORAGE_VERSION})
    except duckdb.IOException as exc:
        if "lock" in str(exc).lower():
            raise DatabaseLocked(path, str(exc)) from exc
        text = str(exc)
        cause = next((plain for needle, plain in _CAUSES if needle in text.lower()), text)
        raise WarehouseUnavailable(f"Cannot open the warehouse {path}: {cause}. Nothing was written.") from exc
    # DuckDB draws its own bar for statements over 2 s, which would interleave with ingest's.
    con.execute("set enable_progress_bar = false")
    # A run is one transaction, and DuckDB holds uncommitted rows in memory unless a limit makes it
    # spill them to a temporary directory beside the file: this keeps a million-article run bounded.
    con.execute(f"set memory_limit = '{MEMORY_LIMIT}'")
    # The checkpoint when this connection closes would otherwise compact ("vacuum") the row groups
    # that incremental dbt builds left part-deleted, in every table of the warehouse: 30 s of a
    # 1,000-article ingest into a 100,000-article warehouse. dbt leaves them so by the same setting
    # (profiles.yml), and a full rebuild writes each table anew.
    con.execute(f"set max_vacuum_tasks = {VACUUM_TASKS}")
    return con


def create_schema(con: duckdb.DuckDBPyConnection) -> None:
    """Create or bring up to date the raw tables (ingest/schema.sql), inside the caller's transaction."""
    schema = resources.files("ingest").joinpath("schema.sql").read_text(encoding="utf-8")
    con.execute(schema)
    # Warehouses from before raw.articles lost its primary key (schema.sql says why): DuckDB cannot
    # drop a constraint, so the table is copied into one created without it, once.
    keyed = con.execute(
        "select count(*) from duckdb_constraints() "
        "where schema_name = 'raw' and table_name = 'articles' and constraint_type = 'PRIMARY KEY'"
    ).fetchone()
    if keyed and keyed[0]:
        con.execute("alter table raw.articles rename to articles_keyed")
        con.execute(schema)
        con.execute("insert into raw.articles by name select * from raw.articles_keyed")
        con.execute("drop table raw.articles_keyed")
