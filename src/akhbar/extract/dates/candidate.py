"""One date expression found in the normalized text, before resolution, and the small
readers the rules share (a day, a year with its suffix, a counted noun after a number).
"""

from __future__ import annotations

import re as regex  # the stdlib engine: several times faster than `regex` on these patterns
from datetime import date
from functools import lru_cache

from akhbar.extract.dates.calendar import last_day
from akhbar.extract.dates.lexicon import context, lexicon, n, year_words

__all__ = [
    "Cand",
    "count_follows",
    "day_value",
    "fem_noun_re",
    "skip_prep",
    "trim_right",
    "year_rel",
    "yearx",
]


class Cand:
    """One date expression found in the normalized text, before resolution."""

    __slots__ = (
        "bare_wd",
        "cal",
        "dir",
        "e",
        "end",
        "gran",
        "kind",
        "lastday",
        "nth",
        "prio",
        "rel",
        "s",
        "start",
        "time",
        "wd",
        "yfrom",
        "yrel",
    )

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

    def has_year(self) -> bool:
        return self.rel is None and self.start is not None and \
            self.start[0] is not None and self.end[0] is not None


def day_value(s: str) -> int | None:
    """The day of a day number or ordinal word (التاسع: 9)."""
    s = s.strip()
    if s.isdigit():
        return int(s)
    return lexicon().ordinal_days.get(s)


def yearx(s: str | None):
    """(year, calendar or None) of a year match like '1445 هـ' or '2015م'."""
    if not s:
        return None, None
    return _yearx_cached(s)


@lru_cache(maxsize=4096)
def _yearx_cached(s: str):
    y = int(regex.match(r"\d+", s).group())
    rest = s[len(str(y)):].strip() if s.startswith(str(y)) else ""
    if rest in year_words("suffix_hijri"):
        return y, "hijri"
    if rest:
        return y, "gregorian"
    return y, None


def trim_right(norm: str, s: int, e: int) -> int:
    while e > s and norm[e - 1] in " ,/(-":
        e -= 1
    return e


def skip_prep(norm: str, s: int) -> int:
    """``s`` moved past a leading في/خلال or a clitic و ب ل ف."""
    for p in (n("في "), n("خلال "), "و", "ب", "ل", "ف"):
        if norm.startswith(p, s):
            return s + len(p)
    return s


def count_follows(norm: str, e: int, strict: bool = False) -> bool:
    """True when the word after position ``e`` makes the number before it a count.

    ``strict`` also takes any indefinite accusative word (وفداً, صوتاً: the tamyiz of a
    count) for a counted noun; it is used where nothing but position says "year".
    """
    return bool((_count_re() if strict else _unit_re()).match(norm, e))


@lru_cache(maxsize=1)
def _unit_re() -> regex.Pattern:
    from akhbar.extract.dates.grammar import alt
    units = alt(lexicon().counted_plain)
    return regex.compile(r"\s?(?:%|" + units + r"(?![\w])|" + n(r"(?:من\s)?(?:أصل)") + ")")


@lru_cache(maxsize=1)
def _count_re() -> regex.Pattern:
    from akhbar.extract.dates.grammar import alt
    units = alt(lexicon().counted_strict)
    adverbs = alt(context("count_adverb"))
    return regex.compile(r"\s?(?:%|" + units + r"(?![\w])|(?!" + adverbs +
                         r"(?![\w])|[لب]|ال)[\u0621-\u064a]{2,9}ا(?![\w])|" +
                         n(r"(?:من\s)?(?:أصل)") + ")")


@lru_cache(maxsize=1)
def fem_noun_re() -> regex.Pattern:
    """An indefinite feminine singular noun right after a bare number (خلال 1947 جولة):
    what it counts; common adverbial nouns (مقارنة, نتيجة) are not."""
    from akhbar.extract.dates.grammar import alt
    skip = alt(context("not_counted"))
    return regex.compile(r"\s(?!ال|و|ب|ل|ف|ك|" + skip + r"(?![\w]))[\u0621-\u064a]{2,8}ه(?![\w])")


def year_rel(off: int, m0: int, m1: int, gran: str, s: int, e: int, d0=None, d1=None) -> Cand:
    """Months ``m0``..``m1`` of the year ``off`` years from the anchor's."""
    def fn(a, off=off):
        y = a.year + off
        return (date(y, m0, d0 or 1), date(y, m1, d1 or last_day(y, m1)))
    return Cand(s, e, gran=gran, kind="relative", rel=fn, prio=4)
