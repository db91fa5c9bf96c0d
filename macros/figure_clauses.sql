{#- Figure rules on what a clause says of a figure: an age set off by commas after a name, a
    negated action noun, a share of a toll told one victim at a time. Used by int_figures_judged. -#}

{#- An age in apposition (`Ardel, 58, and Dunmore, 47, were laid off`, `her grandmother, 71,
    drowned`): a bare whole number with no noun or unit of its own (read as years of age), between a
    comma after a capitalised word or a noun after a determiner and a comma, bracket, dash (`Laura
    Pinsent, 29 - returned`) or full stop.
    It describes the person named; it counts nothing and takes no action of its clause.
    `rel` is a relation with sentence_text, run_start_offset, run_end_offset, unit, plain_head,
    noun_class, is_elliptical, first_tag, n_parts and base_value. -#}
{% macro is_apposed_age(rel) -%}
    coalesce(
        coalesce({{ rel }}.unit, 'years of age') = 'years of age' and {{ rel }}.plain_head is null
        and ({{ rel }}.noun_class is null or {{ rel }}.is_elliptical)
        and {{ rel }}.first_tag = 'D' and {{ rel }}.n_parts = 1 and {{ rel }}.base_value between 1 and 120
        and {{ regex_contains(
            "right(left(" ~ rel ~ ".sentence_text, " ~ rel ~ ".run_start_offset), 40)",
            "'(\\p{Lu}[\\p{L}''’.-]*|\\b(a|an|the|his|her|their|its|our|my)\\s+\\p{Ll}+),\\s*$'"
        ) }}
        and {{ regex_contains(
            "substr(" ~ rel ~ ".sentence_text, " ~ rel ~ ".run_end_offset + 1, 5)",
            "'^\\s*([,)]|[–—]\\s*\\pL|-\\s+\\pL|\\.\\s*$|\\.$)'"
        ) }},
        false
    )
{%- endmacro %}

{#- An action word denied by what comes right before it, in lower case at the end of the text
    before it (`has no plans for layoffs`, `there were no deaths`, `ruled out any job cuts`,
    `without casualties`): the nearest figure does not count that action. -#}
{% macro negated_action_end_re() -%}
    \b(no|without|ruled\s+out(\s+any)?|rules\s+out(\s+any)?|denied\s+any)(\s+(immediate|further|current|new|more|other))?(\s+(plans?|intention|intentions|need)\s+(for|to|of))?\s*$
{%- endmacro %}

{#- Whether the action word of a figure is denied (negated_action_end_re before it). -#}
{% macro denies_its_action(rel) -%}
    coalesce({{ regex_contains(
        "lower(left(" ~ rel ~ ".sentence_text, " ~ rel ~ ".action_offset))", sql_regex(negated_action_end_re())
    ) }}, false)
{%- endmacro %}

{#- A part of a toll told one victim at a time (`One man died at the scene and another died later
    in hospital`): a lone count of one with `and another`, `and a second` or `and the other` dying
    after it in its sentence, or a second victim dying later (`and a teenager died later`); not
    another of another action (`One person was killed and another injured`: the kill is a total). Kept out of
    totals: the total is stated elsewhere (`Two people were killed`). -#}
{% macro is_first_of_several(rel) -%}
    coalesce(
        {{ rel }}.base_value = 1 and {{ rel }}.n_parts = 1
        and {{ regex_contains(
            "lower(substr(" ~ rel ~ ".sentence_text, " ~ rel ~ ".run_end_offset + 1))",
            "'\\b(and|while|but)\\s+((another|a\\s+second|the\\s+other|one\\s+more)(\\s+\\pL+)?\\s+(later\\s+)?(died|was\\s+killed|was\\s+found\\s+dead|succumbed)|(a|an)\\s+\\pL+\\s+(\\pL+\\s+)?(died|was\\s+killed)\\s+later)\\b'"
        ) }},
        false
    )
{%- endmacro %}

{#- A figure a verb of estimating gives to a pronoun (`police estimated it at 18,000`, `put them at
    about 300`): it counts what the pronoun stands for, not the subject of the verb, so it borrows
    no counted class from the words before it. -#}
{% macro estimates_a_pronoun(rel) -%}
    coalesce({{ regex_contains(
        "lower(right(left(" ~ rel ~ ".sentence_text, " ~ rel ~ ".run_start_offset), 40))",
        "'\\b(estimated?|estimates|estimating|put|puts|putting|placed?|places|placing)\\s+(it|them|this|that)\\s+at\\s+((about|around|some|nearly|almost|more\\s+than|over|roughly|at\\s+least)\\s+)?$'"
    ) }}, false)
{%- endmacro %}

{#- The size of a change (`reduced heart attacks by 23 percent`, `fell by 15 per cent`, `cut the risk by almost a
    quarter`): a share right after `by`, of nothing named after it, measures how much something moved; it counts no
    one the clause's action befell (not `backed by 52 percent of voters`). -#}
{% macro sizes_a_change(rel) -%}
    coalesce(
        ({{ rel }}.unit in ('percent', 'percentage points') or {{ rel }}.fraction is not null)
        and {{ regex_contains(
            "lower(right(left(" ~ rel ~ ".sentence_text, " ~ rel ~ ".run_start_offset), 40))",
            "'\\bby\\s+((about|around|some|nearly|almost|roughly|just|more\\s+than|less\\s+than|over|under|up\\s+to)\\s+)*$'"
        ) }}
        and not {{ regex_contains(
            "lower(substr(" ~ rel ~ ".sentence_text, " ~ rel ~ ".run_end_offset + 1, 30))",
            "'^\\s*(%|percent|per\\s+cent|percentage\\s+points?)?\\s+of\\b'"
        ) }},
        false
    )
{%- endmacro %}

{#- A count written in words, as a regex alternation in lower case (wrap it in `(?i:...)` where a
    count may open a sentence). -#}
{% macro count_word_re() -%}
    one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\pL+teen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|dozen
{%- endmacro %}

{#- `in`/`at` and a name, right after a count or its few words (`in Oristan`, `at the Ardena
    province`, `in the region of Vellara`). -#}
{% macro place_after_re() -%}
    \s+(in|at)\s+(the\s+)?(\p{Ll}+\s+of\s+(the\s+)?)?\p{Lu}
{%- endmacro %}

{#- A sentence that breaks counts down by place or time: a count with `in`/`at` and a name, then,
    after a comma or `and`, a bare count with its own (`12 people had died in the region of
    Vellara, nine in Oristan`, `940 in Britain, 420 in Germany`, `five in March and seven in April`). -#}
{% macro place_breakdown_re() -%}
    (^|[^\pL\d])(\d[\d,.]*|(?i:{{ count_word_re() }}))(\s+[\pL'’-]+){0,4}?{{ place_after_re() }}[^;]*?(,|\band)\s+(\d[\d,.]*|(?i:{{ count_word_re() }})){{ place_after_re() }}
{%- endmacro %}

{#- One place's part of a breakdown (place_breakdown_re in its sentence, and the figure followed
    by its own place): a part of a total counted elsewhere, not the total itself. -#}
{% macro is_place_breakdown_part(rel) -%}
    coalesce(
        {{ regex_contains(
            "substr(" ~ rel ~ ".sentence_text, " ~ rel ~ ".run_end_offset + 1, 80)",
            sql_regex("^(\\s+[\\pL'’-]+){0,4}?" ~ place_after_re())
        ) }}
        and {{ regex_contains(rel ~ ".sentence_text", sql_regex(place_breakdown_re())) }},
        false
    )
{%- endmacro %}

{#- The text before a figure ends in a word that makes it the rest or the exceptions of a group
    counted elsewhere, in lower case: `the last 16 trapped miners`, `the remaining 12`, `the other
    nine`, `all but three of the 68 teachers`. -#}
{% macro rest_of_group_end_re() -%}
    \b(the\s+(last|remaining|other|final)|all\s+but)\s+$
{%- endmacro %}

{#- A count in a ratio (`four in ten schools`, `one in five adults`): a share, not a count of
    anything, on either side of `in`; not a count in a span of time (`five in 12 hours`) nor in a
    year (`12 in 2024`). -#}
{% macro ratio_count_re() -%}
    (\d{1,3}(,\d{3})*|{{ count_word_re() }})
{%- endmacro %}

{% macro is_ratio_term(rel) -%}
    coalesce(
        {{ regex_contains(
            "lower(right(left(" ~ rel ~ ".sentence_text, " ~ rel ~ ".run_start_offset), 20))",
            sql_regex("(^|[^\\pL\\d])" ~ ratio_count_re() ~ "\\s+in\\s+$")
        ) }}
        or (
            {{ regex_contains(
                "lower(substr(" ~ rel ~ ".sentence_text, " ~ rel ~ ".run_end_offset + 1, 30))",
                sql_regex("^\\s+in\\s+" ~ ratio_count_re() ~ "\\b")
            ) }}
            and not {{ regex_contains(
                "lower(substr(" ~ rel ~ ".sentence_text, " ~ rel ~ ".run_end_offset + 1, 30))",
                sql_regex("^\\s+in\\s+" ~ ratio_count_re() ~ "\\s+(seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?)\\b")
            ) }}
        ),
        false
    )
{%- endmacro %}

{#- A part of a whole counted elsewhere, by what stands around the figure: one place's part of a
    breakdown, the rest or the exceptions of a group, a term of a ratio, or a count said to be part
    of another (`the loss of 610 jobs, part of 940 job cuts`). -#}
{% macro states_a_part(rel) -%}
    (
        {{ is_place_breakdown_part(rel) }} or {{ is_ratio_term(rel) }}
        or coalesce({{ regex_contains(
            "lower(right(left(" ~ rel ~ ".sentence_text, " ~ rel ~ ".run_start_offset), 30))",
            sql_regex(rest_of_group_end_re())
        ) }}, false)
        or coalesce({{ regex_contains(
            "lower(substr(" ~ rel ~ ".sentence_text, " ~ rel ~ ".run_end_offset + 1, 40))",
            "'^(\\s+[\\pL''’-]+){0,3}(\\s*,\\s+|\\s+as\\s+)part\\s+of\\b'"
        ) }}, false)
    )
{%- endmacro %}
