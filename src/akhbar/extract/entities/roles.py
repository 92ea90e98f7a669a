"""A person's role: the title phrase before the name (نائب وزير الخارجية | نغو لي فان)
or between commas after it (الأمير X، ولي العهد،)."""

from __future__ import annotations

from functools import lru_cache

from akhbar.extract.entities import lexicon as lex
from akhbar.extract.entities.sentence import SEPARATORS, TaggedSentence
from akhbar.extract.entities.words import MAX_CHAIN, complement, title_split

#: A role: (first token, end token, length of a clitic on the first token).
Role = tuple[int, int, int]


def _role_kind(s: TaggedSentence, x: int) -> str | None:
    """The title kind of token x for roles: titles.tsv's, or ``office`` for the rule
    list's role words (نظيره, العاهل, المدرب)."""
    t = s.info.title[x]
    k = s.keys[x]
    if t is None and (k in lex.rule_words()["role"] or _role_split(k)[0]):
        return "office"
    return t


@lru_cache(maxsize=100_000)
def _role_split(k: str) -> tuple[str, str]:
    """(clitic, rest) of a role word with a clitic: بالعاهل -> (ب, العاهل)."""
    return lex.strip_clitic(k, lex.rule_words()["role"])


def _role_link(k: str, title: str | None, head: bool, label: str) -> bool:
    """A word that continues a role phrase: a complement, or باسم/لدى."""
    return k in lex.rule_words()["link"] or complement(k, title, head, label)


def _clitic_len(k: str) -> int:
    return len(title_split(k)[0] or _role_split(k)[0])


def role_before(s: TaggedSentence, labels: list[str], start: int) -> Role | None:
    """The role phrase that ends right before token ``start`` (a comma may stand
    between), or None."""
    toks, keys, head = s.toks, s.keys, s.info.head
    j = start - 1
    if j >= 0 and toks[j] in SEPARATORS:
        j -= 1
    chain_end = j + 1
    kind: dict[int, str | None] = {}
    while j >= 0 and chain_end - j <= MAX_CHAIN:
        kind[j] = _role_kind(s, j)
        if labels[j] == "PER" or not _role_link(keys[j], kind[j], head[j], labels[j]):
            break
        j -= 1
    first = j + 1
    # The chain must begin with a title word.
    while first < chain_end and kind.get(first) in (None, "credit"):
        first += 1
    # القائم بأعمال (acting): القائم alone is too ambiguous to be a title word.
    if first < chain_end and first > 0 and keys[first] == "باعمال" and \
            keys[first - 1] == "القائم":
        first -= 1
    last = chain_end
    while last > first and kind.get(last - 1) == "credit":
        last -= 1
    # An office before a rank, an honorific or a title in apposition keeps the office:
    # وزير الخارجية القطري | الشيخ, العاهل الأردني | الملك (but نائب الرئيس).
    while last - 1 > first and (kind[last - 1] in ("honorific", "rank") or (
            kind[last - 1] and keys[last - 1].startswith("ال") and
            keys[last - 2].startswith("ال") and kind[last - 2] != "qualifier")):
        last -= 1
    # A rank or honorific alone is a role (الشيخ, الأمير); a courtesy word is not (السيد).
    if first >= last or (last - first == 1 and keys[first] in lex.rule_words()["courtesy"]):
        return None
    return first, last, _clitic_len(keys[first])


def role_after(s: TaggedSentence, labels: list[str], end: int) -> Role | None:
    """A role phrase between commas right after a name ending at ``end``, or None."""
    toks, keys, head = s.toks, s.keys, s.info.head
    if end >= len(toks) or toks[end] not in SEPARATORS:
        return None
    j = end + 1
    if j >= len(toks) or _role_kind(s, j) in (None, "honorific", "credit"):
        return None
    m = j + 1
    while m < len(toks) and m - j < MAX_CHAIN and _role_link(
            keys[m], _role_kind(s, m), head[m], labels[m]) and labels[m] != "PER":
        m += 1
    return j, m, _clitic_len(keys[j])


def person_role(s: TaggedSentence, labels: list[str], i: int, j: int) -> Role | None:
    """The role of the person named by tokens i..j: before the name, unless a lone
    rank or honorific stands there and an office follows between commas
    (الأمير X، ولي العهد،)."""
    r = role_before(s, labels, i)
    if r is None or (r[1] - r[0] == 1 and s.info.title[r[0]] in ("honorific", "rank")):
        r = role_after(s, labels, j) or r
    return r
