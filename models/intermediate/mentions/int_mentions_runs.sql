
{#- Mentions from runs of capitalised words (int_name_runs). Dropped always: runs the lexicon
    covers and runs inside a country body. var('name_typing') chooses who types and keeps the
    rest:
    - `rules`: the hand rules' type (NULL when none applies: fct_mentions types it from the
      story or drops it); a lone unknown word opening a sentence (`Residents said`) that neither
      the story nor a gazetteer supports (nor a person after its possessive, `Velmar's Ilse
      Rand`) is dropped, and so is a heading's run that no rule types
      and the story's running text does not name.
    - `classifier`: the learned classifier (int_name_runs_classified) types every run; `none`
      drops it.
    - `hybrid`: a hand rule that types the run wins; the classifier types the runs no rule
      types; a run it calls no name is kept untyped (NULL) when a hand rule types the same name
      elsewhere in the story's running text, or the story writes a full name of a person or
      place that ends in it, for fct_mentions to type from the story (a name typed once keeps
      its type: `Tarvo officials` types every bare `Tarvo`); the classifier's own guesses do not
      spread (`Polaroid` typed a person once); a lone unknown word opening a sentence is
      dropped as with `rules`.
    With `rules` and `hybrid`, a lone word that a hyphen joins to a lower-case word that does not
    continue it is a compound, not a name (`Arch-foes`; but `Tarvo-based` names Tarvo). -#}

{%- set typing = name_typing() -%}

-- depends_on: {{ ref('int_stories_changed') }}

with

runs as (

    select * from {{ ref('int_name_runs') }}
    where {{ in_changed_stories() }}

),

bodies as (

    select
        sentence_id,
        char_start,
        char_end
    from {{ ref('int_mentions_country_bodies') }}
    where {{ in_changed_stories() }}

),

classified as (

    select
        run_id,
        entity_type
    from {{ ref('int_name_runs_classified') }}
    where {{ in_changed_stories() }}

),

candidates as (

    select
        runs.*,
        classified.entity_type as classified_type,
        runs.rule_type is not null as is_rule_specific
    from runs
    left join bodies
        on
            runs.sentence_id = bodies.sentence_id
            and runs.char_start < bodies.char_end
            and runs.char_end > bodies.char_start
    left join classified on runs.run_id = classified.run_id
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
            -- a lone unknown word opening a sentence (`Residents said`) needs the story, a gazetteer
            -- or a person after its possessive (`Velmar's Ilse Rand`)
            not (
                first_word_no = 1 and n_words = 1 and n_lexicon_words = 0 and not is_upper
                and pattern_type is null and gazetteer_type is null and not is_story_supported
                and typing_rule != 'person_owner'
            )
            -- a lone word that a hyphen joins to a lower-case word is a compound (`Arch-foes`,
            -- `Anti-war`), unless that word makes an adjective of a name (`Tarvo-based`)
            and not (n_words = 1 and coalesce(next_gap, '') = '-' and coalesce(next_role, '') != 'compound_suffix')
            and (not {{ typing == 'hybrid' }} or is_rule_specific or classified_type is not null or is_story_typed)
            -- with the rules alone, a heading's run needs a rule or the story (hybrid leaves it to the story)
            and (
                not {{ typing == 'rules' }}
                or not is_heading or (rule_type is not null and typing_rule != 'context') or is_story_supported
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
            -- `TALLAHASSEE` opening a dateline is the place Tallahassee
            when typing_rule = 'dateline' then upper(left(surface, 1)) || lower(substr(surface, 2))
            else trim(replace(replace(surface, '(', ''), ')', ''))
        end as entity_name,
        case when detected_rule = 'title' then 'title_name' else 'name' end as mention_kind,
        'run_' || detected_rule as detected_by
    from kept

)

select * from final
