{#- Attributed quotes: who said each quote of int_quotes_found, with which cue, stance and kind.
    The assembly of the reaction rule families (read their models for the rules):
      - int_quote_window_tokens, int_quote_window_phrases, int_quote_cues_found,
        int_quote_after_subjects_found and int_quote_subjects_found read the attribution windows
        around each quote, and
        int_quote_subjects_resolved replaces a description or a coordinated cue's empty subject by a name;
      - int_quote_speakers_chosen chooses the attribution and the speaker phrase, and
        int_quotes_attributed finds where it is written;
      - int_speaker_words_tagged, int_speaker_phrases_classified, int_speaker_phrases_read and
        int_speakers_named canonicalise the speaker, and int_speaker_mentions_matched finds the
        named-entity mention it ends in
        (fct_reactions names such a speaker as fct_mentions names the mention);
        int_story_principals says who the story is about.
    Here:
      - a quote with no speaker of its own (a pronoun, a sentence that is all quote) continues the
        last named speaker of the article (for `he`/`she`, the last not known to be of the other
        gender: seed name_given_genders; for a sentence that is all quote after a `he`/`she`/`it`
        quote, whom that pronoun continued), with its class and affiliation, unless it is left open
        and the next paragraph opens with a quote mark (a quote of several paragraphs): then it
        takes the speaker named where the quote closes, if one is (`She added:` before a quote of
        two paragraphs attributed nowhere else continues her, not the next speaker named);
      - a person whose attribution gives no role or body takes those the article gives beside the
        name (int_person_roles_found: `Mayor Ken Cockrel`, `Carl Pope, executive director of the
        Riverside Trust`);
      - stance is that of the nearest cue that has one (`praised`, `condemned`), else the balance
        of stance words (stg_lexicons__stance_words) in the quote, a negator in the three words before
        flipping one;
      - kind is `statement` when the speaker is a document, the parties together, or affiliated
        with a principal of the story, unless the phrase marks an outside voice (`opposition`,
        `analysts`: speaker_nouns.is_third_party); else `reaction`. -#}

-- depends_on: {{ ref('int_stories_changed') }}

with

attributed as (

    select * from {{ ref('int_quotes_attributed') }}
    where {{ in_changed_stories() }}

),

named as (

    select * from {{ ref('int_speakers_named') }}
    where {{ in_changed_stories() }}

),

speaker_mentions as (

    select * from {{ ref('int_speaker_mentions_matched') }}
    where {{ in_changed_stories() }}

),

principals as (

    select * from {{ ref('int_story_principals') }}
    where {{ in_changed_stories() }}

),

person_roles as (

    select * from {{ ref('int_person_roles_found') }}
    where {{ in_changed_stories() }}

),

stance_words as (

    select * from {{ ref('stg_lexicons__stance_words') }}

),

-- the gender of a person speaker's first name, where seed name_given_genders knows one
named_genders as (

    select
        named.quote_id,
        genders.gender
    from named
    inner join {{ ref('name_given_genders') }} as genders
        on {{ regex_extract('named.speaker', nth_word_regex(1), 1) }} = genders.given_name
    where named.speaker_class = 'person'

),

sequenced as (

    select
        attributed.*,
        named.speaker as own_speaker,
        last_value(named.quote_id ignore nulls) over earlier_quotes as previous_quote_id,
        -- the last named speaker `he` or `she` may continue: none known to be of the other gender
        last_value(case when coalesce(named_genders.gender, '') != 'female' then named.quote_id end ignore nulls)
            over earlier_quotes as previous_he_quote_id,
        last_value(case when coalesce(named_genders.gender, '') != 'male' then named.quote_id end ignore nulls)
            over earlier_quotes as previous_she_quote_id,
        -- `it` continues a body or a document, never a person
        last_value(case when named.speaker_class in ('body', 'entity', 'document') then named.quote_id end ignore nulls)
            over earlier_quotes as previous_it_quote_id,
        -- the last quote before with a speaker of its own or a `he`/`she`/`it` that continues one
        last_value(
            case
                when named.quote_id is not null or attributed.pronoun in ('he', 'she', 'it') then attributed.quote_id
            end ignore nulls
        ) over earlier_quotes as anchor_quote_id,
        -- the next quote that closes, where a quote of several paragraphs is attributed, and
        -- whether it names a speaker
        first_value(case when attributed.is_closed then attributed.quote_id end ignore nulls)
            over later_quotes as closing_quote_id,
        first_value(case when attributed.is_closed then named.quote_id is not null end ignore nulls)
            over later_quotes as closing_is_named,
        {{ quote_runs_on('attributed') }} as runs_on
    from attributed
    left join named
        on attributed.quote_id = named.quote_id
    left join named_genders
        on attributed.quote_id = named_genders.quote_id
    window earlier_quotes as (
        partition by attributed.article_id order by attributed.char_start
        rows between unbounded preceding and 1 preceding
    ),
    later_quotes as (
        partition by attributed.article_id order by attributed.char_start
        rows between 1 following and unbounded following
    )

),

-- the quote whose speaker a quote takes where its own attribution or pronoun says which
origins as (

    select
        *,
        case
            when own_speaker is not null then quote_id
            when runs_on and closing_is_named then closing_quote_id
            when pronoun = 'he' then coalesce(previous_he_quote_id, previous_quote_id)
            when pronoun = 'she' then coalesce(previous_she_quote_id, previous_quote_id)
            when pronoun = 'it' then previous_it_quote_id
        end as origin_quote_id
    from sequenced

),

speakers as (

    -- the speaker, class, affiliation and role all come from one quote: its own or the last one
    -- named; a person's role and body not given there, from beside the name in the article. A
    -- quote with neither continues whom the quote before continued: after `"...," she said`, the
    -- woman that `she` was read as, not a man named in a quote before hers
    select
        sequenced.*,
        origin.speaker,
        origin.speaker_class,
        coalesce(origin.speaker_affiliation, person_roles.affiliation) as speaker_affiliation,
        {{ regex_replace_all(
            "coalesce(case when lower(replace(origin.speaker_role, '.', '')) not in " ~ honorifics()
            ~ " then origin.speaker_role end, person_roles.speaker_role)",
            role_extras_regex(), "''"
        ) }} as speaker_role,
        origin.is_third_party,
        speaker_mentions.mention_id as speaker_mention_id,
        speaker_mentions.mention_start as speaker_char_start,
        speaker_mentions.mention_end as speaker_char_end
    from origins as sequenced
    left join origins as anchor
        on sequenced.anchor_quote_id = anchor.quote_id
    left join named as origin
        on origin.quote_id = case
                when sequenced.pronoun = 'it' then sequenced.origin_quote_id
                else coalesce(sequenced.origin_quote_id, anchor.origin_quote_id, sequenced.previous_quote_id)
            end
    left join speaker_mentions
        on origin.quote_key = speaker_mentions.quote_key
    left join person_roles
        on
            sequenced.article_id = person_roles.article_id
            and origin.speaker = person_roles.entity_name
            and origin.speaker_class = 'person'

),

quote_words as (

    select
        quote_words_listed.quote_key,
        quote_words_listed.word,
        quote_words_listed.word_no,
        stance_words.stance
    from (
        select
            quote_key,
            {{ explode_columns('word_list', 'word', 'word_no') }}
        from (
            select
                quote_key,
                {{ regex_matches("lower(quote)", "'\\pL+'") }} as word_list
            from speakers
        ) as listed
    ) as quote_words_listed
    left join stance_words
        on quote_words_listed.word = stance_words.match_key

),

negated as (

    select
        *,
        max(case when stance = 'negator' then 1 else 0 end) over (
            partition by quote_key order by word_no rows between 3 preceding and 1 preceding
        ) as after_negator
    from quote_words

),

word_stances as (

    select
        quote_key,
        sum(
            case
                when stance = 'positive' then 1
                when stance = 'negative' then -1
                else 0
            end
            * case when after_negator = 1 then -1 else 1 end
        ) as balance
    from negated
    group by quote_key

),

final as (

    select
        speakers.quote_id,
        speakers.article_id,
        speakers.story_id,
        speakers.sentence_id,
        speakers.quote_index,
        speakers.char_start,
        speakers.char_end,
        speakers.quote,
        speakers.speaker,
        speakers.speaker_affiliation,
        speakers.speaker_role,
        speakers.speaker_class,
        speakers.speaker_phrase as speaker_surface,
        speakers.cue,
        speakers.attribution,
        speakers.attribution_basis,
        speakers.speaker_mention_id,
        speakers.speaker_char_start,
        speakers.speaker_char_end,
        coalesce(
            case
                when speakers.attribution_basis in ('after', 'after_pronoun')
                    then nullif(speakers.after_stance, 'neutral')
            end,
            speakers.before_stance,
            case
                when word_stances.balance > 0 then 'positive'
                when word_stances.balance < 0 then 'negative'
            end,
            'neutral'
        ) as stance,
        case
            when speakers.speaker_class in ('document', 'parties') then 'statement'
            when principals.entity_name is not null and not speakers.is_third_party then 'statement'
            else 'reaction'
        end as kind
    from speakers
    left join word_stances
        on speakers.quote_key = word_stances.quote_key
    left join principals
        on
            speakers.story_id = principals.story_id
            and speakers.speaker_affiliation = principals.entity_name
    where speakers.speaker is not null

)

select * from final
