with

source as (

    select * from {{ ref('weekday_names') }}

),

renamed as (

    select
        weekday_name as term,
        iso_weekday,
        {{ term_key('weekday_name') }} as match_key,
        {{ term_case_key('weekday_name') }} as case_key,
        {{ term_token_count('weekday_name') }} as n_tokens
    from source

)

select * from renamed
