with

source as (

    select * from {{ ref('event_cues') }}

),

renamed as (

    select
        cue as term,
        event_class,
        cue_kind,
        distance_penalty,
        {{ term_key('cue') }} as match_key,
        {{ term_case_key('cue') }} as case_key,
        {{ term_token_count('cue') }} as n_tokens
    from source

)

select * from renamed
