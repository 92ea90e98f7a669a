"""Rules for dates counted from the article's date: أمس, اليوم, غداً, الأسبوع الماضي,
العام المقبل, منذ ثلاثة أيام, الأحد المقبل, الـ27 من الشهر الجاري.

Conventions: a bare weekday (يوم الأحد) is the latest such day on or before the anchor,
الأحد المقبل the next one, الأحد الماضي the one before; منذ/قبل ثلاثة أيام is that day,
قبل عامين that year.
"""

from __future__ import annotations

import re as regex  # the stdlib engine: several times faster than `regex` on these patterns
from datetime import date, timedelta
from functools import lru_cache
from typing import TYPE_CHECKING

from akhbar.extract.dates.calendar import last_day, month_span
from akhbar.extract.dates.candidate import Cand, skip_prep, trim_right
from akhbar.extract.dates.grammar import alt
from akhbar.extract.dates.lexicon import context, holy_words, n

if TYPE_CHECKING:
    from akhbar.extract.dates.rules import Scan


@lru_cache(maxsize=1)
def _guards():
    """The contexts in which a relative word is not a date."""
    return {
        # «اليوم», صحيفة اليوم: the Saudi daily; ذلك اليوم: that day, not today
        "not_today_before": regex.compile(alt(context("not_today_before")) + r"\s$"),
        "not_today_after": regex.compile(r"\s" + alt(context("not_today_after")) + r"(?![\w])"),
        "need": regex.compile(n(r"\s(?:ال)?حاجة")),  # "في أمسّ الحاجة": in the direst need
        "from_start": regex.compile(r"(?<![\w])" + alt(context("from_start")) + n(r"\s(?:من\s)?$")),
        "holy_after": regex.compile(r"\s" + alt(holy_words("shahr"))),
        # "بعد 67 عاماً من محاولتهما": counted from an event, not from today
        "from_event": regex.compile(n(r"\s(?:من|على)(?![\w])(?!\sالآن)")),
    }


def relative_day(sc: Scan) -> None:
    """أمس, اليوم, غداً, أول أمس, بعد غد; اليوم السابق is the day before."""
    g, lex, norm = _guards(), sc.lex, sc.norm
    for m in sc.matches("rel_day"):
        w = " ".join(m.group("w").split())
        s, e = m.span()
        off = lex.relative_days[w]
        if w == n("اليوم"):
            e = _today_end(sc, m, g)
            if e is None:
                continue
            if e != m.end():
                off = -1
        elif w == n("أمس") and g["need"].match(norm[e:e + 8]):
            continue
        elif w in context("tomorrow_also_future") and not (
                m.group("tod") or m.group("wd") or g["from_start"].search(norm, max(0, s - 16), s)):
            continue  # "انتصار الغد", "الغد السعودي": the future; "اعتبارا من الغد": tomorrow
        sc.out.append(Cand(s, e, gran="day", kind="relative",
                           rel=lambda a, off=off: (a + timedelta(off), a + timedelta(off)), prio=5))


def _today_end(sc: Scan, m, g) -> int | None:
    """The end of an اليوم date (past a following السابق/الماضي: the day before), or
    None when this اليوم is not today."""
    norm, we = sc.norm, m.end("w")
    after = norm[we:we + 4]
    ws = m.start("w")  # the word before اليوم (صحيفة اليوم), not before فجر اليوم
    before = norm[max(0, ws - 12):ws]
    if any(q in before[-1:] or q in after[:1] for q in '«»"“”'):
        return None  # «اليوم», "اليوم": the Saudi daily, not today
    if g["not_today_before"].search(before) or g["not_today_after"].match(norm[we:we + 12]):
        return None
    nxt = regex.match(r"\s(ال[\w]+)", norm[we:we + 20])
    if nxt and nxt.group(1) not in sc.lex.wd:
        rel = sc.lex.relative.get(nxt.group(1))
        if rel is not None and rel.offset < 0 and rel.gender == "m":
            return m.end() + len(nxt.group(0))   # اليوم السابق: the day before
        return None
    return m.end()


def relative_period(sc: Scan) -> None:
    """الأسبوع الماضي, هذا الشهر, العام المقبل (not هذا الشهر الفضيل: Ramadan)."""
    g, lex, norm = _guards(), sc.lex, sc.norm
    for m in sc.matches("rel_period"):
        if not (m.group("this") or m.group("rel")):
            continue
        if not m.group("rel") and g["holy_after"].match(norm, m.end(), m.end() + 10):
            continue  # "هذا الشهر الفضيل" is Ramadan, not the current calendar month
        off = lex.rel_offset(m.group("rel"))
        s = skip_prep(norm, m.start()) if norm[m.start()] in "وبلف" and not norm.startswith(
            ("ال", "هذ"), m.start()) else m.start()
        gran = lex.periods[m.group("per")]
        sc.out.append(Cand(s, m.end(), gran=gran, kind="relative", rel=_period(gran, off), prio=3))


def _period(gran: str, off: int):
    """The week (Monday to Sunday), month or year ``off`` periods from the anchor's."""
    if gran == "week":
        def fn(a):
            mon = a - timedelta(a.weekday()) + timedelta(7 * off)
            return mon, mon + timedelta(6)
    elif gran == "month":
        def fn(a):
            return month_span(a, off)
    else:
        def fn(a):
            return date(a.year + off, 1, 1), date(a.year + off, 12, 31)
    return fn


def ago(sc: Scan) -> None:
    """منذ ثلاثة أيام, قبل عامين, بعد أسبوع ("بعد 30 عاماً": years after some event,
    rarely after today)."""
    g, lex = _guards(), sc.lex
    ago_dir = context("ago")
    for m in sc.matches("ago"):
        if g["from_event"].match(sc.norm[m.end():m.end() + 10]):
            continue
        if m.group("dual"):
            k, unit = 2, m.group("dual")
        elif m.group("one"):
            k, unit = 1, m.group("one")
        else:
            k = _count_value(m.group("num"))
            unit = m.group("unit")
            if k is None or k > 1000:
                continue
        sign = int(ago_dir[m.group("dir")])
        unit = lex.time_units[unit][0]
        if sign > 0 and unit not in ("day", "week"):
            continue
        sc.out.append(Cand(m.start(), m.end(), gran="day" if unit == "week" else unit,
                           kind="relative", rel=_shift(unit, sign * k), prio=2))


def _shift(unit: str, k: int):
    """The day, month or year ``k`` units from the anchor."""
    def fn(a):
        if unit in ("day", "week"):
            b = a + timedelta(k * (7 if unit == "week" else 1))
            return b, b
        if unit == "month":
            return month_span(a, k)
        return date(a.year + k, 1, 1), date(a.year + k, 12, 31)
    return fn


def _count_value(s: str) -> int | None:
    if s.isdigit():
        return int(s)
    from akhbar.text.numbers import parse_number
    v = parse_number(s)
    return int(v) if v is not None and v == int(v) and v > 0 else None


def relative_weekday(sc: Scan) -> None:
    """الأحد المقبل, الجمعة الماضية, مساء الخميس, ليل الخميس - الجمعة (الاثنين and
    الجمعة alone are also a number and a noun: they need a time of day or a relative
    word)."""
    lex, norm = sc.lex, sc.norm
    night = {w for w, b in lex.day_part_before.items() if b == "day" and lex.day_part_label[w] == "night"}
    also_word = context("weekday_also_word")
    for m in sc.matches("rel_wd"):
        wd_word, rel, tod = m.group("wd"), m.group("rel"), m.group("tod")
        if not (tod or rel) and wd_word in also_word:
            continue
        if tod in night and not (rel or m.group("wd2")) and \
                norm.endswith(n("منتصف "), max(0, m.start() - 8), m.start()):
            continue  # "منتصف ليل الجمعة": midnight, at the start or the end of Friday?
        wd = lex.wd[wd_word]
        off = lex.rel_offset(rel)
        s, e = m.start(), m.end()
        span = 0
        if m.group("wd2"):
            if lex.wd[m.group("wd2")] == (wd + 1) % 7 and tod in night:
                span = 1  # "ليل الخميس - الجمعة": the night from Thursday into Friday
            else:
                e, off = trim_right(norm, s, m.start("wd2")), 0
        c = Cand(s, e, gran="day", kind="relative", rel=_weekday(wd, off, span), prio=1)
        c.bare_wd = not span
        sc.out.append(c)


def _weekday(wd: int, off: int, span: int):
    def fn(a):
        back = (a.weekday() - wd) % 7
        if off > 0:
            b = a + timedelta((wd - a.weekday()) % 7 or 7)
        elif off < 0:
            b = a - timedelta(back or 7)
        else:
            b = a - timedelta(back)
        return b, b + timedelta(span)
    return fn


def day_of_relative_month(sc: Scan) -> None:
    """الـ27 من الشهر الجاري, يوم 3 من الشهر المقبل (no such day: no value)."""
    from akhbar.extract.dates.candidate import day_value
    for m in sc.matches("day_relmonth"):
        d = day_value(m.group("d1"))
        if d is None or not 1 <= d <= 31:
            continue
        off = sc.lex.rel_offset(m.group("rel"))

        def fn(a, d=d, off=off):
            b = month_span(a, off)[0]
            return (b.replace(day=d), b.replace(day=d)) if d <= last_day(b.year, b.month) else (None, None)
        sc.out.append(Cand(m.start(), m.end(), gran="day", kind="relative", rel=fn, prio=6))
