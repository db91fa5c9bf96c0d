
{#- Date expressions in the article bodies, resolved against the article's own publication date.

    Each sentence is cut into tokens that cover every character (a word or one punctuation mark,
    with the white space after it), so cumulative token lengths give exact offsets. Each token gets
    a shape: `<weekday>`, `<month>` (a month name that is never an ordinary word), `<mon>` (an
    abbreviation, or May/March: a date only next to a day, a year or a preposition), `<day>`
    (1-31, optionally 1st/2nd...), `<year>` (1900-2099), else the lower-cased token. The shapes of
    up to seven consecutive tokens are matched against the date grammar (seed
    `relative_date_rules`: pattern, required previous word, resolution method); at each start the
    longest pattern wins, and a match that overlaps an earlier one is dropped.

    Resolution needs no guess: explicit dates resolve alone; relative ones (weekdays, `last week`,
    a month or a day without a year) resolve from the publication date and stay NULL without one.
    A future marker earlier in the same clause (`will meet on Friday`) turns a bare weekday, month
    or yearless day forward. `today`/`yesterday` inside a quotation refer to when the words were
    spoken, not to publication, and are left out.

    The event class comes from the nearest event cue of the sentence (seed `event_cues`): a cue
    belongs to the date expression nearest to it; distance counts words, plus 3 per clause mark
    between them, plus the cue's distance_penalty (3 for most verbs: `the offensive that started
    in January killed` dates the offensive; 0 for nouns and reaction verbs: `Russia on Friday
    welcomed the deal` dates the welcoming); on a tie a noun wins; a cue farther than
    `event_cue_max_distance` (var, default 10) is ignored. A date after a deadline marker (`by
    the end of this year`) is a target, class `deadline`; one after a name prefix (`Good
    Friday`) is no date. Only sentences holding a month or weekday name, a year or the last word
    of a relative pattern are tokenised, which keeps 100,000 articles to about a minute. -#}

-- depends_on: {{ ref('int_stories_changed') }}

with

sentences as (

    select
        sentence_id,
        article_id,
        story_id,
        sentence_index,
        paragraph_index,
        char_start,
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
        sentence_id,
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

articles as (

    select
        article_id,
        published_date
    from {{ ref('stg_news__articles') }}
    where is_current and {{ in_changed_stories() }}

),

month_names as (

    select
        month_number,
        lower(month_name) as month_name,
        is_abbreviation or is_common_word as needs_context
    from {{ ref('month_names') }}

),

weekday_names as (

    select
        iso_weekday,
        lower(weekday_name) as weekday_name
    from {{ ref('weekday_names') }}

),

season_names as (

    select
        first_month,
        lower(season_name) as season_name
    from {{ ref('season_names') }}

),

-- `the third quarter`
ordinal_words as (

    select
        ordinal_value,
        lower(word) as word
    from {{ ref('ordinal_words') }}

),

-- counts written as words, for `two days ago`
count_words as (

    select
        cast(value as integer) as count_value,
        lower(word) as word
    from {{ ref('number_words') }}
    where kind = 'cardinal' and value between 1 and 99

),

context_words as (

    select
        role,
        lower(word) as word
    from {{ ref('date_context_words') }}

),

-- A lone year-shaped number is a count before a counted noun or unit (`2000 people`, `1500 km`)
-- or after a count marker (`about 2000`).
count_nouns as (

    select distinct lower(term) as word
    from {{ ref('counted_classes') }}

),

event_cues as (

    select
        event_class,
        cue_kind,
        distance_penalty,
        lower(cue) as cue
    from {{ ref('event_cues') }}

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

-- Every date expression contains a month or weekday name, a year, or the last word of a
-- relative pattern (`week`, `year`, `yesterday`): only sentences with one are tokenised.
anchor_words as (

    select lower(month_name) as word from {{ ref('month_names') }}
    union
    select lower(weekday_name) as word from {{ ref('weekday_names') }}
    union
    select lower(season_name) as word from {{ ref('season_names') }}
    union
    select {{ regex_extract("pattern", "'(\\S+)$'", 1) }} as word
    from {{ ref('relative_date_rules') }}
    where not {{ regex_contains("pattern", "'<\\S*$'") }}

),

candidate_sentences as (

    select sentences.*
    from sentences
    where
        {{ regex_contains("sentences.sentence_text", date_regex('digit_cue')) }}
        or {{ lists_overlap(regex_matches("lower(sentences.sentence_text)", "'[a-z]+'"),
            "(select array_agg(anchor_words.word) from anchor_words)") }}

),

tokens as (

    select
        sentence_id,
        article_id,
        sentence_start,
        token_no,
        length(token_text) as token_length,
        {{ regex_replace("token_text", "'\\s+$'", "''") }} as word
    from (
        select
            sentence_id,
            article_id,
            sentence_start,
            {{ explode_columns('token_list', 'token_text', 'token_no') }}
        from (
            select
                sentence_id,
                article_id,
                char_start as sentence_start,
                {{ regex_matches("sentence_text", "'[\\pL\\pN_]+\\s*|[^\\pL\\pN_\\s]\\s*|\\s+'") }} as token_list
            from candidate_sentences
        ) as listed
    ) as exploded

),

classified as (

    select
        tokens.sentence_id,
        tokens.sentence_start,
        tokens.token_no,
        tokens.token_length,
        tokens.word,
        lower(tokens.word) as lower_word,
        weekday_names.iso_weekday as weekday_number,
        coalesce(month_names.month_number, season_names.first_month) as month_number,
        case
            when weekday_names.iso_weekday is not null and {{ regex_contains("tokens.word", "'^[A-Z]'") }}
                then '<weekday>'
            when month_names.month_number is not null and {{ regex_contains("tokens.word", "'^[A-Z]'") }}
                then case when month_names.needs_context then '<mon>' else '<month>' end
            when season_names.first_month is not null then '<season>'
            when {{ regex_contains("tokens.word", "'^(19|20)[0-9][0-9]$'") }} then '<year>'
            when {{ regex_contains("tokens.word", "'^(19|20)[0-9]0s$'") }} then '<decade>'
            when {{ regex_contains("tokens.word", "'^[0-9][0-9]?(st|nd|rd|th)?$'") }}
                and cast({{ regex_first("tokens.word", "'^[0-9]+'") }} as integer) between 1 and 31
                then '<day>'
            when {{ regex_contains("tokens.word", date_regex('two_digit')) }} then '<yy>'
            when {{ regex_contains("tokens.word", date_regex('quarter')) }} then '<quarter>'
            when ordinal_words.word is not null then '<ordinal>'
            when count_words.word is not null then '<count>'
            else lower(replace(tokens.word, '’', ''''))
        end as shape,
        -- The `s` of a possessive (`Thursday’s breakthrough`) is no word between a date and its cue.
        {{ regex_contains("tokens.word", "'^[\\pL\\pN]'") }} and lower(tokens.word) != 's' as is_word,
        tokens.word in (',', ';', ':', '—', '–', '(', ')') as is_clause_mark,
        case when tokens.word = '“' then 1 when tokens.word = '”' then -1 else 0 end as curly_quote_step,
        case when tokens.word = '"' then 1 else 0 end as straight_quote_step,
        context_words.word is not null as is_future_marker,
        case
            when {{ regex_contains("tokens.word", "'^[0-9][0-9]?(st|nd|rd|th)?$'") }}
                then cast({{ regex_first("tokens.word", "'^[0-9]+'") }} as integer)
            when {{ regex_contains("tokens.word", date_regex('quarter')) }} then cast(right(tokens.word, 1) as integer)
            else coalesce(count_words.count_value, ordinal_words.ordinal_value)
        end as day_value,
        case
            when {{ regex_contains("tokens.word", "'^(19|20)[0-9][0-9]s?$'") }}
                then cast(left(tokens.word, 4) as integer)
        end as year_value,
        case
            when {{ regex_contains("tokens.word", date_regex('two_digit')) }}
                then {{ dates_two_digit_year('cast(tokens.word as integer)') }}
        end as two_digit_year
    from tokens
    left join month_names on lower(tokens.word) = month_names.month_name
    left join weekday_names on lower(tokens.word) = weekday_names.weekday_name
    left join season_names on lower(tokens.word) = season_names.season_name
    left join count_words on lower(tokens.word) = count_words.word
    left join ordinal_words on lower(tokens.word) = ordinal_words.word
    left join context_words
        on lower(tokens.word) = context_words.word
            and context_words.role = 'future_marker'

),

-- One pass over each sentence's tokens (one sort): offsets, word and clause numbers, quotation
-- state, the shapes of the next six tokens, and the last future marker and clause mark before.
sequenced as (

    select
        classified.sentence_id,
        classified.token_no,
        classified.token_length,
        classified.word,
        classified.lower_word,
        classified.shape,
        classified.month_number,
        classified.weekday_number,
        classified.day_value,
        classified.year_value,
        classified.two_digit_year,
        cast(classified.sentence_start + coalesce(
            sum(classified.token_length) over (
                partition by classified.sentence_id order by classified.token_no
                rows between unbounded preceding and 1 preceding
            ),
            0
        ) as integer) as token_start,
        sum(case when classified.is_word then 1 else 0 end) over (
            partition by classified.sentence_id order by classified.token_no
        ) as word_no,
        sum(case when classified.is_clause_mark then 1 else 0 end) over (
            partition by classified.sentence_id order by classified.token_no
        ) as clause_no,
        sentence_quotes.quote_depth_before + sum(classified.curly_quote_step) over (
            partition by classified.sentence_id order by classified.token_no
        ) > 0
        or (sentence_quotes.straight_quotes_before + sum(classified.straight_quote_step) over (
            partition by classified.sentence_id order by classified.token_no
        )) % 2 = 1 as is_quoted,
        coalesce(max(case when classified.is_future_marker then classified.token_no end) over (
            partition by classified.sentence_id order by classified.token_no
            rows between unbounded preceding and 1 preceding
        ), -1) > coalesce(max(case when classified.is_clause_mark then classified.token_no end) over (
            partition by classified.sentence_id order by classified.token_no
            rows between unbounded preceding and 1 preceding
        ), 0) as follows_future_marker,
        lag(classified.shape) over (partition by classified.sentence_id order by classified.token_no) as previous_shape,
        lead(classified.lower_word) over (
            partition by classified.sentence_id order by classified.token_no
        ) as next_word,
        lead(classified.shape, 1) over (partition by classified.sentence_id order by classified.token_no) as shape_1,
        lead(classified.shape, 2) over (partition by classified.sentence_id order by classified.token_no) as shape_2,
        lead(classified.shape, 3) over (partition by classified.sentence_id order by classified.token_no) as shape_3,
        lead(classified.shape, 4) over (partition by classified.sentence_id order by classified.token_no) as shape_4,
        lead(classified.shape, 5) over (partition by classified.sentence_id order by classified.token_no) as shape_5,
        lead(classified.shape, 6) over (partition by classified.sentence_id order by classified.token_no) as shape_6
    from classified
    inner join sentence_quotes on classified.sentence_id = sentence_quotes.sentence_id

),

-- Only tokens that can open a pattern are expanded into n-grams of their shapes.
starts as (

    select sequenced.*
    from sequenced
    where sequenced.shape in (select rules.first_shape from rules)

),

-- n-grams run past the sentence's end as NULL (a NULL shape makes the gram NULL)
grams as (

    select *
    from (
        select
            sentence_id,
            start_token_no,
            previous_shape,
            {{ explode_columns('gram_list', 'gram', 'gram_tokens') }}
        from (
            select
                sentence_id,
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
            from starts
        ) as listed
    ) as exploded
    where gram is not null

),

matched as (

    select
        grams.sentence_id,
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
            partition by grams.sentence_id, grams.start_token_no
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
            partition by sentence_id order by start_token_no
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
        kept.sentence_id,
        kept.start_token_no,
        kept.end_token_no,
        kept.previous_shape,
        kept.pattern,
        kept.method,
        kept.unit_offset,
        kept.granularity,
        kept.skip_in_quotes,
        case
            when bool_or(t.token_no = kept.start_token_no and t.follows_future_marker)
                and kept.future_method is not null
                then kept.future_rule
            else kept.rule
        end as rule,  -- noqa: RF04
        case
            when bool_or(t.token_no = kept.start_token_no and t.follows_future_marker)
                and kept.future_method is not null
                then kept.future_method
            else kept.method
        end as resolution_method,
        bool_or(t.token_no = kept.start_token_no and t.follows_future_marker) as follows_future_marker,
        bool_or(t.is_quoted) as is_quoted,
        min(t.token_start) as char_start,
        max(t.token_start + length(t.word)) as char_end,
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
    inner join sequenced as t
        on kept.sentence_id = t.sentence_id
            and t.token_no between kept.start_token_no and kept.end_token_no
    group by
        kept.sentence_id,
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

name_prefixes as (

    select word
    from context_words
    where role = 'name_prefix'

),

count_markers as (

    select word
    from context_words
    where role = 'count_marker'

),

mentions as (

    select *
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

cue_tokens as (

    select
        sequenced.sentence_id,
        sequenced.token_no,
        sequenced.word_no,
        sequenced.clause_no,
        sequenced.word as cue_word,
        event_cues.event_class,
        event_cues.cue_kind,
        event_cues.distance_penalty
    from sequenced
    inner join event_cues
        on {{ regex_replace("sequenced.lower_word", "'[0-9]+$'", "''") }} = event_cues.cue

),

cue_distances as (

    select
        mentions.sentence_id,
        mentions.start_token_no,
        cue_tokens.token_no as cue_token_no,
        cue_tokens.cue_word,
        cue_tokens.event_class,
        cue_tokens.cue_kind,
        case
            when cue_tokens.token_no < mentions.start_token_no
                then mentions.start_word_no - cue_tokens.word_no
                    + 3 * (mentions.start_clause_no - cue_tokens.clause_no)
            else cue_tokens.word_no - mentions.end_word_no + 3 * (cue_tokens.clause_no - mentions.end_clause_no)
        end
        + cue_tokens.distance_penalty as cue_score
    from mentions
    inner join cue_tokens
        on mentions.sentence_id = cue_tokens.sentence_id
            and (mentions.start_token_no > cue_tokens.token_no or mentions.end_token_no < cue_tokens.token_no)

),

cue_owners as (

    select
        *,
        cue_score = min(cue_score) over (partition by sentence_id, cue_token_no) as is_owned
    from cue_distances

),

nearest_cues as (

    select
        sentence_id,
        start_token_no,
        cue_word,
        event_class,
        row_number() over (
            partition by sentence_id, start_token_no
            order by cue_score asc, cue_kind = 'noun' desc, cue_token_no
        ) as cue_rank
    from cue_owners
    -- A cue nearer to another date of the sentence is that date's: in `the truce agreed on
    -- Tuesday was holding on Friday` the truce is dated Tuesday, and Friday has no event. A cue
    -- too far away in a long sentence is about something else.
    where is_owned and cue_score <= {{ var('event_cue_max_distance') }}

),

deadline_starts as (

    select
        sequenced.sentence_id,
        sequenced.token_no + 1 as start_token_no
    from sequenced
    inner join context_words
        on sequenced.lower_word = context_words.word
            and context_words.role = 'deadline_marker'

),

resolved as (

    select
        mentions.*,
        articles.published_date,
        sentences.article_id,
        sentences.story_id,
        sentences.char_start as sentence_start,
        sentences.sentence_text,
        nearest_cues.cue_word as event_cue,
        {{ regex_replace(
            regex_replace("lower(nearest_cues.cue_word)", "'[0-9]+$'", "''"), "'([^s])s$'", "'\\1'"
        ) }} as event_cue_stem,
        case
            when deadline_starts.start_token_no is not null then 'deadline'
            else nearest_cues.event_class
        end as event_class,
        {{ date_range_start('articles.published_date', parts='mentions.') }} as range_start
    from mentions
    inner join sentences on mentions.sentence_id = sentences.sentence_id
    left join articles on sentences.article_id = articles.article_id
    left join nearest_cues
        on mentions.sentence_id = nearest_cues.sentence_id
            and mentions.start_token_no = nearest_cues.start_token_no
            and nearest_cues.cue_rank = 1
    left join deadline_starts
        on mentions.sentence_id = deadline_starts.sentence_id
            and mentions.start_token_no = deadline_starts.start_token_no

),

final as (

    select
        ---------- ids
        article_id || ':' || cast(char_start as varchar) as date_id,
        article_id,
        story_id,
        sentence_id,

        ---------- where it stands
        cast(char_start as integer) as char_start,
        cast(char_end as integer) as char_end,
        substr(sentence_text, char_start - sentence_start + 1, char_end - char_start) as surface,
        sentence_text,

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
        {{ date_method_is_relative('resolution_method') }} as is_relative,
        follows_future_marker,
        is_quoted,

        ---------- which happening it dates
        event_class,
        event_cue,
        event_cue_stem,

        ---------- resolution against the publication date
        published_date,
        range_start as resolved_start,
        {{ date_range_end('range_start') }} as resolved_end,
        case when range_start is not null then 'article' end as resolution_basis
    from resolved

)

select * from final
