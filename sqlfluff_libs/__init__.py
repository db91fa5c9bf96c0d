"""Jinja context for sqlfluff's jinja templater: a stand-in for dbt's `adapter`, so that the
project's `adapter.dispatch` macros render their DuckDB variants when models are linted without
compiling the dbt project (which would open the warehouse file), and `flags`, `model`,
`exceptions` and `run_started_at`."""

from __future__ import annotations

import datetime as dt
from typing import Any

from jinja2 import pass_context
from jinja2.runtime import Context


class _Adapter:
    @pass_context
    def dispatch(self, context: Context, name: str, macro_namespace: str | None = None) -> Any:
        return context.resolve(f"duckdb__{name}")

    def get_relation(self, database: str | None = None, schema: str | None = None, identifier: str = "") -> None:
        """No warehouse while linting: every relation looked up is absent."""
        return None


class _Flags:
    FULL_REFRESH = False


class _Exceptions:
    def raise_compiler_error(self, message: str) -> str:
        """dbt stops the build here; lint renders on (a stubbed var may hold any value)."""
        return ""


adapter = _Adapter()
flags = _Flags()
exceptions = _Exceptions()
# Any fixed time: lint only needs the literal of build_started_at() to render.
run_started_at = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)


class _ModelConfig:
    # Linted as built: the story filter of in_changed_stories() renders.
    materialized = "story_batched"


class _Model:
    config = _ModelConfig()


model = _Model()
