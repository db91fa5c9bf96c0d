with

source as (

    select * from {{ ref('org_country_bodies') }}

),

renamed as (

    select
        phrase as term,
        canonical_suffix,
        {{ term_key('phrase') }} as match_key,
        {{ term_case_key('phrase') }} as case_key,
        {{ term_token_count('phrase') }} as n_tokens
    from source

)

select * from renamed
