"""Dates in Arabic news: every common way of writing one, resolved to calendar ranges.

The grammar is a handful of regular expressions over the "match" normalization of
the text (diacritics and tatweel dropped, أإآ→ا, ى→ي, ة→ه, Arabic-Indic digits →
ASCII), built once from the month and weekday names in ``akhbar/data/dates/months.json``
(CLDR via Babel for every Arabic locale, Hijri names from hijridate).  Candidates
from all patterns compete for the text (longest first), adjacent dates joined by
``-``/``إلى``/``حتى`` (or ``بين … و``) become ranges, and yearless dates take their
year from a later date in the same sentence, else from the article's publication
date or ``reference_date``.

A bare four-digit number is a year only in a year context (عام 2023, في 2023 …, a
month before it, a year range, a ``م``/``هـ`` suffix), so counts (2024 وفداً) and
identifiers (القرار رقم 59) never become dates.

Conventions for values (inclusive calendar days):

* a yearless date takes the year of the date it is paired with (``26 شوال الموافق 11
  أغسطس 2015``), else of a later dated day/month in its sentence (told in order, so
  ``28 ديسمبر ... 3 يناير 2024`` may be December 2023: when the order allows two years,
  a weekday written with the date decides, else the one nearer the anchor), else of an
  earlier one when the story lies over a year from the anchor, else of a Hijri year in
  the sentence (for a Hijri date), else of a dated day in the other calendar (the
  nearest reading, or the one its weekday fits), else the year that puts it nearest
  to the anchor, a future reading counting 1.5 times its distance since news mostly
  reports the past (``الماضي``/``المقبل`` force the past/next one); a weekday written
  with it picks the year in which the weekday fits;
* a bare weekday (``يوم الأحد``) is the latest such day on or before the anchor;
  ``الأحد المقبل`` the next one, ``الأحد الماضي`` the one before;
* weeks run Monday to Sunday; the first/second/third/fourth/last week of a month are
  days 1-7/8-14/15-21/22-28/22-end; ``منذ/قبل ثلاثة أيام`` is that day, ``قبل عامين``
  that year; decades (``التسعينيات``) are 1990-1999;
* early/mid/late month (``مطلع/منتصف/أواخر``) are days 1-10 / 11-20 / 21-end; early,
  mid and end of a year are January-March, June-July and October-December;
* a bare four-digit number from 1350 to 1470 after a year word is a Hijri year
  (1931-2048 CE); Hijri dates are converted with hijridate (Umm al-Qura).

Patterns run only in windows of text around their trigger words (month names,
four-digit numbers, date words), found with set lookups, which keeps the cost per
article near a millisecond.
"""

from __future__ import annotations

import calendar
from bisect import bisect_left
from datetime import date, timedelta
from functools import lru_cache

import pandas as pd
import re as regex  # the stdlib engine: several times faster than `regex` on these patterns
import regex as _regex_engine

from akhbar import data
from akhbar._tables import chunk_cache, register_table
from akhbar.extract import _base
from akhbar.text.normalize import normalize, normalize_with_offsets
from akhbar.text.patterns import alternation

__all__ = ["DATE_SCHEMA", "extract_dates", "find_dates"]

DATE_SCHEMA = {
    "article_id": "string",
    "text": "string",
    "start": "int64",
    "end": "int64",
    "value_start": "datetime64[s]",
    "value_end": "datetime64[s]",
    "granularity": "string",
    "kind": "string",
    "calendar": "string",
    "anchor": "string",
    "time": "string",
}

_PRESET = "match"


@lru_cache(maxsize=4096)
def _n(s: str) -> str:
    """A pattern fragment written in ordinary Arabic, in the matched normalization."""
    return normalize(s, preset=_PRESET)


_alt = alternation


# --------------------------------------------------------------------------- lexicon

class _Lex:
    """Month/weekday names and the compiled patterns, built once on first use."""

    def __init__(self) -> None:
        raw = data.load_json("dates/months.json")
        greg = {_n(k): v["month"] for k, v in raw["gregorian"].items()}
        for k, v in raw["written_for_akhbar"]["gregorian"].items():
            greg.setdefault(_n(k), v)
        hijri = {_n(k): v["month"] for k, v in raw["hijri"].items()}
        for k, v in raw["written_for_akhbar"]["hijri"].items():
            hijri.setdefault(_n(k), v)
        # Babel: 0 = Monday; Python's date.weekday() uses the same numbering.
        wd = {_n(k): v["weekday"] for k, v in raw["weekdays"].items()}
        self.greg, self.hijri, self.wd = greg, hijri, wd
        self.decades = {_n(k): v for k, v in raw["written_for_akhbar"].get("decades", {}).items()}
        self.ordinals = _ordinal_day_forms()
        self.build()
        self.triggers = self._triggers()
        self.trigger_keys = frozenset(self.triggers)

    def _triggers(self) -> dict[str, tuple[str, ...]]:
        fam: dict[str, set[str]] = {}

        def add(words, f):
            for w in words:
                first = w.split()[0]
                fam.setdefault(first, set()).add(f)

        add(self.greg, "mon")
        add(self.hijri, "hmon")
        add([_n(w) for w in ("عيد", "رأس", "عرفة", "عرفات", "عاشوراء", "المولد", "الإسراء")], "hol")
        add([_n("الشهر")], "shahr")
        add([_n(w) for w in ("الربع", "النصف", "الثلث", "الفصل", "أشهر", "شهور", "الأشهر",
                             "الشهور")], "part")
        add([_n(w) for w in ("مطلع", "بداية", "أوائل", "مستهل", "مفتتح", "أول", "منتصف",
                             "أواسط", "نهاية", "أواخر", "ختام", "آخر", "أخر", "نهايات",
                             "بدايات", "العشر", "متم", "اليوم")], "edge")
        add([_n(w) for w in ("اليوم", "أمس", "الأمس", "بالأمس", "غدا", "غد", "الغد", "البارحة", "بكرة", "بكرا")],
            "relday")
        add([_n(w) for w in ("الأسبوع", "الشهر", "العام", "السنة")], "relper")
        add(self.wd, "wd")
        add(self.decades, "dec")
        add([_n(w) for w in ("منذ", "قبل", "بعد")], "ago")
        out: dict[str, set[str]] = {}
        for w, f in fam.items():
            forms = {w} | {c + w for c in ("و", "ب", "ل", "ف", "وب", "ول", "وف")}
            if w.startswith("ال"):
                forms |= {"لل" + w[2:], "ولل" + w[2:]}
            for form in forms:
                out.setdefault(form, set()).update(f)
        return {w: tuple(sorted(f)) for w, f in out.items()}

    def build(self) -> None:
        W = r"(?<![\w])"          # word start
        E = r"(?![\w])"           # word end
        MON = f"(?:{_alt(self.greg)})"
        HMON = f"(?:{_alt(self.hijri)})"
        WD = f"(?:{_alt(self.wd)})"
        ORD = f"(?:{_alt(self.ordinals)})"
        DAYNUM = r"(?<![\d.,/:])(?:3[01]|[12]\d|0?[1-9])(?![\d]|[.,/:]\d)"
        DAY = f"(?:{DAYNUM}|{W}{ORD}{E})"
        YEAR = r"(?<![\d.,/:])(?:1\d|20|21)\d\d(?![\d]|[.,]\d)"
        YSUF = _n(r"(?:\s?(?:م|هـ|ه)(?![\w])|\s(?:ميلادية|ميلادي|هجرية|هجري|للميلاد|للهجرة)(?![\w]))")
        YEARX = f"{YEAR}(?:{YSUF})?"
        YFILL = _n(r"(?:\s?,\s?|\s?)(?:(?:من\s|في\s)?(?:ال|لل|ل)?(?:عام|سنة)\s?)?")
        DFILL = _n(r"\s?(?:من\s)?(?:شهر\s)?")
        TOD = _n("(?:صباح|مساء|ظهر|عصر|فجر|ليلة|ليل|ظهيرة|صبيحة|يوم)")
        # "يومي الاثنين والثلاثاء 2 و3 ديسمبر": two weekdays before two days; the first
        # weekday belongs to the first day
        WDPRE = _n(rf"(?:(?:{TOD}|يومي)\s)?(?P<wd>{WD})(?:\s?(?:و|-|/)\s?{WD})?\s?,?\s?"
                   r"(?:(?:الموافق|المقبل|القادم|الماضي|في)\s?,?\s?)?")
        DAYPRE = _n(r"(?:(?:صباح|مساء|ظهر|عصر|فجر|ليلة|ليل|ظهيرة|صبيحة)\s)?(?:يوم|يومي)\s")
        WDPRE = f"(?:{WDPRE}|{W}{DAYPRE})"
        RSEP = _n(r"\s?(?:-|–|—|/|وحتى|وإلى|و|إلى|الى|حتى|ولغاية|لغاية)\s?")
        MONP = (rf"(?P<m1>{MON})(?:(?:\s?(?P<psep>[/(]|-)\s?|\s)(?P<m1b>{MON})\s?\)?)?")
        MREL = _n(r"(?:\s(?P<mrel>الماضي|المقبل|القادم|الجاري|الحالي|المنصرم|الفائت)(?![\w])|"
                  r"\s(?:من\s)?(?:(?:ال|هذا\sال|هذه\sال)(?:عام|سنة))(?:\s(?P<yrel>الماضي|الماضية|المقبل|المقبلة|القادم|القادمة|الحالي|الحالية|الجاري|الجارية|المنصرم|الفائت))?(?![\w]))")
        # a day of a relative month: "الـ27 من الشهر الجاري", "يوم 3 من الشهر المقبل"
        self.day_relmonth = regex.compile(
            rf"(?:{W}" + _n(r"يوم\s") + rf")?(?:{W}" + _n("ال") + r"\s?)?" + rf"(?P<d1>{DAY})\s"
            + _n(r"(?:من\s)?(?:(?P<this>هذا\sالشهر)|الشهر(?:\s(?P<rel>الماضي|المقبل|القادم|الجاري|الحالي|المنصرم|الفائت|السابق))?)(?![\w])"
               r"(?!\s(?:الأول|الثاني|الثالث|الرابع|الخامس|السادس|السابع|الثامن|التاسع|العاشر|الحادي|"
               r"القمري|الهجري|الفضيل|المبارك|الكريم|الحرام)(?![\w]))"))
        # the middle days of a list: "3 و4 و5 يونيو", "10، 11 و12 مارس"
        DLIST = rf"(?P<dmid>(?:\s?(?:,\s?|و\s?){DAYNUM}){{0,6}})"
        self.dm = regex.compile(
            rf"(?:{WDPRE})?(?P<d1>{DAY}){DLIST}(?:(?P<rsep>{RSEP})(?P<d2>{DAY}))?{DFILL}{MONP}{E}"
            rf"(?:{YFILL}(?P<y>{YEARX})|{MREL})?")
        self.hdm = regex.compile(
            rf"(?:{WDPRE})?(?P<d1>{DAY}){DLIST}(?:(?P<rsep>{RSEP})(?P<d2>{DAY}))?{DFILL}(?:شهر\s)?(?P<m1>{HMON}){E}"
            + _n(rf"(?:\s(?:المبارك|الفضيل|الكريم|الحرام|المعظم){E})?")
            + rf"(?:{YFILL}(?P<y>{YEAR}(?:{YSUF})?)|{MREL})?")
        rel0 = _n("الماضي|المقبل|القادم|الجاري|الحالي|المنصرم")
        self.my = regex.compile(
            rf"{W}(?:[وبلف]?(?:شهر|الشهر)\s)?{W}[وبلف]?(?P<m1>{MON})"
            rf"(?:(?:\s?(?P<psep>[/(]|-)\s?|\s)(?P<m1b>{MON})\s?\)?)?(?:\s(?:{rel0}))?{YFILL}(?P<y>{YEARX})")
        self.hmy = regex.compile(
            rf"{W}(?:[وبلف]?(?:شهر)\s)?{W}[وبلف]?(?P<m1>{HMON}){YFILL}(?P<y>{YEAR}(?:{YSUF})?)")
        ctx = _n("(?:[وف]?(?:في|خلال|منذ|حتى|قبل|بعد|بحلول|طوال|طيلة)|من|إلى|الى)")
        rel = _n("(?:الماضي|المقبل|القادم|الجاري|الحالي|المنصرم|الفائت|السابق)")
        self.mctx = regex.compile(
            rf"{W}(?:(?P<ctx>{ctx})\s|(?P<sh>[وبلف]?(?:شهر|الشهر))\s)?{W}[وبلف]?(?P<m1>{MON}){E}"
            rf"(?:(?:\s?[/(-]\s?|\s)(?P<m1b>{MON})(?:\s?\))?)?"
            rf"(?:\s(?P<rel>{rel}){E}|" + _n(r"\s(?:من\s)?(?P<ynoun>(?:ال|هذا\sال|هذه\sال)(?:عام|سنة))(?:\s(?P<yrel>"
                                             r"الماضي|الماضية|المقبل|المقبلة|القادم|القادمة|الحالي|الحالية|"
                                             r"الجاري|الجارية|المنصرم|الفائت|السابق|السابقة))?") + rf"{E})?")
        self.mco = regex.compile(
            _n(r"\s?,?\s?(?:و|أو)\s?(?:شهر\s)?") + rf"(?P<m1>{MON}){E}"
            rf"(?:(?:\s?[/(-]\s?|\s)(?P<m1b>{MON})(?:\s?\))?)?(?:\s(?P<rel>{rel}){E})?")
        # Hijri months: after شهر, a preposition (في رمضان), or before الماضي/المبارك ...
        HREL = _n("(?:الماضي|المقبل|القادم|الجاري|الحالي|المنصرم|الفائت|السابق)")
        self.hctx = regex.compile(_n(
            rf"{W}(?:(?P<hsh>[وبلف]?شهر)\s|(?P<hctx>[وف]?(?:في|خلال|منذ|حتى|قبل|بعد|بحلول|طوال|طيلة|أيام|ليالي|نهار))\s)?"
            rf"(?P<m1>{HMON}){E}(?:\s(?P<hatt>المبارك|الفضيل|الكريم|الحرام|المعظم){E})?(?:\s(?P<hrel>{HREL}){E})?")
            + rf"(?:{YFILL}(?P<y>{YEAR}(?:{YSUF})?))?")
        # month ranges: "بين يناير ومارس 2023", "من يناير إلى مارس 2022", "يناير - مارس 2024"
        self.mrange = regex.compile(
            _n(rf"(?:{W}(?P<intro>(?:ما\s)?بين|من)\s(?:شهري\s|شهر\s)?)?") + rf"{W}(?P<m1>{MON})"
            + _n(r"\s?(?P<sep>-|–|و|إلى|الى|حتى|وحتى)\s?(?:شهر\s)?") + rf"(?P<m2>{MON}){YFILL}(?P<y>{YEARX})")
        # holidays fixed in the Hijri calendar (and Christmas)
        self.holiday = regex.compile(_n(
            rf"{W}[وبلف]?(?P<h>عيد الفطر|عيد الأضحى|رأس السنة الهجرية|يوم عرفة|يوم عرفات|عيد الميلاد المجيد|"
            rf"عيد الميلاد|يوم عاشوراء|عاشوراء|عيد المولد النبوي|المولد النبوي|ليلة الإسراء والمعراج|"
            rf"الإسراء والمعراج)(?:\s(?:المبارك|السعيد|الشريف){E})?") + rf"(?:{YFILL}(?P<y>{YEARX}))?(?![\w])")
        # Years in a year context.
        # with سنة the adjective is feminine: السنة المالية 2024, السنة الهجرية 1445
        YADJ = _n("(?:(?:الجديد|المالي|الدراسي|التدريبي|الميلادي|الهجري|الماضي|الحالي|الجاري|"
                  "المقبل|القادم|المنصرم|الفائت|السابق|المنتهي)ه?)")
        YNOUN = _n(r"(?:[وبلف]|وب|ول|في\s|منذ\s|حتى\s|قبل\s|بعد\s|خلال\s|من\s|بحلول\s)?"
                   r"(?:ال|لل|ل)?(?:عام|سنة|أعوام|سنوات|عامي|سنتي|لعامي)\s?") + rf"(?:{YADJ}\s(?:{YADJ}\s)?)?"
        # nouns after which a bare number is a year: seasons, births, budgets, events
        YEVENT = _n("(?:موسم|مواسم|الموسم|مواليد|ميزانية|موازنة|الميزانية|الموازنة|مونديال|"
                    "أولمبياد|كأس العالم|يورو|رؤية|أجندة|نسخة|دورة)")
        # events and reports named by their year, maybe with up to two words of place or
        # kind between: انتخابات 2016, مؤتمر القاهرة 2014, مونديال روسيا 2018, انتخابات
        # الرئاسة الأميركية 2016, كأس العالم للأندية 2025
        YEVENT2 = _n("(?:انتخابات|الانتخابات|هجمات|أحداث|احتجاجات|تعداد|إحصاء|إحصاءات|إحصائيات|"
                     "أرقام|بيانات|نتائج|قمة|مؤتمر|بطولة|معرض|إكسبو|دستور|اتفاقية|اتفاق|مونديال|"
                     "أولمبياد|كأس العالم|كأس)")
        self.year_event = regex.compile(
            rf"{W}[وبلف]?(?:{YEVENT}|(?P<ev2>{YEVENT2})(?:\s(?!ال?(?:عام|سنة)(?![\w]))[\u0621-\u064a]{{3,12}}){{0,2}})"
            rf"\s(?P<y>{YEAR})(?P<ys>{YSUF})?")
        self.year = regex.compile(rf"{W}(?P<pre>{YNOUN})(?P<y>{YEARX})")
        YPREP = _n(r"(?:في|منذ|حتى|قبل|بعد|خلال|بحلول|ومنذ|وفي|وحتى|وقبل|وبعد|من|ومن)")
        self.year_prep = regex.compile(rf"{W}(?P<p>{YPREP})\s(?P<y>{YEAR})(?P<ys>{YSUF})?")
        self.year_suf = regex.compile(rf"(?P<y>{YEAR})(?P<ys>{YSUF})")
        YRSEP = _n(r"\s?(?:-|–|—|/|_|إلى|الى|حتى|و)\s?")
        YN2 = _n(r"(?:(?:ال)?(?:عام|سنة)\s)?")
        self.year_range = regex.compile(
            _n(rf"(?:{W}(?P<intro>(?:ما\s)?بين|من|للفترة|الفترة|للفترتين|خلال|في)\s)?"
               rf"(?:{W}[وبلف]?(?:ال|لل|ل)?(?:عامي|عامين|سنتي|عام|سنة|الأعوام|السنوات|أعوام|سنوات|موسم|مواسم)\s?(?:{YADJ}\s(?:{YADJ}\s)?)?)?")
            + rf"(?P<y1>{YEAR})(?P<ys1>{YSUF})?(?P<sep>{YRSEP}){YN2}(?P<y2>(?:1\d|20|21)\d\d(?![\d]|[.,]\d)|\d\d(?![\d]))(?P<ys2>{YSUF})?")
        self.year_coord = regex.compile(
            rf"(?<![\d.,/-])(?P<y1>{YEAR})\s?" + _n(r"و\s?") + rf"(?P<y2>{YEAR})")
        self.year_pair = regex.compile(
            _n(rf"{W}(?:ال)?(?:عامي|سنتي|العامين|السنتين)\s") + rf"(?P<y1>{YEAR})\s?"
            + _n(r"و\s?(?:عام\s)?") + rf"(?P<y2>{YEAR})")
        # Numeric dates.
        self.numeric = regex.compile(
            r"(?<![\d./-])(?P<a>\d{1,4})(?P<sep>\s?[/-]\s?|\.)(?P<b>\d{1,2})\s?(?P<sep2>[/.-])\s?(?P<c>\d{4}|\d{1,2})"
            rf"(?![\d]|[./-]\d)(?P<ys>{YSUF})?")
        self.month_year_num = regex.compile(
            r"(?<![\d./-])(?P<b>0?[1-9]|1[0-2])/(?P<c>(?:19|20)\d\d)(?![\d]|[./-]\d)")
        self.numeric_dm = regex.compile(
            rf"(?:(?:{WDPRE})|{W}" + _n(r"(?:بتاريخ|الموافق|يوم)") + r"\s)"
            r"(?P<a>[0-3]?\d)/(?P<b>[01]?\d)(?![\d]|[./-]\d)")
        # Parts of a year or month.
        YSPEC = (_n(r"(?:(?:من|في)\s)?(?:(?:ال|ل|لل)?(?:عام|سنة)\s)?") + rf"(?P<y>{YEARX})"
                 + "|" + _n(r"(?:(?:من|في)\s)?(?:هذا\s|هذه\s)?(?P<ry>العام|السنة)(?!\s(?:الدراسي|المالي|التدريبي|الجامعي|الهجري)(?![\w]))(?:\s(?P<ryrel>الماضي|الماضية|المقبل|المقبلة|القادم|القادمة|الحالي|الحالية|الجاري|الجارية|المنصرم|الفائت|السابق|السابقة)(?![\w]))?")
                 + rf"(?:\s(?P<yy>{YEARX}))?"
                 + "|" + _n(r"(?:(?:من|في)\s)?(?P<this>هذا العام|هذه السنة)"))
        self.part = regex.compile(_n(
            rf"{W}(?:[وبلف]|في\s|خلال\s)?(?P<part>الربع|النصف|الثلث|الفصل)\s(?P<ord>الأول|الثاني|الثالث|الرابع|الأخير)\s")
            + rf"(?:{YSPEC})")
        self.months_n = regex.compile(_n(
            rf"{W}(?:[وبلف]|في\s|خلال\s)?(?:ال)?(?:أشهر|شهور)\s(?P<n>الثلاثة|الثلاث|الأربعة|الخمسة|الستة|السبعة|الثمانية|التسعة|العشرة)\s"
            rf"(?P<which>الأولى|الأول|الأخيرة|الماضية|المقبلة|القادمة)")
            + "(?:" + rf"\s(?:{YSPEC})" + ")?")
        # متم (Morocco: "the completion") is the end; آخر يوم من / اليوم الأول من name one day
        EDGE = _n("(?:(?:آخر|أخر|أول)\\sيوم\\s(?:من|في)|اليوم\\s(?:الأخير|الأول)\\s(?:من|في)|"
                  "مطلع|بداية|أوائل|مستهل|مفتتح|أول|منتصف|أواسط|نهاية|متم|أواخر|ختام|آخر|أخر|نهايات|بدايات|"
                  "العشر\\s(?:الأواخر|الأخيرة|الأوائل|الأولى|الأول)\\sمن)")
        self.edge = regex.compile(
            rf"{W}[وبلف]?(?P<edge>{EDGE})\s(?:(?:شهر\s)?(?P<m1>{MON}){E}"
            rf"(?:(?:\s?[/(-]\s?|\s)(?P<m1b>{MON})(?:\s?\))?)?"
            rf"(?:\s(?P<mrel>{rel}){E}|{YFILL}(?P<my>{YEARX}))?|"
            + _n(rf"(?:شهر\s)?(?P<hm>{HMON}){E}(?:\s(?:المبارك|الفضيل|الكريم|الحرام|المعظم){E})?"
                 rf"(?:\s(?P<hrel>{rel}){E}|{YFILL}(?P<hy>{YEAR}(?:{YSUF})?))?|")
            # "بداية الشهر الفضيل" is Ramadan, not the current calendar month
            + _n(r"(?P<rm>الشهر|هذا الشهر)(?!\s(?:الفضيل|المبارك|الكريم|الحرام|القمري|الهجري)(?![\w]))(?:\s(?P<rmrel>الماضي|المقبل|القادم|الحالي|الجاري))?|")
            + _n(r"(?P<rw>الأسبوع|هذا الأسبوع)(?:\s(?P<rwrel>الماضي|المقبل|القادم|الحالي|الجاري|الجاي|المنصرم|الفائت))?(?![\w])|")
            + f"(?:{YSPEC}))")
        # Relative expressions.
        NUMW = r"(?:\d{1,3}|[\u0621-\u064a]{3,8}(?:\s[\u0621-\u064a]{3,8})?)"
        UNIT = _n("(?:يوما|يوم|أيام|أسبوعا|أسبوع|أسابيع|شهرا|شهر|أشهر|شهور|عاما|عام|أعوام|سنة|سنوات|سنين)")
        DUAL = _n("(?:يومين|أسبوعين|شهرين|عامين|سنتين)")
        UNIT1 = _n("(?:يوم|أسبوع|شهر|عام|سنة)")  # "قبل سنوات" (years ago, how many?) is vague
        self.ago = regex.compile(
            rf"{W}و?(?P<dir>" + _n("منذ|قبل|بعد") + rf")\s(?:(?P<num>{NUMW})\s(?P<unit>{UNIT})|(?P<dual>{DUAL})|(?P<one>{UNIT1})){E}")
        TOD2 = _n("(?:صباح|مساء|ظهر|عصر|فجر|ليلة|ليل|ظهيرة|صبيحة|يوم|منتصف ليلة|نهار)")
        self.rel_day = regex.compile(_n(
            rf"{W}(?:(?P<tod>{TOD2})\s)?(?P<w>(?:بعد|قبل)\s(?:الغد|غد|أمس)|أمس الأول|أول أمس|أول من أمس|بالأمس|الأمس|أمس|البارحة|اليوم|غدا|الغد|غد|بكرة|بكرا)"
            rf"(?:\s(?P<po>\(\s?)?(?P<wd>{WD})(?(po)\s?\)))?{E}"))
        PER = _n("(?P<per>الأسبوع|الشهر|العام|السنة)")
        PREL = _n("(?P<rel>الجاي|الماضي|الماضية|الفائت|الفائتة|المنصرم|المنصرمة|السابق|السابقة|المقبل|المقبلة|القادم|القادمة|التالي|التالية|الحالي|الحالية|الجاري|الجارية|المنقضي)")
        self.rel_period = regex.compile(
            rf"{W}[وبلف]?(?:" + _n(r"(?P<this>هذا|هذه)\s") + rf")?{PER}(?:\s{PREL})?{E}")
        # "مساء يوم (الأحد) المقبل", "الجمعة الماضية", "ليل الخميس - الجمعة" (a night
        # across two days)
        self.rel_wd = regex.compile(
            rf"{W}(?:(?P<tod>{TOD})\s(?P<po>\(\s?)?)?[وف]?(?P<wd>{WD})(?(po)\s?\))"
            rf"(?(tod)(?:(?:\s?[-/]\s?|\s)(?P<wd2>{WD}){E})?)(?:\s(?P<rel>" +
            _n("الماضي|الماضية|المقبل|المقبلة|القادم|القادمة|المنصرم|المنصرمة|الفائت|الفائتة|السابق|السابقة")
            + rf"))?{E}")
        self.hijri_year = regex.compile(
            rf"(?:{W}(?:{YNOUN}))?(?P<y>1[3-5]\d\d)(?P<hs>\s?" + _n("(?:هـ|ه)(?![\\w])|\\s(?:هجرية|هجري|للهجرة)") + r")")
        self.week_of_month = regex.compile(
            rf"{W}[وبلف]?" + _n(r"الأسبوع\s(?P<ord>الأول|الثاني|الثالث|الرابع|الأخير)\s(?:من|في)\s(?:شهر\s)?")
            + rf"(?P<m1>{MON}){E}(?:\s?[/(]\s?{MON}\s?\)?)?(?:\s(?P<mrel>{rel}){E}|{YFILL}(?P<y>{YEARX}))?")
        self.decade = regex.compile(
            rf"{W}[وبلف]?(?P<dec>{_alt(self.decades)})"
            + _n(r"(?:\s(?:من\s)?القرن\s(?:الماضي|العشرين|المنصرم|الفائت|الميلادي\sالماضي))?") + E
            + _n(r"(?!\s(?:من\s)?(?:عمره|عمرها|عمرهم|العمر|عمر)(?![\w]))"))  # في الثلاثينيات من عمره: age
        self.sent = regex.compile(r"[.!?;:\n](?=\s|$)|[«»\"]")


# Which trigger words let each pattern run: a pattern only ever runs on windows of text
# around its triggers (a few words either side), which keeps the per-article cost low.
_FAMILY_OF = {
    "dm": "mon", "my": "mon", "mctx": "mon", "mrange": "mon",
    "hdm": "hmon", "hmy": "hmon", "hctx": "hmon", "holiday": "hol",
    "year": "y4", "year_prep": "y4", "year_suf": "y4", "year_range": "y4",
    "year_coord": "y4", "year_pair": "y4", "year_event": "y4", "hijri_year": "y4",
    "numeric": "numsep", "month_year_num": "numsep", "numeric_dm": "numsep",
    "day_relmonth": "shahr", "part": "part", "months_n": "part", "edge": "edge",
    "week_of_month": "mon", "rel_day": "relday", "rel_period": "relper", "rel_wd": "wd", "ago": "ago", "decade": "dec",
}
_BEFORE, _AFTER = 50, 60   # window size in characters around a trigger
# Digit runs are found with the `regex` engine, three times faster than `re` at this
# scan.  Its \d (a newer Unicode) holds every character `re`'s \d holds (str.isdecimal),
# so each `re` digit run lies inside one of its runs; a run with a digit `re` does not
# know is split again with `re`.
_DIGIT_RUN = _regex_engine.compile(r"\d+")
_RE_DIGIT_RUN = regex.compile(r"\d+")
_NUMSEP = regex.compile(r"\d\s?[/.-]\s?\d")
_PUNCT = regex.compile(r"[/()«»\"',.:;!?\-–—\[\]{}|*_+=<>\t“”‘’]")


class _Windows:
    """Merged spans of ``norm`` around each trigger family's words, built on demand.

    Trigger words are found with set operations and ``str.find`` (C speed); a pattern
    then runs only inside the windows of its family.
    """

    def __init__(self, lex: "_Lex", norm: str):
        self.lex, self.norm = lex, norm
        spaced = _PUNCT.sub(" ", norm)
        hits: dict[str, list[int]] = {}
        trig = lex.triggers
        for w in set(spaced.split()) & lex.trigger_keys:
            fams = trig[w]
            i = spaced.find(w)
            while i >= 0:
                j = i + len(w)
                if (i == 0 or spaced[i - 1].isspace()) and (j == len(spaced) or spaced[j].isspace()):
                    for f in fams:
                        hits.setdefault(f, []).append(i)
                i = spaced.find(w, j)
        # four-digit runs, and the starts of _NUMSEP.finditer(norm): a match starts on
        # the last digit of a run, never inside the match before it
        y4: list[int] = []
        ns: list[int] = []
        last = 0
        for m in _DIGIT_RUN.finditer(norm):
            a, b = m.span()
            runs = ((a, b),) if norm[a:b].isdecimal() else \
                [r.span() for r in _RE_DIGIT_RUN.finditer(norm, a, b)]
            for a, b in runs:
                if b - a == 4:
                    y4.append(a)
                if b - 1 >= last:
                    sep = _NUMSEP.match(norm, b - 1)
                    if sep:
                        ns.append(b - 1)
                        last = sep.end()
        if y4:
            hits["y4"] = y4
        if ns:
            hits["numsep"] = ns
        self.hits = hits
        self.spans: dict[str, list[tuple[int, int]]] = {}

    def _family_spans(self, fam: str) -> list[tuple[int, int]]:
        if fam in self.spans:
            return self.spans[fam]
        norm, n, out = self.norm, len(self.norm), []
        for p in sorted(self.hits.get(fam, ())):
            a, b = max(0, p - _BEFORE), min(n, p + _AFTER)
            if out and a <= out[-1][1]:
                out[-1] = (out[-1][0], max(out[-1][1], b))
            else:
                out.append((a, b))
        spans = []
        for a, b in out:
            a = norm.rfind(" ", 0, a) + 1 if a else 0
            k = norm.find(" ", b)
            spans.append((a, n if k < 0 else k))
        self.spans[fam] = spans
        return spans

    def finditer(self, name: str) -> list:
        spans = self._family_spans(_FAMILY_OF[name])
        if not spans:
            return []
        pat, norm = getattr(self.lex, name), self.norm
        return [m for a, b in spans for m in pat.finditer(norm, a, b)]


@lru_cache(maxsize=1)
def _lex() -> _Lex:
    return _Lex()


def _ordinal_day_forms() -> list[str]:
    """Normalized ordinal-word days الأول … الحادي والثلاثين (both genders, ± article)."""
    text = data.text("dates/ordinal_days.tsv")
    forms = []
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            forms.append(_n(line.split("\t")[0]))
    return forms


@lru_cache(maxsize=1)
def _ordinal_values() -> dict[str, int]:
    text = data.text("dates/ordinal_days.tsv")
    out = {}
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            form, value = line.split("\t")[:2]
            out[_n(form)] = int(value)
    return out


# --------------------------------------------------------------------------- values

def _last_day(y: int, m: int) -> int:
    return calendar.monthrange(y, m)[1]


def _day_value(s: str) -> int | None:
    s = s.strip()
    if s.isdigit():
        return int(s)
    v = _ordinal_values().get(s)
    return v


def _year_value(s: str) -> int:
    return int(regex.match(r"\d+", s).group())


def _hijri_to_greg(y: int, m: int, d: int | None, end: bool) -> date | None:
    from hijridate import Hijri
    try:
        if d is None:
            d = Hijri(y, m, 1).month_length() if end else 1
        return Hijri(y, m, d).to_gregorian()
    except (ValueError, OverflowError):
        return None


def _greg_to_hijri_year(d: date) -> int | None:
    from hijridate import Gregorian
    try:
        return Gregorian(d.year, d.month, d.day).to_hijri().year
    except (ValueError, OverflowError):
        return None


def _span_dates(cal: str, y: int, m: int | None, d: int | None, end: bool) -> date | None:
    """First (``end=False``) or last day of the calendar unit y[-m[-d]]."""
    if cal == "hijri":
        if m is None:
            m = 12 if end else 1
        return _hijri_to_greg(y, m, d, end)
    try:
        if m is None:
            return date(y, 12, 31) if end else date(y, 1, 1)
        if d is None:
            return date(y, m, _last_day(y, m)) if end else date(y, m, 1)
        return date(y, m, d)
    except ValueError:
        return None


def _add_months(d: date, n: int) -> date:
    k = d.year * 12 + d.month - 1 + n
    y, m = divmod(k, 12)
    return date(y, m + 1, min(d.day, _last_day(y, m + 1)))


_FUTURE_COST = 1.5  # a yearless date's future reading counts its distance this many times

_PAST = {_n(w) for w in ("الماضي", "الماضية", "الفائت", "الفائتة", "المنصرم", "المنصرمة",
                         "السابق", "السابقة", "المنقضي")}
_NEXT = {_n(w) for w in ("المقبل", "المقبلة", "القادم", "القادمة", "التالي", "التالية", "الجاي")}


def _rel_offset(word: str | None) -> int:
    if not word:
        return 0
    if word in _PAST:
        return -1
    if word in _NEXT:
        return 1
    return 0


# --------------------------------------------------------------------------- candidates

class _Cand:
    """One date expression found in the normalized text, before resolution."""

    __slots__ = ("s", "e", "cal", "start", "end", "gran", "kind", "rel", "prio", "wd", "yfrom",
                 "dir", "bare_wd", "yrel", "nth", "time", "lastday")

    def __init__(self, s, e, *, cal="gregorian", start=None, end=None, gran="day",
                 kind="absolute", rel=None, prio=0, wd=None):
        self.s, self.e = s, e
        self.cal = cal
        self.start = start      # [y, m, d]; None parts: y unknown, m/d = first
        self.end = end          # [y, m, d]; None parts: m/d = last
        self.gran = gran
        self.kind = kind
        self.rel = rel          # callable(anchor: date) -> (date, date) for relative dates
        self.prio = prio
        self.wd = wd
        self.yfrom = ""         # where a missing year came from
        self.dir = 0            # -1: "الماضي" (the last such date), 1: "المقبل" (the next one)
        self.bare_wd = False    # a weekday alone, which a following date absorbs
        self.yrel = None        # "من العام المقبل": the year is the anchor's plus this
        self.nth = None         # weekday + ordinal: maybe the nth such weekday of the month
        self.time = ""          # "HH:MM" or a part of the day, for a day with a time attached
        self.lastday = False    # "آخر يوم من رمضان": only the last day of the span

    def needs_year(self) -> bool:
        return self.rel is None and self.start is not None and (
            self.start[0] is None or self.end[0] is None)

    def year(self) -> int | None:
        return self.end[0] if self.rel is None and self.end else None


def _yearx(s: str | None):
    """(year, calendar or None) of a YEARX match like '1445 هـ' or '2015م'."""
    if not s:
        return None, None
    return _yearx_cached(s)


@lru_cache(maxsize=4096)
def _yearx_cached(s: str):
    y = _year_value(s)
    rest = s[len(str(y)):].strip() if s.startswith(str(y)) else ""
    hijri_suf = {_n(w) for w in ("هـ", "ه", "هجرية", "هجري", "للهجرة")}
    if rest in hijri_suf:
        return y, "hijri"
    if rest:
        return y, "gregorian"
    return y, None


def _dm_cands(lex: _Lex, norm: str, out: list, win: "_Windows") -> None:
    for name, hij in (("dm", False), ("hdm", True)):
        for m in win.finditer(name):
            d1 = _day_value(m.group("d1"))
            d2 = _day_value(m.group("d2")) if m.group("d2") else None
            rsep = m.group("rsep").strip() if d2 is not None else None
            mids = [(int(x.group()), x.start() + m.start("dmid"))
                    for x in _RE_DIGIT_RUN.finditer(m.group("dmid"))] if m.group("dmid") else []
            d2pos = m.start("d2") if d2 is not None else None
            if mids and d2 is None:  # "3 و4 و5 يونيو": the last day of the list is d2
                (d2, d2pos), mids, rsep = mids[-1], mids[:-1], "و"
            days = [d1] + [d for d, _ in mids] + ([d2] if d2 is not None else [])
            if d1 is None or not 1 <= d1 <= 31 or any(not a < b <= 31 for a, b in zip(days, days[1:])):
                continue
            if mids and rsep not in ("و", ","):
                continue  # "3، 4 - 6 يونيو": neither a list nor a range
            y, ycal = _yearx(m.group("y"))
            cal = "hijri" if hij or ycal == "hijri" else "gregorian"
            if hij:
                mon = lex.hijri[m.group("m1")]
            else:
                mon = lex.greg[m.group("m1")]
            mon2 = mon
            s, e = m.span()
            if not hij and m.group("m1b"):
                other = lex.greg[m.group("m1b")]
                if other != mon and m.group("psep") == "-" and d2 is None:
                    mon2 = other  # 5 مايو - يونيو? rare; treat as month range end
                elif other != mon and m.group("psep") != "(":
                    # "15 سبتمبر/أكتوبر" is not a pair; keep only the first month
                    s_, e_ = m.span("m1")
                    e = e_
                    y = None
            if y is not None and cal == "gregorian" and not 1000 <= y <= 2199:
                continue
            if y is not None and cal == "hijri" and not 1200 <= y <= 1600:
                continue
            if y is None and m.group("y") is None:
                e = _trim_right(norm, s, e)
            if hij and mon == 2 and y is None and not m.group("d1")[0].isalpha() and \
                    _n("شهر") not in m.group(0):
                continue  # "فاز 3 صفر": a score (صفر = zero), not 3 Safar
            nth = None
            if m.group("wd") and d2 is None and d1 <= 5 and m.group("d1")[0].isalpha() and \
                    not norm[m.end("wd"):m.start("d1")].strip():
                nth = d1  # "الثلاثاء الثالث من أيلول": the third Tuesday, or the 3rd if it is one
            if d2 is not None and rsep in ("و", ",") and \
                    any(b != a + 1 for a, b in zip(days, days[1:])):
                # "5 و7 يناير", "5 و9 و12 يناير": single days, not a range; a list of
                # consecutive days (2 و3 ديسمبر, 3 و4 و5 يونيو) is one range
                ws = m.start("wd") if m.group("wd") else m.start("d1")
                spans = [(min(s, ws), m.end("d1"))] + [
                    (p, p + len(str(d))) for d, p in mids]
                for d, (a, b) in zip(days, spans):
                    one = _Cand(a, b, cal=cal, start=[y, mon, d], end=[y, mon2, d], gran="day", prio=5)
                    if y is not None:
                        one.yfrom = "expression"
                    out.append(one)
                s, d1, d2 = d2pos, d2, None
            c = _Cand(s, e, cal=cal, start=[y, mon, d1], end=[y, mon2, d2 or d1],
                      gran="day", kind="range" if d2 else "absolute", prio=5,
                      wd=lex.wd.get(m.group("wd")) if m.group("wd") else None)
            c.dir = _rel_offset(m.group("mrel"))
            c.nth = nth
            if m.group("yrel") is not None or (m.group(0).rstrip().endswith((_n("العام"), _n("السنة")))
                                               and not m.group("mrel") and not m.group("y")):
                c.yrel = _rel_offset(m.group("yrel"))
                c.kind = "relative" if c.kind != "range" else c.kind
            out.append(c)


def _month_coord(lex: _Lex, norm: str, out: list) -> None:
    """A month joined by و/أو to a month candidate is a month too: "في آذار (مارس)
    ونيسان (أبريل)", "خلال شهر سبتمبر أو أكتوبر"."""
    mco = lex.mco
    for c in list(out):
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
        n = _Cand(m.start("m1"), _trim_right(norm, m.start("m1"), m.end()),
                  start=[c.start[0], mon, None], end=[c.end[0], mon, None], gran="month",
                  prio=c.prio, kind=c.kind)
        n.yrel, n.dir = c.yrel, _rel_offset(m.group("rel")) or c.dir
        out.append(n)


def _trim_right(norm: str, s: int, e: int) -> int:
    while e > s and norm[e - 1] in " ,/(-":
        e -= 1
    return e


def _my_cands(lex: _Lex, norm: str, out: list, win: "_Windows") -> None:
    for m in win.finditer("my"):
        y, ycal = _yearx(m.group("y"))
        if not 1000 <= y <= 2199:
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
        out.append(_Cand(s, m.end(), start=[y, mon, None], end=[y, mon2, None], gran="month",
                         kind="range" if mon2 != mon else "absolute", prio=4))
    for m in win.finditer("hmy"):
        y, ycal = _yearx(m.group("y"))
        if ycal != "hijri" and 1900 <= y <= 2100:
            c = _hijri_month_in_year(lex.hijri[m.group("m1")], y, m.start(), m.end())
            if c:
                out.append(c)
            continue
        if not 1200 <= y <= 1600:
            continue
        mon = lex.hijri[m.group("m1")]
        s = m.start()
        out.append(_Cand(s, m.end(), cal="hijri", start=[y, mon, None], end=[y, mon, None],
                         gran="month", prio=4))
    for m in win.finditer("mctx"):
        paired = m.group("m1b") and m.group("m1b") != m.group("m1") and \
            lex.greg[m.group("m1b")] == lex.greg[m.group("m1")]
        # a month named twice (حزيران (يونيو), أغسطس آب) is a month even with no context
        if not (m.group("ctx") or m.group("sh") or m.group("rel") or paired):
            continue
        if m.group("ynoun"):
            # "شهر مارس من السنة الماضية": the month of the anchor's year, shifted
            c = _Cand(m.start() if m.group("sh") else m.start("m1"), m.end(), start=[None, lex.greg[m.group("m1")], None],
                      end=[None, lex.greg[m.group("m1")], None], gran="month", kind="relative", prio=4)
            c.yrel = _rel_offset(m.group("yrel"))
            out.append(c)
            continue
        mon = lex.greg[m.group("m1")]
        mend = m.end()
        if m.group("m1b") and lex.greg[m.group("m1b")] != mon:
            if m.group("rel"):
                continue
            mend = m.end("m1")  # "في يونيو يوليو": only the first is ours
        mend = _trim_right(norm, m.start(), mend)
        if len(m.group("m1")) <= 3 and (m.start("m1") > 0 and norm[m.start("m1") - 1] != " " or
                                        norm[max(0, m.start("m1") - 3):m.start("m1")] in (_n("من "), )):
            continue  # آب/ماي: "باب", "من أب" are not months
        rel = m.group("rel")
        s = m.start("m1") if m.group("ctx") or not m.group("sh") else m.start()
        if rel:
            off = _rel_offset(rel)

            def fn(a, mon=mon, off=off):
                y = a.year
                if off < 0 and mon >= a.month:
                    y -= 1
                elif off > 0 and mon <= a.month:
                    y += 1
                return date(y, mon, 1), date(y, mon, _last_day(y, mon))
            out.append(_Cand(s, mend, start=None, end=None, gran="month", kind="relative",
                             rel=fn, prio=3))
        else:
            out.append(_Cand(s, mend, start=[None, mon, None], end=[None, mon, None],
                             gran="month", prio=2))
    for m in win.finditer("hctx"):
        mon = lex.hijri[m.group("m1")]
        y, ycal = _yearx(m.group("y"))
        if not (m.group("hsh") or y is not None or m.group("hrel") or
                (mon != 2 and (m.group("hctx") or m.group("hatt")))):
            continue  # رمضان, شعبان, رجب are also given names; صفر is zero (أقل من صفر)
        if y is not None and ycal != "hijri" and not 1300 <= y <= 1500:
            c = _hijri_month_in_year(mon, y, m.start() if m.group("hsh") else m.start("m1"), m.end())
            if c:
                out.append(c)
            continue
        e = m.end() if y is not None else _trim_right(norm, m.start(), m.end())
        c = _Cand(m.start() if m.group("hsh") else m.start("m1"), e, cal="hijri",
                  start=[y, mon, None], end=[y, mon, None], gran="month",
                  prio=2 if y is None else 4)
        c.dir = _rel_offset(m.group("hrel"))
        out.append(c)
    _month_coord(lex, norm, out)
    for m in win.finditer("mrange"):
        m1, m2 = lex.greg[m.group("m1")], lex.greg[m.group("m2")]
        sep, intro = m.group("sep"), m.group("intro")
        if m1 >= m2 or (sep == "و" and not (intro and _n("بين") in intro)):
            continue
        y, _ = _yearx(m.group("y"))
        if not 1000 <= y <= 2199:
            continue
        out.append(_Cand(m.start(), m.end(), start=[y, m1, None], end=[y, m2, None],
                         gran="month", kind="range", prio=5))
    for m in win.finditer("holiday"):
        h = m.group("h")
        hs = m.start("h")
        y, ycal = _yearx(m.group("y"))
        if h.startswith(_n("عيد الميلاد")):
            out.append(_Cand(hs, m.end(), start=[y, 12, 25], end=[y, 12, 25], gran="day",
                             prio=3))
            continue
        hm, hd = _HOLIDAYS[h]
        if y is not None and ycal != "hijri" and not 1300 <= y <= 1500:
            c = _hijri_month_in_year(hm, y, hs, m.end(), hd)
            if c:
                out.append(c)
            continue
        out.append(_Cand(hs, m.end(), cal="hijri", start=[y, hm, hd], end=[y, hm, hd],
                         gran="day", prio=3))


# Hijri (month, day) of feasts and days named in the news; ليلة القدر is left out (which
# of the last ten nights is not fixed)
_HOLIDAYS = {_n(k): v for k, v in (
    ("عيد الفطر", (10, 1)), ("عيد الأضحى", (12, 10)), ("رأس السنة الهجرية", (1, 1)),
    ("يوم عرفة", (12, 9)), ("يوم عرفات", (12, 9)), ("يوم عاشوراء", (1, 10)), ("عاشوراء", (1, 10)),
    ("عيد المولد النبوي", (3, 12)), ("المولد النبوي", (3, 12)),
    ("ليلة الإسراء والمعراج", (7, 27)), ("الإسراء والمعراج", (7, 27)))}


def _hijri_month_in_year(mon: int, gy: int, s: int, e: int, day: int | None = None) -> _Cand | None:
    """رمضان 2019: the Hijri month (or day) that falls in Gregorian year ``gy``."""
    if not 1900 <= gy <= 2100:
        return None
    hy0 = _greg_to_hijri_year(date(gy, 1, 1))
    for hy in (hy0, hy0 + 1):
        d0 = _hijri_to_greg(hy, mon, day or 1, False)
        if d0 is not None and d0.year == gy:
            c = _Cand(s, e, cal="hijri", start=[hy, mon, day], end=[hy, mon, day],
                      gran="day" if day else "month", prio=4)
            return c
    return None


def _count_follows(norm: str, e: int, strict: bool = False) -> bool:
    """True when the word after position ``e`` makes the number before it a count.

    ``strict`` also takes any indefinite accusative word (وفداً, صوتاً: the tamyiz of a
    count) for a counted noun; it is used where nothing but position says "year".
    """
    m = (_count_re() if strict else _unit_re()).match(norm, e)
    return bool(m)


@lru_cache(maxsize=1)
def _unit_re() -> regex.Pattern:
    units = _n("(?:مليون|مليار|ألف|آلاف|ريال|دولار|درهم|دينار|جنيه|يورو|ليرة|طن|كيلو|كيلومتر|متر|"
               "شخص|طالب|طالبة|مواطن|حالة|موظف|مشروع|وحدة|سرير|مريض|لاعب|نقطة|ساعة|دقيقة|"
               "وفدا|صوتا|شخصا|طالبا|لاعبا|مشاركا|عاملا|قتيلا|جريحا|حالة|منزلا|مترا|كيلومترا|"
               "برميل|ميغاواط|هكتار)")
    return regex.compile(r"\s?(?:%|" + units + r"(?![\w])|" + _n(r"(?:من\s)?(?:أصل)") + ")")


@lru_cache(maxsize=1)
def _fem_noun_re() -> regex.Pattern:
    # an indefinite feminine singular noun right after a bare number (خلال 1947 جولة) is
    # what it counts; common adverbial nouns (مقارنة, نتيجة) are not
    skip = _n("(?:مقارنة|نتيجة|إضافة|خاصة|عامة|تقريبا|مرة)")
    return regex.compile(r"\s(?!ال|و|ب|ل|ف|ك|" + skip + r"(?![\w]))[\u0621-\u064a]{2,8}ه(?![\w])")


@lru_cache(maxsize=1)
def _count_re() -> regex.Pattern:
    units = _n("(?:مليون|مليار|ألف|آلاف|ريال|دولار|درهم|دينار|جنيه|يورو|ليرة|طن|كيلو|كيلومتر|متر|"
               "شخص|طالب|طالبة|مواطن|حالة|موظف|مشروع|وحدة|سرير|مريض|لاعب|نقطة|ساعة|دقيقة)")
    adverbs = _n("(?:سنويا|يوميا|شهريا|تقريبا|أيضا|حاليا|رسميا|مجددا|مؤخرا|لاحقا|سابقا|أساسا|تحديدا|"
                 "كانا|وكانا|بدءا|اعتبارا|ابتداء|انطلاقا)")
    return regex.compile(r"\s?(?:%|" + units + r"(?![\w])|(?!" + adverbs + r"(?![\w])|[لب]|ال)[\u0621-\u064a]{2,9}ا(?![\w])|" +
                         _n(r"(?:من\s)?(?:أصل)") + ")")


_NOT_YEAR_BEFORE_MIN = {_n(w) for w in ("أكثر", "أقل", "أكبر", "أصغر", "نحو", "حوالي", "قرابة",
                                         "أعلى", "أدنى", "واحد", "واحدة")}


def _year_cands(lex: _Lex, norm: str, out: list, win: "_Windows") -> None:
    for m in win.finditer("year"):
        y, ycal = _yearx(m.group("y"))
        cal = "hijri" if ycal == "hijri" else "gregorian"
        if cal == "gregorian" and not 1000 <= y <= 2199:
            continue
        if cal == "hijri" and not 1200 <= y <= 1600:
            continue
        if ycal is None and 1350 <= y <= 1470:  # Hijri 1350-1470 = 1931-2048 CE: a bare 14xx is Hijri
            cal = "hijri"
        pre = m.group("pre")
        s = m.start()
        # leave a leading preposition out of the span: "في عام 2023" -> "عام 2023"
        for p in (_n("في "), _n("منذ "), _n("حتى "), _n("قبل "), _n("بعد "), _n("خلال "),
                  _n("من "), _n("بحلول ")):
            if pre.startswith(p):
                s += len(p)
                break
        if y % 10 == 0 and cal == "gregorian" and any(w in pre for w in (_n("سنوات"), _n("أعوام"))) \
                and not regex.match(r"\s?(?:و|,)\s?\d", norm[m.end():m.end() + 4]):
            # "في سنوات 1990": the 1990s
            out.append(_Cand(s, m.end(), start=[y, None, None], end=[y + 9, None, None],
                             gran="decade", kind="range", prio=3))
            continue
        out.append(_Cand(s, m.end(), cal=cal, start=[y, None, None], end=[y, None, None],
                         gran="year", prio=3))
    for m in win.finditer("year_prep"):
        y, ycal = _yearx(m.group("y") + (m.group("ys") or ""))
        if not 1900 <= y <= 2100 or (ycal is None and (_count_follows(norm, m.end()) or
                                                         _fem_noun_re().match(norm, m.end()))):
            continue
        if m.group("p") in (_n("من"), _n("ومن")):
            prev = norm[max(0, m.start() - 8):m.start()].split()
            if prev and prev[-1] in _NOT_YEAR_BEFORE_MIN:
                continue  # "أكثر من 2000": a count
        cal = "hijri" if ycal == "hijri" else "gregorian"
        out.append(_Cand(m.start("y"), m.end(), cal=cal, start=[y, None, None],
                         end=[y, None, None], gran="year", prio=1))
    for m in win.finditer("year_event"):
        y, ycal = _yearx(m.group("y") + (m.group("ys") or ""))
        if not 1900 <= y <= 2100 or (ycal is None and _count_follows(norm, m.end(), bool(m.group("ev2")))):
            continue
        out.append(_Cand(m.start("y"), m.end(), start=[y, None, None], end=[y, None, None],
                         gran="year", prio=1))
    for m in win.finditer("year_suf"):
        y, ycal = _yearx(m.group())
        cal = "hijri" if ycal == "hijri" else "gregorian"
        if (cal == "gregorian" and not 1000 <= y <= 2199) or (cal == "hijri" and not 1200 <= y <= 1600):
            continue
        out.append(_Cand(m.start(), m.end(), cal=cal, start=[y, None, None],
                         end=[y, None, None], gran="year", prio=1))
    for m in win.finditer("year_range"):
        y1, c1 = _yearx(m.group("y1") + (m.group("ys1") or ""))
        y2s = m.group("y2")
        y2, c2 = _yearx(y2s + (m.group("ys2") or ""))
        if len(y2s) == 2:
            if m.group("sep").strip() not in ("-", "/", "_") or _count_follows(norm, m.end(), True):
                continue
            y2 = (y1 // 100) * 100 + y2
            if y2 <= y1:
                continue
        sep = m.group("sep").strip()
        intro = m.group("intro")
        if sep == "و" and not (intro and _n("بين") in intro):
            continue  # "عامي 2030 و2045", "في 2018 و2022": two years, not a range
        if sep == "/" and y2 == y1 - 1:
            y1, y2 = y2, y1   # موسم 2014/2013
        if not y1 < y2 or y2 - y1 > 100:
            continue
        if sep == "/" and y2 != y1 + 1:
            continue
        cal = "hijri" if "hijri" in (c1, c2) or 1350 <= y1 <= 1470 else "gregorian"
        lo, hi = (1200, 1600) if cal == "hijri" else (1900, 2100)
        if not (lo <= y1 <= hi and lo <= y2 <= hi):
            continue
        if c2 is None and _count_follows(norm, m.end()):
            continue
        # the preceding word must not make it an identifier (رقم 2010-2015)
        if norm[max(0, m.start() - 4):m.start()].strip().endswith(_n("رقم")):
            continue
        s = m.start()
        if intro and intro in (_n("للفترة"), _n("الفترة"), _n("للفترتين"), _n("خلال"), _n("في")):
            s = m.start("intro") + len(intro) + 1
        out.append(_Cand(s, m.end(), cal=cal, start=[y1, None, None], end=[y2, None, None],
                         gran="year", kind="range", prio=4))
    for m in win.finditer("year_coord"):
        y1, y2 = int(m.group("y1")), int(m.group("y2"))
        if not (1900 <= y1 < y2 <= 2100) or _count_follows(norm, m.end(), True):
            continue
        prev = norm[max(0, m.start() - 8):m.start()].split()
        if prev and prev[-1] in (_n("بين"), _n("من"), _n("رقم"), _n("رقمي"), _n("الرقمين")):
            continue
        out.append(_Cand(m.start("y1"), m.end("y1"), start=[y1, None, None], end=[y1, None, None],
                         gran="year", prio=0))
        out.append(_Cand(m.start("y2"), m.end("y2"), start=[y2, None, None], end=[y2, None, None],
                         gran="year", prio=0))
    for m in win.finditer("year_pair"):
        y1, y2 = int(m.group("y1")), int(m.group("y2"))
        if not (1900 <= y1 <= 2100 and 1900 <= y2 <= 2100):
            continue
        out.append(_Cand(m.start(), m.end("y1"), start=[y1, None, None], end=[y1, None, None],
                         gran="year", prio=4))
        out.append(_Cand(m.start("y2"), m.end(), start=[y2, None, None], end=[y2, None, None],
                         gran="year", prio=4))
    for m in win.finditer("hijri_year"):
        y = int(m.group("y"))
        if not 1300 <= y <= 1500:
            continue
        out.append(_Cand(m.start(), m.end(), cal="hijri", start=[y, None, None],
                         end=[y, None, None], gran="year", prio=2))


def _numeric_cands(lex: _Lex, norm: str, out: list, win: "_Windows") -> None:
    for m in win.finditer("numeric"):
        a, b, c = m.group("a"), int(m.group("b")), m.group("c")
        if m.group("sep").strip() != m.group("sep2"):
            continue
        if len(a) == 4 and len(c) <= 2 and m.group("sep") != ".":
            y, mo, d = int(a), b, int(c)
        elif len(c) == 4 and len(a) <= 2:
            y, mo, d = int(c), b, int(a)
        else:
            continue
        _, ycal = _yearx(str(y) + (m.group("ys") or ""))
        cal = "hijri" if ycal == "hijri" or 1300 <= y <= 1500 else "gregorian"
        if cal == "gregorian" and not 1900 <= y <= 2100:
            continue
        if not (1 <= mo <= 12 and 1 <= d <= (30 if cal == "hijri" else 31)):
            continue
        out.append(_Cand(m.start(), m.end(), cal=cal, start=[y, mo, d], end=[y, mo, d],
                         gran="day", prio=5))
    for m in win.finditer("month_year_num"):
        y, mo = int(m.group("c")), int(m.group("b"))
        if _count_follows(norm, m.end()):
            continue
        out.append(_Cand(m.start(), m.end(), start=[y, mo, None], end=[y, mo, None],
                         gran="month", prio=3))
    for m in win.finditer("numeric_dm"):
        d, mo = int(m.group("a")), int(m.group("b"))
        if not (1 <= mo <= 12 and 1 <= d <= 31):
            continue
        out.append(_Cand(m.start(), m.end(), start=[None, mo, d], end=[None, mo, d],
                         gran="day", prio=4,
                         wd=lex.wd.get(m.group("wd")) if m.group("wd") else None))


def _yspec(m) -> tuple[int | None, int | None, str]:
    """(explicit year, relative year offset, calendar) from a YSPEC match."""
    if m.group("y") or m.group("yy"):
        y, ycal = _yearx(m.group("y") or m.group("yy"))
        return y, None, "hijri" if ycal == "hijri" else "gregorian"
    if m.group("this"):
        return None, 0, "gregorian"
    if m.group("ry"):
        return None, _rel_offset(m.group("ryrel")), "gregorian"
    return None, None, "gregorian"


_PART_ORD = {_n(k): v for k, v in (("الأول", 1), ("الثاني", 2), ("الثالث", 3), ("الرابع", 4),
                                   ("الأخير", -1))}
_PART_SIZE = {_n("الربع"): 3, _n("الفصل"): 3, _n("النصف"): 6, _n("الثلث"): 4}
_PART_GRAN = {_n("الربع"): "quarter", _n("الفصل"): "quarter", _n("النصف"): "half",
              _n("الثلث"): "third"}
_NUM_MONTHS = {_n(k): v for k, v in (("الثلاثة", 3), ("الثلاث", 3), ("الأربعة", 4),
                                     ("الخمسة", 5), ("الستة", 6), ("السبعة", 7),
                                     ("الثمانية", 8), ("التسعة", 9), ("العشرة", 10))}
_EDGE_EARLY = {_n(w) for w in ("مطلع", "بداية", "أوائل", "مستهل", "مفتتح", "أول", "بدايات",
                               "العشر الأوائل من", "العشر الأولى من", "العشر الأول من")}
_EDGE_MID = {_n(w) for w in ("منتصف", "أواسط")}


def _year_rel(off: int, m0: int, m1: int, gran: str, s: int, e: int, d0=None, d1=None) -> _Cand:
    def fn(a, off=off):
        y = a.year + off
        return (date(y, m0, d0 or 1), date(y, m1, d1 or _last_day(y, m1)))
    return _Cand(s, e, gran=gran, kind="relative", rel=fn, prio=4)


def _part_cands(lex: _Lex, norm: str, out: list, win: "_Windows") -> None:
    for m in win.finditer("part"):
        size = _PART_SIZE[m.group("part")]
        k = _PART_ORD[m.group("ord")]
        n = 12 // size
        if k == -1:
            k = n
        if k > n:
            continue
        m0, m1 = (k - 1) * size + 1, k * size
        y, off, cal = _yspec(m)
        s = m.start("part")
        gran = _PART_GRAN[m.group("part")]
        if y is not None:
            out.append(_Cand(s, m.end(), cal=cal, start=[y, m0, None], end=[y, m1, None],
                             gran=gran, prio=6))
        elif off is not None:
            out.append(_year_rel(off, m0, m1, gran, s, m.end()))
    for m in win.finditer("months_n"):
        n = _NUM_MONTHS[m.group("n")]
        which = m.group("which")
        s = _skip_prep(norm, m.start())
        if which in (_n("الأولى"), _n("الأول"), _n("الأخيرة")):
            first = which != _n("الأخيرة")
            m0, m1 = (1, n) if first else (13 - n, 12)
            if m.group("y") or m.group("ry") or m.group("this"):
                y, off, cal = _yspec(m)
                if y is not None:
                    out.append(_Cand(s, m.end(), cal=cal, start=[y, m0, None],
                                     end=[y, m1, None], gran="month", kind="range", prio=6))
                else:
                    out.append(_year_rel(off, m0, m1, "month", s, m.end()))
        else:
            sign = -1 if which == _n("الماضية") else 1
            e = m.end("which")

            def fn(a, n=n, sign=sign):
                b = _add_months(a, sign * n)
                return (b, a) if sign < 0 else (a, b)
            out.append(_Cand(s, e, gran="month", kind="relative", rel=fn, prio=4))
    for m in win.finditer("edge"):
        edge = m.group("edge")
        s = m.start("edge")
        tenth = edge.startswith(_n("العشر"))  # "العشر الأواخر من رمضان": days 21 to the end
        words = edge.split()
        # "أول يوم من", "اليوم الأول من": the first day (1); "آخر يوم من": the last (-1)
        one = 0 if tenth or len(words) < 3 else \
            1 if words[0] == _n("أول") or words[1] == _n("الأول") else -1
        if edge == _n("أول"):
            one = 1
        if m.group("hm"):
            mon = lex.hijri[m.group("hm")]
            y, ycal = _yearx(m.group("hy"))
            if y is not None and not (ycal == "hijri" or 1300 <= y <= 1500):
                y = None
            if mon == 2 and y is None and not norm.startswith(_n("شهر"), m.start("edge") + len(edge) + 1):
                continue  # "نهاية صفر": zero, not Safar
            e = m.end() if y is not None else _trim_right(norm, s, m.end())
            if one:
                d = 1 if one > 0 else None
                c = _Cand(s, e, cal="hijri", start=[y, mon, d], end=[y, mon, d], gran="day", prio=6)
                c.lastday = one < 0
            else:
                d0, d1 = (1, 10) if edge in _EDGE_EARLY else (11, 20) if edge in _EDGE_MID else (21, None)
                c = _Cand(s, e, cal="hijri", start=[y, mon, d0], end=[y, mon, d1], gran="part",
                          kind="range", prio=6)
            c.dir = _rel_offset(m.group("hrel"))
            out.append(c)
            continue
        if m.group("rw"):
            if tenth or one or edge in (_n("نهايات"), _n("بدايات")):
                continue  # "في نهايات الأسبوع": weekends in general
            # a week runs Monday to Sunday: early = Mon-Wed, mid = Wed-Thu, end = Fri-Sun
            d0, d1 = (0, 2) if edge in _EDGE_EARLY else (2, 3) if edge in _EDGE_MID else (4, 6)
            off = _rel_offset(m.group("rwrel"))

            def fn(a, off=off, d0=d0, d1=d1):
                mon = a - timedelta(a.weekday()) + timedelta(7 * off)
                return mon + timedelta(d0), mon + timedelta(d1)
            out.append(_Cand(s, m.end(), gran="part", kind="relative", rel=fn, prio=6))
            continue
        if m.group("m1"):
            mon = lex.greg[m.group("m1")]
            y, _ = _yearx(m.group("my")) if m.group("my") else (None, None)
            e = m.end()
            if m.group("m1b") and lex.greg[m.group("m1b")] != mon:
                e, y = _trim_right(norm, s, m.end("m1")), None  # "منتصف يونيو يوليو": only the first
            if one:
                # "أول شباط" is the 1st of February (Levant), not "early February"
                d = 1 if one > 0 else None
                c = _Cand(s, e, start=[y, mon, d], end=[y, mon, d], gran="day", prio=6)
                c.lastday = one < 0
                c.dir = _rel_offset(m.group("mrel"))
                out.append(c)
                continue
            if edge in _EDGE_EARLY:
                d0, d1 = 1, 10
            elif edge in _EDGE_MID:
                d0, d1 = 11, 20
            else:
                d0, d1 = 21, None
            c = _Cand(s, e, start=[y, mon, d0], end=[y, mon, d1], gran="part",
                      kind="range", prio=6)
            c.dir = _rel_offset(m.group("mrel"))
            out.append(c)
        elif m.group("rm"):
            off = _rel_offset(m.group("rmrel"))
            if edge in _EDGE_EARLY:
                d0, d1 = 1, 10
            elif edge in _EDGE_MID:
                d0, d1 = 11, 20
            else:
                d0, d1 = 21, None
            if one:
                d0 = d1 = 1 if one > 0 else None

            def fn(a, off=off, d0=d0, d1=d1):
                b = _add_months(a.replace(day=1), off)
                d0 = d0 or _last_day(b.year, b.month)
                return (b.replace(day=d0), b.replace(day=d1 or _last_day(b.year, b.month)))
            out.append(_Cand(s, m.end(), gran="day" if one else "part", kind="relative", rel=fn, prio=6))
        elif not tenth:
            y, off, cal = _yspec(m)
            if one:
                # "آخر يوم من العام": 31 December; "أول يوم من السنة": 1 January
                m0 = m1 = 1 if one > 0 else 12
                d0 = d1 = 1 if one > 0 else 31
                if y is not None and cal == "hijri":
                    c = _Cand(s, m.end(), cal=cal, start=[y, m0, 1 if one > 0 else None],
                              end=[y, m1, 1 if one > 0 else None], gran="day", prio=6)
                    c.lastday = one < 0
                    out.append(c)
                elif y is not None:
                    out.append(_Cand(s, m.end(), start=[y, m0, d0], end=[y, m1, d1], gran="day", prio=6))
                elif off is not None:
                    out.append(_year_rel(off, m0, m1, "day", s, m.end(), d0, d1))
                continue
            if edge in _EDGE_EARLY:
                m0, m1 = 1, 3
            elif edge in _EDGE_MID:
                m0, m1 = 6, 7
            else:
                m0, m1 = 10, 12
            if y is not None:
                out.append(_Cand(s, m.end(), cal=cal, start=[y, m0, None], end=[y, m1, None],
                                 gran="part", kind="range", prio=6))
            elif off is not None:
                out.append(_year_rel(off, m0, m1, "part", s, m.end()))


def _skip_prep(norm: str, s: int) -> int:
    for p in (_n("في "), _n("خلال "), _n("و"), _n("ب"), _n("ل"), _n("ف")):
        if norm.startswith(p, s):
            return s + len(p)
    return s


@lru_cache(maxsize=1)
def _from_re() -> regex.Pattern:
    return regex.compile(_n(r"(?<![\w])(?:اعتبارا|ابتداء|بدءا|بداية|انطلاقا)\s(?:من\s)?$"))


def _rel_cands(lex: _Lex, norm: str, out: list, win: "_Windows") -> None:
    for m in win.finditer("rel_day"):
        w = m.group("w")
        tod = m.group("tod")
        s, e = m.span()
        if w == _n("اليوم"):
            we = m.end("w")
            after = norm[we:we + 4]
            ws = m.start("w")  # the word before اليوم (صحيفة اليوم), not before فجر اليوم
            before = norm[max(0, ws - 12):ws]
            if any(q in before[-1:] or q in after[:1] for q in '«»"“”'):
                continue  # «اليوم», "اليوم": the Saudi daily, not today
            if regex.search(_n(r"(?:صحيفة|جريدة|لصحيفة|لجريدة|موقع|عالم|جيل|شباب|عين|دار|عكاظ|ذلك|تلك|نفس|ذات)\s$"), before):
                continue
            if regex.match(_n(r"\s(?:نفسه|ذاته|الواحد|التالي|الموالي)(?![\w])"), norm[we:we + 12]):
                continue
            nxt = regex.match(r"\s(ال[\w]+)", norm[we:we + 20])
            if nxt and nxt.group(1) not in lex.wd:
                word = nxt.group(1)
                if word in (_n("السابق"), _n("الماضي"), _n("المنصرم")):
                    e += len(nxt.group(0))
                    out.append(_Cand(s, e, gran="day", kind="relative",
                                     rel=lambda a: (a - timedelta(1), a - timedelta(1)), prio=5))
                continue
            off = 0
        elif w == _n("أمس") and regex.match(_n(r"\s(?:ال)?حاجة"), norm[e:e + 8]):
            continue  # "في أمسّ الحاجة": in the direst need
        elif w in (_n("الغد"), _n("غد")) and not (tod or m.group("wd") or _from_re().search(
                norm, max(0, s - 16), s)):
            continue  # "انتصار الغد", "الغد السعودي": the future; "اعتبارا من الغد": tomorrow
        elif w in (_n("غدا"), _n("الغد"), _n("غد"), _n("بكرة"), _n("بكرا")):
            off = 1
        elif w.startswith(_n("بعد")):
            off = 2
        elif w.startswith(_n("قبل")) or w in (_n("أمس الأول"), _n("أول أمس"), _n("أول من أمس")):
            off = -2
        else:
            off = -1
        out.append(_Cand(s, e, gran="day", kind="relative",
                         rel=lambda a, off=off: (a + timedelta(off), a + timedelta(off)), prio=5))
    for m in win.finditer("rel_period"):
        if not (m.group("this") or m.group("rel")):
            continue
        per = m.group("per")
        if not m.group("rel") and regex.match(_n(r"\s(?:الفضيل|المبارك|الكريم|الحرام|القمري|الهجري)"),
                                              norm[m.end():m.end() + 10]):
            continue  # "هذا الشهر الفضيل" is Ramadan, not the current calendar month
        off = _rel_offset(m.group("rel")) if m.group("rel") else 0
        s = _skip_prep(norm, m.start()) if norm[m.start()] in "وبلف" and not norm.startswith(
            ("ال", "هذ"), m.start()) else m.start()
        if per == _n("الأسبوع"):
            def fn(a, off=off):
                mon = a - timedelta(a.weekday()) + timedelta(7 * off)
                return mon, mon + timedelta(6)
            gran = "week"
        elif per == _n("الشهر"):
            def fn(a, off=off):
                b = _add_months(a.replace(day=1), off)
                return b, b.replace(day=_last_day(b.year, b.month))
            gran = "month"
        else:
            def fn(a, off=off):
                return date(a.year + off, 1, 1), date(a.year + off, 12, 31)
            gran = "year"
        out.append(_Cand(s, m.end(), gran=gran, kind="relative", rel=fn, prio=3))
    for m in win.finditer("ago"):
        if regex.match(_n(r"\s(?:من|على)(?![\w])(?!\sالآن)"), norm[m.end():m.end() + 10]):
            continue  # "بعد 67 عاماً من محاولتهما": counted from an event, not from today
        if m.group("dual"):
            n, unit = 2, m.group("dual")
        elif m.group("one"):
            n, unit = 1, m.group("one")
        else:
            n = _count_value(m.group("num"))
            unit = m.group("unit")
            if n is None or n > 1000:
                continue
        sign = 1 if m.group("dir") == _n("بعد") else -1
        u = unit[:2]
        if sign > 0 and u not in ("يو", "اي", "اس"):
            continue  # "بعد 30 عاماً": years after some event, rarely after today
        if u in ("يو", "اي"):
            gran, delta = "day", ("d", 1)
        elif u in ("اس",):
            gran, delta = "day", ("d", 7)
        elif u in ("شه", "اش"):
            gran, delta = "month", ("m", 1)
        else:
            gran, delta = "year", ("y", 1)

        def fn(a, n=n, sign=sign, delta=delta):
            if delta[0] == "d":
                b = a + timedelta(sign * n * delta[1])
                return b, b
            if delta[0] == "m":
                b = _add_months(a.replace(day=1), sign * n)
                return b, b.replace(day=_last_day(b.year, b.month))
            return date(a.year + sign * n, 1, 1), date(a.year + sign * n, 12, 31)
        out.append(_Cand(m.start(), m.end(), gran=gran, kind="relative", rel=fn, prio=2))
    for m in win.finditer("rel_wd"):
        wd_word = m.group("wd")
        rel = m.group("rel")
        tod = m.group("tod")
        ambiguous = wd_word in (_n("الاثنين"), _n("الجمعة"))
        if not (tod or rel) and ambiguous:
            continue
        if tod in (_n("ليل"), _n("ليلة")) and not (rel or m.group("wd2")) and \
                norm.endswith(_n("منتصف "), max(0, m.start() - 8), m.start()):
            continue  # "منتصف ليل الجمعة": midnight, at the start or the end of Friday?
        wd = lex.wd[wd_word]
        off = _rel_offset(rel)
        s, e = m.start(), m.end()
        span = 0
        if m.group("wd2"):
            if lex.wd[m.group("wd2")] == (wd + 1) % 7 and tod in (_n("ليل"), _n("ليلة")):
                span = 1  # "ليل الخميس - الجمعة": the night from Thursday into Friday
            else:
                e, off = _trim_right(norm, s, m.start("wd2")), 0

        def fn(a, wd=wd, off=off, span=span):
            back = (a.weekday() - wd) % 7
            if off > 0:
                fwd = (wd - a.weekday()) % 7 or 7
                b = a + timedelta(fwd)
            elif off < 0:
                b = a - timedelta(back or 7)
            else:
                b = a - timedelta(back)
            return b, b + timedelta(span)
        c = _Cand(s, e, gran="day", kind="relative", rel=fn, prio=1)
        c.bare_wd = not span
        out.append(c)


def _relmonth_cands(lex: _Lex, norm: str, out: list, win: "_Windows") -> None:
    for m in win.finditer("day_relmonth"):
        d = _day_value(m.group("d1"))
        if d is None or not 1 <= d <= 31:
            continue
        off = _rel_offset(m.group("rel"))
        s = m.start()

        def fn(a, d=d, off=off):
            b = _add_months(a.replace(day=1), off)
            return (b.replace(day=d), b.replace(day=d)) if d <= _last_day(b.year, b.month) else (None, None)
        out.append(_Cand(s, m.end(), gran="day", kind="relative", rel=fn, prio=6))


_WEEK_DAYS = {_n("الأول"): (1, 7), _n("الثاني"): (8, 14), _n("الثالث"): (15, 21),
              _n("الرابع"): (22, 28), _n("الأخير"): (22, None)}


def _decade_cands(lex: _Lex, norm: str, out: list, win: "_Windows") -> None:
    for m in win.finditer("week_of_month"):
        # "الأسبوع الأول من ديسمبر": days 1-7 (the last week: 22 to the end)
        d0, d1 = _WEEK_DAYS[m.group("ord")]
        y, _ = _yearx(m.group("y"))
        mon = lex.greg[m.group("m1")]
        c = _Cand(m.start() if norm[m.start()] == "ا" else m.start() + 1, _trim_right(norm, m.start(), m.end()),
                  start=[y, mon, d0], end=[y, mon, d1], gran="week", kind="range", prio=7)
        c.dir = _rel_offset(m.group("mrel"))
        out.append(c)
    for m in win.finditer("decade"):
        y = lex.decades[m.group("dec")]
        out.append(_Cand(m.start("dec"), m.end(), start=[y, None, None], end=[y + 9, None, None],
                         gran="decade", kind="range", prio=3))


def _count_value(s: str) -> int | None:
    if s.isdigit():
        return int(s)
    try:
        from akhbar.text.numbers import parse_number
    except ImportError:  # pragma: no cover
        return None
    v = parse_number(s)
    return int(v) if v is not None and v == int(v) and v > 0 else None


# --------------------------------------------------------------------------- resolution

def _select(cands: list[_Cand]) -> list[_Cand]:
    """Non-overlapping candidates, longest (then highest priority) first."""
    cands.sort(key=lambda c: (-(c.e - c.s), -c.prio, c.s))
    taken: list[_Cand] = []
    used = bytearray(max((c.e for c in cands), default=0))
    for c in cands:
        if c.e <= c.s or 1 in used[c.s:c.e]:
            continue
        used[c.s:c.e] = b"\x01" * (c.e - c.s)
        taken.append(c)
    taken.sort(key=lambda c: c.s)
    return taken


@lru_cache(maxsize=1)
def _gap_res():
    dash = regex.compile(_n(r"\s?(?:-|–|—|إلى|الى|حتى|ولغاية|لغاية|وحتى|وإلى)\s?"))
    waw = regex.compile(_n(r"\s?و\s?(?:حتى\s|إلى\s)?"))
    intro = regex.compile(_n(r"(?:(?:ما\s)?بين|من|في الفترة من|خلال الفترة من|للفترة من|الفترة من)\s$"))
    return dash, waw, intro


def _merge_ranges(norm: str, cs: list[_Cand]) -> list[_Cand]:
    dash, waw, intro = _gap_res()
    out: list[_Cand] = []
    i = 0
    while i < len(cs):
        a = cs[i]
        if i + 1 < len(cs):
            b = cs[i + 1]
            gap = norm[a.e:b.s]
            ok = a.rel is None and b.rel is None and a.cal == b.cal and \
                a.gran in ("day", "month", "year") and b.gran == a.gran and \
                a.kind != "range" and b.kind != "range"
            if ok:
                im = intro.search(norm, max(0, a.s - 20), a.s)
                if dash.fullmatch(gap) or (waw.fullmatch(gap) and im and "بين" in im.group()):
                    y2 = b.end[0]
                    start = list(a.start)
                    if start[0] is None and y2 is not None:
                        start[0] = y2 - 1 if (start[1] or 0) > (b.start[1] or 0) else y2
                        if a.gran == "day" and start[1] == b.start[1] and (start[2] or 0) > (b.start[2] or 0):
                            start[0] = y2 - 1
                    s = a.s
                    if im and "بين" in im.group() or (im and im.group().strip() == _n("من")):
                        s = im.start() if im.group().startswith((_n("بين"), _n("ما"), _n("من"))) else s
                    c = _Cand(s, b.e, cal=a.cal, start=start, end=list(b.end), gran=a.gran,
                              kind="range", prio=a.prio)
                    if a.start[0] is None and y2 is not None:
                        c.yfrom = "expression"
                    out.append(c)
                    i += 2
                    continue
        if a.kind == "range" and a.rel is None:
            im = intro.search(norm, max(0, a.s - 20), a.s)
            if im and im.group().startswith((_n("بين"), _n("ما"), _n("من"))) and \
                    not norm[a.s:a.e].startswith(_n("بين")):
                a.s = im.start()
        out.append(a)
        i += 1
    return out


@lru_cache(maxsize=1)
def _post_res():
    YEAR = r"(?:1\d|20|21)\d\d(?![\d]|[.,]\d)"
    more = regex.compile(_n(r"\s?(?:,\s?(?:و\s?)?|و\s?)(?:(?:ال|ل)?(?:عام|سنة)\s?)?") +
                         rf"(?P<y>{YEAR})(?P<ys>\s?(?:{_n('م|هـ|ه')})(?![\w]))?")
    wdgap = regex.compile(_n(r"\s?,?\s?\(?\s?(?:الموافق\s?)?,?\s?"))
    return more, wdgap


@lru_cache(maxsize=1)
def _day_before_re() -> "regex.Pattern":
    # "من 20 إلى 29/5/1437هـ": a bare day before a full numeric date opens a range
    return regex.compile(_n(r"(?:(?:من|بين)\s)?(?<![\d./-])(?P<d>[0-3]?\d)\s?(?:-|إلى|الى|حتى|و)\s?$"))


def _post(norm: str, cs: list[_Cand]) -> list[_Cand]:
    """Year lists (عامي 2013 و2014 و2015), and a weekday absorbed by the date after it."""
    more, wdgap = _post_res()
    dayb = _day_before_re()
    prev_e = 0
    for c in cs:
        if c.rel is None and c.gran == "day" and c.kind == "absolute" and c.start[2] and \
                norm[c.s:c.s + 1].isdigit():
            m = dayb.search(norm, max(prev_e, c.s - 16), c.s)
            if m and 1 <= int(m.group("d")) < c.start[2]:
                c.start = [c.start[0], c.start[1], int(m.group("d"))]
                c.kind = "range"
                c.s = m.start()
        prev_e = c.e
    out: list[_Cand] = []
    i = 0
    while i < len(cs):
        c = cs[i]
        nxt = cs[i + 1] if i + 1 < len(cs) else None
        if c.bare_wd and nxt is not None and nxt.rel is None and nxt.gran == "day" and \
                wdgap.fullmatch(norm, c.e, nxt.s):
            nxt.s = c.s
            i += 1
            continue
        out.append(c)
        if c.rel is None and c.gran == "year" and c.kind == "absolute":
            e = c.e
            limit = nxt.s if nxt is not None else len(norm)
            while True:
                m = more.match(norm, e)
                if not m or m.end() > limit:
                    break
                y = int(m.group("y"))
                lo, hi = (1300, 1500) if c.cal == "hijri" else (1900, 2100)
                if not lo <= y <= hi or (not m.group("ys") and _count_follows(norm, m.end(), True)):
                    break
                out.append(_Cand(m.start("y"), m.end(), cal=c.cal, start=[y, None, None],
                                 end=[y, None, None], gran="year"))
                e = m.end()
        i += 1
    return out


@lru_cache(maxsize=1)
def _recurring_re() -> regex.Pattern:
    return regex.compile(_n(r"[^.,;:!?\n]{0,24}?\s?(?:من\s)?كل\s(?:عام|سنة|شهر|أسبوع)(?![\w])"))


@lru_cache(maxsize=1)
def _place_re() -> regex.Pattern:
    # places always; events (ثورة 25 يناير) only without a year: "ثورة 30 يونيو 2013" is a date
    return regex.compile(_n(r"(?<![\w])[وبلف]?(?:(?P<place>مدينة|جسر|كوبري|شارع|ميدان|محافظة|حي|جامعة)|"
                            r"ل?(?:ال)?(?:ثورة|حركة|انتفاضة))\s$"))


@lru_cache(maxsize=1)
def _bc_re() -> regex.Pattern:
    return regex.compile(_n(r"\s?(?:ق\s?\.?\s?م(?![\w])|قبل الميلاد)"))


@lru_cache(maxsize=1)
def _equiv_re() -> regex.Pattern:
    return regex.compile(_n(r"\s?(?:,|\()?\s?(?:الموافق|الموافقة|يوافق|=)\s?(?:ل\s?)?"))


def _year_near(c: "_Cand", g: date) -> int | None:
    """The year (in ``c``'s calendar) that puts ``c``'s month and day nearest to ``g``."""
    if c.cal == "hijri":
        y0 = _greg_to_hijri_year(g)
    else:
        y0 = g.year
    if y0 is None:
        return None
    best = None
    for y in (y0 - 1, y0, y0 + 1):
        d = _span_dates(c.cal, y, c.start[1], c.start[2], False)
        if d is not None and (best is None or abs((d - g).days) < best[0]):
            best = (abs((d - g).days), y)
    return best[1] if best else None


def _sentence_ends(norm: str) -> list[int]:
    return [m.start() for m in _lex().sent.finditer(norm)] + [len(norm)]


def _has_year(d: "_Cand") -> bool:
    return d.rel is None and d.start is not None and d.start[0] is not None and d.end[0] is not None


_REL_WORDS = _PAST | _NEXT | {_n(w) for w in ("الجاري", "الجارية", "الحالي", "الحالية")}


def _context_year(norm: str, cs: list[_Cand], i: int, sstart: int, send: int,
                  anchor: date | None) -> int | None:
    """The year of a yearless date ``cs[i]`` read from a dated expression in its sentence.

    A later day or month of the same calendar comes first (told in order, so "28 ديسمبر
    ... 3 يناير 2024" may be December 2023), then an earlier one ("15 ديسمبر 2023 ... 10
    يناير" may be January 2024), then a Hijri year for a Hijri date (العام الهجري 1446 ...
    يوم عاشوراء), then a dated day or month of the other calendar (the year that puts the
    date nearest to it).  When the order allows two years, the weekday written with the
    date decides, else the year nearer the anchor (if one of them is within a year of it),
    else the order.
    """
    c = cs[i]
    if norm[c.s:c.e].rsplit(None, 1)[-1] in _REL_WORDS:
        return None  # "8 أغسطس المقبل", "13 أغسطس الجاري": counted from the anchor
    ref, step = None, 0
    for d in cs[i + 1:]:
        if d.s >= send:
            break
        if _has_year(d) and d.cal == c.cal and d.gran in ("day", "month"):
            ref, step = d, -1
            break
    if ref is None:
        for d in reversed(cs[:i]):
            if d.e <= sstart:
                break
            if _has_year(d) and d.cal == c.cal and d.gran in ("day", "month"):
                # an earlier date may be a target ("حتى مارس 2016 ... في أبريل"): it
                # outweighs the anchor only in a story told far from the anchor's year
                if anchor is None or abs(d.end[0] - (anchor.year if c.cal == "gregorian" else
                                                     _greg_to_hijri_year(anchor) or 0)) > 1:
                    ref, step = d, 1
                break
    if ref is None and c.cal == "hijri":
        for d in [*cs[i + 1:], *reversed(cs[:i])]:
            if sstart <= d.s < send and _has_year(d) and d.cal == "hijri" and \
                    d.gran == "year" and d.kind == "absolute":
                return d.start[0]
    if ref is None:
        for d in [*cs[i + 1:], *reversed(cs[:i])]:
            if sstart <= d.s < send and _has_year(d) and d.cal != c.cal and d.gran == "day" == c.gran:
                g = _span_dates(d.cal, *d.start, False)
                y0 = _year_near(c, g) if g else None
                if y0 is None:
                    return None
                # the nearest reading, unless the weekday written with it fits only
                # another reading within a year of the dated day
                near = []
                for o in (y0 - 1, y0, y0 + 1):
                    d0 = _span_dates(c.cal, o, c.start[1], c.start[2] or 1, False)
                    if d0 is not None and abs((d0 - g).days) <= 366:
                        near.append(o)
                return _pick_year(c, near or [y0], y0, None, weekday_only=True)
        return None
    y = ref.start[0] if step < 0 else ref.end[0]
    m0, m1 = c.start[1], (ref.start[1] if step < 0 else ref.end[1])
    if not (m0 and m1) or (step < 0 and m0 <= m1) or (step > 0 and m0 >= m1):
        return y
    return _pick_year(c, [y + step, y], y + step, anchor)


def _pick_year(c: "_Cand", options: list[int], default: int, anchor: date | None,
               weekday_only: bool = False) -> int:
    """One of the years a date's context allows: the one its weekday fits, else the one
    nearer the anchor (if within a year of it), else ``default``."""
    if len(options) == 1:
        return options[0]
    if c.wd is not None and c.gran == "day" and c.start[2] and not c.nth:
        fit = [o for o in options if (d := _span_dates(c.cal, o, c.start[1], c.start[2], False))
               and d.weekday() == c.wd]
        if len(fit) == 1:
            return fit[0]
    if weekday_only:
        return default
    if anchor is not None:
        best = None
        for o in options:
            d0 = _span_dates(c.cal, o, c.start[1], c.start[2] or 1, False)
            if d0 is None:
                continue
            dist = (d0 - anchor).days * _FUTURE_COST if d0 > anchor else (anchor - d0).days
            if dist <= 366 and (best is None or dist < best[0]):
                best = (dist, o)
        if best:
            return best[1]
    return default


def _fill_years(norm: str, cs: list[_Cand], anchor: date | None) -> None:
    ends = None
    for i, c in enumerate(cs):
        if not c.needs_year():
            continue
        if ends is None:
            ends = _sentence_ends(norm)
        # the sentence that holds c
        k = bisect_left(ends, c.e)
        send = ends[k]
        sstart = ends[k - 1] if k else 0
        nxt = cs[i + 1] if i + 1 < len(cs) else None
        if nxt is not None and nxt.cal != c.cal and nxt.rel is None and nxt.gran == "day" and \
                nxt.start[0] is not None and c.gran == "day" and c.yrel is None and \
                _equiv_re().fullmatch(norm, c.e, nxt.s):
            # "26 شوال الموافق 11 أغسطس 2015": the other calendar's date fixes the year
            g = _span_dates(nxt.cal, *nxt.start, False)
            y = _year_near(c, g) if g else None
            if y is not None:
                c.start[0] = c.end[0] = y
                c.yfrom = "expression"
                continue
        y = _context_year(norm, cs, i, sstart, send, anchor) if c.yrel is None else None
        if y is not None:
            c.start[0] = c.start[0] or y
            c.end[0] = c.end[0] or (y + 1 if c.cal == "gregorian" and (c.end[1] or 0) < (c.start[1] or 0) else y)
            c.yfrom = "sentence"
            continue
        if anchor is None:
            continue
        if c.yrel is not None and c.cal == "gregorian":
            c.start[0] = c.end[0] = anchor.year + c.yrel
            c.yfrom = "anchor"
            continue
        if c.cal == "hijri":
            hy = _greg_to_hijri_year(anchor)
            if hy is None:
                continue
            best = None
            for y in (hy - 1, hy, hy + 1):
                d0 = _span_dates("hijri", y, c.start[1], c.start[2], False)
                if d0 is None or (c.dir < 0 and d0 > anchor) or (c.dir > 0 and d0 < anchor):
                    continue
                dist = abs((d0 - anchor).days)
                if best is None or dist < best[0]:
                    best = (dist, y)
            if best:
                c.start[0] = c.end[0] = best[1]
                c.yfrom = "anchor"
            continue
        best = None
        years = [anchor.year - 1, anchor.year, anchor.year + 1]
        if c.wd is not None and c.gran == "day" and c.start[2] and not c.nth:
            # "الخميس 15 أغسطس": the year in which 15 August is a Thursday, if one is near
            fit = [y for y in years if (d := _span_dates("gregorian", y, c.start[1], c.start[2], False))
                   and d.weekday() == c.wd]
            years = fit or years
        for y in years:
            d0 = _span_dates("gregorian", y, c.start[1], c.start[2] or 1, False)
            if d0 is None or (c.dir < 0 and d0 > anchor) or (c.dir > 0 and d0 < anchor):
                continue
            # news mostly reports what happened: a future reading must be clearly nearer
            dist = (d0 - anchor).days * _FUTURE_COST if d0 > anchor else (anchor - d0).days
            if best is None or dist < best[0]:
                best = (dist, y)
        if best:
            y = best[1]
            c.start[0] = c.start[0] or y
            c.end[0] = c.end[0] or (y + 1 if (c.end[1] or 0) < (c.start[1] or 0) else y)
            c.yfrom = "anchor"


# --------------------------------------------------------------------------- times of day

# parts of the day, as written before a day (صباح الأحد) or after it (الأحد مساءً)
_TOD_PARTS = {
    "dawn": ("فجر", "فجرا"),
    "morning": ("صباح", "صباحا", "صبيحة", "ضحى"),
    "noon": ("ظهر", "ظهرا", "ظهيرة"),
    "afternoon": ("عصر", "عصرا", "بعد الظهر", "بعد الظهيرة"),
    "evening": ("مساء", "مساءا", "عشية"),
    "night": ("ليل", "ليلا", "ليلة", "منتصف ليلة", "منتصف الليل"),
}
_TOD_LABEL = {_n(w): k for k, ws in _TOD_PARTS.items() for w in ws}
_HOUR_WORDS = {_n(w): i + 1 for i, w in enumerate(
    ("الواحدة", "الثانية", "الثالثة", "الرابعة", "الخامسة", "السادسة", "السابعة", "الثامنة",
     "التاسعة", "العاشرة", "الحادية عشرة", "الثانية عشرة"))}
_FRACTIONS = {_n(w): v for w, v in (("النصف", 30), ("نصف", 30), ("الربع", 15), ("ربع", 15),
                                    ("ربعا", 15), ("الثلث", 20), ("ثلث", 20), ("ثلثا", 20))}


@lru_cache(maxsize=1)
def _time_res():
    parts = "|".join(sorted((regex.escape(w) for w in _TOD_LABEL), key=len, reverse=True))
    hours = "|".join(sorted(_HOUR_WORDS, key=len, reverse=True))
    fracs = "|".join(sorted(_FRACTIONS, key=len, reverse=True))
    def clock(bare_needs_part: bool) -> str:
        # a time without الساعة needs a preposition (عند التاسعة, في العاشرة): an hour word
        # alone is an ordinal (الثانية); after a day it also needs its part of the day
        # (الأحد في العاشرة صباحا), and so do digits (في 10 صباحا) everywhere
        need = "(?(sa)|(?(pp)|(?!)))"
        need += "(?(sa)|(?(p)|(?!)))" if bare_needs_part else "(?(sa)|(?(hd)(?(p)|(?!))|))"
        return (_n(r"(?:(?P<pp>في|عند|حوالي|حوالى|نحو|قرابة)\s)?(?:تمام\s)?(?P<sa>(?:ال)?ساعة\s)?")
                + rf"(?:(?P<hd>[0-2]?\d)(?:[:.](?P<md>[0-5]\d))?(?![\d.:])|(?P<hw>{hours})(?![\w]))"
                + _n(rf"(?:\s?و\s?(?:(?P<fr>{fracs})|(?P<mn>[1-5]?\d)\s(?:دقيقة|دقائق))|\sإلا\s(?P<less>{fracs}))?")
                + rf"(?![\w])(?:\s(?P<p>{parts})(?![\w]))?" + need)
    before_tod = regex.compile(rf"(?<![\w])[وف]?(?P<p>{parts})\s$")
    before = regex.compile(rf"(?<![\w]){clock(False)}\s" + _n(r"(?:من\s)?$"))
    after = regex.compile(rf"\s?,?\s?(?:{clock(True)}|(?P<p2>{parts})(?![\w]))")
    return before_tod, before, after


def _clock(m, label: str) -> str:
    """"HH:MM" of a clock match, read with the part of the day around it."""
    if m.group("hd"):
        h, mi = int(m.group("hd")), int(m.group("md") or 0)
    else:
        h, mi = _HOUR_WORDS[m.group("hw")], 0
    if m.group("fr"):
        mi = _FRACTIONS[m.group("fr")]
    elif m.group("mn"):
        mi = int(m.group("mn"))
    elif m.group("less"):
        h, mi = h - 1, 60 - _FRACTIONS[m.group("less")]
    if not (0 <= h <= 24 and 0 <= mi < 60):
        return ""
    if h <= 12:
        # a 12-hour clock read with its part of the day: العاشرة مساءً is 22:00
        if label in ("afternoon", "evening") and h < 12:
            h += 12
        elif label == "noon" and h < 11:
            h += 12
        elif label == "night" and 6 <= h < 12:
            h += 12
        elif label in ("night", "dawn", "morning") and h == 12:
            h = 0
    return f"{h % 24:02d}:{mi:02d}"


def _attach_times(norm: str, cs: list[_Cand]) -> None:
    """A time of day written next to a day joins its span and fills ``time``: "صباح الأحد"
    (morning), "الخميس مساءً" (evening), "الساعة العاشرة من صباح الاثنين" (10:00),
    "غداً الأربعاء الساعة السادسة مساءً" (18:00)."""
    before_tod, before, after = _time_res()
    for i, c in enumerate(cs):
        if c.gran != "day" or c.kind == "range" and c.rel is None:
            continue
        lo = cs[i - 1].e if i else 0
        hi = cs[i + 1].s if i + 1 < len(cs) else len(norm)
        m = before_tod.search(norm, max(lo, c.s - 16), c.s)
        if m:
            c.s = m.start("p")
        w = norm[c.s:c.e].split(" ", 1)[0]
        label = _TOD_LABEL.get(w) or _TOD_LABEL.get(w[1:]) if w[:1] in "وف" else _TOD_LABEL.get(w)
        if not label and norm.startswith(_n("منتصف ليلة"), c.s):
            label = "night"
        t = ""
        m = before.search(norm, max(lo, c.s - 60), c.s)
        if m:
            t = _clock(m, _TOD_LABEL.get(m.group("p") or "", label or ""))
            if t:
                c.s = m.start() if not norm.startswith((_n("في "), _n("عند ")), m.start()) else \
                    m.start() + norm.index(" ", m.start()) - m.start() + 1
        m = after.match(norm, c.e, hi)
        if m:
            if m.group("p2"):
                label = label or _TOD_LABEL[m.group("p2")]
                c.e = m.end()
            elif not t:
                t = _clock(m, _TOD_LABEL.get(m.group("p") or "", label or ""))
                if t:
                    c.e = m.end()
        c.time = t or label or ""


def _apply_nth(c: _Cand) -> None:
    """Weekday + small ordinal: the date itself if its weekday agrees, else the nth weekday."""
    y, mo, d = c.start
    try:
        if date(y, mo, d).weekday() == c.wd:
            return
    except ValueError:
        pass
    first = date(y, mo, 1)
    day = 1 + (c.wd - first.weekday()) % 7 + 7 * (c.nth - 1)
    if day <= _last_day(y, mo):
        c.start = [y, mo, day]
        c.end = [y, mo, day]


def find_dates(text: str, *, published: date | None = None,
               reference_date: date | None = None) -> list[dict]:
    """Every date expression in ``text``, resolved to an inclusive range of calendar days.

    Results are cached per (text, anchor): the statistics extractor asks for the date
    spans of every segment the dates table has just read, so a full pipeline reads each
    segment's dates once.  Each call returns fresh row dicts.

    >>> find_dates("وصل الوفد في 15 سبتمبر 2024")[0]["granularity"]
    'day'
    """
    try:
        rows = _find_dates_cached(text, published, reference_date)
    except TypeError:  # an unhashable anchor: compute without the cache
        rows = _find_dates(text, published=published, reference_date=reference_date)
    return [dict(r) for r in rows]


# A corpus builds its tables one at a time, so the statistics and entity tables ask
# for the dates of segments the dates table read up to a whole chunk (or corpus) ago:
# the cache holds about ten thousand articles' segments.
@lru_cache(maxsize=1 << 16)
def _find_dates_cached(text: str, published: date | None,
                       reference_date: date | None) -> tuple[dict, ...]:
    return tuple(_find_dates(text, published=published, reference_date=reference_date))


chunk_cache(_find_dates_cached.cache_clear)


def _find_dates(text: str, *, published: date | None = None,
                reference_date: date | None = None) -> list[dict]:
    """Every date expression in ``text``, resolved to an inclusive range of calendar days.

    Relative and yearless dates are resolved against ``published`` (the article's
    publication date) if given, else ``reference_date``; with neither they are still
    returned, with empty (NaT) values.  Offsets index ``text``.

    >>> rows = find_dates("زار الرئيس فيتنام (12-13 ديسمبر 2023) ثم عاد أمس")
    >>> [(r["text"], str(r["value_start"])[:10], str(r["value_end"])[:10], r["kind"]) for r in rows]
    [('12-13 ديسمبر 2023', '2023-12-12', '2023-12-13', 'range'), ('أمس', 'NaT', 'NaT', 'relative')]
    >>> r = find_dates("وصل الوفد أمس", reference_date=date(2024, 5, 14))[0]
    >>> str(r["value_start"])[:10], r["anchor"]
    ('2024-05-13', 'reference:2024-05-14')
    """
    if not text:
        return []
    lex = _lex()
    norm, omap = normalize_with_offsets(text, preset=_PRESET)
    cands: list[_Cand] = []
    win = _Windows(lex, norm)
    _dm_cands(lex, norm, cands, win)
    _my_cands(lex, norm, cands, win)
    _year_cands(lex, norm, cands, win)
    _numeric_cands(lex, norm, cands, win)
    _part_cands(lex, norm, cands, win)
    _rel_cands(lex, norm, cands, win)
    _relmonth_cands(lex, norm, cands, win)
    _decade_cands(lex, norm, cands, win)
    chosen = _post(norm, _merge_ranges(norm, _select(cands)))
    # "مدينة 6 أكتوبر", "شارع 26 يوليو": places named after a date
    place = _place_re()
    chosen = [c for c in chosen if not (c.gran == "day" and c.rel is None and
                                        (m := place.search(norm, max(0, c.s - 12), c.s)) and
                                        (m.group("place") or c.start[0] is None))]
    # "في غرة شوال من كل عام": a recurring day, not a date
    rec = _recurring_re()
    chosen = [c for c in chosen if not (c.gran in ("day", "month") and c.rel is None and
                                        rec.match(norm, c.e, min(len(norm), c.e + 30)))]
    bc = _bc_re()
    chosen = [c for c in chosen if not bc.match(norm, c.e)]  # "1500 قبل الميلاد": BC, unsupported
    if published is not None:
        anchor, alabel = published, f"published:{published.isoformat()}"
    elif reference_date is not None:
        anchor, alabel = reference_date, f"reference:{reference_date.isoformat()}"
    else:
        anchor, alabel = None, ""
    _attach_times(norm, chosen)
    _fill_years(norm, chosen, anchor)
    for c in chosen:
        if c.nth and c.wd is not None and c.cal == "gregorian" and c.start[0] is not None:
            _apply_nth(c)
    rows = []
    for c in chosen:
        s, e = omap.span(c.s, c.e)
        v0 = v1 = None
        label = ""
        if c.rel is not None:
            if anchor is not None:
                try:
                    v0, v1 = c.rel(anchor)
                except (ValueError, OverflowError):
                    v0 = v1 = None
                label = alabel
        elif c.start[0] is not None and c.end[0] is not None:
            v0 = _span_dates(c.cal, c.start[0], c.start[1], c.start[2], False)
            v1 = _span_dates(c.cal, c.end[0], c.end[1], c.end[2], True)
            if c.lastday:
                v0 = v1
            if v0 is None or v1 is None or v1 < v0:
                continue  # 31 February, or a range that runs backwards: not a date
            label = {"anchor": alabel, "sentence": "sentence", "expression": "expression"}.get(
                c.yfrom, "")
        else:
            label = ""
        rows.append({
            "text": text[s:e], "start": s, "end": e,
            "value_start": _timestamp(v0) if v0 else pd.NaT,
            "value_end": _timestamp(v1) if v1 else pd.NaT,
            "granularity": c.gran, "kind": c.kind, "calendar": c.cal, "anchor": label,
            "time": c.time,
        })
    return rows


@lru_cache(maxsize=4096)
def _timestamp(d: date) -> pd.Timestamp:
    return pd.Timestamp(d)


def extract_dates(x, *, reference_date: date | None = None) -> pd.DataFrame:
    """The dates table (:data:`DATE_SCHEMA`) of a string, Article, Corpus or DataFrame.

    >>> df = extract_dates("انعقد المؤتمر في 22 من شهر آب 2018 في عمّان")
    >>> df[["text", "value_start", "granularity"]].values.tolist()
    [['22 من شهر آب 2018', Timestamp('2018-08-22 00:00:00'), 'day']]
    """
    return _base.extract(x, find_dates, DATE_SCHEMA, reference_date=reference_date)


@register_table("dates", DATE_SCHEMA, description="date expressions resolved to calendar ranges",
                rows=True)
def dates_table(article, **opts) -> pd.DataFrame:
    """Per-article dates table for :class:`~akhbar.corpus.Corpus` (``corpus.dates()``).

    >>> from akhbar.loader import parse_article
    >>> art = parse_article("وصل الوفد أمس إلى عمّان", id="a1", published=date(2024, 5, 14))
    >>> dates_table(art)[["article_id", "text", "value_start", "anchor"]].values.tolist()
    [['a1', 'أمس', Timestamp('2024-05-13 00:00:00'), 'published:2024-05-14']]
    """
    return _base.extract_rows(article, find_dates, reference_date=opts.get("reference_date"))
