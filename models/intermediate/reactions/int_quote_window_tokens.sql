{#- The tokens of every quote's attribution windows (int_quotes_found.before_text / after_text, the
    rest of the quote's sentence with other quotes masked), tagged and cut into segments.

    A divider ends a segment: punctuation (, ; : — and brackets, not around a party tag such as
    `(D-N.Y.)`, which ends the name before it), a masked quote, a clause word
    (`that`, `while`, `who`: seed reaction_function_words) and every cue verb (seed cue_verbs).
    Cue verbs are lower case, except as the window's first word (`According to`): `Post` or
    `Read` in a name is no cue. A stop word (`on Thursday`, `also`, an -ly adverb) ends the noun
    phrase of its segment, as a lower-case -ed word between a speaker noun of seed speaker_nouns
    and a preposition does (`an official involved in the talks`: a participle), except an adverb of the seed that opens the segment (`Then Ilse
    Marten replied:`), which belongs to no phrase, as a lower-case coordinator that opens a
    segment (`and called`) does not either. An `absolute` word (`with`) that opens a segment opens an absolute construction
    instead of ending a phrase: in `with Boswell stating:` the phrase is `Boswell`, and the
    segment is marked (opens_absolute) so that its participle cue may take it as subject. -#}

-- depends_on: {{ ref('int_stories_changed') }}

with

quotes as (

    select
        quote_id,
        story_id,
        before_text,
        after_text,
        -- an integer key: partitions on it are cheaper than on the text id
        {{ stable_key('quote_id') }} as quote_key
    from {{ ref('int_quotes_found') }}
    where {{ in_changed_stories() }}

),

cue_verbs as (

    select * from {{ ref('stg_lexicons__cue_verbs') }}

),

function_words as (

    select * from {{ ref('stg_lexicons__reaction_function_words') }}

),

speaker_nouns as (

    select * from {{ ref('stg_lexicons__speaker_nouns') }}

),

window_tokens as (

    select
        quote_key,
        story_id,
        side,
        {{ explode_columns('token_list', 'tok', 'tok_no') }}
    from (
        select
            quote_key,
            story_id,
            'before' as side,
            {{ regex_matches("before_text", window_token_regex()) }} as token_list
        from quotes
        union all
        select
            quote_key,
            story_id,
            'after' as side,
            {{ regex_matches("after_text", window_token_regex()) }} as token_list
        from quotes
    ) as listed

),

tagged as (

    select
        window_tokens.quote_key,
        window_tokens.story_id,
        window_tokens.side,
        window_tokens.tok,
        window_tokens.tok_no,
        {{ regex_contains("window_tokens.tok", "'^\\s*[\\pL\\pN]'") }} as is_word,
        {{ regex_contains("window_tokens.tok", party_tag_regex()) }} as is_party_tag,
        cue_verbs.term is not null as is_cue,
        cue_verbs.stance as cue_stance,
        cue_verbs.form as cue_form,
        -- a capitalised modal inside a sentence is a name (`May told`, `Will Jones said`); tested
        -- here, not in the join's ON, where a condition on the tokens alone makes DuckDB loop
        case
            when
                function_words.role != 'phrase_end'
                or trim(window_tokens.tok) = lower(trim(window_tokens.tok))
                or (window_tokens.side = 'before' and window_tokens.tok_no = 1)
                then function_words.role
        end as word_role,
        coalesce(speaker_nouns.role = 'document', false) as is_document_noun,
        speaker_nouns.term is not null as is_speaker_noun
    from window_tokens
    left join cue_verbs
        on
            case
                when window_tokens.side = 'before' and window_tokens.tok_no = 1 then lower(trim(window_tokens.tok))
                else trim(window_tokens.tok)
            end = cue_verbs.term
    left join function_words on lower(trim(window_tokens.tok)) = function_words.match_key
    left join speaker_nouns
        on lower(trim(window_tokens.tok)) = speaker_nouns.term

),

flagged as (

    select
        *,
        is_cue
        or coalesce(word_role = 'clause_boundary', false)
        or (not is_word and not is_party_tag and {{ regex_contains("tok", "'[,;:§—–()\\[\\]]|^\\s+-+$'") }})
            as is_divider,
        -- a party tag ends the name before it, in the name's own segment
        is_party_tag
        or (
            is_word
            and not is_cue
            and (
                coalesce(word_role in ('phrase_end', 'adverb', 'absolute'), false)
                or {{ regex_contains("tok", "'^\\s*[a-z]+ly$'") }}
            )
        ) as is_stop
    from tagged

),

segmented as (

    -- segment number and character offset of each token in its window, in one window pass
    select
        *,
        cast(coalesce(
            sum(case when is_divider then 1 else 0 end) over (
                partition by quote_key, side order by tok_no
                rows between unbounded preceding and 1 preceding
            ),
            0
        ) as bigint) as seg,
        cast(coalesce(
            sum(length(tok)) over (
                partition by quote_key, side order by tok_no
                rows between unbounded preceding and 1 preceding
            ),
            0
        ) as bigint) as char_pos,
        -- a participle between a speaker noun and a preposition ends its phrase (`one senior
        -- administration official involved in managing the crisis`); not a verb with an object
        -- (`Interfax news agency quoted First Deputy Foreign Minister Igor Ivanov as saying`)
        coalesce(lag(is_speaker_noun) over (partition by quote_key, side order by tok_no), false)
        and coalesce(lead(word_role) over (partition by quote_key, side order by tok_no) = 'phrase_end', false)
        and is_word and not is_cue and {{ regex_contains("tok", "'^\\s*[a-z]+ed$'") }} as is_participle
    from flagged

),

opened as (

    select
        *,
        -- an absolute `with` as the segment's first word
        coalesce(word_role = 'absolute', false) and tok_no = first_word as is_opener,
        coalesce(word_role = 'adverb', false) and tok_no = first_word as is_lead_adverb
    from (
        select
            *,
            min(case when is_word and not is_divider then tok_no end) over (partition by quote_key, side, seg)
                as first_word
        from segmented
    ) as firsts

),

stopped as (

    select
        *,
        char_pos + length(tok) - length(ltrim(tok)) as word_pos,
        bool_or(is_opener) over (partition by quote_key, side, seg) as opens_absolute,
        min(case when (is_stop or is_participle) and not is_opener and not is_lead_adverb then tok_no end) over (
            partition by quote_key, side, seg
        ) as first_stop,
        min(
            case
                when
                    is_word and not is_divider and not is_opener and not is_lead_adverb
                    and coalesce(word_role != 'coordinator', true)
                    then tok_no
            end
        ) over (partition by quote_key, side, seg) as first_content
    from opened

),

final as (

    select
        *,
        not is_divider
        and tok_no < coalesce(first_stop, 1000000)
        and tok_no >= coalesce(first_content, 1000000) as in_phrase
    from stopped

)

select * from final
