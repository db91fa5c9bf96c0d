
{#- Mentions of named things in the bodies, before story-level resolution (fct_mentions): the
    union of the rule families, each its own model: lexicon aliases (int_mentions_lexicon),
    country bodies (int_mentions_country_bodies) and runs of capitalised words
    (int_mentions_runs), the items of lists and tables that the runs dropped
    (int_name_list_items_found), and people and places named inside a body's name
    (int_mentions_nested_names: `Andy Warhol` of `the Andy Warhol Foundation`). A place or
    country of the lexicon inside a listed company's name (`Stanley` of `Morgan Stanley`) is
    left out. A place, a name no rule typed, or a classifier's
    guess that the story shows to be a sports team (int_name_run_team_cues: `Plymouth 4 Exeter
    1`, `beat Cagliari`) is an organisation, the club of the town; a country stays a place. A lone
    word that a context rule or the classifier took for a person is a place before a comma and a
    country (`near Mecca, Saudi Arabia`, `Flachau, Austria`; not `Reyes, Mexico's envoy`). A
    classifier's guess at a part of the title of a work in quotes (int_name_work_titles_found:
    `Fourth` of `"The Fourth Minister"`) is part of the title, no mention. -#}

{%- set wc = "\\p{L}\\p{M}\\p{N}" -%}
{%- set last_word_re = "'[" ~ wc ~ "]+$'" -%}

-- depends_on: {{ ref('int_stories_changed') }}

with

lexicon as (

    select
        sentence_id,
        article_id,
        story_id,
        char_start,
        char_end,
        surface,
        entity_name,
        entity_type,
        'lexicon' as detected_by,
        case
            when alias_kind in ('demonym', 'capital') then alias_kind
            when alias_kind in ('name', 'city') then 'name'
            else 'alias'
        end as mention_kind
    from {{ ref('int_mentions_lexicon') }}
    where term_kind = 'entity' and {{ in_changed_stories() }}

),

bodies as (

    select * from {{ ref('int_mentions_country_bodies') }}
    where {{ in_changed_stories() }}

),

runs as (

    select * from {{ ref('int_mentions_runs') }}
    where {{ in_changed_stories() }}

),

list_items as (

    select * from {{ ref('int_name_list_items_found') }}
    where {{ in_changed_stories() }}

),

nested_names as (

    select * from {{ ref('int_mentions_nested_names') }}
    where {{ in_changed_stories() }}

),

given_name_pairs as (

    select * from {{ ref('int_mentions_given_name_pairs') }}
    where {{ in_changed_stories() }}

),

team_cues as (

    select
        story_id,
        name_key,
        is_person_team
    from {{ ref('int_name_run_team_cues') }}
    where {{ in_changed_stories() }}

),

-- titles of works in quotes: a classifier's guess at a part of one is part of the title
work_titles as (

    select * from {{ ref('int_name_work_titles_found') }}
    where {{ in_changed_stories() }}

),

sentences as (

    select
        sentence_id,
        char_start,
        sentence_text
    from {{ ref('int_sentences') }}
    where {{ in_changed_stories() }}

),

-- a place or country inside a listed company's name is part of the name (`Stanley` of `Morgan
-- Stanley`, `France` of `Air France-KLM`), no mention of its own. Only companies: news and its
-- annotators keep a place inside the name of a university or a venue (`University of North
-- Carolina`, `Metro Toronto Convention Centre`). So is a place that opens a person's name of
-- two words that a title, a given name or a speech verb types (`spokesman Jordan Pike`, `Actress
-- Florence Reyes`), or a given name that is also a place (int_mentions_given_name_pairs: `Sofia`
-- of `Sofia Brennan`): people are named after places; not a place in capitals after the name (a
-- byline's dateline, `Robert Kitson LONDON`) nor one before a longer name (`Governor of
-- Washington Chris Gregoire`).
company_runs as (

    select
        sentence_id,
        char_start,
        char_end,
        entity_type = 'person' as is_person
    from runs
    where
        (entity_type = 'organization' and detected_by in ('run_gazetteer', 'run_legal_suffix', 'run_ampersand'))
        or (
            entity_type = 'person' and detected_by in ('run_title', 'run_given_name', 'run_speech_verb')
            and {{ regex_contains('surface', "'^\\S+ \\S+$'") }}
        )

    union all

    select
        sentence_id,
        char_start,
        char_end,
        true as is_person
    from given_name_pairs

),

lexicon_in_companies as (

    select distinct
        lexicon.sentence_id,
        lexicon.char_start
    from lexicon
    inner join company_runs
        on
            lexicon.sentence_id = company_runs.sentence_id
            and lexicon.char_start >= company_runs.char_start
            and lexicon.char_end <= company_runs.char_end
            and lexicon.char_end - lexicon.char_start < company_runs.char_end - company_runs.char_start
    where
        lexicon.entity_type in ('place', 'country')
        and (
            not company_runs.is_person
            or (lexicon.char_start = company_runs.char_start and lexicon.surface != upper(lexicon.surface))
        )

    union

    -- an organisation of the lexicon inside a longer organisation's name, after its first word, is part of it
    -- (`Security Council`, the UN's, of `the National Security Council`)
    select
        lexicon.sentence_id,
        lexicon.char_start
    from lexicon
    inner join runs
        on
            lexicon.sentence_id = runs.sentence_id
            and lexicon.char_start > runs.char_start
            and lexicon.char_end <= runs.char_end
    where lexicon.entity_type = 'organization' and runs.entity_type = 'organization'

),

lexicon_kept as (

    select * from lexicon
    where not exists (
            select 1
            from lexicon_in_companies
            where
                lexicon.sentence_id = lexicon_in_companies.sentence_id
                and lexicon.char_start = lexicon_in_companies.char_start
        )

),

unioned as (

    {% for family in ['lexicon_kept', 'bodies', 'runs', 'list_items', 'nested_names'] -%}
        select
            sentence_id,
            article_id,
            story_id,
            char_start,
            char_end,
            surface,
            entity_name,
            entity_type,
            mention_kind,
            detected_by
        from {{ family }}
        {{ 'union all' if not loop.last }}
    {% endfor %}

),

-- a lone word before a comma and a country written by its name, not its possessive
places_of_countries as (

    select distinct
        runs.sentence_id,
        runs.char_start
    from runs
    inner join lexicon as countries
        on runs.sentence_id = countries.sentence_id and runs.char_end + 2 = countries.char_start
    inner join sentences on runs.sentence_id = sentences.sentence_id
    where
        coalesce(runs.entity_type, 'person') in ('person', 'place')
        and runs.detected_by in ('run_classifier', 'run_context', 'run_place_noun')
        and runs.surface not like '% %'
        and countries.entity_type = 'country' and countries.mention_kind = 'name'
        and substr(sentences.sentence_text, runs.char_end - sentences.char_start + 1, 2) = ', '
        and substr(sentences.sentence_text, countries.char_end - sentences.char_start + 1, 1) not in ('''', '’')

),

-- the team's town, or a classifier's guess at it
teams_typed as (

    select
        unioned.sentence_id,
        unioned.article_id,
        unioned.story_id,
        unioned.char_start,
        unioned.char_end,
        unioned.surface,
        unioned.entity_name,
        unioned.mention_kind,
        unioned.entity_type,
        unioned.detected_by,
        coalesce(
            team_cues.story_id is not null
            and (
                unioned.entity_type = 'place'
                -- an item of a table whose name the story shows scoring (`Hearts 0 Raith 0` above
                -- the standings) is the club, whatever the classifier guessed
                or unioned.detected_by = 'run_list_item'
                or (
                    team_cues.is_person_team
                    and (
                        unioned.entity_type is null
                        or (unioned.detected_by = 'run_classifier' and unioned.entity_type = 'person')
                    )
                )
            ),
            false
        ) as is_team,
        places_of_countries.sentence_id is not null as is_country_place
    from unioned
    -- the keys only: a condition on one side in a join's ON makes DuckDB loop
    left join team_cues
        on unioned.story_id = team_cues.story_id and lower(unioned.entity_name) = team_cues.name_key
    left join places_of_countries
        on unioned.sentence_id = places_of_countries.sentence_id and unioned.char_start = places_of_countries.char_start

),

final as (

    select
        article_id,
        story_id,
        sentence_id,
        cast(char_start as integer) as char_start,
        cast(char_end as integer) as char_end,
        surface,
        entity_name,
        case
            when is_team then 'organization'
            when is_country_place then 'place'
            else entity_type
        end as entity_type,
        mention_kind,
        case
            when is_team then 'team_cue'
            when is_country_place then 'country_place'
            else detected_by
        end as detected_by,
        article_id || ':' || char_start || '-' || char_end as mention_id,
        {{ list_size(regex_matches('entity_name', "'[" ~ wc ~ "]+'")) }} as name_words,
        {{ regex_first('entity_name', last_word_re) }} as last_name_word
    from teams_typed
    where not exists (
            select 1
            from work_titles
            where
                teams_typed.article_id = work_titles.article_id
                and teams_typed.detected_by = 'run_classifier'
                and teams_typed.char_start >= work_titles.char_start
                and teams_typed.char_end <= work_titles.char_end
                and (teams_typed.char_start > work_titles.name_start or teams_typed.char_end < work_titles.name_end)
                -- a name after `of` that closes the title is one of its own (`"Republic of Padania"`)
                and not (
                    teams_typed.char_end = work_titles.name_end
                    and substr(work_titles.title, teams_typed.char_start - work_titles.char_start - 2, 3) = 'of '
                )
        )

)

select * from final
