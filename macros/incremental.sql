{#- Incremental builds, story by story (see README "Incremental builds"). A story is the unit: the
    extraction reads across the articles of a story (names typed by the story, speakers it is
    about, publication windows), so when one of its articles is added, changed or removed, every
    model rebuilds that whole story and no other. `int_stories_changed` lists the stories of this
    run: all of them on a first build, after `--full-refresh`, or when the logic fingerprint (the
    models, macros, seeds and vars) differs from the one the last finished build recorded. -#}

{#- Where in_changed_stories() leaves room for the batch of the story_batched materialization
    (macros/materializations/, which sqlfluff does not load): its number, and the first and last
    story_key of its range, which the materialization writes in as literals. -#}
{% macro story_batch_marker() %}/* story batch */{% endmacro %}
{% macro story_key_low_marker() %}/* first story key */ 0{% endmacro %}
{% macro story_key_high_marker() %}/* last story key */ 0{% endmacro %}

{#- A filter for a model's import CTE: only rows of the stories this run rebuilds, batch by batch
    (the markers are replaced by the story_batched materialization). `column` is the story_id
    column, optionally qualified (`dates.story_id`); the story_key column beside it (`dates.story_key`;
    every story_batched table and int_articles_changed have one) is held to the batch's range with
    literal bounds, so DuckDB skips the row groups of other batches by their zonemaps; the
    semi-join on story_id keeps the filter exact (two stories may share a key). The stories of an
    incremental run are scattered over the key range; there `build_started_at` (this run's time
    on the rows it wrote, see the story_batched materialization) skips the other row groups. Every
    relation read this way carries both columns. Unit tests, which
    have no relation to build, see every row. -#}
{% macro in_changed_stories(column='story_id') -%}
    {%- if this is not none and model.config.materialized == 'story_batched' -%}
        {%- set key_column = column[:-('story_id' | length)] ~ 'story_key' -%}
        {%- set built_column = column[:-('story_id' | length)] ~ 'build_started_at' -%}
        {%- if not column.endswith('story_id') -%}
            {{ exceptions.raise_compiler_error('in_changed_stories() takes a story_id column, not ' ~ column) }}
        {%- endif -%}
        (
            {{ key_column }} between {{ story_key_low_marker() }} and {{ story_key_high_marker() }}
            and {{ built_column }} = {{ changes_built_at(ref('int_stories_changed')) }}
            and {{ column }} in (
                select changed.story_id from {{ ref('int_stories_changed') }} as changed
                where true {{ story_batch_marker() }}
            )
        )
    {%- else -%}
        true
    {%- endif -%}
{%- endmacro %}

{#- The build time of the changed stories (`changed` is int_stories_changed), as a scalar
    subquery: what every row this run writes carries, and what reads of this run's rows filter by.
    The story_batched materialization writes the time in as a literal in its models' SQL; the
    data tests' filters keep the subquery. -#}
{% macro changes_built_at(changed) -%}
    (select max(changed.build_started_at) from {{ changed }} as changed)
{%- endmacro %}

{#- When this dbt run started (UTC), as a timestamp literal: int_stories_changed.build_started_at. -#}
{% macro build_started_at() -%}
    cast('{{ run_started_at.strftime("%Y-%m-%d %H:%M:%S.%f") }}' as timestamp)
{%- endmacro %}

{#- The state the last finished build recorded (int_story_articles_built), or another table of
    the last run's (`identifier`, e.g. int_stories_changed), read by name because this same run
    writes it anew; none on a first build or with --full-refresh. -#}
{% macro previous_build_state(identifier='int_story_articles_built') -%}
    {%- if not execute or flags.FULL_REFRESH -%}{{ return(none) }}{%- endif -%}
    {{- return(adapter.get_relation(database=this.database, schema=this.schema, identifier=identifier)) -}}
{%- endmacro %}

{#- The article versions the last finished build recorded (`built`, previous_build_state()), with
    the logic fingerprint of each; no rows (the columns of `current`, a relation of story_id and
    article_id) when there is none. -#}
{% macro built_articles(built, current) -%}
    {%- if built is not none -%}
        select
            story_id,
            article_id,
            logic_fingerprint
        from {{ built }}
    {%- else -%}
        select
            story_id,
            article_id,
            '' as logic_fingerprint
        from {{ current }}
        where false
    {%- endif -%}
{%- endmacro %}

{#- A digest of everything that decides what the story models hold: the file checksum of every
    story model and of every model and seed it reads, directly or not, every macro of this
    project, and the vars that rules read. When it differs from the one recorded by the last
    finished build, every story is rebuilt, so a stale lexicon or rule never leaves old facts
    behind. A model rebuilt whole on every run (findings, dim_outlets) and a seed only such models
    read (the review ledger) are left out: editing them rebuilds no story. -#}
{% macro logic_fingerprint() -%}
    {%- if not execute -%}{{ return('') }}{%- endif -%}
    {%- set read = [] -%}
    {%- for node in graph.nodes.values() -%}
        {%- if node.resource_type == 'model' and node.config.materialized == 'story_batched' -%}
            {%- do read.append(node.unique_id) -%}
        {%- endif -%}
    {%- endfor -%}
    {#- The list grows while the loop walks it: each node's parents join it once. -#}
    {%- for unique_id in read -%}
        {%- for parent in graph.nodes[unique_id].depends_on.nodes -%}
            {%- if parent in graph.nodes and parent not in read -%}
                {%- do read.append(parent) -%}
            {%- endif -%}
        {%- endfor -%}
    {%- endfor -%}
    {%- set parts = [] -%}
    {%- for unique_id in read | sort -%}
        {%- set node = graph.nodes[unique_id] -%}
        {%- if node.resource_type in ('model', 'seed') and node.package_name == project_name -%}
            {%- do parts.append(unique_id ~ '=' ~ node.checksum.checksum) -%}
        {%- endif -%}
    {%- endfor -%}
    {%- set project_macros = context.get(project_name) -%}
    {%- for name in project_macros | sort -%}
        {%- do parts.append(name ~ '=' ~ local_md5(project_macros[name].macro.macro_sql)) -%}
    {%- endfor -%}
    {%- for name in rule_vars() -%}
        {%- do parts.append(name ~ '=' ~ var(name)) -%}
    {%- endfor -%}
    {{- return(local_md5(parts | join('\n'))) -}}
{%- endmacro %}

{#- The vars of dbt_project.yml that change extracted facts (thresholds of the tests do not), and
    keep_work_rows, which changes what the work tables hold: set back to true, every story is
    rebuilt and they hold every story again. -#}
{% macro rule_vars() -%}
    {{- return(['figure_tolerance', 'story_window_days', 'event_day_gap', 'event_cue_max_distance',
                'yearless_day_future_days', 'future_day_past_days', 'bare_weekday_future_days',
                'bare_month_future_months', 'claim_history_days', 'two_digit_year_pivot',
                'keep_work_rows']) -}}
{%- endmacro %}
