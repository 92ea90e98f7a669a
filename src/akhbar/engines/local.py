"""The local engine: streaming a source to part files, chunk by chunk.

``stream_tables`` reads a source chunk by chunk and writes every per-article table as
Parquet (or CSV) part files, so memory is bounded by the chunk size, not the corpus
size.  What to build for a chunk comes from the corpus as a job
(:func:`akhbar.corpus.table_job`); the engine only reads, runs, writes and counts.
Workers keep the input order (:mod:`akhbar._pool`), so results are identical to a
single process.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator
from functools import partial
from itertools import islice
from pathlib import Path
from typing import Protocol

import pandas as pd

from akhbar._pool import bounded_map, check_workers, process_pool, warm_up
from akhbar._tables import write_table
from akhbar.errors import ConfigError
from akhbar.loader import (DEFAULT_MAX_BYTES, _expand, _is_archive, _is_table, _iter_files,
                           iter_items)


class ChunkJob(Protocol):
    """What an engine runs: the corpus builds it (:func:`akhbar.corpus.table_job`), the
    engine only calls it, so that no engine imports the corpus."""

    names: tuple[str, ...]  # the tables (part-file folders) each chunk yields

    def run(self, items: list) -> dict[str, pd.DataFrame]:
        """The tables of one chunk of loaded items (Articles or LoadFailures)."""

    def finalize(self, out: Path, fmt: str) -> None:
        """The corpus-level pass over every part file, once all are written."""

    def warm_up(self) -> None:
        """Load models and lexicons before workers fork (see :func:`akhbar._pool.warm_up`)."""


def check_out(out) -> Path:
    """``out`` as a Path; a URL (``s3://...``) is refused with a clear error, not
    written to a local folder named ``s3:``."""
    if re.match(r"[A-Za-z][A-Za-z0-9+.\-]{1,30}://", str(out)):
        raise ConfigError(f"cannot write to {out}: URLs are not supported; give a folder "
                          "path (for Dask, a shared filesystem every worker reaches)")
    return Path(out)


def check_chunk_size(chunk_size: int) -> int:
    if not isinstance(chunk_size, int) or chunk_size < 1:
        raise ConfigError(f"chunk_size must be a positive integer, not {chunk_size!r}")
    return chunk_size


def _chunks(items: Iterable, size: int) -> Iterator[list]:
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


def write_part(df: pd.DataFrame, folder: Path, index: int, fmt: str) -> Path:
    """Write one part file ``folder/part-NNNNN.<fmt>`` atomically."""
    path = folder / f"part-{index:05d}.{fmt}"
    write_table(df, path, fmt)
    return path


def stream_tables(source, out: str | os.PathLike, job: ChunkJob, *, fmt: str = "parquet",
                  chunk_size: int = 1000, workers: int = 1, progress: bool = False,
                  **load_opts) -> dict[str, int]:
    """Write the tables of ``job`` for ``source`` to ``out/<table>/part-NNNNN.<fmt>``.

    ``job`` comes from :func:`akhbar.corpus.table_job`.  Reads ``chunk_size`` files at a
    time; memory stays bounded by the chunk, whatever the corpus size.  Returns the row
    count written per table.
    """
    workers = check_workers(workers)
    check_chunk_size(chunk_size)
    out = check_out(out)
    if workers > 1:
        parts = _file_partitions(source, chunk_size, workers, load_opts.get("pattern", "*.txt"))
        if parts is not None:
            return _stream_partitions(parts, out, job, fmt, workers, progress, load_opts)
    chunks = _chunks(iter_items(source, **load_opts), chunk_size)
    if progress:
        from tqdm import tqdm

        chunks = tqdm(chunks, desc="chunks", unit=" chunk")
    if workers <= 1:
        counts = _add_counts(job.names, (write_parts(job.run(c), out, i, fmt)
                                         for i, c in enumerate(chunks)))
    else:
        # an archive or a table: the main process reads it, the workers build the tables
        warm_up(job.warm_up)
        with process_pool(workers) as pool:
            results = bounded_map(pool, job.run, _sub_chunks(chunks, workers), 2 * workers)
            counts = _add_counts(job.names, (write_parts(tables, out, i, fmt)
                                             for i, tables in enumerate(results)))
    job.finalize(out, fmt)
    return counts


def write_parts(tables: dict[str, pd.DataFrame], out: Path, index: int,
                fmt: str) -> dict[str, int]:
    """Write part ``index`` of every table in ``tables``; returns their row counts."""
    for name, df in tables.items():
        write_part(df, Path(out) / name, index, fmt)
    return {name: len(df) for name, df in tables.items()}


def _add_counts(names: Iterable[str], parts: Iterable[dict[str, int]]) -> dict[str, int]:
    """The row counts of every part, added up per table."""
    counts = {n: 0 for n in names}
    for part in parts:
        for name, n in part.items():
            counts[name] += n
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


def run_partition(index: int, paths: list[str], out: str, job: ChunkJob, fmt: str,
                  load_opts: dict) -> dict[str, int]:
    """Read, process and write one partition of files: part ``index`` of every table.

    Runs in a worker (a local process or a Dask worker): only row counts travel back,
    not the files' text nor the tables.
    """
    opts = dict(load_opts)
    opts.pop("pattern", None)
    max_bytes = opts.pop("max_bytes", DEFAULT_MAX_BYTES)
    items = list(_iter_files([Path(p) for p in paths], max_bytes, opts))
    return write_parts(job.run(items), Path(out), index, fmt)


def _run_indexed(item: tuple[int, list[str]], **kw) -> dict[str, int]:
    return run_partition(item[0], item[1], **kw)


def _stream_partitions(parts: list[list[str]], out: Path, job: ChunkJob, fmt: str,
                       workers: int, progress: bool, load_opts: dict) -> dict[str, int]:
    """stream_tables for a folder of files with workers: each worker reads and writes
    its own partitions, so the main process neither parses articles nor moves tables."""
    run = partial(_run_indexed, out=str(out), job=job, fmt=fmt, load_opts=load_opts)
    warm_up(job.warm_up)
    with process_pool(workers) as pool:
        results = bounded_map(pool, run, enumerate(parts), 2 * workers)
        if progress:
            from tqdm import tqdm

            results = tqdm(results, total=len(parts), desc="chunks", unit=" chunk")
        counts = _add_counts(job.names, results)
    job.finalize(out, fmt)
    return counts


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
