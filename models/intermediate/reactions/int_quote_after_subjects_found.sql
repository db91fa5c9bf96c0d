{#- The candidate speaker after every quote that has a cue after it, one row per such quote: the
    first cue of the first clause (`the statement said`, `said Miller`), or a cue two segments on
    after a noun phrase and a name in apposition (`the ministry's spokesman, Shu Jueting, told`);
    for a quote inside its sentence, also a later cue with its own subject (`… to the tariffs,
    Commission President X said on Tuesday`). Its own model because it reads only the after
    window and nothing of what the before window offers; int_quote_subjects_found puts it beside
    those as its after_* columns. -#}

-- depends_on: {{ ref('int_stories_changed') }}

with

quotes as (

    select
        starts_sentence,
        {{ stable_key('quote_id') }} as quote_key
    from {{ ref('int_quotes_found') }}
    where {{ in_changed_stories() }}

),

cue_tokens as (

    select * from {{ ref('int_quote_cues_found') }}
    where {{ in_changed_stories() }} and side = 'after'

),

after_phrases as (

    select * from {{ ref('int_quote_window_phrases') }}
    where {{ in_changed_stories() }} and side = 'after'

),

after_tokens as (

    select
        quote_key,
        seg
    from {{ ref('int_quote_window_tokens') }}
    where {{ in_changed_stories() }} and side = 'after' and is_word and not is_cue

),

after_first_clause as (

    -- the first segment after the quote, and whether it is a plain noun phrase that a name in
    -- apposition may follow
    select
        firsts.quote_key,
        firsts.first_seg,
        first_phrase.phrase as first_phrase,
        first_phrase.phrase_start as first_phrase_start,
        not first_phrase.is_cut and first_phrase.phrase_words between 1 and 10 as is_noun_phrase
    from (
        select
            quote_key,
            min(seg) as first_seg
        from after_tokens
        group by quote_key
    ) as firsts
    left join after_phrases as first_phrase
        on
            firsts.quote_key = first_phrase.quote_key
            and firsts.first_seg = first_phrase.seg

),

after_side as (

    select
        cue_tokens.*,
        after_first_clause.first_seg,
        after_first_clause.first_phrase,
        after_first_clause.first_phrase_start,
        coalesce(cue_tokens.subject_words, 0) = 0
        and cue_tokens.seg = after_first_clause.first_seg + 2
        and after_first_clause.is_noun_phrase
        and cue_tokens.previous_words between 1 and 10 as is_apposed,
        -- the segment between is a name (`the ministry's spokesman, Shu Jueting, told`), not a
        -- clause on the noun phrase (`a detective, speaking on condition of anonymity, said`)
        {{ regex_contains('cue_tokens.previous_phrase', "'^\\p{Lu}'") }} as is_apposed_name,
        not quotes.starts_sentence
        and cue_tokens.cue_form = 'finite'
        and cue_tokens.subject_words between 1 and 10 as is_trailing
    from cue_tokens
    inner join quotes on cue_tokens.quote_key = quotes.quote_key
    left join after_first_clause
        on cue_tokens.quote_key = after_first_clause.quote_key

),

final as (

    select
        quote_key,
        story_id,
        {{ arg_min_by('cue', 'tok_no') }} as cue,
        {{ arg_min_by('cue_stance', 'tok_no') }} as cue_stance,
        {{ arg_min_by(
            "case when subject_words between 1 and 10 then subject when is_apposed and is_apposed_name then previous_phrase "
            ~ "when is_apposed then first_phrase when object_words between 1 and 8 then object_phrase end",
            'tok_no'
        ) }} as speaker_phrase,
        {{ arg_min_by(
            "case when subject_words between 1 and 10 then subject_start when is_apposed and is_apposed_name "
            ~ "then previous_start when is_apposed then first_phrase_start "
            ~ "when object_words between 1 and 8 then object_start end",
            'tok_no'
        ) }} as speaker_start,
        {{ arg_min_by(
            "case when is_apposed and is_apposed_name then first_phrase when is_apposed then null "
            ~ "when subject_words = 0 and object_words between 1 and 8 "
            ~ "and apposition_words between 1 and 10 then apposition end",
            'tok_no'
        ) }} as apposition,
        {{ arg_min_by(
            "case when is_apposed and is_apposed_name then first_phrase_start when is_apposed then null "
            ~ "when subject_words = 0 and object_words between 1 and 8 "
            ~ "and apposition_words between 1 and 10 then apposition_start end",
            'tok_no'
        ) }} as apposition_start,
        {{ arg_min_by(
            "case when subject_words between 1 and 10 then subject_start when is_apposed then first_phrase_start "
            ~ "else cue_start end",
            'tok_no'
        ) }} as attribution_start,
        {{ arg_min_by(
            "case when subject_words between 1 and 10 or is_apposed then cue_end else object_end end", 'tok_no'
        ) }} as attribution_end,
        {{ arg_min_by('coalesce(subject_is_pronoun, false)', 'tok_no') }} as is_pronoun,
        {{ arg_min_by('case when subject_is_pronoun then lower(subject) end', 'tok_no') }} as pronoun
    from after_side
    where seg <= coalesce(first_seg, seg) or is_apposed or is_trailing
    group by quote_key, story_id

)

select * from final
