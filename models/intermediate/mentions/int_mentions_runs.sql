
{#- Mentions from runs of capitalised words (int_name_runs). Dropped always: runs the lexicon
    covers and runs inside a country body. var('name_typing') chooses who types and keeps the
    rest: `rules` (the hand rules), `classifier` (int_name_runs_classified types every run) or
    `hybrid` (a hand rule that types the run wins, the classifier types the rest). With every
    typing, the story retypes a lone word: a person where the story names a person ending in it,
    an event where it names a storm ending in it, an organisation where it shows one
    (int_name_run_org_cues, also a longer name over the given name rule), a place before a
    company noun or untyped where the story says a company is based in it
    (int_name_run_place_cues), a person where a sentence opens with it before a speech verb
    (int_name_opening_subjects_found). The yml says what each typing keeps. -#}
-- sqlfluff:render_variant_limit:5

{%- set typing = name_typing() -%}
{%- set org_cued -%}
    org_cues.surface is not null
    and (
        named_runs.rule_type is null or (named_runs.rule_type = 'person' and named_runs.typing_rule = 'speech_verb')
        or (org_cues.outranks_person and named_runs.typing_rule = 'given_name')
        or (org_cues.outranks_place and named_runs.typing_rule = 'gazetteer' and named_runs.gazetteer_type = 'place')
    )
{%- endset %}
{%- set story_person -%}
    story_people.story_id is not null and named_runs.n_words = 1 and not named_runs.is_upper
    and (
        (named_runs.typing_rule = 'gazetteer' and named_runs.gazetteer_type = 'place')
        or named_runs.typing_rule = 'org_member'
        or named_runs.rule_type is null
    )
{%- endset %}
{%- set story_place -%}
    place_cues.story_id is not null
    and (named_runs.rule_type is null or (named_runs.typing_rule = 'org_member' and named_runs.next_role = 'org_noun'))
{%- endset %}
{%- set story_event -%}
    story_events.story_id is not null and named_runs.n_words = 1 and not named_runs.is_upper
    and named_runs.rule_type is null
{%- endset %}

-- depends_on: {{ ref('int_stories_changed') }}

with

named_runs as (

    select * from {{ ref('int_name_runs') }}
    where {{ in_changed_stories() }}

),

org_cues as (

    select
        story_id,
        surface,
        outranks_place,
        outranks_person
    from {{ ref('int_name_run_org_cues') }}
    where {{ in_changed_stories() }}

),

-- a town the story says a company is based in (`Austin-based`), before a company noun
-- (`the Austin chipmaker`) no company, and a place where no rule typed it
place_cues as (

    select * from {{ ref('int_name_run_place_cues') }}
    where {{ in_changed_stories() }}

),

-- a person opening a sentence (`Halvorsen, speaking to reporters, blamed`), there and alone again
opening_subjects as (

    select * from {{ ref('int_name_opening_subjects_found') }}
    where {{ in_changed_stories() }}

),

-- the last words of the story's people that a rule other than the gazetteer typed: `Reno` of
-- `Janet Reno`, `Bush` of `President Bush`
story_people as (

    select distinct
        story_id,
        last_lower
    from named_runs
    where
        rule_type = 'person' and typing_rule != 'gazetteer' and (n_words >= 2 or typing_rule = 'title')
        -- not a byline that runs into a dateline (`Elif Kaban GENEVA`)
        and right(surface, length(last_lower)) != upper(right(surface, length(last_lower)))

),

-- the last words of the story's named storms: `Delphine` of `Hurricane Delphine`, which no rule
-- types alone
story_events as (

    select distinct
        story_id,
        last_lower
    from named_runs
    where rule_type = 'event' and typing_rule = 'pattern' and n_words >= 2

),

-- a lone word the story shows to be an organisation (int_name_run_org_cues) is one where only a
-- speech verb typed it, or nothing: `Ryanair said` after `Ryanair, the low-cost airline,`; a
-- lone place of the gazetteer, or a lone word typed by what people speak for, that the story
-- shows to be a person is one (`Reno said` after `Janet Reno`, `a spokeswoman for Mercer`)
runs as (

    select
        named_runs.run_id,
        named_runs.sentence_id,
        named_runs.article_id,
        named_runs.story_id,
        named_runs.char_start,
        named_runs.char_end,
        named_runs.surface,
        named_runs.n_words,
        named_runs.first_word_no,
        named_runs.n_lexicon_words,
        named_runs.is_upper,
        named_runs.is_heading,
        named_runs.last_lower,
        named_runs.first_gap,
        named_runs.prev_lower,
        named_runs.next_role,
        named_runs.next_gap,
        named_runs.pattern_type,
        named_runs.gazetteer_type,
        named_runs.is_story_supported,
        case
            when {{ org_cued }} then 'organization'
            when {{ story_place }} then 'place'
            when {{ story_person }} then 'person'
            when {{ story_event }} then 'event'
            when opening_subjects.story_id is not null and named_runs.rule_type is null then 'person'
            else named_runs.rule_type
        end as rule_type,
        case
            when {{ org_cued }} then 'org_cue'
            when {{ story_place }} then 'story_place'
            when {{ story_person }} then 'story_person'
            when {{ story_event }} then 'story_event'
            when opening_subjects.story_id is not null and named_runs.rule_type is null then 'opening_subject'
            else named_runs.typing_rule
        end as typing_rule
    from named_runs
    left join org_cues on named_runs.story_id = org_cues.story_id and named_runs.surface = org_cues.surface
    left join place_cues on named_runs.story_id = place_cues.story_id and named_runs.surface = place_cues.surface
    left join opening_subjects
        on named_runs.story_id = opening_subjects.story_id and named_runs.surface = opening_subjects.surface
    -- the keys only: a condition on one side in a join's ON makes DuckDB loop
    left join story_people
        on named_runs.story_id = story_people.story_id and named_runs.last_lower = story_people.last_lower
    left join story_events
        on named_runs.story_id = story_events.story_id and named_runs.last_lower = story_events.last_lower

),

bodies as (

    select
        sentence_id,
        char_start,
        char_end
    from {{ ref('int_mentions_country_bodies') }}
    where {{ in_changed_stories() }}

),

people_words as (

    select word from {{ ref('name_people_words') }}

),

classified as (

    select
        run_id,
        entity_type,
        name_type,
        word_says_none,
        opens_clause
    from {{ ref('int_name_runs_classified') }}
    where {{ in_changed_stories() }}

),

candidates as (

    select
        runs.*,
        {{ classified_run_type('runs', 'classified', 'people_words') }} as classified_type,
        -- a word for what people belong to before a member noun (`Nordic airline`) or a place noun
        -- qualifies it
        runs.rule_type is not null
        and (
            runs.typing_rule not in ('context', 'org_member', 'place_noun')
            or people_words.word is null
        ) as is_rule_specific
    from runs
    left join bodies
        on
            runs.sentence_id = bodies.sentence_id
            and runs.char_start < bodies.char_end
            and runs.char_end > bodies.char_start
    left join classified on runs.run_id = classified.run_id
    left join people_words on runs.surface = people_words.word
    where bodies.sentence_id is null and coalesce(runs.rule_type, '') != 'covered'

),

-- what the story types with a rule: the same name typed by a hand rule (`Tarvo officials`),
-- or a full name of a person or place whose last word a lone word is (`Okafor` of `Grace Okafor`)
story_typed as (

    select distinct
        story_id,
        lower(surface) as name_key
    from candidates
    where is_rule_specific and not is_heading

    union

    select distinct
        story_id,
        last_lower as name_key
    from candidates
    where
        n_words >= 2
        and case when is_rule_specific then rule_type else classified_type end in ('person', 'place')

),

story_checked as (

    select
        candidates.*,
        story_typed.story_id is not null as is_story_typed
    from candidates
    left join story_typed
        on
            candidates.story_id = story_typed.story_id
            and lower(candidates.surface) = story_typed.name_key

),

kept as (

    select
        *,
        {% if typing == 'rules' -%}
            rule_type as entity_type,
            typing_rule as detected_rule
        {%- elif typing == 'classifier' -%}
            classified_type as entity_type,
            'classifier' as detected_rule
        {%- else -%}
            case when is_rule_specific then rule_type else classified_type end as entity_type,
            case
                when is_rule_specific then typing_rule
                when classified_type is not null then 'classifier'
                else typing_rule
            end as detected_rule
        {%- endif %}
    from story_checked
    where
        {% if typing == 'classifier' -%}
            classified_type is not null
        {%- else -%}
            -- a lone unknown word opening a sentence (`Residents said`) needs the story, a gazetteer,
            -- a person after its possessive (`Velmar's Ilse Rand`), an organisation's cue
            -- (`Porsche said its sales fell`) or its sentence (int_name_opening_subjects_found)
            not (
                first_word_no = 1 and n_words = 1 and n_lexicon_words = 0 and not is_upper
                and pattern_type is null and gazetteer_type is null and not is_story_supported
                and typing_rule not in ('person_owner', 'org_cue', 'opening_subject')
            )
            -- a lone word that a hyphen joins to a lower-case word is a compound (`Arch-foes`,
            -- `Anti-war`), unless that word makes an adjective of a name (`Tarvo-based`)
            and not (n_words = 1 and coalesce(next_gap, '') = '-' and coalesce(next_role, '') != 'compound_suffix')
            and (not {{ typing == 'hybrid' }} or is_rule_specific or classified_type is not null or is_story_typed)
            -- with the rules alone, a heading's run needs a rule or the story (hybrid leaves it to the story)
            and (
                not {{ typing == 'rules' }}
                or not is_heading or is_story_supported
                or (rule_type is not null and typing_rule not in ('context', 'place_noun'))
            )
        {%- endif %}

),

final as (

    select
        sentence_id,
        article_id,
        story_id,
        char_start,
        char_end,
        surface,
        entity_type,
        case
            -- `TALLAHASSEE` opening a dateline is the place Tallahassee, `DES MOINES` Des Moines
            when typing_rule = 'dateline' then {{ title_case_words('surface') }}
            -- a name of a line all in capitals (no acronym: int_name_run_words) as the story writes
            -- it, so that the story types it (`CUTTITTA` is Cuttitta of Marcello Cuttitta); not
            -- initials glued by an ampersand (`AT&T`)
            when
                not is_upper and surface = upper(surface) and surface != lower(surface)
                and not {{ has_glued_initials('surface') }}
                then {{ title_case_words("trim(replace(replace(surface, '(', ''), ')', ''))") }}
            else trim(replace(replace(surface, '(', ''), ')', ''))
        end as entity_name,
        case when detected_rule = 'title' then 'title_name' else 'name' end as mention_kind,
        'run_' || detected_rule as detected_by
    from kept

)

select * from final
