{#- The shared text layer's named regular-expression fragments and keys. Every tokeniser of the
    project is this one: the tokens of int_tokens and the match keys of the lexicon staging
    models come from the same pattern, so a lexicon term and the words it names always split
    alike. Fragments are returned without SQL quotes; `sql_regex` quotes one for a model. -#}

{#- White space, including the no-break, thin and ideographic spaces that news sites paste. -#}
{% macro ws_chars() -%}\s\x{00a0}\x{2000}-\x{200b}\x{202f}\x{3000}{%- endmacro %}

{#- Letters, combining marks and digits: what a word is made of. -#}
{% macro word_chars() -%}\p{L}\p{M}\p{N}{%- endmacro %}

{#- One token, in order of preference:
    - an initialism with periods (`U.S.`, `U.N`), one token so that lexicons can name it;
    - a number with its group and decimal separators and a glued suffix (`1,200`, `3.5`, `2bn`,
      `10km`, `3rd`);
    - a word, with inner apostrophes (`O'Brien`, `don't`) but not a final `'s`;
    - the clitic `'s` (possessive or `it's`), its own token as in the Penn Treebank, so that
      `Peru's` is the name `Peru` and a clitic;
    - any other single character but white space (punctuation, a symbol, a hyphen). -#}
{% macro token_regex() -%}
    {%- set wc = word_chars() -%}
    {{- (
        "\\p{Lu}(?:\\.\\p{Lu})+\\.?"
        ~ "|[0-9]+(?:[.,][0-9]+)*[\\p{L}\\p{M}0-9]*"
        ~ "|\\p{L}[" ~ wc ~ "]*(?:['’](?:[^\\P{L}sS]|[sS][" ~ wc ~ "])[" ~ wc ~ "]*)*"
        ~ "|['’][sS]\\b"
        ~ "|[^" ~ ws_chars() ~ "]"
    ) -}}
{%- endmacro %}

{#- A token and the white space after it: matched one after another these cover every character of
    a trimmed sentence, so a token's offset is the sum of the lengths before it. -#}
{% macro token_with_space_regex() %}{{ "(?:" ~ token_regex() ~ ")[" ~ ws_chars() ~ "]*" }}{% endmacro %}

{#- A text of more than n words (runs of non-space): one search, where counting every word would
    build a list of them. -#}
{% macro more_words_than_regex(n) %}{{ "(\\S+\\s+){" ~ n ~ "}\\S" }}{% endmacro %}

{#- A regex fragment as a SQL string literal. -#}
{% macro sql_regex(fragment) %}'{{ fragment | replace("'", "''") }}'{% endmacro %}

{#- Typographic apostrophes and non-breaking or en dashes made plain, letter case kept. -#}
{% macro plain_marks(expr) %}translate({{ expr }}, '’‘‑–', '''''--'){% endmacro %}

{#- The comparison form of a token: lower case, marks made plain, so `Côte d’Ivoire` and
    `côte d'ivoire` compare equal. -#}
{% macro token_key(expr) %}lower({{ plain_marks(expr) }}){% endmacro %}

{#- The match key of a lexicon term: its tokens (the same tokeniser as the text), keyed as above and
    joined by one space. A text n-gram is keyed the same way in int_lexicon_matches. -#}
{% macro term_key(expr) -%}
    {{ token_key(list_join(regex_matches(expr, sql_regex(token_regex())), "' '")) }}
{%- endmacro %}

{#- The same, keeping letter case: for lexicons matched case-sensitively (names). -#}
{% macro term_case_key(expr) -%}
    {{ plain_marks(list_join(regex_matches(expr, sql_regex(token_regex())), "' '")) }}
{%- endmacro %}

{#- Number of tokens of a lexicon term. -#}
{% macro term_token_count(expr) -%}
    {{ list_size(regex_matches(expr, sql_regex(token_regex()))) }}
{%- endmacro %}

{#- Lexicons whose terms can run over several tokens (`more than`, `Red Cross`): their
    occurrences are found by the n-gram matcher, int_lexicon_matches. Every other lexicon is a word
    class (months, cue verbs, function words): rules join int_tokens.token_key to its match_key,
    the same match at a fraction of the matcher's cost, and its staging model tests that every term
    is one token, so a phrase added to one fails the build instead of never matching. -#}
{% macro phrase_lexicons() -%}
    {{- return(['counted_classes', 'entity_aliases', 'figure_actions', 'name_titles',
                'org_country_bodies', 'quantity_modifiers', 'speaker_nouns']) -}}
{%- endmacro %}

{#- The article's body (headline and furniture left out) from an article row: raw_text between
    body_start and body_end, which are 0-based character offsets as every char_start is. -#}
{% macro article_body(raw_text='raw_text', body_start='body_start', body_end='body_end') -%}
    substr({{ raw_text }}, {{ body_start }} + 1, {{ body_end }} - {{ body_start }})
{%- endmacro %}

{#- The lower-case text of a sentence (a relation with sentence_text and sentence_start) before
    the article offset `at`, or from `at` on (`length` characters, else to the sentence's end):
    what a rule reads around a span. -#}
{% macro sentence_text_before(at, sentences='sentences') -%}
    lower(substr({{ sentences }}.sentence_text, 1, {{ at }} - {{ sentences }}.sentence_start))
{%- endmacro %}

{% macro sentence_text_from(at, length=none, sentences='sentences') -%}
    lower(substr({{ sentences }}.sentence_text, {{ at }} - {{ sentences }}.sentence_start + 1
        {%- if length is not none %}, {{ length }}{% endif %}))
{%- endmacro %}

{#- Where the title stands in the text before the body (0-based), NULL where it does not; the
    headline ends `length(title)` after it. -#}
{% macro headline_start(raw_text='raw_text', body_start='body_start', title='title') -%}
    nullif(instr(substr({{ raw_text }}, 1, {{ body_start }}), {{ title }}), 0) - 1
{%- endmacro %}
