{#- Generic data tests on a story model check only the stories this run rebuilt (int_stories_changed).
    Every other story's rows are what an earlier build wrote and tested, so re-reading them would
    make each incremental run's tests cost as much as a full build's. On a first build, after
    --full-refresh or a change of the rules every story is in int_stories_changed, so nothing is
    left out. dbt wraps the tested relation of every generic test in get_where_subquery; this
    overrides dbt's own default__get_where_subquery (the `where` config still applies). The
    subquery has no alias, so that tests can name it (`from {{ model }} as tested`). Singular
    tests in tests/ read whole tables. -#}
{% macro default__get_where_subquery(relation) -%}
    {%- set filters = [] -%}
    {%- set where = config.get('where', '') -%}
    {%- if where -%}
        {%- do filters.append('(' ~ where ~ ')') -%}
    {%- endif -%}
    {%- set tested = tested_relation() -%}
    {%- if tested is not none and tested.story_batched
        and tested.relation.identifier | lower == (relation.identifier or '') | lower -%}
        {%- do filters.append(in_stories_of(stories_changed_relation())) -%}
    {%- endif -%}
    {%- if filters -%}
        {%- do return('(select * from ' ~ relation ~ ' where ' ~ filters | join(' and ') ~ ')') -%}
    {%- endif -%}
    {%- do return(relation) -%}
{%- endmacro %}

{#- The model the running data test is attached to, as {relation, story_batched}; none outside a
    generic test's execution (unit tests, parse time). Looked up in the graph, not through ref(),
    which a test may only call for the models it declares. -#}
{% macro tested_relation() -%}
    {%- if not execute or model is not mapping or not model.get('attached_node') -%}
        {{- return(none) -}}
    {%- endif -%}
    {%- set node = graph.nodes.get(model.attached_node) -%}
    {%- if node is none -%}
        {{- return(none) -}}
    {%- endif -%}
    {{- return({
        'relation': api.Relation.create(database=node.database, schema=node.schema,
                                        identifier=node.alias or node.name),
        'story_batched': node.config.materialized == 'story_batched',
    }) -}}
{%- endmacro %}

{#- A filter for the singular tests in tests/: only rows of the stories this run rebuilt, as the
    generic tests above. -#}
{% macro in_tested_stories(column='story_id') -%}
    {{ in_stories_of(ref('int_stories_changed'), column) }}
{%- endmacro %}

{#- Rows of the stories in `changed` (int_stories_changed), of a story_batched table: the rows this
    run wrote carry its build_started_at, whose zonemaps skip the row groups of every other story
    (the stories of an incremental run are scattered over story_key); story_id keeps it exact. -#}
{% macro in_stories_of(changed, column='story_id') -%}
    {%- set prefix = column[:-('story_id' | length)] -%}
    {{ prefix }}build_started_at = {{ changes_built_at(changed) }}
    and {{ column }} in (select changed.story_id from {{ changed }} as changed)
{%- endmacro %}

{#- dbt's relationships test, with the parent side held to the tested stories too when both the
    tested model and the parent are story models: a sentence or article a row refers to belongs to
    the row's own story, so reading the parent's other stories can only cost time, and at a
    million articles it would cost most of an incremental run's tests. -#}
{% macro default__test_relationships(model, column_name, to, field) %}

with child as (
    select {{ column_name }} as from_field
    from {{ model }}
    where {{ column_name }} is not null
),

parent as (
    select {{ field }} as to_field
    from {{ parent_in_tested_stories(to) }}
)

select
    from_field

from child
left join parent
    on child.from_field = parent.to_field

where parent.to_field is null

{% endmacro %}

{#- `to`, a relationships test's parent relation, filtered like the tested model by
    default__get_where_subquery when both are story models; `to` itself otherwise. -#}
{% macro parent_in_tested_stories(to) -%}
    {%- set tested = tested_relation() -%}
    {%- if tested is none or not tested.story_batched -%}
        {{- return(to) -}}
    {%- endif -%}
    {%- for node in graph.nodes.values() -%}
        {%- if node.resource_type == 'model' and node.config.materialized == 'story_batched'
            and (node.alias or node.name) | lower == (to.identifier or '') | lower
            and node.schema | lower == (to.schema or '') | lower -%}
            {{- return('(select * from ' ~ to ~ ' where ' ~ in_stories_of(stories_changed_relation()) ~ ')') -}}
        {%- endif -%}
    {%- endfor -%}
    {{- return(to) -}}
{%- endmacro %}

{#- int_stories_changed as a relation, looked up in the graph: a test may call ref() only for the
    models it declares. -#}
{% macro stories_changed_relation() -%}
    {%- set changed = graph.nodes.get('model.' ~ project_name ~ '.int_stories_changed') -%}
    {{- return(api.Relation.create(database=changed.database, schema=changed.schema, identifier=changed.alias)) -}}
{%- endmacro %}
