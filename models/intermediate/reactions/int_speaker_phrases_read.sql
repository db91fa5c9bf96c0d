{#- What each speaker phrase names, from its class and words (int_speaker_phrases_classified),
    one row per attributed quote:
      - name: a person's words after the title (`US State Department spokesman Matthew Miller`
        -> `Matthew Miller`); a body as the alias covering its head noun, else as `<demonym>
        <Body>` (`Turkish Foreign Ministry`), else as written; an entity by its entity_name;
      - affiliation: the first country or organisation named before the title (or anywhere);
      - role: a person's title or the common words before the name, as written (`Mayor`,
        `deputy minister`, `local trader`); a body's title (`spokesman` of `a spokesman for the
        county police`);
      - apposition: a bare title lends its affiliation to the name beside it, and a name beside a
        bare title, an indefinite description or a place is the speaker (`Peru's deputy minister,
        Luis Carrasco, said`; `Jerry Steinman, publisher of X, a trade newsletter, said`; `Michael
        Cornwell of Harlan Securities in Columbus, Ohio, told`). -#}

-- depends_on: {{ ref('int_stories_changed') }}

with

speaker_classes as (

    select * from {{ ref('int_speaker_phrases_classified') }}
    where {{ in_changed_stories() }}

),

demonyms as (

    -- the adjective of a country: its longest singular demonym (`Turkish`, not `Turk`/`Turks`)
    select
        entity_name,
        demonym
    from (
        select
            singular.entity_name,
            singular.term as demonym,
            row_number() over (
                partition by singular.entity_name order by length(singular.term) desc, singular.term
            ) as preference
        from {{ ref('stg_lexicons__entity_aliases') }} as singular
        where
            singular.alias_kind = 'demonym'
            and not exists (
                select 1
                from {{ ref('stg_lexicons__entity_aliases') }} as other
                where
                    other.entity_name = singular.entity_name
                    and other.alias_kind = 'demonym'
                    and singular.term = other.term || 's'
            )
    ) as ranked
    where preference = 1

),

speaker_named as (

    select
        speaker_classes.quote_key,
        speaker_classes.part,
        speaker_classes.story_id,
        speaker_classes.speaker_class,
        speaker_classes.affiliation_any,
        speaker_classes.possessive_owner,
        speaker_classes.is_third_party,
        speaker_classes.has_joint,
        speaker_classes.head_key,
        speaker_classes.title_words,
        -- a place does not speak: `Michael Cornwell of Harlan Securities in Columbus, Ohio, told`
        speaker_classes.speaker_class = 'entity' and speaker_classes.whole_entity_type = 'place' as is_place,
        speaker_classes.last_title_no is not null and speaker_classes.speaker_class != 'person' as is_bare_title,
        -- `a trade newsletter`, `a nurse at the hospital`, `his daughter`, `the town's spokesman`:
        -- a description of the name beside it; a definite document (`the letter to his wife,
        -- Mary,`) is not one, it speaks itself
        speaker_classes.speaker_class in ('body', 'other')
        or (speaker_classes.is_indefinite and speaker_classes.speaker_class = 'document') as is_description,
        case speaker_classes.speaker_class
            when 'entity' then speaker_classes.whole_entity
            -- a full name ends before `of`, `at`, `from`, `with` (`Senator Maria Lopez of Texas` is Maria Lopez)
            when 'person'
                then
                    case
                        when speaker_classes.is_possessed_name then speaker_classes.possessed_name
                        when speaker_classes.is_opening_name then speaker_classes.opening_name
                        when speaker_classes.is_title_before_common_role then speaker_classes.name_tail
                        else
                    {{ regex_replace(
                        "case when speaker_classes.last_title_no is null and not speaker_classes.all_capitalised "
                        ~ "then speaker_classes.name_tail "
                        ~ "else " ~ regex_replace("speaker_classes.tail", "'^(?:of|for) (?:the )?\\S+ '", "''") ~ " end",
                        "'^(\\S+(?: \\S+)+?) (?:of|at|from|with) .*$'", "'\\1'"
                    ) }}
                    end
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
            when 'person'
                then
                    case when speaker_classes.is_opening_name or speaker_classes.is_possessed_name
                            then coalesce(speaker_classes.affiliation_any, speaker_classes.possessive_owner)
                        else coalesce(speaker_classes.affiliation_before_title, speaker_classes.possessive_owner)
                    end
            else speaker_classes.affiliation_any
        end as affiliation,
        case
            when speaker_classes.speaker_class = 'person'
                then coalesce(
                        case
                            when speaker_classes.is_title_before_common_role
                                then speaker_classes.title_through_lower_words
                        end,
                        speaker_classes.title_words,
                        case
                            when not speaker_classes.all_capitalised and not speaker_classes.is_opening_name
                                then speaker_classes.lower_words
                        end
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
        apposition.possessive_owner as apposition_possessive_owner,
        apposition.speaker_role as apposition_role,
        apposition.title_words as apposition_title_words,
        coalesce(apposition.is_third_party, false) as apposition_third_party,
        (main_phrase.is_bare_title or main_phrase.is_description or main_phrase.is_place)
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
            -- `Norland First's leader, Viktor Haas,`; `Josh Isay, Schumer's campaign manager,`
            when named_in_apposition then coalesce(apposition_affiliation, affiliation_any, possessive_owner)
            when titled_in_apposition
                then coalesce(affiliation, apposition_affiliation_any, apposition_possessive_owner)
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
