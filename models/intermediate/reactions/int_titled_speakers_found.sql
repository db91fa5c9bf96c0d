{#- The person a title after `the` alone stands for (`"...," the minister said`): the one the
    article last names before the quote with a role that ends in that title
    (int_person_roles_found: `Transport minister Helena Varga urged ...`, `Jana Kopecka, the
    health minister,`), by a name of two words or more that may speak
    (int_speaker_antecedents_found). Read by int_speakers_named, which makes the quote hers. -#}

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

person_roles as (

    select * from {{ ref('int_person_roles_found') }}
    where {{ in_changed_stories() }}

),

full_names as (

    select * from {{ ref('int_speaker_antecedents_found') }}
    where {{ in_changed_stories() }} and written like '% %'

),

title_nouns as (

    select noun from {{ ref('speaker_nouns') }}
    where role = 'title'

),

-- `the minister`: a body phrase of the title alone after `the`
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

final as (

    select
        titles_alone.quote_key,
        titles_alone.story_id,
        {{ arg_max_by('person_roles.entity_name', 'full_names.char_start') }} as person_name
    from titles_alone
    inner join person_roles
        on
            titles_alone.article_id = person_roles.article_id
            and titles_alone.head_key = lower({{ regex_extract('person_roles.speaker_role', last_word_regex(), 1) }})
    inner join full_names
        on
            person_roles.article_id = full_names.article_id
            and person_roles.entity_name = full_names.written
            and titles_alone.char_start > full_names.char_start
    group by titles_alone.quote_key, titles_alone.story_id

)

select * from final
