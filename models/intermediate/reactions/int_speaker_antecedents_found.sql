{#- The names `he`/`she` before a quote may point to (int_quote_speakers_chosen chooses among those
    since the last quote): a mention int_mentions_extracted typed as a person, or an untyped name
    of two words or more (`Helen Lindqvist, a driver, said`), unless it is the object of a
    preposition or a possessive, which modify another noun phrase rather than name whoever
    speaks next: in `Steve Milunovich at First Boston said ... “...,” he said`, `Mr. Weil of
    Weil amp Associates`, `an analyst with Bear, Stearns`, `Michael Swavely, president of Compaq's
    North America division`, the company typed as a person is no antecedent. A preposition is a
    word of seed reaction_function_words that ends a phrase, connects one or opens an absolute
    construction (`at`, `with`, `of`, `for`). A title between them does not make the name a
    subject (`younger brother of President Fidel Castro`: `Fidel Castro` is no antecedent). Nor is
    a name before a title, which says whose title it is (`Miami-Dade Mayor Alex Penelas`), or
    before a speaker noun of a title or a body (seed speaker_nouns), which it modifies (`Brennard
    police Sgt. Lorena Whitcomb`: the town, typed a person, is not who `she` is).
    int_speakers_named also takes the full name a shared surname stands for from these names.
    Each carries the gender of its full name's first word (seed name_given_genders), where known
    (a surname alone: of the full name before it that ends in it, antecedent or not, none if
    they differ or the seed knows no gender of that full name's first word),
    and whether it opens its clause (int_clause_openers_found: its subject, or the speaker of
    the quote before, which `he said` points to rather than a name after a verb). -#}

-- depends_on: {{ ref('int_stories_changed') }}

with

mentions as (

    select
        article_id,
        sentence_id,
        story_id,
        char_start,
        char_end,
        surface,
        entity_name
    from {{ ref('int_mentions_extracted') }}
    where
        {{ in_changed_stories() }}
        and (entity_type = 'person' or (entity_type is null and name_words >= 2))

),

-- tokens carry the sentence's key, not its id
sentence_keys as (

    select
        sentence_id,
        sentence_key,
        char_start as sentence_start,
        -- `He said ... Osama Bin Laden, who lives ...`: names after an opening `he`/`she` are in
        -- what that pronoun's speaker said
        lower(nullif({{ regex_extract('sentence_text', "'^(He|She)\\s'", 1) }}, '')) as opening_pronoun
    from {{ ref('int_sentences') }}
    where {{ in_changed_stories() }}

),

titles as (

    select term as title from {{ ref('stg_lexicons__name_titles') }}

),

speaker_nouns as (

    select match_key from {{ ref('stg_lexicons__speaker_nouns') }}
    where role in ('title', 'organisation')

),

-- the token before each mention and the one after it, each read from the relation: a CTE read
-- twice is materialised whole, and these are every token of the batch
tokens_before as (

    select
        sentence_key,
        char_start,
        token_no,
        prev_token_key
    from {{ ref('int_tokens') }}
    where {{ in_changed_stories() }}

),

-- the one-word titles of the batch's text (`President`), with the token before each
title_tokens as (

    select
        sentence_key,
        token_no,
        prev_token_key
    from {{ ref('int_tokens') }}
    where
        {{ in_changed_stories() }}
        and token_key in (select titles.title from titles)

),

clause_openers as (

    select
        sentence_key,
        token_no
    from {{ ref('int_clause_openers_found') }}
    where {{ in_changed_stories() }}

),

tokens_after as (

    select
        sentence_key,
        char_end,
        next_token_key
    from {{ ref('int_tokens') }}
    where {{ in_changed_stories() }}

),

prepositions as (

    select match_key
    from {{ ref('stg_lexicons__reaction_function_words') }}
    where role in ('phrase_end', 'connector', 'absolute')

),

eligible {{ materialized_cte() }} (

    select
        mentions.article_id,
        mentions.story_id,
        mentions.char_start,
        mentions.char_end,
        sentence_keys.sentence_key,
        sentence_keys.sentence_start,
        sentence_keys.opening_pronoun,
        clause_openers.token_no is not null as opens_clause,
        {{ regex_replace_all("mentions.surface", "'\\s+'", "' '") }} as written,
        -- the gender of the person's first name, where seed name_given_genders knows one
        genders.gender
    from mentions
    left join {{ ref('name_given_genders') }} as genders
        on {{ regex_extract('mentions.entity_name', nth_word_regex(1), 1) }} = genders.given_name
    inner join sentence_keys on mentions.sentence_id = sentence_keys.sentence_id
    left join tokens_before as first_token
        on
            sentence_keys.sentence_key = first_token.sentence_key
            and mentions.char_start = first_token.char_start
    left join tokens_after as last_token
        on
            sentence_keys.sentence_key = last_token.sentence_key
            and mentions.char_end = last_token.char_end
    left join title_tokens
        on
            first_token.sentence_key = title_tokens.sentence_key
            and first_token.token_no - 1 = title_tokens.token_no
    left join prepositions
        on coalesce(title_tokens.prev_token_key, first_token.prev_token_key) = prepositions.match_key
    left join clause_openers
        on
            first_token.sentence_key = clause_openers.sentence_key
            and first_token.token_no = clause_openers.token_no
    left join titles as next_titles
        on last_token.next_token_key = next_titles.title
    left join speaker_nouns as next_nouns
        on last_token.next_token_key = next_nouns.match_key
    where
        prepositions.match_key is null
        and coalesce(last_token.next_token_key, '') != '''s'
        -- a name before a title modifies the name after it (`Miami-Dade Mayor Alex Penelas`), one
        -- before a speaker noun that noun (`Brennard police Sgt. Lorena Whitcomb`)
        and next_titles.title is null
        and next_nouns.match_key is null

),

-- the gender of every person's full name, antecedent or not: `Senator Clara Whitfield` after `led
-- by` speaks for no `she`, but tells whose surname `Whitfield` is; `unknown` where the seed
-- knows no gender of its first word (`Evelyn Marsh`), whose surname is then of neither, though
-- the seed gives `Marsh` as a man's given name
full_name_genders as (

    select
        mentions.article_id,
        mentions.char_start,
        {{ regex_replace_all("mentions.surface", "'\\s+'", "' '") }} as written,
        coalesce(genders.gender, 'unknown') as gender
    from mentions
    left join {{ ref('name_given_genders') }} as genders
        on {{ regex_extract('mentions.entity_name', nth_word_regex(1), 1) }} = genders.given_name
    where mentions.surface like '% %'

),

-- a surname alone has the gender of the last full name before it that ends in it (`Janet Reno`
-- ... `Reno said she`)
surname_genders as (

    select
        surnames.article_id,
        surnames.char_start,
        {{ arg_max_by('full_names.gender', 'full_names.char_start') }} as gender
    from eligible as surnames
    inner join full_name_genders as full_names
        on
            surnames.article_id = full_names.article_id
            and surnames.char_start > full_names.char_start
            and full_names.written like '% ' || surnames.written
    where surnames.written not like '% %'
    group by surnames.article_id, surnames.char_start

),

final as (

    select
        eligible.article_id,
        eligible.story_id,
        eligible.char_start,
        eligible.char_end,
        eligible.sentence_start,
        eligible.opening_pronoun,
        eligible.written,
        eligible.opens_clause,
        -- a surname that is a given name of the other gender too is of neither (`Reno`, `Nadir`
        -- of a full name the seed says is a woman's)
        case
            when surname_genders.gender is null then eligible.gender
            when surname_genders.gender = 'unknown' then null
            when eligible.gender is null or eligible.gender = surname_genders.gender then surname_genders.gender
        end as gender
    from eligible
    left join surname_genders
        on
            eligible.article_id = surname_genders.article_id
            and eligible.char_start = surname_genders.char_start

)

select * from final
