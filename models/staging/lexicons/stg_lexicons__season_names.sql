with

source as (

    select * from {{ ref('season_names') }}

),

renamed as (

    select
        season_name as term,
        first_month,
        note,
        {{ term_key('season_name') }} as match_key,
        {{ term_case_key('season_name') }} as case_key,
        {{ term_token_count('season_name') }} as n_tokens
    from source

)

select * from renamed
