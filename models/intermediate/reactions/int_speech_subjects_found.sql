{#- Who speaks in reported speech, from the shared tokens: for each body sentence, the noun phrase
    from its first word to its first finite cue verb, cut at the first clause word or clause
    punctuation (`A 45-year-old foreman who escaped the fire said ...` -> `A 45-year-old foreman`; `The
    authors say ...`). A pronoun speaker after it (`"...," he said`, `They call for "..."`) takes
    it when no person is named in between (int_quote_speakers_chosen), so a speaker named by a noun
    phrase is not lost to an earlier named one. Pronoun subjects, and phrases that open with a
    pronoun (`She went on to add that`) or a pronoun right before the cue (`The summit, she said,
    would`), are left out: they are what needs an antecedent. -#}

-- depends_on: {{ ref('int_stories_changed') }}

with

tokens as (

    select
        sentence_key,
        story_id,
        token_no,
        token,
        token_key,
        token_kind,
        is_capitalised,
        char_start,
        char_end
    from {{ ref('int_tokens') }}
    where {{ in_changed_stories() }} and not is_heading

),

sentences as (

    select
        sentence_id,
        sentence_key,
        article_id,
        sentence_index,
        char_start as sentence_start,
        sentence_text
    from {{ ref('int_sentences') }}
    where {{ in_changed_stories() }}

),

quotes as (

    select sentence_id
    from {{ ref('int_quotes_found') }}
    where {{ in_changed_stories() }}

),

-- only the two sentences before a sentence with a quote can lend a pronoun its speaker
candidate_sentences as (

    select distinct earlier.sentence_key
    from sentences
    inner join quotes
        on sentences.sentence_id = quotes.sentence_id
    inner join sentences as earlier
        on
            sentences.article_id = earlier.article_id
            and earlier.sentence_index in (sentences.sentence_index - 1, sentences.sentence_index - 2)

),

cue_verbs as (

    select * from {{ ref('cue_verbs') }}
    where form = 'finite'

),

function_words as (

    select * from {{ ref('reaction_function_words') }}

),

adverbials as (

    select word from {{ ref('reaction_function_words') }}
    where role in ('phrase_end', 'adverb')

),

speaker_nouns as (

    select * from {{ ref('speaker_nouns') }}

),

-- a cue in lower case: `Post` or `Call` in a name is no cue
first_cues as (

    select
        tokens.sentence_key,
        min(tokens.token_no) as cue_no
    from tokens
    inner join candidate_sentences
        on tokens.sentence_key = candidate_sentences.sentence_key
    inner join cue_verbs
        on tokens.token_key = cue_verbs.cue
    where not tokens.is_capitalised and tokens.token_no > 1
    group by tokens.sentence_key

),

subject_tokens as (

    select
        tokens.*,
        function_words.role as word_role,
        -- punctuation that parts clauses, not a word's own (`45-year-old`, `Dr.`, `O’Neill`, `AT&T`)
        min(
            case
                when
                    (tokens.token_kind = 'punct' and tokens.token not in ('-', '‑', '.', '''', '’', '&', '/'))
                    or function_words.role = 'clause_boundary'
                    -- an adverb after the subject (`Wilkins also said`)
                    or (
                        tokens.token_no > 1 and not tokens.is_capitalised
                        and (function_words.role = 'adverb' or tokens.token_key like '%ly')
                    )
                    then tokens.token_no
            end
        ) over (partition by tokens.sentence_key) as cut_no,
        max(case when tokens.token = ',' then tokens.token_no end) over (partition by tokens.sentence_key)
            as last_comma_no,
        -- a sentence that opens with an adverbial, a preposition or a participle (`Asked to comment
        -- on Castro's announcement, a spokesman said`, `In a statement, the ministry said`): the
        -- subject follows its last comma
        {{ arg_min_by('tokens.token_key', 'tokens.token_no') }} over (partition by tokens.sentence_key)
            as first_key,
        bool_or(tokens.token_no = 2 and tokens.is_capitalised) over (partition by tokens.sentence_key)
            as second_is_capitalised,
        -- a pronoun right before the cue speaks (`The summit, she said, would`): no subject here
        coalesce(
            {{ arg_max_by("coalesce(function_words.role, '')", 'tokens.token_no') }}
                over (partition by tokens.sentence_key)
            = 'pronoun',
            false
        ) as cue_after_pronoun
    from tokens
    inner join first_cues
        on
            tokens.sentence_key = first_cues.sentence_key
            and tokens.token_no < first_cues.cue_no
    left join function_words
        on tokens.token_key = function_words.word

),

subjects as (

    select
        sentence_key,
        any_value(story_id) as story_id,
        min(char_start) as subject_start,
        max(char_end) as subject_end,
        {{ arg_max_by('token_key', 'token_no') }} as head_key,
        {{ arg_max_by('token_kind', 'token_no') }} as head_kind,
        -- a sentence that opens with a quote's closing mark (`" Marlow told`) holds reported speech no more
        {{ arg_min_by('token_kind', 'token_no') }} as first_kind,
        count(*) filter (where token_kind = 'word') as subject_words,
        bool_and(coalesce(word_role in ('pronoun', 'determiner'), false)) as is_function_words,
        -- `She went on to add that`: a pronoun subject, whatever follows it before the cue
        {{ arg_min_by("coalesce(word_role, '')", 'token_no') }} = 'pronoun' as opens_with_pronoun,
        bool_or(cue_after_pronoun) as cue_after_pronoun
    from (
        select
            subject_tokens.*,
            subject_tokens.last_comma_no is not null
            and (
                subject_tokens.first_key in (select adverbials.word from adverbials)
                -- a participle, not a name's first word (`United Nations officials`)
                or (
                    {{ regex_contains('subject_tokens.first_key', "'^[a-z]+(ed|ing)$'") }}
                    and not subject_tokens.second_is_capitalised
                )
            ) as after_opener
        from subject_tokens
    ) as placed
    where
        (after_opener and token_no > last_comma_no)
        or (not after_opener and token_no < coalesce(cut_no, token_no + 1))
    group by sentence_key

),

final as (

    select
        sentences.sentence_id,
        sentences.article_id,
        subjects.story_id,
        sentences.sentence_index,
        subjects.subject_start,
        subjects.subject_end,
        subjects.head_key,
        speaker_nouns.role as head_role,
        substr(
            sentences.sentence_text,
            subjects.subject_start - sentences.sentence_start + 1,
            subjects.subject_end - subjects.subject_start
        ) as subject,
        -- `authors`, `officials`; not `press` or `witness`
        subjects.head_key like '%s' and subjects.head_key not like '%ss' as is_plural
    from subjects
    inner join sentences
        on subjects.sentence_key = sentences.sentence_key
    left join speaker_nouns
        on subjects.head_key = speaker_nouns.noun
    where
        subjects.head_kind = 'word'
        and subjects.first_kind = 'word'
        and subjects.subject_words between 1 and 8
        and not subjects.is_function_words
        and not subjects.opens_with_pronoun
        and not subjects.cue_after_pronoun

)

select * from final
