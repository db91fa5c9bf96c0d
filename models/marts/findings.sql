{#- Every disagreement between outlets that a person should look at, one row each, with its review
    state: claims (claim_agreement) and events (event_date_agreement) whose status is `conflict`
    or `vague`. Evolving tolls, consistent and single-source ones are not findings.

    finding_id is `<kind>:<story_id>:<key>`: text keys derived from the words of the articles
    (claim_key) and the day the event is dated to (event_key), never a row number, so that a
    rebuild gives back the same id and the review ledger (seed reviewed_findings) keeps
    matching. is_blocking marks an unreviewed conflict: what `make build` exits non-zero on. -#}

with

ledger as (

    select * from {{ ref('reviewed_findings') }}

),

claim_evidence as (

    select
        story_id,
        claim_key,
        string_agg(distinct coalesce(outlet, source_file), '; ' order by coalesce(outlet, source_file)) as outlets,
        string_agg(distinct sentence_text, ' | ' order by sentence_text) as sentences,
        string_agg(
            coalesce(outlet, 'outlet unknown') || ' (' || source_file
            || coalesce(', ' || cast(published_date as varchar), '') || '): '
            || {{ format_figure('value') }}
            || case when qualifier = 'exact' then '' else ' (' || qualifier || ')' end
            || ' "' || surface || '" in "' || sentence_text || '"',
            chr(10) order by published_date nulls last, source_file, char_start
        ) as evidence
    from {{ ref('fct_figures') }}
    where claim_key is not null
    group by story_id, claim_key

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
    where claims.status in ('conflict', 'vague')

),

event_evidence as (

    select
        event_key,
        string_agg(
            coalesce(outlet, 'outlet unknown') || ' (' || source_file
            || coalesce(', ' || cast(published_date as varchar), '') || '): '
            || cast(resolved_start as varchar)
            || case when resolved_end > resolved_start then '..' || cast(resolved_end as varchar) else '' end
            || ' "' || surface || '" in "' || sentence_text || '"',
            chr(10) order by published_date nulls last, source_file, char_start
        ) as evidence
    from {{ ref('fct_dates') }}
    where event_key is not null and resolved_start is not null
    group by event_key

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
    where events.status in ('conflict', 'vague')

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

),

final as (

    select
        ---------- the finding
        all_findings.finding_id,
        all_findings.finding_kind,
        all_findings.story_id,
        all_findings.finding_key,
        all_findings.status,

        ---------- who says what
        all_findings.n_articles,
        all_findings.n_outlets,
        all_findings.outlets,
        all_findings.stated_values,
        all_findings.consensus,
        all_findings.sentences,
        all_findings.evidence,

        ---------- review
        ledger.note as review_note,
        ledger.reviewer,
        ledger.reviewed_on,
        coalesce(ledger.verdict, 'unreviewed') as review_state,
        all_findings.status = 'conflict' and ledger.verdict is null as is_blocking

    from all_findings
    left join ledger
        on
            all_findings.finding_kind = ledger.finding_kind
            and all_findings.story_id = ledger.story_id
            and all_findings.finding_key = ledger.finding_key

)

select * from final
