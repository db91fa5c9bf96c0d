
{#- Mentions of named things in the bodies, before story-level resolution (fct_mentions): the
    union of the rule families, each its own model: lexicon aliases (int_mentions_lexicon),
    country bodies (int_mentions_country_bodies) and runs of capitalised words
    (int_mentions_runs). A place or country of the lexicon inside a listed company's name
    (`Stanley` of `Morgan Stanley`) is left out. -#}

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

-- a place or country inside a listed company's name is part of the name (`Stanley` of `Morgan
-- Stanley`, `France` of `Air France-KLM`), no mention of its own. Only companies: news and its
-- annotators keep a place inside the name of a university or a venue (`University of North
-- Carolina`, `Metro Toronto Convention Centre`).
company_runs as (

    select
        sentence_id,
        char_start,
        char_end
    from runs
    where entity_type = 'organization' and detected_by in ('run_gazetteer', 'run_legal_suffix', 'run_ampersand')

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
    where lexicon.entity_type in ('place', 'country')

),

unioned as (

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
    from lexicon
    where not exists (
            select 1
            from lexicon_in_companies
            where
                lexicon.sentence_id = lexicon_in_companies.sentence_id
                and lexicon.char_start = lexicon_in_companies.char_start
        )

    union all

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
    from bodies

    union all

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
    from runs

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
        entity_type,
        mention_kind,
        detected_by,
        article_id || ':' || char_start || '-' || char_end as mention_id,
        {{ list_size(regex_matches('entity_name', "'[" ~ wc ~ "]+'")) }} as name_words,
        {{ regex_first('entity_name', last_word_re) }} as last_name_word
    from unioned

)

select * from final
