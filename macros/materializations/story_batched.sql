{#- The materialization of every story model: the changed stories (int_stories_changed) are
    processed in batches of about var('story_batch_articles') articles, one INSERT each, so the
    working set of the extraction stays the size of one batch however large the corpus; DuckDB
    never has to hold (or spill) the whole corpus's token tables at once.

    A model reads its inputs through in_changed_stories(), which leaves markers in the SQL; each
    batch replaces them with its batch number and its story_key range (batches are contiguous
    ranges of story_key, see int_stories_changed). Every table this materialization writes gets a
    last column `story_key` (stable_key(story_id), whatever the model selects under that name), and
    because the batches are written one after another in key order, a batch's rows sit in row
    groups of their own: the range lets DuckDB skip the other batches' row groups by their
    zonemaps, so a batch costs what its own rows cost, not what the corpus costs. The stories an
    incremental run rebuilds are scattered over the whole key range, so there the range skips
    nothing; but their rows are appended after every other row, with the run's
    `build_started_at` (the column after story_key), and that column's zonemaps skip the rest.

    When every story is rebuilt (first build, --full-refresh, changed rules), the batches fill a
    new table that then replaces the old one in one rename, so a schema change of the model needs
    no migration; otherwise the changed stories' rows are deleted and their batches appended, all
    in one transaction. A work table (config work_table) with var keep_work_rows false is always
    replaced so: it keeps only this run's stories, which are all the next models read of it. -#}

{% materialization story_batched, adapter='duckdb' %}

    {%- set existing_relation = load_cached_relation(this) -%}
    {%- set target_relation = this.incorporate(type='table') -%}
    {%- set intermediate_relation = make_intermediate_relation(target_relation) -%}
    {%- set backup_relation = make_backup_relation(target_relation, 'table') -%}
    {{ drop_relation_if_exists(load_cached_relation(intermediate_relation)) }}
    {{ drop_relation_if_exists(load_cached_relation(backup_relation)) }}

    {%- set changed = ref('int_stories_changed') -%}
    {%- set batches = run_query(
        'select batch_no, bool_or(rebuild_all), cast(min(story_key) as varchar), cast(max(story_key) as varchar),'
        ~ ' cast(max(build_started_at) as varchar) from ' ~ changed ~ ' group by batch_no order by batch_no'
    ) -%}
    {#- The run's build time as a literal, not the subquery in_changed_stories() writes: DuckDB
        prunes every scan by a literal's zonemaps, by the subquery's only some (in a run of 1,000
        new stories int_figure_tokens_typed read every row of int_tokens). -#}
    {%- set run_sql = sql if batches.rows | length == 0 else sql.replace(
        changes_built_at(changed), "cast('" ~ batches.rows[0][4] ~ "' as timestamp)") -%}
    {%- set rebuild_all = existing_relation is none or should_full_refresh()
        or (batches.rows | length > 0 and batches.rows[0][1])
        or (config.get('work_table', false) and not var('keep_work_rows')) -%}

    {{ run_hooks(pre_hooks, inside_transaction=False) }}
    {{ run_hooks(pre_hooks, inside_transaction=True) }}

    {%- set destination = intermediate_relation if rebuild_all else target_relation -%}
    {% if rebuild_all %}
        {% call statement('main') -%}
            create table {{ destination }} as
            {{ story_keyed(run_sql.replace(story_batch_marker(), 'and false'), changed) }}
        {%- endcall %}
    {% elif existing_relation is not none %}
        {#- Only stories the last build or run wrote (was_built) have rows here; their story_key, an
            integer, is cheap to scan the whole table for, and story_id keeps the match exact. -#}
        {% call statement('main') -%}
            delete from {{ target_relation }}
            where
                story_key in (select changed.story_key from {{ changed }} as changed where changed.was_built)
                and story_id in (select changed.story_id from {{ changed }} as changed where changed.was_built)
        {%- endcall %}
    {% endif %}
    {#- A model whose SQL costs more to plan than its rows cost to compute (config story_batch_span,
        default 1) takes that many consecutive batches in one INSERT: DuckDB plans each statement
        anew, so fewer statements pay the planning fewer times. -#}
    {% for group in batches.rows | batch(config.get('story_batch_span', 1)) %}
        {%- set batch_sql = run_sql.replace(story_batch_marker(),
                'and changed.batch_no between ' ~ group[0][0] ~ ' and ' ~ group[-1][0])
            .replace(story_key_low_marker(), group[0][2]).replace(story_key_high_marker(), group[-1][3]) -%}
        {% call statement('batch_' ~ group[0][0]) -%}
            insert into {{ destination }}
            {{ story_keyed(batch_sql, changed) }}
        {%- endcall %}
    {% endfor %}

    {% if rebuild_all %}
        {% if existing_relation is not none %}
            {{ adapter.rename_relation(existing_relation, backup_relation) }}
        {% endif %}
        {{ adapter.rename_relation(intermediate_relation, target_relation) }}
    {% endif %}

    {{ run_hooks(post_hooks, inside_transaction=True) }}
    {% do persist_changed_docs(target_relation, model) %}
    {{ adapter.commit() }}
    {#- Only a rebuild made a backup: an incremental run, which makes none, would otherwise send a
        drop statement for every model. -#}
    {% if rebuild_all and existing_relation is not none %}
        {{ drop_relation_if_exists(backup_relation) }}
    {% endif %}
    {{ run_hooks(post_hooks, inside_transaction=False) }}

    {{ return({'relations': [target_relation]}) }}

{% endmaterialization %}

{#- A batch's rows with story_key and build_started_at as the last columns: story_key computed from
    story_id, build_started_at this run's (int_stories_changed). The same columns selected by the
    model itself, passed on from its inputs, carry the same values and are dropped. -#}
{% macro story_keyed(batch_sql, changed) -%}
    select
        columns(lambda column_name: column_name not in ('story_key', 'build_started_at')),
        {{ stable_key('batch.story_id') }} as story_key,
        {{ changes_built_at(changed) }} as build_started_at
    from (
        {{ batch_sql }}
    ) as batch
{%- endmacro %}

{#- The model's descriptions as DuckDB comments (persist_docs), written only where the table's
    differ: an incremental run appends to a table that has them already, and rewriting every
    column's comment of every model cost about 1.5 s of a 1,000-article step. A table a run has
    replaced has none, so there every comment is written. -#}
{% macro persist_changed_docs(relation, model) -%}
    {%- set where = "database_name = '" ~ relation.database ~ "' and schema_name = '" ~ relation.schema
        ~ "' and table_name = '" ~ relation.identifier ~ "'" -%}
    {%- set persisted = run_query(
        "select '' as column_name, comment from duckdb_tables() where " ~ where
        ~ " union all select column_name, comment from duckdb_columns() where " ~ where
    ) -%}
    {%- set current = {} -%}
    {%- for row in persisted.rows -%}
        {%- do current.update({row[0]: row[1] or ''}) -%}
    {%- endfor -%}
    {%- set statements = [] -%}
    {%- if config.persist_relation_docs() and model.description and current.get('') != model.description -%}
        {%- do statements.append(alter_relation_comment(relation, model.description)) -%}
    {%- endif -%}
    {%- if config.persist_column_docs() -%}
        {%- set changed = {} -%}
        {%- for name, column in model.columns.items() -%}
            {%- if name in current and current[name] != (column.description or '') -%}
                {%- do changed.update({name: column}) -%}
            {%- endif -%}
        {%- endfor -%}
        {%- if changed -%}
            {%- do statements.append(alter_column_comment(relation, changed)) -%}
        {%- endif -%}
    {%- endif -%}
    {%- if statements -%}
        {%- do run_query(statements | join('\n')) -%}
    {%- endif -%}
{%- endmacro %}
