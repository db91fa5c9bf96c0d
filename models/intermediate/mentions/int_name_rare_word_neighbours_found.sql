
{#- The neighbours of the few words whose rules read them, one row per word: a title (a word
    int_name_words_covered puts inside one) or a party's member (role party_member of
    name_context_words). Whether the word before is a given name, the word two before capitalised,
    a title or a party's member, the word after capitalised or a given name: what makes a title a
    surname (`Angus King`: macro title_as_surname) and a party's member a description (`Democrat
    Elena Ruiz`), read by int_name_run_words; and whether a title stands between a capitalised
    word and a head word that closes a name (`Mercy General Hospital`: macro title_in_name). A join on the sentence for these words only: as
    window columns they widened every word's row (int_name_run_words 102 s -> 129 s at 100,000
    articles, and its peak memory). -#}

-- depends_on: {{ ref('int_stories_changed') }}

with

words as (

    select
        sentence_key,
        story_id,
        word_no,
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

),

final as (

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
        coalesce(bool_or(near.word_no = rare_words.word_no + 2 and near.is_cap), false) as next2_is_cap
    from rare_words
    inner join words as near
        on
            rare_words.sentence_key = near.sentence_key
            and near.word_no between rare_words.word_no - 2 and rare_words.word_no + 2
    left join titles as near_titles
        on near.sentence_key = near_titles.sentence_key and near.word_no = near_titles.word_no
    group by rare_words.sentence_key, rare_words.word_no

)

select * from final
