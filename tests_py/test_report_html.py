"""The story pages as a person sees them: written from the sample build, opened from disk in
headless Chromium (the Debian package, driven over the DevTools protocol), offline.

Checks that the index and a story page load with no console message, script error or failed
resource, that every claim has a chart with marks in it and the timeline has a mark per dated
event mention, that every in-page link lands on an element (each fact on its sentence), and that
nothing is fetched from the network. The harness itself is checked on a page that does load a
missing resource and log an error, so that a silent browser cannot pass for a clean page.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from pipeline import BuildResult
from warehouse import browser, pages

CHART_COUNTS = """
(() => {
  const charts = [...document.querySelectorAll('svg.chart')];
  return {
    charts: charts.length,
    emptyCharts: charts.filter(c => c.querySelectorAll('.mark').length === 0).length,
    marks: charts.map(c => c.querySelectorAll('.mark').length),
    drawn: charts.filter(c => c.getBoundingClientRect().width > 100 && c.getBoundingClientRect().height > 20).length,
    claimMarks: document.querySelectorAll('#claims ~ svg.chart a .mark').length,
    deadLinks: [...document.querySelectorAll('a[href^="#"]')]
        .map(a => a.getAttribute('href').slice(1)).filter(id => !document.getElementById(id)),
    sentenceLinks: document.querySelectorAll('a[href^="#s-"]').length,
    sentences: document.querySelectorAll('.article p[id^="s-"]').length,
  };
})()
"""


@pytest.fixture(scope="module")
def chromium() -> str:
    """The Debian Chromium; installed here when missing and running as root (a fresh CI machine)."""
    found = browser.find_chromium()
    if found is None and hasattr(os, "geteuid") and os.geteuid() == 0 and shutil.which("apt-get"):
        subprocess.run(["apt-get", "update", "-qq"], check=True)
        subprocess.run(["apt-get", "install", "-y", "-qq", "chromium"], check=True)
        found = browser.find_chromium()
    if found is None:
        pytest.fail("Chromium is needed for the browser tests: apt-get install -y chromium (or make browser)")
    return found


@pytest.fixture(scope="module")
def report(sample_build: BuildResult, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("report") / "report"
    pages.render(pages.load(sample_build.db), out, sample_build.db)
    return out


def story_page(report: Path) -> Path:
    return report / "story-articles.html"


def test_index_lists_every_story_and_links_its_page(report: Path, chromium: str) -> None:
    visited = browser.visit(report / "index.html",
                            "[...document.querySelectorAll('#stories a')].map(a => a.getAttribute('href'))")
    assert visited.problems == []
    assert visited.evaluated == ["story-articles.html"]
    assert story_page(report).exists()


def test_story_page_loads_clean_and_draws_its_charts(
        report: Path, chromium: str, sample_build: BuildResult, tmp_path: Path) -> None:
    visited = browser.visit(story_page(report), CHART_COUNTS, screenshot=True)
    assert visited.problems == []
    counts = visited.evaluated
    with duckdb.connect(str(sample_build.db), read_only=True) as con:
        (n_claims,) = con.execute("select count(*) from marts.claim_agreement").fetchone()
        (n_figures,) = con.execute("select count(*) from marts.fct_figures where claim_key is not null").fetchone()
        (n_dated,) = con.execute(
            "select count(*) from marts.fct_dates where event_key is not null and resolved_start is not null"
        ).fetchone()
        (n_sentences,) = con.execute("select count(*) from intermediate.int_sentences as s "
                                     "inner join marts.dim_articles using (article_id)").fetchone()
    # one chart per claim, plus the timeline; each with marks, each laid out at a visible size
    assert counts["charts"] == n_claims + 1
    assert counts["emptyCharts"] == 0 and counts["drawn"] == counts["charts"]
    assert counts["claimMarks"] == n_figures
    assert counts["marks"][0] == n_dated  # the timeline: a mark per dated mention
    # every fact links to its sentence, and every link lands
    assert counts["deadLinks"] == []
    assert counts["sentences"] == n_sentences
    assert counts["sentenceLinks"] >= n_figures + n_dated
    assert visited.screenshot is not None and visited.screenshot[:8] == b"\x89PNG\r\n\x1a\n"
    assert len(visited.screenshot) > 20_000  # a drawn page, not a blank one


def test_pages_fetch_nothing_from_elsewhere(report: Path) -> None:
    for page in report.glob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert "<script" not in html, page.name
        for target in re.findall(r"""(?:src|href)=["']([^"']+)["']""", html):
            assert target.startswith("#") or (report / target).exists(), (page.name, target)


def test_story_page_shows_the_findings_and_quotes_of_the_sample(report: Path) -> None:
    html = story_page(report).read_text(encoding="utf-8")
    findings = html[html.index('id="findings"'):html.index('id="timeline"')]
    assert "people|Armenia|displace" in findings and "unreviewed" in findings
    quotes = html[html.index('id="quotes"'):html.index('id="articles"')]
    assert "Charles Michel" in quotes and "positive" in quotes


def test_the_browser_check_sees_console_errors_and_missing_files(tmp_path: Path, chromium: str) -> None:
    broken = tmp_path / "broken.html"
    broken.write_text("<html><body><img src='missing.png'><script>console.error('boom')</script></body></html>")
    problems = browser.visit(broken).problems
    assert any("console error: boom" in p for p in problems), problems
    assert any("missing.png" in p for p in problems), problems


def test_data_docs_open_offline_listing_every_suite(sample_build: BuildResult, tmp_path: Path, chromium: str) -> None:
    """GX's own index draws its run list with scripts from CDNs; ours lists every suite offline."""
    from warehouse.validate import suites, validate

    report = validate(sample_build.db, docs=tmp_path / "docs")
    assert report.docs_index == tmp_path / "docs" / "index.html"
    visited = browser.visit(report.docs_index, "[...document.querySelectorAll('#suites tr td:first-child a')]"
                                               ".map(a => a.textContent)")
    assert visited.problems == []
    assert visited.evaluated == [suite.name for suite in suites()]
    html = report.docs_index.read_text(encoding="utf-8")
    assert "<script" not in html and "http" not in html


@pytest.mark.parametrize("module", ["warehouse.pages", "warehouse.browser", "warehouse.findings", "warehouse.build"])
def test_clis_have_help(module: str) -> None:
    done = subprocess.run([sys.executable, "-m", module, "--help"], capture_output=True, text=True)
    assert done.returncode == 0 and "usage:" in done.stdout and "--" in done.stdout
