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
        {{ regex_matches('sentence_text', sql_regex(token_with_space_regex())) }} as token_list
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
        {{ explode_columns('token_list', 'token_and_space', 'token_no') }}
    from sentences

),

trimmed as (

    select
        *,
        {{ regex_replace('token_and_space', sql_regex('[' ~ ws_chars() ~ ']+$'), "''") }} as token
    from exploded

),

classified as (

    select
        *,
        case
            when {{ regex_contains('token', "'^[0-9]'") }} then 'number'
            when {{ regex_contains('token', "'^\\p{L}'") }} then 'word'
            when {{ regex_contains('token', "'^[''’][sS]$'") }} then 'clitic'
            else 'punct'
        end as token_kind
    from trimmed

),

windowed as (

    select
        *,
        sentence_start + coalesce(
            sum(length(token_and_space)) over (
                partition by sentence_key order by token_no
                rows between unbounded preceding and 1 preceding
            ),
            0
        ) as char_start,
        -- stretches between commas and semicolons: rules prefer a cue in the figure's own stretch
        sum(case when token in (',', ';') then 1 else 0 end) over (
            partition by sentence_key order by token_no
            rows between unbounded preceding and current row
        ) as stretch_no,
        case when token_kind in ('word', 'number') then
                count(case when token_kind in ('word', 'number') then 1 end) over (
                    partition by sentence_key order by token_no
                    rows between unbounded preceding and current row
                )
        end as word_no,
        {{ token_key('lag(token) over (partition by sentence_key order by token_no)') }} as prev_token_key,
        {{ token_key('lead(token) over (partition by sentence_key order by token_no)') }} as next_token_key
    from classified

),

final as (

    select
        sentence_id,
        cast(sentence_key as bigint) as sentence_key,
        article_id,
        story_id,
        cast(sentence_index as integer) as sentence_index,
        cast(token_no as integer) as token_no,
        cast(word_no as integer) as word_no,
        cast(char_start as integer) as char_start,
        cast(char_start + length(token) as integer) as char_end,
        token,
        {{ token_key('token') }} as token_key,
        token_kind,
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
