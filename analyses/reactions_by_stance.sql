-- Who reacted how: attributed quotes by the speaker's country or affiliation and by stance,
-- with how many articles and named outlets carry them and who the speakers are. `statements` are the
-- principals' own words, `reactions` third parties responding.
with

reactions as (

    select
        reactions.stance,
        reactions.kind,
        reactions.speaker,
        reactions.article_id,
        articles.outlet,
        coalesce(reactions.speaker_affiliation, '(unknown)') as affiliation
    from marts.fct_reactions as reactions
    inner join marts.dim_articles as articles
        on reactions.article_id = articles.article_id

)

select
    affiliation,
    stance,
    count(*) as n_quotes,
    count(*) filter (where kind = 'reaction') as n_reactions,
    count(*) filter (where kind = 'statement') as n_statements,
    count(distinct article_id) as n_articles,
    count(distinct outlet) as n_named_outlets,
    string_agg(distinct speaker, '; ' order by speaker) as speakers
from reactions
group by affiliation, stance
order by affiliation asc, n_quotes desc, stance asc
