{#- Where the patterns of the date grammar (seed `relative_date_rules`) match the shaped tokens
    (int_date_tokens_shaped): one row per expression kept, with the rule it is read by.

    The shapes of up to seven consecutive tokens are compared with the patterns (a pattern may
    require a previous word, column `context`); at each start the longest pattern wins, and a
    match that overlaps an earlier one is dropped. A day or month with a year tail (`March 11
    this year`) is two expressions, as news annotation counts them: the day, resolved in the year
    the tail names, and the tail, read by its own pattern. The rule families
    (int_date_grammar_matched, int_date_appositions_matched) read the expressions from here. -#}

-- depends_on: {{ ref('int_stories_changed') }}

with

shaped as (

    select
        sentence_key,
        story_id,
        token_no,
        shape
    from {{ ref('int_date_tokens_shaped') }}
    where {{ in_changed_stories() }}

),

sentences as (

    select
        sentence_id,
        sentence_key,
        article_id
    from {{ ref('int_sentences') }}
    where {{ in_changed_stories() }}

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

-- the shapes of the next six tokens: the n-grams a pattern is compared with
tokens as (

    select
        *,
        lag(shape) over (partition by sentence_key order by token_no) as previous_shape,
        lead(shape, 1) over (partition by sentence_key order by token_no) as shape_1,
        lead(shape, 2) over (partition by sentence_key order by token_no) as shape_2,
        lead(shape, 3) over (partition by sentence_key order by token_no) as shape_3,
        lead(shape, 4) over (partition by sentence_key order by token_no) as shape_4,
        lead(shape, 5) over (partition by sentence_key order by token_no) as shape_5,
        lead(shape, 6) over (partition by sentence_key order by token_no) as shape_6
    from shaped

),

-- Only tokens that can open a pattern are expanded into n-grams of their shapes; n-grams run past
-- the sentence's end as NULL (a NULL shape makes the gram NULL).
grams as (

    select *
    from (
        select
            sentence_key,
            story_id,
            start_token_no,
            previous_shape,
            {{ explode_columns('gram_list', 'gram', 'gram_tokens') }}
        from (
            select
                sentence_key,
                story_id,
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
        grams.story_id,
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

-- the tail of `March 11 this year` as an expression of its own
year_tails as (

    select
        kept.sentence_key,
        kept.story_id,
        kept.end_token_no - 1 as start_token_no,
        kept.end_token_no,
        cast(null as varchar) as previous_shape,
        rules.pattern,
        rules.rule,
        rules.method,
        rules.unit_offset,
        rules.granularity,
        rules.future_rule,
        rules.future_method,
        rules.skip_in_quotes
    from kept
    inner join rules on {{ regex_first("kept.pattern", "'\\S+ \\S+$'") }} = rules.pattern
    where {{ is_year_tail_method('kept.method') }}

),

-- the expressions without their year tails, then the tails (columns in year_tails' order)
expressions as (

    select
        sentence_key,
        story_id,
        start_token_no,
        case when {{ is_year_tail_method('method') }} then end_token_no - 2 else end_token_no end as end_token_no,
        previous_shape,
        pattern,
        rule,  -- noqa: RF04
        method,
        unit_offset,
        granularity,
        future_rule,
        future_method,
        skip_in_quotes
    from kept

    union all

    select * from year_tails

),

final as (

    select
        sentences.sentence_id,
        cast(expressions.sentence_key as bigint) as sentence_key,
        sentences.article_id,
        expressions.story_id,
        cast(expressions.start_token_no as integer) as start_token_no,
        cast(expressions.end_token_no as integer) as end_token_no,
        expressions.previous_shape,
        expressions.pattern,
        expressions.rule,
        expressions.method,
        cast(expressions.unit_offset as integer) as unit_offset,
        expressions.granularity,
        expressions.future_rule,
        expressions.future_method,
        expressions.skip_in_quotes
    from expressions
    inner join sentences on expressions.sentence_key = sentences.sentence_key

)

select * from final
