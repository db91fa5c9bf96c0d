{#- Named fragments for the shape of a name, read by int_name_runs.
    Regexes are returned without SQL quotes; `sql_regex` quotes one for a model. -#}

{#- A romanised East Asian personal name: a short family name and a two-syllable given name
    joined by a hyphen, the second syllable in lower case (`Leung Kwok-hung`, `Wu Chi-wai`) or,
    as Korean names are often written, a capital and at most three more letters (`Kim Min-Jae`). -#}
{% macro romanised_name_re() -%}
    ^\p{Lu}\p{Ll}{1,5} \p{Lu}\p{Ll}{0,4}-(?:\p{Ll}{1,5}|\p{Lu}\p{Ll}{1,3})$
{%- endmacro %}

{#- The run `expr` has the shape of a romanised East Asian personal name. -#}
{% macro is_romanised_name(expr) -%}
    {{ regex_contains(expr, sql_regex(romanised_name_re())) }}
{%- endmacro %}

{#- A given name, then a surname that a particle opens (`Pieter van Dam`, `Jan de Bank`, `Anna
    van der Post`): a person, though the surname is a head word of places or bodies (`Dam`, `Bank`,
    `Post`). Reads the columns of int_name_runs. -#}
{% macro is_particle_surname() -%}
    (
        n_words >= 2 and first_is_given
        and {{ regex_contains('surface', sql_regex(particle_surname_re())) }}
    )
{%- endmacro %}

{#- The surname a particle opens at the end of a full name, group 1 (`van Houten` of `Maarten van
    Houten`, `da Silva` of `Lula da Silva`). -#}
{% macro particle_surname_tail_re() -%}
    \S ((?:{{ name_particle_alternation() }} )+\p{Lu}\S*)$
{%- endmacro %}

{% macro particle_surname_re() -%}
    ^\p{Lu}\S*(?: \p{Lu}\S*)* (?:{{ name_particle_alternation() }} )+\p{Lu}\p{Ll}+$
{%- endmacro %}

{#- One word with a capital inside it after three or more lower-case letters: how companies write
    a merged or coined name (`DaimlerChrysler`, `GlaxoSmithKline`, `BlackRock`, `JetBlue`), also as
    the last word of a name of up to three (`Spirit AeroSystems`: int_name_runs).
    Surnames with a capital inside start with a short particle instead (`McCain`, `MacArthur`,
    `DeSantis`, `LaGuardia`, `DiCaprio`, `VanDyke`), which the three letters and the `Mac` check
    leave out. A social-media handle is no such name (`@CharlesMichel` is a person's account):
    the rule reads the gap before the run (`first_gap` of int_name_runs). -#}
{% macro intercapped_re() -%}
    ^\p{Lu}\p{Ll}{2,}\p{Lu}\p{Ll}+$
{%- endmacro %}

{% macro is_intercapped(expr) -%}
    ({{ regex_contains(expr, sql_regex(intercapped_re())) }} and {{ expr }} not like 'Mac%' and first_gap not like '%@')
{%- endmacro %}

{#- Two name words right after a name's possessive (`Tarvo Party's Ilse Rand`, `Labour's Shadow
    Home`): the person the party, company or country has, not all capitals (`Acme's IT`) and no
    hyphen (`Acme's Anti-Fraud`). Reads the columns of int_name_runs. -#}
{% macro is_possessed_name() -%}
    (n_words = 2 and not is_upper and first_gap in ('''s ', '’s ') and surface not like '%-%')
{%- endmacro %}

{#- What follows the place of a wire's dateline up to the article's first word: a date, the
    wire's credit in brackets and a dash or a colon (`, Oct 13 (CP) - `, ` (Reuters) - `, `: `).
    Mirrors ingest's dateline reading (ingest/detect.py, _DATELINE_RE), which keeps the place. -#}
{% macro dateline_rest_re() -%}
    '^(,[ \t]*[A-Za-z]+\.?[ \t]+[0-9]{1,2})?([ \t]*\([^)\n]*\))?[ \t]*[:—–-][ \t]+'
{%- endmacro %}

{#- An all-capitals place opening a dateline: one word before a comma, a colon or a dash
    (`TALLAHASSEE, Fla. -`, `BRACKWELL:`, `OSLO -`), up to three before a comma (`TARPON SPRINGS,
    Florida`) or before the ISO date a wire service writes after it (`DES MOINES 1996-12-06`);
    not before a month, which follows a time zone too (`5 p.m. EST Nov. 9`), nor several words
    before a dash, the section of an all-capitals headline (`RUGBY UNION - ...`); and the run
    that opens the dateline ingest read at the body's start before a wire's credit (`GENEVA
    (Reuters) -`, `THE HAGUE (Reuters) -`, where `THE` is no name word; ingest's datelines take
    CoNLL's headline sections too, `NHL ICE HOCKEY -`).
    Reads the columns of int_name_runs. -#}
{% macro opens_dateline() -%}
    is_upper and (first_word_no = 1 or opens_article_dateline)
    and (
        (opens_article_dateline and next_gap = ' (')
        or (n_words = 1 and (next_gap like ':%' or trim(next_gap) in ('-', '—', '–')))
        or (n_words <= 3 and next_gap like ',%')
        or (
            n_words <= 3 and next_gap = ' '
            and {{ regex_contains("coalesce(next_lower, '')", "'^(19|20)[0-9]{2}$'") }}
        )
    )
{%- endmacro %}

{#- After a title (`President Rocha`, `Mr. Rocha`), but for an acronym (`the official TASR news
    agency`). Reads the columns of int_name_runs. -#}
{% macro is_titled() -%}
    (prev_is_title and first_gap in (' ', ' (', '. ') and not (is_upper and n_words = 1))
{%- endmacro %}

{#- A lone word of the gazetteer's places after a title: a person, since many surnames are also
    towns somewhere (`President Bush`, `Mr. Kennedy`). Reads the columns of int_name_runs. -#}
{% macro is_titled_place() -%}
    (n_words = 1 and gazetteer_type = 'place' and {{ is_titled() }})
{%- endmacro %}

{#- What `a spokesman for` or `members of` speak for, but not a person's kin (`a spokesman for
    Elian's relatives`). Reads the columns of int_name_runs. -#}
{% macro is_member_of() -%}
    (
        prev_lower in ('of', 'for') and prev2_role = 'org_member' and first_gap = ' '
        and coalesce(next_gap, '') not in ('''s ', '’s ')
    )
{%- endmacro %}

{#- `and` inside a body's name: the second word after it is a head word, and the word before it
    is neither a legal suffix, listed, nor a head word that closes a name (`Fire and Rescue
    Service`, `Securities and Exchange Commission`, `Department of Health and Human Services`; not
    `British Airways Plc and American Airlines`, `Justice Department and Homeland Security
    Department`, `Arad and Cabinet ministers`). Reads the columns of int_name_run_words. -#}
{% macro is_and_in_a_name() -%}
    (
        word = 'and' and gap = ' ' and next_gap = ' '
        and prev_is_name and not prev_is_listed
        and (prev_head_type is null or not coalesce(prev2_is_name, false))
        and next_is_name and next2_is_name and next2_gap = ' ' and next2_head_type is not null
    )
{%- endmacro %}

{#- A body's name that a head word opens before `of` or `for` goes on over `and`, over `of`
    after `for the`, and over `for a`, when a name word that no lexicon lists comes next:
    `Office of Management and Budget`, `Department of Health and Human Services`, `Committee
    for the Protection of Journalists`, `Committee for a Responsible Federal Budget`; not
    `University of Tarvo and Texas` (a word of the lexicon) nor `Office of Management and the
    Treasury`. A given name may come next (`Department of Housing and Urban Development`).
    Reads the columns of int_name_run_words. -#}
{% macro is_inner_word_of_a_body_name() -%}
    (
        word = word_lower and gap = ' ' and next_gap = ' '
        and (
            (
                word = 'and' and prev_is_name and not prev_is_listed
                and prev2_lower in ('of', 'for') and prev3_head_type = 'organization'
                and next_is_name and not next_is_listed
            )
            or (
                word = 'of' and prev_is_name and not prev_is_listed and prev_head_type is null
                and prev2_lower = 'the' and prev3_lower = 'for' and prev4_head_type = 'organization'
                and next_is_name and not next_is_listed
            )
            or (
                word = 'for' and prev_is_name and prev_head_type = 'organization'
                and next_lower in ('a', 'an') and next2_is_name
            )
            or (
                word in ('a', 'an') and prev_lower = 'for' and prev2_is_name and prev2_head_type = 'organization'
                and next_is_name and not next_is_listed
            )
        )
    )
{%- endmacro %}

{#- A given name's second syllable after a hyphen follows a family name (`Leung Kwok-hung`), so
    the word before the hyphen is not a run's first (`Arch-foes Tarvo`); `Tarvo-based` names
    Tarvo. Reads the columns of int_name_run_words. -#}
{% macro is_hyphenated_name_part() -%}
    (
        gap = '-' and word = word_lower and prev_is_name and prev2_is_name and prev_gap = ' '
        and not is_heading
        and coalesce(context_role, '') != 'compound_suffix'
    )
{%- endmacro %}

{#- A lower-case particle joins a name when it sits between name words (`Charles de Gaulle`);
    `of`, `the`, `for` only after a head word (`International Committee of the Red Cross`).
    Reads the columns of int_name_run_words. -#}
{% macro is_particle_in_a_name() -%}
    (
        context_role in ('connector', 'connector_after_head')
        and word = word_lower
        and gap = ' '
        and next_gap in (' ', '-')
        and (
            next_is_name
            or (next_role in ('connector', 'connector_after_head') and next2_is_name and next2_gap = ' ')
        )
        and (
            (
                context_role = 'connector'
                and (prev_is_name or (prev_role = 'connector' and prev2_is_name))
            )
            or (
                context_role = 'connector_after_head'
                and (
                    (prev_is_name and prev_head_type is not null)
                    or (prev_role = 'connector_after_head' and prev2_is_name and prev2_head_type is not null)
                )
            )
        )
    )
{%- endmacro %}

{#- A lone word after `the` that speaks is a body (`the Fed said`, `the Commission said`): a
    person's name takes no article, and a title before it is no name word. Reads the columns of
    int_name_runs. -#}
{% macro is_determined_speaker() -%}
    (n_words = 1 and prev_lower = 'the' and first_gap = ' ' and next_role = 'speech_verb' and next_gap = ' ')
{%- endmacro %}

{#- An acronym leads the run `expr`: its first word is two or more capitals with no periods (`TVC
    Global`, `TVC T-shirts`; not the initials of `K.C. Maurer`), and another word follows. -#}
{% macro acronym_led_re() -%}
    ^\p{Lu}{2,}[0-9]* \p{Lu}
{%- endmacro %}

{% macro is_acronym_led(expr) -%}
    {{ regex_contains(expr, sql_regex(acronym_led_re())) }}
{%- endmacro %}

{#- The abbreviations that open a name, not a title, with a full stop after them (`St. Louis`,
    `Mt. Everest`, `Ft. Worth`): the stop joins them to the capitalised word after them, as it
    joins an initial (`J. Smith`). Lower case, as seed sentence_abbreviations spells them (which
    keeps the stop from ending a sentence); its titles (`Dr.`, `Gov.`) are no name words. -#}
{% macro name_abbreviations() -%}
    ('st', 'mt', 'ft')
{%- endmacro %}

{#- A noun in lower case (or capitalised, opening a sentence), then `of`, `for` or `at` and maybe
    `the`, at the end of the text before a run (`chairman of the `, `spokesman for `, `Analysts
    at `): group 1 the noun, group 2 the preposition.
    int_name_run_spans looks the noun up among the role nouns. -#}
{% macro role_of_re() -%}
    (?:^|[^\p{L}])(\p{Lu}?\p{Ll}+) (of|for|at) (?:the )?$
{%- endmacro %}

{#- A word that can stand either side of a firm's ampersand (`Standard & Poor's`, `Marks &
    Spencer`): a capital and a small letter. Initials glued to it (`AT&T`) are another rule
    (is_glued_initials). -#}
{% macro ampersand_side_re() -%}
    ^\p{Lu}\p{Ll}
{%- endmacro %}

{% macro is_ampersand_side(expr) -%}
    coalesce({{ regex_contains(expr, sql_regex(ampersand_side_re())) }}, false)
{%- endmacro %}

{#- The word of `relation` (int_name_run_words' word_neighbours) stands either side of an
    ampersand whose other side is such a word too. -#}
{% macro beside_ampersand(relation) -%}
    (
        {{ is_ampersand_side(relation ~ '.word') }}
        and (
            ({{ relation }}.gap = ' & ' and {{ is_ampersand_side(relation ~ '.prev_word') }})
            or ({{ relation }}.next_gap = ' & ' and {{ is_ampersand_side(relation ~ '.next_word') }})
        )
    )
{%- endmacro %}

{#- An apposition after a name whose head noun closes it (`, the low-cost airline,`, `, a
    carmaker.`) or a relative clause follows (`, a company that sponsors`): group 1 is the head,
    which int_name_run_org_cues looks up among the organisation nouns. A possessive right after
    the article is the head's owner (`, the world's second-largest nickel producer,`); one further
    in stops it (`, the new group's chairman,` has no head). -#}
{% macro org_apposition_re() -%}
    ^, (?:a|an|the) (?:\p{Ll}+['’]s )?(?:[\p{Ll}\p{N}-]+ ){0,3}?(\p{Ll}+)(?:[,.;]| (?:that|which|whose) )
{%- endmacro %}

{#- An apposition after a longer name whose head noun closes it, its modifiers in any case (`,
    a London law firm,`, `, the Dutch bank.`): group 1 is the modifiers, group 2 the head, which
    int_name_apposed_bodies_found looks up among the organisation nouns; a function word among
    the modifiers (macro apposition_function_word_re) makes the head another noun's (`, a
    partner at the firm.`). -#}
{% macro name_apposition_re() -%}
    ^, (?:a|an|the) (?:\p{Ll}+['’]s )?((?:[\pL\p{N}&-]+ ){0,3}?)(\p{Ll}+)(?:[,.;]| (?:that|which|whose) )
{%- endmacro %}

{% macro apposition_function_word_re() -%}
    (^|\s)(a|an|the|of|at|for|in|on|with|from|to|by|and|or|as)\s
{%- endmacro %}

{#- Where a company is based, in lower case at the end of the text before a place's name (`based
    in`, `headquartered in`): int_name_run_place_cues. -#}
{% macro based_in_end_re() -%}
    \b(based|headquartered)\s+in\s+$
{%- endmacro %}

{#- A company's results after its name's possessive, behind a year or a period if any
    (`Zywiec's 1996 profit`, `Tolvane's net sales`, `Orvane's third-quarter earnings`), or what
    only a company has (`Varnell's parent Stellantis`, `Varnell's shareholders`, `Varnell's chief
    executive`; not `parents`): what int_name_run_org_cues takes for a company. -#}
{% macro company_results_re() -%}
    ^['’]s (?:(?:[0-9]{4}|net|pre-tax|annual|quarterly|half-year|full-year|nine-month|(?:first|second|third|fourth)-(?:quarter|half)|operating) )*(?:profit|profits|earnings|revenue|revenues|turnover|net income|sales|share price|parent|subsidiary|subsidiaries|shareholders|chief executive|board of directors|market share|market value|stock price)\b
{%- endmacro %}

{#- A verb after a name, behind auxiliaries and adverbs if any, then `it` or `its` as the verb's
    subject or its object's owner (`said it would`, `said on Tuesday that its sales`, `will almost
    double its flights`): group 1 the verb, 2 the pronoun, 3 and 4 the two words after it. -#}
{% macro speech_pronoun_re() -%}
    ^,? (?:(?:will|would|has|have|had|is|was|can|could|may|might|must|should|not|also|now|still|just|already|almost|again|\p{Ll}+ly) )*(\p{Ll}+)(?: on \p{Lu}\p{Ll}+| in a statement)?,?(?: that)? (its?)\b(?: (\p{Ll}+))?(?: (\p{Ll}+))?
{%- endmacro %}

{#- The words after `said it` that make `it` the speaker itself, a body announcing what it will
    do (`said it would cut`, `said it plans`), not the dummy `it` of `said it was hard`. -#}
{% macro org_intent_verbs() -%}
    ('would', 'will', 'plans', 'planned', 'expects', 'expected', 'intends', 'intended', 'aims')
{%- endmacro %}

{#- Initials glued by an ampersand are one name (`S&P`, `AT&T`, `P&G`), unless the pair is a
    common business abbreviation (`R&D`, `M&A`). -#}
{% macro glued_initials_re() -%}
    ^\p{Lu}{1,2}&\p{Lu}{1,2}$
{%- endmacro %}

{% macro common_glued_initials() -%}
    ('R&D', 'Q&A', 'M&A', 'P&L', 'B&B', 'F&B', 'C&F')
{%- endmacro %}

{% macro glued_initials_in_text_re() -%}
    (?:^|\s)\p{Lu}{1,2}&\p{Lu}{1,2}(?:\s|$)
{%- endmacro %}

{% macro has_glued_initials(expr) -%}
    coalesce({{ regex_contains(expr, sql_regex(glued_initials_in_text_re())) }}, false)
{%- endmacro %}

{#- `left` and `right`, two words with `gap` between them, are glued initials of a name. -#}
{% macro is_glued_initials(left, right, gap) -%}
    coalesce(
        {{ gap }} = '&'
        and {{ regex_contains(left ~ " || '&' || " ~ right, sql_regex(glued_initials_re())) }}
        and {{ left }} || '&' || {{ right }} not in {{ common_glued_initials() }},
        false
    )
{%- endmacro %}

{#- A title word of int_name_run_words (`word`: word_neighbours, its gap; `near`:
    rare_word_neighbours, its neighbours) right after a given name that opens a name (after no
    other capitalised word than a title or a party's member) and before no capitalised word is the
    bearer's surname (`Angus King`, `Prime Minister John Major`; not `Los Angeles Sheriff's
    office`), and so is the word alone elsewhere in that story (`Major said`). -#}
{% macro title_as_surname(word='word_neighbours', near='rare_word_neighbours') -%}
    (coalesce(
        {{ near }}.prev_is_given
        and {{ word }}.gap = ' '
        and not {{ near }}.next_is_cap
        and (not {{ near }}.prev2_is_cap or {{ near }}.prev2_in_title or {{ near }}.prev2_is_party_member),
        false
    )
    -- and wherever else the story writes it before no capitalised word (`Major's office`)
    or coalesce({{ near }}.is_story_surname, false))
{%- endmacro %}

{#- A title between a capitalised word and a head word that closes the name is part of that
    name, not a title (`Mercy General Hospital`, `UN General Assembly`); a name that runs on after
    the head word is left to the title rules (`President Park Geun-hye`). Reads a word row and
    its int_name_rare_word_neighbours_found row. -#}
{% macro title_in_name(word='word_neighbours', near='rare_word_neighbours') -%}
    (coalesce(
        {{ near }}.prev_is_cap and {{ word }}.gap = ' ' and {{ near }}.next_is_head and not {{ near }}.next2_is_cap,
        false
    )
    -- a title that opens a body's name before `and` (`Justice and Development Party`, `Defence and
    -- Security Committee`) is a word of that name: a title is never followed by `and` and a name
    or coalesce({{ near }}.opens_and_in_a_name and not {{ near }}.prev_is_given, false)
    -- an office-holder's possessive before an organisation's head word names the office, a body
    -- (`the Harris County Sheriff's Office`, `the U.S. Attorney's Office`, `Medical Examiner's Office`)
    or coalesce({{ near }}.owns_an_office, false))
{%- endmacro %}

{#- A party's member is a description before a given name (`Democrat Elena Ruiz`) or alone
    (`two Republicans`), a name only inside a longer one (`Republican National Committee`, `the
    Social Democrats`). Reads a row of int_name_run_words and its int_name_rare_word_neighbours_found
    row. -#}
{% macro is_party_description(word, near) -%}
    (
        -- a nationality before a given name describes the person too (`Argentine Nestor Sensini`;
        -- not in a place of the gazetteer, `British Columbia`)
        coalesce(
            {{ near }}.is_demonym and {{ word }}.next_gap = ' ' and {{ near }}.next_is_given
            and not {{ word }}.in_gazetteer_name,
            false
        )
        or (
            coalesce({{ word }}.context_role = 'party_member', false)
            and (
                coalesce({{ word }}.next_gap = ' ' and {{ near }}.next_is_given, false)
                or (
                    not coalesce({{ word }}.prev_is_name and {{ word }}.gap = ' ', false)
                    and not coalesce({{ word }}.next_is_name and {{ word }}.next_gap = ' ', false)
                )
            )
        )
    )
{%- endmacro %}

{#- The endings of a web address that a company's name keeps (`Amazon.com`, `Booking.com`). -#}
{% macro web_domain_endings() -%}
    ('com', 'net')
{%- endmacro %}

{#- The party initials of a politician's tag (`R-Ohio`, `D-Calif.`; reactions' party_tag_regex
    reads the same tag in an attribution window). -#}
{% macro party_initials() -%}
    ('D', 'R', 'I')
{%- endmacro %}

{#- Overrides of int_name_runs' final typing, reading its typed_runs and coordinated rows. A lone
    word only a speech verb made a person, joined to a listed name or an organisation (`Lufthansa
    and Ryanair said`, `the Sierra Club and Greenpeace said`). -#}
{% macro is_coordinated_speaker() -%}
    (
        typed_runs.typing_rule = 'speech_verb' and typed_runs.run_type = 'person'
        and coordinated.coordinated_type is not null
    )
{%- endmacro %}

{#- A lone noun that speaks for a body or a group (seed speaker_nouns of role organisation or
    collective: `Police said`, `Authorities have`), capitalised only where it opens a sentence or
    a heading: a common noun, no name (a title is not read so: `Bishop told reporters` names Alan
    Bishop). Where the story writes it capitalised inside a sentence too (`the
    Senate`, `Parliament`) it names a body and stays, but not where it is only a title's capital
    there (`said Police Chief Denise Harrow`). -#}
{% macro is_capitalised_speaker_noun() -%}
    (typed_runs.is_speaker_noun and not coalesce(body_runs.names_a_body, false))
{%- endmacro %}

{#- A run after a role noun and `of` is where the role is held, not its holder, so no speaker
    (`Richard Gordon, chairman of the Philippine Red Cross, said`, though `Philippine` is a given
    name); a run no rule types stays for the story (a place's `president of Lombardy`). -#}
{% macro is_role_holder_speaker() -%}
    (
        typed_runs.role_noun is not null and typed_runs.run_type = 'person'
        and typed_runs.typing_rule in ('speech_verb', 'context')
    )
{%- endmacro %}

{#- A run after a title and `at` is where its holder works (`an analyst at Merrill Lynch`, `a
    professor at Georgetown`): an organisation, over a guess that made it a person or none. -#}
{% macro is_workplace() -%}
    (
        typed_runs.role_preposition = 'at' and (
            typed_runs.run_type is null
            or (typed_runs.run_type = 'person' and typed_runs.typing_rule in ('given_name', 'speech_verb', 'context'))
        )
    )
{%- endmacro %}

{#- A word compounded of compass points names a region (`the Midwest`, `the Northeast`, `the
    Mideast`, `Southwest`): no gazetteer lists the regions of a country, and a company so named
    (`Southwest said`) is typed by the speech verb or its cues before this shape. -#}
{% macro compass_region_re() -%}
    ^(?:Mid|North|South)-?(?:east|west|East|West)$
{%- endmacro %}

{% macro is_compass_region(expr) -%}
    {{ regex_contains(expr, sql_regex(compass_region_re())) }}
{%- endmacro %}

{#- The object of `in` is no subject of the verb after it: `officials in Carver said` (a place).
    Nor is the object of `in` or `from` that closes an apposition before the verb: `Carol Ode, a
    retired teacher from Evanston, said` (the speaker is the noun phrase the apposition
    describes; `from` alone before the verb may follow a document, `a letter from Ode said`).
    Reads the columns of int_name_runs. -#}
{% macro is_place_before_speech_verb() -%}
    (
        first_gap = ' ' and n_words <= 3 and next_role = 'speech_verb'
        and (
            (prev_role = 'place_preposition' and next_gap = ' ')
            or ((prev_role = 'place_preposition' or prev_lower = 'from') and next_gap = ', ')
        )
    )
{%- endmacro %}

{#- Two words that speak, one a place's or a country's name but for a given name, are a body's:
    `Alabama Power said`, `Kenya Airways said` (not `Jordan Henderson said`; longer runs hold a
    person's name after a place too: `Governor of Washington Chris Gregoire said`). Set off by
    commas after what describes them they are a person's name more often (`A spokesman for the
    label, Jordan Pike, said`: given names that are places are no given names of the lexicon).
    A place's name that is a first name of one gender opens a person's name (`Virginia Quispe
    said`; a company's, `Georgia Power said it`, is left to the story's cues). Reads the columns
    of int_name_runs. -#}
{% macro is_place_led_speaker() -%}
    (
        n_words = 2 and n_lexicon_words = 1 and not coalesce(first_is_given, false)
        and not first_is_any_given
        and next_role = 'speech_verb' and next_gap in (' ', ', ')
        and not (first_gap = ', ' and next_gap = ', ')
    )
{%- endmacro %}

{#- What people belong to or speak for: `Tarvo officials`, `the Tarvo group`, `Rovers manager`,
    `members of Tarvo`; not a lone word shaped as a people's adjective, which the lexicon of
    demonyms lacks where it is ambiguous (`Korean goalkeeper`, `English defender`). Reads the
    columns of int_name_runs. -#}
{% macro is_before_member_noun() -%}
    (
        next_role in ('org_member', 'org_noun', 'org_leader') and next_gap = ' '
        and not (n_words = 1 and {{ is_people_adjective('surface') }})
    )
{%- endmacro %}

{#- After a noun of bodies: `the industry group Eurofer said`, `ING said`: a body speaks, not a
    person; a full name that opens with a given name is one (`music producer Tyler Vance`). Set off
    by commas on both sides the name is the noun's apposition too (`the competition authority,
    Konkurrensverket, fined`); a comma after the noun alone ends a clause (`the company, Tarvo said`).
    Reads the columns of int_name_runs. -#}
{% macro is_after_body_noun() -%}
    (
        prev_role = 'org_noun'
        and (first_gap = ' ' or (first_gap = ', ' and next_gap = ', '))
        and not coalesce(n_words >= 2 and first_is_given, false)
    )
{%- endmacro %}

{#- Apposition: `Anna Kowalska, a spokeswoman for ...`, `Kowalska, who ...` (a person). Reads the
    columns of int_name_runs. -#}
{% macro is_described_person() -%}
    (
        next_gap = ', ' and ((next_lower in ('a', 'an', 'the') and next2_is_title) or next_lower = 'who')
        and not coalesce(follows_age_of, false)
    )
{%- endmacro %}

{#- A run in running text right after a lower-case word and a space (`playing for Feyenoord`, not
    after a quote mark, a bracket or a number; a comma may stand between them: `Chile,
    Kazakstan`), not in a heading, in capitals, the pronoun `I` or ending in a people's adjective
    (`an Eastern European country`). `runs` names the relation of int_name_runs' columns. -#}
{% macro is_after_lower_word(runs) -%}
    (
        {{ runs }}.first_word_no > 1 and {{ runs }}.first_gap in (' ', ', ') and not {{ runs }}.is_heading
        and not {{ runs }}.is_upper and length({{ runs }}.surface) >= 2
        -- `Research & development`: an ampersand before a lower-case word joins no name
        and coalesce({{ runs }}.next_gap, '') not like '%&%'
        and {{ regex_contains(runs ~ '.prev_lower', "'^\\p{Ll}+$'") }}
        and not {{ regex_contains(runs ~ '.surface', "'^I(\\s|$|[''’])'") }}
        and not {{ is_people_adjective(runs ~ '.surface') }}
    )
{%- endmacro %}

{#- A word shaped as a people's adjective, which the lexicon of demonyms lacks where it is
    ambiguous or regional (`Korean`, `English`, `European`). -#}
{% macro is_people_adjective(word) -%}
    {{ regex_contains(word, "'(ish|ese|ian|ean)$'") }}
{%- endmacro %}

{#- A plural acronym, a common noun however the classifier scores it (`known as COPs`, `NGOs`,
    `MPs`). -#}
{% macro is_plural_acronym(word) -%}
    {{ regex_contains(word, "'^\\p{Lu}{2,}s$'") }}
{%- endmacro %}

{#- The words around a run that show it to be a sports team (int_name_run_team_cues). A score
    after it, then the other side's name or its scorers in brackets (`Plymouth 4 Exeter`,
    `Nantes 4 (Japhet`); not a date (`Paris 1996-12-06`). -#}
{% macro team_score_after_re() -%}
    ^ [0-9]{1,3} (?:\p{Lu}|\()
{%- endmacro %}

{#- The other side's score, or its scorers' closing bracket, right before the run (`Lens 0 `,
    `(Bruno N'Gotty 2) `): a score must follow the run too. -#}
{% macro team_score_before_re() -%}
    [0-9]\)? $
{%- endmacro %}

{#- `v`, `vs` or `versus` after the run, behind a league position if any (`Bologna (4) v
    Piacenza`), or before it. -#}
{% macro team_versus_after_re() -%}
    ^(?: \([0-9]+\))? (?:v|vs\.?|versus) \p{Lu}
{%- endmacro %}

{% macro team_versus_before_re() -%}
    (?:^|[^\p{L}])(?:v|vs\.?|versus) (?:the )?$
{%- endmacro %}

{#- A verb of beating or drawing right after the run, in lower case (`Colts clobber Eagles`,
    `Leeds drew with`); not `side` or `club`, which a town has (`London side Saracens`). -#}
{% macro team_verb_after_re() -%}
    ^ (?:beat|beats|defeated|drew|thrashed|hammered|routed|edged|trounced|crushed|clobber|clobbered|outclassed|(?:lost|lose|loses) to)\b
{%- endmacro %}

{#- A player's position on the field right after the run, in lower case, one word between if any
    (`Porto captain Jorge Costa`, `Porto central defender`, `Leeds's striker`): the player's club;
    not `coach` or `manager`, which firms have too. int_name_run_team_cues leaves out a first word
    that links to what follows (`Black Widow and Captain America`: team_position_link_re). -#}
{% macro team_position_after_re() -%}
    ^'?s? (?:[a-z-]+ )?(?:captain|striker|defender|midfielder|goalkeeper|playmaker|winger)\b
{%- endmacro %}

{% macro team_position_link_re() -%}
    ^ (?:and|or|but|the|a|an|of|to|for|with|as|by|in|on|at|from)\b
{%- endmacro %}

{#- What beats, meets or names a team right before the run, in lower case, `the` between if any
    (`beat Cagliari`, `a 1-0 triumph over Cagliari`, `a nine-point lead over Feyenoord`, `lost to
    Rosenborg`, `fixture against the Barbarians`, `playing for Feyenoord`, `at home to Derby`,
    `Norwegian side Rosenborg`); not a bare `against` (`a resolution against Baghdad`), nor `at` (`the match at
    Wembley`). -#}
{% macro team_verb_before_re() -%}
    (?:^|[^\p{L}])(?:beat|beating|defeated|defeating|thrashed|hammered|routed|edged|trounced|crushed|clobber|clobbered|outclassed|(?:win|won|victory|triumph|lead) over|(?:win|defeat|defeated|beaten) by|(?:playing|played|plays|play) for|(?:home|away) to|(?:lost|losing|lose|loses|defeat|loss) to|(?:draw|drew|drawn|tie|tied) (?:with|against)|(?:match|game|comeback|clash|derby|fixture|final|play|played|playing|plays) against|side|club) (?:the )?$
{%- endmacro %}

{#- The classifier's type of a run (int_mentions_runs): none for a plural acronym (`COPs`) or a
    lone word for what people belong to (`Muslims`, `Buddhist`: seed name_people_words, joined as
    `people`); after a lower-case word a capitalised word no rule types is a name more often than
    the classifier, trained on other genres, allows, so it takes its best type but none there
    (`playing for Feyenoord`), but not a lone word whose own weights say none (`on the
    Internet`, `last Christmas`: word_says_none). -#}
{% macro classified_run_type(runs, classified, people) -%}
    case
        when {{ is_plural_acronym(runs ~ '.surface') }} or ({{ runs }}.n_words = 1 and {{ people }}.word is not null)
            then null
        when
            {{ classified }}.entity_type is null and {{ is_after_lower_word(runs) }}
            and not coalesce({{ runs }}.n_words = 1 and {{ classified }}.word_says_none, false)
            then {{ classified }}.name_type
        when {{ classified }}.entity_type is null and {{ is_sentence_opening_name(runs, classified) }}
            then {{ classified }}.name_type
        else {{ classified }}.entity_type
    end
{%- endmacro %}

{#- A run of two or more words opening a sentence of running text, whose first word does not open
    a clause (int_name_runs_classified.opens_clause): a name however the classifier, which met
    many capitalised sentence openers in its training, doubts it (`Takuya Takagi scored`,
    `Nader Jokhadar had given`); it takes the classifier's best type but none. -#}
{% macro is_sentence_opening_name(runs, classified) -%}
    (
        {{ runs }}.first_word_no = 1 and {{ runs }}.n_words >= 2 and not {{ runs }}.is_heading
        and not {{ runs }}.is_upper and not {{ classified }}.opens_clause
    )
{%- endmacro %}

{#- What a market says about the name before it, at the end of the text before the name: its
    shareholder (`31.8-percent owned by X`, `majority-owned by X`) or a holding in it (`a 12.5%
    stake in X`, `shares of X`). People are owned by no one and hold no stake: what
    int_name_run_market_cues takes for an organisation. -#}
{% macro org_holding_before_re() -%}
    (?:(?:[0-9%]|percent|wholly|majority|minority|jointly|partly|fully)[- ](?:owned|controlled) by|\b(?:stake|stakes|shareholding|shares) (?:in|of)) $
{%- endmacro %}

{#- A market analyst's employer before the name (`a strategist with X`, `an analyst at X`),
    where the name ends the phrase (`X.`, `X, Y`, `X in Tokyo`): not `an analyst at London
    stockbrokers`, whose firm comes after. -#}
{% macro org_analyst_before_re() -%}
    \b(?:analyst|analysts|strategist|economist|dealer|trader|broker) (?:at|with) $
{%- endmacro %}

{% macro org_analyst_after_re() -%}
    ^(?:$|[,.;)]| in | and )
{%- endmacro %}

{#- A share price moving after the name (`X rose 25 cents to`, `X was off 1/2 to 46-5/8`, `X
    shares fell $1.625 to`): people have no share price. -#}
{% macro org_price_after_re() -%}
    ^,? (?:shares |stock )?(?:rose|fell|gained|lost|added|shed|slipped|dropped|climbed|jumped|eased|ended|closed|finished|was|were) (?:up |down |off |higher |lower )?\$? ?[0-9][0-9./-]*(?: (?:cents?|pence|points?))? (?:to|at)\b
{%- endmacro %}

{#- What follows the name of a body and no person's: an apposition among bodies (`X, one of the
    largest banks in Estonia,`), its leader by name (`X leader Helen Clark`) or the word party
    (`the National and X parties`). -#}
{% macro org_body_after_re() -%}
    ^(?:, one of (?:the )?(?:[\p{Ll}-]+ ){0,3}(?:banks|companies|firms|groups|brewers|lenders|insurers|carriers|airlines|retailers|manufacturers|makers|producers|operators|brokerages|newspapers|parties)\b| leader \p{Lu}| part(?:y|ies)\b)
{%- endmacro %}

{#- What follows a lone word opening a sentence when it is a person: a comma, a participle's
    phrase, a relative clause of a person, an age or an apposition (`, speaking to reporters at
    the Capitol,`, `, who chairs the panel,`, `, 64,`, `, a Republican,`), a comma and a verb
    (group 1), which the caller checks is a verb of speech. Not a thing's relative clause
    (`Shares, which had fallen,`). -#}
{% macro opening_subject_re() -%}
    ^, (?:\p{Ll}+(?:ing|ed)|who|a|an|the|[0-9]{1,3})\b[^,;:"“”()\[\]]*, (\p{Ll}+)\b
{%- endmacro %}

{#- Or a verb right after it, past a time (`Buza last April said`, `Okello on Monday told`): group
    1, which the caller checks is a plain verb of speech. -#}
{% macro opening_subject_direct_re() -%}
    ^ (?:(?:last|on|early|late|this) \p{L}+ )?(\p{Ll}+)\b
{%- endmacro %}

{#- A quote written as the title of a work (`"The Fourth Minister"`, `"A Window in Monaco."`,
    `"Les Heures Claires"`): every word capitalised or a short function word, the first word
    capitalised, at most a full stop or comma at its end. Speech has lower-case words. -#}
{% macro work_title_re() -%}
    {%- set word = "[\\p{Lu}\\p{N}][\\p{L}\\p{N}'’&:-]*" -%}
    {%- set function_words = "a|an|the|of|in|on|at|to|for|and|or|with|from|by|de|du|des|la|le|les|el|del|y"
        ~ "|und|der|die|das|von|van" -%}
    ^{{ word }}(\s+({{ word }}|{{ function_words }}))*[.,!?]?$
{%- endmacro %}
