
{#- Lexicon matches in the bodies: n-grams of 1..8 words (int_name_words) that are an alias of
    entity_aliases (case-sensitive, or all capitals of 4+ letters: `LIMA`), a title of
    name_titles or a country body of org_country_bodies (both in any case, without a final
    period). Aliases are kept leftmost-longest, one per span; every title and body match is kept
    (the runs and the country bodies read them), but a title right before an organisation's head
    word, which names the body (`the Justice Department`). Headings are matched too. -#}

{%- set wc = "\\p{L}\\p{M}\\p{N}" -%}
{%- set word_re = "(?:[A-Z](?:\\.[A-Z])+\\.?|[" ~ wc ~ "]+)" -%}
{%- set term_word_re = "'" ~ word_re ~ "'" -%}
{%- set max_words = 8 -%}

-- depends_on: {{ ref('int_stories_changed') }}

with

words as (

    select * from {{ ref('int_name_words') }}
    where {{ in_changed_stories() }}

),

sentences as (

    select
        sentence_id,
        sentence_key,
        article_id,
        char_start,
        sentence_text
    from {{ ref('int_sentences') }}
    where {{ in_changed_stories() }}

),

terms_listed as (

    select
        term,
        entity_name,
        entity_type,
        alias_kind,
        'entity' as term_kind
    from {{ ref('stg_lexicons__entity_aliases') }}

    union all

    select
        term,
        term as entity_name,
        'person' as entity_type,
        'title' as alias_kind,
        'title' as term_kind
    from {{ ref('stg_lexicons__name_titles') }}

    union all

    select
        term,
        canonical_suffix as entity_name,
        'organization' as entity_type,
        'body' as alias_kind,
        'body' as term_kind
    from {{ ref('stg_lexicons__org_country_bodies') }}

),

terms as (

    select
        term,
        entity_name,
        entity_type,
        alias_kind,
        term_kind,
        {{ regex_first('term', term_word_re) }} as first_word,
        {{ list_size(regex_matches('term', term_word_re)) }} as n_words,
        -- titles and bodies match in any case, without a final period (`Gen.`)
        case
            when term_kind = 'entity' then {{ text_key('term') }}
            else rtrim(lower({{ text_key('term') }}), '.')
        end as term_key
    from terms_listed

),

candidates as (

    select
        words.sentence_key,
        words.story_id,
        words.word_no as first_word_no,
        words.word_no + terms.n_words - 1 as last_word_no,
        words.word_start as char_start,
        case terms.n_words
            when 1 then words.word_end
            {% for k in range(2, max_words + 1) -%}
                when {{ k }} then words.end_{{ k }}
            {% endfor -%}
        end as char_end,
        terms.term,
        terms.term_key,
        terms.term_kind,
        terms.entity_name,
        terms.entity_type,
        terms.alias_kind
    from words
    inner join terms
        on
            words.word_lower = lower(terms.first_word)
            -- aliases are case-sensitive, or all capitals
            and (terms.term_kind != 'entity' or words.word in (terms.first_word, upper(terms.first_word)))

),

keyed as (

    select
        candidates.*,
        {{ text_key('surface') }} as surface_key
    from (
        select
            candidates.*,
            sentences.sentence_id,
            sentences.article_id,
            substr(
                sentences.sentence_text,
                candidates.char_start - sentences.char_start + 1,
                candidates.char_end - candidates.char_start
            ) as surface
        from candidates
        inner join sentences on candidates.sentence_key = sentences.sentence_key
        where candidates.char_end - candidates.char_start = length(candidates.term)
    ) as candidates

),

hits as (

    select
        *,
        surface_key = term_key as is_exact
    from keyed
    where
        case
            when term_kind = 'entity'
                then
                    surface_key = term_key
                    or (length(surface_key) >= 4 and surface_key = upper(term_key) and surface_key != term_key)
            else lower(surface_key) = term_key
        end

),

org_heads as (

    select
        sentence_key,
        word_no
    from words
    where head_type = 'organization' and is_cap and gap = ' '

),

entity_hits as (

    select
        *,
        row_number() over (
            partition by sentence_key, char_start
            order by char_end desc, is_exact desc, alias_kind asc, entity_name asc
        ) as start_rank
    from hits
    where term_kind = 'entity'

),

-- leftmost longest: drop a match that an earlier one reaches into
longest_hits as (

    select
        *,
        max(char_end) over (
            partition by sentence_key order by char_start
            rows between unbounded preceding and 1 preceding
        ) as covered_to
    from entity_hits
    where start_rank = 1

),

final as (

    select
        sentence_id,
        article_id,
        story_id,
        term_kind,
        cast(first_word_no as integer) as first_word_no,
        cast(last_word_no as integer) as last_word_no,
        cast(char_start as integer) as char_start,
        cast(char_end as integer) as char_end,
        surface,
        entity_name,
        entity_type,
        alias_kind
    from longest_hits
    where coalesce(covered_to, 0) <= char_start

    union all

    select
        hits.sentence_id,
        hits.article_id,
        hits.story_id,
        hits.term_kind,
        cast(hits.first_word_no as integer) as first_word_no,
        cast(hits.last_word_no as integer) as last_word_no,
        cast(hits.char_start as integer) as char_start,
        cast(hits.char_end as integer) as char_end,
        hits.surface,
        hits.entity_name,
        hits.entity_type,
        hits.alias_kind
    from hits
    -- a title right before an organisation's head word names the body (`the Justice Department`)
    left join org_heads on hits.sentence_key = org_heads.sentence_key and hits.last_word_no + 1 = org_heads.word_no
    where hits.term_kind = 'body' or (hits.term_kind = 'title' and org_heads.sentence_key is null)

)

select * from final
