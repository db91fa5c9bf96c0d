{#- Every cue verb of the attribution windows (seed cue_verbs) with the phrases around it: its
    subject (the noun phrase of its own segment), the phrase after it (an object, `according to
    X`, `said Miller`), the one after that (a name in apposition) and the one before it. -#}

-- depends_on: {{ ref('int_stories_changed') }}

with

tokens as (

    select * from {{ ref('int_quote_window_tokens') }}
    where {{ in_changed_stories() }} and is_cue

),

phrases as (

    select * from {{ ref('int_quote_window_phrases') }}
    where {{ in_changed_stories() }}

),

function_words as (

    select * from {{ ref('reaction_function_words') }}

),

final as (

    select
        tokens.quote_key,
        tokens.story_id,
        tokens.side,
        tokens.tok_no,
        tokens.seg,
        tokens.cue_stance,
        tokens.cue_form,
        tokens.word_pos as cue_start,
        subject.phrase as subject,
        subject.phrase_words as subject_words,
        subject.phrase_start as subject_start,
        object_segment.phrase as object_phrase,
        object_segment.phrase_words as object_words,
        object_segment.phrase_start as object_start,
        object_segment.phrase_end as object_end,
        apposition.phrase as apposition,
        apposition.phrase_words as apposition_words,
        apposition.phrase_start as apposition_start,
        previous_segment.phrase as previous_phrase,
        previous_segment.phrase_words as previous_words,
        previous_segment.phrase_start as previous_start,
        trim(tokens.tok) as cue,
        tokens.char_pos + length(tokens.tok) as cue_end,
        coalesce(subject.ends_passive, false) as subject_is_passive,
        -- `with Boswell stating:`: the participle's own subject
        coalesce(subject.opens_absolute, false) as subject_is_absolute,
        function_words.role = 'pronoun' as subject_is_pronoun
    from tokens
    left join phrases as subject
        on
            tokens.quote_key = subject.quote_key
            and tokens.side = subject.side
            and tokens.seg = subject.seg
    left join phrases as object_segment
        on
            tokens.quote_key = object_segment.quote_key
            and tokens.side = object_segment.side
            and tokens.seg + 1 = object_segment.seg
    left join phrases as apposition
        on
            tokens.quote_key = apposition.quote_key
            and tokens.side = apposition.side
            and tokens.seg + 2 = apposition.seg
    left join phrases as previous_segment
        on
            tokens.quote_key = previous_segment.quote_key
            and tokens.side = previous_segment.side
            and tokens.seg - 1 = previous_segment.seg
    left join function_words
        on lower(subject.phrase) = function_words.word

)

select * from final
