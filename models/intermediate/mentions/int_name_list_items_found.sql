{#- Names that are the items of a list, a line-up or a result table (`Japan: 19 - Kenichi
    Shimokawa, 2 - Hiroshige Yanagimoto`, `10. Katleen Allais (France) 21.58`, `Hapoel Haifa
    12 6 1 5`, `Ijaz Ahmad c Spearman b Vaughan 59`): runs of capitalised words
    (int_name_runs) that no other family took (int_mentions_runs dropped them: the classifier,
    trained on running text, calls a capitalised word between figures no name). A run is an item
    when the text around it reads as a list (its sentence, or its paragraph within 80
    characters on either side, holds at least three figures and no more lower-case words than
    figures: a ranked list is often cut into sentences at its ranks, and a table's last line
    taken for a heading) and list marks stand on both sides of it (macros/name_lists.sql); at
    most four words (longer runs are the column heads of a table), no label before a colon,
    and no lone word the article also writes in lower case. Its type: initials before a
    surname a person (`S. Fleming c and b Afridi 88`), as are two or more words the classifier
    takes for a place or does not type; else the classifier's best type but none.
    int_mentions_extracted makes it a club where the story shows a team. -#}

{%- set window = 80 -%}

-- depends_on: {{ ref('int_stories_changed') }}

with

runs as (

    select
        run_id,
        sentence_id,
        article_id,
        story_id,
        char_start,
        char_end,
        surface,
        n_words,
        is_upper
    from {{ ref('int_name_runs') }}
    where
        {{ in_changed_stories() }}
        and n_words <= 4 and length(surface) >= 2
        and coalesce(rule_type, '') != 'covered'

),

-- what the other rule families already made of the sentence's words
taken as (

    select
        sentence_id,
        char_start,
        char_end
    from {{ ref('int_mentions_runs') }}
    where {{ in_changed_stories() }}

    union all

    select
        sentence_id,
        char_start,
        char_end
    from {{ ref('int_mentions_lexicon') }}
    where {{ in_changed_stories() }} and term_kind = 'entity'

    union all

    select
        sentence_id,
        char_start,
        char_end
    from {{ ref('int_mentions_country_bodies') }}
    where {{ in_changed_stories() }}

),

dropped as (

    select runs.*
    from runs
    where not exists (
            select 1
            from taken
            where
                runs.sentence_id = taken.sentence_id
                and runs.char_start < taken.char_end
                and runs.char_end > taken.char_start
        )

),

-- only the articles of dropped runs are read
articles as (

    select
        article_id,
        raw_text
    from {{ ref('int_articles_changed') }}
    where
        {{ in_changed_stories() }}
        and article_id in (select dropped.article_id from dropped)

),

-- only the sentences of dropped runs are read
sentences as (

    select
        sentence_id,
        char_start,
        sentence_text,
        {{ list_size(regex_matches('sentence_text', sql_regex(list_figure_re()))) }} as n_figures,
        {{ list_size(regex_matches('sentence_text', sql_regex(list_lower_word_re()))) }} as n_lower_words
    from {{ ref('int_sentences') }}
    where
        {{ in_changed_stories() }}
        and sentence_id in (select dropped.sentence_id from dropped)

),

classified as (

    select
        run_id,
        name_type
    from {{ ref('int_name_runs_classified') }}
    where {{ in_changed_stories() }}

),

-- the text of the run's paragraph within {{ window }} characters on either side: a ranked list is
-- often cut into sentences at its ranks (`3:12.40 5.` | `K. Brennvik (Norway) 3:12.66`)
windowed as (

    select
        dropped.*,
        {{ regex_first(
            "substr(articles.raw_text, greatest(dropped.char_start - " ~ window ~ ", 0) + 1, "
            ~ "dropped.char_start - greatest(dropped.char_start - " ~ window ~ ", 0))",
            "'[^\\n]*$'"
        ) }} as text_before,
        {{ regex_first("substr(articles.raw_text, dropped.char_end + 1, " ~ window ~ ")", "'^[^\\n]*'") }} as text_after
    from dropped
    inner join articles on dropped.article_id = articles.article_id

),

items as (

    select
        windowed.*,
        sentences.n_figures >= 3 and sentences.n_figures >= sentences.n_lower_words as is_list_sentence,
        substr(sentences.sentence_text, 1, windowed.char_start - sentences.char_start) as sentence_before,
        {{ list_size(regex_matches('windowed.text_around', sql_regex(list_figure_re()))) }} as n_figures,
        {{ list_size(regex_matches('windowed.text_around', sql_regex(list_lower_word_re()))) }} as n_lower_words
    from (
        select
            *,
            text_before || ' ' || text_after as text_around
        from windowed
    ) as windowed
    inner join sentences on windowed.sentence_id = sentences.sentence_id

),

marked as (

    select items.*
    from items
    where
        (items.is_list_sentence or (items.n_figures >= 3 and items.n_figures >= items.n_lower_words))
        and (
            {{ regex_contains('items.text_before', sql_regex(list_item_before_re())) }}
            -- a sentence's start opens an item only in a sentence that is a list
            or (items.is_list_sentence and trim(items.sentence_before) = '')
        )
        and {{ regex_contains('items.text_after', sql_regex(list_item_after_re())) }}

),

final as (

    select
        marked.sentence_id,
        marked.article_id,
        marked.story_id,
        marked.char_start,
        marked.char_end,
        marked.surface,
        case
            when {{ regex_contains('marked.surface', sql_regex(initialled_surname_re())) }} then 'person'
            -- the places of a list are the lexicon's and the gazetteer's, which other rules took:
            -- two or more words nobody knows are a person's names (`19 - Kenichi Shimokawa,`)
            when marked.n_words >= 2 and coalesce(classified.name_type, 'place') = 'place' then 'person'
            else classified.name_type
        end as entity_type,
        case
            when not marked.is_upper and marked.surface = upper(marked.surface)
                then {{ title_case_words("trim(replace(replace(marked.surface, '(', ''), ')', ''))") }}
            else trim(replace(replace(marked.surface, '(', ''), ')', ''))
        end as entity_name,
        'name' as mention_kind,
        'run_list_item' as detected_by
    from marked
    inner join articles on marked.article_id = articles.article_id
    left join classified on marked.run_id = classified.run_id
    -- a lone word the article also writes in lower case is a common word of the table
    where
        marked.n_words > 1
        or not {{ regex_contains('articles.raw_text', lower_case_word_re('marked.surface')) }}

)

select * from final
