"""Corpus: a sequence of Articles plus its tables.

The base tables (``articles``, ``segments``, ``errors``) are built here.  Every other
table (tokens, dates, statistics, entities, ...) is registered by the module that
builds it (see :mod:`akhbar._tables`) and reached through :meth:`Corpus.table` or the
named shortcuts, so new tables need no change here or in the command line.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import partial
from importlib import resources
from pathlib import Path

import pandas as pd

import akhbar.registry  # noqa: F401  (importing the stages registers their tables)
from akhbar._days import as_day
from akhbar._pool import check_workers, map_in_order
from akhbar._tables import TABLES, RowBuffer, clear_chunk_caches, make_frame, read_frame
from akhbar.errors import ConfigError, LoadError, SchemaError
from akhbar.extract._base import check_date_options
from akhbar.loader import Article, LoadFailure, LoadWarning, iter_items

__all__ = ["ARTICLE_SCHEMA", "ERROR_SCHEMA", "SEGMENT_SCHEMA", "Corpus", "TableJob",
           "load_corpus", "load_sample", "read_table", "sample_path", "streamable_tables",
           "table_job", "table_schema"]

ARTICLE_SCHEMA = {
    "id": "string", "path": "string", "source_url": "string", "source_domain": "string",
    "attribution": "string", "published": "datetime64[s]", "lead": "string",
    "n_paragraphs": "int64", "n_captions": "int64", "n_images": "int64", "n_related": "int64",
    "n_chars": "int64", "n_words": "int64", "comment_count": "Int64", "encoding": "string",
}
SEGMENT_SCHEMA = {
    "article_id": "string", "seg_id": "int64", "kind": "string", "text": "string",
    "line": "int64", "start": "int64", "end": "int64",
}
ERROR_SCHEMA = {"path": "string", "kind": "string", "message": "string"}

_WORD = re.compile(r"[^\W_]+")
BASE_TABLES = ("articles", "segments", "errors")
#: Base tables a chunk of articles has on its own (``errors`` comes after the others).
ARTICLE_TABLES = ("articles", "segments")


def article_row(a: Article) -> dict:
    return {
        "id": a.id, "path": a.path, "source_url": a.source_url,
        "source_domain": a.source_domain, "attribution": a.attribution,
        "published": pd.Timestamp(a.published) if a.published else pd.NaT,
        "lead": a.lead, "n_paragraphs": len(a.paragraphs), "n_captions": len(a.captions),
        "n_images": len(a.images), "n_related": len(a.related), "n_chars": len(a.text),
        "n_words": len(_WORD.findall(a.body)), "comment_count": a.comment_count,
        "encoding": a.encoding,
    }


def segment_rows(a: Article) -> list[dict]:
    return [{"article_id": a.id, "seg_id": i, "kind": s.kind, "text": s.text, "line": s.line,
             "start": s.start, "end": s.end} for i, s in enumerate(a.segments)]


def error_row(f: LoadFailure) -> dict:
    return {"path": f.path, "kind": f.kind, "message": f.message}


def _table_rows(name: str, options: dict, article: Article):
    """The rows of table ``name`` for one article, or a LoadFailure if it could not be
    built (by name, so that worker processes can run it).

    One bad article must not stop the run; but a wrong option or a column outside the
    schema is no fault of the article and would fail on every one: those are raised.
    """
    spec = TABLES[name]
    try:
        return (spec.rows or spec.per_article)(article, **options)
    except (ConfigError, SchemaError):
        raise
    except Exception as exc:  # noqa: BLE001 - recorded in corpus.errors, never dropped
        return LoadFailure(article.path, f"{name}_failed", f"{type(exc).__name__}: {exc}")


class Corpus(Sequence):
    """A sequence of :class:`~akhbar.loader.Article` with tables built on demand.

    >>> corpus = load_sample()
    >>> len(corpus), corpus.errors.shape[0]
    (5, 0)
    >>> corpus["154074880c2c91e6"].source_domain
    'thoidai.com.vn'
    """

    def __init__(self, articles: Iterable[Article] = (),
                 errors: Iterable[LoadFailure] = (), source: str | None = None,
                 workers: int = 1):
        self._articles: list[Article] = []
        self._by_id: dict[str, Article] = {}
        for a in articles:
            if a.id in self._by_id:
                # The same id twice (one article saved in two folders, say): keep both
                # and tell them apart, never drop one.
                k = 2
                while f"{a.id}~{k}" in self._by_id:
                    k += 1
                a = replace(a, id=f"{a.id}~{k}")
            self._articles.append(a)
            self._by_id[a.id] = a
        self._errors = list(errors)
        self.source = source
        #: processes used to build per-article tables; results do not depend on it
        self.workers = check_workers(workers)
        self._cache: dict = {}

    # -- sequence protocol ---------------------------------------------------------------
    def __len__(self) -> int:
        return len(self._articles)

    def __iter__(self) -> Iterator[Article]:
        return iter(self._articles)

    def __getitem__(self, key):
        if isinstance(key, str):
            try:
                return self._by_id[key]
            except KeyError:
                raise KeyError(f"no article with id {key!r}") from None
        if isinstance(key, slice):
            return Corpus(self._articles[key], source=self.source, workers=self.workers)
        return self._articles[key]

    def __contains__(self, item) -> bool:
        if isinstance(item, str):
            return item in self._by_id
        return item in self._articles

    def __repr__(self) -> str:
        return f"Corpus({len(self)} articles, {len(self._errors)} errors, source={self.source!r})"

    @property
    def ids(self) -> list[str]:
        return [a.id for a in self._articles]

    @property
    def failures(self) -> list[LoadFailure]:
        return list(self._errors)

    # -- base tables -----------------------------------------------------------------------
    @property
    def articles(self) -> pd.DataFrame:
        """One row per article; columns and dtypes in :data:`ARTICLE_SCHEMA`."""
        return make_frame([article_row(a) for a in self._articles], ARTICLE_SCHEMA)

    @property
    def segments(self) -> pd.DataFrame:
        """One row per line of every article; :data:`SEGMENT_SCHEMA`."""
        return make_frame([r for a in self._articles for r in segment_rows(a)], SEGMENT_SCHEMA)

    @property
    def errors(self) -> pd.DataFrame:
        """One row per file, member or row that could not be loaded; :data:`ERROR_SCHEMA`."""
        return make_frame([error_row(f) for f in self._errors], ERROR_SCHEMA)

    # -- registered tables -----------------------------------------------------------------
    @staticmethod
    def table_names() -> list[str]:
        """Every table this corpus can build, base tables first."""
        return [*BASE_TABLES, *TABLES]

    def table(self, name: str, **options) -> pd.DataFrame:
        """Build (once, then cached) the registered table ``name`` for all articles.

        ``options`` go to that table's function; one it does not take is a
        :class:`~akhbar.errors.ConfigError`, never silently ignored.  A date option
        (``reference_date``) takes any date-like value (see :func:`akhbar._days.as_day`).
        """
        return self._table(name, check_date_options(options))

    def _table(self, name: str, options: dict, finalize: bool = True) -> pd.DataFrame:
        """:meth:`table`; ``finalize=False`` leaves out the corpus-level pass (streaming
        runs it once over all part files instead)."""
        _check_options(name, options)
        if name in BASE_TABLES:
            return getattr(self, name)
        spec = TABLES[name]
        key = (name, tuple(sorted(options.items())), finalize)
        try:
            hash(key)
        except TypeError:
            raise ConfigError(f"table {name!r}: option values must be plain values (str, "
                              f"number, date, tuple), not {options!r}") from None
        if key in self._cache:
            return self._cache[key].copy()
        if spec.scope == "corpus":
            self._cache[key] = make_frame(spec.per_article(self, **options), spec.schema)
        else:
            buf = RowBuffer(spec.schema)
            rows = partial(_table_rows, name, options)
            for part in map_in_order(rows, self._articles, self.workers,
                                     before_fork=lambda: rows(load_sample()[0])):
                if isinstance(part, LoadFailure):  # one bad article must not stop the run
                    self._errors.append(part)
                else:
                    buf.add(part)
            df = buf.frame()
            if finalize and spec.finalize is not None:
                df = spec.finalize(df)
            self._cache[key] = df
        return self._cache[key].copy()

    def tokens(self) -> pd.DataFrame:
        return self.table("tokens")

    def sentences(self) -> pd.DataFrame:
        return self.table("sentences")

    def dates(self, *, reference_date=None) -> pd.DataFrame:
        """Every date mentioned; relative dates of articles with no publication date are
        resolved against ``reference_date`` (a date, datetime, Timestamp,
        numpy.datetime64 or ISO string)."""
        day = as_day(reference_date, "reference_date")
        return self.table("dates", reference_date=day) if day else self.table("dates")

    def statistics(self) -> pd.DataFrame:
        return self.table("statistics")

    def entities(self) -> pd.DataFrame:
        return self.table("entities")

    def people(self) -> pd.DataFrame:
        """One row per person (canonical name) with variants, roles and counts."""
        return self.table("people")

    def organizations(self) -> pd.DataFrame:
        return self.table("organizations")

    def places(self) -> pd.DataFrame:
        return self.table("places")

    def frequencies(self, by: str = "norm", stopwords: bool = False,
                    min_count: int = 1) -> pd.DataFrame:
        """Token frequencies by normalized form or stem; stop words excluded by default."""
        return self.table("frequencies", by=by, stopwords=stopwords, min_count=min_count)

    def ngrams(self, n: int = 2) -> pd.DataFrame:
        return self.table("ngrams", n=n)

    def keywords(self, article_id: str | None = None, n: int = 20,
                 method: str = "tfidf") -> pd.DataFrame:
        """Top ``n`` keywords of one article, or of the corpus when ``article_id`` is None."""
        if article_id is not None and article_id not in self._by_id:
            raise KeyError(f"no article with id {article_id!r}")
        df = self.table("keywords", n=n, method=method)
        sel = df["article_id"].isna() if article_id is None else df["article_id"] == article_id
        return df[sel].reset_index(drop=True)

    def collocations(self, n: int = 2, min_count: int = 3, measure: str = "pmi") -> pd.DataFrame:
        return self.table("collocations", n=n, min_count=min_count, measure=measure)

    def cooccurrence(self, labels: tuple[str, ...] = ("PER", "ORG", "LOC"),
                     window: str = "sentence") -> pd.DataFrame:
        """Edge list (source, target, weight, articles) of canonical entities seen together."""
        df = self.table("cooccurrence", window=window)
        return df[df["source_label"].isin(labels) & df["target_label"].isin(labels)] \
            .reset_index(drop=True)

    def timeline(self, freq: str = "M") -> pd.DataFrame:
        return self.table("timeline", freq=freq)

    def summary(self) -> pd.DataFrame:
        return self.table("summary")

    def analyze(self) -> dict[str, pd.DataFrame]:
        """Every table, computed once: ``{name: DataFrame}`` (what ``akhbar analyze`` writes)."""
        names = [n for n in self.table_names() if n != "errors"] + ["errors"]
        return {n: self.table(n) for n in names}


def _check_options(name: str, options: Mapping) -> None:
    """A ConfigError for a table that does not exist or does not take ``options``."""
    if name in BASE_TABLES:
        if options:
            raise ConfigError(f"table {name!r} takes no options, got {sorted(options)}")
    elif name not in TABLES:
        raise ConfigError(f"no table named {name!r}; known: {Corpus.table_names()}")
    else:
        TABLES[name].check_options(options)


def table_schema(name: str) -> dict[str, str]:
    """The columns and dtypes of table ``name``."""
    base = {"articles": ARTICLE_SCHEMA, "segments": SEGMENT_SCHEMA, "errors": ERROR_SCHEMA}
    if name in base:
        return dict(base[name])
    if name not in TABLES:
        raise ConfigError(f"no table named {name!r}; known: {Corpus.table_names()}")
    return dict(TABLES[name].schema)


def read_table(path: str | Path, table: str | None = None) -> pd.DataFrame:
    """Read a table that ``akhbar analyze`` wrote, with its documented dtypes.

    ``path`` is a ``.parquet`` or ``.csv`` file (``tables/dates.parquet``) or the folder
    of a streamed table's part files (``tables/dates/``); ``table`` defaults to the
    file's (or folder's) name.  ``pandas.read_parquet`` alone gives ``datetime64[ms]``
    dates (Parquet has no seconds unit) and ``pandas.read_csv`` guesses every dtype.
    """
    path = Path(path)
    parts = sorted(path.glob("part-*.*")) if path.is_dir() else [path]
    if not parts:
        raise LoadError(f"{path}: no part-*.parquet or part-*.csv file in this folder",
                        path=str(path), kind="missing")
    schema = table_schema(table or (path.name if path.is_dir() else path.stem))
    frames = []
    for part in parts:
        fmt = {".parquet": "parquet", ".csv": "csv"}.get(part.suffix.lower())
        if fmt is None:
            raise ConfigError(f"{part}: not a .parquet or .csv table")
        if not part.exists():
            raise LoadError("no such file", path=str(part), kind="missing")
        frames.append(read_frame(part, fmt, schema))
    return frames[0] if len(frames) == 1 else pd.concat(frames, ignore_index=True)


def streamable_tables() -> list[str]:
    """Tables that can be built chunk by chunk (the corpus-level analyses cannot)."""
    return [*ARTICLE_TABLES, *(n for n, s in TABLES.items() if s.scope == "article"), "errors"]


@dataclass(frozen=True)
class TableJob:
    """The per-article tables to build chunk by chunk: what an engine is given to run.

    An engine calls :meth:`run` on each chunk of loaded items, writes what it returns,
    then calls :meth:`finalize` once; it needs nothing else from the corpus, and never
    imports it.  Build one with :func:`table_job`.
    """

    names: tuple[str, ...]
    #: table name -> the options of that table (only tables in ``names``)
    options: Mapping[str, Mapping] = field(default_factory=dict)

    def run(self, items: list) -> dict[str, pd.DataFrame]:
        """Every table in :attr:`names` for one chunk of items (Articles or LoadFailures,
        as :func:`akhbar.loader.iter_items` yields them).

        A table with a ``finalize_parts`` pass comes out unfinalized: :meth:`finalize`
        runs it over all part files at the end.
        """
        articles = [i for i in items if isinstance(i, Article)]
        corpus = Corpus(articles, [i for i in items if isinstance(i, LoadFailure)])
        out: dict[str, pd.DataFrame] = {}
        try:
            for name in self.names:
                if name in ARTICLE_TABLES:
                    out[name] = corpus.table(name)
                elif name != "errors":
                    out[name] = corpus._table(name, dict(self.options.get(name, {})),
                                              finalize=TABLES[name].finalize_parts is None)
        finally:
            # What the tables of this chunk shared is of no use to the next one: memory
            # stays bounded by the chunk size, whatever the corpus size.
            clear_chunk_caches()
        if "errors" in self.names:
            out["errors"] = corpus.errors  # last: building the tables may have added some
        return out

    def finalize(self, out: str | Path, fmt: str) -> None:
        """Run the corpus-level pass of each table over its part files under ``out``."""
        for name in self.names:
            spec = TABLES.get(name)
            if spec is not None and spec.finalize_parts is not None:
                spec.finalize_parts(sorted((Path(out) / name).glob(f"part-*.{fmt}")), fmt)

    def warm_up(self) -> None:
        """Build the tables of one sample article (see :func:`akhbar._pool.warm_up`)."""
        self.run([load_sample()[0]])


def table_job(names: Iterable[str] | None = None,
              options: Mapping[str, Mapping] | None = None) -> TableJob:
    """The :class:`TableJob` for ``names`` (default: every streamable table), checked.

    ``options`` maps a table name to that table's options, e.g.
    ``{"dates": {"reference_date": date(2024, 5, 1)}}``.

    >>> table_job(["dates"]).names
    ('dates',)
    """
    names = tuple(names or streamable_tables())
    allowed = streamable_tables()
    bad = [n for n in names if n not in allowed]
    if bad:
        raise ConfigError(f"tables {bad} need the whole corpus and cannot be streamed; "
                          f"streamable: {sorted(allowed)}")
    options = dict(options or {})
    for name, opts in options.items():
        if name not in names:
            raise ConfigError(f"options given for {name!r}, which is not among the tables "
                              f"to build: {list(names)}")
        _check_options(name, opts)
    return TableJob(names, options)


def load_corpus(source, *, errors: str = "collect", progress: bool = False, workers: int = 1,
                **opts) -> Corpus:
    """Load a folder, glob, file, ``.zip``/``.tar.gz`` archive or table into a :class:`Corpus`.

    ``errors="collect"`` (the default) records each file that cannot be read in
    ``corpus.errors`` and loads the rest; ``errors="raise"`` raises
    :class:`~akhbar.errors.LoadError` at the first one.  Table sources take
    ``text_col=``, ``id_col=`` and ``date_col=``; every source takes ``max_bytes=``.
    ``workers=N`` builds the per-article tables in N processes (same results, same order).
    A source that gives no article at all issues a :class:`~akhbar.loader.LoadWarning`
    saying why (the reason is also a row of ``corpus.errors``).

    >>> corpus = load_corpus(sample_path())
    >>> corpus["ffb72ef4f8e45c58"].related[0][:27]
    'الأمين العام نجوين فو ترونج'
    """
    if errors not in ("collect", "raise"):
        raise ConfigError(f"errors must be 'collect' or 'raise', not {errors!r}")
    items = iter_items(source, **opts)
    if progress:
        from tqdm import tqdm

        items = tqdm(items, desc="loading", unit=" files")
    articles: list[Article] = []
    failures: list[LoadFailure] = []
    for item in items:
        if isinstance(item, LoadFailure):
            if errors == "raise":
                raise item.to_error()
            failures.append(item)
        else:
            articles.append(item)
    if not articles:
        warnings.warn(no_article_message(source, failures), LoadWarning, stacklevel=2)
    return Corpus(articles, failures, source=str(source), workers=workers)


def no_article_message(source, failures: Sequence[LoadFailure]) -> str:
    """Why ``source`` gave no article, in one line."""
    if len(failures) == 1 or any(f.kind == "no_match" for f in failures):
        first = next((f for f in failures if f.kind == "no_match"), failures[0])
        return f"no article loaded from {source}: {first.path}: {first.message}"
    if failures:
        kinds = sorted({f.kind for f in failures})
        return (f"no article loaded from {source}: all {len(failures)} inputs failed "
                f"({', '.join(kinds)}; see corpus.errors); the first: {failures[0].path}: "
                f"{failures[0].message}")
    return f"no article loaded from {source}"


def sample_path() -> Path:
    """The folder of the embedded sample corpus (five Arabic news articles)."""
    return Path(str(resources.files("akhbar") / "data" / "sample"))


def load_sample(**opts) -> Corpus:
    """The embedded sample corpus: five articles on Vietnamese diplomacy, in Arabic."""
    return load_corpus(sample_path(), **opts)
