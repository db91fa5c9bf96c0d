
{#- Runs of name words (int_name_run_words): one row per run, where it starts and ends and the
    context around it, which the typing rules of int_name_runs read. The rules of a run's extent:
    name words (and the particles between them) that follow each other in a sentence make one
    run when the gap between two of them is a space or a hyphen (`Leung Kwok-hung`), an ampersand
    between two capitalised words (`Marks & Spencer`), an ampersand glued between initials
    (`S&P`, `AT&T`; not `R&D`: macros/name_shapes.sql), the full stop of a web address's ending
    (`Amazon.com`), the closing parenthesis of a bracketed word (`(Carla) Fuentes`, whose span
    then opens at the parenthesis, but not `(Gulf Press) -`), or the full stop after an initial
    (`J. Smith`) or after an abbreviation that opens a name (`St. Louis`, `Mt. Everest`:
    name_abbreviations(); not before a head word, `Elm St. Police`), or a plural's possessive
    before an organisation's head word (`Republican People's Party`, `Workers' Party`), or an
    office-holder's possessive before one (`Harris County Sheriff's Office`; not `China's Ministry
    of Commerce`: macros/name_run_cues.sql). A run of particles alone is no run. The role noun before `of`, `for` or `at` (the) that the run follows is its role_noun
    (`chairman of the Tarvo Red Circle`, `an analyst at Kestrel Lynch`), the preposition its
    role_preposition. -#}

-- depends_on: {{ ref('int_stories_changed') }}

with

eligible as (

    select * from {{ ref('int_name_run_words') }}
    where {{ in_changed_stories() }}

),

-- a party's members in the plural (`democrats`; name_context_words)
party_members as (

    select term as word
    from {{ ref('stg_lexicons__name_context_words') }}
    where role = 'party_member' and term like '%s'

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
                    or (
                        gap = '. '
                        and (
                            {{ regex_contains('prev_word', "'^\\p{Lu}$'") }}
                            -- not a head word: `St.` is a street's too (`at 40 Elm St. Police said`)
                            or (lower(prev_word) in {{ name_abbreviations() }} and head_type is null)
                        )
                    )
                    or (gap = ' & ' and {{ is_ampersand_side('word') }} and {{ is_ampersand_side('prev_word') }})
                    or {{ is_glued_initials('prev_word', 'word', 'gap') }}
                    or (gap = '.' and lower(word) in {{ web_domain_endings() }})
                    or {{ is_possessive_in_a_body_name('sentence_words') }}
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
        sum(case when is_name_word and head_type = 'place' and next_lower = 'of' then 1 else 0 end)
            as n_place_heads_before_of,
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
        last_word.next2_is_title,
        -- a party's members in the plural close a party's name (`Sweden Democrats`, `the Social
        -- Democrats`): the name of a body, not of a person the classifier takes it for
        last_word.word_lower in (select party_members.word from party_members) as last_is_party_members,
        -- a place's head word that neither closes the name (`Omo River`, `New Territories West`)
        -- nor stands before `of` (`Gulf of Mexico`, `Space Museum of McMinnville`) nor opens it as
        -- a lake's, a mount's or a river's (`Lake Turkana`, `River Lune`) names something after
        -- the place (`Sea Org`, `Wall Street Desk`)
        runs.n_place_heads > 0 and runs.n_place_heads_before_of = 0
        and coalesce(last_word.head_type, '') != 'place'
        and last_word.word_lower not in ('north', 'south', 'east', 'west')
        and not coalesce(
            first_word.head_type = 'place' and first_word.word_lower in ('mount', 'mountain', 'lake', 'river'), false
        ) as place_head_inside
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
        substr(sentence_text, char_start - sentence_start + 1, char_end - char_start) as surface,
        {{ regex_extract('text_before', sql_regex(role_of_re()), 1) }} as before_noun,
        {{ regex_extract('text_before', sql_regex(role_of_re()), 2) }} as before_preposition,
        -- a hometown set off after a person's age (`Harold Finch, 58, of Elyria`)
        {{ regex_contains('text_before', "'\\pL,\\s+[0-9]{1,3},\\s+of\\s+$'") }} as follows_age_of
    from (
        -- the end of the text before the run, where a role noun and its preposition stand
        select
            *,
            right(substr(sentence_text, 1, char_start - sentence_start), 40) as text_before
        from run_surfaces
    ) as run_surfaces

),

-- the roles held in a body, so a name after them is that body (or a place), not the holder: a
-- person's role of speaker_nouns with `of` (`chairman of`, `chief executive of`, `mayor of`; not
-- a third party's, `residents of`), and a member's or a leader's of name_context_words with `for`
-- too (`spokesman for`; a person's role with `for` serves a person as often, `a lawyer for`)
role_prepositions as (

    select 'of' as preposition
    union all
    select 'for' as preposition

),

role_nouns as (

    select
        term as word,
        'of' as preposition
    from {{ ref('stg_lexicons__speaker_nouns') }}
    where role = 'title' and not is_third_party

    union

    -- where anyone with a title works, third parties too (`an analyst at`, `economists at`); not
    -- where a body sits (`headquarters at`)
    select
        term as word,
        'at' as preposition
    from {{ ref('stg_lexicons__speaker_nouns') }}
    where role = 'title'

    union

    select
        context_words.term as word,
        prepositions.preposition
    from {{ ref('stg_lexicons__name_context_words') }} as context_words
    cross join role_prepositions as prepositions
    where context_words.role in ('org_member', 'org_leader')

),

roled as (

    select
        run_texts.*,
        role_nouns.word as role_noun,
        role_nouns.preposition as role_preposition
    from run_texts
    left join role_nouns
        on
            -- a capitalised title counts only before `at` (`Analysts at`, opening a sentence):
            -- before `of` it is part of a name (`Governor of Washington`)
            role_nouns.word = case
                when run_texts.before_preposition = 'at' then lower(run_texts.before_noun) else run_texts.before_noun
            end
            and run_texts.before_preposition = role_nouns.preposition

),

final as (

    select
        sentence_id,
        article_id,
        story_id,
        surface,
        n_words,
        first_word_no,
        n_lexicon_words,
        n_event_heads,
        n_org_heads,
        n_place_heads,
        place_head_inside,
        first_gap,
        first_lower,
        last_lower,
        first_is_given,
        last_is_suffix,
        coalesce(last_is_party_members, false) as last_is_party_members,
        prev_is_title,
        prev_role,
        prev2_role,
        prev_lower,
        next_role,
        next2_role,
        next_gap,
        next_lower,
        next2_is_title,
        role_noun,
        role_preposition,
        follows_age_of,
        cast(char_start as integer) as char_start,
        cast(char_end as integer) as char_end,
        {{ name_run_id('article_id', 'char_start', 'char_end') }} as run_id,
        all_upper = 1 as is_upper,
        in_heading = 1 as is_heading
    from roled

)

select * from final
