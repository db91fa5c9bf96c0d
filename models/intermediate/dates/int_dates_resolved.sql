{#- Every date expression with its final resolution. Those the article resolves itself keep it
    (basis `article`). A relative one in an article without a publication date is resolved from
    the story: it is resolved for every day of the article's publication window
    (int_articles_publication_windows) and kept only when all those days give the same range
    (basis `story`); otherwise it stays NULL. -#}

-- depends_on: {{ ref('int_stories_changed') }}

with

dates as (

    select * from {{ ref('int_dates_extracted') }}
    where {{ in_changed_stories() }}

),

windows as (

    select * from {{ ref('int_articles_publication_windows') }}
    where {{ in_changed_stories() }}

),

unresolved as (

    select
        dates.date_id,
        {{ date_parse_columns('dates.') }},
        windows.window_start,
        windows.window_end
    from dates
    inner join windows on dates.article_id = windows.article_id
    where
        dates.resolved_start is null
        and dates.is_relative
        and windows.window_basis = 'story'

),

candidate_days as (

    select
        date_id,
        {{ date_parse_columns() }},
        {{ explode_columns('window_days', 'candidate_day', 'day_no') }}
    from (
        select
            *,
            {{ day_list('window_start', 'window_end') }} as window_days
        from unresolved
    ) as listed

),

candidate_starts as (

    select
        *,
        {{ date_range_start('candidate_day') }} as range_start
    from candidate_days

),

candidate_ranges as (

    select
        *,
        {{ date_range_end('range_start') }} as range_end
    from candidate_starts

),

from_story as (

    select
        date_id,
        min(range_start) as resolved_start,
        max(range_end) as resolved_end
    from candidate_ranges
    group by date_id
    having
        count(distinct range_start) = 1
        and count(distinct range_end) = 1
        and count(range_start) = count(*)

),

final as (

    select
        dates.date_id,
        dates.article_id,
        dates.story_id,
        dates.sentence_id,
        dates.char_start,
        dates.char_end,
        dates.surface,
        dates.sentence_text,
        dates.pattern,
        dates.rule,
        dates.resolution_method,
        dates.granularity,
        dates.unit_offset,
        dates.year_number,
        dates.end_year_number,
        dates.month_number,
        dates.day_number,
        dates.weekday_number,
        dates.is_relative,
        dates.follows_future_marker,
        dates.is_quoted,
        dates.event_class,
        dates.event_cue,
        dates.event_cue_stem,
        dates.published_date,
        windows.window_start as publication_window_start,
        windows.window_end as publication_window_end,
        coalesce(dates.resolved_start, from_story.resolved_start) as resolved_start,
        coalesce(dates.resolved_end, from_story.resolved_end) as resolved_end,
        case
            when dates.resolved_start is not null then dates.resolution_basis
            when from_story.resolved_start is not null then 'story'
        end as resolution_basis
    from dates
    left join from_story on dates.date_id = from_story.date_id
    left join windows on dates.article_id = windows.article_id

)

select * from final
