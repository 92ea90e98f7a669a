"""What a single word can be, as the entity rules ask it: part of a name, a common
word, a verb, an adjective, a title's complement, a nationality.

Each predicate reads one token (its surface ``tok`` and match key ``k``) and the
lexicon; most are cached, since news repeats its words.  The word lists come from
``data/entities/`` through :mod:`.lexicon`.
"""

from __future__ import annotations

from functools import lru_cache

from akhbar.extract.entities import lexicon as lex

MAX_NAME = 5      # tokens of a person's name found from a title
MAX_CHAIN = 9     # tokens of a role phrase (عضو المكتب السياسي ووزير الدفاع الوطني)


@lru_cache(maxsize=100_000)
def clitic_split(k: str) -> tuple[str, str]:
    """(clitic, rest) of a match key, the longest clitic leaving three letters."""
    return lex.strip_clitic(k)


@lru_cache(maxsize=1)
def _known_first() -> frozenset[str]:
    return lex.gazetteer_first_words() | lex.given_names() | lex.org_heads()


@lru_cache(maxsize=100_000)
def known_split(k: str) -> tuple[str, str]:
    """(clitic, rest) when the rest opens a known name (gazetteer, given name, head)."""
    return lex.strip_clitic(k, _known_first())


@lru_cache(maxsize=100_000)
def title_split(k: str) -> tuple[str, str]:
    """(clitic, rest) when the rest is a title: للأمين -> (ل, الامين)."""
    return lex.strip_clitic(k, lex.titles())


@lru_cache(maxsize=100_000)
def name_like(tok: str, k: str) -> bool:
    """Could this token be part of a person's name found from context?"""
    if len(k) < 2 or not tok[0].isalpha() or lex.titles().get(k) or \
            (k in lex.stopwords() and not tok.startswith("آ")):
        return False
    c, rest = lex.strip_clitic(k)
    if c and (rest.startswith("ال") or lex.titles().get(rest)):
        return False  # بالسفير, والرئيس
    # A clitic on a common word: وطلاب, لدعمه, بإجراء (but not وليد, بينه, لونغ).
    if len(k) >= 4 and k[0] in "وبل" and k not in lex.given_names() and \
            lex.zipf(tok[1:]) >= 3.5:
        return False
    # Future verbs (سيزور, ستعقد) follow titles too.
    if len(k) >= 5 and k.startswith(("سي", "ست", "سن")) and k not in lex.given_names():
        return False
    if k.startswith("ال") or k.startswith("لل") or tok.endswith("ة") or \
            (k.endswith("ات") and len(k) > 4) or (k.startswith("ست") and len(k) > 5):
        return False
    # Adverbial accusatives (تطاولا, تكريما) and dual pronoun suffixes (دعمهما).
    if (len(k) >= 5 and k.endswith("ا") or k.endswith("هما")) and k not in lex.given_names():
        return False
    # Imperfect verbs (يتحدث, يعمل, يستقبل) follow titles too; few names start so.
    if k.startswith("ي") and len(k) >= 4 and k not in lex.given_names():
        return False
    return True


@lru_cache(maxsize=100_000)
def common(tok: str) -> bool:
    """A frequent Arabic word that is not a known given name (قام, امتنع, تكريما).

    Syllables of transliterated names are short and can be frequent words too
    (لي, تو, فان), so the bar rises for short tokens and vanishes at two letters.
    """
    k = lex.key(tok)
    if len(k) <= 2 or k in lex.given_names():
        return False
    return lex.zipf(tok) >= (5.0 if len(k) == 3 else 4.2)


@lru_cache(maxsize=100_000)
def rare(tok: str, k: str) -> bool:
    """Rarer than Zipf 3, with and without a leading clitic (بنظيره is not rare)."""
    if lex.zipf(tok) >= 3.0:
        return False
    c, _ = clitic_split(k)
    return not c or lex.zipf(tok[len(c):]) < 3.0


@lru_cache(maxsize=100_000)
def verb_like(tok: str, k: str) -> bool:
    """A future or imperfect verb (سيشارك, ستزور, يؤكد, تعتزم), not a name (يوسف, تامر)."""
    if k in lex.given_names() or len(k) < 4:
        return False
    if k[0] == "س" and k[1] in "يتن" and len(k) >= 5:
        tok = tok[1:]
    # A verb's other person is a common word too (يشارك/تشارك); ترامب, تبون, يوسف have
    # none, and transliterated syllables (يونغ/تونغ) are rarer.
    other = {"ي": "ت", "ت": "ي", "ن": "ي"}.get(tok[0])
    return other is not None and lex.zipf(tok) >= 3.5 and lex.zipf(other + tok[1:]) >= 3.5


def complement(k: str, title: str | None, head: bool, label: str,
               src: str | None = None) -> bool:
    """A word that continues a title (الخارجية, العام, الوطني, ووزير, بأعمال).

    ``title``/``head``: the word's title kind and organization-head flag; ``label``
    its current label; ``src`` the source of its tag when it has one.
    """
    if label in ("ORG", "LOC") and (src != "model" or k.startswith("ال") or head):
        return True
    if title == "credit" or k in lex.rule_words()["relative"]:
        return False
    if title:
        return True
    if k.startswith("ال") and len(k) > 3:
        return True  # الخارجية, الصيني, السابق
    if k in lex.stopwords():
        return False
    if head:
        return True
    c, rest = clitic_split(k)
    return k.startswith("ال") or (c in ("و", "ل", "ب") and rest.startswith("ال")) \
        or k.startswith("لل")


def nisba(k: str) -> bool:
    """A relational adjective or a short word: الفيتنامية, الوطني, الأم."""
    return k.endswith(("يه", "ي")) or len(k) <= 4


@lru_cache(maxsize=1)
def _not_adjective() -> frozenset[str]:
    words = lex.rule_words()
    return words["relative"] | words["not_adjective"] | lex.date_words()


def adjective(k: str) -> bool:
    """A definite word that can qualify a name: not a relative pronoun (الذي), nor a
    word of a date (الخميس, الماضي, اليوم)."""
    return k.startswith("ال") and len(k) > 3 and k not in _not_adjective()


@lru_cache(maxsize=100_000)
def nationality(k: str) -> bool:
    """A nisba of a place the gazetteer knows (البريطانية, المصري, الإماراتي, السعودية) or
    of a region (الدولي, العربية): it ends an organization's name."""
    if k in lex.rule_words()["nisba"]:
        return True
    if not k.startswith("ال") or len(k) < 5:
        return False
    stem = k[2:-2] if k.endswith("يه") else k[2:-1] if k.endswith("ي") else ""
    if len(stem) < 2:
        return False
    gaz = lex.gazetteer()[0]
    return any(gaz.get((c,), ("",))[0] == "LOC" for c in (
        stem, stem + "ا", "ال" + stem, "ال" + stem + "يه", stem + "يا"))
