"""Calendar arithmetic: day spans of a year, month or day, Hijri conversion (hijridate,
Umm al-Qura), and the year ranges in which a written number is taken for a year.

>>> str(span_dates("hijri", 1445, 9, None, False)), str(span_dates("gregorian", 2024, 2, None, True))
('2024-03-11', '2024-02-29')
>>> is_year(2023, "gregorian"), is_year(1445, "hijri"), bare_hijri(1445), bare_hijri(1990)
(True, True, True, False)
"""

from __future__ import annotations

import calendar as _stdcal
from datetime import date

# Year plausibility, in one place.  A year written with a month, a year noun or a
# calendar suffix may be any historical year; a number that only its position makes a
# year (في 2015, موسم 2018, 2010-2015) must lie near our time, or it is a count.
WRITTEN_GREGORIAN = (1000, 2199)   # 15 مايو 1948, عام 1517
WRITTEN_HIJRI = (1200, 1600)       # 5 رمضان 1445, سنة 1300 هـ
NEAR_GREGORIAN = (1900, 2100)      # a bare number read as a Gregorian year
NEAR_HIJRI = (1300, 1500)          # a number read as a Hijri year (1882-2077 CE)
BARE_HIJRI = (1350, 1470)          # a 14xx after a year word is Hijri: 1931-2048 CE


def _within(y: int, bounds: tuple[int, int]) -> bool:
    return bounds[0] <= y <= bounds[1]


def is_year(y: int, cal: str) -> bool:
    """A year written with a month, year noun or suffix, in calendar ``cal``."""
    return _within(y, WRITTEN_HIJRI if cal == "hijri" else WRITTEN_GREGORIAN)


def is_near_year(y: int, cal: str = "gregorian") -> bool:
    """A number that stands for a year of our time in calendar ``cal``."""
    return _within(y, NEAR_HIJRI if cal == "hijri" else NEAR_GREGORIAN)


def bare_hijri(y: int) -> bool:
    """A year without a suffix that reads as Hijri (1445 is 2023, not the 15th century)."""
    return _within(y, BARE_HIJRI)


def last_day(y: int, m: int) -> int:
    return _stdcal.monthrange(y, m)[1]


def hijri_to_greg(y: int, m: int, d: int | None, end: bool) -> date | None:
    from hijridate import Hijri
    try:
        if d is None:
            d = Hijri(y, m, 1).month_length() if end else 1
        return Hijri(y, m, d).to_gregorian()
    except (ValueError, OverflowError):
        return None


def greg_to_hijri_year(d: date) -> int | None:
    from hijridate import Gregorian
    try:
        return Gregorian(d.year, d.month, d.day).to_hijri().year
    except (ValueError, OverflowError):
        return None


def span_dates(cal: str, y: int, m: int | None, d: int | None, end: bool) -> date | None:
    """First (``end=False``) or last day of the calendar unit y[-m[-d]]."""
    if cal == "hijri":
        if m is None:
            m = 12 if end else 1
        return hijri_to_greg(y, m, d, end)
    try:
        if m is None:
            return date(y, 12, 31) if end else date(y, 1, 1)
        if d is None:
            return date(y, m, last_day(y, m)) if end else date(y, m, 1)
        return date(y, m, d)
    except ValueError:
        return None


def add_months(d: date, k: int) -> date:
    """``d`` moved by ``k`` calendar months (the day kept within the month)."""
    t = d.year * 12 + d.month - 1 + k
    y, m = divmod(t, 12)
    return date(y, m + 1, min(d.day, last_day(y, m + 1)))


def month_span(a: date, off: int, d0: int | None = 1, d1: int | None = None) -> tuple[date, date]:
    """Days ``d0``..``d1`` (None: the last day) of the month ``off`` months from ``a``'s."""
    b = add_months(a.replace(day=1), off)
    last = last_day(b.year, b.month)
    return b.replace(day=d0 or last), b.replace(day=d1 or last)
