
{#- Mentions of named things in the bodies, before story-level resolution (fct_mentions): the
    union of the rule families, each its own model: lexicon aliases (int_mentions_lexicon),
    country bodies (int_mentions_country_bodies) and runs of capitalised words
    (int_mentions_runs). -#}

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
        article_id || ':' || char_start || '-' || char_end as mention_id,
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
        {{ list_size(regex_matches('entity_name', "'[" ~ wc ~ "]+'")) }} as name_words,
        {{ regex_first('entity_name', last_word_re) }} as last_name_word
    from unioned

)

select * from final
