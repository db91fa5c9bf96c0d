{#- Every term of the phrase lexicons (`phrase_lexicons` in macros/text.sql), keyed by lexicon, in
    the form the one n-gram matcher (int_lexicon_matches) compares. A term longer than `lexicon_max_tokens` tokens
    fails the data test on n_tokens instead of silently never matching. -#}

{{ config(materialized='table') }}

{%- set lexicons = phrase_lexicons() %}

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
