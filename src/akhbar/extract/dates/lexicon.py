"""The words of dates, read once from the files under ``akhbar/data/dates/``.

Every word list of the dates extractor lives in one data file (with its provenance
header); this module reads them through :mod:`akhbar.data`, normalizes them the way the
text is matched (``"match"``: diacritics dropped, أإآ→ا, ى→ي, ة→ه) and hands them to the
grammar and the rules.  Nothing here is typed twice.

>>> lexicon().relative[n("المنقضية")].offset
-1
>>> lexicon().greg[n("آب")]
8
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, lru_cache

from akhbar import data
from akhbar.text.normalize import normalize

__all__ = ["PRESET", "Edge", "Lexicon", "Relative", "context", "holy_words", "lexicon", "n", "year_words"]

PRESET = "match"


@lru_cache(maxsize=4096)
def n(s: str) -> str:
    """A word or pattern fragment written in ordinary Arabic, in the matched
    normalization."""
    return normalize(s, preset=PRESET)


@dataclass(frozen=True)
class Relative:
    """A relative word (الماضي، المقبلة …): which period it names and its gender."""
    offset: int     # -1 previous, 0 current, +1 next
    gender: str     # "m" or "f"


@dataclass(frozen=True)
class Edge:
    """An edge phrase (مطلع، منتصف، آخر يوم من، العشر الأواخر من …)."""
    part: str       # early, mid or late
    day: int        # 1: the first day, -1: the last day, 0: a part, not one day
    tenth: bool     # العشر … من: ten days of a month
    plural: bool    # نهايات/بدايات: the ends of weeks in general


def _table(name: str, ncols: int) -> list[tuple[str, ...]]:
    """The rows of ``dates/<name>``, padded to ``ncols`` cells, first cell normalized."""
    out = []
    for r in data.rows(f"dates/{name}"):
        r = tuple(r) + ("",) * (ncols - len(r))
        out.append((n(r[0]),) + r[1:ncols])
    return out


@cache
def context(group: str) -> dict[str, str]:
    """The words of one group of ``context.tsv`` (normalized), each with its value."""
    out = {n(w): v for g, w, v in (tuple(r) + ("", "")[:3 - len(r)]
                                   for r in data.rows("dates/context.tsv")) if g == group}
    if not out:
        raise LookupError(f"dates/context.tsv has no group {group!r}")
    return out


def holy_words(after: str) -> list[str]:
    """The attributes of the holy months after ``after`` = "shahr" (الشهر الفضيل: Ramadan,
    not the current month) or "month" (a Hijri month name: رمضان المبارك)."""
    return [w for w, v in context("holy").items() if v in (after, "both")]


@cache
def year_words(kind: str) -> dict[str, str]:
    """The words of one kind of ``year_words.tsv`` (normalized), each with its value."""
    out = {w: v for w, k, v in _table("year_words.tsv", 3) if k == kind}
    if not out:
        raise LookupError(f"dates/year_words.tsv has no kind {kind!r}")
    return out


class Lexicon:
    """Every word list of the dates extractor, normalized; built once by :func:`lexicon`."""

    def __init__(self) -> None:
        raw = data.load_json("dates/months.json")
        extra = raw["written_for_akhbar"]
        self.greg = _names(raw["gregorian"], extra["gregorian"], "month")
        self.hijri = _names(raw["hijri"], extra["hijri"], "month")
        # Babel: 0 = Monday; Python's date.weekday() uses the same numbering.
        self.wd = {n(k): v["weekday"] for k, v in raw["weekdays"].items()}
        self.decades = {n(k): v for k, v in extra.get("decades", {}).items()}
        self.ordinal_days = {w: int(v) for w, v in _table("ordinal_days.tsv", 2)}
        self.relative = {w: Relative(int(o), g) for w, o, g in _table("relative.tsv", 3)}
        self.edges = {w: Edge(p, {"first": 1, "last": -1}.get(d, 0), k == "tenth", k == "plural")
                      for w, p, d, k in _table("edges.tsv", 4)}
        self.holidays = {w: (cal, int(m), int(d), n(t))
                         for w, cal, m, d, t in _table("holidays.tsv", 5)}
        self.relative_days = {w: int(o) for w, o in _table("relative_days.tsv", 2)}
        self.periods = {w: g for w, g in _table("periods.tsv", 2)}
        self.part_ordinals = {w: int(v) for w, v in _table("part_ordinals.tsv", 2)}
        self.parts = {w: (int(size), g) for w, size, g in _table("parts.tsv", 3)}
        self.month_counts = {w: int(v) for w, v in _table("month_counts.tsv", 2)}
        day_parts = _table("day_parts.tsv", 3)
        self.day_part_label = {w: lab for w, lab, _ in day_parts if lab != "-"}
        self.day_part_before = {w: b for w, _, b in day_parts if b != "-"}
        clock = _table("clock_words.tsv", 3)
        self.hours = {w: int(v) for w, k, v in clock if k == "hour"}
        self.fractions = {w: int(v) for w, k, v in clock if k == "fraction"}
        self.minute_words = [w for w, k, _ in clock if k == "minute"]
        self.time_units = {w: (u, f) for w, u, f in _table("time_units.tsv", 3)}
        counted = _table("counted_nouns.tsv", 2)
        self.counted_strict = tuple(w for w, c in counted if c == "both")
        self.counted_plain = tuple(w for w, _ in counted)

    def rel_words(self, *, gender: str | None = None, moving: bool = False) -> list[str]:
        """Relative words of one gender (or both), only those naming another period
        (``moving``: not الجاري/الحالي) if asked."""
        return [w for w, r in self.relative.items()
                if (gender is None or r.gender == gender) and not (moving and r.offset == 0)]

    def rel_offset(self, word: str | None) -> int:
        """-1, 0 or +1 for a relative word (0 for none or an unknown word)."""
        r = self.relative.get(word) if word else None
        return r.offset if r else 0

    def day_parts(self, *where: str) -> list[str]:
        """The parts of the day that open a date in the given places (see day_parts.tsv)."""
        return [w for w, b in self.day_part_before.items() if b in where]


def _names(cldr: dict, written: dict, key: str) -> dict[str, int]:
    out = {n(k): v[key] for k, v in cldr.items()}
    for k, v in written.items():
        out.setdefault(n(k), v)
    return out


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The one :class:`Lexicon`, read on first use."""
    return Lexicon()
