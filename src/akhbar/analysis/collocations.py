"""Collocations: n-grams of content words that occur together more than chance."""

from __future__ import annotations

import math
from collections import Counter

import pandas as pd

from akhbar._tables import make_frame
from akhbar.analysis.keywords import content_tokens
from akhbar.errors import ConfigError

COLLOCATION_SCHEMA = {"ngram": "string", "n": "int64", "count": "int64", "score": "float64",
                      "measure": "string"}


def _xlogx(k: float, n: float) -> float:
    return k * math.log(k / n) if k > 0 else 0.0


def _llr(k11: int, k12: int, k21: int, k22: int) -> float:
    """Dunning's log-likelihood ratio for a 2x2 contingency table."""
    n = k11 + k12 + k21 + k22
    cells = sum(_xlogx(k, n) for k in (k11, k12, k21, k22))
    rows = _xlogx(k11 + k12, n) + _xlogx(k21 + k22, n)
    cols = _xlogx(k11 + k21, n) + _xlogx(k12 + k22, n)
    return 2.0 * (cells - rows - cols)


def collocations(tokens: pd.DataFrame, n: int = 2, min_count: int = 3,
                 measure: str = "pmi") -> pd.DataFrame:
    """N-grams of adjacent content words within a sentence, scored by PMI or LLR.

    Stop words break a sequence (they are removed first, and two words separated by
    one are not adjacent), so ``المؤتمر الدبلوماسي`` counts but ``في المؤتمر`` does not.
    """
    if measure not in ("pmi", "llr"):
        raise ConfigError(f"measure must be 'pmi' or 'llr', not {measure!r}")
    if n < 2 or (measure == "llr" and n != 2):
        raise ConfigError("n must be 2 or more (and exactly 2 for measure='llr')")
    words = content_tokens(tokens)
    unigrams: Counter = Counter()
    grams: Counter = Counter()
    total = 0
    for _, sent in words.groupby(["article_id", "sent_id"], sort=False):
        ids = sent["token_id"].tolist()
        norms = sent["norm"].tolist()
        unigrams.update(norms)
        total += len(norms)
        for i in range(len(norms) - n + 1):
            if ids[i + n - 1] - ids[i] == n - 1:  # adjacent in the original sentence
                grams[tuple(norms[i:i + n])] += 1
    rows = []
    n_grams = sum(grams.values())
    for g, c in grams.items():
        if c < min_count:
            continue
        if measure == "pmi":
            p = c / n_grams
            score = math.log2(p / math.prod(unigrams[w] / total for w in g))
        else:
            a, b = g
            k12 = unigrams[a] - c
            k21 = unigrams[b] - c
            score = _llr(c, max(k12, 0), max(k21, 0), max(total - c - k12 - k21, 0))
        rows.append({"ngram": " ".join(g), "n": n, "count": c, "score": score, "measure": measure})
    df = make_frame(rows, COLLOCATION_SCHEMA)
    return df.sort_values(["score", "count"], ascending=False, ignore_index=True)
