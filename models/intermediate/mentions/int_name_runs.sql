
{#- Runs of name words (int_name_run_words): one row per run, with its context and the type the
    hand rules give it, or NULL. The rules, first match wins: all words in the lexicon ->
    covered (int_mentions_lexicon has it); a pattern of name_patterns; a legal suffix at the end
    (`Acme Holdings Ltd`) -> organisation; a whole name of name_gazetteer; a head word (Ministry
    -> organisation, Summit -> event, River -> place); after a title -> person; after an
    organisation noun (`the insurer Allianz`) -> organisation; an acronym that speaks ->
    organisation; before or after a speech verb -> person; an apposition (`X, a spokeswoman`,
    `X, who`) -> person; place nouns and prepositions -> place; a dateline -> place; an acronym
    -> organisation; a first word that is a given name -> person. A run is supported by its
    story when the story's running text (not a heading, not a sentence's first word) has the
    same word or run: int_mentions_runs keeps a heading's run or a sentence's lone first word
    only then, or when a rule types it. -#}

-- depends_on: {{ ref('int_stories_changed') }}

with

eligible as (

    select
        *,
        -- partitions on long varchar ids are much slower
        dense_rank() over (order by sentence_id) as sentence_key
    from {{ ref('int_name_run_words') }}
    where {{ in_changed_stories() }}

),

sentences as (

    select
        sentence_id,
        char_start,
        sentence_text
    from {{ ref('int_sentences') }}
    where {{ in_changed_stories() }}

),

run_starts as (

    select
        *,
        case
            when lag(word_no) over sentence_words = word_no - 1
                and (
                    gap in (' ', '-')
                    or (gap = ') ' and prev_gap like '%(')
                    or (gap = '. ' and {{ regex_contains('prev_word', "'^\\p{Lu}$'") }})
                )
                then 0
            else 1
        end as is_run_start
    from eligible
    window sentence_words as (partition by sentence_key order by word_no)

),

run_numbered as (

    select
        *,
        cast(sum(is_run_start) over (
            partition by sentence_key order by word_no
            rows between unbounded preceding and current row
        ) as integer) as run_no
    from run_starts

),

runs as (

    select
        sentence_key,
        run_no,
        min(sentence_id) as sentence_id,
        min(article_id) as article_id,
        min(story_id) as story_id,
        min(word_no) as first_word_no,
        max(word_no) as last_word_no,
        min(word_start) as word_start,
        max(word_end) as char_end,
        sum(case when is_name_word then 1 else 0 end) as n_words,
        sum(case when is_name_word and is_lexicon then 1 else 0 end) as n_lexicon_words,
        sum(case when is_name_word and head_type = 'event' then 1 else 0 end) as n_event_heads,
        sum(case when is_name_word and head_type = 'organization' then 1 else 0 end) as n_org_heads,
        sum(case when is_name_word and head_type = 'place' then 1 else 0 end) as n_place_heads,
        min(case when is_upper then 1 else 0 end) as all_upper,
        max(case when is_heading then 1 else 0 end) as in_heading
    from run_numbered
    group by sentence_key, run_no

),

run_context as (

    select
        runs.*,
        first_word.gap as first_gap,
        first_word.prev_is_title,
        first_word.prev_role,
        first_word.prev2_role,
        first_word.prev_lower,
        first_word.word_lower as first_lower,
        last_word.word_lower as last_lower,
        first_word.is_given_name as first_is_given,
        last_word.is_legal_suffix as last_is_suffix,
        last_word.next_role,
        last_word.next2_role,
        last_word.next_gap,
        last_word.next_lower,
        last_word.next2_is_title
    from runs
    inner join run_numbered as first_word
        on runs.sentence_key = first_word.sentence_key and runs.first_word_no = first_word.word_no
    inner join run_numbered as last_word
        on runs.sentence_key = last_word.sentence_key and runs.last_word_no = last_word.word_no
    where runs.n_words > 0

),

run_surfaces as (

    select
        run_context.*,
        sentences.sentence_text,
        sentences.char_start as sentence_start,
        -- `(Carla) Fuentes`: the span opens at the parenthesis it closes (not `(Gulf Press) -`)
        run_context.word_start
        - case
            when
                run_context.first_gap like '%(' and run_context.n_words > 1
                and instr(
                    substr(
                        sentences.sentence_text,
                        run_context.word_start - sentences.char_start + 1,
                        run_context.char_end - run_context.word_start
                    ),
                    ')'
                ) > 0
                then 1
            else 0
        end as char_start
    from run_context
    inner join sentences on run_context.sentence_id = sentences.sentence_id

),

run_texts as (

    select
        *,
        substr(sentence_text, char_start - sentence_start + 1, char_end - char_start) as surface
    from run_surfaces

),

run_patterns as (

    select
        run_texts.sentence_key,
        run_texts.run_no,
        min(patterns.entity_type) as pattern_type
    from run_texts
    inner join {{ ref('name_patterns') }} as patterns
        on {{ regex_contains('run_texts.surface', 'patterns.pattern') }}
    -- patterns are compiled per row: try only runs with a digit
    where {{ regex_contains('run_texts.surface', "'[0-9]'") }}
    group by run_texts.sentence_key, run_texts.run_no

),

run_features as (

    select
        run_texts.*,
        run_patterns.pattern_type,
        gazetteer.entity_type as gazetteer_type
    from run_texts
    left join run_patterns
        on run_texts.sentence_key = run_patterns.sentence_key and run_texts.run_no = run_patterns.run_no
    left join {{ ref('name_gazetteer') }} as gazetteer on run_texts.surface = gazetteer.name

),

typed_runs as (

    select
        *,
        case
            when n_lexicon_words = n_words then 'covered'
            when pattern_type is not null then pattern_type
            when n_words >= 2 and last_is_suffix then 'organization'
            when gazetteer_type is not null then gazetteer_type
            when n_words >= 2 and n_event_heads > 0 then 'event'
            when n_words >= 2 and n_org_heads > 0 then 'organization'
            when n_words >= 2 and n_place_heads > 0 then 'place'
            when prev_is_title and first_gap in (' ', ' (', '. ') then 'person'
            when {{ is_romanised_name('surface') }} then 'person'
            -- `the industry group Eurofer said`, `ING said`: a body speaks, not a person
            when prev_role = 'org_noun' and first_gap = ' ' then 'organization'
            -- what people belong to or speak for: `Tarvo officials`, `the Tarvo group`, `members of Tarvo`
            when next_role in ('org_member', 'org_noun') and next_gap = ' ' then 'organization'
            when prev_lower in ('of', 'for') and prev2_role = 'org_member' and first_gap = ' ' then 'organization'
            when all_upper = 1 and n_words = 1 and length(surface) >= 2 and next_role = 'speech_verb'
                then 'organization'
            when next_role = 'speech_verb' and next_gap in (' ', ', ') then 'person'
            when prev_role = 'speech_verb' and n_words >= 2 then 'person'
            -- apposition: `Anna Kowalska, a spokeswoman for ...`, `Kowalska, who ...`
            when
                next_gap = ', '
                and ((next_lower in ('a', 'an', 'the') and next2_is_title) or next_lower = 'who')
                then 'person'
            when next_role = 'place_noun' and next_gap = ' ' then 'place'
            when next_gap = ', ' and next_lower in ('a', 'an', 'the') and next2_role = 'place_noun' then 'place'
            when prev_lower = 'of' and prev2_role = 'place_noun' then 'place'
            when prev_role = 'place_preposition' and n_words <= 3 and coalesce(next_gap, '') not in ('’', '''')
                then 'place'
            -- a capitalised word opening a dateline (`TALLAHASSEE, Fla. -`) is a place
            when all_upper = 1 and n_words = 1 and first_word_no = 1 and next_gap like ',%' then 'place'
            when all_upper = 1 and n_words = 1 and length(surface) >= 2 then 'organization'
            when n_words >= 2 and first_is_given then 'person'
        end as run_type,
        case
            when pattern_type is not null then 'pattern'
            when n_words >= 2 and last_is_suffix then 'legal_suffix'
            when gazetteer_type is not null then 'gazetteer'
            when n_words >= 2 and n_event_heads + n_org_heads + n_place_heads > 0 then 'head_word'
            when prev_is_title and first_gap in (' ', ' (', '. ') then 'title'
            when {{ is_romanised_name('surface') }} then 'name_shape'
            when prev_role = 'org_noun' and first_gap = ' ' then 'org_noun'
            when next_role in ('org_member', 'org_noun') and next_gap = ' ' then 'org_member'
            when prev_lower in ('of', 'for') and prev2_role = 'org_member' and first_gap = ' ' then 'org_member'
            when all_upper = 1 and n_words = 1 and next_role = 'speech_verb' then 'acronym'
            when next_role = 'speech_verb' or prev_role = 'speech_verb' then 'speech_verb'
            when all_upper = 1 and n_words = 1 and first_word_no = 1 and next_gap like ',%' then 'dateline'
            when all_upper = 1 and n_words = 1 then 'acronym'
            when n_words >= 2 and first_is_given then 'given_name'
            else 'context'
        end as typing_rule
    from run_features

),

-- the words and runs of the story's running text
inner_words as (

    select distinct
        story_id,
        word
    from eligible
    where is_name_word and word_no > 1 and not is_heading

),

body_runs as (

    select distinct
        story_id,
        surface
    from typed_runs
    where in_heading = 0 and first_word_no > 1

),

final as (

    select
        typed_runs.sentence_id,
        typed_runs.article_id,
        typed_runs.story_id,
        typed_runs.surface,
        typed_runs.n_words,
        typed_runs.first_word_no,
        typed_runs.n_lexicon_words,
        typed_runs.n_event_heads,
        typed_runs.n_org_heads,
        typed_runs.n_place_heads,
        typed_runs.first_gap,
        typed_runs.first_lower,
        typed_runs.last_lower,
        typed_runs.first_is_given,
        typed_runs.last_is_suffix,
        typed_runs.prev_is_title,
        typed_runs.prev_role,
        typed_runs.prev_lower,
        typed_runs.next_role,
        typed_runs.next_gap,
        typed_runs.next_lower,
        typed_runs.pattern_type,
        typed_runs.gazetteer_type,
        typed_runs.typing_rule,
        typed_runs.run_type as rule_type,
        cast(typed_runs.char_start as integer) as char_start,
        cast(typed_runs.char_end as integer) as char_end,
        typed_runs.article_id || ':' || typed_runs.char_start || '-' || typed_runs.char_end as run_id,
        typed_runs.all_upper = 1 as is_upper,
        typed_runs.in_heading = 1 as is_heading,
        coalesce(
            (typed_runs.n_words = 1 and inner_words.word is not null) or body_runs.surface is not null, false
        ) as is_story_supported
    from typed_runs
    left join inner_words
        on typed_runs.story_id = inner_words.story_id and typed_runs.surface = inner_words.word
    left join body_runs
        on typed_runs.story_id = body_runs.story_id and typed_runs.surface = body_runs.surface

)

select * from final
