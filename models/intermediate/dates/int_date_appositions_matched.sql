{#- The apposition family of date expressions, added to the grammar family's: a short phrase
    naming a day (a word of role `day_noun` in seed date_context_words), set off by commas right
    beside an expression of the grammar family that dates one day, dates the same day (`on
    Saturday night, the opening night, ...`; `Opening night, January 23, 2014, of the exhibit`;
    `Yesterday, day five of the Cup, ...`). The phrase is the words of its comma-bounded stretch
    up to the first `of`, at most date_apposition_max_words() (macros/date_rules.sql) of them; a
    phrase with `before` or `after` counts from something else (`the day after the vote`) and is
    no apposition. After the date, a day-part word may stand before the comma (`Saturday night,`).
    Only the appositions are rows here; int_date_expressions_matched unions them with the
    grammar family's. -#}

{%- set columns = date_expression_columns() %}

-- depends_on: {{ ref('int_stories_changed') }}

with

grammar as (

    select *
    from {{ ref('int_date_grammar_matched') }}
    where {{ in_changed_stories() }}

),

shaped as (

    select
        sentence_key,
        token_no,
        clause_no,
        word_no,
        char_start,
        char_end,
        token,
        token_key
    from {{ ref('int_date_tokens_shaped') }}
    where {{ in_changed_stories() }}

),

day_nouns as (

    select match_key as word
    from {{ ref('stg_lexicons__date_context_words') }}
    where role = 'day_noun'

),

tokens as (

    select
        shaped.*,
        {{ regex_contains('shaped.token', "'^[\\pL\\pN]'") }} as is_word,
        shaped.token_key in (select day_nouns.word from day_nouns) as is_day_noun
    from shaped

),

-- The stretches between clause marks (int_date_tokens_shaped.clause_no: a mark opens its clause).
-- A stretch counts as comma-bounded when the mark that opens it is a comma (or it opens the
-- sentence) and the mark that closes it is a comma or a semicolon (or it closes the sentence).
clause_marks as (

    select
        sentence_key,
        clause_no,
        min(token_no) as mark_token_no,
        {{ arg_min_by('token', 'token_no') }} as mark
    from tokens
    where clause_no > 0
    group by sentence_key, clause_no

),

cuts as (

    select
        sentence_key,
        clause_no,
        min(case when token_key = 'of' then token_no end) as cut_token_no
    from tokens
    group by sentence_key, clause_no

),

stretches as (

    select
        tokens.sentence_key,
        tokens.clause_no,
        min(case when tokens.is_word then tokens.token_no end) as start_token_no,
        max(case when tokens.is_word then tokens.token_no end) as end_token_no,
        sum(case when tokens.is_word then 1 else 0 end) as n_words,
        bool_or(tokens.is_day_noun) as has_day_noun,
        bool_or(tokens.token_key in ('before', 'after')) as counts_from_elsewhere
    from tokens
    inner join cuts
        on tokens.sentence_key = cuts.sentence_key
            and tokens.clause_no = cuts.clause_no
    where tokens.token_no < coalesce(cuts.cut_token_no, tokens.token_no + 1)
    group by tokens.sentence_key, tokens.clause_no

),

phrases as (

    select
        stretches.*,
        coalesce(opening.mark, ',') = ',' and coalesce(closing.mark, ',') in (',', ';') as is_set_off,
        opening.mark_token_no as opening_token_no
    from stretches
    left join clause_marks as opening
        on stretches.sentence_key = opening.sentence_key
            and stretches.clause_no = opening.clause_no
    left join clause_marks as closing
        on stretches.sentence_key = closing.sentence_key
            and stretches.clause_no + 1 = closing.clause_no
    where
        stretches.has_day_noun
        and not stretches.counts_from_elsewhere
        and stretches.n_words <= {{ date_apposition_max_words() }}

),

-- the words between a date and the end of its stretch: at most a day-part word (`Saturday night`)
date_tails as (

    select
        grammar.sentence_key,
        grammar.start_token_no,
        sum(case when tokens.is_word then 1 else 0 end) as n_words,
        bool_and(tokens.is_day_noun or not tokens.is_word) as is_day_part
    from grammar
    inner join tokens
        on grammar.sentence_key = tokens.sentence_key
            and grammar.end_clause_no = tokens.clause_no
            and grammar.end_token_no < tokens.token_no
    group by grammar.sentence_key, grammar.start_token_no

),

dates as (

    select grammar.*
    from grammar
    where grammar.granularity = 'day'

),

apposed as (

    -- the phrase after the date
    select
        dates.*,
        phrases.start_token_no as phrase_start_token_no,
        phrases.end_token_no as phrase_end_token_no,
        '<date> , <day phrase>' as phrase_pattern
    from dates
    inner join phrases
        on dates.sentence_key = phrases.sentence_key
            and dates.end_clause_no + 1 = phrases.clause_no
    left join date_tails
        on dates.sentence_key = date_tails.sentence_key
            and dates.start_token_no = date_tails.start_token_no
    where
        phrases.is_set_off
        and (date_tails.n_words is null or (date_tails.n_words <= 1 and date_tails.is_day_part))

    union all

    -- the phrase before the date, which opens its stretch
    select
        dates.*,
        phrases.start_token_no as phrase_start_token_no,
        phrases.end_token_no as phrase_end_token_no,
        '<day phrase> , <date>' as phrase_pattern
    from dates
    inner join phrases
        on dates.sentence_key = phrases.sentence_key
            and dates.start_clause_no - 1 = phrases.clause_no
    inner join clause_marks as opening
        on dates.sentence_key = opening.sentence_key
            and dates.start_clause_no = opening.clause_no
            and dates.start_token_no = opening.mark_token_no + 1
    where phrases.is_set_off and opening.mark = ','

),

-- a phrase beside two dates (`Monday, election day, March 4`) is apposed to the first
ranked as (

    select
        apposed.*,
        row_number() over (
            partition by apposed.sentence_key, apposed.phrase_start_token_no
            order by apposed.start_token_no
        ) as rank_for_phrase
    from apposed
    where not exists (
            select 1
            from grammar
            where
                grammar.sentence_key = apposed.sentence_key
                and grammar.start_token_no <= apposed.phrase_end_token_no
                and grammar.end_token_no >= apposed.phrase_start_token_no
        )

),

spans as (

    select
        ranked.sentence_key,
        ranked.phrase_start_token_no,
        min(tokens.word_no) as phrase_start_word_no,
        max(tokens.word_no) as phrase_end_word_no,
        min(tokens.clause_no) as phrase_clause_no,
        min(tokens.char_start) as phrase_char_start,
        max(tokens.char_end) as phrase_char_end
    from ranked
    inner join tokens
        on ranked.sentence_key = tokens.sentence_key
            and tokens.token_no between ranked.phrase_start_token_no and ranked.phrase_end_token_no
    where ranked.rank_for_phrase = 1
    group by ranked.sentence_key, ranked.phrase_start_token_no

),

appositions as (

    select
        ranked.sentence_id,
        ranked.sentence_key,
        ranked.article_id,
        ranked.story_id,
        ranked.phrase_start_token_no as start_token_no,
        ranked.phrase_end_token_no as end_token_no,
        spans.phrase_start_word_no as start_word_no,
        spans.phrase_end_word_no as end_word_no,
        spans.phrase_clause_no as start_clause_no,
        spans.phrase_clause_no as end_clause_no,
        spans.phrase_char_start as char_start,
        spans.phrase_char_end as char_end,
        ranked.phrase_pattern as pattern,
        ranked.rule,  -- noqa: RF04
        ranked.resolution_method,
        ranked.granularity,
        ranked.unit_offset,
        ranked.year_number,
        ranked.end_year_number,
        ranked.month_number,
        ranked.day_number,
        ranked.weekday_number,
        ranked.is_relative,
        ranked.follows_future_marker,
        ranked.is_quoted,
        ranked.published_date,
        ranked.resolved_start,
        ranked.resolved_end
    from ranked
    inner join spans
        on ranked.sentence_key = spans.sentence_key
            and ranked.phrase_start_token_no = spans.phrase_start_token_no
    where ranked.rank_for_phrase = 1

),

final as (

    select {{ columns | join(', ') }} from appositions

)

select * from final
