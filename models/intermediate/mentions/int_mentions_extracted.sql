
{#- Mentions of named things in the bodies, before story-level resolution (fct_mentions).
    Sentences are cut into pieces `<non-word characters><word>` whose cumulative lengths give
    each word's offset. Then (1) n-grams of 1..8 words that are an alias in entity_aliases,
    longest first, case-sensitive or all capitals (`LIMA`); (2) country bodies (`Turkiye's
    foreign ministry`); (3) runs of capitalised words, typed by rule or left NULL for
    fct_mentions. Headings give lexicon mentions only. -#}

{%- set wc = "\\p{L}\\p{M}\\p{N}" -%}
{%- set word_re = "(?:[A-Z](?:\\.[A-Z])+\\.?|[" ~ wc ~ "]+)" -%}
{%- set piece_re = "'[^" ~ wc ~ "]*" ~ word_re ~ "'" -%}
{%- set word_at_end_re = "'" ~ word_re ~ "$'" -%}
{%- set term_word_re = "'" ~ word_re ~ "'" -%}
{%- set last_word_re = "'[" ~ wc ~ "]+$'" -%}
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

---------- lexicons

terms_listed as (

    select
        alias as term,
        entity_name,
        entity_type,
        alias_kind,
        'entity' as term_kind
    from {{ ref('entity_aliases') }}

    union all

    select
        title as term,
        title as entity_name,
        'person' as entity_type,
        'title' as alias_kind,
        'title' as term_kind
    from {{ ref('name_titles') }}

    union all

    select
        phrase as term,
        canonical_suffix as entity_name,
        'organization' as entity_type,
        'body' as alias_kind,
        'body' as term_kind
    from {{ ref('org_country_bodies') }}

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

---------- one row per word, with its offsets in raw_text

pieces as (

    select
        sentence_key,
        is_heading,
        sentence_start,
        {{ explode_columns('piece_list', 'piece', 'piece_no') }}
    from (
        select
            sentence_key,
            is_heading,
            char_start as sentence_start,
            {{ regex_matches("sentence_text", piece_re) }} as piece_list
        from sentences
    ) as listed

),

located as (

    select
        sentence_key,
        is_heading,
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

ends as (

    select
        sentence_key,
        is_heading,
        piece,
        word_no,
        word,
        {% for k in range(2, max_words + 1) -%}
            end_1 + len_{{ range(2, k + 1) | join(' + len_') }} as end_{{ k }},
        {% endfor -%}
        end_1
    from located

),

words as (

    select
        ends.sentence_key,
        ends.is_heading,
        ends.word_no,
        ends.word,
        lower(ends.word) as word_lower,
        substr(ends.piece, 1, length(ends.piece) - length(ends.word)) as gap,
        ends.end_1 - length(ends.word) as word_start,
        ends.end_1 as word_end,
        {{ regex_contains('ends.word', "'^\\p{Lu}'") }} as is_cap,
        {{ regex_contains('ends.word', "'^\\p{Lu}[\\p{Lu}\\p{N}.]+$'") }} as is_upper,
        common_words.word is not null as is_common,
        context_words.role as context_role,
        {% for k in range(2, max_words + 1) -%}
            ends.end_{{ k }},
        {% endfor -%}
        head_words.entity_type as head_type
    from ends
    left join {{ ref('name_common_words') }} as common_words on lower(ends.word) = common_words.word
    left join {{ ref('name_context_words') }} as context_words on lower(ends.word) = context_words.word
    left join {{ ref('name_head_words') }} as head_words on ends.word = head_words.word

),

---------- lexicon n-grams: aliases, titles, country bodies

term_candidates as (

    select
        words.sentence_key,
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

term_surfaces as (

    select
        term_candidates.*,
        substr(
            sentences.sentence_text,
            term_candidates.char_start - sentences.char_start + 1,
            term_candidates.char_end - term_candidates.char_start
        ) as surface
    from term_candidates
    inner join sentences on term_candidates.sentence_key = sentences.sentence_key
    where term_candidates.char_end - term_candidates.char_start = length(term_candidates.term)

),

term_keyed as (

    select
        *,
        {{ text_key('surface') }} as surface_key
    from term_surfaces

),

term_hits as (

    select
        *,
        surface_key = term_key as is_exact
    from term_keyed
    where
        case
            when term_kind = 'entity'
                then
                    surface_key = term_key
                    or (length(surface_key) >= 4 and surface_key = upper(term_key) and surface_key != term_key)
            else lower(surface_key) = term_key
        end

),

entity_hits as (

    select
        *,
        row_number() over (
            partition by sentence_key, char_start
            order by char_end desc, is_exact desc, alias_kind asc, entity_name asc
        ) as start_rank
    from term_hits
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

lexicon_mentions as (

    select * from longest_hits
    where coalesce(covered_to, 0) <= char_start

),

spans as (

    select
        sentence_key,
        first_word_no,
        last_word_no,
        term_kind
    from term_hits
    where term_kind = 'title'
    union all
    select
        sentence_key,
        first_word_no,
        last_word_no,
        term_kind
    from lexicon_mentions

),

offsets as (

    {% for k in range(max_words) -%}
        select {{ k }} as word_offset {{ 'union all' if not loop.last }}
    {% endfor %}

),

covered_words as (

    select
        spans.sentence_key,
        spans.first_word_no + offsets.word_offset as word_no,
        max(case when spans.term_kind = 'title' then 1 else 0 end) as in_title,
        max(case when spans.term_kind = 'entity' then 1 else 0 end) as in_lexicon
    from spans
    inner join offsets on spans.last_word_no - spans.first_word_no >= offsets.word_offset
    group by spans.sentence_key, spans.first_word_no + offsets.word_offset

),

---------- runs of capitalised words

{# A month name that is also a word (`May`, `June`) is a surname when it follows a name word
    and no day or year follows it (`Theresa May said`, not `Brussels May 5`); once an article
    has such a name, the word alone is that person too (`May told parliament`), except after a
    word that makes it a month (`in May`). #}
word_neighbours as (

    select
        words.*,
        lag(words.is_cap and not words.is_common) over sentence_words as prev_is_plain_cap,
        lag(words.word_lower) over sentence_words as prev_word_lower,
        lead(words.word) over sentence_words as next_word,
        month_words.month_name is not null as is_month_word
    from words
    left join {{ ref('month_names') }} as month_words
        on words.word_lower = month_words.month_name and not month_words.is_abbreviation
    window sentence_words as (partition by words.sentence_key order by words.word_no)

),

-- the words after which `May` is a month (the context of the `<mon>` date pattern)
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

month_surnames as (

    select distinct
        sentences.article_id,
        word_neighbours.word
    from word_neighbours
    inner join sentences on word_neighbours.sentence_key = sentences.sentence_key
    where
        word_neighbours.is_month_word
        and word_neighbours.is_cap
        and word_neighbours.prev_is_plain_cap
        and word_neighbours.gap = ' '
        and not {{ regex_contains("coalesce(word_neighbours.next_word, '')", "'^[0-9]'") }}

),

flagged as (

    select
        word_neighbours.*,
        coalesce(covered_words.in_title, 0) = 1 as is_title,
        coalesce(covered_words.in_lexicon, 0) = 1 as is_lexicon,
        word_neighbours.is_cap
        and (
            not word_neighbours.is_common
            or (
                month_surnames.word is not null
                and not {{ regex_contains("coalesce(word_neighbours.next_word, '')", "'^[0-9]'") }}
                and month_prepositions.word is null
            )
        )
        and not word_neighbours.is_heading
        and coalesce(covered_words.in_title, 0) = 0 as is_name_word
    from word_neighbours
    inner join sentences on word_neighbours.sentence_key = sentences.sentence_key
    left join month_surnames
        on sentences.article_id = month_surnames.article_id and word_neighbours.word = month_surnames.word
    left join month_prepositions on word_neighbours.prev_word_lower = month_prepositions.word
    left join covered_words
        on
            word_neighbours.sentence_key = covered_words.sentence_key
            and word_neighbours.word_no = covered_words.word_no

),

contexted as (

    select
        *,
        lag(is_name_word) over sentence_words as prev_is_name,
        lag(is_name_word, 2) over sentence_words as prev2_is_name,
        lag(head_type) over sentence_words as prev_head_type,
        lag(head_type, 2) over sentence_words as prev2_head_type,
        lag(context_role) over sentence_words as prev_role,
        lag(context_role, 2) over sentence_words as prev2_role,
        lag(is_title) over sentence_words as prev_is_title,
        lag(gap) over sentence_words as prev_gap,
        lag(word) over sentence_words as prev_word,
        lag(word_lower) over sentence_words as prev_lower,
        lead(is_name_word) over sentence_words as next_is_name,
        lead(is_name_word, 2) over sentence_words as next2_is_name,
        lead(context_role) over sentence_words as next_role,
        lead(context_role, 2) over sentence_words as next2_role,
        lead(gap) over sentence_words as next_gap,
        lead(gap, 2) over sentence_words as next2_gap,
        lead(word_lower) over sentence_words as next_lower,
        lead(is_title, 2) over sentence_words as next2_is_title
    from flagged
    window sentence_words as (partition by sentence_key order by word_no)

),

-- a lower-case particle joins a name when it sits between name words (`Charles de Gaulle`);
-- `of`, `the`, `for` only after a head word (`International Committee of the Red Cross`)
eligible as (

    select *
    from contexted
    where
        is_name_word
        or (
            context_role in ('connector', 'connector_after_head')
            and word = word_lower
            and gap = ' '
            and next_gap in (' ', '-')
            and (
                next_is_name
                or (next_role in ('connector', 'connector_after_head') and next2_is_name and next2_gap = ' ')
            )
            and (
                (
                    context_role = 'connector'
                    and (prev_is_name or (prev_role = 'connector' and prev2_is_name))
                )
                or (
                    context_role = 'connector_after_head'
                    and (
                        (prev_is_name and prev_head_type is not null)
                        or (prev_role = 'connector_after_head' and prev2_is_name and prev2_head_type is not null)
                    )
                )
            )
        )

),

run_starts as (

    select
        *,
        case
            when lag(word_no) over sentence_words = word_no - 1
                and (
                    gap in (' ', '-')
                    or (gap = ') ' and prev_gap like '%(')
                    or (gap = '. ' and {{ regex_contains('prev_word', "'^\\p{Lu}$'") }})
                )
                then 0
            else 1
        end as is_run_start
    from eligible
    window sentence_words as (partition by sentence_key order by word_no)

),

run_numbered as (

    select
        *,
        cast(sum(is_run_start) over (
            partition by sentence_key order by word_no
            rows between unbounded preceding and current row
        ) as integer) as run_no
    from run_starts

),

runs as (

    select
        sentence_key,
        run_no,
        min(word_no) as first_word_no,
        max(word_no) as last_word_no,
        min(word_start) as word_start,
        max(word_end) as char_end,
        sum(case when is_name_word then 1 else 0 end) as n_words,
        sum(case when is_name_word and is_lexicon then 1 else 0 end) as n_lexicon_words,
        sum(case when is_name_word and head_type = 'event' then 1 else 0 end) as n_event_heads,
        sum(case when is_name_word and head_type = 'organization' then 1 else 0 end) as n_org_heads,
        sum(case when is_name_word and head_type = 'place' then 1 else 0 end) as n_place_heads,
        min(case when is_upper then 1 else 0 end) as all_upper
    from run_numbered
    group by sentence_key, run_no

),

run_context as (

    select
        runs.*,
        first_word.gap as first_gap,
        first_word.prev_is_title,
        first_word.prev_role,
        first_word.prev2_role,
        first_word.prev_lower,
        last_word.next_role,
        last_word.next2_role,
        last_word.next_gap,
        last_word.next_lower,
        last_word.next2_is_title
    from runs
    inner join run_numbered as first_word
        on runs.sentence_key = first_word.sentence_key and runs.first_word_no = first_word.word_no
    inner join run_numbered as last_word
        on runs.sentence_key = last_word.sentence_key and runs.last_word_no = last_word.word_no
    where runs.n_words > 0

),

run_surfaces as (

    select
        run_context.*,
        sentences.sentence_text,
        sentences.char_start as sentence_start,
        -- `(Carla) Fuentes`: the span opens at the parenthesis it closes (not `(Gulf Press) -`)
        run_context.word_start
        - case
            when
                run_context.first_gap like '%(' and run_context.n_words > 1
                and instr(
                    substr(
                        sentences.sentence_text,
                        run_context.word_start - sentences.char_start + 1,
                        run_context.char_end - run_context.word_start
                    ),
                    ')'
                ) > 0
                then 1
            else 0
        end as char_start
    from run_context
    inner join sentences on run_context.sentence_key = sentences.sentence_key

),

run_texts as (

    select
        *,
        substr(sentence_text, char_start - sentence_start + 1, char_end - char_start) as surface
    from run_surfaces

),

run_patterns as (

    select
        run_texts.sentence_key,
        run_texts.run_no,
        min(patterns.entity_type) as pattern_type
    from run_texts
    inner join {{ ref('name_patterns') }} as patterns
        on {{ regex_contains('run_texts.surface', 'patterns.pattern') }}
    -- patterns are compiled per row: try only runs with a digit
    where {{ regex_contains('run_texts.surface', "'[0-9]'") }}
    group by run_texts.sentence_key, run_texts.run_no

),

run_features as (

    select
        run_texts.*,
        run_patterns.pattern_type
    from run_texts
    left join run_patterns
        on run_texts.sentence_key = run_patterns.sentence_key and run_texts.run_no = run_patterns.run_no

),

typed_runs as (

    select
        *,
        case
            when n_lexicon_words = n_words then 'covered'
            when pattern_type is not null then pattern_type
            when n_words >= 2 and n_event_heads > 0 then 'event'
            when n_words >= 2 and n_org_heads > 0 then 'organization'
            when n_words >= 2 and n_place_heads > 0 then 'place'
            when prev_is_title and first_gap in (' ', ' (', '. ') then 'person'
            -- `the industry group Eurofer said`, `ING said`: a body speaks, not a person
            when prev_role = 'org_noun' and first_gap = ' ' then 'organization'
            when all_upper = 1 and n_words = 1 and length(surface) >= 2 and next_role = 'speech_verb'
                then 'organization'
            when next_role = 'speech_verb' and next_gap in (' ', ', ') then 'person'
            when prev_role = 'speech_verb' and n_words >= 2 then 'person'
            -- apposition: `Anna Kowalska, a spokeswoman for ...`, `Kowalska, who ...`
            when
                next_gap = ', '
                and ((next_lower in ('a', 'an', 'the') and next2_is_title) or next_lower = 'who')
                then 'person'
            when next_role = 'place_noun' and next_gap = ' ' then 'place'
            when next_gap = ', ' and next_lower in ('a', 'an', 'the') and next2_role = 'place_noun' then 'place'
            when prev_lower = 'of' and prev2_role = 'place_noun' then 'place'
            when prev_role = 'place_preposition' and n_words <= 3 and coalesce(next_gap, '') not in ('’', '''')
                then 'place'
            -- a capitalised word opening a dateline (`TALLAHASSEE, Fla. -`) is a place
            when all_upper = 1 and n_words = 1 and first_word_no = 1 and next_gap like ',%' then 'place'
            when all_upper = 1 and n_words = 1 and length(surface) >= 2 then 'organization'
        end as run_type,
        case
            when pattern_type is not null then 'pattern'
            when n_words >= 2 and n_event_heads + n_org_heads + n_place_heads > 0 then 'head_word'
            when prev_is_title and first_gap in (' ', ' (', '. ') then 'title'
            when prev_role = 'org_noun' and first_gap = ' ' then 'org_noun'
            when all_upper = 1 and n_words = 1 and next_role = 'speech_verb' then 'acronym'
            when next_role = 'speech_verb' or prev_role = 'speech_verb' then 'speech_verb'
            when all_upper = 1 and n_words = 1 and first_word_no = 1 and next_gap like ',%' then 'dateline'
            when all_upper = 1 and n_words = 1 then 'acronym'
            else 'context'
        end as run_rule
    from run_features

),

---------- country bodies: `Turkiye's foreign ministry`

body_mentions as (

    select
        country.sentence_key,
        country.char_start,
        body.char_end,
        substr(
            sentences.sentence_text,
            country.char_start - sentences.char_start + 1,
            body.char_end - country.char_start
        ) as surface,
        coalesce(nullif(countries.demonym, ''), countries.country_name) || ' ' || body.entity_name as entity_name,
        'organization' as entity_type,
        'name' as mention_kind,
        'country_body' as detected_by
    from lexicon_mentions as country
    inner join {{ ref('countries') }} as countries on country.entity_name = countries.country_name
    inner join term_hits as body
        on
            country.sentence_key = body.sentence_key
            and body.term_kind = 'body'
            and body.first_word_no between country.last_word_no + 1 and country.last_word_no + 2
    inner join sentences on country.sentence_key = sentences.sentence_key
    where
        country.entity_type = 'country'
        and substr(
            sentences.sentence_text,
            country.char_end - sentences.char_start + 1,
            body.char_start - country.char_end
        ) in (' ', '’s ', '''s ')

),

---------- all mentions

lexicon_rows as (

    select
        sentence_key,
        char_start,
        char_end,
        surface,
        entity_name,
        entity_type,
        case
            when alias_kind in ('demonym', 'capital') then alias_kind
            when alias_kind in ('name', 'city') then 'name'
            else 'alias'
        end as mention_kind,
        'lexicon' as detected_by
    from lexicon_mentions

),

{# A lone unknown capitalised word that opens a sentence (`Residents criticised`, `Scientists
    say`) is a name only if an article of the story also capitalises it inside a sentence
    (`Mitsotakis said` after `Prime Minister Kyriakos Mitsotakis`). #}
inner_names as (

    select distinct
        sentences.story_id,
        flagged.word
    from flagged
    inner join sentences on flagged.sentence_key = sentences.sentence_key
    where flagged.is_name_word and flagged.word_no > 1

),

run_rows as (

    select
        typed_runs.sentence_key,
        typed_runs.char_start,
        typed_runs.char_end,
        typed_runs.surface,
        case
            -- `TALLAHASSEE` opening a dateline is the place Tallahassee
            when typed_runs.run_rule = 'dateline'
                then upper(left(typed_runs.surface, 1)) || lower(substr(typed_runs.surface, 2))
            else trim(replace(replace(typed_runs.surface, '(', ''), ')', ''))
        end as entity_name,
        typed_runs.run_type as entity_type,
        case when typed_runs.run_rule = 'title' then 'title_name' else 'name' end as mention_kind,
        'run_' || typed_runs.run_rule as detected_by
    from typed_runs
    inner join sentences on typed_runs.sentence_key = sentences.sentence_key
    left join body_mentions
        on
            typed_runs.sentence_key = body_mentions.sentence_key
            and typed_runs.char_start < body_mentions.char_end
            and typed_runs.char_end > body_mentions.char_start
    left join inner_names
        on sentences.story_id = inner_names.story_id and typed_runs.surface = inner_names.word
    where
        body_mentions.sentence_key is null
        and coalesce(typed_runs.run_type, '') != 'covered'
        and not (
            typed_runs.first_word_no = 1 and typed_runs.n_words = 1 and typed_runs.n_lexicon_words = 0
            and typed_runs.all_upper = 0 and typed_runs.pattern_type is null and inner_names.word is null
        )

),

unioned as (

    select * from lexicon_rows
    union all
    select * from body_mentions
    union all
    select * from run_rows

),

final as (

    select
        sentences.article_id || ':' || unioned.char_start || '-' || unioned.char_end as mention_id,
        sentences.article_id,
        sentences.story_id,
        sentences.sentence_id,
        cast(unioned.char_start as integer) as char_start,
        cast(unioned.char_end as integer) as char_end,
        unioned.surface,
        unioned.entity_name,
        unioned.entity_type,
        unioned.mention_kind,
        unioned.detected_by,
        {{ list_size(regex_matches('unioned.entity_name', "'[" ~ wc ~ "]+'")) }} as name_words,
        {{ regex_first('unioned.entity_name', last_word_re) }} as last_name_word
    from unioned
    inner join sentences on unioned.sentence_key = sentences.sentence_key

)

select * from final
