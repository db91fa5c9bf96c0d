"""Write the story pages: static HTML from the marts that opens offline, from a file.

    python -m warehouse.pages [--db FILE] [--out report]

report/index.html lists the stories (articles, outlets, findings); report/story-<story>.html
shows one story: a timeline of its events with each outlet's dates, a chart per claim of every
outlet's value or range coloured by status, the quotes grouped by speaker and stance, the
findings with their review state, and the articles themselves, one anchor per sentence, which
every fact links to. Pages are rendered with Jinja2; charts are inline SVG (warehouse.charts);
no script, font or stylesheet is loaded from anywhere else.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import duckdb
from jinja2 import Environment, FileSystemLoader, select_autoescape

from warehouse.charts import STATUS_COLOURS, DayMark, EventRow, Mark, timeline, value_chart

TEMPLATES = Path(__file__).resolve().parent / "templates"
EXIT_UNREADABLE = 2


def slug(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9_-]+", "-", text).strip("-") or "story"


def anchor(sentence_id: str) -> str:
    """`<article_id>:<index>` -> an HTML id, short enough to read in a URL."""
    article_id, _, index = sentence_id.rpartition(":")
    return f"s-{article_id[:12]}-{index}"


def _rows(con: duckdb.DuckDBPyConnection, sql: str, params: list[Any] | None = None) -> list[dict[str, Any]]:
    cursor = con.execute(sql, params or [])
    names = [c[0] for c in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


@dataclass
class Story:
    story_id: str
    page: str
    articles: list[dict[str, Any]] = field(default_factory=list)
    outlets: list[str] = field(default_factory=list)
    claims: list[dict[str, Any]] = field(default_factory=list)
    events: list[dict[str, Any]] = field(default_factory=list)
    timeline_svg: str = ""
    speakers: list[dict[str, Any]] = field(default_factory=list)
    findings: list[dict[str, Any]] = field(default_factory=list)

    @property
    def blocking(self) -> int:
        return sum(1 for f in self.findings if f["is_blocking"])


def _label(row: dict[str, Any]) -> str:
    """Who and when, short enough for a chart's label column: outlet, else the file's name."""
    who = _clip(row.get("outlet") or Path(row["source_file"]).stem, 16)
    when = row.get("published_date")
    return f"{who} · {when}" if when else who


def _clip(text: str, n: int) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"


def load(db: Path) -> list[Story]:
    with duckdb.connect(str(db), read_only=True) as con:
        articles = _rows(
            con, "select * from marts.dim_articles order by story_id, published_date nulls last, source_file")
        sentences = _rows(con, """
            select s.article_id, s.sentence_id, s.sentence_index, s.paragraph_index, s.sentence_text, s.is_heading
            from intermediate.int_sentences as s
            inner join marts.dim_articles as a on s.article_id = a.article_id
            order by s.article_id, s.sentence_index""")
        claims = _rows(con, "select * from marts.claim_agreement order by story_id, claim_key")
        figures = _rows(con, """
            select story_id, claim_key, article_id, sentence_id, source_file, outlet, published_date, surface,
                   value, value_low, value_high, qualifier, sentence_text
            from marts.fct_figures where claim_key is not null
            order by published_date nulls last, source_file, char_start""")
        events = _rows(con, "select * from marts.event_date_agreement order by story_id, consensus_start, event_key")
        dates = _rows(con, """
            select event_key, article_id, sentence_id, source_file, outlet, published_date, surface,
                   resolved_start, resolved_end, sentence_text
            from marts.fct_dates where event_key is not null and resolved_start is not null
            order by published_date nulls last, source_file, char_start""")
        reactions = _rows(con, """
            select r.*, a.source_file, a.published_date from marts.fct_reactions as r
            inner join marts.dim_articles as a on r.article_id = a.article_id
            order by r.story_id, r.speaker, r.stance, a.published_date, r.char_start""")
        findings = _rows(con, "select * from marts.findings order by story_id, is_blocking desc, status, finding_key")

    stories: dict[str, Story] = {}
    sentences_of: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for s in sentences:
        s["anchor"] = anchor(s["sentence_id"])
        sentences_of[s["article_id"]].append(s)
    for a in articles:
        story = stories.setdefault(a["story_id"], Story(a["story_id"], f"story-{slug(a['story_id'])}.html"))
        a["sentences"] = sentences_of[a["article_id"]]
        story.articles.append(a)
        if a["outlet"] and a["outlet"] not in story.outlets:
            story.outlets.append(a["outlet"])

    figures_of: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    for f in figures:
        figures_of[(f["story_id"], f["claim_key"])].append(f)
    for c in claims:
        if c["story_id"] not in stories:
            continue
        rows = figures_of[(c["story_id"], c["claim_key"])]
        marks = [
            Mark(label=_label(f), low=f["value_low"], high=f["value_high"], point=f["value"],
                 exact=f["qualifier"] == "exact", href="#" + anchor(f["sentence_id"]),
                 tooltip=f"{f['outlet'] or f['source_file']}: {f['surface']} — {f['sentence_text']}")
            for f in rows
        ]
        c["figures"] = [dict(f, anchor=anchor(f["sentence_id"])) for f in rows]
        c["chart"] = value_chart(marks, c["status"], c["consensus_value"], f"{c['claim_key']}: {c['status']}")
        c["colour"] = STATUS_COLOURS.get(c["status"], "#444")
        stories[c["story_id"]].claims.append(c)

    dates_of: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for d in dates:
        dates_of[d["event_key"]].append(d)
    for e in events:
        if e["story_id"] not in stories:
            continue
        e["dates"] = [dict(d, anchor=anchor(d["sentence_id"])) for d in dates_of[e["event_key"]]]
        e["colour"] = STATUS_COLOURS.get(e["status"], "#444")
        stories[e["story_id"]].events.append(e)
    for story in stories.values():
        rows = [
            EventRow(
                title=e["event_key"].removeprefix(f"{story.story_id}|").replace("|", " "),
                status=e["status"],
                consensus=(e["consensus_start"], e["consensus_end"]) if e["consensus_start"] else None,
                marks=[DayMark(label=f"{_label(d)} “{_clip(d['surface'], 10)}”", start=d["resolved_start"],
                               end=d["resolved_end"], href="#" + d["anchor"],
                               tooltip=f"{d['outlet'] or d['source_file']}: {d['surface']} — {d['sentence_text']}")
                       for d in e["dates"]],
            )
            for e in story.events
        ]
        story.timeline_svg = timeline(rows, f"timeline of {story.story_id}")

    speakers: dict[tuple[str, str], dict[str, Any]] = {}
    for r in reactions:
        r["anchor"] = anchor(r["sentence_id"])
        key = (r["story_id"], r["speaker"])
        if key not in speakers:
            speakers[key] = {"speaker": r["speaker"], "affiliation": r["speaker_affiliation"], "stances": {}}
            if r["story_id"] in stories:
                stories[r["story_id"]].speakers.append(speakers[key])
        speakers[key]["stances"].setdefault(r["stance"], []).append(r)

    for f in findings:
        if f["story_id"] in stories:
            f["evidence_lines"] = (f["evidence"] or "").splitlines()
            stories[f["story_id"]].findings.append(f)
    return list(stories.values())


def render(stories: list[Story], out: Path, db: Path) -> list[Path]:
    """Write index.html and a page per story into `out` (replaced whole); returns the pages."""
    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(["html", "j2"]),
                      trim_blocks=True, lstrip_blocks=True)
    staged = out.with_name(f".{out.name}.tmp-{os.getpid()}")
    shutil.rmtree(staged, ignore_errors=True)
    staged.mkdir(parents=True)
    css = (TEMPLATES / "report.css").read_text(encoding="utf-8")
    written = [staged / "index.html"]
    written[0].write_text(env.get_template("index.html.j2").render(stories=stories, db=db.name, css=css,
                                                                   colours=STATUS_COLOURS), encoding="utf-8")
    for story in stories:
        page = staged / story.page
        page.write_text(env.get_template("story.html.j2").render(story=story, db=db.name, css=css,
                                                                 colours=STATUS_COLOURS), encoding="utf-8")
        written.append(page)
    shutil.rmtree(out, ignore_errors=True)
    staged.rename(out)
    return [out / p.name for p in written]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m warehouse.pages", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", type=Path, default=Path(os.environ.get("WAREHOUSE_PATH", "warehouse.duckdb")),
                        help="DuckDB file (default: $WAREHOUSE_PATH or warehouse.duckdb)")
    parser.add_argument("--out", type=Path, default=Path("report"), help="folder to write (default: report)")
    args = parser.parse_args(argv)
    if not args.db.exists():
        print(f"cannot open {args.db}: no such file", file=sys.stderr)
        return EXIT_UNREADABLE
    try:
        stories = load(args.db)
    except duckdb.Error as exc:
        print(f"cannot read the marts of {args.db}: {exc}", file=sys.stderr)
        return EXIT_UNREADABLE
    pages = render(stories, args.out, args.db)
    print(f"wrote {len(pages)} pages to {args.out}/ (open {args.out / 'index.html'})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
