
{#- The lone words that a story shows to be places where a company is based, one row per story
    and word: `Austin-based`, `based in Austin`, `headquartered in Austin`. A town's name before a
    company noun reads like a company's (`the Austin chipmaker`, `Austin chipmaker Veridane`), and
    the gazetteer leaves out towns named like people (`Austin`, `Cleveland`, `Houston`); where the
    story says a company is based there, int_mentions_runs types the word a place there too. -#}

-- depends_on: {{ ref('int_stories_changed') }}

with

runs as (

    select
        sentence_id,
        story_id,
        char_start,
        surface,
        prev_lower,
        next_gap,
        next_lower
    from {{ ref('int_name_runs') }}
    where
        {{ in_changed_stories() }}
        and n_words = 1 and not is_upper
        and ((next_gap = '-' and next_lower in ('based', 'headquartered')) or prev_lower = 'in')

),

sentences as (

    select
        sentence_id,
        char_start as sentence_start,
        sentence_text
    from {{ ref('int_sentences') }}
    where {{ in_changed_stories() }}

),

final as (

    select distinct
        runs.story_id,
        runs.surface
    from runs
    inner join sentences on runs.sentence_id = sentences.sentence_id
    where
        (runs.next_gap = '-' and runs.next_lower in ('based', 'headquartered'))
        or {{ regex_contains(
            sentence_text_before('runs.char_start'), sql_regex(based_in_end_re())
        ) }}

)

select * from final
