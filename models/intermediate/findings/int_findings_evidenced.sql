{#- Every disagreement between outlets that a person should look at, with its evidence, before
    review: claims (claim_agreement) and events (event_date_agreement) whose status is `conflict`
    or `vague`. Evolving tolls, consistent and single-source ones are not findings.

    finding_id is `<kind>:<story_id>:<key>`: text keys derived from the words of the articles
    (claim_key) and the day the event is dated to (event_key), never a row number, so that a
    rebuild gives back the same id and the review ledger (seed reviewed_findings), which the mart
    findings joins, keeps matching.

    Story by story like the marts it reads: at 100,000 articles, the evidence of every finding
    in one query ran out of memory at 4 GB. The ledger is joined in the mart and not here, so
    that a review rebuilds one small table, not every story. -#}
{#- One evidence line per figure or date: outlet, file, publication day, what it says and where. -#}
{%- set figure_line -%}
    coalesce(figures.outlet, 'outlet unknown') || ' (' || figures.source_file
    || coalesce(', ' || cast(figures.published_date as varchar), '') || '): '
    || {{ format_figure('figures.value') }}
    || case when figures.qualifier = 'exact' then '' else ' (' || figures.qualifier || ')' end
    || ' "' || figures.surface || '" in "' || figures.sentence_text || '"'
{%- endset -%}
{%- set date_line -%}
    coalesce(dates.outlet, 'outlet unknown') || ' (' || dates.source_file
    || coalesce(', ' || cast(dates.published_date as varchar), '') || '): '
    || cast(dates.resolved_start as varchar)
    || case when dates.resolved_end > dates.resolved_start then '..' || cast(dates.resolved_end as varchar) else '' end
    || ' "' || dates.surface || '" in "' || dates.sentence_text || '"'
{%- endset %}

-- depends_on: {{ ref('int_stories_changed') }}

with

claim_evidence as (

    select
        figures.story_id,
        figures.claim_key,
        {{ string_agg_ordered(
            'coalesce(figures.outlet, figures.source_file)', "'; '",
            'coalesce(figures.outlet, figures.source_file)', distinct=true
        ) }} as outlets,
        {{ string_agg_ordered('figures.sentence_text', "' | '", 'figures.sentence_text', distinct=true) }} as sentences,
        {{ string_agg_ordered(
            figure_line, 'chr(10)', 'figures.published_date nulls last, figures.source_file, figures.char_start'
        ) }} as evidence
    from {{ ref('fct_figures') }} as figures
    where figures.claim_key is not null and {{ in_changed_stories('figures.story_id') }}
    group by figures.story_id, figures.claim_key

),

claim_findings as (

    select
        'claim' as finding_kind,
        claims.story_id,
        claims.claim_key as finding_key,
        claims.status,
        claims.n_articles,
        claims.n_outlets,
        claim_evidence.outlets,
        claims.values_text as stated_values,
        {{ format_figure('claims.consensus_value') }} as consensus,
        claim_evidence.sentences,
        claim_evidence.evidence
    from {{ ref('claim_agreement') }} as claims
    left join claim_evidence
        on claims.story_id = claim_evidence.story_id and claims.claim_key = claim_evidence.claim_key
    where claims.status in ('conflict', 'vague') and {{ in_changed_stories('claims.story_id') }}

),

event_evidence as (

    select
        dates.event_key,
        {{ string_agg_ordered(
            date_line, 'chr(10)', 'dates.published_date nulls last, dates.source_file, dates.char_start'
        ) }} as evidence
    from {{ ref('fct_dates') }} as dates
    where
        dates.event_key is not null and dates.resolved_start is not null
        and {{ in_changed_stories('dates.story_id') }}
    group by dates.event_key

),

event_findings as (

    select
        'event' as finding_kind,
        events.story_id,
        events.event_key as finding_key,
        events.status,
        events.n_articles,
        events.n_outlets,
        events.outlets,
        events.mentions as stated_values,
        cast(events.consensus_start as varchar)
        || case
            when events.consensus_end > events.consensus_start then '..' || cast(events.consensus_end as varchar)
            else ''
        end as consensus,
        events.sentences,
        event_evidence.evidence
    from {{ ref('event_date_agreement') }} as events
    left join event_evidence on events.event_key = event_evidence.event_key
    where events.status in ('conflict', 'vague') and {{ in_changed_stories('events.story_id') }}

),

all_findings as (

    select
        *,
        finding_kind || ':' || story_id || ':' || finding_key as finding_id
    from (
        select * from claim_findings
        union all
        select * from event_findings
    ) as found

)

select * from all_findings
