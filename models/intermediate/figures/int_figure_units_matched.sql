{#- Each candidate figure with the modifier stated before it and the unit after it. The modifier is
    the longest one (seed `quantity_modifiers`) that ends right before the run or its unit sign
    (`just over $2bn`); the unit is the one that starts right after the run (`%`, `per cent`,
    `years`, or a hyphenated `24-hour` or `62-year-old`), else an age read from its context:
    after an age word (`aged 25`, `between the ages of 17 and 34`, `in age from 17 to 34`), the
    second of two numbers joined after one (`ages 21 and 26`), two small bare numbers joined by
    `and` after `was`/`were` that end their clause (`The two men who died were 19 and 23.`), or a
    small bare number set off by commas after a name (`Lena Fischer, 34, said`). -#}

-- depends_on: {{ ref('int_stories_changed') }}

with

candidates as (

    select * from {{ ref('int_figure_runs_valued') }}
    where {{ in_changed_stories() }}

),

terms as (

    select * from {{ ref('int_figure_terms_matched') }}
    where {{ in_changed_stories() }}

),

age_cues as (

    select lower(word) as word
    from {{ ref('figure_context_words') }}
    where role = 'age_cue'

),

run_modifiers as (

    select
        candidates.sentence_key,
        candidates.run_no,
        terms.match_start,
        terms.modifier,
        terms.matched_label as qualifier,
        terms.low_factor,
        terms.high_factor,
        terms.before_duration,
        row_number() over (
            partition by candidates.sentence_key, candidates.run_no
            order by terms.n_words desc
        ) as rank_no
    from candidates
    inner join terms
        on
            candidates.sentence_key = terms.sentence_key
            and terms.matched_role = 'modifier'
            and terms.match_end = candidates.lead_pos - 1

),

-- read three times (the run and its neighbours `earlier` and `later`): computed once
with_modifier {{ materialized_cte() }} (

    select
        candidates.*,
        run_modifiers.before_duration as modifier_before_duration,
        run_modifiers.match_start as stated_modifier_start,
        run_modifiers.modifier as stated_modifier,
        run_modifiers.qualifier as stated_qualifier,
        run_modifiers.low_factor as stated_low_factor,
        run_modifiers.high_factor as stated_high_factor
    from candidates
    left join run_modifiers
        on
            candidates.sentence_key = run_modifiers.sentence_key
            and candidates.run_no = run_modifiers.run_no
            and run_modifiers.rank_no = 1

),

unit_after as (

    select
        with_modifier.sentence_key,
        with_modifier.run_no,
        terms.unit,
        terms.match_end,
        row_number() over (
            partition by with_modifier.sentence_key, with_modifier.run_no
            order by terms.match_start asc, terms.n_words desc
        ) as rank_no
    from with_modifier
    inner join terms
        on
            with_modifier.sentence_key = terms.sentence_key
            and terms.matched_role = 'counted'
            and terms.kind = 'unit'
            and (
                terms.match_start = with_modifier.end_pos + 1
                or (
                    terms.match_start = with_modifier.end_pos + 2
                    and with_modifier.next_lw in ('-', '‑', '–')
                    and with_modifier.glued_next
                    and with_modifier.next_glued_next2
                )
            )

),

with_unit as (

    select
        with_modifier.*,
        coalesce(
            unit_after.unit,
            case
                when age_cues.word is not null then 'years of age'
                when with_modifier.prev_lw in ('from', 'of', 'between') and age_cues_2.word is not null
                    then 'years of age'
                -- not before a noun of its own (`a child aged 5 and 12 adults`)
                when
                    with_modifier.prev_lw in ('and', 'or', 'to', '-', '–')
                    and (
                        earlier_cues.word is not null
                        or (earlier.prev_lw in ('from', 'of', 'between') and earlier_cues_2.word is not null)
                    )
                    and (
                        not {{ regex_contains("coalesce(with_modifier.next_lw, '')", "'^\\pL'") }}
                        or with_modifier.next_lw in ('was', 'were', 'are', 'is', 'who', 'and', 'or', 'respectively')
                    )
                    then 'years of age'
                when
                    with_modifier.prev_lw in ('was', 'were') and with_modifier.next_lw = 'and'
                    and later.next_lw in ('.', ',', ';') and {{ is_bare_small_number('later') }}
                    and {{ is_bare_small_number('with_modifier') }}
                    then 'years of age'
                when
                    earlier.prev_lw in ('was', 'were') and with_modifier.prev_lw = 'and'
                    and with_modifier.next_lw in ('.', ',', ';') and {{ is_bare_small_number('earlier') }}
                    and {{ is_bare_small_number('with_modifier') }}
                    then 'years of age'
                when
                    {{ is_bare_small_number('with_modifier') }}
                    and with_modifier.prev_lw = ',' and with_modifier.prev2_is_capitalised
                    and with_modifier.next_lw in (',', '.', ')', ';')
                    then 'years of age'
            end
        ) as unit_after,
        coalesce(unit_after.match_end, with_modifier.end_pos) + 1 as phrase_from
    from with_modifier
    left join unit_after
        on
            with_modifier.sentence_key = unit_after.sentence_key
            and with_modifier.run_no = unit_after.run_no
            and unit_after.rank_no = 1
    left join age_cues on with_modifier.prev_lw = age_cues.word
    left join age_cues as age_cues_2 on with_modifier.prev2_lw = age_cues_2.word
    -- the number before, when one word joins the two (`ages 21 and 26`)
    left join with_modifier as earlier
        on
            with_modifier.sentence_key = earlier.sentence_key
            and with_modifier.run_no - 1 = earlier.run_no
            and with_modifier.lead_pos - 2 = earlier.end_pos
    left join with_modifier as later
        on
            with_modifier.sentence_key = later.sentence_key
            and with_modifier.run_no + 1 = later.run_no
            and with_modifier.end_pos + 2 = later.lead_pos
    left join age_cues as earlier_cues on earlier.prev_lw = earlier_cues.word
    left join age_cues as earlier_cues_2 on earlier.prev2_lw = earlier_cues_2.word

)

select * from with_unit  -- noqa: AM04
