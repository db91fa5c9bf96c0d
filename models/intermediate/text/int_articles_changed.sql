{{ config(materialized='table') }}

{#- The articles (every version; is_current tells) of the stories this run rebuilds, with every column of staging, read from
    the raw text once per run and stored in story_key order. Story models read article text and
    metadata here rather than from stg_news__articles, a view that each story batch would
    otherwise evaluate over the whole corpus (versions, word counts) and whose raw text it would
    scan whole: here a batch's articles sit together, so its story_key range skips the others. -#}

with

changed as (

    select story_id from {{ ref('int_stories_changed') }}

),

articles as (

    select articles.*
    from {{ ref('stg_news__articles') }} as articles
    where articles.story_id in (select changed.story_id from changed)

)

select * from articles
order by story_key, story_id, article_id
