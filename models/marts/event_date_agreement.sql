{#- One row per event of a story that some article dates (event_key of fct_dates): do the outlets
    agree on when it happened?

    Day-level dates that name the happening with the same word must agree exactly: when those of
    two articles have no day in common the event is a `conflict`, unless one article dates a
    happening that goes on over days (a fire, a protest) on two days or more: it is under way, and
    `vague` at most. Otherwise, when every range
    (weeks, months and years too) has a day in common the event is `consistent` and the consensus
    is that common part (`last week` and `Thursday` agree on the Thursday; `in September` and
    `September 19` on the 19th). When ranges disagree otherwise (a month against a week, or days
    named with different words), it is `vague`. An event that one article alone dates is
    `single_source`. For a conflict or a vague event, the consensus is the most precise range
    that the most articles agree with (have a date containing it); NULL when two ranges tie. -#}

{#- One article's words for a date and the range they resolve to (`'Thursday' 2023-12-07`), and
    the line of mentions that lists them by article. -#}
{%- set date_words -%}
    '''' || surface || ''' ' || cast(resolved_start as varchar)
    || case when resolved_end > resolved_start then '..' || cast(resolved_end as varchar) else '' end
{%- endset -%}
{%- set mention_line -%}
    source_file || coalesce(' (' || outlet || ')', '') || ': ' || dated_as
{%- endset %}

-- depends_on: {{ ref('int_stories_changed') }}

with

-- Read from the intermediate layer, not fct_dates: a failing consistency test on fct_dates
-- must not keep this mart, which shows the conflict, from being built.
articles as (

    select
        article_id,
        source_file,
        outlet
    from {{ ref('int_articles_changed') }}
    where is_current and {{ in_changed_stories() }}

),

day_spanning_classes as (

    select event_class
    from {{ ref('event_classes') }}
    where spans_days

),

dates as (

    select
        aligned.*,
        articles.source_file,
        articles.outlet
    from {{ ref('int_dates_aligned') }} as aligned
    inner join articles on aligned.article_id = articles.article_id
    where
        aligned.event_key is not null and aligned.resolved_start is not null
        and {{ in_changed_stories('aligned.story_id') }}

),

by_event as (

    select
        story_id,
        event_key,
        cast(sum(case when granularity = 'day' then 1 else 0 end) as integer) as n_day_mentions,
        min(event_class) as event_class,
        count(*) as n_mentions,
        count(distinct article_id) as n_articles,
        count(distinct coalesce(outlet, 'article ' || article_id)) as n_outlets,
        min(resolved_start) as min_start,
        max(resolved_end) as max_end,
        max(resolved_start) as common_start,
        min(resolved_end) as common_end,
        max(case when granularity = 'day' then resolved_start end) as day_common_start,
        min(case when granularity = 'day' then resolved_end end) as day_common_end
    from dates
    group by story_id, event_key

),

-- A contradiction needs two articles naming the happening with the same word: `the quake on
-- Monday` and `the tsunami warning lifted on Tuesday` belong to one disaster event but are not
-- one happening.
cue_conflicts as (

    select event_key
    from dates
    where granularity = 'day' and event_cue_stem is not null
    group by event_key, event_cue_stem
    having max(resolved_start) > min(resolved_end) and count(distinct article_id) >= 2

),

-- A happening of a class that goes on over days (seed event_classes.spans_days: a fire, a protest)
-- that one article dates on two days or more is under way (`the fire began on Sunday ... the fire
-- on Tuesday`): dates of its days are no contradiction, as one article's two values of a claim are
-- none. A statement an article dates twice is told inconsistently and stays a conflict.
multi_day_events as (

    select distinct per_article.event_key
    from (
        select
            event_key,
            article_id,
            count(distinct resolved_start) as n_days
        from dates
        where
            granularity = 'day'
            and event_class in (select day_spanning_classes.event_class from day_spanning_classes)
        group by event_key, article_id
    ) as per_article
    where per_article.n_days > 1

),

conflicting_events as (

    select distinct cue_conflicts.event_key
    from cue_conflicts
    left join multi_day_events on cue_conflicts.event_key = multi_day_events.event_key
    where multi_day_events.event_key is null

),

judged as (

    select
        by_event.*,
        case
            when by_event.n_articles = 1 then 'single_source'
            when conflicting_events.event_key is not null then 'conflict'
            when by_event.common_start <= by_event.common_end then 'consistent'
            else 'vague'
        end as status
    from by_event
    left join conflicting_events on by_event.event_key = conflicting_events.event_key

),

-- For events without a common range: each distinct range, with how many articles have a date
-- that contains it.
candidate_ranges as (

    select distinct
        event_key,
        resolved_start,
        resolved_end,
        case granularity
            when 'day' then 1 when 'weekend' then 2 when 'week' then 3 when 'month' then 4 else 5
        end as coarseness
    from dates

),

supported_ranges as (

    select
        candidate_ranges.event_key,
        candidate_ranges.resolved_start,
        candidate_ranges.resolved_end,
        candidate_ranges.coarseness,
        count(distinct dates.article_id) as n_supporting_articles
    from candidate_ranges
    inner join dates
        on candidate_ranges.event_key = dates.event_key
            and candidate_ranges.resolved_start >= dates.resolved_start
            and candidate_ranges.resolved_end <= dates.resolved_end
    group by
        candidate_ranges.event_key,
        candidate_ranges.resolved_start,
        candidate_ranges.resolved_end,
        candidate_ranges.coarseness

),

ranked_ranges as (

    select
        *,
        rank() over (
            partition by event_key
            order by n_supporting_articles desc, coarseness asc
        ) as support_rank
    from supported_ranges

),

best_ranges as (

    select
        event_key,
        min(resolved_start) as resolved_start,
        min(resolved_end) as resolved_end
    from ranked_ranges
    where support_rank = 1
    group by event_key
    having count(distinct resolved_start) = 1 and count(distinct resolved_end) = 1

),

article_mentions as (

    select
        event_key,
        article_id,
        min(source_file) as source_file,
        min(outlet) as outlet,
        {{ string_agg_ordered(date_words, "', '", 'char_start') }} as dated_as
    from dates
    group by event_key, article_id

),

mention_lists as (

    select
        event_key,
        {{ string_agg_ordered('source_file', "'; '", 'source_file') }} as source_files,
        {{ string_agg_ordered("coalesce(outlet, '?')", "'; '", 'source_file') }} as outlets,
        {{ string_agg_ordered(mention_line, "'; '", 'source_file') }} as mentions
    from article_mentions
    group by event_key

),

sentence_lists as (

    select
        event_key,
        {{ string_agg_ordered('sentence_text', "' | '", 'sentence_id') }} as sentences
    from (
        select distinct
            event_key,
            sentence_id,
            sentence_text
        from dates
    ) as event_sentences
    group by event_key

),

concluded as (

    select
        judged.*,
        case
            when judged.status in ('consistent', 'single_source') and judged.common_start <= judged.common_end
                then judged.common_start
            when judged.status = 'vague' and judged.day_common_start <= judged.day_common_end
                then judged.day_common_start
            else best_ranges.resolved_start
        end as consensus_start,
        case
            when judged.status in ('consistent', 'single_source') and judged.common_start <= judged.common_end
                then judged.common_end
            when judged.status = 'vague' and judged.day_common_start <= judged.day_common_end
                then judged.day_common_end
            else best_ranges.resolved_end
        end as consensus_end
    from judged
    left join best_ranges on judged.event_key = best_ranges.event_key

),

final as (

    select
        ---------- the event
        concluded.story_id,
        concluded.event_key,
        concluded.event_class,

        ---------- how many say so
        concluded.n_mentions,
        concluded.n_articles,
        concluded.n_outlets,
        concluded.n_day_mentions,

        ---------- the verdict
        concluded.status,
        concluded.consensus_start,
        concluded.consensus_end,
        concluded.min_start,
        concluded.max_end,

        ---------- the evidence
        mention_lists.source_files,
        mention_lists.outlets,
        mention_lists.mentions,
        sentence_lists.sentences

    from concluded
    left join mention_lists on concluded.event_key = mention_lists.event_key
    left join sentence_lists on concluded.event_key = sentence_lists.event_key

)

select * from final
