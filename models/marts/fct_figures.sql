{#- One row per numeric claim in an article body, with its claim and where it stands. -#}

-- depends_on: {{ ref('int_stories_changed') }}

with

figures as (

    select * from {{ ref('int_figures_aligned') }}
    where {{ in_changed_stories() }}

),

articles as (

    select
        article_id,
        source_file,
        outlet,
        published_date
    from {{ ref('int_articles_changed') }}
    where {{ in_changed_stories() }}

),

sentences as (

    select
        sentence_id,
        sentence_text
    from {{ ref('int_sentences') }}
    where {{ in_changed_stories() }}

),

final as (

    select
        ---------- ids
        figures.figure_id,
        figures.article_id,
        figures.sentence_id,
        figures.story_id,
        figures.claim_key,

        ---------- provenance
        figures.char_start,
        figures.char_end,
        figures.surface,
        sentences.sentence_text,
        articles.source_file,
        articles.outlet,
        articles.published_date,

        ---------- the number
        figures.number_text,
        figures.modifier,
        figures.value,
        figures.value_low,
        figures.value_high,
        figures.qualifier,
        figures.unit,

        ---------- what it counts
        figures.counted_phrase,
        figures.counted_class,
        figures.counted_what,
        figures.is_elliptical,
        figures.is_increment,
        figures.subject,
        figures.key_basis,
        figures.action_class,
        figures.time_frame
    from figures
    inner join articles on figures.article_id = articles.article_id
    inner join sentences on figures.sentence_id = sentences.sentence_id

)

select * from final
