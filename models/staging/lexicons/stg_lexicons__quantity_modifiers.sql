with

source as (

    select * from {{ ref('quantity_modifiers') }}

),

renamed as (

    select
        modifier as term,
        qualifier,
        low_factor,
        high_factor,
        before_duration,
        note,
        {{ term_key('modifier') }} as match_key,
        {{ term_case_key('modifier') }} as case_key,
        {{ term_token_count('modifier') }} as n_tokens
    from source

)

select * from renamed
