{#- Named fragments for the shape of a name, read by int_name_run_words and int_name_runs.
    Regexes are returned without SQL quotes; `sql_regex` quotes one for a model. -#}

{#- The English words that follow a hyphen to make an adjective of a name (`Tarvo-based`,
    `Scientology-related`): such a part does not continue the name, the name is the word before. -#}
{% macro name_compound_suffixes() -%}
    {{ return(['based', 'led', 'backed', 'born', 'bred', 'owned', 'run', 'style', 'like', 'era', 'made',
               'type', 'wide', 'bound', 'linked', 'held', 'related', 'funded', 'controlled', 'affiliated',
               'aligned', 'allied', 'friendly', 'inspired', 'sponsored', 'designed', 'built', 'listed',
               'registered', 'flagged', 'centred', 'centered', 'focused', 'specific', 'only', 'free']) }}
{%- endmacro %}

{#- A romanised East Asian personal name: a short family name and a two-syllable given name
    joined by a hyphen, the second syllable in lower case (`Leung Kwok-hung`, `Wu Chi-wai`). -#}
{% macro romanised_name_re() -%}
    ^\p{Lu}\p{Ll}{1,5} \p{Lu}\p{Ll}{0,4}-\p{Ll}{1,5}$
{%- endmacro %}

{#- The run `expr` has the shape of a romanised East Asian personal name. -#}
{% macro is_romanised_name(expr) -%}
    {{ regex_contains(expr, sql_regex(romanised_name_re())) }}
{%- endmacro %}
