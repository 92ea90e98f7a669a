"""Where the shared evaluation data live, and readers for the texts used by several scripts.

The data stay in ``shared/eval`` next to the repository (their licences forbid copying
them into akhbar): ``$AKHBAR_EVAL_DIR`` when set, else ``../shared/eval`` seen from the
repository root or from the working directory.  Everything that needs them skips cleanly
when they are absent.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path

REPO = Path(__file__).resolve().parents[3]
SAUDINEWSNET = Path("saudinewsnet") / "saudinewsnet_sample1000.jsonl"


def eval_dir() -> Path | None:
    """The shared evaluation folder, or None when it is not there."""
    env = os.environ.get("AKHBAR_EVAL_DIR")
    for cand in (env, REPO.parent / "shared" / "eval", Path.cwd().parent / "shared" / "eval"):
        if cand and Path(cand).is_dir():
            return Path(cand)
    return None


def saudinewsnet(limit: int | None = None) -> Iterator[dict]:
    """Rows of the SaudiNewsNet sample (id, source, url, date_extracted, title, content).

    CC BY-NC-SA: read in place for evaluation and benchmarks, never copied.
    """
    d = eval_dir()
    path = d / SAUDINEWSNET if d else None
    if path is None or not path.is_file():
        return
    with path.open(encoding="utf-8") as fh:
        for i, line in enumerate(fh):
            if limit is not None and i >= limit:
                break
            yield json.loads(line)
