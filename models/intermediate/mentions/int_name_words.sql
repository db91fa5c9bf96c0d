

{#- The words of the article bodies, one row each, with what the name rules need to know about
    them: the word and number tokens of the shared token layer (int_tokens; a clitic `'s` and
    punctuation are no words, they fall in the gap before the next word), the characters
    between a word and the one before it (its gap), and the ends of the n-grams that start at it
    (end_2..end_8, for lexicon matching). The flags come from the name lexicons: common words,
    context words, head words, given names and legal suffixes. An all-capitals common word that
    an article defines as the acronym of the name before it (`the World Health Organisation
    (WHO)`) is no common word anywhere in that article. An adverb or a noun for people (seed
    counted_classes) that opens a sentence is a common word there (`Yesterday`, `Man charged`). -#}

{%- set max_words = 8 -%}

-- depends_on: {{ ref('int_stories_changed') }}

with

sentences as (

    select
        sentence_key,
        article_id,
        story_id,
        is_heading,
        char_start,
        sentence_text
    from {{ ref('int_sentences') }}
    where {{ in_changed_stories() }}

),

-- adverbs that may open a sentence before a name (`Later`, `Yesterday`)
opening_adverbs as (

    select match_key from {{ ref('stg_lexicons__reaction_function_words') }}
    where role = 'adverb'

),

-- the nouns a count of people counts (`man`, `teen`, `suspect`; counted_classes), of one word
opening_people as (

    select distinct match_key from {{ ref('stg_lexicons__counted_classes') }}
    where counts_people and kind = 'noun' and n_tokens = 1

),

tokens as (

    select
        sentence_key,
        word_no,
        token as word,
        char_start as word_start,
        char_end as word_end
    from {{ ref('int_tokens') }}
    where {{ in_changed_stories() }} and token_kind in ('word', 'number')

),

located as (

    select
        *,
        {% for k in range(2, max_words + 1) -%}
            lead(word_end, {{ k - 1 }}) over sentence_words as end_{{ k }},
        {% endfor -%}
        coalesce(lag(word_end) over sentence_words, -1) as prev_end
    from tokens
    -- The sort carries the sentence key, not the 64-character ids, which this table leaves out.
    window sentence_words as (partition by sentence_key order by word_no)

),

-- an all-capitals common word in parentheses right after the name it abbreviates (`the World
-- Health Organisation (WHO)`, `the Open Network (ON)`): the article's name, not the word. Read
-- from the relations, not the CTEs above: a CTE read twice is materialised whole.
acronym_candidates as (

    select
        candidates.sentence_key,
        in_sentences.article_id,
        candidates.word_no,
        candidates.token as word
    from {{ ref('int_tokens') }} as candidates
    inner join {{ ref('stg_lexicons__name_common_words') }} as common_words
        on lower(candidates.token) = common_words.match_key
    inner join {{ ref('int_sentences') }} as in_sentences on candidates.sentence_key = in_sentences.sentence_key
    where
        {{ in_changed_stories('candidates.story_id') }}
        and candidates.token_kind = 'word'
        and candidates.token = upper(candidates.token)
        and {{ regex_contains('candidates.token', "'^\\p{Lu}{2,}$'") }}
        and substr(in_sentences.sentence_text, candidates.char_start - in_sentences.char_start, 1) = '('

),

defined_acronyms as (

    select distinct
        article_id,
        word
    from (
        select
            acronym_candidates.article_id,
            acronym_candidates.word,
            {{ string_agg_ordered('left(earlier.token, 1)', "''", 'earlier.word_no') }} as initials
        from acronym_candidates
        inner join {{ ref('int_tokens') }} as earlier
            on
                acronym_candidates.sentence_key = earlier.sentence_key
                and earlier.word_no between acronym_candidates.word_no - 8 and acronym_candidates.word_no - 1
        where {{ regex_contains('earlier.token', "'^\\p{Lu}'") }}
        group by
            acronym_candidates.sentence_key,
            acronym_candidates.article_id,
            acronym_candidates.word_no,
            acronym_candidates.word
    ) as abbreviated
    where right(initials, length(word)) = word

),

final as (

    select
        located.sentence_key,
        sentences.story_id,
        sentences.is_heading,
        located.word_no,
        located.word,
        located.word_start,
        located.word_end,
        {% for k in range(2, max_words + 1) -%}
            located.end_{{ k }},
        {% endfor -%}
        coalesce(
            head_words.entity_type, case when company_head_words.word is not null then 'organization' end
        ) as head_type,
        context_words.role as context_role,
        lower(located.word) as word_lower,
        -- the first word's gap runs from the sentence start
        substr(
            sentences.sentence_text,
            case when located.prev_end < 0 then 1 else located.prev_end - sentences.char_start + 1 end,
            located.word_start - case when located.prev_end < 0 then sentences.char_start else located.prev_end end
        ) as gap,
        {{ regex_contains('located.word', "'^\\p{Lu}'") }} as is_cap,
        {{ regex_contains('located.word', "'^\\p{Lu}[\\p{Lu}\\p{N}.]+$'") }} as is_upper,
        (common_words.match_key is not null and defined_acronyms.word is null)
        -- an adverb opening a sentence opens no name (`Later van Houten told`, `Yesterday Lind said`)
        or (located.word_no = 1 and opening_adverbs.match_key is not null and located.word != upper(located.word))
        -- so does a noun for people that opens it (`Man charged after ...`, `Teen shot`), unless it
        -- heads a body's name (`Police Scotland said`)
        or (
            located.word_no = 1 and opening_people.match_key is not null and head_words.case_key is null
            and located.word != upper(located.word)
        )
            as is_common,
        given_names.given_name is not null as is_given_name,
        -- a legal form that is also a person's name only in capitals (`Equinor ASA`, not `Irene Vos`)
        legal_suffixes.suffix is not null
        and (not legal_suffixes.is_person_name or located.word = upper(located.word)) as is_legal_suffix
    from located
    inner join sentences on located.sentence_key = sentences.sentence_key
    left join {{ ref('stg_lexicons__name_common_words') }} as common_words
        on lower(located.word) = common_words.match_key
    left join opening_adverbs on lower(located.word) = opening_adverbs.match_key
    left join opening_people on lower(located.word) = opening_people.match_key
    left join defined_acronyms
        on sentences.article_id = defined_acronyms.article_id and located.word = defined_acronyms.word
    left join {{ ref('stg_lexicons__name_context_words') }} as context_words
        on lower(located.word) = context_words.match_key
    left join {{ ref('stg_lexicons__name_head_words') }} as head_words on located.word = head_words.case_key
    left join {{ ref('name_company_head_words') }} as company_head_words on located.word = company_head_words.word
    left join {{ ref('name_given_names') }} as given_names on located.word = given_names.given_name
    left join {{ ref('name_legal_suffixes') }} as legal_suffixes on lower(located.word) = legal_suffixes.suffix

)

select * from final
