{#- Every term of every lexicon matched against the text, keyed by lexicon, in the form the one
    n-gram matcher (int_lexicon_matches) compares. A term longer than `lexicon_max_tokens` tokens
    fails the data test on n_tokens instead of silently never matching. -#}

{{ config(materialized='table') }}

{%- set lexicons = [
    'counted_classes', 'cue_verbs', 'date_context_words', 'entity_aliases', 'event_cues',
    'figure_actions', 'figure_context_words', 'month_names', 'name_common_words',
    'name_context_words', 'name_head_words', 'name_titles', 'number_words', 'ordinal_words',
    'org_country_bodies', 'quantity_modifiers', 'reaction_function_words', 'season_names',
    'speaker_nouns', 'stance_words', 'weekday_names'
] %}

with

{% for lexicon in lexicons %}
    {{ lexicon }} as (

        select * from {{ ref('stg_lexicons__' ~ lexicon) }}

    ),

{% endfor %}
unioned as (

    {% for lexicon in lexicons %}
        select distinct
            '{{ lexicon }}' as lexicon,
            match_key,
            n_tokens
        from {{ lexicon }}
        where match_key != ''
        {% if not loop.last %}union all{% endif %}
    {% endfor %}

),

final as (

    select
        lexicon,
        match_key,
        cast(n_tokens as integer) as n_tokens,
        {{ regex_first('match_key', "'^[^ ]+'") }} as first_key
    from unioned

)

select * from final
