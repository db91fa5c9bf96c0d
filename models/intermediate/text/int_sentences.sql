
{#- Sentences of the article bodies, with offsets into raw_text.
    The body is cut into pieces that partition it exactly: each piece runs up to and including a
    run of terminal punctuation (with closing quotes or brackets and the spaces after them), or up
    to and including a line break. A piece end is a sentence boundary at a line break, or after
    terminal punctuation followed by a space, unless the word before the period is an initial
    (`U.`), a listed abbreviation (`Gen.`), or the next piece starts in lower case or with a digit
    (`Dec. 7`) or is the day of a time of day (`at 2 a.m. Sunday`); the last initial of a dotted
    abbreviation does end it before a quote that opens with a capital (`D-N.M. "He`). Sentences are then trimmed of surrounding white space. The
    title, where it stands in the text before the body, is sentence 0 (`is_headline`): a figure or
    date in a headline is a fact of the article. -#}

{%- set piece_pattern = "'[^.!?…\\r\\n]*(?:[.!?…]+[\"”’)\\]'']*[ \\t]*|[\\r\\n]+|$)'" %}

-- depends_on: {{ ref('int_stories_changed') }}

with

articles as (

    -- Windows below partition by this integer: DuckDB partitions by a 64-character hash far slower.
    select
        article_id,
        story_id,
        body_start,
        headline_start,
        substr(raw_text, headline_start + 1, headline_end - headline_start) as headline_text,
        {{ regex_matches(article_body(), piece_pattern) }} as piece_list,
        row_number() over (order by article_id) as article_no
    from {{ ref('int_articles_changed') }}
    where is_current and is_english and {{ in_changed_stories() }}

),

pieces as (

    select *
    from (
        select
            article_id,
            article_no,
            story_id,
            body_start,
            {{ explode_columns('piece_list', 'piece', 'piece_no') }}
        from articles
    ) as exploded
    where piece != ''

),

abbreviations as (

    select lower(abbreviation) as abbreviation from {{ ref('sentence_abbreviations') }}

),

-- the day a time of day is on (`at 2 a.m. Sunday`, `at 9 a.m. Dec. 12`): a month that is a common
-- word (`May`) may open a sentence
day_words as (

    select match_key as word from {{ ref('stg_lexicons__weekday_names') }}

    union

    select match_key as word from {{ ref('stg_lexicons__month_names') }}
    where not is_common_word

),

-- a quote's attribution after its `?"`/`!"` is the quote's own sentence
finite_cues as (

    select distinct match_key as cue from {{ ref('stg_lexicons__cue_verbs') }}
    where form = 'finite'

),

positioned as (

    select
        article_id,
        article_no,
        story_id,
        piece,
        piece_no,
        body_start + coalesce(
            sum(length(piece)) over (
                partition by article_no order by piece_no
                rows between unbounded preceding and 1 preceding
            ),
            0
        ) as piece_start,
        {{ regex_contains("piece", "'[\\r\\n]'") }} as ends_line,
        {{ regex_contains("piece", "'[.!?…][\"”’)\\]'']*[ \\t]+$'") }} as ends_terminal,
        {{ regex_extract("piece", "'(\\w+)\\.[ \\t]*$'", 1) }} as word_before_period,
        -- `a.m. `/`p.m. `: the piece after the first period is `m. `
        {{ regex_contains("piece", "'^m\\.[ \\t]+$'") }} as ends_time_of_day,
        {{ regex_contains("piece", "'[?!][\"”’'']+[ \\t]+$'") }} as ends_quoted_question,
        lead(piece) over (partition by article_no order by piece_no) as next_piece
    from pieces

),

bounded as (

    select
        positioned.*,
        positioned.ends_line
        or positioned.next_piece is null
        or (
            positioned.ends_terminal
            and not {{ regex_contains("positioned.word_before_period", "'^[A-Z]$'") }}
            and abbreviations.abbreviation is null
            and not {{ regex_contains("coalesce(positioned.next_piece, '')", "'^[\"“‘''`(\\[]*[a-z0-9]'") }}
            and day_words.word is null
            and finite_cues.cue is null
        )
        -- the last initial of a dotted abbreviation (`D-N.M.`) before a quote that opens with a
        -- capital ends the sentence: `said Sen. Luis Ortiz, D-N.M. "He has told us ..."`
        or (
            {{ regex_contains("positioned.piece", "'^[A-Z]\\.[ \\t]+$'") }}
            and {{ regex_contains("positioned.next_piece", "'^[\"“][A-Z]'") }}
        ) as ends_sentence
    from positioned
    left join abbreviations
        on lower(positioned.word_before_period) = abbreviations.abbreviation
    -- the join keys are read only where the piece asks for them: a key is computed for every row
    -- of a hash join, and these are regular expressions over every piece of the batch
    left join day_words
        on
            case
                when positioned.ends_time_of_day
                    then lower({{ regex_extract("positioned.next_piece", "'^(\\pL+)'", 1) }})
            end = day_words.word
    left join finite_cues
        on
            case
                when positioned.ends_quoted_question
                    then {{ regex_extract(
                        "positioned.next_piece",
                        "'^\\p{Lu}[\\pL\\pN’''-]*(?: \\p{Lu}[\\pL\\pN’''-]*){0,3} (\\p{Ll}+)'",
                        1
                    ) }}
            end = finite_cues.cue

),

numbered as (

    select
        *,
        1 + coalesce(
            sum(case when ends_sentence then 1 else 0 end) over (
                partition by article_no order by piece_no
                rows between unbounded preceding and 1 preceding
            ),
            0
        ) as sentence_group,
        1 + coalesce(
            sum(case when ends_line then 1 else 0 end) over (
                partition by article_no order by piece_no
                rows between unbounded preceding and 1 preceding
            ),
            0
        ) as line_no
    from bounded

),

grouped as (

    select
        article_id,
        article_no,
        story_id,
        sentence_group,
        min(line_no) as line_no,
        min(piece_start) as group_start,
        {{ string_agg_ordered('piece', "''", 'piece_no') }} as group_text
    from numbered
    group by article_id, article_no, story_id, sentence_group

),

trimmed as (

    select
        article_id,
        article_no,
        story_id,
        line_no,
        group_start,
        group_text,
        length({{ regex_first("group_text", "'^[\\s\\x{00a0}\\x{2000}-\\x{200b}\\x{3000}]*'") }}) as lead_space,
        length({{ regex_first("group_text", "'[\\s\\x{00a0}\\x{2000}-\\x{200b}\\x{3000}]*$'") }}) as trail_space
    from grouped

),

spans as (

    select
        article_id,
        article_no,
        story_id,
        line_no,
        group_start + lead_space as char_start,
        group_start + length(group_text) - trail_space as char_end,
        substr(group_text, lead_space + 1, length(group_text) - lead_space - trail_space) as sentence_text
    from trimmed
    where length(group_text) > lead_space

),

final as (

    select
        article_id || ':' || row_number() over (partition by article_no order by char_start) as sentence_id,
        article_id,
        story_id,
        cast(row_number() over (partition by article_no order by char_start) as integer) as sentence_index,
        cast(dense_rank() over (partition by article_no order by line_no) as integer) as paragraph_index,
        cast(char_start as integer) as char_start,
        cast(char_end as integer) as char_end,
        sentence_text,
        not {{ regex_contains("sentence_text", "'[.!?…:;,][\"”’)\\]'']*$'") }}
        and not {{ regex_contains("sentence_text", sql_regex(more_words_than_regex(12))) }} as is_heading,
        false as is_headline
    from spans

    union all

    -- the title where it stands in the text: sentence 0, so the body's numbering does not depend on it
    select
        article_id || ':0' as sentence_id,
        article_id,
        story_id,
        0 as sentence_index,
        0 as paragraph_index,
        cast(headline_start as integer) as char_start,
        cast(headline_start + length(headline_text) as integer) as char_end,
        headline_text as sentence_text,
        true as is_heading,
        true as is_headline
    from articles
    where headline_start is not null

)

-- sentence_key: the integer that windows over tokens partition by and that the ids join back on
select
    final.*,
    {{ stable_key('final.sentence_id') }} as sentence_key
from final
