
{#- Longer names that an apposition shows to be organisations, one row per story and name: a
    name whose apposition has an organisation noun as its head (seed name_context_words, role
    org_noun: `Hartwell Keane, a London law firm, said`, `Brandt Rowe, the Dutch bank,`). Firms
    named after their founders read as a given name and a surname, and the given name rule makes
    them people; the apposition says what they are. Not a person described by a title whose
    firm follows (`Anna Berg, a partner at the firm,`: a function word before the head) nor one
    the possessive names (`Anna Berg, the firm's founder,`). int_name_run_org_cues adds these
    names to its own, for int_mentions_runs to type, even over the given name rule. -#}

-- depends_on: {{ ref('int_stories_changed') }}

with

runs as (

    select
        sentence_id,
        story_id,
        char_end,
        surface
    from {{ ref('int_name_runs') }}
    where
        {{ in_changed_stories() }}
        and n_words between 2 and 4 and not is_upper
        and next_gap = ', ' and next_lower in ('a', 'an', 'the')

),

sentences as (

    select
        sentence_id,
        char_start,
        sentence_text
    from {{ ref('int_sentences') }}
    where {{ in_changed_stories() }}

),

org_nouns as (

    select term as word
    from {{ ref('stg_lexicons__name_context_words') }}
    where role = 'org_noun'

),

apposed as (

    select
        runs.story_id,
        runs.surface,
        {{ regex_extract('text_after', sql_regex(name_apposition_re()), 1) }} as modifiers,
        {{ regex_extract('text_after', sql_regex(name_apposition_re()), 2) }} as head
    from (
        select
            runs.*,
            substr(sentences.sentence_text, runs.char_end - sentences.char_start + 1, 80) as text_after
        from runs
        inner join sentences on runs.sentence_id = sentences.sentence_id
    ) as runs

),

final as (

    select distinct
        apposed.story_id,
        apposed.surface
    from apposed
    inner join org_nouns on apposed.head = org_nouns.word
    where not {{ regex_contains("lower(apposed.modifiers)", sql_regex(apposition_function_word_re())) }}

)

select * from final
