"""Content: HTML pages yield their article text (offsets point into it, the page is kept), and every
article's language is detected; articles in other languages are loaded and flagged."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

from pipeline import FIXTURES

BAD_INPUTS = FIXTURES / "bad_inputs"


def test_an_html_page_saved_as_txt_stores_its_text_and_keeps_the_page(
    tmp_path: Path, load: Callable[..., Any], query: Callable[..., Any]
) -> None:
    story = tmp_path / "pages"
    story.mkdir()
    shutil.copyfile(BAD_INPUTS / "saved_page.txt", story / "saved_page.txt")
    shutil.copyfile(BAD_INPUTS / "saved_page.txt", story / "same_page.html")
    (story / "empty_page.html").write_text("<html><head><script>var a = 1;</script></head><body></body></html>")
    summary = load(story)
    assert (summary.loaded, summary.unchanged, summary.rejected) == (1, 1, 1)
    [(text, html, body, title)] = query(
        "select raw_text, source_html, substr(raw_text, body_start + 1, body_end - body_start), title "
        "from raw.articles"
    )
    page = (BAD_INPUTS / "saved_page.txt").read_text(encoding="utf-8")
    assert html == page
    for junk in ("DOCTYPE", "<", "dataLayer", "48213", "777000", "99123", "font-size", "Sign up"):
        assert junk not in text
    assert title == "Harbour wall to be rebuilt before winter"
    assert body.startswith("PORTVILLE: The harbour board voted on Monday")
    assert body.endswith("the board said in a statement.")
    assert query("select reason from raw.rejected_files") == [
        ("The file is an HTML page with no article text that could be extracted.",)
    ]


def test_text_that_quotes_a_tag_is_not_html(
    tmp_path: Path, load: Callable[..., Any], query: Callable[..., Any]
) -> None:
    story = tmp_path / "quotes"
    story.mkdir()
    text = "The site showed <html> in its title bar, the engineers said on Monday after the outage.\n"
    (story / "a.txt").write_text(text, encoding="utf-8")
    load(story)
    assert query("select raw_text, source_html from raw.articles") == [(text, None)]


def test_languages_are_detected_and_other_languages_loaded(
    tmp_path: Path, load: Callable[..., Any], query: Callable[..., Any], sample_corpus: Path
) -> None:
    story = tmp_path / "languages"
    story.mkdir()
    for name in ("german.txt", "russian.txt"):
        shutil.copyfile(BAD_INPUTS / name, story / name)
    (story / "short.txt").write_text("Harbour shut.\n", encoding="utf-8")
    load(story, sample_corpus)
    got = dict(query("select source_file, language from raw.articles"))
    assert {name: got.pop(name) for name in ("german.txt", "russian.txt", "short.txt")} == {
        "german.txt": "de",
        "russian.txt": "ru",
        "short.txt": None,
    }
    assert set(got.values()) == {"en"}


def test_a_results_table_in_english_is_english() -> None:
    from ingest.language import detect_language

    # names and figures drown the caption's function words: langid took this for Nigerian Pidgin
    table = (
        "Provisional results from Sunday's women's giant slalom race: 1. Renata Kovalska (Slovakia) "
        "two minutes 11.42 seconds 2. Ingrid Haugvik (Norway) 2:11.87 3. Maren Lindqvist (Sweden) "
        "2:12.03 4. Paola Castellini (Italy) 2:12.40 5. Anouk Verlinden (Belgium) 2:12.66 6. Tereza "
        "Hradecka (Czech Republic) 2:12.91 7. Sanna Kettunen (Finland) 2:13.05 8. Lucie Marchand "
        "(France) 2:13.22"
    )
    assert detect_language(table) == "en"
    german = (
        "Ergebnisse des Riesenslaloms der Damen vom Sonntag: 1. Renata Kovalska (Slowakei) 2:11,42 "
        "Minuten 2. Ingrid Haugvik (Norwegen) 2:11,87 3. Maren Lindqvist (Schweden) 2:12,03 4. Paola "
        "Castellini (Italien) 2:12,40 5. Anouk Verlinden (Belgien) 2:12,66"
    )
    assert detect_language(german) == "de"
