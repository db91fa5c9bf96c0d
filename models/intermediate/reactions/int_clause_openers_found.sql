{#- The capitalised words of the batch that a name opening its clause may start at: no word before
    them since the sentence's start, a punctuation mark or a clause word (`that`, `who`) but
    capitalised words, titles, speaker nouns, determiners, `of`, `and`, a hyphenated compound
    (`34-year-old`), a lower-case word before another of these (`former Wallaby captain`), or a cue
    verb opening the clause (`"...," said Ana Costa`). A name there is the clause's subject (or
    the speaker of the quote before), which int_quote_speakers_chosen prefers for `he`/`she` over
    a name after a verb (`Nick Farr-Jones believes Campese may ...`: `Campese` opens nothing).
    Read by int_speaker_antecedents_found, so only the sentences that name one of its candidates
    (a person, or an untyped name of two words or more) are read: the windows below sort every
    token they read. -#}

-- depends_on: {{ ref('int_stories_changed') }}

with

named_sentences as (

    select distinct sentences.sentence_key
    from {{ ref('int_mentions_extracted') }} as mentions
    inner join {{ ref('int_sentences') }} as sentences on mentions.sentence_id = sentences.sentence_id
    where
        {{ in_changed_stories('mentions.story_id') }}
        and {{ in_changed_stories('sentences.story_id') }}
        and (mentions.entity_type = 'person' or (mentions.entity_type is null and mentions.name_words >= 2))

),

tokens as (

    select
        sentence_key,
        story_id,
        token_no,
        token,
        token_key,
        token_kind,
        is_capitalised,
        prev_token_key,
        next_token_key
    from {{ ref('int_tokens') }}
    where
        {{ in_changed_stories() }}
        and sentence_key in (select named_sentences.sentence_key from named_sentences)

),

-- words that may stand before a name in its own noun phrase
subject_nouns as (

    select term as noun from {{ ref('stg_lexicons__name_titles') }}
    union
    select term as noun from {{ ref('stg_lexicons__speaker_nouns') }}

),

clause_words as (

    select match_key
    from {{ ref('stg_lexicons__reaction_function_words') }}
    where role = 'clause_boundary'

),

-- determiners, `of`, `and`: inside a subject's noun phrase (`the club's captain`, `Minister of
-- Sport`)
phrase_words as (

    select match_key
    from {{ ref('stg_lexicons__reaction_function_words') }}
    where role in ('determiner', 'connector', 'coordinator')

),

cue_verbs as (

    select match_key from {{ ref('stg_lexicons__cue_verbs') }}
    where form = 'finite'

),

classified as (

    select
        tokens.sentence_key,
        tokens.story_id,
        tokens.token_no,
        tokens.is_capitalised and tokens.token_kind = 'word' as is_name_start,
        -- punctuation that parts clauses, not a word's own (`45-year-old`, `Dr.`, `O’Neill`, `AT&T`)
        (tokens.token_kind = 'punct' and tokens.token not in ('-', '‑', '.', '''', '’', '&', '/'))
        or clause_words.match_key is not null as is_break,
        cue_verbs.match_key is not null and not tokens.is_capitalised as is_cue,
        tokens.is_capitalised or subject_nouns.noun is not null as is_name_word,
        -- a lower-case word outside a noun phrase: most often a verb
        tokens.token_kind = 'word'
        and not tokens.is_capitalised
        and subject_nouns.noun is null
        and phrase_words.match_key is null
        and clause_words.match_key is null
        and '-' not in (coalesce(tokens.prev_token_key, ''), coalesce(tokens.next_token_key, '')) as is_loose
    from tokens
    left join subject_nouns
        on tokens.token_key = subject_nouns.noun
    left join clause_words
        on tokens.token_key = clause_words.match_key
    left join phrase_words
        on tokens.token_key = phrase_words.match_key
    left join cue_verbs
        on tokens.token_key = cue_verbs.match_key

),

-- each token with the last clause break before it
clauses as (

    select
        *,
        coalesce(
            max(case when is_break then token_no end) over (
                partition by sentence_key order by token_no rows between unbounded preceding and 1 preceding
            ),
            0
        ) as clause_no,
        coalesce(lead(is_name_word) over (partition by sentence_key order by token_no), false) as before_name_word
    from classified

),

-- a loose word keeps any later name from opening the clause, unless it is the cue opening the
-- clause
verbs as (

    select
        *,
        is_loose and not (is_cue and token_no = clause_no + 1) as is_verb_like
    from clauses

),

-- one before a name word (`former Wallaby captain`) keeps only the name right after it
loose_words as (

    select
        *,
        coalesce(
            max(case when is_verb_like and not before_name_word then token_no end) over (
                partition by sentence_key order by token_no rows between unbounded preceding and 1 preceding
            ),
            0
        ) as last_loose_no
    from verbs

),

final as (

    select
        sentence_key,
        story_id,
        token_no
    from (
        select
            sentence_key,
            story_id,
            token_no,
            is_name_start,
            clause_no,
            last_loose_no,
            coalesce(lag(is_verb_like) over (partition by sentence_key order by token_no), false) as after_verb_like
        from loose_words
    ) as placed
    where is_name_start and last_loose_no <= clause_no and not after_verb_like

)

select * from final
