{#- The tokens of the sentences that can hold a figure, typed for the figure rules.

    Only sentences with a number token or a number word (seed `number_words`) are kept: most
    sentences hold neither, and every later figure model reads this narrow table instead of
    int_tokens. A possessive `'s` glued to its word is read as part of that word (`Peru's`), so a
    position (`pos`) is a word with its possessive, as the rules count words. Each token gets a
    tag: `D` digits, `W` a number word, `A` an indefinite article, `N` `and`, `H` a hyphen, `O`
    `of`, `X` anything else. -#}

-- depends_on: {{ ref('int_stories_changed') }}

with

-- The window below sorts these rows: they carry the sentence key, not the 64-character ids, which
-- this table leaves out (written for every token, they cost more than the typing).
tokens as (

    select
        sentence_key,
        token_no,
        token,
        token_key,
        next_token_key,
        token_kind,
        char_start,
        char_end,
        is_capitalised,
        space_after,
        stretch_no,
        {# A possessive glued to a word (`Peru's`) joins that word: the rules' word windows and their
            `the word before` read it as one word, and a lexicon term still matches the bare word. #}
        token_kind = 'word' and next_token_key = '''s' and not space_after as takes_clitic
    from {{ ref('int_tokens') }}
    where {{ in_changed_stories() }}

),

sentence_keys as (

    select
        sentence_key,
        story_id
    from {{ ref('int_sentences') }}
    where {{ in_changed_stories() }}

),

number_words as (

    select
        match_key,
        kind,
        cast(value as double) as word_value
    from {{ ref('stg_lexicons__number_words') }}

),

counted_terms as (

    select
        match_key,
        kind,
        unit
    from {{ ref('stg_lexicons__counted_classes') }}

),

articles as (

    select term as word
    from {{ ref('stg_lexicons__figure_context_words') }}
    where role = 'indefinite_article'

),

---------- which sentences hold a number at all (most do not: skip them before anything else)

-- read from the relation, not the `tokens` CTE: a CTE read twice is materialised whole
numeric_sentences as (

    select distinct number_tokens.sentence_key
    from {{ ref('int_tokens') }} as number_tokens
    left join number_words
        on number_tokens.token_key = number_words.match_key and number_words.kind != 'currency_scale'
    where
        {{ in_changed_stories('number_tokens.story_id') }}
        and (number_tokens.token_kind = 'number' or number_words.match_key is not null)

),

{# One window pass over the tokens: the sentence start (its first token's: sentences are
    trimmed), how many possessives were joined to a word before each token (positions close up
    behind them), and the keys, kinds and possessives of the four tokens before, from which the
    two positions before are read. #}
windowed as (

    select
        tokens.*,
        first_value(tokens.char_start) over w as sentence_start,
        coalesce(lag(tokens.takes_clitic) over w, false) as is_joined_clitic,
        coalesce(sum(case when tokens.takes_clitic then 1 else 0 end) over (
            w rows between unbounded preceding and 1 preceding
        ), 0) as clitics_before,
        lead(tokens.char_end) over w as next_char_end,
        lead(tokens.space_after) over w as next_space_after,
        lag(tokens.space_after) over w as prev_space_after,
        lag(tokens.token_kind) over w as kind_1,
        lag(tokens.token_key) over w as key_1,
        lag(tokens.token_key, 2) over w as key_2,
        lag(tokens.token_key, 3) over w as key_3,
        lag(tokens.token_key, 4) over w as key_4,
        coalesce(lag(tokens.takes_clitic, 2) over w, false) as takes_2,
        coalesce(lag(tokens.takes_clitic, 3) over w, false) as takes_3,
        coalesce(lag(tokens.takes_clitic, 4) over w, false) as takes_4
    from tokens
    where tokens.sentence_key in (select numeric_sentences.sentence_key from numeric_sentences)
    window w as (partition by tokens.sentence_key order by tokens.token_no)

),

words as (

    select
        sentence_key,
        token_no,
        token,
        stretch_no,
        is_capitalised,
        token_no - clitics_before as pos,
        char_start - sentence_start as token_start,
        case when takes_clitic then next_char_end else char_end end - sentence_start as token_end,
        coalesce(not prev_space_after, false) as glued_prev,
        not case when takes_clitic then next_space_after else space_after end as glued_next,
        case when takes_clitic then token_key || next_token_key else token_key end as lw,
        token_kind = 'word' as is_word,
        {# The position before is a word with its possessive when the token two before took one. #}
        case when takes_2 then key_2 || key_1 else key_1 end as prev_lw,
        case
            when takes_2 and takes_4 then key_4 || key_3
            when takes_2 then key_3
            when takes_3 then key_3 || key_2
            else key_2
        end as prev2_lw,
        takes_2 or kind_1 = 'word' as prev_is_word,
        {{ regex_first("token", "'^[0-9]+(?:[.,][0-9]+)*'") }} as digit_text
    from windowed
    where not is_joined_clitic

),

split_digits as (

    select
        *,
        case when digit_text != '' then substr(lw, length(digit_text) + 1) end as digit_suffix
    from words

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
        on split_digits.digit_suffix = suffix_scale.match_key and suffix_scale.kind in ('scale', 'currency_scale')
    left join counted_terms as suffix_unit
        on split_digits.digit_suffix = suffix_unit.match_key and suffix_unit.kind = 'unit'

),

typed as (

    select
        suffixed.*,
        number_words.kind,
        number_words.word_value,
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
            when number_words.match_key is not null and number_words.kind != 'currency_scale' then 'W'
            when articles.word is not null then 'A'
            when suffixed.lw = 'and' then 'N'
            when suffixed.lw in ('-', '‑', '–') then 'H'
            when suffixed.lw = 'of' then 'O'
            else 'X'
        end as tag
    from suffixed
    left join number_words on suffixed.lw = number_words.match_key
    left join articles on suffixed.lw = lower(articles.word)

),

final as (

    select
        typed.sentence_key,
        sentence_keys.story_id,
        typed.token_no,
        typed.stretch_no,
        typed.glued_prev,
        typed.glued_next,
        typed.lw,
        typed.is_capitalised,
        typed.is_word,
        typed.tag,
        typed.kind,
        typed.word_value,
        typed.digit_value,
        typed.is_amount,
        typed.is_year_like,
        typed.prev_lw,
        typed.prev2_lw,
        typed.prev_is_word,
        cast(typed.pos as integer) as pos,
        cast(typed.token_start as integer) as token_start,
        cast(typed.token_end as integer) as token_end,
        case when typed.tag = 'D' then typed.digit_suffix end as digit_suffix,
        case when typed.tag = 'D' then typed.suffix_scale_kind end as suffix_scale_kind,
        case when typed.tag = 'D' then typed.suffix_scale_value end as suffix_scale_value,
        case when typed.tag = 'D' then typed.suffix_unit end as suffix_unit
    from typed
    inner join sentence_keys on typed.sentence_key = sentence_keys.sentence_key

)

select * from final
