{#- Who speaks in reported speech, from the shared tokens: for each body sentence, the noun phrase
    from its first word to its first finite cue verb, cut at the first clause word or clause
    punctuation (`A 45-year-old foreman who escaped the fire said ...` -> `A 45-year-old foreman`; `The
    authors say ...`), and at its own verb when that comes first: an auxiliary (`Prosecutors had
    asked`), an irregular past (seed figure_past_verbs: `Pell's lawyers sought`) or a word in
    `-ed` right after a plural noun or a name (`The investors argued`, `Judge Maria Alvarez
    ordered`). The quote's own sentence is read too:
    its subject is what a `they` in it points to (`Pell's lawyers sought ..., citing what they
    called his "remorse."`), so a row whose cue follows `they` is kept and marked (cue_pronoun), as
    one ended by a verb of another clause than the cue's (verb_apart) is: only that `they` reads
    those.
    A pronoun speaker after it (`"...," he said`, `They call for "..."`) takes it when no person is
    named in between (int_quote_speakers_chosen), so a speaker named by a noun phrase is not lost
    to an earlier named one. Pronoun subjects, and phrases that open with a pronoun (`She went on
    to add that`) or a pronoun but `they` right before the cue (`The summit, she said, would`), are
    left out: they are what needs an antecedent. -#}

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

-- only a sentence with a quote and the two before it can lend a pronoun its speaker
candidate_sentences as (

    select
        earlier.sentence_key,
        bool_or(earlier.sentence_index = sentences.sentence_index) as has_quote
    from sentences
    inner join quotes
        on sentences.sentence_id = quotes.sentence_id
    inner join sentences as earlier
        on
            sentences.article_id = earlier.article_id
            and earlier.sentence_index between sentences.sentence_index - 2 and sentences.sentence_index
    group by earlier.sentence_key

),

past_verbs as (

    select word from {{ ref('figure_past_verbs') }}

),

cue_verbs as (

    select * from {{ ref('stg_lexicons__cue_verbs') }}
    where form in ('finite', 'participle')

),

function_words as (

    select * from {{ ref('stg_lexicons__reaction_function_words') }}

),

adverbials as (

    select match_key from {{ ref('stg_lexicons__reaction_function_words') }}
    where role in ('phrase_end', 'adverb')

),

speaker_nouns as (

    select * from {{ ref('stg_lexicons__speaker_nouns') }}

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
        on tokens.token_key = cue_verbs.match_key
    where
        not tokens.is_capitalised and tokens.token_no > 1
        -- a participle cue reports the speech of its main clause's subject in the quote's own
        -- sentence (`Two board members testified, saying they feared "..."`)
        and (cue_verbs.form = 'finite' or candidate_sentences.has_quote)
    group by tokens.sentence_key

),

-- the verb of the subject, before the cue: an auxiliary, an irregular past, or an `-ed` word right
-- after a plural noun or a name (not after `its` or `has`, function words)
verb_tokens as (

    select
        tokens.*,
        function_words.role as word_role,
        not tokens.is_capitalised and tokens.token_no > 1
        and (
            {{ regex_contains('tokens.token_key', auxiliary_word_regex()) }}
            or past_verbs.word is not null
            or (
                {{ regex_contains('tokens.token_key', "'^[a-z]+ed$'") }}
                and lag(function_words.role) over (partition by tokens.sentence_key order by tokens.token_no) is null
                -- before a preposition or a day it is a participle (`Customs notes released Monday say`,
                -- `residents affected by the fire said`)
                and coalesce(
                    lead(function_words.role) over (partition by tokens.sentence_key order by tokens.token_no)
                    not in ('phrase_end', 'connector'),
                    true
                )
                and coalesce(
                    {{ regex_contains(
                        'lag(tokens.token_key) over (partition by tokens.sentence_key order by tokens.token_no)',
                        "'^[a-z]+[^s]s$'"
                    ) }}
                    -- or a name past the sentence's first word (`Judge Maria Alvarez ordered`), not a
                    -- number opening it (`Two retired judges`)
                    or (tokens.token_no > 2 and lag(tokens.is_capitalised) over (
                        partition by tokens.sentence_key order by tokens.token_no
                    )),
                    false
                )
            )
        ) as is_verb
    from tokens
    inner join first_cues
        on
            tokens.sentence_key = first_cues.sentence_key
            and tokens.token_no < first_cues.cue_no
    left join function_words
        on tokens.token_key = function_words.match_key
    left join past_verbs
        on tokens.token_key = past_verbs.word

),

subject_tokens as (

    select
        *,
        -- punctuation that parts clauses, not a word's own (`45-year-old`, `Dr.`, `O’Neill`, `AT&T`)
        min(
            case
                when
                    (token_kind = 'punct' and token not in ('-', '‑', '.', '''', '’', '&', '/'))
                    or word_role = 'clause_boundary'
                    -- an adverb after the subject (`Wilkins also said`)
                    or (
                        token_no > 1 and not is_capitalised
                        and (word_role = 'adverb' or token_key like '%ly')
                    )
                    or is_verb
                    then token_no
            end
        ) over (partition by sentence_key) as cut_no,
        max(case when token = ',' then token_no end) over (partition by sentence_key)
            as last_comma_no,
        min(case when is_verb then token_no end) over (partition by sentence_key) as verb_no,
        -- a sentence that opens with an adverbial, a preposition or a participle (`Asked to comment
        -- on Castro's announcement, a spokesman said`, `In a statement, the ministry said`): the
        -- subject follows its last comma
        {{ arg_min_by('token_key', 'token_no') }} over (partition by sentence_key)
            as first_key,
        bool_or(token_no = 2 and is_capitalised) over (partition by sentence_key)
            as second_is_capitalised,
        -- a pronoun right before the cue speaks (`The summit, she said, would`): no subject here,
        -- but for the `they` of the quote's own sentence
        case
            when
                {{ arg_max_by("coalesce(word_role, '')", 'token_no') }} over (partition by sentence_key)
                = 'pronoun'
                then {{ arg_max_by('token_key', 'token_no') }} over (partition by sentence_key)
        end as cue_pronoun
    from verb_tokens

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
        any_value(cue_pronoun) as cue_pronoun,
        bool_or(not after_opener and verb_no = cut_no and not verb_joins_cue) as verb_apart
    from (
        select
            subject_tokens.*,
            subject_tokens.last_comma_no is not null
            and (
                subject_tokens.first_key in (select adverbials.match_key from adverbials)
                -- a participle, not a name's first word (`United Nations officials`)
                or (
                    {{ regex_contains('subject_tokens.first_key', "'^[a-z]+(ed|ing)$'") }}
                    and not subject_tokens.second_is_capitalised
                )
            ) as after_opener,
            -- a cue set off by a comma with a noun phrase of its own (`IBM has no plans to recall
            -- ..., the spokeswoman said`): what opens the sentence is no speaker
            bool_or(
                subject_tokens.token_no = subject_tokens.last_comma_no + 1
                and subject_tokens.token_key in ('the', 'a', 'an')
            ) over (partition by subject_tokens.sentence_key) as cue_has_own_subject,
            -- the verb that ends the subject heads the cue's own verb group (`had asked`, `would
            -- not say`), or another clause (`Pell's lawyers sought ..., citing`)
            bool_and(
                subject_tokens.token_no < subject_tokens.verb_no
                or subject_tokens.is_verb
                or coalesce(subject_tokens.word_role = 'adverb', false)
                or subject_tokens.token_key in ('not', 'n''t')
            ) over (partition by subject_tokens.sentence_key) as verb_joins_cue
        from subject_tokens
    ) as placed
    where
        (after_opener and token_no > last_comma_no)
        or (not after_opener and not cue_has_own_subject and token_no < coalesce(cut_no, token_no + 1))
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
        -- `authors`, `officials`, `fishermen`, `people`; not `press` or `witness`
        (subjects.head_key like '%s' and subjects.head_key not like '%ss')
        or {{ regex_contains('subjects.head_key', "'^(?:[a-z]*men|people|police|children)$'") }} as is_plural,
        subjects.cue_pronoun,
        subjects.verb_apart
    from subjects
    inner join sentences
        on subjects.sentence_key = sentences.sentence_key
    left join speaker_nouns
        on subjects.head_key = speaker_nouns.term
    where
        subjects.head_kind = 'word'
        and subjects.first_kind = 'word'
        and subjects.subject_words between 1 and 8
        and not subjects.is_function_words
        and not subjects.opens_with_pronoun
        and coalesce(subjects.cue_pronoun = 'they', true)

)

select * from final
