with

source as (

    select * from {{ ref('figure_actions') }}

),

renamed as (

    select
        term,
        action_class,
        note,
        counts_only,
        counted_as,
        {{ term_key('term') }} as match_key,
        {{ term_case_key('term') }} as case_key,
        {{ term_token_count('term') }} as n_tokens
    from source

)

select * from renamed
