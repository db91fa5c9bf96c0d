"""Jinja context for sqlfluff's jinja templater: a stand-in for dbt's `adapter`, so that the
project's `adapter.dispatch` macros render their DuckDB variants when models are linted without
compiling the dbt project (which would open the warehouse file)."""

from __future__ import annotations

from typing import Any

from jinja2 import pass_context
from jinja2.runtime import Context


class _Adapter:
    @pass_context
    def dispatch(self, context: Context, name: str, macro_namespace: str | None = None) -> Any:
        return context.resolve(f"duckdb__{name}")


adapter = _Adapter()
