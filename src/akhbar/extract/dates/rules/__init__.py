"""The candidate rules: each a small named function that reads the matches of one or
two patterns and adds :class:`~akhbar.extract.dates.candidate.Cand` objects.

Rules run in the order of :data:`RULES`; among candidates of the same length and
priority the earlier one wins, so the order is part of the grammar.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from akhbar.extract.dates.candidate import Cand
from akhbar.extract.dates.grammar import Grammar
from akhbar.extract.dates.lexicon import Lexicon
from akhbar.extract.dates.windows import Windows

__all__ = ["RULES", "Scan", "candidates"]


@dataclass
class Scan:
    """What every rule reads (the normalized text, its windows, the lexicon) and the
    candidates found so far."""
    gram: Grammar
    lex: Lexicon
    norm: str
    win: Windows
    out: list[Cand] = field(default_factory=list)

    def matches(self, name: str) -> list:
        return self.win.finditer(name)


from akhbar.extract.dates.rules import absolute, hijri, parts, relative, years

RULES = (
    absolute.day_month, absolute.month_year, hijri.month_year,
    absolute.month_in_context, hijri.month_in_context, absolute.month_coordination,
    absolute.month_range, hijri.holidays,
    years.year_after_noun, years.year_after_preposition, years.year_of_event,
    years.year_with_suffix, years.year_range, years.year_coordination, years.year_pair,
    hijri.hijri_year,
    absolute.numeric_date, absolute.numeric_month_year, absolute.numeric_day_month,
    parts.part_of_year, parts.months_counted, parts.edge_of_period,
    relative.relative_day, relative.relative_period, relative.ago, relative.relative_weekday,
    relative.day_of_relative_month, parts.week_of_month, parts.decade,
)


def candidates(gram: Grammar, lex: Lexicon, norm: str) -> list[Cand]:
    """Every candidate of every rule, in rule order."""
    sc = Scan(gram, lex, norm, Windows(gram, norm))
    for rule in RULES:
        rule(sc)
    return sc.out
