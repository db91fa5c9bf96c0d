"""What the warehouse already holds, as a run sees it: the committed rows plus the run's own inserts.

Committed rows are looked up through a second connection, which sees only the committed snapshot.
Asking the run's own connection would also scan the rows this run inserted, which DuckDB keeps in
transaction-local storage (spilled to disk once large): every batch would be slower than the one
before, quadratic over a big corpus. The run's own inserts are remembered here instead, compactly:
a 32-byte digest per article and the last version per (story_id, source_file).
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


class Known:
    def __init__(self, con: duckdb.DuckDBPyConnection) -> None:
        self._snapshot = con.cursor()
        self._committed_rows = _has_rows(self._snapshot)
        self._run_digests: set[bytes] = set()
        self._run_versions: dict[tuple[str, str], int] = {}

    def close(self) -> None:
        self._snapshot.close()

    def committed(self, article_ids: list[str]) -> dict[str, StoredArticle]:
        """The ids among article_ids stored before this run."""
        if not self._committed_rows:
            return {}
        rows = self._query(
            "select a.article_id, a.story_id, a.source_file, a.detector_version, a.sidecar::varchar "
            "from raw.articles as a semi join batch as b on a.article_id = b.article_id",
            pa.table({"article_id": article_ids}),
        )
        return {row[0]: StoredArticle(*row[1:]) for row in rows}

    def inserted_by_this_run(self, article_id: str) -> bool:
        return bytes.fromhex(article_id) in self._run_digests

    def add(self, article_ids: list[str], keys: list[tuple[str, str]]) -> list[int]:
        """Remember new texts and return the version each one gets under its (story_id, source_file)."""
        unknown = {key for key in keys if key not in self._run_versions}
        latest = self._latest_committed_versions(unknown) if unknown and self._committed_rows else {}
        versions = []
        for article_id, key in zip(article_ids, keys, strict=True):
            version = self._run_versions.get(key, latest.get(key, 0)) + 1
            self._run_versions[key] = version
            self._run_digests.add(bytes.fromhex(article_id))
            versions.append(version)
        return versions

    def _latest_committed_versions(self, keys: set[tuple[str, str]]) -> dict[tuple[str, str], int]:
        stories, sources = zip(*keys, strict=True)
        rows = self._query(
            "select a.story_id, a.source_file, max(a.version) from raw.articles as a "
            "semi join batch as k on a.story_id = k.story_id and a.source_file = k.source_file "
            "group by a.story_id, a.source_file",
            pa.table({"story_id": list(stories), "source_file": list(sources)}),
        )
        return {(row[0], row[1]): row[2] for row in rows}

    def _query(self, sql: str, batch: pa.Table) -> list[tuple[object, ...]]:
        self._snapshot.register("batch", batch)
        try:
            return self._snapshot.execute(sql).fetchall()
        finally:
            self._snapshot.unregister("batch")


def _has_rows(snapshot: duckdb.DuckDBPyConnection) -> bool:
    (exists,) = snapshot.execute(
        "select count(*) > 0 from duckdb_tables() where schema_name = 'raw' and table_name = 'articles'"
    ).fetchone() or (False,)
    if not exists:
        return False
    (has_rows,) = snapshot.execute("select exists (select 1 from raw.articles)").fetchone() or (False,)
    return bool(has_rows)
