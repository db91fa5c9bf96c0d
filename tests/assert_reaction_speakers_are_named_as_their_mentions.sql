{#- One entity, one name: a reaction whose speaker is a named entity (it has a speaker span) is
    named exactly as fct_mentions names the mention at that span of the same article, and that
    mention exists. Failing rows show both names. Only the stories this run rebuilt
    (macros/test_scope.sql). -#}

select
    reactions.reaction_id,
    reactions.article_id,
    reactions.speaker_char_start,
    reactions.speaker_char_end,
    reactions.speaker,
    mentions.entity_name as mention_name
from {{ ref('fct_reactions') }} as reactions
left join {{ ref('fct_mentions') }} as mentions
    on
        reactions.article_id = mentions.article_id
        and reactions.speaker_char_start = mentions.char_start
        and reactions.speaker_char_end = mentions.char_end
where
    reactions.speaker_char_start is not null
    and {{ in_tested_stories('reactions.story_id') }}
    and (mentions.entity_name is null or mentions.entity_name != reactions.speaker)
