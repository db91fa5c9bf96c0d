with

source as (

    select * from {{ ref('counted_classes') }}

),

renamed as (

    select
        term,
        counted_class,
        kind,
        unit,
        dimension,
        counts_people,
        note,
        {{ term_key('term') }} as match_key,
        {{ term_case_key('term') }} as case_key,
        {{ term_token_count('term') }} as n_tokens
    from source

)

select * from renamed
