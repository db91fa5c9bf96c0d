with

source as (

    select * from {{ ref('month_names') }}

),

renamed as (

    select
        month_name as term,
        month_number,
        is_abbreviation,
        is_common_word,
        {{ term_key('month_name') }} as match_key,
        {{ term_case_key('month_name') }} as case_key,
        {{ term_token_count('month_name') }} as n_tokens
    from source

)

select * from renamed
