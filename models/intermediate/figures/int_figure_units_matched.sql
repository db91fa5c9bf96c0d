{#- Each candidate figure with the modifier stated before it and the unit after it. The modifier is
    the longest one (seed `quantity_modifiers`) that ends right before the run or its unit sign
    (`just over $2bn`); the unit is the one that starts right after the run (`%`, `per cent`,
    `years`, or a hyphenated `24-hour` or `62-year-old`), else an age read from its context:
    after an age word (`aged 25`, `between the ages of 17 and 34`, `in age from 17 to 34`, `aged over
    65`), the
    later numbers of a list after one (`ages 21 and 26`, `ages 19, 22 and 40`: numbers one comma,
    `and`, `or`, `to` or dash apart, the first after the age word), `died at 87`, two small bare numbers joined by
    `and` after `was`/`were` that end their clause (`The two men who died were 19 and 23.`), or
    one small bare number or two joined by `and` set off by commas after a name or a noun of people
    (`Lena Fischer, 34, said`, `the victim, 19, was`, `Two men, 24 and 27, were`, `murder of widower,
    67, at`: a noun of one person, seed figure_context_words role `person_noun` or `kin_noun`), one
    after `was` after a pronoun or a noun of one person (`She was 78.`, `I was 19 when`), or after
    `under` or `over` after a noun of people (`children under 10`); a unit written
    once after a list of numbers is each number's (`78, 84 and 91 years old`). -#}

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

-- age words (`aged`); for macro is_age_at_a_life_event, words of a life's end and phrase breaks;
-- nouns of one person (`widower`, `mother`), whose age a bare number beside them gives
age_cues as (

    select
        role,
        lower(term) as word
    from {{ ref('stg_lexicons__figure_context_words') }}
    where role in ('age_cue', 'age_at_verb', 'phrase_break', 'person_noun', 'kin_noun')

),

-- the nouns of people a list of ages set off by commas follows (`Two men, 24 and 27, were`), the
-- singular of a plural one (`a passenger, 15, was`), and a noun of one person no count is of
-- (`murder of widower, 67, at`: a headline drops the article)
people_nouns as (

    select match_key
    from {{ ref('stg_lexicons__counted_classes') }}
    where counts_people and kind = 'noun' and n_tokens = 1

    union

    select {{ regex_replace('match_key', "'s$'", "''") }} as match_key
    from {{ ref('stg_lexicons__counted_classes') }}
    where counts_people and kind = 'noun' and n_tokens = 1 and {{ regex_contains('match_key', "'[^s]s$'") }}

    union

    select word as match_key
    from age_cues
    where role in ('person_noun', 'kin_noun')

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

-- read four times (the run, its neighbours `earlier` and `later`, the lists): computed once
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

-- lists of numbers, one comma or word (`and`, `or`, `to`, a dash) apart: a run continues the list
-- of the run before it, and list_no numbers the lists of a sentence
linked as (

    select
        sentence_key,
        run_no,
        prev_lw,
        prev2_lw,
        coalesce(
            lead_pos - 2 = lag(end_pos) over (partition by sentence_key order by run_no)
            and prev_lw in (',', 'and', 'or', 'to', '-', '–'),
            false
        ) as continues_list
    from with_modifier

),

listed as (

    select
        *,
        sum(case when continues_list then 0 else 1 end) over (
            partition by sentence_key order by run_no rows between unbounded preceding and current row
        ) as list_no
    from linked

),

-- lists whose first number follows an age word (`ages 19, 22`; `between the ages of 18 and 30`)
age_lists as (

    select
        listed.sentence_key,
        listed.list_no
    from listed
    left join age_cues on listed.prev_lw = age_cues.word and age_cues.role = 'age_cue'
    left join age_cues as age_cues_2 on listed.prev2_lw = age_cues_2.word and age_cues_2.role = 'age_cue'
    where
        not listed.continues_list
        and (age_cues.word is not null or (listed.prev_lw in ('from', 'of', 'between') and age_cues_2.word is not null))

),

unit_after as (

    select
        with_modifier.sentence_key,
        with_modifier.run_no,
        terms.unit,
        terms.match_end,
        terms.match_start = with_modifier.end_pos + 2 as is_hyphenated,
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

-- a unit written once after a list of numbers counts for each of them (`The victims were 78, 84
-- and 91 years old`, `from three to five percent`): the unit of a list's last number, when a word
-- joins it to the list (`3.3% for the S&P 500, 3.5%` is no list of percentages) and no hyphen
-- glues the unit to it (`a $10 billion, three-year loan`)
list_units as (

    select
        last_runs.sentence_key,
        last_runs.list_no,
        last_runs.last_run_no,
        unit_after.unit
    from (
        select
            sentence_key,
            list_no,
            max(run_no) as last_run_no
        from listed
        group by sentence_key, list_no
        having count(*) > 1
    ) as last_runs
    inner join listed as last_run
        on last_runs.sentence_key = last_run.sentence_key and last_runs.last_run_no = last_run.run_no
    inner join unit_after
        on
            last_runs.sentence_key = unit_after.sentence_key
            and last_runs.last_run_no = unit_after.run_no
            and unit_after.rank_no = 1
    where last_run.prev_lw in ('and', 'or', 'to', '-', '–') and not unit_after.is_hyphenated

),

with_unit as (

    select
        with_modifier.*,
        coalesce(
            unit_after.unit,
            case
                when with_modifier.run_no < list_units.last_run_no and with_modifier.prefix_unit is null
                    then list_units.unit
            end,
            case
                when age_cues.word is not null then 'years of age'
                when {{ is_age_at_a_life_event('with_modifier', 'age_cues') }} then 'years of age'
                when with_modifier.prev_lw in ('from', 'of', 'between', 'over', 'under') and age_cues_2.word is not null
                    then 'years of age'
                -- not before a noun of its own (`a child aged 5 and 12 adults`)
                when
                    listed.continues_list
                    and age_lists.list_no is not null
                    and (
                        not {{ regex_contains("coalesce(with_modifier.next_lw, '')", "'^\\pL'") }}
                        or with_modifier.next_lw in ('was', 'were', 'are', 'is', 'who', 'and', 'or', 'respectively')
                    )
                    then 'years of age'
                -- two joined by `and` that end their clause, after `was`/`were` or set off by commas
                -- after a noun of people (`who died were 19 and 23.`, `Two men, 24 and 27, were`)
                when
                    with_modifier.next_lw = 'and'
                    and (
                        with_modifier.prev_lw in ('was', 'were')
                        or (with_modifier.prev_lw = ',' and people_before.match_key is not null)
                    )
                    and later.next_lw in ('.', ',', ';') and {{ is_bare_small_number('later') }}
                    and {{ is_bare_small_number('with_modifier') }}
                    then 'years of age'
                when
                    with_modifier.prev_lw = 'and'
                    and (
                        earlier.prev_lw in ('was', 'were')
                        or (earlier.prev_lw = ',' and people_before_earlier.match_key is not null)
                    )
                    and with_modifier.next_lw in ('.', ',', ';') and {{ is_bare_small_number('earlier') }}
                    and {{ is_bare_small_number('with_modifier') }}
                    then 'years of age'
                -- a limit of age after a noun of people (`children under 10`, `people over 65`)
                when
                    with_modifier.prev_lw in ('under', 'over') and people_before.match_key is not null
                    and with_modifier.n_parts = 1 and with_modifier.base_value between 1 and 119
                    and (
                        not {{ regex_contains("coalesce(with_modifier.next_lw, '')", "'^\\pL'") }}
                        or with_modifier.next_lw in (
                            'was', 'were', 'are', 'is', 'who', 'and', 'or', 'to', 'in', 'at', 'with', 'from',
                            'should', 'must', 'can', 'could', 'will', 'would', 'have', 'had'
                        )
                    )
                    then 'years of age'
                -- what one person was (`She was 78.`, `I was 19 when`, `the widower was 67`): not
                -- after a noun of a group or a toll (`The toll was 12.`)
                when
                    {{ is_bare_small_number('with_modifier') }}
                    and with_modifier.prev_lw in ('was', 'is')
                    and (with_modifier.prev2_lw in ('he', 'she', 'i') or one_person.word is not null)
                    and (
                        not {{ regex_contains("coalesce(with_modifier.next_lw, '')", "'^\\pL'") }}
                        or with_modifier.next_lw in ('when', 'and', 'at')
                    )
                    then 'years of age'
                when
                    {{ is_bare_small_number('with_modifier') }}
                    and with_modifier.prev_lw = ','
                    and (with_modifier.prev2_is_capitalised or people_before.match_key is not null)
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
    left join age_cues on with_modifier.prev_lw = age_cues.word and age_cues.role = 'age_cue'
    left join age_cues as age_cues_2 on with_modifier.prev2_lw = age_cues_2.word and age_cues_2.role = 'age_cue'
    left join age_cues as one_person
        on with_modifier.prev2_lw = one_person.word and one_person.role in ('person_noun', 'kin_noun')
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
    left join people_nouns as people_before on with_modifier.prev2_lw = people_before.match_key
    left join people_nouns as people_before_earlier on earlier.prev2_lw = people_before_earlier.match_key
    left join listed
        on with_modifier.sentence_key = listed.sentence_key and with_modifier.run_no = listed.run_no
    left join age_lists
        on listed.sentence_key = age_lists.sentence_key and listed.list_no = age_lists.list_no
    left join list_units
        on listed.sentence_key = list_units.sentence_key and listed.list_no = list_units.list_no

),

-- a fraction on its own is a share (`a quarter of the budget`: 25 percent), but before a unit of
-- its own it is that part of the unit (`a quarter-mile away`, `a half-hour drive`)
fractions_of_units as (

    select
        * exclude (base_value),
        case
            when
                fraction is not null and not has_scale and not has_multiplier
                and unit_after is not null and unit_after != 'percent'
                then base_value / 100
            else base_value
        end as base_value
    from with_unit

)

select * from fractions_of_units  -- noqa: AM04
