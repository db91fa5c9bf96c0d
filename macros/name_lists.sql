{#- Shapes of the items of a list, a line-up or a result table (int_name_list_items_found). -#}

{#- a figure: a count, a score, a time, a price (`19`, `1:48.53`, `8-1-60-0`, `29,328`) -#}
{% macro list_figure_re() -%}
    \p{N}+(?:[.,:/-]\p{N}+)*
{%- endmacro %}

{#- a word of two or more letters written in lower case: the mark of running text; a lone
    lower-case letter marks the items of a table (`c Spearman b Vaughan 59`) -#}
{% macro list_lower_word_re() -%}
    (?:^|[\s(\[\"])\p{Ll}\p{L}+
{%- endmacro %}

{#- what ends the text before an item: the paragraph's start, a figure (`19 -`, `45)`), a rank
    (`10.`, `10=`; not a score that ends a sentence, `Freiburg 0. Halftime 2-0.`), a separator
    (`,` `;` `(` `:` `-`), or a lone lower-case letter between names (`c Spearman b Vaughan`,
    `Permadi (Taiwan) v Indra Wijaya`) -#}
{% macro list_item_before_re() -%}
    (?:^|(?:^|\s)[1-9]\p{N}*[.=]|\p{N}\)?|[-,;(:/]|(?:^|\s)\p{Ll})\s*$
{%- endmacro %}

{#- what starts the text after an item: the sentence's end, a figure, a separator, a bracket
    that opens a name or a figure (`(Italy)`, `(7 - Yasuto Honda 71)`; not a table's note,
    `Standings (tabulated under played, won`), or a lone lower-case letter; never a colon,
    which follows a label (`Attendance:`, `Scorers:`) -#}
{% macro list_item_after_re() -%}
    ^\s*(?:$|\p{N}|[-),;/.]|\((?:\p{Lu}|\p{N})|\p{Ll}(?:\s|$))
{%- endmacro %}

{#- initials before a surname (`S. Fleming`, `M.E. Waugh`): a person -#}
{% macro initialled_surname_re() -%}
    ^(?:\p{Lu}\.\s?)+\p{Lu}\p{Ll}
{%- endmacro %}

{#- the word `expr` written in lower case as a word of its own (quoted: a run may hold a dot) -#}
{% macro lower_case_word_re(expr) -%}
    '(?:^|[^\p{L}])\Q' || lower({{ expr }}) || '\E(?:[^\p{L}]|$)'
{%- endmacro %}
