"""Generate a synthetic news corpus for benchmarks: stories of several articles from different
outlets about invented events, at the lengths real news has (about 3,000 characters, 350 to 1,500
words, 10 to 40 paragraphs), dense with names, numbers, quotes and relative dates.

Articles in one story share their event's facts (so alignment has work to do) but each outlet
words, rounds, orders and dates them its own way; nothing is a copy of one text. Now and then an
outlet misreports a figure (a conflict), as real coverage does.

    python -m warehouse.synth OUT_DIR --articles 10000
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
from collections.abc import Callable, Iterator
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
TOWNS = ["Port Ellis", "Marrow Bay", "Kestrel Falls", "Dunmore", "Aldergrove", "San Telmo", "Bellhaven",
         "Ostrava Nova", "Little Harbor", "Redwater", "Glenrock", "Fairmont Springs", "Hollin", "Castleby"]
FIRST = ["Maria", "Joseph", "Amina", "Lars", "Chen", "Fatima", "Carlos", "Yuki", "Olga", "Kwame", "Priya", "Tomas",
         "Leila", "Hiroshi", "Grace", "Mateo", "Ingrid", "Samuel", "Nadia", "Pedro", "Helen", "Omar", "Sofia",
         "Daniel", "Aisha", "Viktor", "Rosa", "Kenji", "Elena", "Tunde"]
LAST = ["Alvarez", "Okafor", "Lindqvist", "Nakamura", "Haddad", "Kowalski", "Mensah", "Santos", "Ivanova", "Reyes",
        "Fischer", "Banda", "Moreau", "Tanaka", "Osei", "Petrov", "Silva", "Ahmed", "Novak", "Castillo", "Brennan",
        "Adeyemi", "Larsen", "Quispe", "Farouk", "Marchetti", "Dube", "Hoang", "Karlsson", "Wojcik"]
TITLES = ["Foreign Minister", "Interior Minister", "President", "Prime Minister", "Health Minister", "Mayor",
          "Governor", "Police Chief", "Fire Chief", "Senator"]
ROLES = ["a spokesman for the regional police", "a spokeswoman for the fire service", "the head of the local council",
         "a senior official at the interior ministry", "a director at the national weather agency",
         "the chief executive of the regional power company", "a researcher at the state university"]
ORGS = ["Red Cross", "United Nations", "World Health Organization", "World Bank", "Amnesty International",
        "Doctors Without Borders", "European Union", "African Union", "International Monetary Fund"]
COMPANIES = ["Northgate Energy", "Bluewater Logistics", "Helios Power Corp.", "Meridian Rail", "Atlas Mining Ltd.",
             "Coastline Telecom", "Granite Insurance Group"]
OUTLETS = ["Daily Ledger", "Coastal Times", "Northern Wire", "Evening Courier", "Metro Dispatch", "Global Post",
           "Harbour Gazette", "Capital Tribune", "Valley Herald", "Union Chronicle", "Morning Standard",
           "Frontier Press"]
EVENTS = [
    ("flood", "people were killed", "people were evacuated", "homes were damaged"),
    ("earthquake", "people were killed", "people were injured", "buildings collapsed"),
    ("fire", "people died", "residents were evacuated", "hectares burned"),
    ("explosion", "workers were killed", "people were injured", "homes were damaged"),
    ("train crash", "passengers were killed", "passengers were injured", "carriages derailed"),
    ("protest", "people were arrested", "police officers were injured", "shops were damaged"),
    ("storm", "people were killed", "people were displaced", "homes lost power"),
]
CUES_AFTER = ["said", "told reporters", "said in a statement", "warned", "added", "told local radio",
              "wrote on social media", "said on {weekday}"]
CUES_BEFORE = ["said", "told reporters", "warned", "added", "said on {weekday}"]
STANCE = ["We are doing everything we can to help the families affected",
          "This is a tragedy for the whole region, and we will not forget the victims",
          "The response was far too slow, and people paid for it with their lives",
          "We welcome the support, but much more is needed in the coming weeks",
          "Nobody could have predicted the scale of what happened",
          "The authorities failed to act on repeated warnings",
          "I have never seen anything like this in thirty years of service",
          "We will rebuild, and we will rebuild better",
          "It is too early to say what caused it",
          "Our thoughts are with everyone who lost a loved one"]
NUMBER_WORDS = {2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 7: "seven", 8: "eight", 9: "nine", 10: "ten",
                12: "a dozen", 24: "two dozen"}
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
FURNITURE = ["Share this article", "Related coverage", "Sign up for our newsletter", "Most read",
             "Advertisement", "Follow us on social media"]


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


def _person(rng: random.Random) -> str:
    return f"{rng.choice(FIRST)} {rng.choice(LAST)}"


class _Writer:
    """Paragraph makers for one article: each returns one paragraph of one to three sentences."""

    def __init__(self, rng: random.Random, facts: dict, published: dt.date) -> None:
        self.rng = rng
        self.f = facts
        self.published = published
        self.country, self.demonym, self.capital = facts["country"]
        self.event, self.killed, self.hurt, self.damage = facts["event"]

    def when(self) -> str:
        delta = (self.published - self.f["day"]).days
        r = self.rng.random()
        if r < 0.3:
            return f"on {self.f['day']:%B} {self.f['day'].day}"
        if delta == 0:
            return "on " + WEEKDAYS[self.f["day"].weekday()] if r < 0.6 else "earlier today"
        if delta == 1:
            return "yesterday" if r < 0.6 else "on " + WEEKDAYS[self.f["day"].weekday()]
        if delta < 7:
            day = WEEKDAYS[self.f["day"].weekday()]
            return f"on {day}" if r < 0.7 else f"{NUMBER_WORDS.get(delta, delta)} days ago"
        return "last week"

    def weekday(self) -> str:
        return WEEKDAYS[(self.published - dt.timedelta(days=self.rng.randint(0, 5))).weekday()]

    def quote(self, speaker: str) -> str:
        text = self.rng.choice(STANCE)
        cue = self.rng.choice(CUES_AFTER).format(weekday=self.weekday())
        if self.rng.random() < 0.6:
            after = speaker.lower() if speaker in ("He", "She") else speaker
            return f"\u201c{text},\u201d {after} {cue}."
        before = self.rng.choice(CUES_BEFORE).format(weekday=self.weekday())
        return f"{speaker} {before}: \u201c{text}.\u201d"

    def lead(self) -> str:
        rng, f = self.rng, self.f
        slip = 1 if rng.random() < 0.04 else 0
        article = "An" if self.event[0] in "aeiou" else "A"
        return (f"{article} {self.event} struck {f['town']} in northern {self.country} {self.when()}, and "
                f"{_count(rng, f['killed'] + slip)} {self.killed}, officials said.")

    def toll(self) -> str:
        rng, f = self.rng, self.f
        return (f"At least {_count(rng, f['hurt'])} {self.hurt} and {_count(rng, f['damage'])} {self.damage} "
                f"across {f['provinces']} provinces, according to the {self.demonym} interior ministry.")

    def official_quote(self) -> str:
        return self.quote(self.f["speaker"])

    def role_quote(self) -> str:
        name = _person(self.rng)
        return f"{name}, {self.rng.choice(ROLES)}, said the situation remained difficult. " + self.quote("He")

    def aid(self) -> str:
        rng, f = self.rng, self.f
        helper = f["helper"]
        when = rng.choice(["next week", "this month", "by the end of the year"])
        return (f"{helper[1]} officials {rng.choice(['offered', 'pledged', 'sent'])} {f['rescuers']} rescue workers "
                f"and said further help would follow {when}. "
                f"The {rng.choice(ORGS)} said it had released ${f['aid']} million in emergency funds.")

    def budget(self) -> str:
        rng, f = self.rng, self.f
        return (f"The {rng.choice(['government', 'ministry', 'agency'])} said it had set aside "
                f"{f['budget']} million dollars for reconstruction, nearly {f['share']}% of its annual budget. "
                f"Officials expect the work to take {rng.randint(2, 9)} years.")

    def history(self) -> str:
        rng, f = self.rng, self.f
        return (f"It {rng.choice(['was the worst', 'was the deadliest', 'came weeks after another'])} {self.event} "
                f"since {f['since']}, when {f['past_toll']:,} people died.")

    def analyst(self) -> str:
        rng = self.rng
        return self.quote(f"{_person(rng)}, an analyst at the {rng.choice(LAST)} Institute in {self.f['helper'][2]},")

    def witness(self) -> str:
        rng = self.rng
        age = rng.randint(19, 84)
        job = rng.choice(["teacher", "shopkeeper", "nurse", "farmer", "driver"])
        return (f"{_person(rng)}, a {age}-year-old {job}, "
                f"said the {rng.choice(['water', 'smoke', 'noise', 'shaking'])} came within minutes. "
                f"\u201cWe ran with nothing but our clothes,\u201d {rng.choice(['she', 'he'])} said.")

    def company(self) -> str:
        rng = self.rng
        return (f"Shares of {rng.choice(COMPANIES)} fell {rng.randint(2, 19)}.{rng.randint(0, 9)} percent on "
                f"{self.weekday()} after the company said {rng.randint(3, 60)} of its sites were affected. "
                f"Chief executive {_person(rng)} said repairs would cost about ${rng.randint(5, 400)} million.")

    def schedule(self) -> str:
        rng = self.rng
        later = self.published + dt.timedelta(days=rng.randint(3, 40))
        return (f"Parliament is due to debate an emergency bill on {later:%B} {later.day}, and the "
                f"{rng.choice(['finance', 'interior', 'health'])} committee will meet next {rng.choice(WEEKDAYS)}. "
                f"A report published in {rng.randint(2005, 2022)} had warned of the risk.")

    def background(self) -> str:
        rng, f = self.rng, self.f
        return (f"{f['town']}, home to about {rng.randint(12, 900)},000 people, lies {rng.randint(20, 400)} kilometres "
                f"from {self.capital}. The region was hit by a similar {self.event} {rng.randint(2, 30)} years ago, "
                f"and again in {rng.randint(1990, 2018)}.")

    def response(self) -> str:
        rng, f = self.rng, self.f
        when = rng.choice(["on " + self.weekday(), "this morning", "last night"])
        return (f"{rng.choice(TITLES)} {_person(rng)} visited {f['town']} {when} "
                f"and met families in a shelter where {rng.randint(100, 5000):,} people spent the night. "
                f"Some {rng.randint(2, 40)} schools stayed closed.")

    def international(self) -> str:
        rng = self.rng
        other = rng.choice(COUNTRIES)
        return (f"Leaders in {other[0]} and {rng.choice(COUNTRIES)[0]} sent condolences. "
                f"The {other[1]} embassy said {rng.randint(1, 9)} of its citizens were among those affected. "
                f"{self.quote(_person(rng) + ', the ' + other[1] + ' ambassador,')}")

    def paragraphs(self) -> list[Callable[[], str]]:
        return [self.toll, self.official_quote, self.role_quote, self.aid, self.budget, self.history,
                self.analyst, self.witness, self.company, self.schedule, self.background, self.response,
                self.international]


def _article(rng: random.Random, story: int, k: int, facts: dict) -> Article:
    published: dt.date = facts["day"] + dt.timedelta(days=rng.randint(0, 6))
    writer = _Writer(rng, facts, published)
    # Word counts of real news: most articles 400-700 words, a long tail to 1,500.
    words_wanted = min(1500, max(350, int(rng.lognormvariate(6.2, 0.35))))
    makers = writer.paragraphs()
    body = [writer.lead()]
    words = len(body[0].split())
    order: list[Callable[[], str]] = []
    while words < words_wanted or len(body) < 10:
        if not order:
            order = rng.sample(makers, len(makers))
        paragraph = order.pop()()
        body.append(paragraph)
        words += len(paragraph.split())
        if len(body) >= 40:
            break
    outlet = OUTLETS[(story + k) % len(OUTLETS)]
    angle = rng.choice(["toll rises", "rescue goes on", "questions mount"])
    title = f"{facts['event'][0].capitalize()} in {facts['country'][0]}: {angle}"
    text = "\n\n".join(body)
    if rng.random() < 0.5:
        text = f"{title}\n\n{facts['country'][2].upper()}, {published:%b}. {published.day} \u2014 {text}\n"
    else:
        dated = f"{published:%B} {_ordinal(published.day)}, {published.year}"
        text = f"{title}\n\n{text}\n\nPublished in {outlet}, {dated}\n\n{rng.choice(FURNITURE)}\n"
    return Article(story=f"story_{story:06d}", name=f"{k:02d}_{outlet.lower().replace(' ', '_')}.txt", text=text)


def generate(n_articles: int, seed: int = 7) -> Iterator[Article]:
    rng = random.Random(seed)
    story = 0
    made = 0
    while made < n_articles:
        facts = {
            "country": rng.choice(COUNTRIES),
            "town": rng.choice(TOWNS),
            "event": rng.choice(EVENTS),
            "day": dt.date(2020, 1, 1) + dt.timedelta(days=rng.randint(0, 2000)),
            "killed": rng.choice([rng.randint(2, 30), rng.randint(30, 900)]),
            "hurt": rng.randint(5, 3000),
            "damage": rng.randint(10, 20000),
            "speaker": f"{rng.choice(TITLES)} {_person(rng)}",
            "helper": rng.choice(COUNTRIES),
            "provinces": rng.randint(2, 9),
            "rescuers": rng.randint(3, 90),
            "aid": rng.randint(1, 50),
            "budget": rng.randint(2, 900),
            "share": rng.randint(2, 40),
            "since": rng.randint(1950, 2019),
            "past_toll": rng.randint(20, 5000),
        }
        for k in range(min(rng.randint(3, 8), n_articles - made)):
            yield _article(rng, story, k, facts)
            made += 1
        story += 1


def write_corpus(root: Path, n_articles: int, seed: int = 7, start: int = 0) -> int:
    """Write articles `start` to `start + n_articles` of the seed's sequence as
    `root/<story>/<file>.txt`; returns the bytes written. A later `start` adds to a corpus."""
    size = 0
    for i, article in enumerate(generate(start + n_articles, seed)):
        if i < start:
            continue
        folder = root / article.story
        folder.mkdir(parents=True, exist_ok=True)
        data = article.text.encode("utf-8")
        (folder / article.name).write_bytes(data)
        size += len(data)
    return size


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m warehouse.synth", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out", type=Path, help="directory to write <story>/<file>.txt into")
    parser.add_argument("--articles", type=int, default=1000, help="how many articles (default 1000)")
    parser.add_argument("--seed", type=int, default=7, help="random seed (default 7)")
    args = parser.parse_args(argv)
    if args.articles <= 0:
        parser.error("--articles must be positive")
    size = write_corpus(args.out, args.articles, args.seed)
    print(f"wrote {args.articles:,} articles, {size / 1e6:,.1f} MB, to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
