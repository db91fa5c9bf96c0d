
{#- The lone words that a story shows to be organisations, one row per story and word: a speech
    verb alone makes a lone unknown word a person (`Ryanair said`), but companies speak too, and
    the story often says so elsewhere. Evidence, anywhere in the story:
    - an apposition whose head is an organisation noun (`Ryanair, the low-cost airline, said`,
      `Tolvan, a carmaker,`);
    - the word's results (`Zywiec's 1996 profit slump`, `Tolvane's net sales`): people have no
      profit;
    - a verb right after the word followed by `its` (`Porsche said its sales fell`, `Embraer cut
      its forecast`: people write `his` or `her`), or a speech verb followed by `it` and a modal
      or a verb of intending that is no `be` (`Qantas said it would ground ...`; not `said it
      would be hard`, which people say too);
    - a hand rule that types the lone word an organisation from the words beside it (`Ryanair
      chief executive Michael O'Leary`, `Ryanair officials`, `the carrier Ryanair`, `Lufthansa
      and Ryanair`); not `a spokesman for X`, whose X may be a person's family (`a spokesman
      for Elian's relatives`);
    - the story names a company in full that the word, or a run of up to four words, opens
      (`Sansui Electric Co` ... `Sansui said`, `Control Data Corp` ... `Control Data`): news
      introduces a company by its full name and then shortens it to its first words, as it
      shortens a person to the last. Such a short name, and a word in apposition to an
      organisation noun, is the company even where the gazetteer knows a place of that name
      (`Santa Fe` of `Santa Fe Pacific Gold Corp`, `Norilsk, the world's second-largest nickel
      producer,`: outranks_place), unless the story writes it after `in` or `near` (`a mine near
      Santa Fe`). A
      company is a run the rules typed by a legal suffix, an ampersand, the gazetteer, or a head
      word of name_company_head_words; not a hand-written head, which names institutions after
      places (`Rangoon University`, `Florida Supreme Court`).
    A word that closes a longer person's name of the story (`Anna Keller ... Keller said its
    ...`) and an all-capitals word are left out: the person and the acronym rules type those. A
    given name alone is no surname, so it may be a company's name (`Porsche`).
    int_mentions_runs reads these words. -#}

-- depends_on: {{ ref('int_stories_changed') }}

with

runs as (

    select
        run_id,
        sentence_id,
        story_id,
        char_end,
        surface,
        n_words,
        is_upper,
        first_is_given,
        first_lower,
        last_lower,
        rule_type,
        typing_rule,
        prev_lower,
        next_role
    from {{ ref('int_name_runs') }}
    where {{ in_changed_stories() }}

),

market_cues as (

    select
        story_id,
        surface,
        outranks_place
    from {{ ref('int_name_run_market_cues') }}
    where {{ in_changed_stories() }}

),

-- longer names in apposition to an organisation noun (`Hartwell Keane, a London law firm,`)
apposed_bodies as (

    select
        story_id,
        surface
    from {{ ref('int_name_apposed_bodies_found') }}
    where {{ in_changed_stories() }}

),

sentences as (

    select
        sentence_id,
        char_start,
        sentence_text
    from {{ ref('int_sentences') }}
    where {{ in_changed_stories() }}

),

lone_words as (

    select
        runs.run_id,
        runs.story_id,
        runs.surface,
        runs.rule_type,
        runs.typing_rule,
        runs.next_role,
        substr(sentences.sentence_text, runs.char_end - sentences.char_start + 1, 120) as text_after
    from runs
    inner join sentences on runs.sentence_id = sentences.sentence_id
    -- a noun for people, capitalised where it opens a sentence, is no company whatever follows it
    -- (`Critics said it would hurt`, `Officials said its`); bodies' nouns may name one (`Congress`)
    left join {{ ref('stg_lexicons__speaker_nouns') }} as people_nouns
        on lower(runs.surface) = people_nouns.term and people_nouns.role in ('title', 'collective')
    where runs.n_words = 1 and not runs.is_upper and people_nouns.term is null

),

cued as (

    select
        run_id,
        story_id,
        surface,
        rule_type,
        typing_rule,
        next_role,
        {{ regex_extract('text_after', sql_regex(org_apposition_re()), 1) }} as apposition_head,
        {{ regex_extract('text_after', sql_regex(speech_pronoun_re()), 1) }} as speech_word,
        {{ regex_extract('text_after', sql_regex(speech_pronoun_re()), 2) }} as pronoun,
        {{ regex_extract('text_after', sql_regex(speech_pronoun_re()), 3) }} as pronoun_verb,
        {{ regex_extract('text_after', sql_regex(speech_pronoun_re()), 4) }} as pronoun_object,
        {{ regex_contains('text_after', sql_regex(company_results_re())) }} as has_results
    from lone_words

),

evidence as (

    select
        cued.story_id,
        cued.surface,
        coalesce(heads.role = 'org_noun', false) as is_apposed
    from cued
    left join {{ ref('stg_lexicons__name_context_words') }} as heads on cued.apposition_head = heads.term
    left join {{ ref('stg_lexicons__name_context_words') }} as verbs on cued.speech_word = verbs.term
    left join {{ ref('stg_lexicons__name_common_words') }} as common_words on cued.speech_word = common_words.term
    where
        heads.role = 'org_noun'
        or (
            verbs.role = 'speech_verb'
            and cued.pronoun = 'it' and cued.pronoun_verb in {{ org_intent_verbs() }} and cued.pronoun_object != 'be'
        )
        -- `Embraer cut its forecast`, `Porsche said its sales fell`: not `Paris in its` (a common word)
        or (cued.pronoun = 'its' and cued.speech_word != '' and common_words.term is null)
        -- a company's results (`Zywiec's 1996 profit`)
        or cued.has_results
        -- the rules that read the word's own neighbours (`Ryanair chief`, `the carrier Ryanair`,
        -- `Lufthansa and Ryanair`), not `a spokesman for Elian's relatives`
        or (
            cued.rule_type = 'organization'
            and (cued.typing_rule in ('org_noun', 'coordination') or cued.next_role in ('org_member', 'org_leader'))
        )

),

-- the story's company names
companies as (

    select
        companies.story_id,
        companies.surface
    from runs as companies
    left join {{ ref('name_company_head_words') }} as company_heads
        on companies.last_lower = lower(company_heads.word)
    where
        companies.n_words >= 2
        and companies.rule_type = 'organization'
        and (
            companies.typing_rule in ('legal_suffix', 'ampersand', 'gazetteer')
            or (companies.typing_rule = 'head_word' and company_heads.word is not null)
        )

),

-- their first one to four words, lower case (`sansui`, `control data` of `Control Data Corp`)
company_prefixes as (

    {% for k in range(1, 5) -%}
        select
            story_id,
            lower({{ regex_extract('surface', "'^(\\S+(?: \\S+){" ~ (k - 1) ~ "}) '", 1) }}) as name_prefix
        from companies
        {{ 'union' if not loop.last }}
    {% endfor %}

),

short_names as (

    select distinct
        shortened.story_id,
        shortened.surface
    from runs as shortened
    inner join company_prefixes
        on
            shortened.story_id = company_prefixes.story_id
            and lower(shortened.surface) = company_prefixes.name_prefix
    where not shortened.is_upper

),

-- a short name or a word in apposition to an organisation noun outranks a town of the
-- gazetteer (`Santa Fe` of `Santa Fe Pacific Gold Corp`, `Norilsk, the world's second-largest
-- nickel producer,`), unless the story writes it after `in` or `near` (`a mine near Santa Fe`)
over_places as (

    select
        candidates.story_id,
        candidates.surface,
        not coalesce(bool_or(prepositions.match_key is not null), false) as outranks_place
    from (
        select
            story_id,
            surface
        from short_names
        union
        select
            story_id,
            surface
        from evidence
        where is_apposed
    ) as candidates
    inner join runs
        on candidates.story_id = runs.story_id and candidates.surface = runs.surface
    left join {{ ref('stg_lexicons__name_context_words') }} as prepositions
        on runs.prev_lower = prepositions.match_key and prepositions.role = 'place_preposition'
    group by candidates.story_id, candidates.surface

),

-- the last words of the story's longer names of people: `Keller` of `Anna Keller`
person_surnames as (

    select distinct
        story_id,
        last_lower
    from runs
    where n_words >= 2 and (rule_type = 'person' or coalesce(first_is_given, false))

),

-- with the names that the market or a party around them shows to be organisations
-- (int_name_run_market_cues: `31.8-percent owned by Heineken`, `Labour leader Helen Clark`) and
-- the longer names an apposition does, which outrank a given name (`Hartwell Keane, a London law firm,`)
final as (

    select
        evidence.story_id,
        evidence.surface,
        bool_or(evidence.outranks_place) as outranks_place,
        bool_or(evidence.outranks_person) as outranks_person
    from (
        select
            evidence.story_id,
            evidence.surface,
            coalesce(over_places.outranks_place, false) as outranks_place,
            false as outranks_person
        from (
            select
                story_id,
                surface
            from evidence
            union all
            select
                story_id,
                surface
            from short_names
        ) as evidence
        left join over_places on evidence.story_id = over_places.story_id and evidence.surface = over_places.surface
        union all
        select
            story_id,
            surface,
            outranks_place,
            false as outranks_person
        from market_cues
        union all
        select
            story_id,
            surface,
            false as outranks_place,
            true as outranks_person
        from apposed_bodies
    ) as evidence
    left join person_surnames
        on evidence.story_id = person_surnames.story_id and lower(evidence.surface) = person_surnames.last_lower
    where person_surnames.story_id is null
    group by evidence.story_id, evidence.surface

)

select * from final
