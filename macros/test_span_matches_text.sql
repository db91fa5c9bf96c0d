{#- Provenance: every fact row's [char_start, char_end) must give back its surface text exactly,
    and lie inside its article's body or its headline (the title where it stands in the text).
    Returns the offending rows with what the span really says.

    On a story model the test reads only the rebuilt stories (macros/test_scope.sql), and their
    article texts are in int_articles_changed, a table of this run's articles. Reading them from
    the staging view instead made each of the 16 span tests evaluate that view over the whole
    corpus (versions, headline offsets) and scan all its raw text. Both are ref'd unconditionally,
    so that dbt knows both dependencies at parse time, when no test runs.

    `in_sentence`: the rows carry no article_id but a sentence_key (int_tokens), and the span must
    lie inside that sentence and give back its text there. A sentence's own span test proves that
    its text is the article's at its offsets and inside the body or headline, so the token's span
    is the article's too. -#}
{% test span_matches_text(model, text_column, start_column='char_start', end_column='char_end', in_sentence=false) %}

{%- set changed_articles = ref('int_articles_changed') -%}
{%- set all_articles = ref('stg_news__articles') -%}
{%- set tested = tested_relation() -%}
{%- set article_relation = changed_articles if tested is not none and tested.story_batched else all_articles -%}
{%- set sentences = ref('int_sentences') -%}

with

facts as (

    select
        {{ 'sentence_key' if in_sentence else 'article_id' }},
        {{ start_column }} as span_start,
        {{ end_column }} as span_end,
        {{ text_column }} as claimed_text
    from {{ model }}

),
{%- if in_sentence %}

sentences as (

    select
        sentence_key,
        char_start,
        char_end,
        sentence_text
    from {{ sentences }}
    {%- if tested is not none and tested.story_batched %}
    where {{ in_stories_of(stories_changed_relation()) }}
    {%- endif %}

)

select
    facts.sentence_key,
    facts.span_start,
    facts.span_end,
    facts.claimed_text,
    substr(sentences.sentence_text, facts.span_start - sentences.char_start + 1, facts.span_end - facts.span_start)
        as text_at_span
from facts
left join sentences on facts.sentence_key = sentences.sentence_key
where
    sentences.sentence_key is null
    or facts.span_start is null
    or facts.span_end is null
    or facts.span_start < sentences.char_start
    or facts.span_end > sentences.char_end
    or facts.span_end <= facts.span_start
    or substr(sentences.sentence_text, facts.span_start - sentences.char_start + 1, facts.span_end - facts.span_start)
    is distinct from facts.claimed_text
{%- else %}

articles as (

    select
        article_id,
        raw_text,
        body_start,
        body_end,
        headline_start,
        headline_end
    from {{ article_relation }}

)

select
    facts.article_id,
    facts.span_start,
    facts.span_end,
    facts.claimed_text,
    substr(articles.raw_text, facts.span_start + 1, facts.span_end - facts.span_start) as text_at_span,
    articles.body_start,
    articles.body_end
from facts
left join articles on facts.article_id = articles.article_id
where
    articles.article_id is null
    or facts.span_start is null
    or facts.span_end is null
    or not (
        facts.span_start >= articles.body_start and facts.span_end <= articles.body_end
        or facts.span_start >= articles.headline_start and facts.span_end <= articles.headline_end
    )
    or facts.span_end <= facts.span_start
    or substr(articles.raw_text, facts.span_start + 1, facts.span_end - facts.span_start)
    is distinct from facts.claimed_text
{%- endif %}

{% endtest %}
