{#- The earlier time each figure is about, when it is not its story's own: `the deadliest since
    2003, when 592 people died`, `In January, three people were shot` in a June story, `Last year,
    300 homes burned`. Such a figure is another claim than the story's own count (its time_frame
    is part of the claim key in int_figures_aligned). A figure is about an earlier time when the
    date nearest to it in its sentence ends more than var('claim_history_days') days before the
    story's first publication (its earliest article), or is a whole earlier year (`last year` in a
    February article); the time_frame is that date's month (a date within one month) or year.
    The story's first publication, not the article's own, is the reference, so that a later
    article that dates the story's own event (`the flood of May 10 killed 45`) keeps it in the
    story's claim. A date across a clause break (`The 2009 quake killed 300 people, and a tremor
    in 1987 left 1,200 dead`) is farther than any date in the figure's own clause. With no such
    date, a figure after `N years (or decades) after` or `since` in its sentence is about the time
    that many years before the story (`The fire comes seven years after the Grenfell blaze killed
    72 people`: the year, or `7 years before` when the story has no date); not after `for`, `to`,
    `within` and the like, which make the span a length (`jailed for 10 years after killing three
    people`). A whole month that opens its sentence (`In June, a boat carrying 750 people sank`)
    is earlier than the story when it ended before the month before the story's first
    publication began, however few days that is (a month named inside a sentence keeps the 90
    days: `since the rapid September offensive that ended three decades of ... control` in a
    story of December is the story's own background, dated alike by every outlet). A count of
    the year so far (`1,900 migrants have died ... so far this year`, `since January`, `Earlier
    this year, X shed 2,000 workers`) is a claim of that year, not the story's own event: `this
    year`, or the year of publication by its number, in the figure's clause or opening its sentence. A date after a comparison base dates
    the base only (`fell to 96 million pounds from 180 million a year ago`, `62.4 percent, up from
    58.9 percent four years ago`), and a record's start (`the highest since 2009`) or a year-ago
    period compared with (`18% on the same period last year`) dates no figure before it: reports
    of results compare with earlier periods in the same sentence. One row per figure; time_frame
    NULL for the story's own time. -#}

-- depends_on: {{ ref('int_stories_changed') }}

{#- The text of a figure's sentence between the figure and a date after it, lower case. #}
{%- set after_figure = sentence_text_from('figures.char_end', 'dates.char_start - figures.char_end') %}

with

figures as (

    select
        figure_id,
        story_id,
        sentence_id,
        char_start,
        char_end
    from {{ ref('int_figures_extracted') }}
    where {{ in_changed_stories() }}

),

sentences as (

    select
        sentence_id,
        char_start as sentence_start,
        sentence_text
    from {{ ref('int_sentences') }}
    where {{ in_changed_stories() }}

),

story_starts as (

    select
        story_id,
        min(coalesce(published_date, window_start)) as story_from
    from {{ ref('int_articles_publication_windows') }}
    where {{ in_changed_stories() }}
    group by story_id

),

dates as (

    select
        sentence_id,
        char_start,
        char_end,
        resolved_start,
        resolved_end,
        granularity,
        rule,
        coalesce(published_date, publication_window_start) as published_from
    from {{ ref('int_dates_resolved') }}
    where {{ in_changed_stories() }} and resolved_start is not null

),

{# The comparison base after a figure (`fell to 96 million pounds from 180 million a year ago`,
   `62.4 percent, up from 58.9 percent four years ago`): the date after the base dates the base,
   not the figure compared with it. #}
comparison_bases as (

    select
        figures.figure_id,
        min(bases.char_start) as base_start
    from figures
    inner join figures as bases
        on figures.sentence_id = bases.sentence_id and figures.char_end <= bases.char_start
    inner join sentences on figures.sentence_id = sentences.sentence_id
    where {{ regex_contains(
        sentence_text_from('figures.char_end', 'bases.char_start - figures.char_end'),
        sql_regex(comparison_base_end_re())
    ) }}
    group by figures.figure_id

),

date_gaps as (

    select
        figures.figure_id,
        dates.resolved_start,
        dates.resolved_end,
        dates.granularity,
        dates.published_from,
        story_starts.story_from,
        dates.char_start,
        -- the year so far: `this year` (or the year of publication by its number, `have died
        -- in 2025`) in the figure's clause or opening its sentence, or `since January` of the year
        -- of publication
        (
            (
                dates.rule = 'current_year'
                or (
                    dates.rule = 'explicit_year'
                    and extract(year from dates.resolved_start) = extract(year from dates.published_from)
                )
            )
            and (
                dates.char_start = sentences.sentence_start
                or not {{ regex_contains(
                    "substr(sentences.sentence_text, least(dates.char_end, figures.char_end) - sentences.sentence_start + 1,"
                    ~ " greatest(dates.char_start, figures.char_start) - least(dates.char_end, figures.char_end))",
                    "'[,;]'"
                ) }}
            )
        )
        or (
            dates.granularity = 'month' and extract(month from dates.resolved_start) = 1
            and extract(year from dates.resolved_start) = extract(year from dates.published_from)
            and {{ regex_contains(
                sentence_text_before('dates.char_start'), "'\\bsince\\s+$'"
            ) }}
        ) as is_year_so_far,
        -- `In June,` / `Earlier in June,`: a whole month that sets the time of its sentence
        dates.granularity = 'month'
        and {{ regex_contains(
            sentence_text_before('dates.char_end + 1'),
            sql_regex(month_opener_re())
        ) }} as is_month_opener,
        case
            when dates.char_end <= figures.char_start then figures.char_start - dates.char_end
            else dates.char_start - figures.char_end
        end as distance,
        substr(
            sentences.sentence_text,
            least(dates.char_end, figures.char_end) - sentences.sentence_start + 1,
            greatest(dates.char_start, figures.char_start) - least(dates.char_end, figures.char_end)
        ) as text_between,
        dates.char_start >= figures.char_end
        and (
            comparison_bases.base_start < dates.char_end
            -- `the highest since 2009`: a record's start, not the time of the figure before it
            or {{ regex_contains(after_figure, sql_regex(record_since_re())) }}
            or (
                dates.rule = 'year_before_reporting_period'
                and {{ regex_contains(after_figure, sql_regex(comparison_period_lead_re())) }}
            )
        ) as dates_another_figure,
        -- `X, which has led the government since 2016, won 26.7 percent`: the clause's date
        dates.char_end <= figures.char_start
        and {{ regex_contains(
            sentence_text_before('dates.char_start'),
            sql_regex(relative_clause_open_end_re())
        ) }}
        and strpos(substr(
            sentences.sentence_text, dates.char_end - sentences.sentence_start + 1, figures.char_start - dates.char_end
        ), ',') > 0 as is_aside
    from figures
    inner join dates on figures.sentence_id = dates.sentence_id
    left join sentences on figures.sentence_id = sentences.sentence_id
    left join story_starts on figures.story_id = story_starts.story_id
    left join comparison_bases on figures.figure_id = comparison_bases.figure_id

),

nearest_dates as (

    select
        *,
        row_number() over (
            partition by figure_id
            order by
                coalesce({{ regex_contains('text_between', "'[;]|,\\s*(and|but|while|whereas)\\s'") }}, false),
                distance,
                char_start
        ) as nearness
    from date_gaps
    where not coalesce(dates_another_figure, false) and not coalesce(is_aside, false)

),

time_frames as (

    select
        figure_id,
        case
            when is_year_so_far then cast(extract(year from resolved_start) as varchar)
            -- a date within one month keeps its month: two earlier events of one year are two claims
            when
                granularity != 'year'
                and left(cast(resolved_start as varchar), 7) = left(cast(resolved_end as varchar), 7)
                then left(cast(resolved_start as varchar), 7)
            when extract(year from resolved_start) = extract(year from resolved_end)
                then cast(extract(year from resolved_start) as varchar)
            else
                cast(extract(year from resolved_start) as varchar)
                || '-' || cast(extract(year from resolved_end) as varchar)
        end as time_frame
    from nearest_dates
    where
        nearness = 1
        and (
            resolved_end < {{ add_days('coalesce(story_from, published_from)', '-' ~ var('claim_history_days')) }}
            -- `last year`, `in 2024`: a whole earlier year, however recently it ended
            or (granularity = 'year' and extract(year from resolved_end) < extract(year from published_from))
            -- `In June,` in a story that opens in August: a whole month before the month before
            or (
                coalesce(is_month_opener, false)
                and resolved_end < {{ add_months(date_from_parts(
                    'extract(year from coalesce(story_from, published_from))',
                    'extract(month from coalesce(story_from, published_from))', '1'
                ), '-1') }}
            )
            or coalesce(is_year_so_far, false)
        )

),

-- the text of each figure's sentence before it, lower case
texts_before as (

    select
        figures.figure_id,
        figures.story_id,
        {{ sentence_text_before('figures.char_start') }} as before_figure
    from figures
    inner join sentences on figures.sentence_id = sentences.sentence_id

),

-- `seven years after` / `two decades since` before the figure in its sentence: the count, its
-- unit and the word before it
elapsed_phrases as (

    select
        figure_id,
        story_id,
        {{ regex_extract('before_figure', sql_regex(elapsed_before_re()), 1) }} as word_before,
        {{ regex_extract('before_figure', sql_regex(elapsed_before_re()), 2) }} as count_text,
        {{ regex_extract('before_figure', sql_regex(elapsed_before_re()), 3) }} as unit
    from texts_before
    where {{ regex_contains('before_figure', sql_regex(elapsed_before_re())) }}

),

-- how many years back the phrase reaches; none after `for`, `to`, `within` and the like
elapsed_years as (

    select
        elapsed.figure_id,
        elapsed.story_id,
        cast(
            coalesce(try_cast(elapsed.count_text as integer), number_words.value)
            * case when elapsed.unit like 'decade%' then 10 else 1 end
            as integer
        ) as years_back
    from elapsed_phrases as elapsed
    left join {{ ref('stg_lexicons__number_words') }} as number_words
        on elapsed.count_text = number_words.term and number_words.kind = 'cardinal'
    where coalesce(elapsed.word_before, '') not in ('for', 'to', 'within', 'over', 'than', 'about', 'of', 'in', 'up')

),

elapsed_frames as (

    select
        elapsed_years.figure_id,
        coalesce(
            cast(cast(extract(year from story_starts.story_from) as integer) - elapsed_years.years_back as varchar),
            cast(elapsed_years.years_back as varchar) || ' years before'
        ) as time_frame
    from elapsed_years
    left join story_starts on elapsed_years.story_id = story_starts.story_id
    where elapsed_years.years_back is not null

),

final as (

    select
        figures.figure_id,
        figures.story_id,
        coalesce(time_frames.time_frame, elapsed_frames.time_frame) as time_frame
    from figures
    left join time_frames on figures.figure_id = time_frames.figure_id
    left join elapsed_frames on figures.figure_id = elapsed_frames.figure_id

)

select * from final
