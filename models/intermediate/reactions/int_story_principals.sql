{#- Principals: who a story is about. A country or organisation (seed entity_aliases) named in the
    lead (headline lines and first body sentence) of at least half of the story's articles, and
    mentioned in the bodies at least half as often as the most mentioned such entity; at most
    three per story. A capitalised run counts for an alias as a whole or word by word. Quotes
    of a principal's side are `statement`s, the parties together speak for all principals. -#}

-- depends_on: {{ ref('int_stories_changed') }}

with

capital_runs as (

    select * from {{ ref('int_capital_runs_found') }}
    where {{ in_changed_stories() }}

),

sentences as (

    select
        story_id,
        article_id,
        sentence_index,
        is_heading,
        sentence_text
    from {{ ref('int_sentences') }}
    where {{ in_changed_stories() }}

),

articles as (

    select
        article_id,
        story_id
    from {{ ref('int_articles_changed') }}
    where is_current and {{ in_changed_stories() }}

),

aliases as (

    {{ reaction_aliases() }}

),

lead_indexes as (

    select
        article_id,
        min(sentence_index) as lead_index
    from sentences
    where not is_heading
    group by article_id

),

leads as (

    -- the headline lines and first sentence of each body: where a story names its actors
    select
        sentences.story_id,
        sentences.article_id,
        sentences.sentence_text
    from sentences
    inner join lead_indexes
        on
            sentences.article_id = lead_indexes.article_id
            and sentences.sentence_index <= lead_indexes.lead_index

),

lead_runs as (

    select
        story_id,
        article_id,
        {{ explode_columns('run_list', 'run', 'run_no') }}
    from (
        select
            story_id,
            article_id,
            {{ regex_matches("sentence_text", capital_run_regex()) }} as run_list
        from leads
    ) as listed

),

runs as (

    select
        story_id,
        article_id,
        false as is_lead,
        run_no,
        lower(replace(run, '.', '')) as run_key
    from capital_runs
    union all
    select
        story_id,
        article_id,
        true as is_lead,
        run_no,
        lower(replace(run, '.', '')) as run_key
    from lead_runs

),

run_keys as (

    -- a run matches an alias as a whole or, when it has several words, word by word
    select
        story_id,
        article_id,
        is_lead,
        run_no,
        run_key as alias_key
    from runs
    union all
    select
        story_id,
        article_id,
        is_lead,
        run_no,
        alias_key
    from (
        select
            story_id,
            article_id,
            is_lead,
            run_no,
            {{ explode_columns('word_list', 'alias_key', 'word_no') }}
        from (
            select
                story_id,
                article_id,
                is_lead,
                run_no,
                {{ regex_matches("run_key", "'[^ ]+'") }} as word_list
            from runs
            where run_key like '% %'
        ) as worded
    ) as words

),

entity_counts as (

    select
        run_keys.story_id,
        aliases.entity_name,
        count(
            distinct case when not run_keys.is_lead then run_keys.article_id || ':' || run_keys.run_no end
        ) as mentions,
        count(distinct case when run_keys.is_lead then run_keys.article_id end) as lead_articles
    from run_keys
    inner join aliases
        on run_keys.alias_key = aliases.alias_key
    where aliases.entity_type in ('country', 'organization')
    group by run_keys.story_id, aliases.entity_name

),

story_sizes as (

    select
        story_id,
        count(distinct article_id) as n_articles
    from articles
    group by story_id

),

final as (

    select
        story_id,
        entity_name,
        mentions
    from (
        select
            entity_counts.story_id,
            entity_counts.entity_name,
            entity_counts.mentions,
            max(entity_counts.mentions) over (partition by entity_counts.story_id) as top_mentions,
            row_number() over (
                partition by entity_counts.story_id
                order by entity_counts.mentions desc, entity_counts.entity_name asc
            ) as mention_rank
        from entity_counts
        inner join story_sizes
            on entity_counts.story_id = story_sizes.story_id
        where entity_counts.lead_articles * 2 >= story_sizes.n_articles
    ) as ranked
    where mentions * 2 >= top_mentions and mention_rank <= 3

)

select * from final
