"""Walk the inputs: .txt files (with metadata.csv sidecars) and .jsonl files, lazily, in a stable order.

Yields TextFile (a file still to read), JsonlArticle (an article already parsed from a line) or
Rejection (a path or line that cannot be ingested, with the reason). Nothing here touches the
database, and nothing is read ahead: a corpus of a million files streams through in constant
memory, except for the rows of a sidecar, which are held until their files are reached.

Identity: an article is (story, source_file), and it does not depend on the folder ingest was
started from. Story: --story, else a jsonl line's `story`, else the name of the directory holding
the file (its story folder). source_file: the path relative to the story folder, i.e. the file's
name; with --story, the path relative to the directory argument (the story's root as the user
gave it). For jsonl lines `<that path>:<id>` or `<that path>:<1-based line number>`.

Only regular files (or links to them) are opened: FIFOs, sockets and devices inside a directory
are rejected with a reason, never opened, since reading a FIFO blocks until someone writes to it.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
import re
import stat
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

from ingest.decode import codec_name

SIDECAR_NAME = "metadata.csv"
_ISO_DATE_RE = re.compile(r"(\d{4}-\d{2}-\d{2})(?:[T ][0-9:.]+(?:Z|[+-]\d{2}:?\d{2})?)?")
_METADATA_TEXT_FIELDS = ("outlet", "url", "title")


@dataclass(frozen=True)
class Meta:
    """Validated metadata for one article, from a sidecar row or a jsonl line."""

    outlet: str | None
    published_date: dt.date | None
    url: str | None
    title: str | None
    encoding: str | None
    fields: Mapping[str, object]  # the whole row, stored as JSON in raw.articles.sidecar


@dataclass(frozen=True)
class Rejection:
    path: str
    reason: str
    line: int | None = None
    size: int | None = None


@dataclass(frozen=True)
class TextFile:
    path: str
    source_file: str
    story: str
    meta: Meta | None


@dataclass(frozen=True)
class JsonlArticle:
    path: str
    source_file: str
    story: str
    text: str
    data: bytes  # the text encoded as UTF-8, which is what gets hashed
    meta: Meta


Item = TextFile | JsonlArticle | Rejection


class _Line(NamedTuple):
    text: str
    data: bytes
    key: str
    story: str | None
    meta: Meta
    dropped: list[str]  # metadata fields dropped, completing "Line N ..."


class InputNotFound(FileNotFoundError):
    """A path given on the command line does not exist; nothing is ingested."""


class MetadataError(ValueError):
    """A metadata value is unusable; str(exc) completes the sentence "Line N ..."."""


def check_paths_exist(paths: Iterable[str | os.PathLike[str]]) -> None:
    """Raise InputNotFound for the first given path that does not exist (a broken link included)."""
    for given in paths:
        if not os.path.exists(given):
            what = "is a broken symbolic link" if os.path.islink(given) else "does not exist"
            raise InputNotFound(f"The path {os.path.abspath(given)} {what}; nothing was ingested.")


def iter_inputs(paths: Iterable[str | os.PathLike[str]], story: str | None, max_bytes: int) -> Iterator[Item]:
    for given in paths:
        path = Path(os.path.normpath(Path(given).absolute()))
        if path.is_dir():
            yield from _directory(path, story, max_bytes)
        elif path.is_file():
            yield from _single_file(path, story, max_bytes)
        elif path.exists() or path.is_symlink():
            yield Rejection(str(path), _missing_reason(path))
        else:
            yield Rejection(str(path), "The path does not exist.")


def count_inputs(paths: Iterable[str | os.PathLike[str]]) -> int:
    """How many articles the inputs hold, roughly (jsonl lines are counted by newlines); for progress."""
    total = 0
    for given in paths:
        path = os.path.abspath(given)
        files = (os.path.join(d, n) for d, n, _ in _walk(path, [])) if os.path.isdir(path) else [path]
        for file in files:
            kind = _kind(file)
            if kind == "txt":
                total += 1
            elif kind == "jsonl":
                total += _count_newlines(file)
    return total


def parse_meta(fields: Mapping[str, object]) -> tuple[Meta, list[str]]:
    """Validate the known metadata fields; every field is kept for the sidecar column.

    A published_date that is not a date is dropped, not fatal: the article loads without it, and
    the second value says so (sentences completing "Line N ..."), the same for sidecars and jsonl."""
    values: dict[str, str | None] = {}
    dropped: list[str] = []
    for name in (*_METADATA_TEXT_FIELDS, "published_date", "encoding"):
        value = fields.get(name)
        if value is not None and not isinstance(value, str):
            raise MetadataError(f"has a '{name}' that is not a string.")
        values[name] = (value.strip() or None) if isinstance(value, str) else None
    published = values["published_date"]
    date = None
    if published is not None:
        match = _ISO_DATE_RE.fullmatch(published)
        try:
            date = dt.date.fromisoformat(match[1]) if match else None
        except ValueError:
            date = None
        if date is None:
            dropped.append(
                f"has a published_date {published!r} that is not an ISO date (YYYY-MM-DD): the date was dropped "
                "and the article loaded without it."
            )
    encoding = values["encoding"]
    if encoding is not None and codec_name(encoding) is None:
        raise MetadataError(f"names an unknown encoding {encoding!r}.")
    return Meta(values["outlet"], date, values["url"], values["title"], encoding, dict(fields)), dropped


def _kind(name: str) -> str | None:
    suffix = os.path.splitext(name)[1].lower()
    # A saved web page is an article like a .txt file; ingest extracts its text (see html.py).
    return {".txt": "txt", ".html": "txt", ".htm": "txt", ".jsonl": "jsonl"}.get(suffix)


def _walk(root: str, errors: list[OSError]) -> Iterator[tuple[str, str, bool]]:
    """(directory, file name, is regular) under root, sorted, skipping hidden entries; listing errors go to errors.

    is regular is False for FIFOs, sockets and devices, which must never be opened."""
    # Plain strings and scandir rather than Path objects and stat calls: the file type comes with
    # the directory listing, and pathlib costs seconds per hundred thousand files.
    stack = [root]
    while stack:
        here = stack.pop()
        try:
            with os.scandir(here) as listing:
                entries = [e for e in listing if not e.name.startswith(".")]
        except OSError as exc:
            errors.append(exc)
            continue
        files: list[tuple[str, bool]] = []
        subdirs: list[str] = []
        for entry in entries:
            try:
                if entry.is_dir(follow_symlinks=False):
                    subdirs.append(entry.name)
                elif entry.is_file():
                    files.append((entry.name, True))
                elif not entry.is_symlink() or os.path.exists(entry.path):
                    files.append((entry.name, False))
                else:
                    files.append((entry.name, True))  # a broken link: reading it says so
            except OSError as exc:
                errors.append(exc)
        # A directory's sidecar comes before its files, which need its rows.
        for name, regular in sorted(files, key=lambda item: (item[0] != SIDECAR_NAME, item[0])):
            yield here, name, regular
        stack.extend(os.path.join(here, d) for d in sorted(subdirs, reverse=True))


def special_file_reason(mode: int) -> str:
    if stat.S_ISDIR(mode):
        # a walk follows no link to a directory, which could lead out of the tree or round in a loop
        return (
            "The path is a link to a directory, which is not followed: skipped; give the directory itself to ingest it."
        )
    kind = (
        "a FIFO (named pipe)" if stat.S_ISFIFO(mode)
        else "a socket" if stat.S_ISSOCK(mode)
        else "a device" if stat.S_ISCHR(mode) or stat.S_ISBLK(mode)
        else "of an unknown kind"
    )  # fmt: skip
    return f"The path is {kind}, not a regular file: skipped without opening it."


def _special_reason(path: str) -> str:
    try:
        return special_file_reason(os.stat(path).st_mode)
    except OSError as exc:
        return os_reason(exc, "file could not be examined")


def _directory(root: Path, story: str | None, max_bytes: int) -> Iterator[Item]:
    top = str(root.resolve())
    prefix_length = len(os.path.join(top, ""))
    sidecar_rows: dict[str, Meta] = {}
    errors: list[OSError] = []
    for here, name, regular in _walk(top, errors):
        yield from _listing_errors(errors, top)
        path = os.path.join(here, name)
        relative = path[prefix_length:].replace(os.sep, "/") if story else name
        kind = _kind(name)
        if not regular:
            yield Rejection(path, _special_reason(path))
        elif name == SIDECAR_NAME:
            for target, row in _sidecar(Path(path), check_exists=True):
                if isinstance(row, Rejection):
                    yield row
                elif target is not None:
                    sidecar_rows[str(target)] = row
        elif kind == "txt":
            yield TextFile(path, relative, story or os.path.basename(here), sidecar_rows.pop(path, None))
        elif kind == "jsonl":
            yield from _jsonl(path, relative, story, os.path.basename(here), max_bytes)
    yield from _listing_errors(errors, top)


def _listing_errors(errors: list[OSError], root: str) -> Iterator[Rejection]:
    for error in errors:
        yield Rejection(str(error.filename or root), os_reason(error, "directory could not be listed"))
    errors.clear()


def _single_file(path: Path, story: str | None, max_bytes: int) -> Iterator[Item]:
    kind = _kind(path.name)
    if kind == "jsonl":
        yield from _jsonl(str(path), path.name, story, path.parent.resolve().name, max_bytes)
        return
    if kind != "txt":
        yield Rejection(
            str(path), f"Unsupported file type {path.suffix or '(none)'!r}: ingest reads .txt, .html and .jsonl files."
        )
        return
    meta = None
    sidecar = path.parent / SIDECAR_NAME
    if sidecar.is_file():
        # Only this file's row matters here; problems with other rows are reported when their files are ingested.
        for target, row in _sidecar(sidecar, check_exists=False):
            if target is None or target == path:
                if isinstance(row, Rejection):
                    yield row
                else:
                    meta = row
    yield TextFile(str(path), path.name, story or path.parent.resolve().name, meta)


def _sidecar(path: Path, check_exists: bool) -> Iterator[tuple[Path | None, Meta | Rejection]]:
    """(target file, metadata or rejection) per row; target is None for problems with the whole sidecar."""
    try:
        with open_regular(str(path)) as handle:
            data = handle.read()
    except NotRegularFile as exc:
        yield None, Rejection(str(path), f"{exc} Its rows were ignored.")
        return
    except OSError as exc:
        yield None, Rejection(str(path), os_reason(exc, "sidecar could not be read") + " Its rows were ignored.")
        return
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        yield None, Rejection(str(path), "The sidecar is not valid UTF-8; its rows were ignored.", size=len(data))
        return
    seen: dict[str, int] = {}
    records = _csv_records(text)
    line = 1
    try:
        first = next(records, None)
        header = [name.strip() for name in first[2]] if isinstance(first, tuple) else []
        if "file" not in header:
            yield None, Rejection(str(path), "The sidecar has no 'file' column; its rows were ignored.", 1, len(data))
            return
        for record in records:
            if isinstance(record, str):
                yield None, Rejection(str(path), record, line + 1)
                continue
            line, end, fields = record
            if any(f.strip() for f in fields):
                yield from _sidecar_row(path, header, fields, line, seen, check_exists)
            line = end
    except csv.Error as exc:
        reason = f"Line {line + 1} is not valid CSV ({exc}); the rest of the sidecar was ignored."
        yield None, Rejection(str(path), reason, line + 1)


def _csv_records(text: str) -> Iterator[tuple[int, int, list[str]] | str]:
    """(first line, last line, fields) per CSV record; a str for an unclosed quote, saying where.

    In valid CSV quote marks come in pairs, so an odd number of them means a quote that never
    closes: the parser then reads everything after it, up to the end of the file, as one value.
    That record is reported at the line where it opens, and parsing resumes on the next line, so
    the rows it swallowed are still read."""
    lines = text.splitlines(keepends=True)
    offset = 0
    while True:
        unbalanced = sum(line.count('"') for line in lines[offset:]) % 2 == 1
        reader = csv.reader(io.StringIO("".join(lines[offset:]), newline=""))
        previous = 0
        for fields in reader:
            start, end = offset + previous + 1, offset + reader.line_num
            previous = reader.line_num
            if unbalanced and end >= len(lines) and end > start:
                yield (
                    f"Line {start} opens a quoted value that is never closed: it ran to the end of the file "
                    f"(line {end}), so that row was ignored and the lines after it were read again as rows."
                )
                offset = start
                break
            yield start, end, fields
        else:
            return


def _sidecar_row(
    sidecar: Path, header: list[str], fields: list[str], line: int, seen: dict[str, int], check_exists: bool
) -> list[tuple[Path | None, Meta | Rejection]]:
    file_column = header.index("file")
    name = fields[file_column].strip() if len(fields) > file_column else ""
    target = Path(os.path.normpath(sidecar.parent / name)) if name else None
    problem = None
    if len(fields) != len(header):
        problem = f"has {len(fields)} fields; the header has {len(header)}."
    elif target is None:
        problem = "has no 'file' value."
    elif not target.is_relative_to(sidecar.parent):
        problem = f"names {name!r}, which is outside the sidecar's directory."
    elif name in seen:
        problem = f"repeats file {name!r} from line {seen[name]}."
    elif check_exists and not target.is_file():
        problem = f"names {name!r}, which does not exist."
    else:
        seen[name] = line
        try:
            meta, dropped = parse_meta(dict(zip(header, fields, strict=True)))
        except MetadataError as exc:
            problem = str(exc)
        else:
            rows: list[tuple[Path | None, Meta | Rejection]] = [
                (target, Rejection(str(sidecar), f"Line {line} {reason}", line)) for reason in dropped
            ]
            return [*rows, (target, meta)]
    return [(target, Rejection(str(sidecar), f"Line {line} {problem}", line))]


def _jsonl(path: str, relative: str, story: str | None, dir_name: str, max_bytes: int) -> Iterator[Item]:
    any_line = False
    ids: dict[str, int] = {}
    try:
        with open_regular(path) as handle:
            for number, raw in enumerate(handle, 1):
                if not raw.strip():
                    continue
                any_line = True
                line = _jsonl_line(raw, number, ids, max_bytes)
                if isinstance(line, str):
                    yield Rejection(path, f"Line {number} {line}", number, len(raw))
                else:
                    for reason in line.dropped:
                        yield Rejection(path, f"Line {number} {reason}", number)
                    source_file = f"{relative}:{line.key}"
                    yield JsonlArticle(
                        path, source_file, story or line.story or dir_name, line.text, line.data, line.meta
                    )
    except (OSError, NotRegularFile) as exc:
        yield Rejection(path, str(exc) if isinstance(exc, NotRegularFile) else os_reason(exc, "file could not be read"))
        return
    if not any_line:
        yield Rejection(path, "The file is empty or holds only blank lines.", size=os.path.getsize(path))


def _jsonl_line(raw: bytes, number: int, ids: dict[str, int], max_bytes: int) -> _Line | str:
    """The parsed article of one line, or the end of a sentence "Line N ..." saying what is wrong."""
    if len(raw) > max_bytes:
        return f"is {len(raw):,} bytes, over the limit of {max_bytes:,} bytes (--max-bytes)."
    try:
        obj = json.loads(raw.removeprefix(b"\xef\xbb\xbf") if number == 1 else raw)
    except UnicodeDecodeError:
        return "is not valid UTF-8."
    except ValueError as exc:
        return f"is not valid JSON: {exc}."
    if not isinstance(obj, dict):
        return "is not a JSON object."
    text = obj.get("text")
    if not isinstance(text, str):
        return "has no 'text' string."
    if not text.strip():
        return "has an empty 'text'."
    if "\x00" in text:
        return "has a 'text' with NUL characters, which is binary content."
    try:
        data = text.encode("utf-8")
    except UnicodeEncodeError:
        return "has a 'text' with an unpaired surrogate escape, which is not text."
    key = obj.get("id")
    if key is None:
        key = str(number)
    elif isinstance(key, bool) or not isinstance(key, str | int):
        return "has an 'id' that is neither a string nor an integer."
    else:
        key = str(key)
        if key in ids:
            return f"repeats id {key!r} from line {ids[key]}."
        ids[key] = number
    line_story = obj.get("story")
    if line_story is not None and not (isinstance(line_story, str) and line_story.strip()):
        return "has a 'story' that is not a non-empty string."
    try:
        meta, dropped = parse_meta({k: v for k, v in obj.items() if k != "text"})
    except MetadataError as exc:
        return str(exc)
    return _Line(text, data, key, line_story.strip() if line_story else None, meta, dropped)


def _count_newlines(path: str) -> int:
    try:
        with open_regular(path) as handle:
            return sum(chunk.count(b"\n") for chunk in iter(lambda: handle.read(1 << 20), b""))
    except (OSError, NotRegularFile):
        return 1


class NotRegularFile(Exception):
    """The path turned out not to be a regular file when opened; str(exc) is the reason."""


def nonblocking_opener(path: str, flags: int) -> int:
    # O_NONBLOCK: opening a FIFO that no one writes to returns at once instead of blocking forever.
    return os.open(path, flags | os.O_NONBLOCK)


def open_regular(path: str) -> io.BufferedReader:
    """Open a file for reading in binary, refusing (NotRegularFile) anything but a regular file.

    Checked on the open descriptor, so a file swapped for a FIFO after the walk cannot hang a run."""
    handle = open(path, "rb", opener=nonblocking_opener)  # noqa: SIM115 - returned to the caller
    mode = os.fstat(handle.fileno()).st_mode
    if not stat.S_ISREG(mode):
        handle.close()
        raise NotRegularFile(special_file_reason(mode))
    return handle


def _missing_reason(path: Path) -> str:
    if path.is_symlink() and not path.exists():
        return "The path is a broken symbolic link."
    return "The path is neither a regular file nor a directory."


def os_reason(exc: OSError, what: str) -> str:
    """A quarantine reason for an OS error, e.g. os_reason(exc, "file could not be read")."""
    if isinstance(exc, PermissionError):
        return f"Permission denied: the {what}."
    if isinstance(exc, FileNotFoundError):
        return f"The {what}: it does not exist (removed meanwhile, or a broken link)."
    return f"The {what}: {exc.strerror or exc}."
