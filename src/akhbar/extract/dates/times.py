"""Times of day attached to a day: "صباح الأحد" (morning), "الخميس مساءً" (evening),
"الساعة العاشرة من صباح الاثنين" (10:00), "غداً الأربعاء الساعة السادسة مساءً" (18:00).

>>> from akhbar.extract.dates import find_dates
>>> [(r["text"], r["time"]) for r in find_dates("يصل الوفد الساعة العاشرة من صباح الاثنين")]
[('الساعة العاشرة من صباح الاثنين', '10:00')]
"""

from __future__ import annotations

import re as regex  # the stdlib engine: several times faster than `regex` on these patterns
from functools import lru_cache

from akhbar.extract.dates.candidate import Cand
from akhbar.extract.dates.grammar import alt
from akhbar.extract.dates.lexicon import context, lexicon, n

__all__ = ["attach_times"]


@lru_cache(maxsize=1)
def _time_res():
    lex = lexicon()
    parts, hours, fracs = alt(lex.day_part_label), alt(lex.hours), alt(lex.fractions)

    def clock(bare_needs_part: bool) -> str:
        # a time without الساعة needs a preposition (عند التاسعة, في العاشرة): an hour word
        # alone is an ordinal (الثانية); after a day it also needs its part of the day
        # (الأحد في العاشرة صباحا), and so do digits (في 10 صباحا) everywhere
        need = "(?(sa)|(?(pp)|(?!)))"
        need += "(?(sa)|(?(p)|(?!)))" if bare_needs_part else "(?(sa)|(?(hd)(?(p)|(?!))|))"
        return (rf"(?:(?P<pp>{alt(context('clock_before'))})\s)?" + n(r"(?:تمام\s)?(?P<sa>(?:ال)?ساعة\s)?")
                + rf"(?:(?P<hd>[0-2]?\d)(?:[:.](?P<md>[0-5]\d))?(?![\d.:])|(?P<hw>{hours})(?![\w]))"
                + n(r"(?:\s?و\s?(?:(?P<fr>") + fracs + r")|(?P<mn>[1-5]?\d)\s" + alt(lex.minute_words) + n(r")|\sإلا\s(?P<less>")
                + fracs + "))?"
                + rf"(?![\w])(?:\s(?P<p>{parts})(?![\w]))?" + need)
    before_tod = regex.compile(rf"(?<![\w])[وف]?(?P<p>{parts})\s$")
    before = regex.compile(rf"(?<![\w]){clock(False)}\s" + n(r"(?:من\s)?$"))
    after = regex.compile(rf"\s?,?\s?(?:{clock(True)}|(?P<p2>{parts})(?![\w]))")
    return before_tod, before, after


def _key(s: str | None) -> str:
    return " ".join(s.split()) if s else ""


def _clock(m, label: str) -> str:
    """"HH:MM" of a clock match, read with the part of the day around it."""
    lex = lexicon()
    if m.group("hd"):
        h, mi = int(m.group("hd")), int(m.group("md") or 0)
    else:
        h, mi = lex.hours[_key(m.group("hw"))], 0
    if m.group("fr"):
        mi = lex.fractions[m.group("fr")]
    elif m.group("mn"):
        mi = int(m.group("mn"))
    elif m.group("less"):
        h, mi = h - 1, 60 - lex.fractions[m.group("less")]
    if not (0 <= h <= 24 and 0 <= mi < 60):
        return ""
    if h <= 12:
        # a 12-hour clock read with its part of the day: العاشرة مساءً is 22:00
        afternoon = label in ("afternoon", "evening") and h < 12
        if afternoon or (label == "noon" and h < 11) or (label == "night" and 6 <= h < 12):
            h += 12
        elif label in ("night", "dawn", "morning") and h == 12:
            h = 0
    return f"{h % 24:02d}:{mi:02d}"


def attach_times(norm: str, cs: list[Cand]) -> None:
    """A time of day written next to a day joins its span and fills ``time``."""
    before_tod, before, after = _time_res()
    labels = lexicon().day_part_label
    for i, c in enumerate(cs):
        if c.gran != "day" or c.kind == "range" and c.rel is None:
            continue
        lo = cs[i - 1].e if i else 0
        hi = cs[i + 1].s if i + 1 < len(cs) else len(norm)
        m = before_tod.search(norm, max(lo, c.s - 16), c.s)
        if m:
            c.s = m.start("p")
        w = norm[c.s:c.e].split(" ", 1)[0]
        label = labels.get(w) or labels.get(w[1:]) if w[:1] in "وف" else labels.get(w)
        if not label and norm.startswith(n("منتصف ليلة"), c.s):
            label = "night"
        t = ""
        m = before.search(norm, max(lo, c.s - 60), c.s)
        if m:
            t = _clock(m, labels.get(_key(m.group("p")), label or ""))
            if t:
                c.s = m.start() if not norm.startswith((n("في "), n("عند ")), m.start()) else \
                    m.start() + norm.index(" ", m.start()) - m.start() + 1
        m = after.match(norm, c.e, hi)
        if m:
            if m.group("p2"):
                label = label or labels[_key(m.group("p2"))]
                c.e = m.end()
            elif not t:
                t = _clock(m, labels.get(_key(m.group("p")), label or ""))
                if t:
                    c.e = m.end()
        c.time = t or label or ""
