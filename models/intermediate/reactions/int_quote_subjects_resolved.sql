{#- The candidate speakers of int_quote_subjects_found, with a subject replaced by the name it
    stands for: the name its description follows (int_quote_described_names_found: `James
    Fallon, a New Providence, N.J., marketing consultant, says`), the description becoming the
    subject's apposition, or the subject of the clause a coordinated or participle cue shares
    (int_quote_coordinated_subjects_found: `Dow Jones discloses ... but says`). One row per quote,
    the columns of int_quote_subjects_found plus before_apposition; int_quotes_attributed
    chooses among them. -#}

-- depends_on: {{ ref('int_stories_changed') }}

with

subjects as (

    select * from {{ ref('int_quote_subjects_found') }}
    where {{ in_changed_stories() }}

),

-- at most one name per quote and subject: the coordinated rule leaves out what a description names
subject_names as (

    select
        quote_key,
        subject_kind,
        described_name,
        described_name_start,
        description,
        description_start
    from {{ ref('int_quote_described_names_found') }}
    where {{ in_changed_stories() }}
    union all
    select
        quote_key,
        subject_kind,
        described_name,
        described_name_start,
        description,
        description_start
    from {{ ref('int_quote_coordinated_subjects_found') }}
    where {{ in_changed_stories() }}

),

final as (

    select
        subjects.quote_key,
        subjects.story_id,
        subjects.before_cue,
        subjects.before_cue_end,
        subjects.before_stance,
        before_names.description as before_apposition,
        before_names.description_start as before_apposition_start,
        subjects.before_has_pronoun,
        subjects.before_pronoun,
        subjects.preposition_object,
        subjects.preposition_object_start,
        subjects.preposition_object_end,
        subjects.preposition_cue_start,
        subjects.after_cue,
        subjects.after_stance,
        subjects.after_attribution_start,
        subjects.after_attribution_end,
        subjects.after_is_pronoun,
        subjects.after_pronoun,
        coalesce(before_names.described_name, subjects.before_subject) as before_subject,
        coalesce(before_names.described_name_start, subjects.before_subject_start) as before_subject_start,
        coalesce(sentence_names.described_name, subjects.sentence_subject) as sentence_subject,
        coalesce(sentence_names.described_name_start, subjects.sentence_subject_start) as sentence_subject_start,
        case
            when sentence_names.quote_key is not null then sentence_names.description
            else subjects.sentence_apposition
        end as sentence_apposition,
        case
            when sentence_names.quote_key is not null then sentence_names.description_start
            else subjects.sentence_apposition_start
        end as sentence_apposition_start,
        coalesce(after_names.described_name, subjects.after_speaker_phrase) as after_speaker_phrase,
        coalesce(after_names.described_name_start, subjects.after_speaker_start) as after_speaker_start,
        case
            when after_names.quote_key is not null then after_names.description
            else subjects.after_apposition
        end as after_apposition,
        case
            when after_names.quote_key is not null then after_names.description_start
            else subjects.after_apposition_start
        end as after_apposition_start
    from subjects
    left join subject_names as before_names
        on subjects.quote_key = before_names.quote_key and before_names.subject_kind = 'before'
    left join subject_names as sentence_names
        on subjects.quote_key = sentence_names.quote_key and sentence_names.subject_kind = 'sentence_subject'
    left join subject_names as after_names
        on subjects.quote_key = after_names.quote_key and after_names.subject_kind = 'after'

)

select * from final
