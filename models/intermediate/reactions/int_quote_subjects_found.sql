{#- For every quote, the candidate speakers its attribution windows offer, one row per quote:
      - before the quote: the subject of the last finite cue that has a noun-phrase subject
        (participles such as `calling`, and cues after `and`, share the subject of the main
        verb, but a participle in an absolute construction has its own: `with Boswell stating:`;
        a passive subject did not speak), a pronoun subject, the object of `according to` or of a
        cue that opens its sentence (`Says Anna Berg, an analyst:`);
      - the nearest noun phrase of the sentence before its first cue that is not a clause (`Both
        sides, in a joint statement, agreed`), with the phrase before it as an apposition
        (`Peru's deputy minister, Luis Carrasco, said`);
      - after the quote: what int_quote_after_subjects_found reads there (the first clause, a
        name in apposition, a later cue with its own subject).
    int_quote_speakers_chosen chooses among them. -#}

-- depends_on: {{ ref('int_stories_changed') }}

{# the nearest whole noun phrase first, then the nearest cut short by a preposition #}
{% set subject_rank = "phrases.seg + case when phrases.is_cut and not phrases.has_document_noun then 0 else 1000 end" %}

with

quotes as (

    select
        story_id,
        {{ stable_key('quote_id') }} as quote_key
    from {{ ref('int_quotes_found') }}
    where {{ in_changed_stories() }}

),

cue_tokens as (

    -- a participle after `quoted X as` has X for subject there
    select * from {{ ref('int_quote_quoted_objects_found') }}
    where {{ in_changed_stories() }}

),

phrases as (

    select * from {{ ref('int_quote_window_phrases') }}
    where {{ in_changed_stories() }} and side = 'before' and phrase_words between 1 and 10

),

after_cues as (

    select * from {{ ref('int_quote_after_subjects_found') }}
    where {{ in_changed_stories() }}

),

function_words as (

    select * from {{ ref('stg_lexicons__reaction_function_words') }}

),

before_side as (

    select
        *,
        (cue_form = 'finite' or (cue_form = 'participle' and (subject_is_absolute or is_quoted_object)))
        and subject_words between 1 and 10
        and not subject_is_passive as has_subject,
        coalesce(subject_is_pronoun, false) as is_pronoun,
        -- `According to the UN,`, and a cue that opens its sentence before the one who speaks
        -- (`Says Anna Berg, an analyst at Kestrel Bank:`, `Replied spokesman Tom Hale,`)
        (
            cue_form = 'preposition'
            or (cue_form = 'finite' and coalesce(subject_words, 0) = 0 and {{ regex_contains('cue', "'^\\p{Lu}'") }})
        )
        and object_words between 1 and {{ max_object_words() }} as is_preposition,
        {{ regex_contains('subject', "'\\p{Lu}'") }} as is_named_subject,
        tok_no = 1 and {{ regex_contains('cue', "'^\\p{Lu}'") }} and coalesce(subject_words, 0) = 0 as opens_sentence
    from cue_tokens

),

-- a pronoun ending a phrase of lower-case words opens a relative clause of its own (`Delaney
-- accused Park ..., a charge she has called "absurd"`): no cue before it speaks the quote
relative_cues as (

    select
        quote_key,
        max(tok_no) as relative_no
    from before_side
    where has_subject and subject_is_relative
    group by quote_key

),

-- a finite cue with no subject in its segment, its subject before a clause set off by commas
-- (`Sen. Tom Garrity, who introduced Harker, said`)
bare_cues as (

    select
        quote_key,
        max(tok_no) as bare_no
    from before_side
    where
        cue_form = 'finite' and coalesce(subject_words, 0) = 0
        and not opens_sentence and not is_preposition
    group by quote_key

),

-- The cue whose subject speaks: the last with a noun-phrase subject, unless that subject names
-- no one and an earlier one does: in `Cooper said her party has supported the idea "for
-- months"` the quote is Cooper's, `supported` is inside what she said. An unnamed subject after
-- a cue without one is inside what was said too (`Garrity, who ..., said the crowd showed`): no
-- cue's subject speaks, the sentence's subject does.
speaking_cues as (

    select
        before_side.quote_key,
        max(before_side.tok_no) as speaking_no,
        -- an earlier cue with a named subject, when the last one's subject names no one
        case
            when not {{ arg_max_by('before_side.is_named_subject', 'before_side.tok_no') }}
                then max(before_side.tok_no) filter (where before_side.is_named_subject)
        end as named_no,
        coalesce(
            not {{ arg_max_by('before_side.is_named_subject', 'before_side.tok_no') }}
            and not bool_or(before_side.is_named_subject)
            and any_value(bare_cues.bare_no) < max(before_side.tok_no),
            false
        ) as is_embedded,
        any_value(bare_cues.bare_no) as bare_no
    from before_side
    left join relative_cues on before_side.quote_key = relative_cues.quote_key
    left join bare_cues on before_side.quote_key = bare_cues.quote_key
    where
        before_side.has_subject and not before_side.is_pronoun
        and before_side.tok_no > coalesce(relative_cues.relative_no, -1)
    group by before_side.quote_key

),

before_cues as (

    select
        before_side.quote_key,
        -- an earlier cue that speaks for a later one (named_no, or the bare cue a later one is
        -- embedded in) is the cue; else the last cue, with a subject or not (`praised the deal,
        -- calling it`)
        coalesce(
            max(before_side.cue_end) filter (where before_side.tok_no = speaking_cues.named_no),
            max(before_side.cue_end) filter (
                where speaking_cues.is_embedded and before_side.tok_no = speaking_cues.bare_no
            ),
            {{ arg_max_by('before_side.cue_end', 'before_side.tok_no') }}
        ) as last_cue_end,
        -- a cue that opens the sentence before a later one introduces its speaker (`Asked about
        -- the vote, her chief of staff, Tomas Brandt, said:`): the subject is looked for between
        -- them, after the opener's own complement
        min(before_side.tok_no) filter (where not before_side.opens_sentence) as first_cue_no,
        max(before_side.seg) filter (where before_side.opens_sentence) as opener_seg,
        coalesce(
            max(before_side.cue) filter (where before_side.tok_no = speaking_cues.named_no),
            max(before_side.cue) filter (
                where speaking_cues.is_embedded and before_side.tok_no = speaking_cues.bare_no
            ),
            {{ arg_max_by('before_side.cue', 'before_side.tok_no') }}
        ) as last_cue,
        {{ arg_max_by('before_side.cue_stance', 'before_side.tok_no') }} filter (
            where before_side.cue_stance != 'neutral'
        ) as cue_stance,
        max(before_side.subject) filter (
            where
            before_side.tok_no = coalesce(speaking_cues.named_no, speaking_cues.speaking_no)
            and not speaking_cues.is_embedded
        ) as subject,
        max(before_side.subject_start) filter (
            where
            before_side.tok_no = coalesce(speaking_cues.named_no, speaking_cues.speaking_no)
            and not speaking_cues.is_embedded
        ) as subject_start,
        bool_or(before_side.has_subject and before_side.is_pronoun) as has_pronoun,
        {{ arg_max_by('lower(before_side.subject)', 'before_side.tok_no') }} filter (
            where before_side.has_subject and before_side.is_pronoun
        ) as pronoun,
        -- `According to the UN, “...”`
        {{ arg_max_by('before_side.object_phrase', 'before_side.tok_no') }} filter (
            where before_side.is_preposition
        ) as preposition_object,
        {{ arg_max_by('before_side.object_start', 'before_side.tok_no') }} filter (
            where before_side.is_preposition
        ) as preposition_object_start,
        {{ arg_max_by('before_side.object_end', 'before_side.tok_no') }} filter (
            where before_side.is_preposition
        ) as preposition_object_end,
        {{ arg_max_by('before_side.cue_start', 'before_side.tok_no') }} filter (
            where before_side.is_preposition
        ) as preposition_cue_start
    from before_side
    left join speaking_cues
        on before_side.quote_key = speaking_cues.quote_key
    group by before_side.quote_key

),

sentence_subjects as (

    select
        nearest.quote_key,
        nearest.subject,
        nearest.subject_start,
        apposition.phrase as apposition,
        apposition.phrase_start as apposition_start
    from (
        select
            phrases.quote_key,
            {{ arg_max_by('phrases.seg', subject_rank) }} as subject_seg,
            {{ arg_max_by('phrases.phrase', subject_rank) }} as subject,
            {{ arg_max_by('phrases.phrase_start', subject_rank) }} as subject_start
        from phrases
        inner join before_cues
            on phrases.quote_key = before_cues.quote_key
        left join function_words
            on lower(phrases.phrase) = function_words.match_key
        where
            phrases.phrase_first < before_cues.first_cue_no
            and phrases.seg > coalesce(before_cues.opener_seg + 1, -1)
            and function_words.match_key is null
            and not {{ regex_contains('phrases.phrase', bare_number_regex()) }}
            -- a clause is no subject, unless a document in it speaks (`follows a joint statement ...,
            -- affirming`); a noun phrase before a preposition is, where no other is (`A senior
            -- official at the Treasury, speaking on condition of anonymity, said:`), not a
            -- participle's (`speaking`)
            and (
                not phrases.is_cut
                or phrases.has_document_noun
                or (
                    phrases.cut_word in {{ subject_prepositions() }}
                    and not {{ regex_contains('phrases.phrase', "'^\\p{Ll}[\\p{Ll}-]*ing$'") }}
                )
            )
            -- nor is a relative clause's predicate (`X, who led the opposition, called it`)
            and not coalesce(phrases.opens_relative, false)
        group by phrases.quote_key
    ) as nearest
    left join phrases as apposition
        on
            nearest.quote_key = apposition.quote_key
            and apposition.seg = nearest.subject_seg - 1

),

final as (

    select
        quotes.quote_key,
        quotes.story_id,
        before_cues.last_cue as before_cue,
        before_cues.last_cue_end as before_cue_end,
        before_cues.cue_stance as before_stance,
        before_cues.subject as before_subject,
        before_cues.subject_start as before_subject_start,
        before_cues.has_pronoun as before_has_pronoun,
        before_cues.pronoun as before_pronoun,
        before_cues.preposition_object,
        before_cues.preposition_object_start,
        before_cues.preposition_object_end,
        before_cues.preposition_cue_start,
        sentence_subjects.subject as sentence_subject,
        sentence_subjects.subject_start as sentence_subject_start,
        sentence_subjects.apposition as sentence_apposition,
        sentence_subjects.apposition_start as sentence_apposition_start,
        after_cues.cue as after_cue,
        after_cues.cue_stance as after_stance,
        after_cues.speaker_phrase as after_speaker_phrase,
        after_cues.speaker_start as after_speaker_start,
        after_cues.apposition as after_apposition,
        after_cues.apposition_start as after_apposition_start,
        after_cues.attribution_start as after_attribution_start,
        after_cues.attribution_end as after_attribution_end,
        after_cues.is_pronoun as after_is_pronoun,
        after_cues.pronoun as after_pronoun
    from quotes
    left join before_cues
        on quotes.quote_key = before_cues.quote_key
    left join sentence_subjects
        on quotes.quote_key = sentence_subjects.quote_key
    left join after_cues
        on quotes.quote_key = after_cues.quote_key

)

select * from final
