"""Regenerate seeds/figure_past_verbs.csv from lemminflect's English inflection table.

Writes ``word,lemma``: the irregular past forms of English verbs (a past tense or participle that
lemminflect gives a verb, of letters only, not ending in ``-ed`` and not spelt as the verb itself:
``broke``, ``came``, ``fell``, ``left``; not ``put`` or ``cut``). The figure rules read a word
ending in ``-ed`` as a verb already; these are the past forms that suffix misses, so that a counted
noun phrase ends before them (``three wildfires broke out``: wildfires, not ``broke``).

Needs only lemminflect, pinned in requirements-lexicons.lock and installed outside the venv by
``make lexicons`` (which runs every lexicon script; ``make lexicons-check`` compares their output
with the committed seeds).
"""

from __future__ import annotations

import sys

from scripts.build_name_gazetteers import GazetteerError, load, seed_script_main

PAST_TAGS = ("VBD", "VBN")
# Forms any lemminflect release knows; missing ones mean its table changed shape.
KNOWN = {"broke", "came", "fell", "left", "took", "began"}


def past_forms() -> dict[str, str]:
    """Each irregular past form with the (first, alphabetically) verb it is a past of."""
    table = load("lemminflect").Inflections()._getInflDict()  # the only listing it has
    out: dict[str, str] = {}
    for lemma in sorted(table):
        forms = table[lemma]
        if not lemma.isalpha() or not lemma.islower() or "VB" not in forms:
            continue
        for tag in PAST_TAGS:
            for form in forms.get(tag, ()):
                if form.isalpha() and form.islower() and form != lemma and not form.endswith("ed"):
                    out.setdefault(form, lemma)
    if not out.keys() >= KNOWN:
        raise GazetteerError(f"lemminflect's inflections changed: {sorted(KNOWN - out.keys())} missing")
    return out


def main(argv: list[str] | None = None) -> int:
    return seed_script_main(__doc__, "figure_past_verbs.csv", ["word", "lemma"], past_forms, argv)


if __name__ == "__main__":
    sys.exit(main())
