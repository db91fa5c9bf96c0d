{#- The value of each number run, and the runs that can stand as a figure, with the tokens that
    stand around them.

    Exact runs fold like spoken numbers: counts before a multiplier are multiplied by it
    (`two dozen`, `three decades`, `two hundred`), a scale closes a group (`two hundred thousand`),
    groups add up. A fraction scales what follows it (`half a million`, `three quarters of a
    century`: the counts before it count fractions; `two and a half million`: the counts before
    `and` are wholes), or on its own is a share
    in percent (`half` = 50, `two thirds` = 66.7). A vague word (`tens`, `hundreds`, `several`)
    gives bounds that the scales after it multiply (`tens of thousands` = [10,000, 99,999]). -#}

-- depends_on: {{ ref('int_stories_changed') }}

with

run_parts as (

    select * from {{ ref('int_figure_run_parts_joined') }}
    where {{ in_changed_stories() }}

),

linked as (

    select * from {{ ref('int_figure_numbers_linked') }}
    where {{ in_changed_stories() }}

),

unit_prefixes as (

    select
        match_key,
        unit
    from {{ ref('stg_lexicons__counted_classes') }}
    where kind = 'unit_prefix'

),

run_groups as (

    select
        *,
        min(case when kind = 'multiplier' then pos end) over (
            partition by sentence_key, run_no, group_no
        ) as multiplier_pos,
        min(case when kind = 'fraction' then pos end) over (partition by sentence_key, run_no) as fraction_pos,
        -- the `and` of a mixed number (`two and a half million`): the counts before it are wholes
        min(case when tag = 'N' then pos end) over (partition by sentence_key, run_no) as and_pos
    from run_parts

),

group_values as (

    select
        sentence_key,
        run_no,
        group_no,
        (
            -- a multiplier or a scale with no count before it counts one (`a half million`: the
            -- article counts halves, and the million after the fraction is one million)
            coalesce(
                sum(case when pos < coalesce(multiplier_pos, pos + 1) then count_value end),
                case when max(multiplier_pos) is not null or bool_or(kind = 'scale') then 1 else 0 end
            )
            * coalesce({{ product_agg("case when kind = 'multiplier' then word_value end") }}, 1)
            + coalesce(sum(case when pos > multiplier_pos then count_value end), 0)
        )
        * coalesce(max(case when kind = 'scale' then word_value end), 1) as group_value
    from run_groups
    where
        kind is distinct from 'fraction' and kind is distinct from 'vague'
        -- `a quarter of a century`: the article before the fraction counts quarters, not years
        and pos > coalesce(fraction_pos, -1)
    group by sentence_key, run_no, group_no

),

exact_values as (

    select
        sentence_key,
        run_no,
        sum(group_value) as exact_value
    from group_values
    group by sentence_key, run_no

),

runs as (

    select
        sentence_key,
        story_id,
        run_no,
        min(pos) as start_pos,
        max(pos) + case when bool_or(starts_range) then 2 else 0 end as end_pos,
        count(*) as n_parts,
        max(case when part_no = 1 then tag end) as first_tag,
        max(case when part_no = 1 then kind end) as first_kind,
        max(case when part_no = 1 then alone end) as first_alone,
        max(case when part_no = 1 then is_year_like end) as is_year_like,
        max(case when part_no = 1 then digit_value end) as first_digit_value,
        bool_or(starts_range) as is_range,
        max(case when starts_range then next2_digit_value end) as range_high,
        max(case when part_no = 1 and tag = 'D' then digit_suffix end) as digit_suffix,
        max(case when part_no = 1 then suffix_scale_kind end) as suffix_scale_kind,
        max(case when part_no = 1 then suffix_unit end) as suffix_unit,
        bool_or(kind in ('multiplier', 'scale', 'vague') and part_no > 1) as has_later_scale,
        bool_or(kind = 'scale') as has_scale,
        bool_or(kind = 'multiplier') as has_multiplier,
        max(word_unit) as multiplier_unit,
        {{ product_agg("case when kind = 'fraction' then word_value end") }} as fraction,
        sum(case when kind != 'fraction' or kind is null then count_value end) as fraction_count,
        coalesce(
            sum(
                case
                    when pos < fraction_pos and not coalesce(pos <= and_pos and and_pos < fraction_pos, false)
                        then count_value
                end
            ),
            1
        ) as fractions_counted,
        sum(case when pos < and_pos and and_pos < fraction_pos then count_value end) as wholes_counted,
        max(case when pos = first_vague_pos then word_value end) as vague_value,
        max(case when pos = first_vague_pos then word_low end) as vague_low,
        max(case when pos = first_vague_pos then word_high end) as vague_high,
        {{ product_agg(
            "case when pos > first_vague_pos then case when kind = 'vague' then word_scale "
            ~ "when kind in ('multiplier', 'scale') then word_value end end"
        ) }} as vague_scale
    from run_groups
    group by sentence_key, story_id, run_no

),

valued_runs as (

    select
        runs.*,
        case
            when runs.is_range then 'range'
            when runs.vague_value is not null then 'range'
            else 'exact'
        end as base_qualifier,
        case
            when runs.is_range then runs.first_digit_value
            when runs.vague_value is not null then runs.vague_value * coalesce(runs.vague_scale, 1)
            when runs.fraction is not null and not runs.has_scale and not runs.has_multiplier
                then round(coalesce(runs.fraction_count, 1) * runs.fraction * 100, 2)
            when runs.fraction is not null
                then
                    exact_values.exact_value
                    * (coalesce(runs.wholes_counted, 0) + runs.fraction * runs.fractions_counted)
            else exact_values.exact_value
        end as base_value,
        case
            when runs.is_range then runs.first_digit_value
            when runs.vague_value is not null then runs.vague_low * coalesce(runs.vague_scale, 1)
        end as base_low,
        case
            when runs.is_range then runs.range_high
            when runs.vague_value is not null then (runs.vague_high + 1) * coalesce(runs.vague_scale, 1) - 1
        end as base_high,
        case
            when runs.fraction is not null and not runs.has_scale and not runs.has_multiplier then 'percent'
            else runs.multiplier_unit
        end as run_unit,
        {# A run is a figure when it starts with digits, a word that can stand alone, an article
            before a multiplier (`a dozen`), or a vague word before a scale (`tens of thousands`). #}
        runs.first_tag in ('D', 'A')
        or runs.first_alone in ('yes', 'with_noun')
        or (runs.first_kind = 'vague' and runs.has_later_scale)
        or (runs.first_kind = 'fraction' and runs.n_parts > 1) as can_stand
    from runs
    left join exact_values
        on runs.sentence_key = exact_values.sentence_key and runs.run_no = exact_values.run_no

),

---------- each run that can stand, with what stands around it

candidates as (

    select
        valued_runs.*,
        first_token.sentence_id,
        first_token.article_id,
        first_token.prev_tag,
        first_token.prev_lw,
        first_token.prev_is_capitalised,
        first_token.glued_prev,
        first_token.prev2_is_word,
        first_token.prev2_is_capitalised,
        first_token.prev_glued_prev2,
        first_token.prev2_lw,
        first_token.links_prev,
        first_token.token_start as run_start_offset,
        last_token.token_end as run_end_offset,
        last_token.next_tag,
        last_token.next_lw,
        last_token.next_is_capitalised,
        last_token.glued_next,
        last_token.next_glued_next2,
        unit_prefixes.unit as prefix_unit,
        first_token.links_next and not valued_runs.is_range as links_next,
        valued_runs.start_pos - case when unit_prefixes.unit is not null then 1 else 0 end as lead_pos
    from valued_runs
    inner join linked as first_token
        on valued_runs.sentence_key = first_token.sentence_key and valued_runs.start_pos = first_token.pos
    inner join linked as last_token
        on valued_runs.sentence_key = last_token.sentence_key and valued_runs.end_pos = last_token.pos
    {# A unit written before the number: a currency sign (`$2bn`) or `magnitude 6.1`. #}
    left join unit_prefixes on first_token.prev_lw = unit_prefixes.match_key
    where valued_runs.can_stand

)

select * from candidates
