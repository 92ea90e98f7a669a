"""Word frequencies and n-grams from a tokens table (see :mod:`akhbar.text.tables`)."""

from __future__ import annotations

from collections import Counter

import pandas as pd

from akhbar._tables import make_frame
from akhbar.errors import ConfigError

__all__ = ["FREQUENCY_SCHEMA", "NGRAM_SCHEMA", "frequencies", "ngrams"]

FREQUENCY_SCHEMA = {"term": "string", "count": "int64", "articles": "int64",
                    "share": "float64"}
NGRAM_SCHEMA = {"ngram": "string", "n": "int64", "count": "int64", "articles": "int64"}

#: token kinds that count as words
WORD_KINDS = ("word", "latin")


def _words(tokens_df: pd.DataFrame, by: str, stopwords: bool) -> pd.DataFrame:
    if by not in ("norm", "stem"):
        raise ConfigError(f"frequencies(by={by!r}): use 'norm' or 'stem'")
    missing = {"kind", "norm", by, "article_id"} - set(tokens_df.columns)
    if missing:
        raise ConfigError(f"the tokens table lacks columns {sorted(missing)}; "
                          "pass corpus.tokens() or akhbar.text.tables.article_tokens(a)")
    words = tokens_df[tokens_df["kind"].isin(WORD_KINDS)]
    if not stopwords:
        from akhbar.text.segment import stopwords as stop_list
        words = words[~words["norm"].isin(stop_list())]
    return words


def frequencies(tokens_df: pd.DataFrame, by: str = "norm", stopwords: bool = False,
                min_count: int = 1) -> pd.DataFrame:
    """Word counts from a tokens table, most frequent first; :data:`FREQUENCY_SCHEMA`.

    ``by`` is ``"norm"`` (the normalized word) or ``"stem"``; with ``stopwords=False``
    (default) stop words are left out, with ``True`` they are counted too.  ``articles``
    is the number of articles the term occurs in, ``share`` its count over all counted
    words.  Numbers and punctuation are not words.

    >>> from akhbar.loader import parse_article
    >>> from akhbar.text.tables import article_tokens
    >>> t = article_tokens(parse_article("زار الوزير فيتنام، ثم زار الوزيرُ لاوس.\\n", id="a"))
    >>> frequencies(t)[["term", "count"]].values.tolist()[:2]
    [['الوزير', 2], ['زار', 2]]
    """
    words = _words(tokens_df, by, stopwords)
    if words.empty:
        return make_frame([], FREQUENCY_SCHEMA)
    g = words.groupby(by, sort=False)
    df = pd.DataFrame({"count": g.size(), "articles": g["article_id"].nunique()})
    df = df[df["count"] >= min_count]
    df["share"] = df["count"] / len(words)
    df = df.rename_axis("term").reset_index()
    df = df.sort_values(["count", "term"], ascending=[False, True], kind="stable")
    return make_frame(df, FREQUENCY_SCHEMA)


def ngrams(tokens_df: pd.DataFrame, n: int = 2, by: str = "norm", stopwords: bool = True,
           min_count: int = 1) -> pd.DataFrame:
    """Word n-grams (never across a sentence), most frequent first; :data:`NGRAM_SCHEMA`.

    An n-gram is ``n`` consecutive word tokens of one sentence (numbers and punctuation
    break it); stop words are kept by default since they are part of phrases.

    >>> from akhbar.loader import parse_article
    >>> from akhbar.text.tables import article_tokens
    >>> t = article_tokens(parse_article("قال الأمين العام. وأكد الأمين العام.\\n", id="a"))
    >>> ngrams(t, 2)[["ngram", "count"]].values.tolist()[0]
    ['الامين العام', 2]
    """
    if not isinstance(n, int) or n < 1:
        raise ConfigError(f"ngrams(n={n!r}): n must be a positive integer")
    if by not in ("norm", "stem"):
        raise ConfigError(f"ngrams(by={by!r}): use 'norm' or 'stem'")
    if tokens_df.empty:
        return make_frame([], NGRAM_SCHEMA)
    counts: Counter = Counter()
    docs: dict[str, set] = {}
    stop = None
    if not stopwords:
        from akhbar.text.segment import stopwords as stop_list
        stop = stop_list()
    cols = tokens_df[["article_id", "sent_id", "kind", by]]
    for (aid, _sid), sent in cols.groupby(["article_id", "sent_id"], sort=False):
        run: list[str] = []
        for kind, term in zip(sent["kind"], sent[by]):
            if kind in WORD_KINDS and (stop is None or term not in stop):
                run.append(term)
                if len(run) >= n:
                    gram = " ".join(run[-n:])
                    counts[gram] += 1
                    docs.setdefault(gram, set()).add(aid)
            else:
                run = []
    rows = [{"ngram": g, "n": n, "count": c, "articles": len(docs[g])}
            for g, c in counts.items() if c >= min_count]
    rows.sort(key=lambda r: (-r["count"], r["ngram"]))
    return make_frame(rows, NGRAM_SCHEMA)
