{#- Engine-specific SQL used by the figure models, behind adapter.dispatch like macros/dialect.sql. -#}

{#- Product of the non-null values of `expr` in a group (NULL when there are none). -#}
{% macro product_agg(expr) %}{{ return(adapter.dispatch('product_agg', 'corroborate')(expr)) }}{% endmacro %}
{% macro duckdb__product_agg(expr) %}product({{ expr }}){% endmacro %}

{#- A list of structs, one per row of the group, ordered: `fields` is a list of (name, expression). -#}
{% macro struct_list_agg(fields, order_by) %}{{ return(adapter.dispatch('struct_list_agg', 'corroborate')(fields, order_by)) }}{% endmacro %}
{% macro duckdb__struct_list_agg(fields, order_by) -%}
    list({
        {%- for name, expr in fields %}'{{ name }}': {{ expr }}{% if not loop.last %}, {% endif %}{% endfor -%}
    } order by {{ order_by }})
{%- endmacro %}

{#- A number as text without a trailing `.0` for whole values (`32`, `3.5`, `120000`). -#}
{% macro format_figure(expr) -%}
    case
        when {{ expr }} = floor({{ expr }}) then cast(cast({{ expr }} as bigint) as varchar)
        else cast({{ expr }} as varchar)
    end
{%- endmacro %}

{#- A list built from the given expressions (a Python/Jinja list of SQL expression strings). -#}
{% macro list_of(items) %}{{ return(adapter.dispatch('list_of', 'corroborate')(items)) }}{% endmacro %}
{% macro duckdb__list_of(items) %}[{{ items | join(', ') }}]{% endmacro %}

{#- Which claims disagree: a SELECT with `key_columns` and two flags per claim, from `figures` (a
    relation or CTE with the key columns, article_id, value, value_low, value_high, qualifier).
      exact_conflict   two articles state exact figures and share none of them (within
                       `tolerance` of the larger). Articles are compared in pairs: one article
                       giving two exact figures of a claim (`by 344 votes to 286`) is no
                       contradiction between sources, and should not fail a build. Two
                       articles without such a pair, one of them giving a figure about a value
                       (qualifier `approx`: `about 1,400 jobs`) or an exact one, are judged by
                       their figures but the vague (`dozens`): they share a value when, for some
                       two of them, the higher end of the lower one's bounds, raised by
                       `approx_gap`, reaches the lower end of the other's (`about 1,400` against
                       `about 2,400` or `more than 2,000` is a conflict; not `about 70` against
                       `about 80`, nor a range two articles share).
      bounds_conflict  no value fits all figures of the claim, exact values widened by
                       `tolerance`, vague ones read as their bounds (NULL = open): a soft
                       disagreement, within one article too (`tens of thousands` and `over
                       100,000`). -#}
{% macro claim_disagreements(figures, key_columns, tolerance, approx_gap) -%}
    with

    intervals as (

        select
            *,
            case when qualifier = 'exact' then value * (1 - {{ tolerance }}) else value_low end as interval_low,
            case when qualifier = 'exact' then value * (1 + {{ tolerance }}) else value_high end as interval_high
        from {{ figures }}

    ),

    -- each pair of articles, by the pairs of their figures: exact against exact, and the other
    -- pairs of figures that are points or bounds (`about 1,400`, `more than 150`, `1.6 to 1.7`)
    article_pairs as (

        select
            {%- for k in key_columns %}
            a.{{ k }},
            {%- endfor %}
            bool_or(a.qualifier = 'exact' and b.qualifier = 'exact') as has_exact_pair,
            bool_or(
                a.qualifier = 'exact' and b.qualifier = 'exact'
                and abs(a.value - b.value) <= {{ tolerance }} * greatest(abs(a.value), abs(b.value))
            ) as share_exact,
            bool_or(
                not (a.qualifier = 'exact' and b.qualifier = 'exact')
                -- a gap is a ratio of positive values: changes (`down 2%`) are not measured so
                and (
                    a.value <= 0 or b.value <= 0
                    or not coalesce(
                        a.interval_high * (1 + {{ approx_gap }}) < b.interval_low
                        or b.interval_high * (1 + {{ approx_gap }}) < a.interval_low,
                        false
                    )
                )
            ) as share_loose,
            bool_or(a.qualifier in ('exact', 'approx') or b.qualifier in ('exact', 'approx')) as has_point
        from intervals as a
        inner join intervals as b
            on
            {%- for k in key_columns %}
                a.{{ k }} is not distinct from b.{{ k }} and
            {%- endfor %}
                a.article_id < b.article_id
        where
            a.qualifier in ('exact', 'approx', 'at_least', 'at_most', 'range')
            and b.qualifier in ('exact', 'approx', 'at_least', 'at_most', 'range')
        group by {% for k in key_columns %}a.{{ k }}, {% endfor %}a.article_id, b.article_id

    ),

    -- two articles with exact figures are judged by those alone; without, by the rest
    exact_conflicts as (

        select
            {{ key_columns | join(', ') }},
            bool_or(
                case when has_exact_pair then not share_exact else has_point and not share_loose end
            ) as exact_conflict
        from article_pairs
        group by {{ key_columns | join(', ') }}

    ),

    hulls as (

        select
            {{ key_columns | join(', ') }},
            max(interval_low) as common_low,
            min(interval_high) as common_high
        from intervals
        group by {{ key_columns | join(', ') }}

    )

    select
        {%- for k in key_columns %}
        hulls.{{ k }},
        {%- endfor %}
        coalesce(exact_conflicts.exact_conflict, false) as exact_conflict,
        coalesce(hulls.common_low > hulls.common_high, false) as bounds_conflict
    from hulls
    left join exact_conflicts
        on {% for k in key_columns %}hulls.{{ k }} is not distinct from exact_conflicts.{{ k }}{% if not loop.last %} and {% endif %}{% endfor %}
{%- endmacro %}

{#- The toll claims whose differences are updates, not contradictions: a SELECT of story_id,
    claim_key, latest_value and latest_articles, from `figures` (a relation or CTE with story_id,
    claim_key, article_id, published_date, action_class, qualifier, value, value_low, value_high).
    A claim of a toll (its action is one of `tolls`, a relation with action_class) evolves when
    its exact figures come from at least two publication dates, every article stating one is
    dated, and from one date to the next both the lowest and the highest exact figure move the
    same one way (an article recalling the earlier toll, `from nine`, keeps the lowest where it
    was), unless two articles of one day state figures that admit no common value (exact ones
    widened by `tolerance`, vague ones read as bounds): they had the same information. The
    latest value is the highest exact figure of the last date for a rising toll, the lowest for a
    falling one; latest_articles the articles that state it. -#}
{% macro evolving_tolls(figures, tolls, tolerance) -%}
    with

    toll_claims as (

        select distinct
            figures.story_id,
            figures.claim_key
        from {{ figures }} as figures
        inner join {{ tolls }} as tolls on figures.action_class = tolls.action_class

    ),

    figure_intervals as (

        select
            story_id,
            claim_key,
            article_id,
            published_date,
            case when qualifier = 'exact' then value * (1 - {{ tolerance }}) else value_low end
                as interval_low,
            case when qualifier = 'exact' then value * (1 + {{ tolerance }}) else value_high end
                as interval_high
        from {{ figures }}

    ),

    -- Two articles of one day disagree when none of their figures admit a common value.
    same_day_pairs as (

        select
            a.story_id,
            a.claim_key,
            bool_or(
                (a.interval_high is null or b.interval_low is null or b.interval_low <= a.interval_high)
                and (b.interval_high is null or a.interval_low is null or a.interval_low <= b.interval_high)
            ) as share_a_value
        from figure_intervals as a
        inner join figure_intervals as b
            on
                a.story_id = b.story_id
                and a.claim_key = b.claim_key
                and a.published_date = b.published_date
                and a.article_id < b.article_id
        group by a.story_id, a.claim_key, a.article_id, b.article_id

    ),

    same_day_disagreements as (

        select distinct
            story_id,
            claim_key
        from same_day_pairs
        where not share_a_value

    ),

    exact_by_date as (

        select
            story_id,
            claim_key,
            published_date,
            min(value) as low_value,
            max(value) as high_value
        from {{ figures }}
        where qualifier = 'exact'
        group by story_id, claim_key, published_date

    ),

    exact_steps as (

        select
            *,
            low_value - lag(low_value) over by_date as low_step,
            high_value - lag(high_value) over by_date as high_step,
            row_number() over (
                partition by story_id, claim_key order by published_date desc nulls first
            ) as recency
        from exact_by_date
        window by_date as (partition by story_id, claim_key order by published_date)

    ),

    trends as (

        select
            story_id,
            claim_key,
            count(*) >= 2 and count(published_date) = count(*) as over_dates,
            coalesce(bool_and(low_step >= 0 and high_step >= 0), false)
            and coalesce(bool_or(low_step > 0 or high_step > 0), false) as rises,
            coalesce(bool_and(low_step <= 0 and high_step <= 0), false)
            and coalesce(bool_or(low_step < 0 or high_step < 0), false) as falls,
            max(case when recency = 1 then high_value end) as latest_high,
            max(case when recency = 1 then low_value end) as latest_low
        from exact_steps
        group by story_id, claim_key

    ),

    evolving_trends as (

        select
            trends.story_id,
            trends.claim_key,
            case when trends.rises then trends.latest_high else trends.latest_low end as latest_value
        from trends
        inner join toll_claims
            on trends.story_id = toll_claims.story_id and trends.claim_key = toll_claims.claim_key
        left join same_day_disagreements
            on trends.story_id = same_day_disagreements.story_id and trends.claim_key = same_day_disagreements.claim_key
        where trends.over_dates and (trends.rises or trends.falls) and same_day_disagreements.claim_key is null

    )

    select
            evolving_trends.story_id,
            evolving_trends.claim_key,
            evolving_trends.latest_value,
            count(distinct figures.article_id) as latest_articles
        from evolving_trends
        inner join {{ figures }} as figures
            on
                evolving_trends.story_id = figures.story_id
                and evolving_trends.claim_key = figures.claim_key
                and evolving_trends.latest_value = figures.value
                and figures.qualifier = 'exact'
        group by evolving_trends.story_id, evolving_trends.claim_key, evolving_trends.latest_value
{%- endmacro %}

{#- A one-part number in digits with nothing stated before or glued to it, small enough to be an age. -#}
{% macro is_bare_small_number(run) -%}
    ({{ run }}.first_tag = 'D' and {{ run }}.n_parts = 1 and {{ run }}.digit_suffix = ''
    and {{ run }}.prefix_unit is null and {{ run }}.stated_modifier is null
    and {{ run }}.first_digit_value between 1 and 119)
{%- endmacro %}

{#- The last `N years after` / `N decades since` of the text before a figure, lower case, with no
    `;` after it: group 1 the word before the count (to tell `for 10 years after` apart), group 2
    the count (digits or a word), group 3 the unit. -#}
{% macro elapsed_before_re() -%}
    (?:^|[^\pL])(?:(\pL+)\s+)?(\d+|\pL+)\s+(years?|decades?)\s+(?:after|since)\s[^;]*$
{%- endmacro %}

{#- The words between the two counts of a vote's tally, in lower case (` to `, ` votes to `, ` votes
    in favour and `, ` for, `): the first count is the votes for, the second the votes against. -#}
{% macro tally_between_re() -%}
    ^\s*(votes?\s+)?((in\s+favou?r|for|yes)\s*(,|and|to)?|to)\s*$
{%- endmacro %}

{#- The words right after a tally's second count that say it counts the votes against, in lower
    case (` against`, ` votes against`, ` opposed`). -#}
{% macro tally_against_after_re() -%}
    ^\s*(votes?\s+)?(against|opposed)\b
{%- endmacro %}

{#- A word of voting in a sentence, in lower case: where it stands, `68 to 31` is a tally
    (`passed the bill 68 to 31`), not a range. -#}
{% macro tally_vote_word_re() -%}
    \b(vot(e|es|ed|ing)|ballots?|passed|approved|rejected|backed|defeated|confirmed|upheld|overturned)\b
{%- endmacro %}

{#- The text between a figure and another after it ends in a comparison, in lower case (` from`
    right after the figure, `, up from about`, `, compared with`, `more than`): the other figure is
    the base the first is compared with (not `were evacuated from 12 villages`). -#}
{% macro comparison_base_end_re() -%}
    (^|,|\bup|\bdown|\bmore|\bless|\bfewer|\bhigher|\blower)\s*(from|than|compared\s+(with|to)|versus|against)\s+(\pL+\s+)?$
{%- endmacro %}

{#- A record's start between a figure and the date after it, in lower case (`, the highest since`,
    `its strongest showing since it was founded in`): the date starts the record, it does not date
    the figure. -#}
{% macro record_since_re() -%}
    \b(\pL+est|worst|most|least|first)\b[^,;]*\bsince\b
{%- endmacro %}

{#- The words between a figure and a year-ago period after it that compare the two (`an increase of
    18% on the same period last year`, `up 6% from a year earlier`), in lower case: the period is
    what the figure is compared with, not its time. -#}
{% macro comparison_period_lead_re() -%}
    ^\s*(on|from|against|over|compared\s+(with|to)|versus|than)\s+$
{%- endmacro %}

{#- The text of a sentence before a date, in lower case, ending inside a relative clause that a
    comma opens (`, which has led the regional government since`): with a comma between the date
    and a figure after it (`since 2016, won 26.7 percent`), the date is the clause's time, not the
    figure's. -#}
{% macro relative_clause_open_end_re() -%}
    ,\s*(which|who|whose)\b[^,;]*$
{%- endmacro %}

{#- One place's part of a count, in lower case: `in the town of mucum alone`, `at the plant alone`. -#}
{% macro place_alone_re() -%}
    \b(?:in|at)\s[^.;,]{1,50}?\salone\b
{%- endmacro %}

{#- A negative subject before an action word, in lower case at the end of the text before it (`no
    one was`, `none of the 64 passengers ... were`, `nobody had been`), or a negated passive (`the
    214 passengers were not hurt`, `the driver, 52, was not injured`, `weren't`): the figure it
    governs counts who was there, not a toll. -#}
{% macro negative_subject_end_re() -%}
    (\b(no one|no-one|nobody|none|neither)(\s+else)?(\s+of\s+[^,;:]*)?\s+(was|were|is|are|got|has been|have been|had been)(\s+not)?|\b(was|were|is|are|be|been|got)\s+(not|never)|\b(was|were|is|are)n['’]t)(\s+\w+ly)?\s*$
{%- endmacro %}

{#- The size of a crowd, in lower case at the end of the text before a figure (`a crowd of`). -#}
{% macro crowd_of_end_re() -%}
    \b(crowds?|gatherings?|audiences?|congregations?|throngs?)\s+of\s+$
{%- endmacro %}

{#- The word after an emergency number (`911 callers`, `a 999 call`), in lower case. -#}
{% macro emergency_line_word_re() -%}
    ^(calls?|callers?|dispatch(ers?)?|operators?|cent(er|re)s?|lines?|services?|system)$
{%- endmacro %}

{#- Whether a figure whose unit measures `dimension` takes the action word of its clause. A plain
    count, a share (`8% of its workforce`) and an age (the fate of the person it describes: `a
    71-year-old man died`) do. Three classes act on a measure, each on its own: spend and demand
    on money (`pledged $5 million`, `demanded $7 million`, not `$142 million ... for the quarter
    ended`; demand acts on nothing else) and end on a period
    (`ended three decades of rule`). Otherwise a duration or a measure says when, how long or
    where, not what was done (`after 23 minutes when X curled a free kick`, `three years after
    Hurricane Ivo killed 11`, `some 30 km off Zuwara`): no action. -#}
{% macro unit_takes_action(dimension, action_class) -%}
    (
        ({{ dimension }} is null or {{ dimension }} in ('share', 'age')) and {{ action_class }} != 'demand'
        or ({{ dimension }} = 'money' and {{ action_class }} in ('spend', 'demand'))
        or ({{ dimension }} = 'time' and {{ action_class }} = 'end')
    )
{%- endmacro %}

{#- Whether the action word `action_term` may act on what the figure counts (`counted`, its class,
    unit or head): a term of stg_lexicons__figure_actions with counts_only acts only on those
    (`won` on votes, seats, states, not on games: `have won six of their last seven league
    games`); one whose list names `people` also on a count that names nothing (`Thirty-five held
    as march turns violent`), which news gives of people. -#}
{% macro term_admits_count(action_term, counted) -%}
    not exists (
        select 1
        from {{ ref('stg_lexicons__figure_actions') }} as only_terms
        where
            only_terms.match_key = {{ action_term }}
            and only_terms.counts_only is not null
            and '|' || only_terms.counts_only || '|' not like '%|' || coalesce({{ counted }}, '') || '|%'
            and not ({{ counted }} is null and '|' || only_terms.counts_only || '|' like '%|people|%')
    )
{%- endmacro %}

{#- The text before a figure ends in a verb of carrying, in lower case (`The boat, carrying about 85
    people,`): the figure counts who was on board, not a toll. -#}
{% macro carrying_end_re() -%}
    \b(carrying|carried|carries|carry|ferrying|transporting)\s+$
{%- endmacro %}

{#- The text after a figure's phrase says it was on board, in lower case (`about 80 people had been
    on board when`), or, after `with`, names the vessel's load (`with 85 people on board`). -#}
{% macro on_board_start_re(after_with) -%}
    ^\s+{% if not after_with %}((had|have|has)\s+been|were|was|are|is)\s+{% endif %}(on board|aboard|onboard)\b
{%- endmacro %}

{#- Who was on board a vessel or vehicle, not what befell them: a figure after a verb of carrying,
    or stated to be on board (`about 80 people had been on board when the boat left`, `a boat with
    85 people on board`). Not a count merely followed by `on board` (`killing all 62 people on
    board` is a toll). `rel` is a relation with sentence_text and the offsets of int_figures_located. -#}
{% macro counts_who_was_aboard(rel) -%}
    {%- set before = "lower(right(left(" ~ rel ~ ".sentence_text, " ~ rel ~ ".surface_start_offset), 30))" -%}
    {%- set after = "lower(substr(" ~ rel ~ ".sentence_text, coalesce(" ~ rel ~ ".phrase_end_offset, "
        ~ rel ~ ".surface_end_offset) + 1, 40))" -%}
    coalesce(
        {{ regex_contains(before, sql_regex(carrying_end_re())) }}
        or {{ regex_contains(after, sql_regex(on_board_start_re(false))) }}
        or (
            {{ regex_contains(before, "'\\bwith\\s+$'") }}
            and {{ regex_contains(after, sql_regex(on_board_start_re(true))) }}
        ),
        false
    )
{%- endmacro %}

{#- A threshold, not a count of what happened: a figure after a verb of needing (`Sandvall needs 81
    votes to be confirmed`, `requires at least 12 signatures`) or right before `needed`/`required`
    (`the 81 needed for a majority`). -#}
{% macro states_a_threshold(rel) -%}
    coalesce(
        {{ regex_contains(
            "lower(right(left(" ~ rel ~ ".sentence_text, " ~ rel ~ ".surface_start_offset), 30))",
            "'\\b(needs?|needed|needing|requires?|required|requiring)\\s+(only\\s+|just\\s+)?$'"
        ) }}
        or {{ regex_contains(
            "lower(substr(" ~ rel ~ ".sentence_text, " ~ rel ~ ".run_end_offset + 1, 30))",
            "'^\\s+(\\pL+\\s+)?(needed|required)\\b'"
        ) }},
        false
    )
{%- endmacro %}

{#- What a place or vessel can hold, not how many came (`a stadium that holds 42,000`, `the east
    stand, which seats 9,500`, `its licensed capacity of 180`, `room for 300 people`): a figure
    after a verb or noun of capacity, with at most a modifier between; a place's population is what
    it holds too (`the town of Elmbrook, home to about 2,500 people, was evacuated`: not all left). After a verb that also
    reads as having (`holds`), only a bare count or a count of people is a capacity (`holds 21
    seats`, `holds 40 percent of the shares` are counts). Kept out of totals as a subset is. -#}
{% macro states_a_capacity(rel) -%}
    {%- set before = "lower(right(left(" ~ rel ~ ".sentence_text, " ~ rel ~ ".run_start_offset), 40))" -%}
    {%- set modifier = "((up to|about|around|some|nearly|almost|more than|over|just over|roughly)\\s+)?$'" -%}
    coalesce(
        {{ rel }}.unit is null
        and (
            {{ regex_contains(before, "'\\b((capacity|capacities|room)\\s+(of|for)|home\\s+to)\\s+" ~ modifier) }}
            or (
                {{ regex_contains(
                    before, "'\\b(holds?|seats|seating|accommodates?|accommodating)\\s+" ~ modifier
                ) }}
                and ({{ rel }}.noun_class = 'people' or {{ rel }}.noun_class is null and {{ rel }}.plain_head is null)
            )
        ),
        false
    )
{%- endmacro %}

{#- A margin in a contest, not the standing itself (`three points behind Orvik Athletic`, `two
    strokes clear of the field`, `1,200 votes ahead of`, `dropped two points at home`): a count of
    points, goals, strokes, places, votes or seats followed by a word of distance between rivals
    (`six shots off the pace`), or a few points a verb says were lost or gained in one match.
    Two outlets' tables give a club's total (`on 24 points`), and the gap to a rival is no second
    report of it. Kept out of totals as a subset is. -#}
{% macro states_a_margin(rel) -%}
    coalesce(
        {{ rel }}.unit is null
        and {{ regex_contains(
            rel ~ ".plain_head", "'^(points?|goals?|strokes?|shots?|places|spots|lengths?|runs|wickets|votes|seats|laps)$'"
        ) }}
        and (
            {{ regex_contains(
                "lower(substr(" ~ rel ~ ".sentence_text, " ~ rel ~ ".surface_end_offset + 1, 24))",
                "'^\\s+(behind|ahead|clear|above|below|adrift|short\\s+of|shy\\s+of|off\\s+the\\s+(top|pace|lead))\\b'"
            ) }}
            -- the points of one match, a whole number of a few (`dropped two points at home`, `lost three
            -- points because of`); an index's move is neither (`dropped 19.69 points Friday to 1462.93`)
            or {{ rel }}.plain_head in ('point', 'points') and {{ rel }}.base_value <= 6
            and {{ rel }}.base_value = floor({{ rel }}.base_value)
            and {{ regex_contains(
                "lower(right(left(" ~ rel ~ ".sentence_text, " ~ rel ~ ".run_start_offset), 30))",
                "'\\b(lost|lose|loses|losing|dropped|drop|drops|dropping|gained|gain|gains|picked\\s+up|pick\\s+up|earned|collected|took|taken)\\s+((a|another|the|all|just|only)\\s+)?$'"
            ) }}
            and {{ regex_contains(
                "lower(substr(" ~ rel ~ ".sentence_text, " ~ rel ~ ".surface_end_offset + 1, 40))",
                "'^\\s+(at|away|against|because|after|in\\s+(the|a|that|this|their|our|his|her)\\s+([\\p{L}-]+\\s+)?(match|game|draw|defeat|loss|fixture|derby|tie))\\b'"
            ) }}
        ),
        false
    )
{%- endmacro %}

{#- A part of the injured told by its condition (`where four were in critical condition`, `11
    remain in intensive care`, `Three were in a serious condition`) or by their staying in
    hospital (`Five of the six victims remain hospitalized`, `16 people are still in hospital`; not
    `11 were taken to hospital`, which counts the injured): the count of a state, not a total,
    kept out of totals as a subset is. Reads the text after the figure's phrase. -#}
{% macro states_a_condition(rel) -%}
    {{ regex_contains(
        "lower(substr(" ~ rel ~ ".sentence_text, coalesce(" ~ rel ~ ".phrase_end_offset, " ~ rel ~ ".run_end_offset) + 1, 60))",
        "'^\\s+(of\\s+them\\s+)?((were|was|are|is|remain|remained|remains)\\s+(still\\s+)?in\\s+(a\\s+)?(critical|serious|grave|stable|intensive)\\b|(remain|remained|remains|(were|was|are|is)\\s+still)\\s+(in\\s+(the\\s+)?hospital|hospitali[sz]ed)\\b)'"
    ) }}
{%- endmacro %}

{#- An age given without `years old`, not a count: a number with no noun of its own (or one it
    borrows from before, `victim`) after the youngest or oldest of a group (`The youngest victim
    was 14 and the oldest 61`, `The youngest of the dead was 23`) or after `aged` (`fans aged 16`). Kept out of totals as a subset is. -#}
{% macro states_an_age(rel) -%}
    coalesce(
        {{ rel }}.unit is null and {{ rel }}.plain_head is null
        and ({{ rel }}.noun_class is null or {{ rel }}.is_elliptical)
        and {{ regex_contains(
            "lower(right(left(" ~ rel ~ ".sentence_text, " ~ rel ~ ".run_start_offset), 40))",
            "'(\\b(youngest|oldest)(\\s+of\\s+(the|those|them|all)(\\s+[\\p{L}-]+)?|\\s+[\\p{L}-]+)?(\\s+(was|is|were|being))?|\\baged(\\s+between)?)\\s+$'"
        ) }},
        false
    )
{%- endmacro %}

{#- A line of a sports report that gives a score: team, number, team, number and nothing else
    (`Rovers 2 City 1`, `Manchester United 3, Leeds 0`). -#}
{% macro score_line_re() -%}
    ^\s*(\p{Lu}[\p{L}.'’&-]*\s+){1,4}\d{1,3}\s*,?\s+(\p{Lu}[\p{L}.'’&-]*\s+){1,4}\d{1,3}\s*$
{%- endmacro %}

{#- The text right after a fraction word that makes one compound word with it, in lower case: a
    part of a match or a school year, a relative, a way (`half-time`, `half time`, `quarter-final`,
    `half-brother`, `half-way`): no share of anything. -#}
{% macro fraction_compound_start_re() -%}
    ^[-‑–\s]?(time|times|way|finals?|term|brothers?|sisters?|backs?|hearted(ly)?)\b
{%- endmacro %}

{#- A score in running text that reads as a range, the lower number first (`6-4, 3-6, 7-6`, `at
    5-6 in the third set`, `a 1-2 home defeat`, `lost 2-3 to`): two whole numbers of one or two
    digits joined by a dash, in a series of such pairs or before a tiebreak in brackets, before a
    noun of a result, or after `at` or a verb of a result with nothing counted after it; and a
    tiebreak's points in brackets after a pair (`7-6 (7)`). A range of a count keeps its noun
    (`won 10-15 seats`, `at 10-15 percent`). -#}
{% macro is_score_pair(rel) -%}
    {%- set run = "substr(" ~ rel ~ ".sentence_text, " ~ rel ~ ".run_start_offset + 1, "
        ~ rel ~ ".run_end_offset - " ~ rel ~ ".run_start_offset)" -%}
    {%- set before = "lower(right(left(" ~ rel ~ ".sentence_text, " ~ rel ~ ".run_start_offset), 60))" -%}
    {%- set after = "lower(substr(" ~ rel ~ ".sentence_text, " ~ rel ~ ".run_end_offset + 1, 30))" -%}
    {%- set nothing_counted = "'^\\s*($|[,.;:)]|(in|at|to|on|against|with|after|before|and|but|when|while|as|down|up|for|from)\\b)'" -%}
    coalesce(
        -- a tiebreak's points in brackets after a set's score (`7-6 (7)`)
        {{ regex_contains(run, "'^[0-9]{1,2}$'") }}
        and {{ regex_contains(before, "'[0-9][-‑–][0-9]{1,2}\\s*\\($'") }} and {{ regex_contains(after, "'^\\)'") }}
        or {{ regex_contains(run, "'^[0-9]{1,2}[-‑–][0-9]{1,2}$'") }}
        and (
            {{ regex_contains(before, "'[0-9][-‑–][0-9]{1,2}(\\s*\\([0-9]{1,2}([-‑–][0-9]{1,2})?\\))?,\\s*$'") }}
            or {{ regex_contains(after, "'^(\\s*\\([0-9]{1,2}([-‑–][0-9]{1,2})?\\))?(,\\s*[0-9]{1,2}[-‑–][0-9]|\\s*\\([0-9])'") }}
            or {{ regex_contains(
                after, "'^\\s+([\\p{L}-]+\\s+)?(win|wins|victory|defeat|loss|draw|lead|triumph|scoreline|thrashing|drubbing|rout)\\b'"
            ) }}
            or {{ regex_contains(before, "'\\bat\\s+$'") }} and {{ regex_contains(after, nothing_counted) }}
            or {{ regex_contains(
                before, "'\\b(won|lost|lose|loses|losing|beat|beaten|defeated|drew|drawn|tied|trailed|trailing|led|leading)\\s+(\\p{Lu}[\\p{L}.’''-]*\\s+){0,4}$'"
            ) }} and {{ regex_contains(after, nothing_counted) }}
        ),
        false
    )
{%- endmacro %}

{#- The not-a-figure cases of int_figures_judged for numbers of the calendar and the clock (`when
    ... then reason` clauses): a year (`in 2019`, after a year cue or a month, or listed after
    another year), a day of a month (`March 3`, `3 March`) and a day listed after one (`October 3,
    6 and 9`), a clock time, a relative date (`two days ago`) and a part of a period (`the first
    half`). `rel` is the figure's relation; the others name int_figures_judged's joins of the year
    cue, the months before and after and the time suffix, and its relation of month names. -#}
{% macro calendar_cases(rel, year_cue, prev_month, next_month, time_suffix, months) -%}
    {%- set day_number = rel ~ ".first_tag = 'D' and " ~ rel ~ ".n_parts = 1 and " ~ rel ~ ".first_digit_value <= 31" %}
    {# a year after a year in a list or a span is one too (`in 2009 and 2011 killed five`) #}
    when {{ rel }}.n_parts = 1 and {{ rel }}.is_year_like
        and (
            {{ year_cue }}.word is not null or {{ prev_month }}.word is not null or {{ rel }}.noun_class is null
            or {{ regex_contains(
                "substr(" ~ rel ~ ".sentence_text, 1, " ~ rel ~ ".run_start_offset)",
                "'\\b(1[89]|20)[0-9]{2},?\\s+(and|or|to|through)\\s+$'"
            ) }}
        )
        then 'year'
    when {{ day_number }}
        and (
            ({{ prev_month }}.word is not null and (not {{ prev_month }}.is_common_word or {{ rel }}.prev_is_capitalised))
            or ({{ next_month }}.word is not null and (not {{ next_month }}.is_common_word or {{ rel }}.next_is_capitalised))
        )
        then 'date'
    {# a day listed after a month's day (`on October 3, 6 and 9`, `August 21 and 22,`): after
       a comma only where the list goes on (not `On March 3, 25 people`), after `and` only
       where no word follows (not `on March 3 and 25 were hurt`) #}
    when {{ day_number }}
        and (
            ({{ rel }}.prev_lw = ',' and {{ rel }}.next_lw in (',', 'and', 'or'))
            or (
                {{ rel }}.prev_lw in ('and', 'or')
                and not {{ regex_contains("coalesce(" ~ rel ~ ".next_lw, '')", "'^\\pL'") }}
            )
        )
        and lower({{ regex_extract(
            "right(left(" ~ rel ~ ".sentence_text, " ~ rel ~ ".run_start_offset), 40)",
            "'(\\pL+)\\.?\\s+[0-9]{1,2}(?:\\s*,\\s*[0-9]{1,2})*\\s*(?:,|,?\\s+(?:and|or))\\s*$'",
            1
        ) }}) in (select {{ months }}.word from {{ months }})
        then 'date'
    {# a day listed before a day of a month (`buried on 16 and 17 October`, `16, 17 or 18 May`,
       `16-17 October`): a month is capitalised, so `16 and 17 may` is no date #}
    when {{ day_number }}
        and lower({{ regex_extract(
            "substr(" ~ rel ~ ".sentence_text, " ~ rel ~ ".run_end_offset + 1, 40)",
            "'^(?:\\s*,\\s*[0-9]{1,2})*(?:\\s*,\\s*|,?\\s+(?:and|or|to|until|through)\\s+|\\s*[-–]\\s*)"
            ~ "[0-9]{1,2}(?:st|nd|rd|th)?\\s+(?:of\\s+)?(\\p{Lu}\\pL+)'",
            1
        ) }}) in (select {{ months }}.word from {{ months }})
        then 'date'
    when {{ time_suffix }}.word is not null
        or {{ regex_contains(
            "substr(" ~ rel ~ ".sentence_text, " ~ rel ~ ".run_end_offset + 1, 6)", "'^\\s*[aApP]\\.?[mM]\\b'"
        ) }}
        then 'clock time'
    {# `two days ago`, `three years ago`: a date (int_dates_extracted), not a count. #}
    when {{ regex_contains(
            "lower(substr(" ~ rel ~ ".sentence_text, " ~ rel ~ ".run_end_offset + 1, 24))",
            "'^\\s+(days?|weeks?|months?|years?|decades?|hours?)\\s+ago\\b'"
        ) }}
        then 'relative date'
    {# `the first half of 2023`, `the second quarter`: a part of a period, not a share. #}
    when {{ rel }}.fraction is not null and {{ rel }}.n_parts = 1
        and {{ rel }}.prev_lw in ('first', 'second', 'third', 'fourth', 'last', 'latter', 'former')
        then 'part of a period'
{%- endmacro %}

{#- The not-a-figure cases of int_figures_judged for whole lines and compound words (`when ... then
    reason` clauses): a score line (a number between capitalised names on a line of its own with
    no verb, `Rovers 2 City 1`) and a fraction word compounded with the next word (`half-time`). -#}
{% macro score_and_compound_cases(rel) -%}
    when {{ regex_contains(rel ~ ".sentence_text", sql_regex(score_line_re())) }}
        then 'score'
    when {{ is_score_pair(rel) }}
        then 'score'
    when {{ rel }}.fraction is not null and {{ rel }}.n_parts = 1
        and {{ regex_contains(
            "lower(substr(" ~ rel ~ ".sentence_text, " ~ rel ~ ".run_end_offset + 1, 14))",
            sql_regex(fraction_compound_start_re())
        ) }}
        then 'compound word'
{%- endmacro %}

{#- A window of a series, not a count of what happened (`won six of their last seven league games`,
    `have won only once in five games`, `in their past 10 matches`): a figure after `last`, `past`,
    `previous`, `first` or `next` (with `the`/`their` before it), or after `in`, whose counted word
    names a contest of a season. Such a span is a part of a season, kept out of totals as a subset
    is. `rel` is a relation with sentence_text, surface_start_offset and plain_head. -#}
{% macro is_series_window(rel) -%}
    coalesce(
        {{ regex_contains(rel ~ ".plain_head", sql_regex(series_contest_re())) }}
        and {{ regex_contains(
            "lower(right(left(" ~ rel ~ ".sentence_text, " ~ rel ~ ".surface_start_offset), 30))",
            "'\\b((last|past|previous|first|next|opening|final)|in)\\s+$'"
        ) }},
        false
    )
{%- endmacro %}

{#- The counted word of a contest in a season, lower case. -#}
{% macro series_contest_re() -%}
    ^(games|matches|fixtures|outings|starts|races|rounds|appearances|meetings|seasons|contests|bouts)$
{%- endmacro %}

{#- The action class a figure of int_figures_judged may take (columns of the row in scope): none for
    a compound measure, a count of who was there (is_no_toll), a duration or a measure
    (unit_takes_action). -#}
{% macro actionable_class() -%}
    case
        when not is_compound_measure and not is_no_toll and {{ unit_takes_action('unit_dimension', 'action_class') }}
            then action_class
    end
{%- endmacro %}

{#- The action class a figure of int_figures_judged keeps: actionable_class(), unless its action word
    may not act on what it counts (term_admits_count: `won` on games); an elliptical count is
    judged by what it counts, the noun before it. -#}
{% macro kept_action_class() -%}
    case
        when {{ term_admits_count(
            'action_term', 'coalesce(noun_class, case when is_elliptical then preceding_class end, unit, plain_head)'
        ) }}
            then {{ actionable_class() }}
    end
{%- endmacro %}

{#- The start of a sentence up to a month name and the comma after it, in lower case: the month
    sets the time of the sentence (`in june,`, `earlier in june,`, `in late june,`). -#}
{% macro month_opener_re() -%}
    ^\W*((early|late|earlier|later|also|back)\s+)?(in|during)\s+((early|late|mid)[\s-]+)?\pL+\.?,$
{%- endmacro %}

{#- A rate right after a figure, in lower case: `a`/`an` and a unit of time (`1.8 million euros a
    day`, `8,000 people an hour`) or `per`/`each`/`every` and a noun (`12 dollars per ticket`);
    group 1 is what the rate is per. -#}
{% macro rate_after_re() -%}
    ^\s*(?:(?:a|an)\s+(second|minute|hour|day|night|week|fortnight|month|year|shift|quarter)|(?:per|each|every)\s+(\pL+))\b
{%- endmacro %}

{#- A price for one share right after an amount of money, in lower case (`will pay $38.50 a share`,
    `61 cents a share`); not a part of something (`a share of the proceeds`, macro share_part_after_re). -#}
{% macro share_rate_after_re() -%}
    ^\s*a\s+share\b
{%- endmacro %}

{% macro share_part_after_re() -%}
    ^\s*a\s+share\s+of\b
{%- endmacro %}

{#- A market price of a company's shares, in lower case at the end of the text before the amount: a
    move to or at it in a sentence about shares or stock (`Shares of Ambrin jumped 24% to`, `the stock
    closed up 25% at`, `its shares closed at`). The price of one share, not a sum the company pays or
    earns: two outlets' deal value and share price are two claims. -#}
{% macro share_price_before_re() -%}
    \b(shares?|stocks?)\b([^.;]|\.\d)*?(\d(\.\d+)?\s*(%|percent|per\s+cent)\s+(to|at)|\b(closed|ended|finished|opened|traded|trading|changed\s+hands)\s+at)\s+$
{%- endmacro %}

{#- A unit of time after a figure that dates it, not a rate, in lower case (`rose to 412 from 380 a day
    earlier`, `13.9 percent a year before`, `200 a week ago`): the time between two counts. -#}
{% macro time_ago_after_re() -%}
    ^\s*(?:a|an)\s+\pL+\s+(?:earlier|ago|previously|before\s*(?:[,.;:)]|$))
{%- endmacro %}

{#- An amount of money for each of something later in its clause, in lower case (`pay 20,000
    dollars to the family of each victim`, `a penalty of 5,000 euros for each day of delay`);
    group 1 is what the amount is per. -#}
{% macro money_rate_in_clause_re() -%}
    ^[^.;,]*?\b(?:to|for|on)\s+(?:the\s+\pL+\s+of\s+)?(?:each|every)\s+(\pL+)
{%- endmacro %}

{#- A partitive that counts its own action, not a part of a group counted elsewhere: the group
    after `of the`/`of its`/`of their` names no action, and the action is the partitive's own
    predicate after a verb of its clause (`38 of the survivors were taken to hospital`, `three of
    the 40 passengers were killed`) or governs it from before (`will cut 350 of its 900 staff`).
    Not `six of the nine dead were teenagers`, `two of the injured`, `nine of those arrested`
    (the group is counted by its action), nor `two of them` (a group named before). `rel` is a
    relation with sentence_text, run_end_offset, surface_start_offset, action_offset,
    action_class, action_term, noun_class, unit and plain_head. -#}
{% macro partitive_counts_its_action(rel) -%}
    coalesce(
        {{ rel }}.action_class is not null
        -- an action that may act on what the part counts, if it names it
        and (
            coalesce({{ rel }}.noun_class, {{ rel }}.unit, {{ rel }}.plain_head) is null
            or {{ term_admits_count(
                rel ~ '.action_term', 'coalesce(' ~ rel ~ '.noun_class, ' ~ rel ~ '.unit, ' ~ rel ~ '.plain_head)'
            ) }}
        )
        and {{ regex_contains(
            "lower(substr(" ~ rel ~ ".sentence_text, " ~ rel ~ ".run_end_offset + 1, 20))",
            "'^\\s+of\\s+((the|its|their|our)\\s|[0-9])'"
        ) }}
        -- a window of a season is no group (`won five of their last eight games`)
        and not {{ regex_contains(
            "lower(substr(" ~ rel ~ ".sentence_text, " ~ rel ~ ".run_end_offset + 1, 40))",
            "'^\\s+of\\s+(the|its|their|our)\\s+(last|past|previous|first|next|opening|final)\\b'"
        ) }}
        and (
            -- an action before it governs it within its clause (`will cut 350 of its 900 staff`,
            -- not `200 pickets returned, and three of the five lines remained idle`)
            {{ rel }}.action_offset < {{ rel }}.surface_start_offset
            and not {{ regex_contains(
                "substr(" ~ rel ~ ".sentence_text, " ~ rel ~ ".action_offset + 1, "
                ~ rel ~ ".surface_start_offset - " ~ rel ~ ".action_offset)",
                "'[,;]|\\b(and|but|while|or)\\b'"
            ) }}
            or {{ regex_contains(
                "lower(substr(" ~ rel ~ ".sentence_text, " ~ rel ~ ".run_end_offset + 1, "
                ~ rel ~ ".action_offset - " ~ rel ~ ".run_end_offset))",
                sql_regex(partitive_predicate_re())
            ) }}
        ),
        false
    )
{%- endmacro %}

{#- From the end of a partitive's number to its action word, in lower case: the group, then a verb
    of the partitive's own clause (`of the survivors were`, `of the nine crew members were still`). -#}
{% macro partitive_predicate_re() -%}
    ^\s+of\s+(the|its|their|our)\s+[^,;]*?\b(were|was|are|is|have|has|had|remain|remained|remains|been|be)\s+(\pL+\s+){0,3}$
{%- endmacro %}

{#- A part of a group named by its action in a phrase that opens the sentence, in lower case: the
    text before the figure (`Of the injured, 11 were in intensive care`, `Among the dead,`, `Of the 940
    jobs to go, the company said 610`). -#}
{% macro fronted_part_of_re() -%}
    ^\W*(of|among)\s+(the|those)\s+[^,;]*,\s*((\pL+\s+){1,4}(said|says|added|estimated|expected)\s+(that\s+)?)?$
{%- endmacro %}

{#- The whole of a partitive, in lower case: the text before a figure that ends in a count or a
    share and `of the`/`of its`/`of their`/`of the <noun>'s` (`three of the 40 passengers were
    killed`: the 40 were not killed; `1,400 of its 2,300 employees`; `cut 1,400 jobs, or 6% of its
    23,000 employees`, `6% of the company's 23,000 employees`: the workforce was not cut), or in
    digits and `of` (`guilty on 11 of 14 counts`), or that opens the sentence with it (`Of the 600
    workers on the night shift, about 450 joined the strike`). The whole takes no action; its part
    does, and counts what the whole counts (int_figures_extracted). -#}
{% macro whole_of_partitive_end_re() -%}
    ^\W*(of|among)\s+(the|its|their|our)\s+$|(^|[^\pL\d])\d[\d,.]*\s+of\s+$|(^|[^\pL\d])(\d[\d,.]*(\s*(%|percent|per\s+cent))?|{{ count_word_re() }}|dozens|hundreds|all|most|some|half|none|many)\s+of\s+(the|its|their|our|the\s+\pL+['’]s)\s+$
{%- endmacro %}

{#- The whole of a partitive (whole_of_partitive_end_re before the figure), unless its own action
    word is inside it (`six of the nine dead`: a whole named by its action word is counted by it). -#}
{% macro is_whole_of_partitive(rel) -%}
    ({{ regex_contains(
        "lower(right(left(" ~ rel ~ ".sentence_text, " ~ rel ~ ".surface_start_offset), 40))",
        sql_regex(whole_of_partitive_end_re())
    ) }}
    and coalesce({{ rel }}.action_offset not between {{ rel }}.surface_start_offset and {{ rel }}.surface_end_offset, true))
{%- endmacro %}

{#- A part of a group whose action or count opens the sentence before the figure (`Of the injured,
    11 were in intensive care`: fronted_part_of_re, the action word before the figure; `Of the 72
    people on board, 15 escaped with minor injuries`: a number in the opening phrase; `Of the
    injured, six were taken to hospital`: a toll's people named by what befell them, a word of
    role `toll_whole` of `context_words` (seed figure_context_words), whatever action the figure
    takes after). -#}
{% macro is_fronted_part(rel, context_words) -%}
    (
        {{ regex_contains(
            "lower(left(" ~ rel ~ ".sentence_text, " ~ rel ~ ".surface_start_offset))", sql_regex(fronted_part_of_re())
        ) }}
        and (
            {{ rel }}.action_offset < {{ rel }}.surface_start_offset
            or {{ regex_contains(
                "left(" ~ rel ~ ".sentence_text, " ~ rel ~ ".surface_start_offset)", "'^\\W*\\pL+\\s+\\pL+\\s+[0-9]'"
            ) }}
            {# a toll's people named by what befell them (`Of the injured, six were taken to hospital`) #}
            or {{ regex_extract(
                "lower(left(" ~ rel ~ ".sentence_text, " ~ rel ~ ".surface_start_offset))",
                "'^\\W*(?:of|among)\\s+(?:the|those)\\s+(\\pL+)\\s*,'", 1
            ) }} in (select {{ context_words }}.word from {{ context_words }} where {{ context_words }}.role = 'toll_whole')
        )
    )
{%- endmacro %}

{#- A member of a group listed before the figure (`killed eight people, including three children`,
    `the wounded, a woman and two men`, `The 46 injured included 19 women`, `164 people were
    detained, of whom 23 were minors`). -#}
{% macro is_listed_member(rel) -%}
    {{ regex_contains(
        "lower(right(left(" ~ rel ~ ".sentence_text, " ~ rel ~ ".surface_start_offset), 20))",
        "'(\\b(including|includes?|included|among them|among whom|among those|among the|of whom|of which)|\\b(a|an) [\\p{L}-]+ and)\\s+$'"
    ) }}
{%- endmacro %}

{#- A demonstrative `that` before a noun, in lower case: after a preposition it names something the
    text before named (`took part in that strike`, `since that flood`), not a clause (`said that
    900 workers`). -#}
{% macro that_event_re() -%}
    \b(in|of|during|after|before|since|from|at|by|over|like|until)\s+that\s+\pL+
{%- endmacro %}

{#- The text before a figure ends in a sentencing to it, in lower case: `sentenced gregory pell,
    the former chief executive, to `, `was sentenced on tuesday to a `, `jailed for `. -#}
{% macro sentenced_to_end_re() -%}
    (\bsentenced\b[^.;:]*\bto\s+(an?\s+)?|\b(jailed|imprisoned)\s+(\pL+\s+){0,3}for\s+)$
{%- endmacro %}

{#- The text before a term ends in the least time a life sentence must be served, in lower case:
    `with a minimum term of `, `a tariff of `, `must serve `, `ordered to serve a minimum of `
    (`at least` is the figure's own: `must serve at least 26 years`). A different penalty from a
    fixed term (`jailed for 12 years`) that the same story gives another defendant. -#}
{% macro minimum_term_end_re() -%}
    (\bminimum\s+(term\s+|tariff\s+|sentence\s+)?of\s+|\btariff\s+of\s+|\b(must|to|will|would|should)\s+serve\s+(a\s+minimum\s+of\s+)?)$
{%- endmacro %}

{#- The text before a term ends in its being given, in lower case (`was given 12 years`); not a
    time given to do something (`given two years to comply`: term_given_to_do_re). -#}
{% macro term_given_end_re() -%}
    \b(was|were|been|be|being|is|are)\s+given\s+$
{%- endmacro %}

{#- From a figure's start, in lower case: a time given to do something (`two years to comply`). -#}
{% macro term_given_to_do_re() -%}
    ^[^,;]{0,30}?\b(years?|months?|weeks?|days?)\s+to\s+\pL
{%- endmacro %}

{#- From a figure's start, in lower case: its unit of time right before a prison or a sentence
    (`12 years in federal prison`, `three years behind bars`, `a 12-year sentence`, `two-year
    suspended sentence`, `10 years of imprisonment`, `a five-year prison term`; not a `five-year
    term` of office). -#}
{% macro prison_term_re() -%}
    ^[^,;]{0,30}?\b(years?|months?|weeks?|days?)\b[\s-]+((in|to)\s+((a|an|federal|state|county)\s+)?(prison|jail|custody)|behind\s+bars|of\s+(imprisonment|incarceration)|(\pL+\s+)?sentences?|(prison|jail)\s+terms?)\b
{%- endmacro %}

{#- The text before a sum ends in an order to pay it, in lower case: `ordered the 54-year-old to
    pay `, `ordered pell, 54, to repay `, `restitution of `. -#}
{% macro ordered_to_pay_end_re() -%}
    (\border(ed|s)?\b[^.;:]*\bto\s+(re)?pay\s+(back\s+)?|\brestitution\s+(of\s+)?)$
{%- endmacro %}

{#- The text before a sum ends in its forfeiting, in lower case: `ordered him to forfeit `, `and
    to forfeit about `, `forfeiture of `. -#}
{% macro forfeit_end_re() -%}
    (\bforfeit(s|ed|ing)?\s+(\pL+\s+)?|\bforfeiture\s+of\s+)$
{%- endmacro %}

{#- The text before a penalty asks for it, faces it or could give it, in lower case (`prosecutors
    had sought `, `faces up to `, `the maximum is `): not the penalty imposed. -#}
{% macro penalty_not_imposed_re() -%}
    \b(ask|asks|asked|asking|seek|seeks|sought|seeking|request|requests|requested|requesting|recommend|recommends|recommended|urge|urges|urged|face|faces|faced|facing|could|maximum|possible)\b[^.;]*$
{%- endmacro %}

{#- The text after a name, in lower case, starts with its imposing a penalty (`also ordered`, `on
    tuesday sentenced`): the name is the judge's, not the penalised person's. -#}
{% macro penalty_imposer_start_re() -%}
    ^\W*((also|then|later|on|\pL+day)\s+)*(sentenced|ordered|fined|jailed|imposed|gave|handed)\b
{%- endmacro %}

{#- From a sum's start, in lower case: the sum named as `words` within its next two words
    (`$2 million fine`, `40 million euros in fines`, `$215 million in restitution`), not a sum
    another one's name follows (`$215 million and a $1 million fine`). -#}
{% macro sum_named_as_re(words) -%}
    ^\S+(\s+\S+){0,2}?\s+(in\s+)?({{ words }})\b
{%- endmacro %}

{#- An action term that holds its own object, a possessive and a noun (`lost their jobs`, `lost
    their lives`, `left their homes`): its figure is its subject, before it, never a figure after
    it (`lost their jobs and more than 3,000 investors were left`). -#}
{% macro holds_its_object(term) -%}
    {{ regex_contains(term, "'\\b(their|his|her|its|our)\\s+\\pL+$'") }}
{%- endmacro %}

{#- An action word right before a figure of its own (`an outbreak that has already killed 17 people`,
    `killed more than 17`): its object is that figure, so a figure earlier in the sentence, whose predicate it
    is not, takes no action from it (`cases rose to 412 from 380, ... an outbreak that has already killed 17
    people`: the cases were not killed). Only a toll's action (seed toll_actions): a result shared down a
    list keeps its verb (`came third with 14.2 percent and 11 seats, and Norland First won 9.8 percent`).
    `rel` is a relation of action candidates with sentence_key, action_class and match_end, `tolls`
    one of the toll actions (action_class), `spans` one of the figures (sentence_key, figure_from). -#}
{% macro governs_a_figure(rel, tolls, spans) -%}
    {{ rel }}.action_class in (select {{ tolls }}.action_class from {{ tolls }})
    and exists (
        select 1
        from {{ spans }} as held
        where held.sentence_key = {{ rel }}.sentence_key and held.figure_from = {{ rel }}.match_end + 1
    )
{%- endmacro %}

{#- A small bare number after `at` and a word of a life's end or turn (seed figure_context_words,
    role `age_at_verb`) is an age, not a toll, where no noun of its own follows it: `died at 87`,
    `dead at 88`, `died at 87 in Paris`, `retired at 65`; not `died at 2 sites`. `context_words`
    holds the seed's words (lower case) and roles. -#}
{% macro is_age_at_a_life_event(run, context_words) -%}
    ({{ is_bare_small_number(run) }} and {{ run }}.prev_lw = 'at'
    and {{ run }}.prev2_lw in (select life.word from {{ context_words }} as life where life.role = 'age_at_verb')
    and (
        not {{ regex_contains("coalesce(" ~ run ~ ".next_lw, '')", "'^\\pL'") }}
        or {{ run }}.next_lw in (select brk.word from {{ context_words }} as brk where brk.role = 'phrase_break')
    ))
{%- endmacro %}
