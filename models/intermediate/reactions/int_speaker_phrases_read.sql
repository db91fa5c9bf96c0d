{#- What each speaker phrase names, from its tagged words (int_speaker_words_tagged), one row per
    attributed quote:
      - class: a pronoun; a document (`the statement`, `a joint statement released by ...`); the
        parties together (`both sides`, `Chile and Peru`); a known entity (the whole phrase is an
        alias: `the Kremlin`); a person (one to four capitalised words after the last title, or
        a capitalised phrase of at most four words with no title or body noun, or two to four
        capitalised words after a common noun: `local trader Ana Reyes`); a body (a title or body
        noun without a name: `Turkiye’s foreign ministry`); else other;
      - name: a person's words after the title (`US State Department spokesman Matthew Miller`
        -> `Matthew Miller`); a body as the alias covering its head noun, else as `<demonym>
        <Body>` (`Turkish Foreign Ministry`), else as written; an entity by its entity_name;
      - affiliation: the first country or organisation named before the title (or anywhere);
      - role: a person's title or the common words before the name, as written (`Mayor`,
        `deputy minister`, `local trader`); a body's title (`spokesman` of `a spokesman for the
        county police`);
      - apposition: a bare title lends its affiliation to the name beside it, and a name beside a
        bare title or an indefinite description is the speaker (`Peru's deputy minister, Luis
        Carrasco, said`; `Jerry Steinman, publisher of X, a trade newsletter, said`). -#}

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
        -- where a title's own words start: after the country or organisation named before it
        -- (`Chilean Foreign Minister`, `Peru's deputy minister`)
        max(case when is_alias_word and word_no < last_title_no then word_no end) over (
            partition by quote_key, part
        ) as last_alias_before_title
    from tagged_words

),

demonyms as (

    -- the adjective of a country: its longest singular demonym (`Turkish`, not `Turk`/`Turks`)
    select
        entity_name,
        demonym
    from (
        select
            singular.entity_name,
            singular.alias as demonym,
            row_number() over (
                partition by singular.entity_name order by length(singular.alias) desc, singular.alias
            ) as preference
        from {{ ref('entity_aliases') }} as singular
        where
            singular.alias_kind = 'demonym'
            and not exists (
                select 1
                from {{ ref('entity_aliases') }} as other
                where
                    other.entity_name = singular.entity_name
                    and other.alias_kind = 'demonym'
                    and singular.alias = other.alias || 's'
            )
    ) as ranked
    where preference = 1

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
        {{ arg_max_by("coalesce(noun_role, '')", 'word_no') }} as head_role,
        coalesce(
            {{ arg_max_by('word_key', 'word_no') }} filter (where noun_role = 'document'),
            {{ arg_max_by('word_key', 'word_no') }}
        ) as head_key,
        max(word_no) filter (where noun_role = 'document') as document_no,
        bool_or(word_key = 'joint') as has_joint,
        bool_or(word_no = 1 and word_key in {{ indefinite_articles() }}) as is_indefinite,
        coalesce(bool_or(is_third_party), false) as is_third_party,
        bool_and(is_capitalised or is_leading_determiner) as all_capitalised,
        bool_or(word_role = 'pronoun') and count(*) = 1 as is_pronoun,
        count(distinct alias_entity) filter (where alias_type = 'country') as n_countries,
        bool_or(word_key = 'and') as has_and,
        -- the words after the last title: a name when all capitalised (`Matthew Miller`)
        {{ string_agg_ordered('word', "' '", 'word_no') }} filter (
            where word_no > coalesce(last_title_no, 0) and not is_leading_determiner
        ) as tail,
        bool_and(is_capitalised or is_name_particle or word_key = 'of') filter (
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
        -- the role as written: the title and the words before it back to a country or
        -- organisation (`deputy minister` of `Peru's deputy minister`, `Police Chief`), else the
        -- common words before a full name (`local trader` of `local trader Ana Reyes`)
        {{ string_agg_ordered('word', "' '", 'word_no') }} filter (
            where
            not is_leading_determiner
            and word_no > coalesce(last_alias_before_title, 0)
            and word_no <= last_title_no
        ) as title_words,
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
        ) as lower_words
    from words
    group by quote_key, part

),

speaker_classes as (

    select
        *,
        case
            when is_pronoun then 'pronoun'
            when head_role = 'document' then 'document'
            -- `a joint statement released last week by ...`: the document is the subject
            when document_no is not null and last_title_no is null and last_org_no is null then 'document'
            when head_role = 'collective' or (has_and and n_countries >= 2) then 'parties'
            when whole_entity is not null then 'entity'
            when
                last_title_no is not null and tail_words between 1 and 4 and tail_capitalised
                then 'person'
            when
                last_title_no is null and last_org_no is null and all_capitalised and n_words <= 4
                then 'person'
            when last_org_no is not null or last_title_no is not null then 'body'
            -- a role in common words before a full name: `local trader Ana Reyes`
            when after_content_word and name_tail_words between 2 and 4 then 'person'
            else 'other'
        end as speaker_class
    from speaker_parts

),

speaker_named as (

    select
        speaker_classes.quote_key,
        speaker_classes.part,
        speaker_classes.story_id,
        speaker_classes.speaker_class,
        speaker_classes.affiliation_any,
        speaker_classes.is_third_party,
        speaker_classes.has_joint,
        speaker_classes.head_key,
        speaker_classes.title_words,
        speaker_classes.last_title_no is not null and speaker_classes.speaker_class != 'person' as is_bare_title,
        -- `a trade newsletter`, `a nurse at the hospital`, `his daughter`, `the town's spokesman`:
        -- a description of the name beside it; a definite document (`the letter to his wife,
        -- Mary,`) is not one, it speaks itself
        speaker_classes.speaker_class in ('body', 'other')
        or (speaker_classes.is_indefinite and speaker_classes.speaker_class = 'document') as is_description,
        case speaker_classes.speaker_class
            when 'entity' then speaker_classes.whole_entity
            -- a full name ends before `of` (`Senator Maria Lopez of Texas` is Maria Lopez)
            when 'person'
                then
                    {{ regex_replace(
                        "case when speaker_classes.last_title_no is null and not speaker_classes.all_capitalised "
                        ~ "then speaker_classes.name_tail "
                        ~ "else " ~ regex_replace("speaker_classes.tail", "'^of \\S+ '", "''") ~ " end",
                        "'^(\\S+(?: \\S+)+) of .*$'", "'\\1'"
                    ) }}
            when 'body'
                then
                    coalesce(
                        speaker_classes.body_entity,
                        case
                            when speaker_classes.country is not null and demonyms.demonym is not null
                                then demonyms.demonym || ' ' || speaker_classes.body_words
                        end,
                        speaker_classes.phrase_without_determiner
                    )
            else speaker_classes.phrase_without_determiner
        end as speaker_name,
        case speaker_classes.speaker_class
            when 'entity' then speaker_classes.whole_entity
            when 'person' then speaker_classes.affiliation_before_title
            else speaker_classes.affiliation_any
        end as affiliation,
        case
            when speaker_classes.speaker_class = 'person'
                then coalesce(
                        speaker_classes.title_words,
                        case when not speaker_classes.all_capitalised then speaker_classes.lower_words end
                    )
            -- a title with no name, of the body named before or after it: `a spokesman for the
            -- county police`, `Russia's foreign ministry spokeswoman` (not `survey of
            -- economists`, whose title noun is the head)
            when
                speaker_classes.speaker_class = 'body'
                and (
                    speaker_classes.last_title_no < speaker_classes.last_word_no
                    or speaker_classes.last_org_no < speaker_classes.last_title_no
                )
                then speaker_classes.body_title_words
        end as speaker_role
    from speaker_classes
    left join demonyms
        on speaker_classes.country = demonyms.entity_name

),

{# A bare title beside a name: the name in apposition names the speaker (`the minister, Jan
   Novak, said`), or the title is the named speaker's role (`Jan Novak, the minister, said`). #}
paired as (

    select
        main_phrase.*,
        apposition.speaker_class as apposition_class,
        apposition.speaker_name as apposition_name,
        apposition.affiliation as apposition_affiliation,
        apposition.affiliation_any as apposition_affiliation_any,
        apposition.speaker_role as apposition_role,
        apposition.title_words as apposition_title_words,
        coalesce(apposition.is_third_party, false) as apposition_third_party,
        (main_phrase.is_bare_title or main_phrase.is_description)
        and apposition.speaker_class = 'person' as named_in_apposition,
        main_phrase.speaker_class = 'person' and coalesce(apposition.is_bare_title, false) as titled_in_apposition
    from speaker_named as main_phrase
    left join speaker_named as apposition
        on
            main_phrase.quote_key = apposition.quote_key
            and apposition.part = 1
    where main_phrase.part = 0

),

final as (

    select
        quote_key,
        story_id,
        has_joint,
        head_key,
        is_third_party or apposition_third_party as is_third_party,
        case when named_in_apposition then 'person' else speaker_class end as speaker_class,
        case when named_in_apposition then apposition_name else speaker_name end as speaker_name,
        -- which phrase names the speaker: 0 the speaker phrase, 1 the name in apposition to it
        case when named_in_apposition then 1 else 0 end as name_part,
        case
            when named_in_apposition then coalesce(apposition_affiliation, affiliation_any)
            when titled_in_apposition then coalesce(affiliation, apposition_affiliation_any)
            else affiliation
        end as affiliation,
        case
            when named_in_apposition then coalesce(title_words, apposition_role)
            when titled_in_apposition then coalesce(speaker_role, apposition_title_words)
            else speaker_role
        end as speaker_role
    from paired

)

select * from final
