{#- Named regex fragments for the shape of a name, read by int_name_runs. Returned without SQL
    quotes; `sql_regex` quotes one for a model. -#}

{#- A romanised East Asian personal name: a short family name and a two-syllable given name
    joined by a hyphen, the second syllable in lower case (`Leung Kwok-hung`, `Wu Chi-wai`).
    Used with romanised_name_not_suffix_re, which keeps out English compounds that share the
    shape (`Kong-based`, `Valley-led`). -#}
{% macro romanised_name_re() -%}
    ^\p{Lu}\p{Ll}{1,5} \p{Lu}\p{Ll}{0,4}-\p{Ll}{1,5}$
{%- endmacro %}

{#- The English words that follow a hyphen to make an adjective of a name (`Hong Kong-based`). -#}
{% macro romanised_name_not_suffix_re() -%}
    -(?:based|led|backed|born|bred|owned|run|style|like|era|made|type|wide|bound|linked|held|class|level|area|zone|only|free|day|week|year)$
{%- endmacro %}

{#- The run `expr` has the shape of a romanised East Asian personal name. -#}
{% macro is_romanised_name(expr) -%}
    ({{ regex_contains(expr, sql_regex(romanised_name_re())) }}
    and not {{ regex_contains(expr, sql_regex(romanised_name_not_suffix_re())) }})
{%- endmacro %}
