{#- Runs of name words (int_name_run_spans): one row per run, with its context and the type the
    hand rules give it, or NULL. The rules, first match wins, are listed in int_name_runs.yml; the
    CASE below is their order, and each later CTE says why its rule overrides a guess. -#}

-- depends_on: {{ ref('int_stories_changed') }}

with

spans as (

    select * from {{ ref('int_name_run_spans') }}
    where {{ in_changed_stories() }}

),

-- the name words of the story's running text
inner_words as (

    select distinct
        story_id,
        word
    from {{ ref('int_name_run_words') }}
    where {{ in_changed_stories() }} and is_name_word and word_no > 1 and not is_heading

),

run_patterns as (

    select
        spans.run_id,
        min(patterns.entity_type) as pattern_type
    from spans
    inner join {{ ref('name_patterns') }} as patterns
        on
            coalesce(patterns.lead_word, '') = case
                when {{ regex_contains('spans.surface', "'[0-9]'") }} then ''
                else {{ regex_first('spans.surface', "'^\\S+'") }}
            end
    -- patterns are compiled per row: each is tried only on the runs that can match it
    where {{ regex_contains('spans.surface', 'patterns.pattern') }}
    group by spans.run_id

),

-- the place ingest read in each article's dateline (`GENEVA (Reuters) -`), where its body starts,
-- and where the text after the dateline's dash starts (0: no dash read)
datelines as (

    select
        article_id,
        body_start,
        dateline,
        case when dateline like 'THE %' then 4 else 0 end as leading_the_length,
        body_start + length(dateline) + length(
            {{ regex_first("substr(raw_text, body_start + length(dateline) + 1, 80)", dateline_rest_re()) }}
        ) as text_start
    from {{ ref('int_articles_changed') }}
    where {{ in_changed_stories() }} and is_current and dateline is not null

),

run_features as (

    select
        spans.*,
        run_patterns.pattern_type,
        -- `Central Sulawesi`: a part of a place the gazetteer lists
        coalesce(gazetteer.entity_type, part_gazetteer.entity_type) as gazetteer_type,
        -- a dateline may open with `THE`, which is no name word (`THE HAGUE (Reuters) -`)
        coalesce(
            spans.char_start = datelines.body_start + datelines.leading_the_length
            and substr(datelines.dateline, datelines.leading_the_length + 1, length(spans.surface)) = spans.surface,
            false
        ) as opens_article_dateline,
        -- the state or country after the city of a dateline (`MOBILE, Ala. -`, `BILOXI, Miss.`)
        coalesce(
            spans.char_start > datelines.body_start
            and spans.char_end <= datelines.body_start + length(datelines.dateline)
            and spans.first_gap like ',%',
            false
        ) as continues_article_dateline,
        -- the first word after the dateline's dash opens the article's first sentence
        coalesce(
            datelines.text_start > datelines.body_start + length(datelines.dateline)
            and spans.char_start = datelines.text_start,
            false
        ) as follows_article_dateline,
        -- a first name, places' names among them (`Virginia`, `Georgia`), which name_given_names leaves out
        first_names.given_name is not null as first_is_any_given,
        spans.n_words = 1 and not spans.is_upper and speaker_nouns.match_key is not null as is_speaker_noun
    from spans
    left join run_patterns on spans.run_id = run_patterns.run_id
    left join {{ ref('name_gazetteer') }} as gazetteer on spans.surface = gazetteer.name
    left join {{ ref('name_gazetteer') }} as part_gazetteer
        on
            spans.n_words = 2 and spans.first_lower in {{ place_part_openers() }}
            and part_gazetteer.entity_type = 'place'
            and substr(spans.surface, length(spans.first_lower) + 2) = part_gazetteer.name
    -- bodies and groups only: a title may be a surname too (`Bishop told reporters`)
    left join {{ ref('stg_lexicons__speaker_nouns') }} as speaker_nouns
        on spans.first_lower = speaker_nouns.match_key and speaker_nouns.role in ('organisation', 'collective')
    left join {{ ref('name_given_genders') }} as first_names
        on spans.n_words = 2 and split_part(spans.surface, ' ', 1) = first_names.given_name
    left join datelines on spans.article_id = datelines.article_id

),

{# The typing rules, first match wins: (condition, type, typing_rule). A rule with no type only
    names the rule of a run typed later or by nobody; one with no typing_rule types a run that
    keeps the rule a later row names (`context` when none does). A place's head word inside a
    name names a body after the place (`Sea Org`); a capitalised word opening a dateline
    (`TALLAHASSEE, Fla. -`, `OSLO -`) is a place; two name words after a name's possessive are a
    person (`Tarvo Party's Ilse Rand`). A wire credit comes before the head words: `(Harbour Wire) -`
    is the agency's credit, not a body the story speaks of. #}
{% set rules = [
    ("n_lexicon_words = n_words", "'covered'", none),
    ("pattern_type is not null", "pattern_type", "pattern"),
    (is_wire_credit(), "'organization'", "wire_credit"),
    ("n_words >= 2 and last_is_suffix", "'organization'", "legal_suffix"),
    (is_titled_place(), "'person'", "title"),
    ("gazetteer_type is not null", "gazetteer_type", "gazetteer"),
    (is_particle_surname(), "'person'", "given_name"),
    ("n_words >= 2 and n_event_heads > 0", "'event'", "head_word"),
    ("n_words >= 2 and n_org_heads > 0", "'organization'", "head_word"),
    ("n_words >= 2 and last_is_party_members", "'organization'", "head_word"),
    ("n_words >= 2 and n_place_heads > 0 and place_head_inside", "'organization'", "head_word"),
    ("n_words >= 2 and n_place_heads > 0", "'place'", "head_word"),
    ("n_words >= 2 and (surface like '% & %' or " ~ has_glued_initials('surface') ~ ")", "'organization'", "ampersand"),
    (is_titled(), "'person'", "title"),
    (is_romanised_name('surface'), "'person'", "name_shape"),
    ("n_words <= 3 and " ~ is_intercapped(regex_extract('surface', "'(\\S+)$'", 1)), "'organization'", "intercap"),
    (is_after_body_noun(), "'organization'", "org_noun"),
    (is_before_member_noun(), "'organization'", "org_member"),
    (is_member_of(), "'organization'", "org_member"),
    ("is_upper and n_words = 1 and length(surface) >= 2 and next_role = 'speech_verb'", "'organization'", none),
    ("is_upper and n_words = 1 and next_role = 'speech_verb'", none, "acronym"),
    (is_determined_speaker(), "'organization'", "determiner"),
    (is_place_before_speech_verb(), "'place'", "place_preposition"),
    (is_place_led_speaker(), "'organization'", "place_led_speaker"),
    ("next_role = 'speech_verb' and next_gap in (' ', ', ')", "'person'", none),
    ("prev_role = 'speech_verb' and n_words >= 2", "'person'", none),
    ("next_role = 'speech_verb' or prev_role = 'speech_verb'", none, "speech_verb"),
    (is_described_person(), "'person'", none),
    ("n_words = 1 and " ~ is_compass_region('surface'), "'place'", none),
    (is_place_noun_neighbour(), "'place'", none),
    (is_place_noun_neighbour() ~ " and not " ~ is_described_person(), none, "place_noun"),
    (is_after_place_preposition(), "'place'", none),
    (opens_dateline() ~ " or continues_article_dateline", "'place'", "dateline"),
    ("is_upper and n_words = 1 and length(surface) >= 2", "'organization'", none),
    ("is_upper and n_words = 1", none, "acronym"),
    ("n_words >= 2 and first_is_given", "'person'", "given_name"),
    (is_possessed_name(), "'person'", "possessive"),
    (is_acronym_led('surface') ~ " and not is_upper", "'organization'", "acronym_led"),
] %}

typed_runs as (

    select
        *,
        case
            {% for condition, type, _ in rules if type is not none -%}
                when {{ condition }} then {{ type }}
            {% endfor -%}
        end as run_type,
        case
            {% for condition, _, rule in rules if rule is not none -%}
                when {{ condition }} then '{{ rule }}'
            {% endfor -%}
            else 'context'
        end as typing_rule
    from run_features

),

-- the type of the name that `and` or `or` joins a lone word to: a whole gazetteer name's
-- (`Volkswagen and Fiat`, `Morgan Stanley and Oppenheimer`, `Paris and Lyon`) or the
-- organisation of any rule (`the Sierra Club and Greenpeace said`: a list of bodies speaks as
-- bodies). Only the run before: one before `and` often opens a longer name (`Securities and
-- Exchange Commission`); a word after `and` behind a head word may close the same name (`Office
-- of Management and Budget`), which an organisation overlaps all the same.
coordinated as (

    select
        run_id,
        case
            -- a given name may be a listed company's (`General Motors and Ford`), not a place's, nor
            -- that of any body a rule typed (`Leung Yiu-chung of NWSC and James To`)
            when
                is_joined and prev_gazetteer_type is not null
                and (not is_given or prev_gazetteer_type = 'organization')
                then prev_gazetteer_type
            when is_joined and not is_given and prev_run_type = 'organization' then prev_run_type
            when joins_places then 'place'
        end as coordinated_type
    from (
        select
            run_id,
            coalesce(
                n_words = 1 and length(surface) >= 3 and not is_upper
                and prev_lower in ('and', 'or')
                and lag(char_end) over sentence_runs + length(prev_lower) + 2 = char_start,
                false
            ) as is_joined,
            coalesce(first_is_given, false) as is_given,
            lag(gazetteer_type) over sentence_runs as prev_gazetteer_type,
            lag(run_type) over sentence_runs as prev_run_type,
            {{ joins_places('sentence_runs') }} as joins_places
        from typed_runs
        window sentence_runs as (partition by {{ stable_key('sentence_id') }} order by char_start)
    ) as neighboured

),

-- the runs of the story's running text
-- the word after `of` that closes an organisation the rules typed (`the Church of Tarvism`)
story_org_words as (

    select distinct
        story_id,
        last_lower
    from typed_runs
    where
        n_words >= 2 and run_type = 'organization'
        and right(lower(surface), length(last_lower) + 4) = ' of ' || last_lower

),

-- a lone word no rule types whose possessive a person follows: the party or company the person
-- has (`Velmar's Ilse Rand`)
person_owners as (

    select distinct possessors.run_id
    from typed_runs as possessors
    inner join typed_runs as possessed
        on
            possessors.sentence_id = possessed.sentence_id
            and possessed.char_start = possessors.char_end + length(possessed.first_gap)
    where
        possessors.n_words = 1 and possessors.run_type is null and not possessors.is_upper
        and possessed.first_gap in ('''s ', '’s ') and possessed.run_type = 'person'

),

body_runs as (

    select
        story_id,
        surface,
        -- a speaker noun capitalised inside a sentence only before a word of rank or membership is
        -- that title's capital (`said Police Chief Denise Harrow`), no sign the story names a body so
        bool_or(coalesce(next_role, '') not in ('org_leader', 'org_member')) as names_a_body
    from typed_runs
    where not is_heading and first_word_no > 1 and not follows_article_dateline
    group by story_id, surface

),

final as (

    select
        typed_runs.run_id,
        typed_runs.sentence_id,
        typed_runs.article_id,
        typed_runs.story_id,
        typed_runs.char_start,
        typed_runs.char_end,
        typed_runs.surface,
        typed_runs.n_words,
        typed_runs.first_word_no,
        typed_runs.n_lexicon_words,
        typed_runs.n_event_heads,
        typed_runs.n_org_heads,
        typed_runs.n_place_heads,
        typed_runs.is_upper,
        typed_runs.is_heading,
        typed_runs.first_gap,
        typed_runs.first_lower,
        typed_runs.last_lower,
        typed_runs.first_is_given,
        typed_runs.last_is_suffix,
        typed_runs.prev_is_title,
        typed_runs.prev_role,
        typed_runs.prev_lower,
        typed_runs.next_role,
        typed_runs.next_gap,
        typed_runs.next_lower,
        typed_runs.pattern_type,
        typed_runs.gazetteer_type,
        -- a lone word no rule types that closes such an organisation is its short name (`Tarvism`)
        case
            -- `Lufthansa and Ryanair said`: the listed company types the word, not the speech verb
            when {{ is_capitalised_speaker_noun() }} then 'speaker_noun'
            when {{ is_coordinated_speaker() }} then 'coordination'
            when {{ is_role_holder_speaker() }} then 'role_noun'
            when {{ is_workplace() }} then 'workplace'
            when typed_runs.run_type is not null then typed_runs.typing_rule
            when person_owners.run_id is not null then 'person_owner'
            when story_org_words.last_lower is not null then 'story_org'
            when coordinated.coordinated_type is not null then 'coordination'
            else typed_runs.typing_rule
        end as typing_rule,
        case
            when {{ is_capitalised_speaker_noun() }} then 'covered'
            when {{ is_coordinated_speaker() }} then coordinated.coordinated_type
            when {{ is_role_holder_speaker() }} then 'organization'
            when {{ is_workplace() }} then 'organization'
            when typed_runs.run_type is not null then typed_runs.run_type
            when person_owners.run_id is not null or story_org_words.last_lower is not null then 'organization'
            else coordinated.coordinated_type
        end as rule_type,
        coalesce(
            (typed_runs.n_words = 1 and inner_words.word is not null) or body_runs.surface is not null, false
        ) as is_story_supported
    from typed_runs
    left join inner_words
        on typed_runs.story_id = inner_words.story_id and typed_runs.surface = inner_words.word
    left join body_runs
        on typed_runs.story_id = body_runs.story_id and typed_runs.surface = body_runs.surface
    left join person_owners on typed_runs.run_id = person_owners.run_id
    -- a lone word no rule types that `and` joins to a listed company or place: `Volkswagen and Fiat`
    left join coordinated on typed_runs.run_id = coordinated.run_id
    left join story_org_words
        on
            typed_runs.n_words = 1
            and typed_runs.story_id = story_org_words.story_id
            and typed_runs.first_lower = story_org_words.last_lower

)

select * from final
