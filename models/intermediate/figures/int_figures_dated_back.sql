{#- The earlier time of a figure whose sentence names an event of the sentence before with `that`
    (`The last walkout at Dunmore, in 2011, lasted 19 days. About 900 workers took part in that
    strike`): the figure is about that event, whose time the sentence before gives, not about the
    story's own. The time is the one time_frame (int_figures_dated) of the figures of the
    sentence before, when they have one and only one. `that` refers back when a preposition
    comes before it (`in that strike`, `since that flood`, `during that year`); after a verb it
    may open a clause (`said that 900 workers`). A figure that its own sentence dates keeps that date (int_figures_keyed
    reads this model only for figures int_figures_dated leaves undated). -#}

-- depends_on: {{ ref('int_stories_changed') }}

with

figures as (

    select
        figure_id,
        story_id,
        sentence_id
    from {{ ref('int_figures_extracted') }}
    where {{ in_changed_stories() }}

),

dated as (

    select
        figure_id,
        time_frame
    from {{ ref('int_figures_dated') }}
    where {{ in_changed_stories() }}

),

sentences as (

    select
        sentence_id,
        article_id,
        sentence_index,
        sentence_text
    from {{ ref('int_sentences') }}
    where {{ in_changed_stories() }}

),

{# Only the sentences with a figure and a demonstrative `that`: the few that can refer back. #}
referring as (

    select
        sentences.sentence_id,
        sentences.article_id,
        sentences.sentence_index
    from sentences
    where
        sentences.sentence_id in (select figures.sentence_id from figures)
        and {{ regex_contains("lower(sentences.sentence_text)", sql_regex(that_event_re())) }}

),

earlier_frames as (

    select
        referring.sentence_id,
        min(dated.time_frame) as time_frame
    from referring
    inner join sentences as previous
        on referring.article_id = previous.article_id and previous.sentence_index = referring.sentence_index - 1
    inner join figures on previous.sentence_id = figures.sentence_id
    inner join dated on figures.figure_id = dated.figure_id
    where dated.time_frame is not null
    group by referring.sentence_id
    having count(distinct dated.time_frame) = 1

),

final as (

    select
        figures.figure_id,
        figures.story_id,
        earlier_frames.time_frame
    from figures
    inner join earlier_frames on figures.sentence_id = earlier_frames.sentence_id
    inner join dated on figures.figure_id = dated.figure_id
    where dated.time_frame is null

)

select * from final
