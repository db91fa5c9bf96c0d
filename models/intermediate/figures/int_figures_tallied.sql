{#- The two counts of a vote's tally (`passed the bill 68 to 31`, `68 votes in favour and 31
    against`, `backed it by 210 votes to 190`), one row per count with its side: `for` the first,
    `against` the second. The two are the votes on each side, not one count stated twice, so
    int_figures_keyed keys the votes against apart (`voters against`): without it they made one
    claim that contradicted itself (68 against 31). A pair is a tally when the words between are
    a tally's (macro tally_between_re) and either the second count is said to be against (macro
    tally_against_after_re) or the sentence votes (macro tally_vote_word_re) and neither count
    measures anything but votes (`voted to raise the limit from 5 to 7 percent` is no tally). -#}

-- depends_on: {{ ref('int_stories_changed') }}

with

figures as (

    select
        figure_id,
        story_id,
        sentence_id,
        char_start,
        char_end,
        coalesce(counted_class, 'voters') = 'voters' and unit is null as counts_votes_only
    from {{ ref('int_figures_extracted') }}
    where {{ in_changed_stories() }}

),

sentences as (

    select
        sentence_id,
        char_start as sentence_start,
        sentence_text
    from {{ ref('int_sentences') }}
    where {{ in_changed_stories() }}

),

pairs as (

    select
        firsts.figure_id as for_id,
        seconds.figure_id as against_id,
        firsts.story_id,
        firsts.counts_votes_only and seconds.counts_votes_only as count_votes_only,
        {{ sentence_text_from('firsts.char_end', 'seconds.char_start - firsts.char_end') }} as text_between,
        {{ sentence_text_from('seconds.char_end', '24') }} as text_after,
        {{ sentence_text_from('sentences.sentence_start') }} as sentence_lower,
        {{ sentence_text_from('greatest(sentences.sentence_start, firsts.char_start - 12)',
            'firsts.char_start - greatest(sentences.sentence_start, firsts.char_start - 12)') }} as text_before
    from figures as firsts
    inner join figures as seconds
        on firsts.sentence_id = seconds.sentence_id and firsts.char_end < seconds.char_start
    inner join sentences on firsts.sentence_id = sentences.sentence_id

),

tallies as (

    select
        for_id,
        against_id,
        story_id
    from pairs
    where
        {{ regex_contains('text_between', sql_regex(tally_between_re())) }}
        and (
            {{ regex_contains('text_after', sql_regex(tally_against_after_re())) }}
            or (
                count_votes_only
                and {{ regex_contains('sentence_lower', sql_regex(tally_vote_word_re())) }}
                and not {{ regex_contains('text_before', "'\\b(from|between)\\s*$'") }}
            )
        )

),

final as (

    select
        for_id as figure_id,
        story_id,
        'for' as tally_side
    from tallies
    union all
    select
        against_id as figure_id,
        story_id,
        'against' as tally_side
    from tallies

)

-- a count both after one tally and before another (`68 to 31 to 1`) is against the first
select
    figure_id,
    story_id,
    min(tally_side) as tally_side
from final
group by figure_id, story_id
