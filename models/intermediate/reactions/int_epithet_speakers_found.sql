{#- The person an epithet after `the` stands for: political and wire reporting names a person once
    and then speaks of them by a description, `Majority Leader Rachel Okafor hailed the vote.
    "...," the Illinois Democrat said.`, `Her Republican counterpart, Thomas Brennan, was scathing.
    The minority leader described the bill as "bloated"`. The epithet is `the`, one word or more,
    and a singular head that is a title (seed speaker_nouns) or a party member's noun (seed
    name_context_words, role party_member: `Democrat`, `Republican`); it stands for the person the
    article last names before it (int_speaker_antecedents_found: a name that may speak, outside
    any quote), in its paragraph or the one before, unless the article gives that person a role
    without the epithet's head (`Senator Karl Weiss ... the deputy minister said`). Only where
    int_titled_speakers_found finds nobody with the epithet as a role and int_noun_speakers_found
    nobody introduced by it (`An EU official involved in the talks said ... the official said`).
    A surname stands for the story's full name that ends in it (int_run_full_names_found, the
    article's own first). int_speakers_named reads these rows with int_titled_speakers_found's. -#}

-- depends_on: {{ ref('int_stories_changed') }}

with

attributed as (

    select * from {{ ref('int_quotes_attributed') }}
    where {{ in_changed_stories() }}

),

phrases as (

    select * from {{ ref('int_speaker_phrases_read') }}
    where {{ in_changed_stories() }}

),

titled as (

    select quote_key from {{ ref('int_titled_speakers_found') }}
    where {{ in_changed_stories() }}

),

noun_speakers as (

    select quote_key from {{ ref('int_noun_speakers_found') }}
    where {{ in_changed_stories() }}

),

antecedents as (

    select * from {{ ref('int_speaker_antecedents_found') }}
    where {{ in_changed_stories() }}

),

sentences as (

    select
        article_id,
        char_start,
        paragraph_index
    from {{ ref('int_sentences') }}
    where {{ in_changed_stories() }}

),

person_roles as (

    select * from {{ ref('int_person_roles_found') }}
    where {{ in_changed_stories() }}

),

named_people as (

    select * from {{ ref('int_run_full_names_found') }}
    where {{ in_changed_stories() }}

),

epithet_heads as (

    select
        term as head,
        true as is_title
    from {{ ref('stg_lexicons__speaker_nouns') }}
    where role = 'title'

    union all

    select
        term as head,
        false as is_title
    from {{ ref('stg_lexicons__name_context_words') }}
    where role = 'party_member'

),

-- `the Illinois Democrat`, `the minority leader`: `the`, a word or more, a singular head (a plural
-- speaks for several people, none of them the one named last)
epithets as (

    select
        attributed.quote_key,
        attributed.story_id,
        attributed.article_id,
        attributed.paragraph_index,
        phrases.head_key,
        epithet_heads.is_title,
        least(coalesce(attributed.speaker_start, attributed.char_start), attributed.char_start) as phrase_start
    from attributed
    inner join phrases
        on attributed.quote_key = phrases.quote_key
    inner join epithet_heads
        on phrases.head_key = epithet_heads.head
    left join titled
        on attributed.quote_key = titled.quote_key
    left join noun_speakers
        on attributed.quote_key = noun_speakers.quote_key
    where
        -- `the Carrow Democrat` reads as a name where no lexicon knows the place; a name in
        -- apposition is who speaks (`the town's spokesman, Tomas Reyes`: the phrase reads that name)
        phrases.speaker_class in ('body', 'entity', 'person')
        and lower(phrases.speaker_name) like '%' || phrases.head_key
        and {{ regex_contains('attributed.speaker_phrase', "'^[Tt]he\\s+\\S+\\s+\\S'") }}
        and lower(attributed.speaker_phrase) like '% ' || phrases.head_key
        and (phrases.head_key not like '%s' or phrases.head_key like '%ss')
        and titled.quote_key is null
        and noun_speakers.quote_key is null

),

-- the quotes of the epithets' articles, whose names are spoken of, not speaking
quoted_spans as (

    select
        article_id,
        char_start,
        char_end
    from attributed
    where article_id in (select epithets.article_id from epithets)

),

candidates as (

    select
        epithets.quote_key,
        epithets.story_id,
        epithets.article_id,
        epithets.head_key,
        epithets.is_title,
        epithets.paragraph_index,
        antecedents.written,
        antecedents.char_start as written_start,
        sentences.paragraph_index as written_paragraph
    from epithets
    inner join antecedents
        on
            epithets.article_id = antecedents.article_id
            and epithets.phrase_start >= antecedents.char_end
    inner join sentences
        on
            antecedents.article_id = sentences.article_id
            and antecedents.sentence_start = sentences.char_start
    left join quoted_spans
        on
            antecedents.article_id = quoted_spans.article_id
            and antecedents.char_start >= quoted_spans.char_start
            and antecedents.char_end <= quoted_spans.char_end
    where
        quoted_spans.article_id is null
        -- the epithet is not itself the name (`a New Mexico Democrat` typed as a person)
        and lower({{ regex_extract('antecedents.written', last_word_regex(), 1) }}) != epithets.head_key

),

last_named as (

    select
        quote_key,
        story_id,
        article_id,
        any_value(head_key) as head_key,
        bool_or(is_title) as is_title,
        {{ arg_max_by('paragraph_index', 'written_start') }} as paragraph_index,
        {{ arg_max_by('written', 'written_start') }} as written,
        {{ arg_max_by('written_paragraph', 'written_start') }} as written_paragraph
    from candidates
    group by quote_key, story_id, article_id

),

-- the full name of the story a surname ends in; a role given the person without the head
resolved as (

    select
        last_named.quote_key,
        last_named.story_id,
        coalesce(
            {{ arg_min_by(
                'named_people.full_name',
                'case when named_people.article_id = last_named.article_id then 0 else 1 end * 1000000 '
                ~ '+ named_people.first_run_no'
            ) }},
            any_value(last_named.written)
        ) as person_name,
        any_value(last_named.head_key) as head_key,
        bool_or(last_named.is_title) as is_title,
        any_value(last_named.article_id) as article_id
    from last_named
    left join named_people
        on
            last_named.story_id = named_people.story_id
            and last_named.written = named_people.surname
    where last_named.written_paragraph >= last_named.paragraph_index - 1
    group by last_named.quote_key, last_named.story_id

),

final as (

    select
        resolved.quote_key,
        resolved.story_id,
        resolved.person_name
    from resolved
    left join person_roles
        on
            resolved.article_id = person_roles.article_id
            and resolved.person_name = person_roles.entity_name
    where
        not resolved.is_title
        or person_roles.entity_name is null
        or ' ' || lower(person_roles.speaker_role) || ' ' like '% ' || resolved.head_key || ' %'

)

select * from final
