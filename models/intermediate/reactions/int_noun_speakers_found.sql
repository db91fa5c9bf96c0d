{#- Who a noun alone after `the` stands for, where no person has it as a title
    (int_titled_speakers_found):
      - a business (`"...," the company said`, `the firm said`: macro company_nouns) is the
        organisation the article last names before the quote (int_mentions_extracted), as `the
        minister said` is the person last named with that title. A name that holds the noun of
        another kind of body (`Ministry of Industry`, `Metalwork Union`) names no company, and a
        name after a preposition or a determiner but `the`, or before a possessive, modifies
        another noun phrase (`the company's acquisition of Emery`, `its Emery Worldwide
        business`, `it violated MindSpring's policy`): the company spoken of there is not the
        one that speaks next;
      - a title noun (`the spokesman said`) is the last speaker of reported speech before the
        quote that the article introduced by that noun after `a`/`an` and more words (`A
        spokesman for the utility, Northgas, said it was checking its records`:
        int_speech_subjects_found), as written without its article.
    Read by int_speakers_named, which makes the quote theirs; the phrase stays the speaker's
    surface as written. -#}

-- depends_on: {{ ref('int_stories_changed') }}

with

attributed as (

    select * from {{ ref('int_quotes_attributed') }}
    where {{ in_changed_stories() }}

),

phrases as (

    select * from {{ ref('int_speaker_phrases_read') }}
    where {{ in_changed_stories() }}

),

organisations as (

    select
        article_id,
        sentence_id,
        char_start,
        char_end,
        entity_name
    from {{ ref('int_mentions_extracted') }}
    -- the agency credited in the dateline (`ORLENSK (Continental Wire) -`) reports the story, it is
    -- no company in it
    where
        {{ in_changed_stories() }} and entity_type = 'organization'
        and detected_by is distinct from 'run_wire_credit'

),

sentences as (

    select
        sentence_id,
        char_start,
        sentence_text
    from {{ ref('int_sentences') }}
    where {{ in_changed_stories() }}

),

-- the words after which a name is the object of a preposition, or modifies the noun after it
-- (`its Emery Worldwide business`, `a Varnell spokeswoman`): prepositions and determiners of
-- stg_lexicons__reaction_function_words, but `the`, which opens a body's name as often (`the European
-- Union said`)
prepositions as (

    select match_key
    from {{ ref('stg_lexicons__reaction_function_words') }}
    where role in ('phrase_end', 'connector', 'absolute') or (role = 'determiner' and term != 'the')

),

speech_subjects as (

    select
        article_id,
        subject_start,
        subject,
        cue_pronoun,
        verb_apart
    from {{ ref('int_speech_subjects_found') }}
    where {{ in_changed_stories() }}

),

title_nouns as (

    select term as noun from {{ ref('stg_lexicons__speaker_nouns') }}
    where role = 'title'

),

-- nouns of bodies that are no company: a name holding one is a ministry's, a union's
body_nouns as (

    select term as noun from {{ ref('stg_lexicons__speaker_nouns') }}
    where role = 'organisation' and term not in {{ company_nouns() }}

),

-- `the company`: the noun alone after `the`
companies_alone as (

    select
        attributed.quote_key,
        attributed.story_id,
        attributed.article_id,
        attributed.char_start
    from attributed
    inner join phrases
        on attributed.quote_key = phrases.quote_key
    where
        phrases.speaker_class in ('body', 'other')
        and lower(attributed.speaker_phrase) like 'the %'
        and lower(substr(attributed.speaker_phrase, 5)) in {{ company_nouns() }}

),

-- the organisations named before such a quote in its article, no other body's name among them,
-- each with the text of its sentence before it and the two characters after it
named_before as (

    select
        companies_alone.quote_key,
        companies_alone.story_id,
        organisations.char_start,
        organisations.entity_name,
        substr(sentences.sentence_text, 1, organisations.char_start - sentences.char_start) as text_before,
        substr(sentences.sentence_text, organisations.char_end - sentences.char_start + 1, 2) as text_after
    from companies_alone
    inner join organisations
        on
            companies_alone.article_id = organisations.article_id
            and companies_alone.char_start > organisations.char_start
    inner join sentences
        on organisations.sentence_id = sentences.sentence_id
    left join body_nouns
        on ' ' || lower(organisations.entity_name) || ' ' like '% ' || body_nouns.noun || ' %'
    where body_nouns.noun is null

),

candidates as (

    select
        named_before.quote_key,
        named_before.story_id,
        named_before.char_start,
        named_before.entity_name
    from named_before
    left join prepositions
        on lower({{ regex_extract('named_before.text_before', trailing_word_regex(), 1) }}) = prepositions.match_key
    where prepositions.match_key is null and named_before.text_after not in ('''s', '’s')

),

companies as (

    select
        quote_key,
        story_id,
        {{ arg_max_by('entity_name', 'char_start') }} as speaker_name
    from candidates
    group by quote_key, story_id

),

-- `the spokesman`: a title noun alone after `the`
titles_alone as (

    select
        attributed.quote_key,
        attributed.story_id,
        attributed.article_id,
        attributed.char_start,
        phrases.head_key
    from attributed
    inner join phrases
        on attributed.quote_key = phrases.quote_key
    inner join title_nouns
        on phrases.head_key = title_nouns.noun
    where phrases.speaker_class = 'body' and lower(attributed.speaker_phrase) = 'the ' || phrases.head_key

),

spokespeople as (

    select
        titles_alone.quote_key,
        titles_alone.story_id,
        {{ arg_max_by(
            regex_replace('speech_subjects.subject', indefinite_article_regex(), "''"),
            'speech_subjects.subject_start'
        ) }} as speaker_name
    from titles_alone
    inner join speech_subjects
        on
            titles_alone.article_id = speech_subjects.article_id
            and titles_alone.char_start > speech_subjects.subject_start
    where
        {{ regex_contains('speech_subjects.subject', indefinite_article_regex()) }}
        and speech_subjects.cue_pronoun is null
        and not coalesce(speech_subjects.verb_apart, false)
        and lower(speech_subjects.subject) like '% ' || titles_alone.head_key || ' %'
    group by titles_alone.quote_key, titles_alone.story_id

),

final as (

    select * from companies
    union all
    select * from spokespeople

)

select * from final
