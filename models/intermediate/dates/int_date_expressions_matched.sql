{#- The date expressions of the article bodies, resolved against the article's own publication
    date, of every rule family, each in its own model:
    - int_date_grammar_matched: the patterns of the date grammar (seed `relative_date_rules`,
      matched in int_date_patterns_matched), parsed and resolved;
    - int_date_appositions_matched: a day-naming phrase set off by commas beside a date of one
      day, as an expression of that day (`Saturday night, the opening night,`).
    Downstream models (int_date_cues_assigned, int_dates_extracted) key an expression by its
    sentence and first token, which no two expressions share.

    Results reports compare against the period they report: the latest quarter named before, outside
    a clause that looks ahead (not `will take a fourth-quarter charge`), in a sentence giving an
    amount or a share, else the first quarter named (`third-quarter profit rose ... from a year
    earlier`; a quarter named in passing, `After a flat second quarter`, is none). `a year
    ago/earlier`, `the year-ago period` are that quarter a year before (else the year before
    publication), `the quarter` and `the latest period` are that quarter (else no date; `the latest
    period` the quarter before publication's), so is `this quarter` unless a future word comes
    before it (else the current quarter), `the 1988 quarter` is that quarter in 1988 (else the
    year), `for the year` is that quarter's year (else, beside an amount or a share, the year of the
    latest date named before, else publication's: `a high for the year of $42.875`; else no date).
    In a sentence that names a span of several quarters (`for the nine months`, `first-half`), `a
    year earlier` and `the 1988 period` are a year: that span a year before lies in no one quarter.

    `the day before` or `the day after` just before an expression of one day makes it the day
    before or after that day (`the day before last Tuesday's hearing`).

    A bare number after `and` just after a day (`April 24 and 25`), or after a comma where the list
    goes on (`October 3, 6 and 9`), is a day of the month and year of the list's first day;
    elsewhere it dates nothing (`between 10 and 20`, `On March 3, 25 people`).

    A date told from the one before it is resolved against the latest date the article named
    before (its antecedent), not against publication: `that year`, `later that year`, `the
    following year` are the antecedent's year (+1), `the following month` the month after the
    antecedent's day or month, `that day`, `the next morning` the antecedent's day (+1), `the
    previous Friday` the Friday before the antecedent's day; without such an antecedent they date
    nothing. -#}

-- depends_on: {{ ref('int_stories_changed') }}

{#- a quarter an expression names as such (not told from another, counted back or forecast) -#}
{%- set named_quarter -%}
    case
        when
            families.resolution_method in ({{ quarter_methods() }})
            and families.rule not in ({{ reporting_period_rules() }})
            and families.unit_offset = 0
            and not coalesce(families.follows_future_marker, false)
            then families.resolved_start
    end
{%- endset %}

with

families as (

    select {{ date_expression_columns() | join(', ') }}
    from {{ ref('int_date_grammar_matched') }}
    where {{ in_changed_stories() }}

    union all

    select {{ date_expression_columns() | join(', ') }}
    from {{ ref('int_date_appositions_matched') }}
    where {{ in_changed_stories() }}

),

-- sentences that name a span of several quarters (`for the nine months`, `first-half profit`): a
-- year-ago figure there compares with that span a year before, not with the reported quarter
multi_quarter_sentences as (

    select tokens.sentence_key
    from {{ ref('int_date_tokens_shaped') }} as tokens
    where {{ in_changed_stories() }}
    group by tokens.sentence_key
    having {{ regex_contains(string_agg_ordered('tokens.token_key', "' '", 'tokens.token_no'),
        date_regex('multi_quarter_span')) }}

),

-- sentences that give an amount or a share (`$`, `%`): `for the year` there is a results or
-- market figure's year (`a high for the year of $42.875`), not a generic one (`hosts for the year`)
figure_sentences as (

    select distinct tokens.sentence_key
    from {{ ref('int_date_tokens_shaped') }} as tokens
    where {{ in_changed_stories() }} and tokens.token_key in ('$', '£', '€', '%')

),

-- `the day before` / `the day after` just before an expression of one day (`the day before last
-- Tuesday's hearing`): the expression is the day before or after it, and starts with `the day`.
-- Only these four words are read, so no window runs over the sentence's tokens.
day_words as (

    select
        sentence_key,
        token_no,
        token_key,
        char_start
    from {{ ref('int_date_tokens_shaped') }}
    where {{ in_changed_stories() }} and token_key in ('the', 'day', 'before', 'after')

),

day_counts as (

    select
        shift_word.sentence_key,
        shift_word.token_no + 1 as start_token_no,
        case when shift_word.token_key = 'before' then -1 else 1 end as day_shift,
        coalesce(the_word.char_start, day_word.char_start) as phrase_start
    from day_words as shift_word
    inner join day_words as day_word
        on
            shift_word.sentence_key = day_word.sentence_key
            and shift_word.token_no - 1 = day_word.token_no
            and day_word.token_key = 'day'
    left join day_words as the_word
        on
            shift_word.sentence_key = the_word.sentence_key
            and shift_word.token_no - 2 = the_word.token_no
            and the_word.token_key = 'the'
    where shift_word.token_key in ('before', 'after')

),

reporting as (

    select
        families.*,
        multi_quarter_sentences.sentence_key is not null as names_multi_quarter_span,
        figure_sentences.sentence_key is not null as gives_figure,
        -- the quarter reported (see above): a quarter named in passing, without figures, moves it not
        coalesce(
            last_value(case when figure_sentences.sentence_key is not null then {{ named_quarter }} end ignore nulls)
                over earlier,
            first_value({{ named_quarter }} ignore nulls) over earlier
        ) as reporting_quarter_start,
        -- the latest date the article named before this expression, and its granularity
        last_value(
            case when families.rule not in ({{ antecedent_rules() }}) then families.resolved_start end ignore nulls
        ) over earlier as antecedent_start,
        last_value(
            case
                when families.rule not in ({{ antecedent_rules() }}) and families.resolved_start is not null
                    then families.granularity
            end
            ignore nulls
        ) over earlier as antecedent_granularity,
        -- the expressions just before and after in the sentence, for a day listed after another
        -- (`April 24 and 25`, `October 3, 6 and 9`), and the last day of the list that is no
        -- listed day itself, whose month and year the listed ones take
        lag(families.end_token_no) over in_sentence as previous_end_token_no,
        lag(families.granularity) over in_sentence as previous_granularity,
        last_value(
            case when families.rule not in ({{ listed_day_rules() }}) then families.resolved_start end ignore nulls
        ) over (in_sentence rows between unbounded preceding and 1 preceding) as previous_start,
        lead(families.start_token_no) over in_sentence as next_start_token_no,
        lead(families.rule) over in_sentence as next_rule
    from families
    left join multi_quarter_sentences on families.sentence_key = multi_quarter_sentences.sentence_key
    left join figure_sentences on families.sentence_key = figure_sentences.sentence_key
    window earlier as (
        partition by families.article_id
        order by families.char_start
        rows between unbounded preceding and 1 preceding
    ),
    in_sentence as (partition by families.sentence_key order by families.start_token_no)

),

periods as (

    select
        *,
        -- the quarter the expression names when a reporting quarter precedes it
        case
            when rule = 'antecedent_year'
                then {{ date_from_parts('extract(year from antecedent_start) + unit_offset', 1, 1) }}
            when rule = 'antecedent_month' and antecedent_granularity in ('day', 'month')
                then {{ add_months(dates_first_of_month('extract(year from antecedent_start)',
                    'extract(month from antecedent_start)'), 'unit_offset') }}
            when rule = 'antecedent_day' and antecedent_granularity = 'day'
                then {{ add_days('antecedent_start', 'unit_offset') }}
            -- `the previous Friday`: the Friday before the antecedent's day (`the following`: after)
            when rule = 'antecedent_weekday' and antecedent_granularity = 'day' and unit_offset < 0
                then {{ add_days('antecedent_start',
                    '-(((' ~ iso_weekday('antecedent_start') ~ ' - weekday_number + 6) % 7) + 1)') }}
            when rule = 'antecedent_weekday' and antecedent_granularity = 'day'
                then {{ add_days('antecedent_start',
                    '((weekday_number - ' ~ iso_weekday('antecedent_start') ~ ' + 6) % 7) + 1') }}
            {# a day after a comma only inside a list that goes on (`October 3, 6 and 9`), not a
               count after a date (`On March 3, 25 people`) #}
            when rule in ({{ listed_day_rules() }}) and previous_granularity = 'day'
                and previous_end_token_no = start_token_no - 2
                and (
                    rule = 'listed_day'
                    or (next_start_token_no = end_token_no + 2 and next_rule in ({{ listed_day_rules() }}))
                )
                then {{ dates_calendar_day('extract(year from previous_start)', 'extract(month from previous_start)',
                    'day_number') }}
            -- `for the year` of a figure in an article that reported no quarter before: the year told about
            when rule = 'reporting_year' and reporting_quarter_start is null and gives_figure
                then {{ date_from_parts('extract(year from coalesce(antecedent_start, published_date))', 1, 1) }}
            when reporting_quarter_start is null then null
            when rule = 'year_before_reporting_period' and names_multi_quarter_span
                then {{ date_from_parts('extract(year from reporting_quarter_start) - 1', 1, 1) }}
            when rule = 'reporting_quarter_in_year' and names_multi_quarter_span
                then {{ date_from_parts('year_number', 1, 1) }}
            when rule = 'year_before_reporting_period' then {{ add_months('reporting_quarter_start', -12) }}
            when rule in ('reporting_quarter', 'latest_reporting_quarter') then reporting_quarter_start
            -- `this quarter's loss` in a results report; `will ... this quarter` is the current one
            when rule = 'reporting_or_current_quarter' and not coalesce(follows_future_marker, false)
                then reporting_quarter_start
            when rule = 'reporting_quarter_in_year'
                then {{ date_from_parts('year_number', 'extract(month from reporting_quarter_start)', 1) }}
            when rule = 'reporting_year'
                then {{ date_from_parts('extract(year from reporting_quarter_start)', 1, 1) }}
        end as period_start,
        rule in ('reporting_year', 'antecedent_year')
        or (rule in ('year_before_reporting_period', 'reporting_quarter_in_year') and names_multi_quarter_span)
            as period_is_year
    from reporting

),

-- `the quarter` with no quarter named before, `for the year` with none and no figure beside it
-- and `that day` with no day named before date nothing
dated as (

    select *
    from periods
    where
        not (rule = 'reporting_quarter' and reporting_quarter_start is null)
        and not (rule = 'reporting_year' and period_start is null)
        and not (rule in ({{ listed_day_rules() }}, {{ antecedent_rules() }}) and period_start is null)

),

anchored as (

    select
        dated.* exclude (char_start, resolved_start, resolved_end, granularity),
        coalesce(day_counts.phrase_start, dated.char_start) as char_start,
        case
            when dated.period_start is null or dated.rule in ({{ listed_day_rules() }}, {{ antecedent_rules() }})
                then dated.granularity
            when dated.period_is_year then 'year'
            else 'season'
        end as granularity,
        {{ add_days('coalesce(dated.period_start, dated.resolved_start)', 'coalesce(day_counts.day_shift, 0)') }}
            as resolved_start,
        case
            when day_counts.day_shift is not null
                then {{ add_days('coalesce(dated.period_start, dated.resolved_start)', 'day_counts.day_shift') }}
            when dated.period_start is null then dated.resolved_end
            when dated.period_is_year then {{ add_days(add_months('dated.period_start', 12), -1) }}
            when dated.rule = 'antecedent_month' then {{ add_days(add_months('dated.period_start', 1), -1) }}
            when dated.rule in ('antecedent_day', 'antecedent_weekday', {{ listed_day_rules() }})
                then dated.period_start
            else {{ add_days(add_months('dated.period_start', 3), -1) }}
        end as resolved_end
    from dated
    left join day_counts
        on
            dated.sentence_key = day_counts.sentence_key
            and dated.start_token_no = day_counts.start_token_no
            and dated.granularity = 'day'

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
        rule,  -- noqa: RF04
        resolution_method,
        granularity,
        cast(unit_offset as integer) as unit_offset,
        cast(year_number as integer) as year_number,
        cast(end_year_number as integer) as end_year_number,
        cast(month_number as integer) as month_number,
        cast(day_number as integer) as day_number,
        cast(weekday_number as integer) as weekday_number,
        is_relative,
        follows_future_marker,
        is_quoted,

        ---------- resolution against the publication date
        published_date,
        resolved_start,
        resolved_end
    from anchored

)

select * from final
