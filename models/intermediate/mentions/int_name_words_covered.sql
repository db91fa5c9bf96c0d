
{#- The words that a lexicon match of int_mentions_lexicon covers, one row per sentence and word:
    inside a title (`President`, `Defense Minister`) or an alias of entity_aliases (`Peru`,
    `European Union`). int_name_run_words reads it: a title's words are no name words, an
    alias's are the lexicon's, not a run's. Keyed by the sentence's integer key, as the words are. -#}

{%- set max_words = 8 -%}

-- depends_on: {{ ref('int_stories_changed') }}

with

sentence_keys as (

    select
        sentence_id,
        sentence_key
    from {{ ref('int_sentences') }}
    where {{ in_changed_stories() }}

),

spans as (

    select
        sentence_keys.sentence_key,
        hits.story_id,
        hits.first_word_no,
        hits.last_word_no,
        hits.term_kind
    from {{ ref('int_mentions_lexicon') }} as hits
    inner join sentence_keys on hits.sentence_id = sentence_keys.sentence_id
    where {{ in_changed_stories('hits.story_id') }} and hits.term_kind in ('title', 'entity')

),

offsets as (

    {% for k in range(max_words) -%}
        select {{ k }} as word_offset {{ 'union all' if not loop.last }}
    {% endfor %}

),

final as (

    select
        spans.sentence_key,
        spans.story_id,
        spans.first_word_no + offsets.word_offset as word_no,
        bool_or(spans.term_kind = 'title') as in_title,
        bool_or(spans.term_kind = 'entity') as in_lexicon
    from spans
    inner join offsets on spans.last_word_no - spans.first_word_no >= offsets.word_offset
    group by spans.sentence_key, spans.story_id, spans.first_word_no + offsets.word_offset

)

select * from final
