{#- Numeric claims (figures) in article bodies, one row per figure, with offsets into raw_text: the
    assembly of the figure families (models/intermediate/figures/int_figure_*).

    int_figure_tokens_typed keeps the tokens of the sentences that hold a digit or a number word;
    int_figure_numbers_linked and int_figure_run_parts_joined join number tokens (digits and
    words of seed `number_words`) that belong together (`two dozen`, `3.5 million`,
    `tens of thousands`, `twenty-five`) into runs; int_figure_runs_valued reads each run as a
    value with bounds; int_figure_units_matched finds the modifier just before it (seed
    `quantity_modifiers`) and the unit after it; int_figure_phrases_windowed and
    int_figure_nouns_matched read the counted noun phrase (seed `counted_classes`);
    int_figures_located the subject (a country of seed `entity_aliases` in that phrase, or
    `to <country>` right after it) and the action word nearest in the sentence (seed
    `figure_actions`); int_figures_judged drops what is not a figure (seed
    `figure_context_words`). Here two counts joined by `to`/`and` become one range,
    `one in five` a share, the part of a partitive counts what its whole counts, and an amount of
    money after `<noun> of` measures that noun (measured_noun). -#}

-- depends_on: {{ ref('int_stories_changed') }}

with

found_digits as (

    select * from {{ ref('int_figures_judged') }}
    where {{ in_changed_stories() }}

),

unit_dimensions as (

    select distinct
        unit,
        dimension
    from {{ ref('stg_lexicons__counted_classes') }}
    where unit is not null

),

{# Two bare counts joined by `to`, `-` or `between ... and` state one range (`20 to 30 people`,
    `between €20 and €25 billion`, `0.2 to 0.3 percentage points`): the first takes the scale of
    the second when it has none. `from 14 to 16` is a change, not a range. #}
range_pairs as (

    select
        low.figure_id as low_id,
        high.figure_id as high_id,
        low.value * case
            when high.value > low.value * 1000 and low.value = low.digits then high.value / high.digits
            else 1
        end as range_low
    from found_digits as low
    inner join found_digits as high
        on
            low.sentence_key = high.sentence_key
            and low.next_start = high.char_start
            and high.char_start - low.char_end <= 9
    where
        low.qualifier = 'exact' and high.qualifier = 'exact' and low.modifier is null
        -- `87-store Weisfield's raises its presence to 450 stores` states no range
        and not coalesce(low.is_compound_measure, false)
        and (low.counted_class is null and low.counted_head is null or low.is_elliptical)
        and (low.unit is null or low.unit = high.unit)
        and low.value < high.value
        and (
            {{ regex_contains(
                "substr(low.sentence_text, low.char_end - low.sentence_start + 1, high.char_start - low.char_end)",
                "'^\\s*(to|-|–)\\s*$'") }}
            and not {{ regex_contains("low.text_before", "'\\bfrom\\s+\\S*$'") }}
            or {{ regex_contains(
                "substr(low.sentence_text, low.char_end - low.sentence_start + 1, high.char_start - low.char_end)",
                "'^\\s*and\\s*$'") }}
            and {{ regex_contains("low.text_before", "'\\bbetween\\s+\\S*$'") }}
        )

),

{# `three of the 40 passengers were killed`, `cut 350 of its 900 staff`: the part of a partitive
    counts what its whole counts (`43 of the 130 seats`: seats), and takes the action its whole
    admits when it counts its own action (int_figures_judged: no subset). #}
partitive_wholes as (

    select
        part.figure_id,
        whole.counted_class,
        whole.counted_head
    from found_digits as part
    inner join found_digits as whole
        on part.sentence_key = whole.sentence_key and part.next_start = whole.char_start
    where
        -- a number word of the whole read as the part's noun (`three of the nine crew members`) is none
        (part.counted_head is null or lower(part.counted_head) = lower(whole.number_text))
        and part.unit is null
        -- from the part to its whole (the part's phrase may run into it: `three of the nine`)
        and {{ regex_contains(
            "lower(substr(part.sentence_text, part.char_start - part.sentence_start + 1, whole.char_start - part.char_start))",
            "'^\\S+(\\s+\\S+)?\\s+of\\s+((the|its|their|our)\\s+)?$'"
        ) }}

),

{# `19 of the victims died in Samar and nine in Leyte`: a count without a noun of its own (elliptical)
    that follows a part of a group, with the same action, is another part of it, not a total. So is
    a smaller one with an action word of its own of the same class after any count (`52 people
    were hurt and 14 were taken to hospital`: the 14 are among the 52), where one that shares the
    count's word adds to it (`19 people died in Samar and nine in Leyte`). Each figure with a noun
    of its own, or a subset, opens an anchor that the elliptical ones after it in the sentence
    follow. Elliptical counts with no action of their own after the whole of a partitive are other
    parts of it (`gave Frente Andino 38 of the 130 seats, followed by Patria Nueva with 29 and
    Alianza Civica with 17`), not a count of the same thing as the whole. #}
anchored as (

    select
        figure_id,
        sentence_key,
        action_class,
        action_offset,
        value,
        coalesce(is_subset, false) as is_subset,
        coalesce(is_whole, false) as is_whole,
        is_elliptical and not coalesce(is_subset, false) as follows_anchor,
        sum(case when not is_elliptical or is_subset then 1 else 0 end) over (
            partition by sentence_key order by char_start rows between unbounded preceding and current row
        ) as anchor_no
    from found_digits

),

carried_subsets as (

    select follower.figure_id
    from anchored as follower
    inner join anchored as anchor
        on
            follower.sentence_key = anchor.sentence_key
            and follower.anchor_no = anchor.anchor_no
            and not anchor.follows_anchor
    where
        follower.follows_anchor
        and (
            follower.action_class = anchor.action_class
            and (anchor.is_subset or follower.action_offset != anchor.action_offset and follower.value < anchor.value)
            or anchor.is_whole and follower.action_class is null
        )

),

{# `a deficit of 18.4 billion crowns`, `spending of 96.7 billion crowns`: the noun before `of` names
    what an amount of money measures, so a story's deficit, spending and loans are separate claims;
    not a word of quantity or a phrase (figure_context_words role `not_a_measure`: `a total of`,
    `upwards of`, `because of`). #}
measured_amounts as (

    select
        figure_id,
        measured_noun
    from (
        select
            found_digits.figure_id,
            {{ regex_extract(
                "lower(right(left(found_digits.sentence_text, found_digits.char_start - found_digits.sentence_start), 32))",
                "'(?:^|[^\\pL])(\\pL{3,})\\s+of\\s+$'",
                1
            ) }} as measured_noun
        from found_digits
        inner join unit_dimensions
            on found_digits.unit = unit_dimensions.unit and unit_dimensions.dimension = 'money'
        where found_digits.counted_class is null and found_digits.counted_head is null
    ) as preceded
    where
        measured_noun != ''
        and measured_noun not in (
            select lower(context_words.term) from {{ ref('stg_lexicons__figure_context_words') }} as context_words
            where context_words.role = 'not_a_measure'
        )

),

{# `one in five steel jobs`: a share (20 percent) of what the count after `in` counts, not a
    count of five. (`12 in 24 hours` is two counts; `1 in 4` is left to its two numbers.) #}
shares as (

    select
        found_digits.figure_id,
        found_digits.char_start - length(found_digits.share_words) as share_start,
        round(100.0 / found_digits.value, 2) as share_value
    from (
        select
            *,
            {{ regex_extract("text_before", "'(?:^|[^\\pL\\pN])((?:one|an?) in\\s+)$'", 1) }} as share_words
        from found_digits
    ) as found_digits
    left join unit_dimensions
        on found_digits.unit = unit_dimensions.unit and unit_dimensions.dimension = 'time'
    where
        found_digits.share_words != ''
        and found_digits.qualifier = 'exact'
        and found_digits.modifier is null
        and found_digits.value > 1
        and unit_dimensions.unit is null

),

final as (

    select
        found.article_id,
        found.sentence_id,
        found.story_id,
        found.modifier,
        found.qualifier,
        case when shares.figure_id is not null then 'percent' else found.unit end as unit,
        found.is_elliptical,
        found.is_increment,
        found.is_subset or carried.figure_id is not null as is_subset,
        found.is_whole,
        found.subject,
        case
            when wholes.figure_id is not null and found.action_class is null and not coalesce(found.is_subset, false)
                and {{ term_admits_count('found.action_term', 'wholes.counted_class') }}
                then found.located_action_class
            else found.action_class
        end as action_class,
        found.figure_id,
        coalesce(shares.share_start, found.char_start) as char_start,
        found.char_end,
        substr(
            found.sentence_text,
            coalesce(shares.share_start, found.char_start) - found.sentence_start + 1,
            found.char_end - coalesce(shares.share_start, found.char_start)
        ) as surface,
        case
            when shares.figure_id is not null
                then substr(
                        found.sentence_text,
                        shares.share_start - found.sentence_start + 1,
                        found.char_start + instr(found.surface, found.number_text) + length(found.number_text)
                        - 1 - shares.share_start
                    )
            else found.number_text
        end as number_text,
        coalesce(shares.share_value, found.value) as value,  -- noqa: RF04
        coalesce(shares.share_value, found.value_low) as value_low,
        coalesce(shares.share_value, found.value_high) as value_high,
        found.counted_phrase,
        case when wholes.figure_id is null then found.counted_class else wholes.counted_class end as counted_class,
        case when wholes.figure_id is null then found.counted_head else wholes.counted_head end as counted_head,
        measured.measured_noun
    from found_digits as found
    left join measured_amounts as measured on found.figure_id = measured.figure_id
    left join shares on found.figure_id = shares.figure_id
    left join partitive_wholes as wholes on found.figure_id = wholes.figure_id
    left join carried_subsets as carried on found.figure_id = carried.figure_id
    left join range_pairs as as_low on found.figure_id = as_low.low_id
    left join range_pairs as as_high on found.figure_id = as_high.high_id
    where as_low.low_id is null and as_high.high_id is null

    union all

    select
        low.article_id,
        low.sentence_id,
        low.story_id,
        null as modifier,
        'range' as qualifier,
        high.unit,
        high.is_elliptical,
        high.is_increment,
        high.is_subset,
        high.is_whole,
        coalesce(high.subject, low.subject) as subject,
        coalesce(high.action_class, low.action_class) as action_class,
        low.figure_id,
        low.char_start,
        high.char_end,
        substr(low.sentence_text, low.char_start - low.sentence_start + 1, high.char_end - low.char_start) as surface,
        substr(
            low.sentence_text,
            low.char_start - low.sentence_start + instr(low.surface, low.number_text),
            (high.char_start + instr(high.surface, high.number_text) + length(high.number_text))
            - (low.char_start + instr(low.surface, low.number_text))
        ) as number_text,
        range_pairs.range_low as value,  -- noqa: RF04
        range_pairs.range_low as value_low,
        high.value as value_high,
        high.counted_phrase,
        high.counted_class,
        high.counted_head,
        measured.measured_noun
    from range_pairs
    inner join found_digits as low on range_pairs.low_id = low.figure_id
    inner join found_digits as high on range_pairs.high_id = high.figure_id
    left join measured_amounts as measured on range_pairs.low_id = measured.figure_id

)

select * from final
