"""What the warehouse already holds, as a run sees it: the committed rows plus the run's own inserts.

Committed rows are looked up through a second connection, which sees only the committed snapshot.
Asking the run's own connection would also scan the rows this run inserted, which DuckDB keeps in
transaction-local storage (spilled to disk once large): every batch would be slower than the one
before, quadratic over a big corpus. The run's own inserts are remembered here instead, compactly:
a 32-byte digest per article, and per (story_id, source_file) its latest version and the digest of
the text it holds now.
"""

from __future__ import annotations

from dataclasses import dataclass

import duckdb
import pyarrow as pa


@dataclass(frozen=True)
class StoredArticle:
    story_id: str
    source_file: str
    detector_version: str
    sidecar: str | None  # JSON text


Key = tuple[str, str]  # (story_id, source_file): an article's identity


class Known:
    def __init__(self, con: duckdb.DuckDBPyConnection) -> None:
        self._snapshot = con.cursor()
        self._committed_rows = _has_rows(self._snapshot, "articles")
        # Warehouses written before raw.article_versions existed: their newest row per key is current.
        has_versions = _has_rows(self._snapshot, "article_versions")
        self._versions_table = "raw.article_versions" if has_versions else "raw.articles"
        self._run_digests: dict[bytes, Key] = {}  # texts this run inserted, and under which key
        self._current: dict[Key, tuple[int, bytes | None]] = {}  # key -> (latest version, its text's digest)

    def close(self) -> None:
        self._snapshot.close()

    def committed(self, article_ids: list[str]) -> dict[str, StoredArticle]:
        """The ids among article_ids stored before this run."""
        if not self._committed_rows or not article_ids:
            return {}
        rows = self._query(
            "select a.article_id, a.story_id, a.source_file, a.detector_version, a.sidecar::varchar "
            "from raw.articles as a semi join batch as b on a.article_id = b.article_id",
            pa.table({"article_id": article_ids}),
        )
        return {row[0]: StoredArticle(*row[1:]) for row in rows}

    def inserted_key(self, article_id: str) -> Key | None:
        """The key this run stored the text under, None when this run did not store it."""
        return self._run_digests.get(bytes.fromhex(article_id))

    def mark_inserted(self, article_id: str, key: Key) -> None:
        self._run_digests[bytes.fromhex(article_id)] = key

    def load_current(self, keys: set[Key]) -> None:
        """Look up the current version of the keys this run has not met yet (one query per batch)."""
        unknown = [key for key in keys if key not in self._current]
        latest = self._latest_committed(unknown) if unknown and self._committed_rows else {}
        for key in unknown:
            self._current[key] = latest.get(key, (0, None))

    def current(self, key: Key) -> tuple[int, str | None]:
        """(latest version, article_id of the text the file holds now) of a key passed to load_current."""
        version, digest = self._current[key]
        return version, digest.hex() if digest else None

    def set_current(self, key: Key, version: int, article_id: str) -> None:
        self._current[key] = (version, bytes.fromhex(article_id))

    def _latest_committed(self, keys: list[Key]) -> dict[Key, tuple[int, bytes]]:
        stories, sources = zip(*keys, strict=True)
        rows = self._query(
            f"select v.story_id, v.source_file, v.version, v.article_id from {self._versions_table} as v "
            "semi join batch as k on v.story_id = k.story_id and v.source_file = k.source_file "
            "qualify row_number() over (partition by v.story_id, v.source_file order by v.version desc) = 1",
            pa.table({"story_id": list(stories), "source_file": list(sources)}),
        )
        return {(row[0], row[1]): (row[2], bytes.fromhex(row[3])) for row in rows}

    def _query(self, sql: str, batch: pa.Table) -> list[tuple[object, ...]]:
        self._snapshot.register("batch", batch)
        try:
            return self._snapshot.execute(sql).fetchall()
        finally:
            self._snapshot.unregister("batch")


def _has_rows(snapshot: duckdb.DuckDBPyConnection, table: str) -> bool:
    # fetchall, not fetchone: DuckDB 2.0 keeps a result fetched short of its end open, and the
    # connection then refuses register() until it is closed.
    ((exists,),) = snapshot.execute(
        "select count(*) > 0 from duckdb_tables() where schema_name = 'raw' and table_name = ?", [table]
    ).fetchall()
    if not exists:
        return False
    ((has_rows,),) = snapshot.execute(f"select exists (select 1 from raw.{table})").fetchall()
    return bool(has_rows)
