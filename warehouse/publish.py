"""Publish a built warehouse for BI tools and ad-hoc readers, so that they never hold the lock of
the file dbt writes (DuckDB allows one writer per file, and a writer cannot start while anyone
else has the file open):

    publish/<name>/marts/<table>.parquet   every table of the `marts` schema, via DuckDB COPY
    publish/<name>/<name>.duckdb           a copy of the whole warehouse file
    publish/<name>/manifest.json           when, from what, and the row count of every published mart

    python -m warehouse.publish [--db FILE] [--out DIR]

<name> is the warehouse file's stem (`warehouse` for warehouse.duckdb): each warehouse has a
publication folder of its own, so a build of another corpus into another file never moves the
files a BI tool reads (publish/warehouse/warehouse.duckdb stays where it is).

The source is opened read-only, which fails while a build is writing it and keeps a build from
starting while the copy is made. The file is copied as it is on disk when DuckDB has checkpointed
it (no write-ahead log left, the normal state after dbt exits); if a WAL is left over, the copy is
made with `ATTACH` + `COPY FROM DATABASE` instead, which reads the committed state including the
WAL. The copy keeps the source's file name because views store the catalog (file stem) they
refer to. Everything is written to a temporary folder next to --out, checked, and then swapped
into place with one rename, so a reader sees the whole previous publication or the whole new one."""

from __future__ import annotations

import argparse
import ctypes
import datetime as dt
import errno
import json
import os
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

import duckdb

from ingest.db import STORAGE_VERSION
from warehouse import buildstate

_RENAME_EXCHANGE = 2  # linux/fs.h
SOURCE = "warehouse_source"  # the source's alias in the publishing session


@dataclass(frozen=True)
class Publication:
    out: Path
    warehouse: Path
    tables: dict[str, int]
    method: str


def _literal(path: Path) -> str:
    """A path as a SQL string literal (COPY and ATTACH take no parameters)."""
    return "'" + str(path).replace("'", "''") + "'"


def _ident(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _exchange(a: Path, b: Path) -> bool:
    """Atomically swap two paths (Linux renameat2 RENAME_EXCHANGE); False where unsupported."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except AttributeError:  # glibc < 2.28
        return False
    at_fdcwd = -100
    if renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), _RENAME_EXCHANGE) == 0:
        return True
    err = ctypes.get_errno()
    if err in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP):  # kernel or file system without it
        return False
    raise OSError(err, os.strerror(err), str(b))


def swap_into_place(staged: Path, out: Path) -> None:
    """Make `staged` the folder at `out`; what was there is removed afterwards."""
    if not out.exists():
        staged.rename(out)
        return
    if _exchange(staged, out):
        shutil.rmtree(staged)  # now holds the previous publication
        return
    # No atomic exchange here: move the old folder aside, then the new one in (a brief gap).
    old = out.with_name(f".{out.name}.old-{os.getpid()}")
    out.rename(old)
    staged.rename(out)
    shutil.rmtree(old)


def _copy_warehouse(con: duckdb.DuckDBPyConnection, db: Path, dest: Path) -> str:
    wal = db.with_name(db.name + ".wal")
    if not (wal.exists() and wal.stat().st_size > 0):
        shutil.copyfile(db, dest)  # the read-only attachment keeps writers out meanwhile
        return "file copy"
    con.execute(f"attach {_literal(dest)} as published_copy (storage_version '{STORAGE_VERSION}')")
    try:
        con.execute(f"copy from database {SOURCE} to published_copy")
    finally:
        con.execute("detach published_copy")
    return "copy from database"


def _check(warehouse: Path, parquet_dir: Path, tables: dict[str, int]) -> None:
    """Open what was written the way readers will, and compare row counts with the source."""
    with duckdb.connect(str(warehouse), read_only=True) as con:
        for table, n in tables.items():
            (copied,) = con.execute(f"select count(*) from marts.{_ident(table)}").fetchone()
            (parquet,) = con.execute(
                f"select count(*) from read_parquet({_literal(parquet_dir / (table + '.parquet'))})").fetchone()
            if copied != n or parquet != n:
                raise RuntimeError(f"marts.{table}: {n} rows in the source, {copied} in the copy, {parquet} in Parquet")


def publish(db: Path, out: Path) -> Publication:
    """Publish the marts of `db` as Parquet and the warehouse as a copy, into `out`, atomically."""
    db, out = db.resolve(), out.resolve()
    buildstate.require_finished(db)  # a publication only ever comes from a finished build
    out.parent.mkdir(parents=True, exist_ok=True)
    staged = out.with_name(f".{out.name}.tmp-{os.getpid()}")
    shutil.rmtree(staged, ignore_errors=True)
    (staged / "marts").mkdir(parents=True)
    try:
        with duckdb.connect() as con:
            con.execute(f"attach {_literal(db)} as {SOURCE} (read_only)")
            tables = [name for (name,) in con.execute(
                "select table_name from duckdb_tables() where database_name = ? and schema_name = 'marts' "
                "order by table_name", [SOURCE]).fetchall()]
            counts: dict[str, int] = {}
            for table in tables:
                relation = f"{SOURCE}.marts.{_ident(table)}"
                target = staged / "marts" / f"{table}.parquet"
                con.execute(f"copy (select * from {relation}) to {_literal(target)} (format parquet, compression zstd)")
                counts[table] = con.execute(f"select count(*) from {relation}").fetchone()[0]
            method = _copy_warehouse(con, db, staged / db.name)
        _check(staged / db.name, staged / "marts", counts)
        manifest = {
            "published_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
            "source": str(db),
            "warehouse": db.name,
            "warehouse_method": method,
            "marts": counts,
        }
        (staged / "manifest.json").write_text(json.dumps(manifest, indent=2) + "\n")
        swap_into_place(staged, out)
    finally:
        shutil.rmtree(staged, ignore_errors=True)
    return Publication(out=out, warehouse=out / db.name, tables=counts, method=method)


def default_out(db: Path) -> Path:
    """publish/<stem>: a stable folder per warehouse file, whatever was built last."""
    return Path("publish") / db.stem


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m warehouse.publish", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", type=Path, default=Path(os.environ.get("WAREHOUSE_PATH", "warehouse.duckdb")),
                        help="DuckDB file to publish (default: $WAREHOUSE_PATH or warehouse.duckdb)")
    parser.add_argument("--out", type=Path, default=None,
                        help="publication folder (default: publish/<stem of --db>, one folder per warehouse)")
    args = parser.parse_args(argv)
    if args.out is None:
        args.out = default_out(args.db)
    if not args.db.exists():
        print(f"cannot open {args.db}: no such file", file=sys.stderr)
        return 2
    try:
        result = publish(args.db, args.out)
    except duckdb.Error as exc:
        print(f"cannot publish {args.db}: {exc}", file=sys.stderr)
        return 2
    except buildstate.BuildUnfinished as exc:
        print(f"not published: {exc}", file=sys.stderr)
        return 3
    print(f"published {len(result.tables)} marts to {result.out / 'marts'} and the warehouse to "
          f"{result.warehouse} ({result.method})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
