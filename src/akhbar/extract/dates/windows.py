"""Trigger windows: a pattern only ever runs on windows of text around the words of its
trigger family (a few words either side), which keeps the cost per article near a
millisecond.  Trigger words are found with set operations and ``str.find`` (C speed).
"""

from __future__ import annotations

import re as regex  # the stdlib engine: several times faster than `regex` on these patterns

import regex as _regex_engine

from akhbar.extract.dates.grammar import Grammar

__all__ = ["DIGIT_RUN", "Windows"]

_BEFORE, _AFTER = 50, 60   # window size in characters around a trigger
# Digit runs are found with the `regex` engine, three times faster than `re` at this
# scan.  Its \d (a newer Unicode) holds every character `re`'s \d holds (str.isdecimal),
# so each `re` digit run lies inside one of its runs; a run with a digit `re` does not
# know is split again with `re`.
_DIGIT_RUN = _regex_engine.compile(r"\d+")
DIGIT_RUN = regex.compile(r"\d+")
_NUMSEP = regex.compile(r"\d\s?[/.-]\s?\d")
_PUNCT = regex.compile(r"[/()«»\"',.:;!?\-–—\[\]{}|*_+=<>\t“”‘’]")


class Windows:
    """Merged spans of ``norm`` around each trigger family's words, built on demand."""

    def __init__(self, gram: Grammar, norm: str):
        self.gram, self.norm = gram, norm
        self.hits = _word_hits(gram, norm)
        y4, ns = _digit_hits(norm)
        if y4:
            self.hits["y4"] = y4
        if ns:
            self.hits["numsep"] = ns
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
        """The matches of pattern ``name`` inside its family's windows."""
        p = self.gram.patterns[name]
        spans = self._family_spans(p.family)
        if not spans:
            return []
        pat, norm = p.regex, self.norm
        return [m for a, b in spans for m in pat.finditer(norm, a, b)]


def _word_hits(gram: Grammar, norm: str) -> dict[str, list[int]]:
    spaced = _PUNCT.sub(" ", norm)
    hits: dict[str, list[int]] = {}
    trig = gram.triggers
    for w in set(spaced.split()) & gram.trigger_keys:
        fams = trig[w]
        i = spaced.find(w)
        while i >= 0:
            j = i + len(w)
            if (i == 0 or spaced[i - 1].isspace()) and (j == len(spaced) or spaced[j].isspace()):
                for f in fams:
                    hits.setdefault(f, []).append(i)
            i = spaced.find(w, j)
    return hits


def _digit_hits(norm: str) -> tuple[list[int], list[int]]:
    """Four-digit runs, and the starts of _NUMSEP.finditer(norm): a match starts on the
    last digit of a run, never inside the match before it."""
    y4: list[int] = []
    ns: list[int] = []
    last = 0
    for m in _DIGIT_RUN.finditer(norm):
        a, b = m.span()
        runs = ((a, b),) if norm[a:b].isdecimal() else \
            [r.span() for r in DIGIT_RUN.finditer(norm, a, b)]
        for a, b in runs:
            if b - a == 4:
                y4.append(a)
            if b - 1 >= last:
                sep = _NUMSEP.match(norm, b - 1)
                if sep:
                    ns.append(b - 1)
                    last = sep.end()
    return y4, ns
