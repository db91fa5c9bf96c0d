with

source as (

    select * from {{ source('news', 'articles') }}

),

versions as (

    select
        article_id,
        version = max(version) over (partition by story_id, source_file) as is_latest
    from {{ source('news', 'article_versions') }}

),

-- A text is current while some identity holds it now (its latest version). Not the newest row of
-- articles per identity: a text is stored once, under the name it was first seen with, so a file
-- that takes on a copy's text has its latest version stored under the copy's name.
held_now as (

    select distinct article_id
    from versions
    where is_latest

),

with_current as (

    select
        source.*,
        held_now.article_id is not null as is_current
    from source
    left join held_now on source.article_id = held_now.article_id

),

renamed as (

    select
        ---------- ids
        article_id,
        story_id,
        -- an integer for the story: story batches are ranges of it, which DuckDB's zonemaps can
        -- skip (they keep only an 8-byte prefix of a string, and story ids share theirs)
        {{ stable_key('story_id') }} as story_key,
        source_file,
        version,
        run_id,

        ---------- text and where its body lies
        raw_text,
        body_start,
        body_end,

        ---------- metadata
        outlet,
        outlet_basis,
        published_date,
        published_date_basis,
        dateline,
        title,
        url,
        encoding,
        byte_size,
        ingested_at,

        ---------- derived
        is_current,
        -- where the title stands in the text before the body (NULL when it came from metadata only):
        -- a headline's facts are facts of the article, with offsets like any other
        -- (instr is the same function in DuckDB and Spark)
        {{ headline_start() }} as headline_start,
        {{ headline_start() }} + length(title) as headline_end,
        -- English rules (lexicons, patterns) read only English bodies; too short to tell counts as English.
        coalesce(language, 'en') = 'en' as is_english,
        {{ count_words(article_body()) }} as word_count

    from with_current

)

select * from renamed
