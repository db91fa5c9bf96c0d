with

articles as (

    select * from {{ ref('dim_articles') }}
    where outlet is not null

),

final as (

    select
        outlet,
        count(*) as n_articles,
        count(distinct story_id) as n_stories,
        min(published_date) as first_published_date,
        max(published_date) as last_published_date,
        sum(word_count) as total_words
    from articles
    group by outlet

)

select * from final
