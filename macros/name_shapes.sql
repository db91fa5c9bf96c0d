{#- Named fragments for the shape of a name, read by int_name_runs.
    Regexes are returned without SQL quotes; `sql_regex` quotes one for a model. -#}

{#- A romanised East Asian personal name: a short family name and a two-syllable given name
    joined by a hyphen, the second syllable in lower case (`Leung Kwok-hung`, `Wu Chi-wai`). -#}
{% macro romanised_name_re() -%}
    ^\p{Lu}\p{Ll}{1,5} \p{Lu}\p{Ll}{0,4}-\p{Ll}{1,5}$
{%- endmacro %}

{#- The run `expr` has the shape of a romanised East Asian personal name. -#}
{% macro is_romanised_name(expr) -%}
    {{ regex_contains(expr, sql_regex(romanised_name_re())) }}
{%- endmacro %}
