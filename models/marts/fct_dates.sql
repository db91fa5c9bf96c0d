{#- One row per date expression in an article body: where it stands, the range it denotes, how
    that was worked out and which event of the story it dates. -#}

-- depends_on: {{ ref('int_stories_changed') }}

with

dates as (

    select * from {{ ref('int_dates_aligned') }}
    where {{ in_changed_stories() }}

),

articles as (

    select
        article_id,
        source_file,
        outlet
    from {{ ref('int_articles_changed') }}
    where is_current and {{ in_changed_stories() }}

),

final as (

    select
        ---------- ids
        dates.date_id,
        dates.article_id,
        dates.story_id,
        dates.sentence_id,
        articles.source_file,
        articles.outlet,

        ---------- where it stands
        dates.surface,
        dates.char_start,
        dates.char_end,
        dates.sentence_text,

        ---------- what it denotes
        dates.resolved_start,
        dates.resolved_end,
        dates.granularity,
        dates.rule,
        dates.is_relative,
        dates.resolution_basis,
        dates.published_date,
        dates.publication_window_start,
        dates.publication_window_end,

        ---------- which event it dates
        dates.event_key,
        dates.event_key_basis,
        dates.event_class,
        dates.event_cue,
        dates.event_cue_stem

    from dates
    inner join articles on dates.article_id = articles.article_id

)

select * from final
