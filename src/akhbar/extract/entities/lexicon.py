"""The entity extractor's language data: gazetteers, titles, organization heads.

Each file under ``akhbar/data/entities/`` is read once, lazily, and turned into lookup tables
keyed by *match keys*: tokens normalized with the ``match`` preset (no diacritics,
أإآ -> ا, ى -> ي, ة -> ه), so that spelling variants of one word share a key.
"""

from __future__ import annotations

from collections import defaultdict
from functools import lru_cache

from akhbar import data
from akhbar.text.normalize import normalize
from akhbar.text.tokenize import word_run_pattern

#: The tagger's tokens (see :func:`akhbar.text.tokenize.word_run_pattern`).
TOKEN_RE = word_run_pattern()

#: Leading clitics, longest first, from ``text/clitics.tsv`` (the list text.segment
#: reads too).  ``لل`` is ل + the article ال with its alef dropped.
CLITICS = tuple(row[0] for row in data.rows("text/clitics.tsv"))


@lru_cache(maxsize=200_000)
def key(token: str) -> str:
    """The match key of one token (``match`` normalization; Latin lower-cased)."""
    return normalize(token, "match").lower()


def tokens(text: str) -> list[str]:
    """Tokens of ``text`` (the same tokenization the tagger uses)."""
    return [m.group() for m in TOKEN_RE.finditer(text)]


def _keys(name: str, column: int | None = None) -> frozenset[str]:
    """The match keys of a word list (or of one column of a table)."""
    return frozenset(key(w) for w in data.words(name, column=column))


def strip_clitic(k: str, known=None) -> tuple[str, str]:
    """Split a match key into ``(clitic, rest)``.

    With ``known`` (a set of keys), only a split whose rest is known is accepted;
    without it the longest clitic that leaves at least three letters is removed.
    ``لل`` restores the article: ``للامم`` -> ``("ل", "الامم")``.
    """
    for c in CLITICS:
        if k.startswith(c) and len(k) - len(c) >= 2:
            rest = k[len(c):]
            clitic = c
            if c.endswith("لل"):
                rest, clitic = "ال" + rest, c[:-1]
            elif c.endswith("ال") and len(c) > 2:
                rest, clitic = "ال" + rest, c[:-2]
            if known is None:
                if len(rest) >= 3:
                    return clitic, rest
            elif rest in known:
                return clitic, rest
    return "", k


@lru_cache(maxsize=1)
def rule_words() -> dict[str, frozenset[str]]:
    """``entities/rule_words.tsv``: kind -> match keys (words the rules read, not the CRF)."""
    out: dict[str, set[str]] = defaultdict(set)
    for word, kind in data.rows("entities/rule_words.tsv"):
        out[kind].add(key(word))
    return {kind: frozenset(words) for kind, words in out.items()}


@lru_cache(maxsize=1)
def date_words() -> frozenset[str]:
    """Weekdays and relative words (الماضي, المقبل, الجاري …) from the dates' data files
    (match keys): words of a date, never part of a name."""
    words = [*data.load_json("dates/months.json")["weekdays"],
             *data.words("dates/relative.tsv", column=0)]
    return frozenset(map(key, words))


@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    """Function words and frequent news words that end a name (match keys)."""
    return _keys("entities/name_stopwords.txt")


@lru_cache(maxsize=1)
def titles() -> dict[str, str]:
    """Title word (match key) -> kind: office, qualifier, honorific or rank."""
    out: dict[str, str] = {}
    for word, kind in data.rows("entities/titles.tsv"):
        out.setdefault(key(word), kind)
    return out


@lru_cache(maxsize=1)
def org_heads() -> frozenset[str]:
    """Head nouns of organization names (match keys)."""
    return _keys("entities/org_heads.tsv", column=0)


@lru_cache(maxsize=1)
def org_heads_ambiguous() -> frozenset[str]:
    """Heads that are also common nouns: they need two definite words after them."""
    return frozenset(key(word) for word, unambiguous in data.rows("entities/org_heads.tsv")
                     if unambiguous != "1")


def _add(gaz: dict, name: str, label: str, canonical: str) -> None:
    toks = tuple(key(t) for t in tokens(name))
    if toks and toks not in gaz:
        gaz[toks] = (label, canonical)


@lru_cache(maxsize=1)
def gazetteer() -> tuple[dict[tuple[str, ...], tuple[str, str]], int]:
    """Multi-word gazetteer: tuple of token keys -> (label, canonical); and max length.

    Organizations come first so that names CLDR also lists among territories (the
    European Union, the United Nations) are organizations.
    """
    gaz: dict[tuple[str, ...], tuple[str, str]] = {}
    for file, label in (("entities/org_international.tsv", "ORG"), ("entities/cities.tsv", "LOC")):
        for canon, variants in data.rows(file):
            for name in [canon, *filter(None, variants.split("|"))]:
                _add(gaz, name, label, canon)
    for name, codes in data.rows("entities/territories.tsv"):
        if codes in ("EU", "EZ", "UN", "001"):
            continue  # organizations / "the world"
        _add(gaz, name, "LOC", name)
    for name in data.words("entities/cities_cldr.tsv", column=0):
        _add(gaz, name, "LOC", name)
    return gaz, max(len(k) for k in gaz)


@lru_cache(maxsize=1)
def gazetteer_first_words() -> frozenset[str]:
    """Keys of the first word of every gazetteer entry (for clitic stripping)."""
    return frozenset(k[0] for k in gazetteer()[0])


@lru_cache(maxsize=1)
def _lengths_by_first() -> dict[str, tuple[int, ...]]:
    out: dict[str, set[int]] = {}
    for k in gazetteer()[0]:
        out.setdefault(k[0], set()).add(len(k))
    return {w: tuple(sorted(v, reverse=True)) for w, v in out.items()}


@lru_cache(maxsize=100_000)
def gaz_heads(k0: str) -> tuple[str, ...]:
    """The forms under which a token can open a gazetteer name (with/without clitic)."""
    first = _lengths_by_first()
    heads = [k0] if k0 in first else []
    c, rest = strip_clitic(k0, first)
    if c:
        heads.append(rest)
    return tuple(heads)


def gazetteer_spans(keys: list[str], heads: list[tuple[str, ...]] | None = None
                    ) -> list[tuple[int, int, str, str]]:
    """Longest gazetteer matches over a token-key sequence: (i, j, label, canonical).

    The first token of a match may carry a leading clitic (``وفيتنام``, ``بالصين``).
    ``heads``: ``gaz_heads`` of every key, when the caller has them already.
    """
    gaz = gazetteer()[0]
    lengths = _lengths_by_first()
    if heads is None:
        heads = [gaz_heads(k) for k in keys]
    out = []
    n, nxt = len(keys), 0
    for i in [i for i, h in enumerate(heads) if h]:
        if i < nxt:
            continue
        hit = None
        for h in heads[i]:
            for ln in lengths[h]:  # longest first
                if i + ln <= n and (hit is None or ln > hit[1] - i):
                    val = gaz.get((h, *keys[i + 1:i + ln]))
                    if val is not None:
                        hit = (i, i + ln, *val)
                        break
        if hit:
            out.append(hit)
            nxt = hit[1]
    return out


@lru_cache(maxsize=1)
def given_names() -> frozenset[str]:
    """Frequent given names (match keys): a tagger feature, not an entity list."""
    return _keys("entities/given_names.txt")


@lru_cache(maxsize=1)
def word_freq() -> dict[str, float]:
    """Word -> Zipf frequency (wordfreq's Arabic list; rarer words are absent).

    Keyed by the spelling with hamza kept and diacritics dropped: آنه (a name
    syllable) must not inherit the frequency of أنه.
    """
    out: dict[str, float] = {}
    for w, z in data.rows("entities/word_freq.tsv"):
        k = freq_key(w)
        zf = float(z)
        if zf > out.get(k, 0.0):
            out[k] = zf
    return out


@lru_cache(maxsize=200_000)
def freq_key(token: str) -> str:
    """The frequency-list key of a token: diacritics, tatweel and controls dropped."""
    return normalize(token, "search", alef=False, punctuation=False, digits=False)


def nisba_shaped(k: str) -> bool:
    """Is a match key shaped like a definite relative adjective (الجزائري, الروسية)?
    Match keys write ة as ه."""
    return k.startswith("ال") and len(k) >= 6 and k.endswith(("ي", "يه"))


def zipf(token: str) -> float:
    """Zipf frequency of a token (its surface spelling); 0 below the list's floor."""
    return word_freq().get(freq_key(token), 0.0)


@lru_cache(maxsize=1)
def org_genitives() -> frozenset[str]:
    """Nouns that continue an organization's name after لل (match keys, with ال)."""
    return _keys("entities/org_genitives.txt")


@lru_cache(maxsize=1)
def place_triggers() -> frozenset[str]:
    """Nouns after which names are places (match keys)."""
    return _keys("entities/place_triggers.txt")


@lru_cache(maxsize=1)
def person_names() -> frozenset[str]:
    """Person-name parts from JRC-Names via arabnamer (match keys): a tagger feature."""
    return _keys("entities/person_names.txt")


@lru_cache(maxsize=1)
def city_names() -> frozenset[str]:
    """One-word GeoNames city names (match keys): a tagger feature."""
    return _keys("entities/cities_geonames.txt")
