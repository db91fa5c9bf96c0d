{#- Figures aligned to claims: figures of one story that count the same thing about the same
    subject under the same action share a claim_key (`military personnel|Peru|release`).

    What is counted is the counted class (`military personnel`), else for a share `percent of`
    its base (`percent of exports`), else the unit (`years`), else the counted noun as written.
    A figure whose sentence names no subject, or no action (`Chile brought back two
    servicemen`, `in exchange for two`, `Chilean medics, 24 in all`), takes the missing parts from
    the one claim of its story that counts the same thing, names what the figure lacks, agrees on
    the parts the figure has, and states an exact value the figure admits; with none or several
    such claims it keeps what its sentence gives.

    A figure about an earlier time (`the deadliest since 2003, when 592 people died`, `Last year,
    300 homes burned`) is another claim than today's count: when the date nearest to it in its
    sentence ends more than var('claim_history_days') days before the article's publication, or is
    a whole earlier year (`last year` in a February article), the year of that date becomes the
    claim's time_frame and part of its key. -#}

-- depends_on: {{ ref('int_stories_changed') }}

with

figures as (

    select * from {{ ref('int_figures_extracted') }}
    where {{ in_changed_stories() }}

),

dates as (

    select
        sentence_id,
        char_start,
        char_end,
        resolved_start,
        resolved_end,
        granularity,
        coalesce(published_date, publication_window_start) as published_from
    from {{ ref('int_dates_resolved') }}
    where {{ in_changed_stories() }} and resolved_start is not null

),

nearest_dates as (

    select
        figures.figure_id,
        dates.resolved_start,
        dates.resolved_end,
        dates.granularity,
        dates.published_from,
        row_number() over (
            partition by figures.figure_id
            order by
                case
                    when dates.char_end <= figures.char_start then figures.char_start - dates.char_end
                    else dates.char_start - figures.char_end
                end,
                dates.char_start
        ) as nearness
    from figures
    inner join dates on figures.sentence_id = dates.sentence_id

),

time_frames as (

    select
        figure_id,
        case
            when extract(year from resolved_start) = extract(year from resolved_end)
                then cast(extract(year from resolved_start) as varchar)
            else
                cast(extract(year from resolved_start) as varchar)
                || '-' || cast(extract(year from resolved_end) as varchar)
        end as time_frame
    from nearest_dates
    where
        nearness = 1
        and (
            resolved_end < {{ add_days('published_from', '-' ~ var('claim_history_days')) }}
            -- `last year`, `in 2024`: a whole earlier year, however recently it ended
            or (granularity = 'year' and extract(year from resolved_end) < extract(year from published_from))
        )

),

framed as (

    select
        figures.*,
        time_frames.time_frame
    from figures
    left join time_frames on figures.figure_id = time_frames.figure_id

),

keyed as (

    select
        *,
        case
            when unit = 'percent' and coalesce(counted_class, counted_head) is not null
                then 'percent of ' || coalesce(counted_class, counted_head)
            when counted_class is not null then counted_class
            when unit is not null then unit
            else counted_head
        end as counted_what,
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

{# A figure that lacks a subject or an action joins the one claim of its story that has what it
    lacks, agrees on what it has, and states an exact value the figure admits: `two servicemen`
    joins the claim that says 2. A claim stated only vaguely (`at least three people`) admits too
    much to draw figures in (`1,500 people were in shelters` is no death toll). #}
fitting_claims as (

    select
        figure_id,
        subject,
        action_class,
        count(*) over (partition by figure_id) as n_fitting
    from (
        select distinct
            keyed.figure_id,
            stated.subject,
            stated.action_class
        from keyed
        inner join keyed as stated
            on
                keyed.story_id = stated.story_id
                and keyed.counted_what = stated.counted_what
                and keyed.time_frame is not distinct from stated.time_frame
                and (keyed.subject is null or keyed.subject = stated.subject)
                and (keyed.action_class is null or keyed.action_class = stated.action_class)
                and (
                    (keyed.subject is null and stated.subject is not null)
                    or (keyed.action_class is null and stated.action_class is not null)
                )
                and (keyed.compare_low is null or keyed.compare_low <= stated.value)
                and (keyed.compare_high is null or keyed.compare_high >= stated.value)
        where
            (keyed.subject is null or keyed.action_class is null)
            and stated.qualifier = 'exact'
            and not coalesce(stated.is_increment, false)
    ) as fits

),

aligned as (

    select
        keyed.*,
        coalesce(keyed.subject, fitting_claims.subject) as claim_subject,
        coalesce(keyed.action_class, fitting_claims.action_class) as claim_action,
        case
            when keyed.counted_what is null or coalesce(keyed.is_increment, false) then null
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
        counted_what,
        time_frame,
        claim_subject as subject,
        claim_action as action_class,
        key_basis,
        compare_low,
        compare_high,
        case
            when counted_what is not null and not coalesce(is_increment, false)
                then concat_ws('|', counted_what, claim_subject, claim_action, time_frame)
        end as claim_key
    from aligned

)

select * from final
