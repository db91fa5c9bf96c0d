
{#- Attributed quotes: who said each quote of int_quotes_found, with which cue, stance and kind.

    Attribution. The windows around a quote (rest of its sentence, other quotes masked) are cut
    into tokens. Dividers split them into segments: punctuation (, ; : — and brackets), a masked
    quote, a clause word (`that`, `while`, `who`: seed reaction_function_words) and every cue
    verb (seed cue_verbs). The subject of a finite cue is the segment just before it, cut at its
    first phrase-ending word (`on Thursday`, `also`, an -ly adverb), so `EU Council President
    Charles Michel on Thursday praised` gives `EU Council President Charles Michel`; a subject
    ending in a form of `be` is passive (`was first reported by`) and did not speak.
      - A quote inside a sentence takes the subject of the last finite cue before it that has a
        noun-phrase subject (participles such as `calling`, and cues after `and`, share the
        subject of the main verb); else the object of `according to`; else the nearest noun
        phrase of the sentence that is not a clause (`Both sides, in a joint statement,
        agreed`), with the phrase before it as an apposition (`Peru's deputy minister, Luis
        Carrasco, said`).
      - A quote that opens its sentence takes the first clause after it: `the statement said`,
        `said Miller`, `according to X`, `the ministry's spokesman, Shu Jueting, told`.
      - A pronoun subject continues the last speaker of the article; `he`/`she` first takes a
        two-word name written since the last quote (`Ali, a shopkeeper, ... “…,” he said`). A
        sentence that is all quote (three words or more) continues the last speaker.
      - Anything else (a scare quote, a title) is not a reaction.

    Speakers. The subject noun phrase is canonicalised with seeds speaker_nouns and
    entity_aliases: a person named after a title (`US State Department spokesman Matthew
    Miller` -> `Matthew Miller`, affiliation `United States`); a country's body as
    `<demonym> <Body>` (`Turkiye’s foreign ministry` -> `Turkish Foreign Ministry`; an unnamed
    spokesperson speaks for the body); a known entity by its entity_name; a document (`the
    statement`) as the joint document mentioned earlier in the article, or the body it came
    `from`/`by`, else the document noun; the parties together (`the two countries`, `both
    sides`) as the joint document when there is one. A surname alone takes the full name
    found in the story; a shorter name of a body (`the Turkish ministry`) takes the earlier,
    fuller name with the same affiliation.

    Kind. `statement` when the speaker is a document, the parties together, or affiliated with
    a principal of the story (a country or organisation named in the lead of at least half of
    its articles and mentioned at least half as often as the most mentioned one), unless the
    phrase marks an outside voice (`opposition`, `analysts`: speaker_nouns.is_third_party);
    else `reaction`.

    Stance. The stance of the nearest cue that has one (`praised`, `condemned`); else the
    balance of stance words in the quote, a negator in the three words before flipping one. -#}

{#- a token is a word or a run of punctuation with the spaces before it, or trailing spaces -#}
{%- set token_pattern = "'"
    ~ "\\s*(?:[\\pL\\pN]+(?:[’''.\\-&][\\pL\\pN]+)*|[^\\pL\\pN\\s]+)|\\s+"
    ~ "'" -%}
{%- set capital_run_pattern = "'"
    ~ "\\p{Lu}[\\pL\\pN]*(?:[.\\-][\\pL\\pN]+)*(?: \\p{Lu}[\\pL\\pN]*(?:[.\\-][\\pL\\pN]+)*)*"
    ~ "'" -%}
{%- set word_pattern = "'[\\pL\\pN]+(?:[’''.\\-&][\\pL\\pN]+)*'" -%}

-- depends_on: {{ ref('int_stories_changed') }}

with

quotes as (

    -- an integer key for the token passes: partitions on it are cheaper than on the text id
    select
        *,
        row_number() over (order by quote_id) as quote_key,
        lag(char_end) over (partition by article_id order by char_start) as previous_quote_end
    from {{ ref('int_quotes_found') }}
    where {{ in_changed_stories() }}

),

articles as (

    select
        article_id,
        story_id,
        outlet,
        body_start,
        substr(raw_text, body_start + 1, body_end - body_start) as body
    from {{ ref('stg_news__articles') }}
    where is_current and {{ in_changed_stories() }}

),

cue_verbs as (

    select * from {{ ref('cue_verbs') }}

),

function_words as (

    select * from {{ ref('reaction_function_words') }}

),

speaker_nouns as (

    select * from {{ ref('speaker_nouns') }}

),

stance_words as (

    select * from {{ ref('stance_words') }}

),

aliases as (

    -- one entity per alias key; a country wins over an organisation, which wins over a place
    select
        alias_key,
        entity_name,
        entity_type
    from (
        select
            entity_name,
            entity_type,
            lower(replace(alias, '.', '')) as alias_key,
            row_number() over (
                partition by lower(replace(alias, '.', ''))
                order by
                    case entity_type when 'country' then 1 when 'organization' then 2 else 3 end,
                    entity_name
            ) as preference
        from {{ ref('entity_aliases') }}
    ) as ranked
    where preference = 1

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

---------- principals: who the story is about

capital_runs as (

    -- runs of capitalised words (`United States`, `EU Council President Charles Michel`)
    select
        story_id,
        article_id,
        {{ explode_columns('run_list', 'run', 'run_no') }}
    from (
        select
            story_id,
            article_id,
            {{ regex_matches("body", capital_run_pattern) }} as run_list
        from articles
    ) as listed

),

sentences as (

    select
        story_id,
        article_id,
        sentence_index,
        is_heading,
        sentence_text
    from {{ ref('int_sentences') }}
    where {{ in_changed_stories() }}

),

lead_indexes as (

    select
        article_id,
        min(sentence_index) as lead_index
    from sentences
    where not is_heading
    group by article_id

),

leads as (

    -- the headline lines and first sentence of each body: where a story names its actors
    select
        sentences.story_id,
        sentences.article_id,
        sentences.sentence_text
    from sentences
    inner join lead_indexes
        on
            sentences.article_id = lead_indexes.article_id
            and sentences.sentence_index <= lead_indexes.lead_index

),

lead_runs as (

    select
        story_id,
        article_id,
        {{ explode_columns('run_list', 'run', 'run_no') }}
    from (
        select
            story_id,
            article_id,
            {{ regex_matches("sentence_text", capital_run_pattern) }} as run_list
        from leads
    ) as listed

),

run_keys as (

    -- a run matches an alias as a whole or word by word; lead runs are counted apart
    select
        story_id,
        article_id,
        is_lead,
        run_no,
        {{ explode_columns('key_list', 'alias_key', 'key_no') }}
    from (
        select
            story_id,
            article_id,
            is_lead,
            run_no,
            case
                when run_key like '% %' then list_append(string_split(run_key, ' '), run_key)
                else [run_key]
            end as key_list
        from (
            select
                story_id,
                article_id,
                false as is_lead,
                run_no,
                lower(replace(run, '.', '')) as run_key
            from capital_runs
            union all
            select
                story_id,
                article_id,
                true as is_lead,
                run_no,
                lower(replace(run, '.', '')) as run_key
            from lead_runs
        ) as keyed
    ) as listed

),

entity_counts as (

    select
        run_keys.story_id,
        aliases.entity_name,
        count(distinct case when not run_keys.is_lead then hash(run_keys.article_id, run_keys.run_no) end) as mentions,
        count(distinct case when run_keys.is_lead then run_keys.article_id end) as lead_articles
    from run_keys
    inner join aliases
        on run_keys.alias_key = aliases.alias_key
    where aliases.entity_type in ('country', 'organization')
    group by run_keys.story_id, aliases.entity_name

),

story_sizes as (

    select
        story_id,
        count(distinct article_id) as n_articles
    from articles
    group by story_id

),

principals as (

    -- named in the lead of at least half the story's articles, and among its most mentioned
    select
        story_id,
        entity_name
    from (
        select
            entity_counts.story_id,
            entity_counts.entity_name,
            entity_counts.mentions,
            max(entity_counts.mentions) over (partition by entity_counts.story_id) as top_mentions,
            row_number() over (
                partition by entity_counts.story_id order by entity_counts.mentions desc, entity_counts.entity_name asc
            ) as mention_rank
        from entity_counts
        inner join story_sizes
            on entity_counts.story_id = story_sizes.story_id
        where entity_counts.lead_articles * 2 >= story_sizes.n_articles
    ) as ranked
    where mentions * 2 >= top_mentions and mention_rank <= 3

),

principal_lists as (

    select
        story_id,
        string_agg(entity_name, '; ' order by entity_name) as principal_names
    from principals
    group by story_id

),

---------- attribution windows

window_tokens as (

    select
        quote_key,
        side,
        {{ explode_columns('token_list', 'tok', 'tok_no') }}
    from (
        select
            quote_key,
            'before' as side,
            {{ regex_matches("before_text", token_pattern) }} as token_list
        from quotes
        union all
        select
            quote_key,
            'after' as side,
            {{ regex_matches("after_text", token_pattern) }} as token_list
        from quotes
    ) as listed

),

tagged as (

    select
        window_tokens.quote_key,
        window_tokens.side,
        window_tokens.tok,
        window_tokens.tok_no,
        {{ regex_contains("window_tokens.tok", "'^\\s*[\\pL\\pN]'") }} as is_word,
        -- cue verbs are lower case, except as the sentence's first word (`According to`):
        -- `Post` or `Read` in a name is no cue
        cue_verbs.cue is not null as is_cue,
        cue_verbs.stance as cue_stance,
        cue_verbs.form as cue_form,
        function_words.role as word_role,
        coalesce(speaker_nouns.role = 'document', false) as is_document_noun
    from window_tokens
    left join cue_verbs
        on
            case
                when window_tokens.side = 'before' and window_tokens.tok_no = 1 then lower(trim(window_tokens.tok))
                else trim(window_tokens.tok)
            end = cue_verbs.cue
    -- a capitalised modal inside a sentence is a name (`May told`, `Will Jones said`)
    left join function_words
        on
            lower(trim(window_tokens.tok)) = function_words.word
            and (
                function_words.role != 'phrase_end'
                or trim(window_tokens.tok) = lower(trim(window_tokens.tok))
                or (window_tokens.side = 'before' and window_tokens.tok_no = 1)
            )
    left join speaker_nouns
        on lower(trim(window_tokens.tok)) = speaker_nouns.noun

),

flagged as (

    select
        *,
        is_cue
        or coalesce(word_role = 'clause_boundary', false)
        or (not is_word and {{ regex_contains("tok", "'[,;:§—–()\\[\\]]|^\\s+-+$'") }}) as is_divider,
        is_word
        and not is_cue
        and (
            coalesce(word_role = 'phrase_end', false)
            or {{ regex_contains("tok", "'^\\s*[a-z]+ly$'") }}
        ) as is_stop
    from tagged

),

segmented as (

    -- segment number and character offset of each token in its window, in one window pass
    select
        *,
        cast(coalesce(
            sum(case when is_divider then 1 else 0 end) over (
                partition by quote_key, side order by tok_no
                rows between unbounded preceding and 1 preceding
            ),
            0
        ) as bigint) as seg,
        cast(coalesce(
            sum(length(tok)) over (
                partition by quote_key, side order by tok_no
                rows between unbounded preceding and 1 preceding
            ),
            0
        ) as bigint) as char_pos
    from flagged

),

stopped as (

    select
        *,
        char_pos + length(tok) - length(ltrim(tok)) as word_pos,
        min(case when is_stop then tok_no end) over (partition by quote_key, side, seg) as first_stop,
        -- `and called`: a coordinator opening a segment belongs to no phrase (`Chile and Peru` keeps it)
        min(
            case when is_word and not is_divider and coalesce(word_role != 'coordinator', true) then tok_no end
        ) over (partition by quote_key, side, seg) as first_content
    from segmented

),

phrase_tokens as (

    select
        *,
        not is_divider
        and tok_no < coalesce(first_stop, 1000000)
        and tok_no >= coalesce(first_content, 1000000) as in_phrase
    from stopped

),

phrase_spans as (

    select
        quote_key,
        side,
        seg,
        min(case when in_phrase then word_pos end) as phrase_start,
        max(case when in_phrase then char_pos + length(tok) end) as phrase_end,
        min(case when not is_divider then word_pos end) as segment_start,
        max(case when not is_divider then char_pos + length(tok) end) as segment_end,
        count(case when in_phrase and is_word then 1 end) as phrase_words,
        -- a phrase cut short by an auxiliary or adverb (`The deal was reported by ...`) is a clause
        count(case when is_word and not is_divider then 1 end) > count(case when in_phrase and is_word then 1 end)
            as is_cut,
        bool_or(in_phrase and is_document_noun) as has_document_noun,
        min(case when in_phrase and is_word then tok_no end) as phrase_first
    from phrase_tokens
    group by quote_key, side, seg

),

windows as (

    select
        quote_key,
        'before' as side,
        before_text as window_text
    from quotes
    union all
    select
        quote_key,
        'after' as side,
        after_text as window_text
    from quotes

),

phrases as (

    select
        phrase_spans.*,
        {{ regex_replace_all(
            "substr(windows.window_text, phrase_spans.phrase_start + 1, phrase_spans.phrase_end - phrase_spans.phrase_start)",
            "'^[^\\pL\\pN]+|[^\\pL\\pN.]+$'", "''"
        ) }} as phrase,
        -- `was first reported by`: a passive cue's subject did not speak
        {{ regex_contains(
            "substr(windows.window_text, phrase_spans.segment_start + 1, phrase_spans.segment_end - phrase_spans.segment_start)",
            "'(?i)\\b(?:is|are|was|were|be|been|being)(?:\\s+[a-z]+)?\\s*$'"
        ) }} as ends_passive
    from phrase_spans
    inner join windows
        on
            phrase_spans.quote_key = windows.quote_key
            and phrase_spans.side = windows.side

),

cue_tokens as (

    select
        stopped.quote_key,
        stopped.side,
        stopped.tok_no,
        stopped.seg,
        stopped.cue_stance,
        stopped.cue_form,
        stopped.word_pos as cue_start,
        subject.phrase as subject,
        subject.phrase_words as subject_words,
        subject.phrase_start as subject_start,
        object_segment.phrase as object_phrase,
        object_segment.phrase_words as object_words,
        object_segment.phrase_end as object_end,
        apposition.phrase as apposition,
        apposition.phrase_words as apposition_words,
        previous_segment.phrase as previous_phrase,
        previous_segment.phrase_words as previous_words,
        previous_segment.phrase_start as previous_start,
        trim(stopped.tok) as cue,
        stopped.char_pos + length(stopped.tok) as cue_end,
        coalesce(subject.ends_passive, false) as subject_is_passive,
        function_words.role = 'pronoun' as subject_is_pronoun
    from stopped
    left join phrases as subject
        on
            stopped.quote_key = subject.quote_key
            and stopped.side = subject.side
            and stopped.seg = subject.seg
    left join phrases as object_segment
        on
            stopped.quote_key = object_segment.quote_key
            and stopped.side = object_segment.side
            and stopped.seg + 1 = object_segment.seg
    left join phrases as apposition
        on
            stopped.quote_key = apposition.quote_key
            and stopped.side = apposition.side
            and stopped.seg + 2 = apposition.seg
    left join phrases as previous_segment
        on
            stopped.quote_key = previous_segment.quote_key
            and stopped.side = previous_segment.side
            and stopped.seg - 1 = previous_segment.seg
    left join function_words
        on lower(subject.phrase) = function_words.word
    where stopped.is_cue

),

before_cues as (

    select
        quote_key,
        arg_max(cue_end, tok_no) as last_cue_end,
        min(tok_no) as first_cue_no,
        arg_max(cue, tok_no) as last_cue,
        arg_max(cue_stance, tok_no) filter (where cue_stance != 'neutral') as cue_stance,
        arg_max(subject, tok_no) filter (where has_subject and not is_pronoun) as subject,
        arg_max(subject_start, tok_no) filter (where has_subject and not is_pronoun) as subject_start,
        bool_or(has_subject and is_pronoun) as has_pronoun,
        arg_max(lower(subject), tok_no) filter (where has_subject and is_pronoun) as pronoun,
        -- `According to the UN, “...”`
        arg_max(object_phrase, tok_no) filter (where cue_form = 'preposition' and object_words between 1 and 8)
            as preposition_object,
        arg_max(object_end, tok_no) filter (where cue_form = 'preposition' and object_words between 1 and 8)
            as preposition_object_end,
        arg_max(cue_start, tok_no) filter (where cue_form = 'preposition' and object_words between 1 and 8)
            as preposition_cue_start
    from (
        select
            *,
            cue_form = 'finite' and subject_words between 1 and 10 and not subject_is_passive as has_subject,
            coalesce(subject_is_pronoun, false) as is_pronoun
        from cue_tokens
        where side = 'before'
    ) as before_side
    group by quote_key

),

sentence_subjects as (

    -- for a cue whose own subject is elsewhere, the nearest noun phrase before it: the subject in
    -- `Both sides, in a statement, agreed`; with the phrase before it as a possible apposition
    -- (`Peru's deputy minister, Luis Carrasco, said`)
    select
        nearest.quote_key,
        nearest.subject,
        nearest.subject_start,
        apposition.phrase as apposition
    from (
        select
            phrases.quote_key,
            max(phrases.seg) as subject_seg,
            arg_max(phrases.phrase, phrases.seg) as subject,
            arg_max(phrases.phrase_start, phrases.seg) as subject_start
        from phrases
        inner join before_cues
            on phrases.quote_key = before_cues.quote_key
        left join function_words
            on lower(phrases.phrase) = function_words.word
        where
            phrases.side = 'before'
            and phrases.phrase_words between 1 and 10
            and phrases.phrase_first < before_cues.first_cue_no
            and function_words.word is null
            -- a clause is no subject, unless a document in it speaks (`follows a joint statement ...,
            -- affirming`)
            and (not phrases.is_cut or phrases.has_document_noun)
        group by phrases.quote_key
    ) as nearest
    left join phrases as apposition
        on
            nearest.quote_key = apposition.quote_key
            and apposition.side = 'before'
            and apposition.seg = nearest.subject_seg - 1
            and apposition.phrase_words between 1 and 10

),

after_first_clause as (

    -- the first segment after the quote, and whether it is a plain noun phrase that a name in
    -- apposition may follow (`the ministry's spokesman, Shu Jueting, told reporters`)
    select
        firsts.quote_key,
        firsts.first_seg,
        first_phrase.phrase as first_phrase,
        first_phrase.phrase_start as first_phrase_start,
        not first_phrase.is_cut and first_phrase.phrase_words between 1 and 10 as is_noun_phrase
    from (
        select
            quote_key,
            min(seg) as first_seg
        from stopped
        where side = 'after' and is_word and not is_cue
        group by quote_key
    ) as firsts
    left join phrases as first_phrase
        on
            firsts.quote_key = first_phrase.quote_key
            and first_phrase.side = 'after'
            and firsts.first_seg = first_phrase.seg

),

after_cues as (

    -- the first cue of the first clause after the quote: `the statement said`, `said Miller`;
    -- or a cue two segments on, after a noun phrase and a name in apposition
    -- (`the ministry's spokesman, Shu Jueting, told reporters`); for a quote inside its
    -- sentence, also a later cue with its own subject
    select
        quote_key,
        arg_min(cue, tok_no) as cue,
        arg_min(cue_stance, tok_no) as cue_stance,
        arg_min(
            case
                when subject_words between 1 and 10 then subject
                when is_apposed then previous_phrase
                when object_words between 1 and 8 then object_phrase
            end,
            tok_no
        ) as speaker_phrase,
        arg_min(
            case
                when is_apposed then first_phrase
                when subject_words = 0 and object_words between 1 and 8 and apposition_words between 1 and 10
                    then apposition
            end,
            tok_no
        ) as apposition,
        arg_min(
            case
                when subject_words between 1 and 10 then subject_start
                when is_apposed then first_phrase_start
                else cue_start
            end,
            tok_no
        ) as attribution_start,
        arg_min(
            case
                when subject_words between 1 and 10 or is_apposed then cue_end
                else object_end
            end,
            tok_no
        ) as attribution_end,
        arg_min(coalesce(subject_is_pronoun, false), tok_no) as is_pronoun,
        arg_min(case when subject_is_pronoun then lower(subject) end, tok_no) as pronoun
    from (
        select
            cue_tokens.*,
            after_first_clause.first_seg,
            after_first_clause.first_phrase,
            after_first_clause.first_phrase_start,
            coalesce(cue_tokens.subject_words, 0) = 0
            and cue_tokens.seg = after_first_clause.first_seg + 2
            and after_first_clause.is_noun_phrase
            and cue_tokens.previous_words between 1 and 10 as is_apposed,
            -- inside a sentence, a trailing attribution may stand clauses away (`will respond
            -- “firmly” to the tariffs, Commission President X said on Tuesday`)
            not quotes.starts_sentence
            and cue_tokens.cue_form = 'finite'
            and cue_tokens.subject_words between 1 and 10 as is_trailing
        from cue_tokens
        inner join quotes on cue_tokens.quote_key = quotes.quote_key
        left join after_first_clause
            on cue_tokens.quote_key = after_first_clause.quote_key
        where cue_tokens.side = 'after'
    ) as after_side
    where seg <= coalesce(first_seg, seg) or is_apposed or is_trailing
    group by quote_key

),

attributed as (

    select
        quotes.*,
        before_cues.cue_stance as before_stance,
        after_cues.cue_stance as after_stance,
        case
            when not quotes.starts_sentence and before_cues.subject is not null then 'before'
            when not quotes.starts_sentence and before_cues.preposition_object is not null then 'before_preposition'
            when not quotes.starts_sentence and before_cues.has_pronoun then 'before_pronoun'
            when not quotes.starts_sentence and sentence_subjects.subject is not null then 'sentence_subject'
            when after_cues.speaker_phrase is not null and not after_cues.is_pronoun then 'after'
            when after_cues.is_pronoun then 'after_pronoun'
            -- a sentence that is all quote continues the last speaker
            when
                quotes.starts_sentence
                and quotes.word_count >= 3
                and not {{ regex_contains("quotes.after_text", "'\\pL'") }}
                then 'inherited'
        end as attribution_basis,
        case
            when not quotes.starts_sentence and before_cues.has_pronoun then before_cues.pronoun
            else after_cues.pronoun
        end as pronoun
    from quotes
    left join before_cues
        on quotes.quote_key = before_cues.quote_key
    left join sentence_subjects
        on quotes.quote_key = sentence_subjects.quote_key
    left join after_cues
        on quotes.quote_key = after_cues.quote_key

),

pronoun_windows as (

    -- `he`/`she` may point to a person named since the last quote (`Ali, a shopkeeper, lost his
    -- home. “We have nothing,” he said.`): the text since then, at most 600 characters
    select
        attributed.quote_key,
        {{ regex_matches(
            "substr(articles.body, window_start - articles.body_start + 1, attributed.char_start - window_start)",
            capital_run_pattern
        ) }} as run_list
    from (
        select
            *,
            greatest(coalesce(previous_quote_end, 0), char_start - 600) as window_start
        from attributed
        where attribution_basis in ('before_pronoun', 'after_pronoun') and pronoun in ('he', 'she')
    ) as attributed
    inner join articles
        on attributed.article_id = articles.article_id

),

pronoun_candidates as (

    select
        quote_key,
        run_no,
        {{ regex_extract("run", "'(\\S+ \\S+)$'", 1) }} as full_name,
        lower({{ regex_extract("run", "'(\\S+) \\S+$'", 1) }}) as given_key,
        lower({{ regex_extract("run", "'(\\S+)$'", 1) }}) as surname_key
    from (
        select
            quote_key,
            {{ explode_columns('run_list', 'run', 'run_no') }}
        from pronoun_windows
    ) as runs
    where run like '% %'

),

pronoun_antecedents as (

    -- the last two-word name that is no title, function word or known entity
    select
        pronoun_candidates.quote_key,
        arg_max(pronoun_candidates.full_name, pronoun_candidates.run_no) as antecedent
    from pronoun_candidates
    left join speaker_nouns
        on pronoun_candidates.given_key = speaker_nouns.noun
    left join function_words
        on pronoun_candidates.given_key = function_words.word
    left join aliases as given_alias
        on pronoun_candidates.given_key = given_alias.alias_key
    left join aliases as surname_alias
        on pronoun_candidates.surname_key = surname_alias.alias_key
    where
        speaker_nouns.noun is null
        and function_words.word is null
        and given_alias.alias_key is null
        and surname_alias.alias_key is null
    group by pronoun_candidates.quote_key

),

resolved_attribution as (

    select
        attributed.*,
        case attributed.attribution_basis
            when 'before' then before_cues.subject
            when 'sentence_subject' then sentence_subjects.subject
            when 'before_preposition' then {{ regex_replace("before_cues.preposition_object", "'^to '", "''") }}
            when 'after' then {{ regex_replace("after_cues.speaker_phrase", "'^to '", "''") }}
            when 'before_pronoun' then pronoun_antecedents.antecedent
            when 'after_pronoun' then pronoun_antecedents.antecedent
        end as speaker_phrase,
        case attributed.attribution_basis
            when 'sentence_subject' then sentence_subjects.apposition
            when 'after' then after_cues.apposition
        end as apposition,
        case
            when attributed.attribution_basis in ('before', 'before_pronoun', 'sentence_subject', 'before_preposition')
                then before_cues.last_cue
            when attributed.attribution_basis in ('after', 'after_pronoun') then after_cues.cue
        end as cue,
        case attributed.attribution_basis
            when 'before' then 'before'
            when 'sentence_subject' then 'before'
            when 'before_preposition' then 'before'
            when 'after' then 'after'
        end as attribution_side,
        case attributed.attribution_basis
            when 'before' then before_cues.subject_start
            when 'sentence_subject' then sentence_subjects.subject_start
            when 'before_preposition' then before_cues.preposition_cue_start
            when 'after' then after_cues.attribution_start
        end as attribution_start,
        case attributed.attribution_basis
            when 'before' then before_cues.last_cue_end
            when 'sentence_subject' then before_cues.last_cue_end
            when 'before_preposition' then before_cues.preposition_object_end
            when 'after' then after_cues.attribution_end
        end as attribution_end
    from attributed
    left join before_cues
        on attributed.quote_key = before_cues.quote_key
    left join sentence_subjects
        on attributed.quote_key = sentence_subjects.quote_key
    left join after_cues
        on attributed.quote_key = after_cues.quote_key
    left join pronoun_antecedents
        on attributed.quote_key = pronoun_antecedents.quote_key
    where attributed.attribution_basis is not null

),

attribution_phrases as (

    -- other quotes in the attribution show as `“…”`
    select
        quote_key,
        {{ regex_replace_all(
            regex_replace(
                "substr(case attribution_side when 'before' then before_text else after_text end, "
                ~ "attribution_start + 1, attribution_end - attribution_start)",
                "'[^\\pL\\pN]+$'", "''"
            ),
            "'§+'", "'“…”'"
        ) }} as attribution
    from resolved_attribution
    where attribution_start is not null and attribution_end > attribution_start

),

---------- speakers

speaker_words as (

    -- the subject phrase and, when there is one, the phrase in apposition to it
    select
        phrase_id,
        word,
        word_no,
        lower(replace({{ regex_replace("word", "'[’'']s$'", "''") }}, '.', '')) as word_key,
        {{ regex_contains("word", "'^\\p{Lu}'") }} as is_capitalised
    from (
        select
            phrase_id,
            {{ explode_columns('word_list', 'word', 'word_no') }}
        from (
            select
                quote_key * 2 as phrase_id,
                {{ regex_matches("speaker_phrase", word_pattern) }} as word_list
            from resolved_attribution
            where speaker_phrase is not null
            union all
            select
                quote_key * 2 + 1 as phrase_id,
                {{ regex_matches("apposition", word_pattern) }} as word_list
            from resolved_attribution
            where apposition is not null
        ) as listed
    ) as exploded

),

speaker_grams as (

    select
        phrase_id,
        word_no,
        is_capitalised,
        word_key as key1,
        word_key || ' ' || lead(word_key, 1) over (partition by phrase_id order by word_no) as key2,
        word_key || ' '
        || lead(word_key, 1) over (partition by phrase_id order by word_no) || ' '
        || lead(word_key, 2) over (partition by phrase_id order by word_no) as key3
    from speaker_words

),

speaker_ngrams as (

    -- one, two and three words from each capitalised word, a row each (an equi-join to aliases)
    select
        phrase_id,
        word_no,
        1 as n,
        key1 as alias_key
    from speaker_grams
    where is_capitalised
    union all
    select
        phrase_id,
        word_no,
        2 as n,
        key2 as alias_key
    from speaker_grams
    where is_capitalised and key2 is not null
    union all
    select
        phrase_id,
        word_no,
        3 as n,
        key3 as alias_key
    from speaker_grams
    where is_capitalised and key3 is not null

),

speaker_alias_hits as (

    -- entity names in the phrase; at each word the longest alias wins
    select
        speaker_ngrams.phrase_id,
        speaker_ngrams.word_no,
        arg_max(aliases.entity_name, speaker_ngrams.n) as entity_name,
        arg_max(aliases.entity_type, speaker_ngrams.n) as entity_type,
        max(speaker_ngrams.n) as n
    from speaker_ngrams
    inner join aliases
        on speaker_ngrams.alias_key = aliases.alias_key
    group by speaker_ngrams.phrase_id, speaker_ngrams.word_no

),

speaker_tagged as (

    select
        speaker_words.*,
        speaker_nouns.role as noun_role,
        speaker_nouns.is_third_party,
        function_words.role as word_role,
        speaker_alias_hits.entity_name as alias_entity,
        speaker_alias_hits.entity_type as alias_type,
        speaker_alias_hits.n as alias_n,
        speaker_words.word_no = 1 and coalesce(function_words.role = 'determiner', false) as is_leading_determiner,
        -- a lower-case particle inside a name (`Ursula von der Leyen`, `Mohammed bin Salman`)
        name_particles.word is not null as is_name_particle
    from speaker_words
    left join speaker_nouns
        on speaker_words.word_key = speaker_nouns.noun
    left join function_words
        on speaker_words.word_key = function_words.word
    left join {{ ref('name_context_words') }} as name_particles
        on speaker_words.word = name_particles.word and name_particles.role = 'connector'
    left join speaker_alias_hits
        on
            speaker_words.phrase_id = speaker_alias_hits.phrase_id
            and speaker_words.word_no = speaker_alias_hits.word_no

),

covered as (

    -- per word: whether an alias covers it (`State Department` covers both words), and the
    -- phrase's landmarks (last title, last body noun) as window values
    select
        *,
        coalesce(
            max(case when alias_n is not null then word_no + alias_n - 1 end) over (
                partition by phrase_id order by word_no rows between unbounded preceding and current row
            ) >= word_no,
            false
        ) as is_alias_word,
        max(case when noun_role = 'title' then word_no end) over (partition by phrase_id) as last_title_no,
        max(case when noun_role = 'organisation' then word_no end) over (partition by phrase_id) as last_org_no,
        min(case when not is_leading_determiner then word_no end) over (partition by phrase_id) as first_word_no,
        max(word_no) over (partition by phrase_id) as last_word_no,
        count(case when not is_leading_determiner then 1 end) over (partition by phrase_id) as n_words
    from speaker_tagged

),

speaker_parts as (

    select
        phrase_id,
        any_value(n_words) as n_words,
        any_value(last_title_no) as last_title_no,
        any_value(last_org_no) as last_org_no,
        arg_max(coalesce(noun_role, ''), word_no) as head_role,
        coalesce(
            arg_max(word_key, word_no) filter (where noun_role = 'document'),
            arg_max(word_key, word_no)
        ) as head_key,
        max(word_no) filter (where noun_role = 'document') as document_no,
        bool_or(word_key = 'joint') as has_joint,
        coalesce(bool_or(is_third_party), false) as is_third_party,
        bool_and(is_capitalised or is_leading_determiner) as all_capitalised,
        bool_or(word_role = 'pronoun') and count(*) = 1 as is_pronoun,
        count(distinct alias_entity) filter (where alias_type = 'country') as n_countries,
        bool_or(word_key = 'and') as has_and,
        -- the words after the last title: a name when all capitalised (`Matthew Miller`)
        string_agg(word, ' ' order by word_no) filter (
            where word_no > coalesce(last_title_no, 0) and not is_leading_determiner
        ) as tail,
        bool_and(is_capitalised or is_name_particle or word_key = 'of') filter (
            where word_no > coalesce(last_title_no, 0) and not is_leading_determiner
        ) as tail_capitalised,
        count(*) filter (
            where word_no > coalesce(last_title_no, 0) and not is_leading_determiner
        ) as tail_words,
        -- the affiliation: the first country or organisation named before the name
        arg_min(alias_entity, word_no) filter (
            where
            alias_type in ('country', 'organization')
            and (last_title_no is null or word_no < last_title_no)
        ) as affiliation_before_title,
        arg_min(alias_entity, word_no) filter (where alias_type in ('country', 'organization')) as affiliation_any,
        arg_min(alias_entity, word_no) filter (where alias_type = 'country') as country,
        -- an alias that covers the body's head noun: `State Department` -> `US State Department`
        max(alias_entity) filter (where alias_n is not null and word_no + alias_n - 1 = last_org_no) as body_entity,
        -- a whole-phrase alias: `the Kremlin`, `Russia`, `the European Union`
        max(alias_entity) filter (where word_no = first_word_no and alias_n = n_words) as whole_entity,
        -- the body's own words without the country (`foreign ministry`), title-cased
        string_agg(
            case
                when word_role is not null then word
                else upper(left(word, 1)) || substr(word, 2)
            end,
            ' ' order by word_no
        ) filter (
            where
            not is_leading_determiner
            and not is_alias_word
            and word_no <= coalesce(last_org_no, last_word_no)
            and not (word_key = 'of' and word_no = last_word_no - 1)
        ) as body_words,
        string_agg(word, ' ' order by word_no) filter (where not is_leading_determiner) as phrase_without_determiner
    from covered
    group by phrase_id

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
            else 'other'
        end as speaker_class
    from speaker_parts

),

speaker_named as (

    select
        speaker_classes.phrase_id,
        speaker_classes.speaker_class,
        speaker_classes.affiliation_any,
        speaker_classes.is_third_party,
        speaker_classes.has_joint,
        speaker_classes.head_key,
        speaker_classes.last_title_no is not null and speaker_classes.speaker_class != 'person' as is_bare_title,
        case speaker_classes.speaker_class
            when 'entity' then speaker_classes.whole_entity
            when 'person' then {{ regex_replace("speaker_classes.tail", "'^of \\S+ '", "''") }}
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
        end as affiliation
    from speaker_classes
    left join demonyms
        on speaker_classes.country = demonyms.entity_name

),

speaker_merged as (

    -- apposition: a bare title lends its affiliation to the name beside it, and a name
    -- beside a bare title is the speaker
    select
        main_phrase.quote_key,
        main_phrase.has_joint,
        main_phrase.head_key,
        main_phrase.is_third_party or coalesce(apposition.is_third_party, false) as is_third_party,
        case
            when main_phrase.is_bare_title and apposition.speaker_class = 'person' then 'person'
            else main_phrase.speaker_class
        end as speaker_class,
        case
            when main_phrase.is_bare_title and apposition.speaker_class = 'person' then apposition.speaker_name
            else main_phrase.speaker_name
        end as speaker_name,
        case
            when main_phrase.is_bare_title and apposition.speaker_class = 'person'
                then coalesce(apposition.affiliation, main_phrase.affiliation_any)
            when main_phrase.speaker_class = 'person' and apposition.is_bare_title
                then coalesce(main_phrase.affiliation, apposition.affiliation_any)
            else main_phrase.affiliation
        end as affiliation
    from (
        select
            *,
            phrase_id // 2 as quote_key
        from speaker_named
        where phrase_id % 2 = 0
    ) as main_phrase
    left join speaker_named as apposition
        on apposition.phrase_id = main_phrase.quote_key * 2 + 1

),

---------- documents and the parties: which statement, whose words

joint_mentions as (

    -- `joint statement`, `joint declaration` ... and where in the body they end; only in
    -- articles with a document or the parties among their speakers
    select
        chunks.article_id,
        chunks.joint_noun,
        chunks.mention_end
    from (
        select
            article_id,
            lower({{ regex_extract("chunk", "'(\\pL+)$'", 1) }}) as joint_noun,
            sum(length(chunk)) over (
                partition by article_id order by chunk_no
                rows between unbounded preceding and current row
            ) + body_start as mention_end
        from (
            select
                article_id,
                body_start,
                {{ explode_columns('chunk_list', 'chunk', 'chunk_no') }}
            from (
                select
                    article_id,
                    body_start,
                    {{ regex_matches("body", "'(?is:.*?)\\bjoint \\pL+'") }} as chunk_list
                from articles
                where article_id in (
                        select quotes.article_id
                        from quotes
                        inner join speaker_merged
                            on quotes.quote_key = speaker_merged.quote_key
                        where speaker_merged.speaker_class in ('document', 'parties')
                    )
            ) as listed
        ) as exploded
    ) as chunks
    inner join speaker_nouns
        on chunks.joint_noun = speaker_nouns.noun
    where speaker_nouns.role = 'document'

),

document_sources as (

    -- `a statement from its state commission for prisoners of war`: the body a document came from
    select
        quote_key,
        arg_max(
            {{ regex_replace(
                regex_extract("mention", "'^\\pL+ (?:from|by) (.*)$'", 1), "'^(?:the|its|their|his|her|a|an) '", "''"
            ) }},
            mention_no
        ) as source_name
    from (
        select
            quote_key,
            head_key,
            {{ explode_columns('mention_list', 'mention', 'mention_no') }}
        from (
            select
                quotes.quote_key,
                speaker_merged.head_key,
                {{ regex_matches(
                    "substr(articles.body, 1, quotes.char_start - articles.body_start)",
                    "'\\pL+ (?:from|by) [^.,;:\"“”§\\n]+'"
                ) }} as mention_list
            from quotes
            inner join speaker_merged
                on quotes.quote_key = speaker_merged.quote_key
            inner join articles
                on quotes.article_id = articles.article_id
            where speaker_merged.speaker_class = 'document'
        ) as listed
    ) as exploded
    where lower({{ regex_extract("mention", "'^(\\pL+)'", 1) }}) = head_key
    group by quote_key

),

explicit_speakers as (

    select
        resolved_attribution.quote_id,
        resolved_attribution.article_id,
        resolved_attribution.story_id,
        resolved_attribution.quote_index,
        resolved_attribution.speaker_phrase,
        speaker_merged.speaker_class,
        speaker_merged.is_third_party,
        case
            when speaker_merged.speaker_class = 'document' and speaker_merged.has_joint
                then 'joint ' || speaker_merged.head_key
            when speaker_merged.speaker_class in ('document', 'parties') and earlier_joint.joint_noun is not null
                then 'joint ' || earlier_joint.joint_noun
            when speaker_merged.speaker_class = 'document'
                then coalesce(document_sources.source_name, speaker_merged.head_key)
            else speaker_merged.speaker_name
        end as speaker,
        case
            when
                speaker_merged.speaker_class = 'parties'
                or (
                    speaker_merged.speaker_class = 'document'
                    and (speaker_merged.has_joint or earlier_joint.joint_noun is not null)
                )
                then principal_lists.principal_names
            else speaker_merged.affiliation
        end as speaker_affiliation
    from resolved_attribution
    inner join speaker_merged
        on resolved_attribution.quote_key = speaker_merged.quote_key
    left join document_sources
        on resolved_attribution.quote_key = document_sources.quote_key
    left join principal_lists
        on resolved_attribution.story_id = principal_lists.story_id
    left join lateral (
        select arg_min(joint_mentions.joint_noun, joint_mentions.mention_end) as joint_noun
        from joint_mentions
        where
            joint_mentions.article_id = resolved_attribution.article_id
            -- before the quote, or in its own attribution (`..., the two said in a joint statement`)
            and joint_mentions.mention_end
            <= resolved_attribution.char_end + length(resolved_attribution.after_text) + 1
    ) as earlier_joint on true
    where speaker_merged.speaker_class != 'pronoun'

),

---------- short names: `Miller` -> `Matthew Miller`, `Turkish Ministry` -> `Turkish Foreign Ministry`

full_names as (

    -- two-word names at the end of capitalised runs of the story (`... spokesman Matthew Miller`)
    select
        capital_runs.story_id,
        capital_runs.article_id,
        {{ regex_extract("capital_runs.run", "'(\\S+ \\S+)$'", 1) }} as full_name,
        {{ regex_extract("capital_runs.run", "'(\\S+)$'", 1) }} as surname,
        lower({{ regex_extract("capital_runs.run", "'(\\S+) \\S+$'", 1) }}) as given_key,
        min(capital_runs.run_no) as first_run_no
    from capital_runs
    where capital_runs.run like '% %'
    group by all

),

named_people as (

    select
        full_names.story_id,
        full_names.article_id,
        full_names.full_name,
        full_names.surname,
        full_names.first_run_no
    from full_names
    left join speaker_nouns
        on full_names.given_key = speaker_nouns.noun
    left join aliases
        on full_names.given_key = aliases.alias_key
    where speaker_nouns.noun is null and aliases.alias_key is null

),

completed as (

    select
        explicit_speakers.*,
        case
            when explicit_speakers.speaker_class = 'person' and explicit_speakers.speaker not like '% %'
                then (
                    select
                        arg_min(
                            named_people.full_name,
                            case when named_people.article_id = explicit_speakers.article_id then 0 else 1 end * 1000000
                            + named_people.first_run_no
                        )
                    from named_people
                    where
                        named_people.story_id = explicit_speakers.story_id
                        and named_people.surname = explicit_speakers.speaker
                )
            when explicit_speakers.speaker_class = 'body'
                then (
                    select arg_max(fuller.speaker, fuller.quote_index)
                    from explicit_speakers as fuller
                    where
                        fuller.article_id = explicit_speakers.article_id
                        and fuller.quote_index < explicit_speakers.quote_index
                        and fuller.speaker_class = 'body'
                        and (
                            fuller.speaker_affiliation = explicit_speakers.speaker_affiliation
                            or explicit_speakers.speaker_affiliation is null
                        )
                        and fuller.speaker != explicit_speakers.speaker
                        and {{ regex_contains("fuller.speaker", "'\\S+$'") }}
                        and {{ regex_extract("fuller.speaker", "'(\\S+)$'", 1) }}
                        = {{ regex_extract("explicit_speakers.speaker", "'(\\S+)$'", 1) }}
                        and length(fuller.speaker) > length(explicit_speakers.speaker)
                )
        end as fuller_name
    from explicit_speakers

),

person_affiliations as (

    -- a surname takes the affiliation given with the full name elsewhere in the story
    select
        story_id,
        speaker,
        arg_max(speaker_affiliation, quote_index) filter (where speaker_affiliation is not null) as affiliation,
        bool_or(is_third_party) as is_third_party
    from explicit_speakers
    where speaker_class = 'person'
    group by story_id, speaker

),

named as (

    select
        completed.quote_id,
        completed.speaker_class,
        coalesce(completed.fuller_name, completed.speaker) as speaker,
        coalesce(completed.speaker_affiliation, person_affiliations.affiliation) as speaker_affiliation,
        completed.is_third_party or coalesce(person_affiliations.is_third_party, false) as is_third_party
    from completed
    left join person_affiliations
        on
            completed.story_id = person_affiliations.story_id
            and coalesce(completed.fuller_name, completed.speaker) = person_affiliations.speaker

),

---------- inheritance: a quote with no speaker of its own continues the last one

sequenced as (

    select
        resolved_attribution.*,
        named.speaker as own_speaker,
        last_value(named.quote_id ignore nulls) over (
            partition by resolved_attribution.article_id order by resolved_attribution.char_start
            rows between unbounded preceding and 1 preceding
        ) as previous_quote_id
    from resolved_attribution
    left join named
        on resolved_attribution.quote_id = named.quote_id

),

speakers as (

    -- the speaker, class and affiliation all come from one quote: its own or the last one named
    select
        sequenced.*,
        origin.speaker,
        origin.speaker_class,
        origin.speaker_affiliation,
        origin.is_third_party
    from sequenced
    left join named as origin
        on origin.quote_id = case
                when sequenced.own_speaker is not null then sequenced.quote_id else sequenced.previous_quote_id
            end

),

---------- stance of the quote's own words

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
        on quote_words_listed.word = stance_words.word

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
        speakers.speaker_class,
        speakers.speaker_phrase as speaker_surface,
        speakers.cue,
        attribution_phrases.attribution,
        speakers.attribution_basis,
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
    left join attribution_phrases
        on speakers.quote_key = attribution_phrases.quote_key
    left join word_stances
        on speakers.quote_key = word_stances.quote_key
    left join principals
        on
            speakers.story_id = principals.story_id
            and speakers.speaker_affiliation = principals.entity_name
    where speakers.speaker is not null

)

select * from final
