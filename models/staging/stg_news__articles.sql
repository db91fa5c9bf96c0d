with

source as (

    select * from {{ source('news', 'articles') }}

),

renamed as (

    select
        ---------- ids
        article_id,
        story_id,
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
        -- where the title stands in the text before the body (NULL when it came from metadata only):
        -- a headline's facts are facts of the article, with offsets like any other
        -- (instr is the same function in DuckDB and Spark)
        nullif(instr(substr(raw_text, 1, body_start), title), 0) - 1 as headline_start,
        nullif(instr(substr(raw_text, 1, body_start), title), 0) - 1 + length(title) as headline_end,
        version = max(version) over (partition by story_id, source_file) as is_current,
        -- English rules (lexicons, patterns) read only English bodies; too short to tell counts as English.
        coalesce(language, 'en') = 'en' as is_english,
        {{ list_size(regex_matches("substr(raw_text, body_start + 1, body_end - body_start)", "'\\S+'")) }}
            as word_count

    from source

)

select * from renamed
