{#- Calendar arithmetic for date expressions, shared by the article-level resolution
    (int_dates_extracted, anchored on the publication date) and the story-level one
    (int_dates_resolved, anchored on each candidate day of a publication window), so that both
    resolve a rule the same way. Plain SQL over the dialect macros: no dispatch needed here. -#}

{#- 1 January of year `y`, or the first day of month `m`. -#}
{% macro dates_first_of_month(y, m) -%}
    {{ date_from_parts(y, 'least(greatest(' ~ m ~ ', 1), 12)', 1) }}
{%- endmacro %}

{#- The date y-m-d when it exists (no 31 April, no 29 February outside leap years), else NULL.
    Built by adding days to the 1st so that an impossible date never raises. -#}
{% macro dates_calendar_day(y, m, d) -%}
    case
        when {{ m }} between 1 and 12 and {{ d }} between 1 and 31
            and extract(month from {{ add_days(dates_first_of_month(y, m), '(' ~ d ~ ') - 1') }}) = {{ m }}
            then {{ add_days(dates_first_of_month(y, m), '(' ~ d ~ ') - 1') }}
    end
{%- endmacro %}

{#- Named regular expressions for the token shapes and sentence cues of the date grammar that
    are not words of a seed: a quarter written `Q3`, a two-digit number (the year of `7/8/07`),
    the digits that make a sentence worth tokenising (a year, a quarter, a slashed date), and in a
    sentence's token keys joined by spaces a span of several quarters that results report (`the
    nine months`, `six-month`, `first-half`); in a lower-cased sentence the words that make it
    worth tokenising too (`in five years`, `in 1898`). -#}
{% macro date_regex(name) -%}
    {%- set patterns = {
        'quarter': "'^Q[1-4]$'",
        'two_digit': "'^[0-9][0-9]$'",
        'dotted_day': "'^(0?[1-9]|[12][0-9]|3[01])\\.(0?[1-9]|1[0-2])\\.(19|20)[0-9][0-9]$'",
        'digit_cue': "'(19|20)[0-9][0-9]|\\bQ[1-4]\\b|[0-9]/[0-9]'",
        'multi_quarter_span': "'\\b(six|nine|6|9) (- )?months?\\b|\\bfirst (- )?half\\b'",
        'lower_cue': "'\\bin [a-z0-9-]+ (day|week|month|year)s\\b|\\b(in|since) 1[0-8][0-9][0-9]\\b'",
    } -%}
    {{ return(patterns[name]) }}
{%- endmacro %}

{#- US Thanksgiving of year `y`: the fourth Thursday of November. -#}
{% macro dates_thanksgiving(y) -%}
    {%- set first = date_from_parts(y, 11, 1) -%}
    {{ add_days(first, '((4 - ' ~ iso_weekday(first) ~ ' + 7) % 7) + 21') }}
{%- endmacro %}

{#- US Election Day of year `y`: the Tuesday after the first Monday of November. -#}
{% macro dates_election_day(y) -%}
    {%- set first = date_from_parts(y, 11, 1) -%}
    {{ add_days(first, '((1 - ' ~ iso_weekday(first) ~ ' + 7) % 7) + 1') }}
{%- endmacro %}

{#- Easter Sunday of year `y` (Gregorian), for the years 1900 to 2199; NULL outside them. The
    anonymous algorithm of Meeus runs here in Jinja, once per compile, into a list of each year's
    days after March 22: written out in SQL its terms nest into one another, and the expression
    for one year was 2.5 kB, the model that resolves Easter 72 kB, slow for dbt to compile. -#}
{% macro dates_easter(y) -%}
    {%- set first_year, last_year = 1900, 2199 -%}
    {%- set offsets = [] -%}
    {%- for year in range(first_year, last_year + 1) -%}
        {%- set a, b, c = year % 19, year // 100, year % 100 -%}
        {%- set g = (b - (b + 8) // 25 + 1) // 3 -%}
        {%- set h = (19 * a + b - b // 4 - g + 15) % 30 -%}
        {%- set l = (32 + 2 * (b % 4) + 2 * (c // 4) - h - c % 4) % 7 -%}
        {%- set n = h + l - 7 * ((a + 11 * h + 22 * l) // 451) + 114 -%}
        {#- n // 31 is the month (3 or 4), n % 31 + 1 the day; April 1 is March 22 + 10 -#}
        {%- do offsets.append(n % 31 + 1 - 22 if n // 31 == 3 else n % 31 + 1 + 9) -%}
    {%- endfor -%}
    case when ({{ y }}) between {{ first_year }} and {{ last_year }} then
        {{ add_days(date_from_parts(y, 3, 22), list_element(offsets, '(' ~ y ~ ') - ' ~ (first_year - 1))) }}
    end
{%- endmacro %}

{#- The year of a two-digit year number: the 2000s below var('two_digit_year_pivot'), else the
    1900s (`7/8/07` is 2007, `3/4/97` 1997). -#}
{% macro dates_two_digit_year(yy) -%}
    ({{ yy }} + case when {{ yy }} < {{ var('two_digit_year_pivot') }} then 2000 else 1900 end)
{%- endmacro %}

{#- Month or day (`part`) of a numeric date `m/d/y`, in an aggregate over its tokens `t` that
    starts at token `start`: US order, month first, unless the first number cannot be a month
    and the second can (`25/12/2023` is 25 December). -#}
{% macro numeric_date_part(part, t, start) -%}
    {%- set first = 'max(case when ' ~ t ~ '.token_no = ' ~ start ~ ' then ' ~ t ~ '.day_value end)' -%}
    {%- set second = 'max(case when ' ~ t ~ '.token_no = ' ~ start ~ ' + 2 then ' ~ t ~ '.day_value end)' -%}
    case when {{ numeric_date_is_day_first(t, start) }} then {{ second if part == 'month' else first }}
        else {{ first if part == 'month' else second }} end
{%- endmacro %}

{#- Whether a numeric date can only be read day first (`25/12/2023`: no month 25), as an
    aggregate over its tokens `t` from `start`. -#}
{% macro numeric_date_is_day_first(t, start) -%}
    (max(case when {{ t }}.token_no = {{ start }} then {{ t }}.day_value end) > 12
    and max(case when {{ t }}.token_no = {{ start }} + 2 then {{ t }}.day_value end) <= 12)
{%- endmacro %}

{#- The parsed parts of a date expression that date_range_start and date_range_end read, each
    qualified by `parts` (e.g. 'dates.'). -#}
{% macro date_parse_columns(parts='') -%}
    {%- for column in ['resolution_method', 'unit_offset', 'year_number', 'month_number', 'day_number',
        'weekday_number', 'end_year_number'] -%}
        {{ parts ~ column }}{{ ', ' if not loop.last }}
    {%- endfor -%}
{%- endmacro %}

{#- First day of the range a date expression denotes, from its date_parse_columns (qualified by
    `parts`, e.g. 'mentions.'): resolution_method (seed relative_date_rules.method), unit_offset
    (the shift of *_offset methods: -1 = last week, +1 = next year) and the year, month, day and
    ISO weekday numbers parsed from the expression.
    anchor: the reference day (publication date), NULL when unknown: relative methods then give NULL. -#}
{% macro date_range_start(anchor, parts='') -%}
    {%- set method = parts ~ 'resolution_method' -%}
    {%- set unit_offset = parts ~ 'unit_offset' -%}
    {%- set y = parts ~ 'year_number' -%}
    {%- set m = parts ~ 'month_number' -%}
    {%- set d = parts ~ 'day_number' -%}
    {%- set wd = parts ~ 'weekday_number' -%}
    {%- set ay = 'cast(extract(year from ' ~ anchor ~ ') as integer)' -%}
    {%- set am = 'cast(extract(month from ' ~ anchor ~ ') as integer)' -%}
    {%- set aw = iso_weekday(anchor) -%}
    {%- set future_limit = add_days(anchor, var('yearless_day_future_days')) -%}
    {%- set nearest_easter = dates_easter(ay ~ ' + case when ' ~ anchor ~ ' >= ' ~ add_days(dates_easter(ay), 182)
        ~ ' then 1 else 0 end') -%}
    {%- set nearest_day -%}
        (case
            when {{ dates_calendar_day(ay ~ ' + 1', m, d) }} <= {{ future_limit }}
                then {{ dates_calendar_day(ay ~ ' + 1', m, d) }}
            when {{ dates_calendar_day(ay, m, d) }} <= {{ future_limit }} then {{ dates_calendar_day(ay, m, d) }}
            else {{ dates_calendar_day(ay ~ ' - 1', m, d) }}
        end)
    {%- endset -%}
    {#- quarters and halves: d is their number (`third quarter`: 3), qm and hm their first month -#}
    {%- set qm = '(3 * ' ~ d ~ ' - 2)' -%}
    {%- set hm = '(6 * ' ~ d ~ ' - 5)' -%}
    {%- set is_quarter = '(' ~ d ~ ' between 1 and 4)' -%}
    {%- set is_half = '(' ~ d ~ ' between 1 and 2)' -%}
    {%- set anchor_quarter_month = '(' ~ am ~ ' - (' ~ am ~ ' - 1) % 3)' -%}
    case {{ method }}
        when 'explicit_day' then {{ dates_calendar_day(y, m, d) }}
        when 'iso_day' then {{ dates_calendar_day(y, m, d) }}
        when 'numeric_day' then {{ dates_calendar_day(y, m, d) }}
        when 'explicit_year_end' then {{ date_from_parts(y, 12, 31) }}
        {#- A quarter without a year is the latest one begun by the anchor (`third-quarter profit`
            in October is this year's, in February last year's); after a future marker, the
            earliest one whose results may still come: one that ended within the three months
            before the anchor's month counts (`will report third-quarter results` in October is
            this year's, `first-quarter` then next year's). `last quarter` is the one before the
            anchor's. #}
        when 'explicit_quarter' then case when {{ is_quarter }} then {{ dates_first_of_month(y, qm) }} end
        when 'quarter_not_after' then
            case when {{ is_quarter }} then
                {{ dates_first_of_month(ay ~ ' - case when ' ~ qm ~ ' > ' ~ am ~ ' then 1 else 0 end', qm) }}
            end
        when 'quarter_not_before' then
            case when {{ is_quarter }} then
                {{ dates_first_of_month(ay ~ ' + cast(ceil((' ~ am ~ ' - 3 * ' ~ d ~ ' - 3) / 12.0) as integer)', qm) }}
            end
        when 'quarter_in_year_offset' then
            case when {{ is_quarter }} then {{ dates_first_of_month(ay ~ ' + ' ~ unit_offset, qm) }} end
        when 'quarter_offset' then {{ add_months(dates_first_of_month(ay, anchor_quarter_month), '3 * ' ~ unit_offset) }}
        when 'explicit_half' then case when {{ is_half }} then {{ dates_first_of_month(y, hm) }} end
        when 'half_in_year_offset' then
            case when {{ is_half }} then {{ dates_first_of_month(ay ~ ' + ' ~ unit_offset, hm) }} end
        when 'explicit_month' then {{ dates_first_of_month(y, m) }}
        when 'explicit_year' then {{ date_from_parts(y, 1, 1) }}
        when 'explicit_decade' then {{ date_from_parts(y, 1, 1) }}
        {#- `the 20th century`: 1900-1999, as news counts it (not 1901-2000) -#}
        when 'explicit_century' then case when {{ d }} between 1 and 30 then {{ date_from_parts('100 * (' ~ d ~ ' - 1)', 1, 1) }} end
        when 'explicit_year_range' then {{ date_from_parts(y, 1, 1) }}
        {#- A day without a year is the latest such day on or before the anchor, unless the one
            of the next or of this year falls within var('yearless_day_future_days') after it:
            news looks back, but `a summit on April 10` in a March article is the coming one. #}
        when 'day_nearest' then {{ nearest_day }}
        {#- `the week of March 6`: the Monday-to-Sunday week holding that day #}
        when 'week_of_day_nearest' then {{ add_days(nearest_day, '1 - ' ~ iso_weekday(nearest_day)) }}
        {#- `last Oct. 23`: the latest such day before the anchor #}
        when 'day_before' then
            case
                when {{ dates_calendar_day(ay, m, d) }} < {{ anchor }} then {{ dates_calendar_day(ay, m, d) }}
                else {{ dates_calendar_day(ay ~ ' - 1', m, d) }}
            end
        {#- after a future word: the earliest such day on or after the anchor, or this year's when
            it is at most var('future_day_past_days') before it (a span already begun) #}
        when 'day_on_or_after' then
            case
                when {{ dates_calendar_day(ay, m, d) }} >= {{ add_days(anchor, '-' ~ var('future_day_past_days')) }}
                    then {{ dates_calendar_day(ay, m, d) }}
                else {{ dates_calendar_day(ay ~ ' + 1', m, d) }}
            end
        {# A bare month is the latest one not after the anchor's month, unless it is one of the
            var('bare_month_future_months') months after it: `in November` in an October article
            is the coming one (news names the month ahead bare, the one eleven months back by year). #}
        when 'month_not_after' then
            (case
                when ({{ m }} - {{ am }} + 12) % 12 between 1 and {{ var('bare_month_future_months') }} then
                    {{ dates_first_of_month(ay ~ ' + case when ' ~ m ~ ' < ' ~ am ~ ' then 1 else 0 end', m) }}
                else {{ dates_first_of_month(ay ~ ' - case when ' ~ m ~ ' > ' ~ am ~ ' then 1 else 0 end', m) }}
            end)
        {#- a holiday without a year is the latest one on or before the anchor -#}
        when 'thanksgiving_not_after' then
            case
                when {{ dates_thanksgiving(ay) }} <= {{ anchor }} then {{ dates_thanksgiving(ay) }}
                else {{ dates_thanksgiving(ay ~ ' - 1') }}
            end
        {#- Easter without a year is this year's, from half a year after it the coming one;
            `Easter week` is the Monday-to-Sunday week that ends on it #}
        when 'easter_nearest' then {{ nearest_easter }}
        when 'easter_week_nearest' then {{ add_days(nearest_easter, -6) }}
        {#- Election Day without a year is the one nearest the anchor (half a year from the last
            one on, the coming one: `from now to Election Day` in October) #}
        when 'election_day_nearest' then
            case
                when {{ dates_election_day(ay) }} <= {{ anchor }} then {{ dates_election_day(ay) }}
                when {{ anchor }} >= {{ add_days(dates_election_day(ay ~ ' - 1'), 182) }}
                    then {{ dates_election_day(ay) }}
                else {{ dates_election_day(ay ~ ' - 1') }}
            end
        when 'month_not_before' then
            {{ dates_first_of_month(ay ~ ' + case when ' ~ m ~ ' < ' ~ am ~ ' then 1 else 0 end', m) }}
        when 'month_before' then
            {{ dates_first_of_month(ay ~ ' - case when ' ~ m ~ ' >= ' ~ am ~ ' then 1 else 0 end', m) }}
        when 'month_after' then
            {{ dates_first_of_month(ay ~ ' + case when ' ~ m ~ ' <= ' ~ am ~ ' then 1 else 0 end', m) }}
        {# A bare weekday is the latest one on or before the anchor, unless it is one of the
            var('bare_weekday_future_days') days after it: `Tuesday` in a Monday article is the
            next day (news says `last Tuesday` for the day six days back). #}
        when 'weekday_on_or_before' then
            (case
                when ({{ wd }} - {{ aw }} + 7) % 7 between 1 and {{ var('bare_weekday_future_days') }}
                    then {{ add_days(anchor, '(' ~ wd ~ ' - ' ~ aw ~ ' + 7) % 7') }}
                else {{ add_days(anchor, '-((' ~ aw ~ ' - ' ~ wd ~ ' + 7) % 7)') }}
            end)
        {#- a bare weekday in a clause told in the past: the latest one on or before the anchor -#}
        when 'weekday_not_after' then {{ add_days(anchor, '-((' ~ aw ~ ' - ' ~ wd ~ ' + 7) % 7)') }}
        when 'weekday_before' then {{ add_days(anchor, '-(((' ~ aw ~ ' - ' ~ wd ~ ' + 6) % 7) + 1)') }}
        when 'weekday_on_or_after' then {{ add_days(anchor, '((' ~ wd ~ ' - ' ~ aw ~ ' + 7) % 7)') }}
        when 'weekday_after' then {{ add_days(anchor, '(((' ~ wd ~ ' - ' ~ aw ~ ' + 6) % 7) + 1)') }}
        when 'day_in_year_offset' then {{ dates_calendar_day(ay ~ ' + ' ~ unit_offset, m, d) }}
        when 'month_in_year_offset' then {{ dates_first_of_month(ay ~ ' + ' ~ unit_offset, m) }}
        {#- `this September`: the month of the anchor's year, past or ahead -#}
        when 'month_in_publication_year' then {{ dates_first_of_month(ay, m) }}
        when 'day_offset' then {{ add_days(anchor, unit_offset) }}
        {#- `<n> days ago`: the count is parsed into d -#}
        when 'days_ago' then {{ add_days(anchor, '-(' ~ d ~ ')') }}
        when 'weeks_ago' then {{ add_days(anchor, '1 - ' ~ aw ~ ' - 7 * (' ~ d ~ ')') }}
        when 'months_ago' then {{ add_months(dates_first_of_month(ay, am), '-(' ~ d ~ ')') }}
        when 'years_ago' then {{ date_from_parts(ay ~ ' - (' ~ d ~ ')', 1, 1) }}
        {#- `will open in two weeks`: only after a future word (a duration otherwise) -#}
        when 'days_ahead' then {{ add_days(anchor, d) }}
        when 'weeks_ahead' then {{ add_days(anchor, '1 - ' ~ aw ~ ' + 7 * (' ~ d ~ ')') }}
        when 'months_ahead' then {{ add_months(dates_first_of_month(ay, am), d) }}
        when 'years_ahead' then {{ date_from_parts(ay ~ ' + (' ~ d ~ ')', 1, 1) }}
        {#- weekends run Saturday to Sunday; `over the weekend` is the latest one begun by the anchor -#}
        when 'weekend_offset' then {{ add_days(anchor, '6 - ' ~ aw ~ ' + 7 * ' ~ unit_offset) }}
        when 'weekend_on_or_before' then {{ add_days(anchor, '-((' ~ aw ~ ' + 1) % 7)') }}
        when 'weekend_on_or_after' then {{ add_days(anchor, '((13 - ' ~ aw ~ ') % 7)') }}
        {#- `this weekend` without a future marker is the weekend nearest the anchor: from Monday
            to Wednesday the one just past (news of Saturday's events runs early in the week),
            from Thursday the coming one, at the weekend the current one -#}
        when 'weekend_nearest' then
            {{ add_days(anchor, 'case when ' ~ aw ~ ' <= 3 then -(' ~ aw ~ ' + 1) else 6 - ' ~ aw ~ ' end') }}
        {#- seasons start on the first of month m (seed season_names) and last three months -#}
        when 'explicit_season' then {{ dates_first_of_month(y, m) }}
        when 'season_before' then
            {{ dates_first_of_month(ay ~ ' - case when ' ~ add_months(dates_first_of_month(ay, m), 3) ~ ' <= ' ~ anchor
                ~ ' then 0 else 1 end', m) }}
        when 'season_current' then
            {{ dates_first_of_month(ay ~ ' - case when ' ~ m ~ ' = 12 and ' ~ am ~ ' <= 2 then 1 else 0 end', m) }}
        when 'season_after' then
            {{ dates_first_of_month(ay ~ ' + case when ' ~ dates_first_of_month(ay, m) ~ ' > ' ~ anchor
                ~ ' then 0 else 1 end', m) }}
        when 'week_offset' then {{ add_days(anchor, '1 - ' ~ aw ~ ' + 7 * ' ~ unit_offset) }}
        when 'month_offset' then {{ add_months(dates_first_of_month(ay, am), unit_offset) }}
        when 'year_offset' then {{ date_from_parts(ay ~ ' + ' ~ unit_offset, 1, 1) }}
        when 'year_end_offset' then {{ date_from_parts(ay ~ ' + ' ~ unit_offset, 12, 31) }}
        when 'month_end_offset' then
            {{ add_days(add_months(dates_first_of_month(ay, am), unit_offset ~ ' + 1'), -1) }}
    end
{%- endmacro %}

{#- Last day (inclusive) of the range that starts on `range_start`, from the granularity of
    resolution_method; end_year_number closes a range of years ('between 2019 and 2021'). -#}
{% macro date_range_end(range_start, parts='') -%}
    {%- set method = parts ~ 'resolution_method' -%}
    {%- set end_year = parts ~ 'end_year_number' -%}
    case
        when {{ method }} in ('explicit_year', 'year_offset', 'years_ago', 'years_ahead') then
            {{ date_from_parts('extract(year from ' ~ range_start ~ ')', 12, 31) }}
        when {{ method }} = 'explicit_year_range' then {{ date_from_parts(end_year, 12, 31) }}
        when {{ method }} = 'explicit_decade' then {{ date_from_parts('extract(year from ' ~ range_start ~ ') + 9', 12, 31) }}
        when {{ method }} = 'explicit_century' then
            {{ date_from_parts('extract(year from ' ~ range_start ~ ') + 99', 12, 31) }}
        when {{ method }} in ('explicit_month', 'month_not_after', 'month_not_before', 'month_before',
            'month_after', 'month_offset', 'month_in_year_offset', 'month_in_publication_year', 'months_ago',
            'months_ahead') then
            {{ add_days(add_months(range_start, 1), -1) }}
        when {{ method }} in ('explicit_quarter', 'quarter_not_after', 'quarter_not_before', 'quarter_in_year_offset',
            'quarter_offset') then
            {{ add_days(add_months(range_start, 3), -1) }}
        when {{ method }} in ('explicit_half', 'half_in_year_offset') then {{ add_days(add_months(range_start, 6), -1) }}
        when {{ method }} in ('week_offset', 'weeks_ago', 'weeks_ahead', 'week_of_day_nearest', 'easter_week_nearest')
            then
            {{ add_days(range_start, 6) }}
        when {{ method }} in ('weekend_offset', 'weekend_on_or_before', 'weekend_on_or_after', 'weekend_nearest') then
            {{ add_days(range_start, 1) }}
        when {{ method }} in ('explicit_season', 'season_before', 'season_current', 'season_after') then
            {{ add_days(add_months(range_start, 3), -1) }}
        else {{ range_start }}
    end
{%- endmacro %}

{#- True for methods that need a reference day (publication date) to give a date. -#}
{% macro date_method_is_relative(method) -%}
    ({{ method }} not in ('explicit_day', 'iso_day', 'numeric_day', 'explicit_month', 'explicit_year',
        'explicit_year_range', 'explicit_year_end', 'explicit_quarter', 'explicit_half', 'explicit_season',
        'explicit_decade', 'explicit_century'))
{%- endmacro %}

{#- A list of every day from `start_date` to `end_date` inclusive (explode it with `explode`). -#}
{% macro day_list(start_date, end_date) %}{{ return(adapter.dispatch('day_list', 'corroborate')(start_date, end_date)) }}{% endmacro %}
{% macro duckdb__day_list(start_date, end_date) -%}
    list_transform(
        generate_series(cast({{ start_date }} as timestamp), cast({{ end_date }} as timestamp), interval 1 day),
        lambda d: cast(d as date)
    )
{%- endmacro %}

{#- True when two lists share an element. -#}
{% macro lists_overlap(list_a, list_b) %}{{ return(adapter.dispatch('lists_overlap', 'corroborate')(list_a, list_b)) }}{% endmacro %}
{% macro duckdb__lists_overlap(list_a, list_b) %}list_has_any({{ list_a }}, {{ list_b }}){% endmacro %}

{#- A range must not end before it starts. Returns the rows where it does. -#}
{% test date_range_is_ordered(model, start_column='resolved_start', end_column='resolved_end') %}

select *
from {{ model }}
where {{ end_column }} < {{ start_column }}

{% endtest %}

{#- The words between the start and the end of a range of dates, in lower case (` to `, ` through `,
    ` until `, ` and ` of `between July and September`, a dash). -#}
{% macro range_connector_re() -%}
    ^\s*(to|through|thru|until|till|and|-|–|—)\s*$
{%- endmacro %}
