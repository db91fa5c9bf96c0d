{#- Figures aligned to claims: figures of one story that count the same thing about the same
    subject under the same action at the same time share a claim_key (`military personnel|Peru|release`).

    The parts come from the figure's own sentence and its story's naming (int_figures_keyed). A
    figure whose sentence names no subject, or no action (`Chile brought back two servicemen`,
    `in exchange for two`, `Chilean medics, 24 in all`), takes the missing parts from the one
    claim of its story that counts the same thing, names what the figure lacks, agrees on the
    parts the figure has, and states an exact value the figure admits; with none or several such
    claims it keeps what its sentence gives. A bare count of an action (`Twenty-seven killed`,
    `kills nine`) likewise takes what is counted from the one claim of its action it states.

    Some figures join no claim: an age or an address (which count nothing), an addition to a
    count (`12 more bodies`) and a part of a group counted elsewhere (`three of the wounded`); nor
    does a figure of a claim with no subject and no action that admits the value of none of its
    other figures when two of them agree (`percent`: a wage rise of 10 is no turnout of 64.2
    that two outlets state). -#}

-- depends_on: {{ ref('int_stories_changed') }}

with

keyed as (

    select * from {{ ref('int_figures_keyed') }}
    where {{ in_changed_stories() }}

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
                -- a bare count of an action (`Twenty-seven killed`) counts what the claim counts; an
                -- age beside it counts nothing (`Two boys, 15 and 16, were detained`)
                and (
                    keyed.counted_what = stated.counted_what
                    or (
                        keyed.counted_what is null and keyed.action_class is not null and keyed.qualifier = 'exact'
                        and keyed.unit is null
                    )
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

claimed as (

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

),

{# A claim that names only what it counts, with no subject and no action (`percent`, `people`,
    `workers`), may be any share or any group. When two of its figures agree on a value, a figure
    that admits the value of no other figure of the claim is something else, not a disagreement:
    `raise the minimum wage by 10 percent` beside two outlets' 64.2 percent turnout, `Eleven
    people remained in intensive care` beside a crowd of 38,000 told twice. It is a claim of its
    own (no key). With no two figures agreeing there is no value to tell the claim by: its
    figures stay together (`35 roads` against `42`: the vague claim a reader should see). #}
bare_pairs as (

    select
        bare.figure_id,
        bare.story_id,
        bare.claim_key,
        coalesce(bool_or(
            other.figure_id is not null
            and (bare.compare_low is null or other.compare_high is null or bare.compare_low <= other.compare_high)
            and (other.compare_low is null or bare.compare_high is null or other.compare_low <= bare.compare_high)
        ), false) as is_admitted
    from claimed as bare
    left join claimed as other
        on
            bare.story_id = other.story_id
            and bare.claim_key = other.claim_key
            and bare.figure_id != other.figure_id
    where bare.claim_key is not null and bare.subject is null and bare.action_class is null
    group by bare.figure_id, bare.story_id, bare.claim_key

),

unsupported as (

    select bare_pairs.figure_id
    from bare_pairs
    where
        not bare_pairs.is_admitted
        and exists (
            select 1
            from bare_pairs as agreed
            where
                agreed.story_id = bare_pairs.story_id
                and agreed.claim_key = bare_pairs.claim_key
                and agreed.is_admitted
        )

),

final as (

    select
        claimed.* exclude (claim_key, key_basis),
        case when unsupported.figure_id is null then claimed.key_basis end as key_basis,
        case when unsupported.figure_id is null then claimed.claim_key end as claim_key
    from claimed
    left join unsupported on claimed.figure_id = unsupported.figure_id

)

select * from final
