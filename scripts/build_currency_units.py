"""Regenerate seeds/currency_units.csv from pycountry's ISO 4217 currencies.

Writes ``term,unit``: the words that name a currency after an amount (``pesos``, ``francs``,
``rand``, ``swiss francs``, ``mexican peso``), lower case, each with the unit the figure rules
give it: the currency's noun in the plural (``pesos``), so ``5 million pesos`` and ``5 million
Mexican pesos`` are one claim's unit. The currency's noun is the last word of its ISO name
(``Mexican Peso``), or the word ``HEAD_OVERRIDES`` names where that is no currency noun
(``Bolívar Soberano``, ``CFA Franc BEAC``). Plurals come from lemminflect (its first), or from
``PLURALS`` where English news writes others (``kronor`` and ``crowns`` for the krona, unit
``crowns``); the unit is the noun itself where news leaves it in the singular (``INVARIANT``:
``5 million rand``). Funds, metals and accounting units (``Unidad de Fomento``, ``Gold``, ``SDR``)
are left out, and so are currency nouns that are English words first (``DROPPED_HEADS``:
``mark``, ``real``, ``won``, ``pound`` of weight, ``afghani`` of people).
stg_lexicons__counted_classes adds these rows to the hand-made seed counted_classes, as units of
dimension `money`; a term that seed lists keeps its own row.

Needs pycountry and lemminflect, pinned in requirements-lexicons.lock and installed outside the
venv by ``make lexicons`` (which runs every lexicon script; ``make lexicons-check`` compares their
output with the committed seeds).
"""

from __future__ import annotations

import sys

from scripts.build_name_gazetteers import GazetteerError, load, seed_script_main

# Funds, precious metals and units of account: no amounts news reports in them.
SKIPPED_CODES = {
    "BOV", "CHE", "CHW", "CLF", "COU", "MXV", "USN", "UYI", "UYW", "XAD", "XAG", "XAU", "XBA", "XBB",
    "XBC", "XBD", "XDR", "XPD", "XPT", "XSU", "XTS", "XUA", "XXX", "ZWG",
    # the hand-made rows of counted_classes name these with their own units (`yuan`, `roubles`)
    "CNY", "RUB",
}
# Where the last word of the ISO name is not the currency's noun.
HEAD_OVERRIDES = {
    "NIO": "córdoba", "OMR": "rial", "UYU": "peso", "VED": "bolívar", "VES": "bolívar", "XAF": "franc",
    "XOF": "franc", "ILS": "shekel",
}
# English words first: `90 marks`, `won 5`, `5 pounds` (of weight), `real terms`, `12 Afghani`.
DROPPED_HEADS = {"mark", "real", "won", "pound", "sterling", "sol", "som", "sum", "colon", "afghani", "gold"}
# Plurals English news writes where lemminflect's first is not one (the first is the unit):
# Scandinavian and Czech currencies are `crowns` in English copy, so `kronor` and `crowns` agree.
PLURALS = {
    "krona": ("crowns", "kronor", "kronur"), "krone": ("crowns", "kroner"), "koruna": ("crowns", "korunas"),
    "zloty": ("zlotys", "zloties"), "leu": ("lei",), "bolívar": ("bolívars", "bolivars", "bolívares"),
    "rial": ("rials",), "ariary": ("ariary",),
}
# Nouns English news leaves in the singular after an amount (`5 million rand`): the unit is the noun.
INVARIANT = {
    "ariary", "baht", "dong", "kina", "kip", "kwacha", "kwanza", "kyat", "lira", "naira", "rand", "riel",
    "ringgit", "rupiah", "taka", "tala", "tenge", "vatu",
}
# Currencies any pycountry release lists; a missing one means its data changed shape.
KNOWN = {"pesos", "francs", "rupees", "rand"}


def currency_units() -> dict[str, str]:
    """Each term naming a currency, with the plural of its noun as the unit."""
    currencies = load("pycountry").currencies
    inflect = load("lemminflect").getInflection
    out: dict[str, str] = {}
    for currency in sorted(currencies, key=lambda c: c.alpha_3):
        if currency.alpha_3 in SKIPPED_CODES:
            continue
        words = currency.name.split("(")[0].lower().split()
        head = HEAD_OVERRIDES.get(currency.alpha_3, words[-1])
        if head in DROPPED_HEADS or not head.replace("’", "").isalpha():
            continue
        plurals = PLURALS.get(head) or inflect(head, "NNS")[:1]
        unit = head if head in INVARIANT else plurals[0]
        lead = words[:-1] if head == words[-1] else []
        for form in (head, *plurals):
            out.setdefault(form, unit)
            if lead:
                out.setdefault(" ".join((*lead, form)), unit)
    if not set(out.values()) >= KNOWN:
        raise GazetteerError(f"pycountry's currencies changed: {sorted(KNOWN - set(out.values()))} missing")
    return out


def main(argv: list[str] | None = None) -> int:
    return seed_script_main(__doc__, "currency_units.csv", ["term", "unit"], currency_units, argv)


if __name__ == "__main__":
    sys.exit(main())
