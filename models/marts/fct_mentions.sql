{#- One row per mention of a named entity in an article body, with its canonical name and type.

    What one article leaves open, the story settles: a surname (`Rocha`, `Michel said`, `Van
    Houten said` of `Maarten van Houten`) or the
    last part of a place name (`Fuego`) or a named storm (`Delphine`) takes the full name written elsewhere in the same
    article, else in another article of the same story (all articles with one story_id), and a
    word a rule guessed a place takes the full name of a person the same article names ending in
    it (`According to Rathbun` after `Mark Rathbun`); a name
    no rule typed takes the type the story gives the same name elsewhere, and is dropped when the
    story never types it. An organisation named with its legal form (`Tri-County Disposal LLC`,
    `Tesla Inc`) is the organisation the story names without it (`Tri-County Disposal`, `Tesla
    said`, and `Steel` where it stands for `National Steel` of `National Steel Corp`), whatever a
    rule typed the shorter name, and so is a lone word that opens one such name of three words
    or more (`Valdora` of `Valdora Motors AG`) where the rules typed it an organisation or left it
    untyped; an acronym an article defines in brackets after the name it
    abbreviates (`National Electoral Board (NEB)`) is that name, with its type, across the story. The type of a name is then made one per story
    (story_name_types: the type its cued mentions give most, else its mentions). -#}

-- depends_on: {{ ref('int_stories_changed') }}

with

mentions as (

    select * from {{ ref('int_mentions_extracted') }}
    where {{ in_changed_stories() }}

),

legal_suffixes as (

    select * from {{ ref('name_legal_suffixes') }}

),

full_names as (

    select
        story_id,
        article_id,
        entity_name,
        entity_type,
        last_name_word,
        count(*) as n_mentions
    from mentions
    where entity_type in ('person', 'place', 'event') and name_words >= 2
    group by story_id, article_id, entity_name, entity_type, last_name_word

),

-- what a shorter mention of a full name matches: its last word (`Varga` of `Lena Varga`), a
-- person's surname that a particle opens, in lower case, since a sentence may open with it
-- (`Van Houten said` of `Maarten van Houten`), and a person's first surname of two
full_name_keys as (

    select
        *,
        last_name_word as name_key,
        false as by_particle
    from full_names
    union all
    -- a name without a particle gets the key '', which no mention has
    select
        *,
        lower({{ regex_extract('entity_name', sql_regex(particle_surname_tail_re()), 1) }}) as name_key,
        true as by_particle
    from full_names
    where entity_type = 'person'
    union all
    -- a person's first surname of two, which Spanish and Portuguese names put before the second
    -- and news writes alone (`Quispe` of `Rosa Quispe Valdivia`): the middle word of three that is
    -- no given name (not `Jessica` of `Sarah Jessica Parker`) and opens with a capital (not `bin`)
    select
        full_names.*,
        split_part(full_names.entity_name, ' ', 2) as name_key,
        false as by_particle
    from full_names
    left join {{ ref('name_given_names') }} as given_names
        on split_part(full_names.entity_name, ' ', 2) = given_names.given_name
    where
        full_names.entity_type = 'person' and given_names.given_name is null
        and length(full_names.entity_name) - length(replace(full_names.entity_name, ' ', '')) = 2
        and {{ regex_contains("split_part(full_names.entity_name, ' ', 2)", "'^\\p{Lu}\\p{Ll}'") }}

),

-- a one-word name that is the last word of a longer name of the same story
expansions as (

    select
        mentions.mention_id,
        full_names.entity_name,
        full_names.entity_type,
        row_number() over (
            partition by mentions.mention_id
            order by
                max(case when full_names.article_id = mentions.article_id then 1 else 0 end) desc,
                sum(full_names.n_mentions) desc,
                length(full_names.entity_name) desc,
                full_names.entity_name
        ) as preference
    from mentions
    inner join full_name_keys as full_names
        on
            mentions.story_id = full_names.story_id
            and full_names.name_key
            = case when mentions.name_words = 1 then mentions.entity_name else lower(mentions.entity_name) end
            and full_names.by_particle = (mentions.name_words > 1)
    where
        mentions.name_words <= 4
        and (
            (
                mentions.detected_by != 'lexicon'
                and (mentions.entity_type is null or mentions.entity_type in ('person', 'place', 'event'))
                and coalesce(mentions.entity_type, full_names.entity_type) = full_names.entity_type
            )
            -- a word a rule guessed a place (no town of the lexicon) that is the surname of a
            -- person the same article names in full (`Mark Rathbun` ... `According to Rathbun`)
            -- stands for the person; a town of the lexicon stays one, as the person may be a
            -- club wrongly typed (`Real Madrid` ... `MADRID 1996-12-07`)
            or (
                mentions.entity_type = 'place' and mentions.detected_by != 'lexicon'
                and full_names.entity_type = 'person' and mentions.article_id = full_names.article_id
            )
        )
    group by mentions.mention_id, full_names.entity_name, full_names.entity_type

),

-- the story's organisations named with a legal form as their last word (`Tesla Inc`)
legal_forms as (

    select distinct
        mentions.story_id,
        mentions.entity_name,
        mentions.last_name_word,
        mentions.name_words
    from mentions
    inner join legal_suffixes on lower(mentions.last_name_word) = legal_suffixes.suffix
    where mentions.entity_type = 'organization' and mentions.name_words >= 2

),

-- an organisation's name without its legal form, the last word (`Tesla` of `Tesla Inc`); of two
-- legal names with the same stem the first in order stands for it
legal_names as (

    select
        story_id,
        {{ regex_replace(
            "left(entity_name, length(entity_name) - length(last_name_word))", "'[\\s,]+$'", "''"
        ) }} as short_name,
        min(entity_name) as entity_name
    from legal_forms
    group by all

),

-- a lone word that opens one organisation's legal name of three words or more and no other's
-- (`Valdora` of `Valdora Motors AG`)
legal_first_words as (

    select
        story_id,
        split_part(entity_name, ' ', 1) as first_word,
        min(entity_name) as entity_name
    from legal_forms
    where name_words >= 3
    group by story_id, split_part(entity_name, ' ', 1)
    having count(distinct entity_name) = 1

),

-- an acronym in brackets right after the name whose capitals it is (`National Electoral Board
-- (NEB)`, `Organization of the Petroleum Exporting Countries (OPEC)`): the story's NEB is that name;
-- only a body's or a place's name defines one (a name typed an event or a person is more likely
-- mistyped than abbreviated)
defined_acronyms as (

    select
        acronyms.story_id,
        acronyms.surface as acronym,
        min(named.entity_name) as entity_name,
        min(named.entity_type) as entity_type
    from mentions as acronyms
    inner join mentions as named
        on
            acronyms.article_id = named.article_id
            and acronyms.char_start = named.char_end + 2
    where
        acronyms.name_words = 1 and acronyms.surface = upper(acronyms.surface)
        and named.name_words >= 2 and named.entity_type in ('organization', 'place', 'country')
        -- the capitals of the whole name, or of the name after its first word (`U.S. Food and Drug
        -- Administration (FDA)`)
        and acronyms.surface in (
            {{ regex_replace_all("named.entity_name", "'(\\p{Lu})[^\\s-]*|.'", "'\\1'") }},
            {{ regex_replace_all(
                regex_replace("named.entity_name", "'^\\S+\\s+'", "''"), "'(\\p{Lu})[^\\s-]*|.'", "'\\1'"
            ) }}
        )
    group by acronyms.story_id, acronyms.surface

),

-- a name the rules left untyped, typed elsewhere in the story under the same name
typed_names as (

    {{ story_name_types('mentions') }}

),

resolved as (

    select
        mentions.mention_id,
        mentions.article_id,
        mentions.sentence_id,
        mentions.story_id,
        mentions.detected_by,
        mentions.surface,
        mentions.char_start,
        mentions.char_end,
        coalesce(
            legal_names.entity_name, legal_first_words.entity_name, defined_acronyms.entity_name,
            expansions.entity_name, mentions.entity_name
        ) as entity_name,
        coalesce(
            case
                when coalesce(legal_names.entity_name, legal_first_words.entity_name) is not null then 'organization'
            end,
            defined_acronyms.entity_type,
            expansions.entity_type,
            mentions.entity_type,
            typed_names.entity_type
        ) as entity_type,
        case
            when
                coalesce(expansions.entity_name, legal_names.entity_name, legal_first_words.entity_name) is not null
                or defined_acronyms.entity_name is not null or mentions.entity_type is null
                then 'inferred'
            else mentions.mention_kind
        end as mention_kind
    from mentions
    left join expansions
        on mentions.mention_id = expansions.mention_id and expansions.preference = 1
    left join legal_names
        on
            mentions.story_id = legal_names.story_id
            and coalesce(expansions.entity_name, mentions.entity_name) = legal_names.short_name
            and mentions.detected_by != 'lexicon'
    left join legal_first_words
        on
            mentions.story_id = legal_first_words.story_id
            and mentions.entity_name = legal_first_words.first_word
            and mentions.name_words = 1 and coalesce(mentions.entity_type, 'organization') = 'organization'
            and mentions.detected_by != 'lexicon'
    left join defined_acronyms
        on
            mentions.story_id = defined_acronyms.story_id
            and mentions.surface = defined_acronyms.acronym
            and mentions.detected_by != 'lexicon'
    left join typed_names
        on
            mentions.story_id = typed_names.story_id
            and mentions.entity_name = typed_names.entity_name
            and typed_names.preference = 1

),

-- after expansion, one type per name across the story
story_types as (

    {{ story_name_types('resolved') }}

),

final as (

    select
        resolved.mention_id,
        resolved.article_id,
        resolved.sentence_id,
        resolved.story_id,
        resolved.entity_name,
        story_types.entity_type,
        resolved.mention_kind,
        resolved.detected_by,
        resolved.surface,
        resolved.char_start,
        resolved.char_end
    from resolved
    inner join story_types
        on
            resolved.story_id = story_types.story_id
            and resolved.entity_name = story_types.entity_name
            and story_types.preference = 1

)

select * from final
