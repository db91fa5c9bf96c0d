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


def _compile_each_macro_file_once() -> None:
    """sqlfluff's jinja templater compiles every file of macros/ twice for each file it lints (1.2 s
    a file, about 160 s of CPU over the project, a third of lint's time). The compiled code depends
    only on the macro file's text and the environment's settings, which are the same for every
    file, so it is kept across files; each file still gets its own template with its own globals.
    This module is executed again for every linted file: the cache lives on the patched method."""
    from types import CodeType

    from jinja2 import Environment
    from jinja2.environment import Template
    from sqlfluff.core.templaters.jinja import JinjaTemplater

    extract = JinjaTemplater._extract_macros_from_template
    if hasattr(extract, "compiled"):
        return
    compiled: dict[str, CodeType] = {}

    class _CompiledOnce:
        def __init__(self, env: Environment) -> None:
            self.env = env

        def from_string(self, source: str, globals: dict[str, Any] | None = None) -> Template:
            code = compiled.get(source)
            if code is None:
                code = compiled[source] = self.env.compile(source)
            return self.env.template_class.from_code(self.env, code, self.env.make_globals(globals))

    def extract_compiled_once(template: str, env: Environment, ctx: dict[str, Any]) -> dict[str, Any]:
        return extract(template, _CompiledOnce(env), ctx)  # type: ignore[arg-type]

    extract_compiled_once.compiled = compiled  # type: ignore[attr-defined]
    JinjaTemplater._extract_macros_from_template = staticmethod(extract_compiled_once)  # type: ignore[method-assign]


_compile_each_macro_file_once()
