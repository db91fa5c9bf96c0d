{#- Date expressions in the article bodies, resolved against the article's own publication date:
    the assembly of the date rule families.
    - int_date_tokens_shaped: the tokens (int_tokens) of sentences that can hold a date, with their
      shape in the date grammar;
    - int_date_expressions_matched: the expressions the grammar (seed `relative_date_rules`)
      matches, parsed and resolved against the publication date;
    - int_date_cues_assigned: the event each expression dates (seed `event_cues`), or `deadline`.
    This model adds the text each expression covers and keeps the columns the marts read. -#}

-- depends_on: {{ ref('int_stories_changed') }}

with

expressions as (

    select *
    from {{ ref('int_date_expressions_matched') }}
    where {{ in_changed_stories() }}

),

cues as (

    select *
    from {{ ref('int_date_cues_assigned') }}
    where {{ in_changed_stories() }}

),

sentences as (

    select
        sentence_id,
        char_start as sentence_start,
        sentence_text
    from {{ ref('int_sentences') }}
    where {{ in_changed_stories() }}

),

joined as (

    select
        expressions.*,
        cues.event_class,
        cues.event_cue,
        cues.event_cue_stem,
        sentences.sentence_text,
        expressions.article_id || ':' || cast(expressions.char_start as varchar) as date_id,
        substr(
            sentences.sentence_text,
            expressions.char_start - sentences.sentence_start + 1,
            expressions.char_end - expressions.char_start
        ) as surface,
        case when expressions.resolved_start is not null then 'article' end as resolution_basis
    from expressions
    inner join sentences on expressions.sentence_id = sentences.sentence_id
    left join cues
        on expressions.sentence_key = cues.sentence_key
            and expressions.start_token_no = cues.start_token_no

),

final as (

    select
        ---------- ids
        date_id,
        article_id,
        story_id,
        sentence_id,

        ---------- where it stands
        char_start,
        char_end,
        surface,
        sentence_text,

        ---------- how it was read
        pattern,
        rule,  -- noqa: RF04
        resolution_method,
        granularity,
        unit_offset,
        year_number,
        end_year_number,
        month_number,
        day_number,
        weekday_number,
        is_relative,
        follows_future_marker,
        is_quoted,

        ---------- which happening it dates
        event_class,
        event_cue,
        event_cue_stem,

        ---------- resolution against the publication date
        published_date,
        resolved_start,
        resolved_end,
        resolution_basis
    from joined

)

select * from final
