{#- Tokens of every sentence, computed once for every kind of fact, with their offsets into
    raw_text and the neighbour features the rules read. The tokeniser is `token_regex` of
    macros/text.sql: a token and the white space after it, matched one after another, cover the
    whole sentence, so a token's offset is the sentence's plus the lengths before it. A token row
    carries its sentence's integer key and its story, not the sentence's and article's 64-character
    ids: written for every token, they made this table cost twice as much to write (rules that need
    them join int_sentences on sentence_key). -#}

-- depends_on: {{ ref('int_stories_changed') }}

with

{# The window below sorts every token of the batch, so it sorts narrow rows: the sentence key and
   the token. What is the same for every token of a sentence (its story, offset, heading flag)
   joins afterwards from `sentences`, a small build side, instead of riding through the sort. #}
spaced as (

    select
        sentence_key,
        {{ regex_matches('sentence_text', sql_regex(token_with_space_regex())) }} as spaced_list
    from {{ ref('int_sentences') }}
    where {{ in_changed_stories() }}

),

sentences as (

    select
        story_id,
        sentence_index,
        is_heading,
        char_start as sentence_start,
        sentence_key
    from {{ ref('int_sentences') }}
    where {{ in_changed_stories() }}

),

exploded as (

    select
        sentence_key,
        {{ explode_columns('spaced_list', 'token_and_space', 'token_no') }}
    from spaced

),

trimmed as (

    select
        *,
        -- a regex, not rtrim() with a set of characters, which costs seven times as much
        {{ regex_replace('token_and_space', sql_regex('[' ~ ws_chars() ~ ']+$'), "''") }} as token
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
        cast(windowed.sentence_key as bigint) as sentence_key,
        sentences.story_id,
        cast(sentences.sentence_index as integer) as sentence_index,
        cast(windowed.token_no as integer) as token_no,
        cast(case when windowed.is_wordlike = 1 then windowed.words_through end as integer) as word_no,
        cast(
            sentences.sentence_start + windowed.spaced_through - length(windowed.token_and_space) as integer
        ) as char_start,
        cast(
            sentences.sentence_start + windowed.spaced_through - length(windowed.token_and_space)
            + length(windowed.token) as integer
        ) as char_end,
        windowed.token,
        windowed.token_key,
        case
            when {{ regex_contains('windowed.token', "'^[0-9]'") }} then 'number'
            when {{ regex_contains('windowed.token', "'^\\p{L}'") }} then 'word'
            when {{ regex_contains('windowed.token', "'^[''’][sS]$'") }} then 'clitic'
            else 'punct'
        end as token_kind,
        {{ regex_contains('windowed.token', "'^\\p{Lu}'") }} as is_capitalised,
        length(windowed.token) > 1
        and windowed.token = upper(windowed.token)
        and {{ regex_contains('windowed.token', "'\\p{Lu}.*\\p{Lu}'") }} as is_all_caps,
        length(windowed.token_and_space) > length(windowed.token) as space_after,
        cast(windowed.stretch_no as integer) as stretch_no,
        windowed.prev_token_key,
        windowed.next_token_key,
        sentences.is_heading
    from windowed
    inner join sentences on windowed.sentence_key = sentences.sentence_key

)

select * from final
