-- No guessing: an article without a publication date may have resolved relative dates only
-- where the story settled them, and then they say so. Only the stories this run rebuilt
-- (macros/test_scope.sql).
select
    dates.date_id,
    dates.source_file,
    dates.surface,
    dates.resolved_start,
    dates.resolution_basis
from {{ ref('fct_dates') }} as dates
inner join {{ ref('dim_articles') }} as articles
    on dates.article_id = articles.article_id
where
    articles.published_date is null
    and {{ in_tested_stories('dates.story_id') }}
    and dates.is_relative
    and dates.resolved_start is not null
    and dates.resolution_basis != 'story'
