{#- Helpers of the mentions models. -#}

{#- A comparison key for names: typographic apostrophes made plain, white space runs made one space. -#}
{% macro text_key(text) %}{{ regex_replace_all("replace(" ~ text ~ ", '’', '''')", "'\\s+'", "' '") }}{% endmacro %}

{#- The type a story gives each name most often: a SELECT of story_id, entity_name, entity_type and
    preference (1 = the type to use; ties go to the first type alphabetically), from `relation`. -#}
{% macro story_name_types(relation) -%}
    select
        story_id,
        entity_name,
        entity_type,
        row_number() over (
            partition by story_id, entity_name order by count(*) desc, entity_type
        ) as preference
    from {{ relation }}
    where entity_type is not null
    group by story_id, entity_name, entity_type
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
