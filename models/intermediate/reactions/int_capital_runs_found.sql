{#- Runs of capitalised words in the article bodies (`United States`, `Police Chief
    Maria Lopez`), numbered in body order: what the story calls its actors, read by
    int_story_principals (who the story is about) and int_run_full_names_found (the full names
    a surname may stand for). -#}

-- depends_on: {{ ref('int_stories_changed') }}

with

articles as (

    select
        article_id,
        story_id,
        {{ article_body() }} as body
    from {{ ref('int_articles_changed') }}
    where is_current and {{ in_changed_stories() }}

),

listed as (

    select
        story_id,
        article_id,
        {{ regex_matches("body", capital_run_regex()) }} as run_list
    from articles

),

final as (

    select
        story_id,
        article_id,
        {{ explode_columns('run_list', 'run', 'run_no') }}
    from listed

)

select * from final
