"""Choosing among candidates: the longest wins where they overlap, adjacent dates
joined by -/إلى/حتى (or بين … و) become ranges, year lists and weekdays join the date
after them, and dates that are names or recurrences are filtered out."""

from __future__ import annotations

import re as regex  # the stdlib engine: several times faster than `regex` on these patterns
from functools import lru_cache

from akhbar.extract.dates.calendar import is_near_year
from akhbar.extract.dates.candidate import Cand, count_follows
from akhbar.extract.dates.grammar import YEAR, alt, grammar
from akhbar.extract.dates.lexicon import context, lexicon, n

__all__ = ["drop_non_dates", "merge_ranges", "post", "select"]


def select(cands: list[Cand]) -> list[Cand]:
    """Non-overlapping candidates, longest (then highest priority) first."""
    cands.sort(key=lambda c: (-(c.e - c.s), -c.prio, c.s))
    taken: list[Cand] = []
    used = bytearray(max((c.e for c in cands), default=0))
    for c in cands:
        if c.e <= c.s or 1 in used[c.s:c.e]:
            continue
        used[c.s:c.e] = b"\x01" * (c.e - c.s)
        taken.append(c)
    taken.sort(key=lambda c: c.s)
    return taken


@lru_cache(maxsize=1)
def _res() -> dict[str, regex.Pattern]:
    f = grammar().f
    period_nouns = [w[2:] for w in lexicon().periods]   # عام، سنه، شهر، اسبوع
    return {
        "dash": regex.compile(rf"\s?(?:[-–—]|{f.RANGE})\s?"),
        "waw": regex.compile(n(r"\s?و\s?(?:حتى\s|إلى\s)?")),
        "intro": regex.compile(n(r"(?:(?:ما\s)?بين|من|في الفترة من|خلال الفترة من|للفترة من|الفترة من)\s$")),
        "more": regex.compile(n(r"\s?(?:,\s?(?:و\s?)?|و\s?)(?:(?:ال|ل)?") + f.YSING + r"\s?)?"
                              + rf"(?P<y>{YEAR})(?P<ys>\s?{f.YSUF_ATTACHED}(?![\w]))?"),
        "wdgap": regex.compile(r"\s?,?\s?\(?\s?(?:" + alt(context("equivalent")) + r"\s?)?,?\s?"),
        # "من 20 إلى 29/5/1437هـ": a bare day before a full numeric date opens a range
        "day_before": regex.compile(n(r"(?:(?:من|بين)\s)?(?<![\d./-])(?P<d>[0-3]?\d)")
                                    + rf"\s?(?:-|{f.RANGE}|و)\s?$"),
        # "في غرة شوال من كل عام": a recurring day, not a date
        "recurring": regex.compile(r"[^.,;:!?\n]{0,24}?\s?" + n(r"(?:من\s)?كل\s")
                                   + alt(period_nouns) + r"(?![\w])"),
        # places always; events (ثورة 25 يناير) only without a year: "ثورة 30 يونيو 2013"
        # is a date
        "place": regex.compile(r"(?<![\w])[وبلف]?(?:(?P<place>" + alt(context("place_before")) + r")|"
                               + n(r"ل?(?:ال)?") + alt(context("event_before")) + r")\s$"),
        # "1500 قبل الميلاد": BC, unsupported
        "bc": regex.compile(n(r"\s?(?:ق\s?\.?\s?م(?![\w])|قبل الميلاد)")),
    }


def merge_ranges(norm: str, cs: list[Cand]) -> list[Cand]:
    """Two dates of one granularity joined by -/إلى/حتى (or بين … و) become a range;
    بين/من before a range joins its span."""
    r = _res()
    out: list[Cand] = []
    i = 0
    while i < len(cs):
        a = cs[i]
        b = cs[i + 1] if i + 1 < len(cs) else None
        if b is not None and _joinable(a, b):
            im = r["intro"].search(norm, max(0, a.s - 20), a.s)
            gap = norm[a.e:b.s]
            if r["dash"].fullmatch(gap) or (r["waw"].fullmatch(gap) and im and "بين" in im.group()):
                out.append(_range(a, b, im))
                i += 2
                continue
        if a.kind == "range" and a.rel is None:
            im = r["intro"].search(norm, max(0, a.s - 20), a.s)
            if im and im.group().startswith((n("بين"), n("ما"), n("من"))) and \
                    not norm[a.s:a.e].startswith(n("بين")):
                a.s = im.start()
        out.append(a)
        i += 1
    return out


def _joinable(a: Cand, b: Cand) -> bool:
    return a.rel is None and b.rel is None and a.cal == b.cal and \
        a.gran in ("day", "month", "year") and b.gran == a.gran and \
        a.kind != "range" and b.kind != "range"


def _range(a: Cand, b: Cand, im) -> Cand:
    """The range from ``a`` to ``b``; a yearless start takes the end's year (the year
    before when its month or day comes later)."""
    y2 = b.end[0]
    start = list(a.start)
    if start[0] is None and y2 is not None:
        start[0] = y2 - 1 if (start[1] or 0) > (b.start[1] or 0) else y2
        if a.gran == "day" and start[1] == b.start[1] and (start[2] or 0) > (b.start[2] or 0):
            start[0] = y2 - 1
    s = a.s
    if im and "بين" in im.group() or (im and im.group().strip() == n("من")):
        s = im.start() if im.group().startswith((n("بين"), n("ما"), n("من"))) else s
    c = Cand(s, b.e, cal=a.cal, start=start, end=list(b.end), gran=a.gran,
             kind="range", prio=a.prio)
    if a.start[0] is None and y2 is not None:
        c.yfrom = "expression"
    return c


def _open_day_ranges(norm: str, cs: list[Cand]) -> None:
    """"من 20 إلى 29/5/1437هـ": a bare day before a full numeric date opens a range."""
    dayb = _res()["day_before"]
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


def post(norm: str, cs: list[Cand]) -> list[Cand]:
    """Year lists (عامي 2013 و2014 و2015), and a weekday absorbed by the date after it."""
    _open_day_ranges(norm, cs)
    wdgap = _res()["wdgap"]
    out: list[Cand] = []
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
            out.extend(_more_years(norm, c, nxt.s if nxt is not None else len(norm)))
        i += 1
    return out


def _more_years(norm: str, c: Cand, limit: int) -> list[Cand]:
    """The years listed after year ``c``: "عامي 2013 و2014 و2015"."""
    more, out, e = _res()["more"], [], c.e
    while True:
        m = more.match(norm, e)
        if not m or m.end() > limit:
            break
        y = int(m.group("y"))
        if not is_near_year(y, c.cal) or (not m.group("ys") and count_follows(norm, m.end(), True)):
            break
        out.append(Cand(m.start("y"), m.end(), cal=c.cal, start=[y, None, None],
                        end=[y, None, None], gran="year"))
        e = m.end()
    return out


def drop_non_dates(norm: str, chosen: list[Cand]) -> list[Cand]:
    """Leave out dates that are names, recurrences or before Christ: "مدينة 6 أكتوبر",
    "شارع 26 يوليو" (places named after a date), "في غرة شوال من كل عام", "1500 قبل
    الميلاد"."""
    r = _res()
    place, rec, bc = r["place"], r["recurring"], r["bc"]
    chosen = [c for c in chosen if not (c.gran == "day" and c.rel is None and
                                        (m := place.search(norm, max(0, c.s - 12), c.s)) and
                                        (m.group("place") or c.start[0] is None))]
    chosen = [c for c in chosen if not (c.gran in ("day", "month") and c.rel is None and
                                        rec.match(norm, c.e, min(len(norm), c.e + 30)))]
    return [c for c in chosen if not bc.match(norm, c.e)]
