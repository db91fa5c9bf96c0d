{#- The candidate speaker after every quote that has a cue after it, one row per such quote: the
    first cue of the first clause (`the statement said`, `said Miller`), or a cue two segments on
    after a noun phrase and a name in apposition (`the ministry's spokesman, Shu Jueting, told`);
    for a quote inside its sentence, also a later cue with its own subject (`… to the tariffs,
    Commission President X said on Tuesday`); a cue two or three segments on after a noun phrase
    and an aside that holds no noun phrase of its own (`Woolmer, now the team's coach, said`,
    `Zieleniec, who is also deputy premier, told`); and `quoted X as saying` (X speaks) or `X was
    quoted as saying`, whose participle follows the phrase that names the speaker. Its own model because it reads only the after
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

-- the `as` before a participle cue that makes `quoted X as saying` or `X was quoted as saying`
{{ quoted_as_ctes('after') }},

pronouns as (

    select match_key from {{ ref('stg_lexicons__reaction_function_words') }}
    where role = 'pronoun'

),

after_noun_phrases as (

    select
        quote_key,
        seg
    from after_phrases
    where phrase_words > 0

),

after_firsts as (

    select
        quote_key,
        min(seg) as first_seg
    from after_tokens
    group by quote_key

),

after_first_clause as (

    -- the first segment after the quote, whether it is a plain noun phrase that a name in
    -- apposition may follow, and the next segment after it that holds a noun phrase
    select
        after_firsts.quote_key,
        after_firsts.first_seg,
        any_value(first_phrase.phrase) as first_phrase,
        any_value(first_phrase.phrase_start) as first_phrase_start,
        any_value(not first_phrase.is_cut and first_phrase.phrase_words between 1 and 10) as is_noun_phrase,
        any_value(first_phrase.is_cut and first_phrase.phrase_words between 1 and 10) as is_cut_noun_phrase,
        min(later_phrases.seg) as second_phrase_seg
    from after_firsts
    left join after_phrases as first_phrase
        on
            after_firsts.quote_key = first_phrase.quote_key
            and after_firsts.first_seg = first_phrase.seg
    left join after_noun_phrases as later_phrases
        on
            after_firsts.quote_key = later_phrases.quote_key
            and after_firsts.first_seg < later_phrases.seg
    group by after_firsts.quote_key, after_firsts.first_seg

),

after_side as (

    select
        cue_tokens.*,
        after_first_clause.first_seg,
        after_first_clause.first_phrase,
        after_first_clause.first_phrase_start,
        coalesce(cue_tokens.subject_words, 0) = 0
        and (
            after_first_clause.is_noun_phrase
            and (
                (cue_tokens.seg = after_first_clause.first_seg + 2 and cue_tokens.previous_words between 1 and 10)
                -- an aside without a noun phrase of its own: `Woolmer, now the team's coach, said`,
                -- `Zieleniec, who is also deputy premier, told`
                or (
                    cue_tokens.seg between after_first_clause.first_seg + 2 and after_first_clause.first_seg + 3
                    and coalesce(after_first_clause.second_phrase_seg > cue_tokens.seg, true)
                )
            )
            -- a phrase cut before where its bearer is, whose place goes on after a comma: `Michael
            -- Cornwell of the Glencoe Animal Hospital in Columbus, Ohio, told`
            or (
                after_first_clause.is_cut_noun_phrase
                and cue_tokens.seg = after_first_clause.first_seg + 2
                and cue_tokens.previous_words between 1 and 2
            )
        ) as is_apposed,
        -- the segment between is a name (`the ministry's spokesman, Shu Jueting, told`), not a
        -- clause on the noun phrase (`a detective, speaking on condition of anonymity, said`)
        coalesce({{ regex_contains('cue_tokens.previous_phrase', "'^\\p{Lu}'") }}, false) as is_apposed_name,
        not quotes.starts_sentence
        and cue_tokens.cue_form = 'finite'
        and cue_tokens.subject_words between 1 and 10 as is_trailing,
        -- `quoted X as saying` (X, the end of the phrase before) or `X was quoted as saying` (the phrase)
        case
            when
                cue_tokens.cue_form = 'participle' and coalesce(cue_tokens.subject_words, 0) = 0
                and cue_tokens.seg = after_first_clause.first_seg + 1 and quoted_as.tok_no is not null
                then
                    case
                        when quoted_as.is_passive then cue_tokens.previous_phrase
                        else {{ regex_extract('cue_tokens.previous_phrase', quoted_object_regex(), 1) }}
                    end
        end as quoted_speaker,
        coalesce(quoted_as.is_passive, false) and quoted_pronouns.match_key is not null as quoted_is_pronoun
    from cue_tokens
    inner join quotes on cue_tokens.quote_key = quotes.quote_key
    left join after_first_clause
        on cue_tokens.quote_key = after_first_clause.quote_key
    left join quoted_as
        on cue_tokens.quote_key = quoted_as.quote_key and cue_tokens.tok_no = quoted_as.tok_no + 1
    -- keys only: a condition on the left side in a left join's ON makes DuckDB loop
    left join pronouns as quoted_pronouns
        on lower(cue_tokens.previous_phrase) = quoted_pronouns.match_key

),

final as (

    select
        quote_key,
        story_id,
        {{ arg_min_by('cue', 'tok_no') }} as cue,
        {{ arg_min_by('cue_stance', 'tok_no') }} as cue_stance,
        {{ arg_min_by(
            "case when quoted_speaker is not null then quoted_speaker "
            ~ "when subject_words between 1 and 10 then subject when is_apposed and is_apposed_name then previous_phrase "
            ~ "when is_apposed then first_phrase when object_words between 1 and " ~ max_object_words() ~ " then object_phrase end",
            'tok_no'
        ) }} as speaker_phrase,
        {{ arg_min_by(
            "case when quoted_speaker is not null then previous_start + length(previous_phrase) - length(quoted_speaker) "
            ~ "when subject_words between 1 and 10 then subject_start when is_apposed and is_apposed_name "
            ~ "then previous_start when is_apposed then first_phrase_start "
            ~ "when object_words between 1 and " ~ max_object_words() ~ " then object_start end",
            'tok_no'
        ) }} as speaker_start,
        {{ arg_min_by(
            "case when is_apposed and is_apposed_name then first_phrase when is_apposed then null "
            ~ "when subject_words = 0 and object_words between 1 and " ~ max_object_words() ~ " "
            ~ "and apposition_words between 1 and 10 then apposition end",
            'tok_no'
        ) }} as apposition,
        {{ arg_min_by(
            "case when is_apposed and is_apposed_name then first_phrase_start when is_apposed then null "
            ~ "when subject_words = 0 and object_words between 1 and " ~ max_object_words() ~ " "
            ~ "and apposition_words between 1 and 10 then apposition_start end",
            'tok_no'
        ) }} as apposition_start,
        {{ arg_min_by(
            "case when quoted_speaker is not null then previous_start "
            ~ "when subject_words between 1 and 10 then subject_start when is_apposed then first_phrase_start "
            ~ "else cue_start end",
            'tok_no'
        ) }} as attribution_start,
        {{ arg_min_by(
            "case when quoted_speaker is not null or subject_words between 1 and 10 or is_apposed then cue_end "
            ~ "else object_end end",
            'tok_no'
        ) }} as attribution_end,
        {{ arg_min_by(
            'case when quoted_speaker is not null then quoted_is_pronoun else coalesce(subject_is_pronoun, false) end',
            'tok_no'
        ) }} as is_pronoun,
        {{ arg_min_by(
            "case when quoted_is_pronoun then lower(quoted_speaker) when quoted_speaker is null and subject_is_pronoun "
            ~ "then lower(subject) end",
            'tok_no'
        ) }} as pronoun
    from after_side
    where seg <= coalesce(first_seg, seg) or is_apposed or is_trailing or quoted_speaker is not null
    group by quote_key, story_id

)

select * from final
