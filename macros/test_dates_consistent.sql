{#- Cross-source consistency of event dates: the resolved ranges that several articles give for
    one event must have a day in common. Fails with one row per date of each event whose ranges
    do not intersect, saying the event, the article (source file, outlet), its range, the words
    and the sentence, and whether it goes against the range most articles support; the same
    lines are printed in the build log, since dbt itself prints only the number of failing rows.

    granularities: which ranges must agree: ['day'] for exact dates (a contradiction); [] for
    all, weeks, months and years too (a vague disagreement, usually run with severity warn).
    skip_day_conflicts: leave out events whose day-level dates already disagree (reported by the
    day-level test), so a vague test does not repeat them.
    min_articles: events dated by fewer articles are not judged (one article's own dates do not
    make a cross-source conflict). -#}
{% test dates_consistent(
    model,
    event_column='event_key',
    start_column='resolved_start',
    end_column='resolved_end',
    granularity_column='granularity',
    granularities=['day'],
    skip_day_conflicts=false,
    article_column='article_id',
    source_column='source_file',
    outlet_column='outlet',
    surface_column='surface',
    sentence_column='sentence_text',
    min_articles=2
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
        {{ sentence_column }} as sentence_text
    from {{ model }}
    where {{ event_column }} is not null and {{ start_column }} is not null

),

day_conflicts as (

    select event_key
    from all_dated
    where granularity = 'day'
    group by event_key
    having max(range_start) > min(range_end)

),

dated as (

    select *
    from all_dated
    where
        true
        {%- if granularities %}
        and granularity in ('{{ granularities | join("', '") }}')
        {%- endif %}
        {%- if skip_day_conflicts %}
        and event_key not in (select day_conflicts.event_key from day_conflicts)
        {%- endif %}

),

disjoint_events as (

    select
        event_key,
        count(distinct article_id) as n_articles
    from dated
    group by event_key
    having max(range_start) > min(range_end) and count(distinct article_id) >= {{ min_articles }}

),

-- The range most articles support (have a date containing it), to tell who goes against it.
candidate_ranges as (

    select distinct
        dated.event_key,
        dated.range_start,
        dated.range_end
    from dated
    inner join disjoint_events on dated.event_key = disjoint_events.event_key

),

supported as (

    select
        candidate_ranges.event_key,
        candidate_ranges.range_start,
        candidate_ranges.range_end,
        row_number() over (
            partition by candidate_ranges.event_key
            order by
                count(distinct dated.article_id) desc,
                candidate_ranges.range_end - candidate_ranges.range_start,
                candidate_ranges.range_start
        ) as support_rank,
        count(distinct dated.article_id) as n_supporting
    from candidate_ranges
    inner join dated
        on candidate_ranges.event_key = dated.event_key
        and dated.range_start <= candidate_ranges.range_start
        and candidate_ranges.range_end <= dated.range_end
    group by candidate_ranges.event_key, candidate_ranges.range_start, candidate_ranges.range_end

),

majority as (

    select
        event_key,
        range_start as majority_start,
        range_end as majority_end,
        n_supporting
    from supported
    where support_rank = 1

),

failures as (

    select
        dated.event_key,
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
    inner join disjoint_events on dated.event_key = disjoint_events.event_key
    inner join majority on dated.event_key = majority.event_key

)

select
    *,
    'event ' || event_key || ': ' || coalesce(source_file, article_id) || coalesce(' (' || outlet || ')', '')
    || ' dates it ' || cast(range_start as varchar)
    || case when range_end > range_start then '..' || cast(range_end as varchar) else '' end
    || case when goes_against_majority then ', AGAINST ' else ', with ' end
    || cast(majority_start as varchar)
    || case when majority_end > majority_start then '..' || cast(majority_end as varchar) else '' end
    || ' (most of the ' || cast(n_articles as varchar) || ' articles dating it); '
    || '''' || surface || ''' in "' || sentence_text || '"' as failure_message
from failures
order by event_key, goes_against_majority desc, source_file, range_start
{% endset %}

{#- Print the failing rows: dbt's own summary gives only their number. -#}
{%- if execute and flags.WHICH in ('build', 'test') -%}
    {%- set relation = adapter.get_relation(database=model.database, schema=model.schema, identifier=model.identifier) -%}
    {%- if relation is not none -%}
        {%- set label = 'day-level dates' if granularities == ['day'] else 'date ranges' -%}
        {%- for row in run_query(failures_sql).rows -%}
            {%- do log('dates_consistent [' ~ label ~ ', severity ' ~ config.get('severity', 'error') ~ ']: '
                ~ row['failure_message'], info=True) -%}
        {%- endfor -%}
    {%- endif -%}
{%- endif %}

{{ failures_sql }}

{% endtest %}
