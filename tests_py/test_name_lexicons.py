"""The names' generated lexicons and classifier: the scripts' pure parts on small inputs, and the
committed seeds they wrote (no package or corpus needed)."""

from __future__ import annotations

import csv
import gzip
import types
from pathlib import Path

import numpy as np
import pytest

from evaluation.score import Name, Span
from scripts import build_given_name_genders as genders
from scripts import build_name_gazetteers as gazetteers
from scripts import train_name_classifier as trainer

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def column(seed: str, name: str) -> list[str]:
    with (SEEDS / f"{seed}.csv").open(newline="", encoding="utf-8") as f:
        return [row[name] for row in csv.DictReader(f)]


def test_fit_learns_which_feature_makes_which_type() -> None:
    # features: 0 bias, 1 `given_name`, 2 `legal_suffix`
    rows = [[0, 1]] * 20 + [[0, 2]] * 20 + [[0]] * 20
    y = np.array([trainer.LABELS.index(t) for t in ["person"] * 20 + ["organization"] * 20 + ["none"] * 20])
    w = trainer.fit(rows, y, 3, l2=1e-4, epochs=200)
    assert [trainer.LABELS[i] for i in trainer.predict([[0, 1], [0, 2], [0]], w)] == ["person", "organization", "none"]


def test_a_run_takes_the_type_of_the_gold_name_it_overlaps_most() -> None:
    cands = [
        trainer.Candidate(Span("d", 0, 24), []),  # `Scientologist Tom Cruise`
        trainer.Candidate(Span("d", 30, 36), []),
        trainer.Candidate(Span("e", 0, 10), []),
    ]
    gold = [Name(Span("d", 0, 12), "ORG"), Name(Span("d", 14, 24), "PER"), Name(Span("e", 20, 30), "LOC")]
    assert trainer.label(cands, gold) == ["organization", "none", "none"]


def test_legal_suffixes_keep_one_word_forms_that_are_no_words(monkeypatch: pytest.MonkeyPatch) -> None:
    fake = types.SimpleNamespace(terms_by_type={
        "Corporation": ["inc.", "corp", "company", "& co."],
        "Limited": ["ltd", "gmbh", "plc", "llc", "pty. ltd.", "as", "ag", "v.o.s."],
    })
    monkeypatch.setattr(gazetteers, "load", lambda module: fake)
    # a form that is also a person's name (`Vos`) is marked, so that it closes a name only in capitals
    assert gazetteers.legal_suffixes({"vos", "anna"}) == [
        ("ag", False), ("corp", False), ("gmbh", False), ("inc", False), ("llc", False), ("ltd", False),
        ("plc", False), ("vos", True),
    ]


def test_a_missing_source_package_is_a_clear_error() -> None:
    with pytest.raises(gazetteers.GazetteerError, match="not importable"):
        gazetteers.load("no_such_package_for_names")


def test_committed_given_names_are_no_aliases_and_no_common_words() -> None:
    given = set(column("name_given_names", "given_name"))
    assert len(given) > 1000
    assert not given & set(column("entity_aliases", "alias"))
    assert not {g.lower() for g in given} & set(column("name_common_words", "word"))
    assert not given & {"May", "Will", "Grant", "Georgia"}


def test_committed_classifier_weights_name_known_types_and_features() -> None:
    types_ = set(column("name_classifier_weights", "entity_type"))
    assert types_ == set(trainer.LABELS)
    features = set(column("name_classifier_weights", "feature"))
    # the features int_name_run_features writes
    assert {"bias", "given_name", "legal_suffix", "sentence_start", "heading"} <= features


def test_function_words_are_spacy_stop_words_lemminflect_knows_as_no_open_class_word(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    stop = types.SimpleNamespace(STOP_WORDS={"besides", "hence", "throughout", "front", "top", "re", "the", "n't"})
    lemmas = {"front": {"NOUN": ("front",)}, "top": {"ADJ": ("top",)}}
    lemminflect = types.SimpleNamespace(getAllLemmas=lambda w: lemmas.get(w, {}))
    monkeypatch.setattr(gazetteers, "load", lambda module: stop if module.startswith("spacy") else lemminflect)
    # `the` is hand-written already, `re` too short (`RE`), `front` and `top` open names
    assert gazetteers.function_words(["The"]) == ["besides", "hence", "throughout"]


def test_committed_common_words_keep_the_hand_rows_and_add_closed_class_words() -> None:
    with (SEEDS / "name_common_words.csv").open(newline="", encoding="utf-8") as f:
        rows = {row["word"]: row["source"] for row in csv.DictReader(f)}
    # `Besides British Gas`: a sentence-opening preposition is no name word
    assert rows["besides"] == "spacy_stop_words"
    assert rows["however"] == rows["monday"] == "hand"
    assert not {"front", "top", "first", "one"} & set(rows)


def test_committed_head_words_make_market_indices_organisations() -> None:
    # `Dow Jones Industrial Average` opens with a given name; the head word wins over it
    heads = dict(zip(column("name_head_words", "word"), column("name_head_words", "entity_type"), strict=True))
    assert heads["Average"] == heads["Index"] == heads["Composite"] == "organization"


def test_committed_head_words_make_streets_places() -> None:
    # `Wall Street` was a person by the classifier; `Wall Street Journal` stays a newspaper
    heads = dict(zip(column("name_head_words", "word"), column("name_head_words", "entity_type"), strict=True))
    assert heads["Street"] == heads["Avenue"] == heads["Road"] == heads["Boulevard"] == "place"
    assert heads["Journal"] == "organization"


def test_state_abbreviations_as_runs_write_them_leaving_out_english_words(monkeypatch: pytest.MonkeyPatch) -> None:
    def state(ap_abbr: str | None, name: str) -> types.SimpleNamespace:
        return types.SimpleNamespace(ap_abbr=ap_abbr, name=name)

    states = types.SimpleNamespace(STATES_AND_TERRITORIES=[
        state("Calif.", "California"), state("N.Y.", "New York"), state("Mass.", "Massachusetts"),
        state("Ohio", "Ohio"), state("W.Va.", "West Virginia"), state(None, "Guam"), state("Del.", "Delaware"),
    ])
    lemmas = {"mass": {"NOUN": ("mass",), "VERB": ("mass",)}, "calif": {"NOUN": ("calif",)}}
    lemminflect = types.SimpleNamespace(getAllLemmas=lambda w: lemmas.get(w, {}))
    monkeypatch.setattr(gazetteers, "load", lambda module: states if module == "us.states" else lemminflect)
    # `Mass` is a verb too, `Del` a given name, `W.Va.` no single word; `Ohio` is no abbreviation
    assert gazetteers.state_abbreviation_rows(stop=set(), given={"Del"}) == [
        ("Calif", "us_state_ap"), ("N.Y.", "us_state_ap"),
    ]


def test_committed_gazetteer_types_state_abbreviations_places() -> None:
    with (SEEDS / "name_gazetteer.csv").open(newline="", encoding="utf-8") as f:
        rows = {row["name"]: (row["entity_type"], row["source"]) for row in csv.DictReader(f)}
    assert rows["Calif"] == rows["N.Y."] == rows["Fla"] == ("place", "us_state_ap")
    assert not {"Mass", "Wash", "Ill", "Miss"} & set(rows)


def test_given_name_genders_keep_names_faker_gives_one_gender(monkeypatch: pytest.MonkeyPatch) -> None:
    providers = {
        "faker.providers.person.en": types.SimpleNamespace(Provider=types.SimpleNamespace(
            first_names_male=("Mark", "Andrea", "José"), first_names_female={"Ellen": 1.0, "Andrea": 1.0})),
    }
    empty = types.SimpleNamespace(Provider=types.SimpleNamespace())
    monkeypatch.setattr(genders, "load", lambda module: providers.get(module, empty))
    monkeypatch.setattr(genders, "MIN_NAMES_PER_GENDER", 1)
    # `Andrea` is listed both ways: left out; a name's ASCII fold keeps its gender
    assert genders.gendered_names() == {"Mark": "male", "José": "male", "Jose": "male", "Ellen": "female"}


def test_committed_given_name_genders_are_male_or_female_names() -> None:
    rows = list(csv.DictReader((SEEDS / "name_given_genders.csv").open(encoding="utf-8")))
    assert {r["gender"] for r in rows} == {"male", "female"}
    assert len({r["given_name"] for r in rows}) == len(rows) > 10000


def test_people_words_are_capitalised_adjectives_and_the_plurals_of_their_nouns(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    (tmp_path / "resources").mkdir()
    rows = [
        "Muslim,adj,,", "Muslim,noun,Muslims", "Buddhist,adj,,", "Buddhist,noun,Buddhists", "Texan,adj,,",
        "Texan,noun,Texans", "Islamic,adj,,", "Caribbean,adj,,", "Caribbean,noun,Caribbeans", "Aachen,noun,Aachen",
        "internet,noun,internets", "OK,adj,,", "Julian,adj,,",
    ]
    with gzip.open(tmp_path / "resources" / "infl_lu.csv.gz", "wt", encoding="utf-8") as f:
        f.write("\n".join(rows) + "\n")
    lemminflect = types.SimpleNamespace(__file__=str(tmp_path / "__init__.py"))
    monkeypatch.setattr(gazetteers, "load", lambda module: lemminflect)
    # an alias of the lexicon (`Caribbean`) and a given name (`Julian`) are left out, as are an
    # all-capitals word, a noun alone (`Aachen`) and a lower-case word
    assert gazetteers.people_words({"Caribbean", "Julian"}) == [
        "Buddhist", "Buddhists", "Islamic", "Muslim", "Muslims", "Texan", "Texans",
    ]


def test_committed_people_words_hold_beliefs_and_peoples_not_places() -> None:
    words = set(column("name_people_words", "word"))
    assert {"Muslims", "Buddhist", "Hindus", "Texans", "Hellenic"} <= words
    assert not {"Caribbean", "Atlantic", "Afghan", "Paris", "Victoria", "Julian"} & words
