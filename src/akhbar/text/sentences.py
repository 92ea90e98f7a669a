"""Sentence splitting with offsets into the original text.

A sentence ends at ``.``, ``!``, ``?``, ``؟``, ``؛``, ``;`` or ``…`` (a run of them counts
once, together with closing quotes and brackets right after it) and at every line
break; akhbar's articles keep one paragraph per line, so no sentence ever crosses a
paragraph.  A terminator does not end a sentence

- inside a number (``12.5``) or a word (``vnanet.vn``, ``x.php?id=1``): a period must be
  followed by whitespace, a closing quote or the end of the line;
- after an initial (``م. أحمد``, ``J. Smith``) or an abbreviation from
  ``data/text/abbreviations.txt`` (``أ.د.``, ``Dr.``); the era letters ``م``/``هـ`` after a
  year (``عام 2023م.``) are not initials and do end a sentence;
- after a list number at the start of a line (``1. ...``);
- inside a matched pair of quotes or brackets on the same line (``«...»``, ``"..."``,
  ``(...)``): a quotation is one sentence of the text around it.  Unmatched quotes
  protect nothing.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from akhbar import data

__all__ = ["Sentence", "sentences", "abbreviations"]


class Sentence(NamedTuple):
    """One sentence: its text and its offsets into the source text."""

    text: str
    start: int
    end: int


_TERM = ".!?\u061f\u061b;\u2026"
_OPEN = {"«": "»", "“": "”", "(": ")", "[": "]", "{": "}", "‹": "›", "„": "“", "﴾": "﴿"}
_CLOSE = {v: k for k, v in _OPEN.items() if k != "„"}
_CLOSERS = "»”)]}›\"'’﴿"
_TERM_RUN = re.compile(rf"[{re.escape(_TERM)}]{{1,20}}[{re.escape(_CLOSERS)}]{{0,4}}")
_PAIRS = re.compile(r"[«“()\[\]{}‹›„﴾﴿»”\"]")
_LINES = re.compile(r"[^\r\n]+")
# The word before a period, in one script (وJ. is و + the initial J), dots inside
# (U.S, أ.د) allowed.
_WORD_BEFORE = re.compile(
    r"(?:(?<![A-Za-z])((?:[A-Za-z]{1,15}\.){0,3}[A-Za-z]{1,15})"
    r"|(?<![\u0621-\u064a])((?:[\u0621-\u064a\u0640]{1,15}\.){0,3}[\u0621-\u064a\u0640]{1,15})"
    r"|(?<!\d)(\d{1,4}))$")
_YEAR_ERA = re.compile(r"\d\s?(?:م|هـ|ه)$")
_LIST_NUMBER = re.compile(r"\s{0,8}\d{1,3}$")
_HAS_WORD = re.compile(r"[^\W_]")
_ARABIC_LETTER = re.compile(r"[\u0621-\u064a\u0671-\u06d3]")


@lru_cache(maxsize=1)
def abbreviations() -> frozenset[str]:
    """The abbreviations a period after which does not end a sentence (lower-cased).

    >>> "dr" in abbreviations() and "أ.د" in abbreviations()
    True
    """
    return frozenset(w.lower() for w in data.lines("text/abbreviations.txt"))


def _protected(line: str) -> list[tuple[int, int]]:
    """Outermost (open, close) positions of the matched quote/bracket pairs of a line."""
    stack: list[tuple[str, int]] = []
    spans: list[tuple[int, int]] = []
    for m in _PAIRS.finditer(line):
        c, i = m.group(), m.start()
        if c == '"':
            if stack and stack[-1][0] == '"':
                spans.append((stack.pop()[1], i))
            else:
                stack.append((c, i))
        elif c in _OPEN and not (c == "“" and stack and stack[-1][0] == "„"):
            stack.append((c, i))
        else:
            want = _CLOSE.get(c, "„" if c == "“" else None)
            # pop back to the matching opener; openers left unclosed inside are dropped
            for k in range(len(stack) - 1, -1, -1):
                if stack[k][0] == want:
                    spans.append((stack[k][1], i))
                    del stack[k:]
                    break
    if not spans:
        return []
    spans.sort()
    outer = [spans[0]]
    for a, b in spans[1:]:
        if a > outer[-1][1]:
            outer.append((a, b))
        elif b > outer[-1][1]:
            outer[-1] = (outer[-1][0], b)
    return outer


def _is_boundary(line: str, a: int, b: int) -> bool:
    """Does the terminator run ``line[a:b]`` end a sentence?"""
    run = line[a:b]
    after = line[b:b + 1]
    if run[0] == "." and len(run.rstrip(_CLOSERS)) == 1:
        # a single period: not inside numbers, words, URLs, abbreviations, initials
        if after and not after.isspace() and after not in _CLOSERS:
            return False
        before = line[max(0, a - 16):a]
        m = _WORD_BEFORE.search(before)
        if m:
            word = m.group(m.lastindex).rstrip("\u0640")
            if word.lower() in abbreviations():
                return False
            if len(word) == 1 and not word.isdigit():
                return bool(_YEAR_ERA.search(line[max(0, a - 4):a]))
            if word.isdigit() and _LIST_NUMBER.fullmatch(line[:a]):
                return False
        return True
    if after and not after.isspace() and after not in _CLOSERS:
        # "x.php?id=1", "...!؟x": only Arabic text right after ؟ ! ؛ is a new sentence
        return run[-1] in "\u061f\u061b!" and bool(_ARABIC_LETTER.match(after))
    return True


def sentences(text: str) -> list[Sentence]:
    """Split ``text`` into :class:`Sentence` with offsets; never across a line break.

    >>> [s.text for s in sentences("بلغ النمو 5.5% هذا العام. وقال د. أحمد: «نحن سعداء. جدا.» ثم غادر!")]
    ['بلغ النمو 5.5% هذا العام.', 'وقال د. أحمد: «نحن سعداء. جدا.» ثم غادر!']
    >>> sentences("السطر الأول\\nالسطر الثاني؟")[1]
    Sentence(text='السطر الثاني؟', start=12, end=25)
    """
    if not isinstance(text, str):
        raise TypeError(f"sentences() needs a str, not {type(text).__name__}")
    out: list[Sentence] = []
    for lm in _LINES.finditer(text):
        line, off = lm.group(), lm.start()
        cuts = []
        prot = None
        last = 0
        for m in _TERM_RUN.finditer(line):
            a, b = m.span()
            if prot is None:
                prot = _protected(line)
            if any(p < a < q for p, q in prot):
                continue
            # a leading ".." (a paragraph that opens with dots) is not a sentence
            if _is_boundary(line, a, b) and _HAS_WORD.search(line, last, a):
                cuts.append(b)
                last = b
        start = 0
        for cut in [*cuts, len(line)]:
            seg = line[start:cut]
            stripped = seg.strip()
            if stripped:
                s = off + start + (len(seg) - len(seg.lstrip()))
                out.append(Sentence(stripped, s, s + len(stripped)))
            start = cut
    return out
