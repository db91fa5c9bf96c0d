-- Every event a date is attached to has its row in event_date_agreement, with the same articles.
-- Only the stories this run rebuilt (macros/test_scope.sql).
with

dates as (

    select
        story_id,
        event_key,
        count(distinct article_id) as n_articles
    from {{ ref('fct_dates') }}
    where event_key is not null and {{ in_tested_stories() }}
    group by story_id, event_key

)

select
    dates.story_id,
    dates.event_key,
    dates.n_articles as articles_in_fct,
    agreement.n_articles as articles_in_agreement
from dates
left join {{ ref('event_date_agreement') }} as agreement
    on
        dates.story_id = agreement.story_id
        and dates.event_key = agreement.event_key
where agreement.event_key is null or dates.n_articles != agreement.n_articles
