{#- The event each date expression dates: the nearest event cue of its sentence (seed
    `event_cues`; a phrase of two or three words beats the cues among its words: `opened fire` and
    `exchange of fire` are shootings, and one of class `not_an_event` hides them and dates nothing:
    `stock exchange`), or `deadline` right after a deadline marker (`by the end of this year`).

    A cue belongs to the date expression nearest to it; distance counts words (from a phrase's
    last word to a date after it), plus 3 per clause mark between them, plus the cue's
    distance_penalty (3 for most verbs: `the offensive that started in January killed` dates the
    offensive; 0 for nouns and reaction verbs: `Russia on Friday welcomed the deal` dates the
    welcoming); on a tie a noun wins; a cue farther than `event_cue_max_distance` (var, default
    10) is ignored.

    A date right after a reporting verb that is no event cue itself (`police said on Wednesday`,
    `the ministry added Friday`, seed cue_verbs) is the day something was said (not `said
    Wednesday's attack`): class `report`, which is not aligned, so it neither joins nor
    contradicts the event reported on the same day (`the minister visited on Wednesday`). So is the
    day a thing was published (seed date_context_words, role `published_thing`) by a word that
    releases people otherwise (`the poll, released Sunday`, `released a report on Tuesday`,
    `released her first album in 1968`: a published thing up to three words after it). -#}

-- depends_on: {{ ref('int_stories_changed') }}

with

expressions as (

    select
        sentence_key,
        story_id,
        start_token_no,
        end_token_no,
        start_word_no,
        end_word_no,
        start_clause_no,
        end_clause_no
    from {{ ref('int_date_expressions_matched') }}
    where {{ in_changed_stories() }}

),

tokens as (

    select
        sentence_key,
        token_no,
        word_no,
        clause_no,
        token,
        token_key,
        next_token_key
    from {{ ref('int_date_tokens_shaped') }}
    where {{ in_changed_stories() }}

),

event_cues as (

    select
        event_class,
        cue_kind,
        distance_penalty,
        match_key,
        n_tokens
    from {{ ref('stg_lexicons__event_cues') }}

),

reporting_verbs as (

    select distinct match_key
    from {{ ref('stg_lexicons__cue_verbs') }}
    where
        form = 'finite'
        and match_key not in (select event_cues.match_key from event_cues)

),

deadline_markers as (

    select match_key
    from {{ ref('stg_lexicons__date_context_words') }}
    where role = 'deadline_marker'

),

-- a phrase names another event than its words alone (`opened fire` and `exchange of fire` are
-- shootings, `fire` a blaze, `exchange` a swap), or none (`stock exchange`, `in exchange for`); it
-- stands on its first word and hides the cues among its words
phrase_cues as (

    select
        match_key,
        event_class,
        cue_kind,
        distance_penalty,
        n_tokens,
        {{ regex_extract('match_key', "'^(\\S+) '", 1) }} as first_key,
        {{ regex_extract('match_key', "'^\\S+ (\\S+)'", 1) }} as second_key,
        {{ regex_extract('match_key', "'^\\S+ \\S+ (\\S+)$'", 1) }} as third_key
    from event_cues
    where n_tokens in (2, 3)

),

phrase_cue_tokens as (

    select
        tokens.sentence_key,
        tokens.token_no,
        tokens.word_no,
        tokens.clause_no,
        phrase_cues.match_key as cue_word,
        phrase_cues.event_class,
        phrase_cues.cue_kind,
        phrase_cues.distance_penalty,
        tokens.token_no + phrase_cues.n_tokens - 1 as last_token_no,
        coalesce(third.word_no, tokens.word_no + 1) as last_word_no
    from tokens
    inner join phrase_cues
        on tokens.token_key = phrase_cues.first_key and tokens.next_token_key = phrase_cues.second_key
    left join tokens as third
        on tokens.sentence_key = third.sentence_key and tokens.token_no + 2 = third.token_no
    where phrase_cues.n_tokens = 2 or third.token_key = phrase_cues.third_key

),

published_things as (

    select match_key
    from {{ ref('stg_lexicons__date_context_words') }}
    where role = 'published_thing'

),

-- a footnote digit glued to a cue (`talks2`) does not hide it; a cue inside a phrase is the
-- phrase's
single_cue_tokens as (

    select
        tokens.sentence_key,
        tokens.token_no,
        tokens.word_no,
        tokens.clause_no,
        tokens.token as cue_word,
        event_cues.event_class,
        event_cues.cue_kind,
        event_cues.distance_penalty
    from tokens
    inner join event_cues
        on {{ regex_replace("tokens.token_key", "'[0-9]+$'", "''") }} = event_cues.match_key
    left join phrase_cue_tokens
        on
            tokens.sentence_key = phrase_cue_tokens.sentence_key
            and tokens.token_no between phrase_cue_tokens.token_no and phrase_cue_tokens.last_token_no
    where phrase_cue_tokens.token_no is null

),

-- a release of what is published is a publication, a report's day, not a release of people: the
-- thing named just before the word (`FBI notes released Monday`, `the poll, released Sunday`) or
-- up to three words after it in its clause (`released a report`, `released her first single`)
published_releases as (

    select distinct
        releases.sentence_key,
        releases.token_no
    from single_cue_tokens as releases
    inner join tokens as things_near
        on
            releases.sentence_key = things_near.sentence_key
            and things_near.token_no between releases.token_no - 2 and releases.token_no + 3
    inner join published_things on things_near.token_key = published_things.match_key
    where
        releases.event_class = 'exchange'
        and (
            things_near.token_no > releases.token_no and things_near.clause_no = releases.clause_no
            or things_near.token_no = releases.token_no - 1
            -- a comma between (`the poll, released`): the mark has no word number of its own
            or things_near.token_no = releases.token_no - 2 and things_near.word_no = releases.word_no - 1
        )

),

cue_tokens as (

    select
        single_cue_tokens.sentence_key,
        single_cue_tokens.token_no,
        single_cue_tokens.word_no,
        single_cue_tokens.word_no as last_word_no,
        single_cue_tokens.clause_no,
        single_cue_tokens.cue_word,
        case
            when published_releases.token_no is not null then 'report' else single_cue_tokens.event_class
        end as event_class,
        single_cue_tokens.cue_kind,
        single_cue_tokens.distance_penalty
    from single_cue_tokens
    left join published_releases
        on
            single_cue_tokens.sentence_key = published_releases.sentence_key
            and single_cue_tokens.token_no = published_releases.token_no

    union all

    select
        sentence_key,
        token_no,
        word_no,
        last_word_no,
        clause_no,
        cue_word,
        event_class,
        cue_kind,
        distance_penalty
    from phrase_cue_tokens
    where event_class != 'not_an_event'

),

cue_distances as (

    select
        expressions.sentence_key,
        expressions.start_token_no,
        cue_tokens.token_no as cue_token_no,
        cue_tokens.cue_word,
        cue_tokens.event_class,
        cue_tokens.cue_kind,
        case
            when cue_tokens.token_no < expressions.start_token_no
                then expressions.start_word_no - cue_tokens.last_word_no
                    + 3 * (expressions.start_clause_no - cue_tokens.clause_no)
            else cue_tokens.word_no - expressions.end_word_no
                + 3 * (cue_tokens.clause_no - expressions.end_clause_no)
        end
        + cue_tokens.distance_penalty as cue_score
    from expressions
    inner join cue_tokens
        on expressions.sentence_key = cue_tokens.sentence_key
            and (
                expressions.start_token_no > cue_tokens.token_no
                or expressions.end_token_no < cue_tokens.token_no
            )

),

cue_owners as (

    select
        *,
        cue_score = min(cue_score) over (partition by sentence_key, cue_token_no) as is_owned
    from cue_distances

),

nearest_cues as (

    select *
    from (
        select
            sentence_key,
            start_token_no,
            cue_word,
            event_class,
            row_number() over (
                partition by sentence_key, start_token_no
                order by cue_score asc, cue_kind = 'noun' desc, cue_token_no
            ) as cue_rank
        from cue_owners
        -- A cue nearer to another date of the sentence is that date's: in `the truce agreed on
        -- Tuesday was holding on Friday` the truce is dated Tuesday, and Friday has no event. A
        -- cue too far away in a long sentence is about something else.
        where is_owned and cue_score <= {{ var('event_cue_max_distance') }}
    ) as ranked
    where cue_rank = 1

),

deadline_starts as (

    select
        tokens.sentence_key,
        tokens.token_no + 1 as start_token_no
    from tokens
    inner join deadline_markers on tokens.token_key = deadline_markers.match_key

),

report_media as (

    select match_key
    from {{ ref('stg_lexicons__date_context_words') }}
    where role = 'report_medium'

),

-- where a report's date may follow: right after its verb, or after the verb, `in a` and what the
-- report was given in (`said in a statement on Monday`)
report_heads as (

    select
        verbs.sentence_key,
        verbs.token as report_verb,
        verbs.token_no as head_no
    from tokens as verbs
    inner join reporting_verbs on verbs.token_key = reporting_verbs.match_key

    union all

    select
        verbs.sentence_key,
        verbs.token as report_verb,
        medium.token_no as head_no
    from tokens as verbs
    inner join reporting_verbs on verbs.token_key = reporting_verbs.match_key
    inner join tokens as preposition
        on
            verbs.sentence_key = preposition.sentence_key
            and verbs.token_no + 1 = preposition.token_no
    inner join tokens as article
        on
            verbs.sentence_key = article.sentence_key
            and verbs.token_no + 2 = article.token_no
    inner join tokens as medium
        on
            verbs.sentence_key = medium.sentence_key
            and verbs.token_no + 3 = medium.token_no
    inner join report_media on medium.token_key = report_media.match_key
    where preposition.token_key = 'in' and article.token_key in ('a', 'an')

),

-- the date or `on` and the date after the head
report_starts as (

    select
        heads.sentence_key,
        case when next_token.token_key = 'on' then heads.head_no + 2 else heads.head_no + 1 end as start_token_no,
        min(heads.report_verb) as report_verb
    from report_heads as heads
    left join tokens as next_token
        on
            heads.sentence_key = next_token.sentence_key
            and heads.head_no + 1 = next_token.token_no
    group by 1, 2

),

final as (

    select
        cast(expressions.sentence_key as bigint) as sentence_key,
        expressions.story_id,
        cast(expressions.start_token_no as integer) as start_token_no,
        coalesce(report_starts.report_verb, nearest_cues.cue_word) as event_cue,
        {{ regex_replace(
            regex_replace("lower(coalesce(report_starts.report_verb, nearest_cues.cue_word))", "'[0-9]+$'", "''"),
            "'([^s])s$'", "'\\1'"
        ) }} as event_cue_stem,
        case
            when deadline_starts.start_token_no is not null then 'deadline'
            when report_starts.start_token_no is not null then 'report'
            else nearest_cues.event_class
        end as event_class
    from expressions
    left join nearest_cues
        on expressions.sentence_key = nearest_cues.sentence_key
            and expressions.start_token_no = nearest_cues.start_token_no
    left join deadline_starts
        on expressions.sentence_key = deadline_starts.sentence_key
            and expressions.start_token_no = deadline_starts.start_token_no
    left join tokens as after_expression
        on expressions.sentence_key = after_expression.sentence_key
            and expressions.end_token_no + 1 = after_expression.token_no
    -- not before a possessive (`said Monday's vote`); the test sits in the key, as a condition on
    -- the joined side alone in `on` makes DuckDB loop over both sides
    left join report_starts
        on expressions.sentence_key = report_starts.sentence_key
            and case
                when coalesce(after_expression.token_key, '') != '''s' then expressions.start_token_no
            end = report_starts.start_token_no

)

select * from final
