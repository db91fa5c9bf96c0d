{#- Rule families of the date grammar (seed relative_date_rules), named once for the models that
    treat them apart. -#}

{#- Methods of patterns that end in a year offset (`March 11 this year`, `May last year`): the
    tail is its own expression, the rest is resolved in the year the tail names. -#}
{% macro is_year_tail_method(method) -%}
    ({{ method }} in ('day_in_year_offset', 'month_in_year_offset'))
{%- endmacro %}

{#- The most words a phrase set off beside a date may have to be read as its apposition
    (int_date_appositions_matched): `the opening night` has three. -#}
{% macro date_apposition_max_words() -%}
    4
{%- endmacro %}

{#- The columns every family of date expressions gives (int_date_grammar_matched,
    int_date_appositions_matched), in the order int_date_expressions_matched keeps. -#}
{% macro date_expression_columns() -%}
    {{ return([
        'sentence_id', 'sentence_key', 'article_id', 'story_id',
        'start_token_no', 'end_token_no', 'start_word_no', 'end_word_no', 'start_clause_no', 'end_clause_no',
        'char_start', 'char_end',
        'pattern', 'rule', 'resolution_method', 'granularity', 'unit_offset',
        'year_number', 'end_year_number', 'month_number', 'day_number', 'weekday_number',
        'is_relative', 'follows_future_marker', 'is_quoted',
        'published_date', 'resolved_start', 'resolved_end',
    ]) }}
{%- endmacro %}

{#- Resolution methods of quarters: the quarter a results report is about, which `a year earlier`,
    `the quarter`, `the 1988 period` refer back to (int_date_expressions_matched). -#}
{% macro quarter_methods() -%}
    'quarter_not_after', 'quarter_not_before', 'explicit_quarter', 'quarter_in_year_offset', 'quarter_offset'
{%- endmacro %}

{#- Rules of seed relative_date_rules resolved against the latest date the article named before
    them (int_date_expressions_matched): `that year`, `the following month`, `the next day`, `the
    previous Friday`. -#}
{% macro antecedent_rules() -%}
    'antecedent_year', 'antecedent_month', 'antecedent_day', 'antecedent_weekday'
{%- endmacro %}

{#- Rules of seed relative_date_rules for a bare day listed after a day (`April 24 and 25`, `October
    3, 6 and 9`): it takes that day's month and year (int_date_expressions_matched). -#}
{% macro listed_day_rules() -%}
    'listed_day', 'comma_listed_day'
{%- endmacro %}

{#- Rules of seed relative_date_rules resolved against the quarter a results report is about. -#}
{% macro reporting_period_rules() -%}
    'year_before_reporting_period', 'reporting_quarter', 'latest_reporting_quarter', 'reporting_or_current_quarter',
    'reporting_quarter_in_year', 'reporting_year'
{%- endmacro %}

{#- The hundreds a spoken year may open with: `nineteen` in `nineteen ninety-six`. -#}
{% macro spoken_year_hundreds() -%}
    18, 19
{%- endmacro %}

{#- The year a token opens when it is spoken (`nineteen ninety-six`, `the year two thousand`), from
    the joins of int_date_tokens_shaped: `count` the token's count word, `tens` the tens word after
    it, `unit` the unit word after those (after a hyphen or not; NULL when none), `next_key` the
    next token's key. Hundreds followed
    by tens give 100 x hundreds + tens + unit; `two` followed by `thousand` gives 2000 + unit
    (the unit then follows `thousand`); otherwise NULL. -#}
{% macro spoken_year_value(count, tens, unit, next_key) -%}
    case
        when {{ count }}.count_value in ({{ spoken_year_hundreds() }}) and {{ tens }}.tens_value is not null
            then 100 * {{ count }}.count_value + {{ tens }}.tens_value + coalesce({{ unit }}.count_value, 0)
        when {{ count }}.count_value = 2 and {{ next_key }} = 'thousand'
            then 2000 + coalesce({{ unit }}.count_value, 0)
    end
{%- endmacro %}

{#- Whether a token of int_date_tokens_shaped (`tokens`, with its joins to seed date_context_words
    named as there) marks what follows in its clause as ahead: a future marker (`will`; a
    contracted `will` is glued to its subject, `they'll`; inside a compound a marker is none,
    `lower-than-expected`, nor is `due to` without `be`, `due to its loss`: because of); a word of
    intending before `to`/`for` (`linked_markers`); a form of `be` before `to` and a verb (`is to be
    held`, `is to resume trading`; not `is to blame`). What one is bound to do lies ahead too: a
    modal of obligation (`must report to prison by Feb. 15`) but not before a perfect `have`, which
    infers the past (`must have died on Monday`, `must not have seen`); `has to`/`have to` before a
    verb (not `has to date`). `ahead of` looks ahead (`ahead of its results on Wednesday`). A word of putting off reaches only what follows `until`, `till` or
    `through`, and a word of ordering (`was ordered to`, `ordered him to`) only a deadline after `by`
    (int_date_tokens_shaped). -#}
{% macro date_is_future_marker() -%}
    (
        future_markers.match_key is not null
        and coalesce(tokens.previous_token_key, '') != '-'
        and not (tokens.token_key = 'due' and tokens.next_token_key = 'to' and previous_copulas.match_key is null)
        or contracted_markers.match_key is not null
        or linked_markers.match_key is not null
        -- what a clause does `ahead of` has yet to come (`rose 2.2% ahead of its results on Wednesday`)
        or (tokens.token_key = 'ahead' and tokens.next_token_key = 'of')
        or (
            copulas.match_key is not null and tokens.next_token_key = 'to' and no_verbs.match_key is null
            and {{ regex_contains("tokens.second_next_token_key", "'^[a-z]+$'") }}
        )
        or (
            obligations.role = 'obligation_modal'
            and coalesce(tokens.next_token_key, '') != 'have'
            and not (tokens.next_token_key in ('not', 'never') and coalesce(tokens.second_next_token_key, '') = 'have')
        )
        or (
            obligations.role = 'obligation_verb' and tokens.next_token_key = 'to' and no_verbs.match_key is null
            and {{ regex_contains("tokens.second_next_token_key", "'^[a-z]+$'") }}
        )
    )
{%- endmacro %}

{#- A past form that puts its clause in the past: an irregular past (seed figure_past_verbs, joined
    as `past_verbs`: `began`, `rose`, `wrote`), `was`, `were`, `had` or a word in `-ed`; not a verb of
    saying (stg_lexicons__cue_verbs, joined as `saying_verbs`), whose clause tells of another time
    (`said the vote is on Tuesday`). -#}
{% macro date_is_past_form() -%}
    (
        past_verbs.word is not null or tokens.token_key in ('was', 'were', 'had')
        or {{ regex_contains("tokens.token_key", "'^[a-z]{3,}ed$'") }}
    )
    and saying_verbs.match_key is null
{%- endmacro %}

{#- The reading of a token of int_date_tokens_shaped (`tokens`) in the date grammar, from its joins
    to the lexicons, named as there: `weekday_names`, `month_names`, `season_names`,
    `ordinal_words`, `count_words` (the token as a count), `previous_counts` (the token before),
    `tens_words` (the token as tens), `decades` (as a plural, `the sixties`), and `next_tens` and
    `unit_words` for a spoken year (spoken_year_value). One place for them, so the shape and the
    values it stands for agree. -#}

{#- A year before 1900 is one only after `in` or `since` (`independence from Spain in 1898`). -#}
{% macro date_is_early_year() -%}
    ({{ regex_contains('tokens.token', "'^1[0-8][0-9][0-9]$'") }} and tokens.previous_token_key in ('in', 'since'))
{%- endmacro %}

{#- The token's shape (described in the yml of int_date_tokens_shaped): a month or weekday name only
    capitalised, `<mon>` for a month that needs context (an abbreviation, May, March), else the
    token's key. -#}
{% macro date_token_shape() -%}
    {%- set spoken_year = spoken_year_value('count_words', 'next_tens', 'unit_words', 'tokens.next_token_key') -%}
    case
        when weekday_names.iso_weekday is not null and {{ regex_contains("tokens.token", "'^[A-Z]'") }}
            then '<weekday>'
        when month_names.month_number is not null and {{ regex_contains("tokens.token", "'^[A-Z]'") }}
            then case when month_names.needs_context then '<mon>' else '<month>' end
        when season_names.first_month is not null then '<season>'
        when {{ spoken_year }} is not null then '<spoken_year>'
        when tens_words.tens_value is not null and previous_counts.count_value in ({{ spoken_year_hundreds() }})
            then '<tens>'
        {#- a day written with dots, day first (`18.12.2025`): one token (is_dotted_day of
            int_date_tokens_shaped's tokens, matched once) -#}
        when tokens.is_dotted_day then '<dotted_day>'
        when {{ regex_contains("tokens.token", "'^(19|20)[0-9][0-9]$'") }} then '<year>'
        when {{ date_is_early_year() }} then '<year>'
        when {{ regex_contains("tokens.token", "'^(19|20)[0-9]0s$'") }} then '<decade>'
        when decades.decade_year is not null then '<decade>'
        when {{ regex_contains("tokens.token", "'^[0-9][0-9]?(st|nd|rd|th)?$'") }}
            and cast({{ regex_first("tokens.token", "'^[0-9]+'") }} as integer) between 1 and 31
            then '<day>'
        when {{ regex_contains("tokens.token", date_regex('two_digit')) }} then '<yy>'
        when {{ regex_contains("tokens.token", date_regex('quarter')) }} then '<quarter>'
        when ordinal_words.ordinal_value is not null then '<ordinal>'
        when count_words.count_value is not null then '<count>'
        else tokens.token_key
    end
{%- endmacro %}

{#- The month a month name, a season or a day written with dots (`18.12.2025`) names. -#}
{% macro date_token_month_value() -%}
    coalesce(
        month_names.month_number,
        season_names.first_month,
        case
            when tokens.is_dotted_day
                then cast({{ regex_extract("tokens.token", "'^[0-9]+\\.([0-9]+)\\.'", 1) }} as integer)
        end
    )
{%- endmacro %}

{#- The number of a day, a quarter or a count: `5th` 5, `Q3` 3, `five` 5, `third` 3. -#}
{% macro date_token_day_value() -%}
    case
        when {{ regex_contains("tokens.token", "'^[0-9][0-9]?(st|nd|rd|th)?$'") }}
            then cast({{ regex_first("tokens.token", "'^[0-9]+'") }} as integer)
        when {{ regex_contains("tokens.token", date_regex('quarter')) }}
            then cast(right(tokens.token, 1) as integer)
        when tokens.is_dotted_day
            then cast({{ regex_first("tokens.token", "'^[0-9]+'") }} as integer)
        else coalesce(count_words.count_value, ordinal_words.ordinal_value)
    end
{%- endmacro %}

{#- The year a year, a decade or a spoken year names: `1996`, `1990s`, `in 1898`, `the sixties`,
    `nineteen ninety-six`. -#}
{% macro date_token_year_value() -%}
    case
        when {{ regex_contains("tokens.token", "'^(19|20)[0-9][0-9]s?$'") }} or {{ date_is_early_year() }}
            then cast(left(tokens.token, 4) as integer)
        when tokens.is_dotted_day then cast(right(tokens.token, 4) as integer)
        else coalesce(
            decades.decade_year,
            {{ spoken_year_value('count_words', 'next_tens', 'unit_words', 'tokens.next_token_key') }}
        )
    end
{%- endmacro %}

{#- A word that makes a record (`first`, `worst`, a superlative), as a whole lower-case token: a
    span after it counts back to where the record starts (`the first governor in twelve years`),
    as `since` after one does (record_since_re). -#}
{% macro record_word_re() -%}
    ^(\pL+est|worst|most|least|first|only)$
{%- endmacro %}
