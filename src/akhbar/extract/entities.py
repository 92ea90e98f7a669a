"""Named entities: people with their roles, organizations and places.

The default backend is a linear-chain CRF trained on ANERcorp
(``scripts/train_ner.py``; the model ships in ``akhbar/data/models``) combined with
gazetteers (CLDR territory and city names via Babel, international organizations) and
trigger rules, so that names no training data contains, such as names transliterated
from Vietnamese or Chinese, are still found from their context:

* a title or office before a name (``الأمين العام``, ``نائبة وزير الخارجية``,
  ``السيد``, ``الرفيق``) marks the words after it as a person, up to a function word,
  punctuation or a definite noun;
* an acronym in parentheses after an organization (``(آسيان)``) is that organization;
* a leading clitic (و, ف, ب, ل, ك) is left out of the span when the rest is a known name.

Text is normalized once (``search`` preset), tokenized, tagged, and every span is
mapped back to the original text, so ``text[start:end] == row["text"]`` always holds.
:func:`extract_entities` then gives every mention a ``canonical`` spelling shared by its
variants (``ترونج``/``ترونغ``, ``آنه``/``آن``, hamza forms, a family name alone after
the full name) within an article and across the corpus.
"""

from __future__ import annotations

import os
import re
from collections import Counter, defaultdict
from functools import lru_cache
from pathlib import Path

import pandas as pd

from akhbar import data
from akhbar._tables import make_frame, register_table
from akhbar.errors import ConfigError
from akhbar.extract import _base
from akhbar.extract import _ner_lexicon as lex
from akhbar.extract._ner_features import sent_features, token_info
from akhbar.text.normalize import normalize, normalize_with_offsets

__all__ = ["ENTITY_SCHEMA", "extract_entities", "find_entities", "organizations",
           "people", "places", "tag_tokens"]

ENTITY_SCHEMA = {"article_id": "string", "text": "string", "start": "int64", "end": "int64",
                 "label": "string", "canonical": "string", "role": "string",
                 "source": "string"}

LABELS = ("PER", "ORG", "LOC", "MISC")
_MAX_NAME = 5      # tokens of a person's name found from a title
_MAX_CHAIN = 9     # tokens of a role phrase (عضو المكتب السياسي ووزير الدفاع الوطني)
_PUNCT_SKIP = {",", "،"}
_SENT_END = {".", "!", "?", ";", ":", "\n"}


# --------------------------------------------------------------------------- model

def _model_path() -> Path:
    path = data.path("entities/models/ner_crf.crfsuite")
    if not path.exists():
        raise ConfigError(f"the entity model {path} is missing; rebuild it with "
                          "`python scripts/train_ner.py`")
    return path


@lru_cache(maxsize=1)
def _crf():
    """The model in python-crfsuite (the reference tagger; see :func:`_compiled`)."""
    import pycrfsuite

    tagger = pycrfsuite.Tagger()
    tagger.open(str(_model_path()))
    return tagger


#: Sentences on which the compiled tagger must list the same features as
#: sent_features before it is used (titles, heads, gazetteer names, both edges).
_CHECK_SENTENCES = (
    "قال الرئيس فو فان ثونج إن وزارة الخارجية الفيتنامية ستزور هانوي وبكين .",
    "استقبل الأمين العام للأمم المتحدة السيد نجوين في مدينة هوي شي منه",
    "( آسيان ) 2023",
)


@lru_cache(maxsize=1)
def _compiled():
    """(FeatureIds, CRF) for the model read into numpy, or None to use python-crfsuite.

    Same tags as :func:`_crf`, several times faster (see :mod:`._crf`).  Set
    ``AKHBAR_NER_CRFSUITE=1`` to tag with python-crfsuite instead; a model file this
    reader does not understand, or features the two paths would list differently,
    fall back to it too (with a warning).
    """
    if os.environ.get("AKHBAR_NER_CRFSUITE", "") not in ("", "0"):
        return None
    import warnings

    from akhbar.extract._crf import CRF
    from akhbar.extract._ner_features import FeatureIds

    path = _model_path()
    try:
        crf = CRF(path)
    except ConfigError as e:
        warnings.warn(f"{e}; tagging with python-crfsuite", stacklevel=2)
        return None
    ids = FeatureIds(crf.attr_id, crf.weights)
    sents = [(t, token_info(t)) for t in map(lex.tokens, _CHECK_SENTENCES)]
    if not ids.check(sents):
        warnings.warn("the compiled entity tagger lists other features than "
                      "sent_features; tagging with python-crfsuite", stacklevel=2)
        return None
    return ids, crf


# Lone surrogates are possible in any Python str and NUL ends a C string: CRFsuite
# would fail on the first and cut attribute names at the second.
_ODD_CHARS = re.compile("[\ud800-\udfff\x00]")


def _crf_tags(sents: list[tuple[list[str], dict]]) -> list[list[str]]:
    """The CRF's tags of non-empty sentences, given as (tokens, token_info) pairs."""
    compiled = _compiled()
    if compiled is None or _ODD_CHARS.search("".join(t for s, _ in sents for t in s)):
        tagger = _crf()
        return [list(tagger.tag(sent_features(toks, info))) for toks, info in sents]
    ids, crf = compiled
    labels = crf.labels
    return [[labels[y] for y in path]
            for path in crf.viterbi(ids.scores(sents), [len(s) for s, _ in sents])]


def _spans(tags: list[str]) -> list[tuple[int, int, str]]:
    """(start, end, label) of the BIO spans of ``tags`` (a stray I- opens a span)."""
    if tags.count("O") == len(tags):
        return []
    out, end = [], 0
    for i in [i for i, t in enumerate(tags) if t != "O"]:
        if i < end:
            continue
        inside = "I-" + tags[i][2:]
        end = i + 1
        while end < len(tags) and tags[end] == inside:
            end += 1
        out.append((i, end, inside[2:]))
    return out


@lru_cache(maxsize=100_000)
def _name_like(tok: str, k: str) -> bool:
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
def _common(tok: str) -> bool:
    """A frequent Arabic word that is not a known given name (قام, امتنع, تكريما).

    Syllables of transliterated names are short and can be frequent words too
    (لي, تو, فان), so the bar rises for short tokens and vanishes at two letters.
    """
    k = lex.key(tok)
    if len(k) <= 2 or k in lex.given_names():
        return False
    return lex.zipf(tok) >= (5.0 if len(k) == 3 else 4.2)


@lru_cache(maxsize=100_000)
def _rare(tok: str, k: str) -> bool:
    """Rarer than Zipf 3, with and without a leading clitic (بنظيره is not rare)."""
    if lex.zipf(tok) >= 3.0:
        return False
    c, _ = _clitic_split(k)
    return not c or lex.zipf(tok[len(c):]) < 3.0


def _complement(k: str, info_i: dict, label: str) -> bool:
    """A word that continues a title (الخارجية, العام, الوطني, ووزير, بأعمال)."""
    if label in ("ORG", "LOC") and (info_i.get("src") != "model" or k.startswith("ال")
                                    or info_i["head"]):
        return True
    if info_i["title"] == "credit" or k in _RELATIVES:
        return False
    if info_i["title"]:
        return True
    if k.startswith("ال") and len(k) > 3:
        return True  # الخارجية, الصيني, السابق
    if k in lex.stopwords():
        return False
    if info_i["head"]:
        return True
    c, rest = _clitic_split(k)
    return k.startswith("ال") or (c in ("و", "ل", "ب") and rest.startswith("ال")) \
        or k.startswith("لل")


_RELATIVES = frozenset({"الذي", "التي", "الذين", "اللذين", "اللتين", "اللواتي"})
_NOT_ADJ = _RELATIVES | frozenset({"الان",
                      "اليوم", "الاثنين", "الثلاثاء", "الاربعاء", "الخميس", "الجمعه",
                      "السبت", "الاحد", "العام", "الماضي", "المقبل", "الجاري"})


# Definite heads that open a name with an adjective alone (اللجنة المركزية).
_DEFINITE_HEADS = frozenset({"اللجنه", "المكتب", "الامانه", "الجمعيه", "المجلس", "البنك",
                             "الاتحاد", "الجامعه", "الهيئه", "الوكاله", "المنظمه",
                             "المحكمه", "الحزب", "الجبهه", "الحركه"})
_ORDINALS = frozenset({"الاول", "الاولي", "الثاني", "الثانيه", "الثالث", "الثالثه",
                       "الرابع", "الرابعه", "الخامس", "الخامسه", "الاخير", "الاخيره",
                       "المحليه", "المحلي", "التابعه", "التابع", "المعنيه", "المعني"})


def _nisba(k: str) -> bool:
    """A relational adjective or a short word: الفيتنامية, الوطني, الأم."""
    return k.endswith(("يه", "ي")) or len(k) <= 4


def _adjective(k: str) -> bool:
    return k.startswith("ال") and len(k) > 3 and k not in _NOT_ADJ


def _org_rule(toks, keys, info, tags, src) -> None:
    """Organization heads: وزارة الخارجية, اتحاد منظمات الصداقة الفيتنامية, اللجنة المركزية.

    An indefinite head (``وزارة``, ``لجنة``, with or without a clitic) followed by at
    most one more indefinite noun and one to four definite words; a definite head
    (``اللجنة``) only with a definite adjective after it (``المركزية``).
    """
    n = len(keys)
    nxt = 0  # the rule resumes here after a name it tagged
    for i in [x for x, h in enumerate(info["head"]) if h]:
        if i < nxt or tags[i] != "O":
            continue
        c, rest = lex.strip_clitic(keys[i], lex.org_heads())
        head = rest if c else keys[i]
        j = i + 1
        definite = head.startswith("ال")
        if not definite and j < n and not keys[j].startswith(("ال", "و")) and \
                toks[j][0].isalpha() and keys[j] not in lex.stopwords() and \
                (info["head"][j] or keys[j].endswith("ات")):
            j += 1
        m = j
        while m < n and m - j < 4 and tags[m] == "O" and _adjective(keys[m]) and \
                not info["title"][m] and (m == j or definite or _nisba(keys[m])):
            m += 1
        if m == j and not definite and head not in lex.org_heads_ambiguous():
            # شركة دستينيشن ويلث: a bare head before rare foreign words.
            while m < n and m - j < 4 and tags[m] == "O" and \
                    _name_like(toks[m], keys[m]) and _rare(toks[m], keys[m]) and \
                    not keys[m].startswith("و"):
                m += 1
            if m > j:
                for x in range(i, m):
                    tags[x], src[x] = ("B-" if x == i else "I-") + "ORG", "rule"
                nxt = m
                continue
        if not definite and head in lex.org_heads_ambiguous() and m - j < 2:
            continue
        # ... للحزب / للأمن العام: a genitive that belongs to the name.
        if m > j and m < n and tags[m] == "O" and keys[m].startswith("لل") and \
                "ا" + keys[m][1:] in lex.org_genitives():
            m += 1
            # الأمن العام is one noun phrase (public security), so العام is kept there.
            while m < n and m - j < 7 and tags[m] == "O" and (
                    _adjective(keys[m]) or (keys[m] == "العام" and keys[m - 1] == "للامن")):
                m += 1
        if m > j and all(tags[x] == "O" for x in range(i, m)) and \
                (not definite or (head in _DEFINITE_HEADS and keys[j] not in _ORDINALS
                                  and (_nisba(keys[j]) or keys[j] == "العامه"))):
            for x in range(i, m):
                tags[x], src[x] = ("B-" if x == i else "I-") + "ORG", "rule"
            nxt = m


def tag_tokens(toks: list[str]) -> tuple[list[str], list[str]]:
    """BIO tags (PER/ORG/LOC/MISC) and a source per token for one token sequence.

    The CRF's tags, completed by the gazetteers and the title rule.

    >>> tag_tokens(["قال", "الرئيس", "فو", "فان", "ثونج"])[0]
    ['O', 'O', 'B-PER', 'I-PER', 'I-PER']
    """
    return _tag(toks)[:2]


_SURROGATE = re.compile("[\ud800-\udfff]")


def _tag(toks: list[str]) -> tuple[list[str], list[str], dict]:
    return _tag_many([toks])[0]


def _tag_many(sents: list[list[str]]) -> list[tuple[list[str], list[str], dict]]:
    """(tags, sources, token_info) of each token sequence: the CRF, then the rules.

    The CRF decodes all sequences at once (see :func:`_crf_tags`).
    """
    # CRFsuite takes UTF-8 feature strings: a lone surrogate is read as U+FFFD (offsets
    # are not affected), in both taggers so that they agree.
    if _SURROGATE.search("".join(t for toks in sents for t in toks)):
        sents = [[_SURROGATE.sub("\ufffd", t) for t in toks] for toks in sents]
    infos = [token_info(toks) for toks in sents]
    todo = [(toks, info) for toks, info in zip(sents, infos) if toks]
    crf_tags = iter(_crf_tags(todo) if todo else [])
    out = []
    for toks, info in zip(sents, infos):
        if not toks:
            out.append(([], [], info))
            continue
        tags = next(crf_tags)
        src = ["model" if t != "O" else "" for t in tags]
        for rule in _RULES:
            rule(toks, info["keys"], info, tags, src)
        if "" in src:
            src = [s or ("model" if t != "O" else "") for s, t in zip(src, tags)]
        out.append((tags, src, info))
    return out


def _split_org_names(toks, keys, info, tags, src=None) -> None:
    """Cut a name the model glued to an organization (الأمانة الدائمة | ترونج ثي ماي)."""
    for i, j, label in _spans(tags):
        if label != "ORG" or not keys[i].startswith("ال") or j - i < 3:
            continue
        for m in range(i + 1, j):
            if keys[m - 1].startswith("ال") and not keys[m].startswith(("ال", "لل")) \
                    and not info["head"][m] and _name_like(toks[m], keys[m]):
                for x in range(m, j):
                    tags[x] = "O"
                break


def _title_cleanup(toks, keys, info, tags, src) -> None:
    """A person span never starts with a title: ولي العهد | الأمير محمد بن سلمان."""
    for i, j, label in _spans(tags):
        # Nothing but titles, or a lone article/letter, is no name: السيد السيد, ال
        if (j - i >= 2 and all(info["title"][x] for x in range(i, j))) or \
                (j == i + 1 and (len(keys[i]) < 2 or keys[i] == "ال")):
            for x in range(i, j):
                tags[x] = "O"
            continue
        if label != "PER":
            continue
        after_title = info["title"][i] not in ("office", "qualifier", "credit")
        if after_title and not (i > 0 and info["title"][i - 1] and j - i >= 2
                                and lex.nisba_shaped(keys[i])):
            continue
        # A nisba between a title and the name belongs to the title: الرئيس الجزائري |
        # عبد المجيد تبون (but الأمير | الحسين بن عبدالله).
        m = i
        while m < j and (info["title"][m] or (m > i and keys[m].startswith("ال")) or
                         (after_title and lex.nisba_shaped(keys[m]))):
            tags[m] = "O"
            m += 1
        if m < j:
            tags[m] = "B-PER"


def _gazetteer_rule(toks, keys, info, tags, src) -> None:
    """Gazetteer names the model missed entirely."""
    spans = info["gaz_spans"]
    # Two names the model ran together: الأمم المتحدة | واليونسكو.
    for (_, j1, _, _), (i2, j2, lab2, _) in zip(spans, spans[1:]):
        if i2 == j1 and keys[i2].startswith("و") and tags[i2].startswith("I-"):
            tags[i2] = "B-" + tags[i2][2:]
            src[i2] = "gazetteer"
    # A person span that runs into a gazetteer name at its end: ترونغ زار | لاوس
    # (organizations may end with a place: جامعة القاهرة).
    for gi, gj, glab, _ in spans:
        if tags[gi] == "I-PER" and \
                (gj == len(tags) or not tags[gj].startswith("I-")):
            tags[gi] = "B-" + glab
            for m in range(gi + 1, gj):
                tags[m] = "I-" + glab
            for m in range(gi, gj):
                src[m] = "gazetteer"
    for i, j, label, _ in spans:
        inside = (i == 0 or not tags[i].startswith("I-")) and \
            (j == len(tags) or not tags[j].startswith("I-"))
        if all(tags[m] == "O" for m in range(i, j)) or (j - i >= 2 and inside):
            for m in range(i, j):
                tags[m], src[m] = ("B-" if m == i else "I-") + label, "gazetteer"


def _title_rule(toks, keys, info, tags, src) -> None:
    """title [complements] [,] Name: the words after a title are a person's name."""
    n = len(toks)
    titled = [x for x, t in enumerate(info["title"]) if t]
    if not titled:
        return
    labels = [t[2:] if t != "O" else "" for t in tags]
    nxt = 0  # the rule resumes here after a name it read
    for i in titled:
        if i < nxt or labels[i] == "PER":
            continue
        j = i + 1
        while j < n and j - i < _MAX_CHAIN and _complement(
                keys[j], {"title": info["title"][j], "head": info["head"][j],
                          "src": src[j]}, labels[j]):
            j += 1
        if info["head"][j - 1] and not keys[j - 1].startswith("ال") and labels[j - 1] == "":
            # رئيس شركة دستينيشن: what follows a bare organization head names the
            # organization (see _org_rule), not a person.
            nxt = j
            continue
        if j < n and (toks[j] in _PUNCT_SKIP or
                      (toks[j] == ":" and info["title"][i] == "credit")):
            j += 1
        # A model ORG/LOC span right after a title, outside every gazetteer, is
        # usually a foreign name the model misread (رئيس الجمعية الوطنية | فونج دينه هيو).
        if j < n and labels[j] in ("ORG", "LOC") and src[j] == "model" and \
                tags[j].startswith("B-") and info["gaz"][j] == "O":
            e = j + 1
            while e < n and tags[e] == "I-" + labels[j]:
                e += 1
            if all(_name_like(toks[x], keys[x]) for x in range(j, e)):
                for x in range(j, e):
                    tags[x], labels[x] = "O", ""
        if j < n and labels[j] == "PER" and tags[j].startswith("B-"):
            # The model found the name's start; carry it over rare name-like words
            # it cut off (فام مينه | تشينه, فان | آنه | سون).
            e = j + 1
            while e < n and tags[e] == "I-PER":
                e += 1
            m = e
            while m < n and m - j < _MAX_NAME and labels[m] in ("", "PER") and \
                    _name_like(toks[m], keys[m]) and not keys[m].startswith(("و", "ف")) \
                    and (labels[m] == "PER" or _rare(toks[m], keys[m])):
                m += 1
            # A lone given name (جوزاف, عبد المجيد) after a title is followed by the
            # family name even when that is a word too (جوزاف | عون, عبد المجيد | تبون).
            if m == e and e < n and labels[e] == "" and info["gaz"][e] == "O" and (
                    e - j == 1 and (keys[j] in lex.given_names() or lex.zipf(toks[j]) < 3.0)
                    or e - j == 2 and keys[j] == "عبد") and \
                    _name_like(toks[e], keys[e]) and not keys[e].startswith(("و", "ف")) and \
                    not _common(toks[e]) and not _verb_like(toks[e], keys[e]):
                m = e + 1
            for x in range(e, m):
                if tags[x] == "O":
                    src[x] = "rule"
                tags[x], labels[x] = "I-PER", "PER"
            nxt = max(i + 1, j)
            continue
        m = j
        # هو (Ho) is also the pronoun "he": a name only when a name follows, one the
        # model found or two name-like words ending on a rare one (الرئيس هو تشي مينه).
        if m + 1 < n and keys[m] in lex.stopwords() and labels[m] == "" and \
                len(keys[m]) <= 3 and toks[m][0].isalpha() and (
                    labels[m + 1] == "PER" or
                    (m + 2 < n and labels[m + 1] == labels[m + 2] == "" and
                     _name_like(toks[m + 1], keys[m + 1]) and not _common(toks[m + 1])
                     and _name_like(toks[m + 2], keys[m + 2])
                     and _rare(toks[m + 2], keys[m + 2]))):
            m += 1
        while m < n and m - j < _MAX_NAME and labels[m] in ("", "PER", "MISC") and \
                _name_like(toks[m], keys[m]) and not (m > j and keys[m].startswith("و")):
            if labels[m] != "PER" and _common(toks[m]) and not (
                    m == j and m + 1 < n and labels[m + 1] in ("", "PER") and
                    _name_like(toks[m + 1], keys[m + 1]) and not _common(toks[m + 1])
                    and lex.zipf(toks[m + 1]) < 3.5):
                break
            m += 1
        # A lone word after a title is a name only if it is rare (not بدء, منح).
        if m == j + 1 and labels[j] == "" and lex.zipf(toks[j]) >= 3.5:
            m = j
        if m > j and labels[j] == "" and \
                not all(tags[x] != "O" and labels[x] == "PER" for x in range(j, m)):
            # Only fill names the model left (partly) untagged; keep its B- inside.
            if labels[j] != "PER" or tags[j].startswith("B-"):
                k = m
                while k < n and tags[k].startswith("I-PER"):
                    k += 1
                for x in range(j, k):
                    if tags[x] == "O" or labels[x] in ("MISC", "PER"):
                        src[x] = src[x] if labels[x] == "PER" else "rule"
                        tags[x] = ("B-" if x == j else "I-") + "PER"
                        labels[x] = "PER"
        nxt = max(i + 1, j)


def _acronym_rule(toks, keys, info, tags, src) -> None:
    """An acronym in parentheses right after an organization: (آسيان)."""
    if "(" not in toks:
        return
    for i in range(1, len(toks) - 2):
        if toks[i] == "(" and tags[i - 1].endswith("-ORG") and toks[i + 2] == ")" \
                and toks[i + 1][0].isalpha() and tags[i + 1] == "O":
            tags[i + 1], src[i + 1] = "B-ORG", "rule"


def _merge_rule(toks, keys, info, tags, src) -> None:
    """Two person spans side by side are one name (الرئيس فو | فان ثونغ)."""
    # Merging at i leaves tags[i] a PER tag, so the candidates can be listed first.
    for i in [x for x, t in enumerate(tags) if t == "B-PER" and x > 0]:
        if tags[i - 1].endswith("-PER") and \
                not keys[i].startswith("و") and keys[i - 1] not in lex.stopwords():
            tags[i] = "I-PER"


@lru_cache(maxsize=1)
def _rule_words() -> dict[str, frozenset[str]]:
    """``entities/rule_words.tsv``: kind -> match keys (words the rules read, not the CRF)."""
    out: dict[str, set[str]] = defaultdict(set)
    for word, kind in data.rows("entities/rule_words.tsv"):
        out[kind].add(lex.key(word))
    return {kind: frozenset(words) for kind, words in out.items()}


@lru_cache(maxsize=100_000)
def _verb_like(tok: str, k: str) -> bool:
    """A future or imperfect verb (سيشارك, ستزور, يؤكد, تعتزم), not a name (يوسف, تامر)."""
    if k in lex.given_names() or len(k) < 4:
        return False
    if k[0] == "س" and k[1] in "يتن" and len(k) >= 5:
        tok = tok[1:]
    # A verb's other person is a common word too (يشارك/تشارك); ترامب, تبون, يوسف have
    # none, and transliterated syllables (يونغ/تونغ) are rarer.
    other = {"ي": "ت", "ت": "ي", "ن": "ي"}.get(tok[0])
    return other is not None and lex.zipf(tok) >= 3.5 and lex.zipf(other + tok[1:]) >= 3.5


def _person_edges_rule(toks, keys, info, tags, src) -> None:
    """A person's name does not run on into a verb (فلاديمير بوتين | سيشارك) or a role
    word (إيمانويل ماكرون | نظيره), nor start with the place a title governs (أمين عمان |
    يوسف الشواربة)."""
    if "I-PER" not in tags:
        return
    roles = _rule_words()["role"]
    for i, j, label in _spans(tags):
        if label != "PER" or j - i < 2:
            continue
        e = j
        while e - i > 1 and (_verb_like(toks[e - 1], keys[e - 1]) or keys[e - 1] in roles):
            e -= 1
        for x in range(e, j):
            tags[x], src[x] = "O", "rule"
        for gi, gj, glab, _ in info["gaz_spans"]:
            if gi == i and glab == "LOC" and e - gj >= 2 and keys[gj] in lex.given_names():
                for x in range(gi, e):
                    tags[x] = ("B-" if x in (gi, gj) else "I-") + ("LOC" if x < gj else "PER")
                    src[x] = "rule"
                break


@lru_cache(maxsize=100_000)
def _nationality(k: str) -> bool:
    """A nisba of a place the gazetteer knows (البريطانية, المصري, الإماراتي, السعودية) or
    of a region (الدولي, العربية): it ends an organization's name."""
    if k in _rule_words()["nisba"]:
        return True
    if not k.startswith("ال") or len(k) < 5:
        return False
    stem = k[2:-2] if k.endswith("يه") else k[2:-1] if k.endswith("ي") else ""
    if len(stem) < 2:
        return False
    gaz = lex.gazetteer()[0]
    return any(gaz.get((c,), ("",))[0] == "LOC" for c in (
        stem, stem + "ا", "ال" + stem, "ال" + stem + "يه", stem + "يا"))


def _org_extend_rule(toks, keys, info, tags, src) -> None:
    """An organization's name takes what belongs to it around a model or gazetteer span:

    * a place after an institution's head is part of its name (بنك مصر, هيئة قناة
      السويس, أمانة عمان الكبرى);
    * a definite head before it (البنك | الأهلي);
    * a nationality adjective after it (جامعة أكسفورد | البريطانية, أرامكو | السعودية);
    * after a definite head and its adjective, the genitive that says what it does
      (الوكالة الإندونيسية | للأرصاد الجوية, الاتحاد العراقي | لألعاب القوى).
    """
    n = len(toks)
    heads = lex.org_heads()
    place_heads = _rule_words()["place_head"]

    def mark(a, b):
        for x in range(a, b):
            tags[x], src[x] = ("B-" if x == a else "I-") + "ORG", "rule"

    for gi, gj, glab, _ in info["gaz_spans"]:
        if glab != "LOC" or gi == 0 or not tags[gi].endswith("LOC") or \
                (gj < n and tags[gj].startswith("I-")):
            continue
        h = gi - 1
        if h > 0 and tags[h] == "O" and info["head"][h - 1] and toks[h][0].isalpha() and \
                not keys[h].startswith("ال") and keys[h] not in lex.stopwords():
            h -= 1  # هيئة قناة | السويس, هيئة موانئ | دبي
        c, head = lex.strip_clitic(keys[h], heads)
        if tags[h] == "O" and (head if c else keys[h]) in place_heads:
            e = gj
            while e < n and e - gj < 2 and tags[e] == "O" and _adjective(keys[e]) and \
                    _nisba(keys[e]):
                e += 1
            mark(h, e)
    if "B-ORG" not in tags and "I-ORG" not in tags:
        return
    for i, j, label in _spans(tags):
        if label != "ORG":
            continue
        if i > 0 and tags[i - 1] == "O" and info["head"][i - 1] and keys[i].startswith("ال"):
            c, head = lex.strip_clitic(keys[i - 1], heads)
            if (head if c else keys[i - 1]).startswith("ال"):
                i -= 1
        c, head = lex.strip_clitic(keys[i], heads)
        first = head if c else keys[i]
        e = j
        # A name the gazetteer holds is complete: الاتحاد الأوروبي | للعمل على ...
        if j - i >= 2 and first.startswith("ال") and first in heads and e < n and \
                info["gaz"][e - 1] == "O" and \
                tags[e] == "O" and keys[e] not in lex.stopwords():
            k = keys[e]
            if k.startswith("لل") and len(k) > 4:
                e += 1
            elif k.startswith("ل") and not k.startswith(("لت", "لي")) and e + 1 < n and \
                    tags[e + 1] == "O" and _adjective(keys[e + 1]) and \
                    lex.zipf(toks[e][1:]) >= 3.0 and k[1:] not in lex.stopwords():
                e += 2
            while e > j and e < n and e - j < 4 and tags[e] == "O" and \
                    _adjective(keys[e]) and not info["title"][e]:
                e += 1
        # Not the nationality of the person named next: الأهلي | المغربي أشرف بن شرقي.
        while e < n and e - j < 6 and tags[e] == "O" and _nationality(keys[e]) and not (
                e + 1 < n and (tags[e + 1].endswith("PER") or info["given"][e + 1])):
            e += 1
        if i < j - 0 and (e > j or tags[i] == "O"):
            mark(i, e)


_SEPARATORS = frozenset({",", "،"})
_LIST_END = frozenset({";", "؛", ".", ":", "(", ")", "!", "?", "؟"})


def _list_rule(toks, keys, info, tags, src) -> None:
    """Lists are homogeneous: in ``X، وY، وZ`` with places among the items, the short
    name-like items the model left untagged (or read as people) are places too
    (هاي فونغ، وهانوي، وباك جيانغ، وفوه ثو).
    """
    # Three items need two separators.
    if toks.count(",") + toks.count("،") < 2:  # _SEPARATORS
        return
    n = len(toks)
    items: list[tuple[int, int]] = []
    runs: list[list[tuple[int, int]]] = []
    start = 0
    for i in range(n + 1):
        if i == n or toks[i] in _SEPARATORS or toks[i] in _LIST_END:
            a = start
            # The first item of a list is the tail of its clause: ... ومدن هاي فونغ
            if not items:
                a = i
                while a > start and i - a < 3 and _list_word(toks[a - 1], keys[a - 1],
                                                           tags[a - 1], first=True) \
                        and not _place_trigger(keys[a - 1]):
                    a -= 1
            ok = 0 < i - a <= 3 and all(_list_word(toks[x], keys[x], tags[x], first=x == a)
                                        for x in range(a, i))
            if ok:
                items.append((a, i))
            if not ok or i == n or toks[i] in _LIST_END:
                if len(items) >= 3:
                    runs.append(items)
                items = [] if not ok else []
            start = i + 1
    for run in runs:
        kinds = Counter(tags[a][2:] if tags[a] != "O" and all(
            tags[x][2:] == tags[a][2:] for x in range(a, b)) else "" for a, b in run)
        a0 = run[0][0]
        triggered = a0 > 0 and _place_trigger(keys[a0 - 1])
        if not triggered and (kinds["LOC"] == 0 or kinds["LOC"] < kinds["PER"] + kinds["ORG"]):
            continue
        for a, b in run:
            if all(tags[x] == "O" or tags[x].endswith("PER") for x in range(a, b)):
                for x in range(a, b):
                    tags[x], src[x] = ("B-" if x == a else "I-") + "LOC", "rule"


@lru_cache(maxsize=1)
def _place_trigger_keys() -> frozenset[str]:
    """Place nouns, and the same after the conjunction و."""
    trig = lex.place_triggers()
    return trig | frozenset("و" + k for k in trig)


def _place_trigger(k: str) -> bool:
    return k in _place_trigger_keys()


def _place_rule(toks, keys, info, tags, src) -> None:
    """محافظة ديالى, مدينة هوي, بلدة خان بني سعد: rare words after a place noun."""
    n = len(toks)
    trig = _place_trigger_keys()
    for i in [i for i in range(n - 1) if keys[i] in trig]:
        if tags[i + 1] != "O" and not tags[i + 1].endswith("PER"):
            continue
        if tags[i + 1].endswith("PER") and src[i + 1] != "rule" and tags[i + 1] != "B-PER":
            continue
        m = i + 1
        while m < n and m - i <= 3 and (tags[m] == "O" or tags[m].endswith("PER")) and \
                _name_like(toks[m], keys[m]) and not (m > i + 1 and keys[m].startswith("و")) \
                and not _common(toks[m]) and not _place_trigger(keys[m]):
            m += 1
        if m > i + 1 and (m == n or not tags[m].startswith("I-")):
            for x in range(i + 1, m):
                tags[x], src[x] = ("B-" if x == i + 1 else "I-") + "LOC", "rule"


def _list_word(tok: str, k: str, tag: str, first: bool) -> bool:
    if tag.endswith("LOC"):
        return True
    if tag.endswith("ORG") or not tok[0].isalpha():
        return False
    if first and k.startswith("و") and len(k) > 2:
        tok, k = tok[1:], k[1:]
    elif not first and len(k) <= 3 and k in lex.stopwords():
        return True  # باك كان: a short syllable after a name word, not "was"
    return _name_like(tok, k) and not k.startswith("و")


_RULES = [_title_cleanup, _split_org_names, _gazetteer_rule, _org_rule, _org_extend_rule,
          _title_rule, _acronym_rule, _merge_rule, _person_edges_rule, _place_rule, _list_rule]


# --------------------------------------------------------------------------- spans

@lru_cache(maxsize=100_000)
def _display(s: str) -> str:
    """A mention's spelling for ``canonical``: diacritics/tatweel/controls removed."""
    return normalize(s, "search", alef=False, punctuation=False, digits=False)


def _role_kind(keys, info, x) -> str | None:
    """The title kind of token x for roles: titles.tsv's, or ``office`` for the rule
    list's role words (نظيره, العاهل, المدرب)."""
    t = info["title"][x]
    if t is None and (keys[x] in _rule_words()["role"] or _role_split(keys[x])[0]):
        return "office"
    return t


@lru_cache(maxsize=100_000)
def _role_split(k: str) -> tuple[str, str]:
    """(clitic, rest) of a role word with a clitic: بالعاهل -> (ب, العاهل)."""
    return lex.strip_clitic(k, _rule_words()["role"])


def _role_link(k: str, info_x: dict, label: str) -> bool:
    """A word that continues a role phrase: a complement, or باسم/لدى."""
    return k in _rule_words()["link"] or _complement(k, info_x, label)


def _role_before(toks, keys, info, labels, start) -> str:
    j = start - 1
    if j >= 0 and toks[j] in _PUNCT_SKIP:
        j -= 1
    chain_end = j + 1
    kind: dict[int, str | None] = {}
    while j >= 0 and chain_end - j <= _MAX_CHAIN:
        kind[j] = _role_kind(keys, info, j)
        if labels[j] == "PER" or not _role_link(
                keys[j], {"title": kind[j], "head": info["head"][j]}, labels[j]):
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
    if first >= last or (last - first == 1 and keys[first] in _rule_words()["courtesy"]):
        return None
    c = _title_split(keys[first])[0] or _role_split(keys[first])[0]
    return first, last, len(c)


def _role_after(toks, keys, info, labels, end) -> str:
    if end >= len(toks) or toks[end] not in _PUNCT_SKIP:
        return None
    j = end + 1
    if j >= len(toks) or _role_kind(keys, info, j) in (None, "honorific", "credit"):
        return None
    m = j + 1
    while m < len(toks) and m - j < _MAX_CHAIN and _role_link(
            keys[m], {"title": _role_kind(keys, info, m), "head": info["head"][m]},
            labels[m]) and labels[m] != "PER":
        m += 1
    c = _title_split(keys[j])[0] or _role_split(keys[j])[0]
    return j, m, len(c)


def find_entities(text: str, *, published=None, backend: str = "default",
                  **options) -> list[dict]:
    """Entity mentions in one string, with offsets into ``text``.

    Each row has ``text``, ``start``, ``end``, ``label`` (PER/ORG/LOC/MISC),
    ``canonical`` (the mention's spelling without clitic and diacritics, or the
    gazetteer's name), ``role`` (for people) and ``source`` (model/gazetteer/rule).
    ``backend="camel"`` uses camel-tools' BERT NER model (pass ``model_path=``).

    >>> [(r["text"], r["label"], r["role"]) for r in find_entities(
    ...     "استقبل الأمين العام نجوين فو ترونج وفد آسيان في هانوي")]
    [('نجوين فو ترونج', 'PER', 'الأمين العام'), ('آسيان', 'ORG', ''), ('هانوي', 'LOC', '')]
    """
    return _find_units([(text, 0)], backend, options, published)


def _date_spans(units: list[tuple[str, int]], published) -> list[tuple[int, int]]:
    """(start, end) of every date expression in the units, in document offsets.

    The date extractor caches its results per text, so in a full pipeline this reads
    what the dates table has just found.
    """
    try:
        from akhbar.extract.dates import find_dates
    except ImportError:  # pragma: no cover - the dates module is part of the package
        return []
    out = []
    for text, offset in units:
        try:
            rows = find_dates(text, published=published)
        except Exception:  # noqa: BLE001 - a bug there must not stop entities
            continue
        out += [(r["start"] + offset, r["end"] + offset) for r in rows]
    return out


def _outside_dates(rows: list[dict], spans: list[tuple[int, int]]) -> list[dict]:
    """Rows not inside a date expression: نيسان in "نيسان (أبريل) الماضي" is a month,
    not the carmaker ANERcorp taught the model; يونيو is no organization."""
    if not spans or not rows:
        return rows
    return [r for r in rows if not any(a <= r["start"] and r["end"] <= b for a, b in spans)]


def _find_units(units: list[tuple[str, int]], backend: str, options: dict,
                published=None) -> list[dict]:
    """Rows for the units (text, offset) of one document, names propagated across them."""
    if backend not in ("default", "camel"):
        raise ConfigError(f"unknown entity backend {backend!r}: use 'default' or 'camel'")
    pending = []
    for unit, offset in units:
        for line_start, line in _lines_of(unit):
            # Keep hamza forms in tokens: آنه (a name) is not أنه (a function word).
            norm, omap = normalize_with_offsets(line, "search", alef=False)
            matches = list(lex.TOKEN_RE.finditer(norm))
            toks = [m.group() for m in matches]
            a = 0
            for b in _sentence_ends(toks):
                pending.append((offset + line_start, line, norm, omap, matches[a:b],
                                toks[a:b]))
                a = b
    if backend == "camel":
        tagged = []
        for *_, toks in pending:
            tags = _camel_tags(toks, options.get("model_path"))
            tagged.append((tags, ["model" if t != "O" else "" for t in tags],
                           token_info(toks)))
    else:
        tagged = _tag_many([p[5] for p in pending])
    lines = [(*p, *t) for p, t in zip(pending, tagged)]
    if backend == "default":
        propagate([(ln[5], ln[8]["keys"], ln[6], ln[7]) for ln in lines],
                  [ln[8]["cstems"] for ln in lines])
    # Words that open a name somewhere in this document: ببريدة is ب + بريدة when
    # بريدة is a name elsewhere in the article.
    line_spans = [_spans(ln[6]) for ln in lines]
    doc_first = frozenset(ln[8]["keys"][i] for ln, spans in zip(lines, line_spans)
                          for i, _, _ in spans)
    rows: list[dict] = []
    for (start, line, norm, omap, matches, toks, tags, src, info), spans in \
            zip(lines, line_spans):
        if not spans:
            continue
        keys = info["keys"]
        labels = [t[2:] if t != "O" else "" for t in tags]
        gaz = {(i, j): (lab, canon) for i, j, lab, canon in info["gaz_spans"]}
        line_rows = []
        for i, j, label in spans:
            row = _row(line, norm, omap, matches, toks, keys, info, labels, gaz, i, j, label,
                       src[i] or "model", doc_first)
            if row is not None:
                row["start"] += start
                row["end"] += start
                line_rows.append(row)
        _link_acronyms(line_rows, line, start)
        rows += line_rows
    return _outside_dates(rows, _date_spans(units, published) if rows else [])


_SENTENCE_END = frozenset({".", "!", "?", "؟"})


def _sentence_ends(toks: list[str]) -> list[int]:
    """Where the sentences of one line's tokens end (exclusive), the last at the end.

    The model was trained on ANERcorp's sentences, which end at a period; a paragraph
    holding many sentences is tagged sentence by sentence (and in linear time).  A
    sentence ends after sentence-final punctuation unless that is all it holds.

    >>> _sentence_ends([".", "قال", "نعم", ".", "!", "لا"])
    [4, 6]
    """
    out, last = [], 0
    for e in [i + 1 for i, t in enumerate(toks) if t in _SENTENCE_END]:
        if e - last > 1:
            out.append(e)
            last = e
    if last < len(toks):
        out.append(len(toks))
    return out


def _sentences(matches: list) -> list[list]:
    """Token matches of one line cut into sentences (see :func:`_sentence_ends`)."""
    out, start = [], 0
    for end in _sentence_ends([m.group() for m in matches]):
        out.append(matches[start:end])
        start = end
    return out


def _row(line, norm, omap, matches, toks, keys, info, labels, gaz, i, j, label, source,
         doc_first=frozenset()):
    """The table row of tokens i..j of one line, or None when nothing is left of it."""
    ns, ne = matches[i].start(), matches[j - 1].end()
    # Leave out a leading clitic when what follows is a name we know.
    k0 = keys[i]
    c, rest = _known_split(k0)
    if not c and doc_first:
        c, rest = lex.strip_clitic(k0, doc_first)
    t0 = toks[i]
    if not c and label != "PER":
        c, rest = _clitic_split(k0)
        if not (rest.startswith("ال") and c in ("و", "ب", "ك", "ف", "وب", "ول")):
            c = ""
        elif lex.zipf(t0) > lex.zipf(t0[len(c):]):
            c = ""  # كاليفورنيا, بالتيمور: the whole word is the commoner reading
    # و between two names: يانوس فريس | ونيكلاس زينشتروم; but وليد, ويليام stay whole.
    if not c and label == "PER" and k0[0] == "و" and len(k0) >= 4 and i > 0 and \
            (labels[i - 1] == "PER" or toks[i - 1] in _SEPARATORS) and \
            k0 not in lex.given_names() and lex.zipf(t0) <= lex.zipf(t0[1:]):
        c, rest = "و", k0[1:]
    # The conjunction و whose removal leaves a commoner word: ونام -> نام,
    # وحاتم -> حاتم; but واشنطن, وليد, وانغ stay whole.  (ف, ب, ل are left alone:
    # فيدل is not ف + يدل.)
    if not c and k0[0] == "و" and len(k0) >= 4 and lex.zipf(t0[1:]) >= 3.0 and \
            lex.zipf(t0[1:]) > lex.zipf(t0) + 0.3:
        c = "و"
    # A name right after its title takes no preposition: وزير الأشغال لخضر is Lakhdar.
    if c and c in "لبكف" and label == "PER" and i > 0 and toks[i - 1] not in _PUNCT_SKIP:
        rb = _role_before(toks, keys, info, labels, i)
        if rb and rb[1] == i:
            c, rest = "", k0
    lil = bool(c) and rest.startswith("ال") and k0[len(c):].startswith("ل") \
        and not k0[len(c):].startswith("ال")
    # A list item after a comma: ، وباك جيانغ -> باك جيانغ.
    if not c and k0.startswith("و") and len(k0) >= 3 and i > 0 and \
            toks[i - 1] in _SEPARATORS and label != "PER" and \
            (lex.zipf(t0) < 4.5 or lex.zipf(t0[1:]) > lex.zipf(t0)):  # not وزارة
        c = "و"
    if c:
        # للأمم: the second ل is the article's; the span keeps it.
        ns += len(c) - (1 if lil else 0)
    # Trailing punctuation glued to a token never belongs to a name.
    while ne > ns and norm[ne - 1] in ".,;:!?\"'":
        ne -= 1
    if ne <= ns:
        return None
    os_, oe = omap.span(ns, ne)
    surface = line[os_:oe]
    canon = _display(surface)
    if lil:
        canon = "ا" + canon[1:]
    if (i, j) in gaz and gaz[(i, j)][0] == label:
        canon = gaz[(i, j)][1]
    role = ""
    if label == "PER":
        r = _role_before(toks, keys, info, labels, i)
        if r is None or (r[1] - r[0] == 1 and info["title"][r[0]] in ("honorific", "rank")):
            # An office between commas after the name wins over a rank before it:
            # الأمير X، ولي العهد،
            r = _role_after(toks, keys, info, labels, j) or r
        if r:
            rs, re_ = omap.span(matches[r[0]].start() + r[2], matches[r[1] - 1].end())
            role = _display(line[rs:re_])
            rest = keys[r[0]][r[2]:]
            if rest.startswith("ل") and not rest.startswith("ال"):
                role = "ال" + role[1:]  # (ل)لأمين العام -> الأمين العام
    return {"text": surface, "start": os_, "end": oe, "label": label, "canonical": canon,
            "role": role, "source": source}


@lru_cache(maxsize=100_000)
def _clitic_split(k: str) -> tuple[str, str]:
    return lex.strip_clitic(k)


@lru_cache(maxsize=100_000)
def _known_split(k: str) -> tuple[str, str]:
    return lex.strip_clitic(k, _known_first())


@lru_cache(maxsize=100_000)
def _title_split(k: str) -> tuple[str, str]:
    return lex.strip_clitic(k, lex.titles())


def propagate(doc: list[tuple[list[str], list[str], list[str], list[str]]],
              stems: list[list[str]] | None = None) -> None:
    """Tag later mentions of a name found elsewhere in the same document (in place).

    ``doc`` holds ``(tokens, keys, tags, sources)`` per sentence (``stems``, when
    given: the keys without a leading clitic, token_info's ``cstems``).  A name the tagger
    found once (``دميتري ميدفيديف``) is also a name where it recurs untagged, and so is the
    last word of a person's name alone (``ميدفيديف``), unless it is a frequent word.

    >>> a, b = ["قال", "دميتري", "ميدفيديف"], ["وزار", "ميدفيديف", "بغداد"]
    >>> doc = [(a, a, ["O", "B-PER", "I-PER"], ["", "model", "model"]),
    ...        (b, b, ["O", "O", "B-LOC"], ["", "", "model"])]
    >>> propagate(doc)
    >>> doc[1][2]
    ['O', 'B-PER', 'B-LOC']
    """
    seen: dict[tuple[str, ...], Counter] = defaultdict(Counter)
    lasts: set[str] = set()  # family names of the full names found
    speech = _rule_words()["speech"]
    for toks, keys, tags, _ in doc:
        for i, j, lab in _spans(tags):
            if lab == "MISC":
                continue
            seen[tuple(keys[i:j])][lab] += 1
            if lab == "PER" and j - i >= 2:
                seen[(keys[j - 1],)]["PER"] += 1
                lasts.add(keys[j - 1])
    if not seen:
        return
    firsts = {k[0] for k in seen}
    for x, (toks, keys, tags, src) in enumerate(doc):
        n = len(toks)
        nxt = 0  # after a name tagged here
        cstems = stems[x] if stems is not None else [_clitic_split(k)[1] for k in keys]
        for i in [i for i, (k, st) in enumerate(zip(keys, cstems))
                  if k in firsts or st in firsts]:
            if i < nxt or tags[i] != "O":
                continue
            c, stem = _clitic_split(keys[i])
            hit = None
            for ln in (4, 3, 2, 1):
                if i + ln > n or any(t != "O" for t in tags[i:i + ln]):
                    continue
                # A frequent word is the family name of a full name found here only as
                # the one saying something: وقال سلام, أكد أردوغان أن.
                if ln == 1 and (len(keys[i]) < 3 or lex.zipf(toks[i]) >= 4.0 and not (
                        keys[i] in lasts and lex.zipf(toks[i]) < 5.5 and i > 0 and
                        keys[i - 1] in speech)):
                    continue
                if ln == 1 and c and lex.zipf(toks[i][len(c):]) >= 4.0:
                    continue  # لإغاثة: a clitic on a common word
                for cand in (tuple(keys[i:i + ln]), (stem, *keys[i + 1:i + ln])):
                    cnt = seen.get(cand)
                    if cnt:
                        hit = (ln, cnt.most_common(1)[0][0])
                        break
                if hit:
                    break
            if hit:
                ln, lab = hit
                for m in range(i, i + ln):
                    tags[m], src[m] = ("B-" if m == i else "I-") + lab, "rule"
                nxt = i + ln


@lru_cache(maxsize=1)
def _known_first() -> frozenset[str]:
    return lex.gazetteer_first_words() | lex.given_names() | lex.org_heads()


def _lines_of(text: str):
    start = 0
    for line in text.split("\n"):
        if line.strip():
            yield start, line
        start += len(line) + 1


def _link_acronyms(rows: list[dict], line: str, start: int) -> None:
    """An acronym in parentheses right after an organization takes its canonical name."""
    for a, b in zip(rows, rows[1:]):
        if a["label"] == "ORG" and b["label"] == "ORG" and \
                line[a["end"] - start:b["start"] - start].strip() == "(" and \
                line[b["end"] - start:b["end"] - start + 1] == ")" and len(b["text"].split()) <= 2:
            b["canonical"] = a["canonical"]


# --------------------------------------------------------------------------- camel

def _camel_default_path() -> Path:
    root = os.environ.get("CAMELTOOLS_DATA") or Path.home() / ".camel_tools"
    return Path(root) / "data" / "ner" / "arabert"


@lru_cache(maxsize=4)
def _camel_model(path: str):
    try:
        import torch  # noqa: F401
        from transformers import BertForTokenClassification, BertTokenizer
    except ImportError as e:  # pragma: no cover - torch/transformers are installed
        raise ConfigError("backend='camel' needs torch and transformers: "
                          "pip install camel-tools") from e
    tok = BertTokenizer.from_pretrained(path)
    model = BertForTokenClassification.from_pretrained(path)
    model.eval()
    return tok, model


def _camel_tags(toks: list[str], model_path=None) -> list[str]:
    """Word-level BIO tags from a camel-tools NER model directory (BERT layout).

    camel-tools' ``NERecognizer`` loads a BertForTokenClassification and its
    tokenizer from one folder and labels each word with its first word piece; this
    does the same without importing ``camel_tools.ner``, which tries to download its
    catalogue at import time.
    """
    import torch

    path = Path(model_path) if model_path else _camel_default_path()
    if not (path / "config.json").exists():
        raise ConfigError(
            f"camel-tools' NER model is not installed (looked in {path}). Install it "
            "with `pip install camel-tools` and `camel_data -i ner-arabert` (it lands "
            "in ~/.camel_tools/data/ner/arabert, or under $CAMELTOOLS_DATA), or pass "
            "model_path= to a folder holding config.json, the weights and vocab.txt")
    tok, model = _camel_model(str(path))
    id2label = model.config.id2label
    out: list[str] = []
    for s in range(0, len(toks), 200):  # stay under BERT's 512 pieces
        words = toks[s:s + 200]
        enc = tok(words, is_split_into_words=True, truncation=True, max_length=512,
                  return_tensors="pt")
        with torch.no_grad():
            logits = model(**enc).logits[0]
        pred = logits.argmax(-1).tolist()
        first: dict[int, str] = {}
        for pos, wid in enumerate(enc.word_ids(0)):
            if wid is not None and wid not in first:
                first[wid] = str(id2label[pred[pos]])
        for w in range(len(words)):
            lab = first.get(w, "O").replace("PERS", "PER")
            out.append(lab if lab[:2] in ("B-", "I-") and lab[2:] in LABELS else "O")
    return out


# --------------------------------------------------------------------------- canonical

_FOLD = str.maketrans({"غ": "ج", "گ": "ج", "چ": "ج", "ڤ": "ف", "پ": "ب", "ؤ": "و",
                       "ئ": "ي", "ء": ""})


def _fold_token(t: str) -> str:
    """A transliteration-tolerant key: غ/ج, final ه, hamza seats, alef forms."""
    k = lex.key(t).translate(_FOLD)
    if len(k) > 2 and k.endswith("ه"):
        k = k[:-1]
    return k


@lru_cache(maxsize=1 << 16)
def _fold(name: str) -> tuple[str, ...]:
    """The folded key of a name, token by token (cached: names recur across articles)."""
    return tuple(_fold_token(t) for t in lex.tokens(name) if t[0].isalnum())


def canonicalize(df: pd.DataFrame) -> pd.DataFrame:
    """Give variants of one entity one ``canonical`` spelling, per article and corpus.

    Mentions whose folded spellings agree (غ/ج, final ه, hamza and alef forms,
    diacritics, clitics) share a name; a shorter person mention inside exactly one
    longer name of the same article (the family name alone) joins that name.

    >>> df = pd.DataFrame({"article_id": ["a", "a", "b"], "label": ["PER"] * 3,
    ...                    "canonical": ["فان آنه سون", "سون", "فان آن سون"]})
    >>> canonicalize(df)["canonical"].tolist()
    ['فان آنه سون', 'فان آنه سون', 'فان آنه سون']
    """
    if df.empty:
        return df
    df = df.copy()
    df["canonical"] = _canonical_names(df["article_id"].tolist(), df["label"].tolist(),
                                       df["canonical"].tolist())
    return df


def _canonical_names(article_ids: list, labels: list[str], names: list[str]) -> list[str]:
    """The ``canonical`` column of :func:`canonicalize`, from its three input columns."""
    keys = _entity_keys(article_ids, labels, names)
    return _choose(keys, names, _count_spellings(keys, names))


def _entity_keys(article_ids: list, labels: list[str], names: list[str]) -> list[tuple]:
    """(label, folded name) per mention; a short person mention takes its full name's key."""
    keys = [(lab, _fold(c)) for lab, c in zip(labels, names)]
    # Short person mentions -> the one longer name of the same article containing them.
    full_by_article: dict = defaultdict(set)
    for aid, (lab, k) in zip(article_ids, keys):
        if lab == "PER" and len(k) >= 2:
            full_by_article[aid].add(k)
    for idx, (aid, (lab, k)) in enumerate(zip(article_ids, keys)):
        if lab != "PER" or not k:
            continue
        hosts = [f for f in full_by_article[aid] if len(f) > len(k) and any(
            f[s:s + len(k)] == k for s in range(len(f) - len(k) + 1))]
        longest = {h for h in hosts if not any(len(o) > len(h) and any(
            o[s:s + len(h)] == h for s in range(len(o) - len(h) + 1)) for o in hosts)}
        if len(longest) == 1:
            keys[idx] = (lab, longest.pop())
    return keys


def _count_spellings(keys: list[tuple], names: list[str], spell: dict | None = None) -> dict:
    """Count each key's spellings among its full-length mentions (into ``spell``)."""
    spell = defaultdict(dict) if spell is None else spell
    for key, c in zip(keys, names):
        if len(_fold(c)) == len(key[1]):
            counts = spell[key]  # plain dicts: a Counter per name costs more than the count
            counts[c] = counts.get(c, 0) + 1
    return spell


def _choose(keys: list[tuple], names: list[str], spell: dict) -> list[str]:
    """The spelling of each key: the most frequent among its full-length mentions (the
    first seen among equals)."""
    best: dict = {}
    out = []
    for k, c in zip(keys, names):
        counts = spell.get(k)
        if counts is None:
            out.append(c)
            continue
        b = best.get(k)
        if b is None:
            b = best[k] = max(counts, key=counts.get)
        out.append(b)
    return out


def merge_spellings_in_parts(paths: list, fmt: str) -> None:
    """:func:`canonicalize` across the part files of a streamed entity table, in place.

    Streaming writes each chunk's entities as they come; a name spelled one way in
    the first chunk and another way in the last would keep both spellings.  A first
    pass counts the spellings of every name in every part (memory grows with the
    number of distinct names, not with the corpus), a second rewrites each part with
    the corpus-wide spelling.  The result equals the in-memory table's.
    """
    from akhbar._tables import write_table

    read = pd.read_parquet if fmt == "parquet" else pd.read_csv
    cols = ["article_id", "label", "canonical"]

    def keyed(df):
        names = df["canonical"].tolist()
        return _entity_keys(df["article_id"].tolist(), df["label"].tolist(), names), names

    spell: dict = defaultdict(dict)
    for path in paths:
        _count_spellings(*keyed(read(path, columns=cols) if fmt == "parquet"
                                else read(path, usecols=cols, keep_default_na=False)), spell)
    for path in paths:
        df = read(path) if fmt == "parquet" else read(path, keep_default_na=False)
        if df.empty:
            continue
        df["canonical"] = _choose(*keyed(df), spell)
        write_table(make_frame(df, ENTITY_SCHEMA), Path(path), fmt)


def extract_entities(x, *, backend: str = "default", **options) -> pd.DataFrame:
    """The entity table of a str, Article, Corpus or DataFrame (see ``ENTITY_SCHEMA``).

    >>> df = extract_entities("التقى نائب وزير الخارجية نغو لي فان السفير الياباني، "
    ...                       "وقال نائب الوزير نجو لي فان إن العلاقات جيدة")
    >>> for row in df[["text", "label", "canonical", "role"]].values.tolist():
    ...     print(row)
    ['نغو لي فان', 'PER', 'نغو لي فان', 'نائب وزير الخارجية']
    ['نجو لي فان', 'PER', 'نغو لي فان', 'نائب الوزير']
    """
    return make_frame(_entity_rows(x, backend, options), ENTITY_SCHEMA)


def _entity_rows(x, backend: str, options: dict) -> list[dict]:
    """The rows of :func:`extract_entities`, spellings already merged."""
    rows: list[dict] = []
    for aid, units, published in _documents(x, options.pop("text_col", "text")):
        for row in _find_units(units, backend, options, published):
            row["article_id"] = aid
            rows.append(row)
    names = _canonical_names([r["article_id"] for r in rows], [r["label"] for r in rows],
                             [r["canonical"] for r in rows])
    for r, name in zip(rows, names):
        r["canonical"] = name
    return rows


def _documents(x, text_col: str):
    """(article_id, [(text, offset), ...], published) per document, from
    ``_base.iter_units``.

    The units of one article (its content segments) form one document, so that a
    name found in one paragraph is found again in the next.
    """
    cur_id, units, first, cur_pub = None, [], True, None
    for aid, text, off, pub in _base.iter_units(x, text_col=text_col):
        if not first and (aid != cur_id or aid is None):
            yield cur_id, units, cur_pub
            units = []
        cur_id, first, cur_pub = aid, False, pub
        units.append((text, off))
    if not first:
        yield cur_id, units, cur_pub


@register_table("entities", ENTITY_SCHEMA, "people, organizations and places mentioned",
                finalize=lambda df: make_frame(canonicalize(df), ENTITY_SCHEMA), rows=True,
                finalize_parts=merge_spellings_in_parts)
def entities_table(article, backend: str = "default", **options) -> pd.DataFrame:
    """Per-article entity table (registered as ``entities``)."""
    return _entity_rows(article, backend, options)


# --------------------------------------------------------------------------- views

def _summary(df: pd.DataFrame, label: str) -> pd.DataFrame:
    cols = {"canonical": "string", "label": "string", "variants": "string",
            "roles": "string", "mentions": "int64", "articles": "int64"}
    sub = df[df["label"] == label] if len(df) else df
    if sub.empty:
        return make_frame([], cols)
    rows = []
    for canon, g in sub.groupby("canonical", sort=False):
        roles = [r for r in g["role"].dropna().unique() if r]
        rows.append({"canonical": canon, "label": label,
                     "variants": "; ".join(sorted(set(g["text"]))),
                     "roles": "; ".join(roles), "mentions": len(g),
                     "articles": g["article_id"].nunique(dropna=False)})
    out = make_frame(rows, cols)
    return out.sort_values(["mentions", "canonical"], ascending=[False, True],
                           ignore_index=True)


def people(entities_df: pd.DataFrame) -> pd.DataFrame:
    """One row per person: canonical, label, variants, roles, mentions, articles.

    >>> row = people(extract_entities("قال الرفيق لي هواي ترونغ إن فيتنام تدعم السلام. "
    ...                               "وأضاف ترونغ أن العلاقات جيدة")).iloc[0]
    >>> row["canonical"], row["variants"], int(row["mentions"]), int(row["articles"])
    ('لي هواي ترونغ', 'ترونغ; لي هواي ترونغ', 2, 1)
    """
    return _summary(entities_df, "PER")


def organizations(entities_df: pd.DataFrame) -> pd.DataFrame:
    """One row per organization (same columns as :func:`people`).

    >>> df = extract_entities("عقدت رابطة دول جنوب شرق آسيا (آسيان) قمتها")
    >>> organizations(df)["variants"].tolist()
    ['آسيان; رابطة دول جنوب شرق آسيا']
    """
    return _summary(entities_df, "ORG")


def places(entities_df: pd.DataFrame) -> pd.DataFrame:
    """One row per place (same columns as :func:`people`).

    >>> df = places(extract_entities("زار هانوي ثم بكين وعاد إلى هانوي"))
    >>> df[["canonical", "mentions"]].values.tolist()
    [['هانوي', 2], ['بكين', 1]]
    """
    return _summary(entities_df, "LOC")
