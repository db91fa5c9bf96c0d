
{#- The words of the article bodies, one row each, with what the name rules need to know about
    them. Sentences are cut into pieces `<non-word characters><word>` whose cumulative lengths
    give each word's offset; end_2..end_8 are the ends of the n-grams that start at the word (for
    lexicon matching). The flags come from the name lexicons: common words, context words, head
    words, given names and legal suffixes. -#}

{%- set wc = "\\p{L}\\p{M}\\p{N}" -%}
{%- set word_re = "(?:[A-Z](?:\\.[A-Z])+\\.?|[" ~ wc ~ "]+)" -%}
{%- set piece_re = "'[^" ~ wc ~ "]*" ~ word_re ~ "'" -%}
{%- set word_at_end_re = "'" ~ word_re ~ "$'" -%}
{%- set max_words = 8 -%}

-- depends_on: {{ ref('int_stories_changed') }}

with

sentences as (

    select
        sentence_id,
        article_id,
        story_id,
        char_start,
        sentence_text,
        is_heading,
        -- partitions on long varchar ids are much slower
        row_number() over (order by article_id, sentence_index) as sentence_key
    from {{ ref('int_sentences') }}
    where {{ in_changed_stories() }}

),

pieces as (

    select
        sentence_key,
        sentence_start,
        {{ explode_columns('piece_list', 'piece', 'piece_no') }}
    from (
        select
            sentence_key,
            char_start as sentence_start,
            {{ regex_matches("sentence_text", piece_re) }} as piece_list
        from sentences
    ) as listed

),

located as (

    select
        sentence_key,
        piece,
        cast(piece_no as integer) as word_no,
        {{ regex_first('piece', word_at_end_re) }} as word,
        -- one sort for all offsets
        {% for k in range(2, max_words + 1) -%}
            lead(length(piece), {{ k - 1 }}) over (partition by sentence_key order by piece_no) as len_{{ k }},
        {% endfor -%}
        cast(sentence_start + sum(length(piece)) over (
            partition by sentence_key order by piece_no
            rows between unbounded preceding and current row
        ) as integer) as end_1
    from pieces

),

final as (

    select
        sentences.sentence_id,
        sentences.article_id,
        sentences.story_id,
        sentences.is_heading,
        located.word_no,
        located.word,
        lower(located.word) as word_lower,
        substr(located.piece, 1, length(located.piece) - length(located.word)) as gap,
        located.end_1 - length(located.word) as word_start,
        located.end_1 as word_end,
        {% for k in range(2, max_words + 1) -%}
            {%- set lengths = [] -%}
            {%- for j in range(2, k + 1) -%}{%- do lengths.append('located.len_' ~ j) -%}{%- endfor %}
            located.end_1 + {{ lengths | join(' + ') }} as end_{{ k }},
        {% endfor -%}
        {{ regex_contains('located.word', "'^\\p{Lu}'") }} as is_cap,
        {{ regex_contains('located.word', "'^\\p{Lu}[\\p{Lu}\\p{N}.]+$'") }} as is_upper,
        common_words.word is not null as is_common,
        given_names.given_name is not null as is_given_name,
        legal_suffixes.suffix is not null as is_legal_suffix,
        context_words.role as context_role,
        head_words.entity_type as head_type
    from located
    inner join sentences on located.sentence_key = sentences.sentence_key
    left join {{ ref('name_common_words') }} as common_words on lower(located.word) = common_words.word
    left join {{ ref('name_context_words') }} as context_words on lower(located.word) = context_words.word
    left join {{ ref('name_head_words') }} as head_words on located.word = head_words.word
    left join {{ ref('name_given_names') }} as given_names on located.word = given_names.given_name
    left join {{ ref('name_legal_suffixes') }} as legal_suffixes on lower(located.word) = legal_suffixes.suffix

)

select * from final
