{#- The figures that are the base another figure of their sentence is compared with (`52 seats,
    down from 67`, `rose to 14, up from nine deaths reported a day earlier`, `fell to 96 million
    from 180 million`): an earlier or other value of the quantity, not a second report of it, so
    it joins no claim of the story's own count (int_figures_aligned keys it apart). The comparison
    is the text between the two figures ending as macro comparison_base_end_re says; after a bare
    `from` the two must measure alike (`rose to $64 million from $27 million`), else the second is
    a source (`4,000 officials from 160 countries`). A base with no noun of its own counts what the
    nearest figure it is compared with counts. -#}

-- depends_on: {{ ref('int_stories_changed') }}

with

figures as (

    select
        figure_id,
        story_id,
        sentence_id,
        char_start,
        char_end,
        is_elliptical,
        coalesce(counted_class, unit, counted_head) as measured
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
        bases.figure_id,
        bases.story_id,
        figures.measured,
        bases.measured as base_measured,
        figures.char_start as compared_start,
        -- a base with no noun of its own counts what it is compared with (`46 homicides ..., down
        -- from 52 in 2025`), not the noun the sentence wrote last (`according to police data`)
        case when bases.is_elliptical and not figures.is_elliptical then figures.measured end as compared_measured,
        {{ sentence_text_from('figures.char_end', 'bases.char_start - figures.char_end') }} as text_between
    from figures
    inner join figures as bases
        on figures.sentence_id = bases.sentence_id and figures.char_end <= bases.char_start
    inner join sentences on figures.sentence_id = sentences.sentence_id

),

final as (

    select
        figure_id,
        story_id,
        -- of the nearest figure it is compared with
        {{ arg_max_by('compared_measured', 'compared_start') }} as counted_as_compared
    from pairs
    where
        {{ regex_contains('text_between', sql_regex(comparison_base_end_re())) }}
        -- a bare `from` compares only what is measured alike (`rose to $64 million from $27
        -- million`), not a source (`4,000 officials from 160 countries`, `seven points from four games`)
        and (
            not {{ regex_contains('text_between', "'^\\s*from\\s+(\\pL+\\s+)?$'") }}
            or base_measured is null or measured is null or base_measured = measured
        )
    group by figure_id, story_id

)

select * from final
