"""The shape every extractor shares: inputs, per-segment runs, offsets, the table.

An extractor module supplies one function, ``find(text, **options) -> list[dict]``,
that finds its expressions in a single string and reports ``start``/``end`` offsets
into that string.  :func:`extract` feeds it from any input akhbar accepts and shifts
the offsets so that they refer to the original ``Article.text``.

Articles are read segment by segment (paragraphs, captions, related headlines,
attribution lines), never across a line break, and never in source URLs, image
file names, adverts or comment counters.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from datetime import date, datetime

import pandas as pd

from akhbar._tables import Schema, make_frame
from akhbar.errors import ConfigError
from akhbar.loader import CONTENT_KINDS, Article, article_units

__all__ = ["CONTENT_KINDS", "article_units", "extract", "extract_rows", "iter_units"]


def _as_date(value) -> date | None:
    if value is None or value is pd.NaT:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return pd.Timestamp(value).date()
        except (ValueError, TypeError):
            return None
    try:
        if pd.isna(value):
            return None
        return pd.Timestamp(value).date()
    except (ValueError, TypeError):
        return None


def iter_units(x, *, text_col: str = "text",
               id_col: str | None = None) -> Iterator[tuple[str | None, str, int, date | None]]:
    """Yield ``(article_id, text, offset, published)`` for every unit of input ``x``.

    ``x`` is a ``str``, an :class:`~akhbar.loader.Article`, a
    :class:`~akhbar.corpus.Corpus` or any iterable of articles, or a DataFrame with a
    text column (``text_col``) and optionally ``article_id``/``id`` and
    ``published`` columns.
    """
    if isinstance(x, str):
        yield None, x, 0, None
    elif isinstance(x, Article):
        pub = _as_date(x.published)
        for text, off in article_units(x):
            yield x.id, text, off, pub
    elif isinstance(x, pd.DataFrame):
        if text_col not in x.columns:
            raise ConfigError(f"the DataFrame has no text column {text_col!r}; "
                              f"columns are {list(x.columns)}; pass text_col=")
        if id_col is None:
            id_col = next((c for c in ("article_id", "id") if c in x.columns), None)
        ids = x[id_col] if id_col else pd.Series(x.index, index=x.index)
        pubs = x["published"] if "published" in x.columns else None
        for i, (idx, text) in enumerate(x[text_col].items()):
            if not isinstance(text, str):
                continue  # missing text: nothing to extract, nothing dropped
            aid = ids.loc[idx]
            yield (None if aid is None else str(aid)), text, 0, \
                (_as_date(pubs.loc[idx]) if pubs is not None else None)
    elif isinstance(x, Iterable):
        for item in x:
            if not isinstance(item, Article):
                raise ConfigError(f"expected Article items, got {type(item).__name__}")
            yield from iter_units(item)
    else:
        raise ConfigError(f"cannot extract from {type(x).__name__}: pass a str, an "
                          "Article, a Corpus or a DataFrame with a text column")


def extract_rows(x, find: Callable[..., list[dict]], *, text_col: str = "text",
                 **options) -> list[dict]:
    """Run ``find`` over every unit of ``x`` and return its rows.

    ``find`` receives the unit's text plus ``published=`` (the article's publication
    date, or None) and ``options``; it returns rows whose ``start``/``end`` index
    that text.  Offsets are shifted to the original article text here.
    """
    rows: list[dict] = []
    for aid, text, off, pub in iter_units(x, text_col=text_col):
        for row in find(text, published=pub, **options):
            row["start"] += off
            row["end"] += off
            row["article_id"] = aid
            rows.append(row)
    return rows


def extract(x, find: Callable[..., list[dict]], schema: Schema, *,
            text_col: str = "text", **options) -> pd.DataFrame:
    """:func:`extract_rows` as a DataFrame with exactly the columns of ``schema``."""
    return make_frame(extract_rows(x, find, text_col=text_col, **options), schema)
