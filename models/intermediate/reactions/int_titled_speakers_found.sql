{#- The person a title after `the` alone stands for (`"...," the minister said`, `the chief
    justice said`): the one the article last names before the quote with a role that ends in
    that title's words
    (int_person_roles_found: `Transport minister Helena Varga urged ...`, `Jana Kopecka, the
    health minister,`), or whose role ends in an abbreviation of that title (seed
    title_abbreviations: `said the congressman` after `Rep. Tim Vasquez`), by a name of two words
    or more that may speak (int_speaker_antecedents_found). Read by int_speakers_named, which
    makes the quote hers.
    An age after `the` alone (`"...," the 29-year-old said`) stands for a person the same way: the
    one the article last names before the quote (an antecedent of int_speaker_antecedents_found),
    a surname by the full name of the story that ends in it (int_run_full_names_found, the
    article's own first, as int_speakers_named completes a surname). -#}

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

-- each person's role as written, and the titles its last word abbreviates (`Rep.`: representative,
-- congressman, congresswoman)
person_titles as (

    select
        article_id,
        entity_name,
        lower(speaker_role) as role_words
    from person_roles

    union all

    select
        person_roles.article_id,
        person_roles.entity_name,
        abbreviations.title as role_words
    from person_roles
    inner join {{ ref('title_abbreviations') }} as abbreviations
        on
            replace(lower({{ regex_extract('person_roles.speaker_role', last_word_regex(), 1) }}), '.', '')
            = abbreviations.abbreviation

),

antecedents as (

    select * from {{ ref('int_speaker_antecedents_found') }}
    where {{ in_changed_stories() }}

),

full_names as (

    select * from antecedents
    where written like '% %'

),

-- the full names the story writes at the end of its capitalised runs, which a surname stands for
named_people as (

    select * from {{ ref('int_run_full_names_found') }}
    where {{ in_changed_stories() }}

),

title_nouns as (

    select term as noun from {{ ref('stg_lexicons__speaker_nouns') }}
    where role = 'title'

),

-- `the minister`, `the chief justice`: a body phrase of `the` and the last words of a title: one
-- title noun, or two words or more (a title's words need not be title nouns themselves: `Chief
-- Justice`)
titles_alone as (

    select
        attributed.quote_key,
        attributed.story_id,
        attributed.article_id,
        attributed.char_start,
        lower(substr(attributed.speaker_phrase, 5)) as title_words
    from attributed
    inner join phrases
        on attributed.quote_key = phrases.quote_key
    left join title_nouns
        on phrases.head_key = title_nouns.noun
    where
        phrases.speaker_class = 'body'
        and lower(attributed.speaker_phrase) like 'the %'
        and (
            lower(attributed.speaker_phrase) = 'the ' || title_nouns.noun
            or (
                lower(attributed.speaker_phrase) like 'the % %'
                and lower(attributed.speaker_phrase) like '% ' || phrases.head_key
            )
        )

),

-- `the 29-year-old`: an age that describes whoever the article last named
ages_alone as (

    select
        attributed.quote_key,
        attributed.story_id,
        attributed.article_id,
        attributed.char_start
    from attributed
    where {{ regex_contains('lower(attributed.speaker_phrase)', "'^the [0-9]{1,3}-year-old$'") }}

),

aged_last_named as (

    select
        ages_alone.quote_key,
        ages_alone.story_id,
        ages_alone.article_id,
        {{ arg_max_by('antecedents.written', 'antecedents.char_start') }} as written,
        max(antecedents.char_start) as written_start
    from ages_alone
    inner join antecedents
        on ages_alone.article_id = antecedents.article_id and ages_alone.char_start >= antecedents.char_end
    group by ages_alone.quote_key, ages_alone.story_id, ages_alone.article_id

),

aged_people as (

    select
        aged_last_named.quote_key,
        aged_last_named.story_id,
        coalesce(
            {{ arg_min_by(
                'named_people.full_name',
                'case when named_people.article_id = aged_last_named.article_id then 0 else 1 end * 1000000 '
                ~ '+ named_people.first_run_no'
            ) }},
            any_value(aged_last_named.written)
        ) as person_name
    from aged_last_named
    left join named_people
        on
            aged_last_named.story_id = named_people.story_id
            and aged_last_named.written = named_people.surname
    group by aged_last_named.quote_key, aged_last_named.story_id

),

titled_people as (

    select
        titles_alone.quote_key,
        titles_alone.story_id,
        {{ arg_max_by('person_titles.entity_name', 'full_names.char_start') }} as person_name
    from titles_alone
    inner join person_titles
        on
            titles_alone.article_id = person_titles.article_id
            and (
                titles_alone.title_words = person_titles.role_words
                or person_titles.role_words like '% ' || titles_alone.title_words
            )
    inner join full_names
        on
            person_titles.article_id = full_names.article_id
            and person_titles.entity_name = full_names.written
            and titles_alone.char_start > full_names.char_start
    group by titles_alone.quote_key, titles_alone.story_id

),

final as (

    select * from titled_people
    union all
    select * from aged_people

)

select * from final
