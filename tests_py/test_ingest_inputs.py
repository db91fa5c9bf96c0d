"""Inputs: bad files are quarantined with a reason while the rest loads; sidecars, jsonl, encodings, stories."""

from __future__ import annotations

import builtins
import datetime as dt
import hashlib
import json
import os
import random
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import ingest.load

GOOD = "KAMPALA: The central bank kept its main rate at 10% on Thursday, the governor said.\n\nInflation eased.\n"


def rejected(query: Callable[..., list[tuple[Any, ...]]]) -> dict[str, tuple[int | None, str]]:
    """{file name or 'name:line': (byte_size, reason)} of raw.rejected_files."""
    return {
        f"{Path(path).name}{f':{line}' if line else ''}": (size, reason)
        for path, line, size, reason in query("select path, line, byte_size, reason from raw.rejected_files")
    }


def test_every_bad_file_is_quarantined_with_its_reason(
    tmp_path: Path, load: Callable[..., Any], query: Callable[..., Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    story = tmp_path / "bad_inputs"
    story.mkdir()
    (story / "good.txt").write_text(GOOD, encoding="utf-8")
    (story / "empty.txt").write_bytes(b"")
    (story / "blank.txt").write_bytes(b"  \n\t\r\n \n")
    (story / "binary.txt").write_bytes(b"PK\x03\x04\x00\x00binary\x00data")
    rng = random.Random(7)
    (story / "garbage.txt").write_bytes(bytes(rng.randrange(1, 256) for _ in range(900)))
    (story / "huge.txt").write_bytes(b"word " * 400)
    (story / "locked.txt").write_text(GOOD.replace("10%", "11%"), encoding="utf-8")
    (story / "dangling.txt").symlink_to(story / "nowhere.txt")
    (story / "notes.md").write_text("ignored: not an article format", encoding="utf-8")
    locked = str(story / "locked.txt")
    if os.geteuid() == 0:
        # root reads any file whatever its mode, so make the read fail the way a chmod 000 would.
        real_open = builtins.open

        def open_denying(file: Any, *args: Any, **kwargs: Any) -> Any:
            if str(file) == locked:
                raise PermissionError(13, "Permission denied", locked)
            return real_open(file, *args, **kwargs)

        monkeypatch.setattr(ingest.load, "open", open_denying, raising=False)
    else:
        os.chmod(locked, 0)

    (tmp_path / "report.pdf").write_bytes(b"%PDF-1.7")
    summary = load(story, tmp_path / "report.pdf", max_bytes=1000)

    reasons = rejected(query)
    assert {name: reason for name, (_, reason) in reasons.items()} == {
        "empty.txt": "The file is empty (0 bytes).",
        "blank.txt": "The file contains only whitespace.",
        "binary.txt": "The file looks binary: it contains NUL bytes.",
        "garbage.txt": reasons["garbage.txt"][1],
        "huge.txt": "The file is 2,000 bytes, over the limit of 1,000 bytes (--max-bytes).",
        "locked.txt": "Permission denied: the file could not be read.",
        "dangling.txt": "The file could not be read: it does not exist (removed meanwhile, or a broken link).",
        "report.pdf": "Unsupported file type '.pdf': ingest reads .txt, .html and .jsonl files.",
    }
    assert reasons["garbage.txt"][1].startswith("The file is not valid UTF-8 (byte 0x")
    assert "no other encoding could be detected with confidence" in reasons["garbage.txt"][1]
    assert reasons["huge.txt"][0] == 2000
    assert query("select source_file from raw.articles") == [("good.txt",)]
    assert (summary.seen, summary.loaded, summary.unchanged, summary.rejected) == (9, 1, 0, 8)
    assert query("select files_seen, loaded, unchanged, rejected from raw.ingest_runs") == [(9, 1, 0, 8)]


def test_unsupported_file_argument(tmp_path: Path, load: Callable[..., Any], query: Callable[..., Any]) -> None:
    pdf = tmp_path / "report.pdf"
    pdf.write_bytes(b"%PDF-1.7")
    load(pdf)
    assert rejected(query) == {
        "report.pdf": (None, "Unsupported file type '.pdf': ingest reads .txt, .html and .jsonl files.")
    }


def test_encodings(tmp_path: Path, load: Callable[..., Any], query: Callable[..., Any]) -> None:
    story = tmp_path / "encodings"
    story.mkdir()
    western = "Café owners in São Paulo said the “new rules” cost them €5,000 — a blow.\n"
    russian = "Президент заявил, что реформа необходима.\n"
    # Distinct texts: one text in several encodings is one article (its hash is of the decoded text).
    (story / "cp1252.txt").write_bytes((western + "cp1252").encode("cp1252"))
    (story / "bom.txt").write_bytes(b"\xef\xbb\xbf" + (western + "bom").encode("utf-8"))
    (story / "utf16.txt").write_bytes((western + "utf16").encode("utf-16"))
    (story / "declared_in_sidecar.txt").write_bytes(russian.encode("koi8_r"))
    (story / "declared_in_file.txt").write_bytes(b'<meta charset="windows-1251">\n' + russian.encode("cp1251"))
    (story / "undeclared_koi8.txt").write_bytes(russian.encode("koi8_r"))
    (story / "metadata.csv").write_text("file,encoding\ndeclared_in_sidecar.txt,koi8-r\n", encoding="utf-8")

    load(story)

    got = {name: (enc, text) for name, enc, text in query("select source_file, encoding, raw_text from raw.articles")}
    assert got == {
        "cp1252.txt": ("cp1252", western + "cp1252"),
        # The BOM is an encoding signature, not part of the text.
        "bom.txt": ("utf-8-sig", western + "bom"),
        "utf16.txt": ("utf-16", western + "utf16"),
        "declared_in_sidecar.txt": ("koi8-r", russian),
        "declared_in_file.txt": ("cp1251", '<meta charset="windows-1251">\n' + russian),
    }
    for name, (encoding, text) in got.items():
        if encoding != "utf-16":  # its BOM's byte order is the writer's choice
            assert text.encode(encoding) == (story / name).read_bytes()
    assert [r[0] for r in rejected(query).values()] == [len(russian.encode("koi8_r"))]
    assert "undeclared_koi8.txt" in rejected(query)


def test_sidecar_values_win_over_detection_and_extra_columns_are_kept(
    sample_corpus: Path, load: Callable[..., Any], stored: Callable[[], dict[str, dict[str, Any]]]
) -> None:
    (sample_corpus / "metadata.csv").write_text(
        "file,outlet,published_date,url,title,author\n"
        "000_3c335b76b6224e08.txt,The Daily Planet,2023-12-10,https://example.org/a,Sidecar title,Jo Bloggs\n"
        '002_e306693923fce447.txt,,,https://example.org/b,,"Smith, Ann"\n',
        encoding="utf-8",
    )
    load(sample_corpus)
    articles = stored()
    dawn, cnn, other = (
        articles["000_3c335b76b6224e08.txt"],
        articles["002_e306693923fce447.txt"],
        articles["001_6a1e265b84298ea3.txt"],
    )
    assert (dawn["outlet"], dawn["outlet_basis"]) == ("The Daily Planet", "sidecar")
    assert (dawn["published_date"], dawn["published_date_basis"]) == (dt.date(2023, 12, 10), "sidecar")
    assert (dawn["title"], dawn["url"], dawn["dateline"]) == ("Sidecar title", "https://example.org/a", "YEREVAN")
    assert json.loads(dawn["sidecar"])["author"] == "Jo Bloggs"
    # Empty sidecar cells leave detection in charge.
    assert (cnn["outlet"], cnn["outlet_basis"], cnn["published_date_basis"]) == ("CNN", "trailer", "timestamp")
    assert json.loads(cnn["sidecar"]) == {
        "file": "002_e306693923fce447.txt", "outlet": "", "published_date": "", "url": "https://example.org/b",
        "title": "", "author": "Smith, Ann",
    }  # fmt: skip
    assert other["sidecar"] is None


def test_malformed_sidecar_rows_are_named_by_line_and_their_files_still_load(
    sample_corpus: Path, load: Callable[..., Any], query: Callable[..., Any], stored: Callable[[], dict[str, Any]]
) -> None:
    (sample_corpus / "metadata.csv").write_text(
        "file,outlet,published_date\n"
        "000_3c335b76b6224e08.txt,Dawn,2023-12-09\n"
        "001_6a1e265b84298ea3.txt,Too,many,fields\n"
        "002_e306693923fce447.txt,CNN,8 Dec 2023\n"
        "gone.txt,Nobody,2023-01-01\n"
        "000_3c335b76b6224e08.txt,Again,2023-12-09\n"
        ",Nameless,2023-01-01\n"
        "../escape.txt,Outside,2023-01-01\n",
        encoding="utf-8",
    )
    summary = load(sample_corpus)
    assert {key: reason for key, (_, reason) in rejected(query).items()} == {
        "metadata.csv:3": "Line 3 has 4 fields; the header has 3.",
        "metadata.csv:4": "Line 4 has a published_date '8 Dec 2023' that is not an ISO date (YYYY-MM-DD): the date "
        "was dropped and the article loaded without it.",
        "metadata.csv:5": "Line 5 names 'gone.txt', which does not exist.",
        "metadata.csv:6": "Line 6 repeats file '000_3c335b76b6224e08.txt' from line 2.",
        "metadata.csv:7": "Line 7 has no 'file' value.",
        "metadata.csv:8": "Line 8 names '../escape.txt', which is outside the sidecar's directory.",
    }
    assert (summary.loaded, summary.rejected) == (5, 6)
    articles = stored()
    assert articles["000_3c335b76b6224e08.txt"]["outlet_basis"] == "sidecar"
    # A bad date drops the date only: the row's other fields still apply.
    cnn = articles["002_e306693923fce447.txt"]
    assert (cnn["outlet"], cnn["outlet_basis"], cnn["published_date_basis"]) == ("CNN", "sidecar", "timestamp")


def test_sidecar_without_file_column_is_rejected_whole(
    sample_corpus: Path, load: Callable[..., Any], query: Callable[..., Any]
) -> None:
    sidecar = "name,outlet\nx.txt,Dawn\n"
    (sample_corpus / "metadata.csv").write_text(sidecar, encoding="utf-8")
    assert load(sample_corpus).loaded == 5
    reason = "The sidecar has no 'file' column; its rows were ignored."
    assert rejected(query) == {"metadata.csv:1": (len(sidecar), reason)}


def test_single_file_argument_uses_its_sidecar_row_and_parent_directory(
    sample_corpus: Path, load: Callable[..., Any], stored: Callable[[], dict[str, Any]], query: Callable[..., Any]
) -> None:
    (sample_corpus / "metadata.csv").write_text(
        "file,outlet\n004_b1e92f7b0ca828eb.txt,Example Herald\n001_6a1e265b84298ea3.txt,a,b\n", encoding="utf-8"
    )
    load(sample_corpus / "004_b1e92f7b0ca828eb.txt")
    article = stored()["004_b1e92f7b0ca828eb.txt"]
    assert (article["story_id"], article["outlet"], article["outlet_basis"]) == ("sample", "Example Herald", "sidecar")
    # Another file's broken row is reported when that file is ingested, not now.
    assert rejected(query) == {}


def test_stories_and_source_files(tmp_path: Path, load: Callable[..., Any], query: Callable[..., Any]) -> None:
    corpus = tmp_path / "corpus"
    (corpus / "port-strike" / "day2").mkdir(parents=True)
    (corpus / "port-strike" / "a.txt").write_text(GOOD, encoding="utf-8")
    (corpus / "port-strike" / "day2" / "b.txt").write_text(GOOD + "More.\n", encoding="utf-8")
    (corpus / ".hidden").mkdir()
    (corpus / ".hidden" / "c.txt").write_text(GOOD + "Hidden.\n", encoding="utf-8")
    load(corpus)
    # Each file's identity is relative to its story folder, not to the folder ingest started from.
    assert query("select story_id, source_file from raw.articles order by 2") == [
        ("port-strike", "a.txt"),
        ("day2", "b.txt"),
    ]
    (corpus / "port-strike" / "day2" / "c.txt").write_text(GOOD + "New.\n", encoding="utf-8")
    summary = load(corpus / "port-strike" / "day2", story="Port strike")
    # b.txt is already stored (same text, whatever the story); c.txt is new, relative to the argument.
    assert (summary.loaded, summary.unchanged) == (1, 1)
    assert query("select story_id, source_file from raw.articles where story_id = 'Port strike'") == [
        ("Port strike", "c.txt")
    ]


def test_jsonl_lines_load_and_bad_lines_are_named(
    tmp_path: Path, load: Callable[..., Any], query: Callable[..., Any], stored: Callable[[], dict[str, Any]]
) -> None:
    feed_dir = tmp_path / "wire-feed"
    feed_dir.mkdir()
    good_with_id = {
        "id": "a1",
        "text": GOOD,
        "outlet": "Example Wire",
        "published_date": "2024-01-02",
        "story": "rates",
    }
    lines = [
        json.dumps(good_with_id),
        json.dumps(
            {"text": "ACCRA: Fuel prices rose by 5% on Monday.\n", "url": "https://example.org/x", "tags": ["a", 1]}
        ),
        "",
        "{not json",
        json.dumps(["a", "list"]),
        json.dumps({"title": "no text"}),
        json.dumps({"id": "a1", "text": "A different text with a repeated id."}),
        json.dumps({"text": "Dated badly.", "published_date": "yesterday"}),
        json.dumps({"text": "   "}),
        json.dumps({"text": "nul \u0000 inside"}),
        json.dumps({"id": True, "text": "Boolean id."}),
        json.dumps({"text": "Good line with a number id.", "id": 7}),
    ]
    (feed_dir / "feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")

    summary = load(feed_dir)

    assert {key: reason for key, (_, reason) in rejected(query).items()} == {
        "feed.jsonl:4": rejected(query)["feed.jsonl:4"][1],
        "feed.jsonl:5": "Line 5 is not a JSON object.",
        "feed.jsonl:6": "Line 6 has no 'text' string.",
        "feed.jsonl:7": "Line 7 repeats id 'a1' from line 1.",
        "feed.jsonl:8": "Line 8 has a published_date 'yesterday' that is not an ISO date (YYYY-MM-DD): the date was "
        "dropped and the article loaded without it.",
        "feed.jsonl:9": "Line 9 has an empty 'text'.",
        "feed.jsonl:10": "Line 10 has a 'text' with NUL characters, which is binary content.",
        "feed.jsonl:11": "Line 11 has an 'id' that is neither a string nor an integer.",
    }
    assert rejected(query)["feed.jsonl:4"][1].startswith("Line 4 is not valid JSON: ")
    assert (summary.loaded, summary.rejected) == (4, 8)
    articles = stored()
    # As in a sidecar, a bad date is dropped and the article kept.
    assert set(articles) == {"feed.jsonl:a1", "feed.jsonl:2", "feed.jsonl:8", "feed.jsonl:7"}
    assert articles["feed.jsonl:8"]["published_date"] is None
    first = articles["feed.jsonl:a1"]
    assert (first["story_id"], first["outlet"], first["outlet_basis"]) == ("rates", "Example Wire", "sidecar")
    assert (first["published_date"], first["raw_text"], first["encoding"]) == (dt.date(2024, 1, 2), GOOD, "utf-8")
    assert first["byte_size"] == len(GOOD.encode("utf-8"))
    assert first["article_id"] == hashlib.sha256(GOOD.encode("utf-8")).hexdigest()
    second = articles["feed.jsonl:2"]
    assert (second["story_id"], second["url"], second["dateline"]) == ("wire-feed", "https://example.org/x", "ACCRA")
    assert json.loads(second["sidecar"]) == {"url": "https://example.org/x", "tags": ["a", 1]}


def test_jsonl_story_override_and_line_limit(
    tmp_path: Path, load: Callable[..., Any], query: Callable[..., Any]
) -> None:
    feed = tmp_path / "feed.jsonl"
    feed.write_text(
        json.dumps({"text": "Short article.", "story": "ignored"}) + "\n" + json.dumps({"text": "x" * 500}) + "\n",
        encoding="utf-8",
    )
    load(feed, story="override", max_bytes=200)
    assert query("select story_id, source_file from raw.articles") == [("override", "feed.jsonl:1")]
    assert rejected(query)["feed.jsonl:2"] == (513, "Line 2 is 513 bytes, over the limit of 200 bytes (--max-bytes).")


def test_empty_jsonl_file(tmp_path: Path, load: Callable[..., Any], query: Callable[..., Any]) -> None:
    feed = tmp_path / "feed.jsonl"
    feed.write_text("\n\n", encoding="utf-8")
    load(feed)
    assert rejected(query) == {"feed.jsonl": (2, "The file is empty or holds only blank lines.")}


def test_an_unclosed_quote_in_a_sidecar_is_reported_where_it_opens_and_swallows_no_row(
    sample_corpus: Path, load: Callable[..., Any], query: Callable[..., Any], stored: Callable[[], dict[str, Any]]
) -> None:
    (sample_corpus / "metadata.csv").write_text(
        "file,outlet,title\n"
        "000_3c335b76b6224e08.txt,Dawn,Plain title\n"
        '001_6a1e265b84298ea3.txt,Asbarez,"Unclosed title\n'
        "002_e306693923fce447.txt,CNN,Fine\n"
        '003_07edc077d577f0d1.txt,"Armenian Weekly, The",Quoted comma\n',
        encoding="utf-8",
    )
    load(sample_corpus)
    assert {key: reason for key, (_, reason) in rejected(query).items()} == {
        "metadata.csv:3": "Line 3 opens a quoted value that is never closed: it ran to the end of the file (line 5), "
        "so that row was ignored and the lines after it were read again as rows."
    }
    outlets = {name: (a["outlet"], a["outlet_basis"]) for name, a in stored().items()}
    assert outlets["000_3c335b76b6224e08.txt"] == ("Dawn", "sidecar")
    assert outlets["001_6a1e265b84298ea3.txt"][1] != "sidecar"
    assert outlets["002_e306693923fce447.txt"] == ("CNN", "sidecar")
    assert outlets["003_07edc077d577f0d1.txt"] == ("Armenian Weekly, The", "sidecar")
