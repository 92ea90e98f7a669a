"""Clitic segmentation, stemming and stop words.

:func:`segment` splits a word into its clitics (the conjunctions و ف, the
prepositions ب ك ل, the article ال, ``لل`` = ل + ال, and attached pronouns) and its
stem, each piece with offsets into the word.  When camel-tools' morphological data
is installed (``camel_data -i light``) it uses camel-tools' MLE disambiguator with
the ``d3tok`` scheme; otherwise a conservative rule-based light segmenter: it strips
a clitic only where Arabic orthography makes it safe (a preposition only before the
article, و/ف only before a stem of three letters or more that is not in the list of
words beginning with و/ف, a pronoun only after a stem of three letters or more and
never after the article), so it errs towards leaving a word whole.

:func:`stem` strips clitics with the rules above and then the suffix tashaphyne's
light stemmer finds; it was picked by evidence: ``python -m akhbar.eval stemmers``
scores snowballstemmer's Arabic stemmer and tashaphyne's light stemmer and root
extractor, alone and after our clitic rules, on 199 hand-checked word forms of 40
lemmas (pairwise F1: 0.89 for ours, 0.87 rules + full tashaphyne, 0.81 tashaphyne
alone and rules + snowball, 0.65 snowball alone).

:func:`stopwords` is spaCy's Arabic stop-word list (``data/text/stopwords_ar.txt``),
normalized, plus anything the user adds.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterable
from functools import lru_cache
from typing import NamedTuple

from akhbar import data
from akhbar.text.normalize import DEFAULT_PRESET, normalize, normalize_with_offsets

__all__ = ["Piece", "segment", "light_stem", "stem", "stopwords", "add_stopwords",
           "is_stopword"]


class Piece(NamedTuple):
    """One piece of a segmented word: its text, offsets into the word, and role.

    ``role`` is ``"conj"`` (و ف), ``"prep"`` (ب ك ل), ``"det"`` (ال), ``"stem"`` or
    ``"pron"`` (an attached pronoun).
    """

    text: str
    start: int
    end: int
    role: str


@lru_cache(maxsize=1)
def _wf_initial() -> "re.Pattern":
    """Regex: a word beginning with a word whose first letter و/ف is a stem letter.

    Entries of three letters or more also match as prefixes (وزارة covers وزارتها,
    وزير covers وزيرها); shorter ones only match whole words.
    """
    words = set()
    for w in data.lines("text/clitic_exceptions.txt"):
        w = normalize(w)
        words.add(w)
        if w.endswith("ة"):
            words.add(w[:-1] + "ت")  # ة is written ت before a suffix
    alts = sorted(words, key=lambda w: (-len(w), w))
    body = "|".join(re.escape(w) + ("" if len(w) >= 3 else "$") for w in alts)
    return re.compile(f"(?:{body})")


def _clitic_letters(role: str) -> str:
    """The one-letter clitics of ``role`` (conj, prep) in ``text/clitics.tsv``, the
    clitic list the entity tagger also reads."""
    return "".join(c for c, pieces in data.rows("text/clitics.tsv") if pieces == role)


_CONJ = _clitic_letters("conj")      # و ف
_PREP = _clitic_letters("prep")      # ب ل ك
_PREP_NOT_L = _PREP.replace("ل", "")  # before a word of _NOT_DET (بالله), ل is not split

_PRONOUNS = ("هما", "كما", "هم", "هن", "ها", "كم", "كن", "نا")
# Single-letter pronouns are stripped only after a teh (a teh marbuta written open
# before a suffix: مدرسته, حكومتك), where a stem-final ه/ك is rare.
_SHORT_PRONOUNS = ("ه", "ك")
_NOT_DET = frozenset({"الله", "اللهم", "الذي", "التي", "الذين", "اللذان", "اللتان",
                      "اللذين", "اللتين", "اللاتي", "اللائي", "اللواتي", "الا", "الان",
                      "الاف", "الى", "الي", "اليه", "اليها", "اليهم", "اليك", "الينا"})


def _rule_pieces(w: str) -> list[tuple[int, int, str]]:
    """Segment a normalized word: (start, end, role) triples covering it."""
    n = len(w)
    pre: list[tuple[int, int, str]] = []
    i = 0
    if n >= 4 and w[0] in _CONJ and not _wf_initial().match(w):
        pre.append((0, 1, "conj"))
        i = 1
    det = False
    c = w[i:i + 1]  # a preposition? (empty at the end of the word)
    if w.startswith("لل", i) and n - i >= 4:
        pre += [(i, i + 1, "prep"), (i + 1, i + 2, "det")]
        i += 2
        det = True
    elif c and c in _PREP_NOT_L and w[i + 1:] in _NOT_DET:
        pre.append((i, i + 1, "prep"))   # بالله: ب + الله, not ب + ال + له
        i += 1
        det = True
    elif c and c in _PREP and w.startswith("ال", i + 1) and n - i - 3 >= 2:
        pre += [(i, i + 1, "prep"), (i + 1, i + 3, "det")]
        i += 3
        det = True
    elif w.startswith("ال", i) and n - i - 2 >= 2 and w[i:] not in _NOT_DET:
        pre.append((i, i + 2, "det"))
        i += 2
        det = True
    if not pre and w in _NOT_DET:
        return [(0, n, "stem")]
    post: list[tuple[int, int, str]] = []
    j = n
    if not det:
        for p in _PRONOUNS:
            if w.endswith(p) and j - len(p) - i >= 3:
                post.append((j - len(p), j, "pron"))
                j -= len(p)
                break
        else:
            for p in _SHORT_PRONOUNS:
                if w.endswith(p) and j - 1 - i >= 3 and w[j - 2] == "ت":
                    post.append((j - 1, j, "pron"))
                    j -= 1
                    break
    return [*pre, (i, j, "stem"), *post]


_CAMEL = None  # lazily: the camel-tools morphological tokenizer, or False


def _camel_tokenizer():
    """camel-tools' MLE d3tok tokenizer if its data is installed, else None."""
    global _CAMEL
    if _CAMEL is None:
        try:
            from camel_tools.disambig.mle import MLEDisambiguator
            from camel_tools.tokenizers.morphological import MorphologicalTokenizer
            mle = MLEDisambiguator.pretrained()
            _CAMEL = MorphologicalTokenizer(mle, scheme="d3tok", split=True)
        except Exception:  # no data installed, or an incompatible version
            _CAMEL = False
    return _CAMEL or None


def _camel_pieces(tokenizer, w: str) -> list[tuple[int, int, str]] | None:
    """Align camel's d3tok pieces (``و+ ال+ كتاب +ه``) with the normalized word."""
    pieces = [p for p in tokenizer.tokenize([w]) if p]
    pre = [p[:-1] for p in pieces if p.endswith("+") and not p.startswith("+")]
    post = [p[1:] for p in pieces if p.startswith("+") and not p.endswith("+")]
    if len(pre) + len(post) >= len(pieces):
        return None
    out: list[tuple[int, int, str]] = []
    i = 0
    for p in pre:
        p = normalize(p)
        if p == "ال" and out and out[-1][2] == "prep" and w[i - 1:i] == "ل" \
                and w.startswith("ل", i) and not w.startswith("ال", i):
            k = 1   # لل: the article's alef is not written after ل
        elif w.startswith(p, i):
            k = len(p)
        else:
            return None
        role = "det" if p == "ال" else "conj" if p in ("و", "ف") else "prep"
        out.append((i, i + k, role))
        i += k
    j = len(w)
    tail: list[tuple[int, int, str]] = []
    for p in reversed(post):
        p = normalize(p)
        if not w.endswith(p, 0, j):
            return None
        tail.insert(0, (j - len(p), j, "pron"))
        j -= len(p)
    if j <= i:
        return None
    return [*out, (i, j, "stem"), *tail]


def segment(word: str, method: str = "auto") -> list[Piece]:
    """Split ``word`` into clitics and stem, with offsets into ``word``.

    ``method`` is ``"auto"`` (camel-tools when its data is installed, else rules),
    ``"camel"`` or ``"rules"``.  Diacritics stay attached to their letters.

    >>> [(p.text, p.role) for p in segment("وبالاتفاقيةِ", method="rules")]
    [('و', 'conj'), ('ب', 'prep'), ('ال', 'det'), ('اتفاقيةِ', 'stem')]
    >>> [(p.text, p.role) for p in segment("للمدرسة", method="rules")]
    [('ل', 'prep'), ('ل', 'det'), ('مدرسة', 'stem')]
    >>> [(p.text, p.role) for p in segment("وزارتها", method="rules")]
    [('وزارت', 'stem'), ('ها', 'pron')]
    """
    if not isinstance(word, str):
        raise TypeError(f"segment() needs a str, not {type(word).__name__}")
    norm, omap = normalize_with_offsets(word, DEFAULT_PRESET)
    if not norm.strip():
        return [Piece(word, 0, len(word), "stem")] if word else []
    spans = None
    if method in ("auto", "camel"):
        tok = _camel_tokenizer()
        if tok is not None:
            spans = _camel_pieces(tok, norm)
        elif method == "camel":
            from akhbar.errors import ConfigError
            raise ConfigError("segment(method='camel') needs camel-tools' morphology data; "
                              "install it with: camel_data -i light")
    elif method != "rules":
        from akhbar.errors import ConfigError
        raise ConfigError(f"unknown segment method {method!r}; use 'auto', 'camel' or 'rules'")
    if spans is None:
        spans = _rule_pieces(norm)
    # Cut the original word at the start of every piece after the first; a cut that
    # falls inside a ligature (ﻻ gives the ل of ال and the ا of the stem) moves to its
    # end, and a piece left empty joins the stem.
    cuts = [omap.start(spans[0][0])]
    for a, _, _ in spans[1:]:
        cuts.append(max(cuts[-1], omap.start(a)))
    cuts.append(max(cuts[-1], omap.end(spans[-1][1])))
    out: list[Piece] = []
    for (a, b, role), s, e in zip(spans, cuts, cuts[1:]):
        if s < e:
            out.append(Piece(word[s:e], s, e, role))
        elif role == "stem" and out:
            prev = out.pop()
            out.append(Piece(word[prev.start:e], prev.start, e, "stem"))
    return out


def light_stem(word: str) -> str:
    """The rule-based stem of a normalized word: :func:`segment` without clitics.

    >>> light_stem("والمعلمين"), light_stem("مدرستنا")
    ('معلمين', 'مدرسة')
    """
    pieces = _rule_pieces(word)
    for a, b, role in pieces:
        if role == "stem":
            core = word[a:b]
            # ة is written ت before a pronoun: مدرستنا -> مدرسة
            if pieces[-1][2] == "pron" and core.endswith("ت") and len(core) >= 4:
                core = core[:-1] + "ة"
            return core
    return word


_STEM_LOCK = threading.Lock()


@lru_cache(maxsize=1)
def _suffix_stemmer():
    """A function word -> suffix tashaphyne's light stemmer finds (``""`` if none)."""
    from tashaphyne.stemming import ArabicLightStemmer
    ls = ArabicLightStemmer()

    def suffix(word: str) -> str:
        # light_stem() = transform2stars() + segment() + a stem choice; the suffix
        # comes from segment() alone (same suffix on 30,453 distinct news stems), at a
        # seventh of the cost, which new words in a large corpus pay again and again.
        ls.segment(word)
        return ls.get_suffix() or ""
    return suffix


@lru_cache(maxsize=1 << 16)
def stem(word: str) -> str:
    """The stem of ``word``: clitics stripped by our rules, suffixes by tashaphyne.

    tashaphyne also strips و/ف/ب/ل prefixes, blindly (وزير -> زير, فيتنام -> تنام);
    our clitic rules know which of these letters belong to the word, so only
    tashaphyne's suffix cut is used.

    >>> stem("والاتفاقيات"), stem("اتفاقية"), stem("للمدرسة"), stem("مدرستنا"), stem("وزيرها")
    ('اتفاق', 'اتفاق', 'مدرس', 'مدرس', 'وزير')
    """
    norm = normalize(word)
    return _core_stem(light_stem(norm)) if norm else norm


@lru_cache(maxsize=1 << 16)
def _core_stem(core: str) -> str:
    """``core`` (a word without clitics) without the suffix tashaphyne finds."""
    with _STEM_LOCK:  # tashaphyne's stemmer keeps state between calls
        suf = _suffix_stemmer()(core)
    if suf and len(core) - len(suf) >= 2 and core.endswith(suf):
        return core[:-len(suf)]
    return core


_USER_STOPWORDS: set[str] = set()


@lru_cache(maxsize=1)
def _base_stopwords() -> frozenset[str]:
    return frozenset(normalize(w) for w in data.lines("text/stopwords_ar.txt"))


def add_stopwords(words: Iterable[str]) -> None:
    """Add words to the stop-word list for this session (they are normalized).

    >>> add_stopwords(["المراسل"]); is_stopword("المراسل")
    True
    """
    if isinstance(words, str):
        words = [words]
    _USER_STOPWORDS.update(normalize(w) for w in words)


def stopwords(extra: Iterable[str] = ()) -> frozenset[str]:
    """The normalized Arabic stop words (spaCy's list), the user's, and ``extra``.

    >>> "الذي" in stopwords() and "إلى" not in stopwords() and "الى" in stopwords()
    True
    """
    if isinstance(extra, str):
        extra = [extra]
    return _base_stopwords() | _USER_STOPWORDS | {normalize(w) for w in extra}


def is_stopword(word: str) -> bool:
    """Whether the normalized ``word`` is a stop word.

    >>> is_stopword("وفي"), is_stopword("فيتنام")
    (True, False)
    """
    n = normalize(word)
    return n in _base_stopwords() or n in _USER_STOPWORDS
