"""Regenerate seeds/name_given_genders.csv from Faker's gendered first-name lists.

Writes ``given_name,gender``: a first name (and its ASCII fold) that Faker's person providers of
the Latin-script locales of scripts/build_name_gazetteers.py list only among male names is
``male``, only among female names ``female``; one listed as both (``Andrea``, ``Jean``) is left
out. Words that are mostly something else in news (``Mark``, ``Bill``) are kept: the seed is only
read for names already found as people, to tell which of them ``he`` or ``she`` may stand for.

Needs only Faker, pinned in requirements-lexicons.lock and installed outside the venv by
``make lexicons`` (which runs every lexicon script; ``make lexicons-check`` compares their output
with the committed seeds).
"""

from __future__ import annotations

import sys

from scripts.build_name_gazetteers import FAKER_LOCALES, LATIN_NAME, GazetteerError, ascii_fold, load, seed_script_main

# Fewer names of either gender than this means Faker's person providers changed shape.
MIN_NAMES_PER_GENDER = 1000


def gendered_names() -> dict[str, str]:
    """Each name form with the one gender Faker gives it."""
    seen: dict[str, set[str]] = {}
    for locale in FAKER_LOCALES:
        provider = load(f"faker.providers.person.{locale}").Provider
        for attr, gender in (("first_names_male", "male"), ("first_names_female", "female")):
            values = getattr(provider, attr, ())
            for name in values.keys() if isinstance(values, dict) else values:
                for form in {name, ascii_fold(name)}:
                    if len(form) >= 2 and " " not in form and LATIN_NAME.match(form):
                        seen.setdefault(form, set()).add(gender)
    out = {form: next(iter(genders)) for form, genders in seen.items() if len(genders) == 1}
    if min(sum(g == gender for g in out.values()) for gender in ("male", "female")) < MIN_NAMES_PER_GENDER:
        raise GazetteerError("too few male or female first names from Faker; its person providers changed")
    return out


def main(argv: list[str] | None = None) -> int:
    return seed_script_main(__doc__, "name_given_genders.csv", ["given_name", "gender"], gendered_names, argv)


if __name__ == "__main__":
    sys.exit(main())
