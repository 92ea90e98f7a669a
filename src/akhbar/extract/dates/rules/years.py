"""Rules for years: a bare four-digit number is a year only in a year context (عام
2023, في 2023, موسم 2024, 2015م, a year range), so counts (2024 وفداً) and identifiers
(القرار رقم 59) never become dates."""

from __future__ import annotations

import re as regex  # the stdlib engine: several times faster than `regex` on these patterns
from typing import TYPE_CHECKING

from akhbar.extract.dates.calendar import bare_hijri, is_near_year, is_year
from akhbar.extract.dates.candidate import Cand, count_follows, fem_noun_re, yearx
from akhbar.extract.dates.lexicon import context, n, year_words

if TYPE_CHECKING:
    from akhbar.extract.dates.rules import Scan


def _year(s: int, e: int, y: int, cal: str = "gregorian", prio: int = 1) -> Cand:
    return Cand(s, e, cal=cal, start=[y, None, None], end=[y, None, None], gran="year", prio=prio)


def year_after_noun(sc: Scan) -> None:
    """عام 2023, سنة 1445 هـ, العام المالي 2024; في سنوات 1990 is the 1990s; a bare
    1350-1470 is Hijri."""
    preps = [p + " " for p in context("prep_year")]
    plural = tuple(year_words("plural_noun"))
    for m in sc.matches("year"):
        y, ycal = yearx(m.group("y"))
        cal = "hijri" if ycal == "hijri" else "gregorian"
        if not is_year(y, cal):
            continue
        if ycal is None and bare_hijri(y):
            cal = "hijri"
        pre = m.group("pre")
        # leave a leading preposition out of the span: "في عام 2023" -> "عام 2023"
        s = m.start() + next((len(p) for p in preps if pre.startswith(p)), 0)
        if y % 10 == 0 and cal == "gregorian" and any(w in pre for w in plural) \
                and not regex.match(r"\s?(?:و|,)\s?\d", sc.norm[m.end():m.end() + 4]):
            # "في سنوات 1990": the 1990s
            sc.out.append(Cand(s, m.end(), start=[y, None, None], end=[y + 9, None, None],
                               gran="decade", kind="range", prio=3))
            continue
        sc.out.append(_year(s, m.end(), y, cal, prio=3))


def year_after_preposition(sc: Scan) -> None:
    """في 2023, منذ 2015: a year unless a counted noun follows (في 2000 حالة) or a
    comparison precedes (أكثر من 2000: a count)."""
    norm, before_min = sc.norm, context("count_before")
    for m in sc.matches("year_prep"):
        y, ycal = yearx(m.group("y") + (m.group("ys") or ""))
        if not is_near_year(y) or (ycal is None and (count_follows(norm, m.end()) or
                                                     fem_noun_re().match(norm, m.end()))):
            continue
        if m.group("p") in (n("من"), n("ومن")):
            prev = norm[max(0, m.start() - 8):m.start()].split()
            if prev and prev[-1] in before_min:
                continue
        sc.out.append(_year(m.start("y"), m.end(), y, "hijri" if ycal == "hijri" else "gregorian"))


def year_of_event(sc: Scan) -> None:
    """موسم 2024, انتخابات 2016, كأس العالم 2022."""
    for m in sc.matches("year_event"):
        y, ycal = yearx(m.group("y") + (m.group("ys") or ""))
        if not is_near_year(y) or (ycal is None and count_follows(sc.norm, m.end(), bool(m.group("ev2")))):
            continue
        sc.out.append(_year(m.start("y"), m.end(), y))


def year_with_suffix(sc: Scan) -> None:
    """2015م, 1445هـ."""
    for m in sc.matches("year_suf"):
        y, ycal = yearx(m.group())
        cal = "hijri" if ycal == "hijri" else "gregorian"
        if is_year(y, cal):
            sc.out.append(_year(m.start(), m.end(), y, cal))


def _range_years(sc: Scan, m):
    """(y1, y2, calendar) of a year_range match, or None when it is not a range."""
    y1, c1 = yearx(m.group("y1") + (m.group("ys1") or ""))
    y2s = m.group("y2")
    y2, c2 = yearx(y2s + (m.group("ys2") or ""))
    sep = m.group("sep").strip()
    if len(y2s) == 2:
        if sep not in ("-", "/", "_") or count_follows(sc.norm, m.end(), True):
            return None
        y2 = (y1 // 100) * 100 + y2
        if y2 <= y1:
            return None
    intro = m.group("intro")
    if sep == "و" and not (intro and n("بين") in intro):
        return None  # "عامي 2030 و2045", "في 2018 و2022": two years, not a range
    if sep == "/" and y2 == y1 - 1:
        y1, y2 = y2, y1   # موسم 2014/2013
    if not y1 < y2 or y2 - y1 > 100 or (sep == "/" and y2 != y1 + 1):
        return None
    cal = "hijri" if "hijri" in (c1, c2) or bare_hijri(y1) else "gregorian"
    ok = is_year if cal == "hijri" else is_near_year
    if not (ok(y1, cal) and ok(y2, cal)):
        return None
    if c2 is None and count_follows(sc.norm, m.end()):
        return None
    return y1, y2, cal


def year_range(sc: Scan) -> None:
    """بين عامي 2010 و2015, 2014/2015, للفترة 2020-2025, موسم 2023-24."""
    norm, intros = sc.norm, context("range_intro")
    for m in sc.matches("year_range"):
        read = _range_years(sc, m)
        if read is None:
            continue
        # the preceding word must not make it an identifier (رقم 2010-2015)
        if norm[max(0, m.start() - 4):m.start()].strip().endswith(n("رقم")):
            continue
        y1, y2, cal = read
        s, intro = m.start(), m.group("intro")
        if intro and intros.get(" ".join(intro.split()), "keep") != "keep":
            s = m.start("intro") + len(intro) + 1
        sc.out.append(Cand(s, m.end(), cal=cal, start=[y1, None, None], end=[y2, None, None],
                           gran="year", kind="range", prio=4))


def year_coordination(sc: Scan) -> None:
    """2018 و2022: two years (not بين 2018 و2022, a range; not رقمي 2018 و2022)."""
    not_before = context("not_year_pair_before")
    for m in sc.matches("year_coord"):
        y1, y2 = int(m.group("y1")), int(m.group("y2"))
        if not (is_near_year(y1) and is_near_year(y2) and y1 < y2) or \
                count_follows(sc.norm, m.end(), True):
            continue
        prev = sc.norm[max(0, m.start() - 8):m.start()].split()
        if prev and prev[-1] in not_before:
            continue
        sc.out.append(_year(m.start("y1"), m.end("y1"), y1, prio=0))
        sc.out.append(_year(m.start("y2"), m.end("y2"), y2, prio=0))


def year_pair(sc: Scan) -> None:
    """عامي 2013 و2014."""
    for m in sc.matches("year_pair"):
        y1, y2 = int(m.group("y1")), int(m.group("y2"))
        if is_near_year(y1) and is_near_year(y2):
            sc.out.append(_year(m.start(), m.end("y1"), y1, prio=4))
            sc.out.append(_year(m.start("y2"), m.end(), y2, prio=4))
