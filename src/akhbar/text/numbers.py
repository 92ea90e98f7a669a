"""Arabic numbers: numerals, cardinal number words and ordinals.

Numerals may use Western or Arabic-Indic digits, ``٬``/``,`` thousands separators and
``٫``/``.`` decimal separators.  Number words are read with a small grammar rather
than by summing words, so compounds keep their meaning: ``خمس مائة`` is 500 (a unit
times a bare hundred), ``مائتين وخمسين`` is 250, ``ثلاثة ملايين وخمسمائة ألف`` is
3,500,000, and ``بين 10 و20`` stays two numbers (two groups with no scale word
between them do not add up).

The lexicons live in ``akhbar/data/text/number_words.tsv`` and
``akhbar/data/text/ordinal_words.tsv``; they are loaded once, on first use.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from itertools import filterfalse
from functools import lru_cache
import regex

from akhbar import data
from akhbar.text.normalize import NormalizeOptions, normalize
from akhbar.text.patterns import alternation

#: The normalization numbers are matched under: the "match" preset, but punctuation kept
#: so that the Arabic comma ``،`` is never taken for a thousands separator.
NUMBER_NORM = NormalizeOptions(alef_maksura=True, teh_marbuta=True, punctuation=False)

_SCALES = ("scale", "scale_plural", "scale_dual")




@dataclass(frozen=True)
class _Lexicon:
    words: dict[str, tuple[float, str]]      # normalized form -> (value, type)
    msa: frozenset[str]                      # forms searched for in running text
    ordinals: dict[str, tuple[int, str]]     # normalized form -> (value, type)


@lru_cache(maxsize=1)
def _lexicon() -> _Lexicon:
    words: dict[str, tuple[float, str]] = {}
    msa: set[str] = set()
    for form, value, typ, register in data.rows("text/number_words.tsv"):
        key = normalize(form, NUMBER_NORM)
        words[key] = (float(value), typ)
        if register == "msa":
            msa.add(key)
    ordinals = {normalize(form, NUMBER_NORM): (int(value), typ)
                for form, value, typ in data.rows("text/ordinal_words.tsv")}
    return _Lexicon(words, frozenset(msa), ordinals)


def number_words() -> dict[str, tuple[float, str]]:
    """The cardinal number words, normalized with :data:`NUMBER_NORM`: form -> (value, type).

    >>> number_words()["خمسه"]
    (5.0, 'unit')
    """
    return _lexicon().words




# A numeral: grouped thousands (1,234,567 / 1٬234 / 1.234.567) or a plain digit run,
# then an optional decimal part.  Bounded everywhere.
# News-agency style (KUNA, SPA) writes a decimal with ر and its digits in reverse order:
# 5ر3 مليون is 3.5 million, 4ر14 is 14.4.
# The Arabic comma is a decimal separator too (21،5 نقطة) when one or two digits follow it
# and the run is not a list (35،17،22: no member is a decimal).
_DIGITS = (r"(?:\d{1,4}ر\d{1,4}(?![\p{L}\d])"
           r"|(?:\d{1,3}(?:[,٬]\d{3}){1,5}|\d{1,3}(?:\.\d{3}){2,5}|\d{1,15})"
           r"(?:[.٫,]\d{1,8}(?!\d)|(?<!\d،\d{1,15})،\d{1,2}(?!\d|،\d))?)")


@lru_cache(maxsize=1)
def _token_re() -> regex.Pattern:
    lex = _lexicon()
    return regex.compile(
        rf"(?P<dig>(?<![\d.,٫٬]){_DIGITS}(?![\d]|[.,٫٬]\d))"
        rf"|(?P<word>(?:(?<!\p{{L}})|(?<=(?<!\p{{L}})[وبلفك]))(?:{alternation(lex.words)})(?!\p{{L}}))"
        r"|(?P<waw>(?<!\p{L})و(?=\s{0,2}(?:\d|\p{L})))"
    )


@lru_cache(maxsize=1)
def number_phrase_re() -> regex.Pattern:
    """The compiled regex for a run of numerals and MSA number words in normalized text.

    It matches candidates only; :func:`scan_numbers` parses them.  Text must be
    normalized with :data:`NUMBER_NORM`.

    >>> bool(number_phrase_re().search(normalize("نحو ثلاثة آلاف شخص", NUMBER_NORM)))
    True
    """
    lex = _lexicon()
    word = rf"(?:{alternation(lex.msa)})(?!\p{{L}})"
    tok = rf"(?:{_DIGITS}(?![\d]|[.,٫٬]\d)|{word})"
    first = "".join(sorted({f[0] for f in lex.msa} | set("وبلفكا")))
    return regex.compile(
        rf"(?=[\d{first}])(?<![\p{{L}}\d.,٫٬])"
        rf"(?:[وبلف](?={word})|[وبلفك](?=\d)|ب\s(?=\d)|[وبلف]?ال\s?(?=\d))?"
        rf"(?P<num>{tok}(?:(?:\s{{1,2}}(?:و\s{{0,2}})?|(?<=\d)(?=\p{{L}})){tok}){{0,10}})"
    )


@dataclass
class _Tok:
    kind: str          # "digit" or a lexicon type
    value: float
    start: int
    end: int
    waw: bool          # a conjunction و came right before it
    text: str


def _digit_value(s: str) -> tuple[float, float | None]:
    """Value of a numeral, and the thousands reading when ``1.234`` is ambiguous."""
    raw = s
    if "ر" in s:                               # 5ر3: 3.5 (see _DIGITS)
        frac, whole = s.split("ر")
        return float(f"{int(whole)}.{frac}"), None
    s = s.replace("٬", ",").replace("٫", ".").replace("،", ".")
    if "," in s and "." in s:
        if s.rfind(".") > s.rfind(","):        # 1,234.5
            return float(s.replace(",", "")), None
        return float(s.replace(".", "").replace(",", ".")), None   # 1.234,5
    if s.count(".") > 1:                       # 1.234.567: dots group thousands
        return float(s.replace(".", "")), None
    if "," in s:
        groups = s.split(",")
        if all(len(g) == 3 for g in groups[1:]) and 1 <= len(groups[0]) <= 3:
            return float("".join(groups)), None
        if len(groups) == 2:                   # 1,5: a decimal comma
            return float(s.replace(",", ".")), None
        return float("".join(groups)), None
    if "." in s:
        head, tail = s.split(".")
        if "." not in raw:
            return float(s), None              # ٫ is only ever a decimal point
        alt = float(head + tail) if len(tail) == 3 and 1 <= len(head) <= 3 \
            and head != "0" else None
        return float(s), alt
    return float(s), None


def _tokens(text: str, start: int = 0, end: int | None = None) -> list[_Tok]:
    lex = _lexicon()
    out: list[_Tok] = []
    waw = False
    for m in _token_re().finditer(text, start, len(text) if end is None else end):
        if m.group("waw"):
            waw = True
            continue
        if m.group("dig"):
            value, _ = _digit_value(m.group())
            out.append(_Tok("digit", value, m.start(), m.end(), waw, m.group()))
        else:
            value, typ = lex.words[m.group()]
            out.append(_Tok(typ, value, m.start(), m.end(), waw, m.group()))
        waw = False
    return out


def _parse(toks: list[_Tok], in_range: bool = False) -> tuple[float, int]:
    """Parse the longest grammatical prefix of ``toks``: ``(value, tokens used)``.

    A scale word that is not smaller than the one before it ends the number before the
    group it follows (``60 ألفا و150 ألف`` are two numbers), except that a larger scale
    multiplies the whole number so far: ``16 ألفا و794 مليار`` is 16,794 billion, the
    way budgets are written.  ``in_range``: the phrase follows بين or من, where
    ``بين 500 ألف و2 مليون`` is two numbers.
    """
    total = 0.0
    last_scale = math.inf
    hundreds = 0.0          # the hundreds of the current group
    sub = 0.0               # the part below a hundred of the current group
    digits: float | None = None
    has_unit = has_tens = has_teen = False
    after_scale = False
    used = 0
    group_start = 0         # index of the first token after the last scale word

    def group_empty() -> bool:
        return digits is None and hundreds == 0 and sub == 0 and not (has_unit or has_teen)

    for i, t in enumerate(toks):
        k, v = t.kind, t.value
        if k == "zero":
            if i == 0 and len(toks) == 1:
                return 0.0, 1
            break
        if k == "digit":
            if not group_empty() or (total and (not t.waw or v >= last_scale)):
                break
            digits = v
        elif k == "unit":
            if digits is not None or has_unit or has_tens or has_teen:
                break
            if total and not t.waw and hundreds == 0:
                break
            sub += v
            has_unit = True
        elif k == "ten":
            if has_unit and not t.waw and not has_tens and sub < 10:
                sub += 10                        # ثلاث عشرة, اثنا عشر
                has_teen, has_unit = True, False
            elif group_empty() or (hundreds and sub == 0 and not has_unit):
                if total and not t.waw:
                    break
                sub += 10
                has_teen = True
            else:
                break
        elif k == "teen":
            if digits is not None or sub or has_unit:
                break
            sub, has_teen = v, True
        elif k == "tens":
            if digits is not None or has_tens or has_teen or (has_unit and not t.waw):
                break
            if total and not t.waw and hundreds == 0 and not has_unit:
                break
            sub += v
            has_tens = True
        elif k == "hundred":
            if has_unit and not has_tens and not has_teen and hundreds == 0 and v == 100 \
                    and not t.waw:
                hundreds, sub, has_unit = sub * 100, 0.0, False      # خمس مائة
            elif group_empty():
                if total and not t.waw:
                    break
                hundreds = v
            else:
                break
        elif k in _SCALES:
            scale = v / 2 if k == "scale_dual" else v
            if scale >= last_scale:
                if k == "scale" and group_empty() and not t.waw and used == i \
                        and toks[i - 1].kind in _SCALES:
                    total *= scale                   # ألف مليار: a thousand billion
                    last_scale = total
                    used = i + 1
                    continue
                if total and not group_empty() and toks[group_start].waw \
                        and k != "scale_dual":
                    if scale > last_scale and not in_range:
                        group = digits if digits is not None else hundreds + sub
                        total = (total + group) * scale      # 16 ألفا و794 مليار
                        last_scale = scale
                        hundreds = sub = 0.0
                        digits = None
                        has_unit = has_tens = has_teen = False
                        used = group_start = i + 1
                        after_scale = True
                        continue
                    used = group_start                       # 60 ألفا | و150 ألف
                break
            if group_empty():
                if k == "scale_plural":
                    break                        # آلاف alone: "thousands of", vague
                if total and not t.waw:
                    break
                mult = 2.0 if k == "scale_dual" else 1.0
                if k == "scale_dual" and t.text.endswith("ا") and i + 1 < len(toks) \
                        and toks[i + 1].waw:
                    mult = 1.0                   # ألفًا وتسعمائة: accusative, not dual
            else:
                mult = digits if digits is not None else hundreds + sub
            total += mult * scale
            last_scale = scale
            hundreds = sub = 0.0
            digits = None
            has_unit = has_tens = has_teen = False
            used = group_start = i + 1
            after_scale = True
            continue
        elif k == "fraction":
            if after_scale and group_empty() and t.waw and total:
                total += v * last_scale          # مليون ونصف
                used = i + 1
                nxt = toks[i + 1] if i + 1 < len(toks) else None
                if nxt is not None and not nxt.waw and nxt.kind in ("scale", "scale_plural") \
                        and nxt.value == last_scale:
                    used = i + 2                 # مليون ونصف مليون: the scale said again
                break
            if i == 0:
                sub, has_unit = v, True          # نصف مليون
            elif not group_empty() and t.waw and digits is None:
                sub += v                         # ثلاثة ونصف
                used = i + 1
                break
            else:
                break
        else:
            break
        after_scale = False
        used = i + 1
    if used == 0:
        return math.nan, 0
    # recompute the value of exactly the used prefix
    if used < len(toks):
        return _parse(toks[:used], in_range)
    return total + (digits if digits is not None else hundreds + sub), used


@dataclass(frozen=True)
class NumberSpan:
    """A number found in normalized text."""

    start: int
    end: int
    value: float
    alt_value: float | None   # thousands reading of an ambiguous ``1.234``
    words: bool               # written (partly) in words
    n_tokens: int
    first_kind: str           # lexicon type of the first token ("digit" for numerals)
    has_scale: bool
    prefix: str               # an attached preposition or conjunction (و ب ل ف ك)
    pstart: int               # start including that prefix
    scale: float              # the last scale word's value (1.0 when none)


# ----------------------------------------------------------------------------- windows
#
# The patterns of this module and of the statistics extractor are anchored on lexicon
# words and digits, which are sparse in news text.  Running them over the whole text
# costs a failed attempt at nearly every letter; running them only in windows around
# the words and digits that can start or continue a match gives the same matches.
# Every match contains such a "trigger", starts at most ``before`` characters before
# it and reaches at most ``after`` characters past the last trigger it chains; the
# patterns' lookbehinds see the text before a window, and each window ends at a
# whitespace character, so their lookaheads see what they would see in the whole text.

_LETTER_RUN = regex.compile(r"\p{L}+")
_DIGIT_RUN = regex.compile(r"\d+")
_WHITESPACE = regex.compile(r"\s")


class WordIndex:
    """The letter runs (``\\p{L}+``) and digit runs of one text, found once.

    ``alpha`` is False when some letter run holds a character that Python's ``str``
    methods (and so the standard ``re`` engine's ``\\w``) do not call a letter: a
    pattern of the ``re`` engine then cannot rely on these runs for its word edges.
    """

    __slots__ = ("text", "chunks", "runs", "alpha", "_digits", "_number_windows")

    def __init__(self, text: str):
        self.text = text
        # A whitespace-separated chunk that is in a word list is a whole letter run.
        # The runs inside the other chunks (those with a character that is not a
        # ``str.isalpha`` letter, which both engines call a letter) need the regex.
        self.chunks = text.split()
        self.runs = _LETTER_RUN.findall(" ".join(filterfalse(str.isalpha, self.chunks)))
        self.alpha = "".join(self.runs).isalpha() or not self.runs
        self._digits: list[tuple[int, int]] | None = None
        self._number_windows: list[tuple[int, int]] | None = None

    def digit_spans(self) -> list[tuple[int, int]]:
        if self._digits is None:
            self._digits = [m.span() for m in _DIGIT_RUN.finditer(self.text)]
        return self._digits

    def word_spans(self, vocab: frozenset[str]) -> list[tuple[int, int]]:
        """Spans of the whole letter runs of ``text`` that are in ``vocab``.

        A neighbour that ``str.isalpha`` calls a letter is a letter for both regex
        engines, so the edge test keeps every run (and perhaps a few more spans).
        """
        text, out = self.text, []
        n = len(text)
        for w in vocab.intersection(self.chunks).union(vocab.intersection(self.runs)):
            k = len(w)
            i = text.find(w)
            while i >= 0:
                j = i + k
                if (i == 0 or not text[i - 1].isalpha()) and (j == n or not text[j].isalpha()):
                    out.append((i, j))
                i = text.find(w, i + 1)
        return out

    def windows(self, spans, before: int, after: int) -> list[tuple[int, int]]:
        """Disjoint windows holding ``[a - before, b + after)`` of every span ``(a, b)``,
        each ending at a whitespace character (or the end of the text)."""
        text, n = self.text, len(self.text)
        out: list[list[int]] = []
        for a, b in sorted(spans):
            a, b = max(0, a - before), min(n, b + after)
            if out and a <= out[-1][1]:
                if b > out[-1][1]:
                    out[-1][1] = b
                continue
            out.append([a, b])
        merged: list[tuple[int, int]] = []
        for a, b in out:
            if merged and a <= merged[-1][1]:
                a = merged.pop()[0]          # the previous window ran to this one
            m = _WHITESPACE.search(text, b) if b < n else None
            merged.append((a, m.start() if m else n))
        return merged


@lru_cache(maxsize=4)
def word_index(text: str) -> WordIndex:
    """:class:`WordIndex` of ``text``, shared by the scanners that read the same text."""
    return WordIndex(text)


@lru_cache(maxsize=1)
def _number_vocab() -> frozenset[str]:
    """Letter runs that hold a searched number word or an ordinal word: the word, with
    or without the article, alone or after و/ب/ل/ف/ك."""
    lex = _lexicon()
    words = set(lex.msa) | set(lex.ordinals)
    words |= {"ال" + w for w in lex.ordinals}
    return frozenset(words | {p + w for p in "وبلفك" for w in words})


def number_windows(norm: str) -> list[tuple[int, int]]:
    """Disjoint spans of ``norm`` outside which it holds no number phrase, ordinal,
    phone number or clock time: 6 characters before and 8 after each digit run and each
    number or ordinal word, to the next whitespace.

    A number phrase starts at most 4 characters before its first token (وال 5) and
    chains tokens at most 5 apart (" و  "); an ordinal starts at most 5 before its
    digits (والـ  78) and runs at most 7 past its word (" عشره" and the next letter).
    """
    idx = word_index(norm)
    if idx._number_windows is None:
        idx._number_windows = idx.windows(idx.word_spans(_number_vocab())
                                          + idx.digit_spans(), 6, 8)
    return idx._number_windows


# searched backwards from a number phrase: بين / ما بين / من right before it
_RANGE_BEFORE = regex.compile(r"(?r)(?<!\p{L})(?:بين|من)\s{1,2}\Z")


def scan_numbers(norm: str) -> list[NumberSpan]:
    """Every number in ``norm`` (normalized with :data:`NUMBER_NORM`), left to right.

    >>> [(s.value, norm[s.start:s.end]) for norm in [normalize("بين 10 و20 مليون دولار",
    ...      NUMBER_NORM)] for s in scan_numbers(norm)]
    [(10.0, '10'), (20000000.0, '20 مليون')]
    """
    out: list[NumberSpan] = []
    pat = number_phrase_re()
    for m in (m for a, b in number_windows(norm) for m in pat.finditer(norm, a, b)):
        a, b = m.span("num")
        toks = _tokens(norm, a, b)
        prefix = norm[m.start():a].strip()
        pstart = m.start()
        in_range = bool(_RANGE_BEFORE.search(norm, max(0, pstart - 8), pstart))
        while toks:
            value, used = _parse(toks, in_range)
            in_range = False
            if used == 0:
                toks = toks[1:]
                continue
            part = toks[:used]
            alt = None
            if used == 1 and part[0].kind == "digit":
                _, alt = _digit_value(part[0].text)
            scales = [t.value / 2 if t.kind == "scale_dual" else t.value
                      for t in part if t.kind in _SCALES]
            out.append(NumberSpan(part[0].start, part[-1].end, value, alt,
                                  any(t.kind != "digit" for t in part), used, part[0].kind,
                                  bool(scales), prefix, pstart,
                                  scales[-1] if scales else 1.0))
            if used < len(toks):
                nxt = toks[used]
                prefix = "و" if nxt.waw else ""
                pstart = norm.rfind("و", part[-1].end, nxt.start) if nxt.waw else nxt.start
            toks = toks[used:]
    return out


_DIGITS_RE = regex.compile(_DIGITS)


@lru_cache(maxsize=8192)
def _norm_word(word: str) -> str:
    return normalize(word, NUMBER_NORM)


def _split_tokens(s: str) -> list[_Tok] | None:
    """Tokens of a whole phrase by whitespace and dictionary look-up (no regex scan);
    None when any word is not a number word."""
    words = _lexicon().words
    out: list[_Tok] = []
    waw = False
    pos = 0
    for w in s.split():
        start = s.index(w, pos)
        pos = start + len(w)
        if w == "و":
            waw = True
            continue
        for cand, w_waw in ((w, False), (w[1:], True)):
            if w_waw and (not w.startswith("و") or not cand):
                return None
            if cand in words:
                value, typ = words[cand]
                out.append(_Tok(typ, value, pos - len(cand), pos, waw or w_waw, cand))
                break
            if _DIGITS_RE.fullmatch(cand):
                out.append(_Tok("digit", _digit_value(cand)[0], pos - len(cand), pos,
                                waw or w_waw, cand))
                break
        else:
            return None
        waw = False
    return None if waw else out


_SIMPLE_FRACTION = regex.compile(r"(-?)(\d{1,15})/(\d{1,15})")


def parse_number(text: str) -> float | None:
    """The value of a numeral or number-word phrase standing alone, else ``None``.

    >>> parse_number("أربعمائة وخمسة وعشرين")
    425.0
    >>> parse_number("مائتين وخمسين"), parse_number("خمس مائة"), parse_number("١٫٥ مليون")
    (250.0, 500.0, 1500000.0)
    >>> parse_number("وزير") is None
    True
    """
    if not isinstance(text, str):
        return None
    # number phrases reuse a small vocabulary: normalize word by word, with a cache
    s = " ".join(_norm_word(w) for w in text.split()).strip()
    if not s:
        return None
    sign = 1.0
    if s[0] in "-−":
        sign, s = -1.0, s[1:].strip()
    m = _SIMPLE_FRACTION.fullmatch(s)
    if m and float(m.group(3)):
        return sign * float(m.group(2)) / float(m.group(3))
    if s.startswith((".", "٫")) and s[1:].isdigit():
        return sign * float("0." + s[1:])
    if "فاصله" in s:                        # واحد فاصلة خمسة: 1.5
        head, _, tail = s.partition("فاصله")
        whole, frac = parse_number(head), parse_number(tail)
        if whole is None or frac is None or frac != int(frac):
            return None
        return sign * float(f"{int(whole)}.{int(frac)}")
    toks = _split_tokens(s)
    if not toks:
        return None
    value, used = _parse(toks)
    if used != len(toks):
        return None
    return sign * value


# ---------------------------------------------------------------------------- ordinals

@lru_cache(maxsize=1)
def _ordinal_word_re() -> regex.Pattern:
    return regex.compile(rf"(?:ال)?(?:{alternation(_lexicon().ordinals)})")


def _ordinal_token(word: str) -> tuple[int, str, bool] | None:
    """(value, type, definite) of one normalized ordinal word."""
    ords = _lexicon().ordinals
    if word in ords:
        v, t = ords[word]
        return v, t, False
    if word.startswith("ال") and word[2:] in ords:
        v, t = ords[word[2:]]
        return v, t, True
    return None


_ORD_DIGITS = regex.compile(r"ال\s{0,2}(\d{1,6})")


_ORD_SPACES = regex.compile(r"\s{1,3}")


def parse_ordinal(text: str) -> int | None:
    """The value of an ordinal word phrase standing alone, else ``None``.

    Reads الأول … العاشر (both genders), الحادي عشر … التاسع عشر, tens (العشرون),
    compounds (الثاني والثلاثون), ``الـ 78`` and the adverbs أولاً، ثانياً.

    >>> parse_ordinal("الثاني والثلاثون"), parse_ordinal("الحادية عشرة"), parse_ordinal("الـ 78")
    (32, 11, 78)
    >>> parse_ordinal("ثانياً"), parse_ordinal("السابعة")
    (2, 7)
    >>> parse_ordinal("سبعة") is None
    True
    """
    if not isinstance(text, str):
        return None
    return _parse_ordinal(text)


@lru_cache(maxsize=4096)
def _parse_ordinal(text: str) -> int | None:
    s = normalize(text, NUMBER_NORM).strip()
    m = _ORD_DIGITS.fullmatch(s)
    if m:
        return int(m.group(1))
    parts = _ORD_SPACES.split(s)
    # glue a detached conjunction: "الخامس و العشرون"
    words: list[tuple[str, bool]] = []
    waw = False
    for p in parts:
        if p == "و":
            waw = True
            continue
        if p.startswith("و") and _ordinal_token(p) is None and _ordinal_token(p[1:]):
            words.append((p[1:], True))
        else:
            words.append((p, waw))
        waw = False
    if not words or waw:
        return None
    toks = [_ordinal_token(w) for w, _ in words]
    if any(t is None for t in toks):
        return None
    (v0, t0, def0), rest = toks[0], toks[1:]
    if not rest:
        if t0 in ("ord", "adverb"):
            return v0
        if t0 in ("tens", "hundred", "thousand") and def0:
            return v0
        return None
    if len(rest) == 1:
        v1, t1, _ = rest[0]
        waw1 = words[1][1]
        if t0 in ("ord", "ord_unit") and v0 < 10 and t1 == "teen_ten" and not waw1:
            return v0 + 10
        if t0 in ("ord", "ord_unit") and v0 < 10 and t1 == "tens" and waw1:
            return v0 + v1
    return None
