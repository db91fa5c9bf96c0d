
{#- The neighbours of the few words whose rules read them, one row per word: a title (a word
    int_name_words_covered puts inside one), a party's member (role party_member of
    name_context_words) or a one-word nationality of the lexicon (`Argentine`: is_demonym; before
    a given name it describes the person, `Argentine Nestor Sensini`, as a party's member does). Whether the word before is a given name, the word two before capitalised,
    a title or a party's member, the word after capitalised or a given name: what makes a title a
    surname (`Angus King`: macro title_as_surname) and a party's member a description (`Democrat
    Elena Ruiz`), read by int_name_run_words; and whether a title stands between a capitalised
    word and a head word that closes a name (`Mercy General Hospital`: macro title_in_name), opens
    one before `and` (`Justice and Development Party`), or owns the office its possessive names
    (`Harris County Sheriff's Office`). A title
    the story shows to be a surname (`Prime Minister John Major`) is that person's surname wherever
    the story writes it before no capitalised word (is_story_surname: `Major's office`, `Clarke and
    Major`): news names a person in full once, then by the surname. A join on the sentence for
    these words only: as
    window columns they widened every word's row (int_name_run_words 102 s -> 129 s at 100,000
    articles, and its peak memory). -#}

-- depends_on: {{ ref('int_stories_changed') }}

with

words as (

    select
        sentence_key,
        story_id,
        word_no,
        word,
        gap,
        is_cap,
        is_given_name,
        head_type,
        context_role
    from {{ ref('int_name_words') }}
    where {{ in_changed_stories() }}

),

titles as (

    select
        sentence_key,
        word_no
    from {{ ref('int_name_words_covered') }}
    where {{ in_changed_stories() }} and in_title

),

-- the one-word nationalities of the lexicon (`Argentine`, `Russian`)
demonyms as (

    select
        demonym_keys.sentence_key,
        hits.first_word_no as word_no
    from {{ ref('int_mentions_lexicon') }} as hits
    inner join {{ ref('int_sentences') }} as demonym_keys on hits.sentence_id = demonym_keys.sentence_id
    where
        {{ in_changed_stories('hits.story_id') }}
        and hits.alias_kind = 'demonym' and hits.first_word_no = hits.last_word_no

),

rare_words as (

    select
        sentence_key,
        word_no
    from titles

    union

    select
        sentence_key,
        word_no
    from {{ ref('int_name_words') }}
    where {{ in_changed_stories() }} and context_role = 'party_member'

    union

    select
        sentence_key,
        word_no
    from demonyms

),

neighbours as (

    select
        rare_words.sentence_key,
        rare_words.word_no,
        any_value(near.story_id) as story_id,
        coalesce(bool_or(near.word_no = rare_words.word_no - 1 and near.is_given_name), false) as prev_is_given,
        coalesce(bool_or(near.word_no = rare_words.word_no - 2 and near.is_cap), false) as prev2_is_cap,
        coalesce(bool_or(near.word_no = rare_words.word_no - 2 and near.context_role = 'party_member'), false)
            as prev2_is_party_member,
        coalesce(bool_or(near.word_no = rare_words.word_no - 2 and near_titles.word_no is not null), false)
            as prev2_in_title,
        coalesce(bool_or(near.word_no = rare_words.word_no + 1 and near.is_cap), false) as next_is_cap,
        coalesce(bool_or(near.word_no = rare_words.word_no + 1 and near.is_given_name), false) as next_is_given,
        coalesce(bool_or(near.word_no = rare_words.word_no - 1 and near.is_cap), false) as prev_is_cap,
        coalesce(
            bool_or(
                near.word_no = rare_words.word_no + 1 and near.is_cap and near.head_type is not null and near.gap = ' '
            ),
            false
        ) as next_is_head,
        coalesce(bool_or(near.word_no = rare_words.word_no + 2 and near.is_cap), false) as next2_is_cap,
        -- `Sheriff's Office`, `District Attorney's Office`: a title's possessive before an
        -- organisation's head word, the title of one word or two
        coalesce(
            bool_or(
                near.word_no = rare_words.word_no + 1 and near.is_cap and near.head_type = 'organization'
                and near.gap in ('''s ', '’s ')
            )
            or (
                bool_or(near.word_no = rare_words.word_no + 1 and near_titles.word_no is not null and near.gap = ' ')
                and bool_or(
                    near.word_no = rare_words.word_no + 2 and near.is_cap and near.head_type = 'organization'
                    and near.gap in ('''s ', '’s ')
                )
            ),
            false
        ) as owns_an_office,
        -- `Justice and Development Party`: `and`, a capitalised word that heads nothing, a head word
        coalesce(
            bool_or(near.word_no = rare_words.word_no + 1 and near.word = 'and' and near.gap = ' ')
            and bool_or(
                near.word_no = rare_words.word_no + 2 and near.is_cap and near.head_type is null and near.gap = ' '
            )
            and bool_or(
                near.word_no = rare_words.word_no + 3 and near.is_cap and near.head_type = 'organization'
                and near.gap = ' '
            ),
            false
        ) as opens_and_in_a_name,
        max(case when near.word_no = rare_words.word_no and near.is_cap then near.word end) as word,
        max(case when near.word_no = rare_words.word_no then near.gap end) as gap
    from rare_words
    inner join words as near
        on
            rare_words.sentence_key = near.sentence_key
            and near.word_no between rare_words.word_no - 2 and rare_words.word_no + 3
    left join titles as near_titles
        on near.sentence_key = near_titles.sentence_key and near.word_no = near_titles.word_no
    group by rare_words.sentence_key, rare_words.word_no

),

-- the titles the story writes as a surname (macro title_as_surname: `John Major`)
story_surnames as (

    select distinct
        story_id,
        word
    from neighbours
    where
        prev_is_given and gap = ' ' and not next_is_cap
        and (not prev2_is_cap or prev2_in_title or prev2_is_party_member)

),

final as (

    select
        neighbours.sentence_key,
        neighbours.word_no,
        neighbours.story_id,
        neighbours.prev_is_given,
        neighbours.prev2_is_cap,
        neighbours.prev2_is_party_member,
        neighbours.prev2_in_title,
        neighbours.next_is_cap,
        neighbours.next_is_given,
        neighbours.prev_is_cap,
        neighbours.next_is_head,
        neighbours.next2_is_cap,
        neighbours.opens_and_in_a_name,
        neighbours.owns_an_office,
        story_surnames.word is not null and not neighbours.next_is_cap as is_story_surname,
        demonyms.word_no is not null as is_demonym
    from neighbours
    left join story_surnames on neighbours.story_id = story_surnames.story_id and neighbours.word = story_surnames.word
    left join demonyms on neighbours.sentence_key = demonyms.sentence_key and neighbours.word_no = demonyms.word_no

)

select * from final
