"""Arabic normalization that remembers where every character came from.

Every extractor finds its spans in normalized text and reports them against the
original article text, so this module returns, next to the normalized string, an
:class:`OffsetMap` from normalized positions back to original ones.

The character data comes from camel-tools where it has it (the ``arclean`` char map,
and the letter sets of ``dediac_ar``, ``normalize_alef_ar``,
``normalize_alef_maksura_ar`` and ``normalize_teh_marbuta_ar``); presentation forms
are expanded with Unicode's compatibility decompositions, as camel-tools'
``normalize_unicode`` does, but only for the Arabic presentation blocks so that
``²`` or ``ﬁ`` elsewhere in an article never turn into digits or letters.

Normalization is a character-level mapping: each original character becomes zero,
one or several normalized characters, and runs of horizontal whitespace become one
space. One-to-one replacements go through ``str.translate``; only deletions,
expansions and whitespace runs are visited one by one, so the offset map costs
little on ordinary news text.
"""

from __future__ import annotations

import unicodedata
from bisect import bisect_right
from dataclasses import dataclass, fields, replace
from functools import lru_cache

import regex

from akhbar.errors import ConfigError

__all__ = [
    "NormalizeOptions",
    "OffsetMap",
    "PRESETS",
    "normalize",
    "normalize_with_offsets",
]

# Letters and marks as camel-tools defines them (camel_tools.utils.dediac and
# camel_tools.utils.normalize); kept here as code points so importing akhbar.text does
# not import camel-tools' heavier modules.  tests/test_normalize.py checks that they
# agree with camel-tools on its own documented examples.
_DIACRITICS = "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0670"
# Quranic annotation marks and the extended Arabic marks camel's arclean map drops.
_EXTRA_MARKS = "".join(chr(c) for c in [*range(0x0610, 0x061B), *range(0x0653, 0x0660),
                                        *range(0x06D6, 0x06DD), *range(0x06DF, 0x06E5),
                                        0x06E7, 0x06E8, *range(0x06EA, 0x06EE)])
_TATWEEL = "\u0640"
_ALEFS = {"\u0623": "\u0627", "\u0625": "\u0627", "\u0622": "\u0627", "\u0671": "\u0627"}
_ALEF_MAKSURA = {"\u0649": "\u064a"}
_TEH_MARBUTA = {"\u0629": "\u0647"}
_DIGITS = {**{chr(0x0660 + i): str(i) for i in range(10)},
           **{chr(0x06F0 + i): str(i) for i in range(10)}}
_PUNCTUATION = {"\u060c": ",", "\u061b": ";", "\u061f": "?", "\u066a": "%",
                "\u066b": ".", "\u066c": ",", "\u06d4": "."}
# Zero-width and bidirectional controls: ZWSP, ZWNJ, ZWJ, LRM, RLM, ALM, LRE..RLO,
# WJ, LRI..PDI, BOM/ZWNBSP, soft hyphen, Arabic letter mark.
_CONTROLS = "\u200b\u200c\u200d\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e" \
            "\u2060\u2066\u2067\u2068\u2069\ufeff\u00ad"
# Horizontal whitespace; newlines are structure (paragraphs) and are kept.
_HSPACE = " \t\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008" \
          "\u2009\u200a\u202f\u205f\u3000\u000b\u000c"


@dataclass(frozen=True)
class NormalizeOptions:
    """Which normalization steps run. ``True`` means the step is applied."""

    presentation: bool = True   # expand U+FB50-U+FDFF, U+FE70-U+FEFF (ﻻ -> لا, ﷲ -> الله)
    controls: bool = True       # drop zero-width and bidi controls
    tatweel: bool = True        # drop kashida
    diacritics: bool = True     # drop tashkeel incl. shadda, sukun, dagger alef
    alef: bool = True           # أ إ آ ٱ -> ا
    alef_maksura: bool = False  # ى -> ي
    teh_marbuta: bool = False   # ة -> ه
    digits: bool = True         # Arabic-Indic and Persian digits -> ASCII
    punctuation: bool = True    # ، ؛ ؟ ٪ ٫ ٬ -> , ; ? % . ,
    whitespace: bool = True     # runs of horizontal whitespace -> one space


PRESETS: dict[str, NormalizeOptions] = {
    # For showing text: only invisible or purely typographic differences go.
    "display": NormalizeOptions(diacritics=False, alef=False, digits=False, punctuation=False),
    # The default: what a reader would call "the same text" compares equal.
    "search": NormalizeOptions(),
    # For matching names and lexicons: also folds the letters writers mix up.
    "match": NormalizeOptions(alef_maksura=True, teh_marbuta=True),
}
DEFAULT_PRESET = "search"


def _options(preset: str | NormalizeOptions, overrides: dict) -> NormalizeOptions:
    if isinstance(preset, NormalizeOptions):
        base = preset
    else:
        try:
            base = PRESETS[preset]
        except KeyError:
            raise ConfigError(f"unknown normalization preset {preset!r}; "
                              f"choose one of {sorted(PRESETS)}") from None
    if overrides:
        known = {f.name for f in fields(NormalizeOptions)}
        unknown = set(overrides) - known
        if unknown:
            raise ConfigError(f"unknown normalization option(s) {sorted(unknown)}; "
                              f"known: {sorted(known)}")
        base = replace(base, **{k: bool(v) for k, v in overrides.items()})
    return base


class _Plan:
    """The compiled form of one set of options: a translate table and a regex."""

    def __init__(self, opts: NormalizeOptions):
        self.opts = opts
        one: dict[str, str] = {}
        if opts.alef:
            one.update(_ALEFS)
        if opts.alef_maksura:
            one.update(_ALEF_MAKSURA)
        if opts.teh_marbuta:
            one.update(_TEH_MARBUTA)
        if opts.digits:
            one.update(_DIGITS)
        if opts.punctuation:
            one.update(_PUNCTUATION)
        deleted = ""
        if opts.diacritics:
            deleted += _DIACRITICS + _EXTRA_MARKS
        if opts.tatweel:
            deleted += _TATWEEL
        if opts.controls:
            deleted += _CONTROLS
        self.deleted = frozenset(deleted)
        self.table = str.maketrans(one)
        expand: dict[str, str] = {}
        if opts.presentation:
            for cp in [*range(0xFB50, 0xFE00), *range(0xFE70, 0xFEFF)]:
                ch = chr(cp)
                decomposed = unicodedata.normalize("NFKC", ch)
                if decomposed == ch:
                    continue
                # FE70..FE7F are spacing forms of marks: NFKC gives " \u064b"; they
                # are marks, not a space plus a mark.
                decomposed = decomposed.strip() or decomposed
                mapped = self._apply_simple(decomposed)
                if len(mapped) == 1:
                    one[ch] = mapped
                else:
                    expand[ch] = mapped
            self.table = str.maketrans(one)
        self.expand = expand
        specials = "".join(sorted(self.deleted | set(expand)))
        alts = []
        if specials:
            alts.append(f"[{regex.escape(specials)}]+")
        if opts.whitespace:
            ws = regex.escape(_HSPACE)
            dl = regex.escape("".join(sorted(self.deleted)))
            follow = f"[{ws}{dl}]" if dl else f"[{ws}]"
            # Two or more (whitespace or deleted) characters led by whitespace, or one
            # whitespace character that is not a plain space.  A single space, by far
            # the most common case, is never visited.
            alts.append(f"[{ws}]{follow}+|[{regex.escape(_HSPACE.replace(' ', ''))}]")
        self.pattern = regex.compile("|".join(alts)) if alts else None

    def _apply_simple(self, s: str) -> str:
        table = {}
        o = self.opts
        for m, on in ((_ALEFS, o.alef), (_ALEF_MAKSURA, o.alef_maksura),
                      (_TEH_MARBUTA, o.teh_marbuta), (_DIGITS, o.digits),
                      (_PUNCTUATION, o.punctuation)):
            if on:
                table.update(m)
        return "".join(table.get(c, c) for c in s if c not in self.deleted)

    def replacement(self, chunk: str) -> str:
        """What a matched run of special characters becomes."""
        if self.opts.whitespace and chunk[0] in _HSPACE:
            return " "
        return "".join(self.expand.get(c, "") for c in chunk)


@lru_cache(maxsize=64)
def _plan(opts: NormalizeOptions) -> _Plan:
    return _Plan(opts)


class OffsetMap:
    """Maps positions in a normalized string back to the original string.

    The map is a list of blocks ``(norm_start, norm_end, orig_start, orig_end,
    linear)``.  In a linear block normalized character ``i`` came from original
    character ``orig_start + (i - norm_start)``; in a non-linear block every
    normalized character came from the whole original run (a ligature, or a run of
    whitespace).  Deleted characters form empty blocks and are attached to the
    character before them, so a span that ends on a letter also covers its
    diacritics.
    """

    __slots__ = ("_blocks", "_starts", "norm_len", "orig_len")

    def __init__(self, blocks: list[tuple[int, int, int, int, bool]], norm_len: int,
                 orig_len: int):
        self._blocks = blocks
        self._starts = [b[0] for b in blocks]
        self.norm_len = norm_len
        self.orig_len = orig_len

    @classmethod
    def identity(cls, n: int) -> "OffsetMap":
        return cls([(0, n, 0, n, True)], n, n)

    def start(self, i: int) -> int:
        """Original index where normalized character ``i`` begins."""
        if i >= self.norm_len:
            return self.orig_len
        if i < 0:
            raise IndexError(i)
        k = bisect_right(self._starts, i) - 1
        # skip empty (deletion) blocks that start at the same position
        while self._blocks[k][0] == self._blocks[k][1]:
            k += 1
        n0, _, o0, _, linear = self._blocks[k]
        return o0 + (i - n0) if linear else o0

    def end(self, i: int) -> int:
        """Original index where the normalized prefix ``norm[:i]`` ends (exclusive)."""
        if i <= 0:
            return self.start(0) if self.norm_len else 0
        if i > self.norm_len:
            raise IndexError(i)
        k = bisect_right(self._starts, i - 1) - 1
        while self._blocks[k][0] == self._blocks[k][1]:
            k += 1
        n0, n1, o0, o1, linear = self._blocks[k]
        e = o0 + (i - n0) if linear else o1
        if i == n1:
            # characters deleted right after this one belong to it
            j = k + 1
            while j < len(self._blocks) and self._blocks[j][0] == self._blocks[j][1]:
                e = self._blocks[j][3]
                j += 1
        return e

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original ``(start, end)`` of the normalized span ``norm[start:end]``."""
        if end <= start:
            s = self.start(start)
            return s, s
        return self.start(start), self.end(end)

    def __repr__(self) -> str:
        return f"OffsetMap(norm_len={self.norm_len}, orig_len={self.orig_len}, " \
               f"blocks={len(self._blocks)})"


def normalize(text: str, preset: str | NormalizeOptions = DEFAULT_PRESET, **options) -> str:
    """Normalize Arabic text; see :data:`PRESETS` and :class:`NormalizeOptions`.

    >>> normalize("قالَ الرئيسُ إنّ ٢٠٢٣ ﻻ")
    'قال الرئيس ان 2023 لا'
    >>> normalize("الأمـــين  العام", preset="display")
    'الأمين العام'
    """
    if not isinstance(text, str):
        raise TypeError(f"normalize() needs a str, not {type(text).__name__}")
    plan = _plan(_options(preset, options))
    if plan.pattern is not None:
        text = plan.pattern.sub(lambda m: plan.replacement(m.group()), text)
    return text.translate(plan.table)


def normalize_with_offsets(text: str, preset: str | NormalizeOptions = DEFAULT_PRESET,
                           **options) -> tuple[str, OffsetMap]:
    """Normalize like :func:`normalize` and return the map back to ``text``.

    >>> norm, offsets = normalize_with_offsets("وفي عصر يومِ ١٥ سبتمبر")
    >>> norm
    'وفي عصر يوم 15 سبتمبر'
    >>> s, e = offsets.span(norm.index("يوم"), norm.index("يوم") + 3)
    >>> "وفي عصر يومِ ١٥ سبتمبر"[s:e]
    'يومِ'
    """
    if not isinstance(text, str):
        raise TypeError(f"normalize_with_offsets() needs a str, not {type(text).__name__}")
    plan = _plan(_options(preset, options))
    if plan.pattern is None:
        return text.translate(plan.table), OffsetMap.identity(len(text))
    out: list[str] = []
    blocks: list[tuple[int, int, int, int, bool]] = []
    n = 0      # normalized length so far
    prev = 0   # original position copied up to
    for m in plan.pattern.finditer(text):
        a, b = m.span()
        if a > prev:
            out.append(text[prev:a])
            blocks.append((n, n + a - prev, prev, a, True))
            n += a - prev
        rep = plan.replacement(m.group())
        if rep:
            out.append(rep)
        blocks.append((n, n + len(rep), a, b, len(rep) == b - a == 1))
        n += len(rep)
        prev = b
    if prev < len(text) or not blocks:
        out.append(text[prev:])
        blocks.append((n, n + len(text) - prev, prev, len(text), True))
        n += len(text) - prev
    return "".join(out).translate(plan.table), OffsetMap(blocks, n, len(text))
