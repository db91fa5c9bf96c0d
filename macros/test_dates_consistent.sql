{#- Cross-source consistency of event dates: the resolved ranges that several articles give for
    one event must have a day in common. Fails with one row per date of each event whose ranges
    do not intersect, saying the event, the article (source file, outlet), its range, the words
    and the sentence, and whether it goes against the range most articles support; the same
    lines are printed in the build log, since dbt itself prints only the number of failing rows.

    granularities: which ranges must agree: ['day'] for exact dates (a contradiction); [] for
    all, weeks, months and years too (a vague disagreement, usually run with severity warn).
    compare_within: a column (e.g. the event's cue word); only dates with the same value are
    compared, so that `the quake on Monday` and `the tsunami warning lifted on Tuesday` (one
    disaster event, two happenings) do not contradict each other; rows where it is NULL are
    left out.
    skip_conflicts_within: leave out events that have a day-level contradiction within this
    column (reported by the day-level test), so that a vague test does not repeat them.
    reviewed: the review ledger (ref('reviewed_findings')); events a person has reviewed (a row
    with finding_kind 'event' and the event key) are not judged: they stay in marts.findings
    with their verdict.
    min_articles: groups dated by fewer articles are not judged (one article's own dates do not
    make a cross-source conflict). -#}
{% test dates_consistent(
    model,
    event_column='event_key',
    start_column='resolved_start',
    end_column='resolved_end',
    granularity_column='granularity',
    granularities=['day'],
    compare_within=none,
    skip_conflicts_within=none,
    article_column='article_id',
    source_column='source_file',
    outlet_column='outlet',
    surface_column='surface',
    sentence_column='sentence_text',
    min_articles=2,
    reviewed=none
) %}

{% set failures_sql %}
with

all_dated as (

    select
        {{ event_column }} as event_key,
        {{ article_column }} as article_id,
        {{ source_column }} as source_file,
        {{ outlet_column }} as outlet,
        {{ start_column }} as range_start,
        {{ end_column }} as range_end,
        {{ granularity_column }} as granularity,
        {{ surface_column }} as surface,
        {{ sentence_column }} as sentence_text,
        {{ compare_within if compare_within else 'cast(null as varchar)' }} as compared_within,
        {{ skip_conflicts_within if skip_conflicts_within else 'cast(null as varchar)' }} as skip_within
    from {{ model }}
    where
        {{ event_column }} is not null and {{ start_column }} is not null
        {%- if reviewed %}
        and {{ event_column }} not in (
            select ledger.finding_key from {{ reviewed }} as ledger where ledger.finding_kind = 'event'
        )
        {%- endif %}

),

day_conflicts as (

    select distinct event_key
    from all_dated
    where granularity = 'day' and skip_within is not null
    group by event_key, skip_within
    having max(range_start) > min(range_end) and count(distinct article_id) >= {{ min_articles }}

),

dated as (

    select
        *,
        event_key || coalesce(' (' || compared_within || ')', '') as compared_key
    from all_dated
    where
        true
        {%- if granularities %}
        and granularity in ('{{ granularities | join("', '") }}')
        {%- endif %}
        {%- if compare_within %}
        and compared_within is not null
        {%- endif %}
        {%- if skip_conflicts_within %}
        and event_key not in (select day_conflicts.event_key from day_conflicts)
        {%- endif %}

),

disjoint_events as (

    select
        compared_key,
        count(distinct article_id) as n_articles
    from dated
    group by compared_key
    having max(range_start) > min(range_end) and count(distinct article_id) >= {{ min_articles }}

),

-- The range most articles support (have a date containing it), to tell who goes against it.
candidate_ranges as (

    select distinct
        dated.compared_key,
        dated.range_start,
        dated.range_end
    from dated
    inner join disjoint_events on dated.compared_key = disjoint_events.compared_key

),

supported as (

    select
        candidate_ranges.compared_key,
        candidate_ranges.range_start,
        candidate_ranges.range_end,
        row_number() over (
            partition by candidate_ranges.compared_key
            order by
                count(distinct dated.article_id) desc,
                candidate_ranges.range_end - candidate_ranges.range_start,
                candidate_ranges.range_start
        ) as support_rank,
        count(distinct dated.article_id) as n_supporting
    from candidate_ranges
    inner join dated
        on candidate_ranges.compared_key = dated.compared_key
        and dated.range_start <= candidate_ranges.range_start
        and candidate_ranges.range_end <= dated.range_end
    group by candidate_ranges.compared_key, candidate_ranges.range_start, candidate_ranges.range_end

),

majority as (

    select
        compared_key,
        range_start as majority_start,
        range_end as majority_end,
        n_supporting
    from supported
    where support_rank = 1

),

failures as (

    select
        dated.event_key,
        dated.compared_within,
        dated.article_id,
        dated.source_file,
        dated.outlet,
        dated.range_start,
        dated.range_end,
        dated.surface,
        dated.sentence_text,
        disjoint_events.n_articles,
        majority.majority_start,
        majority.majority_end,
        not (dated.range_start <= majority.majority_start and majority.majority_end <= dated.range_end)
            as goes_against_majority
    from dated
    inner join disjoint_events on dated.compared_key = disjoint_events.compared_key
    inner join majority on dated.compared_key = majority.compared_key

)

select
    *,
    'event ' || event_key || coalesce(' (' || compared_within || ')', '') || ': '
    || coalesce(source_file, article_id) || coalesce(' (' || outlet || ')', '')
    || ' dates it ' || cast(range_start as varchar)
    || case when range_end > range_start then '..' || cast(range_end as varchar) else '' end
    || case when goes_against_majority then ', AGAINST ' else ', with ' end
    || cast(majority_start as varchar)
    || case when majority_end > majority_start then '..' || cast(majority_end as varchar) else '' end
    || ' (most of the ' || cast(n_articles as varchar) || ' articles dating it); '
    || '''' || surface || ''' in "' || sentence_text || '"' as failure_message
from failures
{% endset %}

{{ log_test_failures(model, failures_sql, 'dates_consistent ['
    ~ ('day-level dates' if granularities == ['day'] else 'date ranges')
    ~ ', severity ' ~ config.get('severity', 'error') ~ ']', 'event_key', 'failure_message') }}

{{ failures_sql }}

{% endtest %}
