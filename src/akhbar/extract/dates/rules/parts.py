"""Rules for parts of a period: quarters and halves of a year (الربع الأول من 2024),
counted months (الأشهر الثلاثة الأولى), edges (مطلع/منتصف/نهاية a month, Hijri month,
الشهر, الأسبوع or year), weeks of a month and decades.

Conventions: early/mid/late month are days 1-10 / 11-20 / 21-end; early, mid and end of
a year are January-March, June-July and October-December; a week runs Monday to Sunday
(early = Mon-Wed, mid = Wed-Thu, end = Fri-Sun); the first … fourth week of a month are
days 1-7 … 22-28 and the last week 22-end.
"""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING

from akhbar.extract.dates.calendar import add_months, is_near_year, month_span
from akhbar.extract.dates.candidate import Cand, skip_prep, trim_right, year_rel, yearx
from akhbar.extract.dates.lexicon import Edge, context, n

if TYPE_CHECKING:
    from akhbar.extract.dates.rules import Scan

_MONTH_DAYS = {"early": (1, 10), "mid": (11, 20), "late": (21, None)}
_YEAR_MONTHS = {"early": (1, 3), "mid": (6, 7), "late": (10, 12)}
_WEEK_DAYS = {"early": (0, 2), "mid": (2, 3), "late": (4, 6)}


def _yspec(sc: Scan, m) -> tuple[int | None, int | None, str]:
    """(explicit year, relative year offset, calendar) of the year part of a match."""
    if m.group("y") or m.group("yy"):
        y, ycal = yearx(m.group("y") or m.group("yy"))
        return y, None, "hijri" if ycal == "hijri" else "gregorian"
    if m.group("this"):
        return None, 0, "gregorian"
    if m.group("ry"):
        return None, sc.lex.rel_offset(m.group("ryrel")), "gregorian"
    return None, None, "gregorian"


def _months_of_year(sc: Scan, m, s: int, m0: int, m1: int, gran: str, kind: str = "absolute") -> None:
    """Months m0..m1 of the year the match names (explicit or relative)."""
    y, off, cal = _yspec(sc, m)
    if y is not None:
        sc.out.append(Cand(s, m.end(), cal=cal, start=[y, m0, None], end=[y, m1, None],
                           gran=gran, kind=kind, prio=6))
    elif off is not None:
        sc.out.append(year_rel(off, m0, m1, gran, s, m.end()))


def part_of_year(sc: Scan) -> None:
    """الربع الأول من 2024, النصف الثاني من العام الماضي, الثلث الأخير من السنة."""
    for m in sc.matches("part"):
        size, gran = sc.lex.parts[m.group("part")]
        k, count = sc.lex.part_ordinals[m.group("ord")], 12 // size
        k = count if k == -1 else k
        if k <= count:
            _months_of_year(sc, m, m.start("part"), (k - 1) * size + 1, k * size, gran)


def months_counted(sc: Scan) -> None:
    """الأشهر الثلاثة الأولى من 2024 (January-March), الشهور الستة الماضية (the six
    months before the anchor)."""
    first_last = context("month_count_which")
    for m in sc.matches("months_n"):
        k = sc.lex.month_counts[m.group("n")]
        which = m.group("which")
        s = skip_prep(sc.norm, m.start())
        if which in first_last:
            m0, m1 = (1, k) if first_last[which] == "first" else (13 - k, 12)
            if m.group("y") or m.group("ry") or m.group("this"):
                _months_of_year(sc, m, s, m0, m1, "month", "range")
            continue
        sign = sc.lex.rel_offset(which)

        def fn(a, k=k, sign=sign):
            b = add_months(a, sign * k)
            return (b, a) if sign < 0 else (a, b)
        sc.out.append(Cand(s, m.end("which"), gran="month", kind="relative", rel=fn, prio=4))


def edge_of_period(sc: Scan) -> None:
    """مطلع/منتصف/نهاية a month, a Hijri month, الشهر, الأسبوع or a year."""
    for m in sc.matches("edge"):
        phrase = m.group("edge")
        edge = sc.lex.edges[" ".join(phrase.split())]
        s = m.start("edge")
        if m.group("hm"):
            _edge_hijri_month(sc, m, edge, s, phrase)
        elif m.group("rw"):
            _edge_week(sc, m, edge, s)
        elif m.group("m1"):
            _edge_month(sc, m, edge, s)
        elif m.group("rm"):
            _edge_relative_month(sc, m, edge, s)
        elif not edge.tenth:
            _edge_year(sc, m, edge, s)


def _month_part(sc: Scan, edge: Edge, s: int, e: int, cal: str, y, mon: int, rel) -> Cand:
    """One day (آخر يوم من) or the early/mid/late days of a month."""
    if edge.day:
        d = 1 if edge.day > 0 else None
        c = Cand(s, e, cal=cal, start=[y, mon, d], end=[y, mon, d], gran="day", prio=6)
        c.lastday = edge.day < 0
    else:
        d0, d1 = _MONTH_DAYS[edge.part]
        c = Cand(s, e, cal=cal, start=[y, mon, d0], end=[y, mon, d1], gran="part",
                 kind="range", prio=6)
    c.dir = sc.lex.rel_offset(rel)
    return c


def _edge_hijri_month(sc: Scan, m, edge: Edge, s: int, phrase: str) -> None:
    mon = sc.lex.hijri[m.group("hm")]
    y, ycal = yearx(m.group("hy"))
    if y is not None and not (ycal == "hijri" or is_near_year(y, "hijri")):
        y = None
    if mon == 2 and y is None and not sc.norm.startswith(n("شهر"), s + len(phrase) + 1):
        return  # "نهاية صفر": zero, not Safar
    e = m.end() if y is not None else trim_right(sc.norm, s, m.end())
    sc.out.append(_month_part(sc, edge, s, e, "hijri", y, mon, m.group("hrel")))


def _edge_week(sc: Scan, m, edge: Edge, s: int) -> None:
    if edge.tenth or edge.day or edge.plural:
        return  # "في نهايات الأسبوع": weekends in general
    d0, d1 = _WEEK_DAYS[edge.part]
    off = sc.lex.rel_offset(m.group("rwrel"))

    def fn(a, off=off, d0=d0, d1=d1):
        mon = a - timedelta(a.weekday()) + timedelta(7 * off)
        return mon + timedelta(d0), mon + timedelta(d1)
    sc.out.append(Cand(s, m.end(), gran="part", kind="relative", rel=fn, prio=6))


def _edge_month(sc: Scan, m, edge: Edge, s: int) -> None:
    # "أول شباط" is the 1st of February (Levant), not "early February"
    mon = sc.lex.greg[m.group("m1")]
    y, _ = yearx(m.group("my")) if m.group("my") else (None, None)
    e = m.end()
    if m.group("m1b") and sc.lex.greg[m.group("m1b")] != mon:
        e, y = trim_right(sc.norm, s, m.end("m1")), None  # "منتصف يونيو يوليو": only the first
    sc.out.append(_month_part(sc, edge, s, e, "gregorian", y, mon, m.group("mrel")))


def _edge_relative_month(sc: Scan, m, edge: Edge, s: int) -> None:
    """نهاية الشهر الماضي (or المنصرم, المنقضي …): days 21 to the end of last month."""
    off = sc.lex.rel_offset(m.group("rmrel"))
    d0, d1 = _MONTH_DAYS[edge.part]
    if edge.day:
        d0 = d1 = 1 if edge.day > 0 else None

    def fn(a, off=off, d0=d0, d1=d1):
        return month_span(a, off, d0, d1)
    sc.out.append(Cand(s, m.end(), gran="day" if edge.day else "part", kind="relative",
                       rel=fn, prio=6))


def _edge_year(sc: Scan, m, edge: Edge, s: int) -> None:
    y, off, cal = _yspec(sc, m)
    if not edge.day:
        m0, m1 = _YEAR_MONTHS[edge.part]
        _months_of_year(sc, m, s, m0, m1, "part", "range")
        return
    # "آخر يوم من العام": 31 December; "أول يوم من السنة": 1 January
    first = edge.day > 0
    m0 = m1 = 1 if first else 12
    d0 = d1 = 1 if first else 31
    if y is not None and cal == "hijri":
        c = Cand(s, m.end(), cal=cal, start=[y, m0, 1 if first else None],
                 end=[y, m1, 1 if first else None], gran="day", prio=6)
        c.lastday = not first
        sc.out.append(c)
    elif y is not None:
        sc.out.append(Cand(s, m.end(), start=[y, m0, d0], end=[y, m1, d1], gran="day", prio=6))
    elif off is not None:
        sc.out.append(year_rel(off, m0, m1, "day", s, m.end(), d0, d1))


def week_of_month(sc: Scan) -> None:
    """الأسبوع الأول من ديسمبر: days 1-7 (the last week: 22 to the end)."""
    norm = sc.norm
    for m in sc.matches("week_of_month"):
        k = sc.lex.part_ordinals[m.group("ord")]
        d0, d1 = (22, None) if k == -1 else (7 * k - 6, 7 * k)
        y, _ = yearx(m.group("y"))
        mon = sc.lex.greg[m.group("m1")]
        c = Cand(m.start() if norm[m.start()] == "ا" else m.start() + 1,
                 trim_right(norm, m.start(), m.end()),
                 start=[y, mon, d0], end=[y, mon, d1], gran="week", kind="range", prio=7)
        c.dir = sc.lex.rel_offset(m.group("mrel"))
        sc.out.append(c)


def decade(sc: Scan) -> None:
    """التسعينيات: 1990-1999."""
    for m in sc.matches("decade"):
        y = sc.lex.decades[m.group("dec")]
        sc.out.append(Cand(m.start("dec"), m.end(), start=[y, None, None], end=[y + 9, None, None],
                           gran="decade", kind="range", prio=3))
