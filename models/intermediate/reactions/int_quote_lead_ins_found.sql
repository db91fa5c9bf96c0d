{#- The lead-ins of quotes set off in a paragraph of their own: the last sentence of a paragraph
    that ends in a colon (`In a speech before the vote, he told MPs:`) introduces the quote that
    opens the next paragraph, and int_quotes_found makes it that quote's window before. A lead-in
    with a quote mark of its own is left out: its quoted words would need masking, or they would
    be read as cue verbs and speakers. -#}

-- depends_on: {{ ref('int_stories_changed') }}

with

sentences as (

    select
        article_id,
        story_id,
        paragraph_index,
        is_heading,
        char_start,
        sentence_text
    from {{ ref('int_sentences') }}
    where {{ in_changed_stories() }}

),

last_starts as (

    select
        article_id,
        paragraph_index,
        max(char_start) as char_start
    from sentences
    group by article_id, paragraph_index

),

last_sentences as (

    select sentences.*
    from sentences
    inner join last_starts
        on sentences.article_id = last_starts.article_id and sentences.char_start = last_starts.char_start

),

lead_ins as (

    select
        last_sentences.article_id,
        last_sentences.story_id,
        last_sentences.char_start as lead_in_start,
        last_sentences.sentence_text as lead_in_text,
        last_sentences.paragraph_index + 1 as quote_paragraph_index
    from last_sentences
    where not last_sentences.is_heading

),

final as (

    select
        article_id,
        story_id,
        cast(quote_paragraph_index as integer) as quote_paragraph_index,
        cast(lead_in_start as integer) as lead_in_start,
        lead_in_text
    from lead_ins
    where
        {{ regex_contains("lead_in_text", "':\\s*$'") }}
        and not {{ regex_contains("lead_in_text", "'[“”\"‘’`]'") }}

)

select * from final
