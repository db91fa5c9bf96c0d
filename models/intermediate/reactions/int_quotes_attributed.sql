{#- The quotes of int_quotes_found that int_quote_speakers_chosen attributes, with where the
    attribution is written: the raw_text offsets of the speaker phrase as written (before a leading
    `to ` of `according to` is cut; a pronoun's antecedent mention) and of its apposition, the cue,
    and the attribution's span in its window and text. Every column of int_quotes_found is kept. -#}

-- depends_on: {{ ref('int_stories_changed') }}

with

quotes as (

    select
        *,
        {{ stable_key('quote_id') }} as quote_key
    from {{ ref('int_quotes_found') }}
    where {{ in_changed_stories() }}

),

speakers as (

    select * from {{ ref('int_quote_speakers_chosen') }}
    where {{ in_changed_stories() }}

),

subjects as (

    select * from {{ ref('int_quote_subjects_resolved') }}
    where {{ in_changed_stories() }}

),

resolved as (

    select
        quotes.*,
        speakers.previous_quote_end,
        speakers.before_stance,
        speakers.after_stance,
        speakers.attribution_basis,
        speakers.pronoun,
        speakers.speaker_phrase,
        speakers.apposition,
        -- raw_text offsets of the phrases as written (before `to ` is cut), for their mentions
        case speakers.attribution_basis
            when 'before' then quotes.before_start + subjects.before_subject_start
            when 'sentence_subject' then quotes.before_start + subjects.sentence_subject_start
            when 'before_preposition' then quotes.before_start + subjects.preposition_object_start
            when 'after' then quotes.after_start + subjects.after_speaker_start
            when 'before_pronoun' then speakers.antecedent_start
            when 'after_pronoun' then speakers.antecedent_start
            when 'reported_speech' then speakers.antecedent_start
        end as written_start,
        case speakers.attribution_basis
            when 'before' then subjects.before_subject
            when 'sentence_subject' then subjects.sentence_subject
            when 'before_preposition' then subjects.preposition_object
            when 'after' then subjects.after_speaker_phrase
            when 'before_pronoun' then speakers.speaker_phrase
            when 'after_pronoun' then speakers.speaker_phrase
            when 'reported_speech' then speakers.speaker_phrase
        end as written_phrase,
        case speakers.attribution_basis
            when 'before' then quotes.before_start + subjects.before_apposition_start
            when 'sentence_subject' then quotes.before_start + subjects.sentence_apposition_start
            when 'after' then quotes.after_start + subjects.after_apposition_start
        end as apposition_start,
        case
            when speakers.attribution_basis in ('before', 'before_pronoun', 'sentence_subject', 'before_preposition')
                then subjects.before_cue
            when speakers.attribution_basis in ('after', 'after_pronoun') then subjects.after_cue
        end as cue,
        case
            when speakers.attribution_basis in ('before', 'sentence_subject', 'before_preposition') then 'before'
            when speakers.attribution_basis = 'after' then 'after'
        end as attribution_side,
        case speakers.attribution_basis
            when 'before' then subjects.before_subject_start
            when 'sentence_subject' then subjects.sentence_subject_start
            when 'before_preposition' then subjects.preposition_cue_start
            when 'after' then subjects.after_attribution_start
        end as attribution_start,
        case speakers.attribution_basis
            when 'before' then subjects.before_cue_end
            when 'sentence_subject' then subjects.before_cue_end
            when 'before_preposition' then subjects.preposition_object_end
            when 'after' then subjects.after_attribution_end
        end as attribution_end
    from quotes
    inner join speakers
        on quotes.quote_key = speakers.quote_key
    inner join subjects
        on quotes.quote_key = subjects.quote_key

),

final as (

    select
        quote_id,
        article_id,
        story_id,
        sentence_id,
        paragraph_index,
        quote_index,
        char_start,
        char_end,
        quote,
        open_mark,
        is_closed,
        starts_paragraph,
        starts_sentence,
        word_count,
        before_text,
        after_text,
        before_start,
        after_start,
        quote_key,
        previous_quote_end,
        before_stance,
        after_stance,
        attribution_basis,
        pronoun,
        speaker_phrase,
        apposition,
        written_start,
        written_phrase,
        apposition_start,
        cue,
        attribution_side,
        attribution_start,
        attribution_end,
        cast(written_start + length(written_phrase) - length(speaker_phrase) as integer) as speaker_start,
        cast(written_start + length(written_phrase) as integer) as speaker_end,
        cast(apposition_start + length(apposition) as integer) as apposition_end,
        -- other quotes in the attribution show as `“…”`
        case
            when attribution_start is not null and attribution_end > attribution_start
                then {{ regex_replace_all(
                    regex_replace(
                        "substr(case attribution_side when 'before' then before_text else after_text end, "
                        ~ "attribution_start + 1, attribution_end - attribution_start)",
                        "'[^\\pL\\pN]+$'", "''"
                    ),
                    "'§+'", "'“…”'"
                ) }}
        end as attribution
    from resolved

)

select * from final
