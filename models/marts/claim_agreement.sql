{#- Cross-source agreement on each claim: what every article of the story says about one
    quantity, and whether they agree.

    status, first that applies (see macro claim_disagreements):
      conflict       two articles state exact figures and share none (within
                     var('figure_tolerance') of the larger; a figure given as about a value
                     counts, unless its bounds come within var('approx_figure_gap') of the
                     other's: `about 1,400` against `about 2,400`), on a firm claim: one that names
                     a subject or an action (`people|kill`; a bare `percent` may be two
                     things), not a share's change (action `change`: `fell 2.1%` at noon,
                     `closed 1.9% lower`); one article's own two figures (`by 344 votes to 286`) are no
                     conflict between sources;
      vague          such figures on a claim that is not firm, or no value fits all figures,
                     vague ones read as bounds (`tens of thousands` vs `over 100,000`, `about
                     30` vs 32, or an article's own two figures of a firm claim);
      single_source  one article only (its own figures of a claim that is not firm are many
                     things: `rose 34%`, `as much as 31%`, `18% over the past year`);
      consistent     several articles, one value fits them all.
    Before those, evolving: figures that disagree (as conflict or vague) on a toll (an action of
    seed toll_actions: killed, injured, missing, displaced...), or on a count that runs on while it
    is counted (seed running_count_actions: an election's votes, seats, shares), that moves one way
    from one publication date to the next are an update, not a contradiction (macro evolving_tolls);
    not a running count of which one article states two values (a tally, `by 156 votes to 139`),
    nor one of which a tally gives a side (`MPs voted 312 to 298`: a division, counted once).
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

money_units as (

    select distinct unit
    from {{ ref('stg_lexicons__counted_classes') }}
    where dimension = 'money'

),

figures as (

    select
        stated.*,
        money_units.unit is not null as is_money
    from {{ ref('fct_figures') }} as stated
    left join money_units on stated.unit = money_units.unit
    where stated.claim_key is not null and {{ in_changed_stories('stated.story_id') }}

),

running_counts as (

    select action_class from {{ ref('running_count_actions') }}

),

-- a count that runs on while it is counted updates as a toll does (`34.2 percent` with 97 percent
-- of ballots counted, `34.1 percent` in the final result)
tolls as (

    select action_class from {{ ref('toll_actions') }}
    union
    select action_class from running_counts

),

-- the two counts of a division's tally (`MPs voted 312 to 298`): a result once counted
tally_figures as (

    select figure_id
    from {{ ref('int_figures_tallied') }}
    where {{ in_changed_stories() }}

),

-- a running count of which one article states two values is a tally or several counts mixed
-- (`by 118,900 votes to 93,400`, the first round's total and the runoff's), and one of a tally's
-- sides is a final result (`312 to 298` in one outlet, `312 to 289` in another): no count updated
tallied_counts as (

    select
        story_id,
        claim_key
    from (
        select
            figures.story_id,
            figures.claim_key,
            count(distinct figures.value) as n_values,
            count(tally_figures.figure_id) as n_tallied
        from figures
        inner join running_counts on figures.action_class = running_counts.action_class
        left join tally_figures on figures.figure_id = tally_figures.figure_id
        where figures.qualifier = 'exact'
        group by figures.story_id, figures.claim_key, figures.article_id
    ) as per_article
    group by story_id, claim_key
    having max(n_values) > 1 or sum(n_tallied) > 0

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

    {{ claim_disagreements('figures', ['story_id', 'claim_key'], var('figure_tolerance'), var('approx_figure_gap')) }}

),

-- publication time explains the differences of a toll that moves one way over the days
evolving_counts as (

    {{ evolving_tolls('figures', 'tolls', var('figure_tolerance')) }}

),

evolving as (

    select evolving_counts.*
    from evolving_counts
    left join tallied_counts
        on evolving_counts.story_id = tallied_counts.story_id and evolving_counts.claim_key = tallied_counts.claim_key
    where tallied_counts.claim_key is null

),

claims as (

    select
        story_id,
        claim_key,
        max(counted_what) as counted_what,
        max(subject) as subject,
        max(action_class) as action_class,
        max(time_frame) as time_frame,
        -- a firm claim names a subject or an action: two differing exact figures of it contradict;
        -- an amount of money only with an action beyond paying or costing (`demanded`) or what it
        -- measures (`deficit in crowns`, where counted_what is more than the unit): a story's
        -- budgets, costs, pledges and prices are many
        (max(subject) is not null or max(action_class) is not null)
        -- a share's change is told for many spans (premarket and close, Monday and Tuesday)
        and coalesce(max(action_class), '') != 'change'
        and (
            not bool_or(is_money)
            or coalesce(max(action_class), 'spend') != 'spend'
            or max(counted_what) != max(unit)
        ) as is_firm,
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
            -- one article's figures of a claim that is not firm are many things, not a disagreement
            -- (`rose 34%`, `as much as 31%`, `18% over the past year`)
            when n_articles = 1 and not is_firm then 'single_source'
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
