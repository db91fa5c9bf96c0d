{#- Stale review: a row of the ledger (seed reviewed_findings) that matches no finding of
    marts.findings any more. The story was rebuilt and the disagreement is gone, or a rule change
    moved its key; either way the review no longer covers anything. A warning: the build goes on,
    and the row should be removed or re-keyed. -#}
{{ config(severity='warn') }}

select
    ledger.story_id,
    ledger.finding_kind,
    ledger.finding_key,
    ledger.verdict,
    ledger.reviewer,
    ledger.reviewed_on
from {{ ref('reviewed_findings') }} as ledger
left join {{ ref('findings') }} as findings
    on
        ledger.finding_kind = findings.finding_kind
        and ledger.story_id = findings.story_id
        and ledger.finding_key = findings.finding_key
where findings.finding_id is null
