-- depends_on: {{ ref('int_stories_changed') }}

with

articles as (

    select * from {{ ref('int_articles_changed') }}
    where {{ in_changed_stories() }}

),

versions as (

    select
        story_id,
        source_file,
        count(*) as n_versions
    from articles
    group by story_id, source_file

),

sentences as (

    select
        article_id,
        count(*) as n_sentences
    from {{ ref('int_sentences') }}
    where {{ in_changed_stories() }}
    group by article_id

),

final as (

    select
        ---------- ids
        articles.article_id,
        articles.story_id,
        articles.source_file,

        ---------- where it came from
        articles.outlet,
        articles.outlet_basis,
        articles.published_date,
        articles.published_date_basis,
        articles.dateline,
        articles.title,
        articles.url,

        ---------- the text
        articles.body_start,
        articles.body_end,
        articles.headline_start,
        articles.headline_end,
        articles.word_count,
        articles.encoding,
        articles.byte_size,

        ---------- lineage
        articles.version,
        versions.n_versions,
        articles.run_id,
        articles.ingested_at,

        ---------- derived
        coalesce(sentences.n_sentences, 0) as n_sentences

    from articles
    inner join versions
        on
            articles.story_id = versions.story_id
            and articles.source_file = versions.source_file
    left join sentences on articles.article_id = sentences.article_id
    where articles.is_current

)

select * from final
