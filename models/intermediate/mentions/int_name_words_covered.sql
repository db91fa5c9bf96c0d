
{#- The words that a lexicon match of int_mentions_lexicon covers, one row per sentence and word:
    inside a title (`President`, `Defense Minister`) or an alias of entity_aliases (`Peru`,
    `European Union`). int_name_run_words reads it: a title's words are no name words, an
    alias's are the lexicon's, not a run's. A title's portfolio before a given name is the
    title's too (`of Finance` of `Minister of Finance Rosa Delgado`). Keyed by the sentence's
    integer key, as the words are. -#}

{%- set max_words = 8 -%}
{#- the portfolio's words, `the` and `and` included (`for Foreign Affairs and Trade`) -#}
{%- set max_portfolio_words = 4 -%}

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

words as (

    select
        sentence_key,
        word_no,
        word_lower,
        gap,
        is_cap,
        is_given_name,
        head_type
    from {{ ref('int_name_words') }}
    where {{ in_changed_stories() }}

),

-- A capitalised title, `of` or `for` after it, then capitalised words up to a given name, one
-- space apart: `Minister for Health Ana Lind`, `Secretary for Education Daniel Okafor`,
-- `Chancellor of the Exchequer Rachel Reeves`. Without it the portfolio opened the name
-- (`Health Ana Lind`). Where no given name follows, nothing is read (`the Minister for Health
-- said`; `Minister for Health Ngozi Okafor` with a given name no gazetteer lists).
portfolios as (

    select
        titles.sentence_key,
        titles.story_id,
        titles.last_word_no + 1 as first_word_no,
        min(given.word_no) - 1 as last_word_no
    from (
        select distinct
            spans.sentence_key,
            spans.story_id,
            spans.last_word_no
        from spans
        inner join words as title_words
            on spans.sentence_key = title_words.sentence_key and spans.last_word_no = title_words.word_no
        where spans.term_kind = 'title' and title_words.is_cap
    ) as titles
    inner join words as joiners
        on
            titles.sentence_key = joiners.sentence_key
            and joiners.word_no = titles.last_word_no + 1
            and joiners.word_lower in ('of', 'for')
            and joiners.gap = ' '
    inner join words as given
        on
            titles.sentence_key = given.sentence_key
            and given.word_no between titles.last_word_no + 3 and titles.last_word_no + 2 + {{ max_portfolio_words }}
            and given.is_given_name
            and given.is_cap
    group by titles.sentence_key, titles.story_id, titles.last_word_no

),

whole_portfolios as (

    select portfolios.*
    from portfolios
    inner join words
        on
            portfolios.sentence_key = words.sentence_key
            and words.word_no between portfolios.first_word_no + 1 and portfolios.last_word_no + 1
    group by portfolios.sentence_key, portfolios.story_id, portfolios.first_word_no, portfolios.last_word_no
    -- every word is capitalised but `the` and `and`, and none is set off by punctuation; a body's
    -- name is no portfolio (`CEO of the Refugee Council Enver Solomon`: a head word ends two
    -- capitalised words)
    having
        bool_and(words.gap = ' ')
        and bool_and(words.is_cap or words.word_lower in ('the', 'and'))
        and bool_or(words.is_cap and words.word_no <= portfolios.last_word_no)
        and not (
            bool_or(words.word_no = portfolios.last_word_no and words.head_type is not null)
            and count(*) filter (where words.is_cap and words.word_no <= portfolios.last_word_no) >= 2
        )

),

covers as (

    select
        sentence_key,
        story_id,
        first_word_no,
        last_word_no,
        term_kind
    from spans
    union all
    select
        sentence_key,
        story_id,
        first_word_no,
        last_word_no,
        'title' as term_kind
    from whole_portfolios

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
    from covers as spans
    inner join offsets on spans.last_word_no - spans.first_word_no >= offsets.word_offset
    group by spans.sentence_key, spans.story_id, spans.first_word_no + offsets.word_offset

)

select * from final
