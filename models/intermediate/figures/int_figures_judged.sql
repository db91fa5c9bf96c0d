{#- The located figures that are figures, with their bounds and their surface and phrase texts.
    A number is no figure when it is a date, a year, a clock time, a code or phone number, part of
    a name, an ordinal, the pronoun `one`, a small count naming a known group, an emergency number,
    a calibre, a score or part of a compound word; which figures take no action: kept_action_class
    and is_no_toll; the closed word classes these rules read are in seed `figure_context_words`. -#}

{#- `injuring four others`: the others of a toll, which count people as `three other people` does -#}
{%- set toll_others -%}
    plain_head = 'others' and not is_no_toll and action_class in ('kill', 'injure', 'shoot', 'stab', 'missing')
{%- endset %}

-- depends_on: {{ ref('int_stories_changed') }}

with

located as (

    select * from {{ ref('int_figures_located') }}
    where {{ in_changed_stories() }}

),

context_words as (

    select
        role,
        lower(term) as word
    from {{ ref('stg_lexicons__figure_context_words') }}

),

months as (

    select
        is_common_word,
        match_key as word
    from {{ ref('stg_lexicons__month_names') }}

),

weekdays as (

    select match_key as word
    from {{ ref('stg_lexicons__weekday_names') }}

),

action_terms as (

    select match_key
    from {{ ref('stg_lexicons__figure_actions') }}

),

judged as (

    select
        located.*,
        case
            when located.links_prev or located.links_next then 'date, time or code'
            {{ score_and_compound_cases('located') }}
            when located.first_tag = 'D' and located.glued_prev and located.prev_lw in ('+', '#', '№', '/', ':', '.')
                then 'code or phone number'
            when located.first_tag = 'D' and located.glued_prev and located.prev_lw in ('-', '‑', '–')
                and located.prev2_is_word and located.prev_glued_prev2
                then 'part of a name'
            when located.first_tag = 'D' and (located.prev_tag = 'D' or located.next_tag = 'D')
                then 'phone number or code'
            when located.first_tag = 'D' and identifier_noun.word is not null then 'identifier'
            when located.suffix_scale_kind = 'currency_scale' and located.prefix_unit is null
                then 'measure, not an amount'
            {# `a father of two`: how many children someone has, not a count of the story #}
            when located.prev_lw = 'of' and kin_noun.word is not null then 'children of a parent'
            {{ calendar_cases('located', 'year_cue', 'prev_month', 'next_month', 'time_suffix', 'months') }}
            {# `a third day`, `a fifth term`: an ordinal after an article, not a share, unless
               `of` or a phrase break follows (`a third of the budget`, `cut by a third in 2023`). #}
            when located.first_tag = 'A' and located.n_parts = 2 and located.fraction is not null
                and {{ regex_contains("coalesce(located.next_lw, '')", "'^\\pL'") }}
                and located.next_lw != 'of' and next_break.word is null
                then 'ordinal'
            {# A number right after a capitalised word belongs to a name when no noun follows; with
               a noun (`12 Boeing 737 jets`, `Flight 370 passengers`) only a lone number in running
               text, not in a heading's title case (`Floods Kill 25 People`: the word before the
               name is capitalised too), glued to it or after a weekday (`on Tuesday 12 people`). #}
            when located.first_tag = 'D' and located.prev_is_capitalised and located.start_pos > 2
                and located.modifier is null and prev_month.word is null and located.unit is null
                and (
                    located.noun_class is null
                    or (
                        located.n_parts = 1 and not coalesce(located.prev2_is_capitalised, false)
                        and not located.glued_prev and prev_weekday.word is null
                    )
                )
                then 'part of a name'
            {# A number word written with a capital after a capitalised word names something
               (`Area One detectives`, `Formula One`), unless a heading's title case capitalises
               the word before too (`Blast Kills Ten`). #}
            when located.first_tag = 'W' and located.n_parts = 1 and located.prev_is_capitalised
                and (
                    not coalesce(located.prev2_is_capitalised, false)
                    -- a sentence ending in a full stop, the number not in capitals, is running
                    -- text, no heading (`aboard Air Force One that`, `after World War Two.`)
                    or (
                        {{ regex_contains("located.sentence_text", "'[.!?]\\W?\\s*$'") }}
                        and {{ regex_contains(
                            "substr(located.sentence_text, located.run_start_offset + 1, 2)", "'^\\p{Lu}\\p{Ll}'"
                        ) }}
                    )
                )
                and {{ regex_contains("substr(located.sentence_text, located.run_start_offset + 1, 1)", "'^\\p{Lu}'") }}
                then 'part of a name'
            {# A calibre names a kind of weapon, it counts none (`two 9mm handguns`). #}
            when located.noun_class = 'weapons' and located.unit is not null
                then 'calibre'
            {# An emergency number names a line, it counts nothing (`911 callers`, `dialled 999`). #}
            when located.first_tag = 'D' and located.n_parts = 1 and located.first_digit_value in (911, 999, 112)
                and (
                    {{ regex_contains("coalesce(located.next_lw, '')", sql_regex(emergency_line_word_re())) }}
                    or located.prev_lw in ('dial', 'dialed', 'dialled', 'dialing', 'dialling', 'called', 'calling')
                )
                then 'emergency number'
            {# `Ten people were shot, one fatally`, `ten shot, one dead`: after a comma and before an
                action word, `one` counts what the sentence counted before it. #}
            when located.first_alone = 'with_noun' and located.prev_lw = ',' and next_action.match_key is not null
                then null
            when located.first_alone = 'with_noun'
                and (
                    pronoun.word is not null
                    or (located.noun_class is null and located.plain_head_pos is null and located.unit is null)
                )
                then 'pronoun one'
            when located.is_elliptical and located.first_alone = 'with_noun'
                then 'pronoun one'
            {# `the two sides`, `the three men`: a small count after `the` names a group the
               reader already knows; it restates no number. #}
            when located.prev_lw = 'the' and located.modifier is null and located.first_tag = 'W'
                and located.n_parts = 1 and located.base_value <= 3
                then 'known group'
        end as not_a_figure,
        {# `a seven-storey block`, `a 12-member jury`, `a three-day festival`: a number joined by a
            hyphen to a word before a noun measures that noun; it counts nothing, so it names no
            counted phrase and no action (a unit found after it keeps its claim: `a 10-mile
            stretch`; a share keeps its base: `two-thirds of`). #}
        located.unit is null and located.fraction is null
        and coalesce({{ regex_contains(
            "substr(located.sentence_text, located.run_end_offset + 1, 40)", "'^[-‑–]\\p{Ll}+\\s+\\p{L}'"
        ) }}, false) as is_compound_measure,
        {# Who was there, not a toll: the whole of a partitive (`three of the 40 passengers were
            killed`), a figure whose action word a negative subject governs (`None
            of the 64 passengers ... were hurt`, `no one was injured`), the size of a crowd (`a
            crowd of about 200 people, killing`), what is needed (`needs 81 votes to`), or the size of a change (`fell by 15 percent`). #}
        coalesce({{ regex_contains(
            "lower(left(located.sentence_text, located.action_offset))", sql_regex(negative_subject_end_re())
        ) }}, false)
        or {{ regex_contains(
            "lower(right(left(located.sentence_text, located.surface_start_offset), 30))", sql_regex(crowd_of_end_re())
        ) }}
        or {{ counts_who_was_aboard('located') }} or {{ states_a_threshold('located') }}
        or {{ is_whole_of_partitive('located') }} or {{ is_apposed_age('located') }}
        or {{ denies_its_action('located') }} or {{ sizes_a_change('located') }} as is_no_toll,
        {{ is_apposed_age('located') }} as is_apposed_age,
        {# `38 of the 130 seats`, `6% of its 23,000 employees`: the whole a part is told of; the
            counts after it with no action of their own are its parts too (int_figures_extracted) #}
        {{ is_whole_of_partitive('located') }} as is_whole,
        {{ sizes_a_change('located') }} as sizes_a_change,
        {{ estimates_a_pronoun('located') }} as estimates_a_pronoun,
        {# `12 more bodies`, `another 20`: an addition to a count, not the count itself. #}
        increment_before.word is not null or increment_after.word is not null as is_increment,
        {# `three of the wounded`, `two of them`, `nine of those arrested`, `Of the injured, 11`, `killed eight people,
            including three children`, `the wounded, a woman and two men`, `11 of 14 counts`: part of a group
            counted elsewhere or listed by its members, or a place's part (`in Mucum alone`), not
            a total (a share such as `90% of its exports` or `half of` is no subset). #}
        located.unit is null and located.fraction is null
        and (
            {{ regex_contains(
                "lower(substr(located.sentence_text, located.run_end_offset + 1, 20))",
                "'^\\s+of\\s+((the|those|them|whom|these|which|us|our|their|its)\\b|[0-9])'"
            ) }}
            and not {{ partitive_counts_its_action('located') }}
            or {{ is_fronted_part('located', 'context_words') }} or {{ is_listed_member('located') }}
            -- one place's part of a toll: `Eight people died in the town of Mucum alone`, `In
            -- Mucum alone, eight died`
            or {{ regex_contains("lower(located.sentence_text)", sql_regex(place_alone_re())) }}
            -- a threshold (`needs 81 votes`), a capacity (`holds 42,000`), an age (`the oldest 61`) or
            -- a condition (`four were in critical condition`) is no total
            or {{ is_series_window('located') }} or {{ states_a_threshold('located') }}
            or {{ states_a_capacity('located') }} or {{ states_an_age('located') }}
            or {{ states_a_condition('located') }}
            or {{ is_first_of_several('located') }} or {{ states_a_margin('located') }}
            or {{ states_a_part('located') }}
        ) as is_subset
    from located
    left join context_words as year_cue on located.prev_lw = year_cue.word and year_cue.role = 'year_cue'
    left join context_words as kin_noun on located.prev2_lw = kin_noun.word and kin_noun.role = 'kin_noun'
    left join context_words as identifier_noun
        on located.prev_lw = identifier_noun.word and identifier_noun.role = 'identifier_noun'
    left join months as prev_month
        on
            located.prev_lw = prev_month.word
            or (located.prev_lw = '.' and located.prev2_lw = prev_month.word)
    left join months as next_month on located.next_lw = next_month.word
    left join weekdays as prev_weekday on located.prev_lw = prev_weekday.word
    left join context_words as time_suffix on located.next_lw = time_suffix.word and time_suffix.role = 'time_suffix'
    left join context_words as next_break on located.next_lw = next_break.word and next_break.role = 'phrase_break'
    left join context_words as pronoun on located.prev_lw = pronoun.word and pronoun.role = 'pronoun_cue'
    left join action_terms as next_action on located.next_lw = next_action.match_key
    left join context_words as increment_before
        on located.prev_lw = increment_before.word and increment_before.role = 'increment_before'
    left join context_words as increment_after
        on located.next_lw = increment_after.word and increment_after.role = 'increment_after'

),

bounded as (

    select
        *,
        case when modifier is null then base_qualifier else modifier_qualifier end as qualifier,
        case
            when modifier is null then coalesce(base_low, base_value)
            else round(coalesce(base_low, base_value) * low_factor, 2)
        end as low_bound,
        case
            when modifier is null then coalesce(base_high, base_value)
            else round(coalesce(base_high, base_value) * high_factor, 2)
        end as high_bound
    from judged
    where not_a_figure is null and base_value is not null

),

found as (

    select
        article_id,
        sentence_id,
        sentence_key,
        story_id,
        modifier,
        qualifier,
        case when is_apposed_age then 'years of age' else unit end as unit,
        is_elliptical,
        is_increment,
        is_subset,
        is_whole,
        is_compound_measure,
        subject,
        {{ kept_action_class() }} as action_class,
        action_offset,
        action_term,  -- with located_action_class, for a partitive's part (int_figures_extracted)
        {{ actionable_class() }} as located_action_class,
        article_id || ':' || cast(sentence_start + surface_start_offset as varchar) as figure_id,
        cast(sentence_start + surface_start_offset as integer) as char_start,
        cast(sentence_start + surface_end_offset as integer) as char_end,
        substr(sentence_text, surface_start_offset + 1, surface_end_offset - surface_start_offset) as surface,
        substr(sentence_text, run_start_offset + 1, run_end_offset - run_start_offset) as number_text,
        cast(base_value as double) as value,  -- noqa: RF04
        cast(low_bound as double) as value_low,
        {# A share cannot exceed the whole: percentages are capped at 100. #}
        cast(case when unit = 'percent' then least(coalesce(high_bound, 100), 100) else high_bound end as double)
            as value_high,
        case
            when is_compound_measure or is_apposed_age or (is_elliptical and estimates_a_pronoun) then null
            when is_elliptical
                then substr(sentence_text, preceding_start_offset + 1, preceding_end_offset - preceding_start_offset)
            when phrase_end_offset > phrase_start_offset
                then substr(sentence_text, phrase_start_offset + 1, phrase_end_offset - phrase_start_offset)
        end as counted_phrase,
        -- an age counts nothing, though its noun counts people (`a 62-year-old man`)
        case
            when is_compound_measure or is_apposed_age or unit = 'years of age' then null
            -- `police estimated it at 18,000`: the pronoun's crowd, not the police
            when is_elliptical and estimates_a_pronoun then null
            when is_elliptical then preceding_class
            when noun_class is null and {{ toll_others }} then 'people'
            else noun_class
        end as counted_class,
        case
            -- `fell by 15 percent`: a share of a change, never of a share claim's base (`percent of change`)
            when sizes_a_change and noun_class is null then 'change'
            when noun_class is null and not is_elliptical and not is_compound_measure and not is_apposed_age
                and not coalesce({{ toll_others }}, false)
                then plain_head
        end as counted_head,
        sentence_text,
        sentence_start
    from bounded

),

{# The digits of each figure, the words just before it and where the next figure of its sentence
    starts: what the assembly reads to join two counts into one range or read a share. #}
found_digits as (

    select
        *,
        try_cast({{ regex_first("replace(number_text, ',', '')", "'[0-9]+(\\.[0-9]+)?'") }} as double) as digits,
        lower(substr(
            sentence_text, greatest(1, char_start - sentence_start - 8), least(9, char_start - sentence_start)
        )) as text_before,
        lead(char_start) over (partition by sentence_key order by char_start) as next_start
    from found

)

select * from found_digits
