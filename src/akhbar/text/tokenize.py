"""Word tokenization with offsets into the original text.

:func:`tokenize` follows camel-tools' ``simple_word_tokenize``: it splits on
whitespace and makes every punctuation mark, symbol and emoji sequence its own token.
It differs where the extractors need a unit kept whole or cut apart:

- numbers stay whole with their decimal and thousands separators (``12.5``,
  ``٥٫٠٥``, ``1,250,000``), attached percent signs (``50%``, ``٪٢٠``), and numeric
  dates and ranges (``05/01/2022``, ``12-13``, ``2021-2030``) and clock times
  (``10:30``); camel-tools cuts ``12.5`` into ``12 . 5``;
- URLs, e-mail addresses, hashtags and @mentions are single tokens;
- digits are cut from Arabic letters (``و2023`` -> ``و`` ``2023``), as camel-tools
  does with ``split_digits=True``; Latin words keep their digits (``G20``, ``COVID19``);
- zero-width and bidi controls are not tokens (camel-tools leaves them inside words).

Every token knows its ``start``/``end`` in the text it came from, so
``text[t.start:t.end] == t.text`` always holds, and its ``norm``: the token
normalized with :func:`akhbar.text.normalize.normalize` (digits become ASCII, so
``٢٠٢٣`` and ``2023`` have the same ``norm``).
"""

from __future__ import annotations

from typing import NamedTuple

import regex

from akhbar.text.normalize import DEFAULT_PRESET, normalize

__all__ = ["Token", "TOKEN_KINDS", "tokenize", "token_columns", "token_pattern",
           "word_run_pattern"]

TOKEN_KINDS = ("word", "number", "punct", "latin", "url", "email", "hashtag", "mention",
               "emoji", "symbol")


class Token(NamedTuple):
    """One token: its text, offsets into the source text, normalized form and kind."""

    text: str
    start: int
    end: int
    norm: str
    kind: str


# Every repetition is bounded; alternatives inside a repetition start with disjoint
# characters, so no pattern can backtrack more than linearly.
_D = r"\d"
_NUM = rf"{_D}{{1,20}}(?:[.,\u066b\u066c]{_D}{{1,20}}){{0,8}}"
_PCT = "[%\u066a\u2030]"
_W = r"[^\W\d_\p{Latin}\p{Cf}]"   # a letter or mark of any script but Latin
_L = r"[\p{Latin}\p{M}0-9]"
_PATTERN = rf"""
  (?P<word>{_W}{{1,500}}+(?:\p{{Cf}}{{1,8}}+{_W}{{1,500}}+){{0,50}}+)
| (?P<number>{_D}{{1,2}}:{_D}{{2}}(?::{_D}{{2}})?(?!{_D})
          |{_PCT}?{_NUM}(?:[\-\u2013/]{_NUM}){{0,2}}{_PCT}?)
| (?P<url>(?:[Hh][Tt][Tt][Pp][Ss]?://|[Ww][Ww][Ww]\.)
          [^\s<>"«»()\[\]{{}}]{{0,2000}}[^\s<>"«»()\[\]{{}}.,;:!?'،؛؟])
| (?P<email>[A-Za-z0-9][A-Za-z0-9._%+\-]{{0,63}}@[A-Za-z0-9\-]{{1,63}}
          (?:\.[A-Za-z0-9\-]{{1,63}}){{1,8}})
| (?P<latin>\p{{Latin}}{_L}{{0,500}}+(?:\p{{Cf}}{{1,8}}+{_L}{{1,500}}+){{0,50}}+)
| (?P<punct>(?![#@]\w)\p{{P}})
| (?P<hashtag>\#\w{{1,139}})
| (?P<mention>@\w{{1,50}})
| (?P<emoji>\p{{RI}}\p{{RI}}
          |[0-9\#*]\ufe0f?\u20e3
          |\p{{Extended_Pictographic}}(?:\p{{EMod}}|\ufe0f\u20e3?|[\U000E0020-\U000E007E]{{1,16}}\U000E007F)?
           (?:\u200d\p{{Extended_Pictographic}}(?:\p{{EMod}}|\ufe0f)?){{0,10}})
| (?P<symbol>[^\s\p{{Cf}}\p{{Cc}}\p{{Z}}])
"""
_TOKEN_RE = regex.compile(_PATTERN, regex.VERBOSE | regex.V1)


def token_pattern() -> "regex.Pattern":
    """The compiled token regex (one named group per token kind)."""
    return _TOKEN_RE


# The coarser cut the entity tagger reads (ANERcorp's tokens): a run of letters and
# marks of any script, a number with inner separators, or one other non-space
# character.  The shipped CRF model's features were computed on these tokens, so this
# stays as it is beside the finer pattern above (which keeps URLs whole and cuts Latin
# from Arabic); change it only with a retrained model.  Bounded repetitions keep it linear.
_WORD_RUN_RE = regex.compile(r"[\p{L}\p{M}]{1,80}|\p{Nd}{1,30}(?:[.,]\p{Nd}{1,30}){0,5}|\S")


def word_run_pattern() -> "regex.Pattern":
    """The entity tagger's token regex: letter runs, numbers, single other characters.

    >>> [m.group() for m in word_run_pattern().finditer("قمة G20 في 12.5%")]
    ['قمة', 'G', '20', 'في', '12.5', '%']
    """
    return _WORD_RUN_RE


_NORM_CACHE: dict[str, dict[str, str]] = {}  # preset -> token text -> norm
_NORM_CACHE_MAX = 1 << 17


def _norm_cache(preset: str) -> dict[str, str]:
    cache = _NORM_CACHE.setdefault(preset, {})
    if len(cache) > _NORM_CACHE_MAX:  # a bounded memo: start again when it is full
        cache.clear()
    return cache


def tokenize(text: str, preset: str = DEFAULT_PRESET) -> list[Token]:
    """Split ``text`` into :class:`Token` with offsets; ``norm`` uses ``preset``.

    >>> [(t.text, t.kind) for t in tokenize("ارتفع بنسبة ٥٫٥% في 2021-2030.")]
    [('ارتفع', 'word'), ('بنسبة', 'word'), ('٥٫٥%', 'number'), ('في', 'word'), ('2021-2030', 'number'), ('.', 'punct')]
    >>> t = tokenize("قالَ الوزيرُ")[1]
    >>> t.text, t.start, t.end, t.norm
    ('الوزيرُ', 5, 12, 'الوزير')
    """
    if not isinstance(text, str):
        raise TypeError(f"tokenize() needs a str, not {type(text).__name__}")
    return list(map(Token._make, zip(*token_columns(text, preset))))


def token_columns(text: str, preset: str = DEFAULT_PRESET, offset: int = 0):
    """The tokens of ``text`` as five lists: texts, starts, ends, norms and kinds.

    What :func:`tokenize` returns, column by column and without a Token per token, for
    tables of millions of tokens; ``offset`` is added to every start and end.

    >>> token_columns("قالَ الوزيرُ", offset=10)[1:3]
    ([10, 15], [14, 22])
    """
    cache = _norm_cache(preset)
    # Column by column, in comprehensions: faster than five appends per token.
    ms = list(_TOKEN_RE.finditer(text))
    texts = [m.group() for m in ms]
    norms = list(map(cache.get, texts))
    if None in norms:
        norms = [n if n is not None else cache.setdefault(s, normalize(s, preset))
                 for s, n in zip(texts, norms)]
    starts = [m.start() + offset for m in ms]
    ends = [m.end() + offset for m in ms]
    return texts, starts, ends, norms, [m.lastgroup for m in ms]
