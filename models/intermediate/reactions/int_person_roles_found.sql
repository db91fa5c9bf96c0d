{#- The role and body of each named person as the article gives them beside a mention of the name,
    for quotes whose own attribution gives none (int_reactions_extracted): the speaker of
    `"...," he said` after `Mayor Ken Cockrel visited the site`, or of `"...," Nowak said` after
    `Police Chief Anna Nowak said the road would stay closed`, is the mayor and the police chief
    there too. Two places, as written:
      - the capitalised words right before the name whose last is a title (seed speaker_nouns,
        role title, or name_titles; honorifics are no role), a sentence opener left out
        (name_common_words: `But`): `Police Chief`, `Mayor`;
      - an apposition right after it that opens with lower-case role words ending in such a title,
        its role words no verb or clause word (macro apposition_clause_regex: not `had argued that
        her client was a poor manager`).
        Its body is the capitalised name after `of`/`for`/`at`/`with` that ends it, when the
        article mentions it as an organisation or country (`Carl Pope, executive director of the
        Riverside Trust,`: role `executive director`, body `Riverside Trust`; not `Miami` of `a
        spokesman for the Miami relatives`), else a lower-case body ending in an organisation
        noun of speaker_nouns (`Jane Doe, a spokeswoman for the county sheriff's office`).
    One row per article and person (entity_name of int_mentions_extracted): the first role the
    article gives, and the first body. -#}

-- depends_on: {{ ref('int_stories_changed') }}

with

mentions as (

    select
        article_id,
        story_id,
        sentence_id,
        entity_name,
        char_start,
        char_end
    from {{ ref('int_mentions_extracted') }}
    where {{ in_changed_stories() }} and entity_type = 'person'

),

bodies as (

    select
        article_id,
        surface,
        min(entity_name) as entity_name
    from {{ ref('int_mentions_extracted') }}
    where {{ in_changed_stories() }} and entity_type in ('organization', 'country')
    group by article_id, surface

),

sentences as (

    select
        sentence_id,
        char_start as sentence_start,
        sentence_text
    from {{ ref('int_sentences') }}
    where {{ in_changed_stories() }}

),

titles as (

    select titled.title
    from (
        select match_key as title
        from {{ ref('stg_lexicons__speaker_nouns') }}
        where role = 'title'
        union
        select replace(match_key, '.', '') as title
        from {{ ref('stg_lexicons__name_titles') }}
    ) as titled
    where titled.title not in {{ honorifics() }}

),

organisation_nouns as (

    select match_key as noun
    from {{ ref('stg_lexicons__speaker_nouns') }}
    where role = 'organisation'

),

openers as (

    select match_key as word
    from {{ ref('stg_lexicons__name_common_words') }}

),

around as (

    select
        mentions.article_id,
        mentions.story_id,
        mentions.entity_name,
        mentions.char_start,
        right(left(sentences.sentence_text, mentions.char_start - sentences.sentence_start), 60) as before_text,
        substr(sentences.sentence_text, mentions.char_end - sentences.sentence_start + 1, 120) as after_text
    from mentions
    inner join sentences on mentions.sentence_id = sentences.sentence_id

),

read as (

    select
        *,
        nullif({{ regex_extract('before_text', title_before_name_regex(), 1) }}, '') as title_words,
        nullif({{ regex_extract('before_text', of_title_before_name_regex(), 1) }}, '') as of_title_words,
        nullif({{ regex_extract('after_text', apposition_after_name_regex(), 1) }}, '') as apposition,
        -- a role in apposition before the name holds only where the name's apposition closes too
        case
            when
                after_text like ',%'
                and not {{ regex_contains(regex_extract('before_text', role_before_name_regex(), 3),
                    role_function_words_regex()) }}
                then nullif({{ regex_extract('before_text', role_before_name_regex(), 3) }}, '')
        end as before_role,
        {{ regex_replace(
            "nullif(" ~ regex_extract('before_text', role_before_name_regex(), 1) ~ ", '')",
            "'^[Tt]he\\s+'", "''"
        ) }} as before_possessor,
        {{ regex_replace(
            "nullif(" ~ regex_extract('before_text', role_before_name_regex(), 2) ~ ", '')",
            "'\\s+$'", "''"
        ) }} as before_modifier
    from around

),

appositions as (

    select
        read.*,
        case
            when openers.word is not null
                then nullif({{ regex_extract('read.title_words', after_first_word_regex(), 1) }}, '')
            else read.title_words
        end as title_phrase,
        -- `Secretary of State`; not cut at an article or a preposition (`Chancellor of the`) nor
        -- ending in an honorific (`Undersecretary for Education Mr.`)
        case
            when
                read.of_title_words like '% %'
                and not {{ regex_contains('read.of_title_words', "'\\s(of|for|the)$|(?i:\\s(mr|mrs|ms|dr)\\.?$)'") }}
                then read.of_title_words
        end as of_title_phrase,
        nullif({{ regex_extract('read.apposition', apposition_role_regex(), 1) }}, '') as apposition_role,
        nullif({{ regex_extract('read.apposition', apposition_body_regex(), 1) }}, '') as named_body,
        nullif({{ regex_extract('read.apposition', apposition_common_body_regex(), 1) }}, '') as common_body,
        nullif({{ regex_extract('read.apposition', apposition_modified_role_regex(), 1) }}, '') as apposition_modifier,
        nullif({{ regex_extract('read.apposition', apposition_modified_role_regex(), 2) }}, '') as modified_role
    from read
    left join openers on lower({{ regex_extract('read.title_words', nth_word_regex(1), 1) }}) = openers.word

),

roles as (

    select
        appositions.story_id,
        appositions.entity_name,
        appositions.article_id,
        appositions.char_start,
        case
            when of_titles.title is not null then appositions.of_title_phrase
            when title_titles.title is not null then appositions.title_phrase
            when role_titles.title is not null then appositions.apposition_role
            when before_titles.title is not null then appositions.before_role
            when modified_titles.title is not null and modifier_bodies.entity_name is not null
                then appositions.modified_role
        end as speaker_role,
        case
            when role_titles.title is not null
                then coalesce(
                        bodies.entity_name,
                        case when organisation_nouns.noun is not null then appositions.common_body end
                    )
            when title_titles.title is null and of_titles.title is null and before_titles.title is not null
                then coalesce(possessor_bodies.entity_name, before_modifier_bodies.entity_name)
            when title_titles.title is null and of_titles.title is null and modified_titles.title is not null
                then modifier_bodies.entity_name
        end as affiliation
    from appositions
    left join titles as title_titles
        on replace(lower({{ regex_extract('appositions.title_phrase', last_word_regex(), 1) }}), '.', '')
            = title_titles.title
    left join titles as of_titles
        on lower({{ regex_extract('appositions.of_title_phrase', title_head_before_of_regex(), 1) }}) = of_titles.title
    left join titles as role_titles
        on {{ regex_extract("replace(appositions.apposition_role, '’', '''')", last_word_regex(), 1) }}
            = role_titles.title
            and not {{ regex_contains('appositions.apposition_role', apposition_clause_regex()) }}
    left join bodies
        on appositions.article_id = bodies.article_id and appositions.named_body = bodies.surface
    -- `The prime minister, Marijke Jansen,`, `France's president, Claire Dumont,`
    left join titles as before_titles
        on {{ regex_extract('appositions.before_role', last_word_regex(), 1) }} = before_titles.title
    left join bodies as possessor_bodies
        on
            appositions.article_id = possessor_bodies.article_id
            and appositions.before_possessor = possessor_bodies.surface
    left join bodies as before_modifier_bodies
        on
            appositions.article_id = before_modifier_bodies.article_id
            and appositions.before_modifier = before_modifier_bodies.surface
    -- `Tomasz Wrona, the Polish prime minister,`: the role after a body's name
    left join titles as modified_titles
        on
            {{ regex_extract('appositions.modified_role', last_word_regex(), 1) }} = modified_titles.title
            and not {{ regex_contains('appositions.apposition', apposition_clause_regex()) }}
    left join bodies as modifier_bodies
        on
            appositions.article_id = modifier_bodies.article_id
            and appositions.apposition_modifier = modifier_bodies.surface
    left join organisation_nouns
        on {{ regex_extract('appositions.common_body', last_word_regex(), 1) }} = organisation_nouns.noun

),

final as (

    select
        article_id,
        story_id,
        entity_name,
        {{ arg_min_by('speaker_role', 'char_start') }} filter (where speaker_role is not null) as speaker_role,
        {{ arg_min_by('affiliation', 'char_start') }} filter (where affiliation is not null) as affiliation
    from roles
    group by article_id, story_id, entity_name
    having count(speaker_role) > 0

)

select * from final
