{#- Every speaker phrase (part 0) and the phrase in apposition to it (part 1), from their tagged
    words (int_speaker_words_tagged), one row per quote and part: what its words show (its title
    and body nouns, the words after the last title, the capitalised words after the last
    lower-case one, the aliases it holds) and the class that makes of it: a pronoun; a document
    (`the statement`, `a joint statement released by ...`); the parties together (`both sides`,
    `Chile and Peru`); a known entity (the whole phrase is an alias: `the Kremlin`); a person (one
    to four capitalised words after the last title, or a capitalised phrase of at most four words
    with no title or body noun, or two to four capitalised words that open the phrase before
    `of`/`at`/`from`/`with`: `Anna Berg of the Tarvo Institute`, or two to four capitalised words
    after common nouns, a body noun among them: `local trader Ana Reyes`, `council member
    Alicia Fenwick`, or after a possessive: `Budapest Bank's Sandor Tolonics`; not a description
    after an indefinite article: `a Republican`); a body (a title or body noun without a name:
    `Turkiye’s foreign ministry`); else other. Its own model because the class is decided word by word, before
    int_speaker_phrases_read reads the name, affiliation and role each class gives. -#}

-- depends_on: {{ ref('int_stories_changed') }}

with

tagged_words as (

    select * from {{ ref('int_speaker_words_tagged') }}
    where {{ in_changed_stories() }}

),

words as (

    -- the phrase's last lower-case word, so that a role before a full name stands apart from it
    -- (`local trader Ana Reyes`)
    select
        *,
        max(case when not is_capitalised and not is_leading_determiner then word_no end) over (
            partition by quote_key, part
        ) as last_lower_no,
        min(case when not is_capitalised then word_no end) over (partition by quote_key, part) as first_lower_no,
        -- the first after the last title, which may be written in lower case (`Opposition lawmaker
        -- Ayşe Nur Karabacak of the Republican People's Party`)
        min(case when not is_capitalised and word_no > last_title_no then word_no end) over (
            partition by quote_key, part
        ) as first_lower_after_title_no,
        -- where a title's own words start: after the country or organisation named before it
        -- (`Chilean Foreign Minister`, `Peru's deputy minister`)
        max(case when is_alias_word and word_no < last_title_no then word_no end) over (
            partition by quote_key, part
        ) as last_alias_before_title,
        max(case when {{ regex_contains('word', sql_regex(possessive_word_regex())) }} then word_no end) over (
            partition by quote_key, part
        ) as last_possessive_no,
        -- a name's possessive before the title (`Smith Barney's Mr.`, `Schumer's campaign manager`),
        -- whose words become the affiliation (possessive_owner); a common noun's stays in the role
        -- as written (`the union's regional secretary`)
        max(
            case
                when
                    {{ regex_contains('word', sql_regex(possessive_word_regex())) }}
                    and is_capitalised and word_no < last_title_no
                    then word_no
            end
        ) over (partition by quote_key, part) as last_possessive_before_title,
        -- a capitalised title's portfolio after `for` is the title's (`Minister for Health Ana
        -- Lind`); after a lower-case one it is whom the speaker speaks for (`a spokesman for Acme`)
        coalesce(bool_or(is_capitalised and word_no = last_title_no) over (partition by quote_key, part), false)
            as is_title_capitalised
    from tagged_words

),

speaker_parts as (

    select
        quote_key,
        part,
        any_value(story_id) as story_id,
        any_value(n_words) as n_words,
        any_value(last_word_no) as last_word_no,
        any_value(last_title_no) as last_title_no,
        any_value(last_org_no) as last_org_no,
        any_value(last_lower_no) as last_lower_no,
        {{ arg_max_by("coalesce(noun_role, '')", 'word_no') }} as head_role,
        -- the head word inside a name the aliases know (`Partners` of `Copperline Partners`)
        coalesce({{ arg_max_by('is_alias_word', 'word_no') }}, false) as head_in_alias,
        coalesce(
            {{ arg_max_by('word_key', 'word_no') }} filter (where noun_role = 'document'),
            {{ arg_max_by('word_key', 'word_no') }}
        ) as head_key,
        max(word_no) filter (where noun_role = 'document') as document_no,
        bool_or(word_key = 'joint') as has_joint,
        bool_or(word_no = 1 and word_key in {{ indefinite_articles() }}) as is_indefinite,
        coalesce(bool_or(is_third_party), false) as is_third_party,
        -- a surname's particle is written in lower case inside a name (`dos Santos`, `van Dijk`)
        bool_and(is_capitalised or is_leading_determiner or is_name_particle) and bool_or(is_capitalised)
            as all_capitalised,
        bool_or(word_role = 'pronoun') and count(*) = 1 as is_pronoun,
        count(distinct alias_entity) filter (where alias_type = 'country') as n_countries,
        bool_or(word_key = 'and') as has_and,
        -- the words after the last title: a name when all capitalised (`Matthew Miller`)
        {{ string_agg_ordered('word', "' '", 'word_no') }} filter (
            where word_no > coalesce(last_title_no, 0) and not is_leading_determiner
        ) as tail,
        bool_and(
            is_capitalised or is_name_particle or word_key = 'of' or (word_key = 'for' and is_title_capitalised)
        ) filter (
            where word_no > coalesce(last_title_no, 0) and not is_leading_determiner
        ) as tail_capitalised,
        count(*) filter (
            where word_no > coalesce(last_title_no, 0) and not is_leading_determiner
        ) as tail_words,
        -- the capitalised words after the last lower-case one, and whether that one is a content
        -- word (`trader`), not a function word (`residents of Little Rock`)
        {{ string_agg_ordered('word', "' '", 'word_no') }} filter (where word_no > last_lower_no) as name_tail,
        count(*) filter (where word_no > last_lower_no) as name_tail_words,
        bool_or(word_no = last_lower_no and word_role is null and word_key != 'of') as after_content_word,
        {{ arg_min_by('alias_entity', 'word_no') }} filter (
            where
            alias_type in ('country', 'organization')
            and (last_title_no is null or word_no < last_title_no)
        ) as affiliation_before_title,
        {{ arg_min_by('alias_entity', 'word_no') }} filter (where alias_type in ('country', 'organization'))
            as affiliation_any,
        {{ arg_min_by('alias_entity', 'word_no') }} filter (where alias_type = 'country') as country,
        -- an alias that covers the body's head noun: `State Department` -> `US State Department`
        max(alias_entity) filter (where alias_n is not null and word_no + alias_n - 1 = last_org_no) as body_entity,
        -- a whole-phrase alias: `the Kremlin`, `Russia`, `the European Union`
        max(alias_entity) filter (where word_no = first_word_no and alias_n = n_words) as whole_entity,
        max(alias_type) filter (where word_no = first_word_no and alias_n = n_words) as whole_entity_type,
        -- the body's own words without the country (`foreign ministry`), title-cased
        {{ string_agg_ordered(
            "case when word_role is not null then word else upper(left(word, 1)) || substr(word, 2) end",
            "' '", 'word_no'
        ) }} filter (
            where
            not is_leading_determiner
            and not is_alias_word
            and word_no <= coalesce(last_org_no, last_word_no)
            and not (word_key = 'of' and word_no = last_word_no - 1)
        ) as body_words,
        {{ string_agg_ordered('word', "' '", 'word_no') }} filter (where not is_leading_determiner)
            as phrase_without_determiner,
        -- the role as written: the title and the words before it back to a country, an
        -- organisation or a possessive (`deputy minister` of `Peru's deputy minister`, `Police
        -- Chief`), else the common words before a full name (`local trader` of `local trader Ana
        -- Reyes`); and the same through the common words after the title (`chief meteorologist` of
        -- `Met Office chief meteorologist Paul Denton`), for a role whose noun no lexicon lists
        {{ role_words_through('last_title_no') }} as title_words,
        {{ role_words_through('last_lower_no') }} as title_through_lower_words,
        -- whose the speaker is when no country or organisation alias says it: the capitalised
        -- words before the possessive (`Florida International` of `Florida International's
        -- Fernandez`, a place's name among them)
        case
            when
                bool_and(is_capitalised) filter (
                    where word_no <= last_possessive_no and not is_leading_determiner
                )
                then {{ regex_replace(
                    string_agg_ordered('word', "' '", 'word_no')
                    ~ " filter (where word_no <= last_possessive_no and not is_leading_determiner)",
                    "'[''’]s$'", "''"
                ) }}
        end as possessive_owner,
        -- an unnamed speaker's title starts after the body too (`foreign ministry spokeswoman`)
        {{ string_agg_ordered('word', "' '", 'word_no') }} filter (
            where
            not is_leading_determiner
            and word_no > coalesce(last_alias_before_title, 0)
            and (last_org_no is null or last_org_no > last_title_no or word_no > last_org_no)
            and word_no <= last_title_no
        ) as body_title_words,
        {{ string_agg_ordered('word', "' '", 'word_no') }} filter (
            where not is_leading_determiner and word_no <= last_lower_no
        ) as lower_words,
        -- two to four capitalised words that open a phrase with no title, before `of`, `at`,
        -- `from` or `with`, none of them a body noun or alias: a name and where its bearer is
        -- from (`Pavel Rusk of Orvane Capital`, `Anna Berg of the Tarvo Institute`)
        coalesce(
            any_value(last_title_no) is null
            and any_value(first_lower_no) between 3 and 5
            and max(word_key) filter (where word_no = first_lower_no) in ('of', 'at', 'from', 'with')
            and bool_and(noun_role is null and alias_entity is null) filter (where word_no < first_lower_no),
            false
        ) as is_opening_name,
        {{ string_agg_ordered('word', "' '", 'word_no') }} filter (where word_no < first_lower_no) as opening_name,
        -- two to four capitalised words after a title, before `of`, `at`, `from` or `with`, none a
        -- body noun or alias: a name and where its bearer is from (`Sheriff Dale Rutledge of Mobile
        -- County`, whose last word is a body's head noun; `lawmaker Ayşe Nur Karabacak of the
        -- Republican People's Party`)
        coalesce(
            any_value(first_lower_after_title_no) - any_value(last_title_no) between 3 and 5
            and max(word_key) filter (where word_no = first_lower_after_title_no) in ('of', 'at', 'from', 'with')
            and bool_and(noun_role is null and alias_entity is null) filter (
                where word_no > last_title_no and word_no < first_lower_after_title_no
            ),
            false
        ) as is_titled_name_before_place,
        -- one to four capitalised words after a possessive, none a title, body noun or alias: a
        -- name, and the possessive says whose its bearer is (`Budapest Bank's Sandor Tolonics`,
        -- `Florida International's Fernandez`)
        coalesce(
            any_value(last_title_no) is null
            and any_value(last_word_no) - any_value(last_possessive_no) between 1 and 4
            and bool_and(is_capitalised and noun_role is null and not is_alias_word) filter (
                where word_no > last_possessive_no
            ),
            false
        ) as is_possessed_name,
        {{ string_agg_ordered('word', "' '", 'word_no') }} filter (where word_no > last_possessive_no)
            as possessed_name,
        -- a title after a determiner, then `for`/`to`: one who speaks for someone, unnamed, though
        -- a titled name follows (`a spokeswoman for Prime Minister Helen Carter`, `an aide to
        -- Finance Minister Robert Hale`)
        coalesce(
            bool_or(is_leading_determiner)
            and min(word_no) filter (where noun_role = 'title')
            < min(word_no) filter (where word_key in ('for', 'to')),
            false
        ) as speaks_for_someone
    from words
    group by quote_key, part

),

final as (

    select
        *,
        case
            when is_pronoun then 'pronoun'
            when head_role = 'document' then 'document'
            -- `a joint statement released last week by ...`: the document is the subject
            when document_no is not null and last_title_no is null and last_org_no is null then 'document'
            -- a collective noun that ends a name is no parties (`Daniel Reyes of Copperline Partners`)
            when (head_role = 'collective' and not head_in_alias) or (has_and and n_countries >= 2) then 'parties'
            when whole_entity is not null then 'entity'
            when is_possessed_name then 'person'
            when speaks_for_someone then 'body'
            when
                last_title_no is not null and tail_words between 1 and 4 and tail_capitalised
                then 'person'
            -- `a Republican`, `an American`: a description, not a name
            when
                last_title_no is null and last_org_no is null and all_capitalised and n_words <= 4
                and not is_indefinite
                then 'person'
            when is_opening_name or is_titled_name_before_place then 'person'
            -- a role in common words before a full name, a body noun among them too: `local
            -- trader Ana Reyes`, `council member Alicia Fenwick`
            when
                after_content_word and name_tail_words between 2 and 4
                and coalesce(last_org_no, 0) <= last_lower_no and last_title_no is null
                then 'person'
            when is_title_before_common_role then 'person'
            when last_org_no is not null or last_title_no is not null then 'body'
            else 'other'
        end as speaker_class
    from (
        select
            *,
            -- a title, then common words that finish the role, then a full name: `chief
            -- meteorologist Paul Denton`, `senior forecaster Ana Lind`
            coalesce(
                last_title_no < last_lower_no and after_content_word and name_tail_words between 2 and 4
                and coalesce(last_org_no, 0) <= last_lower_no,
                false
            ) as is_title_before_common_role
        from speaker_parts
    ) as speaker_parts

)

select * from final
