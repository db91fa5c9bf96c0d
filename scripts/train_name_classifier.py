"""Train the linear classifier that types capitalised runs, and write its weights as a seed.

The features are computed by the warehouse itself (model int_name_run_features), so training
and inference see exactly the same features: the script converts GUM documents of genres other
than news (the news genre is the development set) into a corpus, builds a throwaway warehouse on
it, labels every candidate run with the type of the gold name it overlaps most (or `none`),
fits a multinomial logistic regression (numpy, L2), and writes
``seeds/name_classifier_weights.csv``: ``feature,entity_type,weight``. The model
int_mentions_classified sums the weights of a run's features per type and takes the largest.

    python scripts/train_name_classifier.py --gum /work/.mirror/amir-zeldes+gum/repo

GUM (https://github.com/amir-zeldes/gum): annotations CC BY 4.0; texts under their genres'
licences (Wikipedia, Wikivoyage: CC BY-SA; academic: CC BY; ...). Only feature weights, no
text, reach the repository.
"""

from __future__ import annotations

import argparse
import csv
import sys
import tempfile
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

import duckdb
import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from evaluation.build import build_warehouse, write_corpus
from evaluation.devset import Article
from evaluation.score import Name, Span
from scripts.convert_gum import NAME_TYPES, convert, git_files, global_index, name_span, parse_doc, read_repo_file

ROOT = Path(__file__).resolve().parent.parent
LABELS = ("none", "person", "organization", "place")
GOLD_LABELS = {"PER": "person", "ORG": "organization", "LOC": "place"}
GENRES = ("bio", "voyage", "academic", "speech", "essay", "letter", "textbook", "podcast", "court",
          "interview", "fiction", "whow", "conversation", "vlog", "reddit")


@dataclass
class Candidate:
    span: Span
    features: list[str]


def load_gum(repo: Path, genres: list[str]) -> tuple[list[Article], list[Name]]:
    """The documents of `genres` as articles, and their names: every person, organisation or
    place mention whose head is a proper noun, with or without a Wikipedia identity (the
    development set keeps only those with one; a name without one is a name all the same)."""
    articles: list[Article] = []
    names: list[Name] = []
    for genre in genres:
        for path in git_files(repo, f"GUM_{genre}_"):
            try:
                doc = parse_doc(read_repo_file(repo, path), path)
                art, _, _, _ = convert(doc)
            except (ValueError, KeyError, IndexError) as exc:  # a document whose markup the converter rejects
                print(f"skipped {path}: {exc}", file=sys.stderr)
                continue
            articles.append(Article(art["doc_id"], "gum_train", f"train__{art['doc_id']}", art["text"],
                                    art["published_date"] or "2020-01-01", art.get("title", "")))
            gidx = global_index(doc)
            seen: set[tuple[int, int]] = set()
            for m in doc.mentions:
                span = name_span(doc, m, gidx) if m.etype in NAME_TYPES else None
                if span is not None and span not in seen:
                    seen.add(span)
                    names.append(Name(Span(doc.doc_id, span[0], span[1]), NAME_TYPES[m.etype]))
    if not articles:
        raise SystemExit(f"error: {repo}: no GUM documents of genres {', '.join(genres)}")
    return articles, names


def read_candidates(db: Path) -> list[Candidate]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        rows = con.execute(
            "select a.source_file, f.char_start, f.char_end, f.feature "
            "from intermediate.int_name_run_features f join marts.dim_articles a using (article_id) "
            "order by 1, 2, 3"
        ).fetchall()
    finally:
        con.close()
    by_span: dict[Span, list[str]] = defaultdict(list)
    for source_file, start, end, feature in rows:
        by_span[Span(Path(source_file.split(":")[0]).stem, start, end)].append(feature)
    return [Candidate(s, f) for s, f in by_span.items()]


def label(cands: list[Candidate], gold: list[Name]) -> list[str]:
    by_doc: dict[str, list[Name]] = defaultdict(list)
    for g in gold:
        by_doc[g.span.doc_id].append(g)
    out = []
    for c in cands:
        best, best_overlap = "none", 0
        for g in by_doc.get(c.span.doc_id, []):
            overlap = min(c.span.end, g.span.end) - max(c.span.start, g.span.start)
            if overlap > best_overlap and g.type:
                best, best_overlap = GOLD_LABELS[g.type.split("|")[0]], overlap
        out.append(best)
    return out


def fit(rows: list[list[int]], y: np.ndarray, n_features: int, l2: float, epochs: int) -> np.ndarray:
    """Multinomial logistic regression on binary features, full-batch gradient descent with
    AdaGrad; row i has the features rows[i] (int_name_run_features gives every run `bias`)."""
    k = len(LABELS)
    w = np.zeros((n_features, k))
    flat = np.concatenate([np.asarray(r, dtype=np.int64) for r in rows])
    owner = np.repeat(np.arange(len(rows)), [len(r) for r in rows])
    onehot = np.eye(k)[y]
    g2 = np.full_like(w, 1e-8)
    for _ in range(epochs):
        scores = np.zeros((len(rows), k))
        np.add.at(scores, owner, w[flat])
        scores -= scores.max(axis=1, keepdims=True)
        p = np.exp(scores)
        p /= p.sum(axis=1, keepdims=True)
        err = p - onehot
        grad = np.zeros_like(w)
        np.add.at(grad, flat, err[owner])
        grad = grad / len(rows) + l2 * w
        g2 += grad**2
        w -= 0.5 * grad / np.sqrt(g2)
    return w


def predict(rows: list[list[int]], w: np.ndarray) -> np.ndarray:
    return np.array([int(np.argmax(w[r].sum(axis=0))) for r in rows])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--gum", type=Path, default=Path("/work/.mirror/amir-zeldes+gum/repo"),
                    help="GUM repository: a bare git directory or a checkout")
    ap.add_argument("--genres", default=",".join(GENRES), help="GUM genres to train on (never news)")
    ap.add_argument("--out", type=Path, default=ROOT / "seeds" / "name_classifier_weights.csv")
    ap.add_argument("--workdir", type=Path, help="keep the corpus and warehouse here (default: a temp dir)")
    ap.add_argument("--min-count", type=int, default=3, help="features seen fewer times are dropped")
    ap.add_argument("--l2", type=float, default=1e-4)
    ap.add_argument("--epochs", type=int, default=400)
    args = ap.parse_args(argv)
    genres = [g.strip() for g in args.genres.split(",") if g.strip()]
    if "news" in genres:
        print("error: the news genre is the development set; train on other genres", file=sys.stderr)
        return 2
    if not args.gum.exists():
        print(f"error: {args.gum}: no such GUM repository", file=sys.stderr)
        return 2
    articles, gold = load_gum(args.gum, genres)
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="corroborate-train-"))
    corpus = write_corpus(articles, workdir / "corpus")
    db, problems = build_warehouse(corpus, workdir)
    for p in problems:
        print(f"note: {p}", file=sys.stderr)
    cands = read_candidates(db)
    labels = label(cands, gold)
    counts = Counter(f for c in cands for f in set(c.features))
    vocab = sorted(f for f, n in counts.items() if n >= args.min_count)
    index = {f: i for i, f in enumerate(vocab)}
    rows = [sorted({index[f] for f in c.features if f in index}) for c in cands]
    y = np.array([LABELS.index(lbl) for lbl in labels])
    # held-out check: every fifth document
    docs = sorted({c.span.doc_id for c in cands})
    test_docs = set(docs[::5])
    train = [i for i, c in enumerate(cands) if c.span.doc_id not in test_docs]
    test = [i for i, c in enumerate(cands) if c.span.doc_id in test_docs]
    w = fit([rows[i] for i in train], y[train], len(vocab), args.l2, args.epochs)
    acc = float((predict([rows[i] for i in test], w) == y[test]).mean()) if test else float("nan")
    print(f"{len(cands)} candidate runs in {len(docs)} documents, labels {dict(Counter(labels))}; "
          f"{len(vocab)} features; held-out accuracy (every fifth document) {acc:.3f}")
    w = fit(rows, y, len(vocab), args.l2, args.epochs)
    acc_all = float((predict(rows, w) == y).mean())
    n = 0
    with args.out.open("w", newline="", encoding="utf-8") as f:
        out = csv.writer(f, lineterminator="\n")
        out.writerow(["feature", "entity_type", "weight"])
        for i, feature in enumerate(vocab):
            for j, lbl in enumerate(LABELS):
                if abs(w[i, j]) >= 0.01:
                    out.writerow([feature, lbl, f"{w[i, j]:.3f}"])
                    n += 1
    print(f"training accuracy {acc_all:.3f}; {n} weights -> {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
