"""Turn a text file's bytes into the exact text it holds, or say clearly why that is not possible.

Policy, in order:
  1. A UTF-8 byte-order mark is an encoding signature, not text: the file decodes as 'utf-8-sig'
     (the BOM is not part of raw_text, so the same article with and without a BOM has one hash).
     A UTF-16 BOM decodes as 'utf-16'.
  2. NUL bytes anywhere else mean binary content: rejected.
  3. Strict UTF-8 ('utf-8').
  4. A declared encoding: the sidecar's `encoding` column, else an in-file declaration
     (<meta charset=...>, <?xml encoding=...?>, -*- coding: ... -*-). It must decode strictly.
  5. Detection (charset_normalizer), trusted only when it is confident: either the least chaotic
     reading is the Windows-1252 reading (Western European text; cp1252 is a superset of latin-1's
     printable range, and latin-1 itself would accept any garbage), or the text is mostly letters
     of another script that the detector recognises as a language. Anything else is rejected with
     a request to declare the encoding.
Except for utf-16, text.encode(encoding) gives back the original bytes.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

_DECLARATION_RE = re.compile(
    rb"""(?:<meta[^>]*?charset\s*=\s*["']?|<\?xml[^>]*?encoding\s*=\s*["']|-\*-\s*coding:\s*)([A-Za-z0-9._:-]+)""",
    re.IGNORECASE,
)
_DECLARATION_WINDOW = 2048
_MAX_CHAOS = 0.1
_MIN_COHERENCE = 0.5


class Undecodable(Exception):
    """The bytes are not text that can be trusted; str(exc) is the quarantine reason."""


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str


def decode(data: bytes, declared: str | None = None) -> Decoded:
    """Decode a whole text file; raise Undecodable with a one-sentence reason."""
    if not data:
        raise Undecodable("The file is empty (0 bytes).")
    if data.startswith(codecs.BOM_UTF8):
        decoded = _strict(data[len(codecs.BOM_UTF8) :], "utf-8", "utf-8-sig")
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        decoded = _strict(data, "utf-16", "utf-16")
        if "\x00" in decoded.text:
            raise Undecodable(
                "The file looks binary: it starts with a UTF-16 byte-order mark but holds NUL characters."
            )
    elif b"\x00" in data:
        raise Undecodable("The file looks binary: it contains NUL bytes.")
    else:
        try:
            decoded = Decoded(data.decode("utf-8"), "utf-8")
        except UnicodeDecodeError as exc:
            decoded = _fallback(data, declared, exc)
    if not decoded.text or decoded.text.isspace():
        raise Undecodable("The file contains only whitespace.")
    return decoded


def codec_name(name: str) -> str | None:
    """Python's canonical name for an encoding label, None when Python does not know it."""
    try:
        return codecs.lookup(name.strip()).name
    except LookupError:
        return None


def _strict(data: bytes, codec: str, recorded: str) -> Decoded:
    try:
        return Decoded(data.decode(codec), recorded)
    except UnicodeDecodeError as exc:
        raise Undecodable(f"The file starts with a {recorded} byte-order mark but is not valid {codec}.") from exc


def _fallback(data: bytes, declared: str | None, error: UnicodeDecodeError) -> Decoded:
    where = f"byte 0x{data[error.start]:02x} at offset {error.start}"
    label = declared or _declaration(data)
    if label:
        codec = codec_name(label)
        if codec is None:
            raise Undecodable(f"The file is not valid UTF-8 ({where}) and declares an unknown encoding {label!r}.")
        try:
            return Decoded(data.decode(codec), codec)
        except UnicodeDecodeError as exc:
            raise Undecodable(
                f"The file is not valid UTF-8 ({where}) and does not decode as its declared encoding {label!r} either."
            ) from exc
    detected = _detect(data)
    if detected is None:
        raise Undecodable(
            f"The file is not valid UTF-8 ({where}), declares no encoding, and no other encoding could be "
            "detected with confidence; add its encoding to the sidecar's 'encoding' column."
        )
    return detected


def _declaration(data: bytes) -> str | None:
    match = _DECLARATION_RE.search(data, 0, _DECLARATION_WINDOW)
    return match[1].decode("ascii") if match else None


def _detect(data: bytes) -> Decoded | None:
    # Imported here because almost every file is UTF-8 and never needs it.
    from charset_normalizer import from_bytes

    matches = [m for m in from_bytes(data) if m.chaos <= _MAX_CHAOS]
    if not matches:
        return None
    least = min(m.chaos for m in matches)
    calmest = [m for m in matches if m.chaos == least]
    try:
        western = data.decode("cp1252")
    except UnicodeDecodeError:
        western = None
    if western is not None and any(str(m) == western for m in calmest):
        return Decoded(western, "cp1252")
    best = calmest[0]
    text = str(best)
    codec = codec_name(best.encoding)
    if codec and best.coherence >= _MIN_COHERENCE and _mostly_non_ascii_letters(text):
        return Decoded(text, codec)
    return None


def _mostly_non_ascii_letters(text: str) -> bool:
    """True for text written in a non-Latin script; stray high bytes in English text are not that."""
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and sum(not c.isascii() for c in letters) * 2 > len(letters)
