"""Table schemas and the table registry.

Every table akhbar produces has one schema, declared once beside the function that
builds it, and is returned with exactly those columns and dtypes even when empty.
Extractors and analyses register themselves here with :func:`register_table`; the
:class:`~akhbar.corpus.Corpus` and the command line discover every table from this
registry, so adding a table never means editing either of them.
"""

from __future__ import annotations

import inspect
import os
import tempfile
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
from pandas.arrays import ArrowStringArray

from akhbar.errors import ConfigError, SchemaError

Schema = Mapping[str, str]

#: Is pandas' "string" dtype stored in pyarrow (pandas 3; pandas 2 stores Python objects)?
_ARROW_STRINGS = pd.StringDtype().storage == "pyarrow"


_EMPTY: dict[tuple, pd.DataFrame] = {}


def empty_frame(schema: Schema) -> pd.DataFrame:
    """An empty DataFrame with exactly the columns and dtypes of ``schema``.

    Built once per schema and copied: most articles have no row for a given extractor,
    and building typed empty columns costs milliseconds each time.
    """
    key = tuple(schema.items())
    if key not in _EMPTY:
        _EMPTY[key] = pd.DataFrame({c: pd.Series([], dtype=d) for c, d in schema.items()})
    return _EMPTY[key].copy()


def _datetimes(values: list, dtype: str) -> np.ndarray:
    """datetime64 values from Timestamps, dates, datetimes or None, without pandas' parser."""
    return np.array([None if v is None or v is pd.NaT
                     else v.to_datetime64() if isinstance(v, pd.Timestamp) else v
                     for v in values], dtype=dtype)


def _column(values: list, dtype: str):
    """One column of ``dtype`` from a list of Python values (None = missing)."""
    if dtype.startswith("datetime64"):
        try:
            return _datetimes(values, dtype)
        except (TypeError, ValueError):  # strings or other types: pandas' parser decides
            return pd.to_datetime(pd.Series(values, dtype=object), errors="coerce").astype(dtype)
    if dtype in ("int64", "float64"):
        try:
            return np.asarray(values, dtype=dtype)
        except (TypeError, ValueError):
            pass  # a None in an int column, or a numeric string: let pandas say what is wrong
    if dtype == "string" and _ARROW_STRINGS:
        # pyarrow builds the column in C++, about six times faster than pd.array, which
        # checks every value in Python; anything but str and None goes to pandas.
        try:
            return ArrowStringArray(pa.array(values, type=pa.large_string()))
        except (pa.ArrowTypeError, pa.ArrowInvalid):
            pass
    return pd.array(values, dtype=dtype)


def check_columns(columns, schema: Schema) -> None:
    """Raise :class:`~akhbar.errors.SchemaError` if ``columns`` (a set or a dict's keys)
    holds a name that ``schema`` does not declare: a typo in an extractor must not
    silently add a column."""
    extra = columns - schema.keys()
    if extra:
        raise SchemaError(extra, schema, _table_of(schema))


def _table_of(schema: Schema) -> str | None:
    """The name(s) of the registered table(s) with ``schema``, for error messages."""
    names = [n for n, spec in TABLES.items() if spec.schema == dict(schema)]
    return " or ".join(names) or None


def make_frame(rows: Iterable[Mapping] | Mapping[str, list] | pd.DataFrame,
               schema: Schema) -> pd.DataFrame:
    """Build a DataFrame with exactly the columns and dtypes of ``schema``.

    ``rows`` is an iterable of row dicts, a dict of column lists, or a DataFrame.

    Missing keys become missing values; keys not in the schema raise
    :class:`~akhbar.errors.SchemaError`.  Row dicts are turned into columns
    directly (not through ``DataFrame.from_records`` and a cast per column): extractors
    call this once per article, so its fixed cost is paid millions of times.
    """
    if isinstance(rows, pd.DataFrame):
        df = rows
        if df.empty and not len(df.columns):
            return empty_frame(schema)
        check_columns(set(df.columns), schema)
        out = {}
        for col, dtype in schema.items():
            if col in df.columns:
                s = df[col]
                if dtype.startswith("datetime64"):
                    s = pd.to_datetime(s, errors="coerce")
                out[col] = s.astype(dtype)
            else:
                out[col] = pd.Series([None] * len(df), dtype=dtype, index=df.index)
        return pd.DataFrame(out).reset_index(drop=True)
    if isinstance(rows, Mapping):  # a dict of column lists
        check_columns(rows.keys(), schema)
        n = len(next(iter(rows.values()), ()))
        if not n:
            return empty_frame(schema)
        return pd.DataFrame({col: _column(rows[col] if col in rows else [None] * n, dtype)
                             for col, dtype in schema.items()})
    rows = list(rows)
    if not rows:
        return empty_frame(schema)
    check_columns(set().union(*rows), schema)
    return pd.DataFrame({col: _column([r.get(col) for r in rows], dtype)
                         for col, dtype in schema.items()})


@dataclass(frozen=True)
class TableSpec:
    """A registered table: its name, schema and the per-article function that fills it."""

    name: str
    schema: Schema
    per_article: Callable  # (Article, **options) -> DataFrame with ``schema``
    description: str = ""
    finalize: Callable | None = None  # corpus-level pass over the concatenated table
    scope: str = "article"  # "article": per_article(article); "corpus": per_article(corpus)
    #: (Article, **options) -> rows (a list of row dicts, or a dict of column lists); the
    #: corpus builds one DataFrame from the rows of many articles instead of one each.
    rows: Callable | None = None
    #: (part file paths, fmt) -> None: ``finalize`` for a table streamed to part files,
    #: run once after every part is written (the parts are written unfinalized).
    finalize_parts: Callable | None = None

    def check_options(self, options: Mapping) -> None:
        """Raise :class:`~akhbar.errors.ConfigError` for an option this table's function
        does not take.  A function that takes ``**options`` checks its own."""
        params = list(inspect.signature(self.rows or self.per_article).parameters.values())[1:]
        if any(p.kind is p.VAR_KEYWORD for p in params):
            return
        known = [p.name for p in params if p.kind in (p.POSITIONAL_OR_KEYWORD, p.KEYWORD_ONLY)]
        unknown = sorted(set(options) - set(known))
        if unknown:
            raise ConfigError(f"table {self.name!r} takes no option {', '.join(unknown)}; "
                              f"its options: {', '.join(known) or 'none'}")


TABLES: dict[str, TableSpec] = {}


def register_table(name: str, schema: Schema, description: str = "",
                   finalize: Callable | None = None, *, rows: bool = False,
                   finalize_parts: Callable | None = None):
    """Decorator: register ``fn(article, **options)`` as table ``name``.

    ``fn`` returns the article's DataFrame, or with ``rows=True`` its rows (a list of
    row dicts, or a dict of column lists); the decorated name then returns the
    DataFrame, and a corpus builds one frame per chunk of articles rather than one
    per article (a DataFrame costs about a millisecond to build, whatever its size).
    ``finalize(df) -> df``, when given, runs once over the whole corpus's table (for
    passes that need every article, such as merging entity spellings across articles);
    ``finalize_parts(paths, fmt)`` does the same over the part files of a streamed run
    (without it, a streamed table is finalized chunk by chunk).
    """

    def deco(fn):
        if not rows:
            TABLES[name] = TableSpec(name, dict(schema), fn, description, finalize,
                                     finalize_parts=finalize_parts)
            return fn

        def framed(article, **options):
            return make_frame(fn(article, **options), schema)

        framed.__name__, framed.__qualname__ = fn.__name__, fn.__qualname__
        framed.__doc__, framed.__module__ = fn.__doc__, fn.__module__
        TABLES[name] = TableSpec(name, dict(schema), framed, description, finalize, rows=fn,
                                 finalize_parts=finalize_parts)
        return framed

    return deco


#: Caches that share work between the tables of the same articles (the dates of a
#: segment, read again by statistics and entities; an article's sentences).  A
#: streamed run clears them after each chunk, so that its memory is bounded by the
#: chunk, not by the corpus: every table of a chunk is built before the next chunk.
CHUNK_CACHES: list[Callable[[], None]] = []


def chunk_cache(clear: Callable[[], None]) -> Callable[[], None]:
    """Register ``clear()`` to be called after each streamed chunk; returns ``clear``."""
    CHUNK_CACHES.append(clear)
    return clear


def clear_chunk_caches() -> None:
    """Empty every cache registered with :func:`chunk_cache`."""
    for clear in CHUNK_CACHES:
        clear()


class RowBuffer:
    """Rows of one table from many articles, turned into one DataFrame at the end.

    Accepts what per-article functions return: row dicts, dicts of column lists, or
    DataFrames (kept in order; a mix is allowed).
    """

    def __init__(self, schema: Schema):
        self.schema = schema
        self._frames: list[pd.DataFrame] = []
        self._cols: dict[str, list] | None = None

    def add(self, part) -> None:
        if isinstance(part, pd.DataFrame):
            if len(part):
                self._flush()
                self._frames.append(make_frame(part, self.schema))
            return
        if isinstance(part, Mapping):
            check_columns(part.keys(), self.schema)
            n = len(next(iter(part.values()), ()))
            cols = self._columns()
            for c in self.schema:
                cols[c].extend(part[c] if c in part else [None] * n)
            return
        cols = self._columns()
        for row in part:
            check_columns(row.keys(), self.schema)
            for c, values in cols.items():
                values.append(row.get(c))

    def _columns(self) -> dict[str, list]:
        if self._cols is None:
            self._cols = {c: [] for c in self.schema}
        return self._cols

    def _flush(self) -> None:
        if self._cols is not None and self._cols[next(iter(self.schema))]:
            self._frames.append(make_frame(self._cols, self.schema))
        self._cols = None

    def frame(self) -> pd.DataFrame:
        """Every row added so far, as one DataFrame with exactly ``schema``."""
        self._flush()
        if not self._frames:
            return empty_frame(self.schema)
        if len(self._frames) == 1:
            return self._frames[0]
        return pd.concat(self._frames, ignore_index=True)


def register_corpus_table(name: str, schema: Schema, description: str = ""):
    """Decorator: register ``fn(corpus, **options) -> DataFrame`` as corpus-level table ``name``.

    Analyses (keywords, co-occurrence, timeline, summary) need the whole corpus at once.
    """

    def deco(fn):
        TABLES[name] = TableSpec(name, dict(schema), fn, description, None, "corpus")
        return fn

    return deco


def write_table(df, path: Path, fmt: str) -> None:
    """Write ``df`` atomically: a temporary file in the same folder, then a rename."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    try:
        if fmt == "parquet":
            df.to_parquet(tmp, index=False)
        else:
            df.to_csv(tmp, index=False, encoding="utf-8")
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def read_frame(path: Path, fmt: str, schema: Schema) -> pd.DataFrame:
    """Read a table written by :func:`write_table` back with exactly ``schema``'s dtypes.

    Parquet has no second-resolution timestamps (dates come back as
    ``datetime64[ms]``) and CSV has no types at all: both are cast back here.  In a
    CSV an empty cell is a missing value, and only an empty cell: Arabic text holding
    "NA" or "null" stays text.
    """
    if fmt == "parquet":
        df = pd.read_parquet(path)
    else:
        read_as = {c: "Int64" if d in ("int64", "Int64") else
                   "string" if d.startswith("datetime64") else d for c, d in schema.items()}
        df = pd.read_csv(path, dtype=read_as, keep_default_na=False, na_values=[""],
                         encoding="utf-8")
        for c, d in schema.items():
            if d.startswith("datetime64") and c in df.columns:
                df[c] = pd.to_datetime(df[c], format="ISO8601")
    return make_frame(df, schema)
