{#- A name described by the noun phrases after it: in `Jerry Steinman, publisher of Beer Marketers
    Insights, a trade newsletter, said ... “...”` the subject a quote may take (of the cue before
    it, or the nearest noun phrase of its sentence) is an indefinite noun phrase (`a trade
    newsletter`) that describes the name opening the sentence, with at most two more noun phrases
    between commas in between. The name (two to four capitalised words, the first no common word)
    is the apposition of that subject (int_quotes_attributed), which int_speaker_phrases_read
    takes as the speaker. One row per quote and subject so described. -#}

-- depends_on: {{ ref('int_stories_changed') }}

with

-- the two subjects a quote inside its sentence may take, named as int_quotes_attributed's
-- attribution_basis: the subject of the last cue before it, the nearest noun phrase of the sentence
subjects as (

    select
        quote_key,
        subject_kind,
        subject_start
    from (
        select
            quote_key,
            'before' as subject_kind,
            before_subject as subject,
            before_subject_start as subject_start
        from {{ ref('int_quote_subjects_found') }}
        where {{ in_changed_stories() }}
        union all
        select
            quote_key,
            'sentence_subject' as subject_kind,
            sentence_subject as subject,
            sentence_subject_start as subject_start
        from {{ ref('int_quote_subjects_found') }}
        where {{ in_changed_stories() }}
    ) as candidates
    where lower({{ regex_extract('subject', "'^(\\S+) '", 1) }}) in {{ indefinite_articles() }}

),

phrases as (

    select
        quote_key,
        seg,
        phrase,
        phrase_start,
        phrase_words,
        is_cut,
        story_id
    from {{ ref('int_quote_window_phrases') }}
    where {{ in_changed_stories() }} and side = 'before'

),

subject_segments as (

    select
        subjects.quote_key,
        subjects.subject_kind,
        phrases.seg as subject_seg
    from subjects
    inner join phrases
        on
            subjects.quote_key = phrases.quote_key
            and subjects.subject_start = phrases.phrase_start

),

-- the sentence's first segment, and how many noun phrases lie between it and the subject
chains as (

    select
        subject_segments.quote_key,
        subject_segments.subject_kind,
        subject_segments.subject_seg,
        min(phrases.seg) as first_seg,
        count(*) filter (
            where
            phrases.seg < subject_segments.subject_seg
            and not phrases.is_cut
            and phrases.phrase_words between 1 and 10
        ) as noun_phrases_before
    from subject_segments
    inner join phrases
        on subject_segments.quote_key = phrases.quote_key
    group by subject_segments.quote_key, subject_segments.subject_kind, subject_segments.subject_seg

),

final as (

    select
        chains.quote_key,
        chains.subject_kind,
        named.story_id,
        named.phrase as described_name,
        named.phrase_start as described_name_start
    from chains
    inner join phrases as named
        on
            chains.quote_key = named.quote_key
            and chains.first_seg = named.seg
    left join {{ ref('name_common_words') }} as common_words
        on lower({{ regex_extract('named.phrase', "'^(\\S+)'", 1) }}) = common_words.word
    where
        chains.subject_seg - chains.first_seg between 1 and 3
        -- every segment from the name to the subject is a noun phrase
        and chains.noun_phrases_before = chains.subject_seg - chains.first_seg
        and {{ regex_contains('named.phrase', described_name_regex()) }}
        and common_words.word is null

)

select * from final
