"""Load articles into raw.articles in one transaction, in batches, with a ledger and a quarantine.

A run either commits completely (articles, rejections and its raw.ingest_runs row) or leaves the
database exactly as it was. Inputs stream through in batches of a few thousand files (or 64 MB of
text), each inserted as one Arrow table. Memory: Python holds one batch plus about 100 bytes per
new article (see known.py); DuckDB holds the uncommitted rows up to its memory limit and spills
the rest to disk (see db.py), so a million-article run fits in about 1.5 GB.

Identity and versions: an article is (story_id, source_file) (see discover.py); article_id is the
SHA-256 of the text as UTF-8, so the same text is stored once however often, and under however
many names, it is ingested. A file's current version is the text it holds now: a text it did not
hold at its latest version gets the next version (raw.article_versions), stored as a new row when
new (loaded) or, when the file held it before (A -> B -> A), by giving its stored row the new
version (reverted). Earlier versions stay. Every text read is recorded in raw.article_sightings
(article, identity, path, run), so copies under other names are known. When a known text is seen
again under its own identity and its detector_version or sidecar differ, its detected columns are
recomputed in place (counted as refreshed; raw_text is never rewritten).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import os
import stat
import sys
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import pyarrow as pa
from tqdm import tqdm

from ingest.db import connect, create_schema, resolve_db, write_failure
from ingest.decode import Undecodable, decode
from ingest.detect import DETECTOR_VERSION, detect
from ingest.discover import (
    JsonlArticle,
    Meta,
    Rejection,
    TextFile,
    check_paths_exist,
    count_inputs,
    iter_inputs,
    nonblocking_opener,
    os_reason,
    special_file_reason,
)
from ingest.html import extract_text, looks_like_html
from ingest.known import Known, StoredArticle
from ingest.language import detect_language

DEFAULT_MAX_BYTES = 5 * 1024 * 1024
BATCH_FILES = 2000
BATCH_TEXT_BYTES = 64 * 1024 * 1024
# Below this many articles a progress bar is noise.
PROGRESS_MIN_FILES = 300
# The summary keeps this many rejections for printing; all of them are in raw.rejected_files.
LISTED_REJECTIONS = 200

_IDENTITY_COLUMNS = (
    "article_id", "story_id", "source_file", "source_path", "version", "byte_size", "encoding", "source_html",
)  # fmt: skip
_DETECTED_COLUMNS = (
    "outlet", "outlet_basis", "published_date", "published_date_basis", "url", "title",
    "dateline", "body_start", "body_end", "language", "detector_version", "sidecar",
)  # fmt: skip
_ARTICLE_SCHEMA = pa.schema(
    [
        ("article_id", pa.string()),
        ("story_id", pa.string()),
        ("source_file", pa.string()),
        ("source_path", pa.string()),
        ("version", pa.int32()),
        ("raw_text", pa.large_string()),
        ("byte_size", pa.int64()),
        ("encoding", pa.string()),
        ("source_html", pa.large_string()),
        ("sidecar", pa.string()),
        ("outlet", pa.string()),
        ("outlet_basis", pa.string()),
        ("published_date", pa.date32()),
        ("published_date_basis", pa.string()),
        ("url", pa.string()),
        ("title", pa.string()),
        ("dateline", pa.string()),
        ("body_start", pa.int32()),
        ("body_end", pa.int32()),
        ("language", pa.string()),
        ("detector_version", pa.string()),
        ("run_id", pa.string()),
        ("ingested_at", pa.timestamp("us")),
    ]
)
_UPDATE_SCHEMA = pa.schema(
    [_ARTICLE_SCHEMA.field("article_id")] + [_ARTICLE_SCHEMA.field(c) for c in _DETECTED_COLUMNS]
)
_REJECTION_SCHEMA = pa.schema(
    [
        ("run_id", pa.string()),
        ("path", pa.string()),
        ("line", pa.int32()),
        ("reason", pa.string()),
        ("byte_size", pa.int64()),
        ("rejected_at", pa.timestamp("us")),
    ]
)


@dataclass
class RunSummary:
    """What one run did. seen = loaded + reverted + unchanged + rejected (a rejected sidecar row counts as seen)."""

    run_id: str
    db: Path
    seen: int = 0
    loaded: int = 0
    unchanged: int = 0
    refreshed: int = 0  # unchanged articles whose detected columns were recomputed
    reverted: int = 0  # files holding a text they held before: that text is current again
    rejected: int = 0
    rejections: list[Rejection] = field(default_factory=list)  # the first LISTED_REJECTIONS


@dataclass(frozen=True)
class _Article:
    article_id: str
    story_id: str
    source_file: str
    source_path: str
    text: str
    utf8: bytes  # the text encoded as UTF-8: what is hashed, and what Arrow stores without re-encoding
    byte_size: int  # of the source: the file, or the jsonl text
    encoding: str
    meta: Meta | None
    source_html: str | None = None  # the page, when text was extracted from HTML


def ingest_paths(
    paths: Sequence[str | os.PathLike[str]],
    db: str | os.PathLike[str] | None = None,
    story: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    progress: bool = True,
    batch_size: int = BATCH_FILES,
) -> RunSummary:
    """Ingest .txt files, directories and .jsonl files into the warehouse; all or nothing.

    Raises ingest.db.DatabaseLocked when another process holds the file, WarehouseUnavailable when
    it cannot be opened; any other failure rolls the whole run back and propagates.
    """
    paths = list(paths)  # walked twice (counted for the progress bar, then read) and recorded
    check_paths_exist(paths)
    db_path = resolve_db(db)
    started = _now()
    summary = RunSummary(run_id=f"{started:%Y%m%dT%H%M%S}-{uuid.uuid4().hex[:8]}", db=db_path)
    con = connect(db_path)
    try:
        total = count_inputs(paths) if progress else 0
        with tqdm(total=total, unit="file", file=sys.stderr, disable=total <= PROGRESS_MIN_FILES) as bar:
            known = Known(con)
            con.begin()
            try:
                create_schema(con)
                _run(con, known, summary, paths, story, max_bytes, batch_size, bar)
                _record_run(con, summary, paths, story, started)
                con.commit()
            except BaseException as exc:
                _rollback(con)
                failure = write_failure(db_path, exc)
                if failure is not None:
                    raise failure from exc
                raise
            finally:
                known.close()
    finally:
        con.close()
    return summary


def _rollback(con: duckdb.DuckDBPyConnection) -> None:
    # After a failed write DuckDB may already have ended (or invalidated) the transaction; a
    # second error from the rollback would hide the first, which is the one that says why.
    with contextlib.suppress(duckdb.Error):
        con.rollback()


def _run(
    con: duckdb.DuckDBPyConnection,
    known: Known,
    summary: RunSummary,
    paths: Iterable[str | os.PathLike[str]],
    story: str | None,
    max_bytes: int,
    batch_size: int,
    bar: tqdm,
) -> None:
    articles: list[_Article] = []
    text_bytes = 0
    rejections: list[Rejection] = []
    for item in iter_inputs(paths, story, max_bytes):
        prepared = _prepare(item, max_bytes)
        summary.seen += 1
        if isinstance(prepared, Rejection):
            rejections.append(prepared)
            if len(rejections) >= batch_size:
                _store_rejections(con, summary, rejections)
                rejections = []
        else:
            articles.append(prepared)
            text_bytes += prepared.byte_size
            if len(articles) >= batch_size or text_bytes >= BATCH_TEXT_BYTES:
                _store_articles(con, known, summary, articles)
                articles, text_bytes = [], 0
        bar.update(1)
    _store_articles(con, known, summary, articles)
    _store_rejections(con, summary, rejections)


def _prepare(item: TextFile | JsonlArticle | Rejection, max_bytes: int) -> _Article | Rejection:
    """Read, decode and hash one input."""
    if isinstance(item, Rejection):
        return item
    if isinstance(item, JsonlArticle):
        if looks_like_html(item.text):
            return _from_html(item.path, item.story, item.source_file, item.text, len(item.data), "utf-8", item.meta)
        digest = hashlib.sha256(item.data).hexdigest()
        return _Article(
            digest, item.story, item.source_file, item.path, item.text, item.data, len(item.data), "utf-8", item.meta
        )
    path = item.path
    try:
        with open(item.path, "rb", opener=nonblocking_opener) as handle:
            status = os.fstat(handle.fileno())
            if not stat.S_ISREG(status.st_mode):
                return Rejection(path, special_file_reason(status.st_mode))
            size = status.st_size
            if size > max_bytes:
                return Rejection(
                    path, f"The file is {size:,} bytes, over the limit of {max_bytes:,} bytes (--max-bytes).", size=size
                )
            data = handle.read()
    except OSError as exc:
        return Rejection(path, os_reason(exc, "file could not be read"))
    try:
        decoded = decode(data, item.meta.encoding if item.meta else None)
    except Undecodable as exc:
        return Rejection(path, str(exc), size=len(data))
    if looks_like_html(decoded.text):
        return _from_html(path, item.story, item.source_file, decoded.text, len(data), decoded.encoding, item.meta)
    # Plain UTF-8 bytes are already the UTF-8 encoding of the text: skip re-encoding them.
    utf8 = data if decoded.encoding == "utf-8" else decoded.text.encode("utf-8")
    digest = hashlib.sha256(utf8).hexdigest()
    return _Article(
        digest, item.story, item.source_file, path, decoded.text, utf8, len(data), decoded.encoding, item.meta
    )


def _from_html(
    path: str, story: str, source_file: str, html: str, size: int, encoding: str, meta: Meta | None
) -> _Article | Rejection:
    """An article whose stored text is the text extracted from its HTML; the page is kept beside it."""
    text = extract_text(html)
    if text is None:
        return Rejection(path, "The file is an HTML page with no article text that could be extracted.", size=size)
    utf8 = text.encode("utf-8")
    digest = hashlib.sha256(utf8).hexdigest()
    return _Article(digest, story, source_file, path, text, utf8, size, encoding, meta, html)


def _store_articles(con: duckdb.DuckDBPyConnection, known: Known, summary: RunSummary, batch: list[_Article]) -> None:
    """Store a batch: new texts, versions of the files that changed, and every sighting."""
    if not batch:
        return
    known.load_current({(a.story_id, a.source_file) for a in batch})
    stored = known.committed(list({a.article_id for a in batch if known.inserted_key(a.article_id) is None}))
    new: dict[str, tuple[_Article, int]] = {}  # texts first stored by this batch, with their version
    bumped: dict[str, int] = {}  # stored texts a file holds again (A -> B -> A): their new version
    refresh: dict[str, _Article] = {}
    versions: list[tuple[str, str, int, str]] = []
    for article in batch:
        key = (article.story_id, article.source_file)
        stored_as = stored.get(article.article_id)
        if stored_as and _needs_refresh(article, stored_as):
            refresh[article.article_id] = article
        latest, current = known.current(key)
        if current == article.article_id:
            summary.unchanged += 1
            continue
        version = latest + 1
        known.set_current(key, version, article.article_id)
        versions.append((article.story_id, article.source_file, version, article.article_id))
        owner = (stored_as.story_id, stored_as.source_file) if stored_as else known.inserted_key(article.article_id)
        if owner is None:
            new[article.article_id] = (article, version)
            known.mark_inserted(article.article_id, key)
            summary.loaded += 1
        elif owner == key:
            # The file holds a text it held before: that text is current again, under a new version.
            if article.article_id in new:
                new[article.article_id] = (new[article.article_id][0], version)
            else:
                bumped[article.article_id] = version
            summary.reverted += 1
        else:
            # The text is stored under another file's name: this copy is known by its sighting.
            summary.unchanged += 1
    if new:
        _insert_articles(con, _new_rows(summary.run_id, [a for a, _ in new.values()], [v for _, v in new.values()]))
    if bumped:
        _bump_versions(con, pa.table({"article_id": list(bumped), "version": pa.array(bumped.values(), pa.int32())}))
    if refresh:
        columns = zip(*((a.article_id, *_detected(a)) for a in refresh.values()), strict=True)
        arrays = [pa.array(values, type=f.type) for values, f in zip(columns, _UPDATE_SCHEMA, strict=True)]
        _update_detected(con, pa.Table.from_arrays(arrays, schema=_UPDATE_SCHEMA))
    _record_versions(con, summary.run_id, versions)
    _record_sightings(con, summary.run_id, batch)
    summary.refreshed += len(refresh)


def _new_rows(run_id: str, new: list[_Article], versions: list[int]) -> pa.Table:
    rows = [
        (
            article.article_id, article.story_id, article.source_file, article.source_path, version,
            article.byte_size, article.encoding, article.source_html, *_detected(article),
        )
        for article, version in zip(new, versions, strict=True)
    ]  # fmt: skip
    names = (*_IDENTITY_COLUMNS, *_DETECTED_COLUMNS)
    arrays = {
        name: pa.array(values, type=_ARTICLE_SCHEMA.field(name).type)
        for name, values in zip(names, zip(*rows, strict=True), strict=True)
    }
    # From the UTF-8 bytes: Arrow validates them in C++ instead of encoding every str again.
    arrays["raw_text"] = pa.array([a.utf8 for a in new], type=pa.large_binary()).cast(pa.large_string())
    arrays["run_id"] = pa.array([run_id] * len(new), type=pa.string())
    arrays["ingested_at"] = pa.array([_now()] * len(new), type=pa.timestamp("us"))
    return pa.Table.from_arrays([arrays[name] for name in _ARTICLE_SCHEMA.names], schema=_ARTICLE_SCHEMA)


def _needs_refresh(article: _Article, stored: StoredArticle) -> bool:
    if (stored.story_id, stored.source_file) != (article.story_id, article.source_file):
        # The same text under another name: the stored row belongs to its first source and keeps its metadata.
        return False
    fields = dict(article.meta.fields) if article.meta else None
    return (
        stored.detector_version != DETECTOR_VERSION
        or (json.loads(stored.sidecar) if stored.sidecar else None) != fields
    )


def _detected(article: _Article) -> tuple[object, ...]:
    """_DETECTED_COLUMNS: sidecar values where given (basis 'sidecar'), detection for the rest."""
    meta = article.meta
    found = detect(article.text, meta.title if meta else None)
    outlet, outlet_basis = found.outlet, found.outlet_basis
    published_date, published_date_basis = found.published_date, found.published_date_basis
    if meta and meta.outlet:
        outlet, outlet_basis = meta.outlet, "sidecar"
    if meta and meta.published_date:
        published_date, published_date_basis = meta.published_date, "sidecar"
    return (
        outlet,
        outlet_basis,
        published_date,
        published_date_basis,
        meta.url if meta else None,
        (meta.title if meta else None) or found.title,
        found.dateline,
        found.body_start,
        found.body_end,
        detect_language(article.text[found.body_start : found.body_end]),
        DETECTOR_VERSION,
        json.dumps(dict(meta.fields), ensure_ascii=False) if meta else None,
    )


# The batch tables below are read by DuckDB through their Python names (replacement scans), not
# con.register: a registered view dropped inside a transaction stays alive, with its Arrow buffers,
# until the transaction ends, so a run would hold every batch it ever inserted.


def _insert_articles(con: duckdb.DuckDBPyConnection, batch: pa.Table) -> None:
    columns = ", ".join(batch.column_names)
    con.execute(f"insert into raw.articles ({columns}) select {columns} from batch")


def _update_detected(con: duckdb.DuckDBPyConnection, updates: pa.Table) -> None:
    assignments = ", ".join(f"{c} = u.{c}" for c in _DETECTED_COLUMNS)
    con.execute(f"update raw.articles as a set {assignments} from updates as u where a.article_id = u.article_id")


def _bump_versions(con: duckdb.DuckDBPyConnection, bumps: pa.Table) -> None:
    con.execute("update raw.articles as a set version = b.version from bumps as b where a.article_id = b.article_id")


def _record_versions(con: duckdb.DuckDBPyConnection, run_id: str, rows: list[tuple[str, str, int, str]]) -> None:
    if not rows:
        return
    stories, sources, numbers, ids = zip(*rows, strict=True)
    versions = pa.table(  # noqa: F841 - read by the SQL below through its name
        {
            "story_id": pa.array(stories, pa.string()),
            "source_file": pa.array(sources, pa.string()),
            "version": pa.array(numbers, pa.int32()),
            "article_id": pa.array(ids, pa.string()),
            "run_id": pa.array([run_id] * len(rows), pa.string()),
        }
    )
    con.execute(
        "insert into raw.article_versions (story_id, source_file, version, article_id, run_id) "
        "select story_id, source_file, version, article_id, run_id from versions"
    )


def _record_sightings(con: duckdb.DuckDBPyConnection, run_id: str, batch: list[_Article]) -> None:
    sightings = pa.table(  # noqa: F841 - read by the SQL below through its name
        {
            "article_id": pa.array([a.article_id for a in batch], pa.string()),
            "story_id": pa.array([a.story_id for a in batch], pa.string()),
            "source_file": pa.array([a.source_file for a in batch], pa.string()),
            "source_path": pa.array([a.source_path for a in batch], pa.string()),
            "run_id": pa.array([run_id] * len(batch), pa.string()),
        }
    )
    con.execute(
        "insert into raw.article_sightings (article_id, story_id, source_file, source_path, run_id) "
        "select article_id, story_id, source_file, source_path, run_id from sightings"
    )


def _store_rejections(con: duckdb.DuckDBPyConnection, summary: RunSummary, batch: list[Rejection]) -> None:
    if not batch:
        return
    room = LISTED_REJECTIONS - len(summary.rejections)
    summary.rejections.extend(batch[: max(room, 0)])
    summary.rejected += len(batch)
    now = _now()
    rejections = pa.table(
        {
            "run_id": [summary.run_id] * len(batch),
            "path": [r.path for r in batch],
            "line": [r.line for r in batch],
            "reason": [r.reason for r in batch],
            "byte_size": [r.size for r in batch],
            "rejected_at": [now] * len(batch),
        },
        schema=_REJECTION_SCHEMA,
    )
    columns = ", ".join(rejections.column_names)
    con.execute(f"insert into raw.rejected_files ({columns}) select {columns} from rejections")


def _record_run(
    con: duckdb.DuckDBPyConnection,
    summary: RunSummary,
    paths: Iterable[str | os.PathLike[str]],
    story: str | None,
    started: dt.datetime,
) -> None:
    con.execute(
        "insert into raw.ingest_runs (run_id, started_at, finished_at, inputs, story_override, files_seen, loaded, "
        "unchanged, rejected) values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            summary.run_id,
            started,
            _now(),
            [str(Path(p).absolute()) for p in paths],
            story,
            summary.seen,
            summary.loaded,
            summary.unchanged,
            summary.rejected,
        ],
    )


def _now() -> dt.datetime:
    # Timestamps are stored as naive UTC: the columns are `timestamp`, and UTC keeps runs comparable across machines.
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)
