{#- Which attribution each quote of int_quotes_found takes, from the candidates of
    int_quote_subjects_found, and the speaker phrase as written:
      - a quote inside a sentence takes the subject of the last finite cue before it; else the
        object of `according to`; else a pronoun subject; else the nearest noun phrase of the
        sentence with its apposition;
      - otherwise (a quote that opens its sentence, or none of the above) the first clause after
        it: `the statement said`, `said Miller`, `according to X`, or a pronoun subject;
      - `he`/`she` takes the last two-word name, no title, function word or known entity, written
        since the last quote (at most 600 characters back: `Ali, a shopkeeper, lost his home.
        “We have nothing,” he said.`); other pronouns continue the last speaker;
      - a sentence that is all quote (three words or more) continues the last speaker;
      - anything else (a scare quote, a title) is not attributed and is left out. -#}

-- depends_on: {{ ref('int_stories_changed') }}

with

quotes as (

    select
        *,
        {{ stable_key('quote_id') }} as quote_key,
        lag(char_end) over (partition by article_id order by char_start) as previous_quote_end
    from {{ ref('int_quotes_found') }}
    where {{ in_changed_stories() }}

),

subjects as (

    select * from {{ ref('int_quote_subjects_found') }}
    where {{ in_changed_stories() }}

),

articles as (

    select
        article_id,
        body_start,
        substr(raw_text, body_start + 1, body_end - body_start) as body
    from {{ ref('stg_news__articles') }}
    where is_current and {{ in_changed_stories() }}

),

function_words as (

    select * from {{ ref('reaction_function_words') }}

),

speaker_nouns as (

    select * from {{ ref('speaker_nouns') }}

),

aliases as (

    {{ reaction_aliases() }}

),

attributed as (

    select
        quotes.*,
        subjects.before_stance,
        subjects.after_stance,
        case
            when not quotes.starts_sentence and subjects.before_subject is not null then 'before'
            when not quotes.starts_sentence and subjects.preposition_object is not null then 'before_preposition'
            when not quotes.starts_sentence and subjects.before_has_pronoun then 'before_pronoun'
            when not quotes.starts_sentence and subjects.sentence_subject is not null then 'sentence_subject'
            when subjects.after_speaker_phrase is not null and not subjects.after_is_pronoun then 'after'
            when subjects.after_is_pronoun then 'after_pronoun'
            -- a sentence that is all quote continues the last speaker
            when
                quotes.starts_sentence
                and quotes.word_count >= 3
                and not {{ regex_contains("quotes.after_text", "'\\pL'") }}
                then 'inherited'
        end as attribution_basis,
        case
            when not quotes.starts_sentence and subjects.before_has_pronoun then subjects.before_pronoun
            else subjects.after_pronoun
        end as pronoun
    from quotes
    inner join subjects
        on quotes.quote_key = subjects.quote_key

),

pronoun_windows as (

    -- the text since the last quote, at most 600 characters
    select
        attributed.quote_key,
        {{ regex_matches(
            "substr(articles.body, window_start - articles.body_start + 1, attributed.char_start - window_start)",
            capital_run_regex()
        ) }} as run_list
    from (
        select
            *,
            greatest(coalesce(previous_quote_end, 0), char_start - 600) as window_start
        from attributed
        where attribution_basis in ('before_pronoun', 'after_pronoun') and pronoun in ('he', 'she')
    ) as attributed
    inner join articles
        on attributed.article_id = articles.article_id

),

pronoun_candidates as (

    select
        quote_key,
        run_no,
        {{ regex_extract("run", "'(\\S+ \\S+)$'", 1) }} as full_name,
        lower({{ regex_extract("run", "'(\\S+) \\S+$'", 1) }}) as given_key,
        lower({{ regex_extract("run", "'(\\S+)$'", 1) }}) as surname_key
    from (
        select
            quote_key,
            {{ explode_columns('run_list', 'run', 'run_no') }}
        from pronoun_windows
    ) as runs
    where run like '% %'

),

pronoun_antecedents as (

    select
        pronoun_candidates.quote_key,
        {{ arg_max_by('pronoun_candidates.full_name', 'pronoun_candidates.run_no') }} as antecedent
    from pronoun_candidates
    left join speaker_nouns
        on pronoun_candidates.given_key = speaker_nouns.noun
    left join function_words
        on pronoun_candidates.given_key = function_words.word
    left join aliases as given_alias
        on pronoun_candidates.given_key = given_alias.alias_key
    left join aliases as surname_alias
        on pronoun_candidates.surname_key = surname_alias.alias_key
    where
        speaker_nouns.noun is null
        and function_words.word is null
        and given_alias.alias_key is null
        and surname_alias.alias_key is null
    group by pronoun_candidates.quote_key

),

resolved as (

    select
        attributed.*,
        case attributed.attribution_basis
            when 'before' then subjects.before_subject
            when 'sentence_subject' then subjects.sentence_subject
            when 'before_preposition' then {{ regex_replace("subjects.preposition_object", "'^to '", "''") }}
            when 'after' then {{ regex_replace("subjects.after_speaker_phrase", "'^to '", "''") }}
            when 'before_pronoun' then pronoun_antecedents.antecedent
            when 'after_pronoun' then pronoun_antecedents.antecedent
        end as speaker_phrase,
        case attributed.attribution_basis
            when 'sentence_subject' then subjects.sentence_apposition
            when 'after' then subjects.after_apposition
        end as apposition,
        -- raw_text offsets of the phrases as written (before `to ` is cut), for their mentions
        case attributed.attribution_basis
            when 'before' then attributed.before_start + subjects.before_subject_start
            when 'sentence_subject' then attributed.before_start + subjects.sentence_subject_start
            when 'before_preposition' then attributed.before_start + subjects.preposition_object_start
            when 'after' then attributed.after_start + subjects.after_speaker_start
        end as written_start,
        case attributed.attribution_basis
            when 'before' then subjects.before_subject
            when 'sentence_subject' then subjects.sentence_subject
            when 'before_preposition' then subjects.preposition_object
            when 'after' then subjects.after_speaker_phrase
        end as written_phrase,
        case attributed.attribution_basis
            when 'sentence_subject' then attributed.before_start + subjects.sentence_apposition_start
            when 'after' then attributed.after_start + subjects.after_apposition_start
        end as apposition_start,
        case
            when attributed.attribution_basis in ('before', 'before_pronoun', 'sentence_subject', 'before_preposition')
                then subjects.before_cue
            when attributed.attribution_basis in ('after', 'after_pronoun') then subjects.after_cue
        end as cue,
        case
            when attributed.attribution_basis in ('before', 'sentence_subject', 'before_preposition') then 'before'
            when attributed.attribution_basis = 'after' then 'after'
        end as attribution_side,
        case attributed.attribution_basis
            when 'before' then subjects.before_subject_start
            when 'sentence_subject' then subjects.sentence_subject_start
            when 'before_preposition' then subjects.preposition_cue_start
            when 'after' then subjects.after_attribution_start
        end as attribution_start,
        case attributed.attribution_basis
            when 'before' then subjects.before_cue_end
            when 'sentence_subject' then subjects.before_cue_end
            when 'before_preposition' then subjects.preposition_object_end
            when 'after' then subjects.after_attribution_end
        end as attribution_end
    from attributed
    inner join subjects
        on attributed.quote_key = subjects.quote_key
    left join pronoun_antecedents
        on attributed.quote_key = pronoun_antecedents.quote_key
    where attributed.attribution_basis is not null

),

final as (

    select
        quote_id,
        article_id,
        story_id,
        sentence_id,
        paragraph_index,
        quote_index,
        char_start,
        char_end,
        quote,
        open_mark,
        is_closed,
        starts_paragraph,
        starts_sentence,
        word_count,
        before_text,
        after_text,
        before_start,
        after_start,
        quote_key,
        previous_quote_end,
        before_stance,
        after_stance,
        attribution_basis,
        pronoun,
        speaker_phrase,
        apposition,
        written_start,
        written_phrase,
        apposition_start,
        cue,
        attribution_side,
        attribution_start,
        attribution_end,
        cast(written_start + length(written_phrase) - length(speaker_phrase) as integer) as speaker_start,
        cast(written_start + length(written_phrase) as integer) as speaker_end,
        cast(apposition_start + length(apposition) as integer) as apposition_end,
        -- other quotes in the attribution show as `“…”`
        case
            when attribution_start is not null and attribution_end > attribution_start
                then {{ regex_replace_all(
                    regex_replace(
                        "substr(case attribution_side when 'before' then before_text else after_text end, "
                        ~ "attribution_start + 1, attribution_end - attribution_start)",
                        "'[^\\pL\\pN]+$'", "''"
                    ),
                    "'§+'", "'“…”'"
                ) }}
        end as attribution
    from resolved

)

select * from final
