with

source as (

    select * from {{ ref('stance_words') }}

),

renamed as (

    select
        word as term,
        stance,
        {{ term_key('word') }} as match_key,
        {{ term_case_key('word') }} as case_key,
        {{ term_token_count('word') }} as n_tokens
    from source

)

select * from renamed
