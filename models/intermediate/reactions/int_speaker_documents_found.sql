{#- What a quote attributed to a document (`the statement said`) or to the parties (`the two
    countries`) stands for, read from its article's body:
      - joint_noun: the first joint document (`joint statement`, seed speaker_nouns role
        `document`) mentioned before the quote or in its own attribution (`..., the two said in
        a joint statement`);
      - source_name: for a document, the body it came `from`/`by`, the last such phrase before
        the quote whose head is the document's noun (`a statement from its state commission`),
        ending before a cue verb (`A statement by the Foreign Affairs Department described the
        attacks as senseless`: the department); else the subject of the last `said in a
        statement` before the quote (`Halvern said in a statement that ...`: Halvern; `the health
        ministry said in a statement on Wednesday`: health ministry).
    int_speakers_named reads them to name the speaker. -#}

-- depends_on: {{ ref('int_stories_changed') }}

with

attributed as (

    select * from {{ ref('int_quotes_attributed') }}
    where {{ in_changed_stories() }}

),

phrases as (

    select * from {{ ref('int_speaker_phrases_read') }}
    where {{ in_changed_stories() }} and speaker_class in ('document', 'parties')

),

articles as (

    select
        article_id,
        body_start,
        {{ article_body() }} as body
    from {{ ref('int_articles_changed') }}
    where is_current and {{ in_changed_stories() }}

),

speaker_nouns as (

    select * from {{ ref('stg_lexicons__speaker_nouns') }}

),

-- a lower-case finite cue verb and all after it: the verb of the sentence the source is subject of
cue_verb_tail as (

    select '\s(?:' || {{ string_agg_ordered('term', "'|'", 'term') }} || ')\b.*$' as pattern
    from {{ ref('stg_lexicons__cue_verbs') }}
    where form = 'finite' and term = lower(term)

),

-- `said in a statement`, `said in a written statement`: a cue and a document noun after it
said_in_document as (

    select
        '[^.,;:"“”§\n]+ said in an? (?:\pL+ ){0,2}?(?:'
        || {{ string_agg_ordered('term', "'|'", 'term') }}
        || ')\b' as pattern
    from speaker_nouns
    where role = 'document'

),

joint_mentions as (

    -- `joint statement`, `joint declaration` ... and where in the body they end; only in
    -- articles with a document or the parties among their speakers (the phrases kept above)
    select
        chunks.article_id,
        chunks.joint_noun,
        chunks.mention_end
    from (
        select
            article_id,
            lower({{ regex_extract("chunk", "'(\\pL+)$'", 1) }}) as joint_noun,
            sum(length(chunk)) over (
                partition by article_id order by chunk_no
                rows between unbounded preceding and current row
            ) + body_start as mention_end
        from (
            select
                article_id,
                body_start,
                {{ explode_columns('chunk_list', 'chunk', 'chunk_no') }}
            from (
                select
                    article_id,
                    body_start,
                    {{ regex_matches("body", "'(?is:.*?)\\bjoint \\pL+'") }} as chunk_list
                from articles
                where article_id in (
                        select attributed.article_id
                        from attributed
                        inner join phrases
                            on attributed.quote_key = phrases.quote_key
                    )
            ) as listed
        ) as exploded
    ) as chunks
    inner join speaker_nouns
        on chunks.joint_noun = speaker_nouns.term
    where speaker_nouns.role = 'document'

),

earlier_joints as (

    -- the first joint document of the article before the quote or in its own attribution
    select
        attributed.quote_key,
        {{ arg_min_by('joint_mentions.joint_noun', 'joint_mentions.mention_end') }} as joint_noun
    from attributed
    inner join joint_mentions
        on
            attributed.article_id = joint_mentions.article_id
            and joint_mentions.mention_end <= attributed.char_end + length(attributed.after_text) + 1
    group by attributed.quote_key

),

-- the text of the article before each quote a document speaks, where its source is named
document_quotes as (

    select
        attributed.quote_key,
        phrases.head_key,
        substr(articles.body, 1, attributed.char_start - articles.body_start) as text_before
    from attributed
    inner join phrases
        on attributed.quote_key = phrases.quote_key
    inner join articles
        on attributed.article_id = articles.article_id
    where phrases.speaker_class = 'document'

),

document_sources as (

    -- `a statement from its state commission for prisoners of war`: the body a document came from
    select
        exploded.quote_key,
        {{ arg_max_by(
            regex_replace(
                regex_replace(
                    regex_extract("exploded.mention", "'^\\pL+ (?:from|by) (.*)$'", 1),
                    "'^(?:the|its|their|his|her|a|an) '", "''"
                ),
                'cue_verb_tail.pattern', "''"
            ),
            'exploded.mention_no'
        ) }} as source_name
    from (
        select
            quote_key,
            head_key,
            {{ explode_columns('mention_list', 'mention', 'mention_no') }}
        from (
            select
                quote_key,
                head_key,
                {{ regex_matches("text_before", "'\\pL+ (?:from|by) [^.,;:\"“”§\\n]+'") }} as mention_list
            from document_quotes
        ) as listed
    ) as exploded
    cross join cue_verb_tail
    where lower({{ regex_extract("exploded.mention", "'^(\\pL+)'", 1) }}) = exploded.head_key
    group by exploded.quote_key

),

said_in_sources as (

    -- `Halvern said in a statement that ...`, `..., the health ministry said in a statement on
    -- Wednesday`: the subject, from its clause's start, of the last such `said in` before the quote
    select
        exploded.quote_key,
        {{ arg_max_by(
            regex_replace(
                regex_extract("exploded.mention", "'^\\s*(.+?) said in '", 1),
                "'^(?i:the|its|their|his|her|a|an) '", "''"
            ),
            'exploded.mention_no'
        ) }} as source_name
    from (
        select
            quote_key,
            head_key,
            {{ explode_columns('mention_list', 'mention', 'mention_no') }}
        from (
            select
                document_quotes.quote_key,
                document_quotes.head_key,
                {{ regex_matches("document_quotes.text_before", "said_in_document.pattern") }} as mention_list
            from document_quotes
            cross join said_in_document
        ) as listed
    ) as exploded
    where
        lower({{ regex_extract("exploded.mention", "'(\\pL+)$'", 1) }}) = exploded.head_key
        -- a pronoun needs an antecedent, and a clause word opens no subject (`which makes ...`)
        and lower(trim({{ regex_extract("exploded.mention", "'^\\s*(.+?) said in '", 1) }}))
        not in ('it', 'he', 'she', 'they', 'we', 'i', 'you')
        and not {{ regex_contains("lower(exploded.mention)", "'\\b(?:who|which|that|and|but|after|when|while)\\b'") }}
    group by exploded.quote_key

),

final as (

    select
        attributed.quote_key,
        attributed.story_id,
        earlier_joints.joint_noun,
        coalesce(document_sources.source_name, said_in_sources.source_name) as source_name
    from attributed
    inner join phrases
        on attributed.quote_key = phrases.quote_key
    left join earlier_joints
        on attributed.quote_key = earlier_joints.quote_key
    left join document_sources
        on attributed.quote_key = document_sources.quote_key
    left join said_in_sources
        on attributed.quote_key = said_in_sources.quote_key

)

select * from final
