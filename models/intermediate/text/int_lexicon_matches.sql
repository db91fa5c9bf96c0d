{#- Where the terms of the phrase lexicons occur in the text: one longest-match n-gram matcher.
    At each token that begins some term, the n-grams of the term lengths that begin with it are
    keyed like the terms (macros/text.sql) and looked up; per lexicon and start token only the
    longest term is kept, and a match inside a longer match of the same lexicon that starts
    earlier is flagged `is_covered`. Word-class lexicons need no n-grams: rules join
    int_tokens.token_key to them (see `phrase_lexicons`). -#}

{#- `or 12`: sqlfluff's stand-in for var() is no number. -#}
{%- set max_tokens = (var('lexicon_max_tokens') | int) or 12 %}

-- depends_on: {{ ref('int_stories_changed') }}

with

{# The window below sorts every token of the batch, so it carries only the key of each token;
   the ids and offsets of the few tokens that start a match join afterwards (`final`). #}
tokens as (

    select
        sentence_key,
        token_no,
        token_key
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
        sentence_key,
        token_no,
        {%- for k in range(1, max_tokens) %}
            lead(token_key, {{ k }}) over w as key_{{ k + 1 }},
        {%- endfor %}
        token_key as key_1
    from tokens
    window w as (partition by sentence_key order by token_no)

),

grams as (

    select
        following.sentence_key,
        start_sizes.n_tokens,
        following.token_no as first_token_no,
        following.token_no + start_sizes.n_tokens - 1 as last_token_no,
        case start_sizes.n_tokens
            {%- for k in range(1, max_tokens + 1) %}
                when {{ k }} then {{ "following.key_" ~ (range(1, k + 1) | join(" || ' ' || following.key_")) }} -- noqa: LT05
            {%- endfor %}
        end as match_key
    from following
    inner join start_sizes on following.key_1 = start_sizes.first_key

),

ranked as (

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
    from ranked
    where length_rank = 1

),

{# The surface and end of a match of several tokens, from its tokens (few matches are). #}
spanned as (

    select
        longest.lexicon,
        longest.sentence_key,
        longest.first_token_no,
        max(span_tokens.char_end) as char_end,
        {{ string_agg_ordered('span_tokens.token', "' '", 'span_tokens.token_no') }} as surface
    from longest
    inner join {{ ref('int_tokens') }} as span_tokens
        on
            longest.sentence_key = span_tokens.sentence_key
            and span_tokens.token_no between longest.first_token_no and longest.last_token_no
    where {{ in_changed_stories('span_tokens.story_id') }} and longest.n_tokens > 1
    group by longest.lexicon, longest.sentence_key, longest.first_token_no

),

final as (

    select
        longest.lexicon,
        longest.match_key,
        longest.sentence_key,
        first_tokens.story_id,
        cast(longest.first_token_no as integer) as first_token_no,
        cast(longest.last_token_no as integer) as last_token_no,
        cast(longest.n_tokens as integer) as n_tokens,
        cast(first_tokens.char_start as integer) as char_start,
        cast(coalesce(spanned.char_end, first_tokens.char_end) as integer) as char_end,
        longest.is_covered,
        {{ plain_marks('coalesce(spanned.surface, first_tokens.token)') }} as case_key
    from longest
    inner join {{ ref('int_tokens') }} as first_tokens
        on
            longest.sentence_key = first_tokens.sentence_key
            and longest.first_token_no = first_tokens.token_no
    left join spanned
        on
            longest.lexicon = spanned.lexicon
            and longest.sentence_key = spanned.sentence_key
            and longest.first_token_no = spanned.first_token_no
    where {{ in_changed_stories('first_tokens.story_id') }}

)

select * from final
