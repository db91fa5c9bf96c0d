"""Generate a synthetic news corpus for benchmarks: stories of several articles from different
outlets about invented events, with varied numbers, names, dates, quotes and site furniture.

Articles in one story share their event's facts (so alignment has work to do) but each outlet
words, rounds and dates them its own way; nothing is a copy of one text."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

COUNTRIES = [
    ("Peru", "Peruvian", "Lima"), ("Chile", "Chilean", "Santiago"), ("Kenya", "Kenyan", "Nairobi"),
    ("Ghana", "Ghanaian", "Accra"), ("Norway", "Norwegian", "Oslo"), ("Poland", "Polish", "Warsaw"),
    ("Vietnam", "Vietnamese", "Hanoi"), ("Thailand", "Thai", "Bangkok"), ("Morocco", "Moroccan", "Rabat"),
    ("Egypt", "Egyptian", "Cairo"), ("Mexico", "Mexican", "Mexico City"), ("Canada", "Canadian", "Ottawa"),
    ("Japan", "Japanese", "Tokyo"), ("India", "Indian", "New Delhi"), ("Brazil", "Brazilian", "Brasilia"),
    ("Greece", "Greek", "Athens"), ("Turkey", "Turkish", "Ankara"), ("Nigeria", "Nigerian", "Abuja"),
    ("Sweden", "Swedish", "Stockholm"), ("Indonesia", "Indonesian", "Jakarta"),
]
FIRST = ["Maria", "Joseph", "Amina", "Lars", "Chen", "Fatima", "Carlos", "Yuki", "Olga", "Kwame", "Priya", "Tomas",
         "Leila", "Hiroshi", "Grace", "Mateo", "Ingrid", "Samuel", "Nadia", "Pedro"]
LAST = ["Alvarez", "Okafor", "Lindqvist", "Nakamura", "Haddad", "Kowalski", "Mensah", "Santos", "Ivanova", "Reyes",
        "Fischer", "Banda", "Moreau", "Tanaka", "Osei", "Petrov", "Silva", "Ahmed", "Novak", "Castillo"]
TITLES = ["Foreign Minister", "Interior Minister", "President", "Prime Minister", "spokesman", "Health Minister"]
OUTLETS = ["Daily Ledger", "Coastal Times", "Northern Wire", "Evening Courier", "Metro Dispatch", "Global Post",
           "Harbour Gazette", "Capital Tribune", "Valley Herald", "Union Chronicle"]
EVENTS = [
    ("flood", "people were evacuated", "homes were damaged"),
    ("earthquake", "people were killed", "buildings collapsed"),
    ("strike", "workers walked out", "flights were cancelled"),
    ("fire", "residents were evacuated", "hectares burned"),
    ("protest", "people were detained", "police officers were injured"),
]
CUES = ["said", "told reporters", "said in a statement", "warned", "added", "wrote on social media"]
NUMBER_WORDS = {2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 7: "seven", 8: "eight", 9: "nine", 10: "ten",
                12: "a dozen", 24: "two dozen"}
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


@dataclass(frozen=True)
class Article:
    story: str
    name: str
    text: str


def _count(rng: random.Random, n: int) -> str:
    style = rng.random()
    if n in NUMBER_WORDS and style < 0.5:
        return NUMBER_WORDS[n]
    if style < 0.7:
        return f"{n:,}"
    if style < 0.85:
        return f"more than {max(1, n - n % 10 or n - 1):,}"
    return f"about {round(n, -1) or n:,}"


def _ordinal(day: int) -> str:
    suffix = "th" if 10 <= day % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")
    return f"{day}{suffix}"


def _article(rng: random.Random, story: int, k: int, facts: dict) -> Article:
    country, demonym, capital = facts["country"]
    event, victims, damage = facts["event"]
    published: dt.date = facts["day"] + dt.timedelta(days=rng.randint(0, 6))
    delta = (published - facts["day"]).days
    when = "on " + WEEKDAYS[facts["day"].weekday()] if delta < 7 else "last week"
    if rng.random() < 0.3:
        when = f"on {facts['day']:%B} {facts['day'].day}"
    speaker = facts["speaker"]
    other = facts["helper"]
    # Outlets mostly agree on a story's facts; now and then one misreports a figure (a conflict).
    slip = 1 if rng.random() < 0.05 else 0
    paragraphs = [
        f"{capital.upper()}: {'An' if event[0] in 'aeiou' else 'A'} {event} hit {country} {when}, and "
        f"{_count(rng, facts['victims'])} {victims}, officials said.",
        f"At least {_count(rng, facts['damage'])} {damage} across {facts['provinces']} provinces, according to the "
        f"{demonym} interior ministry.",
        f"\u201cWe are doing everything we can to help the families affected,\u201d {speaker} {rng.choice(CUES)}.",
        f"{other[1]} officials {rng.choice(['offered', 'pledged', 'sent'])} {facts['rescuers'] + slip} rescue workers "
        f"and said further help would follow {rng.choice(['next week', 'this month', 'by the end of this year'])}.",
        f"The {rng.choice(['government', 'ministry', 'agency'])} said it had set aside "
        f"{facts['budget']} million dollars for reconstruction, nearly {facts['share']}% of its annual budget.",
        f"It {rng.choice(['was the worst', 'was the deadliest', 'came weeks after another'])} {event} "
        f"since {facts['since']}, when {facts['past_toll']:,} people died.",
        f"\u201cThis is a {rng.choice(['tragedy', 'warning', 'turning point'])} for the whole region,\u201d said "
        f"{rng.choice(FIRST)} {rng.choice(LAST)}, an analyst at the {rng.choice(LAST)} Institute in {other[2]}.",
    ]
    middle = paragraphs[1:]
    rng.shuffle(middle)
    body = "\n\n".join([paragraphs[0], *middle[: rng.randint(3, len(middle))]])
    outlet = OUTLETS[(story + k) % len(OUTLETS)]
    if rng.random() < 0.5:
        text = f" date {published.isoformat()} World\n\n{body}\n"
    else:
        dated = f"{published:%B} {_ordinal(published.day)}, {published.year}"
        text = f"{body}\n\nPublished in {outlet}, {dated}\n\nMore headlines\n"
    return Article(story=f"story_{story:06d}", name=f"{k:02d}_{outlet.lower().replace(' ', '_')}.txt", text=text)


def generate(n_articles: int, seed: int = 7) -> Iterator[Article]:
    rng = random.Random(seed)
    story = 0
    made = 0
    while made < n_articles:
        facts = {
            "country": rng.choice(COUNTRIES),
            "event": rng.choice(EVENTS),
            "day": dt.date(2020, 1, 1) + dt.timedelta(days=rng.randint(0, 2000)),
            "victims": rng.choice([rng.randint(2, 30), rng.randint(30, 5000)]),
            "damage": rng.randint(10, 20000),
            "speaker": f"{rng.choice(TITLES)} {rng.choice(FIRST)} {rng.choice(LAST)}",
            "helper": rng.choice(COUNTRIES),
            "provinces": rng.randint(2, 9),
            "rescuers": rng.randint(3, 90),
            "budget": rng.randint(2, 900),
            "share": rng.randint(2, 40),
            "since": rng.randint(1950, 2019),
            "past_toll": rng.randint(20, 5000),
        }
        for k in range(min(rng.randint(3, 8), n_articles - made)):
            yield _article(rng, story, k, facts)
            made += 1
        story += 1


def write_corpus(root: Path, n_articles: int, seed: int = 7) -> int:
    """Write `n_articles` as `root/<story>/<file>.txt`; returns the bytes written."""
    size = 0
    for article in generate(n_articles, seed):
        folder = root / article.story
        folder.mkdir(parents=True, exist_ok=True)
        data = article.text.encode("utf-8")
        (folder / article.name).write_bytes(data)
        size += len(data)
    return size


def main(argv: list[str] | None = None) -> int:
    import argparse  # only the command line needs it

    parser = argparse.ArgumentParser(prog="python -m warehouse.synth", description=__doc__)
    parser.add_argument("out", type=Path, help="folder to write the corpus into, one subfolder per story")
    parser.add_argument("--articles", type=int, default=1000, metavar="N", help="how many articles (default 1000)")
    parser.add_argument("--seed", type=int, default=7, help="random seed: the same seed writes the same corpus")
    args = parser.parse_args(argv)
    if args.articles <= 0:
        parser.error("--articles must be positive")
    size = write_corpus(args.out, args.articles, args.seed)
    print(f"wrote {args.articles} articles ({size:,} bytes) under {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
