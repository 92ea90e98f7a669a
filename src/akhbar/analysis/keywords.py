"""Keywords per article or for the corpus, from the tokens table."""

from __future__ import annotations

import math

import pandas as pd

from akhbar._tables import make_frame
from akhbar.errors import ConfigError

KEYWORD_SCHEMA = {"article_id": "string", "rank": "int64", "term": "string", "form": "string",
                  "score": "float64", "count": "int64"}
METHODS = ("tfidf", "count")


def content_tokens(tokens: pd.DataFrame, stop: frozenset[str] | None = None) -> pd.DataFrame:
    """Word tokens that carry content: Arabic or Latin words, not stop words, not one letter."""
    if stop is None:
        from akhbar.text.segment import stopwords

        stop = frozenset(stopwords())
    words = tokens[tokens["kind"].isin(["word", "latin"]) & (tokens["norm"].str.len() >= 2)]
    return words[~words["norm"].isin(stop)]


def keywords(tokens: pd.DataFrame, article_id: str | None = None, n: int = 20,
             method: str = "tfidf") -> pd.DataFrame:
    """Top ``n`` content terms per article (``article_id=None``: for the whole corpus).

    ``tfidf`` weighs a term's count in an article by ``log((1 + N) / (1 + df)) + 1`` over
    the N articles; for the corpus the article scores are summed.  ``term`` is the
    normalized form, ``form`` its most frequent spelling in the text.
    """
    if method not in METHODS:
        raise ConfigError(f"method must be one of {METHODS}, not {method!r}")
    if n < 1:
        raise ConfigError(f"n must be at least 1, not {n}")
    words = content_tokens(tokens)
    if words.empty:
        return make_frame([], KEYWORD_SCHEMA)
    tf = words.groupby(["article_id", "norm"], observed=True).size().rename("count").reset_index()
    n_docs = tokens["article_id"].nunique()
    df_ = tf.groupby("norm")["article_id"].nunique()
    idf = ((1 + n_docs) / (1 + tf["norm"].map(df_))).map(math.log) + 1
    tf["score"] = tf["count"] * (idf if method == "tfidf" else 1.0)
    forms = words.groupby("norm")["text"].agg(lambda s: s.value_counts().index[0])
    if article_id is None:
        agg = tf.groupby("norm").agg(score=("score", "sum"), count=("count", "sum")).reset_index()
        agg["article_id"] = None
        tables = [agg]
    else:
        if article_id is not None:
            tf = tf[tf["article_id"] == article_id]
            if tf.empty and article_id not in set(tokens["article_id"]):
                raise KeyError(f"no article with id {article_id!r}")
        tables = [g for _, g in tf.groupby("article_id", sort=False)]
    out = []
    for g in tables:
        g = g.sort_values(["score", "count", "norm"], ascending=[False, False, True]).head(n)
        g = g.assign(rank=range(1, len(g) + 1), term=g["norm"], form=g["norm"].map(forms))
        out.append(g[["article_id", "rank", "term", "form", "score", "count"]])
    return make_frame(pd.concat(out, ignore_index=True), KEYWORD_SCHEMA)
