"""The local engine: a process pool over articles, and streaming to part files.

``map_articles`` runs one per-article table function over many articles in worker
processes; ``executor.map`` keeps the input order, so results are identical to a
single process.  ``stream_tables`` reads a source chunk by chunk and writes every
per-article table as Parquet (or CSV) part files, so memory is bounded by the chunk
size, not the corpus size.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from functools import partial
from itertools import islice
from pathlib import Path

import pandas as pd

from akhbar._tables import TABLES, clear_chunk_caches, write_table
from akhbar.errors import ConfigError
from akhbar.loader import (DEFAULT_MAX_BYTES, Article, LoadFailure, _expand, _is_archive,
                           _is_table, _iter_files, iter_items)

ARTICLE_TABLES = ("articles", "segments")


def check_workers(workers: int | None) -> int:
    if workers is None:
        return 1
    if not isinstance(workers, int) or workers < 1:
        raise ConfigError(f"workers must be a positive integer, not {workers!r}")
    return workers


def check_out(out) -> Path:
    """``out`` as a Path; a URL (``s3://...``) is refused with a clear error, not
    written to a local folder named ``s3:``."""
    if re.match(r"[A-Za-z][A-Za-z0-9+.\-]{1,30}://", str(out)):
        raise ConfigError(f"cannot write to {out}: URLs are not supported; give a folder "
                          "path (for Dask, a shared filesystem every worker reaches)")
    return Path(out)


def _safe_call(fn: Callable, name: str, article: Article, options: dict):
    """Run ``fn`` on one article; a failure becomes a LoadFailure instead of an exception."""
    try:
        return fn(article, **options)
    except Exception as exc:  # noqa: BLE001 - one bad article must not stop the run
        return LoadFailure(article.path, f"{name}_failed", f"{type(exc).__name__}: {exc}")


def map_articles(fn: Callable, name: str, articles: list[Article], options: dict,
                 workers: int = 1) -> list:
    """``fn(article, **options)`` for each article, in order, in ``workers`` processes."""
    call = partial(_safe_call, fn, name, options=options)
    if workers <= 1 or len(articles) < 2:
        return [call(a) for a in articles]
    chunksize = max(1, len(articles) // (workers * 8))
    _warm_up(call)
    with ProcessPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(call, articles, chunksize=chunksize))


def _warm_up(run: Callable) -> None:
    """Run ``run`` on one sample article before a process pool starts.

    Models, lexicons and caches load lazily; loaded in the parent, they are inherited
    by every forked worker instead of being loaded again in each (seconds per worker,
    which on a small corpus ate most of the gain of a second worker).
    """
    import multiprocessing

    if multiprocessing.get_start_method() != "fork":
        return  # workers that do not fork inherit nothing
    from akhbar.corpus import load_sample

    try:
        run(load_sample()[0])
    except Exception:  # noqa: BLE001 - warming up is an optimization, never a failure
        pass


def _chunks(items: Iterable, size: int) -> Iterator[list]:
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


def write_part(df: pd.DataFrame, folder: Path, index: int, fmt: str) -> Path:
    """Write one part file ``folder/part-NNNNN.<fmt>`` atomically."""
    path = folder / f"part-{index:05d}.{fmt}"
    write_table(df, path, fmt)
    return path


def process_chunk(items: list, names: list[str],
                  options: dict | None = None) -> dict[str, pd.DataFrame]:
    """All per-article tables (plus articles, segments, errors) for one chunk of items.

    ``items`` are Articles or LoadFailures, as :func:`akhbar.loader.iter_items` yields.
    Used by the local streaming engine and, unchanged, by the Dask engine.  A table
    with a ``finalize_parts`` pass comes out unfinalized: :func:`finalize_parts` runs
    it over all part files at the end.
    """
    from akhbar.corpus import Corpus, _load_registry

    _load_registry()
    options = options or {}
    articles = [i for i in items if isinstance(i, Article)]
    failures = [i for i in items if isinstance(i, LoadFailure)]
    corpus = Corpus(articles, failures)
    out: dict[str, pd.DataFrame] = {}
    try:
        for name in names:
            if name in ARTICLE_TABLES:
                out[name] = corpus.table(name)
            elif name in TABLES and TABLES[name].scope == "article":
                out[name] = corpus._table(name, options.get(name, {}),
                                          finalize=TABLES[name].finalize_parts is None)
    finally:
        # What the tables of this chunk shared is of no use to the next one: memory
        # stays bounded by the chunk size, whatever the corpus size.
        clear_chunk_caches()
    out["errors"] = corpus.errors  # last: building the tables may have added failures
    return out


def streamable_tables() -> list[str]:
    """Tables that can be built chunk by chunk (the corpus-level analyses cannot)."""
    from akhbar.corpus import _load_registry

    _load_registry()
    return [*ARTICLE_TABLES, *(n for n, s in TABLES.items() if s.scope == "article"), "errors"]


def stream_tables(source, out: str | os.PathLike, *, names: list[str] | None = None,
                  fmt: str = "parquet", chunk_size: int = 1000, workers: int = 1,
                  options: dict | None = None, progress: bool = False,
                  **load_opts) -> dict[str, int]:
    """Write every per-article table of ``source`` to ``out/<table>/part-NNNNN.<fmt>``.

    Reads ``chunk_size`` files at a time; memory stays bounded by the chunk, whatever
    the corpus size.  Returns the row count written per table.
    """
    workers = check_workers(workers)
    if chunk_size < 1:
        raise ConfigError(f"chunk_size must be at least 1, not {chunk_size}")
    names = names or streamable_tables()
    allowed = set(streamable_tables())
    bad = [n for n in names if n not in allowed]
    if bad:
        raise ConfigError(f"tables {bad} need the whole corpus and cannot be streamed; "
                          f"streamable: {sorted(allowed)}")
    out = check_out(out)
    if workers > 1:
        parts = _file_partitions(source, chunk_size, workers, load_opts.get("pattern", "*.txt"))
        if parts is not None:
            counts = _stream_partitions(parts, out, names, fmt, options or {}, workers,
                                        progress, load_opts)
            finalize_parts(out, names, fmt)
            return counts
    counts = {n: 0 for n in names}
    items = iter_items(source, **load_opts)
    chunks = _chunks(items, chunk_size)
    if progress:
        from tqdm import tqdm

        chunks = tqdm(chunks, desc="chunks", unit=" chunk")
    run = partial(process_chunk, names=names, options=options)
    if workers > 1:
        _warm_up(lambda a: run([a]))
        pool = ProcessPoolExecutor(max_workers=workers)
        results: Iterator = bounded_map(pool, run, _sub_chunks(chunks, workers), 2 * workers)
    else:
        pool = None
        results = map(run, chunks)
    try:
        for i, tables in enumerate(results):
            for name in names:
                df = tables.get(name)
                if df is None:
                    continue
                write_part(df, out / name, i, fmt)
                counts[name] += len(df)
    finally:
        if pool is not None:
            pool.shutdown(cancel_futures=True)
    finalize_parts(out, names, fmt)
    return counts


def _file_partitions(source, chunk_size: int, workers: int,
                     pattern: str) -> list[list[str]] | None:
    """The file paths of ``source`` in partitions, or None when it holds an archive or
    a table (those are read as a stream by the main process instead)."""
    files, whole = split_sources(source, pattern)
    if whole:
        return None
    # at least two partitions per worker, so a small corpus keeps every worker busy
    size = min(chunk_size, max(1, -(-len(files) // (2 * workers))))
    return list(_chunks(files, size))


def split_sources(source, pattern: str) -> tuple[list[str], list[str]]:
    """The paths of ``source``: (plain files, archives and tables)."""
    files, whole = [], []
    for p in map(str, _expand(source, pattern)):
        (whole if _is_archive(p) or _is_table(p) else files).append(p)
    return files, whole


def run_partition(index: int, paths: list[str], out: str, names: list[str], fmt: str,
                  options: dict, load_opts: dict) -> dict[str, int]:
    """Read, process and write one partition of files: part ``index`` of every table.

    Runs in a worker (a local process or a Dask worker): only row counts travel back,
    not the files' text nor the tables.
    """
    opts = dict(load_opts)
    opts.pop("pattern", None)
    max_bytes = opts.pop("max_bytes", DEFAULT_MAX_BYTES)
    items = list(_iter_files([Path(p) for p in paths], max_bytes, opts))
    tables = process_chunk(items, names, options)
    counts = {}
    for name in names:
        df = tables[name]
        write_part(df, Path(out) / name, index, fmt)
        counts[name] = len(df)
    return counts


def _run_indexed(item: tuple[int, list[str]], **kw) -> dict[str, int]:
    return run_partition(item[0], item[1], **kw)


def _stream_partitions(parts: list[list[str]], out: Path, names: list[str], fmt: str,
                       options: dict, workers: int, progress: bool,
                       load_opts: dict) -> dict[str, int]:
    """stream_tables for a folder of files with workers: each worker reads and writes
    its own partitions, so the main process neither parses articles nor moves tables."""
    counts = {n: 0 for n in names}
    run = partial(_run_indexed, out=str(out), names=names, fmt=fmt, options=options,
                  load_opts=load_opts)
    _warm_up(lambda a: process_chunk([a], names, options))
    with ProcessPoolExecutor(max_workers=workers) as pool:
        results = bounded_map(pool, run, enumerate(parts), 2 * workers)
        if progress:
            from tqdm import tqdm

            results = tqdm(results, total=len(parts), desc="chunks", unit=" chunk")
        try:
            for part_counts in results:
                for name, n in part_counts.items():
                    counts[name] += n
        except BaseException:
            pool.shutdown(cancel_futures=True)
            raise
    return counts


def finalize_parts(out: Path, names: list[str], fmt: str) -> None:
    """Run the corpus-level pass of each streamed table over its part files."""
    for name in names:
        spec = TABLES.get(name)
        if spec is not None and spec.finalize_parts is not None:
            spec.finalize_parts(sorted((Path(out) / name).glob(f"part-*.{fmt}")), fmt)


def bounded_map(pool, fn: Callable, items: Iterable, window: int) -> Iterator:
    """Like ``pool.map`` but with at most ``window`` tasks in flight, results in order.

    ``Executor.map`` submits its whole input at once, which would read the entire
    corpus into memory; this keeps memory bounded by ``window`` chunks.
    """
    from collections import deque

    pending: deque = deque()
    for item in items:
        pending.append(pool.submit(fn, item))
        if len(pending) >= window:
            yield pending.popleft().result()
    while pending:
        yield pending.popleft().result()


def _sub_chunks(chunks: Iterable[list], workers: int) -> Iterator[list]:
    """Split each chunk so every worker gets a share; part files stay in input order."""
    for chunk in chunks:
        step = max(1, -(-len(chunk) // workers))
        for i in range(0, len(chunk), step):
            yield chunk[i:i + step]


def read_parts(folder: str | os.PathLike) -> pd.DataFrame:
    """Concatenate the part files of one streamed table, in order."""
    folder = Path(folder)
    parts = sorted(folder.glob("part-*"))
    if not parts:
        raise ConfigError(f"no part files in {folder}")
    read = pd.read_parquet if parts[0].suffix == ".parquet" else pd.read_csv
    return pd.concat([read(p) for p in parts], ignore_index=True)
