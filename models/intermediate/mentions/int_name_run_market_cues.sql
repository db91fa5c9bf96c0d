
{#- Names, of one to four words, that what is written around them shows to be organisations, one
    row per story and name, for the runs no rule types or a speech verb alone makes a person
    (int_mentions_runs reads these beside int_name_run_org_cues): a company's owner or a holding
    in it (`31.8-percent owned by Heineken`, `a 12.5% stake in Connaught`), a market analyst's
    employer (`a strategist with Credit Suisse`), its share price moving (`Newmonth was off 1/2
    to 46-5/8`), an apposition among bodies (`Tallinna Pank, one of the largest banks in
    Estonia,`), a party's leader or the word party (`Labour leader Helen Clark`, `the National
    and Labour parties`). People own no company and have no share price, so a name held or
    traded is the company even where the gazetteer knows a town of that name (`a 7.25% stake in
    Mesa`), unless the story writes it after `in` or `near` other than as a holding; the other
    cues leave a town of the gazetteer a town. Left out: a name led by a given name, an
    all-capitals word, a word for what people belong to (`Hindu party`), a lone word the
    classifier knows as no name (`a Christmas party`: word_says_none), a lone word opening a
    sentence before a price or a body's cue (`Party leader Tomas Grell`), a name before its
    possessive (`owned by Toronto's Thomson family`) and an analyst's name before a lower-case
    word it qualifies (`an analyst at London stockbrokers`). -#}

-- depends_on: {{ ref('int_stories_changed') }}

with

runs as (

    select
        run_id,
        sentence_id,
        story_id,
        char_start,
        char_end,
        surface,
        n_words,
        first_word_no,
        prev_lower
    from {{ ref('int_name_runs') }}
    where
        {{ in_changed_stories() }}
        and n_words <= 4 and not is_upper and not coalesce(first_is_given, false)
        and coalesce(rule_type, '') != 'covered'

),

sentences as (

    select
        sentence_id,
        char_start,
        sentence_text
    from {{ ref('int_sentences') }}
    where {{ in_changed_stories() }}

),

people_words as (

    select word from {{ ref('name_people_words') }}

),

-- the lone words the classifier has met and found no name (`a Christmas party`); of a longer
-- name it reads only the first and last word (`New Zealand First`)
no_names as (

    select run_id from {{ ref('int_name_runs_classified') }}
    where {{ in_changed_stories() }} and word_says_none

),

around as (

    select
        runs.story_id,
        runs.surface,
        runs.prev_lower,
        runs.n_words = 1 and no_names.run_id is not null as is_no_name,
        -- a capitalised common word opening a sentence is no name (`Party leader Tomas Grell`,
        -- `Shares rose 25 cents to`)
        coalesce(runs.n_words = 1 and runs.first_word_no = 1, false) as is_opener,
        substr(
            sentences.sentence_text,
            greatest(1, runs.char_start - sentences.char_start - 59),
            least(60, runs.char_start - sentences.char_start)
        ) as text_before,
        substr(sentences.sentence_text, runs.char_end - sentences.char_start + 1, 80) as text_after
    from runs
    inner join sentences on runs.sentence_id = sentences.sentence_id
    left join no_names on runs.run_id = no_names.run_id

),

flagged as (

    select
        story_id,
        surface,
        prev_lower,
        is_no_name,
        is_opener,
        text_after,
        -- not the owner of the next noun (`owned by Toronto's Thomson family`)
        coalesce(
            {{ regex_contains('text_before', sql_regex(org_holding_before_re())) }}
            and not {{ regex_contains('text_after', "'^[’'']s\\b'") }},
            false
        ) as is_held,
        coalesce(
            {{ regex_contains('text_before', sql_regex(org_analyst_before_re())) }}
            and {{ regex_contains('text_after', sql_regex(org_analyst_after_re())) }},
            false
        ) as is_employer,
        not is_opener and coalesce({{ regex_contains('text_after', sql_regex(org_price_after_re())) }}, false)
            as is_traded,
        not is_opener and coalesce({{ regex_contains('text_after', sql_regex(org_body_after_re())) }}, false)
            as is_body
    from around

),

cued as (

    select distinct
        flagged.story_id,
        flagged.surface
    from flagged
    left join people_words on flagged.surface = people_words.word
    where
        people_words.word is null and not flagged.is_no_name
        and (
            flagged.is_held or flagged.is_employer or flagged.is_traded or flagged.is_body
        )

),

-- a name held or traded outranks a town of the gazetteer unless the story writes it after `in`
-- or `near` other than as a holding (`a stake in Mesa`)
final as (

    select
        cued.story_id,
        cued.surface,
        coalesce(bool_or(flagged.is_held or flagged.is_traded), false)
        and not coalesce(bool_or(prepositions.match_key is not null and not flagged.is_held), false) as outranks_place
    from cued
    inner join flagged on cued.story_id = flagged.story_id and cued.surface = flagged.surface
    left join {{ ref('stg_lexicons__name_context_words') }} as prepositions
        on flagged.prev_lower = prepositions.match_key and prepositions.role = 'place_preposition'
    group by cued.story_id, cued.surface

)

select * from final
