"""The date grammar: named pattern fragments composed from the lexicon, and the
patterns, each with its name and the trigger family whose words let it run.

Every word in a pattern comes from :mod:`.lexicon` (the data files); what is typed here
is grammar: the article and clitics (ال، و، ب، ل، ف), a few function words (من، في،
بين، إلى، شهر), digits and separators.  The relative words, in particular, come only
from ``data/dates/relative.tsv``: masculine ones after a month or ``الشهر``, both
genders after ``العام``/``السنة`` or a weekday.

>>> g = grammar()
>>> g.patterns["edge"].family, bool(g.edge.search(n("في نهاية الشهر المنصرم")))
('edge', True)
"""

from __future__ import annotations

import re as regex  # the stdlib engine: several times faster than `regex` on these patterns
from dataclasses import dataclass
from functools import lru_cache

from akhbar.extract.dates.lexicon import (
    Lexicon,
    context,
    holy_words,
    lexicon,
    n,
    year_words,
)
from akhbar.text.patterns import alternation

__all__ = ["YEAR", "YEAR_DIGITS", "E", "Grammar", "Pattern", "W", "alt", "grammar"]

W = r"(?<![\w])"          # word start
E = r"(?![\w])"           # word end
# four digits that may be a year (1000-2199: calendar.WRITTEN_GREGORIAN and every Hijri
# range lie inside); the rules check the ranges
YEAR_DIGITS = r"(?:1\d|20|21)\d\d(?![\d]|[.,]\d)"
YEAR = r"(?<![\d.,/:])" + YEAR_DIGITS
DAYNUM = r"(?<![\d.,/:])(?:3[01]|[12]\d|0?[1-9])(?![\d]|[.,/:]\d)"


def alt(words) -> str:
    """One bounded alternation (a trie, longest first) of normalized words; a space
    inside a phrase matches any one whitespace character."""
    return "(?:" + alternation(words).replace("\\ ", r"\s") + ")"


@dataclass(frozen=True)
class Pattern:
    """A named pattern of the grammar and the trigger family it runs on."""
    name: str
    family: str
    regex: regex.Pattern


class _Fragments:
    """The shared fragments (month names, days, years, relative words …) as regex text."""

    def __init__(self, lex: Lexicon) -> None:
        self.MON = alt(lex.greg)
        self.HMON = alt(lex.hijri)
        self.WD = alt(lex.wd)
        self.DAY = f"(?:{DAYNUM}|{W}{alt(lex.ordinal_days)}{E})"
        self.REL_M = alt(lex.rel_words(gender="m"))          # after a month, الشهر
        self.REL = alt(lex.rel_words())                      # after العام/السنة
        self.REL_MOVE = alt(lex.rel_words(moving=True))      # after a weekday
        self.HATT = alt(holy_words("month"))     # رمضان المبارك
        self.HOLY = alt(holy_words("shahr"))     # الشهر الفضيل
        self.RANGE = alt(context("range_sep"))     # إلى، حتى، لغاية …
        self.RSEP = rf"\s?(?:[-–—/]|{self.RANGE}|و)\s?"
        self._years(lex)
        self._days(lex)

    def _years(self, lex: Lexicon) -> None:
        ysing = [w[2:] for w, g in lex.periods.items() if g == "year"]  # عام، سنه
        self.YSING = alt(ysing)
        suffixes = {**year_words("suffix_gregorian"), **year_words("suffix_hijri")}
        self.YSUF_ATTACHED = alt(w for w, v in suffixes.items() if v == "attached")
        spaced = alt(w for w, v in suffixes.items() if v != "attached")
        self.YSUF = rf"(?:\s?{self.YSUF_ATTACHED}{E}|\s{spaced}{E})"
        hijri = year_words("suffix_hijri")
        self.HSUF = (rf"\s?{alt(w for w, v in hijri.items() if v == 'attached')}{E}|"
                     rf"\s{alt(w for w, v in hijri.items() if v != 'attached')}")
        self.YEARX = f"{YEAR}(?:{self.YSUF})?"
        self.YFILL = n(r"(?:\s?,\s?|\s?)(?:(?:من\s|في\s)?(?:ال|لل|ل)?") + self.YSING + r"\s?)?"
        self.YADJ = f"(?:{alt([*year_words('adjective'), *lex.rel_words(gender='m')])}ه?)"
        prep_year = context("prep_year")
        self.YNOUN = (r"(?:[وبلف]|وب|ول|" + alt(prep_year) + r"\s)?(?:ال|لل|ل)?"
                      + alt(year_words("noun")) + rf"\s?(?:{self.YADJ}\s(?:{self.YADJ}\s)?)?")
        self.YPREP = f"(?:{alt(prep_year)}|و{alt([w for w, v in prep_year.items() if v])})"
        this_year = n(r"(?:ال|هذا\sال|هذه\sال)") + self.YSING      # العام، هذه السنة
        self.YNOUN_REL = (n(r"\s(?:من\s)?") + f"(?P<ynoun>{this_year})"
                          + rf"(?:\s(?P<yrel>{self.REL}))?")
        self.MREL = (rf"(?:\s(?P<mrel>{self.REL_M}){E}|" + n(r"\s(?:من\s)?")
                     + rf"{this_year}(?:\s(?P<yrel>{self.REL}))?{E})")
        # the year of a part: 2024, العام الماضي, هذا العام (not العام الدراسي)
        self.YSPEC = (n(r"(?:(?:من|في)\s)?(?:(?:ال|ل|لل)?") + self.YSING + rf"\s)?(?P<y>{self.YEARX})"
                      + "|" + n(r"(?:(?:من|في)\s)?(?:هذا\s|هذه\s)?(?P<ry>ال") + self.YSING
                      + rf")(?!\s{alt(context('year_not_calendar'))}{E})(?:\s(?P<ryrel>{self.REL}){E})?"
                      + rf"(?:\s(?P<yy>{self.YEARX}))?"
                      + "|" + n(r"(?:(?:من|في)\s)?(?P<this>هذا العام|هذه السنة)"))

    def _days(self, lex: Lexicon) -> None:
        self.DFILL = n(r"\s?(?:من\s)?(?:شهر\s)?")
        self.MONP = rf"(?P<m1>{self.MON})(?:(?:\s?(?P<psep>[/(]|-)\s?|\s)(?P<m1b>{self.MON})\s?\)?)?"
        self.MON2 = rf"(?:(?:\s?[/(-]\s?|\s)(?P<m1b>{self.MON})(?:\s?\))?)?"
        self.TOD = alt(lex.day_parts("day", "weekday"))
        self.TOD_REL = alt(lex.day_parts("day", "weekday", "relday"))
        # "يومي الاثنين والثلاثاء 2 و3 ديسمبر": two weekdays before two days; the first
        # weekday belongs to the first day
        between = alt([*context("equivalent"), *lex.rel_words(gender="m", moving=True), n("في")])
        wdpre = (rf"(?:(?:{self.TOD}|" + n("يومي") + rf")\s)?(?P<wd>{self.WD})"
                 rf"(?:\s?(?:و|-|/)\s?{self.WD})?\s?,?\s?(?:{between}\s?,?\s?)?")
        daypre = rf"(?:{alt(lex.day_parts('day'))}\s)?" + n(r"(?:يوم|يومي)\s")
        self.WDPRE = f"(?:{wdpre}|{W}{daypre})"
        self.DLIST = rf"(?P<dmid>(?:\s?(?:,\s?|و\s?){DAYNUM}){{0,6}})"


class Grammar:
    """The compiled patterns, as attributes by name and in :attr:`patterns`."""

    def __init__(self, lex: Lexicon) -> None:
        from akhbar.extract.dates import patterns
        f = _Fragments(lex)
        self.f = f
        self.patterns: dict[str, Pattern] = {}
        for name, family, build in patterns.PATTERNS:
            p = Pattern(name, family, regex.compile(build(lex, f)))
            self.patterns[name] = p
            setattr(self, name, p.regex)
        self.sent = regex.compile(r"[.!?;:\n](?=\s|$)|[«»\"]")
        self.triggers = _triggers(lex)
        self.trigger_keys = frozenset(self.triggers)


def _triggers(lex: Lexicon) -> dict[str, tuple[str, ...]]:
    """Trigger word (with its clitic forms) -> the families of patterns it lets run."""
    from akhbar.extract.dates.patterns import MONTHS_PLURAL
    fam: dict[str, set[str]] = {}

    def add(words, f):
        for w in words:
            fam.setdefault(w.split()[0], set()).add(f)

    add(lex.greg, "mon")
    add(lex.hijri, "hmon")
    add([t for *_, t in lex.holidays.values()], "hol")
    add([n("الشهر")], "shahr")
    add([*lex.parts, *MONTHS_PLURAL, *("ال" + w for w in MONTHS_PLURAL)], "part")
    add(lex.edges, "edge")
    add([w for w in lex.relative_days if " " not in w], "relday")
    add(lex.periods, "relper")
    add(lex.wd, "wd")
    add(lex.decades, "dec")
    add(context("ago"), "ago")
    out: dict[str, set[str]] = {}
    for w, fs in fam.items():
        forms = {w} | {c + w for c in ("و", "ب", "ل", "ف", "وب", "ول", "وف")}
        if w.startswith("ال"):
            forms |= {"لل" + w[2:], "ولل" + w[2:]}
        for form in forms:
            out.setdefault(form, set()).update(fs)
    return {w: tuple(sorted(fs)) for w, fs in out.items()}


@lru_cache(maxsize=1)
def grammar() -> Grammar:
    """The one :class:`Grammar`, compiled on first use."""
    return Grammar(lexicon())
