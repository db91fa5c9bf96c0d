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

{#- A list built from the given expressions (a Python/Jinja list of SQL expression strings). -#}
{% macro list_of(items) %}{{ return(adapter.dispatch('list_of', 'corroborate')(items)) }}{% endmacro %}
{% macro duckdb__list_of(items) %}[{{ items | join(', ') }}]{% endmacro %}

{#- Which claims disagree: a SELECT with `key_columns` and two flags per claim, from `figures` (a
    relation or CTE with the key columns, article_id, value, value_low, value_high, qualifier).
      exact_conflict   two articles state exact figures and share none of them (within
                       `tolerance` of the larger). Articles are compared in pairs: one article
                       giving two exact figures of a claim (`by 344 votes to 286`) is no
                       contradiction between sources, and should not fail a build.
      bounds_conflict  no value fits all figures of the claim, exact values widened by
                       `tolerance`, vague ones read as their bounds (NULL = open): a soft
                       disagreement, within one article too (`tens of thousands` and `over
                       100,000`). -#}
{% macro claim_disagreements(figures, key_columns, tolerance) -%}
    with

    intervals as (

        select
            *,
            case when qualifier = 'exact' then value * (1 - {{ tolerance }}) else value_low end as interval_low,
            case when qualifier = 'exact' then value * (1 + {{ tolerance }}) else value_high end as interval_high
        from {{ figures }}

    ),

    exact_pairs as (

        select
            {%- for k in key_columns %}
            a.{{ k }},
            {%- endfor %}
            bool_or(abs(a.value - b.value) <= {{ tolerance }} * greatest(abs(a.value), abs(b.value))) as share_exact
        from intervals as a
        inner join intervals as b
            on
            {%- for k in key_columns %}
                a.{{ k }} is not distinct from b.{{ k }} and
            {%- endfor %}
                a.article_id < b.article_id
        where a.qualifier = 'exact' and b.qualifier = 'exact'
        group by {% for k in key_columns %}a.{{ k }}, {% endfor %}a.article_id, b.article_id

    ),

    exact_conflicts as (

        select
            {{ key_columns | join(', ') }},
            bool_or(not share_exact) as exact_conflict
        from exact_pairs
        group by {{ key_columns | join(', ') }}

    ),

    hulls as (

        select
            {{ key_columns | join(', ') }},
            max(interval_low) as common_low,
            min(interval_high) as common_high
        from intervals
        group by {{ key_columns | join(', ') }}

    )

    select
        {%- for k in key_columns %}
        hulls.{{ k }},
        {%- endfor %}
        coalesce(exact_conflicts.exact_conflict, false) as exact_conflict,
        coalesce(hulls.common_low > hulls.common_high, false) as bounds_conflict
    from hulls
    left join exact_conflicts
        on {% for k in key_columns %}hulls.{{ k }} is not distinct from exact_conflicts.{{ k }}{% if not loop.last %} and {% endif %}{% endfor %}
{%- endmacro %}
