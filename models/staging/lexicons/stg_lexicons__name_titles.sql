with

source as (

    select * from {{ ref('name_titles') }}

),

renamed as (

    select
        title as term,
        {{ term_key('title') }} as match_key,
        {{ term_case_key('title') }} as case_key,
        {{ term_token_count('title') }} as n_tokens
    from source

)

select * from renamed
