
{#- The names a story shows to be sports teams, one row per story and name (lower case): a town or
    region that plays is its club, and news names clubs by their town (`Plymouth 4 Exeter 1`,
    `Bologna (4) v Piacenza (13)`, `Vieira saves Arsenal`, `the Colts beat the Eagles`). Evidence,
    anywhere in the story, from the words around a run of capitalised words:
    - a score: a number of up to three digits right after it, followed by the other side's name
      or its scorers in brackets, or after the other side's score (`Lens 0 Nantes 4 (Japhet
      N'Doram 7)`; not `Paris 1996-12-06`, nor a scorer inside the brackets, `N'Doram 7,`);
    - `v`, `vs` or `versus` on either side of it;
    - a player's position on the field after it (`Porto captain Jorge Costa`, `Porto central
      defender`);
    - a verb of beating right after it (`Colts clobber Eagles`, `Leeds drew with`) or before it
      (`beat Cagliari`, `a 1-0 triumph over Cagliari`, `lost to Rosenborg`), or a match against it
      (`comeback against Liverpool`); a bare `against` is left out (`a resolution against
      Baghdad`);
    - `side` or `club` naming it (`Norwegian side Rosenborg`).
    A club written with initials before it is named without them too (`Milan` of `AC Milan`).
    In a story with such evidence, a town of the gazetteer or the lexicon followed by one
    capitalised plural is a team named by its town and nickname (`Philadelphia Eagles`, `Green Bay
    Packers`), and so is that nickname alone (`the Colts`): not a whole place name (`Colorado
    Springs`), a head word (`Florida Straits`), a nationality or a people (`Kosovo Albanians`), nor
    a name a rule types a person.
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
        n_words,
        coalesce(rule_type, '') = 'person' as is_rule_person,
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
        or (
            {{ regex_contains('lower(text_after)', sql_regex(team_position_after_re())) }}
            and not {{ regex_contains('lower(text_after)', sql_regex(team_position_link_re())) }}
        )
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

-- the towns of the gazetteer and the lexicon, and the words for peoples
towns as (

    select name as town_name
    from {{ ref('name_gazetteer') }}
    where entity_type = 'place'
    union
    select term as town_name
    from {{ ref('stg_lexicons__entity_aliases') }}
    where entity_type = 'place'

),

peoples as (

    select term as word
    from {{ ref('stg_lexicons__entity_aliases') }}
    where alias_kind = 'demonym'
    union
    select word
    from {{ ref('name_people_words') }}

),

-- a town and a capitalised plural (`Philadelphia Eagles`), and the plural alone (`Eagles`)
nicknamed as (

    select
        shaped.story_id,
        shaped.surface,
        shaped.nickname
    from (
        select
            story_id,
            surface,
            {{ regex_extract('surface', "'^(.+) \\p{Lu}\\p{Ll}+[^s\\s]s$'", 1) }} as town,
            {{ regex_extract('surface', "'(\\p{Lu}\\p{Ll}+[^s\\s]s)$'", 1) }} as nickname
        from runs
        where n_words between 2 and 4 and not is_rule_person
    ) as shaped
    inner join towns on shaped.town = towns.town_name
    left join towns as whole_places on shaped.surface = whole_places.town_name
    left join peoples on shaped.nickname = peoples.word
    left join {{ ref('stg_lexicons__name_head_words') }} as head_words on shaped.nickname = head_words.case_key
    where shaped.town != '' and whole_places.town_name is null and peoples.word is null and head_words.case_key is null

),

-- a player is followed by his score too (`c Astle b Harris 4 Shahid Afridi`, `Bakhit Saad 80
-- Kuwait`) and beaten by name (`beat Mark Woodforde (Australia) 6-4`): a name the classifier took
-- for a person is a team only by the other evidence, and not when a given name opens it
cued_teams as (

    select
        story_id,
        lower(surface) as name_key,
        bool_or(is_played and not first_is_given) as is_person_team
    from named
    where is_score_after or is_played
    group by story_id, lower(surface)

),

sports as (

    select distinct story_id
    from cued_teams

),

-- the nicknamed teams of the stories with other evidence of teams, by the whole name and the
-- nickname alone
nicknamed_teams as (

    select
        nicknamed.story_id,
        lower(nicknamed.surface) as name_key
    from nicknamed
    inner join sports on nicknamed.story_id = sports.story_id
    union
    select
        nicknamed.story_id,
        lower(nicknamed.nickname) as name_key
    from nicknamed
    inner join sports on nicknamed.story_id = sports.story_id

),

-- a club named by its town and a word football clubs end in that names no place of the lexicon
-- (`Orvik City`, `Tarrow Town`, `Halvern United`; not `Mexico City`), in a story of teams
suffixed_teams as (

    select distinct
        runs.story_id,
        lower(runs.surface) as name_key
    from runs
    inner join sports on runs.story_id = sports.story_id
    left join towns as whole_places on runs.surface = whole_places.town_name
    where
        runs.n_words between 2 and 3 and not runs.is_rule_person and whole_places.town_name is null
        and {{ regex_contains(
            'runs.surface', "'^\\p{Lu}[\\p{L}.''’-]+( \\p{Lu}[\\p{L}.''’-]+)? (City|Town|County|United)$'"
        ) }}

),

nicknamed_or_suffixed as (

    select * from nicknamed_teams
    union
    select * from suffixed_teams

),

final as (

    select
        coalesce(cued_teams.story_id, nicknamed_teams.story_id) as story_id,
        coalesce(cued_teams.name_key, nicknamed_teams.name_key) as name_key,
        coalesce(cued_teams.is_person_team, false) or nicknamed_teams.story_id is not null as is_person_team
    from cued_teams
    full outer join nicknamed_or_suffixed as nicknamed_teams
        on cued_teams.story_id = nicknamed_teams.story_id and cued_teams.name_key = nicknamed_teams.name_key

)

select * from final
