{#- The speaker named at the end of a sentence that goes on after its quote. In `"I am talking
    about three days" more or less, Castro told students`, `"Our company has not been able to
    cope with" changes in the market, said Ryo Ito` and `The bugs will cause problems in "rare
    circumstances" such as word-processing, said Michael Slater` the text after the closing mark
    opens with a lower-case word: the quote is part of a longer sentence, and its attribution is
    the clause after the sentence's last comma, `X said`, `said X` or `he added`, not the first
    clause after the quote (int_quote_subjects_found's reading finds none, or takes
    `word-processing` for a noun phrase a name stands in apposition to).

    A quote continues its sentence when the text after its closing mark opens with a lower-case
    word, and either int_quote_subjects_found names no speaker after it or the quote closes with no
    punctuation of its own (no `,"`, `?"`, `!"`: a direct quote before its attribution always has
    one). For such a quote the speaker is the first finite cue after it whose subject (`Castro
    told`, `he added`) or, with no subject, whose object (`said Ryo Ito`) comes right after a
    comma; with none, the quote has no speaker after it (`several "themed" areas similar to those
    found at parks`: `areas` found nothing). One row per such quote, the after_* columns of
    int_quote_subjects_found; int_quote_subjects_resolved puts them in place of those. -#}

-- depends_on: {{ ref('int_stories_changed') }}

with

quotes as (

    select
        story_id,
        quote,
        after_text,
        after_start - char_end as close_len,
        {{ stable_key('quote_id') }} as quote_key
    from {{ ref('int_quotes_found') }}
    where {{ in_changed_stories() }} and {{ regex_contains('after_text', continuing_text_regex()) }}

),

subjects as (

    select
        quote_key,
        after_speaker_phrase
    from {{ ref('int_quote_subjects_found') }}
    where {{ in_changed_stories() }}

),

cues as (

    select * from {{ ref('int_quote_cues_found') }}
    where {{ in_changed_stories() }} and side = 'after' and cue_form = 'finite'

),

continued as (

    select
        quotes.quote_key,
        quotes.story_id,
        quotes.after_text
    from quotes
    inner join subjects
        on quotes.quote_key = subjects.quote_key
    where
        subjects.after_speaker_phrase is null
        -- only the closing mark between the quote's last word and the text after it (a quote
        -- that ends in a mark of its own, `,'` of a `''` pair, is punctuated)
        or (quotes.close_len = 1 and right(quotes.quote, 1) not in ('.', '?', '!', ',', '''', '’'))

),

-- finite cues after such a quote whose subject, or (with none) whose object, follows a comma
attributions as (

    select
        continued.quote_key,
        cues.tok_no,
        cues.cue,
        cues.cue_stance,
        case
            when cues.subject_words between 1 and 10 then cues.subject else cues.object_phrase
        end as speaker_phrase,
        case
            when cues.subject_words between 1 and 10 then cues.subject_start else cues.object_start
        end as speaker_start,
        case
            when coalesce(cues.subject_words, 0) = 0 and cues.apposition_words between 1 and 10 then cues.apposition
        end as apposition,
        case
            when coalesce(cues.subject_words, 0) = 0 and cues.apposition_words between 1 and 10
                then cues.apposition_start
        end as apposition_start,
        case
            when cues.subject_words between 1 and 10 then cues.subject_start else cues.cue_start
        end as attribution_start,
        case when cues.subject_words between 1 and 10 then cues.cue_end else cues.object_end end as attribution_end,
        coalesce(cues.subject_is_pronoun, false) as is_pronoun,
        case when cues.subject_is_pronoun then lower(cues.subject) end as pronoun
    from continued
    inner join cues
        on continued.quote_key = cues.quote_key
    where
        (
            (
                cues.subject_words between 1 and 10
                and {{ regex_contains('left(continued.after_text, cues.subject_start)', clause_comma_end_regex()) }}
            )
            or (
                coalesce(cues.subject_words, 0) = 0
                and cues.object_words between 1 and {{ max_object_words() }}
                and {{ regex_contains('left(continued.after_text, cues.cue_start)', clause_comma_end_regex()) }}
            )
        )

),

firsts as (

    select
        quote_key,
        {{ arg_min_by('cue', 'tok_no') }} as after_cue,
        {{ arg_min_by('cue_stance', 'tok_no') }} as after_stance,
        {{ arg_min_by('speaker_phrase', 'tok_no') }} as after_speaker_phrase,
        {{ arg_min_by('speaker_start', 'tok_no') }} as after_speaker_start,
        {{ arg_min_by('apposition', 'tok_no') }} as after_apposition,
        {{ arg_min_by('apposition_start', 'tok_no') }} as after_apposition_start,
        {{ arg_min_by('attribution_start', 'tok_no') }} as after_attribution_start,
        {{ arg_min_by('attribution_end', 'tok_no') }} as after_attribution_end,
        {{ arg_min_by('is_pronoun', 'tok_no') }} as after_is_pronoun,
        {{ arg_min_by('pronoun', 'tok_no') }} as after_pronoun
    from attributions
    group by quote_key

),

final as (

    select
        continued.quote_key,
        continued.story_id,
        firsts.after_cue,
        firsts.after_stance,
        firsts.after_speaker_phrase,
        firsts.after_speaker_start,
        firsts.after_apposition,
        firsts.after_apposition_start,
        firsts.after_attribution_start,
        firsts.after_attribution_end,
        firsts.after_is_pronoun,
        firsts.after_pronoun
    from continued
    left join firsts
        on continued.quote_key = firsts.quote_key

)

select * from final
