"""Read the CoNLL-2003 English NER test set (eng.testb, or test.txt in IOB2) as articles with gold
names: Reuters newswire of 1996, one token a line with its tag in the last column, sentences
separated by blank lines, documents by `-DOCSTART-` lines.

Each document's text is rebuilt from its tokens (see detokenise): the first sentence, the headline,
is a paragraph of its own, the other sentences follow it joined by single spaces. Gold names are
the PER, ORG and LOC entities at their exact character offsets; MISC entities (nationalities,
events, products) are kept apart as spans no system is scored on.

The texts are Reuters' and are not stored in this repository; pass a local copy with `--conll PATH`
(make eval CONLL=PATH)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from evaluation.devset import Article, DevSet, DevSetError
from evaluation.score import Name, Span

# A document whose dateline gives no date (a few sports tables) is dated inside the test set's week.
FALLBACK_DATE = "1996-12-06"
# A document is a table (sports results, standings, scoreboards, freight fixtures) when at least
# this share of its lines after the headline and the dateline are table rows: a line that holds a
# figure and does not end as a sentence does. Prose with many figures still ends its sentences.
TABLE_SHARE = 0.4

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_DIGIT = re.compile(r"\d")
_SENTENCE_END = frozenset({".", "?", "!", '"', "'"})
# Tokens written against the word before them: punctuation that closes, and English clitics.
_NO_SPACE_BEFORE = frozenset({",", ".", ";", ":", "!", "?", ")", "]", "}", "%", "'s", "'S", "n't", "N'T", "'re",
                              "'ve", "'ll", "'d", "'m", "..."})
_NO_SPACE_AFTER = frozenset({"(", "[", "{"})
# Straight quote marks open and close alternately within a document.
_QUOTES = frozenset({'"', "'"})


@dataclass
class Sentence:
    tokens: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Entity:
    start: int  # char offsets into the document text, end exclusive
    end: int
    type: str  # PER, ORG, LOC, MISC


@dataclass(frozen=True)
class Document:
    text: str
    entities: list[Entity]
    published_date: str
    table: bool


def read_sentences(lines: list[str]) -> list[list[Sentence]]:
    """Documents as lists of sentences. The tag is the last column (4 columns in eng.testb, 2 in
    test.txt); text before the first `-DOCSTART-` is a document too (some copies move the first
    marker to the end of the file)."""
    docs: list[list[Sentence]] = [[]]
    current = Sentence()
    for n, raw in enumerate(lines, 1):
        cols = raw.split()
        if cols and cols[0] == "-DOCSTART-":
            if current.tokens:
                docs[-1].append(current)
            current = Sentence()
            docs.append([])
            continue
        if not cols:
            if current.tokens:
                docs[-1].append(current)
            current = Sentence()
            continue
        if len(cols) < 2:
            raise DevSetError(f"line {n}: a token without a tag: {raw.strip()!r}")
        current.tokens.append(cols[0])
        current.tags.append(cols[-1])
    if current.tokens:
        docs[-1].append(current)
    return [d for d in docs if d]


def detokenise(tokens: list[str], open_quotes: set[str]) -> tuple[str, list[tuple[int, int]]]:
    """A sentence's text and each token's (start, end) in it: a space between tokens, none before
    closing punctuation and clitics (`,` `.` `'s` `n't`), none after an opening bracket, and straight
    quotes against the words they enclose. open_quotes holds the quote marks open so far in the
    document and is updated."""
    out: list[str] = []
    spans: list[tuple[int, int]] = []
    length = 0
    glue_next = True  # no space before the first token
    for tok in tokens:
        closing_quote = tok in _QUOTES and tok in open_quotes
        glue = glue_next or tok in _NO_SPACE_BEFORE or closing_quote
        if not glue:
            out.append(" ")
            length += 1
        spans.append((length, length + len(tok)))
        out.append(tok)
        length += len(tok)
        glue_next = tok in _NO_SPACE_AFTER
        if tok in _QUOTES:
            if closing_quote:
                open_quotes.discard(tok)
            else:
                open_quotes.add(tok)
                glue_next = True
    return "".join(out), spans


def entities_of(tags: list[str]) -> list[tuple[int, int, str]]:
    """(first token, last token + 1, type) of each entity, for IOB1 (eng.testb: `B-` only between two
    entities of one type) and IOB2 (test.txt: `B-` at every entity's start) alike."""
    out: list[tuple[int, int, str]] = []
    start, kind = -1, ""
    for i, tag in enumerate([*tags, "O"]):
        prefix, _, label = tag.partition("-")
        if kind and (tag == "O" or prefix == "B" or label != kind):
            out.append((start, i, kind))
            kind = ""
        if tag != "O" and not kind:
            start, kind = i, label
    return out


def build_document(sentences: list[Sentence]) -> Document:
    parts: list[str] = []
    entities: list[Entity] = []
    length = 0
    open_quotes: set[str] = set()
    for i, sentence in enumerate(sentences):
        if i:
            sep = "\n\n" if i == 1 else " "
            parts.append(sep)
            length += len(sep)
        text, spans = detokenise(sentence.tokens, open_quotes)
        for first, last, kind in entities_of(sentence.tags):
            entities.append(Entity(length + spans[first][0], length + spans[last - 1][1], kind))
        parts.append(text)
        length += len(text)
    # the dateline (`LONDON 1996-08-30`) is the second or third line, after a byline
    dates = [t for s in sentences[1:4] for t in s.tokens if _ISO_DATE.fullmatch(t)]
    body = [s for s in sentences[1:] if not any(_ISO_DATE.fullmatch(t) for t in s.tokens)]
    rows = sum(1 for s in body if s.tokens[-1] not in _SENTENCE_END and any(_DIGIT.search(t) for t in s.tokens))
    table = bool(body) and rows / len(body) >= TABLE_SHARE
    return Document("".join(parts), entities, dates[0] if dates else FALLBACK_DATE, table)


def load_conll(path: Path, subset: str = "conll") -> DevSet:
    """The documents of a CoNLL-2003 file (or of the eng.testb / test.txt in a directory). Prose
    documents are in `subset`, tables in `subset`_tables; MISC spans go to DevSet.unscored."""
    if path.is_dir():
        found = [p for name in ("eng.testb", "test.txt") if (p := path / name).exists()]
        if not found:
            raise DevSetError(f"{path}: no eng.testb or test.txt")
        path = found[0]
    if not path.exists():
        raise DevSetError(f"{path}: missing")
    try:
        docs = read_sentences(path.read_text(encoding="utf-8").splitlines())
    except DevSetError as exc:
        raise DevSetError(f"{path}: {exc}") from exc
    out = DevSet()
    for n, sentences in enumerate(docs, 1):
        doc = build_document(sentences)
        doc_id = f"conll_test_{n:03d}"
        part = f"{subset}_tables" if doc.table else subset
        out.articles.append(Article(doc_id, part, f"{subset}__{doc_id}", doc.text, doc.published_date,
                                    outlet="Reuters"))
        for e in doc.entities:
            span = Span(doc_id, e.start, e.end)
            if e.type == "MISC":
                out.unscored.append(span)
            else:
                out.names.append(Name(span, e.type))
    return out
