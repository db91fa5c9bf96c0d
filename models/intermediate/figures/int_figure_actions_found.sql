{#- The action of each read figure (seed figure_actions, via int_figure_terms_matched): one row
    per figure that has one.

    The action: the action word nearest to the figure in its sentence, first in the figure's own
    stretch between commas. At equal distance the word after the figure wins: a count before its
    verb is that verb's subject (`seven people died and 15 were injured`, `three have died and
    five are missing`); then the longest term (`shot dead` over `shot`, `power was cut` over `cut`).
    Distances before the figure are counted from its surface, modifier included (`killing at least
    nine people and injuring 27`: nine were killed). A coordinator opens another clause: a word
    after the figure behind `and`/`or`/`but` ranks after every other (`killed eight people,
    including three children, and injured 11`), and a word before the figure does not reach it
    across a coordinator followed by some other word (`injured 15 and left thousands without
    power`), though it does across one that leads straight to the figure or its determiner
    (`killed three men and two women`, `killed a man and his two sons`). A participle that opens a
    clause after the figure (`, killing`, `and injuring`) acts on what follows it, never on it.
    No word reaches a figure across a subordinator, which opens a clause of its own (`kills nine as
    cases top 400`, `fell to 58 percent, as clinics closed during budget cuts`), and a word before
    the figure does not reach it across `part of` (`trapping part of a shift of 112 workers`); a
    toll's word after it behind a coordinator and another figure is that figure's (`thousands of
    people protesting, and one man died`: the thousands did not die), where a result's verb is
    shared down a list (`came third with 14.2 percent and 11 seats, and Norland First won 9.8
    percent`). A one-word action that is no participle before a noun it modifies (seed
    figure_context_words role `action_modifies`: `rescue divers`, `arrest teams`; not `killed
    workers`) is none. -#}

-- depends_on: {{ ref('int_stories_changed') }}

with

read_figures as (

    select
        sentence_key,
        story_id,
        run_no,
        start_pos,
        end_pos,
        surface_start_pos,
        phrase_end_pos,
        unit
    from {{ ref('int_figure_nouns_matched') }}
    where {{ in_changed_stories() }}

),

terms as (

    select * from {{ ref('int_figure_terms_matched') }}
    where {{ in_changed_stories() }} and matched_role = 'action'

),

tokens as (

    select
        sentence_key,
        pos,
        token_start,
        stretch_no,
        lw
    from {{ ref('int_figure_tokens_typed') }}
    where {{ in_changed_stories() }}

),

toll_actions as (

    select action_class from {{ ref('toll_actions') }}

),

-- the words beside `as` that make it part of a phrase, no subordinator (`as well as`, `such as`)
as_words as (

    select lower(term) as word
    from {{ ref('stg_lexicons__figure_context_words') }}
    where role = 'as_phrase_word'

),

-- the words of the sentence that decide how far an action reaches: coordinators open another
-- clause (`killed 3 and injured 5`), a clause end (`;`) ends it; predicate fillers may stand
-- between a count and its own action (`11 were taken to hospital`); a subordinator opens a
-- clause of its own (`killed one man as 1,100 firefighters battled`), but not inside `as well
-- as`, `such as`, `as of`, `as many as`; `part of` makes what follows a whole the action took part of
clause_words as (

    select
        tokens.sentence_key,
        tokens.pos,
        words.role
    from tokens
    inner join {{ ref('stg_lexicons__figure_context_words') }} as words
        on tokens.lw = lower(words.term)
    left join tokens as before_word
        on tokens.sentence_key = before_word.sentence_key and tokens.pos - 1 = before_word.pos
    left join tokens as after_word
        on tokens.sentence_key = after_word.sentence_key and tokens.pos + 1 = after_word.pos
    where
        words.role in ('coordinator', 'clause_end', 'predicate_filler')
        or (words.role = 'partitive' and after_word.lw = 'of')
        or (
            words.role = 'subordinator'
            and not (
                tokens.lw = 'as'
                and (
                    before_word.lw in (select as_words.word from as_words)
                    or after_word.lw in (select as_words.word from as_words)
                )
            )
        )

),

context_words as (

    select
        role,
        lower(term) as word
    from {{ ref('stg_lexicons__figure_context_words') }}
    where role in ('determiner', 'coordinator', 'action_modifies')

),

{# Where each figure starts (its surface, modifier included) and ends (its phrase, else its run). #}
figure_spans as (

    select
        sentence_key,
        run_no,
        start_pos,
        unit,
        least(surface_start_pos, start_pos) as figure_from,
        coalesce(phrase_end_pos, end_pos) as figure_to
    from read_figures

),

{# Each action word of the figure's sentence, with the gap between them: `gap_from` and `gap_to`
   are the positions strictly between the action and the figure's surface (before) or phrase
   (after). #}
action_candidates as (

    select
        figures.sentence_key,
        figures.run_no,
        terms.matched_label as action_class,
        terms.match_key as action_term,
        terms.match_start,
        terms.match_end,
        terms.n_words,
        action_token.token_start as action_offset,
        action_token.stretch_no = figure_token.stretch_no as is_same_stretch,
        terms.match_end < figures.figure_from as is_before,
        case
            when terms.match_end < figures.figure_from then terms.match_end + 1
            else figures.figure_to + 1
        end as gap_from,
        case
            when terms.match_end < figures.figure_from then figures.figure_from - 1
            else terms.match_start - 1
        end as gap_to,
        case
            when terms.match_end < figures.figure_from then figures.figure_from - terms.match_end
            when terms.match_start > figures.figure_to then terms.match_start - figures.figure_to
            else 0
        end as distance,
        determiners.word is not null as opens_figure,
        coalesce(before_figure.lw in ('to', 'from'), false) as follows_to_or_from,
        coalesce(after_action.lw = 'from', false) as precedes_from,
        -- a casualty participle opening a clause acts on what follows it (`fired into a crowd,
        -- killing a boy and injuring four`): a figure before it is none of its objects
        action_token.lw like '%ing' and terms.prev_lw in (',', 'and', 'or', '—', '–', ';') as opens_participle
    from figure_spans as figures
    inner join terms on figures.sentence_key = terms.sentence_key and terms.matched_role = 'action'
    inner join tokens as figure_token
        on figures.sentence_key = figure_token.sentence_key and figures.start_pos = figure_token.pos
    inner join tokens as action_token
        on terms.sentence_key = action_token.sentence_key and terms.match_start = action_token.pos
    left join tokens as before_figure
        on figures.sentence_key = before_figure.sentence_key and figures.figure_from - 1 = before_figure.pos
    left join context_words as determiners
        on before_figure.lw = determiners.word and determiners.role in ('determiner', 'coordinator')
    left join tokens as after_action
        on terms.sentence_key = after_action.sentence_key and terms.match_end + 1 = after_action.pos
    left join context_words as modified_nouns
        on after_action.lw = modified_nouns.word and modified_nouns.role = 'action_modifies'
    -- a one-word action before a noun it modifies names that noun (`rescue divers`, `arrest
    -- teams`), no action on a figure; a participle there acts on it (`killed workers`)
    where
        not (
            terms.n_words = 1 and modified_nouns.word is not null
            and not {{ regex_contains('terms.match_key', "'(ed|ing)$'") }}
        )

),

action_gaps as (

    select
        candidates.sentence_key,
        candidates.run_no,
        candidates.match_start,
        candidates.n_words,
        count(distinct case when clause_words.role = 'coordinator' then clause_words.pos end) > 0 as has_coordinator,
        count(distinct case when clause_words.role = 'clause_end' then clause_words.pos end) > 0 as has_clause_end,
        count(distinct case when clause_words.role = 'subordinator' then clause_words.pos end) > 0 as has_subordinator,
        count(distinct case when clause_words.role = 'partitive' then clause_words.pos end) > 0 as has_partitive,
        count(between_figures.start_pos) > 0 as has_figure_between,
        -- an action after the figure with nothing but auxiliaries and the like between is the
        -- figure's own predicate (`Three died and 11 were taken to hospital`: 11 were injured)
        not any_value(candidates.is_before)
        and count(distinct case when clause_words.role = 'predicate_filler' then clause_words.pos end)
        = greatest(any_value(candidates.gap_to) - any_value(candidates.gap_from) + 1, 0) as is_predicate
    from action_candidates as candidates
    left join clause_words
        on
            candidates.sentence_key = clause_words.sentence_key
            and clause_words.pos between candidates.gap_from and candidates.gap_to
    left join figure_spans as between_figures
        on
            candidates.sentence_key = between_figures.sentence_key
            and between_figures.start_pos between candidates.gap_from and candidates.gap_to
            -- an age set off between them is no count of its own (`Two men, 24 and 27, were hospitalized`)
            and between_figures.unit is distinct from 'years of age'
    group by candidates.sentence_key, candidates.run_no, candidates.match_start, candidates.n_words

),

actions as (

    select
        candidates.sentence_key,
        candidates.run_no,
        candidates.action_class,
        candidates.action_term,
        candidates.action_offset,
        row_number() over (
            partition by candidates.sentence_key, candidates.run_no
            order by
                case when candidates.is_same_stretch then 0 else 1 end asc,
                case when gaps.is_predicate then 0 else 1 end asc,
                case when not candidates.is_before and gaps.has_coordinator then 1 else 0 end asc,
                candidates.distance asc,
                candidates.is_before asc,
                candidates.n_words desc,
                candidates.match_start desc
        ) as rank_no
    from action_candidates as candidates
    inner join action_gaps as gaps
        on
            candidates.sentence_key = gaps.sentence_key
            and candidates.run_no = gaps.run_no
            and candidates.match_start = gaps.match_start
            and candidates.n_words = gaps.n_words
    where
        not (candidates.is_before and gaps.has_coordinator and not candidates.opens_figure)
        and not gaps.has_subordinator
        and not (candidates.is_before and gaps.has_partitive)
        and not (
            not candidates.is_before and gaps.has_coordinator and gaps.has_figure_between
            and candidates.action_class in (select toll_actions.action_class from toll_actions)
        )
        and not (not candidates.is_before and candidates.opens_participle)
        and not (candidates.is_before and {{ holds_its_object('candidates.action_term') }})
        -- a share after `to` or `from` is the level a change reached or left (`rose to 38.4%`), as
        -- is one before `up from` (`a margin of 9.8%, up from 8.1%`)
        and not (
            candidates.action_class = 'change'
            and (
                candidates.is_before and candidates.follows_to_or_from
                or not candidates.is_before and candidates.precedes_from
            )
        )
        and not (
            not candidates.is_before and not gaps.is_predicate
            and {{ governs_a_figure('candidates', 'toll_actions', 'figure_spans') }}
        )
        and not gaps.has_clause_end

),

final as (

    select
        actions.sentence_key,
        read_figures.story_id,
        actions.run_no,
        actions.action_class,
        actions.action_term,
        actions.action_offset
    from actions
    inner join read_figures
        on actions.sentence_key = read_figures.sentence_key and actions.run_no = read_figures.run_no
    where actions.rank_no = 1

)

select * from final
