{#- Dialect helpers for the mentions models (DuckDB variants; add `<adapter>__` ones beside them). -#}

{#- `text` with every match of `pattern` replaced by `replacement` (DuckDB replaces only the first
    match unless given the 'g' flag). -#}
{% macro regex_replace_all(text, pattern, replacement) %}{{ return(adapter.dispatch('regex_replace_all', 'corroborate')(text, pattern, replacement)) }}{% endmacro %}
{% macro duckdb__regex_replace_all(text, pattern, replacement) %}regexp_replace({{ text }}, {{ pattern }}, {{ replacement }}, 'g'){% endmacro %}

{#- The first match of `pattern` in `text` (empty string when none). -#}
{% macro regex_first(text, pattern) %}{{ return(adapter.dispatch('regex_first', 'corroborate')(text, pattern)) }}{% endmacro %}
{% macro duckdb__regex_first(text, pattern) %}regexp_extract({{ text }}, {{ pattern }}){% endmacro %}

{#- A comparison key for names: typographic apostrophes made plain, white space runs made one space. -#}
{% macro text_key(text) %}{{ regex_replace_all("replace(" ~ text ~ ", '’', '''')", "'\\s+'", "' '") }}{% endmacro %}
