with

source as (

    select * from {{ ref('speaker_nouns') }}

),

renamed as (

    select
        noun as term,
        role,
        is_third_party,
        {{ term_key('noun') }} as match_key,
        {{ term_case_key('noun') }} as case_key,
        {{ term_token_count('noun') }} as n_tokens
    from source

)

select * from renamed
