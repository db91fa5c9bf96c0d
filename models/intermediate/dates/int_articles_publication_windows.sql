{#- When each article can have been published: its own publication date when it has one; for an
    article without one, a window inferred from its story.

    The base window runs from `story_window_days` before the story's earliest publication date to
    as many days after its latest. It is then narrowed by the article's own relative dates that
    name a happening the other articles date to one day: an article that says the exchange took
    place `on Wednesday`, when the dated articles put the exchange on Wednesday 13 December, was
    published 13-19 December; one that says the statement came `last week`, when the statement
    was on 7 December, was published 11-17 December. Each such constraint is the set of candidate
    days whose resolution of the expression contains that day; the window is their intersection.
    A constraint no candidate day satisfies (the article contradicts the others) is ignored, and
    so are all constraints when they contradict each other. -#}

-- depends_on: {{ ref('int_stories_changed') }}

with

articles as (

    select
        article_id,
        story_id,
        published_date
    from {{ ref('int_articles_changed') }}
    where is_current and {{ in_changed_stories() }}

),

story_dates as (

    select
        story_id,
        min(published_date) as first_published,
        max(published_date) as last_published,
        count(*) as n_dated_articles
    from articles
    where published_date is not null
    group by story_id

),

base_windows as (

    select
        articles.article_id,
        articles.story_id,
        articles.published_date,
        story_dates.n_dated_articles,
        {{ add_days('story_dates.first_published', '-' ~ var('story_window_days')) }} as base_start,
        {{ add_days('story_dates.last_published', var('story_window_days')) }} as base_end
    from articles
    left join story_dates on articles.story_id = story_dates.story_id

),

aligned_classes as (

    select event_class
    from {{ ref('event_classes') }}
    where is_aligned

),

-- Days that the dated articles give, one per event class, to anchor an undated article's
-- relative dates; a class dated to several days anchors nothing.
dated_days as (

    select
        dates.story_id,
        dates.event_class,
        dates.resolved_start as event_day
    from {{ ref('int_dates_extracted') }} as dates
    where
        {{ in_changed_stories('dates.story_id') }}
        and dates.resolution_basis = 'article'
        and dates.granularity = 'day'
        and dates.event_class in (select aligned_classes.event_class from aligned_classes)

),

anchors as (

    select
        base_windows.article_id,
        dated_days.event_class,
        min(dated_days.event_day) as event_day
    from base_windows
    inner join dated_days
        on base_windows.story_id = dated_days.story_id
        -- Relative expressions reach a few weeks back, not years.
            and dated_days.event_day between {{ add_days('base_windows.base_start', -62) }} and base_windows.base_end
    where base_windows.published_date is null
    group by base_windows.article_id, dated_days.event_class
    having count(distinct dated_days.event_day) = 1

),

anchored_mentions as (

    select
        dates.date_id,
        dates.article_id,
        dates.surface,
        dates.event_class,
        {{ date_parse_columns('dates.') }},
        anchors.event_day,
        {{ day_list('base_windows.base_start', 'base_windows.base_end') }} as base_days
    from {{ ref('int_dates_extracted') }} as dates
    inner join anchors
        on dates.article_id = anchors.article_id
            and dates.event_class = anchors.event_class
    inner join base_windows on dates.article_id = base_windows.article_id
    -- the joins keep this batch's articles only; the filter lets the scan skip the other batches
    where dates.is_relative and {{ in_changed_stories('dates.story_id') }}

),

candidate_days as (

    select
        date_id,
        article_id,
        surface,
        event_class,
        event_day,
        {{ date_parse_columns() }},
        {{ explode_columns('base_days', 'candidate_day', 'day_no') }}
    from anchored_mentions

),

candidate_resolutions as (

    select
        *,
        {{ date_range_start('candidate_day') }} as range_start
    from candidate_days

),

date_constraints as (

    select
        article_id,
        date_id,
        surface,
        event_class,
        event_day,
        min(candidate_day) as earliest,
        max(candidate_day) as latest
    from candidate_resolutions
    where
        event_day between range_start
        and {{ date_range_end('range_start') }}
    group by article_id, date_id, surface, event_class, event_day

),

narrowed as (

    select
        article_id,
        max(earliest) as window_start,
        min(latest) as window_end,
        count(*) as n_constraints,
        string_agg(
            '''' || surface || ''' (' || event_class || ' on ' || cast(event_day as varchar) || ') -> '
            || cast(earliest as varchar) || '..' || cast(latest as varchar),
            '; ' order by date_id
        ) as evidence
    from date_constraints
    group by article_id

),

final as (

    select
        base_windows.article_id,
        base_windows.story_id,
        base_windows.published_date,
        case
            when base_windows.published_date is not null then base_windows.published_date
            when narrowed.window_start <= narrowed.window_end then narrowed.window_start
            else base_windows.base_start
        end as window_start,
        case
            when base_windows.published_date is not null then base_windows.published_date
            when narrowed.window_start <= narrowed.window_end then narrowed.window_end
            else base_windows.base_end
        end as window_end,
        case
            when base_windows.published_date is not null then 'article'
            when base_windows.base_start is not null then 'story'
        end as window_basis,
        coalesce(base_windows.n_dated_articles, 0) as n_dated_articles,
        case
            when base_windows.published_date is null and narrowed.window_start <= narrowed.window_end
                then narrowed.n_constraints
            else 0
        end as n_constraints,
        case
            when base_windows.published_date is null then narrowed.evidence
        end as window_evidence
    from base_windows
    left join narrowed on base_windows.article_id = narrowed.article_id

)

select * from final
