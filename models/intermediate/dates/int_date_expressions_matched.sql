{#- The date expressions of the article bodies, resolved against the article's own publication
    date, of every rule family, each in its own model:
    - int_date_grammar_matched: the patterns of the date grammar (seed `relative_date_rules`,
      matched in int_date_patterns_matched), parsed and resolved;
    - int_date_appositions_matched: a day-naming phrase set off by commas beside a date of one
      day, as an expression of that day (`Saturday night, the opening night,`).
    Downstream models (int_date_cues_assigned, int_dates_extracted) key an expression by its
    sentence and first token, which no two expressions share. -#}

-- depends_on: {{ ref('int_stories_changed') }}

with

families as (

    select {{ date_expression_columns() | join(', ') }}
    from {{ ref('int_date_grammar_matched') }}
    where {{ in_changed_stories() }}

    union all

    select {{ date_expression_columns() | join(', ') }}
    from {{ ref('int_date_appositions_matched') }}
    where {{ in_changed_stories() }}

),

final as (

    select
        ---------- ids
        sentence_id,
        cast(sentence_key as bigint) as sentence_key,
        article_id,
        story_id,

        ---------- where it stands
        cast(start_token_no as integer) as start_token_no,
        cast(end_token_no as integer) as end_token_no,
        cast(start_word_no as integer) as start_word_no,
        cast(end_word_no as integer) as end_word_no,
        cast(start_clause_no as integer) as start_clause_no,
        cast(end_clause_no as integer) as end_clause_no,
        cast(char_start as integer) as char_start,
        cast(char_end as integer) as char_end,

        ---------- how it was read
        pattern,
        rule,  -- noqa: RF04
        resolution_method,
        granularity,
        cast(unit_offset as integer) as unit_offset,
        cast(year_number as integer) as year_number,
        cast(end_year_number as integer) as end_year_number,
        cast(month_number as integer) as month_number,
        cast(day_number as integer) as day_number,
        cast(weekday_number as integer) as weekday_number,
        is_relative,
        follows_future_marker,
        is_quoted,

        ---------- resolution against the publication date
        published_date,
        resolved_start,
        resolved_end
    from families

)

select * from final
