{#- The full names of people the story writes at the end of its capitalised runs
    (int_capital_runs_found): the last two capitalised words of a run and the particles between
    them (`... spokesman Matthew Miller`, `Lula da Silva`), unless the first of them is a title, a
    speaker noun, a known entity or a common word opening a sentence (`Gen. Schwarzkopf`, `Only
    McCaw seemed ...`, `Other Bush aides`); a month's abbreviation may be a given name (`Jan
    Kavan`). int_speakers_named takes from them the full name a surname alone stands for. -#}

-- depends_on: {{ ref('int_stories_changed') }}

with

capital_runs as (

    select * from {{ ref('int_capital_runs_found') }}
    where {{ in_changed_stories() }}

),

speaker_nouns as (

    select * from {{ ref('stg_lexicons__speaker_nouns') }}

),

aliases as (

    {{ reaction_aliases() }}

),

common_words as (

    select match_key from {{ ref('stg_lexicons__name_common_words') }}

),

month_abbreviations as (

    select match_key from {{ ref('stg_lexicons__month_names') }}
    where is_abbreviation

),

titles as (

    select term from {{ ref('stg_lexicons__name_titles') }}

),

full_names as (

    select
        story_id,
        article_id,
        {{ regex_extract("run", run_full_name_regex(), 1) }} as full_name,
        {{ regex_extract("run", "'(\\S+)$'", 1) }} as surname,
        lower({{ regex_extract("run", run_given_name_regex(), 1) }}) as given_key,
        min(run_no) as first_run_no
    from capital_runs
    where run like '% %'
    group by all

),

final as (

    select
        full_names.story_id,
        full_names.article_id,
        full_names.full_name,
        full_names.surname,
        full_names.first_run_no
    from full_names
    left join speaker_nouns
        on full_names.given_key = speaker_nouns.term
    left join aliases
        on full_names.given_key = aliases.alias_key
    left join common_words
        on full_names.given_key = common_words.match_key
    left join month_abbreviations
        on full_names.given_key = month_abbreviations.match_key
    left join titles
        on full_names.given_key = titles.term
    where
        speaker_nouns.term is null
        and aliases.alias_key is null
        and (common_words.match_key is null or month_abbreviations.match_key is not null)
        and titles.term is null

)

select * from final
