{#- Cues of the name runs (int_name_run_spans, int_name_runs) to places and bodies abroad, kept apart from name_shapes.sql. -#}

{#- A place noun next to the run names the kind of place it is: after it (`Sigi district`, `in
    Kano state`), after a comma and an article (`Donggala, a town`), or before `of` (`the town of
    Kępno`). A cue to the kind of thing named, which outvotes a guess of the story
    (macros/mentions.sql cued_name_rules, as `run_place_noun`): no gazetteer lists the districts of
    most countries, and the classifier takes a foreign town's name for a person's. Reads the
    columns of int_name_run_spans. -#}
{% macro is_place_noun_neighbour() -%}
    (
        (next_role = 'place_noun' and next_gap = ' ')
        or (next_gap = ', ' and next_lower in ('a', 'an', 'the') and next2_role = 'place_noun')
        or (prev_lower = 'of' and prev2_role = 'place_noun')
    )
{%- endmacro %}

{#- The words that open a part of a place in a name (`Central Sulawesi`, `North Sumatra`, `Western
    Cape`): with a place of the gazetteer after them, the run is a place. A closed class. -#}
{% macro place_part_openers() -%}
    (
        'central', 'north', 'south', 'east', 'west', 'northern', 'southern', 'eastern', 'western',
        'upper', 'lower'
    )
{%- endmacro %}

{#- The first of two names that `and` joins before a plural place noun names a place too (`Sigi
    and Donggala regencies`, `the Kulawi and Lindu districts`): over the window `window` of a
    sentence's runs ordered by char_start, in int_name_runs' coordinated rows. -#}
{% macro joins_places(window) -%}
    coalesce(
        next_lower = 'and' and lead(char_start) over {{ window }} = char_end + 5
        and lead(next_role) over {{ window }} = 'place_noun' and lead(next_gap) over {{ window }} = ' '
        and lead(next_lower) over {{ window }} like '%s',
        false
    )
{%- endmacro %}

{#- A plural's possessive inside a body's name: an organisation's head word right after the
    possessive of a plural, regular (`Kurdistan Workers' Party`, `the Farmers' Union`) or one of
    English's irregular plurals of people (`the Republican People's Party`, `Women's Hospital`),
    names the body's members; a singular's possessive names an owner (`Furtado's Party of Labour`,
    `China's Ministry of Commerce`), except a saint's before any head word: the saint names the
    body or the building (`St Brigid's Hospital`, `St. Mary's Church`, `St. Brigid's Medical
    Center`), and an office-holder's
    before one: the title names the office (`Harris County Sheriff's Office`). Reads the columns of
    int_name_run_words over the window `window` of a sentence's words. -#}
{% macro is_possessive_in_a_body_name(window) -%}
    coalesce(
        head_type = 'organization' and (
            (gap in ('''s ', '’s ') and lag(word_lower) over {{ window }} in ('people', 'women', 'children', 'men'))
            or (gap in (''' ', '’ ') and lag(word_lower) over {{ window }} like '%s')
        )
        or (
            gap in ('''s ', '’s ')
            and lag(word_lower, 2) over {{ window }} in ('st', 'saint', 'ste', 'sts')
            and (
                head_type is not null
                -- or one word before it (`St. Brigid's Medical Center`)
                or (
                    lead(word_no) over {{ window }} = word_no + 1 and lead(gap) over {{ window }} = ' '
                    and lead(head_type) over {{ window }} is not null
                )
            )
        )
        or (head_type = 'organization' and gap in ('''s ', '’s ') and prev_in_title),
        false
    )
{%- endmacro %}

{#- A name in brackets before the dash that opens a wire story's body is the agency's credit
    (`PALU, Indonesia, March 15 (Meridian Wire) - A quake ...`): an organisation, whatever its
    words look like. Reads the columns of int_name_run_spans. -#}
{% macro is_wire_credit() -%}
    coalesce(right(first_gap, 1) = '(' and {{ regex_contains('next_gap', "'^\\)\\s*[-–—]'") }}, false)
{%- endmacro %}

{#- After a place preposition, also behind a part of the place (`in central Rangoon`), a name of
    up to three words is a place; not before a possessive (`in Warhol's legacy`, `in Bruce Wayne's
    manor`). So is a hometown after a person's age (`Harold Finch, 58, of Elyria, who`): the
    relative clause after it describes the person, not the town. -#}
{% macro is_after_place_preposition() -%}
    (
        prev_role = 'place_preposition' or (prev_role = 'place_part' and prev2_role = 'place_preposition')
        or coalesce(follows_age_of, false)
    )
    and n_words <= 3 and left(coalesce(next_gap, ''), 1) not in ('’', '''')
{%- endmacro %}
