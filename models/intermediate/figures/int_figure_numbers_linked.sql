{#- The tokens that can be part of a number (tags other than `X` of int_figure_tokens_typed), each
    with the neighbours the run and figure rules read, and whether it is linked to other digits
    without spaces (`2023-12-07`, `10:30`, `10-15`). -#}

-- depends_on: {{ ref('int_stories_changed') }}

with

-- The window below sorts these rows: they carry the sentence key, not the 64-character ids, which
-- join back at the end from `sentence_keys`.
tokens as (

    select
        sentence_key,
        token_no,
        stretch_no,
        glued_prev,
        glued_next,
        lw,
        is_capitalised,
        is_word,
        tag,
        kind,
        word_value,
        digit_value,
        is_amount,
        is_year_like,
        prev_lw,
        prev2_lw,
        prev_is_word,
        pos,
        token_start,
        token_end,
        digit_suffix,
        suffix_scale_kind,
        suffix_scale_value,
        suffix_unit
    from {{ ref('int_figure_tokens_typed') }}
    where {{ in_changed_stories() }}

),

sentence_keys as (

    select
        sentence_id,
        sentence_key,
        article_id,
        story_id
    from {{ ref('int_sentences') }}
    where {{ in_changed_stories() }}

),

number_words as (

    select
        match_key,
        alone,
        unit as word_unit,
        cast(value_low as double) as word_low,
        cast(value_high as double) as word_high,
        cast(scale as double) as word_scale
    from {{ ref('stg_lexicons__number_words') }}
    where kind != 'currency_scale'

),

neighbours as (

    select
        *,
        lag(tag) over w as prev_tag,
        lag(is_capitalised) over w as prev_is_capitalised,
        lag(kind) over w as prev_kind,
        lag(tag, 2) over w as prev2_tag,
        lag(is_word, 2) over w as prev2_is_word,
        lag(is_capitalised, 2) over w as prev2_is_capitalised,
        lag(glued_prev) over w as prev_glued_prev2,
        lead(lw) over w as next_lw,
        lead(is_capitalised) over w as next_is_capitalised,
        lead(tag) over w as next_tag,
        lead(kind) over w as next_kind,
        lead(word_value) over w as next_value,
        lead(glued_next) over w as next_glued_next2,
        lead(tag, 2) over w as next2_tag,
        lead(kind, 2) over w as next2_kind,
        lead(is_amount, 2) over w as next2_is_amount,
        lead(digit_value, 2) over w as next2_digit_value,
        lead(is_year_like, 2) over w as next2_is_year_like,
        lead(lw, 3) over w as next3_lw,
        lead(kind, 3) over w as next3_kind,
        lead(glued_next, 2) over w as next2_glued_next3,
        lead(tag, 4) over w as next4_tag,
        lead(glued_next, 3) over w as next3_glued_next4
    from tokens
    window w as (partition by sentence_key order by pos)

),

{# Digits joined to digits by `-`, `/`, `:` or `.` without spaces are dates, clock times, phone
    numbers or scores; the one exception is a two-number range with a dash (`10-15`). #}
linked as (

    select
        neighbours.*,
        number_words.word_low,
        number_words.word_high,
        number_words.word_scale,
        number_words.word_unit,
        number_words.alone,
        prev_words.word_unit as prev_word_unit,
        coalesce(
            neighbours.tag = 'D' and neighbours.glued_next and neighbours.next_lw in ('-', '‑', '–', '/', ':', '.')
            and neighbours.next2_tag = 'D' and neighbours.next_glued_next2,
            false
        ) as links_next,
        coalesce(
            neighbours.tag = 'D' and neighbours.glued_prev and neighbours.prev_lw in ('-', '‑', '–', '/', ':', '.')
            and neighbours.prev2_tag = 'D' and neighbours.prev_glued_prev2,
            false
        ) as links_prev,
        coalesce(
            neighbours.next3_lw in ('-', '‑', '–', '/', ':', '.')
            and neighbours.next2_glued_next3 and neighbours.next4_tag = 'D' and neighbours.next3_glued_next4,
            false
        ) as next2_links_next
    from neighbours
    left join number_words on neighbours.lw = number_words.match_key
    left join number_words as prev_words on neighbours.prev_lw = prev_words.match_key
    where neighbours.tag != 'X'

),

final as (

    select
        linked.*,
        sentence_keys.sentence_id,
        sentence_keys.article_id,
        sentence_keys.story_id
    from linked
    inner join sentence_keys on linked.sentence_key = sentence_keys.sentence_key

)

select * from final  -- noqa: AM04
