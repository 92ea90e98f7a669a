"""Organizations: names opened by a head noun (وزارة, اللجنة), what belongs to a name
around it, acronyms in parentheses, and people the model glued to a name."""

from __future__ import annotations

from functools import lru_cache

from akhbar.extract.entities import lexicon as lex
from akhbar.extract.entities.sentence import TaggedSentence, spans
from akhbar.extract.entities.words import adjective, name_like, nationality, nisba, rare


def split_org_names(s: TaggedSentence) -> None:
    """Cut a name the model glued to an organization (الأمانة الدائمة | ترونج ثي ماي)."""
    toks, keys, head, tags = s.toks, s.keys, s.info.head, s.tags
    for i, j, label in spans(tags):
        if label != "ORG" or not keys[i].startswith("ال") or j - i < 3:
            continue
        for m in range(i + 1, j):
            if keys[m - 1].startswith("ال") and not keys[m].startswith(("ال", "لل")) \
                    and not head[m] and name_like(toks[m], keys[m]):
                for x in range(m, j):
                    tags[x] = "O"
                break


@lru_cache(maxsize=1)
def _definite_heads() -> frozenset[str]:
    """Definite heads that open a name with an adjective alone (اللجنة المركزية)."""
    return lex.rule_words()["definite_head"]


def org_rule(s: TaggedSentence) -> None:
    """Organization heads: وزارة الخارجية, اتحاد منظمات الصداقة الفيتنامية, اللجنة المركزية.

    An indefinite head (``وزارة``, ``لجنة``, with or without a clitic) followed by at
    most one more indefinite noun and one to four definite words; a definite head
    (``اللجنة``) only with a definite adjective after it (``المركزية``).
    """
    toks, keys, info, tags = s.toks, s.keys, s.info, s.tags
    n = len(keys)
    nxt = 0  # the rule resumes here after a name it tagged
    for i in [x for x, h in enumerate(info.head) if h]:
        if i < nxt or tags[i] != "O":
            continue
        c, rest = lex.strip_clitic(keys[i], lex.org_heads())
        head = rest if c else keys[i]
        j = i + 1
        definite = head.startswith("ال")
        if not definite and j < n and not keys[j].startswith(("ال", "و")) and \
                toks[j][0].isalpha() and keys[j] not in lex.stopwords() and \
                (info.head[j] or keys[j].endswith("ات")):
            j += 1
        m = j
        while m < n and m - j < 4 and tags[m] == "O" and adjective(keys[m]) and \
                not info.title[m] and (m == j or definite or nisba(keys[m])):
            m += 1
        if m == j and not definite and head not in lex.org_heads_ambiguous():
            # شركة دستينيشن ويلث: a bare head before rare foreign words.
            m = _foreign_name_end(s, j)
            if m > j:
                s.mark(i, m, "ORG")
                nxt = m
                continue
        if not definite and head in lex.org_heads_ambiguous() and m - j < 2:
            continue
        m = _genitive_end(s, j, m)
        if m > j and all(tags[x] == "O" for x in range(i, m)) and \
                (not definite or (head in _definite_heads()
                                  and keys[j] not in lex.rule_words()["not_name_adjective"]
                                  and (nisba(keys[j]) or keys[j] == "العامه"))):
            s.mark(i, m, "ORG")
            nxt = m


def _foreign_name_end(s: TaggedSentence, j: int) -> int:
    """The end of the rare name-like words from ``j`` (at most four)."""
    toks, keys, tags, n = s.toks, s.keys, s.tags, len(s.toks)
    m = j
    while m < n and m - j < 4 and tags[m] == "O" and name_like(toks[m], keys[m]) and \
            rare(toks[m], keys[m]) and not keys[m].startswith("و"):
        m += 1
    return m


def _genitive_end(s: TaggedSentence, j: int, m: int) -> int:
    """... للحزب / للأمن العام: a genitive after the adjectives j..m that belongs to the
    name; the name's new end."""
    keys, tags, n = s.keys, s.tags, len(s.keys)
    if m > j and m < n and tags[m] == "O" and keys[m].startswith("لل") and \
            "ا" + keys[m][1:] in lex.org_genitives():
        m += 1
        # الأمن العام is one noun phrase (public security), so العام is kept there.
        while m < n and m - j < 7 and tags[m] == "O" and (
                adjective(keys[m]) or (keys[m] == "العام" and keys[m - 1] == "للامن")):
            m += 1
    return m


def org_extend_rule(s: TaggedSentence) -> None:
    """An organization's name takes what belongs to it around a model or gazetteer span:

    * a place after an institution's head is part of its name (بنك مصر, هيئة قناة
      السويس, أمانة عمان الكبرى);
    * a definite head before it (البنك | الأهلي);
    * a nationality adjective after it (جامعة أكسفورد | البريطانية, أرامكو | السعودية);
    * after a definite head and its adjective, the genitive that says what it does
      (الوكالة الإندونيسية | للأرصاد الجوية, الاتحاد العراقي | لألعاب القوى).
    """
    _place_after_head(s)
    tags = s.tags
    if "B-ORG" not in tags and "I-ORG" not in tags:
        return
    keys, info, heads = s.keys, s.info, lex.org_heads()
    for i, j, label in spans(tags):
        if label != "ORG":
            continue
        if i > 0 and tags[i - 1] == "O" and info.head[i - 1] and keys[i].startswith("ال"):
            c, head = lex.strip_clitic(keys[i - 1], heads)
            if (head if c else keys[i - 1]).startswith("ال"):
                i -= 1
        e = _org_tail_end(s, i, j)
        if e > j or tags[i] == "O":
            s.mark(i, e, "ORG")


def _place_after_head(s: TaggedSentence) -> None:
    """بنك مصر, هيئة قناة السويس: a gazetteer place after an institution's head."""
    toks, keys, info, tags = s.toks, s.keys, s.info, s.tags
    n = len(toks)
    heads = lex.org_heads()
    place_heads = lex.rule_words()["place_head"]
    for gi, gj, glab, _ in info.gaz_spans:
        if glab != "LOC" or gi == 0 or not tags[gi].endswith("LOC") or \
                (gj < n and tags[gj].startswith("I-")):
            continue
        h = gi - 1
        if h > 0 and tags[h] == "O" and info.head[h - 1] and toks[h][0].isalpha() and \
                not keys[h].startswith("ال") and keys[h] not in lex.stopwords():
            h -= 1  # هيئة قناة | السويس, هيئة موانئ | دبي
        c, head = lex.strip_clitic(keys[h], heads)
        if tags[h] == "O" and (head if c else keys[h]) in place_heads:
            e = gj
            while e < n and e - gj < 2 and tags[e] == "O" and adjective(keys[e]) and \
                    nisba(keys[e]):
                e += 1
            s.mark(h, e, "ORG")


def _org_tail_end(s: TaggedSentence, i: int, j: int) -> int:
    """Where the organization i..j ends with its genitive and nationality adjectives."""
    toks, keys, info, tags = s.toks, s.keys, s.info, s.tags
    n, heads = len(toks), lex.org_heads()
    c, head = lex.strip_clitic(keys[i], heads)
    first = head if c else keys[i]
    e = j
    # A name the gazetteer holds is complete: الاتحاد الأوروبي | للعمل على ...
    if j - i >= 2 and first.startswith("ال") and first in heads and e < n and \
            info.gaz[e - 1] == "O" and \
            tags[e] == "O" and keys[e] not in lex.stopwords():
        k = keys[e]
        if k.startswith("لل") and len(k) > 4:
            e += 1
        elif k.startswith("ل") and not k.startswith(("لت", "لي")) and e + 1 < n and \
                tags[e + 1] == "O" and adjective(keys[e + 1]) and \
                lex.zipf(toks[e][1:]) >= 3.0 and k[1:] not in lex.stopwords():
            e += 2
        while e > j and e < n and e - j < 4 and tags[e] == "O" and \
                adjective(keys[e]) and not info.title[e]:
            e += 1
    # Not the nationality of the person named next: الأهلي | المغربي أشرف بن شرقي.
    while e < n and e - j < 6 and tags[e] == "O" and nationality(keys[e]) and not (
            e + 1 < n and (tags[e + 1].endswith("PER") or info.given[e + 1])):
        e += 1
    return e


def acronym_rule(s: TaggedSentence) -> None:
    """An acronym in parentheses right after an organization: (آسيان)."""
    toks, tags = s.toks, s.tags
    if "(" not in toks:
        return
    for i in range(1, len(toks) - 2):
        if toks[i] == "(" and tags[i - 1].endswith("-ORG") and toks[i + 2] == ")" \
                and toks[i + 1][0].isalpha() and tags[i + 1] == "O":
            tags[i + 1], s.src[i + 1] = "B-ORG", "rule"
