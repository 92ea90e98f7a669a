"""The per-article ``tokens`` and ``sentences`` tables.

Both are built from the article's content segments (paragraphs, captions, related
headlines, attribution lines; see :func:`akhbar.loader.article_units`), one
segment at a time, so no sentence and no token ever crosses a paragraph boundary, and
every offset indexes the original ``Article.text``.
"""

from __future__ import annotations

import pandas as pd

from akhbar._tables import chunk_cache, register_table
from akhbar.loader import article_units
from akhbar.text.normalize import DEFAULT_PRESET
from akhbar.text.segment import stem
from akhbar.text.sentences import sentences
from akhbar.text.tokenize import token_columns

__all__ = ["TOKEN_SCHEMA", "SENTENCE_SCHEMA", "article_tokens", "article_sentences"]

TOKEN_SCHEMA = {
    "article_id": "string", "sent_id": "int64", "token_id": "int64", "text": "string",
    "norm": "string", "stem": "string", "kind": "string", "start": "int64", "end": "int64",
}
SENTENCE_SCHEMA = {
    "article_id": "string", "sent_id": "int64", "text": "string", "start": "int64",
    "end": "int64",
}

_STEMMED = frozenset({"word"})


#: (article id, text) -> its sentences: the tokens and sentences tables both need them.
_SENTENCES: dict[tuple, list] = {}
_SENTENCES_MAX = 4096
chunk_cache(_SENTENCES.clear)


def _sentences_of(article) -> list:
    """(sent_id, Sentence with article offsets) over every content segment."""
    key = (article.id, article.text)
    got = _SENTENCES.get(key)
    if got is None:
        got = []
        for text, off in article_units(article):
            for s in sentences(text):
                got.append((len(got), s._replace(start=s.start + off, end=s.end + off)))
        if len(_SENTENCES) >= _SENTENCES_MAX:  # a bounded memo: start again when full
            _SENTENCES.clear()
        _SENTENCES[key] = got
    return got


@register_table("sentences", SENTENCE_SCHEMA,
                "one row per sentence of the content segments (never across a paragraph)",
                rows=True)
def article_sentences(article) -> pd.DataFrame:
    """The sentences table of one article; columns in :data:`SENTENCE_SCHEMA`.

    >>> from akhbar.loader import parse_article
    >>> a = parse_article("قال الوزير. ثم غادر!\\nتعليق (0)\\n", id="x")
    >>> article_sentences(a)[["sent_id", "text", "start", "end"]].values.tolist()
    [[0, 'قال الوزير.', 0, 11], [1, 'ثم غادر!', 12, 20]]
    """
    cols: dict[str, list] = {c: [] for c in SENTENCE_SCHEMA}
    for k, s in _sentences_of(article):
        cols["sent_id"].append(k)
        cols["text"].append(s.text)
        cols["start"].append(s.start)
        cols["end"].append(s.end)
    cols["article_id"] = [article.id] * len(cols["sent_id"])
    return cols


@register_table("tokens", TOKEN_SCHEMA,
                "one row per token: text, normalized form, stem, kind, offsets", rows=True)
def article_tokens(article, preset: str = DEFAULT_PRESET) -> pd.DataFrame:
    """The tokens table of one article; columns in :data:`TOKEN_SCHEMA`.

    ``stem`` is :func:`akhbar.text.segment.stem` for Arabic words and ``norm`` for
    every other kind (numbers, Latin words, punctuation, ...).

    >>> from akhbar.loader import parse_article
    >>> a = parse_article("قالَ الوزير إن ٢٠٢٣ عامٌ جيد.\\n", id="x")
    >>> t = article_tokens(a)
    >>> t[["token_id", "text", "norm", "kind"]].values.tolist()[2:5]
    [[2, 'إن', 'ان', 'word'], [3, '٢٠٢٣', '2023', 'number'], [4, 'عامٌ', 'عام', 'word']]
    """
    sent_ids, texts, starts, ends, norms, stems, kinds = [], [], [], [], [], [], []
    for k, s in _sentences_of(article):
        tx, st, en, nm, kd = token_columns(s.text, preset, s.start)
        sent_ids += [k] * len(tx)
        texts += tx
        starts += st
        ends += en
        norms += nm
        kinds += kd
        stems += [stem(t) if kind in _STEMMED else n for t, n, kind in zip(tx, nm, kd)]
    n = len(texts)
    return {"article_id": [article.id] * n, "sent_id": sent_ids, "token_id": list(range(n)),
            "text": texts, "norm": norms, "stem": stems, "kind": kinds, "start": starts,
            "end": ends}
