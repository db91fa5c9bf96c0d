{#- The words of lines all in capitals of four words or more (a wire headline: `SOCCER - JAPAN
    GET LUCKY WIN, CHINA IN SURPRISE DEFEAT.`; not a dateline, `BUFFALO, N.Y. (AP) --`), whose
    capitals say nothing: a word of such a line is attested as a name word only when the
    article's running text writes it as one (a capitalised word that is not common, not a
    sentence's first word, not in a heading or another such line: `Japan`, `Cuttitta`), and is
    an acronym only when the article writes it in capitals there too (`NFL`). int_name_run_words
    reads it. -#}

-- depends_on: {{ ref('int_stories_changed') }}

with

caps_lines as (

    select
        sentence_key,
        {{ stable_key('article_id') }} as article_key
    from {{ ref('int_sentences') }}
    where
        {{ in_changed_stories() }}
        and sentence_text = upper(sentence_text)
        and {{ regex_contains('sentence_text', "'\\p{Lu}{2,}(?:[^\\p{Lu}]+\\p{Lu}{2,}){3}'") }}

),

capped_articles as (

    select distinct article_key
    from caps_lines

),

-- the sentences of those articles: int_name_words carries no article id, and only these few
-- articles' words need one
capped_sentences as (

    select
        keyed.sentence_key,
        keyed.article_key
    from (
        select
            sentence_key,
            {{ stable_key('article_id') }} as article_key
        from {{ ref('int_sentences') }}
        where {{ in_changed_stories() }}
    ) as keyed
    inner join capped_articles on keyed.article_key = capped_articles.article_key

),

article_words as (

    select
        capped_sentences.article_key,
        words.sentence_key,
        words.story_id,
        words.word_no,
        words.word_lower,
        words.is_cap,
        words.is_upper,
        words.is_common,
        words.is_heading
    from {{ ref('int_name_words') }} as words
    inner join capped_sentences on words.sentence_key = capped_sentences.sentence_key
    where {{ in_changed_stories('words.story_id') }}

),

-- the running text's name words of the articles with such a line, and whether it writes each
-- in capitals only
article_name_words as (

    select
        article_words.article_key,
        article_words.word_lower,
        bool_and(article_words.is_upper) as is_written_upper
    from article_words
    inner join capped_articles on article_words.article_key = capped_articles.article_key
    left join caps_lines on article_words.sentence_key = caps_lines.sentence_key
    where
        article_words.is_cap and not article_words.is_common and article_words.word_no > 1
        and not article_words.is_heading and caps_lines.sentence_key is null
    group by article_words.article_key, article_words.word_lower

),

final as (

    select
        article_words.sentence_key,
        article_words.word_no,
        article_words.story_id,
        article_name_words.word_lower is not null as is_attested,
        coalesce(article_name_words.is_written_upper, false) as is_written_upper
    from article_words
    inner join caps_lines on article_words.sentence_key = caps_lines.sentence_key
    left join article_name_words
        on
            article_words.article_key = article_name_words.article_key
            and article_words.word_lower = article_name_words.word_lower

)

select * from final
