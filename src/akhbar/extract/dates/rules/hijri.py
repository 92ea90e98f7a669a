"""Rules for the Hijri calendar: رمضان 1445, شهر شعبان 2019, في رمضان المبارك, feasts
(عيد الفطر, يوم عرفة) and Hijri years (1445 هـ)."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from akhbar.extract.dates.calendar import (
    greg_to_hijri_year,
    hijri_to_greg,
    is_near_year,
    is_year,
)
from akhbar.extract.dates.candidate import Cand, trim_right, yearx

if TYPE_CHECKING:
    from akhbar.extract.dates.rules import Scan


def hijri_month_in_year(mon: int, gy: int, s: int, e: int, day: int | None = None) -> Cand | None:
    """رمضان 2019: the Hijri month (or day) that falls in Gregorian year ``gy``."""
    if not is_near_year(gy):
        return None
    hy0 = greg_to_hijri_year(date(gy, 1, 1))
    for hy in (hy0, hy0 + 1):
        d0 = hijri_to_greg(hy, mon, day or 1, False)
        if d0 is not None and d0.year == gy:
            return Cand(s, e, cal="hijri", start=[hy, mon, day], end=[hy, mon, day],
                        gran="day" if day else "month", prio=4)
    return None


def month_year(sc: Scan) -> None:
    """رمضان 1445; رمضان 2019 is the Ramadan that falls in 2019."""
    for m in sc.matches("hmy"):
        y, ycal = yearx(m.group("y"))
        mon = sc.lex.hijri[m.group("m1")]
        if ycal != "hijri" and is_near_year(y):
            c = hijri_month_in_year(mon, y, m.start(), m.end())
            if c:
                sc.out.append(c)
            continue
        if not is_year(y, "hijri"):
            continue
        sc.out.append(Cand(m.start(), m.end(), cal="hijri", start=[y, mon, None],
                           end=[y, mon, None], gran="month", prio=4))


def month_in_context(sc: Scan) -> None:
    """A Hijri month after شهر or a preposition, or with an attribute or relative word:
    رمضان, شعبان, رجب are also given names, and صفر is zero (أقل من صفر)."""
    for m in sc.matches("hctx"):
        mon = sc.lex.hijri[m.group("m1")]
        y, ycal = yearx(m.group("y"))
        if not (m.group("hsh") or y is not None or m.group("hrel") or
                (mon != 2 and (m.group("hctx") or m.group("hatt")))):
            continue
        s = m.start() if m.group("hsh") else m.start("m1")
        if y is not None and ycal != "hijri" and not is_near_year(y, "hijri"):
            c = hijri_month_in_year(mon, y, s, m.end())
            if c:
                sc.out.append(c)
            continue
        e = m.end() if y is not None else trim_right(sc.norm, m.start(), m.end())
        c = Cand(s, e, cal="hijri", start=[y, mon, None], end=[y, mon, None], gran="month",
                 prio=2 if y is None else 4)
        c.dir = sc.lex.rel_offset(m.group("hrel"))
        sc.out.append(c)


def holidays(sc: Scan) -> None:
    """Feasts on a fixed Hijri day (عيد الفطر: 1 Shawwal), and Christmas (25 December)."""
    for m in sc.matches("holiday"):
        hs = m.start("h")
        y, ycal = yearx(m.group("y"))
        cal, hm, hd, _ = sc.lex.holidays[" ".join(m.group("h").split())]
        if cal == "gregorian":
            sc.out.append(Cand(hs, m.end(), start=[y, hm, hd], end=[y, hm, hd], gran="day", prio=3))
            continue
        if y is not None and ycal != "hijri" and not is_near_year(y, "hijri"):
            c = hijri_month_in_year(hm, y, hs, m.end(), hd)
            if c:
                sc.out.append(c)
            continue
        sc.out.append(Cand(hs, m.end(), cal="hijri", start=[y, hm, hd], end=[y, hm, hd],
                           gran="day", prio=3))


def hijri_year(sc: Scan) -> None:
    """1445 هـ, سنة 1400 هجرية."""
    for m in sc.matches("hijri_year"):
        y = int(m.group("y"))
        if not is_near_year(y, "hijri"):
            continue
        sc.out.append(Cand(m.start(), m.end(), cal="hijri", start=[y, None, None],
                           end=[y, None, None], gran="year", prio=2))
