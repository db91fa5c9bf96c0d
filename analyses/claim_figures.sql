-- Every figure about one claim, with the sentence it comes from and who published it when.
-- Choose the claim with a DuckDB variable set before the file runs:
--   duckdb -readonly warehouse.duckdb -cmd "set variable claim_key = 'some_claim'" -f analyses/claim_figures.sql
-- Without it, the claim reported by the most articles is shown.
with

ranked as (

    select
        story_id,
        claim_key,
        row_number() over (
            order by n_articles desc, n_outlets desc, story_id asc, claim_key asc
        ) as popularity
    from marts.claim_agreement

),

chosen as (

    select
        story_id,
        claim_key
    from ranked
    -- a set variable picks its claim in every story; an unset one (NULL) falls back to the top claim
    where coalesce(claim_key = getvariable('claim_key'), popularity = 1)

)

select
    figures.claim_key,
    articles.outlet,
    articles.published_date,
    articles.source_file,
    figures.surface,
    figures.value,
    figures.value_low,
    figures.value_high,
    figures.qualifier,
    figures.char_start,
    figures.char_end,
    figures.sentence_text
from marts.fct_figures as figures
inner join chosen
    on
        figures.story_id = chosen.story_id
        and figures.claim_key = chosen.claim_key
inner join marts.dim_articles as articles
    on figures.article_id = articles.article_id
order by
    articles.published_date asc nulls last,
    articles.source_file asc,
    figures.char_start asc
