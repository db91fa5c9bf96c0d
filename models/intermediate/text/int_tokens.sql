{#- Tokens of every sentence, computed once for every kind of fact, with their offsets into
    raw_text and the neighbour features the rules read. The tokeniser is `token_regex` of
    macros/text.sql: a token and the white space after it, matched one after another, cover the
    whole sentence, so a token's offset is the sentence's plus the lengths before it. -#}

-- depends_on: {{ ref('int_stories_changed') }}

with

sentences as (

    select
        sentence_id,
        article_id,
        story_id,
        sentence_index,
        is_heading,
        char_start as sentence_start,
        {{ stable_key('sentence_id') }} as sentence_key,
        {{ regex_matches('sentence_text', sql_regex(token_with_space_regex())) }} as spaced_list
    from {{ ref('int_sentences') }}
    where {{ in_changed_stories() }}

),

exploded as (

    select
        sentence_id,
        sentence_key,
        article_id,
        story_id,
        sentence_index,
        is_heading,
        sentence_start,
        {{ explode_columns('spaced_list', 'token_and_space', 'token_no') }}
    from sentences

),

trimmed as (

    select
        *,
        {{ trim_trailing('token_and_space', ws_sql_chars()) }} as token
    from exploded

),

keyed as (

    select
        *,
        {{ token_key('token') }} as token_key,
        case when token in (',', ';') then 1 else 0 end as is_stretch_mark,
        case when {{ regex_contains('token', "'^[\\p{L}0-9]'") }} then 1 else 0 end as is_wordlike
    from trimmed

),

{# One window order for every running value: sums up to and including the token (its offset is
   that sum less its own length), its neighbours. #}
windowed as (

    select
        *,
        sum(length(token_and_space)) over running as spaced_through,
        -- stretches between commas and semicolons: rules prefer a cue in the figure's own stretch
        sum(is_stretch_mark) over running as stretch_no,
        sum(is_wordlike) over running as words_through,
        lag(token_key) over running as prev_token_key,
        lead(token_key) over running as next_token_key
    from keyed
    window running as (partition by sentence_key order by token_no rows between unbounded preceding and current row)

),

final as (

    select
        sentence_id,
        cast(sentence_key as bigint) as sentence_key,
        article_id,
        story_id,
        cast(sentence_index as integer) as sentence_index,
        cast(token_no as integer) as token_no,
        cast(case when is_wordlike = 1 then words_through end as integer) as word_no,
        cast(sentence_start + spaced_through - length(token_and_space) as integer) as char_start,
        cast(sentence_start + spaced_through - length(token_and_space) + length(token) as integer) as char_end,
        token,
        token_key,
        case
            when {{ regex_contains('token', "'^[0-9]'") }} then 'number'
            when {{ regex_contains('token', "'^\\p{L}'") }} then 'word'
            when {{ regex_contains('token', "'^[''’][sS]$'") }} then 'clitic'
            else 'punct'
        end as token_kind,
        {{ regex_contains('token', "'^\\p{Lu}'") }} as is_capitalised,
        length(token) > 1
        and token = upper(token)
        and {{ regex_contains('token', "'\\p{Lu}.*\\p{Lu}'") }} as is_all_caps,
        length(token_and_space) > length(token) as space_after,
        cast(stretch_no as integer) as stretch_no,
        prev_token_key,
        next_token_key,
        is_heading
    from windowed

)

select * from final
