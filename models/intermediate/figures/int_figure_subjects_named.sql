{#- The named subject of a figure that names no country: the nearest name before it in its
    sentence, of an organisation or a person (a party, a company, a candidate), so that two
    companies' job cuts (`Korvane will cut 1,400 jobs ... Deltrix will cut 350`) or two parties'
    shares are two claims, not one that contradicts itself.

    Not a subject: a place (where, not who, by the type the story gives the name, as fct_mentions
    settles it; countries are subjects of int_figures_located), a
    name after a preposition (`sells most of them to Korvane, said it would lay off 350`: seed
    figure_context_words, role name_preposition), a name that speaks (`Holm said 1,400 jobs would
    go`, `The Election Commission said turnout was 61 percent`: a cue verb of seed cue_verbs right
    after the name), unless a body speaks of itself (`Korvane said it would cut`), a person who
    owns (`Lindgren's party`), a name alone in brackets (a dateline's outlet, `(Northern Wire)`, a
    ticker, `(VLT.DE)`), a
    name in another clause (behind a `;` or a comma and `and`, `but`, `while`: `The Alliance won
    ..., but turnout fell to 52.3 percent`).

    A toll (seed toll_actions: killed, injured, missing...) has no named subject: it is the
    event's count, whoever reports it, and two bodies' tolls of one event must stay one claim to
    show their conflict (`The Red Cross said 14 people died`, `The Interior Ministry said 16`).

    Outlets write one company several ways (`Korvane Motors`, `Korvane`): the subject is the
    shortest name of the story whose words the name contains in a row, unless that is a lone head
    word (`Party` of `People's Party`, seed name_head_words) that many names share. -#}

-- depends_on: {{ ref('int_stories_changed') }}

with

tolls as (

    select action_class
    from {{ ref('toll_actions') }}

),

penalties as (

    select
        figure_id,
        penalty
    from {{ ref('int_figure_penalties_read') }}
    where {{ in_changed_stories() }}

),

figures as (

    select
        figure_id,
        story_id,
        sentence_id,
        char_start
    from {{ ref('int_figures_extracted') }}
    where
        {{ in_changed_stories() }} and subject is null
        -- a toll is the event's, whoever counts it (`The Red Cross said 14 people died`)
        and (action_class is null or action_class not in (select tolls.action_class from tolls))

),

named as (

    select
        story_id,
        sentence_id,
        char_start,
        char_end,
        entity_name,
        entity_type,
        detected_by
    from {{ ref('int_mentions_extracted') }}
    where {{ in_changed_stories() }}

),

-- one type per name and story, as fct_mentions settles it: `Bramwick` is a place all through
name_types as (

    {{ story_name_types('named') }}

),

mentions as (

    select
        named.story_id,
        named.sentence_id,
        named.char_start,
        named.char_end,
        named.entity_name,
        name_types.entity_type
    from named
    inner join name_types
        on named.story_id = name_types.story_id and named.entity_name = name_types.entity_name
    where name_types.preference = 1 and name_types.entity_type not in ('place', 'country')

),

sentences as (

    select
        sentence_id,
        char_start as sentence_start,
        sentence_text
    from {{ ref('int_sentences') }}
    where {{ in_changed_stories() }}

),

prepositions as (

    select lower(term) as word
    from {{ ref('stg_lexicons__figure_context_words') }}
    where role = 'name_preposition'

),

speech_cues as (

    select distinct match_key as word
    from {{ ref('stg_lexicons__cue_verbs') }}
    where form = 'finite'

),

head_words as (

    select distinct term as word
    from {{ ref('stg_lexicons__name_head_words') }}

),

placed as (

    select
        figures.figure_id,
        penalties.penalty,
        figures.story_id,
        mentions.char_start,
        mentions.entity_name,
        mentions.entity_type,
        lower({{ regex_extract(
            "substr(sentences.sentence_text, 1, mentions.char_start - sentences.sentence_start)",
            "'(\\pL+)\\W*$'", 1
        ) }}) as word_before,
        lower({{ regex_extract(
            "substr(sentences.sentence_text, mentions.char_end - sentences.sentence_start + 1)",
            "'^\\W*(\\pL+)'", 1
        ) }}) as word_after,
        lower({{ regex_extract(
            "substr(sentences.sentence_text, mentions.char_end - sentences.sentence_start + 1)",
            "'^\\W*\\pL+\\W+(\\pL+)'", 1
        ) }}) as second_word_after,
        substr(
            sentences.sentence_text,
            mentions.char_end - sentences.sentence_start + 1,
            figures.char_start - mentions.char_end
        ) as text_between,
        -- a name alone in brackets is an aside: the outlet of a dateline (`(Northern Wire) -`), a
        -- ticker (`(VLT.DE)`), an abbreviation after its full name (`(CMA)`)
        {{ regex_contains(
            "substr(sentences.sentence_text, 1, mentions.char_start - sentences.sentence_start)", "'\\([^\\s()]*$'"
        ) }}
        and {{ regex_contains(
            "substr(sentences.sentence_text, mentions.char_end - sentences.sentence_start + 1)", "'^[^\\s()]*\\)'"
        ) }} as is_bracketed
    from figures
    inner join mentions
        on figures.sentence_id = mentions.sentence_id and figures.char_start >= mentions.char_end
    left join penalties on figures.figure_id = penalties.figure_id
    inner join sentences on figures.sentence_id = sentences.sentence_id

),

nearest as (

    select
        placed.*,
        row_number() over (partition by placed.figure_id order by placed.char_start desc) as rank_no
    from placed
    left join prepositions on placed.word_before = prepositions.word
    -- A name that speaks is a source, not a subject (`The Election Commission said turnout was 61
    -- percent`), unless a body speaks of itself (`Korvane said it would cut 1,400 jobs`).
    left join speech_cues
        on
            placed.word_after = speech_cues.word
            and (
                placed.entity_type = 'person'
                or coalesce(placed.second_word_after, '') not in ('it', 'its', 'they', 'their')
            )
    where
        prepositions.word is null
        and speech_cues.word is null
        and not placed.is_bracketed
        -- another clause (`The Alliance won the most votes ..., but turnout fell to 52.3 percent`)
        and not {{ regex_contains('text_between', "'[;]|,\\s*(and|but|while|whereas)\\s'") }}
        -- a person's party or company (`Lindgren's party ... will have 52`) is not the person
        and not (placed.entity_type = 'person' and {{ regex_contains('text_between', "'^[''’]s\\b'") }})
        -- a penalty is the person's who bears it (`sentenced Gregory Pell ... to 12 years`, `Pell
        -- was sentenced`), not the company's nor the judge's who imposes it (`Judge Maria Alvarez
        -- also ordered the 54-year-old to pay`)
        and (
            placed.penalty is null
            or placed.entity_type = 'person'
            and not {{ regex_contains('lower(placed.text_between)', sql_regex(penalty_imposer_start_re())) }}
        )

),

story_names as (

    select distinct
        mentions.story_id,
        mentions.entity_name
    from mentions
    left join head_words on mentions.entity_name = head_words.word
    where head_words.word is null

),

shortest as (

    select
        nearest.figure_id,
        nearest.story_id,
        story_names.entity_name as subject,
        row_number() over (
            partition by nearest.figure_id
            order by length(story_names.entity_name), story_names.entity_name
        ) as rank_no
    from nearest
    inner join story_names
        on
            nearest.story_id = story_names.story_id
            and strpos(' ' || nearest.entity_name || ' ', ' ' || story_names.entity_name || ' ') > 0
    where nearest.rank_no = 1

),

final as (

    select
        figure_id,
        story_id,
        subject
    from shortest
    where rank_no = 1

)

select * from final
