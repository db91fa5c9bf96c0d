{#- Which attribution each quote of int_quotes_found takes, from the candidates of
    int_quote_subjects_resolved, and the speaker phrase it gives: the rules, in the order they
    apply, are listed in the yml. Its own model because who speaks is decided here, from the
    candidates and the quotes around; int_quotes_attributed only finds where it is written. -#}

{#- A title or a name in quotes (`"This Week With David Brinkley"`), or a quote shaped like one
    that no cue verb before it in its own clause makes speech (`told reporters "Enough."`, not
    `said the show, "Northbound,"`). Reads a quote and its subjects row. -#}
{%- set is_title -%}
    (
        quotes.is_named_title
        or (
            quotes.is_title_shaped
            and (
                subjects.before_cue_end is null
                or {{ regex_contains("substr(quotes.before_text, subjects.before_cue_end + 1)", clause_break_regex()) }}
            )
        )
    )
{%- endset %}

-- depends_on: {{ ref('int_stories_changed') }}

with

quotes as (

    select
        *,
        {{ stable_key('quote_id') }} as quote_key,
        not starts_sentence and {{ regex_contains('quote', quoted_title_regex()) }} as is_named_title,
        -- one capitalised word or more after a lower-case word (`the drama "Northbound," was`): a
        -- title, unless a cue verb in its clause makes it speech (attribution_chosen)
        not starts_sentence
        and {{ regex_contains('quote', capitalised_quote_regex()) }}
        and coalesce({{ regex_contains('before_text', title_lead_regex()) }}, false) as is_title_shaped,
        -- another quote before it in its paragraph
        coalesce(
            lag(paragraph_index) over (partition by article_id order by char_start) = paragraph_index, false
        ) as follows_in_paragraph
    from {{ ref('int_quotes_found') }}
    where {{ in_changed_stories() }}

),

subjects as (

    select * from {{ ref('int_quote_subjects_resolved') }}
    where {{ in_changed_stories() }}

),

speech_subjects as (

    select * from {{ ref('int_speech_subjects_found') }}
    where {{ in_changed_stories() }}

),

quote_sentences as (

    select
        sentence_id,
        sentence_index
    from {{ ref('int_sentences') }}
    where {{ in_changed_stories() }}

),

person_mentions as (

    -- `he`/`she` point to a person named, not to the object of a preposition or a possessive
    select * from {{ ref('int_speaker_antecedents_found') }}
    where {{ in_changed_stories() }}

),

infinitive_cues as (

    select quotes.quote_key
    from quotes
    inner join subjects
        on quotes.quote_key = subjects.quote_key
    where {{ regex_contains(
        "substr(quotes.before_text, 1, subjects.before_cue_end - length(subjects.before_cue))",
        infinitive_end_regex()
    ) }}

),

attribution_chosen as (

    select
        quotes.*,
        subjects.before_stance,
        subjects.after_stance,
        {{ is_title }} as is_title,
        case
            -- a title or a name in quotes (`"This Week With David Brinkley"`) is nobody's speech
            when {{ is_title }} then null
            -- a cue in an infinitive (`the agency's decision to deny him a hearing was "...," the
            -- opinion read`) reports no speech: a clause after the quote with a cue of its own does
            when infinitive_cues.quote_key is not null and subjects.after_is_pronoun then 'after_pronoun'
            when infinitive_cues.quote_key is not null and subjects.after_speaker_phrase is not null then 'after'
            when not quotes.starts_sentence and subjects.before_subject is not null then 'before'
            when not quotes.starts_sentence and subjects.preposition_object is not null then 'before_preposition'
            when not quotes.starts_sentence and subjects.before_has_pronoun then 'before_pronoun'
            -- the pronoun a coordinated cue shares (`In an interview, he declined ..., but said`)
            when not quotes.starts_sentence and lower(subjects.sentence_subject) in ('he', 'she', 'they')
                then 'before_pronoun'
            when not quotes.starts_sentence and subjects.sentence_subject is not null then 'sentence_subject'
            when subjects.after_speaker_phrase is not null and not subjects.after_is_pronoun then 'after'
            when subjects.after_is_pronoun then 'after_pronoun'
            -- a sentence that is all quote continues the last speaker; one of a word or two only
            -- after a quote of its paragraph (`..., said the senator. "Not one."`)
            when
                quotes.starts_sentence
                and (quotes.word_count >= 3 or quotes.follows_in_paragraph)
                and not {{ regex_contains("quotes.after_text", "'\\pL'") }}
                then 'inherited'
        end as attribution_basis,
        case
            when not quotes.starts_sentence and subjects.before_has_pronoun then subjects.before_pronoun
            when not quotes.starts_sentence and lower(subjects.sentence_subject) in ('he', 'she', 'they')
                then lower(subjects.sentence_subject)
            else subjects.after_pronoun
        end as pronoun
    from quotes
    inner join subjects
        on quotes.quote_key = subjects.quote_key
    left join infinitive_cues
        on quotes.quote_key = infinitive_cues.quote_key

),

-- a quote that runs on into the next paragraph's is one quote with it: no quote before that one
quote_runs as (

    select
        *,
        {{ quote_runs_on('attribution_chosen') }} as runs_on
    from attribution_chosen

),

attributed as (

    -- the end of the last earlier quote with a speaker, opening its sentence or of over three
    -- words, that does not run on into a later one
    select
        *,
        last_value(
            case
                when
                    not is_title and not runs_on
                    and (attribution_basis is not null or starts_sentence or word_count > 3)
                    then char_end
            end ignore nulls
        ) over (
            partition by article_id order by char_start rows between unbounded preceding and 1 preceding
        ) as previous_quote_end
    from quote_runs

),

-- a quote that continues a speaker, right after a sentence of reported speech with no quote (its
-- subject starts after the last quote): in wire news the quote goes on with what that subject said
reported_speakers as (

    select
        attributed.quote_key,
        'reported_speech' as basis,
        speech_subjects.subject,
        speech_subjects.subject_start
    from attributed
    inner join quote_sentences
        on attributed.sentence_id = quote_sentences.sentence_id
    inner join speech_subjects
        on
            attributed.article_id = speech_subjects.article_id
            and quote_sentences.sentence_index - 1 = speech_subjects.sentence_index
    where
        attributed.attribution_basis = 'inherited'
        and speech_subjects.subject_start >= coalesce(attributed.previous_quote_end, 0)
        and speech_subjects.cue_pronoun is null
        and not coalesce(speech_subjects.verb_apart, false)

),

-- the quotes a pronoun speaks, with the stretch before them where its antecedent may be named
pronoun_quotes as (

    select
        attributed.quote_key,
        attributed.article_id,
        attributed.pronoun,
        attributed.char_start,
        quote_sentences.sentence_index,
        greatest(coalesce(attributed.previous_quote_end, 0), attributed.char_start - 600) as window_start
    from attributed
    left join quote_sentences
        on attributed.sentence_id = quote_sentences.sentence_id
    where
        attributed.attribution_basis in ('before_pronoun', 'after_pronoun')
        and attributed.pronoun in ('he', 'she', 'it', 'they')

),

pronoun_antecedents as (

    -- the last person named since the last quote, at most 600 characters back
    select
        quote_key,
        written as antecedent,
        char_start as antecedent_start
    from (
        select
            pronoun_quotes.quote_key,
            person_mentions.written,
            person_mentions.char_start,
            -- the nearest sentence with a person; in it, the first name that opens its clause
            -- (its subject), else the last name
            row_number() over (
                partition by pronoun_quotes.quote_key
                order by
                    coalesce(person_mentions.sentence_start, person_mentions.char_start) desc,
                    coalesce(person_mentions.opens_clause, false) desc,
                    case
                        when person_mentions.opens_clause then person_mentions.char_start
                        else -person_mentions.char_end
                    end asc,
                    person_mentions.char_start asc
            ) as recency
        from pronoun_quotes
        inner join person_mentions
            on
                pronoun_quotes.article_id = person_mentions.article_id
                and pronoun_quotes.window_start <= person_mentions.char_start
                and pronoun_quotes.char_start >= person_mentions.char_end
        where
            pronoun_quotes.pronoun in ('he', 'she')
            -- not a name in what the same pronoun said (`He said ... Bin Laden. "...," he said`)
            and coalesce(person_mentions.opening_pronoun, '') != pronoun_quotes.pronoun
            -- not a person known to be of the other gender
            and coalesce(person_mentions.gender, '')
            != case pronoun_quotes.pronoun when 'he' then 'female' else 'male' end
    ) as ranked
    where recency = 1

),

speech_antecedents as (

    -- with no person named since the last quote: the last reported speech's subject there
    select
        quote_key,
        subject as antecedent,
        subject_start as antecedent_start
    from (
        select
            pronoun_quotes.quote_key,
            speech_subjects.subject,
            speech_subjects.subject_start,
            row_number() over (
                partition by pronoun_quotes.quote_key order by speech_subjects.subject_start desc
            ) as recency
        from pronoun_quotes
        inner join speech_subjects
            on
                pronoun_quotes.article_id = speech_subjects.article_id
                and pronoun_quotes.window_start <= speech_subjects.subject_start
                and pronoun_quotes.char_start >= speech_subjects.subject_end
        where
            -- in the quote's own sentence, only the plural subject of a `they` (`Pell's lawyers
            -- sought ..., citing what they called his "remorse."`), which comes before any earlier
            case
                when speech_subjects.sentence_index = pronoun_quotes.sentence_index
                    then pronoun_quotes.pronoun = 'they' and speech_subjects.is_plural
                else speech_subjects.cue_pronoun is null and not coalesce(speech_subjects.verb_apart, false)
            end
            and not {{ names_the_other_gender(
                'person_mentions', 'speech_subjects', 'subject_start', 'subject_end', 'pronoun_quotes.pronoun'
            ) }}
            and (
                pronoun_quotes.pronoun = 'they'
                -- `The bank announced ... It said`: `it` is a body or a document that spoke
                or (
                    pronoun_quotes.pronoun = 'it'
                    and not speech_subjects.is_plural
                    and coalesce(speech_subjects.head_role in ('organisation', 'document'), false)
                )
                or (
                    pronoun_quotes.pronoun in ('he', 'she')
                    and not speech_subjects.is_plural
                    and coalesce(speech_subjects.head_role not in ('organisation', 'document', 'collective'), true)
                )
            )
    ) as ranked
    where recency = 1

),

final as (

    select
        attributed.quote_key,
        attributed.quote_id,
        attributed.article_id,
        attributed.story_id,
        attributed.previous_quote_end,
        attributed.before_stance,
        attributed.after_stance,
        coalesce(reported_speakers.basis, attributed.attribution_basis) as attribution_basis,
        attributed.pronoun,
        case attributed.attribution_basis
            when 'before' then subjects.before_subject
            when 'sentence_subject' then subjects.sentence_subject
            when 'before_preposition' then {{ regex_replace("subjects.preposition_object", "'^to '", "''") }}
            when 'after' then {{ regex_replace("subjects.after_speaker_phrase", "'^to '", "''") }}
            when 'before_pronoun' then coalesce(pronoun_antecedents.antecedent, speech_antecedents.antecedent)
            when 'after_pronoun' then coalesce(pronoun_antecedents.antecedent, speech_antecedents.antecedent)
            when 'inherited' then reported_speakers.subject
        end as speaker_phrase,
        case attributed.attribution_basis
            when 'before' then subjects.before_apposition
            when 'sentence_subject' then subjects.sentence_apposition
            when 'after' then subjects.after_apposition
        end as apposition,
        coalesce(
            pronoun_antecedents.antecedent_start, speech_antecedents.antecedent_start, reported_speakers.subject_start
        ) as antecedent_start
    from attributed
    inner join subjects
        on attributed.quote_key = subjects.quote_key
    left join pronoun_antecedents
        on attributed.quote_key = pronoun_antecedents.quote_key
    left join speech_antecedents
        on attributed.quote_key = speech_antecedents.quote_key
    left join reported_speakers
        on attributed.quote_key = reported_speakers.quote_key
    where attributed.attribution_basis is not null

)

select * from final
