{#- Number tokens joined into runs: one row per token that is part of a number, with its run.

    A run continues while each part may follow the one before (`two dozen`, `3.5 million`,
    `twenty-five`, `half a million`, `two and a half million`, `a quarter of a century`); two plain counts side by side (`2023 32`) are two runs.
    Only the parts are windowed here: the token before a part is its neighbour when its
    position is one less. A range (`10-15`) is one run of its first number, ending two tokens on. -#}

-- depends_on: {{ ref('int_stories_changed') }}

with

linked as (

    select * from {{ ref('int_figure_numbers_linked') }}
    where {{ in_changed_stories() }}

),

parts as (

    select
        *,
        case
            when tag = 'D' then is_amount
            {# `a year and a half`, `two and a half days`: the half completes the quantity before
               `and`, and is no share of its own; `two and a half million` keeps its half. #}
            when tag = 'W'
                then
                    not coalesce(
                        kind = 'fraction' and prev_lw = 'a' and prev2_lw = 'and'
                        and next_kind is distinct from 'multiplier' and next_kind is distinct from 'scale',
                        false
                    )
            {# `a dozen`, `a million`, but not `a decades-long conflict`: an article counts one of a
               singular word; nor the `a` of `and a half` without a scale after it. #}
            when tag = 'A'
                then
                    next_kind in ('multiplier', 'scale', 'fraction', 'vague')
                    and not {{ regex_contains('next_lw', "'s$'") }}
                    and not coalesce(
                        next_kind = 'fraction' and prev_lw = 'and'
                        and next2_kind is distinct from 'multiplier' and next2_kind is distinct from 'scale',
                        false
                    )
            {# `two hundred and five`, not `half a century and two thirds`: a multiplier of time
               ends its number. #}
            when tag = 'N'
                then
                    (
                        prev_kind in ('multiplier', 'scale') and prev_word_unit is null
                        and next_kind in ('cardinal', 'tens')
                    )
                    {# `two and a half million`: a mixed number before a scale is one count #}
                    or (
                        prev_kind in ('cardinal', 'tens') and next_tag = 'A' and next2_kind = 'fraction'
                        and next3_kind in ('multiplier', 'scale')
                    )
            when tag = 'H'
                then
                    glued_prev and glued_next
                    and (
                        (prev_kind = 'tens' and next_kind = 'cardinal' and next_value < 10)
                        or (prev_kind = 'cardinal' and next_kind = 'fraction')
                    )
            {# `tens of thousands`; `a quarter of a century`, `half of a dozen`: a fraction of a number #}
            when tag = 'O'
                then
                    (prev_kind = 'vague' and next_kind in ('vague', 'scale'))
                    or (prev_kind = 'fraction' and next_tag = 'A' and next2_kind in ('multiplier', 'scale'))
            else false
        end as is_part,
        tag = 'D' and links_next and not links_prev and not next2_links_next
        and next_lw in ('-', '‑', '–') and next2_is_amount
        and not is_year_like and not next2_is_year_like
        and digit_value < next2_digit_value as starts_range
    from linked

),

part_tokens as (

    select * from parts
    where is_part

),

joined as (

    select
        *,
        coalesce(lag(pos) over w = pos - 1, false)
        and (
            tag in ('N', 'H', 'O')
            or prev_tag in ('N', 'H', 'O')
            or kind in ('multiplier', 'scale')
            or (kind = 'fraction' and (prev_kind in ('cardinal', 'tens') or prev_tag = 'A'))
            or (tag = 'A' and prev_kind = 'fraction')
            or (kind = 'vague' and prev_tag = 'A')
            or (kind = 'cardinal' and prev_kind = 'tens' and word_value < 10)
            or (tag = 'W' and kind in ('cardinal', 'tens') and prev_kind in ('multiplier', 'scale'))
        ) as continues_run
    from part_tokens
    window w as (partition by sentence_key order by pos)

),

run_tokens as (

    select
        *,
        sum(case when continues_run then 0 else 1 end) over (
            partition by sentence_key order by pos
            rows between unbounded preceding and current row
        ) as run_no
    from joined

),

{# What the values of the runs need: the part's place in its run, the scales before it, the
    run's first vague word, and what a digit or word counts on its own. #}
run_positions as (

    select
        *,
        row_number() over (partition by sentence_key, run_no order by pos) as part_no,
        sum(case when kind = 'scale' then 1 else 0 end) over (
            partition by sentence_key, run_no order by pos
            rows between unbounded preceding and 1 preceding
        ) as scales_before,
        min(case when kind = 'vague' then pos end) over (partition by sentence_key, run_no) as first_vague_pos,
        case
            when tag = 'D' then digit_value * coalesce(suffix_scale_value, 1)
            when tag = 'A' then 1
            when kind in ('cardinal', 'tens') then word_value
        end as count_value
    from run_tokens

),

final as (

    select
        sentence_key,
        story_id,
        cast(run_no as integer) as run_no,
        pos,
        cast(part_no as integer) as part_no,
        tag,
        kind,
        alone,
        word_value,
        word_low,
        word_high,
        word_scale,
        word_unit,
        digit_value,
        digit_suffix,
        suffix_scale_kind,
        suffix_unit,
        is_year_like,
        starts_range,
        next2_digit_value,
        cast(coalesce(scales_before, 0) as integer) as group_no,
        first_vague_pos,
        count_value
    from run_positions

)

select * from final
