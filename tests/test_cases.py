"""Every case file under tests/cases/, run by one test; the format is in tests/cases/README.md.

A case is one line of ``tests/cases/<extractor>/<kind>.jsonl`` and is named by it
(``dates/positive.jsonl:12``), so a failing case names itself.  Cases in
``known_failures.jsonl`` run as strict xfails: when akhbar learns one, the suite says so
and the case moves to ``positive.jsonl`` or ``negative.jsonl``.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pandas as pd
import pytest

CASES = Path(__file__).parent / "cases"
KINDS = ("positive", "negative", "known_failures")
KEYS = {"what", "text", "published", "reference_date", "expected", "includes", "absent", "why"}


# ------------------------------------------------------------------ the extractors
# Each takes a case and returns the rows it finds, as dicts of plain values (None for a
# missing value); a row with start/end must slice back to its text.


def _day(value) -> str | None:
    return None if pd.isna(value) else pd.Timestamp(value).date().isoformat()


def _dates(case: dict) -> list[dict]:
    from akhbar.extract.dates import find_dates
    options = {k: date.fromisoformat(case[k]) for k in ("published", "reference_date")
               if case.get(k)}
    rows = find_dates(case["text"], **options)
    return [{**r, "value_start": _day(r["value_start"]), "value_end": _day(r["value_end"])}
            for r in rows]


def _statistics(case: dict) -> list[dict]:
    from akhbar.extract.statistics import find_statistics
    return find_statistics(case["text"])


def _entities(case: dict) -> list[dict]:
    from akhbar.extract.entities import find_entities
    return find_entities(case["text"])


def _numbers(case: dict) -> list[dict]:
    """The whole text read as one number and as one ordinal; no row when it is neither."""
    from akhbar.text.numbers import parse_number, parse_ordinal
    number, ordinal = parse_number(case["text"]), parse_ordinal(case["text"])
    if number is None and ordinal is None:
        return []
    return [{"text": case["text"], "number": number, "ordinal": ordinal}]


def _tokenize(case: dict) -> list[dict]:
    from akhbar.text import tokenize
    return [t._asdict() for t in tokenize(case["text"])]


def _sentences(case: dict) -> list[dict]:
    from akhbar.text import sentences
    return [s._asdict() for s in sentences(case["text"])]


EXTRACTORS = {"dates": _dates, "statistics": _statistics, "entities": _entities,
              "numbers": _numbers, "tokenize": _tokenize, "sentences": _sentences}
#: The keys of a case that are options of its extractor (ISO dates).
OPTIONS = {"dates": {"published", "reference_date"}}


# ------------------------------------------------------------------ reading the files


def _check_format(case: dict, extractor: str, kind: str) -> None:
    """Refuse a malformed case, so that a typo cannot silently weaken it."""
    unknown = set(case) - KEYS
    wrong = {"published", "reference_date"} & (set(case) - OPTIONS.get(extractor, set()))
    if unknown or wrong:
        raise ValueError(f"unknown keys {sorted(unknown | wrong)}")
    if not isinstance(case.get("text"), str):
        raise ValueError("no text")
    if not {"expected", "includes", "absent"} & set(case):
        raise ValueError("says nothing: give expected, includes or absent")
    if kind == "negative" and (case.get("expected", []) != [] or "includes" in case):
        raise ValueError("a negative case says what is NOT found: expected [] or absent")
    if (kind == "known_failures") != ("why" in case):
        raise ValueError("'why' belongs to known failures, and every one needs it")


def _load() -> list:
    params = []
    for folder in sorted(p for p in CASES.iterdir() if p.is_dir()):
        if folder.name not in EXTRACTORS:
            raise ValueError(f"{folder}: no extractor named {folder.name!r} in test_cases.py")
        for path in sorted(folder.glob("*.jsonl")):
            if path.stem not in KINDS:
                raise ValueError(f"{path}: a case file is one of {KINDS}")
            lines = path.read_text(encoding="utf-8").splitlines()
            for lineno, line in enumerate(lines, 1):
                if not line.strip():
                    continue
                name = f"{folder.name}/{path.name}:{lineno}"
                try:
                    case = json.loads(line)
                    _check_format(case, folder.name, path.stem)
                except ValueError as exc:
                    raise ValueError(f"tests/cases/{name}: {exc}") from None
                marks = ()
                if path.stem == "known_failures":
                    marks = pytest.mark.xfail(strict=True, raises=AssertionError,
                                              reason=case["why"])
                params.append(pytest.param(folder.name, case, id=name, marks=marks))
    return params


# ------------------------------------------------------------------ comparing rows


def _plain(value):
    """NaN and NaT are None; numpy scalars are Python numbers."""
    if value is None or isinstance(value, (str, bool)):
        return value
    try:
        if pd.isna(value):
            return None
    except (TypeError, ValueError):
        return value
    return value.item() if hasattr(value, "item") else value


def _same(got, want) -> bool:
    """Equal; numbers exactly (25.0 == 25), a missing value (None, NaN, NaT) as null."""
    return _plain(got) == want


def _differs(row: dict, want: dict) -> list[str]:
    """The fields of ``want`` that ``row`` does not have, with both values."""
    return [f"{k}: got {_plain(row.get(k, '<missing>'))!r}, want {v!r}"
            for k, v in want.items() if k not in row or not _same(row[k], v)]


def _show(rows: list[dict], fields) -> list[dict]:
    return [{k: _plain(r.get(k)) for k in fields if k in r} for r in rows]


@pytest.mark.parametrize("extractor, case", _load())
def test_case(extractor, case):
    text = case["text"]
    rows = EXTRACTORS[extractor](case)
    for r in rows:
        if "start" in r:
            assert text[r["start"]:r["end"]] == r["text"], ("offsets do not slice back", r)
    fields = {k for want in case.get("expected", []) + case.get("includes", []) for k in want}
    fields = sorted(fields | {"text"})
    if "expected" in case:
        want = case["expected"]
        assert len(rows) == len(want), \
            f"{case.get('what', '')}: found {_show(rows, fields)}, want {want}"
        for i, (row, w) in enumerate(zip(rows, want)):
            assert not _differs(row, w), (f"row {i}", _differs(row, w), _show(rows, fields))
    for w in case.get("includes", []):
        assert any(not _differs(r, w) for r in rows), \
            f"{w} not among {_show(rows, fields)}"
    found = {r.get("text") for r in rows}
    for absent in case.get("absent", []):
        assert absent not in found, f"{absent!r} was found: {_show(rows, fields)}"
