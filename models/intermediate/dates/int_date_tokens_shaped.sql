{#- The tokens of the sentences that can hold a date (int_tokens), each with its shape in the date
    grammar (described in the yml; `<mon>` is an abbreviation, or May/March: a date only next to a
    day, a year or a preposition; `<year>` is 1900-2099, or 1000-1899 after `in`, `since`) and the
    sequence features the grammar and the cue rules read. Only the sentences that can hold a date
    (about half of them) are read, and their tokens alone are sorted for their neighbours. -#}

-- depends_on: {{ ref('int_stories_changed') }}

with

sentences as (

    select
        sentence_key,
        article_id,
        paragraph_index,
        sentence_index,
        sentence_text,
        length(sentence_text) - length(replace(sentence_text, '“', '')) as n_opening_quotes,
        length(sentence_text) - length(replace(sentence_text, '”', '')) as n_closing_quotes,
        length(sentence_text) - length(replace(sentence_text, '"', '')) as n_straight_quotes
    from {{ ref('int_sentences') }}
    where {{ in_changed_stories() }}

),

-- Quotations may run over several sentences of a paragraph, never over a paragraph break: the
-- quotation marks of the paragraph's earlier sentences say whether a sentence starts inside one.
sentence_quotes as (

    select
        sentence_key,
        sentence_text,
        coalesce(sum(n_opening_quotes - n_closing_quotes) over (
            partition by article_id, paragraph_index order by sentence_index
            rows between unbounded preceding and 1 preceding
        ), 0) as quote_depth_before,
        coalesce(sum(n_straight_quotes) over (
            partition by article_id, paragraph_index order by sentence_index
            rows between unbounded preceding and 1 preceding
        ), 0) as straight_quotes_before
    from sentences

),

month_names as (

    select
        match_key,
        month_number,
        is_abbreviation or is_common_word as needs_context
    from {{ ref('stg_lexicons__month_names') }}

),

-- counts written as words, for `two days ago`
count_words as (

    select
        match_key,
        cast(value as integer) as count_value
    from {{ ref('stg_lexicons__number_words') }}
    where kind = 'cardinal' and value between 1 and 99

),

-- the words that mark the future (date_is_future_marker in macros/date_rules.sql)
future_words as (

    select
        match_key,
        role
    from {{ ref('stg_lexicons__date_context_words') }}
    where role in (
            'future_marker', 'future_copula', 'intent_verb', 'deferral_verb', 'schedule_verb', 'obligation_modal',
            'obligation_verb', 'order_verb', 'no_verb'
        )

),

-- round count words from twenty up: the tens of a spoken year (`ninety` in `nineteen ninety-six`),
-- and in the plural a decade (`the sixties`)
tens_words as (

    select
        match_key,
        {{ regex_replace('match_key', "'y$'", "'ies'") }} as plural_key,
        cast(value as integer) as tens_value,
        1900 + cast(value as integer) as decade_year
    from {{ ref('stg_lexicons__number_words') }}
    where kind = 'tens' and value between 20 and 90

),

-- Every date expression contains a month or weekday name, a year, or the last word of a
-- relative pattern (`week`, `year`, `yesterday`): only sentences with one are kept.
anchor_words as (

    select month_names.match_key as word from month_names
    union
    select weekday_names.match_key as word from {{ ref('stg_lexicons__weekday_names') }} as weekday_names
    union
    select season_names.match_key as word from {{ ref('stg_lexicons__season_names') }} as season_names
    union
    select tens_words.plural_key as word from tens_words
    union
    select count_words.match_key as word
    from count_words
    where count_words.count_value in ({{ spoken_year_hundreds() }})
    union
    select {{ regex_extract("pattern", "'(\\S+)$'", 1) }} as word
    from {{ ref('relative_date_rules') }}
    -- `in five years` dates only after a future word: its sentence is kept by lower_cue instead
    where not {{ regex_contains("pattern", "'<\\S*$'") }} and rule != 'duration'

),

-- Sentences with an anchor word among their tokens' runs of a-z (`June` in `mid-June`, `June's`):
-- tokens split the text only where such a run ends, and only the few with another character need
-- their runs listed, not every word of every sentence.
anchor_sentences as (

    select anchor_tokens.sentence_key
    from {{ ref('int_tokens') }} as anchor_tokens
    where
        {{ in_changed_stories('anchor_tokens.story_id') }}
        and (
            anchor_tokens.token_key in (select anchor_words.word from anchor_words)
            or (
                {{ regex_contains("anchor_tokens.token_key", "'[^a-z]'") }}
                and {{ lists_overlap(regex_matches("anchor_tokens.token_key", "'[a-z]+'"),
                    "(select array_agg(anchor_words.word) from anchor_words)") }}
            )
        )

),

candidate_sentences as (

    select sentence_quotes.*
    from sentence_quotes
    where
        {{ regex_contains("sentence_quotes.sentence_text", date_regex('digit_cue')) }}
        or {{ regex_contains("lower(sentence_quotes.sentence_text)", date_regex('lower_cue')) }}
        or sentence_quotes.sentence_key in (select anchor_sentences.sentence_key from anchor_sentences)

),

-- Only the tokens of the candidate sentences are sorted for their neighbours.
tokens as (

    select
        tokens.sentence_key,
        tokens.story_id,
        tokens.sentence_index,
        tokens.token_no,
        tokens.char_start,
        tokens.char_end,
        tokens.token,
        tokens.token_key,
        tokens.token_kind,
        -- a day written with dots (`18.12.2025`), which the shape and value macros read
        {{ regex_contains('tokens.token', date_regex('dotted_day')) }} as is_dotted_day,
        candidate_sentences.quote_depth_before,
        candidate_sentences.straight_quotes_before,
        lag(tokens.token_key) over sentence_tokens as previous_token_key,
        lead(tokens.token_key) over sentence_tokens as next_token_key,
        lead(tokens.token_key, 2) over sentence_tokens as second_next_token_key,
        -- the unit word of a spoken year (`nineteen ninety-six`, `nineteen ninety six`, `two thousand five`)
        case
            when lead(tokens.token_key, 2) over sentence_tokens = '-'
                then lead(tokens.token_key, 3) over sentence_tokens
            else lead(tokens.token_key, 2) over sentence_tokens
        end as unit_token_key
    from {{ ref('int_tokens') }} as tokens
    inner join candidate_sentences on tokens.sentence_key = candidate_sentences.sentence_key
    where
        {{ in_changed_stories('tokens.story_id') }}
        -- an editor's brackets inside a quotation (`"[Ten] years ago"`) are no part of its grammar
        and tokens.token not in ('[', ']')
    window sentence_tokens as (partition by tokens.sentence_key order by tokens.token_no)

),

classified as (

    select
        tokens.*,
        weekday_names.iso_weekday as weekday_number,
        {{ date_token_month_value() }} as month_number,
        -- macros/date_rules.sql: the shape and the values it stands for
        {{ date_token_shape() }} as shape,
        -- The clitic of a possessive (`Thursday’s breakthrough`) is no word between a date and its cue.
        tokens.token_kind in ('word', 'number') as is_word,
        tokens.token in (',', ';', ':', '—', '–', '(', ')') as is_clause_mark,
        case when tokens.token = '“' then 1 when tokens.token = '”' then -1 else 0 end as curly_quote_step,
        case when tokens.token = '"' then 1 else 0 end as straight_quote_step,
        -- macros/date_rules.sql
        {{ date_is_past_form() }} as is_past_form,
        {{ date_is_future_marker() }} as is_future_marker,
        coalesce(deferrals.role = 'deferral_verb', false) as is_deferral,
        coalesce(deferrals.role = 'schedule_verb', false) as is_scheduling,
        obligations.role = 'order_verb' and 'to' in (tokens.next_token_key, tokens.second_next_token_key)
            as is_order,
        {{ date_token_day_value() }} as day_value,
        {{ date_token_year_value() }} as year_value,
        case
            when {{ regex_contains("tokens.token", date_regex('two_digit')) }}
                then {{ dates_two_digit_year('cast(tokens.token as integer)') }}
        end as two_digit_year
    from tokens
    left join month_names on tokens.token_key = month_names.match_key
    left join {{ ref('stg_lexicons__weekday_names') }} as weekday_names on tokens.token_key = weekday_names.match_key
    left join {{ ref('stg_lexicons__season_names') }} as season_names on tokens.token_key = season_names.match_key
    left join count_words on tokens.token_key = count_words.match_key
    left join {{ ref('figure_past_verbs') }} as past_verbs on tokens.token_key = past_verbs.word
    left join {{ ref('stg_lexicons__cue_verbs') }} as saying_verbs on tokens.token_key = saying_verbs.match_key
    -- `the third quarter`
    left join {{ ref('stg_lexicons__ordinal_words') }} as ordinal_words on tokens.token_key = ordinal_words.match_key
    left join tens_words as decades on tokens.token_key = decades.plural_key
    left join tens_words on tokens.token_key = tens_words.match_key
    left join tens_words as next_tens on tokens.next_token_key = next_tens.match_key
    left join count_words as previous_counts on tokens.previous_token_key = previous_counts.match_key
    left join count_words as unit_words
        on tokens.unit_token_key = unit_words.match_key and unit_words.count_value between 1 and 9
    left join future_words as future_markers
        on tokens.token_key = future_markers.match_key and future_markers.role = 'future_marker'
    left join future_words as contracted_markers
        on {{ regex_extract("tokens.token_key", "'^\\pL+''(\\pL+)$'", 1) }} = contracted_markers.match_key
            and contracted_markers.role = 'future_marker'
    left join future_words as previous_copulas
        on tokens.previous_token_key = previous_copulas.match_key and previous_copulas.role = 'future_copula'
    left join future_words as copulas on tokens.token_key = copulas.match_key and copulas.role = 'future_copula'
    left join future_words as no_verbs
        on tokens.second_next_token_key = no_verbs.match_key and no_verbs.role = 'no_verb'
    left join future_words as linked_markers
        on tokens.token_key = linked_markers.match_key
            and linked_markers.role = 'intent_verb' and tokens.next_token_key in ('to', 'for')
    left join future_words as deferrals
        on tokens.token_key = deferrals.match_key and deferrals.role in ('deferral_verb', 'schedule_verb')
    left join future_words as obligations
        on tokens.token_key = obligations.match_key
            and obligations.role in ('obligation_modal', 'obligation_verb', 'order_verb')

),

-- One pass over each sentence's tokens (one sort): word and clause numbers, quotation state, and
-- the last future marker and clause mark before.
sequenced as (

    select
        *,
        sum(case when is_word then 1 else 0 end) over running as date_word_no,
        sum(case when is_clause_mark then 1 else 0 end) over running as clause_no,
        quote_depth_before + sum(curly_quote_step) over running > 0
        or (straight_quotes_before + sum(straight_quote_step) over running) % 2 = 1 as is_quoted,
        -- `since` opens a clause of its own past (`will care for him since he came on Monday`), and
        -- a quoted sentence ends at its `!` or `?` (`must not stop!'' said a message read Wednesday`);
        -- a word of putting off reaches what follows `until`, `till`, `through` (`extended ... through
        -- January`, `postponed until Tuesday`), a word of scheduling what follows `for` (`set sentencing
        -- for June 12`); an order reaches only its deadline, after `by` (`was
        -- ordered to report by Feb. 15`; the day of the order or its carrying out is told as done:
        -- `was ordered to evacuate on Tuesday`)
        greatest(
            coalesce(max(case when is_future_marker then token_no end) over earlier, -1),
            case
                when previous_token_key in ('until', 'till', 'through')
                    then coalesce(max(case when is_deferral then token_no end) over earlier, -1)
                when previous_token_key = 'for'
                    then coalesce(max(case when is_scheduling then token_no end) over earlier, -1)
                when previous_token_key = 'by'
                    then coalesce(max(case when is_order then token_no end) over earlier, -1)
                else -1
            end
        ) > coalesce(max(
            case when is_clause_mark or token_key in ('since', '!', '?') then token_no end
        ) over earlier, 0)
            as follows_future_marker,
        -- a past form earlier in the clause (`We wrote to management on Wednesday`): the clause
        -- tells of the past, so a weekday in it is never the coming one
        coalesce(max(case when is_past_form then token_no end) over earlier, -1) > coalesce(max(
            case when is_clause_mark or token_key in ('since', '!', '?') then token_no end
        ) over earlier, 0) as follows_past_form
    from classified
    window
        running as (partition by sentence_key order by token_no),
        earlier as (partition by sentence_key order by token_no rows between unbounded preceding and 1 preceding)

),

final as (

    select
        cast(sequenced.sentence_key as bigint) as sentence_key,
        sequenced.story_id,
        cast(sequenced.sentence_index as integer) as sentence_index,
        cast(sequenced.token_no as integer) as token_no,
        cast(sequenced.date_word_no as integer) as word_no,
        cast(sequenced.clause_no as integer) as clause_no,
        cast(sequenced.char_start as integer) as char_start,
        cast(sequenced.char_end as integer) as char_end,
        sequenced.token,
        sequenced.token_key,
        sequenced.next_token_key,
        sequenced.shape,
        cast(sequenced.month_number as integer) as month_number,
        cast(sequenced.weekday_number as integer) as weekday_number,
        cast(sequenced.day_value as integer) as day_value,
        cast(sequenced.year_value as integer) as year_value,
        cast(sequenced.two_digit_year as integer) as two_digit_year,
        sequenced.is_quoted,
        sequenced.follows_future_marker,
        sequenced.follows_past_form
    from sequenced

)

select * from final
