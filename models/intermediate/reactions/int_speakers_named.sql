{#- The canonical speaker of every quote that names its own (int_speaker_phrases_read), with its
    affiliation; pronoun phrases are left to int_reactions_extracted, which continues the last
    speaker.
      - A document (`the statement`) is the joint document mentioned earlier in the article (or
        in the quote's own attribution: `..., the two said in a joint statement`), else the body
        it came `from`/`by` (`a statement from its state commission`), both read by
        int_speaker_documents_found, else the document noun;
        the parties together (`the two countries`, `both sides`) are the joint document when
        there is one. Both then speak for the story's principals (int_story_principals).
      - A surname alone takes the two-word name at the end of a capitalised run of the story
        (int_run_full_names_found: its first word no title, common word or known entity) that
        ends in it, from the same article first, earliest first. A surname that two
        or more such names share (`Elian Gonzalez`, `Juan Miguel Gonzalez`) takes the name of two
        or more words ending in it that the article writes last before the quote and that may
        speak (int_speaker_antecedents_found: no preposition's object or possessive).
      - A title after `the` alone (`the minister said`) is the person int_titled_speakers_found
        finds (`Transport minister Helena Varga` before the quote), an epithet (`the Illinois
        Democrat`) the one int_epithet_speakers_found finds.
      - A company or an unnamed title after `the` alone (`the company said`, `the spokesman
        said`) is who int_noun_speakers_found finds (the organisation last named before the
        quote; `a spokesman for the utility` of reported speech before it).
      - A shorter name of a body (`the Turkish ministry`) takes the earlier, fuller name of the
        article with the same last word and affiliation.
      - A person's name takes the longest name of the story that ends in it and opens with a given
        name (`Oscar Luigi Scalfaro` for `Scalfaro`, not `Luigi Scalfaro` of `Italian President
        Oscar Luigi Scalfaro`), in any case (`Pieter van Houten` for `Van Houten` opening a
        sentence).
      - A person without an affiliation or role takes the one given with the same name elsewhere in the
        story. -#}

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

documents as (

    select * from {{ ref('int_speaker_documents_found') }}
    where {{ in_changed_stories() }}

),

-- two-word names at the end of capitalised runs of the story whose first word may be a given name
named_people as (

    select * from {{ ref('int_run_full_names_found') }}
    where {{ in_changed_stories() }}

),

principal_lists as (

    select
        story_id,
        {{ string_agg_ordered('entity_name', "'; '", 'entity_name') }} as principal_names
    from {{ ref('int_story_principals') }}
    where {{ in_changed_stories() }}
    group by story_id

),

-- names of people of two words or more that may speak (no preposition's object or possessive),
-- by the surname they end in
full_name_mentions as (

    select
        article_id,
        story_id,
        char_start,
        written,
        {{ regex_extract("written", last_word_regex(), 1) }} as surname,
        {{ regex_extract("written", nth_word_regex(1), 1) }} as given_name
    from {{ ref('int_speaker_antecedents_found') }}
    where {{ in_changed_stories() }} and written like '% %'

),

titled_people as (

    select * from {{ ref('int_titled_speakers_found') }}
    where {{ in_changed_stories() }}
    union all
    select * from {{ ref('int_epithet_speakers_found') }}
    where {{ in_changed_stories() }}

),

noun_speakers as (

    select * from {{ ref('int_noun_speakers_found') }}
    where {{ in_changed_stories() }}

),

explicit_speakers as (

    select
        attributed.quote_key,
        attributed.quote_id,
        attributed.article_id,
        attributed.story_id,
        attributed.quote_index,
        attributed.char_start,
        phrases.speaker_class,
        phrases.is_third_party,
        phrases.speaker_role,
        case
            when phrases.speaker_class = 'document' and phrases.has_joint
                then 'joint ' || phrases.head_key
            when phrases.speaker_class in ('document', 'parties') and documents.joint_noun is not null
                then 'joint ' || documents.joint_noun
            when phrases.speaker_class = 'document'
                then coalesce(documents.source_name, phrases.head_key)
            else phrases.speaker_name
        end as speaker,
        case
            when
                phrases.speaker_class = 'parties'
                or (
                    phrases.speaker_class = 'document'
                    and (phrases.has_joint or documents.joint_noun is not null)
                )
                then principal_lists.principal_names
            else phrases.affiliation
        end as speaker_affiliation
    from attributed
    inner join phrases
        on attributed.quote_key = phrases.quote_key
    left join documents
        on attributed.quote_key = documents.quote_key
    left join principal_lists
        on attributed.story_id = principal_lists.story_id
    where phrases.speaker_class != 'pronoun'

),

person_fuller as (

    select
        explicit_speakers.quote_key,
        {{ arg_min_by(
            'named_people.full_name',
            'case when named_people.article_id = explicit_speakers.article_id then 0 else 1 end * 1000000 '
            ~ '+ named_people.first_run_no'
        ) }} as fuller_name,
        count(distinct named_people.full_name) as full_names
    from explicit_speakers
    inner join named_people
        on
            explicit_speakers.story_id = named_people.story_id
            and explicit_speakers.speaker = named_people.surname
    where explicit_speakers.speaker_class = 'person' and explicit_speakers.speaker not like '% %'
    group by explicit_speakers.quote_key

),

-- the full name the article writes last before the quote, for a surname two names share
nearest_fuller as (

    select
        explicit_speakers.quote_key,
        {{ arg_max_by('full_name_mentions.written', 'full_name_mentions.char_start') }} as fuller_name
    from explicit_speakers
    inner join full_name_mentions
        on
            explicit_speakers.article_id = full_name_mentions.article_id
            and explicit_speakers.speaker = full_name_mentions.surname
            and explicit_speakers.char_start > full_name_mentions.char_start
    where explicit_speakers.speaker_class = 'person' and explicit_speakers.speaker not like '% %'
    group by explicit_speakers.quote_key

),

body_fuller as (

    select
        shorter.quote_key,
        {{ arg_max_by('fuller.speaker', 'fuller.quote_index') }} as fuller_name
    from explicit_speakers as shorter
    inner join explicit_speakers as fuller
        on
            shorter.article_id = fuller.article_id
            and shorter.quote_index > fuller.quote_index
            and (shorter.speaker_affiliation = fuller.speaker_affiliation or shorter.speaker_affiliation is null)
            and shorter.speaker != fuller.speaker
            and length(shorter.speaker) < length(fuller.speaker)
    where
        shorter.speaker_class = 'body'
        and fuller.speaker_class = 'body'
        and {{ regex_contains("fuller.speaker", "'\\S+$'") }}
        and {{ regex_extract("fuller.speaker", "'(\\S+)$'", 1) }}
        = {{ regex_extract("shorter.speaker", "'(\\S+)$'", 1) }}
    group by shorter.quote_key

),

completed as (

    select
        explicit_speakers.*,
        titled_people.person_name is not null as is_titled,
        case
            when titled_people.person_name is not null then titled_people.person_name
            when explicit_speakers.speaker_class = 'person' and person_fuller.full_names >= 2
                then coalesce(nearest_fuller.fuller_name, person_fuller.fuller_name)
            when explicit_speakers.speaker_class = 'person' then person_fuller.fuller_name
            when noun_speakers.speaker_name is not null then noun_speakers.speaker_name
            when explicit_speakers.speaker_class = 'body' then body_fuller.fuller_name
        end as fuller_name
    from explicit_speakers
    left join person_fuller
        on explicit_speakers.quote_key = person_fuller.quote_key
    left join nearest_fuller
        on explicit_speakers.quote_key = nearest_fuller.quote_key
    left join body_fuller
        on explicit_speakers.quote_key = body_fuller.quote_key
    left join titled_people
        on explicit_speakers.quote_key = titled_people.quote_key
    left join noun_speakers
        on explicit_speakers.quote_key = noun_speakers.quote_key

),

-- the longest name of the story that ends in a person's name and opens with a given name that is
-- no title (`Oscar Luigi Scalfaro` for `Luigi Scalfaro`, itself from `Scalfaro`): the name as the
-- story gives it in full, the article's own first
longest_names as (

    select
        completed.quote_key,
        {{ arg_max_by(
            'full_name_mentions.written',
            'case when full_name_mentions.article_id = completed.article_id then 1000 else 0 end '
            ~ '+ length(full_name_mentions.written)'
        ) }} as longest_name
    from completed
    inner join full_name_mentions
        on
            completed.story_id = full_name_mentions.story_id
            and lower(full_name_mentions.written) like '% ' || lower(coalesce(completed.fuller_name, completed.speaker))
    inner join {{ ref('name_given_names') }} as given_names
        on full_name_mentions.given_name = given_names.given_name
    left join {{ ref('stg_lexicons__name_titles') }} as titles
        on lower(full_name_mentions.given_name) = titles.term
    where completed.speaker_class = 'person' and titles.term is null
    group by completed.quote_key

),

person_affiliations as (

    select
        story_id,
        speaker,
        {{ arg_max_by('speaker_affiliation', 'quote_index') }} filter (where speaker_affiliation is not null)
            as affiliation,
        {{ arg_max_by('speaker_role', 'quote_index') }} filter (where speaker_role is not null) as speaker_role,
        bool_or(is_third_party) as is_third_party
    from explicit_speakers
    where speaker_class = 'person'
    group by story_id, speaker

),

final as (

    select
        completed.quote_key,
        completed.quote_id,
        completed.story_id,
        case when completed.is_titled then 'person' else completed.speaker_class end as speaker_class,
        coalesce(longest_names.longest_name, completed.fuller_name, completed.speaker) as speaker,
        coalesce(completed.speaker_affiliation, person_affiliations.affiliation) as speaker_affiliation,
        -- a title alone (`the chief justice`) is a shortening of the role the person is given with
        -- the name (int_reactions_extracted reads it there)
        coalesce(
            case when not completed.is_titled then completed.speaker_role end, person_affiliations.speaker_role
        ) as speaker_role,
        completed.is_third_party or coalesce(person_affiliations.is_third_party, false) as is_third_party
    from completed
    left join longest_names
        on completed.quote_key = longest_names.quote_key
    left join person_affiliations
        on
            completed.story_id = person_affiliations.story_id
            and coalesce(longest_names.longest_name, completed.fuller_name, completed.speaker)
            = person_affiliations.speaker

)

select * from final
