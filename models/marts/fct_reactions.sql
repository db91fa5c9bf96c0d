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
    from {{ ref('stg_news__articles') }}
    where {{ in_changed_stories() }}

),

final as (

    select
        ---------- ids
        reactions.quote_id as reaction_id,
        reactions.article_id,
        reactions.sentence_id,
        reactions.story_id,

        ---------- who said what
        reactions.speaker,
        reactions.speaker_affiliation,
        reactions.speaker_surface,
        reactions.cue,
        reactions.attribution,
        reactions.quote,
        reactions.stance,
        reactions.kind,

        ---------- where
        reactions.char_start,
        reactions.char_end,
        articles.outlet
    from reactions
    inner join articles
        on reactions.article_id = articles.article_id

)

select * from final
