{#- The grammar family of date expressions: the matches of seed `relative_date_rules`
    (int_date_patterns_matched) parsed into their parts and resolved against the article's own
    publication date.

    A future marker earlier in the same clause (`will meet on Friday`) turns a bare weekday, month
    or yearless day forward. `today`/`yesterday` inside a quotation refer to when the words were
    spoken, not to publication, and are left out; so are names (`Good Friday`), year-shaped counts
    (`2000 people`, `about 2000`) and `the year before` followed by what it counts from (`the year
    before the war`). Relative expressions stay NULL without a publication date. -#}

{%- set swapped -%}
    (method = 'numeric_day' and not is_day_first and day_number <= 12
    and bool_or(is_day_first) over (partition by article_id))
{%- endset %}

-- depends_on: {{ ref('int_stories_changed') }}

with

kept as (

    select *
    from {{ ref('int_date_patterns_matched') }}
    where {{ in_changed_stories() }}

),

shaped as (

    select *
    from {{ ref('int_date_tokens_shaped') }}
    where {{ in_changed_stories() }}

),

articles as (

    select
        article_id,
        published_date
    from {{ ref('int_articles_changed') }}
    where is_current and {{ in_changed_stories() }}

),

context_words as (

    select
        role,
        match_key as word
    from {{ ref('stg_lexicons__date_context_words') }}

),

counted as (

    select distinct match_key as word
    from {{ ref('stg_lexicons__counted_classes') }}

),

name_prefixes as (

    select context_words.word
    from context_words
    where context_words.role = 'name_prefix'

),

count_markers as (

    select context_words.word
    from context_words
    where context_words.role = 'count_marker'

),

-- A lone year-shaped number is a count before a counted noun or unit (`2000 people`, `1500 km`)
-- or after a count marker (`about 2000`); not before the singular of a noun whose plural is
-- listed too (`World Cup 2018 day five`), since a count of thousands takes the plural.
count_nouns as (

    select counted.word
    from counted
    where counted.word || 's' not in (select plurals.word from counted as plurals)

),

-- `the first new governor in twelve years`, `the highest level in a decade`: a span back to where a
-- record starts, not a time ahead, after a future word too (`will become the first ... in twelve
-- years`). The record word follows `the` and stands two or three words before the span, with what
-- it ranks between: `will hold a protest in two weeks`, `the inquest in two weeks` are ahead.
record_spans as (

    select distinct
        kept.sentence_key,
        kept.start_token_no
    from kept
    inner join shaped as t
        on
            kept.sentence_key = t.sentence_key
            and t.token_no between kept.start_token_no - 3 and kept.start_token_no - 2
    inner join shaped as article
        on t.sentence_key = article.sentence_key and t.token_no - 1 = article.token_no
    where
        kept.method = 'duration'
        and article.token_key = 'the'
        and {{ regex_contains('t.token_key', sql_regex(record_word_re())) }}

),

parsed as (

    select
        kept.sentence_key,
        kept.start_token_no,
        kept.end_token_no,
        kept.previous_shape,
        kept.pattern,
        kept.method,
        kept.unit_offset,
        kept.granularity,
        kept.skip_in_quotes,
        bool_or(t.token_no = kept.start_token_no and t.follows_future_marker)
        and kept.future_method is not null as turns_forward,
        bool_or(t.token_no = kept.start_token_no and t.follows_future_marker) as follows_future_marker,
        bool_or(t.token_no = kept.start_token_no and t.follows_past_form) as follows_past_form,
        coalesce(kept.future_rule, kept.rule) as future_rule,
        coalesce(kept.future_method, kept.method) as future_method,
        kept.rule as plain_rule,
        bool_or(t.is_quoted) as is_quoted,
        min(kept.sentence_id) as sentence_id,
        min(kept.article_id) as article_id,
        min(kept.story_id) as story_id,
        min(t.char_start) as char_start,
        max(t.char_end) as char_end,
        min(t.word_no) as start_word_no,
        max(t.word_no) as end_word_no,
        min(t.clause_no) as start_clause_no,
        max(t.clause_no) as end_clause_no,
        case
            when kept.method = 'numeric_day'
                then coalesce(
                        min(t.year_value),
                        max(case when t.token_no = kept.start_token_no + 4 then t.two_digit_year end)
                    )
            else min(t.year_value)
        end as year_number,
        max(t.year_value) as end_year_number,
        case
            when kept.method = 'iso_day' then max(case when t.token_no = kept.start_token_no + 2 then t.day_value end)
            when kept.method = 'numeric_day' then {{ numeric_date_part('month', 't', 'kept.start_token_no') }}
            else max(t.month_number)
        end as month_number,
        case
            when kept.method = 'iso_day' then max(case when t.token_no = kept.start_token_no + 4 then t.day_value end)
            when kept.method = 'numeric_day' then {{ numeric_date_part('day', 't', 'kept.start_token_no') }}
            else max(t.day_value)
        end as day_number,
        max(t.weekday_number) as weekday_number,
        kept.method = 'numeric_day' and coalesce({{ numeric_date_is_day_first('t', 'kept.start_token_no') }}, false)
            as is_day_first,
        max(case when t.token_no = kept.end_token_no then t.next_token_key end) as next_word
    from kept
    inner join shaped as t
        on kept.sentence_key = t.sentence_key
            and t.token_no between kept.start_token_no and kept.end_token_no
    group by
        kept.sentence_key,
        kept.start_token_no,
        kept.end_token_no,
        kept.previous_shape,
        kept.pattern,
        kept.rule,
        kept.method,
        kept.unit_offset,
        kept.granularity,
        kept.future_rule,
        kept.future_method,
        kept.skip_in_quotes

),

-- an article that writes one numeric date day first (`14/07/2025`) writes them all so (`12/09/2025`
-- is 12 September there, not 9 December)
mentions as (

    select
        * exclude (month_number, day_number),
        case when {{ swapped }} then day_number else month_number end as month_number,
        case when {{ swapped }} then month_number else day_number end as day_number,
        case when turns_forward then future_rule else plain_rule end as date_rule,
        case
            when turns_forward then future_method
            -- `shares rose sharply on Thursday` in a Wednesday article: last week's Thursday (a wire
            -- story's `headed Tuesday to East Africa`, written the day before, keeps the coming one)
            when method = 'weekday_on_or_before' and follows_past_form and previous_shape = 'on'
                then 'weekday_not_after'
            else method
        end as resolution_method
    from parsed
    where
        not (skip_in_quotes and is_quoted)
        -- `in five years` is a span of time unless a future word comes before it, and no record
        and (turns_forward or method != 'duration')
        and not exists (
            select 1
            from record_spans
            where
                record_spans.sentence_key = parsed.sentence_key
                and record_spans.start_token_no = parsed.start_token_no
        )
        -- `Good Friday`, `Super Tuesday`: part of a name.
        and coalesce(previous_shape, '') not in (select name_prefixes.word from name_prefixes)
        -- `the year before` stands alone; in `the year before the war` it counts from the war
        and not (
            {{ regex_contains('pattern', "' before$'") }}
            and {{ regex_contains("coalesce(next_word, '')", "'^[\\pL\\pN]'") }}
        )
        and not (
            pattern = '<year>'
            and (
                coalesce(previous_shape, '') in (select count_markers.word from count_markers)
                or coalesce(next_word, '') in (select count_nouns.word from count_nouns)
            )
        )

),

resolved as (

    select
        mentions.*,
        articles.published_date,
        {{ date_range_start('articles.published_date', parts='mentions.') }} as range_start
    from mentions
    left join articles on mentions.article_id = articles.article_id

),

final as (

    select
        sentence_id,
        sentence_key,
        article_id,
        story_id,
        start_token_no,
        end_token_no,
        start_word_no,
        end_word_no,
        start_clause_no,
        end_clause_no,
        char_start,
        char_end,
        pattern,
        date_rule as rule,  -- noqa: RF04
        resolution_method,
        granularity,
        unit_offset,
        year_number,
        end_year_number,
        month_number,
        day_number,
        weekday_number,
        {{ date_method_is_relative('resolution_method') }} as is_relative,
        follows_future_marker,
        is_quoted,
        published_date,
        range_start as resolved_start,
        {{ date_range_end('range_start') }} as resolved_end
    from resolved

)

select * from final
