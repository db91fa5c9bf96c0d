"""Lint renders each file once (`render_variant_limit = 1` in .sqlfluff): a model whose own SQL
branches on Jinja must ask for every branch to be rendered, or lint never reads the branch that
the stand-in context does not take."""

from __future__ import annotations

import re

from pipeline import REPO

# `{% if %}` in a model's own text; `{% if not loop.last %}union all{% endif %}` only joins the
# renders of a loop and has no SQL of its own to lint.
OWN_BRANCH = re.compile(r"\{%-?\s*if\s+(?!not loop\.last\s*%\})")
ALL_VARIANTS = "-- sqlfluff:render_variant_limit:5"


def test_models_with_branches_of_their_own_render_every_variant() -> None:
    sql = [p for folder in ("models", "tests", "analyses") for p in (REPO / folder).rglob("*.sql")]
    branching = {p.relative_to(REPO) for p in sql if OWN_BRANCH.search(p.read_text())}
    assert branching, "no model branches on Jinja: the pattern no longer finds what it should"
    unmarked = sorted(str(p) for p in branching if ALL_VARIANTS not in (REPO / p).read_text().splitlines())
    assert unmarked == [], f"add `{ALL_VARIANTS}` to these files: {unmarked}"
