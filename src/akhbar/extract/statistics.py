"""Statistics in Arabic news: counts, money, percentages, measures and ordinals.

One pass finds every number (numerals and number words, see
:mod:`akhbar.text.numbers`); each is then read in its context:

* before it: a qualifier (نحو، أكثر من، لا يقل عن ...), ``بين``/``من`` opening a range,
  ``نسبة`` (a percentage), or a word that makes it an identifier (القرار رقم 59، المادة 5),
  a phone number, a rank (المركز 3) or a year (عام 2015);
* after it: a percent sign or phrase, a currency (symbol, noun, noun + adjective, ISO
  code), a unit of measure, or the counted noun (تعليق، منطقة تجارة حرة، شريكاً).

Numbers inside the date extractor's spans (years, day numbers) are not statistics.
Ordinal words (الثاني والثلاثون، الحادي عشر، الـ 78) are rows of kind ``ordinal``.
"""

from __future__ import annotations

from bisect import bisect_right

import math
import re
from dataclasses import dataclass
from functools import lru_cache

import pandas as pd
import regex

from akhbar import data
from akhbar._tables import register_table
from akhbar.extract import _base
from akhbar.text.normalize import normalize, normalize_with_offsets
from akhbar.text.patterns import alternation, suffix_alternation
from akhbar.text.numbers import (NUMBER_NORM, NumberSpan, number_words,
                                  number_windows, parse_ordinal, scan_numbers,
                                  word_index)

try:  # the date extractor is written in parallel; work without it until it lands
    from akhbar.extract.dates import find_dates as _find_dates
except ImportError:  # pragma: no cover - depends on the checkout
    _find_dates = None

STAT_SCHEMA = {"article_id": "string", "text": "string", "start": "int64", "end": "int64",
               "value": "float64", "kind": "string", "unit": "string", "unit_norm": "string",
               "currency": "string", "qualifier": "string", "value_low": "float64",
               "value_high": "float64"}

KINDS = ("count", "money", "percent", "ordinal", "measure", "share", "ratio")
QUALIFIERS = ("exact", "approx", "more_than", "less_than", "at_least", "at_most")


@lru_cache(maxsize=8192)
def _n(s: str) -> str:
    return normalize(s, NUMBER_NORM)


@lru_cache(maxsize=8192)
def _search_norm(word: str) -> str:
    return normalize(word, "search")


def _tsv(name: str) -> list[list[str]]:
    return [line.split("\t") for line in data.text("statistics/" + name).splitlines()
            if line.strip() and not line.startswith("#")]


_alt = alternation


@dataclass(frozen=True)
class _Lex:
    ctx: dict[str, dict[str, str]]          # type -> {normalized form: value}
    before: dict[str, regex.Pattern]        # type -> pattern ending at the number
    after: dict[str, regex.Pattern]         # type -> pattern starting after the number
    cur_nouns: dict[str, tuple[str, str]]   # form -> (base noun, default ISO)
    cur_names: dict[str, str]               # "noun adj" (base, normalized) -> ISO
    cur_adj: dict[str, str]                 # adjective spelling -> CLDR adjective
    cur_symbols: dict[str, str]
    subunits: dict[str, tuple[str, float]]
    iso_codes: frozenset[str]
    currency_re: regex.Pattern
    symbol_before_re: regex.Pattern
    units: dict[str, tuple[str, str]]       # form -> (unit_norm, dimension)
    unit_re: regex.Pattern
    plurals: dict[str, str]
    plural_values: frozenset[str]
    months: frozenset[str]
    ordinal_re: regex.Pattern
    duals: dict[str, tuple[str, str, str]]  # form -> (unit_norm, kind, currency)
    dual_re: re.Pattern
    dual_vocab: frozenset[str]              # letter runs that hold a dual noun
    cur_display: dict[str, str]             # base noun (normalized) -> as written
    country_re: dict[str, regex.Pattern]    # currency noun -> country-name stems
    country_iso: dict[tuple[str, str], str]
    subunit_after: regex.Pattern            # "و43 سنت" after a main-unit amount


def _strip_al(w: str) -> str:
    return w[2:] if w.startswith("ال") and len(w) > 4 else w


def _adj_key(w: str) -> str:
    """An adjective reduced to its masculine indefinite form: الأمريكية -> امريكي."""
    w = _strip_al(w)
    for suf in ("يين", "يون", "يه", "يا"):
        if w.endswith(suf) and len(w) > len(suf) + 2:
            return w[: -len(suf)] + "ي"
    return w


@lru_cache(maxsize=1)
def _lex() -> _Lex:
    ctx: dict[str, dict[str, str]] = {}
    for row in _tsv("context.tsv"):
        typ, form = row[0], row[1]
        ctx.setdefault(typ, {})[_n(form)] = row[2] if len(row) > 2 else ""
    word_end = r"(?!\p{L})"
    # searched backwards from the number: the match ends there, and a forward search
    # would try every one of the 40 positions before it
    before = {typ: regex.compile(rf"(?r)(?<![\p{{L}}\d])[وف]?(?:{suffix_alternation(forms)})"
                                 rf"\s{{0,2}}[(\[]?\s{{0,2}}\Z")
              for typ, forms in ctx.items()}
    after = {typ: regex.compile(rf"\s{{0,2}}(?:{_alt(forms)}){word_end}")
             for typ, forms in ctx.items() if typ in ("qual_after", "year_mark")}
    after["percent_after"] = regex.compile(
        rf"\s{{0,2}}(?:[%٪]|(?:{_alt(f for f in ctx['percent_after'] if f not in '%٪')}){word_end})")

    cur_nouns: dict[str, tuple[str, str]] = {}
    cur_names: dict[str, str] = {}
    cur_adj: dict[str, str] = {}
    symbols: dict[str, str] = {}
    subunits: dict[str, tuple[str, float]] = {}
    places: list[tuple[str, str]] = []          # a city may name two currencies' countries
    cur_display: dict[str, str] = {}
    for row in _tsv("currency_forms.tsv"):
        typ, form, value = row[0], row[1], row[2]
        note = row[3] if len(row) > 3 else ""
        if typ == "noun":
            cur_nouns[_n(form)] = (_n(value), note)
            cur_display.setdefault(_n(value), value)
        elif typ == "adj":
            cur_adj[_adj_key(_n(form))] = _adj_key(_n(value))
        elif typ == "name":
            cur_names[_n(form)] = value
        elif typ == "symbol":
            symbols[form] = value
        elif typ == "place":
            places.append((_n(form), value))
        elif typ == "subunit":
            subunits[_n(form) if form.isalpha() and not form.isascii() else form] = \
                (_n(value), float(note))
            cur_display.setdefault(_n(value), value)
    codes = set()
    current = set()
    for iso, name, sym, status in (r + [""] * (4 - len(r)) for r in _tsv("currencies_cldr.tsv")):
        codes.add(iso)
        if status == "current":
            current.add(iso)
        words = _n(name).split()
        if len(words) >= 2:
            noun = cur_nouns.get(words[0], (words[0], ""))[0]
            cur_names.setdefault(f"{noun} {_adj_key(' '.join(words[1:2]))}", iso)
            cur_names.setdefault(_n(name), iso)
        elif words:
            cur_names.setdefault(words[0], iso)
        if sym and any("\u0600" <= c <= "\u06ff" for c in sym):
            cur_names.setdefault(_n(sym).rstrip("."), iso)
    # full names written as noun + adjective: make their adjective known too
    for key, iso in list(cur_names.items()):
        parts = key.split()
        if len(parts) == 2 and parts[0] in cur_nouns:
            cur_names.setdefault(f"{cur_nouns[parts[0]][0]} {_adj_key(parts[1])}", iso)
    noun_alt = _alt(cur_nouns)
    name_alt = _alt([k for k in cur_names if " " in k or "." in k]
                    + [k + "." for k in cur_names if "." in k])
    code_alt = _alt(codes)
    sym_alt = _alt(list(symbols) + [s for s in subunits if not s.isalpha() or s.isascii()])
    currency_re = regex.compile(
        rf"\s{{0,2}}(?:(?P<name>{name_alt})(?!\p{{L}})"
        rf"|(?P<noun>{noun_alt})(?:\s{{1,2}}(?P<adj>(?:ال)?\p{{L}}{{3,14}}))?(?!\p{{L}})"
        rf"|(?P<sub>{_alt(s for s in subunits if s.isalpha() and not s.isascii())})(?!\p{{L}})"
        rf"|(?P<code>{code_alt})(?![A-Za-z])"
        rf"|(?P<sym>{sym_alt}))")
    symbol_before_re = regex.compile(rf"(?r)(?:{suffix_alternation(symbols)})\s{{0,2}}\Z")

    units = {}
    for form, norm_form, dim, _factor in _tsv("units.tsv"):
        units[_n(form)] = (norm_form, dim)
    unit_re = regex.compile(rf"\s{{0,2}}(?P<u>{_alt(units)})ا?(?![\p{{L}}\d])")
    plurals = {_n(p): s for p, s in _tsv("unit_plurals.tsv")}

    months_data = data.load_json("dates/months.json")
    months = set()
    for section in ("gregorian", "hijri", "weekdays", "written_for_akhbar"):
        for name in months_data.get(section, {}) or {}:
            if isinstance(name, str):
                months.add(_n(name).split()[0])

    from akhbar.text.numbers import _lexicon
    ords = _lexicon().ordinals
    ord_words = [f for f, (_, t) in ords.items() if t in ("ord", "ord_unit", "tens")]
    one = rf"ال(?:{_alt(ord_words)})"
    ordinal_re = regex.compile(
        rf"(?=[وبلفكا{''.join(sorted({f[0] for f, (_, t) in ords.items() if t == 'adverb'}))}])"
        rf"(?:(?<!\p{{L}})(?P<pre>[وبلفك])?(?P<ord>{one}(?:\s{{1,2}}(?:عشر|عشره)"
        rf"|\s{{1,2}}و\s{{0,2}}{one}|\s{{1,2}}و{one})?)(?!\p{{L}})"
        rf"|(?<![\p{{L}}\d])(?P<pre2>[وبلفك])?(?P<ald>ال\s{{0,2}}(?P<d>\d{{1,4}}))(?![\d.,٫٬])"
        rf"|(?<=[\p{{L}}\d,.]\s{{1,2}})(?P<adv>(?:{_alt(f for f, (_, t) in ords.items() if t == 'adverb')}))(?!\p{{L}}))")
    duals = {_n(f): (u, k, c) for f, u, k, c in (r + [""] * (4 - len(r))
                                                 for r in _tsv("unit_duals.tsv"))}
    # a plain word alternation: the standard library's engine runs it 2.5x faster
    dual_re = re.compile(rf"(?<![^\W\d_])(?P<pre>[وبلف])?(?P<d>{_alt(duals)})(?![^\W\d_])")
    # bare nouns shared by several currencies: the country stems that pick one
    stems: dict[str, dict[str, str]] = {}
    ambiguous = {b for b, d in cur_nouns.values()} & {"دينار", "درهم", "ليره", "ريال", "جنيه"}
    for key, iso in cur_names.items():
        parts = key.split()
        if len(parts) == 2 and parts[0] in ambiguous and parts[1].endswith("ي") \
                and len(parts[1]) >= 4:
            if iso in current:
                stems.setdefault(parts[0], {}).setdefault(parts[1][:-1], iso)
    if "ليره" in stems:                           # CLDR calls the Lebanese pound جنيه
        stems["ليره"].setdefault("لبنان", "LBP")
    iso_noun = {iso: key.split()[0] for key, iso in cur_names.items()
                if len(key.split()) == 2 and key.split()[0] in ambiguous}
    iso_noun["LBP"] = "ليره"
    for place, iso in places:                     # أبوظبي -> AED for a bare درهم
        if iso in iso_noun:
            stems.setdefault(iso_noun[iso], {})[place] = iso
    # بالجزائر، والدار البيضاء: a preposition or و before the article of a stem or a place
    country_re = {b: regex.compile(rf"(?<!\p{{L}})(?:[وبلف]?ال|[وبلف](?=ال))?(?P<c>{_alt(st)})"
                                   r"(?:يا|يه|ي|يين|يون)?(?!\p{L})")
                  for b, st in stems.items()}
    country_iso = {(b, stem): iso for b, st in stems.items() for stem, iso in st.items()}
    dual_vocab = frozenset(set(duals) | {p + d for p in "وبلف" for d in duals})
    return _Lex(ctx, before, after, cur_nouns, cur_names, cur_adj, symbols, subunits,
                frozenset(codes), currency_re, symbol_before_re, units, unit_re, plurals,
                frozenset(_n(v) for v in plurals.values()),
                frozenset(months), ordinal_re, duals, dual_re, dual_vocab,
                cur_display, country_re,
                country_iso, regex.compile(rf"\s{{0,2}}و?\s{{0,2}}(\d{{1,2}})\s{{0,2}}"
                                           rf"(?:{_alt(subunits)})(?!\p{{L}})"))


# ----------------------------------------------------------------------------- helpers

_WORD = regex.compile(r"\s{0,2}(?P<w>[\p{L}\u0640]{1,30})(?![\p{L}\d])")
_HEAD = regex.compile(r"\s{0,2}(?:[)\]]\s{0,2})?(?P<w>[\p{L}\u0640]{1,30})(?![\p{L}\d])")
_ARABIC = regex.compile(r"[\u0600-\u06ff]")
_AWAL = regex.compile(r"(?<!\p{L})[وبلف]?(?P<o>اول)\s{1,2}(?!(?:من\s{1,2})?امس(?!\p{L}))"
                      r"(?=\p{L})")
_BI_AWAL = regex.compile(r"\s{1,2}[بف]اول(?!\p{L})")          # أولاً بأول: "as it comes"
_PERIOD_NEXT = regex.compile(r"\s{1,2}(?:ايام|يوم|امس|ليله|ساعه)(?!\p{L})")
_AND_A_HALF = regex.compile(r"\s{1,2}و\s{0,2}(نصف|ربع)(?!\p{L})")
_ARTICLE_NEXT = regex.compile(r"\s{1,2}ال")                   # ونصف المقاعد: a share
# temperatures below zero: 5 درجات تحت الصفر، سالب 3 درجات، ناقص 2 درجة
_BELOW_ZERO = regex.compile(r"\s{1,2}(?:تحت|دون)\s{1,2}الصفر(?!\p{L})")
_SIGN_WORD = regex.compile(r"(?r)(?<!\p{L})(?:سالب|ناقص)\s{1,2}\Z")
# an ordinal closing the name of a stock index: مؤشر بورصة عمان الأول
_INDEX_NAME = regex.compile(r"(?r)(?<!\p{L})[وبلف]?(?:ال)?م[ؤو]شر(?:\s{1,2}\p{L}{2,20}){0,3}"
                            r"\s{1,2}\Z")
_TIME_OF_DAY = regex.compile(r"\s{1,2}(?:من\s{1,2})?(?:ال)?(?:مساء|صباح|ظهر|عصر|فجر|ليل)")
# small patterns used per number, compiled once
_SPACES = regex.compile(r"\s{1,3}")
_OUT_OF_EVERY = regex.compile(r"\s{1,2}(?:من\s{1,2}(?:بين\s{1,2})?كل|لكل)(?!\p{L})\s{0,2}")
_RATIO_GAP = regex.compile(r"\s{1,2}(?:الي|مقابل)\s{1,2}|\s{0,2}:\s{0,2}")
_RATIO_OF = regex.compile(r"(?r)(?<!\p{L})[وبل]?(?:ال)?نسبه(?:\s{1,2}\p{L}{2,20}){1,2}"
                       r"\s{1,2}(?:الي|مقابل)(?:\s{1,2}\p{L}{2,20}){1,2}\s{1,2}\Z")
# a list of names each followed by a number in brackets: the minute, the age, a ranking
_NAME_WORDS = r"\p{L}{2,20}(?:\s{1,2}\p{L}{2,20}){0,2}"              # a name: 1-3 words
_PAREN_NEXT = regex.compile(rf"\s{{0,2}}\)\s{{0,2}}[،,]?\s{{0,2}}و\s{{0,2}}{_NAME_WORDS}"
                            rf"\s{{1,2}}\(\s{{0,2}}\d")
_PAREN_BEFORE = regex.compile(rf"(?r)\(\s{{0,2}}\d{{1,3}}\s{{0,2}}\)\s{{0,2}}[،,]?\s{{0,2}}و?\s{{0,2}}"
                              rf"{_NAME_WORDS}\s{{1,2}}\(\s{{0,2}}\Z")
_SHARE_PARTS = {"ارباع": 4.0, "اثلاث": 3.0, "اخماس": 5.0, "اعشار": 10.0}
_TRAIL_OPEN = regex.compile(r"[\s(\[]+\Z")
_TO_WORD = regex.compile(r"\s{1,2}(?:الي|حتي|ل)\s{0,2}")
_RANGE_OPEN = regex.compile(r"(?<!\p{L})(?:من|ما بين|بين|مابين)\s{0,2}\Z")
_RANGE_GAP = regex.compile(r"\s{0,2}(?:و|(?:الي|حتي)\s)\s{0,2}")      # بين يومين و5 أيام
_DOLLAR_DASH = regex.compile(r"\s{0,2}\$\s{0,2}[-–]\s{0,2}")
_MIN_FOLLOWS = regex.compile(r"\s{1,2}من(?:\s|هما|هم|ها|هن)")    # ثلاثا منها
_TWO_WORD = regex.compile(r"\s{1,2}(?:اثنين|اثنان|اثنتين|اثنتان)(?!\p{L})")
_NEXT_WORD = regex.compile(r"\s{1,2}\p{L}+")
_SCALE_NEXT = regex.compile(r"\s{0,2}(?:الف|مليون|مليار|ملايين|مليارات|الاف)(?!\p{L})")
_LETTER_NEXT = regex.compile(r"\s{0,2}[\p{L}]")
_CLAUSE_END = regex.compile(r"[,.:;،\n]\s{0,2}\Z")
_PREV_WORDS = regex.compile(r"(?r)([\p{L}]{1,30})[\s(\[]{0,3}\Z")     # backwards: see _lex
_URL = regex.compile(r"(?:https?://|www\.)[^\s]{1,400}")
_EMAIL = regex.compile(r"[\w.+-]{1,64}@[\w-]{1,63}\.[\w.]{2,30}")
_PHONE = regex.compile(r"(?<![\d\p{L}])(?:\+|00)?\(?\d{2,5}\)?(?:[ -]\d{2,5}){2,4}(?![\d])"
                       r"|(?<![\d\p{L}])(?:\+\d{8,14}|0\d{6,12})(?![\d])")
_TIME = regex.compile(r"\d{1,2}:\d{2}(?::\d{2})?"
                      r"|(?<!\d)\d{1,4}\s{0,2}[/\\-]\s{0,2}\d{1,2}\s{0,2}[/\\-]\s{0,2}\d{1,4}(?!\d)")
_RANGE_DASH = regex.compile(r"\s{0,2}[-–—]\s{0,2}\Z")
_LINE_START = regex.compile(r"(?:\A|\n|[.:;؛]\s)[ \t]{0,3}[(\[]?\Z")
_LIST_AFTER = regex.compile(r"\s{0,2}[.)\]\-–:](?:\s|\Z)|[-–](?=\p{L})")   # "1." "٥-أفادت"
# scores and fractions: 3/ 1، 1 / صفر (a slash between two numbers never joins a statistic)
_SLASH_AFTER = regex.compile(r"\s{0,2}/\s{0,2}(?:\d|صفر(?!\p{L}))")
_SLASH_BEFORE = regex.compile(r"(?r)(?:\d|(?<!\p{L})صفر)\s{0,2}/\s{0,2}\Z")
_PAIR_AFTER = regex.compile(r"\s{0,2}[-–/]\s{0,2}(?:\d|صفر(?!\p{L}))")
# «جنيف 1»، "فورميولا 1": a number closing a quoted name is part of the name
_NAME_CLOSE = regex.compile(r"\s{0,2}[»”\"]")
_LETTER_BEFORE = regex.compile(r"(?r)\p{L}\s{1,2}\Z")
# a list of numbers goes on in the kind of its first member: الدقائق 29 و34 و35
_LIST_JOIN = regex.compile(r"\s{0,2}[،,]?\s{0,2}و?\s{0,2}")
_UNTIL_DIGIT = regex.compile(r"\s{1,2}و?(?:حتي|الي)\s{1,2}\d")
_FROM_END = regex.compile(r"(?<!\p{L})من\s{1,2}\Z")


@lru_cache(maxsize=8192)
def _prefixed_forms(word: str) -> frozenset[str]:
    """A word with its attached و/ب/ل/ف/ك taken off: للتوجيه -> التوجيه, والمادة -> المادة."""
    out = set()
    w = word
    for _ in range(2):
        if w.startswith("لل"):
            out.add("ال" + w[2:])
        if w[:1] in ("و", "ب", "ل", "ف", "ك") and len(w) > 3:
            w = w[1:]
            out.add(w)
        else:
            break
    return frozenset(out)


@lru_cache(maxsize=1)
def _score_re() -> regex.Pattern:
    """A result word (فاز، خسارة، بنتيجة) among the few words before a number."""
    return regex.compile(rf"(?<!\p{{L}})[وبلف]?(?:{_alt(_lex().ctx['score_before'])})(?!\p{{L}})"
                         rf"(?:\s{{1,2}}\p{{L}}{{1,20}}){{0,2}}\s{{1,2}}\Z")


def _prev_word(norm: str, end: int) -> str:
    m = _PREV_WORDS.search(norm, max(0, end - 40), end)
    return m.group(1) if m else ""


def _before(lex: _Lex, typ: str, norm: str, end: int) -> regex.Match | None:
    return lex.before[typ].search(norm, max(0, end - 40), end)


def _singular(word: str, lex: _Lex) -> str:
    """unit_norm of one (search-normalized) word: tamyiz alif and plural endings removed."""
    key = _n(word)
    if key in lex.plurals:
        return lex.plurals[key]
    w = word
    if w.endswith("ا") and len(w) >= 4 and not w.endswith(("ايا", "اا")):
        w = w[:-1]                                         # tamyiz: مشروعا -> مشروع
    key = _n(w)
    if key in lex.plurals:
        return lex.plurals[key]
    if w.endswith("ات") and len(w) >= 5:
        stem = w[:-2]
        if not stem.endswith("ي") and (stem.startswith("ا") and len(stem) >= 5 or
                                       stem.startswith("ت") and len(stem) == 5
                                       and stem[3] == "ي"):
            return stem                                    # إصلاحات -> إصلاح، تعليقات -> تعليق
        return stem + "ة"                                  # اتفاقيات -> اتفاقية، سيارات -> سيارة
    if w.endswith(("ين", "ون")) and (len(w) >= 7 or len(w) == 6 and w[2] != "ا"):
        return w[:-2]                                      # مواطنين -> مواطن
    return w


class _Intervals:
    """A set of spans asked "is [a, b) inside one?" and "does [a, b) touch one?" in log time.

    Long hostile lines hold thousands of numbers and blocked spans; scanning every span for
    every number would be quadratic.
    """

    __slots__ = ("starts", "ends")

    def __init__(self, spans):
        merged: list[list[int]] = []
        for a, b in sorted(spans):
            if merged and a <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], b)
            else:
                merged.append([a, b])
        self.starts = [a for a, _ in merged]
        self.ends = [b for _, b in merged]

    def covers(self, a: int, b: int) -> bool:
        i = bisect_right(self.starts, a) - 1
        return i >= 0 and b <= self.ends[i]

    def overlaps(self, a: int, b: int) -> bool:
        i = bisect_right(self.ends, a)
        return i < len(self.starts) and self.starts[i] < b


def _dates_spans(text: str, published) -> list[tuple[int, int]]:
    if _find_dates is None:
        return []
    try:
        rows = _find_dates(text, published=published)
    except Exception:  # noqa: BLE001 - a bug there must not stop statistics
        return []
    return [(int(r["start"]), int(r["end"])) for r in rows]


@dataclass
class _Stat:
    a: int            # normalized span
    b: int
    value: float
    kind: str
    unit: tuple[int, int] | None = None
    unit_norm: str | None = ""      # None: derive from the unit's original text
    currency: str | None = None
    qualifier: str = "exact"
    low: float = math.nan
    high: float = math.nan


def _unit_after(lex: _Lex, norm: str, pos: int):
    """(kind, unit span, unit_norm, currency, end) of what follows a number at ``pos``."""
    m = lex.after["percent_after"].match(norm, pos)
    if m:
        return "percent", (m.start() + len(m.group()) - len(m.group().lstrip()), m.end()), \
            "%", None, m.end()
    m = lex.unit_re.match(norm, pos)
    if m:
        s = m.start("u")
        unit_norm, _dim = lex.units[m.group("u")]
        return "measure", (s, m.end()), unit_norm, None, m.end()
    m = lex.currency_re.match(norm, pos)
    if m:
        if m.group("name"):
            key = m.group("name")
            iso = lex.cur_names.get(key) or lex.cur_names.get(key.rstrip("."))
            key = key.rstrip(".") if "." not in key.rstrip(".") else key
            return "money", m.span("name"), key, iso, m.end()
        if m.group("noun"):
            base, default = lex.cur_nouns[m.group("noun")]
            adj = m.group("adj")
            if adj:
                key = f"{base} {lex.cur_adj.get(_adj_key(adj), _adj_key(adj))}"
                iso = lex.cur_names.get(key)
                if iso:
                    return "money", (m.start("noun"), m.end("adj")), base, iso, m.end("adj")
            return "money", m.span("noun"), base, _context_currency(lex, norm, base, pos) \
                or default or None, m.end("noun")
        if m.group("sub"):
            return "money", m.span("sub"), lex.subunits[m.group("sub")][0], None, m.end()
        if m.group("code"):
            return "money", m.span("code"), m.group("code"), m.group("code"), m.end()
        sym = m.group("sym")
        if sym in lex.cur_symbols:
            return "money", m.span("sym"), sym, lex.cur_symbols[sym], m.end()
        base, _frac = lex.subunits[sym]
        return "money", m.span("sym"), base, None, m.end()
    return None


def _context_currency(lex: _Lex, norm: str, base: str, pos: int) -> str | None:
    """The currency a bare noun means here: the country named nearest in the text (before
    the amount, or after it in the same paragraph).

    ``28.7 ليرة`` in a sentence about الليرة التركية is TRY; a دينار in a text about
    البحرين is BHD.  None when no country whose currency has this noun is named.
    """
    best = None
    for start, iso in _country_mentions(base, norm):
        if start > pos and norm.find("\n", pos, start) >= 0:
            continue          # named only in a later paragraph: a related story, a link
        d = abs(start - pos)
        if best is None or d < best[0]:
            best = (d, iso)
    return best[1] if best else None


@lru_cache(maxsize=16)
def _country_mentions(base: str, norm: str) -> tuple[tuple[int, str], ...]:
    """(position, ISO code) of each country named in ``norm`` whose currency is ``base``;
    read once per text, however many bare currency nouns it holds."""
    lex = _lex()
    rx = lex.country_re.get(base)
    if rx is None:
        return ()
    return tuple((m.start(), lex.country_iso[(base, m.group("c"))]) for m in rx.finditer(norm))


def _noun_after(lex: _Lex, norm: str, pos: int, is_article):
    """The counted noun phrase after ``pos``: (span, unit_norm) or None."""
    stop = lex.ctx["stop"]
    m = _HEAD.match(norm, pos)
    if not m:
        return None
    head = m.group("w")
    if head in stop or is_article(m.start("w")) or head in lex.months or len(head) < 2:
        return None
    if len(head) >= 5 and (head.endswith(("وا", "هم", "هن", "ها")) or head.startswith(
            ("ي", "ت")) and head.endswith(("ون", "ان"))):
        return None                                     # verbs, pronoun-suffixed words
    if len(head) >= 6 and head.endswith("ون") and head not in lex.plurals \
            and head not in lex.ctx["not_verb"]:
        # a counted noun is genitive or accusative (مهندسين، مهندسا): a nominative plural
        # after a number is its predicate (700 ألف معرضون للخطر)
        return None
    if head.startswith(("وو", "وال", "وب", "وي", "وس", "ول", "وت", "وم")) \
            and head not in lex.ctx["waw_noun"]:
        return None                                     # a conjunction: 7 ملايين ووزارة
    if head.startswith(("لل", "بال", "فال", "كال")) or head in lex.ctx.get("year_mark", {}):
        return None                                     # 6 بالانتخاب: a preposition
    if len(head) >= 5 and head.startswith(("لي", "لت", "لن")) \
            and not head.endswith(("ه", "ات", "ي", "ا")):
        return None                                     # 2 ليكون، 3 لتفعيل: ل + verb
    end = m.end()
    words = [head]
    tamyiz = head.endswith("ا")
    for _ in range(2):
        m2 = _WORD.match(norm, end)
        if not m2:
            break
        w = m2.group("w")
        if (w in stop or is_article(m2.start("w")) or _verb_like(w, lex)
                or w.startswith(("و", "ف", "ب", "ل", "ك", "ي")) and w not in lex.ctx["waw_noun"]
                or w.endswith("ا") != tamyiz or w in lex.months or w in lex.cur_nouns
                or len(w) < 2
                or norm[end:m2.start("w")].strip()):
            break
        if len(words) == 2 and not tamyiz and not w.endswith(_ADJ_ENDINGS) \
                and not words[1].endswith(("ي", "يه")):
            # شاحنة مساعدات معبر: a third noun after a genitive starts the next phrase
            # (after an adjective it is one more: مقعد حكومي شاغر)
            break

        words.append(w)
        end = m2.end()
    return (m.start("w"), end), words


# endings of the adjectives that may follow a noun + genitive (منطقة تجارة حرة، وحدة
# سكن اقتصادية، مراكز إيواء مؤقتة): feminine, nisba, sound plurals
_ADJ_ENDINGS = ("ه", "ي", "يه", "ين", "ون", "ات", "يا")


def _verb_like(w: str, lex: _Lex) -> bool:
    """Is ``w`` (normalized) a word that cannot continue a counted noun phrase?

    The phrase takes adjectives (غارة جوية، مركزاً انتخابياً) and genitive nouns (فرصة عمل،
    منطقة تجارة حرة); it ends at a verb (20 مجموعة تحاول، 20 حريقا نشبوا، غرف سيتم) and at
    a word carrying a pronoun (لاعبين أبرزهم، 74 عاما ترافقها), which no modifier of an
    indefinite noun carries.  Nouns of these shapes (تعاون، تفاهم) are listed as not_verb.
    """
    n = len(w)
    if w in lex.ctx["not_verb"]:
        return False
    if n >= 4 and w.endswith(("وا", "هم", "هن", "هما", "كم", "ها")):
        return True                                     # قتلوا، نصفهم، ترافقها
    if w.endswith("ت") and not w.endswith("ات"):
        return True                                     # سجلت، تمت
    if w.startswith("ت"):
        if n == 5 and w[2] == "ا" and not w.endswith("ه") or n == 4 and w.endswith("ي"):
            return True                                 # تحاول، تعطي (not تجارة، تقني)
        return not w.endswith(("ه", "ي", "ات")) and not (n >= 5 and w[2] == "ا")
    if n >= 4 and w.startswith(("سي", "ست", "سن")) and not w.endswith(
            ("ه", "ي", "يا", "ا", "ات", "ين", "ون", "يه")):
        return True                                     # سيتم، ستصل، سنعمل
    if n >= 6 and w.startswith(("سي", "ست", "سن")) and w[2] != "ا" \
            and w.endswith(("ون", "ان", "ين")) and not w.endswith(("يين", "يون", "يان")):
        return True                                     # سيلتحقون، ستعملان (not سياسيون)
    if n == 6 and w.startswith("است"):
        return True                                     # استفاد، استقبل (a masdar has 7)
    return False
    if n >= 4 and w.endswith(("وا", "هم", "هن", "هما", "كم", "ها")):
        return True                                     # قتلوا، نصفهم، ترافقها
    if w.startswith("ت"):
        if w.endswith("ت") and not w.endswith("ات") or n == 5 and w[2] == "ا" and not w.endswith("ه"):
            return True                                 # تحاول (تَفاعُل nouns listed)
        if n == 4 and w.endswith("ي"):
            return True                                 # تعطي، تجري (not تقني، تركي)
        return not w.endswith(("ه", "ي", "ات")) and not (n >= 5 and w[2] == "ا")
    if w.endswith("ت") and not w.endswith("ات"):
        return True                                     # سجلت، قتلت
    if n >= 4 and w.startswith(("سي", "ست", "سن")) and not w.endswith(
            ("ه", "ي", "يا", "ا", "ات", "ين", "ون", "يه")):
        return True                                     # سيتم، ستصل، سنعمل
    if n == 6 and w.startswith("است"):
        return True                                     # استفاد، استقبل (a masdar has 7)
    return False


def _counted(lex: _Lex, unit: str) -> bool:
    """Is this clearly a counted noun (tamyiz, a known plural or singular)?"""
    head = unit.split()[0]
    return head.endswith("ا") or head in lex.plurals or head in lex.plural_values


def _unit_norm_of(lex: _Lex, words_orig: list[str]) -> str:
    """unit_norm: the head singularised, modifiers with tamyiz alif removed."""
    out = []
    for i, w in enumerate(words_orig):
        w = _search_norm(w)
        if i == 0:
            out.append(_singular(w, lex))
        else:
            out.append(w[:-1] if w.endswith("ا") and len(w) >= 4 else w)
    return " ".join(out)


# ------------------------------------------------------------------------------- finder

def find_statistics(text: str, *, published=None, **_) -> list[dict]:
    """Statistics in one string: rows with offsets into ``text``.

    >>> [(r["text"], r["value"], r["kind"], r["unit_norm"], r["qualifier"])
    ...  for r in find_statistics("وقعت فيتنام أكثر من 16 منطقة تجارة حرة مع 57 شريكًا")]
    [('أكثر من 16 منطقة تجارة حرة', 16.0, 'count', 'منطقة تجارة حرة', 'more_than'), ('57 شريكًا', 57.0, 'count', 'شريك', 'exact')]
    >>> [(r["value"], r["currency"]) for r in find_statistics("بقيمة 1.5 مليار دولار أمريكي")]
    [(1500000000.0, 'USD')]
    """
    if not text:
        return []
    lex = _lex()
    norm, om = normalize_with_offsets(text, NUMBER_NORM)
    blocked: list[tuple[int, int]] = []                      # normalized spans
    for rx, needle in ((_URL, "ww"), (_URL, "http"), (_EMAIL, "@")):
        if needle in norm:
            blocked.extend(m.span() for m in rx.finditer(norm))
    # phone numbers and clock times hold digits: read only around the digits (a match
    # starts at most 2 characters before a digit run and joins runs at most 5 apart)
    windows = number_windows(norm)
    for rx in (_PHONE, _TIME):
        blocked.extend(m.span() for a, b in windows for m in rx.finditer(norm, a, b))
    date_spans = _Intervals(_dates_spans(text, published))
    blocked_spans = _Intervals(blocked)

    def in_date(a: int, b: int) -> bool:
        oa, ob = om.span(a, b)
        return date_spans.covers(oa, ob)

    def is_article(pos: int) -> bool:
        """Does the word at normalized ``pos`` start with the article (not أل...)?"""
        return norm.startswith("ال", pos) and text[om.start(pos)] == "ا"

    def is_blocked(a: int, b: int) -> bool:
        return blocked_spans.covers(a, b) or in_date(a, b)

    ords = _ordinals(lex, norm, is_blocked, is_article)
    al_teens = _al_teens(lex, norm, is_blocked)
    ords.extend(st for st in al_teens if st.kind == "ordinal")
    ord_spans = _Intervals([(o.a, o.b) for o in ords + al_teens])
    nums = [s for s in scan_numbers(norm) if not is_blocked(s.start, s.end)
            and not ord_spans.overlaps(s.start, s.end)]
    stats: list[_Stat] = list(ords)
    i = 0
    last_end = -1
    not_stat_end = -1         # end of the last number that is an identifier, a year, a score
    while i < len(nums):
        n = nums[i]
        if n.start < last_end:
            i += 1                                            # 20 دولار و43 سنت: read already
            continue
        nxt = nums[i + 1] if i + 1 < len(nums) else None
        consumed = 1
        st = _read(lex, norm, n, nxt, is_article, is_blocked)
        if st is not None and st is not False and not_stat_end >= 0 \
                and st[0].kind == "count" and st[0].unit is None and not n.words \
                and _LIST_JOIN.fullmatch(norm, not_stat_end, n.pstart):
            st = False                # المادتان 5 و6، الدقائق 29 و34: the list goes on
        if st is not None and st is not False:
            st, consumed = st
            stats.append(st)
            last_end = st.b
            not_stat_end = -1
        elif st is False:
            not_stat_end = n.end
            if nxt is not None and _RANGE_DASH.search(norm, n.end, nxt.start):
                consumed = 2  # a score or a span of years: neither number is a statistic
                not_stat_end = nxt.end
        else:
            not_stat_end = -1
        i += consumed
    stats = _duals(lex, norm, stats, is_blocked)
    taken = _Intervals([(st.a, st.b) for st in stats])
    stats.extend(st for st in _bare_shares(lex, norm, is_blocked)
                 if not taken.overlaps(st.a, st.b))
    rows = []
    for st in sorted(stats, key=lambda s: s.a):
        oa, ob = om.span(st.a, st.b)
        unit, unit_norm = "", st.unit_norm
        if st.unit:
            ua, ub = om.span(*st.unit)
            unit = text[ua:ub]
            if unit_norm is None:
                unit_norm = _unit_norm_of(lex, _SPACES.split(unit.strip()))
        low, high = st.low, st.high
        if math.isnan(low) and math.isnan(high):
            if st.qualifier == "exact":
                low = high = st.value
            elif st.qualifier in ("more_than", "at_least"):
                low = st.value
            elif st.qualifier in ("less_than", "at_most"):
                high = st.value
        rows.append({"text": text[oa:ob], "start": oa, "end": ob, "value": st.value,
                     "kind": st.kind, "unit": unit, "unit_norm": unit_norm or "",
                     "currency": st.currency, "qualifier": st.qualifier,
                     "value_low": low, "value_high": high})
    return rows


def _scale_of(n: NumberSpan) -> float:
    return n.scale


def _read(lex: _Lex, norm: str, n: NumberSpan, nxt: NumberSpan | None, is_article,
          is_blocked=lambda a, b: False):
    """Read number ``n`` in context: ``(_Stat, numbers consumed)``, ``None`` (not a
    statistic) or ``False`` (not a statistic, and a dash-joined partner is not either)."""
    a, b = n.start, n.end
    left = n.pstart
    prev = _prev_word(norm, left)
    ctx = lex.ctx
    # --- what the number cannot be
    if not _ARABIC.search(norm, max(0, a - 24), min(len(norm), b + 24)) and not (
            lex.symbol_before_re.search(norm, max(0, left - 6), left)
            or (lambda u: u is not None and u[0] == "money")(_unit_after(
                lex, norm, nxt.end if nxt is not None and _RANGE_DASH.search(
                    norm, b, nxt.start) else b))):
        return None                                           # Latin text, code
    if a > 0 and (norm[a - 1].isascii() and norm[a - 1].isalpha()):
        return None
    if a > 1 and norm[a - 1] in "-–/" and norm[a - 2].isalpha():
        return None                                           # كوفيد-19، إف-16
    if b < len(norm) and norm[b].isascii() and norm[b].isalpha() and norm[b] != "c":
        return None                                           # 5G, 4K
    if b < len(norm) and norm[b] == "/" or a > 0 and norm[a - 1] == "/":
        return None                                           # 12/5, 2014/2015
    if _SLASH_AFTER.match(norm, b, b + 8) or _SLASH_BEFORE.search(norm, max(0, left - 8), left):
        return None                                           # 3/ 1، 1 / صفر: a score
    if _PAIR_AFTER.match(norm, b, b + 10) and _score_re().search(norm, max(0, left - 30), left):
        return False                                          # خسر الفريق 2-3، بنتيجة 71 - 90
    if not n.words and _LINE_START.search(norm, max(0, left - 5), left) \
            and _LIST_AFTER.match(norm, b) and n.value < 100:
        return None                                           # list marker "1." "2)"
    if not n.words and (prev in ctx["ident"] or _before(lex, "ident", norm, left) or
                        any(f in ctx["ident"] for f in _prefixed_forms(prev))):
        return False                                          # القرار رقم 59، المادة 5
    if a > 1 and norm[a - 1] == " " and norm[a - 2].isascii() and norm[a - 2].isalpha():
        return None                                           # HNNG 32, COP 28
    if a > 0 and norm[a - 1] == "+" or b < len(norm) and norm[b] == "+":
        return None                                           # 5+1: a name, a formula
    if not n.words and n.value <= 24 and (
            _WORD.match(norm, b) and _WORD.match(norm, b).group("w") in ctx["time_after"]
            or _TIME_OF_DAY.match(norm, b)):
        return None                                           # 10 مساءً، الـ6 من مساء: a time
    share = _share(lex, norm, n, nxt, left, is_article)
    if share is not None:
        return share
    if prev in ctx["phone"] or prev in ctx["ratio_before"] or \
            _OUT_OF_EVERY.match(norm, b, b + 16):
        return None                                           # phones; 10 لكل منهما
    if not n.words and norm[a:b].isdigit() and len(norm[a:b]) >= 9:
        return None                                           # unbroken ids, phones
    is_int = n.value == int(n.value) and not n.words and not n.has_scale \
        and norm[a:b].isdigit()
    if is_int and _before(lex, "year_before", norm, left):
        return False
    if is_int and 3 <= b - a <= 4 and lex.after["year_mark"].match(norm, b):
        return None                                           # 1436هـ، 2015م
    # word-number sanity: a lone small number word must count something
    if n.words and n.n_tokens == 1 and n.first_kind == "fraction" and not (
            (lambda u: u is not None and u[0] in ("measure", "money"))(_unit_after(lex, norm, b))):
        return None                                           # نصف المدة: a share, not a count
    single_word = n.words and n.n_tokens == 1 and n.first_kind in (
        "unit", "ten", "teen", "tens", "fraction", "scale", "scale_dual")
    if n.words and n.n_tokens == 1 and n.first_kind == "unit" and n.value <= 2:
        return None                                           # واحد، أحد، اثنين
    if n.words and n.prefix in ("ل", "ب", "ف") and norm[a:b] == "ست":
        return None                                           # لست: "I am not"
    # --- qualifier and range before
    qual = "exact"
    start = a
    qm = _before(lex, "qual_before", norm, left)
    if qm:
        key = _TRAIL_OPEN.sub("", qm.group()).strip()
        qual = ctx["qual_before"].get(key) or ctx["qual_before"][key[1:]]
        start = qm.start() + (0 if key in ctx["qual_before"] else 1)  # not the conjunction
    value, low, high = n.value, math.nan, math.nan
    end = b
    consumed = 1
    # ranges: بين 10 و20، من 10 إلى 20، 10-20
    if nxt is not None:
        gap = norm[b:nxt.pstart]
        dash = _RANGE_DASH.search(norm, b, nxt.start) and not gap.strip("-–— ")
        waw = nxt.prefix == "و" and not gap.strip() and (
            _before(lex, "range_start", norm, left) or qm)
        ila = _TO_WORD.fullmatch(norm[b:nxt.pstart]) or (
            nxt.prefix == "ل" and not gap.strip())
        ila = ila and (_RANGE_OPEN.search(norm[max(0, left - 12):left]) or (
            _before(lex, "percent_before", norm, left)            # بنسبة 3 إلى 5 في المائة
            and (lambda u: u is not None and u[0] == "percent")(_unit_after(lex, norm, nxt.end))))
        sym_gap = _DOLLAR_DASH.fullmatch(norm[b:nxt.start])
        if dash or waw or ila or sym_gap:
            v1, v2 = n.value, nxt.value
            if not n.has_scale and nxt.has_scale and v1 < 1000:
                v1 = v1 * _scale_of(nxt)
            if dash and (n.value == 0 or nxt.value == 0):
                return False                                  # صفر-3: a score
            if dash and not (v1 < v2):
                if is_int and (n.value < 30 or 1900 <= n.value <= 2100):
                    return False                              # 2-1 (a score), 2021-2030
            elif v1 < v2 or (waw or ila):
                if is_int and 1900 <= n.value <= 2100 and 1900 <= nxt.value <= 2100 \
                        and not nxt.has_scale:
                    return False                              # between two years
                if is_int and lex.after["year_mark"].match(norm, nxt.end):
                    return False                              # (234 - 311هـ): years
                low, high = v1, v2
                value = (v1 + v2) / 2
                end = nxt.end
                consumed = 2
                if qual == "exact":
                    qual = "approx"
                if _before(lex, "range_start", norm, left):
                    start = min(start, _before(lex, "range_start", norm, left).start())
    # --- what follows
    kind, unit, unit_norm, currency = "count", None, "", None
    after = _unit_after(lex, norm, end)
    if after is None and norm[max(0, left - 2):left].strip() in ("(", "((") \
            and norm[end:end + 2].strip().startswith(")"):
        after = _unit_after(lex, norm, norm.index(")", end) + 1)    # (40000) ريال
    if after is None:
        sm = lex.symbol_before_re.search(norm, max(0, left - 6), left)
        if sm:
            currency = lex.cur_symbols[sm.group().strip()]
            kind, unit_norm, start = "money", sm.group().strip(), min(start, sm.start())
            unit = sm.span()
    if after is not None:
        kind, unit, unit_norm, currency, end = after
        if kind == "percent" and not qm:
            pm = _before(lex, "percent_before", norm, left)
            if pm:
                start = pm.start()
        # 20 دولار و43 سنت
        if kind == "money":
            sub = lex.subunit_after.match(norm, end)
            if sub:
                value += float(sub.group(1)) / 100
                end = sub.end()
    elif kind == "count":
        if prev in ctx["ordinal_slot"] and is_int and consumed == 1 and not qm \
                and not n.prefix:
            return _Stat(a, b, n.value, "ordinal"), 1         # المركز 3، الدورة 78
        noun = _noun_after(lex, norm, end, is_article)
        if noun and is_blocked(*noun[0]):
            noun = None                                       # الـ 7 يوم الجمعة: a date
        if consumed == 1 and not qm and is_int and n.value < 130 \
                and (noun is None or norm[noun[0][0]] == "و") \
                and norm[max(0, left - 2):left].strip() == "(" \
                and (_PAREN_NEXT.match(norm, end) or noun is None and _PAREN_BEFORE.search(
                    norm, max(0, left - 70), left)):
            return None           # محمد صلاح (66) وأحمد حجازي (81): minutes after scorers
        pm = _before(lex, "percent_before", norm, left)
        if noun:
            (ua, ub), words = noun
            if words[0] in lex.months:
                return None
            unit = (ua, ub)
            unit_norm = None                                  # from the original text
            end = ub
            if n.alt_value is not None and consumed == 1:
                value = n.alt_value                           # 1.234 مشروعاً: 1234
                low = high = math.nan
        elif pm:
            kind, unit_norm = "percent", "%"
            if not qm:
                start = pm.start()
    if kind == "count" and unit is None and consumed == 1 and qual == "exact" \
            and not n.prefix and _NAME_CLOSE.match(norm, end) \
            and _LETTER_BEFORE.search(norm, max(0, left - 4), left):
        return None                                           # «جنيف 1»، "ليج 1": a name
    if kind == "count" and qual == "exact" and consumed == 1 and not n.prefix \
            and prev in ctx["name_before"]:
        return None                                           # حملة 100 مليون صحة: a name
    if single_word and unit is None and kind == "count":
        if not _MIN_FOLLOWS.match(norm[end:end + 8]):
            return None
    if kind == "count" and is_int and 1900 <= n.value <= 2100 and qual == "exact" \
            and consumed == 1 and (unit is None or norm[unit[0]] in ("ب", "ل", "ك") or (
                prev in ctx["year_before"] or prev in ctx["time_before"])
                and not _counted(lex, norm[unit[0]:unit[1]])):
        return None                                           # a year: في 2001، منذ 2015
    if unit is not None and kind in ("count", "measure") and consumed == 1 \
            and not n.has_scale:
        half = _AND_A_HALF.match(norm, end)
        if half and not _ARTICLE_NEXT.match(norm, half.end()):
            value += {"نصف": 0.5, "ربع": 0.25}[half.group(1)]     # سبع سنوات ونصف: 7.5
            end = half.end()
    if kind == "measure":
        bz = _BELOW_ZERO.match(norm, end)
        sign = _SIGN_WORD.search(norm, max(0, left - 8), left)
        if bz or sign:
            value, low, high = -value, -high, -low                  # 5 درجات تحت الصفر
            if bz:
                end = bz.end()
                unit = (unit[0], end)
            if sign and qm is None:
                start = sign.start()
    elif kind == "count" and unit is None and qm is None \
            and _SIGN_WORD.search(norm, max(0, left - 8), left):
        value, start = -value, _SIGN_WORD.search(norm, max(0, left - 8), left).start()
    qa = lex.after["qual_after"].match(norm, end)
    if qa and qual == "exact":
        qual = ctx["qual_after"][qa.group().strip()]
        end = qa.end()
    if kind == "money" and unit is not None and after is not None:
        unit_norm = lex.cur_display.get(unit_norm) or (None if unit_norm not in lex.cur_symbols
                                                         else unit_norm)
    return _Stat(start, end, value, kind, unit, unit_norm, currency, qual, low, high), consumed


def _share(lex: _Lex, norm: str, n: NumberSpan, nxt: NumberSpan | None, left: int,
           is_article):
    """A share or a ratio starting at number ``n``: ``(_Stat, numbers consumed)`` or None.

    Shares have kind ``share`` and a value between 0 and 1, with the whole they are a
    part of as unit: ثلثي المقاعد (0.667), واحد من كل خمسة أشخاص (0.2), ثلاثة أرباع السكان
    (0.75).  ``بنسبة 3 إلى 1`` is a ``ratio`` of value 3.
    """
    a, b = n.start, n.end
    value = consumed = None
    end, unit_pos = b, None
    m = _OUT_OF_EVERY.match(norm, b, b + 16)
    if m and nxt is not None and nxt.pstart == m.end() and 0 < n.value < nxt.value:
        value, consumed, end = n.value / nxt.value, 2, nxt.end          # 1 من كل 5
        unit_pos = end
    elif n.words and n.n_tokens == 1 and n.first_kind == "fraction" \
            and n.prefix in ("", "ب", "ل"):
        h = _HEAD.match(norm, b)
        w = h.group("w") if h else ""
        # after a definite noun a fraction before an adjective (feminine, nisba) is part
        # of it (التقرير نصف السنوي، الراقصة نصف المعروفة); before a plural it is a share
        # (وحصد الحزب ثلثي المقاعد)
        if h and is_article(h.start("w")) and w not in lex.ctx["share_not"] \
                and w not in lex.ctx["stop"] and _unit_after(lex, norm, b) is None \
                and not (w.endswith(("ي", "ه")) and _prev_word(norm, left).startswith("ال")):
            value, consumed, unit_pos = n.value, 1, b                    # بربع المقاعد
    elif nxt is None or nxt.pstart > b + 12:
        h = _HEAD.match(norm, b)
        if h and h.group("w") in _SHARE_PARTS and n.value < _SHARE_PARTS[h.group("w")]:
            value, consumed, end = n.value / _SHARE_PARTS[h.group("w")], 1, h.end()
            h2 = _HEAD.match(norm, end)                                  # ثلاثة أرباع السكان
            unit_pos = end if h2 and is_article(h2.start("w")) else None
    if value is None:
        if nxt is None or n.has_scale or nxt.has_scale \
                or not _RATIO_GAP.fullmatch(norm, b, nxt.pstart):
            return None
        pm = _before(lex, "percent_before", norm, left)
        of = None if pm or "نسبه" not in norm[max(0, left - 60):left] \
            else _RATIO_OF.search(norm, max(0, left - 60), left)
        pm = pm or of                                       # نسبة المرضى إلى الأطباء 300 إلى 1
        if pm and nxt.value > 0 \
                and _unit_after(lex, norm, b) is None and _unit_after(lex, norm, nxt.end) is None:
            start = a if of else pm.start()
            return _Stat(start, nxt.end, n.value / nxt.value, "ratio"), 2   # بنسبة 3 إلى 1
        return None
    start, qual = a, "exact"
    qm = _before(lex, "qual_before", norm, left)
    if qm:
        key = _TRAIL_OPEN.sub("", qm.group()).strip()
        qual = lex.ctx["qual_before"].get(key) or lex.ctx["qual_before"].get(key[1:], "exact")
        start = qm.start() + (0 if key in lex.ctx["qual_before"] else 1)
    unit = None
    if unit_pos is not None:
        h = _HEAD.match(norm, unit_pos)
        if h and h.group("w") not in lex.ctx["stop"] and len(h.group("w")) >= 2:
            unit = h.span("w")
            end = h.end()
    return _Stat(start, end, value, "share", unit, None if unit else "", None, qual), consumed


def _same_unit(lex: _Lex, norm: str, st: _Stat, unit_norm: str) -> bool:
    """Does ``st`` count what ``unit_norm`` names (سنوات and سنة, دولارات and دولار)?"""
    other = st.unit_norm
    if other is None:
        other = _unit_norm_of(lex, norm[st.unit[0]:st.unit[1]].split()[:1])
    return bool(other) and _n(other.split()[0]) == _n(unit_norm)


_DEF_FRACTIONS = {"النصف": 0.5, "الثلث": 1 / 3, "الثلثين": 2 / 3, "الربع": 0.25,
                  "الخمس": 0.2, "السدس": 1 / 6, "الثمن": 0.125, "العشر": 0.1}
_DEF_FRACTION_END = regex.compile(r"\s{0,2}(?:[،,.؛;:)\n]|\Z)|\s{1,2}(?:تقريبا|فقط)(?!\p{L})")


def _bare_shares(lex: _Lex, norm: str, is_blocked) -> list[_Stat]:
    """A definite fraction after a qualifier, with no whole named: تراجعت المبيعات بنحو
    الربع (0.25, approx).  Without the qualifier الخمس، العشر are "the five, the ten"."""
    out = []
    for form, value in _DEF_FRACTIONS.items():
        i = norm.find(form)
        while i >= 0:
            b = i + len(form)
            if (i == 0 or not norm[i - 1].isalpha()) and (b == len(norm) or not norm[b].isalpha()) \
                    and (_DEF_FRACTION_END.match(norm, b) or (lambda w: w is not None and w.group(
                        "w") in lex.ctx["stop"])(_WORD.match(norm, b))) and not is_blocked(i, b):
                qm = _before(lex, "qual_before", norm, i)
                if qm:
                    key = _TRAIL_OPEN.sub("", qm.group()).strip()
                    qual = lex.ctx["qual_before"].get(key) or \
                        lex.ctx["qual_before"].get(key[1:], "exact")
                    out.append(_Stat(qm.start(), b, value, "share", None, "", None, qual))
            i = norm.find(form, b)
    return out


def _duals(lex: _Lex, norm: str, stats: list[_Stat], is_blocked) -> list[_Stat]:
    """``stats`` with the dual nouns counting two added: خلال يومين، مقتل شخصين، لترين.

    A dual opening a range joins the number that closes it: بين سنتين و5 سنوات (2-5).
    """
    out = []
    taken = [(s.a, s.b) for s in stats]
    by_start = {s.a: s for s in stats}
    joined: set[int] = set()
    idx = word_index(norm)
    # the standard engine's word edges agree with the letter runs when idx.alpha
    spans = idx.windows(idx.word_spans(lex.dual_vocab), 1, 4) if idx.alpha \
        else [(0, len(norm))]
    for m in (m for a, b in spans for m in lex.dual_re.finditer(norm, a, b)):
        a, b = m.span("d")
        if any(s < b and a < e for s, e in taken) or is_blocked(a, b):
            continue
        if _TWO_WORD.match(norm[b:b + 10]):
            b = b + _NEXT_WORD.match(norm[b:]).end()
        unit_norm, kind, currency = lex.duals[m.group("d")]
        value = 2.0
        half = _AND_A_HALF.match(norm, b)
        if half:                                   # ساعتين ونصف: two and a half
            value += {"نصف": 0.5, "ربع": 0.25}[half.group(1)]
            b = half.end()
        start, qual = a, "exact"
        qm = _before(lex, "qual_before", norm, m.start())
        if qm:
            key = _TRAIL_OPEN.sub("", qm.group()).strip()
            qual = lex.ctx["qual_before"].get(key) or lex.ctx["qual_before"].get(key[1:], "exact")
            start = qm.start()
        end = b
        qa = lex.after["qual_after"].match(norm, b)
        if qa and qual == "exact":
            qual, end = lex.ctx["qual_after"][qa.group().strip()], qa.end()
        rng = _RANGE_OPEN.search(norm, max(0, m.start() - 12), m.start()) \
            if qual == "exact" else None
        gap = _RANGE_GAP.match(norm, end, end + 12) if rng else None
        other = by_start.get(gap.end()) if gap else None
        if other is not None and other.kind == kind and other.unit is not None \
                and other.value > value and other.qualifier == "exact" \
                and math.isnan(other.low) and _same_unit(lex, norm, other, unit_norm):
            joined.add(id(other))                  # بين سنتين و10 سنوات: one range
            out.append(_Stat(rng.start(), other.b, (value + other.value) / 2, kind, other.unit,
                             other.unit_norm, other.currency, "approx", value, other.value))
            continue
        out.append(_Stat(start, end, value, kind, (a, m.end("d")), unit_norm, currency or None,
                         qual))
    return [s for s in stats if id(s) not in joined] + out


_AL_UNIT = regex.compile(r"(?r)(?<!\p{L})[وبلف]?(?P<u>ال(?:ثلاث|اربع|خمس|ست|سبع|ثماني|تسع"
                        r"|احدي|اثنتي|اثني|احد))\s{1,2}\Z")


def _al_teens(lex: _Lex, norm: str, is_blocked) -> list[_Stat]:
    """A teen with the article on its unit: الجولة التسع عشرة (the 19th, a common form of
    التاسعة عشرة) after a singular noun; after a plural (السنوات التسع عشرة) it is a
    definite cardinal that counts nothing new.  Rows of kind ``ordinal`` for the first,
    spans with kind ``skip`` for the second (the numbers inside are not read)."""
    out = []
    i = norm.find("عشر")
    while i >= 0:
        b = i + 3 + (norm.startswith("ه", i + 3))
        m = _AL_UNIT.search(norm, max(0, i - 14), i) if (b == len(norm) or not norm[b].isalpha()) \
            and (i == 0 or not norm[i - 1].isalpha()) else None
        if m and not is_blocked(m.start("u"), b):
            unit = norm[m.start("u") + 2:m.end("u")]
            value = _lexicon_value(unit)
            prev = _prev_word(norm, m.start())
            kind = "ordinal" if value and (prev.endswith("ه") or prev in lex.ctx["ordinal_slot"]) \
                and _strip_al(prev) not in number_words() else "skip"
            out.append(_Stat(m.start("u"), b, float((value or 0) + 10), kind))
        i = norm.find("عشر", b)
    return out


def _lexicon_value(word: str) -> int | None:
    v = number_words().get(word)
    return int(v[0]) if v and v[1] == "unit" else None


def _ordinals(lex: _Lex, norm: str, is_blocked, is_article) -> list[_Stat]:
    out = []
    for m in _AWAL.finditer(norm):          # أول مرة، أول رئيس: "first" before its noun
        a, b = m.span("o")
        prev = _prev_word(norm, m.start())
        if is_blocked(a, b) or prev in lex.ctx["no_ordinal"] or \
                _PERIOD_NEXT.match(norm, b):
            continue                        # الفريق أول (a rank), أول أيام العيد (a date)
        out.append(_Stat(a, b, 1.0, "ordinal"))
    for m in (m for a, b in number_windows(norm) for m in lex.ordinal_re.finditer(norm, a, b)):
        if m.group("ord"):
            a, b = m.span("ord")
            value = parse_ordinal(m.group("ord"))
            if value is None:
                first = m.group("ord").split()[0]
                value = parse_ordinal(first)
                b = a + len(first)
        elif m.group("ald"):
            a, b = m.span("ald")
            before = _strip_al(_prev_word(norm, m.start()))
            if before.endswith("ات") or before in lex.plurals:
                out.append(_Stat(a, b, float(m.group("d")), "count"))   # الساعات الـ24
                continue
            if _TIME_OF_DAY.match(norm, b):
                continue                          # عند الـ6 من مساء: a clock time
            noun = _noun_after(lex, norm, b, is_article)
            if noun and is_blocked(*noun[0]):
                noun = None
            if noun and noun[1][0][:1] in ("ب", "ل", "ك") and noun[1][0] not in lex.plurals \
                    and _n(noun[1][0]) not in lex.plural_values:
                noun = None                       # مباراته الـ 340 بقميص الفريق: a rank
            if noun or _unit_after(lex, norm, b) or _SCALE_NEXT.match(norm[b:b + 12]):
                continue              # الـ60 يوماً، الـ161 مليون ريال: a count, read later
            value = int(m.group("d"))
        else:
            a, b = m.span("adv")
            if not _LETTER_NEXT.match(norm[b:b + 3]) or _BI_AWAL.match(norm, b) or \
                    _CLAUSE_END.search(norm[max(0, a - 3):a]):
                continue
            value = parse_ordinal(m.group("adv"))
        if value is None:
            continue
        after = _WORD.match(norm, b)
        if after and after.group("w") in lex.ctx["time_after"] or \
                _UNTIL_DIGIT.match(norm[b:b + 12]) and _FROM_END.search(norm[max(0, a - 6):a]):
            continue                  # عند السادسة مساءً، من الأول وحتى 30: times and dates
        prev = _prev_word(norm, m.start())
        if prev in lex.ctx["no_ordinal"] or prev in lex.ctx["ident"] or \
                _before(lex, "no_ordinal", norm, m.start()):
            continue
        if prev.startswith("ال") and prev[2:] in number_words():
            continue                  # الأشهر الخمسة الأولى: a period, not a rank
        if _INDEX_NAME.search(norm, max(0, m.start() - 50), m.start()):
            continue                  # مؤشر السوق الأول: the name of an index
        if is_blocked(a, b):
            continue
        out.append(_Stat(a, b, float(value), "ordinal"))
    return out


def extract_statistics(x, **options) -> pd.DataFrame:
    """The statistics table of ``x`` (a str, Article, Corpus or DataFrame).

    >>> df = extract_statistics("ارتفعت الصادرات بنسبة 12٫5 في المئة إلى 3 ملايين طن")
    >>> df[["text", "value", "kind", "unit_norm"]].values.tolist()
    [['بنسبة 12٫5 في المئة', 12.5, 'percent', '%'], ['3 ملايين طن', 3000000.0, 'measure', 'طن']]
    """
    return _base.extract(x, find_statistics, STAT_SCHEMA, **options)


@register_table("statistics", STAT_SCHEMA,
                "numbers with what they count: counts, money, percentages, measures, ordinals",
                rows=True)
def statistics_table(article, **options) -> pd.DataFrame:
    """The statistics table of one article (registered as table ``statistics``).

    >>> import akhbar
    >>> df = statistics_table(akhbar.load_sample()["bbcaaaa309e21574"])
    >>> df.loc[df["kind"] == "money", ["text", "currency"]].values.tolist()
    [['تتجاوز مليون دولار أمريكي', 'USD']]
    """
    return _base.extract_rows(article, find_statistics, **options)
