{#- The subject a coordinated or participle cue shares with the clause before it: in `Dow Jones
    discloses the forecasts but says it views the rate "as a hoped-for goal"`, `Mr. Baker declined
    to use the word, but said that "..."` and `Mr. Edelman declined to specify what prompted the
    moves, saying "..."` the cue before the quote has no subject of its own, and the speaker is
    the subject of the earlier clause, not the nearest noun phrase. A cue shares it when it
    follows a coordinator (`but`, `yet`, `and`) or is a participle, and has no subject in its own
    segment (or only one that ends in `and`: `Bush met Mitterrand and said`). The shared subject
    is the name (one to four capitalised words, the first no common word, the last no
    possessive) or the pronoun that opens the nearest earlier segment that opens with a noun
    phrase, when a lower-case word follows it there: its verb, not a function word, a name
    particle or a title or body noun of seed speaker_nouns, which the name only modifies. A name
    after its title noun (speaker_nouns, role title) is taken with it (`White House spokeswoman
    Dana Reese declined to comment but said`: the person with her role and body). With no
    name, a noun phrase kept as written: a determiner, up to two words and a title or body noun
    of speaker_nouns, followed by a lower-case word (`The company declined to name the buyers but
    said`: `The company`; not `The deal collapsed ... but said`). A
    pronoun is kept as the speaker phrase, so the quote continues the last named speaker. One
    row per quote, with subject_kind as int_quotes_attributed's attribution_basis that takes it;
    none where int_quote_described_names_found already names that subject. -#}

-- depends_on: {{ ref('int_stories_changed') }}

with

subjects as (

    select * from {{ ref('int_quote_subjects_found') }}
    where {{ in_changed_stories() }}

),

described_names as (

    select
        quote_key,
        subject_kind
    from {{ ref('int_quote_described_names_found') }}
    where {{ in_changed_stories() }}

),

phrases as (

    select * from {{ ref('int_quote_window_phrases') }}
    where {{ in_changed_stories() }} and side = 'before'

),

function_words as (

    select * from {{ ref('stg_lexicons__reaction_function_words') }}

),

-- the last cue before each quote, and the word before it
last_cues as (

    select
        cues.quote_key,
        cues.seg,
        cues.cue_form,
        cues.subject,
        coalesce(cues.subject_words, 0) as subject_words,
        lower(trim(previous_token.tok)) as previous_word
    from (
        select
            *,
            row_number() over (partition by quote_key order by tok_no desc) as recency
        from {{ ref('int_quote_cues_found') }}
        where {{ in_changed_stories() }} and side = 'before'
    ) as cues
    left join {{ ref('int_quote_window_tokens') }} as previous_token
        on
            cues.quote_key = previous_token.quote_key
            and previous_token.side = 'before'
            and cues.tok_no - 1 = previous_token.tok_no
    where cues.recency = 1

),

-- which attribution the shared subject replaces: the nearest noun phrase of the sentence when
-- the cue has no subject, the cue's own subject when it ends in `and`
shared as (

    select
        last_cues.quote_key,
        last_cues.seg as cue_seg,
        case
            when last_cues.subject_words = 0 then 'sentence_subject'
            else 'before'
        end as subject_kind
    from last_cues
    inner join subjects
        on last_cues.quote_key = subjects.quote_key
    where
        last_cues.cue_form in ('finite', 'participle')
        and (
            (
                last_cues.subject_words = 0
                and (
                    last_cues.cue_form = 'participle'
                    or last_cues.previous_word in ('but', 'yet', 'and')
                )
            )
            or (
                last_cues.subject = subjects.before_subject
                and {{ regex_contains('last_cues.subject', "'^\\S+ .* and$'") }}
            )
        )

),

-- segments that open with a noun phrase (a capitalised word that is no common word, a determiner
-- or a pronoun), and the name or pronoun that opens them when a lower-case word, its verb, follows
clause_subjects as (

    select
        opened.*,
        common_words.match_key is null or coalesce(function_words.role in ('determiner', 'pronoun'), false)
            as opens_noun_phrase,
        -- `The company declined ...` opens a noun phrase but no name; a name is followed by its
        -- verb, lower case (`Dow Jones discloses`), or cut short by an auxiliary (`Smith has`),
        -- not by a function word or a name particle (`National Enforcement and ...`, `Osama bin`)
        (common_words.match_key is null or coalesce(function_words.role = 'pronoun', false))
        and (
            (
                {{ regex_contains('opened.next_word', lower_case_word_regex()) }}
                and next_words.term is null
                and particles.term is null
                and next_nouns.term is null
            )
            or (opened.next_word = '' and opened.is_cut)
        ) as opens_name,
        -- a name after its title, followed by its verb (`White House spokeswoman Dana Reese
        -- declined ..., but said`, `Press secretary Tim Lord declined ...`): the whole, which
        -- int_speaker_phrases_read reads as the person with a role
        title_nouns.term is not null
        and {{ regex_contains('opened.titled_next', lower_case_word_regex()) }}
        and titled_next_words.term is null as opens_titled_name,
        -- a pronoun in lower case after an opening phrase (`In an interview, he declined ...,
        -- but said`), followed by its verb
        function_words.role = 'pronoun' and {{ regex_contains('opened.word_2', lower_case_word_regex()) }}
            as opens_pronoun,
        -- `The company declined ...`, `The river agency declined ...`: a determiner, up to two
        -- words and a title or body noun of seed speaker_nouns, then the verb: the noun phrase
        -- as written
        case
            -- or the whole segment, set off by a comma before a clause (`The senator, who faces
            -- re-election, refused ... but said`)
            when
                function_words.role = 'determiner' and head_2.term is not null and head_3.term is null
                and ({{ regex_contains('opened.word_3', lower_case_word_regex()) }} or opened.word_3 = '')
                then {{ regex_extract('opened.phrase', first_words_regex(2), 1) }}
            when
                function_words.role = 'determiner' and head_3.term is not null and head_4.term is null
                and {{ regex_contains('opened.word_4', lower_case_word_regex()) }}
                then {{ regex_extract('opened.phrase', first_words_regex(3), 1) }}
            when
                function_words.role = 'determiner' and head_4.term is not null
                and {{ regex_contains('opened.word_5', lower_case_word_regex()) }}
                then {{ regex_extract('opened.phrase', first_words_regex(4), 1) }}
        end as noun_phrase
    from (
        select
            quote_key,
            seg,
            story_id,
            phrase,
            phrase_start,
            {{ regex_extract('phrase', nth_word_regex(1), 1) }} as first_word,
            {{ regex_extract('phrase', nth_word_regex(2), 1) }} as word_2,
            {{ regex_extract('phrase', nth_word_regex(3), 1) }} as word_3,
            {{ regex_extract('phrase', nth_word_regex(4), 1) }} as word_4,
            {{ regex_extract('phrase', nth_word_regex(5), 1) }} as word_5,
            is_cut,
            {{ regex_extract('phrase', opening_name_regex(), 1) }} as opening_name,
            {{ regex_extract('phrase', opening_name_regex(), 2) }} as next_word,
            {{ regex_extract('phrase', opening_titled_name_regex(), 1) }} as titled_name,
            {{ regex_extract('phrase', opening_titled_name_regex(), 2) }} as title_noun,
            {{ regex_extract('phrase', opening_titled_name_regex(), 3) }} as titled_next
        from phrases
    ) as opened
    left join {{ ref('stg_lexicons__name_common_words') }} as common_words
        on lower(opened.first_word) = common_words.match_key
    left join function_words
        on lower(opened.first_word) = function_words.match_key
    left join function_words as next_words
        on opened.next_word = next_words.term
    left join {{ ref('stg_lexicons__name_context_words') }} as particles
        on opened.next_word = particles.term and particles.role = 'connector'
    -- a name before a title or body noun modifies it (`Prudential-Bache Securities Inc. analyst
    -- George E. Thompson downplayed`): the clause's subject is longer than the name, the titled
    -- name after it (opens_titled_name)
    left join {{ ref('stg_lexicons__speaker_nouns') }} as next_nouns
        on opened.next_word = next_nouns.term
    left join {{ ref('stg_lexicons__speaker_nouns') }} as title_nouns
        on opened.title_noun = title_nouns.term and title_nouns.role = 'title'
    left join function_words as titled_next_words
        on opened.titled_next = titled_next_words.term
    left join {{ ref('stg_lexicons__speaker_nouns') }} as head_2
        on lower(opened.word_2) = head_2.term
    left join {{ ref('stg_lexicons__speaker_nouns') }} as head_3
        on lower(opened.word_3) = head_3.term
    left join {{ ref('stg_lexicons__speaker_nouns') }} as head_4
        on lower(opened.word_4) = head_4.term
    where {{ regex_contains('opened.first_word', "'^\\p{Lu}'") }} or function_words.role in ('determiner', 'pronoun')

),

-- the nearest such segment up to the cue: the subject of the clause the cue is coordinated with
candidates as (

    select
        shared.quote_key,
        shared.subject_kind,
        clause_subjects.story_id,
        clause_subjects.phrase_start as described_name_start,
        case
            when clause_subjects.opens_name then clause_subjects.opening_name
            when clause_subjects.opens_titled_name then clause_subjects.titled_name
            when clause_subjects.opens_pronoun then clause_subjects.first_word
            else coalesce(clause_subjects.noun_phrase, '')
        end as described_name,
        row_number() over (
            partition by shared.quote_key order by clause_subjects.seg desc
        ) as nearness
    from shared
    inner join clause_subjects
        on
            shared.quote_key = clause_subjects.quote_key
            and shared.cue_seg >= clause_subjects.seg
    where clause_subjects.opens_noun_phrase

),

final as (

    select
        candidates.quote_key,
        candidates.subject_kind,
        candidates.story_id,
        candidates.described_name,
        candidates.described_name_start,
        cast(null as varchar) as description,
        cast(null as bigint) as description_start
    from candidates
    left join described_names
        on
            candidates.quote_key = described_names.quote_key
            and candidates.subject_kind = described_names.subject_kind
    where
        candidates.nearness = 1
        and candidates.described_name != ''
        and not {{ regex_contains('candidates.described_name', "'[’'']s$'") }}
        and described_names.quote_key is null

)

select * from final
