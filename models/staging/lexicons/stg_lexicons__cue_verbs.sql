with

source as (

    select * from {{ ref('cue_verbs') }}

),

renamed as (

    select
        cue as term,
        lemma,
        stance,
        form,
        {{ term_key('cue') }} as match_key,
        {{ term_case_key('cue') }} as case_key,
        {{ term_token_count('cue') }} as n_tokens
    from source

)

select * from renamed
