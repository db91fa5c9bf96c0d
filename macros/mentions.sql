{#- Helpers of the mentions models. -#}

{#- A comparison key for names: typographic apostrophes made plain, white space runs made one space. -#}
{% macro text_key(text) %}{{ regex_replace_all("replace(" ~ text ~ ", '’', '''')", "'\\s+'", "' '") }}{% endmacro %}

{#- The type a story gives each name: the type of its most mentions typed by a cue that names the
    kind of thing (a legal suffix, a head word, a title, `X officials`, `X said its`, the lexicon),
    else of its most mentions a rule typed (`in Vellmark` before two classifier guesses of a
    person), else of its most mentions (ties go to the first type alphabetically). A SELECT of story_id,
    entity_name, entity_type and preference (1 = the type to use) from `relation`. Guesses from a
    name's look or a verb (a given name, a speech verb, the classifier) are outvoted by one such
    cue: `Polly Peck said its profit ...` makes the company of nine `Polly Peck`s a person's name
    no more. -#}
{% macro story_name_types(relation) -%}
    select
        story_id,
        entity_name,
        entity_type,
        row_number() over (
            partition by story_id, entity_name
            order by
                sum(case when detected_by in {{ cued_name_rules() }} then 1 else 0 end) desc,
                -- a rule's reading of the name (`in Vellmark`) before the classifier's guesses at it
                sum(case when detected_by = 'run_classifier' then 0 else 1 end) desc,
                count(*) desc,
                entity_type
        ) as preference
    from {{ relation }}
    where entity_type is not null
    group by story_id, entity_name, entity_type
{%- endmacro %}

{#- The detected_by of mentions typed by a cue to the kind of thing named, not by a guess. The
    context rules (`run_context`: an apposition, a place noun or preposition) are left out: `to
    Elian` is no place. -#}
{% macro cued_name_rules() -%}
    (
        'lexicon', 'country_body', 'run_pattern', 'run_legal_suffix', 'run_head_word', 'run_ampersand',
        'run_title', 'run_org_noun', 'run_org_member', 'run_org_cue', 'run_person_owner', 'run_story_org',
        'run_role_noun', 'run_story_person', 'run_dateline', 'run_coordination', 'run_intercap', 'run_workplace',
        'run_place_led_speaker', 'run_story_event', 'run_story_place', 'run_place_noun', 'run_wire_credit',
        'run_determiner', 'team_cue', 'country_place'
    )
{%- endmacro %}

{#- Who types runs of capitalised words (var name_typing): rules, classifier or hybrid; any other
    value stops the build with an error that names the variable. -#}
{% macro name_typing() -%}
    {%- set typing = var('name_typing', 'rules') -%}
    {%- if typing not in ('rules', 'classifier', 'hybrid') -%}
        {{ exceptions.raise_compiler_error("var name_typing must be rules, classifier or hybrid, not '" ~ typing ~ "'") }}
    {%- endif -%}
    {{ return(typing) }}
{%- endmacro %}

{#- The id of a name run, from its article and offsets (int_name_run_spans.run_id): computed where
    needed rather than stored on every row of the run features, where the 70-character string was
    most of the table. -#}
{% macro name_run_id(article_id, char_start, char_end) -%}
    {{ article_id }} || ':' || {{ char_start }} || '-' || {{ char_end }}
{%- endmacro %}
