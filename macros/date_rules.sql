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
    held`, `is to resume trading`; not `is to blame`). A word of putting off reaches only what follows
    `until`, `till` or `through` (int_date_tokens_shaped). -#}
{% macro date_is_future_marker() -%}
    (
        future_markers.match_key is not null
        and coalesce(tokens.previous_token_key, '') != '-'
        and not (tokens.token_key = 'due' and tokens.next_token_key = 'to' and previous_copulas.match_key is null)
        or contracted_markers.match_key is not null
        or linked_markers.match_key is not null
        or (
            copulas.match_key is not null and tokens.next_token_key = 'to' and no_verbs.match_key is null
            and {{ regex_contains("tokens.second_next_token_key", "'^[a-z]+$'") }}
        )
    )
{%- endmacro %}
