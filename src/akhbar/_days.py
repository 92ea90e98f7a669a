"""Dates in, days out: the one place where a value a user passes as a date becomes a day.

Every parameter of akhbar that takes a date (``reference_date``, an article's
``published``, the command line's ``--reference-date``, a table's date column) goes
through :func:`as_day`, so that they all accept the same things and refuse the rest
with the same message.  It knows no article and no word of Arabic: every stage may
import it.
"""

from __future__ import annotations

import math
from datetime import date, datetime

from akhbar.errors import ConfigError

__all__ = ["ACCEPTED", "as_day"]

#: What a date parameter accepts, as said in every error message.
ACCEPTED = ("datetime.date, datetime.datetime, pandas.Timestamp, numpy.datetime64 or an "
            "ISO 8601 string such as '2015-08-10' or '2015-08-10T14:30:00+03:00'")


def _is_missing(value) -> bool:
    """None, NaN, pandas' NaT and NA, numpy's NaT: no date given."""
    if value is None:
        return True
    if isinstance(value, float):
        return math.isnan(value)
    kind = type(value).__name__
    if kind in ("NaTType", "NAType"):
        return True
    if kind == "datetime64":
        import numpy as np

        return bool(np.isnat(value))
    return False


def _from_string(value: str, name: str) -> date:
    text = value.strip()
    try:
        if len(text) <= 10:  # "2015-08-10", "20150810"
            return date.fromisoformat(text)
        # fromisoformat (Python 3.11) reads "T" or " ", fractions and "Z"/"+03:00"; an
        # aware value keeps its own local date, not the UTC one
        return datetime.fromisoformat(text).date()
    except ValueError:
        raise ConfigError(f"{name}: {value!r} is not an ISO 8601 date; give YYYY-MM-DD "
                          f"(or {ACCEPTED})") from None


def as_day(value, name: str = "date", *, missing_ok: bool = True) -> date | None:
    """``value`` as a :class:`datetime.date`; None for a missing value (None, NaN, NaT).

    ``name`` is the parameter (or column) that received ``value``, for the message of
    the :class:`~akhbar.errors.ConfigError` raised for anything that is not a date.
    A time of day is dropped, and a timezone-aware value keeps the date it has in its
    own timezone (``2015-08-10T23:30+03:00`` is the 10th, not the UTC 20:30 of the 10th).

    >>> import pandas as pd, numpy as np
    >>> as_day("2015-08-10"), as_day(pd.Timestamp("2015-08-10 14:30"))
    (datetime.date(2015, 8, 10), datetime.date(2015, 8, 10))
    >>> as_day(np.datetime64("2015-08-10T14:30")), as_day("2015-08-10T23:30:00-05:00")
    (datetime.date(2015, 8, 10), datetime.date(2015, 8, 10))
    >>> as_day(20150810, "reference_date")
    Traceback (most recent call last):
    ...
    akhbar.errors.ConfigError: reference_date: got int (20150810); expected datetime.date, datetime.datetime, pandas.Timestamp, numpy.datetime64 or an ISO 8601 string such as '2015-08-10' or '2015-08-10T14:30:00+03:00'
    """
    if _is_missing(value):
        if missing_ok:
            return None
        raise ConfigError(f"{name}: a date is required; expected {ACCEPTED}")
    if isinstance(value, datetime):  # pandas.Timestamp is a datetime
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        return _from_string(value, name)
    if type(value).__name__ == "datetime64":
        import pandas as pd

        try:
            return pd.Timestamp(value).date()
        except (ValueError, OverflowError) as exc:
            raise ConfigError(f"{name}: {value!r} is out of the range of dates pandas "
                              f"handles ({exc})") from None
    shown = repr(value)
    shown = shown if len(shown) <= 40 else shown[:37] + "..."
    raise ConfigError(f"{name}: got {type(value).__name__} ({shown}); expected {ACCEPTED}")
