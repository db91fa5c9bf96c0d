{#- The cues before every quote (int_quote_cues_found, side `before`), a participle right after
    the `as` of `quoted X as` taking X as its subject: in `ABC quoted an Iraqi Foreign Ministry
    official in Baghdad as saying Americans in Iraq are "restrictees"` the official speaks, not
    ABC, the subject of the sentence a participle would otherwise share. Not `X was quoted as
    saying`, whose X is the phrase before and the cue's own subject already. -#}

-- depends_on: {{ ref('int_stories_changed') }}

with

cues as (

    select * from {{ ref('int_quote_cues_found') }}
    where {{ in_changed_stories() }} and side = 'before'

),

-- the `as` of `quoted X as` (has_object: a word or more between them)
{{ quoted_as_ctes('before') }},

objects as (

    select
        cues.*,
        case
            when cues.cue_form = 'participle' and quoted_as.has_object
                then nullif({{ regex_extract('cues.previous_phrase', quoted_phrase_regex(), 1) }}, '')
        end as quoted_object
    from cues
    left join quoted_as
        on cues.quote_key = quoted_as.quote_key and cues.tok_no = quoted_as.tok_no + 1

),

final as (

    select
        objects.quote_key,
        objects.story_id,
        objects.side,
        objects.tok_no,
        objects.seg,
        objects.cue_stance,
        objects.cue_form,
        objects.cue_start,
        objects.object_phrase,
        objects.object_words,
        objects.object_start,
        objects.object_end,
        objects.apposition,
        objects.apposition_words,
        objects.apposition_start,
        objects.previous_phrase,
        objects.previous_words,
        objects.previous_start,
        objects.cue,
        objects.cue_end,
        objects.subject_is_passive,
        objects.subject_is_absolute,
        objects.subject_is_pronoun,
        objects.subject_is_relative,
        coalesce(objects.quoted_object, objects.subject) as subject,
        coalesce(
            objects.previous_start + length(objects.previous_phrase) - length(objects.quoted_object),
            objects.subject_start
        ) as subject_start,
        coalesce(
            length(objects.quoted_object) - length(replace(objects.quoted_object, ' ', '')) + 1,
            objects.subject_words
        ) as subject_words,
        objects.quoted_object is not null as is_quoted_object
    from objects

)

select * from final
