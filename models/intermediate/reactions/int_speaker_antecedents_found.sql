{#- The names `he`/`she` before a quote may point to (int_quotes_attributed takes the last one
    since the last quote): a mention int_mentions_extracted typed as a person, or an untyped name
    of two words or more (`Helen Lindqvist, a driver, said`), unless it is the object of a
    preposition or a possessive, which modify another noun phrase rather than name whoever
    speaks next: in `Steve Milunovich at First Boston said ... “...,” he said`, `Mr. Weil of
    Weil amp Associates`, `an analyst with Bear, Stearns`, `Michael Swavely, president of Compaq's
    North America division`, the company typed as a person is no antecedent. A preposition is a
    word of seed reaction_function_words that ends a phrase, connects one or opens an absolute
    construction (`at`, `with`, `of`,
    `for`). -#}

-- depends_on: {{ ref('int_stories_changed') }}

with

mentions as (

    select
        article_id,
        story_id,
        char_start,
        char_end,
        surface
    from {{ ref('int_mentions_extracted') }}
    where
        {{ in_changed_stories() }}
        and (entity_type = 'person' or (entity_type is null and name_words >= 2))

),

-- the token before each mention and the one after it, each read from the relation: a CTE read
-- twice is materialised whole, and these are every token of the batch
tokens_before as (

    select
        article_id,
        char_start,
        prev_token_key
    from {{ ref('int_tokens') }}
    where {{ in_changed_stories() }}

),

tokens_after as (

    select
        article_id,
        char_end,
        next_token_key
    from {{ ref('int_tokens') }}
    where {{ in_changed_stories() }}

),

prepositions as (

    select word
    from {{ ref('reaction_function_words') }}
    where role in ('phrase_end', 'connector', 'absolute')

),

final as (

    select
        mentions.article_id,
        mentions.story_id,
        mentions.char_start,
        mentions.char_end,
        {{ regex_replace_all("mentions.surface", "'\\s+'", "' '") }} as written
    from mentions
    left join tokens_before as first_token
        on
            mentions.article_id = first_token.article_id
            and mentions.char_start = first_token.char_start
    left join tokens_after as last_token
        on
            mentions.article_id = last_token.article_id
            and mentions.char_end = last_token.char_end
    left join prepositions
        on first_token.prev_token_key = prepositions.word
    where
        prepositions.word is null
        and coalesce(last_token.next_token_key, '') != '''s'

)

select * from final
