"""Arabic normalization that remembers where every character came from.

Every extractor finds its spans in normalized text and reports them against the
original article text, so this module returns, next to the normalized string, an
:class:`OffsetMap` from normalized positions back to original ones.

The character data comes from camel-tools where it has it: the letter sets of
``dediac_ar``, ``normalize_alef_ar``, ``normalize_alef_maksura_ar`` and
``normalize_teh_marbuta_ar``, the special cases of ``normalize_unicode`` (﷼, ﷽), and
the ``arclean`` char map, read from camel-tools' own JSON file (option ``arclean``;
preset ``"arclean"`` reproduces ``CharMapper.builtin_mapper("arclean")``).
Presentation forms are expanded with Unicode's compatibility decompositions, as
``normalize_unicode`` does, but only for the Arabic presentation blocks, so that ``²``
or ``ﬁ`` elsewhere in an article never turn into digits or letters.

Normalization is a character-level mapping (plus canonical composition of a letter
with a following madda/hamza mark, and whitespace runs becoming one space): each
original character becomes zero, one or several normalized characters.  All steps
are folded into one table per set of options.  The frequent one-to-one replacements
(alef variants, digits, Arabic punctuation) are applied with ``str.replace``, which
never moves an offset; everything that changes length (deletions, expansions,
whitespace runs) and the rare one-to-one replacements are found by one regex pass,
so the offset map costs little on ordinary news text.

Differences from camel-tools, on purpose:

- ``٫`` (Arabic decimal separator) becomes ``.`` and ``٬`` (thousands separator)
  ``,``, so ``٥٫٠٥`` normalizes to ``5.05``; camel's ``arclean`` maps them to ``,`` and
  ``'`` (the ``"arclean"`` preset keeps camel's behaviour).
- Zero-width and bidi controls are deleted; ``arclean`` turns U+2000..U+200F into a
  space, which splits words written with a ZWNJ.
- ``arclean`` maps a few characters to characters it then deletes (``⁋`` -> ``¶``);
  our ``arclean`` step is taken to its fixed point (``⁋`` -> nothing) so that
  normalization stays idempotent.
- ``normalize_unicode`` applies NFKC to everything (``²`` -> ``2``, ``ﬁ`` -> ``fi``);
  we expand only the Arabic presentation blocks.
"""

from __future__ import annotations

import json
import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass, fields, replace
from functools import lru_cache
from importlib.util import find_spec
from pathlib import Path

from akhbar.errors import ConfigError

__all__ = [
    "NormalizeOptions",
    "OffsetMap",
    "PRESETS",
    "DEFAULT_PRESET",
    "normalize",
    "normalize_with_offsets",
]

# Letters and marks as camel-tools defines them (camel_tools.utils.charsets
# AR_DIAC_CHARSET and camel_tools.utils.normalize); kept here as code points so that
# importing akhbar.text does not import camel-tools.  tests/test_normalize.py checks
# that they agree with camel-tools on its own documented examples.
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
# Persian and Urdu letter shapes that Arabic text typed on other keyboards carries:
# keheh, Farsi yeh, heh doachashmee, heh goal, ...  Farsi yeh is written for both ي
# and ى; inside a word it has dots, so it is read as ي (camel's arclean says ى).
_LETTERS = {"\u06a9": "\u0643", "\u06aa": "\u0643", "\u06cc": "\u064a", "\u06d0": "\u064a",
            "\u06d2": "\u064a", "\u06be": "\u0647", "\u06c1": "\u0647", "\u06c2": "\u0647",
            "\u06c0": "\u0647", "\u06c3": "\u0629", "\u06d5": "\u0647", "\u06cf": "\u0648",
            "\u0672": "\u0627", "\u0673": "\u0627", "\u0675": "\u0627"}
# camel-tools' normalize_unicode special cases, applied before NFKC.
_UNICODE_FIX = {"\ufdfc": "ريال", "\ufdfd": "بسم الله الرحمن الرحيم"}
# A base letter followed by madda/hamza above/below: canonical composition (NFC)
# turns ا+ٓ into آ, ا+ٔ into أ, و+ٔ into ؤ, ي+ٔ into ئ, ...
_COMPOSE_BASES = "\u0627\u0648\u064a\u06c1\u06d2\u06d5"
_COMPOSE_MARKS = "\u0653\u0654\u0655"
# Zero-width and bidirectional controls: ZWSP, ZWNJ, ZWJ, LRM, RLM, ALM, LRE..RLO,
# WJ, invisible operators, LRI..PDI, BOM/ZWNBSP, soft hyphen, Mongolian vowel separator.
_CONTROLS = "\u200b\u200c\u200d\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e" \
            "\u2060\u2061\u2062\u2063\u2064\u2066\u2067\u2068\u2069\ufeff\u00ad\u180e"
# Horizontal whitespace; newlines are structure (paragraphs) and are kept.
_HSPACE = " \t\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008" \
          "\u2009\u200a\u202f\u205f\u3000\u000b\u000c"
# One-to-one replacements frequent enough in news text to be applied with
# str.replace rather than found by the regex.
_FREQUENT = frozenset(_ALEFS) | frozenset(_ALEF_MAKSURA) | frozenset(_TEH_MARBUTA) \
    | frozenset(_DIGITS) | frozenset(_PUNCTUATION)


@dataclass(frozen=True)
class NormalizeOptions:
    """Which normalization steps run. ``True`` means the step is applied."""

    presentation: bool = True   # expand U+FB50-U+FDFF, U+FE70-U+FEFF (ﻻ -> لا, ﷲ -> الله)
    controls: bool = True       # drop zero-width and bidi controls
    compose: bool = True        # ا + ٔ -> أ (canonical composition of madda/hamza marks)
    letters: bool = True        # Persian/Urdu letter shapes -> Arabic (ک -> ك, ی -> ي)
    arclean: bool = False       # camel-tools' arclean char map (drops non-Arabic/Latin-1)
    tatweel: bool = True        # drop kashida
    diacritics: bool = True     # drop tashkeel incl. shadda, sukun, dagger alef
    alef: bool = True           # أ إ آ ٱ -> ا
    alef_maksura: bool = False  # ى -> ي
    teh_marbuta: bool = False   # ة -> ه
    digits: bool = True         # Arabic-Indic and Persian digits -> ASCII
    punctuation: bool = True    # ، ؛ ؟ ٪ ٫ ٬ ۔ -> , ; ? % . , .
    whitespace: bool = True     # runs of horizontal whitespace -> one space


_ALL_OFF = NormalizeOptions(**{f.name: False for f in fields(NormalizeOptions)})

PRESETS: dict[str, NormalizeOptions] = {
    # For showing text: only invisible or purely typographic differences go.
    "display": NormalizeOptions(letters=False, diacritics=False, alef=False, digits=False,
                                punctuation=False),
    # The default: what a reader would call "the same text" compares equal.
    "search": NormalizeOptions(),
    # For matching names and lexicons: also folds the letters writers mix up.
    "match": NormalizeOptions(alef_maksura=True, teh_marbuta=True),
    # camel-tools' arclean CharMapper alone (taken to its fixed point, see above).
    "arclean": replace(_ALL_OFF, arclean=True),
}
DEFAULT_PRESET = "search"


def _options(preset: str | NormalizeOptions, overrides: dict) -> NormalizeOptions:
    if not overrides:
        if isinstance(preset, str) and preset in PRESETS:
            return PRESETS[preset]
        return _resolve(preset, overrides)
    try:
        return _resolve_cached(preset, tuple(overrides.items()))
    except TypeError:  # an unhashable option value: resolve it uncached
        return _resolve(preset, overrides)


@lru_cache(maxsize=256)
def _resolve_cached(preset, overrides: tuple) -> NormalizeOptions:
    """:func:`_resolve`, memoized: extractors pass the same overrides millions of times."""
    return _resolve(preset, dict(overrides))


def _resolve(preset: str | NormalizeOptions, overrides: dict) -> NormalizeOptions:
    if isinstance(preset, NormalizeOptions):
        base = preset
    else:
        try:
            base = PRESETS[preset]
        except (KeyError, TypeError):
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


@lru_cache(maxsize=1)
def _arclean_map() -> tuple[dict[str, str | None], str | None]:
    """camel-tools' arclean char map, expanded: (char -> str or None, default)."""
    spec = find_spec("camel_tools")
    if spec is None or not spec.submodule_search_locations:
        raise ConfigError("the 'arclean' normalization step needs camel-tools; "
                          "install it with: pip install camel-tools")
    path = Path(list(spec.submodule_search_locations)[0]) / "utils" / "charmaps" \
        / "arclean_map.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    out: dict[str, str | None] = {}
    for key, value in data.get("charMap", {}).items():
        if len(key) == 3 and key[1] == "-":
            for cp in range(ord(key[0]), ord(key[2]) + 1):
                out[chr(cp)] = value
        else:
            out[key] = value
    return out, data.get("default")


def _char_class(chars) -> str:
    """A regex character class body for ``chars``, as ranges."""
    cps = sorted({ord(c) for c in chars})
    parts = []
    i = 0
    while i < len(cps):
        j = i
        while j + 1 < len(cps) and cps[j + 1] == cps[j] + 1:
            j += 1
        a, b = chr(cps[i]), chr(cps[j])
        parts.append(re.escape(a) if i == j else f"{re.escape(a)}-{re.escape(b)}")
        i = j + 1
    return "".join(parts)


class _Plan:
    """The compiled form of one set of options: replace pairs, a table and a regex."""

    def __init__(self, opts: NormalizeOptions):
        self.opts = opts
        steps: list[tuple[dict[str, str | None], str | None]] = []
        if opts.controls:
            steps.append(({c: "" for c in _CONTROLS}, None))
        if opts.presentation:
            pres: dict[str, str | None] = {}
            for cp in [*range(0xFB50, 0xFE00), *range(0xFE70, 0xFEFF)]:
                ch = chr(cp)
                dec = _UNICODE_FIX.get(ch) or unicodedata.normalize("NFKC", ch)
                if dec != ch:
                    # FE70..FE7F are spacing forms of marks: NFKC gives " \u064b"; they
                    # are marks, not a space plus a mark.
                    pres[ch] = dec.strip() or dec
            steps.append((pres, None))
        if opts.letters:
            steps.append((dict(_LETTERS), None))
        if opts.arclean:
            steps.append(_arclean_map())
        deleted = ""
        if opts.tatweel:
            deleted += _TATWEEL
        if opts.diacritics:
            deleted += _DIACRITICS + _EXTRA_MARKS
        if deleted:
            steps.append(({c: "" for c in deleted}, None))
        one: dict[str, str | None] = {}
        for table, on in ((_ALEFS, opts.alef), (_ALEF_MAKSURA, opts.alef_maksura),
                          (_TEH_MARBUTA, opts.teh_marbuta), (_DIGITS, opts.digits),
                          (_PUNCTUATION, opts.punctuation)):
            if on:
                one.update(table)
        if one:
            steps.append((one, None))
        self._steps = steps
        self.default_delete = opts.arclean and _arclean_map()[1] == ""
        known = set(_arclean_map()[0]) if self.default_delete else set()

        # Fold every step into one map: char -> what it finally becomes.
        candidates = set().union(*(t for t, _ in steps)) if steps else set()
        cmap: dict[str, str] = {}
        for c in candidates:
            out = self.run(c)
            if out != c:
                cmap[c] = out
        ws = set(_HSPACE) if opts.whitespace else set()
        if opts.whitespace:
            # characters that become only whitespace are whitespace too
            ws |= {c for c, v in cmap.items() if v and not v.strip(_HSPACE)}
        self.cmap = cmap
        self.ws = frozenset(ws)
        # frequent one-to-one replacements: applied with str.replace
        self.pairs = [(c, v) for c, v in sorted(cmap.items())
                      if c in _FREQUENT and len(v) == 1 and c not in ws]
        frequent = {c for c, _ in self.pairs}
        # everything else that changes: the regex
        deleted_set = {c for c, v in cmap.items() if v == "" and c not in ws}
        expand_set = {c for c, v in cmap.items() if v and c not in frequent and c not in ws}
        if self.default_delete:
            kept = {c for c in known if c not in cmap} | frequent | ws | {"\n", "\r"}
            del_cls = f"[^{_char_class(kept | expand_set)}]"
        else:
            del_cls = f"[{_char_class(deleted_set)}]" if deleted_set else None
        alts = []
        if ws:
            wcls = _char_class(ws)
            follow = f"(?:[{wcls}]|{del_cls})" if del_cls else f"[{wcls}]"
            # Two or more (whitespace or deleted) characters led by whitespace, or one
            # whitespace character that is not a plain space.  A single space, by far
            # the most common case, is never visited.
            alts.append(f"[{wcls}]{follow}+")
            if ws - {" "}:
                alts.append(f"[{_char_class(ws - {' '})}]")
        if del_cls:
            alts.append(f"{del_cls}+")
        if expand_set:
            alts.append(f"[{_char_class(expand_set)}]")
        self.pattern = re.compile("|".join(alts)) if alts else None
        # The fast path of normalize(): deletions in one C-level pass, then the rare
        # whitespace runs and expansions.  Same result: deleted characters become
        # nothing wherever they stand.
        self.del_re = re.compile(f"{del_cls}+") if del_cls else None
        rest = []
        if ws:
            rest.append(f"[{wcls}]{{2,}}")
            if ws - {" "}:
                rest.append(f"[{_char_class(ws - {' '})}]")
        if expand_set:
            rest.append(f"[{_char_class(expand_set)}]")
        self.rest_re = re.compile("|".join(rest)) if rest else None
        self.compose_re = re.compile(f"[{_COMPOSE_BASES}][{_COMPOSE_MARKS}]") \
            if opts.compose else None
        self._kept = kept if self.default_delete else None
        self._luts = None
        # Composition needs a pattern that tries every alef, waw and yeh; texts with no
        # madda/hamza mark at all (nearly all) use the pattern without it.
        self.compose_pattern = None
        if opts.compose:
            self.compose_pattern = re.compile(
                "|".join([f"[{_COMPOSE_BASES}][{_COMPOSE_MARKS}]", *alts]))
        self._cache: dict[str, str] = {}

    def pattern_for(self, text: str):
        """The regex to run over ``text`` (None: nothing but replace pairs to do)."""
        if self.compose_pattern is not None and (
                "\u0654" in text or "\u0653" in text or "\u0655" in text):
            return self.compose_pattern
        return self.pattern

    def run(self, s: str) -> str:
        """Apply every step in order to ``s``, until nothing changes (fixed point)."""
        for _ in range(4):
            t = s
            for table, default in self._steps:
                t = "".join(v if (v := table.get(c, default)) is not None else c for c in t)
            if t == s:
                return t
            s = t
        return s

    def replacement(self, chunk: str) -> str:
        """What a matched chunk becomes."""
        r = self._cache.get(chunk)
        if r is not None:
            return r
        c0 = chunk[0]
        if c0 in self.ws:
            r = " "
        elif len(chunk) == 2 and chunk[1] in _COMPOSE_MARKS and self.opts.compose \
                and c0 in _COMPOSE_BASES:
            r = self.run(unicodedata.normalize("NFC", chunk))
        else:
            get = self.cmap.get
            r = "".join(get(c, "") for c in chunk)
        if len(chunk) <= 4:
            self._cache[chunk] = r
        return r

    def _sub(self, m: re.Match) -> str:
        return self.replacement(m.group())

    def has_marks(self, text: str) -> bool:
        """Whether ``text`` holds a madda/hamza mark that composition may absorb."""
        return self.compose_re is not None and (
            "\u0654" in text or "\u0653" in text or "\u0655" in text)

    def luts(self):
        """numpy tables over the BMP: output length of each character, whitespace."""
        if self._luts is None:
            import numpy as np
            length = np.full(0x10000, 0 if self.default_delete else 1, dtype=np.int32)
            if self._kept is not None:
                length[[ord(c) for c in self._kept if ord(c) < 0x10000]] = 1
            for c, v in self.cmap.items():
                length[ord(c)] = len(v)
            isws = np.zeros(0x10000, dtype=bool)
            for c in self.ws:
                length[ord(c)] = 1
                isws[ord(c)] = True
            base = np.zeros(0x10000, dtype=bool)
            mark = np.zeros(0x10000, dtype=bool)
            base[[ord(c) for c in _COMPOSE_BASES]] = True
            mark[[ord(c) for c in _COMPOSE_MARKS]] = True
            # what each character becomes when it becomes exactly one character
            out = np.arange(0x10000, dtype=np.uint32)
            for c, v in self.cmap.items():
                if len(v) == 1:
                    out[ord(c)] = ord(v)
            for c in self.ws:
                out[ord(c)] = 0x20
            self._luts = (length, isws, base, mark, out)
        return self._luts

    def finish(self, text: str) -> str:
        """Apply the frequent one-to-one replacements."""
        for a, b in self.pairs:
            if a in text:
                text = text.replace(a, b)
        return text


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

    __slots__ = ("_blocks", "_starts", "_arrays", "norm_len", "orig_len")

    def __init__(self, blocks: list[tuple[int, int, int, int, bool]], norm_len: int,
                 orig_len: int):
        self._blocks = blocks
        self._starts = [b[0] for b in blocks]
        self._arrays = None
        self.norm_len = norm_len
        self.orig_len = orig_len

    @classmethod
    def from_arrays(cls, starts, ends, orig_len: int) -> "OffsetMap":
        """A map given, for every normalized character, its original start and end
        (the end covers the deleted characters that follow it)."""
        m = cls([], len(starts), orig_len)
        m._arrays = (starts, ends)
        return m

    @classmethod
    def identity(cls, n: int) -> "OffsetMap":
        """The map of a string that normalization left unchanged in length."""
        return cls([(0, n, 0, n, True)], n, n)

    def start(self, i: int) -> int:
        """Original index where normalized character ``i`` begins."""
        if i >= self.norm_len:
            return self.orig_len
        if i < 0:
            raise IndexError(i)
        if self._arrays is not None:
            return int(self._arrays[0][i])
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
        if self._arrays is not None:
            return int(self._arrays[1][i - 1])
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
        """Original ``(start, end)`` of the normalized span ``norm[start:end]``.

        >>> norm, m = normalize_with_offsets("الأمـــينُ العام")
        >>> m.span(0, 6)
        (0, 10)
        """
        if end <= start:
            s = self.start(start)
            return s, s
        return self.start(start), self.end(end)

    def __repr__(self) -> str:
        kind = "arrays" if self._arrays is not None else f"blocks={len(self._blocks)}"
        return f"OffsetMap(norm_len={self.norm_len}, orig_len={self.orig_len}, {kind})"


#: A text at least this long whose first matches come denser than one per
#: 1/_ARRAY_DENSITY characters (fully vocalized text: a diacritic after every letter)
#: gets its offset map from numpy arrays, one pass over the code points, instead of a
#: Python step per deleted character.  News text (a few diacritics per thousand
#: characters) stays on the regex path, which is faster there.
_ARRAY_MIN_LEN = 512
_ARRAY_DENSITY = 1 / 40


def _with_offsets_arrays(plan: _Plan, text: str):
    """normalize_with_offsets by arrays; None if the lengths do not add up."""
    import numpy as np
    codes = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    length, isws, base, mark, one = plan.luts()
    bmp = codes < 0x10000
    idx = np.where(bmp, codes, 0)
    out_len = np.where(bmp, length[idx], 0 if plan.default_delete else 1)
    bases = None
    if plan.has_marks(text):
        paired = np.zeros(len(codes), dtype=bool)
        paired[1:] = mark[idx[1:]] & base[idx[:-1]] & bmp[1:] & bmp[:-1]
        out_len[paired] = 0
        bases = np.flatnonzero(paired) - 1
        out_len[bases] = 1
    if plan.ws:
        pos = np.flatnonzero(out_len)
        w = isws[idx[pos]] & bmp[pos]
        out_len[pos[1:][w[1:] & w[:-1]]] = 0
    norm = None
    if not (out_len > 1).any():
        # every kept character becomes one character: build the string from arrays
        keep = np.flatnonzero(out_len)
        oc = np.where(bmp[keep], one[idx[keep]], codes[keep])
        if bases is not None and len(bases):
            for b in bases.tolist():
                rep = plan.replacement(text[b:b + 2])
                if len(rep) != 1:
                    oc = None
                    break
                oc[np.searchsorted(keep, b)] = ord(rep)
        if oc is not None:
            norm = oc.astype(np.uint32).tobytes().decode("utf-32-le", "surrogatepass")
    if norm is None:
        norm = _normalize(plan, text)
    if int(out_len.sum()) != len(norm):  # pragma: no cover - a safety net
        return None
    n = len(codes)
    starts = np.repeat(np.arange(n, dtype=np.int64), out_len)
    pos = np.flatnonzero(out_len)
    nxt = np.empty(len(pos), dtype=np.int64)
    nxt[:-1] = pos[1:]
    if len(pos):
        nxt[-1] = n
    ends = np.repeat(nxt, out_len[pos])
    return norm, OffsetMap.from_arrays(starts, ends, n)


def normalize(text: str, preset: str | NormalizeOptions = DEFAULT_PRESET, **options) -> str:
    """Normalize Arabic text; see :data:`PRESETS` and :class:`NormalizeOptions`.

    ``preset`` is ``"search"`` (default), ``"display"``, ``"match"`` or ``"arclean"``;
    keyword options switch single steps on or off (``normalize(t, teh_marbuta=True)``).

    >>> normalize("قالَ الرئيسُ إنّ ٢٠٢٣ ﻻ")
    'قال الرئيس ان 2023 لا'
    >>> normalize("الأمـــين  العام", preset="display")
    'الأمين العام'
    >>> normalize("مدرسة على", preset="match")
    'مدرسه علي'
    """
    if not isinstance(text, str):
        raise TypeError(f"normalize() needs a str, not {type(text).__name__}")
    return _normalize(_plan(_options(preset, options)), text)


def _normalize(plan: _Plan, text: str) -> str:
    if plan.has_marks(text):
        text = plan.compose_re.sub(plan._sub, text)
    if plan.del_re is not None:
        text = plan.del_re.sub("", text)
    if plan.rest_re is not None:
        text = plan.rest_re.sub(plan._sub, text)
    return plan.finish(text)


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
    pattern = plan.pattern_for(text)
    if pattern is None:
        return plan.finish(text), OffsetMap.identity(len(text))
    out: list[str] = []
    blocks: list[tuple[int, int, int, int, bool]] = []
    n = 0      # normalized length so far
    prev = 0   # original position copied up to
    rep_of = plan.replacement
    long_text = len(text) >= _ARRAY_MIN_LEN
    for count, m in enumerate(pattern.finditer(text), 1):
        a, b = m.span()
        if long_text and not count & 63 and count > b * _ARRAY_DENSITY:
            # dense in deletions (vocalized text): one array pass beats a Python step
            # per diacritic
            result = _with_offsets_arrays(plan, text)
            if result is not None:
                return result
            long_text = False
        if a > prev:
            out.append(text[prev:a])
            blocks.append((n, n + a - prev, prev, a, True))
            n += a - prev
        rep = rep_of(m.group())
        k = len(rep)
        if k:
            out.append(rep)
        blocks.append((n, n + k, a, b, k == b - a == 1))
        n += k
        prev = b
    if not blocks:
        return plan.finish(text), OffsetMap.identity(len(text))
    if prev < len(text):
        out.append(text[prev:])
        blocks.append((n, n + len(text) - prev, prev, len(text), True))
        n += len(text) - prev
    return plan.finish("".join(out)), OffsetMap(blocks, n, len(text))
