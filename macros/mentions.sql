{#- Helpers of the mentions models; the dialect ones have DuckDB variants (add `<adapter>__` ones beside them). -#}

{#- `text` with every match of `pattern` replaced by `replacement` (DuckDB replaces only the first
    match unless given the 'g' flag). -#}
{% macro regex_replace_all(text, pattern, replacement) %}{{ return(adapter.dispatch('regex_replace_all', 'corroborate')(text, pattern, replacement)) }}{% endmacro %}
{% macro duckdb__regex_replace_all(text, pattern, replacement) %}regexp_replace({{ text }}, {{ pattern }}, {{ replacement }}, 'g'){% endmacro %}

{#- The first match of `pattern` in `text` (empty string when none). -#}
{% macro regex_first(text, pattern) %}{{ return(adapter.dispatch('regex_first', 'corroborate')(text, pattern)) }}{% endmacro %}
{% macro duckdb__regex_first(text, pattern) %}regexp_extract({{ text }}, {{ pattern }}){% endmacro %}

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
