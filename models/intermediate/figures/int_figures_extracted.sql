
{#- Numeric claims (figures) in article bodies, one row per figure, with offsets into raw_text.

    Sentences that hold a digit or a number word are cut into tokens that cover every character,
    so a token's offset is the running sum of the lengths before it. Number tokens (digits and
    words of seed `number_words`) that belong together (`two dozen`, `3.5 million`,
    `tens of thousands`, `twenty-five`) form a run; a run is read as a value with bounds, narrowed
    or opened by a modifier just before it (seed `quantity_modifiers`). The words after the run
    give the unit and the counted noun phrase (seed `counted_classes`); a country or demonym in
    that phrase, or `to <country>` right after it, is the subject (seed `entity_aliases`); the
    action word nearest in the sentence is the action (seed `figure_actions`).
    Closed word classes that decide what is not a figure (years after `in`, clock times,
    ordinals, `one of`) are in seed `figure_context_words`. -#}

-- depends_on: {{ ref('int_stories_changed') }}

with

sentences as (

    select
        sentence_id,
        article_id,
        story_id,
        char_start as sentence_start,
        sentence_text
    from {{ ref('int_sentences') }}
    where {{ in_changed_stories() }}

),

number_words as (

    select
        kind,
        alone,
        unit as word_unit,
        cast(value as double) as word_value,
        cast(value_low as double) as word_low,
        cast(value_high as double) as word_high,
        cast(scale as double) as word_scale,
        lower(word) as word
    from {{ ref('number_words') }}

),

context_words as (

    select
        role,
        lower(word) as word
    from {{ ref('figure_context_words') }}

),

months as (

    select
        is_common_word,
        lower(month_name) as word
    from {{ ref('month_names') }}

),

{# Lexicon terms are matched against word n-grams (tokens joined by one space), so a hyphen in a
    term is spaced like a token and letter case is ignored. #}
counted_terms as (

    select
        counted_class,
        kind,
        unit,
        dimension,
        trim({{ regex_replace_all(regex_replace_all("lower(term)", "'([-‑–])'", "' \\1 '"), "'\\s+'", "' '") }}) as term
    from {{ ref('counted_classes') }}

),

action_terms as (

    select
        action_class,
        trim({{ regex_replace_all(regex_replace_all("lower(term)", "'([-‑–])'", "' \\1 '"), "'\\s+'", "' '") }}) as term
    from {{ ref('figure_actions') }}

),

modifier_terms as (

    select
        qualifier,
        before_duration,
        cast(low_factor as double) as low_factor,
        cast(high_factor as double) as high_factor,
        trim({{ regex_replace_all("lower(modifier)", "'\\s+'", "' '") }}) as term
    from {{ ref('quantity_modifiers') }}

),

unit_dimensions as (

    select distinct
        unit,
        dimension
    from {{ ref('counted_classes') }}
    where unit is not null

),

{# Only countries are subjects: a city or an organisation after `to` is a destination or an
    actor, not whose people are counted. #}
alias_terms as (

    select distinct
        entity_name,
        trim({{ regex_replace_all(
            regex_replace_all("lower(alias)", "'([-‑–])'", "' \\1 '"), "'\\s+'", "' '"
        ) }}) as term,
        alias_kind = 'demonym' as is_demonym
    from {{ ref('entity_aliases') }}
    where
        entity_type = 'country'
        and not {{ regex_contains('alias', "'[^\\p{L} ''’-]'") }}

),

---------- which sentences hold a number at all (most do not: skip them before tokenising)

sentence_words as (

    select
        sentence_id,
        {{ explode_columns('word_list', 'word', 'word_no') }}
    from (
        select
            sentence_id,
            {{ regex_matches("lower(sentence_text)", "'\\p{L}+'") }} as word_list
        from sentences
    ) as listed

),

numeric_sentence_ids as (

    select sentence_id
    from sentences
    where {{ regex_contains('sentence_text', "'[0-9]'") }}

    union

    select sentence_words.sentence_id
    from sentence_words
    inner join number_words
        on sentence_words.word = number_words.word and number_words.kind != 'currency_scale'

),

{# A compact integer key: the token tables below are large, and windows and joins over them are
   much cheaper on an integer than on the long sentence_id. #}
numeric_sentences {{ materialized_cte() }} (

    select
        sentences.*,
        row_number() over (order by sentences.sentence_id) as sentence_key
    from sentences
    inner join numeric_sentence_ids on sentences.sentence_id = numeric_sentence_ids.sentence_id

),

---------- tokens covering every character: a number, a word or any other character, each with
---------- the white space after it (so a token is glued to the next one when it has none)

token_rows as (

    select
        sentence_key,
        {{ explode_columns('token_list', 'token_and_space', 'pos') }}
    from (
        select
            sentence_key,
            {{ regex_matches(
                "sentence_text",
                "'(?:[0-9]+(?:[.,][0-9]+)*[\\p{L}\\p{M}0-9]*|\\p{L}[\\p{L}\\p{M}0-9]*(?:[''’]\\p{L}+)*|.)"
                ~ "[\\s\\x{00a0}\\x{2000}-\\x{200b}\\x{202f}\\x{3000}]*'"
            ) }} as token_list
        from numeric_sentences
    ) as listed

),

tokens as (

    select
        sentence_key,
        token_and_space,
        pos,
        cast(coalesce(
            sum(length(token_and_space)) over (
                partition by sentence_key order by pos
                rows between unbounded preceding and 1 preceding
            ),
            0
        ) as bigint) as token_start,
        {# Stretches of a sentence between commas and semicolons: an action word in another stretch
            than the figure is farther than one in its own (`shot, one fatally, and nine were
            taken to hospital`). #}
        cast(sum(case when substr(token_and_space, 1, 1) in (',', ';') then 1 else 0 end) over (
            partition by sentence_key order by pos
            rows between unbounded preceding and current row
        ) as integer) as stretch_no,
        lag(token_and_space) over (partition by sentence_key order by pos) as previous_token_and_space
    from token_rows

),

words as (

    select
        sentence_key,
        pos,
        token_start,
        stretch_no,
        {{ regex_replace(
            "token_and_space", "'[\\s\\x{00a0}\\x{2000}-\\x{200b}\\x{202f}\\x{3000}]+$'", "''"
        ) }} as token,
        not {{ regex_contains('token_and_space', "'[\\s\\x{00a0}\\x{2000}-\\x{200b}\\x{202f}\\x{3000}]$'") }}
            as glued_next,
        coalesce(
            not {{ regex_contains(
                'previous_token_and_space', "'[\\s\\x{00a0}\\x{2000}-\\x{200b}\\x{202f}\\x{3000}]$'"
            ) }},
            false
        ) as glued_prev
    from tokens

),

parsed as (

    select
        *,
        token_start + length(token) as token_end,
        lower(token) as lw,
        {{ regex_first("token", "'^[0-9]+(?:[.,][0-9]+)*'") }} as digit_text,
        {{ regex_contains('token', "'^\\p{Lu}'") }} as is_capitalised,
        {{ regex_contains('token', "'^\\p{L}'") }} as is_word
    from words

),

split_digits as (

    select
        *,
        case when digit_text != '' then substr(lw, length(digit_text) + 1) end as digit_suffix
    from parsed

),

{# A digit token may carry a glued suffix: a scale (`2bn`), a unit (`10km`), an ordinal ending
    (`28th`) or anything else (`5G`, `1990s`), which makes it no amount. #}
suffixed as (

    select
        split_digits.*,
        suffix_scale.kind as suffix_scale_kind,
        suffix_scale.word_value as suffix_scale_value,
        suffix_unit.unit as suffix_unit,
        {# Thousands separators must group by three; `08.12.2023` or `1,2` are not amounts. #}
        case
            when {{ regex_contains('split_digits.digit_text', "'^([0-9]{1,3}(,[0-9]{3})+|[0-9]+)(\\.[0-9]+)?$'") }}
                then cast(replace(split_digits.digit_text, ',', '') as double)
        end as digit_value
    from split_digits
    left join number_words as suffix_scale
        on
            split_digits.digit_suffix = suffix_scale.word
            and suffix_scale.kind in ('scale', 'currency_scale')
    left join counted_terms as suffix_unit
        on split_digits.digit_suffix = suffix_unit.term and suffix_unit.kind = 'unit'

),

typed as (

    select
        suffixed.sentence_key,
        suffixed.pos,
        suffixed.token_start,
        suffixed.token_end,
        suffixed.stretch_no,
        suffixed.glued_prev,
        suffixed.glued_next,
        suffixed.lw,
        suffixed.is_capitalised,
        suffixed.is_word,
        suffixed.digit_value,
        suffixed.digit_suffix,
        suffixed.suffix_scale_kind,
        suffixed.suffix_scale_value,
        suffixed.suffix_unit,
        number_words.kind,
        number_words.word_value,
        suffixed.digit_text != '' as is_digit,
        coalesce(
            case
                when {{ regex_contains('suffixed.digit_text', "'^[0-9]+$'") }}
                    then cast(suffixed.digit_text as bigint) between 1900 and 2100
            end,
            false
        ) as is_year_like,
        case
            when suffixed.digit_text = '' then true
            when suffixed.digit_value is null then false
            when suffixed.digit_suffix = '' then true
            else suffixed.suffix_scale_kind is not null or suffixed.suffix_unit is not null
        end as is_amount,
        case
            when suffixed.digit_text != '' then 'D'
            when number_words.word is not null and number_words.kind != 'currency_scale' then 'W'
            when articles.word is not null then 'A'
            when suffixed.lw = 'and' then 'N'
            when suffixed.lw in ('-', '‑', '–') then 'H'
            when suffixed.lw = 'of' then 'O'
            else 'X'
        end as tag
    from suffixed
    left join number_words on suffixed.lw = number_words.word
    left join context_words as articles
        on suffixed.lw = articles.word and articles.role = 'indefinite_article'

),

{# The token table every later step reads, kept narrow: it has a row per token of every numeric
   sentence. Number tokens get their neighbours below, the other tokens are only looked up. #}
token_base {{ materialized_cte() }} (

    select
        sentence_key,
        pos,
        token_start,
        token_end,
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
        case when tag = 'D' then digit_suffix end as digit_suffix,
        case when tag = 'D' then suffix_scale_kind end as suffix_scale_kind,
        case when tag = 'D' then suffix_scale_value end as suffix_scale_value,
        case when tag = 'D' then suffix_unit end as suffix_unit
    from typed

),

---------- number tokens with their neighbours

neighbours as (

    select
        *,
        lag(tag) over w as prev_tag,
        lag(lw) over w as prev_lw,
        lag(is_capitalised) over w as prev_is_capitalised,
        lag(kind) over w as prev_kind,
        lag(lw, 2) over w as prev2_lw,
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
        lead(is_amount, 2) over w as next2_is_amount,
        lead(digit_value, 2) over w as next2_digit_value,
        lead(is_year_like, 2) over w as next2_is_year_like,
        lead(lw, 3) over w as next3_lw,
        lead(glued_next, 2) over w as next2_glued_next3,
        lead(tag, 4) over w as next4_tag,
        lead(glued_next, 3) over w as next3_glued_next4
    from token_base
    window w as (partition by sentence_key order by pos)

),

{# Digits joined to digits by `-`, `/`, `:` or `.` without spaces are dates, clock times, phone
    numbers or scores; the one exception is a two-number range with a dash (`10-15`). #}
linked {{ materialized_cte() }} (

    select
        neighbours.*,
        number_words.word_low,
        number_words.word_high,
        number_words.word_scale,
        number_words.word_unit,
        number_words.alone,
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
    left join number_words on neighbours.lw = number_words.word and number_words.kind != 'currency_scale'
    where neighbours.tag != 'X'

),

parts as (

    select
        *,
        case
            when tag = 'D' then is_amount
            when tag = 'W' then true
            {# `a dozen`, `a million`, but not `a decades-long conflict`: an article counts one of a
               singular word. #}
            when tag = 'A'
                then
                    next_kind in ('multiplier', 'scale', 'fraction', 'vague')
                    and not {{ regex_contains('next_lw', "'s$'") }}
            when tag = 'N' then prev_kind in ('multiplier', 'scale') and next_kind in ('cardinal', 'tens')
            when tag = 'H'
                then
                    glued_prev and glued_next
                    and (
                        (prev_kind = 'tens' and next_kind = 'cardinal' and next_value < 10)
                        or (prev_kind = 'cardinal' and next_kind = 'fraction')
                    )
            when tag = 'O' then prev_kind = 'vague' and next_kind in ('vague', 'scale')
            else false
        end as is_part,
        tag = 'D' and links_next and not links_prev and not next2_links_next
        and next_lw in ('-', '‑', '–') and next2_is_amount
        and not is_year_like and not next2_is_year_like
        and digit_value < next2_digit_value as starts_range
    from linked

),

{# A run continues while each part may follow the one before (`two dozen`, `3.5 million`,
    `twenty-five`, `half a million`); two plain counts side by side (`2023 32`) are two runs.
    Only the parts are windowed here: the token before a part is its neighbour when its
    position is one less. A range (`10-15`) is one run of its first number, ending two tokens on. #}
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

---------- the value of each run

{# Exact runs fold like spoken numbers: counts before a multiplier are multiplied by it
    (`two dozen`, `three decades`, `two hundred`), a scale closes a group (`two hundred thousand`),
    groups add up. A fraction scales what follows it (`half a million`), or on its own is a share
    in percent (`half` = 50, `two thirds` = 66.7). A vague word (`tens`, `hundreds`, `several`)
    gives bounds that the scales after it multiply (`tens of thousands` = [10,000, 99,999]). #}
run_positions {{ materialized_cte() }} (

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

run_groups as (

    select
        *,
        coalesce(scales_before, 0) as group_no,
        min(case when kind = 'multiplier' then pos end) over (
            partition by sentence_key, run_no, coalesce(scales_before, 0)
        ) as multiplier_pos
    from run_positions

),

group_values as (

    select
        sentence_key,
        run_no,
        group_no,
        (
            coalesce(
                sum(case when pos < coalesce(multiplier_pos, pos + 1) then count_value end),
                case when max(multiplier_pos) is not null then 1 else 0 end
            )
            * coalesce({{ product_agg("case when kind = 'multiplier' then word_value end") }}, 1)
            + coalesce(sum(case when pos > multiplier_pos then count_value end), 0)
        )
        * coalesce(max(case when kind = 'scale' then word_value end), 1) as group_value
    from run_groups
    where kind is distinct from 'fraction' and kind is distinct from 'vague'
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
        max(case when pos = first_vague_pos then word_value end) as vague_value,
        max(case when pos = first_vague_pos then word_low end) as vague_low,
        max(case when pos = first_vague_pos then word_high end) as vague_high,
        {{ product_agg(
            "case when pos > first_vague_pos then case when kind = 'vague' then word_scale "
            ~ "when kind in ('multiplier', 'scale') then word_value end end"
        ) }} as vague_scale
    from run_positions
    group by sentence_key, run_no

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
            when runs.fraction is not null then exact_values.exact_value * runs.fraction
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

---------- lexicon matches in the numeric sentences (word n-grams of up to four tokens)

lexicon_terms as (

    select
        term,
        'counted' as lexicon,
        counted_class as matched_label,
        kind,
        unit,
        false as is_demonym,
        cast(null as double) as low_factor,
        cast(null as double) as high_factor,
        cast(null as varchar) as before_duration
    from counted_terms

    union all

    select
        term,
        'alias' as lexicon,
        entity_name as matched_label,
        cast(null as varchar) as kind,
        cast(null as varchar) as unit,
        is_demonym,
        cast(null as double) as low_factor,
        cast(null as double) as high_factor,
        cast(null as varchar) as before_duration
    from alias_terms

    union all

    select
        term,
        'action' as lexicon,
        action_class as matched_label,
        cast(null as varchar) as kind,
        cast(null as varchar) as unit,
        false as is_demonym,
        cast(null as double) as low_factor,
        cast(null as double) as high_factor,
        cast(null as varchar) as before_duration
    from action_terms

    union all

    select
        term,
        'modifier' as lexicon,
        qualifier as matched_label,
        cast(null as varchar) as kind,
        cast(null as varchar) as unit,
        false as is_demonym,
        low_factor,
        high_factor,
        before_duration
    from modifier_terms

),

sized_terms as (

    select
        *,
        length(term) - length(replace(term, ' ', '')) + 1 as n_words
    from lexicon_terms

),

base_words as (

    select
        sentence_key,
        pos,
        lw,
        is_word,
        {{ regex_replace("lw", "'[''’]s$'", "''") }} as lw_base
    from token_base

),

{# Word n-grams of one to four tokens starting at each token; the last word is compared without
   a possessive `'s` (`Peru’s`). #}
ngram_rows as (

    select
        sentence_key,
        pos,
        lw_base as ngram_1,
        lag(lw) over w as prev_lw,
        lag(is_word) over w as prev_is_word,
        lag(lw, 2) over w as prev2_lw,
        lw || ' ' || lead(lw_base) over w as ngram_2,
        lw || ' ' || lead(lw) over w || ' ' || lead(lw_base, 2) over w as ngram_3,
        lw || ' ' || lead(lw) over w || ' ' || lead(lw, 2) over w || ' ' || lead(lw_base, 3) over w as ngram_4
    from base_words
    window w as (partition by sentence_key order by pos)

),

ngram_sizes as (

    select 1 as n_words
    union all
    select 2 as n_words
    union all
    select 3 as n_words
    union all
    select 4 as n_words

),

ngrams as (

    select
        ngram_rows.sentence_key,
        ngram_rows.pos,
        ngram_rows.prev_lw,
        ngram_rows.prev_is_word,
        ngram_rows.prev2_lw,
        ngram_sizes.n_words,
        case ngram_sizes.n_words
            when 1 then ngram_rows.ngram_1
            when 2 then ngram_rows.ngram_2
            when 3 then ngram_rows.ngram_3
            else ngram_rows.ngram_4
        end as ngram
    from ngram_rows
    cross join ngram_sizes

),

lexicon_matches {{ materialized_cte() }} (

    select
        sized_terms.*,
        ngrams.sentence_key,
        ngrams.prev_lw,
        ngrams.prev_is_word,
        ngrams.prev2_lw,
        ngrams.pos as match_start,
        ngrams.pos + sized_terms.n_words - 1 as match_end
    from ngrams
    inner join sized_terms
        on ngrams.ngram = sized_terms.term and ngrams.n_words = sized_terms.n_words

),

counted_matches as (

    select
        sentence_key,
        match_start,
        match_end,
        n_words,
        matched_label as counted_class,
        kind,
        unit
    from lexicon_matches
    where lexicon = 'counted'

),

alias_matches as (

    select
        sentence_key,
        match_start,
        match_end,
        n_words,
        matched_label as entity_name,
        is_demonym,
        prev_lw,
        prev_is_word,
        prev2_lw
    from lexicon_matches
    where lexicon = 'alias'

),

action_matches as (

    select
        sentence_key,
        match_start,
        match_end,
        n_words,
        matched_label as action_class
    from lexicon_matches
    where lexicon = 'action'

),

modifier_matches as (

    select
        sentence_key,
        match_start,
        match_end,
        n_words,
        before_duration,
        low_factor,
        high_factor,
        term as modifier,
        matched_label as qualifier
    from lexicon_matches
    where lexicon = 'modifier'

),

---------- each run with what stands around it

candidates as (

    select
        valued_runs.*,
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
        unit_prefix.unit as prefix_unit_value,
        first_token.links_next and not valued_runs.is_range as links_next,
        valued_runs.start_pos - case when unit_prefix.unit is not null then 1 else 0 end as lead_pos
    from valued_runs
    inner join linked as first_token
        on valued_runs.sentence_key = first_token.sentence_key and valued_runs.start_pos = first_token.pos
    inner join linked as last_token
        on valued_runs.sentence_key = last_token.sentence_key and valued_runs.end_pos = last_token.pos
    {# A unit written before the number: a currency sign (`$2bn`) or `magnitude 6.1`. #}
    left join counted_terms as unit_prefix
        on first_token.prev_lw = unit_prefix.term and unit_prefix.kind = 'unit_prefix'
    where valued_runs.can_stand

),

{# The longest modifier that ends right before the run or its unit sign (`just over $2bn`). #}
run_modifiers as (

    select
        candidates.sentence_key,
        candidates.run_no,
        modifier_matches.match_start,
        modifier_matches.modifier,
        modifier_matches.qualifier,
        modifier_matches.low_factor,
        modifier_matches.high_factor,
        modifier_matches.before_duration,
        row_number() over (
            partition by candidates.sentence_key, candidates.run_no
            order by modifier_matches.n_words desc
        ) as rank_no
    from candidates
    inner join modifier_matches
        on
            candidates.sentence_key = modifier_matches.sentence_key
            and modifier_matches.match_end = candidates.lead_pos - 1

),

with_modifier as (

    select
        candidates.*,
        run_modifiers.before_duration as modifier_before_duration,
        run_modifiers.match_start as stated_modifier_start,
        run_modifiers.modifier as stated_modifier,
        run_modifiers.qualifier as stated_qualifier,
        run_modifiers.low_factor as stated_low_factor,
        run_modifiers.high_factor as stated_high_factor,
        candidates.prefix_unit_value as prefix_unit
    from candidates
    left join run_modifiers
        on
            candidates.sentence_key = run_modifiers.sentence_key
            and candidates.run_no = run_modifiers.run_no
            and run_modifiers.rank_no = 1

),

{# The unit right after the run: `%`, `per cent`, `years`, or a hyphenated `24-hour` or `62-year-old`. #}
unit_after as (

    select
        with_modifier.sentence_key,
        with_modifier.run_no,
        counted_matches.unit,
        counted_matches.match_end,
        row_number() over (
            partition by with_modifier.sentence_key, with_modifier.run_no
            order by counted_matches.match_start asc, counted_matches.n_words desc
        ) as rank_no
    from with_modifier
    inner join counted_matches
        on
            with_modifier.sentence_key = counted_matches.sentence_key
            and counted_matches.kind = 'unit'
            and (
                counted_matches.match_start = with_modifier.end_pos + 1
                or (
                    counted_matches.match_start = with_modifier.end_pos + 2
                    and with_modifier.next_lw in ('-', '‑', '–')
                    and with_modifier.glued_next
                    and with_modifier.next_glued_next2
                )
            )

),

with_unit {{ materialized_cte() }} (

    select
        with_modifier.*,
        coalesce(
            unit_after.unit,
            {# An age with no unit after it: `aged 25`, or a small bare number set off by commas
                after a name (`Lena Fischer, 34, said`). #}
            case
                when age_cue.word is not null then 'years of age'
                when with_modifier.first_tag = 'D' and with_modifier.n_parts = 1 and with_modifier.digit_suffix = ''
                    and with_modifier.prefix_unit is null and with_modifier.stated_modifier is null
                    and with_modifier.prev_lw = ',' and with_modifier.prev2_is_capitalised
                    and with_modifier.next_lw in (',', '.', ')', ';')
                    and with_modifier.first_digit_value between 1 and 119
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
    left join context_words as age_cue
        on with_modifier.prev_lw = age_cue.word and age_cue.role = 'age_cue'

),

---------- the counted noun phrase: words after the number (and unit) up to a break

{# Time words (`year`, `week`) only: a narrow side to join the token after each phrase word to,
   instead of the whole token table. #}
time_tokens as (

    select
        token_base.sentence_key,
        token_base.pos,
        counted_terms.term
    from token_base
    inner join counted_terms on token_base.lw = counted_terms.term and counted_terms.dimension = 'time'

),

window_tokens as (

    select
        with_unit.sentence_key,
        with_unit.run_no,
        with_unit.phrase_from,
        tokens_after.pos,
        tokens_after.lw,
        (
            tokens_after.lw = 'of'
            and tokens_after.pos = with_unit.phrase_from
            and with_unit.first_alone is distinct from 'with_noun'
        )
        or (
            determiners.word is not null and tokens_after.pos <= with_unit.phrase_from + 1
            {#- `this year`, `next week`: a date after the figure, which ends its phrase #}
            and not (breaks.word is not null and next_time.term is not null)
        ) as is_lead,
        (
            tokens_after.is_word and breaks.word is null and tokens_after.lw != 'of' and determiners.word is null
        )
        or (tokens_after.tag = 'H' and tokens_after.glued_prev and tokens_after.glued_next) as is_content,
        {# A participle or finite verb ends the noun phrase a reader would name (`two sides
            agreed`), though a counted noun may still follow a participle (`32 released soldiers`). #}
        {{ regex_contains('tokens_after.lw', "'(ed|ing)$'") }} or verbs.term is not null as is_verbish
    from with_unit
    inner join token_base as tokens_after
        on
            with_unit.sentence_key = tokens_after.sentence_key
            and tokens_after.pos between with_unit.phrase_from and with_unit.phrase_from + 6
    left join context_words as breaks on tokens_after.lw = breaks.word and breaks.role = 'phrase_break'
    left join context_words as determiners on tokens_after.lw = determiners.word and determiners.role = 'determiner'
    left join action_terms as verbs on tokens_after.lw = verbs.term
    left join time_tokens as next_time
        on tokens_after.sentence_key = next_time.sentence_key and next_time.pos = tokens_after.pos + 1

),

window_stops as (

    select
        sentence_key,
        run_no,
        coalesce(min(case when not is_lead and not is_content then pos end), max(phrase_from) + 7) as stop_pos,
        min(case when not is_lead and not (is_content and not is_verbish) then pos end) as plain_stop_pos
    from window_tokens
    group by sentence_key, run_no

),

phrase_windows as (

    select
        window_tokens.sentence_key,
        window_tokens.run_no,
        window_stops.stop_pos,
        min(
            case
                when window_tokens.lw != 'of' or window_tokens.pos > window_tokens.phrase_from then window_tokens.pos
            end
        ) as phrase_start_pos,
        max(
            case
                when window_tokens.is_content and not window_tokens.is_verbish
                    and window_tokens.pos < coalesce(window_stops.plain_stop_pos, window_stops.stop_pos)
                    then window_tokens.pos
            end
        ) as plain_head_pos
    from window_tokens
    inner join window_stops
        on window_tokens.sentence_key = window_stops.sentence_key and window_tokens.run_no = window_stops.run_no
    where window_tokens.pos < window_stops.stop_pos
    group by window_tokens.sentence_key, window_tokens.run_no, window_stops.stop_pos

),

with_window {{ materialized_cte() }} (

    select
        with_unit.*,
        phrase_windows.phrase_start_pos,
        phrase_windows.plain_head_pos,
        coalesce(phrase_windows.stop_pos, with_unit.phrase_from) as stop_pos
    from with_unit
    left join phrase_windows
        on with_unit.sentence_key = phrase_windows.sentence_key and with_unit.run_no = phrase_windows.run_no

),

{# Lexicon nouns around a figure, in two roles. `head`: the counted noun is the first one in the
    phrase window (else, below, a plural demonym such as `100,000 Peruvians`: people of that country;
    else the phrase's last plain word). `preceding`: an elliptical count (`in exchange for two,`)
    counts what the sentence counted last before it. The two ranges never overlap. #}
counted_nouns as (

    select
        sentence_key,
        run_no,
        noun_role,
        match_start,
        match_end,
        counted_class,
        row_number() over (
            partition by sentence_key, run_no, noun_role
            order by case when noun_role = 'head' then match_start else -match_end end, n_words desc
        ) as rank_no
    from (
        select
            with_window.sentence_key,
            with_window.run_no,
            counted_matches.match_start,
            counted_matches.match_end,
            counted_matches.counted_class,
            counted_matches.n_words,
            case
                when with_window.start_pos > counted_matches.match_end then 'preceding' else 'head'
            end as noun_role
        from with_window
        inner join counted_matches
            on
                with_window.sentence_key = counted_matches.sentence_key
                and counted_matches.kind = 'noun'
                and (
                    with_window.start_pos > counted_matches.match_end
                    or (
                        with_window.phrase_from <= counted_matches.match_start
                        and with_window.stop_pos > counted_matches.match_start
                    )
                )
    ) as around

),

demonym_heads as (

    select
        with_window.sentence_key,
        with_window.run_no,
        alias_matches.match_start,
        alias_matches.match_end,
        row_number() over (
            partition by with_window.sentence_key, with_window.run_no
            order by alias_matches.match_start asc, alias_matches.n_words desc
        ) as rank_no
    from with_window
    inner join alias_matches
        on
            with_window.sentence_key = alias_matches.sentence_key
            and alias_matches.is_demonym
            and with_window.plain_head_pos = alias_matches.match_end

),

with_head as (

    select
        with_window.*,
        head_nouns.counted_class as head_class,
        head_nouns.match_end as head_end,
        demonym_heads.match_end as demonym_end,
        preceding_nouns.counted_class as preceding_class,
        preceding_nouns.match_start as preceding_start,
        preceding_nouns.match_end as preceding_end
    from with_window
    left join counted_nouns as head_nouns
        on
            with_window.sentence_key = head_nouns.sentence_key
            and with_window.run_no = head_nouns.run_no
            and head_nouns.noun_role = 'head'
            and head_nouns.rank_no = 1
    left join demonym_heads
        on
            with_window.sentence_key = demonym_heads.sentence_key
            and with_window.run_no = demonym_heads.run_no
            and demonym_heads.rank_no = 1
    left join counted_nouns as preceding_nouns
        on
            with_window.sentence_key = preceding_nouns.sentence_key
            and with_window.run_no = preceding_nouns.run_no
            and preceding_nouns.noun_role = 'preceding'
            and preceding_nouns.rank_no = 1

),

{# A modifier that is a preposition of time before a duration (`over five years`) is no bound. #}
with_dimension as (

    select
        with_head.*,
        unit_dimensions.dimension as unit_dimension,
        with_head.stated_modifier is not null
        and not (
            with_head.modifier_before_duration is not distinct from 'during'
            and unit_dimensions.dimension is not distinct from 'time'
        ) as has_modifier
    from with_head
    left join unit_dimensions
        on
            coalesce(with_head.unit_after, with_head.prefix_unit, with_head.suffix_unit, with_head.run_unit)
            = unit_dimensions.unit

),

read_figures {{ materialized_cte() }} (

    select
        *,
        case when has_modifier then stated_modifier end as modifier,
        case when has_modifier then stated_modifier_start end as modifier_start,
        case when has_modifier then stated_qualifier end as modifier_qualifier,
        case when has_modifier then stated_low_factor end as low_factor,
        case when has_modifier then stated_high_factor end as high_factor,
        coalesce(unit_after, prefix_unit, suffix_unit, run_unit) as unit,
        case
            when head_class is not null then head_class
            when demonym_end is not null then 'people'
        end as noun_class,
        coalesce(head_end, demonym_end, plain_head_pos) as phrase_end_pos,
        coalesce(case when has_modifier then stated_modifier_start end, lead_pos) as surface_start_pos,
        greatest(phrase_from - 1, coalesce(head_end, demonym_end, plain_head_pos, 0)) as surface_end_pos,
        head_end is null and demonym_end is null and plain_head_pos is null
        and coalesce(unit_after, prefix_unit, suffix_unit, run_unit) is null as is_elliptical
    from with_dimension

),

{# The subject: a country named inside the counted phrase (`Peruvian soldiers`), else one just
    after it behind `to`/`by` (`soldiers returned to Peru`, `rule there by ethnic Peruvians`). #}
subjects as (

    select
        read_figures.sentence_key,
        read_figures.run_no,
        alias_matches.entity_name,
        row_number() over (
            partition by read_figures.sentence_key, read_figures.run_no
            order by
                case when alias_matches.match_start <= read_figures.phrase_end_pos then 0 else 1 end,
                alias_matches.match_start
        ) as rank_no
    from read_figures
    inner join alias_matches
        on
            read_figures.sentence_key = alias_matches.sentence_key
            and read_figures.phrase_from <= alias_matches.match_start
            and coalesce(read_figures.phrase_end_pos, read_figures.phrase_from - 1) + 4 >= alias_matches.match_start
    left join context_words as before_alias
        on alias_matches.prev_lw = before_alias.word and before_alias.role = 'subject_preposition'
    left join context_words as before_before
        on alias_matches.prev2_lw = before_before.word and before_before.role = 'subject_preposition'
    where
        alias_matches.match_start <= read_figures.phrase_end_pos
        or before_alias.word is not null
        or (before_before.word is not null and alias_matches.prev_is_word)

),

{# The action: the action word nearest to the figure in its sentence, first in the figure's own
    stretch between commas. At equal distance the word after the figure wins: a count before its
    verb is that verb's subject (`seven people died and 15 were injured`, `three have died and
    five are missing`); then the longest term (`shot dead` over `shot`). #}
actions as (

    select
        read_figures.sentence_key,
        read_figures.run_no,
        action_matches.action_class,
        row_number() over (
            partition by read_figures.sentence_key, read_figures.run_no
            order by
                case when action_token.stretch_no = figure_token.stretch_no then 0 else 1 end,
                case
                    when action_matches.match_end < read_figures.start_pos
                        then read_figures.start_pos - action_matches.match_end
                    when action_matches.match_start > coalesce(read_figures.phrase_end_pos, read_figures.end_pos)
                        then action_matches.match_start - coalesce(read_figures.phrase_end_pos, read_figures.end_pos)
                    else 0
                end,
                action_matches.match_start desc,
                action_matches.n_words desc
        ) as rank_no
    from read_figures
    inner join action_matches on read_figures.sentence_key = action_matches.sentence_key
    inner join token_base as figure_token
        on read_figures.sentence_key = figure_token.sentence_key and read_figures.start_pos = figure_token.pos
    inner join token_base as action_token
        on action_matches.sentence_key = action_token.sentence_key and action_matches.match_start = action_token.pos

),

{# Offsets of the tokens that bound the surface and the phrases, fetched in one join. #}
bounding_positions as (

    select
        sentence_key,
        run_no,
        'surface_start' as bounding_role,
        surface_start_pos as pos
    from read_figures

    union all

    select
        sentence_key,
        run_no,
        'surface_end' as bounding_role,
        surface_end_pos as pos
    from read_figures

    union all

    select
        sentence_key,
        run_no,
        'phrase_start' as bounding_role,
        phrase_start_pos as pos
    from read_figures

    union all

    select
        sentence_key,
        run_no,
        'phrase_end' as bounding_role,
        phrase_end_pos as pos
    from read_figures

    union all

    select
        sentence_key,
        run_no,
        'preceding_start' as bounding_role,
        preceding_start as pos
    from read_figures

    union all

    select
        sentence_key,
        run_no,
        'preceding_end' as bounding_role,
        preceding_end as pos
    from read_figures

    union all

    select
        sentence_key,
        run_no,
        'plain_head' as bounding_role,
        plain_head_pos as pos
    from read_figures

),

bounding_offsets as (

    select
        needed.sentence_key,
        needed.run_no,
        max(case when needed.bounding_role = 'surface_start' then at_pos.token_start end) as surface_start_offset,
        max(case when needed.bounding_role = 'surface_end' then at_pos.token_end end) as surface_end_offset,
        max(case when needed.bounding_role = 'phrase_start' then at_pos.token_start end) as phrase_start_offset,
        max(case when needed.bounding_role = 'phrase_end' then at_pos.token_end end) as phrase_end_offset,
        max(case when needed.bounding_role = 'preceding_start' then at_pos.token_start end) as preceding_start_offset,
        max(case when needed.bounding_role = 'preceding_end' then at_pos.token_end end) as preceding_end_offset,
        max(case when needed.bounding_role = 'plain_head' then {{ regex_replace("at_pos.lw", "'[''’]s$'", "''") }} end)
            as plain_head
    from bounding_positions as needed
    inner join token_base as at_pos
        on needed.sentence_key = at_pos.sentence_key and needed.pos = at_pos.pos
    group by needed.sentence_key, needed.run_no

),

located as (

    select
        read_figures.*,
        subjects.entity_name as subject,
        actions.action_class,
        numeric_sentences.sentence_id,
        numeric_sentences.article_id,
        numeric_sentences.story_id,
        numeric_sentences.sentence_start,
        numeric_sentences.sentence_text,
        bounding_offsets.surface_start_offset,
        bounding_offsets.surface_end_offset,
        bounding_offsets.phrase_start_offset,
        bounding_offsets.phrase_end_offset,
        bounding_offsets.preceding_start_offset,
        bounding_offsets.preceding_end_offset,
        bounding_offsets.plain_head
    from read_figures
    inner join numeric_sentences on read_figures.sentence_key = numeric_sentences.sentence_key
    inner join bounding_offsets
        on read_figures.sentence_key = bounding_offsets.sentence_key and read_figures.run_no = bounding_offsets.run_no
    left join subjects
        on
            read_figures.sentence_key = subjects.sentence_key
            and read_figures.run_no = subjects.run_no
            and subjects.rank_no = 1
    left join actions
        on
            read_figures.sentence_key = actions.sentence_key
            and read_figures.run_no = actions.run_no
            and actions.rank_no = 1

),

---------- what is not a figure

judged as (

    select
        located.*,
        case
            when located.links_prev or located.links_next then 'date, time or code'
            when located.first_tag = 'D' and located.glued_prev and located.prev_lw in ('+', '#', '№', '/', ':', '.')
                then 'code or phone number'
            when located.first_tag = 'D' and located.glued_prev and located.prev_lw in ('-', '‑', '–')
                and located.prev2_is_word and located.prev_glued_prev2
                then 'part of a name'
            when located.first_tag = 'D' and (located.prev_tag = 'D' or located.next_tag = 'D')
                then 'phone number or code'
            when located.suffix_scale_kind = 'currency_scale' and located.prefix_unit is null
                then 'measure, not an amount'
            when located.n_parts = 1 and located.is_year_like
                and (year_cue.word is not null or prev_month.word is not null or located.noun_class is null)
                then 'year'
            when located.first_tag = 'D' and located.n_parts = 1 and located.first_digit_value <= 31
                and (
                    (prev_month.word is not null and (not prev_month.is_common_word or located.prev_is_capitalised))
                    or (next_month.word is not null and (not next_month.is_common_word or located.next_is_capitalised))
                )
                then 'date'
            when time_suffix.word is not null
                or {{ regex_contains(
                    "substr(located.sentence_text, located.run_end_offset + 1, 6)", "'^\\s*[aApP]\\.?[mM]\\b'"
                ) }}
                then 'clock time'
            {# `two days ago`, `three years ago`: a date (int_dates_extracted), not a count. #}
            when {{ regex_contains(
                    "lower(substr(located.sentence_text, located.run_end_offset + 1, 24))",
                    "'^\\s+(days?|weeks?|months?|years?|decades?|hours?)\\s+ago\\b'"
                ) }}
                then 'relative date'
            {# `the first half of 2023`, `the second quarter`: a part of a period, not a share. #}
            when located.fraction is not null and located.n_parts = 1
                and located.prev_lw in ('first', 'second', 'third', 'fourth', 'last', 'latter', 'former')
                then 'part of a period'
            {# `a third day`, `a fifth term`: an ordinal after an article, not a share, unless
               `of` or a phrase break follows (`a third of the budget`, `cut by a third in 2023`). #}
            when located.first_tag = 'A' and located.n_parts = 2 and located.fraction is not null
                and {{ regex_contains("coalesce(located.next_lw, '')", "'^\\pL'") }}
                and located.next_lw != 'of' and next_break.word is null
                then 'ordinal'
            when located.first_tag = 'D' and located.prev_is_capitalised and located.start_pos > 2
                and located.modifier is null and prev_month.word is null
                and located.noun_class is null and located.unit is null
                then 'part of a name'
            {# `Ten people were shot, one fatally`, `ten shot, one dead`: after a comma and before an
                action word, `one` counts what the sentence counted before it. #}
            when located.first_alone = 'with_noun' and located.prev_lw = ',' and next_action.term is not null
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
        {# `12 more bodies`, `another 20`: an addition to a count, not the count itself. #}
        increment_before.word is not null or increment_after.word is not null as is_increment,
        {# `three of the wounded`, `two of them`, `nine of those arrested`: part of a group counted
            elsewhere, not a total (a share such as `90% of its exports` or `half of` is no subset). #}
        located.unit is null and located.fraction is null
        and {{ regex_contains(
            "lower(substr(located.sentence_text, located.run_end_offset + 1, 20))",
            "'^\\s+of\\s+(the|those|them|whom|these|which|us|our|their|its)\\b'"
        ) }} as is_subset
    from located
    left join context_words as year_cue on located.prev_lw = year_cue.word and year_cue.role = 'year_cue'
    left join months as prev_month
        on
            located.prev_lw = prev_month.word
            or (located.prev_lw = '.' and located.prev2_lw = prev_month.word)
    left join months as next_month on located.next_lw = next_month.word
    left join context_words as time_suffix on located.next_lw = time_suffix.word and time_suffix.role = 'time_suffix'
    left join context_words as next_break on located.next_lw = next_break.word and next_break.role = 'phrase_break'
    left join context_words as pronoun on located.prev_lw = pronoun.word and pronoun.role = 'pronoun_cue'
    left join action_terms as next_action on located.next_lw = next_action.term
    left join context_words as increment_before
        on located.prev_lw = increment_before.word and increment_before.role = 'increment_before'
    left join context_words as increment_after
        on located.next_lw = increment_after.word and increment_after.role = 'increment_after'

),

bounded as (

    select
        *,
        case
            when modifier is not null then modifier_qualifier
            else base_qualifier
        end as qualifier,
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
        story_id,
        modifier,
        qualifier,
        unit,
        is_elliptical,
        is_increment,
        is_subset,
        subject,
        action_class,
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
            when is_elliptical
                then substr(sentence_text, preceding_start_offset + 1, preceding_end_offset - preceding_start_offset)
            when phrase_end_offset > phrase_start_offset
                then substr(sentence_text, phrase_start_offset + 1, phrase_end_offset - phrase_start_offset)
        end as counted_phrase,
        case when is_elliptical then preceding_class else noun_class end as counted_class,
        case when noun_class is null and not is_elliptical then plain_head end as counted_head,
        sentence_text,
        sentence_start
    from bounded

),

{# Two bare counts joined by `to`, `-` or `between ... and` state one range (`20 to 30 people`,
    `between €20 and €25 billion`, `0.2 to 0.3 percentage points`): the first takes the scale of
    the second when it has none. `from 14 to 16` is a change, not a range. #}
found_digits as (

    select
        *,
        try_cast({{ regex_first("replace(number_text, ',', '')", "'[0-9]+(\\.[0-9]+)?'") }} as double) as digits,
        lower(substr(
            sentence_text, greatest(1, char_start - sentence_start - 8), least(9, char_start - sentence_start)
        )) as text_before,
        lead(char_start) over (partition by sentence_id order by char_start) as next_start
    from found

),

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
            low.sentence_id = high.sentence_id
            and low.next_start = high.char_start
            and high.char_start - low.char_end <= 9
    where
        low.qualifier = 'exact' and high.qualifier = 'exact' and low.modifier is null
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
        found.is_subset,
        found.subject,
        found.action_class,
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
        found.counted_class,
        found.counted_head
    from found
    left join shares on found.figure_id = shares.figure_id
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
        high.counted_head
    from range_pairs
    inner join found as low on range_pairs.low_id = low.figure_id
    inner join found as high on range_pairs.high_id = high.figure_id

)

select * from final
