{#- Ties each resolved date expression to an event of its story, so that outlets that word the
    same happening differently (`late on Thursday`, `last week`, `Dec 7`) can be compared.

    Dates with an event cue are grouped by story, event class (from the nearest cue, see
    int_dates_extracted) and year: a recurring kind of happening in another year (this year's summit,
    next year's) is another event. Within a group, the day-level dates are cut into clusters
    wherever two successive distinct days lie more than `event_day_gap` days apart (var, default
    3): a statement on 7 December and one on 1 December are two statements, while 7 and 8
    December are one statement that outlets date differently, which event_date_agreement and the
    fct_dates tests report as a conflict. A week, month or year joins the one cluster it overlaps;
    if it overlaps none or several, it stays with the group. The key is
    `<story_id>|<class>|<first day of the cluster>`, or `<story_id>|<class>|<year>` for the group.

    A day-level date without a cue (`had before Thursday been blocking`, `military success on
    September 19`) joins the event whose cued dates contain it most narrowly (at most a month
    wide), when that event is unique and all its cued days contain it too, and, for an event with
    no cued day (only a week or a month), when the uncued days it would take are all one day: an
    uncued date adds evidence to an event but never contradicts it. Deadlines (`by the end of this year`) are
    targets, not happenings, and unresolved dates cannot be placed: both keep a NULL event_key. -#}

-- depends_on: {{ ref('int_stories_changed') }}

with

dates as (

    select * from {{ ref('int_dates_resolved') }}
    where {{ in_changed_stories() }}

),

aligned_classes as (

    select event_class
    from {{ ref('event_classes') }}
    where is_aligned

),

cued as (

    select
        date_id,
        story_id,
        event_class,
        granularity,
        resolved_start,
        resolved_end,
        story_id || '|' || event_class || '|' || cast(extract(year from resolved_start) as varchar) as group_key
    from dates
    where
        event_class in (select aligned_classes.event_class from aligned_classes)
        and resolved_start is not null

),

distinct_days as (

    select distinct
        story_id,
        event_class,
        group_key,
        resolved_start as event_day
    from cued
    where granularity = 'day'

),

day_gaps as (

    select
        story_id,
        event_class,
        group_key,
        event_day,
        case
            when lag(event_day) over (partition by group_key order by event_day) is null then 1
            when event_day - lag(event_day) over (partition by group_key order by event_day)
                > {{ var('event_day_gap') }} then 1
            else 0
        end as starts_cluster
    from distinct_days

),

day_clusters as (

    select
        story_id,
        event_class,
        group_key,
        event_day,
        sum(starts_cluster) over (partition by group_key order by event_day) as cluster_no
    from day_gaps

),

clusters as (

    select
        group_key,
        cluster_no,
        min(event_day) as first_day,
        max(event_day) as last_day,
        story_id || '|' || event_class || '|' || cast(min(event_day) as varchar) as event_key
    from day_clusters
    group by story_id, event_class, group_key, cluster_no

),

-- Days join their cluster; coarser ranges the one cluster they overlap.
cued_in_cluster as (

    select
        cued.date_id,
        min(clusters.event_key) as event_key
    from cued
    inner join clusters
        on cued.group_key = clusters.group_key
            and cued.resolved_end >= clusters.first_day
            and cued.resolved_start <= clusters.last_day
    group by cued.date_id
    having count(*) = 1

),

cued_keys as (

    select
        cued.date_id,
        cued.story_id,
        cued.granularity,
        cued.resolved_start,
        cued.resolved_end,
        coalesce(cued_in_cluster.event_key, cued.group_key) as event_key
    from cued
    left join cued_in_cluster on cued.date_id = cued_in_cluster.date_id

),

uncued as (

    select
        date_id,
        story_id,
        resolved_start,
        resolved_end
    from dates
    where
        event_class is null
        and granularity = 'day'
        and resolved_start is not null

),

cued_days as (

    select
        event_key,
        max(resolved_start) as days_start,
        min(resolved_end) as days_end
    from cued_keys
    where granularity = 'day'
    group by event_key

),

containing as (

    select
        uncued.date_id,
        cued_keys.event_key,
        rank() over (
            partition by uncued.date_id
            order by cued_keys.resolved_end - cued_keys.resolved_start
        ) as narrowness
    from uncued
    inner join cued_keys
        on uncued.story_id = cued_keys.story_id
            and uncued.resolved_start >= cued_keys.resolved_start
            and uncued.resolved_end <= cued_keys.resolved_end
            and cued_keys.granularity in ('day', 'weekend', 'week', 'month')
    left join cued_days on cued_keys.event_key = cued_days.event_key
    where
        cued_days.event_key is null
        or (cued_days.days_start <= uncued.resolved_start and uncued.resolved_end <= cued_days.days_end)

),

by_date as (

    select
        date_id,
        min(event_key) as event_key
    from containing
    where narrowness = 1
    group by date_id
    having count(distinct event_key) = 1

),

-- an event with no cued day (`meet her later this week`) that would take uncued days of two
-- days or more would be dated by them alone, inconsistently: it takes none
spread_events as (

    select by_date.event_key
    from by_date
    inner join uncued on by_date.date_id = uncued.date_id
    left join cued_days on by_date.event_key = cued_days.event_key
    where cued_days.event_key is null
    group by by_date.event_key
    having count(distinct uncued.resolved_start) > 1

),

joined_by_date as (

    select by_date.*
    from by_date
    left join spread_events on by_date.event_key = spread_events.event_key
    where spread_events.event_key is null

),

final as (

    -- every column of int_dates_resolved, plus the event
    select
        dates.*,
        coalesce(cued_keys.event_key, by_date.event_key) as event_key,
        case
            when cued_keys.event_key is not null then 'cue'
            when by_date.event_key is not null then 'date'
        end as event_key_basis
    from dates
    left join cued_keys on dates.date_id = cued_keys.date_id
    left join joined_by_date as by_date on dates.date_id = by_date.date_id

)

select * from final  -- noqa: AM04
