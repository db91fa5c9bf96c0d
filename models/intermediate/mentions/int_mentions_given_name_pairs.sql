
{#- The names of people that open with a given name that is a place's name too, one row per run:
    two words typed a person, not in capitals, whose first word is a first name (seed
    name_given_genders) and the name of a place or a country (seed entity_aliases: `Sofia
    Brennan`, `Virginia Welch`, `Georgia Lee`). Inside such a name the place is the name's own
    word, and int_mentions_extracted drops the lexicon's place there, as it does inside a listed
    company's name. Not a longer run, which may be a byline running into a dateline (`Edna
    Fernandes LONDON`) or a place before a name (`Washington Chris Gregoire`); not two places
    (`Victoria Texas`); not a place after a common word that is a first name too (`Little
    Havana`). -#}

-- depends_on: {{ ref('int_stories_changed') }}

with

runs as (

    select
        sentence_id,
        story_id,
        char_start,
        char_end,
        split_part(surface, ' ', 1) as first_word,
        split_part(surface, ' ', 2) as last_word
    from {{ ref('int_mentions_runs') }}
    where
        {{ in_changed_stories() }}
        and entity_type = 'person' and surface != upper(surface)
        and length(surface) - length(replace(surface, ' ', '')) = 1

),

place_names as (

    select distinct term
    from {{ ref('stg_lexicons__entity_aliases') }}
    where entity_type in ('place', 'country')

),

-- the first names that are places' names too (`Sofia`, `Virginia`)
place_given_names as (

    select genders.given_name
    from {{ ref('name_given_genders') }} as genders
    inner join place_names on genders.given_name = place_names.term

),

final as (

    select
        runs.sentence_id,
        runs.story_id,
        runs.char_start,
        runs.char_end
    from runs
    inner join place_given_names on runs.first_word = place_given_names.given_name
    left join place_names on runs.last_word = place_names.term
    where place_names.term is null

)

select * from final
