{#- The noun phrase of every segment of the attribution windows (int_quote_window_tokens): from its
    first content word to the word before its first stop word, trimmed of punctuation. A phrase
    cut short by an auxiliary or adverb (`The deal was reported by ...`) is a clause, and a
    segment that ends in a form of `be` is passive: its subject did not speak. -#}

-- depends_on: {{ ref('int_stories_changed') }}

with

tokens as (

    select * from {{ ref('int_quote_window_tokens') }}
    where {{ in_changed_stories() }}

),

quotes as (

    select
        story_id,
        before_text,
        after_text,
        {{ stable_key('quote_id') }} as quote_key
    from {{ ref('int_quotes_found') }}
    where {{ in_changed_stories() }}

),

phrase_spans as (

    select
        quote_key,
        side,
        seg,
        min(case when in_phrase then word_pos end) as phrase_start,
        max(case when in_phrase then char_pos + length(tok) end) as phrase_end,
        min(case when not is_divider then word_pos end) as segment_start,
        max(case when not is_divider then char_pos + length(tok) end) as segment_end,
        count(case when in_phrase and is_word then 1 end) as phrase_words,
        count(case when is_word and not is_divider then 1 end) > count(case when in_phrase and is_word then 1 end)
            as is_cut,
        bool_or(in_phrase and is_document_noun) as has_document_noun,
        bool_or(opens_absolute) as opens_absolute,
        min(case when in_phrase and is_word then tok_no end) as phrase_first,
        -- the word that cut the phrase short (`at` of `A senior official at the Treasury`)
        max(case when tok_no = first_stop then lower(trim(tok)) end) as cut_word,
        -- the divider that ends the segment, which opens the next one
        {{ arg_max_by('lower(trim(tok))', 'tok_no') }} as last_token
    from tokens
    group by quote_key, side, seg

),

windows as (

    select
        quote_key,
        story_id,
        'before' as side,
        before_text as window_text
    from quotes
    union all
    select
        quote_key,
        story_id,
        'after' as side,
        after_text as window_text
    from quotes

),

trimmed as (

    select
        phrase_spans.*,
        windows.story_id,
        windows.window_text,
        {{ regex_replace_all(
            "substr(windows.window_text, phrase_spans.phrase_start + 1, phrase_spans.phrase_end - phrase_spans.phrase_start)",
            "'^[^\\pL\\pN]+|[^\\pL\\pN.]+$'", "''"
        ) }} as trimmed_phrase
    from phrase_spans
    inner join windows
        on
            phrase_spans.quote_key = windows.quote_key
            and phrase_spans.side = windows.side

),

final as (

    select
        quote_key,
        side,
        seg,
        phrase_start,
        phrase_end,
        segment_start,
        segment_end,
        phrase_words,
        is_cut,
        cut_word,
        has_document_noun,
        opens_absolute,
        phrase_first,
        story_id,
        -- a segment after a relative pronoun, up to the comma that closes the clause, is a
        -- relative clause (`Ada Brenner, who chairs the committee, called`, `Marta Lind, who
        -- remembers the drought as a 12-year-old, said`): its phrases are the clause's, no subject
        coalesce(
            max(case when last_token in ('who', 'whom', 'which') then seg end) over preceding_segments
            > coalesce(max(case when last_token in (',', ';') then seg end) over preceding_segments, -1),
            false
        ) as opens_relative,
        -- a full stop ends the sentence, not the phrase, unless it ends an abbreviation (`J.`,
        -- `U.S.`, `Inc.`): `said a spokesman for the county police.`
        case
            when {{ regex_contains('trimmed_phrase', abbreviation_end_regex()) }} then trimmed_phrase
            else {{ trim_trailing('trimmed_phrase', "'.'") }}
        end as phrase,
        -- `was first reported by`: a passive cue's subject did not speak
        {{ regex_contains(
            "substr(window_text, segment_start + 1, segment_end - segment_start)",
            "'(?i)\\b(?:is|are|was|were|be|been|being)(?:\\s+[a-z]+)?\\s*$'"
        ) }} as ends_passive
    from trimmed
    window preceding_segments as (
        partition by quote_key, side order by seg rows between unbounded preceding and 1 preceding
    )

)

select * from final
