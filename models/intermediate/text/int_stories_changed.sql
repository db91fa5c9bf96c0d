{{ config(materialized='table') }}

{#- The stories this run rebuilds: those whose set of current article versions differs from the
    set the last finished build recorded (an article added, changed or removed), those no longer
    present, and all of them on a first build, after --full-refresh, or when the logic fingerprint
    changed. -#}

{%- set built = previous_build_state() %}

with

current_articles as (

    select
        story_id,
        article_id
    from {{ ref('stg_news__articles') }}
    where is_current

),

previous_articles as (

    {% if built is not none -%}
        select
            story_id,
            article_id,
            logic_fingerprint
        from {{ built }}
    {%- else -%}
        select
            story_id,
            article_id,
            '' as logic_fingerprint
        from current_articles
        where false
    {%- endif %}

),

differences as (

    select coalesce(current_articles.story_id, previous_articles.story_id) as story_id
    from current_articles
    full outer join previous_articles
        on
            current_articles.story_id = previous_articles.story_id
            and current_articles.article_id = previous_articles.article_id
    where
        current_articles.article_id is null
        or previous_articles.article_id is null
        or previous_articles.logic_fingerprint != '{{ logic_fingerprint() }}'

)

select distinct story_id from differences
