{#- The figures that are the base another figure of their sentence is compared with (`52 seats,
    down from 67`, `rose to 14, up from nine deaths reported a day earlier`, `fell to 96 million
    from 180 million`): an earlier or other value of the quantity, not a second report of it, so
    it joins no claim of the story's own count (int_figures_aligned keys it apart). The comparison
    is the text between the two figures ending as macro comparison_base_end_re says. -#}

-- depends_on: {{ ref('int_stories_changed') }}

with

figures as (

    select
        figure_id,
        story_id,
        sentence_id,
        char_start,
        char_end
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

final as (

    select distinct
        bases.figure_id,
        bases.story_id
    from figures
    inner join figures as bases
        on figures.sentence_id = bases.sentence_id and figures.char_end <= bases.char_start
    inner join sentences on figures.sentence_id = sentences.sentence_id
    where {{ regex_contains(
        "lower(substr(sentences.sentence_text, figures.char_end - sentences.sentence_start + 1,"
        ~ " bases.char_start - figures.char_end))",
        sql_regex(comparison_base_end_re())
    ) }}

)

select * from final
