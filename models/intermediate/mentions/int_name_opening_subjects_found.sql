
{#- The lone words opening a sentence that the sentence shows to be a person, one row per word
    of a story: a comma, a participle's phrase, a person's relative clause, an age or an
    apposition, a comma and a verb of speech (opening_subject_re: `Halvorsen, speaking to
    reporters at the Capitol, blamed`), or a plain speech verb right after it, past a time
    (opening_subject_direct_re: `Buza last April said`). A lone unknown word opening a sentence
    is otherwise dropped (int_mentions_runs), though the quote rules take it as the speaker.
    Not a word for what people belong to (`Democrats, ...`: seed name_people_words); after a
    phrase only a finite cue verb (seed cue_verbs) or a speech verb (name_context_words)
    counts, not any verb (`Shares, battered by the news, fell`), and right after the word only
    a speech verb (not `Tarvo supported`). int_mentions_runs makes the word a person wherever
    its story writes it alone and no rule types it (`Halvorsen later met his caucus`). -#}

-- depends_on: {{ ref('int_stories_changed') }}

with

-- the few runs that can be one: a lone word, first in its sentence, before a comma or a space
candidate_runs as (

    select
        sentence_id,
        story_id,
        surface,
        char_end
    from {{ ref('int_name_runs') }}
    where
        {{ in_changed_stories() }}
        and first_word_no = 1 and n_words = 1 and n_lexicon_words = 0
        and rule_type is null and not is_upper and not is_heading
        and (next_gap like ',%' or next_gap = ' ')

),

sentences as (

    select
        sentence_id,
        char_start,
        sentence_text
    from {{ ref('int_sentences') }}
    where {{ in_changed_stories() }}

),

speech_verbs as (

    select
        term as verb,
        false as is_plain
    from {{ ref('stg_lexicons__cue_verbs') }}
    where form = 'finite'

    union

    select
        term as verb,
        true as is_plain
    from {{ ref('stg_lexicons__name_context_words') }}
    where role = 'speech_verb'

),

people_words as (

    select word from {{ ref('name_people_words') }}

),

verbed as (

    select
        *,
        {{ regex_extract('text_after', sql_regex(opening_subject_re()), 1) }} as verb,
        {{ regex_extract('text_after', sql_regex(opening_subject_direct_re()), 1) }} as direct_verb
    from (
        select
            candidate_runs.*,
            substr(sentences.sentence_text, candidate_runs.char_end - sentences.char_start + 1) as text_after
        from candidate_runs
        inner join sentences on candidate_runs.sentence_id = sentences.sentence_id
    ) as located

),

final as (

    select distinct
        verbed.story_id,
        verbed.surface
    from verbed
    inner join speech_verbs
        on verbed.verb = speech_verbs.verb or (verbed.direct_verb = speech_verbs.verb and speech_verbs.is_plain)
    left join people_words on verbed.surface = people_words.word
    where people_words.word is null

)

select * from final
