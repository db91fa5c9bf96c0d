{#- The named-entity mention (int_mentions_extracted) a speaker is, so that fct_reactions names a
    speaker that is a named entity as fct_mentions names that mention: one entity, one name.
      - A speaker named as its phrase names it: the longest mention inside the phrase that names
        the speaker (the speaker phrase, or the name in apposition to a bare title:
        int_speaker_phrases_read.name_part) and ends where it ends, or for a person the name inside
        a phrase that goes on past it (`Senator Maria Lopez of Texas`). A person takes only a person
        or untyped mention written as the name itself (`US State Department spokesman Matthew
        Miller` -> `Matthew Miller`, but not `Washington Chris Gregoire` for `Governor of
        Washington Chris Gregoire`); an entity or body anything but a person (`Turkiye's foreign
        ministry` is the body mention `Turkish Foreign Ministry`).
      - A surname the rules completed from the story (`Miller` -> `Matthew Miller`): the first
        mention of the article written as the full name.
    Documents, the parties and unnamed phrases match nothing. -#}

-- depends_on: {{ ref('int_stories_changed') }}

with

attributed as (

    select
        quote_key,
        article_id,
        story_id,
        speaker_start,
        speaker_end,
        apposition_start,
        apposition_end
    from {{ ref('int_quotes_attributed') }}
    where {{ in_changed_stories() }}

),

phrases as (

    select
        quote_key,
        speaker_class,
        speaker_name,
        name_part
    from {{ ref('int_speaker_phrases_read') }}
    where {{ in_changed_stories() }} and speaker_class in ('person', 'entity', 'body')

),

named as (

    select
        quote_key,
        speaker
    from {{ ref('int_speakers_named') }}
    where {{ in_changed_stories() }}

),

mentions as (

    select
        mention_id,
        article_id,
        char_start,
        char_end,
        entity_type,
        {{ regex_replace_all("surface", "'\\s+'", "' '") }} as written
    from {{ ref('int_mentions_extracted') }}
    where {{ in_changed_stories() }}

),

name_spans as (

    select
        attributed.quote_key,
        attributed.article_id,
        attributed.story_id,
        phrases.speaker_class,
        phrases.speaker_name,
        named.speaker,
        case phrases.name_part when 1 then attributed.apposition_start else attributed.speaker_start end as name_start,
        case phrases.name_part when 1 then attributed.apposition_end else attributed.speaker_end end as name_end
    from attributed
    inner join phrases
        on attributed.quote_key = phrases.quote_key
    inner join named
        on attributed.quote_key = named.quote_key

),

matched as (

    select
        name_spans.quote_key,
        name_spans.story_id,
        mentions.mention_id,
        mentions.char_start,
        mentions.char_end,
        row_number() over (
            partition by name_spans.quote_key order by mentions.char_start, mentions.mention_id
        ) as preference
    from name_spans
    inner join mentions
        on
            name_spans.article_id = mentions.article_id
            and (
                -- named as written: the mention the phrase ends in, or for a person the name
                -- inside a phrase that goes on past it (`Senator Maria Lopez of Texas`)
                (
                    name_spans.speaker = name_spans.speaker_name
                    and name_spans.name_start <= mentions.char_start
                    and (
                        name_spans.name_end = mentions.char_end
                        or (
                            name_spans.speaker_class = 'person'
                            and name_spans.name_end >= mentions.char_end
                        )
                    )
                )
                -- a completed surname: where the article writes the full name
                or (
                    name_spans.speaker != name_spans.speaker_name
                    and name_spans.speaker_class = 'person'
                    and name_spans.speaker = mentions.written
                )
            )
    where
        case name_spans.speaker_class
            when 'person'
                then coalesce(mentions.entity_type, 'person') = 'person' and mentions.written = name_spans.speaker
            else coalesce(mentions.entity_type, '') != 'person'
        end

),

final as (

    select
        quote_key,
        story_id,
        mention_id,
        char_start as mention_start,
        char_end as mention_end
    from matched
    where preference = 1

)

select * from final
