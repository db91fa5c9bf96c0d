-- Every claim a figure is aligned to has its row in claim_agreement, counting the same figures
-- and articles: a BI user reading the mart sees every claim the facts support, no more, no less.
-- Only the stories this run rebuilt (macros/test_scope.sql).
with

figures as (

    select
        story_id,
        claim_key,
        count(*) as n_figures,
        count(distinct article_id) as n_articles
    from {{ ref('fct_figures') }}
    where claim_key is not null and {{ in_tested_stories() }}
    group by story_id, claim_key

),

agreement as (

    select
        story_id,
        claim_key,
        n_figures,
        n_articles
    from {{ ref('claim_agreement') }}
    where {{ in_tested_stories() }}

)

select
    figures.n_figures as figures_in_fct,
    agreement.n_figures as figures_in_agreement,
    figures.n_articles as articles_in_fct,
    agreement.n_articles as articles_in_agreement,
    coalesce(figures.story_id, agreement.story_id) as story_id,
    coalesce(figures.claim_key, agreement.claim_key) as claim_key
from figures
full outer join agreement
    on
        figures.story_id = agreement.story_id
        and figures.claim_key = agreement.claim_key
where
    figures.claim_key is null
    or agreement.claim_key is null
    or figures.n_figures != agreement.n_figures
    or figures.n_articles != agreement.n_articles
