"""HTML saved as an article (.html, or a web page saved as .txt): its text, extracted with trafilatura.

The extracted text is what ingest stores as raw_text, so detection, sentences and every offset
refer to it; the page itself is kept beside it in raw.articles.source_html. Without extraction a
page yields its markup as text: `DOCTYPE` read as an organisation, figures from its scripts.

trafilatura keeps the main content (headline, paragraphs) and drops navigation, scripts, styles,
footers and comments; it reads only the string it is given and never fetches anything. It is
imported on first use: it costs about a second to import, and most corpora hold no HTML.
"""

from __future__ import annotations

import logging
import re
from typing import Any

# A document that opens (after a BOM, blank space and comments) with a doctype or an html, head
# or body tag. Only the opening counts: an article that quotes a tag stays text.
_HTML_START_RE = re.compile(r"\A\ufeff?\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.I | re.S)


def looks_like_html(text: str) -> bool:
    return _HTML_START_RE.match(text[:4096]) is not None


def extract_text(html: str) -> str | None:
    """The page's article text, paragraphs on lines of their own; None when it holds none."""
    import trafilatura  # imported on first use, see the module docstring

    # It logs a warning for every page without content; ingest reports those as rejections.
    logging.getLogger("trafilatura").setLevel(logging.ERROR)

    document: Any = trafilatura.bare_extraction(
        html, with_metadata=True, include_comments=False, include_tables=False, favor_recall=True
    )
    text = (getattr(document, "text", None) or "").strip() if document is not None else ""
    if not text:
        return None
    # One block (headline, paragraph) a line from trafilatura; a blank line between them, as in a
    # text file, lets detection tell the headline from the body.
    text = "\n\n".join(line.strip() for line in text.splitlines() if line.strip())
    title = (getattr(document, "title", None) or "").strip()
    # The text usually opens with the headline; add the page title when it does not.
    if title and not text.startswith(title):
        text = f"{title}\n\n{text}"
    return text + "\n"
