{{ config(materialized='table') }}

{#- The state a finished build leaves for the next one to compare against (int_stories_changed):
    the current article versions of every story and the logic fingerprint they were built with.
    It depends on every story-incremental model, so dbt builds it last and skips it when one of
    them failed; the next run then rebuilds the same stories again. -#}

-- depends_on: {{ ref('dim_articles') }}
-- depends_on: {{ ref('fct_mentions') }}
-- depends_on: {{ ref('fct_figures') }}
-- depends_on: {{ ref('fct_dates') }}
-- depends_on: {{ ref('fct_reactions') }}
-- depends_on: {{ ref('claim_agreement') }}
-- depends_on: {{ ref('event_date_agreement') }}
-- depends_on: {{ ref('int_lexicon_matches') }}

with

current_articles as (

    select
        story_id,
        article_id
    from {{ ref('stg_news__articles') }}
    where is_current

),

final as (

    select
        story_id,
        article_id,
        '{{ logic_fingerprint() }}' as logic_fingerprint
    from current_articles

)

select * from final
