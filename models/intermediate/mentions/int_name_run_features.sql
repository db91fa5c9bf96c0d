
{#- The features of each run of int_name_runs, one row each: what the learned classifier
    (int_name_runs_classified, weights in seed name_classifier_weights) reads, and what
    scripts/train_name_classifier.py trains on. Binary features: the run's shape (words,
    capitals, heading, first word of a sentence), its lexicon evidence (given name, legal
    suffix, head words, gazetteer, pattern), the hand rules' verdict, its first and last word,
    the words and gaps around it, and whether the story's running text names it too. A run is
    its article and offsets: its run_id (name_run_id()) is left to int_name_runs_classified. -#}

{#- (feature expression, condition under which the run has it) -#}
{%- set features = [
    ("'bias'", "true"),
    ("'words=' || cast(least(n_words, 3) as string)", "true"),
    ("'sentence_start'", "first_word_no = 1"),
    ("'heading'", "is_heading"),
    ("'upper'", "is_upper"),
    ("'given_name'", "first_is_given"),
    ("'legal_suffix'", "last_is_suffix"),
    ("'head=organization'", "n_org_heads > 0"),
    ("'head=event'", "n_event_heads > 0"),
    ("'head=place'", "n_place_heads > 0"),
    ("'lexicon_word'", "n_lexicon_words > 0"),
    ("'gazetteer=' || gazetteer_type", "gazetteer_type is not null"),
    ("'pattern=' || pattern_type", "pattern_type is not null"),
    ("'rule=' || typing_rule || ':' || coalesce(rule_type, 'none')", "true"),
    ("'story_supported'", "is_story_supported"),
    ("'after_title'", "prev_is_title"),
    ("'prev_role=' || prev_role", "prev_role is not null"),
    ("'next_role=' || next_role", "next_role is not null"),
    ("'prev=' || prev_lower", "prev_lower is not null"),
    ("'next=' || next_lower", "next_lower is not null"),
    ("'next_gap=' || trim(next_gap)", "length(next_gap) <= 3"),
    ("'first_gap=' || trim(first_gap)", "length(first_gap) <= 3"),
    ("'first=' || first_lower", "true"),
    ("'last=' || last_lower", "true"),
    ("'last_end=' || right(last_lower, 3)", "length(last_lower) > 4"),
    ("'hyphen'", "surface like '%-%'"),
] -%}

-- depends_on: {{ ref('int_stories_changed') }}

with

runs as (

    select * from {{ ref('int_name_runs') }}
    where {{ in_changed_stories() }} and coalesce(rule_type, '') != 'covered'

),

final as (

    {% for expression, condition in features -%}
        select
            article_id,
            story_id,
            char_start,
            char_end,
            {{ expression }} as feature
        from runs
        where {{ condition }}
        {{ 'union all' if not loop.last }}
    {% endfor %}

)

select * from final
