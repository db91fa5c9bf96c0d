{#- Quoted passages of the article bodies, with the attribution windows around them.

    Each body paragraph (a line of int_sentences) is cut into the pieces of quote_piece_regex
    (macros/reactions.sql: double, typewriter and single quotes, runs of other text, a mark left
    over), which cover it exactly, so cumulative piece lengths give offsets without a second search.
    A quote is the text between its marks, trimmed of spaces and of the `,` that English puts
    before an attribution. Windows for the attribution are the rest of the sentence before the
    opening mark and after the closing mark, with every quoted piece of the paragraph masked as
    `§` (same length) so that words inside quotes are never taken for cue verbs or speakers; a quote
    that opens its paragraph after one that ends in a colon has that paragraph's last sentence as
    its window before (`..., he told MPs:` and the speech in the paragraphs after). Words
    in quotes that a name is given to (`the so-called “green levy”`, `dubbed “Clean Skies”`) are
    no quote. -#}

-- depends_on: {{ ref('int_stories_changed') }}

with

articles as (

    select
        article_id,
        raw_text
    from {{ ref('int_articles_changed') }}
    where is_current and {{ in_changed_stories() }}

),

sentences as (

    select
        sentence_id,
        article_id,
        story_id,
        paragraph_index,
        char_start,
        char_end,
        is_heading
    from {{ ref('int_sentences') }}
    where {{ in_changed_stories() }}

),

paragraphs as (

    select
        sentences.article_id,
        sentences.story_id,
        sentences.paragraph_index,
        min(sentences.char_start) as paragraph_start,
        max(sentences.char_end) as paragraph_end,
        bool_and(sentences.is_heading) as is_heading
    from sentences
    group by sentences.article_id, sentences.story_id, sentences.paragraph_index

),

paragraph_texts as (

    select
        paragraphs.*,
        -- a small integer key: partitions and joins on it are cheaper than on (article_id, index)
        row_number() over () as paragraph_key,
        substr(
            articles.raw_text,
            paragraphs.paragraph_start + 1,
            paragraphs.paragraph_end - paragraphs.paragraph_start
        ) as paragraph_text
    from paragraphs
    inner join articles
        on paragraphs.article_id = articles.article_id

),

-- the lead-in a quote that opens its paragraph may have in the paragraph before (`..., he told
-- MPs:`): its window before
lead_ins as (

    select * from {{ ref('int_quote_lead_ins_found') }}
    where {{ in_changed_stories() }}

),

pieces as (

    select
        paragraph_key,
        {{ explode_columns('piece_list', 'piece', 'piece_no') }}
    from (
        select
            paragraph_key,
            {{ regex_matches("paragraph_text", quote_piece_regex()) }} as piece_list
        from paragraph_texts
        where {{ regex_contains("paragraph_text", "'[“\"‘''`]'") }}
    ) as listed

),

positioned as (

    select
        paragraph_key,
        piece,
        piece_no,
        cast(coalesce(
            sum(length(piece)) over (
                partition by paragraph_key order by piece_no
                rows between unbounded preceding and 1 preceding
            ),
            0
        ) as bigint) as piece_start,
        length(piece) > 1 and left(piece, 1) in ('“', '"', '‘', '''', '`') as is_quote_piece
    from pieces

),

quote_pieces as (

    select
        paragraph_key,
        piece,
        piece_start,
        left(piece, 1) as open_mark,
        case when left(piece, 1) = '`' then 2 else 1 end as open_len,
        -- single-quote pieces end with their closing mark and possibly the non-letter after it
        case
            when left(piece, 1) in ('‘', '''') and right(piece, 1) not in ('’', '''') then 1
            else 0
        end as trailing_len,
        case
            when left(piece, 1) in ('‘', '''') then 1
            when left(piece, 1) = '“' and right(piece, 1) = '”' then 1
            when left(piece, 1) = '"' and right(piece, 1) = '"' then 1
            when left(piece, 1) = '`' and length(piece) >= 4 and right(piece, 2) = '''''' then 2
            else 0
        end as close_len
    from positioned
    where is_quote_piece

),

masked as (

    select
        paragraph_key,
        string_agg(
            case when is_quote_piece then repeat('§', length(piece)) else piece end,
            '' order by piece_no
        ) as masked_text
    from positioned
    -- only paragraphs with a quote need a masked copy
    where paragraph_key in (select quote_pieces.paragraph_key from quote_pieces)
    group by paragraph_key

),

contents as (

    select
        *,
        substr(piece, open_len + 1, length(piece) - open_len - close_len - trailing_len) as quoted_text,
        piece_start + length(piece) - trailing_len as close_end
    from quote_pieces

),

trimmed as (

    select
        *,
        length({{ regex_first("quoted_text", "'^[\\s\\x{00a0}]*'") }}) as lead_len,
        length({{ regex_first("quoted_text", "'[\\s\\x{00a0},;:—–-]*$'") }}) as trail_len
    from contents

),

spans as (

    select
        paragraph_texts.article_id,
        paragraph_texts.paragraph_index,
        paragraph_texts.paragraph_key,
        trimmed.open_mark,
        trimmed.piece_start as open_rel,
        trimmed.close_end as close_rel,
        paragraph_texts.story_id,
        paragraph_texts.paragraph_start,
        paragraph_texts.paragraph_text,
        paragraph_texts.is_heading,
        trimmed.close_len > 0 as is_closed,
        trimmed.piece_start + trimmed.open_len + trimmed.lead_len as start_rel,
        trimmed.piece_start + trimmed.open_len + length(trimmed.quoted_text) - trimmed.trail_len as end_rel
    from trimmed
    inner join paragraph_texts
        on trimmed.paragraph_key = paragraph_texts.paragraph_key
    where length(trimmed.quoted_text) > trimmed.lead_len + trimmed.trail_len

),

quotes as (

    select
        article_id,
        story_id,
        paragraph_index,
        paragraph_key,
        open_mark,
        is_closed,
        open_rel,
        close_rel,
        paragraph_start,
        is_heading,
        paragraph_start + start_rel as char_start,
        paragraph_start + end_rel as char_end,
        substr(paragraph_text, start_rel + 1, end_rel - start_rel) as quote  -- noqa: RF04
    from spans

),

kept as (

    -- headlines are not body reactions; a "quote" without a letter is stray punctuation, and
    -- one longer than a long paragraph comes from a mark that never closed
    select *
    from quotes
    where
        not is_heading
        and {{ regex_contains("quote", "'\\pL'") }}
        and length(quote) <= 1000

),

located as (

    select
        kept.*,
        opening.sentence_id,
        opening.char_start - kept.paragraph_start as sentence_start_rel,
        coalesce(closing.char_end, kept.paragraph_start + kept.close_rel) - kept.paragraph_start as sentence_end_rel
    from kept
    inner join sentences as opening
        on
            kept.article_id = opening.article_id
            and kept.paragraph_start + kept.open_rel >= opening.char_start
            and kept.paragraph_start + kept.open_rel < opening.char_end
    left join sentences as closing
        on
            kept.article_id = closing.article_id
            and kept.paragraph_start + kept.close_rel > closing.char_start
            and kept.paragraph_start + kept.close_rel <= closing.char_end

),

windowed as (

    select
        located.*,
        lead_ins.lead_in_start,
        lead_ins.lead_in_text,
        -- long windows are cut: an attribution sits next to its quote
        right(
            coalesce(
                lead_ins.lead_in_text,
                substr(
                    masked.masked_text, located.sentence_start_rel + 1, located.open_rel - located.sentence_start_rel
                )
            ),
            400
        ) as before_text,
        left(
            substr(
                masked.masked_text,
                located.close_rel + 1,
                greatest(located.sentence_end_rel - located.close_rel, 0)
            ),
            200
        ) as after_text
    from located
    inner join masked
        on located.paragraph_key = masked.paragraph_key
    left join lead_ins
        on
            located.article_id = lead_ins.article_id
            and located.paragraph_index = lead_ins.quote_paragraph_index
            and located.open_rel = 0

),

final as (

    select
        article_id || ':' || char_start as quote_id,
        article_id,
        story_id,
        sentence_id,
        paragraph_index,
        cast(row_number() over (partition by article_id order by char_start) as integer) as quote_index,
        cast(char_start as integer) as char_start,
        cast(char_end as integer) as char_end,
        quote,
        open_mark,
        is_closed,
        open_rel = 0 as starts_paragraph,
        not {{ regex_contains("before_text", "'[\\pL\\pN]'") }} as starts_sentence,
        {{ list_size(regex_matches("quote", "'\\pL+'")) }} as word_count,
        before_text,
        after_text,
        -- raw_text offsets of the windows, so that a speaker read in them has a span
        cast(
            coalesce(lead_in_start + length(lead_in_text), paragraph_start + open_rel)
            - length(before_text) as integer
        ) as before_start,
        cast(paragraph_start + close_rel as integer) as after_start
    from windowed
    -- a name in quotes is nobody's speech (`the so-called “green levy”`)
    where not {{ regex_contains('before_text', naming_before_quote_regex()) }}

)

select * from final
