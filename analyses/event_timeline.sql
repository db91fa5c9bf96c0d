-- A timeline of the events the articles date: when each happened by the outlets' consensus,
-- whether they agree, and the words they use for it. Undatable events come last.
with

wordings as (

    select
        story_id,
        event_key,
        count(distinct article_id) as n_dating_articles,
        string_agg(distinct surface, ' | ' order by surface) as wordings
    from marts.fct_dates
    where event_key is not null
    group by story_id, event_key

)

select
    events.consensus_start,
    events.consensus_end,
    events.story_id,
    events.event_key,
    events.status,
    events.n_articles,
    wordings.wordings
from marts.event_date_agreement as events
left join wordings
    on
        events.story_id = wordings.story_id
        and events.event_key = wordings.event_key
order by
    events.consensus_start asc nulls last,
    events.consensus_end asc nulls last,
    events.story_id asc,
    events.event_key asc
