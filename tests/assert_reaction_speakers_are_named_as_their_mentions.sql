{#- One entity, one name: a reaction whose speaker is a named entity (it has a speaker span) is
    named exactly as fct_mentions names the mention at that span of the same article, and that
    mention exists. Failing rows show both names. Only the stories this run rebuilt
    (macros/test_scope.sql), on both sides: a mention of the article is in the article's story. -#}

with

reactions as (

    select
        reaction_id,
        article_id,
        speaker_char_start,
        speaker_char_end,
        speaker
    from {{ ref('fct_reactions') }}
    where speaker_char_start is not null and {{ in_tested_stories() }}

),

mentions as (

    select
        article_id,
        char_start,
        char_end,
        entity_name
    from {{ ref('fct_mentions') }}
    where {{ in_tested_stories() }}

)

select
    reactions.reaction_id,
    reactions.article_id,
    reactions.speaker_char_start,
    reactions.speaker_char_end,
    reactions.speaker,
    mentions.entity_name as mention_name
from reactions
left join mentions
    on
        reactions.article_id = mentions.article_id
        and reactions.speaker_char_start = mentions.char_start
        and reactions.speaker_char_end = mentions.char_end
where mentions.entity_name is null or mentions.entity_name != reactions.speaker
