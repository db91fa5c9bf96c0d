{#- Engine-specific SQL used by the figure models, behind adapter.dispatch like macros/dialect.sql. -#}

{#- Product of the non-null values of `expr` in a group (NULL when there are none). -#}
{% macro product_agg(expr) %}{{ return(adapter.dispatch('product_agg', 'corroborate')(expr)) }}{% endmacro %}
{% macro duckdb__product_agg(expr) %}product({{ expr }}){% endmacro %}

{#- A list of structs, one per row of the group, ordered: `fields` is a list of (name, expression). -#}
{% macro struct_list_agg(fields, order_by) %}{{ return(adapter.dispatch('struct_list_agg', 'corroborate')(fields, order_by)) }}{% endmacro %}
{% macro duckdb__struct_list_agg(fields, order_by) -%}
    list({
        {%- for name, expr in fields %}'{{ name }}': {{ expr }}{% if not loop.last %}, {% endif %}{% endfor -%}
    } order by {{ order_by }})
{%- endmacro %}

{#- A number as text without a trailing `.0` for whole values (`32`, `3.5`, `120000`). -#}
{% macro format_figure(expr) -%}
    case
        when {{ expr }} = floor({{ expr }}) then cast(cast({{ expr }} as bigint) as varchar)
        else cast({{ expr }} as varchar)
    end
{%- endmacro %}

{#- `as` for a CTE that several later CTEs read: DuckDB otherwise inlines it into each of them and
    computes it again every time (`with x as materialized (...)`). -#}
{% macro materialized_cte() %}{{ return(adapter.dispatch('materialized_cte', 'corroborate')()) }}{% endmacro %}
{% macro duckdb__materialized_cte() %}as materialized{% endmacro %}
{% macro default__materialized_cte() %}as{% endmacro %}

{#- A list built from the given expressions (a Python/Jinja list of SQL expression strings). -#}
{% macro list_of(items) %}{{ return(adapter.dispatch('list_of', 'corroborate')(items)) }}{% endmacro %}
{% macro duckdb__list_of(items) %}[{{ items | join(', ') }}]{% endmacro %}
