{#- The candidate speakers of int_quote_subjects_found, with a subject replaced by the name it
    stands for: the name its description follows (int_quote_described_names_found: `James
    Fallon, a New Providence, N.J., marketing consultant, says`), the description becoming the
    subject's apposition, or the subject of the clause a coordinated or participle cue shares
    (int_quote_coordinated_subjects_found: `Dow Jones discloses ... but says`); and the speaker after
    a quote whose sentence goes on replaced by the one named after the sentence's last comma
    (int_quote_trailing_speakers_found: `"..." such as word-processing, said Michael Slater`), or
    by none when no comma brings one. A subject that is a person's own staff or body after `her`/
    `his` (`Her office said`, `..., his lawyer said`: own_staff_speaker_regex) becomes that
    pronoun, so the quote goes to the person it stands for. One row per quote,
    the columns of int_quote_subjects_found plus before_apposition; int_quote_speakers_chosen
    chooses among them. -#}

{#- The columns of the speaker after the quote that int_quote_trailing_speakers_found replaces
    as they are (the speaker and apposition may also come from a described name). -#}
{%- set after_columns = ['after_cue', 'after_stance', 'after_attribution_start', 'after_attribution_end',
                         'after_is_pronoun', 'after_pronoun'] -%}

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

-- quotes whose sentence goes on after the closing mark, with the speaker named at its end
continued as (

    select * from {{ ref('int_quote_trailing_speakers_found') }}
    where {{ in_changed_stories() }}

),

resolved as (

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
        {% for column in after_columns -%}
            case
                when continued.quote_key is not null then continued.{{ column }}
                else subjects.{{ column }}
            end as {{ column }},
        {% endfor -%}
        case
            when continued.quote_key is not null then continued.after_speaker_phrase
            else coalesce(after_names.described_name, subjects.after_speaker_phrase)
        end as after_speaker_phrase,
        case
            when continued.quote_key is not null then continued.after_speaker_start
            else coalesce(after_names.described_name_start, subjects.after_speaker_start)
        end as after_speaker_start,
        case
            when continued.quote_key is not null then continued.after_apposition
            when after_names.quote_key is not null then after_names.description
            else subjects.after_apposition
        end as after_apposition,
        case
            when continued.quote_key is not null then continued.after_apposition_start
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
    left join continued
        on subjects.quote_key = continued.quote_key

),

-- `her`/`his` of a person's own staff or body, as the pronoun of a person (`Her office` -> `she`)
own_staff as (

    select
        *,
        case lower({{ regex_extract('before_subject', own_staff_speaker_regex(), 1) }})
            when 'her' then 'she' when 'his' then 'he'
        end as before_staff_pronoun,
        case lower({{ regex_extract('sentence_subject', own_staff_speaker_regex(), 1) }})
            when 'her' then 'she' when 'his' then 'he'
        end as sentence_staff_pronoun,
        case lower({{ regex_extract('after_speaker_phrase', own_staff_speaker_regex(), 1) }})
            when 'her' then 'she' when 'his' then 'he'
        end as after_staff_pronoun
    from resolved

),

final as (

    select
        * exclude (
            before_subject, before_subject_start, before_has_pronoun, before_pronoun, sentence_subject,
            after_is_pronoun, after_pronoun, before_staff_pronoun, sentence_staff_pronoun, after_staff_pronoun
        ),
        case when before_staff_pronoun is null then before_subject end as before_subject,
        case when before_staff_pronoun is null then before_subject_start end as before_subject_start,
        case when before_staff_pronoun is not null then true else before_has_pronoun end as before_has_pronoun,
        coalesce(before_staff_pronoun, before_pronoun) as before_pronoun,
        -- the pronoun int_quote_speakers_chosen resolves as a shared subject (`he`, `she`)
        coalesce(sentence_staff_pronoun, sentence_subject) as sentence_subject,
        case when after_staff_pronoun is not null then true else after_is_pronoun end as after_is_pronoun,
        coalesce(after_staff_pronoun, after_pronoun) as after_pronoun
    from own_staff

)

select * from final
