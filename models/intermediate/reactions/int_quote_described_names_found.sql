{#- A name described by the noun phrases after it, which int_quote_subjects_resolved puts in
    place of the description, the description becoming its apposition:
      - `Jerry Steinman, publisher of Beer Marketers Insights, a trade newsletter, said`: the
        subject of the cue before the quote is an indefinite noun phrase;
      - `Louis Gerstner Jr., chairman of RJR, called`, `James Fallon, a New Providence, N.J.,
        marketing consultant, says`, `Prince Bandar bin Sultan, the Saudi ambassador, said`: the
        cue has no subject of its own (a comma stands before it), and the first noun phrase after
        the name opens with an article, a possessive or a lower-case word, so it describes the
        name rather than listing another one. A subject in the cue's own segment that is
        definite is the speaker (`Acme Mining, the company said, will ...`).
    The name is the nearest segment before the subject, with only noun phrases (at most three)
    between: two to five capitalised words, name particles allowed (`bin`, `al-Anbari`), after an
    optional `the` (`the Rev. Donald Spitz`); a single word only when it opens the window and
    the story mentions it as a person or organisation (`Hewlett-Packard, a Palo Alto, Calif., computer
    company, said`: not `Calif.`). Its first word is no common
    word. One row per quote and subject so described. -#}

-- depends_on: {{ ref('int_stories_changed') }}

with

-- the subjects a quote may take, named as int_quotes_attributed's attribution_basis: the subject
-- of the last cue before it, the nearest noun phrase of the sentence, the speaker after it
subjects as (

    select
        quote_key,
        subject_kind,
        side,
        subject,
        subject_start
    from (
        select
            quote_key,
            'before' as subject_kind,
            'before' as side,
            before_subject as subject,
            before_subject_start as subject_start
        from {{ ref('int_quote_subjects_found') }}
        where {{ in_changed_stories() }}
        union all
        select
            quote_key,
            'sentence_subject' as subject_kind,
            'before' as side,
            sentence_subject as subject,
            sentence_subject_start as subject_start
        from {{ ref('int_quote_subjects_found') }}
        where {{ in_changed_stories() }}
        union all
        select
            quote_key,
            'after' as subject_kind,
            'after' as side,
            after_speaker_phrase as subject,
            after_speaker_start as subject_start
        from {{ ref('int_quote_subjects_found') }}
        where {{ in_changed_stories() }} and not after_is_pronoun
    ) as candidates
    where subject is not null

),

phrases as (

    select
        quote_key,
        side,
        seg,
        phrase,
        phrase_start,
        story_id,
        -- segments up to this one that are no noun phrase: none between a name and its subject
        sum(case when not is_cut and phrase_words between 1 and 10 then 0 else 1 end) over (
            partition by quote_key, side order by seg
        ) as breaks,
        seg = min(case when phrase is not null then seg end) over (partition by quote_key, side) as opens_window,
        -- an article, a possessive, a lower-case word or an age: a description, not another name
        lower({{ regex_extract('phrase', "'^(\\S+) '", 1) }}) in ('a', 'an', 'the')
        or {{ regex_contains('phrase', "'^\\S+[’'']s |^\\p{Ll}'") }}
        or {{ regex_contains('phrase', bare_number_regex()) }} as opens_description
    from {{ ref('int_quote_window_phrases') }}
    where {{ in_changed_stories() }}

),

-- the names the story mentions as a person or an organisation
name_mentions as (

    select distinct
        story_id,
        surface
    from {{ ref('int_mentions_extracted') }}
    where {{ in_changed_stories() }} and entity_type in ('person', 'organization')

),

-- the words of each phrase that may be a name: capitalised, or a name particle (`bin`, `al-`)
name_words as (

    select
        listed.quote_key,
        listed.side,
        listed.seg,
        count(*) as n_words,
        bool_and(
            {{ regex_contains('listed.word', "'^\\p{Lu}|^\\p{Ll}+-\\p{Lu}'") }}
            or particles.term is not null
            or (listed.word_no = 1 and listed.word = 'the')
        ) as all_name_words
    from (
        select
            quote_key,
            side,
            seg,
            {{ explode_columns('word_list', 'word', 'word_no') }}
        from (
            select
                quote_key,
                side,
                seg,
                {{ regex_matches('phrase', "'\\S+'") }} as word_list
            from phrases
        ) as split
    ) as listed
    left join {{ ref('stg_lexicons__name_context_words') }} as particles
        on listed.word = particles.term and particles.role = 'connector'
    group by listed.quote_key, listed.side, listed.seg

),

names as (

    select
        phrases.quote_key,
        phrases.side,
        phrases.seg,
        phrases.phrase,
        phrases.phrase_start,
        phrases.story_id,
        phrases.breaks
    from phrases
    inner join name_words
        on
            phrases.quote_key = name_words.quote_key
            and phrases.side = name_words.side
            and phrases.seg = name_words.seg
    left join name_mentions
        on phrases.story_id = name_mentions.story_id and phrases.phrase = name_mentions.surface
    left join {{ ref('stg_lexicons__name_common_words') }} as common_words
        on lower({{ regex_extract('phrase', "'^(?:the )?(\\S+)'", 1) }}) = common_words.match_key
    where
        name_words.all_name_words
        and (
            name_words.n_words between 2 and 5
            or (name_words.n_words = 1 and phrases.opens_window and name_mentions.surface is not null)
        )
        and {{ regex_contains('phrases.phrase', "'^(?:the )?\\p{Lu}'") }}
        and not {{ regex_contains('phrases.phrase', "'[’'']s$'") }}
        and common_words.match_key is null

),

-- for each subject, the nearest name before it with only noun phrases in between
chains as (

    select
        subjects.quote_key,
        subjects.subject_kind,
        subjects.side,
        subject_phrase.seg as subject_seg,
        subject_phrase.phrase as subject,
        subject_phrase.phrase_start as subject_start,
        subject_phrase.breaks as subject_breaks,
        max(names.seg) as name_seg
    from subjects
    inner join phrases as subject_phrase
        on
            subjects.quote_key = subject_phrase.quote_key
            and subjects.side = subject_phrase.side
            and subjects.subject_start = subject_phrase.phrase_start
    inner join names
        on
            subjects.quote_key = names.quote_key
            and subjects.side = names.side
            and names.seg between subject_phrase.seg - 3 and subject_phrase.seg - 1
    group by all

),

final as (

    select
        chains.quote_key,
        chains.subject_kind,
        names.story_id,
        names.phrase as described_name,
        names.phrase_start as described_name_start,
        chains.subject as description,
        chains.subject_start as description_start
    from chains
    inner join names
        on
            chains.quote_key = names.quote_key
            and chains.side = names.side
            and chains.name_seg = names.seg
    inner join phrases as described
        on
            chains.quote_key = described.quote_key
            and chains.side = described.side
            and chains.name_seg + 1 = described.seg
    where
        -- every segment from the name to the subject is a noun phrase
        names.breaks = chains.subject_breaks
        and case
            when chains.subject_kind = 'before'
                then lower({{ regex_extract('chains.subject', "'^(\\S+) '", 1) }}) in {{ indefinite_articles() }}
            else described.opens_description
        end

)

select * from final
