{#- Titles of works in quotes (films, books, albums, shows: `"The Fourth Minister"`, `"A Window
    in Monaco."`): quotes of int_quotes_found written as titles (macro work_title_re), with the
    span of their words past a leading article and before a closing stop (name_start, name_end).
    A word the classifier picks out of a longer title is part of it, no name of its own
    (int_mentions_extracted leaves it out: `Fourth` of `"The Fourth Minister"`); a title that is
    all name is often a nickname or a body's name, which news annotates (`"The Super Peasants"`,
    `"Republic of Padania"`), and names rules found inside a title stay (`"Andy Warhol: Photographs
    and Prints"`). -#}

-- depends_on: {{ ref('int_stories_changed') }}

with

quotes as (

    select
        article_id,
        story_id,
        char_start,
        char_end,
        quote
    from {{ ref('int_quotes_found') }}
    where {{ in_changed_stories() }}

),

final as (

    select
        article_id,
        story_id,
        char_start,
        char_end,
        quote as title,
        char_start + length({{ regex_extract('quote', "'^((The|A|An|La|Le|Les|El) )?'", 0) }}) as name_start,
        char_end - length({{ regex_extract('quote', "'[.,!?]?$'", 0) }}) as name_end
    from quotes
    where {{ regex_contains('quote', sql_regex(work_title_re())) }}

)

select * from final
