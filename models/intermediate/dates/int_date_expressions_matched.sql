{#- Date expressions matched by the date grammar over the shaped tokens (int_date_tokens_shaped),
    parsed into their parts and resolved against the article's own publication date.

    The shapes of up to seven consecutive tokens are matched against seed `relative_date_rules`
    (pattern, required previous word, resolution method); at each start the longest pattern wins,
    and a match that overlaps an earlier one is dropped. A future marker earlier in the same
    clause (`will meet on Friday`) turns a bare weekday, month or yearless day forward.
    `today`/`yesterday` inside a quotation refer to when the words were spoken, not to
    publication, and are left out; so are names (`Good Friday`) and year-shaped counts (`2000
    people`, `about 2000`). Relative expressions stay NULL without a publication date. -#}

-- depends_on: {{ ref('int_stories_changed') }}

with

shaped as (

    select *
    from {{ ref('int_date_tokens_shaped') }}
    where {{ in_changed_stories() }}

),

-- the shapes of the next six tokens: the n-grams a pattern is compared with
tokens as (

    select
        *,
        lag(shape) over (partition by sentence_key order by token_no) as previous_shape,
        lead(token_key) over (partition by sentence_key order by token_no) as next_word,
        lead(shape, 1) over (partition by sentence_key order by token_no) as shape_1,
        lead(shape, 2) over (partition by sentence_key order by token_no) as shape_2,
        lead(shape, 3) over (partition by sentence_key order by token_no) as shape_3,
        lead(shape, 4) over (partition by sentence_key order by token_no) as shape_4,
        lead(shape, 5) over (partition by sentence_key order by token_no) as shape_5,
        lead(shape, 6) over (partition by sentence_key order by token_no) as shape_6
    from shaped

),

articles as (

    select
        article_id,
        published_date
    from {{ ref('int_articles_changed') }}
    where is_current and {{ in_changed_stories() }}

),

rules as (

    select
        pattern,
        rule,
        method,
        unit_offset,
        granularity,
        skip_in_quotes,
        -- a CSV read as text (dbt unit-test fixtures) gives '' where the seed load gives NULL
        nullif(future_rule, '') as future_rule,
        nullif(future_method, '') as future_method,
        coalesce(context, '') as context,
        {{ regex_first("pattern", "'^\\S+'") }} as first_shape,
        length(pattern) - length(replace(pattern, ' ', '')) + 1 as n_tokens
    from {{ ref('relative_date_rules') }}

),

context_words as (

    select
        role,
        match_key as word
    from {{ ref('stg_lexicons__date_context_words') }}

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
-- or after a count marker (`about 2000`).
count_nouns as (

    select distinct match_key as word
    from {{ ref('stg_lexicons__counted_classes') }}

),

-- Only tokens that can open a pattern are expanded into n-grams of their shapes; n-grams run past
-- the sentence's end as NULL (a NULL shape makes the gram NULL).
grams as (

    select *
    from (
        select
            sentence_key,
            start_token_no,
            previous_shape,
            {{ explode_columns('gram_list', 'gram', 'gram_tokens') }}
        from (
            select
                sentence_key,
                token_no as start_token_no,
                previous_shape,
                {{ list_of([
                    "shape",
                    "shape || ' ' || shape_1",
                    "shape || ' ' || shape_1 || ' ' || shape_2",
                    "shape || ' ' || shape_1 || ' ' || shape_2 || ' ' || shape_3",
                    "shape || ' ' || shape_1 || ' ' || shape_2 || ' ' || shape_3 || ' ' || shape_4",
                    "shape || ' ' || shape_1 || ' ' || shape_2 || ' ' || shape_3 || ' ' || shape_4 || ' ' || shape_5",
                    "shape || ' ' || shape_1 || ' ' || shape_2 || ' ' || shape_3 || ' ' || shape_4 || ' ' || shape_5"
                    ~ " || ' ' || shape_6",
                ]) }} as gram_list
            from tokens
            where shape in (select rules.first_shape from rules)
        ) as listed
    ) as exploded
    where gram is not null

),

matched as (

    select
        grams.sentence_key,
        grams.start_token_no,
        grams.previous_shape,
        rules.pattern,
        rules.rule,
        rules.method,
        rules.unit_offset,
        rules.granularity,
        rules.future_rule,
        rules.future_method,
        rules.skip_in_quotes,
        grams.start_token_no + rules.n_tokens - 1 as end_token_no,
        row_number() over (
            partition by grams.sentence_key, grams.start_token_no
            order by rules.n_tokens desc, rules.context desc, rules.pattern asc
        ) as rank_at_start
    from grams
    inner join rules
        on grams.gram = rules.pattern
            and (
                rules.context = ''
                or instr('|' || rules.context || '|', '|' || coalesce(grams.previous_shape, '') || '|') > 0
            )

),

longest as (

    select
        *,
        max(end_token_no) over (
            partition by sentence_key order by start_token_no
            rows between unbounded preceding and 1 preceding
        ) as previous_end_token_no
    from matched
    where rank_at_start = 1

),

kept as (

    select *
    from longest
    where previous_end_token_no is null or previous_end_token_no < start_token_no

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
        coalesce(kept.future_rule, kept.rule) as future_rule,
        coalesce(kept.future_method, kept.method) as future_method,
        kept.rule as plain_rule,
        bool_or(t.is_quoted) as is_quoted,
        min(t.sentence_id) as sentence_id,
        min(t.article_id) as article_id,
        min(t.story_id) as story_id,
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
        max(case when t.token_no = kept.end_token_no then t.next_word end) as next_word
    from kept
    inner join tokens as t
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

mentions as (

    select
        *,
        case when turns_forward then future_rule else plain_rule end as date_rule,
        case when turns_forward then future_method else method end as resolution_method
    from parsed
    where
        not (skip_in_quotes and is_quoted)
        -- `Good Friday`, `Super Tuesday`: part of a name.
        and coalesce(previous_shape, '') not in (select name_prefixes.word from name_prefixes)
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
        date_rule as rule,  -- noqa: RF04
        resolution_method,
        granularity,
        cast(unit_offset as integer) as unit_offset,
        cast(year_number as integer) as year_number,
        cast(end_year_number as integer) as end_year_number,
        cast(month_number as integer) as month_number,
        cast(day_number as integer) as day_number,
        cast(weekday_number as integer) as weekday_number,
        {{ date_method_is_relative('resolution_method') }} as is_relative,
        follows_future_marker,
        is_quoted,

        ---------- resolution against the publication date
        published_date,
        range_start as resolved_start,
        {{ date_range_end('range_start') }} as resolved_end
    from resolved

)

select * from final
