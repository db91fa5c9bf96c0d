{#- Every finding (int_findings_evidenced) with its review state from the ledger (seed
    reviewed_findings). is_blocking marks an unreviewed conflict: what `make build` exits non-zero
    on.

    Rebuilt whole on every run, not story by story: findings are few (a handful per story) and the
    join is cheap, while the ledger, which a reviewer edits between builds, is no part of any story
    model, so a review changes this table and leaves the logic fingerprint, and so every story,
    alone. -#}

with

findings as (

    select * from {{ ref('int_findings_evidenced') }}

),

ledger as (

    select * from {{ ref('reviewed_findings') }}

),

reviewed as (

    select
        findings.*,
        ledger.note as review_note,
        ledger.reviewer,
        ledger.reviewed_on,
        coalesce(ledger.verdict, 'unreviewed') as review_state,
        findings.status = 'conflict' and ledger.verdict is null as is_blocking
    from findings
    left join ledger
        on
            findings.finding_kind = ledger.finding_kind
            and findings.story_id = ledger.story_id
            and findings.finding_key = ledger.finding_key

),

final as (

    select
        ---------- the finding
        finding_id,
        finding_kind,
        story_id,
        finding_key,
        status,

        ---------- who says what
        n_articles,
        n_outlets,
        outlets,
        stated_values,
        consensus,
        sentences,
        evidence,

        ---------- review
        review_note,
        reviewer,
        reviewed_on,
        review_state,
        is_blocking,

        ---------- when its story was built
        story_key,
        build_started_at

    from reviewed

)

select * from final
