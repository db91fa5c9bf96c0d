
{#- The words that can make up a name, with the context the typing rules of int_name_runs read:
    capitalised words that are neither common nor part of a title, and the lower-case words and
    common words that join or continue a name (particles, hyphenated parts, an ampersand's sides,
    the words of a gazetteer name, a title used as a surname, `and` or `for a` inside a body's
    name). The yml lists each case with its example. Headings are included. -#}

-- depends_on: {{ ref('int_stories_changed') }}

with

-- The windows below sort these rows: they carry integer keys, not the 64-character ids, which
-- join back in `final` from `sentences`.
words as (

    select
        sentence_key,
        is_heading,
        word_no,
        word,
        word_lower,
        gap,
        word_start,
        word_end,
        is_cap,
        is_upper,
        is_common,
        is_given_name,
        is_legal_suffix,
        head_type,
        context_role
    from {{ ref('int_name_words') }}
    where {{ in_changed_stories() }}

),

sentence_keys as (

    select
        sentence_id,
        sentence_key,
        article_id,
        story_id
    from {{ ref('int_sentences') }}
    where {{ in_changed_stories() }}

),

offsets as (

    {% for k in range(3) -%}
        select {{ k }} as word_offset {{ 'union all' if not loop.last }}
    {% endfor %}

),

covered_words as (

    select
        sentence_key,
        word_no,
        in_title,
        in_lexicon
    from {{ ref('int_name_words_covered') }}
    where {{ in_changed_stories() }}

),

word_neighbours as (

    select
        words.*,
        lag(words.is_cap and not words.is_common) over sentence_words as prev_is_plain_cap,
        lag(words.word_lower) over sentence_words as prev_lower,
        lag(words.word) over sentence_words as prev_word,
        lead(words.word) over sentence_words as next_word,
        lead(words.gap) over sentence_words as next_gap,
        lead(words.word, 2) over sentence_words as next2_word,
        lead(words.gap, 2) over sentence_words as next2_gap
    from words
    window sentence_words as (partition by words.sentence_key order by words.word_no)

),

rare_word_neighbours as (

    select * from {{ ref('int_name_rare_word_neighbours_found') }}
    where {{ in_changed_stories() }}

),

month_surnames as (

    select
        sentence_key,
        word_no
    from {{ ref('int_name_month_surnames_found') }}
    where {{ in_changed_stories() }}

),

-- the words of a whole name of name_gazetteer of two or three words (`General Motors`, `Bank
-- of America`): a title or a common word among them (`General`) is part of the name
gazetteer_words as (

    select distinct
        named.sentence_key,
        named.word_no + offsets.word_offset as word_no
    from (
        select
            candidates.sentence_key,
            candidates.word_no,
            case when gazetteer_3.name is not null then 3 else 2 end as n_words
        from (
            -- the joins' keys only: a condition on this side in a join's ON makes DuckDB loop
            select
                sentence_key,
                word_no,
                word || ' ' || next_word as name_2,
                case when next2_gap = ' ' then word || ' ' || next_word || ' ' || next2_word end as name_3
            from word_neighbours
            where is_cap and next_gap = ' '
        ) as candidates
        left join {{ ref('name_gazetteer') }} as gazetteer_2 on candidates.name_2 = gazetteer_2.name
        left join {{ ref('name_gazetteer') }} as gazetteer_3 on candidates.name_3 = gazetteer_3.name
        where gazetteer_2.name is not null or gazetteer_3.name is not null
    ) as named
    inner join offsets on named.n_words > offsets.word_offset

),

caps_words as (

    select
        sentence_key,
        word_no,
        is_attested,
        is_written_upper
    from {{ ref('int_name_caps_words_attested') }}
    where {{ in_changed_stories() }}

),

flagged as (

    select
        word_neighbours.*,
        caps_words.sentence_key is not null as is_caps_line,
        coalesce(caps_words.is_written_upper, false) as is_written_upper,
        coalesce(covered_words.in_title, false) and gazetteer_words.word_no is null
        and not {{ title_as_surname() }} and not {{ title_in_name() }} as is_title,
        coalesce(covered_words.in_lexicon, false) as is_lexicon,
        coalesce(covered_words.in_title, false) as in_title,
        gazetteer_words.word_no is not null as in_gazetteer_name,
        word_neighbours.is_cap
        and (
            not word_neighbours.is_common
            -- `Theresa May` (int_name_month_surnames_found)
            or month_surnames.word_no is not null
            -- a common word that heads a name continues one (`Sky News`), never starts one
            or (
                word_neighbours.head_type is not null
                and word_neighbours.prev_is_plain_cap
                and word_neighbours.gap = ' '
            )
            -- either side of a firm's ampersand (`Standard & Poor's`, `Marks & Spencer`)
            or {{ beside_ampersand('word_neighbours') }}
            -- either side of initials glued by an ampersand (`AT&T`)
            or {{ is_glued_initials('word_neighbours.prev_word', 'word_neighbours.word', 'word_neighbours.gap') }}
            or {{ is_glued_initials('word_neighbours.word', 'word_neighbours.next_word', 'word_neighbours.next_gap') }}
            or gazetteer_words.word_no is not null
            or {{ title_in_name() }}
        )
        and (
            not coalesce(covered_words.in_title, false)
            or gazetteer_words.word_no is not null
            or {{ title_as_surname() }}
            or {{ title_in_name() }}
        )
        -- a party's initial before a state (`R-Ohio`, `D-Calif.`) is no name's
        and not coalesce(
            word_neighbours.word in {{ party_initials() }} and word_neighbours.next_gap = '-'
            and {{ regex_contains('word_neighbours.next_word', "'^\\p{Lu}'") }},
            false
        )
        -- in a line all in capitals, only what the article writes as a name (int_name_caps_words_attested)
        and coalesce(caps_words.is_attested, true) as is_name_word
    from word_neighbours
    left join covered_words
        on
            word_neighbours.sentence_key = covered_words.sentence_key
            and word_neighbours.word_no = covered_words.word_no
    left join rare_word_neighbours
        on
            word_neighbours.sentence_key = rare_word_neighbours.sentence_key
            and word_neighbours.word_no = rare_word_neighbours.word_no
    left join month_surnames
        on
            word_neighbours.sentence_key = month_surnames.sentence_key
            and word_neighbours.word_no = month_surnames.word_no
    left join gazetteer_words
        on
            word_neighbours.sentence_key = gazetteer_words.sentence_key
            and word_neighbours.word_no = gazetteer_words.word_no
    left join caps_words
        on
            word_neighbours.sentence_key = caps_words.sentence_key
            and word_neighbours.word_no = caps_words.word_no

),

contexted as (

    select
        *,
        lag(is_name_word) over sentence_words as prev_is_name,
        lag(is_name_word, 2) over sentence_words as prev2_is_name,
        lag(head_type) over sentence_words as prev_head_type,
        lag(head_type, 2) over sentence_words as prev2_head_type,
        lag(head_type, 3) over sentence_words as prev3_head_type,
        lag(head_type, 4) over sentence_words as prev4_head_type,
        lag(word_lower, 2) over sentence_words as prev2_lower,
        lag(word_lower, 3) over sentence_words as prev3_lower,
        lag(context_role) over sentence_words as prev_role,
        lag(context_role, 2) over sentence_words as prev2_role,
        lag(is_title) over sentence_words as prev_is_title,
        lag(in_title) over sentence_words as prev_in_title,
        lag(is_lexicon or is_given_name or is_legal_suffix) over sentence_words as prev_is_listed,
        lag(gap) over sentence_words as prev_gap,
        lead(is_name_word) over sentence_words as next_is_name,
        lead(is_lexicon) over sentence_words as next_is_listed,
        lead(is_legal_suffix) over sentence_words as next_is_legal_suffix,
        lead(is_name_word, 2) over sentence_words as next2_is_name,
        lead(context_role) over sentence_words as next_role,
        lead(context_role, 2) over sentence_words as next2_role,
        lead(head_type, 2) over sentence_words as next2_head_type,
        lead(word_lower) over sentence_words as next_lower,
        lead(is_title, 2) over sentence_words as next2_is_title
    from flagged
    window sentence_words as (partition by sentence_key order by word_no)

),

-- besides the name words: the lower-case part of a hyphenated name, a particle between name
-- words, `and`, `of` and `for a` inside a body's name (macros/name_shapes.sql), a common word
-- before a legal form
eligible as (

    select *
    from contexted
    where
        is_name_word
        or {{ is_hyphenated_name_part() }}
        or {{ is_particle_in_a_name() }}
        or {{ is_and_in_a_name() }}
        or {{ is_inner_word_of_a_body_name() }}
        -- a web address's ending glued to a name word is the company's name (`Amazon.com Inc`)
        or (gap = '.' and word_lower in {{ web_domain_endings() }} and prev_is_name)
        -- so is a capital letter a hyphen glues to a name word (`Bre-X`, a common word alone)
        or (gap = '-' and is_cap and length(word) = 1 and prev_is_name)
        -- a capitalised common word between a name word and a legal form (`Brightwater Live GmbH`),
        -- and a legal form in lower case after a name word (`Arkwell Mining plc`)
        or (is_cap and gap = ' ' and prev_is_name and next_is_legal_suffix)
        or (is_legal_suffix and gap = ' ' and prev_is_name)

),

final as (

    select
        sentence_keys.sentence_id,
        eligible.sentence_key,
        sentence_keys.article_id,
        sentence_keys.story_id,
        eligible.is_heading,
        eligible.word_no,
        eligible.word,
        eligible.word_lower,
        eligible.gap,
        eligible.word_start,
        eligible.word_end,
        eligible.is_name_word,
        eligible.is_lexicon,
        eligible.is_given_name,
        eligible.is_legal_suffix,
        eligible.head_type,
        eligible.prev_gap,
        eligible.prev_word,
        eligible.prev_is_title,
        eligible.prev_in_title,
        eligible.prev_role,
        eligible.prev2_role,
        eligible.prev_lower,
        eligible.next_role,
        eligible.next2_role,
        eligible.next_gap,
        eligible.next_lower,
        eligible.next2_is_title,
        -- capitals are an acronym's mark, in a line all in capitals only when the article writes
        -- the word so elsewhere
        eligible.is_upper and (not eligible.is_caps_line or eligible.is_written_upper) as is_upper
    from eligible
    inner join sentence_keys on eligible.sentence_key = sentence_keys.sentence_key
    left join rare_word_neighbours
        on eligible.sentence_key = rare_word_neighbours.sentence_key and eligible.word_no = rare_word_neighbours.word_no
    where not {{ is_party_description('eligible', 'rare_word_neighbours') }}

)

select * from final
