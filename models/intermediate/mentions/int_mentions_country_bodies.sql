
{#- Bodies of a state named after its country: a country alias followed, within two words and
    across only a space or a possessive, by a body of org_country_bodies (`Turkiye's foreign
    ministry`, `Peru's Foreign Ministry`) is one organisation mention, named `<demonym>
    <canonical body>` (Turkish Foreign Ministry). -#}

-- depends_on: {{ ref('int_stories_changed') }}

with

hits as (

    select * from {{ ref('int_mentions_lexicon') }}
    where {{ in_changed_stories() }}

),

sentences as (

    select
        sentence_id,
        char_start,
        sentence_text
    from {{ ref('int_sentences') }}
    where {{ in_changed_stories() }}

),

final as (

    select
        country.sentence_id,
        country.article_id,
        country.story_id,
        country.char_start,
        body.char_end,
        'organization' as entity_type,
        'name' as mention_kind,
        'country_body' as detected_by,
        substr(
            sentences.sentence_text,
            country.char_start - sentences.char_start + 1,
            body.char_end - country.char_start
        ) as surface,
        coalesce(nullif(countries.demonym, ''), countries.country_name) || ' ' || body.entity_name as entity_name
    from hits as country
    inner join {{ ref('countries') }} as countries on country.entity_name = countries.country_name
    inner join hits as body
        on
            country.sentence_id = body.sentence_id
            and body.term_kind = 'body'
            and body.first_word_no between country.last_word_no + 1 and country.last_word_no + 2
    inner join sentences on country.sentence_id = sentences.sentence_id
    where
        country.term_kind = 'entity'
        and country.entity_type = 'country'
        and substr(
            sentences.sentence_text,
            country.char_end - sentences.char_start + 1,
            body.char_start - country.char_end
        ) in (' ', '’s ', '''s ')

)

select * from final
