{#- What each figure counts, about whom, under which action and at which time, as its own sentence and its
    story's naming say (the parts of its claim key before int_figures_aligned fills in what a figure lacks
    from the one claim of its story it fits).

    What is counted is the counted class (`military personnel`), else for a share `percent of` its base
    (`percent of exports`), for an amount what it measures (`deficit in crowns`), else the unit
    (`years`), else the counted noun as written; a rate
    (int_figure_rates_read) is per what it is per (`euros per day`). A figure about an earlier time
    (int_figures_dated: `since 2003, when 592 people died`) or a base compared with (int_figures_compared:
    `down from 67`) has a time_frame, part of the key, and so has a figure about an event the sentence
    before dated (int_figures_dated_back: `in that strike`). An age or an address (a unit of dimension `age`
    or `address` in seed counted_classes) counts nothing; a base that names nothing counts what it is
    compared with counts (`46 homicides ..., down from 52`). -#}

-- depends_on: {{ ref('int_stories_changed') }}

with

figures as (

    select * from {{ ref('int_figures_extracted') }}
    where {{ in_changed_stories() }}

),

time_frames as (

    select
        figure_id,
        time_frame
    from {{ ref('int_figures_dated') }}
    where {{ in_changed_stories() }}

),

{# `About 900 workers took part in that strike`: the time of the event the sentence before dated. #}
dated_back as (

    select
        figure_id,
        time_frame
    from {{ ref('int_figures_dated_back') }}
    where {{ in_changed_stories() }}

),

compared_bases as (

    select *
    from {{ ref('int_figures_compared') }}
    where {{ in_changed_stories() }}

),

rates as (

    select
        figure_id,
        rate_per
    from {{ ref('int_figure_rates_read') }}
    where {{ in_changed_stories() }}

),

{# The votes against of a tally (`68 to 31`) are another count than the votes for. #}
tallies as (

    select
        figure_id,
        tally_side
    from {{ ref('int_figures_tallied') }}
    where {{ in_changed_stories() }}

),

{# A court's penalty (int_figure_penalties_read: `sentenced ... to 12 years in prison`, `ordered
    ... to pay $215 million in restitution`) is its own action, whatever verb the sentence has. #}
penalties as (

    select
        figure_id,
        penalty
    from {{ ref('int_figure_penalties_read') }}
    where {{ in_changed_stories() }}

),

named_subjects as (

    select
        figure_id,
        subject
    from {{ ref('int_figure_subjects_named') }}
    where {{ in_changed_stories() }}

),

claimless_units as (

    select distinct unit
    from {{ ref('stg_lexicons__counted_classes') }}
    where dimension in ('age', 'address')

),

{# A length of time (`the fraud lasted at least four years`, `Twelve years doesn't give any of
    that back`) is a measure, not a count: with no action it states nothing two outlets can be
    said to share (a prison term has one: `sentence`). #}
time_units as (

    select distinct unit
    from {{ ref('stg_lexicons__counted_classes') }}
    where dimension = 'time'

),

people_classes as (

    select distinct counted_class
    from {{ ref('stg_lexicons__counted_classes') }}
    where counts_people and counted_class != 'people'

),

people_tolls as (

    select action_class
    from {{ ref('toll_actions') }}
    where counts_people

),

{# An action that counts one thing whatever noun names it (seed figure_actions.counted_as): job
    cuts count jobs, so `cut about 1,200 jobs` and `laying off roughly 1,400 employees` are one
    claim; under such an action a count of people (`workers`, `staff`, `people`) counts that thing. #}
action_counts as (

    select distinct
        action_class,
        counted_as
    from {{ ref('stg_lexicons__figure_actions') }}
    where counted_as is not null

),

penalised as (

    select
        figures.* exclude (action_class),
        tallies.tally_side,
        coalesce(penalties.penalty, figures.action_class, case when tallies.figure_id is not null then 'vote' end)
            as action_class
    from figures
    left join penalties on figures.figure_id = penalties.figure_id
    left join tallies on figures.figure_id = tallies.figure_id

),

framed as (

    select
        figures.*,
        named_subjects.subject as named_subject,
        compared_bases.counted_as_compared,
        rates.rate_per,
        -- a base compared with (`down from 67`) is another time's or thing's value: a claim apart
        coalesce(
            time_frames.time_frame, dated_back.time_frame,
            case when compared_bases.figure_id is not null then 'base' end
        ) as time_frame,
        claimless_units.unit is not null
        or (time_units.unit is not null and figures.action_class is null) as is_claimless,
        case
            when
                figures.counted_class = action_counts.counted_as or figures.counted_class = 'people'
                or acted_people.counted_class is not null
                then action_counts.counted_as
        end as counted_as_acted
    from penalised as figures
    left join time_frames on figures.figure_id = time_frames.figure_id
    left join dated_back on figures.figure_id = dated_back.figure_id
    left join compared_bases on figures.figure_id = compared_bases.figure_id
    left join named_subjects on figures.figure_id = named_subjects.figure_id
    left join rates on figures.figure_id = rates.figure_id
    left join claimless_units on figures.unit = claimless_units.unit
    left join time_units on figures.unit = time_units.unit
    left join action_counts on figures.action_class = action_counts.action_class
    left join people_classes as acted_people on figures.counted_class = acted_people.counted_class

),

keyed_as_written as (

    select
        *,
        -- a rate (int_figure_rates_read: `euros a day`) is per what it is per
        case
            when is_claimless then null
            when tally_side is not null
                then coalesce(counted_class, 'voters') || case when tally_side = 'against' then ' against' else '' end
            when counted_as_compared is not null then counted_as_compared
            -- a share of the workers cut (`8% of its staff`) is a share, not a count of jobs
            when unit = 'percent' and coalesce(counted_class, counted_head) is not null
                then 'percent of ' || coalesce(counted_class, counted_head)
            when counted_as_acted is not null then counted_as_acted
            when measured_noun is not null then measured_noun || ' in ' || unit
            when counted_class is not null then counted_class
            when unit is not null then unit
            else counted_head
        end || coalesce(' per ' || rate_per, '') as counted_as_written,
        {# Intervals a figure admits, for comparing figures: an exact value widened by the
            tolerance, a vague one by its bounds (NULL = open). #}
        case
            when qualifier = 'exact' then value * (1 - {{ var('figure_tolerance') }})
            else value_low
        end as compare_low,
        case
            when qualifier = 'exact' then value * (1 + {{ var('figure_tolerance') }})
            else value_high
        end as compare_high
    from framed

),

{# A name as subject (int_figure_subjects_named) parts only counts its story gives to two or
    more names (`Korvane will cut 1,400 jobs`, `Deltrix will cut 350`): a name one outlet writes
    and another leaves out (`Valdoria`, a dateline's agency) would split one claim. #}
contested as (

    select distinct keyed.figure_id
    from keyed_as_written as keyed
    inner join keyed_as_written as rival
        on
            keyed.story_id = rival.story_id
            and keyed.counted_as_written = rival.counted_as_written
            and keyed.action_class is not distinct from rival.action_class
            and keyed.time_frame is not distinct from rival.time_frame
            and keyed.named_subject != rival.named_subject
    where keyed.subject is null and rival.subject is null

),

subjected as (

    select
        keyed_as_written.* exclude (subject),
        coalesce(
            keyed_as_written.subject, case when contested.figure_id is not null then keyed_as_written.named_subject end
        ) as subject
    from keyed_as_written
    left join contested on keyed_as_written.figure_id = contested.figure_id

),

{# Outlets name the same victims differently (`12 workers` killed, `12 bodies`, `12 victims`): a
    count of people named by who they are (seed counted_classes.counts_people) joins the story's
    `people` count of the same action (or of none: `About 38,000 fans`, `About 38,000 people`;
    `2,300 staff`, `2,300 people`), subject and time when that count states the same value; so
    does a count of a toll of people (seed toll_actions.counts_people) under any noun no class
    knows (`Seven miners were killed`, `seven dead`). With another value it stays its own claim:
    `three children` among `12 people` killed is a part, not a contradiction. #}
named_people as (

    select distinct keyed.figure_id
    from subjected as keyed
    left join people_classes on keyed.counted_as_written = people_classes.counted_class
    left join people_tolls on keyed.action_class = people_tolls.action_class
    inner join subjected as stated
        on
            keyed.story_id = stated.story_id
            and stated.counted_as_written = 'people'
            and keyed.action_class is not distinct from stated.action_class
            and keyed.subject is not distinct from stated.subject
            and keyed.time_frame is not distinct from stated.time_frame
            and keyed.value = stated.value
    where
        (
            people_classes.counted_class is not null
            or people_tolls.action_class is not null and keyed.counted_class is null and keyed.unit is null
        )
        and keyed.counted_as_written != 'people'
        and keyed.qualifier in ('exact', 'approx')
        and stated.qualifier in ('exact', 'approx')
        and not coalesce(stated.is_increment, false)
        and not coalesce(stated.is_subset, false)

),

keyed as (

    select
        subjected.*,
        case
            when named_people.figure_id is not null then 'people' else subjected.counted_as_written
        end as counted_what
    from subjected
    left join named_people on subjected.figure_id = named_people.figure_id

),

final as (

    select
        figure_id,
        article_id,
        sentence_id,
        story_id,
        char_start,
        char_end,
        surface,
        number_text,
        modifier,
        value,
        value_low,
        value_high,
        qualifier,
        unit,
        counted_phrase,
        counted_class,
        counted_head,
        is_elliptical,
        is_increment,
        is_subset,
        counted_what,
        time_frame,
        subject,
        action_class,
        compare_low,
        compare_high
    from keyed

)

select * from final
