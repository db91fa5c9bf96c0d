{#- The lexicon matches the figure rules read, in the sentences that can hold a figure, placed on
    the figure positions of int_figure_tokens_typed: counted classes and units (`counted`),
    countries and demonyms (`alias`), action words (`action`) and quantity modifiers (`modifier`).
    Every match of int_lexicon_matches is kept, covered ones too: a modifier inside a longer one
    (`over` in `just over`) may still be the one that ends right before a number. -#}

-- depends_on: {{ ref('int_stories_changed') }}

with

matches as (

    select
        lexicon,
        match_key,
        sentence_key,
        story_id,
        first_token_no,
        last_token_no
    from {{ ref('int_lexicon_matches') }}
    where
        lexicon in ('counted_classes', 'entity_aliases', 'figure_actions', 'quantity_modifiers')
        and {{ in_changed_stories() }}

),

tokens as (

    select
        sentence_key,
        token_no,
        pos,
        prev_lw,
        prev_is_word,
        prev2_lw,
        lw
    from {{ ref('int_figure_tokens_typed') }}
    where {{ in_changed_stories() }}

),

counted_terms as (

    select
        match_key,
        counted_class,
        kind,
        unit
    from {{ ref('stg_lexicons__counted_classes') }}

),

{# Only countries are subjects: a city or an organisation after `to` is a destination or an
    actor, not whose people are counted. #}
alias_terms as (

    select distinct
        match_key,
        entity_name,
        alias_kind = 'demonym' as is_demonym
    from {{ ref('stg_lexicons__entity_aliases') }}
    where
        entity_type = 'country'
        and not {{ regex_contains('term', "'[^\\p{L} ''’-]'") }}

),

action_terms as (

    select
        match_key,
        action_class
    from {{ ref('stg_lexicons__figure_actions') }}

),

{# Words that make an idiom of an election's verb of taking or winning (`shipments that never
    took place`, `took part`, `took office`): the verb takes no share or seats there. #}
idiom_words as (

    select lower(term) as word
    from {{ ref('stg_lexicons__figure_context_words') }}
    where role = 'action_idiom_next'

),

modifier_terms as (

    select
        match_key,
        qualifier,
        before_duration,
        cast(low_factor as double) as low_factor,
        cast(high_factor as double) as high_factor,
        trim({{ regex_replace_all("lower(term)", "'\\s+'", "' '") }}) as modifier
    from {{ ref('stg_lexicons__quantity_modifiers') }}

),

placed as (

    select
        matches.lexicon,
        matches.match_key,
        matches.sentence_key,
        matches.story_id,
        first_token.pos as match_start,
        last_token.pos as match_end,
        first_token.prev_lw,
        first_token.prev_is_word,
        first_token.prev2_lw
    from matches
    inner join tokens as first_token
        on matches.sentence_key = first_token.sentence_key and matches.first_token_no = first_token.token_no
    inner join tokens as last_token
        on matches.sentence_key = last_token.sentence_key and matches.last_token_no = last_token.token_no

),

labelled as (

    select
        placed.*,
        'counted' as matched_role,
        counted_terms.counted_class as matched_label,
        counted_terms.kind,
        counted_terms.unit,
        false as is_demonym,
        cast(null as double) as low_factor,
        cast(null as double) as high_factor,
        cast(null as varchar) as before_duration,
        cast(null as varchar) as modifier
    from placed
    inner join counted_terms on placed.match_key = counted_terms.match_key
    where placed.lexicon = 'counted_classes'

    union all

    select
        placed.*,
        'alias' as matched_role,
        alias_terms.entity_name as matched_label,
        cast(null as varchar) as kind,
        cast(null as varchar) as unit,
        alias_terms.is_demonym,
        cast(null as double) as low_factor,
        cast(null as double) as high_factor,
        cast(null as varchar) as before_duration,
        cast(null as varchar) as modifier
    from placed
    inner join alias_terms on placed.match_key = alias_terms.match_key
    where placed.lexicon = 'entity_aliases'

    union all

    select
        placed.*,
        'action' as matched_role,
        action_terms.action_class as matched_label,
        cast(null as varchar) as kind,
        cast(null as varchar) as unit,
        false as is_demonym,
        cast(null as double) as low_factor,
        cast(null as double) as high_factor,
        cast(null as varchar) as before_duration,
        cast(null as varchar) as modifier
    from placed
    inner join action_terms on placed.match_key = action_terms.match_key
    left join tokens as next_token
        on placed.sentence_key = next_token.sentence_key and placed.match_end + 1 = next_token.pos
    left join idiom_words
        on next_token.lw = idiom_words.word and action_terms.action_class = 'vote'
    where placed.lexicon = 'figure_actions' and idiom_words.word is null

    union all

    select
        placed.*,
        'modifier' as matched_role,
        modifier_terms.qualifier as matched_label,
        cast(null as varchar) as kind,
        cast(null as varchar) as unit,
        false as is_demonym,
        modifier_terms.low_factor,
        modifier_terms.high_factor,
        modifier_terms.before_duration,
        modifier_terms.modifier
    from placed
    inner join modifier_terms on placed.match_key = modifier_terms.match_key
    where placed.lexicon = 'quantity_modifiers'

),

final as (

    select
        matched_role,
        matched_label,
        match_key,
        sentence_key,
        story_id,
        cast(match_start as integer) as match_start,
        cast(match_end as integer) as match_end,
        cast(match_end - match_start + 1 as integer) as n_words,
        kind,
        unit,
        is_demonym,
        low_factor,
        high_factor,
        before_duration,
        modifier,
        prev_lw,
        prev_is_word,
        prev2_lw
    from labelled

)

select * from final
