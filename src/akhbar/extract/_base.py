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

import warnings
from collections.abc import Callable, Iterable, Iterator, Mapping
from datetime import date

import pandas as pd

from akhbar._days import as_day
from akhbar._tables import Schema, make_frame
from akhbar.errors import ConfigError, SkippedInputWarning
from akhbar.loader import CONTENT_KINDS, Article, article_units, bytes_error

__all__ = ["CONTENT_KINDS", "article_units", "as_day", "extract", "extract_rows", "iter_units"]

Unit = tuple[str | None, str, int, date | None]

_ACCEPTED = ("a str, an Article, a Corpus, a DataFrame with a text column, a Series of "
             "strings or any iterable of strings")


def _as_date(value) -> date | None:
    """The day of ``value`` (kept for callers of the old name; see :func:`as_day`)."""
    return as_day(value, "published")


def _missing(value) -> bool:
    """None, NaN, NaT or NA: no text (a list or an array is not "missing")."""
    return value is None or (pd.api.types.is_scalar(value) and bool(pd.isna(value)))


def _text_or_skip(value, where: str, skipped: list, aid: str) -> str | None:
    """``value`` if it is a text; None, noted in ``skipped``, if it is missing."""
    if isinstance(value, str):
        return value
    if isinstance(value, (bytes, bytearray, memoryview)):
        raise bytes_error(value, where)
    if _missing(value):
        skipped.append(aid)
        return None
    raise ConfigError(f"{where}: got {type(value).__name__} ({value!r:.40}); expected a str "
                      "(None or NaN for no text)")


def _frame_units(x: pd.DataFrame, text_col: str, id_col: str | None,
                 skipped: list) -> Iterator[Unit]:
    if text_col not in x.columns:
        raise ConfigError(f"the DataFrame has no text column {text_col!r}; "
                          f"columns are {list(x.columns)}; pass text_col=")
    if id_col is None:
        id_col = next((c for c in ("article_id", "id") if c in x.columns), None)
    elif id_col not in x.columns:
        raise ConfigError(f"the DataFrame has no id column {id_col!r}; "
                          f"columns are {list(x.columns)}")
    ids = x[id_col] if id_col else pd.Series(x.index, index=x.index)
    pubs = x["published"] if "published" in x.columns else None
    for idx, value in x[text_col].items():
        aid = ids.loc[idx]
        aid = None if _missing(aid) else str(aid)
        text = _text_or_skip(value, f"column {text_col!r}, row {idx!r}", skipped, aid)
        if text is not None:
            pub = None if pubs is None else \
                as_day(pubs.loc[idx], f"column 'published', row {idx!r}")
            yield aid, text, 0, pub


def _items_units(x: Iterable, skipped: list) -> Iterator[Unit]:
    """Articles and strings (article id: the position) of any iterable."""
    for i, item in enumerate(x):
        if isinstance(item, Article):
            yield from _article_units(item)
            continue
        text = _text_or_skip(item, f"item {i}", skipped, str(i))
        if text is not None:
            yield str(i), text, 0, None


def _article_units(a: Article) -> Iterator[Unit]:
    pub = as_day(a.published, f"article {a.id!r}: published")
    for text, off in article_units(a):
        yield a.id, text, off, pub


def _units(x, text_col: str, id_col: str | None, skipped: list) -> Iterator[Unit]:
    if isinstance(x, str):
        yield None, x, 0, None
    elif isinstance(x, (bytes, bytearray, memoryview)):
        raise bytes_error(x)
    elif isinstance(x, Article):
        yield from _article_units(x)
    elif isinstance(x, pd.DataFrame):
        yield from _frame_units(x, text_col, id_col, skipped)
    elif isinstance(x, (pd.Series, Mapping)):  # labels become article ids
        s = x if isinstance(x, pd.Series) else pd.Series(dict(x), dtype=object)
        yield from _frame_units(pd.DataFrame({"text": s.astype(object)}, index=s.index),
                                "text", None, skipped)
    elif isinstance(x, Iterable):
        yield from _items_units(x, skipped)
    else:
        raise ConfigError(f"cannot extract from {type(x).__name__}: pass {_ACCEPTED}")


def iter_units(x, *, text_col: str = "text", id_col: str | None = None,
               skipped: list | None = None) -> Iterator[Unit]:
    """Yield ``(article_id, text, offset, published)`` for every unit of input ``x``.

    ``x`` is a ``str`` (article id None), an :class:`~akhbar.loader.Article`, a
    :class:`~akhbar.corpus.Corpus` or any iterable of articles and strings (the
    position of a string is its article id), a ``Series`` or a dict of strings (the
    label is the id), or a DataFrame with a text column (``text_col``) and optionally
    ``article_id``/``id`` (or ``id_col``) and ``published`` columns.  ``bytes`` are
    refused with the encoding to decode them with.

    Missing texts (None, NaN) are skipped: their ids are appended to ``skipped`` when
    it is given, and counted in a :class:`~akhbar.errors.SkippedInputWarning`.

    >>> import pandas as pd
    >>> [(aid, t) for aid, t, _, _ in iter_units(pd.Series(["خبر", None], index=["a", "b"]))]
    [('a', 'خبر')]
    """
    missing: list = [] if skipped is None else skipped
    before = len(missing)
    yield from _units(x, text_col, id_col, missing)
    new = missing[before:]
    if new:
        shown = ", ".join(map(repr, new[:5])) + (", ..." if len(new) > 5 else "")
        warnings.warn(f"{len(new)} input(s) had no text (None or NaN) and were skipped: "
                      f"ids {shown}", SkippedInputWarning, stacklevel=3)


def check_date_options(options: dict) -> dict:
    """``options`` with every date option (``reference_date``, ``*_date``) as a day."""
    return {k: as_day(v, k) if k == "reference_date" or k.endswith("_date") else v
            for k, v in options.items()}


def extract_rows(x, find: Callable[..., list[dict]], *, text_col: str = "text",
                 **options) -> list[dict]:
    """Run ``find`` over every unit of ``x`` and return its rows.

    ``find`` receives the unit's text plus ``published=`` (the article's publication
    date, or None) and ``options``; it returns rows whose ``start``/``end`` index
    that text.  Offsets are shifted to the original article text here.
    """
    return _rows(x, find, text_col, check_date_options(options), None)


def _rows(x, find, text_col: str, options: dict, skipped: list | None) -> list[dict]:
    rows: list[dict] = []
    for aid, text, off, pub in iter_units(x, text_col=text_col, skipped=skipped):
        for row in find(text, published=pub, **options):
            row["start"] += off
            row["end"] += off
            row["article_id"] = aid
            rows.append(row)
    return rows


def extract(x, find: Callable[..., list[dict]], schema: Schema, *,
            text_col: str = "text", **options) -> pd.DataFrame:
    """:func:`extract_rows` as a DataFrame with exactly the columns of ``schema``.

    The ids of inputs skipped for having no text are in ``df.attrs["skipped"]``.
    """
    skipped: list = []
    df = make_frame(_rows(x, find, text_col, check_date_options(options), skipped), schema)
    df.attrs["skipped"] = skipped
    return df
