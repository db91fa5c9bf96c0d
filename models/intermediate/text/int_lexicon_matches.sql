{#- Where lexicon terms occur in the text: one longest-match n-gram matcher over every lexicon.
    At each token, the n-grams of 1..`lexicon_max_tokens` tokens that begin there are keyed like
    the terms (macros/text.sql) and looked up; per lexicon and start token only the longest term is
    kept, and a match that lies inside a longer match of the same lexicon starting earlier is
    flagged `is_covered`. Only tokens that begin some term are expanded into n-grams. -#}

{#- `or 12`: sqlfluff's stand-in for var() is no number. -#}
{%- set max_tokens = (var('lexicon_max_tokens') | int) or 12 %}

-- depends_on: {{ ref('int_stories_changed') }}

with

tokens as (

    select
        sentence_id,
        sentence_key,
        article_id,
        story_id,
        token_no,
        token,
        token_key,
        char_start,
        char_end
    from {{ ref('int_tokens') }}
    where {{ in_changed_stories() }}

),

terms as (

    select * from {{ ref('int_lexicon_terms') }}

),

start_sizes as (

    select distinct
        first_key,
        n_tokens
    from terms

),

following as (

    select
        sentence_id,
        sentence_key,
        article_id,
        story_id,
        token_no,
        char_start,
        {%- for k in range(1, max_tokens) %}
            lead(token_key, {{ k }}) over w as key_{{ k + 1 }},
            lead(token, {{ k }}) over w as token_{{ k + 1 }},
            lead(char_end, {{ k }}) over w as end_{{ k + 1 }},
        {%- endfor %}
        token_key as key_1,
        token as token_1,
        char_end as end_1
    from tokens
    window w as (partition by sentence_key order by token_no)

),

grams as (

    select
        following.sentence_id,
        following.sentence_key,
        following.article_id,
        following.story_id,
        following.token_no as first_token_no,
        start_sizes.n_tokens,
        following.char_start,
        following.token_no + start_sizes.n_tokens - 1 as last_token_no,
        case start_sizes.n_tokens
            {%- for k in range(1, max_tokens + 1) %}
                when {{ k }} then following.end_{{ k }}
            {%- endfor %}
        end as char_end,
        case start_sizes.n_tokens
            {%- for k in range(1, max_tokens + 1) %}
                when {{ k }} then {{ "following.key_" ~ (range(1, k + 1) | join(" || ' ' || following.key_")) }} -- noqa: LT05
            {%- endfor %}
        end as match_key,
        translate(
            case start_sizes.n_tokens
                {%- for k in range(1, max_tokens + 1) %}
                    when {{ k }} then {{ "following.token_" ~ (range(1, k + 1) | join(" || ' ' || following.token_")) }} -- noqa: LT05
                {%- endfor %}
            end,
            '’‘‑–',
            '''''--'
        ) as case_key
    from following
    inner join start_sizes on following.key_1 = start_sizes.first_key

),

matched as (

    select
        grams.*,
        terms.lexicon,
        row_number() over (
            partition by terms.lexicon, grams.sentence_key, grams.first_token_no
            order by grams.n_tokens desc
        ) as length_rank
    from grams
    inner join terms
        on grams.match_key = terms.match_key and grams.n_tokens = terms.n_tokens

),

longest as (

    select
        *,
        coalesce(
            max(last_token_no) over (
                partition by lexicon, sentence_key order by first_token_no
                rows between unbounded preceding and 1 preceding
            ) >= last_token_no,
            false
        ) as is_covered
    from matched
    where length_rank = 1

),

final as (

    select
        lexicon,
        match_key,
        case_key,
        sentence_id,
        sentence_key,
        article_id,
        story_id,
        cast(first_token_no as integer) as first_token_no,
        cast(last_token_no as integer) as last_token_no,
        cast(n_tokens as integer) as n_tokens,
        cast(char_start as integer) as char_start,
        cast(char_end as integer) as char_end,
        is_covered
    from longest

)

select * from final
