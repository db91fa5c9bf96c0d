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

{#- The toll claims whose differences are updates, not contradictions: a SELECT of story_id,
    claim_key, latest_value and latest_articles, from `figures` (a relation or CTE with story_id,
    claim_key, article_id, published_date, action_class, qualifier, value, value_low, value_high).
    A claim of a toll (its action is one of `tolls`, a relation with action_class) evolves when
    its exact figures come from at least two publication dates, every article stating one is
    dated, and from one date to the next both the lowest and the highest exact figure move the
    same one way (an article recalling the earlier toll, `from nine`, keeps the lowest where it
    was), unless two articles of one day state figures that admit no common value (exact ones
    widened by `tolerance`, vague ones read as bounds): they had the same information. The
    latest value is the highest exact figure of the last date for a rising toll, the lowest for a
    falling one; latest_articles the articles that state it. -#}
{% macro evolving_tolls(figures, tolls, tolerance) -%}
    with

    toll_claims as (

        select distinct
            figures.story_id,
            figures.claim_key
        from {{ figures }} as figures
        inner join {{ tolls }} as tolls on figures.action_class = tolls.action_class

    ),

    figure_intervals as (

        select
            story_id,
            claim_key,
            article_id,
            published_date,
            case when qualifier = 'exact' then value * (1 - {{ tolerance }}) else value_low end
                as interval_low,
            case when qualifier = 'exact' then value * (1 + {{ tolerance }}) else value_high end
                as interval_high
        from {{ figures }}

    ),

    -- Two articles of one day disagree when none of their figures admit a common value.
    same_day_pairs as (

        select
            a.story_id,
            a.claim_key,
            bool_or(
                (a.interval_high is null or b.interval_low is null or b.interval_low <= a.interval_high)
                and (b.interval_high is null or a.interval_low is null or a.interval_low <= b.interval_high)
            ) as share_a_value
        from figure_intervals as a
        inner join figure_intervals as b
            on
                a.story_id = b.story_id
                and a.claim_key = b.claim_key
                and a.published_date = b.published_date
                and a.article_id < b.article_id
        group by a.story_id, a.claim_key, a.article_id, b.article_id

    ),

    same_day_disagreements as (

        select distinct
            story_id,
            claim_key
        from same_day_pairs
        where not share_a_value

    ),

    exact_by_date as (

        select
            story_id,
            claim_key,
            published_date,
            min(value) as low_value,
            max(value) as high_value
        from {{ figures }}
        where qualifier = 'exact'
        group by story_id, claim_key, published_date

    ),

    exact_steps as (

        select
            *,
            low_value - lag(low_value) over by_date as low_step,
            high_value - lag(high_value) over by_date as high_step,
            row_number() over (
                partition by story_id, claim_key order by published_date desc nulls first
            ) as recency
        from exact_by_date
        window by_date as (partition by story_id, claim_key order by published_date)

    ),

    trends as (

        select
            story_id,
            claim_key,
            count(*) >= 2 and count(published_date) = count(*) as over_dates,
            coalesce(bool_and(low_step >= 0 and high_step >= 0), false)
            and coalesce(bool_or(low_step > 0 or high_step > 0), false) as rises,
            coalesce(bool_and(low_step <= 0 and high_step <= 0), false)
            and coalesce(bool_or(low_step < 0 or high_step < 0), false) as falls,
            max(case when recency = 1 then high_value end) as latest_high,
            max(case when recency = 1 then low_value end) as latest_low
        from exact_steps
        group by story_id, claim_key

    ),

    evolving_trends as (

        select
            trends.story_id,
            trends.claim_key,
            case when trends.rises then trends.latest_high else trends.latest_low end as latest_value
        from trends
        inner join toll_claims
            on trends.story_id = toll_claims.story_id and trends.claim_key = toll_claims.claim_key
        left join same_day_disagreements
            on trends.story_id = same_day_disagreements.story_id and trends.claim_key = same_day_disagreements.claim_key
        where trends.over_dates and (trends.rises or trends.falls) and same_day_disagreements.claim_key is null

    )

    select
            evolving_trends.story_id,
            evolving_trends.claim_key,
            evolving_trends.latest_value,
            count(distinct figures.article_id) as latest_articles
        from evolving_trends
        inner join {{ figures }} as figures
            on
                evolving_trends.story_id = figures.story_id
                and evolving_trends.claim_key = figures.claim_key
                and evolving_trends.latest_value = figures.value
                and figures.qualifier = 'exact'
        group by evolving_trends.story_id, evolving_trends.claim_key, evolving_trends.latest_value
{%- endmacro %}

{#- A one-part number in digits with nothing stated before or glued to it, small enough to be an age. -#}
{% macro is_bare_small_number(run) -%}
    ({{ run }}.first_tag = 'D' and {{ run }}.n_parts = 1 and {{ run }}.digit_suffix = ''
    and {{ run }}.prefix_unit is null and {{ run }}.stated_modifier is null
    and {{ run }}.first_digit_value between 1 and 119)
{%- endmacro %}

{#- The last `N years after` / `N decades since` of the text before a figure, lower case, with no
    `;` after it: group 1 the word before the count (to tell `for 10 years after` apart), group 2
    the count (digits or a word), group 3 the unit. -#}
{% macro elapsed_before_re() -%}
    (?:^|[^\pL])(?:(\pL+)\s+)?(\d+|\pL+)\s+(years?|decades?)\s+(?:after|since)\s[^;]*$
{%- endmacro %}

{#- One place's part of a count, in lower case: `in the town of mucum alone`, `at the plant alone`. -#}
{% macro place_alone_re() -%}
    \b(?:in|at)\s[^.;,]{1,50}?\salone\b
{%- endmacro %}

{#- A negative subject before an action word, in lower case at the end of the text before it (`no
    one was`, `none of the 64 passengers ... were`, `nobody had been`): the figure it governs counts
    who was there, not a toll. -#}
{% macro negative_subject_end_re() -%}
    \b(no one|no-one|nobody|none|neither)(\s+else)?(\s+of\s+[^,;:]*)?\s+(was|were|is|are|got|has been|have been|had been)(\s+not)?(\s+\w+ly)?\s*$
{%- endmacro %}

{#- The size of a crowd, in lower case at the end of the text before a figure (`a crowd of`). -#}
{% macro crowd_of_end_re() -%}
    \b(crowds?|gatherings?|audiences?|congregations?|throngs?)\s+of\s+$
{%- endmacro %}

{#- The word after an emergency number (`911 callers`, `a 999 call`), in lower case. -#}
{% macro emergency_line_word_re() -%}
    ^(calls?|callers?|dispatch(ers?)?|operators?|cent(er|re)s?|lines?|services?|system)$
{%- endmacro %}
