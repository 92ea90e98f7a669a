"""Resolution: the year of a yearless date, and the nth weekday of a month.

A yearless date takes the year of the date it is paired with (``26 شوال الموافق 11
أغسطس 2015``), else of a later dated day/month in its sentence (told in order, so ``28
ديسمبر ... 3 يناير 2024`` may be December 2023: when the order allows two years, a
weekday written with the date decides, else the one nearer the anchor), else of an
earlier one when the story lies over a year from the anchor, else of a Hijri year in the
sentence (for a Hijri date), else of a dated day in the other calendar (the nearest
reading, or the one its weekday fits), else the year that puts it nearest to the
anchor, a future reading counting 1.5 times its distance since news mostly reports the
past (``الماضي``/``المقبل`` force the past/next one); a weekday written with it picks
the year in which the weekday fits.
"""

from __future__ import annotations

import re as regex  # the stdlib engine: several times faster than `regex` on these patterns
from bisect import bisect_left
from datetime import date
from functools import lru_cache

from akhbar.extract.dates.calendar import greg_to_hijri_year, last_day, span_dates
from akhbar.extract.dates.candidate import Cand
from akhbar.extract.dates.grammar import alt, grammar
from akhbar.extract.dates.lexicon import context, lexicon

__all__ = ["apply_nth", "fill_years"]

FUTURE_COST = 1.5  # a yearless date's future reading counts its distance this many times


@lru_cache(maxsize=1)
def _equiv_re() -> regex.Pattern:
    return regex.compile(r"\s?(?:,|\()?\s?(?:" + alt(context("equivalent")) + r"|=)\s?(?:ل\s?)?")


def _year_near(c: Cand, g: date) -> int | None:
    """The year (in ``c``'s calendar) that puts ``c``'s month and day nearest to ``g``."""
    y0 = greg_to_hijri_year(g) if c.cal == "hijri" else g.year
    if y0 is None:
        return None
    best = None
    for y in (y0 - 1, y0, y0 + 1):
        d = span_dates(c.cal, y, c.start[1], c.start[2], False)
        if d is not None and (best is None or abs((d - g).days) < best[0]):
            best = (abs((d - g).days), y)
    return best[1] if best else None


def _distance(d0: date, anchor: date) -> float:
    """Days from the anchor, a future reading counting FUTURE_COST times."""
    return (d0 - anchor).days * FUTURE_COST if d0 > anchor else (anchor - d0).days


def _dated_neighbour(cs: list[Cand], i: int, sstart: int, send: int,
                     anchor: date | None) -> tuple[Cand | None, int]:
    """A dated day or month of ``cs[i]``'s calendar in its sentence: a later one
    (step -1), else an earlier one when the story lies over a year from the anchor."""
    c = cs[i]
    for d in cs[i + 1:]:
        if d.s >= send:
            break
        if d.has_year() and d.cal == c.cal and d.gran in ("day", "month"):
            return d, -1
    for d in reversed(cs[:i]):
        if d.e <= sstart:
            break
        if d.has_year() and d.cal == c.cal and d.gran in ("day", "month"):
            # an earlier date may be a target ("حتى مارس 2016 ... في أبريل"): it
            # outweighs the anchor only in a story told far from the anchor's year
            if anchor is None or abs(d.end[0] - (anchor.year if c.cal == "gregorian" else
                                                 greg_to_hijri_year(anchor) or 0)) > 1:
                return d, 1
            break
    return None, 0


def _other_calendar_year(c: Cand, cs: list[Cand], i: int, sstart: int, send: int) -> int | None:
    """The year from a Hijri year of the sentence (for a Hijri date), else from a dated
    day of the other calendar: the nearest reading, unless the weekday written with it
    fits only another reading within a year of the dated day."""
    others = [*cs[i + 1:], *reversed(cs[:i])]
    if c.cal == "hijri":
        for d in others:
            if sstart <= d.s < send and d.has_year() and d.cal == "hijri" and \
                    d.gran == "year" and d.kind == "absolute":
                return d.start[0]
    for d in others:
        if sstart <= d.s < send and d.has_year() and d.cal != c.cal and d.gran == "day" == c.gran:
            g = span_dates(d.cal, *d.start, False)
            y0 = _year_near(c, g) if g else None
            if y0 is None:
                return None
            near = []
            for o in (y0 - 1, y0, y0 + 1):
                d0 = span_dates(c.cal, o, c.start[1], c.start[2] or 1, False)
                if d0 is not None and abs((d0 - g).days) <= 366:
                    near.append(o)
            return _pick_year(c, near or [y0], y0, None, weekday_only=True)
    return None


def _context_year(norm: str, cs: list[Cand], i: int, sstart: int, send: int,
                  anchor: date | None) -> int | None:
    """The year of a yearless date ``cs[i]`` read from a dated expression in its sentence.

    When the order allows two years, the weekday written with the date decides, else
    the year nearer the anchor (if one of them is within a year of it), else the order.
    """
    c = cs[i]
    if norm[c.s:c.e].rsplit(None, 1)[-1] in lexicon().relative:
        return None  # "8 أغسطس المقبل", "13 أغسطس الجاري": counted from the anchor
    ref, step = _dated_neighbour(cs, i, sstart, send, anchor)
    if ref is None:
        return _other_calendar_year(c, cs, i, sstart, send)
    y = ref.start[0] if step < 0 else ref.end[0]
    m0, m1 = c.start[1], (ref.start[1] if step < 0 else ref.end[1])
    if not (m0 and m1) or (step < 0 and m0 <= m1) or (step > 0 and m0 >= m1):
        return y
    return _pick_year(c, [y + step, y], y + step, anchor)


def _pick_year(c: Cand, options: list[int], default: int, anchor: date | None,
               weekday_only: bool = False) -> int:
    """One of the years a date's context allows: the one its weekday fits, else the one
    nearer the anchor (if within a year of it), else ``default``."""
    if len(options) == 1:
        return options[0]
    if c.wd is not None and c.gran == "day" and c.start[2] and not c.nth:
        fit = [o for o in options if (d := span_dates(c.cal, o, c.start[1], c.start[2], False))
               and d.weekday() == c.wd]
        if len(fit) == 1:
            return fit[0]
    if weekday_only:
        return default
    if anchor is not None:
        best = None
        for o in options:
            d0 = span_dates(c.cal, o, c.start[1], c.start[2] or 1, False)
            if d0 is None:
                continue
            dist = _distance(d0, anchor)
            if dist <= 366 and (best is None or dist < best[0]):
                best = (dist, o)
        if best:
            return best[1]
    return default


def _paired_year(norm: str, c: Cand, nxt: Cand | None) -> int | None:
    """"26 شوال الموافق 11 أغسطس 2015": the other calendar's date fixes the year."""
    if nxt is not None and nxt.cal != c.cal and nxt.rel is None and nxt.gran == "day" and \
            nxt.start[0] is not None and c.gran == "day" and c.yrel is None and \
            _equiv_re().fullmatch(norm, c.e, nxt.s):
        g = span_dates(nxt.cal, *nxt.start, False)
        return _year_near(c, g) if g else None
    return None


def _anchor_year(c: Cand, anchor: date) -> int | None:
    """The year that puts ``c`` nearest the anchor (past or next if ``c.dir`` says so)."""
    if c.cal == "hijri":
        hy = greg_to_hijri_year(anchor)
        if hy is None:
            return None
        years, cost = [hy - 1, hy, hy + 1], lambda d0: abs((d0 - anchor).days)
    else:
        years, cost = [anchor.year - 1, anchor.year, anchor.year + 1], lambda d0: _distance(d0, anchor)
        if c.wd is not None and c.gran == "day" and c.start[2] and not c.nth:
            # "الخميس 15 أغسطس": the year in which 15 August is a Thursday, if one is near
            fit = [y for y in years if (d := span_dates("gregorian", y, c.start[1], c.start[2], False))
                   and d.weekday() == c.wd]
            years = fit or years
    best = None
    for y in years:
        d0 = span_dates(c.cal, y, c.start[1], c.start[2] if c.cal == "hijri" else c.start[2] or 1, False)
        if d0 is None or (c.dir < 0 and d0 > anchor) or (c.dir > 0 and d0 < anchor):
            continue
        dist = cost(d0)
        if best is None or dist < best[0]:
            best = (dist, y)
    return best[1] if best else None


def _set_year(c: Cand, y: int, source: str, wrap: bool = True) -> None:
    c.start[0] = c.start[0] or y
    c.end[0] = c.end[0] or (y + 1 if wrap and (c.end[1] or 0) < (c.start[1] or 0) else y)
    c.yfrom = source


def fill_years(norm: str, cs: list[Cand], anchor: date | None) -> None:
    """Give each yearless date a year: from its pair, its sentence or the anchor."""
    ends = None
    for i, c in enumerate(cs):
        if not c.needs_year():
            continue
        if ends is None:
            ends = [m.start() for m in grammar().sent.finditer(norm)] + [len(norm)]
        k = bisect_left(ends, c.e)   # the sentence that holds c
        send, sstart = ends[k], ends[k - 1] if k else 0
        y = _paired_year(norm, c, cs[i + 1] if i + 1 < len(cs) else None)
        if y is not None:
            c.start[0] = c.end[0] = y
            c.yfrom = "expression"
            continue
        y = _context_year(norm, cs, i, sstart, send, anchor) if c.yrel is None else None
        if y is not None:
            _set_year(c, y, "sentence", wrap=c.cal == "gregorian")
            continue
        if anchor is None:
            continue
        if c.yrel is not None and c.cal == "gregorian":
            c.start[0] = c.end[0] = anchor.year + c.yrel
            c.yfrom = "anchor"
            continue
        y = _anchor_year(c, anchor)
        if y is None:
            continue
        if c.cal == "hijri":
            c.start[0] = c.end[0] = y
            c.yfrom = "anchor"
        else:
            _set_year(c, y, "anchor")


def apply_nth(c: Cand) -> None:
    """Weekday + small ordinal: the date itself if its weekday agrees, else the nth weekday."""
    y, mo, d = c.start
    try:
        if date(y, mo, d).weekday() == c.wd:
            return
    except ValueError:
        pass
    first = date(y, mo, 1)
    day = 1 + (c.wd - first.weekday()) % 7 + 7 * (c.nth - 1)
    if day <= last_day(y, mo):
        c.start = [y, mo, day]
        c.end = [y, mo, day]
