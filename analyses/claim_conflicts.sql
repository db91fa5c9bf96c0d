-- Which claims do the outlets disagree on, and who says what. One row per claim of a story: its
-- status across the story's articles, the values seen, and every source with the words it uses.
-- Conflicts come first, then vague claims, then claims only one source makes, then agreed ones.
with

claims as (

    select
        story_id,
        claim_key,
        status,
        consensus_value,
        min_value,
        max_value,
        n_articles,
        n_outlets
    from marts.claim_agreement

),

sources as (

    select
        figures.story_id,
        figures.claim_key,
        string_agg(
            coalesce(articles.outlet, articles.source_file) || ': ' || figures.surface,
            ' | '
            order by coalesce(articles.outlet, articles.source_file), figures.char_start
        ) as who_says_what
    from marts.fct_figures as figures
    inner join marts.dim_articles as articles
        on figures.article_id = articles.article_id
    group by figures.story_id, figures.claim_key

)

select
    claims.story_id,
    claims.claim_key,
    claims.status,
    claims.consensus_value,
    claims.min_value,
    claims.max_value,
    claims.n_articles,
    claims.n_outlets,
    sources.who_says_what
from claims
left join sources
    on
        claims.story_id = sources.story_id
        and claims.claim_key = sources.claim_key
order by
    case claims.status
        when 'conflict' then 1
        when 'vague' then 2
        when 'single_source' then 3
        else 4
    end,
    claims.story_id asc,
    claims.n_articles desc,
    claims.claim_key asc
