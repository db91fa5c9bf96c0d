{#- Cross-source consistency of counts. `model` has one row per claim (`key_columns`) and a list
    column (`values_column`) of the figures that state it, each a struct with at least
    article_id, source_file, outlet, surface, value, value_low, value_high, qualifier and
    sentence_text (as in `claim_agreement.figure_values`). `tolerance` defaults to
    var('figure_tolerance').

    firm_claims: a condition on the model's columns: the claims on which two articles' differing
    exact figures are a contradiction; on the others they are only a vague disagreement.
    check='exact'  fails a firm claim where two articles state exact figures and share none (within
                   `tolerance`, a fraction of the larger): sources contradict each other (`31`
                   vs `32`). One article's own two figures (`by 344 votes to 286`) are not a
                   contradiction between sources (macro claim_disagreements).
    check='bounds' fails a claim without such a conflict whose exact figures disagree, or whose figures have no value in common
                   once vague ones are read as bounds (`about 30` vs `32`, `tens of thousands`
                   vs `over 100,000`): a soft disagreement.

    exempt: a condition on the model's columns: claims it holds for are not judged (`status =
    'evolving'`: a toll that moved one way as reports came out is an update).
    reviewed: the review ledger (ref('reviewed_findings')); claims a person has reviewed (a row
    with finding_kind 'claim', the story in key_columns[0] and the claim in key_columns[1]) no
    longer fail or warn: they stay in marts.findings with their verdict.

    Returns one row per figure of each failing claim, saying which article and outlet gives which
    value in which sentence (`claim_message`, `failure_message`), and prints them to the build
    log (log_test_failures) so that the build output names what to check. -#}
{% test counts_consistent(model, key_columns, values_column='figure_values', check='exact', tolerance=none, firm_claims='true', exempt='false', reviewed=none) %}

{%- set tolerance = var('figure_tolerance') if tolerance is none else tolerance -%}

{%- set keys = key_columns | join(', ') -%}
{%- set problem = 'conflict: exact values differ' if check == 'exact' else 'vague: bounds do not overlap' -%}
{%- set claim_expr -%}
    {%- for k in key_columns -%}'{{ k }}=' || coalesce(cast({{ k }} as varchar), 'NULL'){% if not loop.last %} || ', ' || {% endif %}{%- endfor -%}
{%- endset -%}

{%- set failing_sql -%}
with

claims as (

    select
        {{ keys }},
        {{ claim_expr }} as claim,
        coalesce({{ firm_claims }}, false) as is_firm,
        {{ values_column }} as figure_list
    from {{ model }} as tested
    where
        not coalesce({{ exempt }}, false)
        {%- if reviewed %}
        and not exists (
            select 1
            from {{ reviewed }} as ledger
            where
                ledger.finding_kind = 'claim'
                and ledger.story_id = tested.{{ key_columns[0] }}
                and ledger.finding_key = tested.{{ key_columns[1] }}
        )
        {%- endif %}

),

figures as (

    select
        {{ keys }},
        claim,
        is_firm,
        figure.article_id as article_id,
        figure.source_file as source_file,
        figure.outlet as outlet,
        figure.surface as surface,
        figure.value as value,
        figure.value_low as value_low,
        figure.value_high as value_high,
        figure.qualifier as qualifier,
        figure.sentence_text as sentence_text
    from (
        select
            {{ keys }},
            claim,
            is_firm,
            {{ explode_columns('figure_list', 'figure', 'figure_no') }}
        from claims
    ) as exploded

),

disagreements as (

    {{ claim_disagreements('figures', key_columns, tolerance) }}

),

values_stated as (

    select
        {{ keys }},
        bool_or(is_firm) as is_firm,
        string_agg(
            {{ format_figure('value') }}
            || case when qualifier = 'exact' then '' else ' (' || qualifier || ')' end
            || ' in ' || source_file,
            ' vs ' order by value, source_file
        ) as all_values
    from figures
    group by {{ keys }}

),

failing as (

    select
        disagreements.*,
        values_stated.all_values
    from disagreements
    inner join values_stated
        on {% for k in key_columns %}disagreements.{{ k }} is not distinct from values_stated.{{ k }}{% if not loop.last %} and {% endif %}{% endfor %}
    where
        {% if check == 'exact' -%}
        disagreements.exact_conflict and values_stated.is_firm
        {%- else -%}
        not (disagreements.exact_conflict and values_stated.is_firm)
        and (disagreements.exact_conflict or disagreements.bounds_conflict)
        {%- endif %}

)

select
    figures.{{ key_columns | join(', figures.') }},
    figures.claim,
    '{{ problem }}' as problem,
    failing.all_values,
    figures.source_file,
    figures.outlet,
    figures.article_id,
    figures.value,
    figures.value_low,
    figures.value_high,
    figures.qualifier,
    figures.surface,
    figures.sentence_text,
    'claim ' || figures.claim || ': {{ problem }}: ' || failing.all_values as claim_message,
    figures.source_file || ' [' || coalesce(figures.outlet, 'outlet unknown') || '] says ' || figures.surface
    || ' (' || figures.qualifier || '): "' || figures.sentence_text || '"' as failure_message
from figures
inner join failing
    on {% for k in key_columns %}figures.{{ k }} is not distinct from failing.{{ k }}{% if not loop.last %} and {% endif %}{% endfor %}
{%- endset -%}

{{ log_test_failures(model, failing_sql, 'counts_consistent (' ~ check ~ ')', 'claim', 'failure_message', 'claim_message') }}

{{ failing_sql }}

{% endtest %}
