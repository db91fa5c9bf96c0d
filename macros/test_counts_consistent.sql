{#- Cross-source consistency of counts. `model` has one row per claim (`key_columns`), the verdict
    the model reached on it (`status_column`) and a list column (`values_column`) of the figures
    that state it, each a struct with at least article_id, source_file, outlet, surface, value,
    value_low, value_high, qualifier and sentence_text (as in `claim_agreement.figure_values`).

    The judgement itself is the model's (claim_agreement, macro claim_disagreements, with its unit
    tests): this test asserts that no claim ended in a failing verdict and says what each failing
    claim's sources state. Judging every claim a second time here cost as much as building the
    mart (about 250 s each for the two tests at 100,000 articles).
    check='exact'  fails the claims whose status is `conflict`: two articles state exact figures of
                   a firm claim and share none (`31` vs `32`).
    check='bounds' fails the claims whose status is `vague`: exact figures that disagree on a claim
                   that is not firm, or figures with no value in common once vague ones are read
                   as bounds (`about 30` vs `32`, `tens of thousands` vs `over 100,000`).
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
{% test counts_consistent(model, key_columns, check='exact', status_column='status', values_column='figure_values', reviewed=none) %}

{#- Failing rows are counted before only the first claims' are returned (see `figures` below). -#}
{{ config(fail_calc='coalesce(max(n_failing_rows), 0)') }}

{%- set failing_status = {'exact': 'conflict', 'bounds': 'vague'}[check] -%}
{#- at least one claim, so that the failure count (taken from the returned rows) is never 0 -#}
{%- set stored_claims = [var('failures_stored', 1000) | int, 1] | max -%}

{%- set keys = key_columns | join(', ') -%}
{%- set problem = 'conflict: exact values differ' if check == 'exact' else 'vague: values disagree or bounds do not overlap' -%}
{%- set claim_expr -%}
    {%- for k in key_columns -%}'{{ k }}=' || coalesce(cast({{ k }} as varchar), 'NULL'){% if not loop.last %} || ', ' || {% endif %}{%- endfor -%}
{%- endset -%}

{%- set same_claim -%}
    {% for k in key_columns %}listed.{{ k }} is not distinct from claim_numbers.{{ k }}{% if not loop.last %} and {% endif %}{% endfor %}
{%- endset -%}

{%- set failing_sql -%}
with

failing_claims as (

    select
        {{ keys }},
        {{ claim_expr }} as claim,
        row_number() over (order by {{ keys }}) as claim_no,
        count(*) over () as n_failing_claims,
        sum({{ list_size(values_column) }}) over () as n_failing_rows
    from {{ model }} as tested
    where
        {{ status_column }} = '{{ failing_status }}'
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
        from (
            -- only the failing claims' lists are unnested: reading the others' would cost more than the test
            select {{ keys }}, {{ explode_columns(values_column, 'figure', 'figure_no') }}
            from {{ model }}
            where {{ status_column }} = '{{ failing_status }}'
        ) as exploded
    ) as listed
    inner join failing_claims as claim_numbers
        on {{ same_claim }} and claim_numbers.claim_no <= {{ stored_claims }}

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
