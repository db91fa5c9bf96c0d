{#- The words of every speaker phrase of int_quotes_attributed (part 0) and of the phrase in
    apposition to it (part 1), each tagged with what the lexicons say of it: a title, body or
    document noun (seed speaker_nouns, and the abbreviated titles of name_titles; a one-word title
    of name_titles after a title, `Justice` of `Chief Justice`, or opening the phrase before a
    given name, `Actor Julian Marsh`), a function word
    (reaction_function_words), a name
    particle (`von`, `bin`: name_context_words), and the longest alias of seed entity_aliases
    (one to five words, from a capitalised word) that starts or covers it, or else of the
    organisations the story's mentions name (`an analyst at Agency Partners`: a body no lexicon
    lists). A weekday counts as a lower-case word: it names nobody. -#}

{%- set max_alias_words = 5 %}

-- depends_on: {{ ref('int_stories_changed') }}

with

attributed as (

    select * from {{ ref('int_quotes_attributed') }}
    where {{ in_changed_stories() }}

),

speaker_nouns as (

    select
        term as noun,
        role,
        is_third_party
    from {{ ref('stg_lexicons__speaker_nouns') }}
    union all
    -- the abbreviated titles of name_titles (`Sen.`, `Rep.`, `Capt.`), whose words lose their
    -- period here; honorifics are no role
    select
        replace(abbreviated.term, '.', '') as noun,
        'title' as role,  -- noqa: RF04
        false as is_third_party
    from {{ ref('stg_lexicons__name_titles') }} as abbreviated
    where
        {{ regex_contains('abbreviated.term', "'^[a-z]+[.]$'") }}
        and replace(abbreviated.term, '.', '') not in {{ honorifics() }}
        and replace(abbreviated.term, '.', '') not in (
            select listed.term from {{ ref('stg_lexicons__speaker_nouns') }} as listed
        )

),

-- the one-word titles of name_titles no seed above lists (`Justice`, `Councillor`): a title only
-- after a title, as the second word of one (`Chief Justice`), or before a given name (`Actor
-- Julian Marsh`); alone they open names and bodies as often (`Justice Ministry`, `Major League`)
continuing_titles as (

    select term as title from {{ ref('stg_lexicons__name_titles') }}
    where
        term not like '% %' and term not like '%.%'
        and term not in (select listed.term from {{ ref('stg_lexicons__speaker_nouns') }} as listed)

),

function_words as (

    select * from {{ ref('stg_lexicons__reaction_function_words') }}

),

given_names as (

    select given_name from {{ ref('name_given_names') }}

),

aliases as (

    {{ reaction_aliases() }}

),

weekdays as (

    select match_key from {{ ref('stg_lexicons__weekday_names') }}

),

-- the story's organisations as the aliases above key them, one name per key; not those of the
-- lexicon, nor a country's body (`French economy ministry`), which the phrase's words read, nor
-- a lone word the classifier guessed (`Technology`)
story_bodies as (

    select
        story_id,
        {{ alias_key('surface') }} as alias_key,
        min(entity_name) as entity_name
    from {{ ref('int_mentions_extracted') }}
    where
        {{ in_changed_stories() }}
        and entity_type = 'organization'
        and detected_by not in ('lexicon', 'country_body')
        and (surface like '% %' or detected_by != 'run_classifier')
    group by story_id, {{ alias_key('surface') }}

),

speaker_words as (

    select
        exploded.quote_key,
        exploded.story_id,
        exploded.part,
        exploded.word,
        exploded.word_no,
        {{ alias_key(regex_replace("exploded.word", "'[’'']s$'", "''")) }} as word_key,
        -- a weekday is no name (`One senior official Monday described`)
        {{ regex_contains("exploded.word", "'^\\p{Lu}'") }} and weekdays.match_key is null as is_capitalised
    from (
        select
            quote_key,
            story_id,
            part,
            {{ explode_columns('word_list', 'word', 'word_no') }}
        from (
            select
                quote_key,
                story_id,
                0 as part,
                {{ regex_matches("speaker_phrase", speaker_word_regex()) }} as word_list
            from attributed
            where speaker_phrase is not null
            union all
            select
                quote_key,
                story_id,
                1 as part,
                {{ regex_matches("apposition", speaker_word_regex()) }} as word_list
            from attributed
            where apposition is not null
        ) as listed
    ) as exploded
    left join weekdays
        on lower(exploded.word) = weekdays.match_key

),

speaker_grams as (

    select
        quote_key,
        story_id,
        part,
        word_no,
        is_capitalised,
        word_key as key1,
        lag(is_capitalised) over phrase_words as prev_is_capitalised,
        word_key || ' ' || lead(word_key, 1) over phrase_words as key2,
        word_key || ' ' || lead(word_key, 1) over phrase_words || ' ' || lead(word_key, 2) over phrase_words as key3,
        word_key || ' ' || lead(word_key, 1) over phrase_words || ' ' || lead(word_key, 2) over phrase_words
        || ' ' || lead(word_key, 3) over phrase_words as key4,
        word_key || ' ' || lead(word_key, 1) over phrase_words || ' ' || lead(word_key, 2) over phrase_words
        || ' ' || lead(word_key, 3) over phrase_words || ' ' || lead(word_key, 4) over phrase_words as key5
    from speaker_words
    window phrase_words as (partition by quote_key, part order by word_no)

),

speaker_ngrams as (

    -- one to five words from each capitalised word, a row each (an equi-join to aliases): a
    -- story's body of four or five words (`American Farm Bureau Federation`) outranks the
    -- demonym that opens it
    {% for n in range(1, max_alias_words + 1) -%}
        select
            quote_key,
            story_id,
            part,
            word_no,
            {{ n }} as n,
            prev_is_capitalised,
            key{{ n }} as alias_key
        from speaker_grams
        where is_capitalised and key{{ n }} is not null
        {{ 'union all' if not loop.last }}
    {% endfor %}

),

speaker_alias_hits as (

    -- entity names in the phrase; at each word the longest alias wins, a lexicon's over the
    -- story's of the same length
    select
        quote_key,
        part,
        word_no,
        {{ arg_max_by('entity_name', 'preference') }} as entity_name,
        {{ arg_max_by('entity_type', 'preference') }} as entity_type,
        max(n) as n
    from (
        select
            speaker_ngrams.quote_key,
            speaker_ngrams.part,
            speaker_ngrams.word_no,
            speaker_ngrams.n,
            speaker_ngrams.n * 2 + 1 as preference,
            aliases.entity_name,
            aliases.entity_type
        from speaker_ngrams
        inner join aliases
            on speaker_ngrams.alias_key = aliases.alias_key
        union all
        select
            speaker_ngrams.quote_key,
            speaker_ngrams.part,
            speaker_ngrams.word_no,
            speaker_ngrams.n,
            speaker_ngrams.n * 2 as preference,
            story_bodies.entity_name,
            'organization' as entity_type
        from speaker_ngrams
        inner join story_bodies
            on
                speaker_ngrams.story_id = story_bodies.story_id
                and speaker_ngrams.alias_key = story_bodies.alias_key
        -- not inside a name: `Moran` of `Frederick A. Moran`, who heads Moran Asset Management
        where not coalesce(speaker_ngrams.prev_is_capitalised, false)
    ) as hits
    group by quote_key, part, word_no

),

speaker_tagged as (

    select
        speaker_words.*,
        speaker_nouns.is_third_party,
        function_words.role as word_role,
        speaker_alias_hits.entity_name as alias_entity,
        speaker_alias_hits.entity_type as alias_type,
        speaker_alias_hits.n as alias_n,
        coalesce(
            -- a capitalised title before a head word names a place or a body, no person's title
            -- (`Montecastro General Hospital`, `the General Assembly`)
            case
                when
                    not (
                        speaker_nouns.role = 'title' and speaker_words.is_capitalised
                        and next_heads.case_key is not null
                    )
                    then speaker_nouns.role
            end,
            case
                when
                    continuing_titles.title is not null
                    and speaker_words.is_capitalised
                    and (
                        previous_nouns.role = 'title'
                        or (speaker_words.word_no = 1 and next_given.given_name is not null)
                    )
                    then 'title'
            end
        ) as noun_role,
        speaker_words.word_no = 1 and coalesce(function_words.role = 'determiner', false) as is_leading_determiner,
        -- a lower-case particle inside a name (`Ursula von der Leyen`, `Mohammed bin Salman`)
        name_particles.term is not null as is_name_particle
    from speaker_words
    left join speaker_nouns
        on speaker_words.word_key = speaker_nouns.noun
    left join continuing_titles
        on speaker_words.word_key = continuing_titles.title
    left join speaker_words as previous_words
        on
            speaker_words.quote_key = previous_words.quote_key
            and speaker_words.part = previous_words.part
            and speaker_words.word_no - 1 = previous_words.word_no
    left join speaker_nouns as previous_nouns
        on previous_words.word_key = previous_nouns.noun
    left join speaker_words as next_words
        on
            speaker_words.quote_key = next_words.quote_key
            and speaker_words.part = next_words.part
            and speaker_words.word_no + 1 = next_words.word_no
    left join given_names as next_given
        on next_words.word = next_given.given_name
    left join {{ ref('stg_lexicons__name_head_words') }} as next_heads
        on next_words.word = next_heads.case_key
    left join function_words
        on speaker_words.word_key = function_words.match_key
    left join {{ ref('stg_lexicons__name_context_words') }} as name_particles
        on speaker_words.word = name_particles.term and name_particles.role = 'connector'
    left join speaker_alias_hits
        on
            speaker_words.quote_key = speaker_alias_hits.quote_key
            and speaker_words.part = speaker_alias_hits.part
            and speaker_words.word_no = speaker_alias_hits.word_no

),

final as (

    -- per word: whether an alias covers it (`State Department` covers both words), and the
    -- phrase's landmarks (last title, last body noun) as window values
    select
        *,
        coalesce(
            max(case when alias_n is not null then word_no + alias_n - 1 end) over (
                partition by quote_key, part order by word_no rows between unbounded preceding and current row
            ) >= word_no,
            false
        ) as is_alias_word,
        max(case when noun_role = 'title' then word_no end) over (partition by quote_key, part) as last_title_no,
        max(case when noun_role = 'organisation' then word_no end) over (partition by quote_key, part) as last_org_no,
        min(case when not is_leading_determiner then word_no end) over (partition by quote_key, part)
            as first_word_no,
        max(word_no) over (partition by quote_key, part) as last_word_no,
        count(case when not is_leading_determiner then 1 end) over (partition by quote_key, part) as n_words
    from speaker_tagged

)

select * from final
