"""Process pools that keep the input order: the one place akhbar forks workers.

The corpus (``workers=N``) and the engines both map work over processes through these
functions; they know nothing of articles or tables, so either can use them without
importing the other.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Executor, ProcessPoolExecutor
from contextlib import contextmanager

from akhbar.errors import ConfigError


def check_workers(workers: int | None) -> int:
    """``workers`` as a positive int (None means one process)."""
    if workers is None:
        return 1
    if not isinstance(workers, int) or workers < 1:
        raise ConfigError(f"workers must be a positive integer, not {workers!r}")
    return workers


def warm_up(run: Callable[[], object]) -> None:
    """Call ``run()`` once before a process pool starts.

    Models, lexicons and caches load lazily; loaded in the parent, they are inherited
    by every forked worker instead of being loaded again in each (seconds per worker,
    which on a small corpus ate most of the gain of a second worker).
    """
    import multiprocessing

    if multiprocessing.get_start_method() != "fork":
        return  # workers that do not fork inherit nothing
    try:
        run()
    except Exception:  # noqa: BLE001, S110 - warming up is an optimization, never a failure
        pass


@contextmanager
def process_pool(workers: int) -> Iterator[ProcessPoolExecutor]:
    """A pool of ``workers`` processes whose waiting tasks are dropped, not run, when
    the caller fails or is interrupted (Ctrl-C) while using it."""
    with ProcessPoolExecutor(max_workers=workers) as pool:
        try:
            yield pool
        except BaseException:
            pool.shutdown(cancel_futures=True)
            raise


def map_in_order(fn: Callable, items: list, workers: int = 1,
                 before_fork: Callable[[], object] | None = None) -> list:
    """``[fn(x) for x in items]``, in ``workers`` processes when there is more than one.

    ``executor.map`` keeps the input order, so the result is the same as in one
    process; ``before_fork`` is passed to :func:`warm_up` before the pool starts.
    """
    if workers <= 1 or len(items) < 2:
        return [fn(x) for x in items]
    chunksize = max(1, len(items) // (workers * 8))
    if before_fork is not None:
        warm_up(before_fork)
    with process_pool(workers) as pool:
        return list(pool.map(fn, items, chunksize=chunksize))


def bounded_map(pool: Executor, fn: Callable, items: Iterable, window: int) -> Iterator:
    """Like ``pool.map`` but with at most ``window`` tasks in flight, results in order.

    ``Executor.map`` submits its whole input at once, which would read the entire
    corpus into memory; this keeps memory bounded by ``window`` chunks.
    """
    pending: deque = deque()
    for item in items:
        pending.append(pool.submit(fn, item))
        if len(pending) >= window:
            yield pending.popleft().result()
    while pending:
        yield pending.popleft().result()
