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


def _most_common_form(words: pd.DataFrame) -> pd.Series:
    """norm -> its most frequent surface spelling (ties: the first in sort order)."""
    counts = words.groupby(["norm", "text"], observed=True).size().reset_index(name="n")
    counts = counts.sort_values(["norm", "n", "text"], ascending=[True, False, True])
    return counts.drop_duplicates("norm").set_index("norm")["text"]


def _top(tf: pd.DataFrame, n: int, forms: pd.Series) -> pd.DataFrame:
    tf = tf.sort_values(["article_id", "score", "count", "norm"],
                        ascending=[True, False, False, True], na_position="first")
    tf = tf.groupby("article_id", sort=False, dropna=False).head(n)
    tf = tf.assign(rank=tf.groupby("article_id", sort=False, dropna=False).cumcount() + 1,
                   term=tf["norm"], form=tf["norm"].map(forms))
    return tf[["article_id", "rank", "term", "form", "score", "count"]]


def keywords(tokens: pd.DataFrame, article_id: str | None = None, n: int = 20,
             method: str = "tfidf", *, every_article: bool = False) -> pd.DataFrame:
    """Top ``n`` content terms of one article (``article_id=None``: of the whole corpus).

    ``tfidf`` weighs a term's count in an article by ``log((1 + N) / (1 + df)) + 1`` over
    the N articles; for the corpus the article scores are summed.  ``term`` is the
    normalized form, ``form`` its most frequent spelling in the text.
    ``every_article=True`` returns the top terms of each article and then of the
    corpus (``article_id`` empty), computed in one pass.
    """
    if method not in METHODS:
        raise ConfigError(f"method must be one of {METHODS}, not {method!r}")
    if n < 1:
        raise ConfigError(f"n must be at least 1, not {n}")
    words = content_tokens(tokens)
    if article_id is not None and article_id not in set(tokens["article_id"]):
        raise KeyError(f"no article with id {article_id!r}")
    if words.empty:
        return make_frame([], KEYWORD_SCHEMA)
    tf = words.groupby(["article_id", "norm"], observed=True).size().rename("count").reset_index()
    n_docs = tokens["article_id"].nunique()
    df_ = tf.groupby("norm")["article_id"].nunique()
    idf = ((1 + n_docs) / (1 + tf["norm"].map(df_))).map(math.log) + 1
    tf["score"] = tf["count"] * (idf if method == "tfidf" else 1.0)
    forms = _most_common_form(words)
    corpus_tf = tf.groupby("norm").agg(score=("score", "sum"), count=("count", "sum")).reset_index()
    corpus_tf["article_id"] = None
    if every_article:
        parts = [_top(tf, n, forms), _top(corpus_tf, n, forms)]
    elif article_id is None:
        parts = [_top(corpus_tf, n, forms)]
    else:
        parts = [_top(tf[tf["article_id"] == article_id], n, forms)]
    return make_frame(pd.concat(parts, ignore_index=True), KEYWORD_SCHEMA)
