"""How alike two claims are: plain Python and scikit-learn, no Django.

TF-IDF over character n-grams of the claim's proposition and its evidence. Character
n-grams match Dutch and English inflections and compounds ("Huawei-apparatuur",
"spionage" / "espionage") without a stemmer or a downloaded model.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from annotations.tracking_glossary import NL_EN

#: A pair scoring at least this is suggested as a link (see bench/bench_clusters.py).
DEFAULT_THRESHOLD = 0.30
#: The proposition counts more than its evidence, which carries reporting verbs and names.
EVIDENCE_WEIGHT = 0.35


def fold(text: str) -> str:
    """Lower-case, strip accents and punctuation, collapse white space."""
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(re.findall(r"\w+", bare.casefold()))


def bridge(text: str) -> str:
    """Fold the text and map common Dutch news words to English (see tracking_glossary)."""
    return " ".join(NL_EN.get(word, word) for word in fold(text).split())


def _vectorizer():
    from sklearn.feature_extraction.text import TfidfVectorizer  # loads in about a second: only when scoring

    return TfidfVectorizer(
        analyzer="char_wb", ngram_range=(3, 5), sublinear_tf=True, preprocessor=bridge, min_df=1
    )


def _cosine(texts_a: Sequence[str], texts_b: Sequence[str]):
    """Cosine similarities (dense array, len(a) × len(b)) in one TF-IDF space."""
    if not texts_a or not texts_b:
        return np.zeros((len(texts_a), len(texts_b)))
    vectorizer = _vectorizer()
    matrix = vectorizer.fit_transform([*texts_a, *texts_b])
    a, b = matrix[: len(texts_a)], matrix[len(texts_a):]
    return (a @ b.T).toarray()


def similarity(
    queries: Sequence[tuple[str, str]], candidates: Sequence[tuple[str, str]]
):
    """Score every (query, candidate) pair of (proposition, evidence) texts in [0, 1]."""
    texts = [q[0] for q in queries], [c[0] for c in candidates]
    evidence = [q[1] or q[0] for q in queries], [c[1] or c[0] for c in candidates]
    main = _cosine(*texts)
    ev = _cosine(*evidence)
    return (1 - EVIDENCE_WEIGHT) * main + EVIDENCE_WEIGHT * ev


@dataclass(frozen=True)
class Suggestion:
    candidate: object  # the caller's key of the candidate
    score: float


def suggest_for_cluster(
    members: Sequence[tuple[str, str]],
    candidates: Sequence[tuple[object, str, str]],
    *,
    threshold: float = DEFAULT_THRESHOLD,
    limit: int = 50,
) -> list[Suggestion]:
    """Candidates (key, proposition, evidence) close to any member, best first."""
    if not members or not candidates:
        return []
    scores = similarity(members, [(c[1], c[2]) for c in candidates]).max(axis=0)
    found = [
        Suggestion(candidate=candidates[i][0], score=round(float(s), 4))
        for i, s in enumerate(scores)
        if s >= threshold
    ]
    found.sort(key=lambda s: -s.score)
    return found[:limit]


def suggest_pairs(
    items: Sequence[tuple[object, str, str]], *, threshold: float = DEFAULT_THRESHOLD
) -> list[tuple[object, object, float]]:
    """Every pair of items (key, proposition, evidence) scoring at least `threshold`."""
    if len(items) < 2:
        return []
    pairs = [(i[1], i[2]) for i in items]
    scores = similarity(pairs, pairs)
    found = []
    for i in range(len(items)):
        for j in range(i + 1, len(items)):
            if scores[i, j] >= threshold:
                found.append((items[i][0], items[j][0], round(float(scores[i, j]), 4)))
    return found


def precision_recall(predicted: set[frozenset], gold: set[frozenset]) -> tuple[float, float]:
    """Pairwise precision and recall of predicted links against gold links."""
    hit = len(predicted & gold)
    precision = hit / len(predicted) if predicted else 1.0
    recall = hit / len(gold) if gold else 1.0
    return precision, recall
