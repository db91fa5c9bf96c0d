-- Articles per outlet with their publication dates. Articles whose text names no outlet are
-- grouped as '(not named)'; undated ones are counted and listed as 'undated'.
select
    coalesce(outlet, '(not named)') as outlet,
    count(*) as n_articles,
    count(distinct story_id) as n_stories,
    min(published_date) as first_published,
    max(published_date) as last_published,
    count(*) - count(published_date) as n_undated,
    string_agg(
        coalesce(cast(published_date as varchar), 'undated') || ' ' || source_file,
        '; '
        order by published_date asc nulls last, source_file asc
    ) as articles
from marts.dim_articles
group by coalesce(outlet, '(not named)')
order by n_articles desc, outlet asc
