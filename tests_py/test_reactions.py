"""Reactions (fct_reactions) on invented articles about another event: a river-sharing deal
between Chile and Bolivia, criticised by Peru and a Bolivian opposition leader, welcomed by
Brazil and the UN. The three outlets quote with curly double quotes, straight double quotes
and British single quotes; one quote runs over two paragraphs, one straight quote never closes,
and the headlines carry quotes of their own.

A second story (fixtures/reaction_cases) holds one short article per attribution pattern that the
reaction models read in turn: a quote after `<title> <name> said:`, a partial quote with the
attribution trailing clauses later, a quote before its attribution, a partial quote after a
participle cue, `she said` after a person and an organisation were named, noun-phrase speakers
(`The newspaper reported`, `Customs notes released Monday say`) and a named speaker whose phrase or
sentence goes on past the name (`Senator Maria Lopez of Texas told`, `... Pablo Serrat accused
Governor Elena Varga of “...”`) and a name described by the noun phrases after it (`Tomas Ferreira,
publisher of ..., a trade newsletter, said`). The first four were
unit tests of the one-model int_reactions_extracted; split into rule families, the cases cross
several models, so they are checked end to end here."""

from __future__ import annotations

import shutil

import duckdb
import pytest

from pipeline import FIXTURES, build_warehouse

STORY = "silala_river_deal"
CASES = "attribution_cases"


@pytest.fixture(scope="module")
def all_reactions(tmp_path_factory: pytest.TempPathFactory) -> list[dict]:
    corpus = tmp_path_factory.mktemp("reactions")
    shutil.copytree(FIXTURES / "reactions", corpus / STORY)
    shutil.copytree(FIXTURES / "reaction_cases", corpus / CASES)
    # Only the reactions mart and what it reads: this module judges its rows.
    built = build_warehouse(corpus, tmp_path_factory.mktemp("reactions_build"), select="+fct_reactions")
    con = duckdb.connect(str(built.db), read_only=True)
    try:
        cur = con.execute(
            "select a.source_file, a.raw_text, r.* from marts.fct_reactions r "
            "join staging.stg_news__articles a using (article_id) order by a.source_file, r.char_start"
        )
        names = [d[0] for d in cur.description]
        return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]
    finally:
        con.close()


@pytest.fixture(scope="module")
def reactions(all_reactions: list[dict]) -> list[dict]:
    return [r for r in all_reactions if r["story_id"] == STORY]


@pytest.fixture(scope="module")
def cases(all_reactions: list[dict]) -> list[dict]:
    return [r for r in all_reactions if r["story_id"] == CASES]


def find(rows: list[dict], source_file: str, quote_start: str) -> dict:
    hits = [r for r in rows if r["source_file"].endswith(source_file) and r["quote"].startswith(quote_start)]
    assert hits, f"no reaction in {source_file} quoting {quote_start!r}"
    assert len(hits) == 1, hits
    return hits[0]


# (file, first words of the quote, speaker, stance, kind)
EXPECTED = [
    # curly quotes: attribution after the quote, a joint declaration named in the attribution itself
    ("silala_wire.txt", "This accord opens a new chapter", "joint declaration", "neutral", "statement"),
    ("silala_wire.txt", "a decision that affects the whole basin", "Peruvian Foreign Ministry", "negative", "reaction"),
    # `the Peruvian ministry` is the ministry named in full before
    ("silala_wire.txt", "We reject any arrangement", "Peruvian Foreign Ministry", "negative", "reaction"),
    ("silala_wire.txt", "a betrayal of our sovereignty", "Marta Quispe", "negative", "reaction"),
    # a quote over two paragraphs: the first has no closing mark, the second opens with one
    ("silala_wire.txt", "The government has sold our water", "Marta Quispe", "negative", "reaction"),
    ("silala_wire.txt", "We will take this fight", "Marta Quispe", "neutral", "reaction"),
    ("silala_wire.txt", "the constructive spirit", "Laila Haddad", "positive", "reaction"),
    # straight quotes: `said:`, `said Torres` (surname -> full name), a country's government
    ("silala_daily.txt", "the fruit of patience", "Jorge Mamani", "neutral", "statement"),
    ("silala_daily.txt", "Today we choose cooperation", "Ana Torres", "positive", "statement"),
    ("silala_daily.txt", "It is a fair deal", "Ana Torres", "positive", "statement"),
    ("silala_daily.txt", "sets a dangerous precedent", "Argentinean Government", "negative", "reaction"),
    ("silala_daily.txt", "illegal and unacceptable", "Peru", "negative", "reaction"),
    # single quotes with apostrophes around them (`Brazil’s`, `region’s`)
    ("silala_review.txt", "historic", "both sides", "positive", "statement"),
    ("silala_review.txt", "Brazil salutes the courage", "Brazilian Foreign Ministry", "positive", "reaction"),
    ("silala_review.txt", "It shows that the region", "Brazilian Foreign Ministry", "neutral", "reaction"),
    # apposition: `Peru’s deputy foreign minister, Luis Carrasco, said`; then `he said`
    ("silala_review.txt", "deeply concerned", "Luis Carrasco", "negative", "reaction"),
    ("silala_review.txt", "We were not invited", "Luis Carrasco", "neutral", "reaction"),
]


@pytest.mark.parametrize(("source_file", "quote_start", "speaker", "stance", "kind"), EXPECTED)
def test_reaction(
    reactions: list[dict], source_file: str, quote_start: str, speaker: str, stance: str, kind: str
) -> None:
    row = find(reactions, source_file, quote_start)
    assert (row["speaker"], row["stance"], row["kind"]) == (speaker, stance, kind)


def test_affiliations_come_from_titles_and_demonyms(reactions: list[dict]) -> None:
    assert find(reactions, "silala_wire.txt", "the constructive spirit")["speaker_affiliation"] == "United Nations"
    assert find(reactions, "silala_wire.txt", "a betrayal")["speaker_affiliation"] == "Bolivia"
    assert find(reactions, "silala_review.txt", "deeply concerned")["speaker_affiliation"] == "Peru"
    assert find(reactions, "silala_wire.txt", "This accord")["speaker_affiliation"] == "Bolivia; Chile"


def test_quotes_are_exact_spans_without_their_marks(reactions: list[dict]) -> None:
    for row in reactions:
        assert row["raw_text"][row["char_start"] : row["char_end"]] == row["quote"]
        assert row["quote"][0] not in "“”\"‘’'" and row["quote"][-1] not in "“”\"‘’',"


def test_unbalanced_quote_stops_at_its_paragraph(reactions: list[dict]) -> None:
    row = find(reactions, "silala_daily.txt", "illegal and unacceptable")
    assert "\n" not in row["quote"] and len(row["quote"]) < 120


def test_headlines_and_unattributed_quotes_are_not_reactions(reactions: list[dict]) -> None:
    quotes = {(r["source_file"].rsplit("/", 1)[-1], r["quote"]) for r in reactions}
    # `Chile, Bolivia seal 'historic' river deal` is a headline; the body's ‘historic’ is another article
    assert ("silala_daily.txt", "historic") not in quotes
    # `keep talking` follows `and urged`: a second cue of the same speaker
    assert find(reactions, "silala_wire.txt", "keep talking")["speaker"] == "Laila Haddad"
    assert len(reactions) == len(EXPECTED) + 2  # `keep talking` and the residents' ‘our lifeline’


# (file, first words of the quote, speaker, affiliation, cue, stance, attribution or None)
CASE_EXPECTED = [
    # the name after the title, the country from the demonym
    ("case_after_attribution.txt", "We reject this plan", "Ana Ruiz", "Chile", "said", "negative",
     "Chilean Foreign Minister Ana Ruiz said"),
    # no attribution before the quote: a later cue of the sentence with its own subject
    ("case_trailing_attribution.txt", "firmly and calmly", "Luis Carrasco", "Peru", "said", None, None),
    # a sentence-initial quote takes the clause after it
    ("case_quote_first.txt", "We welcome the talks", "Omar Haddad", "United Nations", "said", "positive", None),
    # a partial quote after a participle cue: the main clause's subject, the stance of `praised`
    ("case_partial_quote.txt", "key step", "Maria Lind", "European Union", "calling", "positive", None),
    # `she` is the last person named before the quote, not the organisation named after her
    ("case_pronoun_after_a_name.txt", "Children in the border towns", "Maria Costa", None, "said", None, None),
    # a surname the seed knows as a man's given name (`Grant`) is of no gender when the full name's first
    # word has none the seed knows (`Evelyn Grant`): `she` takes her over the man named between
    ("case_surname_a_given_name.txt", "It has been a long month", "Evelyn Grant", None, "said", None, None),
    # `the congresswoman` after `Rep. Ana Loft`: a title alone is the person whose role abbreviates it
    ("case_abbreviated_title.txt", "Nobody got everything", "Ana Loft", None, "said", None, None),
    # an absolute construction: the participle has its own subject; a common-noun role before a full name
    ("case_absolute_participle.txt", "The new crossing", "Ana Reyes", None, "stating", None,
     "local trader Ana Reyes stating"),
    # `supported` is inside what Milan said: the quote is hers, not `her party`'s
    ("case_embedded_cue.txt", "for many years", "Rosa Milan", "Peru", "said", None,
     "Peruvian opposition leader Rosa Milan said"),
    # `whilst` opens a clause: the speaker is `critics`, not everything since the sentence began
    ("case_whilst_clause.txt", "the crossing came far too late", "critics", None, "said", None, "critics said"),
    # `he` after reported speech by a noun phrase: that phrase, not the company quoted before it
    ("case_pronoun_after_reported_speech.txt", "I braked", "52-year-old driver", None, "said", None, None),
    # `They` after `The study’s authors say ...`: the authors, not the spokeswoman quoted before
    ("case_they_after_reported_speech.txt", "new limits", "study’s authors", None, "call", None, None),
    # a paragraph left open that the next one's mark carries on: the speaker named where the quote ends
    ("case_multi_paragraph.txt", "Crews have cleared", "Grace Obi", None, None, None, None),
    # studies and surveys report with `found`; the noun phrase is kept as written
    ("case_survey_found.txt", "will ease slowly", "survey of economists", None, "found", None,
     "The survey of economists found"),
    # the name ends before `of` and the place it is from
    ("case_name_of_place.txt", "dead on arrival", "Maria Lopez", None, "told", None, None),
    # a bare noun phrase reports: `The newspaper reported`
    ("case_newspaper_reported.txt", "close to collapse", "newspaper", None, "reported", None,
     "The newspaper reported"),
    # a document with its participle and day is one noun phrase: `Customs notes released Monday say`
    ("case_notes_released.txt", "was waved through", "Customs notes released Monday", None, "say", None,
     "Customs notes released Monday say"),
    # an indefinite noun phrase before the cue describes the name that opens the sentence
    ("case_described_name.txt", "nothing changes", "Tomas Ferreira", "Andes Water Weekly", "said", None, None),
    # ... but a day opening the sentence is nobody: `On Tuesday, a spokesman for the ministry said`
    ("case_described_name.txt", "productive and calm", "spokesman for the ministry", None, "said", None, None),
    # the speaker is the one who accuses, not the person accused `of` what the quote says
    ("case_name_of_gerund.txt", "selling the river", "Pablo Serrat", None, "accused", None,
     "Opposition leader Pablo Serrat accused"),
    # a cue after `but`, or a participle, shares the subject of the clause before it
    ("case_coordinated_cue.txt", "as a realistic goal", "Orvane Holdings", "Orvane Holdings", "says", None,
     "Orvane Holdings discloses the lower forecasts in its filing but says"),
    ("case_coordinated_cue.txt", "good for everyone involved", "Marta Quell", None, "saying", None,
     "Marta Quell declined to name the buyers, saying"),
    # the article of the description is in an earlier segment (`a Lima, Peru, water consultant`)
    ("case_described_place.txt", "too little and too late", "Tomas Ferreira", None, "says", None,
     "Tomas Ferreira, a Lima, Peru, water consultant to the farming industry, says"),
    # a description in lower case before the cue: `chairman of Andes Water Holdings`
    ("case_described_place.txt", "turning point", "Luis Arce Varga", "Andes Water Holdings", "called", None,
     "Luis Arce Varga, chairman of Andes Water Holdings, called"),
    # the body a statement came `by` ends before the verb of its sentence
    ("case_document_by.txt", "The ministry will appeal", "Ministry of Water", None, "said", None,
     "the statement said"),
    # `he` is not the company after `at`, nor the possessive `Orvane's`
    ("case_pronoun_preposition.txt", "I was too high", "Dario Venn", None, "said", None, None),
    ("case_pronoun_preposition.txt", "We would not be surprised", "Michael Swavely", None, "said", None, None),
    # a quote whose sentence goes on after its closing mark: the speaker named after the last comma
    ("case_continued_sentence.txt", "We are talking about two more weeks", "Ines Tavora", None, "told", None,
     "Tavora told"),
    ("case_continued_sentence.txt", "rare and extreme conditions", "Ruben Salcedo", None, "said", None,
     "said Ruben Salcedo"),
    ("case_continued_sentence.txt", "Our valley has not been able", "Kaspar Lund", None, "said", None,
     "said Kaspar Lund"),
    ("case_continued_sentence.txt", "There is no political reason", "Kaspar Lund", None, "added", None, None),
    # a surname two people share: the full name written last before the quote, not the story's first
    ("case_shared_surname.txt", "We gave this valley", "Tomas Arteaga", None, "said", None, None),
    ("case_shared_surname.txt", "The company owes every worker", "Diego Luis Arteaga", None, "said", None, None),
    # a noun-phrase source is kept as written: the clause a coordinated cue shares; a weekday in it is no name
    ("case_noun_phrase_source.txt", "good for everyone involved", "company", None, "said", None,
     "The company declined to name the buyers but said"),
    ("case_noun_phrase_source.txt", "a slow dance with no music", "One senior official Monday", None, "described",
     None, None),
    # `She went on to add`: the pronoun is the subject; the quote continues the last speaker
    ("case_pronoun_led_subject.txt", "no town will be left behind", "Rosa Quintero", None, "add", None, None),
    # a scare quote (`a “sell” rating`) does not end the window of the `he` after it
    ("case_scare_quote.txt", "I don’t think prices", "Tomas Bell", None, "said", None, None),
    # a common-noun phrase after the cue describes the name in apposition to it
    ("case_role_then_name.txt", "He must go to work", "Rosa Delgado", None, "said", None, None),
    ("case_role_then_name.txt", "We will reopen the market", "Tomas Reyes", None, "said", None, None),
    # a participle clause between the noun phrase and its cue is no name in apposition
    ("case_participle_aside.txt", "It looks as though they panicked", "detective", None, "said", None, None),
    # a lower-case pronoun after an opening phrase is the subject `but said` shares, and names its antecedent
    ("case_pronoun_coordinated.txt", "The talks will go on", "Marta Vell", None, "said", None, None),
    # a party and state tag after a name (`(D-N.Y.)`, `, R-Texas,`) is neither the speaker nor a break before the verb
    ("case_party_tag.txt", "This bill is a political stunt", "Alma Reyes", None, "said", None, None),
    ("case_party_tag.txt", "a disgrace", "Tom Kessler", None, "called", None, None),
    ("case_party_tag.txt", "We will not negotiate", "Nora Vance", None, "said", None, None),
    ("case_party_tag.txt", "We cannot spend money", "Laura Kent", None, "wrote", None, None),
    # a name after its title opens the clause a coordinated cue shares: the person, with the body of the title
    ("case_titled_name_coordinated.txt", "stands by", "Dana Reese", "White House", "said", None, None),
    ("case_titled_name_coordinated.txt", "go on as planned", "Yusuf Karimi", None, "said", None, None),
    # a pronoun ending a phrase opens a relative clause of its own (`a charge she has called`), and
    # `she` continues the last speaker not known to be a man (seed name_given_genders), not the last one
    ("case_pronoun_gender.txt", "bought and paid for", "Mark Dunmore", None, "accused", None, None),
    ("case_pronoun_gender.txt", "absurd", "Ellen Varga", None, "called", None, None),
    ("case_pronoun_gender.txt", "We will win this vote", "Ellen Varga", None, "said", None, None),
    ("case_pronoun_gender.txt", "She is wrong about the jobs", "Mark Dunmore", None, "said", None, None),
    # `she` skips a man named after the woman since the last quote
    ("case_pronoun_gender.txt", "I am grateful for every vote", "Ellen Varga", None, "said", None, None),
    # a noun phrase set off by a comma before a clause opens the clause a coordinated cue shares
    ("case_noun_phrase_then_clause.txt", "proud of the vote", "senator", None, "said", None, None),
    ("case_noun_phrase_then_clause.txt", "stay open for now", "company", None, "said", None, None),
    # an aside without a noun phrase of its own between the name and its cue after the quote
    ("case_aside_and_quoted_as.txt", "It has been a long week", "Tarkenn", None, "said", None,
     "Tarkenn, now the town's mayor, said"),
    ("case_aside_and_quoted_as.txt", "The repairs are absolutely", "Velasquo", None, "told", None, None),
    # `quoted X as saying`: X speaks, not the one quoting; `X was quoted as saying`: X
    ("case_aside_and_quoted_as.txt", "We will rebuild every bridge", "Ilse Marrow", None, "saying", None,
     "the radio station quoted Ilse Marrow as saying"),
    ("case_aside_and_quoted_as.txt", "Nobody should drive", "Dario Kell", None, "saying", None,
     "Dario Kell was quoted as saying"),
    # a cue that opens its sentence is followed by the one who speaks
    ("case_aside_and_quoted_as.txt", "The water came faster", "Anna Berg", None, "Says", None, None),
    ("case_aside_and_quoted_as.txt", "We are checking every levee", "Tomas Hale", None, "Replied", None, None),
    # reporting verbs of crowds and retorts
    ("case_aside_and_quoted_as.txt", "Open the gates", "marchers", None, "chanted", None, "the marchers chanted"),
    ("case_aside_and_quoted_as.txt", "for another fifty years", "Velasquo", None, "countered", None, None),
    # a name that opens the cue's object before `of` is the speaker, however long the body after it
    ("case_name_before_its_body.txt", "We expect a correction", "Pavel Rusk", None, "said", None,
     "said Pavel Rusk of the Orvale-based Kestrel Grain Partners fund"),
    ("case_name_before_its_body.txt", "Nobody is buying", "Lena Sova", "Tarvo Institute", "said", None,
     "said Lena Sova of the Tarvo Institute"),
    # an adverb that opens the clause is no part of the speaker's name
    ("case_name_before_its_body.txt", "The farmers will not forget", "Ilse Marrow", None, "replied", None,
     "Ilse Marrow replied"),
    # a name after a possessive is the speaker, and the possessive names its body
    ("case_possessive_and_place.txt", "The market had priced", "Sandor Tolonics", "Varno Bank", "said", None, None),
    # a surname alone after a possessive is the speaker, named as the story names the person in
    # full, and the words before the possessive are whose the speaker is
    ("case_possessive_surname.txt", "The families have become", "Marta Fernandez", "Florida International",
     "said", None, None),
    ("case_possessive_surname.txt", "justified.", "Joseph Doyle", "Smith Barney", "called", None, None),
    # a place set off by commas after the city a phrase was cut at does not speak: the name before it does
    ("case_possessive_and_place.txt", "Stay away from the crown", "Tomas Verin", "Kestrel Securities", "told", None,
     None),
    # a full name after a role of common words, a body noun among them, speaks; the description in
    # apposition after it (`a Republican`) does not
    ("case_member_and_opener.txt", "The mayor has had", "Alicia Fenwick", None, "said", None, None),
    # a cue that opens the sentence (`Asked about the vote,`) leaves the subject to the cue after it
    ("case_member_and_opener.txt", "We are looking", "Tomas Brandt", None, "said", None, None),
    # an unnamed subject after a cue without one is inside what was said (`Garrity, who ..., said the
    # crowd showed`): the sentence's subject speaks
    ("case_member_and_opener.txt", "hungry for change", "Tom Garrity", None, "said", None, None),
    # a surname takes no two words cut from a name at its particle (`Inácio Lula` of `Luiz Inácio
    # Lula da Silva`): a name runs on across `da`, `de`, `van`
    ("case_particle_name.txt", "We will not leave anyone", "Lula", None, "told", None, None),
    # an age or a year set off by commas is no speaker (`since 2017, told`, `Kowal, 58, was pressed`)
    ("case_age_and_year.txt", "follow the law", "Anna Kowal", None, "told", None, None),
    ("case_age_and_year.txt", "a bureaucratic nuisance", "Anna Kowal", None, "calling", None, None),
    # a quote after a dotted abbreviation (`D-N.M. "She`) opens a sentence that continues the speaker
    ("case_age_and_year.txt", "She has told us", "Luis Ortiz", None, None, None, None),
    # a body of four words or more is the affiliation, not the country of the demonym opening it
    ("case_role_and_body.txt", "Farmers are going", "Ada Brennan", "American Farm Bureau Federation", "said", None,
     None),
    # a titled name before where its bearer is from, whose last word is a body's head noun (`County`)
    ("case_role_and_body.txt", "We have crews", "Wade Tolliver", None, "said", None, None),
    ("case_role_and_body.txt", "Stay home tonight", "Nina Holt", None, "said", None, None),
    ("case_role_and_body.txt", "We will open the church", "Paul Renner", None, "said", None, None),
    # `he` takes the subject of the last sentence that names a person, not the name after its verb
    # (`Nicolas Ferrandi believes Carvalho may`), and keeps the full name the story gives (`Ana Lucia
    # Quispe`, not the last two words of `Peruvian President Ana Lucia Quispe`)
    ("case_pronoun_subject.txt", "I'm sure a few clubs", "Nicolas Ferrandi", None, "said", None, None),
    ("case_pronoun_subject.txt", "We will not let anyone", "Ana Lucia Quispe", None, "said", None, None),
    # a surname that is a man's given name (`Marino`) of a woman's full name may be `she`, and a
    # subject of unknown gender named before it in the same sentence does not take her place
    ("case_pronoun_subject.txt", "I plan to respond", "Teresa Marino", None, "said", None, None),
    # a quote of two paragraphs after `She added:` and attributed nowhere where it closes continues
    # her, not the next speaker named after it; the paragraph that ends in the colon is its first
    # paragraph's window, so that one has the cue too
    ("case_introduced_quote.txt", "A canal dug with public money", "Marta Olsen", None, "added", None, None),
    ("case_introduced_quote.txt", "The operator remains free", "Marta Olsen", None, None, None, None),
    # `the minister said`: the person the article last named with a role ending in `minister`
    ("case_title_alone.txt", "Nobody will be left", "Rosa Valdivia", None, "said", None, "the minister said"),
    # `the statement said` after `X said in a statement`: X's statement
    ("case_said_in_statement.txt", "No illness has been reported", "Andes Springs", None, "said", None,
     "the statement said"),
    # `X, who chairs ..., called`: the relative clause after the name is no subject
    ("case_relative_clause_subject.txt", "a fair price", "Ada Brenner", None, "called", None, None),
    # ... nor is a noun phrase anywhere inside it, up to the comma that closes it (`X, who remembers
    # the drought as a 12-year-old, said`; found on TimeBank wire news), and `she` then continues X
    ("case_relative_clause_object.txt", "to its old habits", "Ingrid Sallow", None, "said", None, None),
    ("case_relative_clause_object.txt", "It has been our duty", "Ingrid Sallow", None, "said", None, None),
    # `the chief justice said`: the person last named with a role ending in both words, not the
    # one whose role is the last word alone (`Justice Paul Ode`)
    ("case_two_word_title.txt", "The count was lawful", "Ines Marlow", None, "said", None, "the chief justice said"),
    # a title of two words before the name (`Chief Justice`): the second word is no name
    ("case_two_word_title.txt", "No recount is needed", "Ines Marlow", None, "said", None, None),
    # `the company said`: the company the article last named before the quote
    ("case_company_last_named.txt", "Demand for our electric", "Pellam Motors", None, "said", None, "the company said"),
    # `it said` continues the body whose speech came last, or a body that spoke since the last quote; never a person
    ("case_it_after_a_body.txt", "several hundred", "Harwick Regional Bank", "Harwick Regional Bank", "said", None,
     None),
    ("case_it_after_a_body.txt", "a provisional estimate", "coastguard", None, "said", None, None),
    # `the spokeswoman said` after reported speech of `A spokeswoman for the port operator, ...,`
    ("case_spokesperson_of_reported_speech.txt", "Passengers will be offered", "spokeswoman for the port operator",
     None, "said", None, "the spokeswoman said"),
    # a sentence of two words that is all quote, after a quote of its paragraph, continues it
    ("case_short_continuation.txt", "Every cent", "Marta Solis", None, None, None, None),
    # a pronoun before `had said` in a clause an adverbial opens (`At the hearing she had said`)
    ("case_adverbial_then_pronoun.txt", "as his own purse", "Helen Ward", None, "said", None, None),
    # `quoted X as saying` with a lower-case role before the name
    ("case_quoted_with_role.txt", "Shelters are full", "Ruth Ambler", None, "saying", None, None),
    # `he said` after `Quist`, whose full name (after `by Senator`, no antecedent) is a woman's
    ("case_surname_gender.txt", "This was a wasted day", "Tomas Grell", None, "said", None, None),
    # cue verbs of wire news (seed cue_verbs; found on the TimeBank/AQUAINT quotes of devset/timebank)
    ("case_new_cue_verbs.txt", "At last", "Hana Orlik", None, "exclaimed", None, None),
    ("case_new_cue_verbs.txt", "Veltra, your children", "local folk choir", None, "sang", None, None),
    ("case_new_cue_verbs.txt", "Expect no delay", "court", None, "instructed", None, None),
    # a cue in an infinitive (`decision to deny`) reports no speech: the clause after the quote does,
    # and the sentence of quote after it continues that speaker
    ("case_infinitive_cue.txt", "within the bounds", "opinion", None, "read", None, "the opinion read"),
    ("case_infinitive_cue.txt", "The court neither", "opinion", None, None, None, None),
    # a sentence all quote right after reported speech with no quote is that speech's subject's, not
    # the last quote's speaker
    ("case_reported_then_quote.txt", "He told us plainly", "Karl Wend", None, None, None, None),
    # ... with an adverb after the subject (`Senator Lina Roos also said`)
    ("case_reported_then_quote.txt", "We need every member", "Lina Roos", None, None, None, None),
    # ... and the subject of `Asked to comment on Brandt's announcement, a spokesman said:` follows
    # the opening participle's comma (int_speech_subjects_found)
    ("case_opening_participle.txt", "Certainly it changes", "Finance Ministry", "Finance Ministry", "said", None, None),
    # a participle after the speaker noun is no part of the speaker (`official involved in`)
    ("case_participle_after_speaker.txt", "This is a man", "one senior ministry official", None, "says", None,
     "says one senior ministry official"),
    # `The summit, she said, would ...`: `she` speaks, not the noun phrase before her comma
    ("case_parenthetical_pronoun.txt", "answers the grave threat", "Nora Vale", None, "said", None, None),
    ("case_parenthetical_pronoun.txt", "Nobody in the valley", "Nora Vale", None, "added", None, None),
    # `quoted X as saying` before a partial quote: X speaks, not the outlet that quotes
    ("case_quoted_as_saying_before.txt", "close to a deal", "Trade Ministry", "Trade Ministry", "saying", None, None),
    ("case_quoted_as_saying_before.txt", "dead and buried", "Ivo Lang", None, "saying", None,
     "Deputy Minister Ivo Lang as saying"),
    # `quoted` after a speaker noun (`news agency`) is the verb, no participle that ends the phrase
    ("case_quoted_as_saying_before.txt", "within a year", "Ada Pohl", None, "saying", None, None),
    # `he said` after `He said ... Omar Keddar, who ...`: a name in what `he` said is no antecedent of `he`
    ("case_name_in_pronoun_speech.txt", "Hundreds of people", "Paul Brenn", None, "said", None, None),
    # a subject ends at its auxiliary: `Residents had asked ...` gives `they` its antecedent `Residents`
    ("case_auxiliary_subject.txt", "a trap for the school buses", "Residents", None, "called", None, None),
    # `they` takes the plural subject of its own sentence, ended at its verb (`sought`), before the last sentence's
    ("case_they_own_sentence.txt", "a rushed and reckless plan", "town’s fishermen", None, "called", None, None),
    # a body's acronym in brackets divides no name from its cue (`X, a spokeswoman for the Y (KPBD), told`), and
    # a name after a lower-case title before `of` is the speaker, not the body after it (`lawmaker X of the Y
    # Party (CBP) dismissed`); found on invented foreign-desk stories
    ("case_bracketed_acronym.txt", "We have found twelve more bodies", "Lestari Wahyuningsih", "Regional Rescue Office",
     "told", None, None),
    ("case_bracketed_acronym.txt", "a publicity exercise", "Mehmet Ali Durmaz", None, "dismissed", None, None),
    # the agency a dateline credits (`KALLISTO (Harbour Wire) —`) is an organisation but no company of the story
    ("case_wire_credit.txt", "The safety of our passengers", "company", None, "said", None, None),
    # a surname behind its lower-case particle is a person's name, which the story completes (`dos Reis told`)
    ("case_particle_surname.txt", "The count was stolen", "Maria Luísa dos Reis", None, "told", None, None),
    # `her`/`his` before a person's own staff or body (`Her office said`, `his lawyer said`) speaks
    # for the person the pronoun stands for
    ("case_own_staff.txt", "a fair deal for the waterfront", "Ingrid Solberg", None, "welcomed", None, None),
    ("case_own_staff.txt", "Nobody asked the fishermen", "Victor Amell", None, "said", None, None),
    # an age after `the` alone (`the 24-year-old said`) is the person the article last named (`Vlk`, in
    # full `Tereza Vlk`), and a player's position is a title (`the goalkeeper said` after `Veteran
    # goalkeeper Arno Stel`); found on an invented sports probe
    ("case_age_alone.txt", "She played the big points", "Tereza Vlk", None, "said", None, "the 24-year-old said"),
    ("case_age_alone.txt", "We defended for our lives", "Arno Stel", None, "said", None, "the goalkeeper said"),
    # a medical or scientific specialist at a body (`an epidemiologist at the ... Institute of Public Health`)
    ("case_specialist_at_body.txt", "We saw the same pattern", "Lena Osterberg",
     "Northfield Institute of Public Health", "said", None, None),
    ("case_specialist_at_body.txt", "The effect is real", "Tomas Ekdahl", "Halden University", "said", None, None),
    # a title, then a role noun no lexicon lists, then the name: the name speaks, not the body before it
    ("case_title_before_common_role.txt", "The worst of the wind", "Lena Berg", "Northfield Weather Service", "said",
     None, None),
    ("case_title_before_common_role.txt", "Stay off the coast roads", "Ivo Lund", None, "said", None, None),
    # a British judge's title is no part of her name; `she` passes over a man's reported speech
    # (`Lord Justice Simon Pryor, dissenting, said ...`) to the woman who spoke last
    ("case_pronoun_other_gender_speech.txt", "The rule operates harshly", "Harriet Combe", None, "wrote", None, None),
    ("case_pronoun_other_gender_speech.txt", "It was not an easy case", "Harriet Combe", None, "said", None, None),
    # an epithet after `the` is the person named last before it: `the Carrow Democrat said` after
    # `Majority Leader Tamsin Oduya`, `The minority leader described` after `Doran Kessling`
    ("case_epithet_speaker.txt", "We kept the pumps", "Tamsin Oduya", None, "said", None, None),
    ("case_epithet_speaker.txt", "a bucket with no bottom", "Doran Kessling", None, "described", None, None),
    # a noun phrase cut short by a preposition speaks past a participle aside (`A senior official at
    # the Treasury, speaking on condition of anonymity, said:`)
    ("case_prepositional_subject_aside.txt", "The numbers are what they are", "senior official", None, "said", None,
     None),
    # who speaks for a titled person is no name of hers (`a spokeswoman for Prime Minister Helen
    # Corran said`, `said an aide to Finance Minister Robert Halvey`)
    ("case_speaks_for_titled.txt", "The plan is fair", "spokeswoman for Prime Minister Helen Corran", None, "said",
     None, None),
    ("case_speaks_for_titled.txt", "We will not back down", "aide to Finance Minister Robert Halvey", None, "said",
     None, None),
    # an adverb before the cue after a clause set off by commas is no speaker (`Piet Vander, who staged
    # her first play in 1961, once called her "..."`: not `once`); found on an invented obituary probe
    ("case_adverb_and_opening_title.txt", "a writer who could make", "Piet Vander", None, "called", None, None),
    ("case_adverb_and_opening_title.txt", "impossible to bore", "Tomas Ekberg", None, "described", None, None),
    # a capitalised title's portfolio after `for` or `of` is no part of the name (`Minister for Health
    # Ana Lind` was a speaker `Minister for Health Ana Lind` and a person `Health Ana Lind`); after a
    # lower-case title, `for` still names whom the speaker speaks for
    ("case_portfolio_titles.txt", "Safety has to come first", "Ana Lind", None, "told", None, None),
    ("case_portfolio_titles.txt", "The money is there", "Rosa Delgado", None, "said", None, None),
    ("case_portfolio_titles.txt", "We are listening", "Daniel Okafor", None, "said", None, None),
    ("case_portfolio_titles.txt", "We will answer every letter", "Harwick Water", "Harwick Water", "said", None, None),
    # a quote of two paragraphs after a sentence of narration, attributed to `he` where it closes:
    # its first paragraph is no earlier quote that would cut the pronoun off the name before it
    ("case_quote_runs_on_after_narration.txt", "I grew up on a farm", "Tom Reyes", None, None, None, None),
    ("case_quote_runs_on_after_narration.txt", "I am not running", "Tom Reyes", None, "said", None, None),
    # a place after the body in an apposition closes it (`an analyst at Kessler & Ward in London`)
    ("case_role_extras.txt", "The price is fair", "Priya Raman", "Kessler & Ward", "said", None, None),
]


@pytest.mark.parametrize(("source_file", "quote_start", "speaker", "affiliation", "cue", "stance", "attribution"),
                         CASE_EXPECTED)
def test_attribution_case(cases: list[dict], source_file: str, quote_start: str, speaker: str, affiliation: str | None,
                          cue: str, stance: str | None, attribution: str | None) -> None:
    row = find(cases, source_file, quote_start)
    assert (row["speaker"], row["speaker_affiliation"], row["cue"]) == (speaker, affiliation, cue)
    if stance is not None:
        assert row["stance"] == stance
    if attribution is not None:
        assert row["attribution"] == attribution


def test_a_role_keeps_no_honorific_and_no_age(cases: list[dict]) -> None:
    # `Harlow chief executive Dr Alan Pryce said`, `said Lucia Moreno, a 38-year-old nurse`
    assert find(cases, "case_role_extras.txt", "We will not pay")["speaker_role"] == "chief executive"
    assert find(cases, "case_role_extras.txt", "Two days in a row")["speaker_role"] == "nurse"


def test_numbers_set_off_are_no_speaker_surface(cases: list[dict]) -> None:
    # the speaker is written where the name is, not at the age or year beside it
    rows = [r for r in cases if r["source_file"].endswith("case_age_and_year.txt")]
    surfaces = {r["quote"][:15]: r["speaker_surface"] for r in rows}
    assert surfaces["follow the law "] == "Judge Anna Kowal"
    assert surfaces["a bureaucratic "] == "Kowal"


def test_a_title_alone_takes_the_role_given_with_the_name(cases: list[dict]) -> None:
    # `the chief justice said` after `Chief Justice Ines Marlow`: her role as written with her name
    row = find(cases, "case_two_word_title.txt", "The count was lawful")
    assert (row["speaker"], row["speaker_role"], row["speaker_surface"]) == ("Ines Marlow", "Chief Justice",
                                                                              "the chief justice")
    assert find(cases, "case_two_word_title.txt", "No recount")["speaker_role"] == "Chief Justice"


def test_a_title_word_inside_a_name_is_no_title(cases: list[dict]) -> None:
    # `Dr. Lucía Ferrandiz of Montecastro General Hospital`: `General` before `Hospital` names the
    # hospital; read as a title it made `Hospital` the speaker
    assert find(cases, "case_title_in_a_name.txt", "We saw dozens")["speaker"] == "Lucía Ferrandiz"


def test_a_possessive_before_a_title_is_no_part_of_the_role(cases: list[dict]) -> None:
    # `Smith Barney's Mr. Doyle`: the firm is his affiliation, not the start of his role
    row = find(cases, "case_possessive_surname.txt", "justified.")
    assert "Smith Barney" not in (row["speaker_role"] or ""), row


def test_a_role_noun_opening_a_sentence_is_the_speakers_role(cases: list[dict]) -> None:
    # `Witness Tomas Brekke, who runs a cafe`: the witness is Tomas Brekke, not `Witness Tomas Brekke`
    row = find(cases, "case_own_staff.txt", "The hall was packed")
    assert (row["speaker"], row["speaker_role"]) == ("Tomas Brekke", "Witness")


def test_a_publicist_is_a_role(cases: list[dict]) -> None:
    row = find(cases, "case_role_and_body.txt", "deeply regrets")
    assert (row["speaker"], row["speaker_role"]) == ("Dana Whitcomb", "publicist")


def test_titles_and_scare_quotes_have_no_speaker(cases: list[dict]) -> None:
    quotes = {(r["source_file"].rsplit("/", 1)[-1], r["quote"]) for r in cases}
    # a programme's title in quotes is nobody's speech, though a cue governs its sentence
    assert ("case_scare_quote.txt", "Water Talk Tonight") not in quotes
    # `“smart” pumps similar to those found at plants`: the quote's sentence goes on, and no
    # comma brings an attribution; `pumps ... found` is no speaker
    assert ("case_scare_quote.txt", "smart") not in quotes


def test_outside_voices_are_reactions(cases: list[dict]) -> None:
    # the UN and the EU are not what the story (Chile and Peru) is about
    assert find(cases, "case_quote_first.txt", "We welcome")["kind"] == "reaction"
    assert find(cases, "case_partial_quote.txt", "key step")["kind"] == "reaction"


def test_named_speakers_point_at_their_mention(reactions: list[dict]) -> None:
    # a person named after a title: the span is the name alone
    row = find(reactions, "silala_wire.txt", "the constructive spirit")
    assert row["raw_text"][row["speaker_char_start"] : row["speaker_char_end"]] == "Laila Haddad"
    # a document has no mention
    assert find(reactions, "silala_wire.txt", "This accord")["speaker_char_start"] is None
    named = [r for r in reactions if r["speaker_char_start"] is not None]
    assert len(named) >= len(reactions) // 2
    for r in named:
        assert r["speaker_char_start"] < r["speaker_char_end"]


def test_a_speaker_phrase_ends_before_the_sentence_full_stop(cases: list[dict]) -> None:
    row = find(cases, "case_multi_paragraph.txt", "We are working")
    assert row["speaker_surface"] == "a spokesman for the river authority"


# (file, first words of the quote, the name the speaker span points at, the speaker phrase as written)
NAME_SPANS = [
    # the phrase keeps `of Texas`; the name and its span end before it
    ("case_name_of_place.txt", "dead on arrival", "Maria Lopez", "Senator Maria Lopez of Texas"),
    # the phrase ends at the name, before the verb and the person accused `of` what the quote says
    ("case_name_of_gerund.txt", "selling the river", "Pablo Serrat", "Opposition leader Pablo Serrat"),
]


@pytest.mark.parametrize(("source_file", "quote_start", "name", "surface"), NAME_SPANS)
def test_a_named_speaker_span_ends_at_the_name(cases: list[dict], source_file: str, quote_start: str,
                                               name: str, surface: str) -> None:
    row = find(cases, source_file, quote_start)
    assert (row["speaker"], row["speaker_surface"]) == (name, surface)
    assert row["raw_text"][row["speaker_char_start"] : row["speaker_char_end"]] == name


# (file, first words of the quote, role): the title, or the common words before a full name, as written
ROLES = [
    # an abbreviated title of name_titles is a role, not part of the name
    ("case_party_tag.txt", "a disgrace", "Sen"),
    ("case_party_tag.txt", "We will not negotiate", "Rep"),
    ("case_party_tag.txt", "We cannot spend money", "Gov"),
    ("case_after_attribution.txt", "We reject this plan", "Foreign Minister"),
    ("case_absolute_participle.txt", "The new crossing", "local trader"),
    ("case_embedded_cue.txt", "for many years", "opposition leader"),
    ("case_multi_paragraph.txt", "We are working", "spokesman"),
    ("case_name_of_place.txt", "dead on arrival", "Senator"),
    ("case_survey_found.txt", "will ease slowly", None),
    ("case_name_of_gerund.txt", "selling the river", "Opposition leader"),
    # an unnamed speaker of a body: the title after the body's name
    ("case_body_spokeswoman.txt", "We were not consulted", "spokeswoman"),
    ("case_titled_name_coordinated.txt", "stands by", "spokeswoman"),
    ("case_titled_name_coordinated.txt", "go on as planned", "Press secretary"),
    # the title and the common words after it that finish the role
    ("case_title_before_common_role.txt", "The worst of the wind", "chief forecaster"),
    ("case_title_before_common_role.txt", "Stay off the coast roads", "deputy harbourmaster"),
]


@pytest.mark.parametrize(("source_file", "quote_start", "role"), ROLES)
def test_speaker_roles_as_the_text_gives_them(cases: list[dict], source_file: str, quote_start: str,
                                              role: str | None) -> None:
    assert find(cases, source_file, quote_start)["speaker_role"] == role


# (file, first words of the quote, speaker, role, body): what the article gives beside the name
# when the quote's own attribution gives no role: a title before it, or an apposition after it
# with the organisation it ends in
ROLES_BESIDE_NAMES = [
    ("case_roles_beside_names.txt", "Nobody should try", "Anna Brandt", "Police Chief", None),
    ("case_roles_beside_names.txt", "It is another blow", "Ken Odell", "Mayor", None),
    ("case_roles_beside_names.txt", "We warned about this", "Carl Weston", "executive director", "Riverside Trust"),
    ("case_roles_beside_names.txt", "We were not ready", "Jane Morrow", "spokeswoman", "county sheriff's office"),
    ("case_roles_beside_names.txt", "The river will peak", "Greg Salter", "professor", "State University"),
    # a demonym inside the apposition is no body
    ("case_roles_beside_names.txt", "I cried", "Tina Alvarez", "singer", None),
    # a lower-case title right before the name (`fire service spokesman Yiannis Demos`)
    ("case_roles_beside_names.txt", "The next day will be critical", "Yiannis Demos", "spokesman", None),
    # a clause set off after the name is no role, though it ends in a title noun (`had argued
    # that her client was a poor manager`); the role in apposition before the name is
    ("case_clause_after_name.txt", "We are disappointed", "Ruth Ambler", "founder's lawyer", None),
    # a role in apposition before the name, its body the possessor (`France's president, Odile
    # Marchand,`); a role after a body's name in apposition after it (`the Polish deputy minister`)
    ("case_role_before_name.txt", "Nobody should mistake", "Ilse Varnholt", "prime minister", None),
    ("case_role_before_name.txt", "The door remains open", "Odile Marchand", "president", "France"),
    ("case_role_before_name.txt", "We are not leaving", "Kasper Dunel", "deputy minister", "Poland"),
    # a one-word title capitalised to open the sentence before a given name is the role, no part of
    # the name (`Composer Ivan Hrabal, 64, ... said`, `Host Carla Nyman ... told`)
    ("case_adverb_and_opening_title.txt", "fierce and generous", "Ivan Hrabal", "Composer", None),
    ("case_adverb_and_opening_title.txt", "She answered every question", "Carla Nyman", "Host", None),
    # a role in apposition before the name after a possessive pronoun (`Her agent, Tomas Ekberg,`)
    ("case_adverb_and_opening_title.txt", "impossible to bore", "Tomas Ekberg", "agent", None),
    # an honorific is no role: the apposition's role wins over `Dr.`, and `Ms.` alone gives none
    ("case_honorifics.txt", "We are ready", "Lina Moss", "director", "county health bureau"),
    ("case_honorifics.txt", "Nobody should skip", "Petra Volk", None, None),
]


@pytest.mark.parametrize(("source_file", "quote_start", "speaker", "role", "body"), ROLES_BESIDE_NAMES)
def test_roles_and_bodies_beside_the_name(cases: list[dict], source_file: str, quote_start: str, speaker: str,
                                          role: str | None, body: str | None) -> None:
    row = find(cases, source_file, quote_start)
    assert (row["speaker"], row["speaker_role"], row["speaker_affiliation"]) == (speaker, role, body)


def test_a_bare_title_beside_a_name_is_its_role_and_carries_to_the_next_quote(reactions: list[dict]) -> None:
    # `Peru’s deputy foreign minister, Luis Carrasco, said`, then `he said`
    assert find(reactions, "silala_review.txt", "deeply concerned")["speaker_role"] == "deputy foreign minister"
    assert find(reactions, "silala_review.txt", "We were not invited")["speaker_role"] == "deputy foreign minister"
