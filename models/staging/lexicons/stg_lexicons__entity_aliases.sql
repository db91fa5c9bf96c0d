with

source as (

    select * from {{ ref('entity_aliases') }}

),

renamed as (

    select
        alias as term,
        entity_name,
        entity_type,
        alias_kind,
        {{ term_key('alias') }} as match_key,
        {{ term_case_key('alias') }} as case_key,
        {{ term_token_count('alias') }} as n_tokens
    from source

)

select * from renamed
