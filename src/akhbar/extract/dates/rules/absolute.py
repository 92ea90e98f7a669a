"""Rules for dates written with a month name or in digits: 15 سبتمبر 2024, 3 و4 مارس,
مارس 2023, في يونيو, بين يناير ومارس 2023, 15/09/2024."""

from __future__ import annotations

from datetime import date
from itertools import pairwise
from typing import TYPE_CHECKING

from akhbar.extract.dates.calendar import is_near_year, is_year, last_day
from akhbar.extract.dates.candidate import Cand, day_value, trim_right, yearx
from akhbar.extract.dates.lexicon import n
from akhbar.extract.dates.windows import DIGIT_RUN

if TYPE_CHECKING:
    from akhbar.extract.dates.rules import Scan


def day_month(sc: Scan) -> None:
    """A day (or a list or range of days) with a Gregorian or Hijri month name."""
    for name, hij in (("dm", False), ("hdm", True)):
        for m in sc.matches(name):
            _day_month(sc, m, hij)


def _day_list(m):
    """(days, their (day, position) in the middle of a list, d2 position, range word)
    of a dm/hdm match, or None when the days do not make a date."""
    d1 = day_value(m.group("d1"))
    d2 = day_value(m.group("d2")) if m.group("d2") else None
    rsep = m.group("rsep").strip() if d2 is not None else None
    mids = [(int(x.group()), x.start() + m.start("dmid"))
            for x in DIGIT_RUN.finditer(m.group("dmid"))] if m.group("dmid") else []
    d2pos = m.start("d2") if d2 is not None else None
    if mids and d2 is None:  # "3 و4 و5 يونيو": the last day of the list is d2
        (d2, d2pos), mids, rsep = mids[-1], mids[:-1], "و"
    days = [d1] + [d for d, _ in mids] + ([d2] if d2 is not None else [])
    if d1 is None or not 1 <= d1 <= 31 or any(not a < b <= 31 for a, b in pairwise(days)):
        return None
    if mids and rsep not in ("و", ","):
        return None  # "3، 4 - 6 يونيو": neither a list nor a range
    return days, mids, d2pos, rsep


def _day_month(sc: Scan, m, hij: bool) -> None:
    lex, norm, out = sc.lex, sc.norm, sc.out
    read = _day_list(m)
    if read is None:
        return
    days, mids, d2pos, rsep = read
    d1, d2 = days[0], (days[-1] if len(days) > 1 else None)
    y, ycal = yearx(m.group("y"))
    cal = "hijri" if hij or ycal == "hijri" else "gregorian"
    mon = lex.hijri[m.group("m1")] if hij else lex.greg[m.group("m1")]
    mon2 = mon
    s, e = m.span()
    if not hij and m.group("m1b"):
        other = lex.greg[m.group("m1b")]
        if other != mon and m.group("psep") == "-" and d2 is None:
            mon2 = other  # 5 مايو - يونيو? rare; treat as month range end
        elif other != mon and m.group("psep") != "(":
            # "15 سبتمبر/أكتوبر" is not a pair; keep only the first month
            e, y = m.end("m1"), None
    if y is not None and not is_year(y, cal):
        return
    if y is None and m.group("y") is None:
        e = trim_right(norm, s, e)
    if hij and mon == 2 and y is None and not m.group("d1")[0].isalpha() and \
            n("شهر") not in m.group(0):
        return  # "فاز 3 صفر": a score (صفر = zero), not 3 Safar
    nth = None
    if m.group("wd") and d2 is None and d1 <= 5 and m.group("d1")[0].isalpha() and \
            not norm[m.end("wd"):m.start("d1")].strip():
        nth = d1  # "الثلاثاء الثالث من أيلول": the third Tuesday, or the 3rd if it is one
    if d2 is not None and rsep in ("و", ",") and \
            any(b != a + 1 for a, b in pairwise(days)):
        # "5 و7 يناير", "5 و9 و12 يناير": single days, not a range; a list of
        # consecutive days (2 و3 ديسمبر, 3 و4 و5 يونيو) is one range
        ws = m.start("wd") if m.group("wd") else m.start("d1")
        spans = [(min(s, ws), m.end("d1"))] + [(p, p + len(str(d))) for d, p in mids]
        for d, (a, b) in zip(days, spans):
            one = Cand(a, b, cal=cal, start=[y, mon, d], end=[y, mon2, d], gran="day", prio=5)
            if y is not None:
                one.yfrom = "expression"
            out.append(one)
        s, d1, d2 = d2pos, d2, None
    c = Cand(s, e, cal=cal, start=[y, mon, d1], end=[y, mon2, d2 or d1],
             gran="day", kind="range" if d2 else "absolute", prio=5,
             wd=lex.wd.get(m.group("wd")) if m.group("wd") else None)
    c.dir = lex.rel_offset(m.group("mrel"))
    c.nth = nth
    year_nouns = tuple(w for w, g in lex.periods.items() if g == "year")   # العام، السنة
    if m.group("yrel") is not None or (m.group(0).rstrip().endswith(year_nouns)
                                       and not m.group("mrel") and not m.group("y")):
        c.yrel = lex.rel_offset(m.group("yrel"))
        c.kind = "relative" if c.kind != "range" else c.kind
    out.append(c)


def month_year(sc: Scan) -> None:
    """A Gregorian month with its year: مارس 2023, يونيو/حزيران 2019, يناير - مارس 2024."""
    lex, norm = sc.lex, sc.norm
    for m in sc.matches("my"):
        y, _ = yearx(m.group("y"))
        if not is_year(y, "gregorian"):
            continue
        mon = lex.greg[m.group("m1")]
        mon2 = mon
        if m.group("m1b"):
            other = lex.greg[m.group("m1b")]
            if other != mon:
                if m.group("psep") == "-":
                    mon2 = other
                else:
                    continue
        s = m.start("m1") if not norm.startswith(("شهر", "الشهر"), m.start()) else m.start()
        sc.out.append(Cand(s, m.end(), start=[y, mon, None], end=[y, mon2, None], gran="month",
                           kind="range" if mon2 != mon else "absolute", prio=4))


def month_in_context(sc: Scan) -> None:
    """A yearless month after a preposition or شهر, or with a relative word: في مارس,
    مايو المنقضي (the last May), شهر مارس من السنة الماضية."""
    lex, norm = sc.lex, sc.norm
    for m in sc.matches("mctx"):
        paired = m.group("m1b") and m.group("m1b") != m.group("m1") and \
            lex.greg[m.group("m1b")] == lex.greg[m.group("m1")]
        # a month named twice (حزيران (يونيو), أغسطس آب) is a month even with no context
        if not (m.group("ctx") or m.group("sh") or m.group("rel") or paired):
            continue
        mon = lex.greg[m.group("m1")]
        if m.group("ynoun"):
            # "شهر مارس من السنة الماضية": the month of the anchor's year, shifted
            c = Cand(m.start() if m.group("sh") else m.start("m1"), m.end(), start=[None, mon, None],
                     end=[None, mon, None], gran="month", kind="relative", prio=4)
            c.yrel = lex.rel_offset(m.group("yrel"))
            sc.out.append(c)
            continue
        mend = m.end()
        if m.group("m1b") and lex.greg[m.group("m1b")] != mon:
            if m.group("rel"):
                continue
            mend = m.end("m1")  # "في يونيو يوليو": only the first is ours
        mend = trim_right(norm, m.start(), mend)
        if len(m.group("m1")) <= 3 and (m.start("m1") > 0 and norm[m.start("m1") - 1] != " " or
                                        norm[max(0, m.start("m1") - 3):m.start("m1")] == n("من ")):
            continue  # آب/ماي: "باب", "من أب" are not months
        s = m.start("m1") if m.group("ctx") or not m.group("sh") else m.start()
        if m.group("rel"):
            sc.out.append(Cand(s, mend, gran="month", kind="relative",
                               rel=_relative_month(mon, lex.rel_offset(m.group("rel"))), prio=3))
        else:
            sc.out.append(Cand(s, mend, start=[None, mon, None], end=[None, mon, None],
                               gran="month", prio=2))


def _relative_month(mon: int, off: int):
    """مايو الماضي: the last May before the anchor's month; مايو المقبل: the next one."""
    def fn(a):
        y = a.year
        if off < 0 and mon >= a.month:
            y -= 1
        elif off > 0 and mon <= a.month:
            y += 1
        return date(y, mon, 1), date(y, mon, last_day(y, mon))
    return fn


def month_coordination(sc: Scan) -> None:
    """A month joined by و/أو to a month candidate is a month too: "في آذار (مارس)
    ونيسان (أبريل)", "خلال شهر سبتمبر أو أكتوبر"."""
    lex, norm, mco = sc.lex, sc.norm, sc.gram.mco
    for c in list(sc.out):
        if c.cal != "gregorian" or c.gran != "month" or c.kind == "range":
            continue
        m = mco.match(norm, c.e)
        if not m:
            continue
        mon = lex.greg[m.group("m1")]
        if m.group("m1b") and lex.greg[m.group("m1b")] != mon:
            continue
        if c.rel is not None or c.start is None or mon == c.start[1]:
            continue
        k = Cand(m.start("m1"), trim_right(norm, m.start("m1"), m.end()),
                 start=[c.start[0], mon, None], end=[c.end[0], mon, None], gran="month",
                 prio=c.prio, kind=c.kind)
        k.yrel, k.dir = c.yrel, lex.rel_offset(m.group("rel")) or c.dir
        sc.out.append(k)


def month_range(sc: Scan) -> None:
    """بين يناير ومارس 2023, من يناير إلى مارس 2022 (و only after بين)."""
    lex = sc.lex
    for m in sc.matches("mrange"):
        m1, m2 = lex.greg[m.group("m1")], lex.greg[m.group("m2")]
        sep, intro = m.group("sep"), m.group("intro")
        if m1 >= m2 or (sep == "و" and not (intro and n("بين") in intro)):
            continue
        y, _ = yearx(m.group("y"))
        if not is_year(y, "gregorian"):
            continue
        sc.out.append(Cand(m.start(), m.end(), start=[y, m1, None], end=[y, m2, None],
                           gran="month", kind="range", prio=5))


def numeric_date(sc: Scan) -> None:
    """15/09/2024, 2024-09-15, 29/5/1437هـ (a year from 1300 to 1500 is Hijri)."""
    for m in sc.matches("numeric"):
        a, b, c = m.group("a"), int(m.group("b")), m.group("c")
        if m.group("sep").strip() != m.group("sep2"):
            continue
        if len(a) == 4 and len(c) <= 2 and m.group("sep") != ".":
            y, mo, d = int(a), b, int(c)
        elif len(c) == 4 and len(a) <= 2:
            y, mo, d = int(c), b, int(a)
        else:
            continue
        _, ycal = yearx(str(y) + (m.group("ys") or ""))
        cal = "hijri" if ycal == "hijri" or is_near_year(y, "hijri") else "gregorian"
        if cal == "gregorian" and not is_near_year(y):
            continue
        if not (1 <= mo <= 12 and 1 <= d <= (30 if cal == "hijri" else 31)):
            continue
        sc.out.append(Cand(m.start(), m.end(), cal=cal, start=[y, mo, d], end=[y, mo, d],
                           gran="day", prio=5))


def numeric_month_year(sc: Scan) -> None:
    """9/2024: a month of a year (not 3/2000 دولار)."""
    from akhbar.extract.dates.candidate import count_follows
    for m in sc.matches("month_year_num"):
        y, mo = int(m.group("c")), int(m.group("b"))
        if count_follows(sc.norm, m.end()):
            continue
        sc.out.append(Cand(m.start(), m.end(), start=[y, mo, None], end=[y, mo, None],
                           gran="month", prio=3))


def numeric_day_month(sc: Scan) -> None:
    """الأحد 15/9, بتاريخ 3/4: a yearless day/month after a weekday or a date word."""
    for m in sc.matches("numeric_dm"):
        d, mo = int(m.group("a")), int(m.group("b"))
        if not (1 <= mo <= 12 and 1 <= d <= 31):
            continue
        sc.out.append(Cand(m.start(), m.end(), start=[None, mo, d], end=[None, mo, d],
                           gran="day", prio=4,
                           wd=sc.lex.wd.get(m.group("wd")) if m.group("wd") else None))
