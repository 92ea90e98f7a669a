"""The one loader for akhbar's language data.

Every word list, lexicon and model lives once, in a file under ``akhbar/data/<stage>/``
(``text``, ``dates``, ``statistics``, ``entities``).  A file opens with ``#`` lines
saying where its words come from and under which terms; a table's last ``#`` line names
its columns.  Code reads the files through the functions here and builds what it needs
from them; no stage keeps its own reader.

>>> "الماضي" in words("dates/relative.tsv", column=0)
True
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from pathlib import Path

__all__ = ["path", "text", "lines", "rows", "words", "load_json"]


def path(name: str) -> Path:
    """The file ``name`` (relative to ``akhbar/data``) on disk."""
    return Path(str(resources.files(__name__).joinpath(name)))


@lru_cache(maxsize=None)
def text(name: str) -> str:
    """The whole file ``name``, as UTF-8 text."""
    return resources.files(__name__).joinpath(name).read_text(encoding="utf-8")


@lru_cache(maxsize=None)
def lines(name: str) -> tuple[str, ...]:
    """The data lines of ``name``: blank lines and ``#`` provenance lines left out,
    each stripped of its line end and outer spaces."""
    return tuple(s for ln in text(name).splitlines()
                 if (s := ln.strip()) and not s.startswith("#"))


@lru_cache(maxsize=None)
def rows(name: str) -> tuple[tuple[str, ...], ...]:
    """The rows of a tab-separated file: each data line split on tabs.

    Cells keep their text (a trailing empty cell is kept); the comment lines, including
    the one naming the columns, are left out.
    """
    out = []
    for ln in text(name).splitlines():
        if not ln.strip() or ln.lstrip().startswith("#"):
            continue
        out.append(tuple(c.strip() for c in ln.rstrip("\r\n").split("\t")))
    return tuple(out)


def words(name: str, *, column: int | None = None) -> tuple[str, ...]:
    """The words of a word list (one per line) or of one column of a table."""
    if column is None:
        return lines(name)
    return tuple(r[column] for r in rows(name) if len(r) > column and r[column])


@lru_cache(maxsize=None)
def load_json(name: str):
    """A JSON data file, parsed once."""
    return json.loads(text(name))
