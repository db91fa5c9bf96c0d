{#- The window of the counted noun phrase of each candidate figure: the words after the number (and
    its unit) up to a break, at most seven positions on. A leading `of` or determiner belongs to
    the phrase; a participle or finite verb ends the phrase a reader would name (`two sides
    agreed`, and past the first word an irregular past of seed figure_past_verbs: `nine carriages
    came off`), though a counted noun may still follow a participle (`32 released soldiers`). A date
    word ends it too (a weekday, a month, a time of day, with `late`/`early` before it: `14
    counties late Friday`), and so does a number word (`4.1 percent four years ago`), and the counted word holds a letter (`two points behind second-placed`
    never counts `-`). -#}

-- depends_on: {{ ref('int_stories_changed') }}

with

candidates as (

    select * from {{ ref('int_figure_units_matched') }}
    where {{ in_changed_stories() }}

),

tokens as (

    select
        sentence_key,
        pos,
        lw,
        is_word,
        is_capitalised,
        tag,
        glued_prev,
        glued_next
    from {{ ref('int_figure_tokens_typed') }}
    where {{ in_changed_stories() }}

),

context_words as (

    select
        role,
        lower(term) as word
    from {{ ref('stg_lexicons__figure_context_words') }}
    where role in ('phrase_break', 'determiner', 'day_part', 'date_lead')

),

verbs as (

    select distinct match_key
    from {{ ref('stg_lexicons__figure_actions') }}

),

past_verbs as (

    select word
    from {{ ref('figure_past_verbs') }}

),

{# Time words (`year`, `week`) only: a narrow side to join the token after each phrase word to,
   instead of the whole token table. #}
time_tokens as (

    select distinct
        tokens.sentence_key,
        tokens.pos
    from tokens
    inner join {{ ref('stg_lexicons__counted_classes') }} as time_terms
        on tokens.lw = time_terms.match_key and time_terms.dimension = 'time'

),

{# Weekdays, months (a month that is a common word only capitalised: `May`, not `may`) and times
   of day, and `late`/`early` right before one: they date the sentence, they are no counted noun. #}
date_words as (

    select
        tokens.sentence_key,
        tokens.pos
    from tokens
    left join {{ ref('stg_lexicons__weekday_names') }} as weekdays on tokens.lw = weekdays.match_key
    left join {{ ref('stg_lexicons__month_names') }} as months on tokens.lw = months.match_key
    left join context_words as day_parts on tokens.lw = day_parts.word and day_parts.role = 'day_part'
    where
        weekdays.match_key is not null
        or (months.match_key is not null and (not months.is_common_word or tokens.is_capitalised))
        or day_parts.word is not null

),

date_tokens as (

    select
        sentence_key,
        pos
    from date_words

    union

    select
        tokens.sentence_key,
        tokens.pos
    from tokens
    inner join context_words as leads on tokens.lw = leads.word and leads.role = 'date_lead'
    inner join date_words on tokens.sentence_key = date_words.sentence_key and tokens.pos + 1 = date_words.pos

),

{# The tokens of a calibre or gauge between a number and its noun (`two 9mm handguns`, `three
   .40-caliber pistols`, `two 12-gauge shotguns`): words of the phrase, so the noun after them is
   what is counted, not nothing (an elliptical count would take the sentence's last noun). #}
calibre_tokens as (

    -- the self-joins read only digits and full stops glued to the next token, not every token
    select
        glued.sentence_key,
        glued.pos
    from (
        select * from tokens
        where tag = 'D' or (lw = '.' and glued_next)
    ) as glued
    left join tokens as two_on
        on glued.sentence_key = two_on.sentence_key and glued.pos + 2 = two_on.pos
    left join tokens as three_on
        on glued.sentence_key = three_on.sentence_key and glued.pos + 3 = three_on.pos
    where
        (glued.tag = 'D' and {{ regex_contains('glued.lw', "'^[0-9]+(\\.[0-9]+)?mm$'") }})
        or (glued.tag = 'D' and glued.glued_next and two_on.lw in ('caliber', 'calibre', 'gauge', 'mm'))
        or (glued.lw = '.' and glued.glued_next and three_on.lw in ('caliber', 'calibre'))

),

window_tokens as (

    select
        candidates.sentence_key,
        candidates.run_no,
        candidates.phrase_from,
        tokens_after.pos,
        tokens_after.lw,
        (
            tokens_after.lw = 'of'
            and tokens_after.pos = candidates.phrase_from
            and candidates.first_alone is distinct from 'with_noun'
        )
        or (
            determiners.word is not null and tokens_after.pos <= candidates.phrase_from + 1
            {#- `this year`, `next week`: a date after the figure, which ends its phrase #}
            and not (breaks.word is not null and next_time.pos is not null)
        ) as is_lead,
        (
            (
                tokens_after.is_word and breaks.word is null and tokens_after.lw != 'of' and determiners.word is null
            )
            or (tokens_after.tag = 'H' and tokens_after.glued_prev and tokens_after.glued_next)
            or calibres.pos is not null
        )
        and date_tokens.pos is null
        -- a number word right after the figure starts a figure of its own, never the counted noun's
        -- phrase (`4.1 percent four years ago` counts no years; `one-dollar coins` is one word
        -- glued; `six of the nine dead` is a part of a group counted)
        and not (
            tokens_after.tag = 'W' and not tokens_after.glued_next and tokens_after.pos = candidates.phrase_from
        ) as is_content,
        {{ regex_contains('tokens_after.lw', "'\\pL'") }} as has_letter,
        {{ regex_contains('tokens_after.lw', "'(ed|ing)$'") }} or verbs.match_key is not null
        -- `two lay preachers`, `300 ground troops`: first, such a word qualifies the noun after it
        or (past_verbs.word is not null and tokens_after.pos > candidates.phrase_from) as is_verbish,
        -- `38 aggravated assaults`, `12 armed men`: first, a participle of no counted action
        -- qualifies the plural after it (`14 arrested overnight`, `two sides agreed` stay verbs)
        tokens_after.pos = candidates.phrase_from and verbs.match_key is null
        and {{ regex_contains('tokens_after.lw', "'ed$'") }} as is_first_participle
    from candidates
    inner join tokens as tokens_after
        on
            candidates.sentence_key = tokens_after.sentence_key
            and tokens_after.pos between candidates.phrase_from and candidates.phrase_from + 6
    left join context_words as breaks on tokens_after.lw = breaks.word and breaks.role = 'phrase_break'
    left join context_words as determiners on tokens_after.lw = determiners.word and determiners.role = 'determiner'
    left join verbs on tokens_after.lw = verbs.match_key
    left join past_verbs on tokens_after.lw = past_verbs.word
    left join calibre_tokens as calibres
        on tokens_after.sentence_key = calibres.sentence_key and tokens_after.pos = calibres.pos
    left join time_tokens as next_time
        on tokens_after.sentence_key = next_time.sentence_key and next_time.pos = tokens_after.pos + 1
    left join date_tokens
        on tokens_after.sentence_key = date_tokens.sentence_key and tokens_after.pos = date_tokens.pos

),

-- the participle that opens a phrase and the plain plural right after it (`aggravated assaults`)
qualifying_participles as (

    select
        participles.sentence_key,
        participles.run_no,
        participles.pos
    from window_tokens as participles
    inner join window_tokens as plurals
        on
            participles.sentence_key = plurals.sentence_key
            and participles.run_no = plurals.run_no
            and participles.pos + 1 = plurals.pos
    where
        participles.is_first_participle and participles.is_content
        and plurals.is_content and not plurals.is_verbish
        and {{ regex_contains('plurals.lw', "'\\pL[^s]s$'") }}

),

window_stops as (

    select
        window_tokens.sentence_key,
        window_tokens.run_no,
        coalesce(
            min(case when not window_tokens.is_lead and not window_tokens.is_content then window_tokens.pos end),
            max(window_tokens.phrase_from) + 7
        ) as stop_pos,
        min(
            case
                when
                    not window_tokens.is_lead
                    and not (window_tokens.is_content and not window_tokens.is_verbish)
                    and qualifying_participles.pos is null
                    then window_tokens.pos
            end
        ) as plain_stop_pos
    from window_tokens
    left join qualifying_participles
        on
            window_tokens.sentence_key = qualifying_participles.sentence_key
            and window_tokens.run_no = qualifying_participles.run_no
            and window_tokens.pos = qualifying_participles.pos
    group by window_tokens.sentence_key, window_tokens.run_no

),

phrase_windows as (

    select
        window_tokens.sentence_key,
        window_tokens.run_no,
        window_stops.stop_pos,
        min(
            case
                when window_tokens.lw != 'of' or window_tokens.pos > window_tokens.phrase_from then window_tokens.pos
            end
        ) as phrase_start_pos,
        max(
            case
                when window_tokens.is_content and not window_tokens.is_verbish and window_tokens.has_letter
                    and window_tokens.pos < coalesce(window_stops.plain_stop_pos, window_stops.stop_pos)
                    then window_tokens.pos
            end
        ) as plain_head_pos
    from window_tokens
    inner join window_stops
        on window_tokens.sentence_key = window_stops.sentence_key and window_tokens.run_no = window_stops.run_no
    where window_tokens.pos < window_stops.stop_pos
    group by window_tokens.sentence_key, window_tokens.run_no, window_stops.stop_pos

),

with_window as (

    select
        candidates.*,
        phrase_windows.phrase_start_pos,
        phrase_windows.plain_head_pos,
        coalesce(phrase_windows.stop_pos, candidates.phrase_from) as stop_pos
    from candidates
    left join phrase_windows
        on candidates.sentence_key = phrase_windows.sentence_key and candidates.run_no = phrase_windows.run_no

)

select * from with_window  -- noqa: AM04
