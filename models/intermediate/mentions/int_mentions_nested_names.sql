
{#- People and places named inside the name of a body or a place (`the Andy Warhol Foundation`,
    `the Municipality of Livorno`): where the story names a person in full on their own (a
    person run of two words or more) or a place of the gazetteer on its own (`in Livorno,
    Tuscany`), the first whole-word occurrence of that name inside a longer organisation or
    place run of the story is a mention of the person or place too, nested in the body's, as news
    annotators nest them (GUM; a flat annotation such as CoNLL scores the body only). -#}

-- depends_on: {{ ref('int_stories_changed') }}

with

runs as (

    select
        sentence_id,
        article_id,
        story_id,
        char_start,
        char_end,
        surface,
        entity_name,
        entity_type,
        detected_by
    from {{ ref('int_mentions_runs') }}
    where {{ in_changed_stories() }}

),

-- a person some rule types as one by a cue of people (a given name, a title); the classifier's
-- guesses and `X said` type companies and things too (`Space Shuttle`, `Florida International said`).
-- A place of the gazetteer (the lexicon's places are mentions inside bodies already).
named as (

    select distinct
        story_id,
        surface,
        entity_name,
        entity_type
    from runs
    where
        (
            entity_type = 'person' and surface like '% %'
            and detected_by not in ('run_classifier', 'run_speech_verb')
        )
        or (entity_type = 'place' and detected_by = 'run_gazetteer')

),

-- a company's name that opens with a person's is the company's (`Milton Roy Corp`, then `Milton
-- Roy said`), so listed companies and names with a legal suffix hold no person
hosts as (

    select * from runs
    where
        entity_type in ('organization', 'place') and surface like '% %'
        and detected_by not in ('run_gazetteer', 'run_legal_suffix', 'run_ampersand', 'run_acronym_led')

),

-- the first occurrence of each name in the host, on word boundaries
found as (

    select
        hosts.sentence_id,
        hosts.article_id,
        hosts.story_id,
        named.surface,
        named.entity_name,
        named.entity_type,
        hosts.char_start + instr(' ' || hosts.surface || ' ', ' ' || named.surface || ' ') - 1 as char_start
    from hosts
    inner join named on hosts.story_id = named.story_id
    where
        length(hosts.surface) > length(named.surface)
        -- a place inside a longer place is part of its name (`New York City`)
        and (named.entity_type = 'person' or hosts.entity_type = 'organization')
        and instr(' ' || hosts.surface || ' ', ' ' || named.surface || ' ') > 0

),

final as (

    select
        sentence_id,
        article_id,
        story_id,
        char_start,
        surface,
        entity_name,
        entity_type,
        'name' as mention_kind,
        'run_nested_' || entity_type as detected_by,
        char_start + length(surface) as char_end
    from found
    -- a name already a mention of its own at that place is not added twice
    where not exists (
            select 1 from runs
            where
                runs.sentence_id = found.sentence_id
                and runs.char_start = found.char_start
                and runs.char_end = found.char_start + length(found.surface)
        )

)

select distinct * from final
