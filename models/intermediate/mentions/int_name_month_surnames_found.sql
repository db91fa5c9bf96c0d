
{#- The month names that are surnames, one row per word: a month name that is also a word (`May`,
    `June`) is a surname when it follows a plain capitalised word and no number follows it
    (`Theresa May said`, not `Brussels May 5`); once an article has such a name, the word alone is
    that person too (`May told parliament`), except after a word that makes it a month (`in May`,
    the context of the `<mon>` date pattern of relative_date_rules) or before a number.
    int_name_run_words makes these words name words. -#}

-- depends_on: {{ ref('int_stories_changed') }}

with

-- every word, for a month word's neighbours; only month words need their article (int_sentences)
words as (

    select
        sentence_key,
        story_id,
        word_no,
        word,
        word_lower,
        gap,
        is_cap,
        is_common
    from {{ ref('int_name_words') }}
    where {{ in_changed_stories() }}

),

month_words as (

    select
        words.sentence_key,
        {{ stable_key('sentences.article_id') }} as article_key,
        words.story_id,
        words.word_no,
        words.word,
        words.gap
    from words
    inner join {{ ref('stg_lexicons__month_names') }} as month_names
        on words.word_lower = month_names.match_key and not month_names.is_abbreviation
    inner join {{ ref('int_sentences') }} as sentences on words.sentence_key = sentences.sentence_key
    where words.is_cap and {{ in_changed_stories('sentences.story_id') }}

),

neighboured as (

    select
        month_words.*,
        coalesce(prev_words.is_cap and not prev_words.is_common, false) as prev_is_plain_cap,
        prev_words.word_lower as prev_lower,
        coalesce({{ regex_contains('next_words.word', "'^[0-9]'") }}, false) as before_number
    from month_words
    left join words as prev_words
        on month_words.sentence_key = prev_words.sentence_key and prev_words.word_no = month_words.word_no - 1
    left join words as next_words
        on month_words.sentence_key = next_words.sentence_key and next_words.word_no = month_words.word_no + 1

),

-- the words after which `May` is a month
month_prepositions as (

    select distinct word
    from (
        select {{ explode_columns('context_words', 'word', 'word_no') }}
        from (
            select {{ regex_matches('context', "'[^|]+'") }} as context_words
            from {{ ref('relative_date_rules') }}
            where pattern = '<mon>'
        ) as listed
    ) as exploded

),

surnames as (

    select distinct
        article_key,
        word
    from neighboured
    where prev_is_plain_cap and gap = ' ' and not before_number

),

final as (

    select
        neighboured.sentence_key,
        neighboured.word_no,
        neighboured.story_id
    from neighboured
    inner join surnames on neighboured.article_key = surnames.article_key and neighboured.word = surnames.word
    left join month_prepositions on neighboured.prev_lower = month_prepositions.word
    where not neighboured.before_number and month_prepositions.word is null

)

select * from final
