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
                   contradiction between sources (as macro claim_disagreements judges them for
                   claim_agreement).
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
    log (log_test_failures) so that the build output names what to check. Only the first
    var('failures_stored', 1000) failing claims (in key order) are returned, so that a large
    corpus does not store millions of rows; every row carries n_failing_claims and
    n_failing_rows, which count all of them, and the test's failure count (fail_calc) is
    n_failing_rows, as if every row had been returned. marts.findings lists every one. -#}
{% test counts_consistent(model, key_columns, values_column='figure_values', check='exact', tolerance=none, firm_claims='true', exempt='false', reviewed=none) %}

{#- Failing rows are counted before only the first claims' are returned (see `figures` below). -#}
{{ config(fail_calc='coalesce(max(n_failing_rows), 0)') }}

{%- set tolerance = var('figure_tolerance') if tolerance is none else tolerance -%}
{#- at least one claim, so that the failure count (taken from the returned rows) is never 0 -#}
{%- set stored_claims = [var('failures_stored', 1000) | int, 1] | max -%}

{%- set keys = key_columns | join(', ') -%}
{%- set problem = 'conflict: exact values differ' if check == 'exact' else 'vague: bounds do not overlap' -%}
{%- set claim_expr -%}
    {%- for k in key_columns -%}'{{ k }}=' || coalesce(cast({{ k }} as varchar), 'NULL'){% if not loop.last %} || ', ' || {% endif %}{%- endfor -%}
{%- endset -%}

{%- set same_claim -%}
    {% for k in key_columns %}listed.{{ k }} is not distinct from claim_numbers.{{ k }}{% if not loop.last %} and {% endif %}{% endfor %}
{%- endset -%}

{%- set failing_sql -%}
with

-- The claims under test, each with an integer: the judging below groups and pairs on it, not on
-- the text keys (at 100,000 articles, pairs keyed by story, claim and two 64-character article
-- ids did not fit in 4 GB). Filters and joins run on the keys and on figures already taken out
-- of their lists: a join that carries the list column costs ten times the reading of it.
claim_numbers {{ materialized_cte() }} (

    select
        {{ keys }},
        claim,
        is_firm,
        dense_rank() over (order by {{ keys }}) as claim_no
    from (
        select
            {{ keys }},
            {{ claim_expr }} as claim,
            bool_or(coalesce({{ firm_claims }}, false)) as is_firm
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
        group by {{ keys }}
    ) as tested_claims

),

judged_figures {{ materialized_cte() }} (

    select
        claim_numbers.claim_no,
        claim_numbers.is_firm,
        listed.article_id,
        listed.value,
        listed.qualifier,
        case when listed.qualifier = 'exact' then listed.value * (1 - {{ tolerance }}) else listed.value_low end
            as interval_low,
        case when listed.qualifier = 'exact' then listed.value * (1 + {{ tolerance }}) else listed.value_high end
            as interval_high
    from (
        select
            {{ keys }},
            figure.article_id as article_id,
            figure.value as value,
            figure.value_low as value_low,
            figure.value_high as value_high,
            figure.qualifier as qualifier
        from (select {{ keys }}, {{ explode_columns(values_column, 'figure', 'figure_no') }} from {{ model }}) as exploded
    ) as listed
    inner join claim_numbers on {{ same_claim }}

),

-- Articles are compared in pairs (one article's own two figures, `by 344 votes to 286`, are no
-- contradiction between sources), each with its distinct exact values: pairing articles, not
-- figures, keeps the pairs few when an article repeats a figure.
article_values as (

    select
        claim_no,
        value,
        dense_rank() over (partition by claim_no order by article_id) as article_no
    from (
        select distinct
            claim_no,
            article_id,
            value
        from judged_figures
        where qualifier = 'exact'
    ) as exact_values

),

article_pairs as (

    select
        a.claim_no,
        bool_or(abs(a.value - b.value) <= {{ tolerance }} * greatest(abs(a.value), abs(b.value))) as share_exact
    from article_values as a
    inner join article_values as b
        on a.claim_no = b.claim_no and a.article_no < b.article_no
    group by a.claim_no, a.article_no, b.article_no

),

exact_conflicts as (

    select
        claim_no,
        bool_or(not share_exact) as exact_conflict
    from article_pairs
    group by claim_no

),

-- No value fits all figures, exact ones widened by the tolerance, vague ones read as bounds.
verdicts as (

    select
        claim_no,
        bool_or(is_firm) as is_firm,
        count(*) as n_figures,
        coalesce(max(interval_low) > min(interval_high), false) as bounds_conflict
    from judged_figures
    group by claim_no

),

failing_claims as (

    select
        {%- for k in key_columns %}
        claim_numbers.{{ k }},
        {%- endfor %}
        claim_numbers.claim_no,
        claim_numbers.claim,
        row_number() over (order by claim_numbers.claim_no) as failing_no,
        count(*) over () as n_failing_claims,
        sum(verdicts.n_figures) over () as n_failing_rows
    from verdicts
    inner join claim_numbers on verdicts.claim_no = claim_numbers.claim_no
    left join exact_conflicts on verdicts.claim_no = exact_conflicts.claim_no
    where
        {% if check == 'exact' -%}
        coalesce(exact_conflicts.exact_conflict, false) and verdicts.is_firm
        {%- else -%}
        not (coalesce(exact_conflicts.exact_conflict, false) and verdicts.is_firm)
        and (coalesce(exact_conflicts.exact_conflict, false) or verdicts.bounds_conflict)
        {%- endif %}

),

-- The figures of the first var('failures_stored') failing claims (in key order), with their
-- words and sentences; every failing claim is counted.
figures as (

    select
        {%- for k in key_columns %}
        claim_numbers.{{ k }},
        {%- endfor %}
        claim_numbers.claim_no,
        claim_numbers.claim,
        claim_numbers.n_failing_claims,
        claim_numbers.n_failing_rows,
        listed.article_id,
        listed.source_file,
        listed.outlet,
        listed.surface,
        listed.value,
        listed.value_low,
        listed.value_high,
        listed.qualifier,
        listed.sentence_text
    from (
        select
            {{ keys }},
            figure.article_id as article_id,
            figure.source_file as source_file,
            figure.outlet as outlet,
            figure.surface as surface,
            figure.value as value,
            figure.value_low as value_low,
            figure.value_high as value_high,
            figure.qualifier as qualifier,
            figure.sentence_text as sentence_text
        from (select {{ keys }}, {{ explode_columns(values_column, 'figure', 'figure_no') }} from {{ model }}) as exploded
    ) as listed
    inner join failing_claims as claim_numbers
        on {{ same_claim }} and claim_numbers.failing_no <= {{ stored_claims }}

),

values_stated as (

    select
        claim_no,
        {{ string_agg_ordered(
            format_figure('value')
            ~ " || case when qualifier = 'exact' then '' else ' (' || qualifier || ')' end || ' in ' || source_file",
            "' vs '",
            'value, source_file',
        ) }} as all_values
    from figures
    group by claim_no

)

select
    figures.{{ key_columns | join(', figures.') }},
    figures.claim,
    '{{ problem }}' as problem,
    values_stated.all_values,
    figures.source_file,
    figures.outlet,
    figures.article_id,
    figures.value,
    figures.value_low,
    figures.value_high,
    figures.qualifier,
    figures.surface,
    figures.sentence_text,
    'claim ' || figures.claim || ': {{ problem }}: ' || values_stated.all_values as claim_message,
    figures.source_file || ' [' || coalesce(figures.outlet, 'outlet unknown') || '] says ' || figures.surface
    || ' (' || figures.qualifier || '): "' || figures.sentence_text || '"' as failure_message,
    figures.n_failing_claims,
    figures.n_failing_rows
from figures
inner join values_stated on figures.claim_no = values_stated.claim_no
{%- endset -%}

{{ log_test_failures(
    model, failing_sql, 'counts_consistent (' ~ check ~ ')', 'claim', 'failure_message', 'claim_message',
    n_groups_column='n_failing_claims'
) }}

{{ failing_sql }}

{% endtest %}
