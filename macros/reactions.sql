{#- Helpers of the reactions models (models/intermediate/reactions/). -#}

{#- The lower-case particles inside a name (`Lula da Silva`, `Charles de Gaulle`, `Rio Grande do
    Sul`), as a regex alternation. -#}
{% macro name_particle_alternation() -%}
    (?:da|das|de|del|der|den|do|dos|du|van|von|bin|ibn|al|el)
{%- endmacro %}

{#- A run of capitalised words (`United States`, `Police Chief Maria Lopez`), with the particles
    between them (`Luiz Inácio Lula da Silva`), as a SQL string literal: the name candidates of
    principals, surnames and pronoun antecedents. -#}
{% macro capital_run_regex() -%}
    '\p{Lu}[\pL\pN]*(?:[.\-][\pL\pN]+)*(?: (?:{{ name_particle_alternation() }} )*\p{Lu}[\pL\pN]*(?:[.\-][\pL\pN]+)*)*'
{%- endmacro %}

{#- The full name that ends a capital run: its last two capitalised words and the particles
    between them (`Lula da Silva` of `Luiz Inácio Lula da Silva`); group 1. -#}
{% macro run_full_name_regex() -%}
    '(\S+ (?:{{ name_particle_alternation() }} )*\S+)$'
{%- endmacro %}

{#- The word before the surname of run_full_name_regex, particles left out; group 1. -#}
{% macro run_given_name_regex() -%}
    '(\S+) (?:{{ name_particle_alternation() }} )*\S+$'
{%- endmacro %}

{#- One token of an attribution window: a party and state tag after a politician's name
    (`(D-N.Y.)`, `, R-Texas,`: party_tag_regex) or a body's acronym in brackets after its name
    (`the Republican People's Party (CHP)`), a word or a run of punctuation with the spaces
    before it, or trailing spaces. Its lengths add up to the window, so a token's offset is the
    sum of those before it; the masked quotes (`§`) of int_quotes_found stay punctuation runs. A
    number with thousands commas (`6,000`) is one word: its comma is no clause break, and the
    word after it (`6,000 developers`) no phrase of its own. -#}
{% macro window_token_regex() -%}
    '\s*(?:\([DRI]-[\pL.]+(?: [\pL.]+)?\)|\(\p{Lu}[\p{Lu}\pN&]+\)|,\s*[DRI]-\p{Lu}[\pL.]*(?: \p{Lu}[\pL.]*)?,|\pN{1,3}(?:,\pN{3})+(?:\.\pN+)?|[\pL\pN]+(?:[’''.\-&][\pL\pN]+)*|[^\pL\pN\s]+)|\s+'
{%- endmacro %}

{#- A token of window_token_regex that is a party and state tag (`(D-N.Y.)`, `, R-Texas,`) or a
    bracketed acronym (`(BNPB)`): it neither divides the name it follows from its verb nor belongs
    to the name (`X, a spokesman for the agency (BNPB), told`). -#}
{% macro party_tag_regex() -%}
    '^\s*(?:(?:\(|,\s*)[DRI]-|\(\p{Lu}[\p{Lu}\pN&]+\)$)'
{%- endmacro %}

{#- One to four capitalised words opening a phrase (group 1) and the word after them (group 2): the
    name that opens a clause a coordinated cue shares (int_quote_coordinated_subjects_found). -#}
{% macro opening_name_regex() -%}
    '^(\p{Lu}[\pL\pN’''.&-]*(?: \p{Lu}[\pL\pN’''.&-]*){0,3})(?: (\S+)|$)'
{%- endmacro %}

{#- A name after its title at the opening of a phrase, and the word after it (its verb): group 1
    the whole (`White House spokeswoman Dana Reese`, `Press secretary Tim Lord`), group 2 the
    lower-case word right before the name (the title noun), group 3 the word after the name. -#}
{% macro opening_titled_name_regex() -%}
    '^((?:\p{Lu}[\pL\pN’''.&-]* )*(?:\p{Ll}[\pL-]* ){0,2}?(\p{Ll}[\pL-]*) \p{Lu}[\pL\pN’''.-]*(?: \p{Lu}[\pL\pN’''.-]*){0,3})(?: (\S+)|$)'
{%- endmacro %}

{#- A word of a speaker phrase, with its inner apostrophes, periods, hyphens and ampersands. -#}
{% macro speaker_word_regex() -%}
    '[\pL\pN]+(?:[’''.\-&][\pL\pN]+)*'
{%- endmacro %}

{#- A speaker phrase that is a person's own staff or body after a possessive pronoun (`Her office`,
    `his lawyer`, `her campaign`): it speaks for the person the pronoun stands for, whom the
    pronoun rules resolve; group 1 is the pronoun. `their` is left out: a plural antecedent is
    rarely named. -#}
{% macro own_staff_speaker_regex() -%}
    '^(?i)(her|his) (?:office|campaign|spokes(?:man|woman|person)|aides?|lawyers?|attorneys?|representatives?|press secretary|staff)$'
{%- endmacro %}

{#- The indefinite articles, as a SQL list: a speaker phrase opening with one (`a trade
    newsletter`) describes whoever it follows rather than naming a speaker. -#}
{% macro indefinite_articles() -%}
    ('a', 'an')
{%- endmacro %}

{#- How a speaker phrase's words meet an alias: lower case, without periods (`U.S.` is `us`). -#}
{% macro alias_key(expr) -%}
    lower(replace({{ expr }}, '.', ''))
{%- endmacro %}

{#- The alias keys of stg_lexicons__entity_aliases, one entity per key: a country wins over an
    organisation, which wins over a place. A SELECT of alias_key, entity_name, entity_type. -#}
{% macro reaction_aliases() -%}
    select
        alias_key,
        entity_name,
        entity_type
    from (
        select
            entity_name,
            entity_type,
            {{ alias_key('term') }} as alias_key,
            row_number() over (
                partition by {{ alias_key('term') }}
                order by
                    case entity_type when 'country' then 1 when 'organization' then 2 else 3 end,
                    entity_name
            ) as preference
        from {{ ref('stg_lexicons__entity_aliases') }}
    ) as ranked
    where preference = 1
{%- endmacro %}

{#- A phrase that ends in an abbreviation's full stop: an initial (`J.`, `U.S.`) or a short
    title or company form (`Jr.`, `Inc.`); any other final full stop ends the sentence. -#}
{% macro abbreviation_end_regex() -%}
    '(?:^|[\s.])(?:\p{Lu}|Jr|Sr|Inc|Co|Corp|Ltd|Bros|St|Dr|Mr|Mrs|Ms|Prof|Gen|Gov|Sen|Rep)\.$'
{%- endmacro %}

{#- A phrase that is a number alone: an age or a year set off by commas (`Whitfield, 57, was
    pressed`, `who has sat on the court since 2017, told`), never the one who speaks. -#}
{% macro bare_number_regex() -%}
    '^\d[\d,.]*$'
{%- endmacro %}

{#- Text that opens with a lower-case word: after a quote's closing mark, the quote's sentence goes
    on (`"..." such as word-processing, said X`) rather than opening with its attribution. -#}
{% macro continuing_text_regex() -%}
    '^\s*\p{Ll}'
{%- endmacro %}

{#- Text that ends in a comma: before a sentence-final attribution clause (`..., said X`,
    `..., Castro told`, `..., he added`). -#}
{% macro clause_comma_end_regex() -%}
    ',\s*$'
{%- endmacro %}

{#- The pieces a body paragraph is cut into (int_quotes_found), as a SQL string literal. They cover
    the paragraph exactly, so cumulative piece lengths give offsets without a second search:
      - `“…”` or `"…"`: a double-quoted passage; with no closing mark it runs to the end of the
        paragraph (the opening paragraph of a quote that continues in the next one);
      - ``` ``…'' ```: a passage in the typewriter convention of wire services and of text
        converted from LaTeX (two backquotes, two apostrophes), left open like `“…` where it
        does not close;
      - `‘…’` or `'…'`: a single-quoted passage, only when it closes before a non-letter, so the
        apostrophes of `Turkiye’s` or `countries’` never open or close a quote;
      - any other run of text, in which a letter followed by `'`, `‘` or `’` is an apostrophe and
        a letter or punctuation followed by `"` is a stray closing mark, not an opening one;
      - any single character left over (an opening mark that never closes). -#}
{% macro quote_piece_regex() -%}
    '“[^”]*”?|"[^"]*"?|``(?:[^'']|''[^''])*(?:'''')?|‘(?:[^’]|’\pL)*’(?:[^\pL]|$)|''(?:[^'']|''\pL)*''(?:[^\pL]|$)|(?:[\pL\pN][‘'']|[\pL\pN.,!?;:…)]"|[^“"‘''`])+|.'
{%- endmacro %}

{#- A quote of two or more capitalised words and short lower-case particles, the whole of it: a
    title or a name in quotes (`"This Week With David Brinkley"`, `"Desert Shield"`), not speech. -#}
{% macro quoted_title_regex() -%}
    '^\p{Lu}[\pL\pN’''.&-]*(?:\s+(?:\p{Lu}[\pL\pN’''.&-]*|\p{Ll}{1,3}))*\s+\p{Lu}[\pL\pN’''.&-]*[.,]?$'
{%- endmacro %}

{#- A quote of one or more capitalised words and short lower-case particles, the whole of it
    (`"Northbound,"`, `"Salt Line"`): a title when the text before it reads as one
    (title_lead_regex), not on its own: `told reporters "Enough."` is speech. -#}
{% macro capitalised_quote_regex() -%}
    '^\p{Lu}[\pL\pN’''.&-]*(?:\s+(?:\p{Lu}[\pL\pN’''.&-]*|\p{Ll}{1,3}))*[.,]?$'
{%- endmacro %}

{#- Text before a quote that ends in a lower-case word (`the streaming drama `, `who created `, `a
    nomination for `) or in a determiner that opens the sentence (`The `, `His `), not in a comma,
    a colon or a dash: the quote that follows is a noun phrase's head or object, a work's title
    when all its words are capitalised (capitalised_quote_regex). A cue verb before it in the same
    clause still makes it speech (int_quote_speakers_chosen). -#}
{% macro title_lead_regex() -%}
    '(?:^|[^\pL’''.-])(?:\p{Ll}[\pL’''-]*|The|A|An|His|Her|Its|Their|Our|My)\s+$'
{%- endmacro %}

{#- A clause break (`,`, `;`, `:`, a bracket or a dash) in the text between a cue verb and a quote:
    the quote is no longer that cue's object (`said the show, "Northbound," would`). -#}
{% macro clause_break_regex() -%}
    '[,;:()—–]'
{%- endmacro %}

{#- The last word of a name (group 1): the surname a bare surname speaker is matched on. -#}
{% macro last_word_regex() -%}
    '(\S+)$'
{%- endmacro %}

{#- The n-th word of a phrase (group 1; words split at single spaces). -#}
{% macro nth_word_regex(n) -%}
    '^(?:\S+ ){{ '{' ~ (n - 1) ~ '}' }}(\S+)'
{%- endmacro %}

{#- The first n words of a phrase (group 1). -#}
{% macro first_words_regex(n) -%}
    '^((?:\S+ ){{ '{' ~ (n - 1) ~ '}' }}\S+)'
{%- endmacro %}

{#- A word that opens with a lower-case letter: the verb after a subject noun phrase. -#}
{% macro lower_case_word_regex() -%}
    '^\p{Ll}'
{%- endmacro %}

{#- The first word of a phrase when a lower-case word follows it (group 1): a pronoun that opens a
    subject phrase running on into its verb (`She went` of `She went on to add that`). -#}
{% macro leading_word_regex() -%}
    '^(\S+) \p{Ll}'
{%- endmacro %}

{#- Capitalised words right before a person's name, to the end of the text (group 1), the last
    one perhaps in lower case: the title that opens the name (`Police Chief` of `Police Chief Anna
    Nowak`, `Mayor`, `WHO spokesman`; `spokesman` of `fire service spokesman Yiannis Artopios`). -#}
{% macro title_before_name_regex() -%}
    '(?:^|[^\pL’''.-])((?:\p{Lu}[\pL-]*\.?\s+)*(?:\p{Lu}[\pL-]*\.?|\p{Ll}[\pL-]*))\s+$'
{%- endmacro %}

{#- The same with `of`/`for` between the capitalised words (`U.S. Secretary of State`,
    `Chancellor of the Exchequer`), a title only where the word before `of` is one
    (title_head_before_of_regex: not `One of President`, `Polaroids of actor`). -#}
{% macro of_title_before_name_regex() -%}
    '(?:^|[^\pL’''.-])((?:\p{Lu}[\pL-]*\.?\s+(?:(?:of|for)\s+(?:the\s+)?)?)*(?:\p{Lu}[\pL-]*\.?|\p{Ll}[\pL-]*))\s+$'
{%- endmacro %}

{#- The word before the first `of`/`for` of a title (group 1): its head, `Secretary` of `U.S.
    Secretary of State`. -#}
{% macro title_head_before_of_regex() -%}
    '(\S+)\s+(?:of|for)\s'
{%- endmacro %}

{#- A role in apposition right before a person's name, to the end of the text: `The prime minister,
    ` of `The prime minister, Marijke Jansen, said`, `France's president, `, `A White House
    spokeswoman, `, `Her agent, `. Group 1 is the possessor (`France`, `The Netherlands` of `The
    Netherlands' finance minister`; not a pronoun), group 2 the capitalised words between the
    article and the role (`White House `), group 3 the lower-case role words, up to four, a
    possessive among them as written (`founder's lawyer` of `The founder's lawyer, Ruth Ambler,`). -#}
{% macro role_before_name_regex() -%}
    '(?:^|[^\pL’''.-])(?:(?:[Tt]he|[Aa]n?|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts)\s+|(\p{Lu}[\pL.-]*(?:\s+\p{Lu}[\pL.-]*)*)(?:[’'']s|[’''])\s+)((?:\p{Lu}[\pL.-]*\s+)*)((?:\p{Ll}[\p{Ll}’''-]*\s+){0,3}\p{Ll}[\p{Ll}-]*),\s+$'
{%- endmacro %}

{#- Role words that hold a determiner or a possessive pronoun, or open with a conjunction, are no
    role but a second noun phrase (`the Fed and its chairman, Alan Greenspan,`). -#}
{% macro role_function_words_regex() -%}
    '(^|\s)(its|his|her|their|our|the|a|an|this|that|these|those)(\s|$)|^(and|or|but)\s'
{%- endmacro %}

{#- An apposition (article left out) whose role words follow a body's capitalised name, perhaps a
    possessive (group 1: `Polish` of `the Polish prime minister`, `Hungary` of `Hungary's minister
    for European affairs`), the role words in group 2, up to a preposition or the end. -#}
{% macro apposition_modified_role_regex() -%}
    '^(\p{Lu}[\pL.-]*(?:\s+\p{Lu}[\pL.-]*)*?)(?:[’'']s|[’''])?\s+((?:\p{Ll}[\p{Ll}-]*\s+)*?\p{Ll}[\p{Ll}-]*)(?:\s+(?:of|for|at|with|in|to)\s+.*)?$'
{%- endmacro %}

{#- An apposition right after a person's name, up to the comma, colon or full stop that closes it
    (group 1, its article left out): `, executive director of the Riverside Trust,`, `, the
    union's president,`, `, a professor of hydrology at the State University.`; a body's acronym in
    brackets before that mark left out (`, a spokeswoman for the Rescue Office (KPBD),`). -#}
{% macro apposition_after_name_regex() -%}
    '^,\s+(?:(?:the|a|an)\s+)?([^,;:.!?"“”()]{2,90}?)\s*(?:\(\p{Lu}[\p{Lu}\pN&]+\)\s*)?(?:[,;:.!?]|$)'
{%- endmacro %}

{#- The lower-case role words that open an apposition (group 1), a possessive allowed (`executive
    director`, `union's president`), up to a preposition or the end. -#}
{% macro apposition_role_regex() -%}
    '^((?:\p{Ll}[\p{Ll}’''-]*\s+)*?\p{Ll}[\p{Ll}’''-]*)(?:\s+(?:of|for|at|with|in|to)\s+.*)?$'
{%- endmacro %}

{#- Role words (apposition_role_regex) that hold a finite verb or a clause's opening word are a
    clause about the person, not a role, whatever noun they end in (`Ruth Ambler, had argued that
    her client was a poor manager,`: no role `manager`); words after the role's preposition may
    (`the singer of Cuban descent who grew up here`: `singer`). -#}
{% macro apposition_clause_regex() -%}
    '(^|\s)(that|who|whom|which|had|has|have|was|were|is|are|will|would|could|should|did|does|said|says)(\s|$)'
{%- endmacro %}

{#- The body a role is held in (group 1): the capitalised name after `of`/`for`/`at`/`with` that
    ends the apposition (`Riverside Trust` of `director of the Riverside Trust`, `State
    University` of `professor of hydrology at the State University`, `Tessellate Labs` of
    `researcher at the cybersecurity firm Tessellate Labs`, up to three lower-case words before
    the name; none in `singer of Cuban descent`); a place after `in` may close it (`Brenmoor
    Capital` of `a metals analyst at Brenmoor Capital in London`). -#}
{% macro apposition_body_regex() -%}
    '\s(?:of|for|at|with)\s+(?:the\s+)?(?:\p{Ll}[\p{Ll}-]*\s+){0,3}(\p{Lu}[\pL\pN’''.&-]*(?:\s+(?:(?:of|and|for|the|&)\s+)*\p{Lu}[\pL\pN’''.&-]*)*)(?:\s+in\s+\p{Lu}[\pL.-]*(?:\s+\p{Lu}[\pL.-]*)*)?\s*$'
{%- endmacro %}

{#- An unnamed body after `of`/`for` in lower case, to the end (group 1): `county sheriff's office`
    of `spokeswoman for the county sheriff's office`. -#}
{% macro apposition_common_body_regex() -%}
    '\s(?:of|for)\s+(?:the\s+)?(\p{Ll}[\p{Ll}’''\s-]*)$'
{%- endmacro %}

{#- A phrase without its first word (group 1). -#}
{% macro after_first_word_regex() -%}
    '^\S+\s+(.+)$'
{%- endmacro %}

{#- Honorifics, lower case without the period: a courtesy before a name, no role (`Mr. Nadeau`,
    `Dr. Okafor`: a doctor's degree says nothing of what she speaks as). -#}
{% macro honorific_words() -%}
    {{ return(['mr', 'mrs', 'ms', 'miss', 'sir', 'dame', 'dr']) }}
{%- endmacro %}

{% macro honorifics() -%}
    ('{{ honorific_words() | join("', '") }}')
{%- endmacro %}

{#- What a role read before a name may carry that is no part of the role, in any case: an
    honorific at its end (`chief executive Dr` of `chief executive Dr Alan Pryce`) and an age at its
    start (`38-year-old nurse`). -#}
{% macro role_extras_regex() -%}
    '\s+(?i:{{ honorific_words() | join('|') }})\.?$|^[0-9]+-year-old\s+'
{%- endmacro %}

{#- The most words a cue's object may have and still be read as its speaker (`said Pavel Rusk of
    the Velmar-based Orvane Capital Partners fund`: 9); a longer object is a clause, not a name. -#}
{% macro max_object_words() -%}
    12
{%- endmacro %}

{#- A word with a possessive glued to it (`Bank's`, `Bank’s`): the speaker words keep the clitic
    on its word. -#}
{% macro possessive_word_regex() -%}
    \p{L}['’]s$
{%- endmacro %}

{#- The word that ends a text before the spaces at its end (group 1): the word before a name
    (`of` of `the acquisition of `). -#}
{% macro trailing_word_regex() -%}
    '(\pL+)\s+$'
{%- endmacro %}

{#- A segment before a cue that opens with a word (group 1) and ends in a person's pronoun (group
    2) and at most one lower-case word (group 3, with the spaces): `At the trial he had `. -#}
{% macro opener_pronoun_regex() -%}
    '^(\pL+)\s.*?\b(he|she|they|we)(\s+(?:\p{Ll}+\s+)?)$'
{%- endmacro %}

{#- The name after `quoted` (group 1) in `the newspaper quoted X as saying`, past the lower-case
    words of a role before it (`quoted tenant representative Sam Oduya`). -#}
{% macro quoted_object_regex() -%}
    '(?:^|\s)quoted\s+(?:\p{Ll}\S*\s+)*(\p{Lu}.*)$'
{%- endmacro %}

{#- An indefinite article that opens a phrase, with the space after it: `A spokesman for the
    utility`. -#}
{% macro indefinite_article_regex() -%}
    '^(?i:an?)\s+'
{%- endmacro %}

{#- The nouns by which an article refers back to a business it has named (`"...," the company
    said`): a closed class, read by int_noun_speakers_found. Not `group` or `authority`, which
    as often stand for a body that is no company. -#}
{% macro company_nouns() -%}
    ('company', 'firm', 'corporation', 'carmaker', 'automaker', 'chipmaker', 'airline', 'bank', 'insurer',
    'lender', 'retailer', 'manufacturer', 'supplier', 'utility', 'operator', 'conglomerate')
{%- endmacro %}

{#- Text that ends in the infinitive marker `to` before a cue verb (`decision to` of `the
    agency's decision to deny`): the cue is in an infinitive, which reports no speech. -#}
{% macro infinitive_end_regex() -%}
    '(^|[^\pL])to\s+$'
{%- endmacro %}

{#- The noun phrase after `quoted` to the end of the phrase (`an Iraqi Foreign Ministry official`
    of `ABC quoted an Iraqi Foreign Ministry official`), group 1: who `quoted X as saying` before
    a quote gives the words of. -#}
{% macro quoted_phrase_regex() -%}
    '(?:^|\s)quoted\s+(\S.*)$'
{%- endmacro %}

{#- Two CTEs, quoted_as_words and quoted_as: the `as` of `quoted X as` and `X was quoted as` among
    the attribution window tokens of one side of each quote (int_quote_window_tokens), one row per
    `as`; is_passive when `quoted` stands right before it, has_object when a `quoted` stands a
    word or more before it. -#}
{% macro quoted_as_ctes(side) -%}
quoted_as_words as (

    select
        quote_key,
        tok_no,
        lower(trim(tok)) as word
    from {{ ref('int_quote_window_tokens') }}
    where {{ in_changed_stories() }} and side = '{{ side }}' and lower(trim(tok)) in ('quoted', 'as')

),

quoted_as as (

    select
        as_words.quote_key,
        as_words.tok_no,
        bool_or(quoted_words.tok_no = as_words.tok_no - 1) as is_passive,
        bool_or(quoted_words.tok_no < as_words.tok_no - 1) as has_object
    from quoted_as_words as as_words
    inner join quoted_as_words as quoted_words
        on as_words.quote_key = quoted_words.quote_key and as_words.tok_no > quoted_words.tok_no
    where as_words.word = 'as' and quoted_words.word = 'quoted'
    group by as_words.quote_key, as_words.tok_no

)
{%- endmacro %}

{#- The auxiliaries and modals, lower case: one after a subject noun phrase is its verb, and ends
    the phrase (`Prosecutors had asked`: Prosecutors). -#}
{% macro auxiliary_word_regex() -%}
    '^(?:am|is|are|was|were|be|been|being|has|have|had|do|does|did|can|could|may|might|must|shall|should|will|would)$'
{%- endmacro %}

{#- Whether a span (`rel`.<start>, `rel`.<end>) holds a person of the story known to be of the
    other gender than `pronoun` (`Lord Justice Simon Pryor ... said` for a `she`): no antecedent
    of it, however near. `mentions` is a relation of int_speaker_antecedents_found. -#}
{% macro names_the_other_gender(mentions, rel, start, end, pronoun) -%}
    exists (
        select 1
        from {{ mentions }} as gendered
        where
            gendered.article_id = {{ rel }}.article_id
            and gendered.char_start >= {{ rel }}.{{ start }}
            and gendered.char_end <= {{ rel }}.{{ end }}
            and gendered.gender = case {{ pronoun }} when 'he' then 'female' when 'she' then 'male' end
    )
{%- endmacro %}

{#- A speaker phrase's role words (int_speaker_phrases_classified): its words after any country or
    organisation alias and any possessive before the title, up to `last_word` (the title's, or the
    last common word's after it), without a leading determiner. -#}
{% macro role_words_through(last_word) -%}
    {{ string_agg_ordered('word', "' '", 'word_no') }} filter (
        where
        not is_leading_determiner
        and word_no > coalesce(last_alias_before_title, 0)
        and word_no > coalesce(last_possessive_before_title, 0)
        and word_no <= {{ last_word }}
    )
{%- endmacro %}

{#- Prepositions that may follow a subject noun phrase inside its own segment (`A senior official at
    the Treasury`, `the head of the delegation`): a phrase they cut short is still a noun phrase. -#}
{% macro subject_prepositions() -%}
    ('at', 'of', 'for', 'from', 'in', 'on', 'with')
{%- endmacro %}

{#- The words right before an opening mark that say the quoted words name something, not that
    someone says them (`the so-called “green levy”`, `a plan dubbed “Clean Skies”`, `known as
    “the Strip”`); `what he called “a disgrace”` is speech and stays. -#}
{% macro naming_before_quote_regex() -%}
    '(?i)(?:^|[^\pL])(?:so-called|so called|dubbed|nicknamed|known as|code-?named|titled|entitled)\s*$'
{%- endmacro %}

{#- A quote left open at its paragraph's end that the next paragraph's opening mark carries on:
    the convention for a quote of several paragraphs, attributed where it ends. `quote` names a
    relation with article_id, char_start, is_closed, starts_paragraph and paragraph_index. -#}
{% macro quote_runs_on(quote) -%}
    coalesce(
        not {{ quote }}.is_closed
        and lead({{ quote }}.starts_paragraph) over (partition by {{ quote }}.article_id order by {{ quote }}.char_start)
        and lead({{ quote }}.paragraph_index) over (
            partition by {{ quote }}.article_id order by {{ quote }}.char_start
        ) = {{ quote }}.paragraph_index + 1,
        false
    )
{%- endmacro %}
