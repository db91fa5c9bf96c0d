{#- Figures aligned to claims: figures of one story that count the same thing about the same
    subject under the same action share a claim_key (`military personnel|Peru|release`).

    What is counted is the counted class (`military personnel`), else for a share `percent of`
    its base (`percent of exports`), else the unit (`years`), else the counted noun as written.
    A figure whose sentence names no subject, or no action (`Chile brought back two
    servicemen`, `in exchange for two`, `Chilean medics, 24 in all`), takes the missing parts from
    the one claim of its story that counts the same thing, names what the figure lacks, agrees on
    the parts the figure has, and states an exact value the figure admits; with none or several
    such claims it keeps what its sentence gives. A bare count of an action (`Twenty-seven killed`,
    `kills nine`) likewise takes what is counted from the one claim of its action it states.

    A figure about an earlier time (int_figures_dated: `since 2003, when 592 people died`) is
    another claim than the story's own count: its time_frame is part of the key.

    Some figures join no claim: an age or an address (a unit of dimension `age` or `address` in
    seed counted_classes: two people's ages, or `the 4500 block`, are not two reports of one
    count), an addition to a count (`12 more bodies`) and a part of a group counted elsewhere
    (`three of the wounded`). -#}

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

compared_bases as (

    select figure_id
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

named_subjects as (

    select
        figure_id,
        subject
    from {{ ref('int_figure_subjects_named') }}
    where {{ in_changed_stories() }}

),

claimless_units as (

    select distinct unit
    from {{ ref('counted_classes') }}
    where dimension in ('age', 'address')

),

people_classes as (

    select distinct counted_class
    from {{ ref('counted_classes') }}
    where counts_people and counted_class != 'people'

),

{# An action that counts one thing whatever noun names it (seed figure_actions.counted_as): job
    cuts count jobs, so `cut about 1,200 jobs` and `laying off roughly 1,400 employees` are one
    claim; under such an action a count of people (`workers`, `staff`, `people`) counts that thing. #}
action_counts as (

    select distinct
        action_class,
        counted_as
    from {{ ref('figure_actions') }}
    where counted_as is not null

),

framed as (

    select
        figures.*,
        named_subjects.subject as named_subject,
        rates.rate_per,
        -- a base compared with (`down from 67`) is another time's or thing's value: a claim apart
        coalesce(time_frames.time_frame, case when compared_bases.figure_id is not null then 'base' end) as time_frame,
        claimless_units.unit is not null as is_claimless,
        case
            when
                figures.counted_class = action_counts.counted_as or figures.counted_class = 'people'
                or acted_people.counted_class is not null
                then action_counts.counted_as
        end as counted_as_acted
    from figures
    left join time_frames on figures.figure_id = time_frames.figure_id
    left join compared_bases on figures.figure_id = compared_bases.figure_id
    left join named_subjects on figures.figure_id = named_subjects.figure_id
    left join rates on figures.figure_id = rates.figure_id
    left join claimless_units on figures.unit = claimless_units.unit
    left join action_counts on figures.action_class = action_counts.action_class
    left join people_classes as acted_people on figures.counted_class = acted_people.counted_class

),

keyed_as_written as (

    select
        *,
        -- a rate (int_figure_rates_read: `euros a day`) is per what it is per
        case
            when is_claimless then null
            when counted_as_acted is not null then counted_as_acted
            when unit = 'percent' and coalesce(counted_class, counted_head) is not null
                then 'percent of ' || coalesce(counted_class, counted_head)
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
    `people` count of the same action, subject and time when that count states the same value.
    With another value it stays its own claim: `three children` among `12 people` killed is a
    part, not a contradiction. #}
named_people as (

    select distinct keyed.figure_id
    from subjected as keyed
    inner join people_classes on keyed.counted_as_written = people_classes.counted_class
    inner join subjected as stated
        on
            keyed.story_id = stated.story_id
            and stated.counted_as_written = 'people'
            and keyed.action_class = stated.action_class
            and keyed.subject is not distinct from stated.subject
            and keyed.time_frame is not distinct from stated.time_frame
            and keyed.value = stated.value
    where
        keyed.qualifier in ('exact', 'approx')
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

{# A figure that lacks a subject or an action joins the one claim of its story that has what it
    lacks, agrees on what it has, and states an exact value the figure admits: `two servicemen`
    joins the claim that says 2. A claim stated only vaguely (`at least three people`) admits too
    much to draw figures in (`1,500 people were in shelters` is no death toll). #}
fitting_claims as (

    select
        figure_id,
        subject,
        action_class,
        counted_what,
        count(*) over (partition by figure_id) as n_fitting
    from (
        select distinct
            keyed.figure_id,
            stated.subject,
            stated.action_class,
            stated.counted_what
        from keyed
        inner join keyed as stated
            on
                keyed.story_id = stated.story_id
                -- a bare count of an action (`Twenty-seven killed`) counts what the claim counts
                and (
                    keyed.counted_what = stated.counted_what
                    or keyed.counted_what is null and keyed.action_class is not null and keyed.qualifier = 'exact'
                )
                and keyed.time_frame is not distinct from stated.time_frame
                and (keyed.subject is null or keyed.subject = stated.subject)
                and (keyed.action_class is null or keyed.action_class = stated.action_class)
                and (
                    (keyed.subject is null and stated.subject is not null)
                    or (keyed.action_class is null and stated.action_class is not null)
                    or keyed.counted_what is null
                )
                and (keyed.compare_low is null or keyed.compare_low <= stated.value)
                and (keyed.compare_high is null or keyed.compare_high >= stated.value)
        where
            (keyed.subject is null or keyed.action_class is null or keyed.counted_what is null)
            and stated.counted_what is not null
            -- or states the very bounds the figure states (`1.6 billion to 1.7 billion pounds`)
            and (
                stated.qualifier = 'exact'
                or (
                    stated.qualifier in ('range', 'at_least', 'at_most') and stated.qualifier = keyed.qualifier
                    and stated.value_low = keyed.value_low and stated.value_high is not distinct from keyed.value_high
                )
            )
            and not coalesce(stated.is_increment, false)
            and not coalesce(stated.is_subset, false)
    ) as fits

),

aligned as (

    select
        keyed.*,
        coalesce(keyed.subject, fitting_claims.subject) as claim_subject,
        coalesce(keyed.action_class, fitting_claims.action_class) as claim_action,
        coalesce(keyed.counted_what, fitting_claims.counted_what) as claim_counted,
        case
            when
                coalesce(keyed.counted_what, fitting_claims.counted_what) is null
                or coalesce(keyed.is_increment, false) or coalesce(keyed.is_subset, false)
                then null
            when fitting_claims.figure_id is not null then 'story'
            else 'text'
        end as key_basis
    from keyed
    left join fitting_claims
        on keyed.figure_id = fitting_claims.figure_id and fitting_claims.n_fitting = 1

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
        claim_counted as counted_what,
        time_frame,
        claim_subject as subject,
        claim_action as action_class,
        key_basis,
        compare_low,
        compare_high,
        case
            when claim_counted is not null and not coalesce(is_increment, false) and not coalesce(is_subset, false)
                then concat_ws('|', claim_counted, claim_subject, claim_action, time_frame)
        end as claim_key
    from aligned

)

select * from final
