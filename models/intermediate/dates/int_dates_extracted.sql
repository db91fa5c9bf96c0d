{#- Date expressions in the article bodies, resolved against the article's own publication date:
    the assembly of the date rule families.
    - int_date_tokens_shaped: the tokens (int_tokens) of sentences that can hold a date, with their
      shape in the date grammar;
    - int_date_expressions_matched: the expressions the grammar (seed `relative_date_rules`)
      matches, parsed and resolved against the publication date;
    - int_date_cues_assigned: the event each expression dates (seed `event_cues`), or `deadline`.
    This model adds the text each expression covers and keeps the columns the marts read. A range
    runs forward: a month or day without a year that ends a range (`to`, `through`, `until`, `and`
    or a dash right after the one before it) and resolves before its start is the next year's
    (`from November to January`, `between July and September`, `Dec. 20 to Jan. 5`). A weekday set
    right before the day it falls on (`since Wednesday, October 22`) is that day. -#}

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

ranged as (

    select
        expressions.*,
        lag(expressions.resolved_start) over in_sentence as previous_start,
        lag(expressions.granularity) over in_sentence as previous_granularity,
        lag(expressions.char_end) over in_sentence as previous_end,
        lead(expressions.resolved_start) over in_sentence as next_start,
        lead(expressions.resolved_end) over in_sentence as next_end,
        lead(expressions.char_start) over in_sentence as next_char_start
    from expressions
    window in_sentence as (partition by expressions.sentence_key order by expressions.start_token_no)

),

range_ends as (

    select
        ranged.* exclude (resolved_start, resolved_end, next_start, next_end, next_char_start),
        case
            when rolls_forward then {{ add_months('ranged.resolved_start', 12) }}
            when names_the_next_day then ranged.next_start
            else ranged.resolved_start
        end as resolved_start,
        case
            when rolls_forward then {{ add_months('ranged.resolved_end', 12) }}
            when names_the_next_day then ranged.next_end
            else ranged.resolved_end
        end as resolved_end
    from (
        select
            ranged.*,
            coalesce(
                ranged.is_relative
                and ranged.year_number is null
                and ranged.month_number is not null
                and ranged.granularity in ('month', 'day')
                and ranged.granularity = ranged.previous_granularity
                and ranged.resolved_start < ranged.previous_start
                and {{ regex_contains(
                    sentence_text_from('ranged.previous_end', 'ranged.char_start - ranged.previous_end'),
                    sql_regex(range_connector_re())) }},
                false
            ) as rolls_forward,
            -- a weekday set before the day it falls on (`since Wednesday, October 22`, `Monday (Nov.
            -- 3)`) is that day, not the weekday nearest to publication
            coalesce(
                ranged.weekday_number is not null
                and ranged.granularity = 'day'
                and ranged.next_start = ranged.next_end
                and {{ iso_weekday('ranged.next_start') }} = ranged.weekday_number
                and {{ regex_contains(
                    sentence_text_from('ranged.char_end', 'ranged.next_char_start - ranged.char_end'),
                    "'^\\s*[,(]?\\s*$'") }},
                false
            ) as names_the_next_day
        from ranged
        inner join sentences on ranged.sentence_id = sentences.sentence_id
    ) as ranged

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
    from range_ends as expressions
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
