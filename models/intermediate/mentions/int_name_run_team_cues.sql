
{#- The names a story shows to be sports teams, one row per story and name (lower case): a town or
    region that plays is its club, and news names clubs by their town (`Plymouth 4 Exeter 1`,
    `Bologna (4) v Piacenza (13)`, `Vieira saves Arsenal`, `the Colts beat the Eagles`). Evidence,
    anywhere in the story, from the words around a run of capitalised words:
    - a score: a number of up to three digits right after it, followed by the other side's name
      or its scorers in brackets, or after the other side's score (`Lens 0 Nantes 4 (Japhet
      N'Doram 7)`; not `Paris 1996-12-06`, nor a scorer inside the brackets, `N'Doram 7,`);
    - `v`, `vs` or `versus` on either side of it;
    - a verb of beating right after it (`Colts clobber Eagles`, `Leeds drew with`) or before it
      (`beat Cagliari`, `a 1-0 triumph over Cagliari`, `lost to Rosenborg`), or a match against it
      (`comeback against Liverpool`); a bare `against` is left out (`a resolution against
      Baghdad`);
    - `side` or `club` naming it (`Norwegian side Rosenborg`).
    A club written with initials before it is named without them too (`Milan` of `AC Milan`).
    int_mentions_extracted types the story's places and classifier guesses of that name an
    organisation; a country that plays stays a place, as NER conventions have it. -#}

-- depends_on: {{ ref('int_stories_changed') }}

with

runs as (

    select
        sentence_id,
        story_id,
        char_start,
        char_end,
        surface,
        coalesce(first_is_given, false) as first_is_given
    from {{ ref('int_name_runs') }}
    where {{ in_changed_stories() }} and not is_heading and n_words <= 4

),

sentences as (

    select
        sentence_id,
        char_start,
        sentence_text
    from {{ ref('int_sentences') }}
    where {{ in_changed_stories() }}

),

contexts as (

    select
        runs.story_id,
        runs.surface,
        runs.first_is_given,
        substr(sentences.sentence_text, runs.char_end - sentences.char_start + 1, 40) as text_after,
        substr(
            sentences.sentence_text,
            greatest(runs.char_start - sentences.char_start - 40, 0) + 1,
            least(runs.char_start - sentences.char_start, 40)
        ) as text_before
    from runs
    inner join sentences on runs.sentence_id = sentences.sentence_id

),

cued as (

    select
        story_id,
        surface,
        first_is_given,
        {{ regex_contains('text_after', sql_regex(team_score_after_re())) }} as is_score_after,
        (
            {{ regex_contains('text_before', sql_regex(team_score_before_re())) }}
            and {{ regex_contains('text_after', "'^ [0-9]{1,3}(?:$|[^0-9.,:/-])'") }}
        )
        or {{ regex_contains('text_after', sql_regex(team_versus_after_re())) }}
        or {{ regex_contains('text_before', sql_regex(team_versus_before_re())) }}
        or {{ regex_contains('lower(text_after)', sql_regex(team_verb_after_re())) }}
        or {{ regex_contains('lower(text_before)', sql_regex(team_verb_before_re())) }} as is_played
    from contexts

),

-- a club's name without the initials before it, which news drops (`Milan` of `AC Milan`, `Roma`
-- of `AS Roma`)
named as (

    select
        story_id,
        surface,
        first_is_given,
        is_score_after,
        is_played
    from cued
    union all
    select
        story_id,
        {{ regex_extract('surface', "'^\\p{Lu}{2,3} (\\p{Lu}.*)$'", 1) }} as surface,
        first_is_given,
        is_score_after,
        is_played
    from cued
    where {{ regex_contains('surface', "'^\\p{Lu}{2,3} \\p{Lu}'") }}

),

-- a player is followed by his score too (`c Astle b Harris 4 Shahid Afridi`, `Bakhit Saad 80
-- Kuwait`) and beaten by name (`beat Mark Woodforde (Australia) 6-4`): a name the classifier took
-- for a person is a team only by the other evidence, and not when a given name opens it
final as (

    select
        story_id,
        lower(surface) as name_key,
        bool_or(is_played and not first_is_given) as is_person_team
    from named
    where is_score_after or is_played
    group by story_id, lower(surface)

)

select * from final
