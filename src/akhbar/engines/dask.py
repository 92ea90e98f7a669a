"""The Dask engine: the same per-article pipeline on a Dask cluster.

Files are grouped into partitions of ``chunk_size``; archives and tables are one
partition each.  Each partition runs :func:`akhbar.engines.local.run_partition` (the
very code the local engine's workers run) on a worker and writes its part files to
``out``, which must therefore be a folder every worker can reach (a shared
filesystem; URLs are refused).  Only row counts travel back to the client.

Point it at a real cluster with ``scheduler="tcp://scheduler-host:8786"`` (or
``akhbar analyze PATH --out DIR --engine dask --scheduler tcp://...``); without a
scheduler it starts a ``distributed.LocalCluster`` on this machine.
"""

from __future__ import annotations

import os
from pathlib import Path

from akhbar._pool import check_workers
from akhbar.engines.local import (ChunkJob, _add_counts, _chunks, check_chunk_size, check_out,
                                  run_partition, split_sources)
from akhbar.errors import ConfigError
from akhbar.loader import DEFAULT_MAX_BYTES


def _partitions(source, chunk_size: int, pattern: str) -> list[list[str]]:
    files, whole = split_sources(source, pattern)
    return [*_chunks(files, chunk_size), *([p] for p in whole)]


def run_dask(source, out: str | os.PathLike, job: ChunkJob, *, fmt: str = "parquet",
             chunk_size: int = 1000, scheduler: str | None = None, n_workers: int = 2,
             pattern: str = "*.txt", max_bytes: int = DEFAULT_MAX_BYTES,
             **load_opts) -> dict[str, int]:
    """Write the tables of ``job`` for ``source`` as part files under ``out`` via Dask.

    ``job`` comes from :func:`akhbar.corpus.table_job`.  Returns the row count written
    per table.  The part files are the same as the local engine's
    (:func:`akhbar.engines.local.stream_tables`) for the same ``chunk_size`` on a
    folder of files.
    """
    try:
        from distributed import Client, LocalCluster
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise ConfigError("engine='dask' needs the dask extra: pip install 'akhbar[dask]'") from exc
    check_chunk_size(chunk_size)
    check_workers(n_workers)
    out = check_out(out)
    parts = _partitions(source, chunk_size, pattern)
    cluster = None
    if scheduler:
        client = Client(scheduler)
    else:
        cluster = LocalCluster(n_workers=n_workers, threads_per_worker=1, processes=True,
                               dashboard_address=None)
        client = Client(cluster)
    try:
        futures = [client.submit(run_partition, i, p, str(out), job, fmt,
                                 {**load_opts, "max_bytes": max_bytes}, pure=False)
                   for i, p in enumerate(parts)]
        totals = _add_counts(job.names, client.gather(futures))
        job.finalize(Path(out), fmt)
        return totals
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
