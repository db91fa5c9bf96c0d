{#- Cross-source agreement on each claim: what every article of the story says about one
    quantity, and whether they agree.

    status, first that applies (see macro claim_disagreements):
      conflict       two articles state exact figures and share none (within
                     var('figure_tolerance') of the larger), on a firm claim: one that names
                     a subject or an action (`people|kill`; a bare `percent` may be two
                     things); one article's own two figures (`by 344 votes to 286`) are no
                     conflict between sources;
      vague          such figures on a claim that is not firm, or no value fits all figures,
                     vague ones read as bounds (`tens of thousands` vs `over 100,000`, `about
                     30` vs 32, or an article's own two figures);
      single_source  one article only;
      consistent     several articles, one value fits them all.
    Before those, evolving: figures that disagree (as conflict or vague) on a toll (an action of
    seed toll_actions: killed, injured, missing, displaced...) are an update, not a contradiction,
    when the exact figures come from at least two publication dates, every article stating one
    is dated, and from one date to the next both the lowest and the highest exact figure move
    the same one way (an article recalling the earlier toll, `from nine`, keeps the lowest
    where it was). Articles published the same day had the same information: when two of them
    state figures that share no value (vague ones read as bounds), the claim is judged as above.
    consensus_value is, for an evolving claim, the latest value (the highest exact figure of the
    last date for a rising toll, the lowest for a falling one); otherwise the value the most
    articles state exactly (ties: the lower);
    conservative_value the lowest value any source commits to (value_low where a figure is
    vague, else value). -#}

{#- One figure as values_text lists it: value, qualifier, file, outlet and words. -#}
{%- set value_line -%}
    {{ format_figure('value') }}
    || case when qualifier = 'exact' then '' else ' (' || qualifier || ')' end
    || ' in ' || source_file
    || coalesce(' [' || outlet || ']', '')
    || ': "' || surface || '"'
{%- endset %}

-- depends_on: {{ ref('int_stories_changed') }}

with

figures as (

    select * from {{ ref('fct_figures') }}
    where claim_key is not null and {{ in_changed_stories() }}

),

exact_votes as (

    select
        story_id,
        claim_key,
        value,
        count(distinct article_id) as n_articles_stating
    from figures
    where qualifier = 'exact'
    group by story_id, claim_key, value

),

consensus as (

    select
        story_id,
        claim_key,
        value as consensus_value,
        n_articles_stating as consensus_articles,
        row_number() over (
            partition by story_id, claim_key
            order by n_articles_stating desc, value asc
        ) as rank_no
    from exact_votes

),

disagreements as (

    {{ claim_disagreements('figures', ['story_id', 'claim_key'], var('figure_tolerance')) }}

),

---------- evolving tolls: publication time explains the differences

toll_claims as (

    select distinct
        figures.story_id,
        figures.claim_key
    from figures
    inner join {{ ref('toll_actions') }} as tolls on figures.action_class = tolls.action_class

),

figure_intervals as (

    select
        story_id,
        claim_key,
        article_id,
        published_date,
        case when qualifier = 'exact' then value * (1 - {{ var('figure_tolerance') }}) else value_low end
            as interval_low,
        case when qualifier = 'exact' then value * (1 + {{ var('figure_tolerance') }}) else value_high end
            as interval_high
    from figures

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
    from figures
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

),

evolving as (

    select
        evolving_trends.story_id,
        evolving_trends.claim_key,
        evolving_trends.latest_value,
        count(distinct figures.article_id) as latest_articles
    from evolving_trends
    inner join figures
        on
            evolving_trends.story_id = figures.story_id
            and evolving_trends.claim_key = figures.claim_key
            and evolving_trends.latest_value = figures.value
            and figures.qualifier = 'exact'
    group by evolving_trends.story_id, evolving_trends.claim_key, evolving_trends.latest_value

),

claims as (

    select
        story_id,
        claim_key,
        max(counted_what) as counted_what,
        max(subject) as subject,
        max(action_class) as action_class,
        max(time_frame) as time_frame,
        -- a firm claim names a subject or an action: two differing exact figures of it contradict
        max(subject) is not null or max(action_class) is not null as is_firm,
        count(*) as n_figures,
        count(distinct article_id) as n_articles,
        count(distinct coalesce(outlet, source_file)) as n_outlets,
        count(case when qualifier = 'exact' then 1 end) as n_exact,
        min(value) as min_value,
        max(value) as max_value,
        min(case when qualifier = 'exact' then value end) as min_exact_value,
        max(case when qualifier = 'exact' then value end) as max_exact_value,
        min(coalesce(value_low, value)) as conservative_value,
        max(
            case when qualifier = 'exact' then value * (1 - {{ var('figure_tolerance') }}) else value_low end
        ) as common_low,
        min(
            case when qualifier = 'exact' then value * (1 + {{ var('figure_tolerance') }}) else value_high end
        ) as common_high,
        {{ string_agg_ordered(value_line, "'; '", 'source_file, char_start') }} as values_text,
        {{ struct_list_agg([
            ('figure_id', 'figure_id'),
            ('article_id', 'article_id'),
            ('source_file', 'source_file'),
            ('outlet', 'outlet'),
            ('surface', 'surface'),
            ('value', 'value'),
            ('value_low', 'value_low'),
            ('value_high', 'value_high'),
            ('qualifier', 'qualifier'),
            ('sentence_text', 'sentence_text'),
        ], 'source_file, char_start') }} as figure_values
    from figures
    group by story_id, claim_key

),

judged as (

    select
        claims.*,
        consensus.consensus_value as voted_value,
        consensus.consensus_articles as voted_articles,
        evolving.latest_value,
        evolving.latest_articles,
        coalesce(disagreements.exact_conflict, false) as exact_conflict,
        coalesce(disagreements.bounds_conflict, false) as bounds_conflict,
        -- a toll only evolves where its figures would otherwise disagree
        coalesce(disagreements.exact_conflict or disagreements.bounds_conflict, false)
        and evolving.claim_key is not null as is_evolving
    from claims
    left join disagreements
        on
            claims.story_id = disagreements.story_id
            and claims.claim_key = disagreements.claim_key
    left join consensus
        on
            claims.story_id = consensus.story_id
            and claims.claim_key = consensus.claim_key
            and consensus.rank_no = 1
    left join evolving
        on
            claims.story_id = evolving.story_id
            and claims.claim_key = evolving.claim_key

),

concluded as (

    select
        *,
        case when is_evolving then latest_value else voted_value end as consensus_value,
        case when is_evolving then latest_articles else voted_articles end as consensus_articles,
        case
            when is_evolving then 'evolving'
            when exact_conflict and is_firm then 'conflict'
            when exact_conflict or bounds_conflict then 'vague'
            when n_articles = 1 then 'single_source'
            else 'consistent'
        end as status
    from judged

),

final as (

    select
        story_id,
        claim_key,
        counted_what,
        subject,
        action_class,
        time_frame,
        is_firm,
        n_figures,
        n_articles,
        n_outlets,
        n_exact,
        min_value,
        max_value,
        consensus_value,
        consensus_articles,
        conservative_value,
        common_low,
        common_high,
        values_text,
        figure_values,
        status
    from concluded

)

select * from final
