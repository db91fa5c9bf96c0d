{#- One row per attributed quote (int_reactions_extracted). A speaker that is a named entity (its
    phrase ends in a mention: int_speaker_mentions_matched) carries the name fct_mentions gives
    that mention, so one entity has one name across fct_mentions and fct_reactions; other
    speakers (documents, unnamed bodies, the parties) keep the reaction rules' name. -#}

-- depends_on: {{ ref('int_stories_changed') }}

with

reactions as (

    select * from {{ ref('int_reactions_extracted') }}
    where {{ in_changed_stories() }}

),

articles as (

    select
        article_id,
        outlet
    from {{ ref('int_articles_changed') }}
    where {{ in_changed_stories() }}

),

mentions as (

    select
        mention_id,
        entity_name
    from {{ ref('fct_mentions') }}
    where {{ in_changed_stories() }}

),

named as (

    -- a named entity's name is fct_mentions' name of its mention; the span only when that mention is there
    select
        reactions.*,
        coalesce(mentions.entity_name, reactions.speaker) as canonical_speaker,
        case when mentions.mention_id is not null then reactions.speaker_char_start end as named_start,
        case when mentions.mention_id is not null then reactions.speaker_char_end end as named_end
    from reactions
    left join mentions
        on reactions.speaker_mention_id = mentions.mention_id

),

final as (

    select
        ---------- ids
        reactions.quote_id as reaction_id,
        reactions.article_id,
        reactions.sentence_id,
        reactions.story_id,

        ---------- who said what
        reactions.canonical_speaker as speaker,
        reactions.speaker_affiliation,
        reactions.speaker_role,
        reactions.speaker_surface,
        reactions.cue,
        reactions.attribution,
        reactions.quote,
        reactions.stance,
        reactions.kind,

        ---------- where
        reactions.char_start,
        reactions.char_end,
        articles.outlet,
        reactions.named_start as speaker_char_start,
        reactions.named_end as speaker_char_end
    from named as reactions
    inner join articles
        on reactions.article_id = articles.article_id

)

select * from final
