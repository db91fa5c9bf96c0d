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
    consensus_value is the value the most articles state exactly (ties: the lower);
    conservative_value the lowest value any source commits to (value_low where a figure is
    vague, else value). -#}

with

figures as (

    select * from {{ ref('fct_figures') }}
    where claim_key is not null

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
        string_agg(
            {{ format_figure('value') }}
            || case when qualifier = 'exact' then '' else ' (' || qualifier || ')' end
            || ' in ' || source_file
            || coalesce(' [' || outlet || ']', '')
            || ': "' || surface || '"',
            '; ' order by source_file, char_start
        ) as values_text,
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

final as (

    select
        claims.story_id,
        claims.claim_key,
        claims.counted_what,
        claims.subject,
        claims.action_class,
        claims.time_frame,
        claims.is_firm,
        claims.n_figures,
        claims.n_articles,
        claims.n_outlets,
        claims.n_exact,
        claims.min_value,
        claims.max_value,
        consensus.consensus_value,
        consensus.consensus_articles,
        claims.conservative_value,
        claims.common_low,
        claims.common_high,
        claims.values_text,
        claims.figure_values,
        case
            when disagreements.exact_conflict and claims.is_firm then 'conflict'
            when disagreements.exact_conflict or disagreements.bounds_conflict then 'vague'
            when claims.n_articles = 1 then 'single_source'
            else 'consistent'
        end as status
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

)

select * from final
