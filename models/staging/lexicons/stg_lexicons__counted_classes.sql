{#- One lexicon from two sources: the hand-made seed counted_classes and the currencies that
    scripts/build_currency_units.py writes from ISO 4217 (seed currency_units), as units of
    dimension `money`; a term the hand-made seed lists keeps its own row. -#}

with

source as (

    select * from {{ ref('counted_classes') }}

),

currencies as (

    select * from {{ ref('currency_units') }}

),

unioned as (

    select
        term,
        counted_class,
        kind,
        unit,
        dimension,
        counts_people,
        note
    from source

    union all

    select
        currencies.term,
        cast(null as varchar) as counted_class,
        'unit' as kind,
        currencies.unit,
        'money' as dimension,
        false as counts_people,
        'a currency of ISO 4217 (seed currency_units)' as note
    from currencies
    where currencies.term not in (select source.term from source)

),

renamed as (

    select
        *,
        {{ term_key('term') }} as match_key,
        {{ term_case_key('term') }} as case_key,
        {{ term_token_count('term') }} as n_tokens
    from unioned

)

select * from renamed
