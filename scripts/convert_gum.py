"""Convert the Wikinews documents of the GUM corpus into the development set under devset/gum_news.

GUM (Georgetown University Multilayer corpus, https://github.com/amir-zeldes/gum) annotates every
mention with an entity type, coreference and a Wikipedia identity for named entities, gold
dependency trees, TEI markup for dates (`<date when=...>`) and direct quotations (`<quote>`).
Texts: Wikinews, CC BY 2.5; annotations: CC BY 4.0 (see devset/gum_news/LICENSE.md).

This script reads the `dep/GUM_news_*.conllu` files of a snapshot of the repository (a bare git
directory such as /work/.mirror/amir-zeldes+gum/repo, or a checkout) and writes:

- articles.jsonl  one article a line: doc_id, title, published_date, url, text
- names.csv       named mentions of people, organisations and places (gold spans and types)
- quotes.csv      direct quotations whose speaker the gold dependency tree gives, with the speaker
- dates.csv       dates with a normalised value (TEI when / notBefore / notAfter / from / to)

Offsets are 0-based, end-exclusive, in code points of `text`. The rules that turn GUM's layers
into these gold sets are documented in devset/README.md.
"""

from __future__ import annotations

import argparse
import calendar
import csv
import json
import re
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

NAME_TYPES = {"person": "PER", "organization": "ORG", "place": "LOC"}
SPEECH_LEMMAS = {
    "say", "tell", "add", "state", "write", "explain", "announce", "claim", "note", "comment",
    "report", "ask", "argue", "insist", "warn", "declare", "reply", "respond", "continue",
    "conclude", "remark", "describe", "call", "quote", "admit", "acknowledge", "suggest",
    "point", "believe", "predict", "confirm", "deny", "urge", "assert", "mention", "observe",
    "recall", "reveal", "speak", "stress", "emphasize", "praise", "criticize",
}
PRONOUNS = {
    "he", "she", "they", "it", "we", "i", "you", "him", "her", "them", "his", "its", "their", "who", "me",
    "us", "my", "our", "your", "himself", "herself", "themselves", "itself", "myself", "ourselves",
}


@dataclass
class Token:
    idx: int
    form: str
    lemma: str
    upos: str
    head: int
    deprel: str
    misc: str
    start: int = 0
    end: int = 0
    sent: int = 0


@dataclass
class Mention:
    eid: str
    etype: str
    identity: str
    tokens: list[int] = field(default_factory=list)  # global token indices


@dataclass
class Doc:
    doc_id: str
    meta: dict[str, str]
    text: str
    tokens: list[Token]
    sent_tokens: list[list[int]]
    mentions: list[Mention]
    xml_spans: list[tuple[str, dict[str, str], int, int]]  # tag, attrs, first token, last token


def git_files(repo: Path, prefix: str) -> list[str]:
    out = subprocess.run(
        ["git", f"--git-dir={repo}", "ls-tree", "-r", "--name-only", "HEAD", "dep/"],
        capture_output=True, text=True, check=True,
    ).stdout
    return sorted(p for p in out.split() if Path(p).name.startswith(prefix) and p.endswith(".conllu"))


def read_repo_file(repo: Path, path: str) -> str:
    if (repo / path).exists():
        return (repo / path).read_text(encoding="utf-8")
    return subprocess.run(
        ["git", f"--git-dir={repo}", "show", f"HEAD:{path}"], capture_output=True, text=True, check=True
    ).stdout


ENTITY_RE = re.compile(r"\(([^()]+)\)?|(\d+)\)")
XML_TAG_RE = re.compile(r"<(/?)([a-z]+)([^>]*)>")
ATTR_RE = re.compile(r'([A-Za-z]+):::"([^"]*)"')


def misc_get(misc: str, key: str) -> str | None:
    for part in misc.split("|"):
        if part.startswith(key + "="):
            return part[len(key) + 1 :]
    return None


def parse_doc(conllu: str, source: str) -> Doc:
    meta: dict[str, str] = {}
    doc_id = ""
    tokens: list[Token] = []
    sent_tokens: list[list[int]] = []
    mentions: list[Mention] = []
    open_mentions: dict[str, list[Mention]] = {}
    xml_open: dict[str, list[tuple[dict[str, str], int]]] = {}
    xml_spans: list[tuple[str, dict[str, str], int, int]] = []
    sent_text = ""
    sent_toks: list[tuple[Token, str | None]] = []  # token, MWT surface when it starts one
    mwt_until = 0
    mwt_surface: str | None = None
    text_parts: list[str] = []
    new_paragraph = False

    def finish_sentence() -> None:
        """Append the sentence to the text and give its tokens their document offsets."""
        nonlocal sent_toks, new_paragraph
        if not sent_toks:
            return
        if text_parts:
            text_parts.append("\n\n" if new_paragraph else " ")
        cursor_base = sum(len(p) for p in text_parts)
        text_parts.append(sent_text)
        pos = 0
        ids: list[int] = []
        for tok, surface in sent_toks:
            form = surface if surface is not None else tok.form
            at = sent_text.find(form, pos)
            if at < 0:
                raise ValueError(f"{source}: token {tok.form!r} not found in sentence text {sent_text!r}")
            tok.start, tok.end = cursor_base + at, cursor_base + at + len(form)
            pos = at + len(form)
            ids.append(len(tokens))
            tokens.append(tok)
        sent_tokens.append(ids)
        sent_toks = []
        new_paragraph = False

    for line in conllu.splitlines():
        if line.startswith("# newdoc id = "):
            doc_id = line.split("=", 1)[1].strip()
        elif line.startswith("# meta::"):
            key, _, value = line[len("# meta::") :].partition(" = ")
            meta[key] = value
        elif line.startswith("# newpar"):
            if line.startswith("# newpar_block"):
                continue
            new_paragraph = True
        elif line.startswith("# text = "):
            sent_text = line[len("# text = ") :]
        elif line.startswith("#"):
            continue
        elif not line.strip():
            finish_sentence()
            mwt_until = 0
        else:
            cols = line.split("\t")
            if "-" in cols[0]:
                _, b = cols[0].split("-")
                mwt_until = int(b)
                mwt_surface = cols[1]
                continue
            if "." in cols[0]:
                continue
            tok = Token(int(cols[0]), cols[1], cols[2], cols[3], int(cols[6]), cols[7], cols[9], sent=len(sent_tokens))
            if mwt_surface is not None:
                sent_toks.append((tok, mwt_surface))
                mwt_surface = None
            elif tok.idx <= mwt_until:
                # a later part of a multi-word token: it shares the span of the word
                sent_toks.append((tok, ""))
            else:
                sent_toks.append((tok, None))
    finish_sentence()
    # later parts of a multi-word token take the whole word's span
    for i, tok in enumerate(tokens):
        if tok.end == tok.start and i > 0:
            tok.start, tok.end = tokens[i - 1].start, tokens[i - 1].end
    text = "".join(text_parts)
    # ... and where the parts spell the word (`Trump` + `'s`), each part gets its own characters
    i = 0
    while i < len(tokens):
        j = i
        while j + 1 < len(tokens) and (tokens[j + 1].start, tokens[j + 1].end) == (tokens[i].start, tokens[i].end):
            j += 1
        if j > i and "".join(t.form for t in tokens[i : j + 1]) == text[tokens[i].start : tokens[i].end]:
            at = tokens[i].start
            for t in tokens[i : j + 1]:
                t.start, t.end = at, at + len(t.form)
                at = t.end
        i = j + 1
    # entities and XML markup, in token order
    for gi, tok in enumerate(tokens):
        xml = misc_get(tok.misc, "XML")
        if xml:
            for close, tag, attrs in XML_TAG_RE.findall(xml):
                if not close:
                    xml_open.setdefault(tag, []).append((dict(ATTR_RE.findall(attrs)), gi))
                # closing tags in a token's XML field close after that token, except when the
                # closing tag comes first (the element ended before this token)
        ent = misc_get(tok.misc, "Entity")
        if ent:
            for m in ENTITY_RE.finditer(ent):
                if m.group(1) is not None:
                    fields = m.group(1).split("-")
                    eid, etype = fields[0], fields[1]
                    identity = "-".join(fields[7:]) if len(fields) > 7 else ""
                    mention = Mention(eid, etype, identity, [gi])
                    if m.group(0).endswith(")"):
                        mentions.append(mention)
                    else:
                        open_mentions.setdefault(eid, []).append(mention)
                else:
                    eid = m.group(2)
                    mention = open_mentions[eid].pop()
                    mention.tokens = list(range(mention.tokens[0], gi + 1))
                    mentions.append(mention)
        if xml:
            for close, tag, _attrs in XML_TAG_RE.findall(xml):
                if close and xml_open.get(tag):
                    attrs, first = xml_open[tag].pop()
                    xml_spans.append((tag, attrs, first, gi))
    leftover = [e for e, ms in open_mentions.items() if ms]
    if leftover:
        raise ValueError(f"{source}: entity mentions never closed: {leftover}")
    for tag, pending in xml_open.items():
        if pending:
            raise ValueError(f"{source}: <{tag}> never closed")
    return Doc(doc_id, meta, text, tokens, sent_tokens, mentions, xml_spans)


def global_index(doc: Doc) -> dict[tuple[int, int], int]:
    return {(t.sent, t.idx): gi for gi, t in enumerate(doc.tokens)}


def head_of(doc: Doc, tok_ids: list[int], gidx: dict[tuple[int, int], int]) -> int:
    """The token of the span whose syntactic head lies outside it (the first such)."""
    inside = set(tok_ids)
    for gi in tok_ids:
        t = doc.tokens[gi]
        h = gidx.get((t.sent, t.head))
        if h is None or h not in inside:
            return gi
    return tok_ids[0]


TITLE_WORDS = {
    "president", "prime", "minister", "ambassador", "mr.", "mrs.", "ms.", "dr.", "senator", "sen.",
    "governor", "gov.", "king", "queen", "pope", "general", "gen.", "chief", "director", "secretary",
    "rep.", "judge", "justice", "professor", "prof.", "sheriff", "captain", "capt.", "mayor", "chairman",
    "ceo", "lt.", "col.", "sgt.", "officer", "deputy", "vice", "foreign", "saint", "st.", "sir", "lord",
    "prince", "princess", "spokesperson", "spokesman", "commissioner", "chancellor", "mp", "dean",
}
CONNECTORS = {"of", "the", "for", "and", "de", "&"}
# the last word of a place that is also an institution: NER conventions type these either way
FACILITY_WORDS = {
    "center", "centre", "museum", "university", "college", "hospital", "airport", "school", "hall",
    "station", "base", "church", "mosque", "stadium", "library", "institute", "academy", "palace",
}


def accepted_types(names: list[dict]) -> None:
    """Let a name carry every type NER conventions give it: GUM types a country that stands for its
    team or government as an organisation (`Belgium` beat England), where CoNLL and OntoNotes type
    the surface (a place); and an institution's building (`Johnson Space Center`) as a place, where
    they say organisation. `type` becomes e.g. `ORG|LOC`; the first is GUM's."""
    loc_ids = {r["identity"] for r in names if r["type"] == "LOC"}
    loc_surfaces = {r["surface"] for r in names if r["type"] == "LOC"}
    for r in names:
        if r["type"] == "ORG" and (r["identity"] in loc_ids or r["surface"] in loc_surfaces
                                   or re.search(r"national_.*team", r["identity"])):
            r["type"] = "ORG|LOC"
        elif r["type"] == "LOC" and r["surface"].split()[-1].lower() in FACILITY_WORDS:
            r["type"] = "LOC|ORG"


def _capitalised(t: Token) -> bool:
    # GUM tags `United` (States) a verb, `American` an adjective: capitals count whatever the tag
    return t.upos in {"PROPN", "NUM"} or (
        t.upos not in {"DET", "PRON", "ADP", "PUNCT", "AUX", "CCONJ", "PART"} and t.form[:1].isupper()
    )


def name_span(doc: Doc, mention: Mention, gidx: dict[tuple[int, int], int]) -> tuple[int, int] | None:
    """The name inside a mention: the run of proper nouns around its head (`the Daughters of the
    American Revolution` -> `Daughters of the American Revolution`), without leading titles
    (`President`) and, for a person, without the names of other entities before it (`U.S.` of
    `U.S. President Donald Trump`). None when the head is no proper noun."""
    h = head_of(doc, mention.tokens, gidx)
    if doc.tokens[h].upos != "PROPN":
        return None
    inside = set(mention.tokens)
    # before a person's name, other entities' names are modifiers (`U.S.` President Donald Trump);
    # inside an organisation's or a place's they are part of it (`Mexico City`)
    nested: set[int] = set()
    for other in doc.mentions:
        if (mention.etype == "person" and other.eid != mention.eid and other.identity
                and other.etype in NAME_TYPES and set(other.tokens) < inside and max(other.tokens) < h):
            nested |= set(other.tokens)
    ok = inside - nested
    sent = doc.tokens[h].sent
    person = mention.etype == "person"

    def joins(k: int) -> bool:
        """A hyphen inside a name (`Chun-yu`) joins its two halves."""
        t = doc.tokens[k]
        return (t.form == "-" and k - 1 in ok and k + 1 in ok and doc.tokens[k - 1].end == t.start
                and doc.tokens[k + 1].start == t.end)

    lo = hi = h
    while lo - 1 in ok and doc.tokens[lo - 1].sent == sent and (
            _capitalised(doc.tokens[lo - 1]) or (joins(lo - 1) and lo - 2 in ok)):
        lo -= 1
    while True:
        k = hi + 1
        if k in ok and joins(k) and doc.tokens[k + 1].upos in {"PROPN", "NOUN", "X", "NUM"}:
            hi = k + 1
            continue
        # `University of Southern Indiana`: an `of` phrase is part of an organisation's or a place's
        # name, never of a person's (`Wu Chi-wai of the Democratic Party`)
        while not person and k in ok and doc.tokens[k].lemma.lower() in CONNECTORS:
            k += 1
        if k in ok and doc.tokens[k].sent == sent and _capitalised(doc.tokens[k]):
            hi = k
        else:
            break
    # a person's name starts after the last title before it (`Afghan Ambassador Hamdullah Mohib`)
    titles = [k for k in range(lo, h) if doc.tokens[k].form.lower() in TITLE_WORDS]
    if person and titles:
        lo = titles[-1] + 1
    while lo < h and doc.tokens[lo].form.lower() in TITLE_WORDS:
        lo += 1
    if doc.tokens[lo].form.lower() in TITLE_WORDS and lo == hi:
        return None
    return doc.tokens[lo].start, doc.tokens[hi].end


# GUM gives some durations a from/to value (`15 years`, `the past 30 days`); TimeML calls them
# durations, not dates
DURATION_RE = re.compile(
    r"\b(\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\w+teen|\w+ty)[- ](year|month|week|day)s?$",
    re.IGNORECASE,
)


def date_range(attrs: dict[str, str]) -> tuple[str, str, str] | None:
    """(start, end, granularity) of a TEI date's normalised value; None when it has none."""

    def bounds(value: str) -> tuple[str, str, str] | None:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            return value, value, "day"
        if re.fullmatch(r"\d{4}-\d{2}", value):
            y, m = int(value[:4]), int(value[5:])
            return f"{value}-01", f"{value}-{calendar.monthrange(y, m)[1]:02d}", "month"
        if re.fullmatch(r"\d{4}", value):
            return f"{value}-01-01", f"{value}-12-31", "year"
        return None

    if "when" in attrs:
        return bounds(attrs["when"])
    lo_key = "from" if "from" in attrs else "notBefore"
    hi_key = "to" if "to" in attrs else "notAfter"
    lo, hi = bounds(attrs.get(lo_key, "")), bounds(attrs.get(hi_key, ""))
    if lo and hi:
        return lo[0], hi[1], "range"
    return None


def speech_verb_for(doc: Doc, q_tokens: list[int], gidx: dict[tuple[int, int], int]) -> int | None:
    """The reporting verb the gold tree attaches the quotation to: the head of a root of the quote,
    or a child of a quoted word attached as parataxis/dependent clause (`"...," she said`)."""
    inside = set(q_tokens)
    sents = {doc.tokens[g].sent for g in q_tokens}
    for gi in q_tokens:
        t = doc.tokens[gi]
        h = gidx.get((t.sent, t.head))
        if h is not None and h not in inside and doc.tokens[h].lemma in SPEECH_LEMMAS:
            return h
    for gi, t in enumerate(doc.tokens):
        if gi in inside or t.sent not in sents or t.lemma not in SPEECH_LEMMAS or t.upos != "VERB":
            continue
        h = gidx.get((t.sent, t.head))
        if h in inside and t.deprel.split(":")[0] in {"parataxis", "ccomp", "advcl", "conj"}:
            return gi
        if h is None and any(doc.tokens[k].sent == t.sent and gidx.get((doc.tokens[k].sent, doc.tokens[k].head)) == gi
                             for k in inside):
            return gi
    return None


def subject_of(doc: Doc, verb: int, gidx: dict[tuple[int, int], int]) -> int | None:
    v = doc.tokens[verb]
    for gi, t in enumerate(doc.tokens):
        if t.sent == v.sent and gidx.get((t.sent, t.head)) == verb and t.deprel in {"nsubj", "nsubj:outer"}:
            return gi
    # `according to X`
    for gi, t in enumerate(doc.tokens):
        if t.sent == v.sent and gidx.get((t.sent, t.head)) == verb and t.deprel.startswith("obl"):
            case = [k for k, c in enumerate(doc.tokens) if c.sent == t.sent and gidx.get((c.sent, c.head)) == gi
                    and c.deprel == "case"]
            if any(doc.tokens[k].lemma == "accord" for k in case):
                return gi
    return None


def strip_quote_marks(doc: Doc, first: int, last: int) -> tuple[int, int]:
    marks = "\"'“”‘’"
    while first < last and doc.tokens[first].form in marks:
        first += 1
    while last > first and (doc.tokens[last].form in marks or doc.tokens[last].upos == "PUNCT"):
        last -= 1
    return doc.tokens[first].start, doc.tokens[last].end


def convert(doc: Doc) -> tuple[dict[str, str], list[dict], list[dict], list[dict]]:
    gidx = global_index(doc)
    text = doc.text
    # the Wikinews dateline (`Friday, July 21, 2017`, a sentence of its own near the top) is the
    # article's publication date, and no date of its body
    published = None
    dateline_token = -1
    for tag, attrs, first, last in sorted(doc.xml_spans, key=lambda s: s[2]):
        sent = doc.sent_tokens[doc.tokens[first].sent]
        alone = all(first <= k <= last or doc.tokens[k].upos == "PUNCT" for k in sent)
        if tag == "date" and alone and doc.tokens[first].sent <= 5 and len(attrs.get("when", "")) == 10:
            published, dateline_token = attrs["when"], first
            break
    published = published or doc.meta.get("dateCreated", "")
    article = {
        "doc_id": doc.doc_id,
        "title": doc.meta.get("title", ""),
        "published_date": published,
        "url": doc.meta.get("sourceURL", ""),
        "text": text,
    }
    names = []
    seen: set[tuple[int, int]] = set()
    for m in doc.mentions:
        if m.etype not in NAME_TYPES or not m.identity:
            continue
        span = name_span(doc, m, gidx)
        if span is None or span in seen:
            continue
        seen.add(span)
        names.append({"doc_id": doc.doc_id, "char_start": span[0], "char_end": span[1],
                      "surface": text[span[0]:span[1]], "type": NAME_TYPES[m.etype], "identity": m.identity})
    names.sort(key=lambda r: r["char_start"])
    # speakers: the entity of the subject of the reporting verb, named by every non-pronoun mention of it
    chains: dict[str, list[Mention]] = {}
    for m in doc.mentions:
        chains.setdefault(m.eid, []).append(m)
    quotes = []
    for tag, _attrs, first, last in doc.xml_spans:
        if tag != "quote":
            continue
        q_tokens = list(range(first, last + 1))
        verb = speech_verb_for(doc, q_tokens, gidx)
        if verb is None:
            continue
        subj = subject_of(doc, verb, gidx)
        if subj is None:
            continue
        # the speaker's mention: the smallest mention headed by the subject token
        cands = [m for m in doc.mentions if subj in m.tokens and head_of(doc, m.tokens, gidx) == subj]
        if not cands:
            continue
        sm = min(cands, key=lambda m: len(m.tokens))
        names_for: list[str] = []
        for m in chains.get(sm.eid, [sm]):
            surf = text[doc.tokens[m.tokens[0]].start:doc.tokens[m.tokens[-1]].end]
            if surf.lower() in PRONOUNS or len(m.tokens) > 12:
                continue
            names_for.append(surf)
            ns = name_span(doc, m, gidx)
            if ns:
                names_for.append(text[ns[0]:ns[1]])
        if not names_for:
            continue
        qs, qe = strip_quote_marks(doc, first, last)
        speaker_surface = text[doc.tokens[sm.tokens[0]].start:doc.tokens[sm.tokens[-1]].end]
        quotes.append({"doc_id": doc.doc_id, "char_start": qs, "char_end": qe,
                       "quote_start": text[qs:qs + 40], "speaker_surface": speaker_surface,
                       "speaker_names": "|".join(dict.fromkeys(names_for)), "speaker_identity": sm.identity})
    quotes.sort(key=lambda r: r["char_start"])
    dates = []
    for tag, attrs, first, last in doc.xml_spans:
        if tag != "date" or first == dateline_token:
            continue
        value = date_range(attrs)
        if value is None:
            continue
        s, e = doc.tokens[first].start, doc.tokens[last].end
        if DURATION_RE.search(text[s:e]):
            continue
        dates.append({"doc_id": doc.doc_id, "char_start": s, "char_end": e, "surface": text[s:e],
                      "value_start": value[0], "value_end": value[1], "granularity": value[2]})
    dates.sort(key=lambda r: r["char_start"])
    return article, names, quotes, dates


def write_csv(path: Path, rows: list[dict], fields: list[str]) -> None:
    with path.open("w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, fieldnames=fields, lineterminator="\n")
        w.writeheader()
        w.writerows(rows)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--gum", type=Path, default=Path("/work/.mirror/amir-zeldes+gum/repo"),
                    help="GUM repository: a bare git directory or a checkout")
    ap.add_argument("--prefix", default="GUM_news_", help="document name prefix to convert (default: the news genre)")
    ap.add_argument("--out", type=Path, default=Path("devset/gum_news"), help="output directory")
    args = ap.parse_args(argv)
    if not args.gum.exists():
        print(f"error: {args.gum}: no such GUM repository", file=sys.stderr)
        return 2
    files = git_files(args.gum, args.prefix)
    if not files:
        print(f"error: {args.gum}: no dep/{args.prefix}*.conllu files", file=sys.stderr)
        return 2
    args.out.mkdir(parents=True, exist_ok=True)
    articles, names, quotes, dates = [], [], [], []
    for path in files:
        doc = parse_doc(read_repo_file(args.gum, path), path)
        a, n, q, d = convert(doc)
        for row in n + q + d:
            assert a["text"][row["char_start"]:row["char_end"]], row
        articles.append(a)
        names += n
        quotes += q
        dates += d
    accepted_types(names)
    with (args.out / "articles.jsonl").open("w", encoding="utf-8") as f:
        for a in articles:
            f.write(json.dumps(a, ensure_ascii=False) + "\n")
    write_csv(args.out / "names.csv", names, ["doc_id", "char_start", "char_end", "surface", "type", "identity"])
    quote_fields = ["doc_id", "char_start", "char_end", "quote_start", "speaker_surface", "speaker_names",
                    "speaker_identity"]
    write_csv(args.out / "quotes.csv", quotes, quote_fields)
    write_csv(args.out / "dates.csv", dates,
              ["doc_id", "char_start", "char_end", "surface", "value_start", "value_end", "granularity"])
    print(f"{len(articles)} articles, {len(names)} names, {len(quotes)} quotes, {len(dates)} dates -> {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
