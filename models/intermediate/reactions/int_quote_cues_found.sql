{#- Every cue verb of the attribution windows (seed cue_verbs) with the phrases around it: its
    subject (the noun phrase of its own segment, or the pronoun that opens it when a lower-case
    word follows: `She went on to add that`, or ends a phrase of lower-case words: `a charge she
    has called`, or ends a segment an adverbial opens: `At the trial he had said`), the phrase after it (an object, `according to
    X`, `said Miller`), the one after that (a name in apposition) and the one before it. -#}

-- depends_on: {{ ref('int_stories_changed') }}

with

tokens as (

    select * from {{ ref('int_quote_window_tokens') }}
    where {{ in_changed_stories() }} and is_cue

),

phrases as (

    select
        *,
        coalesce({{ regex_contains('phrase', bare_number_regex()) }}, false) as is_number
    from {{ ref('int_quote_window_phrases') }}
    where {{ in_changed_stories() }}

),

function_words as (

    select * from {{ ref('stg_lexicons__reaction_function_words') }}

),

quotes as (

    select
        {{ stable_key('quote_id') }} as quote_key,
        before_text
    from {{ ref('int_quotes_found') }}
    where {{ in_changed_stories() }}

),

-- a pronoun right before a cue (an auxiliary or adverb between) in a segment that an adverbial
-- opens with a stop word, so that no noun phrase is read there (`At the trial he had said`,
-- `Last week she told`): the pronoun is the subject. A segment that opens with a noun phrase
-- (`a charge she has called`) is a relative clause instead (trail_pronouns below).
opener_pronouns as (

    select
        opened.quote_key,
        opened.seg,
        {{ regex_extract('opened.segment_text', opener_pronoun_regex(), 2) }} as pronoun,
        opened.segment_start + length(opened.segment_text)
        - length({{ regex_extract('opened.segment_text', opener_pronoun_regex(), 3) }})
        - length({{ regex_extract('opened.segment_text', opener_pronoun_regex(), 2) }}) as pronoun_start
    from (
        select
            tokens.quote_key,
            tokens.seg,
            phrases.segment_start,
            substr(quotes.before_text, phrases.segment_start + 1, tokens.word_pos - phrases.segment_start)
                as segment_text
        from tokens
        inner join phrases
            on
                tokens.quote_key = phrases.quote_key
                and tokens.side = phrases.side
                and tokens.seg = phrases.seg
        inner join quotes
            on tokens.quote_key = quotes.quote_key
        where tokens.side = 'before' and phrases.phrase_words = 0 and tokens.word_pos > phrases.segment_start
    ) as opened
    inner join function_words
        on
            lower({{ regex_extract('opened.segment_text', opener_pronoun_regex(), 1) }}) = function_words.match_key
            and function_words.role = 'phrase_end'

),

-- phrases that open with a pronoun followed by a lower-case word, its verb (`She went`)
lead_pronouns as (

    select
        led.quote_key,
        led.side,
        led.seg,
        led.lead,
        function_words.match_key as word
    from (
        select
            quote_key,
            side,
            seg,
            {{ regex_extract('phrase', leading_word_regex(), 1) }} as lead
        from phrases
    ) as led
    inner join function_words
        on lower(led.lead) = function_words.match_key and function_words.role = 'pronoun'

),

-- phrases of lower-case words that end in a pronoun, the subject of a relative clause without
-- `that` (`a charge she` of `a charge she has called "absurd"`): the pronoun is the subject
trail_pronouns as (

    select
        trailed.quote_key,
        trailed.side,
        trailed.seg,
        trailed.trail,
        trailed.phrase_start + length(trailed.phrase) - length(trailed.trail) as trail_start
    from (
        select
            quote_key,
            side,
            seg,
            phrase,
            phrase_start,
            {{ regex_extract('phrase', last_word_regex(), 1) }} as trail
        from phrases
        where phrase_words > 1 and {{ regex_contains('phrase', lower_case_word_regex()) }}
    ) as trailed
    -- a person's pronoun; a lower-case `i` ends a name (`the i reporting`), `it` and `you` no speaker
    where trailed.trail in ('he', 'she', 'they', 'we')

),

final as (

    select
        tokens.quote_key,
        tokens.story_id,
        tokens.side,
        tokens.tok_no,
        tokens.seg,
        tokens.cue_stance,
        tokens.cue_form,
        tokens.word_pos as cue_start,
        object_segment.phrase as object_phrase,
        object_segment.phrase_words as object_words,
        object_segment.phrase_start as object_start,
        object_segment.phrase_end as object_end,
        apposition.phrase as apposition,
        apposition.phrase_words as apposition_words,
        apposition.phrase_start as apposition_start,
        previous_segment.phrase as previous_phrase,
        previous_segment.phrase_words as previous_words,
        previous_segment.phrase_start as previous_start,
        case
            when not subject.is_number
                then coalesce(trail_pronouns.trail_start, opener_pronouns.pronoun_start, subject.phrase_start)
        end as subject_start,
        -- a pronoun that opens a phrase running on into its verb is the subject (`She went on to
        -- add`), as is one that ends a phrase of lower-case words (`a charge she has called`); a
        -- number alone is none (`since 2017, told`)
        case
            when lead_pronouns.word is not null then lead_pronouns.lead
            when trail_pronouns.trail is not null then trail_pronouns.trail
            when opener_pronouns.pronoun is not null then opener_pronouns.pronoun
            when not subject.is_number then subject.phrase
        end as subject,
        case
            when
                lead_pronouns.word is not null
                or trail_pronouns.trail is not null
                or opener_pronouns.pronoun is not null
                then 1
            when subject.is_number then 0
            else subject.phrase_words
        end as subject_words,
        trim(tokens.tok) as cue,
        tokens.char_pos + length(tokens.tok) as cue_end,
        coalesce(subject.ends_passive, false) as subject_is_passive,
        -- `with Boswell stating:`: the participle's own subject
        coalesce(subject.opens_absolute, false) as subject_is_absolute,
        case
            when
                lead_pronouns.word is not null
                or trail_pronouns.trail is not null
                or opener_pronouns.pronoun is not null
                then true
            else function_words.role = 'pronoun'
        end as subject_is_pronoun,
        trail_pronouns.trail is not null as subject_is_relative
    from tokens
    left join phrases as subject
        on
            tokens.quote_key = subject.quote_key
            and tokens.side = subject.side
            and tokens.seg = subject.seg
    left join phrases as object_segment
        on
            tokens.quote_key = object_segment.quote_key
            and tokens.side = object_segment.side
            and tokens.seg + 1 = object_segment.seg
    left join phrases as apposition
        on
            tokens.quote_key = apposition.quote_key
            and tokens.side = apposition.side
            and tokens.seg + 2 = apposition.seg
    left join phrases as previous_segment
        on
            tokens.quote_key = previous_segment.quote_key
            and tokens.side = previous_segment.side
            and tokens.seg - 1 = previous_segment.seg
    left join function_words
        on lower(subject.phrase) = function_words.match_key
    left join lead_pronouns
        on
            tokens.quote_key = lead_pronouns.quote_key
            and tokens.side = lead_pronouns.side
            and tokens.seg = lead_pronouns.seg
    left join trail_pronouns
        on
            tokens.quote_key = trail_pronouns.quote_key
            and tokens.side = trail_pronouns.side
            and tokens.seg = trail_pronouns.seg
    left join opener_pronouns
        on
            tokens.quote_key = opener_pronouns.quote_key
            and tokens.side = 'before'
            and tokens.seg = opener_pronouns.seg

)

select * from final
