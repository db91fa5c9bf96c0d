{{ config(materialized='table') }}

{#- The stories this run rebuilds: those whose set of current article versions differs from the
    set the last finished build recorded (an article added, changed or removed), those no longer
    present, and all of them on a first build, after --full-refresh, or when the logic fingerprint
    changed (`rebuild_all`). Stories are numbered into batches of about
    var('story_batch_articles') articles in story_key order, for the story_batched
    materialization: each batch is a contiguous range of story_key, which it filters its inputs by
    (together with the exact story_id), so it reads only its own row groups. `was_built` tells
    the stories that may have rows, which a run deletes before it writes them again: those the last
    finished build wrote, and those of the last run, which may have stopped after some models; every
    row this run writes carries its `build_started_at`. With var max_run_articles, a run takes
    the changed stories of about that many articles and `stories_waiting` counts the others, which
    the next run takes (warehouse.runs runs dbt again until none waits). -#}
-- sqlfluff:render_variant_limit:5

{%- set built = previous_build_state() %}
{%- set last_run = previous_build_state(this.identifier) %}

with

current_articles as (

    select
        story_id,
        article_id
    from {{ ref('stg_news__articles') }}
    where is_current

),

story_sizes as (

    select
        story_id,
        count(*) as n_articles
    from current_articles
    group by story_id

),

previous_articles as (

    {{ built_articles(built, 'current_articles') }}

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

),

rebuild as (

    -- nothing built yet with these rules: every table is written anew. Not once a run of them has
    -- finished (max_run_articles): the stories it left wait with the old rules' rows.
    select
        not coalesce(
            bool_or(logic_fingerprint = '{{ logic_fingerprint() }}'), false
        ) as rebuild_all
    from previous_articles

),

-- the stories of the last run, which may have failed after some models wrote their rows
last_run as (

    {% if last_run is not none -%}
        select story_id from {{ last_run }}
    {%- else -%}
        select story_id from current_articles
        where false
    {%- endif %}

),

-- a removed story is no longer in staging: its key is computed as staging computes it
changed as (

    select
        story_id,
        {{ stable_key('story_id') }} as story_key
    from differences
    group by story_id

),

ordered as (

    select
        changed.story_id,
        changed.story_key,
        rebuild.rebuild_all,
        changed.story_id in (select previous_articles.story_id from previous_articles)
        or changed.story_id in (select last_run.story_id from last_run) as was_built,
        coalesce(sum(story_sizes.n_articles) over (
            order by changed.story_key, changed.story_id rows between unbounded preceding and 1 preceding
        ), 0) as articles_before
    from changed
    cross join rebuild
    left join story_sizes on changed.story_id = story_sizes.story_id

),

{% set max_articles = var('max_run_articles') | int -%}
-- A run takes the stories of at most about max_run_articles articles (0: all of them), the first
-- story always; the others wait for the next run.
this_run as (

    select *
    from ordered
    {% if max_articles > 0 -%}
        where articles_before < {{ max_articles }}
    {%- endif %}

),

waiting as (

    select count(*) as n_stories
    from ordered
    where story_id not in (select this_run.story_id from this_run)

),

final as (

    select
        this_run.story_id,
        this_run.story_key,
        this_run.was_built,
        {{ build_started_at() }} as build_started_at,
        this_run.rebuild_all,
        cast(floor(this_run.articles_before / {{ var('story_batch_articles') }}) as integer) as batch_no,
        cast(waiting.n_stories as integer) as stories_waiting
    from this_run
    cross join waiting

)

select * from final
