"""People around titles: a title is no part of a name, the words after a title are one,
and a name ends before a verb or a role word."""

from __future__ import annotations

from akhbar.extract.entities import lexicon as lex
from akhbar.extract.entities.sentence import SEPARATORS, TaggedSentence, spans
from akhbar.extract.entities.words import (MAX_CHAIN, MAX_NAME, common, complement,
                                           name_like, rare, verb_like)


def title_cleanup(s: TaggedSentence) -> None:
    """A person span never starts with a title: ولي العهد | الأمير محمد بن سلمان."""
    keys, title, tags = s.keys, s.info.title, s.tags
    for i, j, label in spans(tags):
        # Nothing but titles, or a lone article/letter, is no name: السيد السيد, ال
        if (j - i >= 2 and all(title[x] for x in range(i, j))) or \
                (j == i + 1 and (len(keys[i]) < 2 or keys[i] == "ال")):
            for x in range(i, j):
                tags[x] = "O"
            continue
        if label != "PER":
            continue
        after_title = title[i] not in ("office", "qualifier", "credit")
        if after_title and not (i > 0 and title[i - 1] and j - i >= 2
                                and lex.nisba_shaped(keys[i])):
            continue
        # A nisba between a title and the name belongs to the title: الرئيس الجزائري |
        # عبد المجيد تبون (but الأمير | الحسين بن عبدالله).
        m = i
        while m < j and (title[m] or (m > i and keys[m].startswith("ال")) or
                         (after_title and lex.nisba_shaped(keys[m]))):
            tags[m] = "O"
            m += 1
        if m < j:
            tags[m] = "B-PER"


def title_rule(s: TaggedSentence) -> None:
    """title [complements] [,] Name: the words after a title are a person's name."""
    info, keys = s.info, s.keys
    titled = [x for x, t in enumerate(info.title) if t]
    if not titled:
        return
    n = len(s.toks)
    labels = s.labels()
    nxt = 0  # the rule resumes here after a name it read
    for i in titled:
        if i < nxt or labels[i] == "PER":
            continue
        j = i + 1
        while j < n and j - i < MAX_CHAIN and complement(
                keys[j], info.title[j], info.head[j], labels[j], s.src[j]):
            j += 1
        if info.head[j - 1] and not keys[j - 1].startswith("ال") and labels[j - 1] == "":
            # رئيس شركة دستينيشن: what follows a bare organization head names the
            # organization (see organizations.org_rule), not a person.
            nxt = j
            continue
        if j < n and (s.toks[j] in SEPARATORS or
                      (s.toks[j] == ":" and info.title[i] == "credit")):
            j += 1
        _drop_misread_name(s, labels, j)
        if j < n and labels[j] == "PER" and s.tags[j].startswith("B-"):
            _extend_model_name(s, labels, j)
        else:
            _read_name(s, labels, j)
        nxt = max(i + 1, j)


def _drop_misread_name(s: TaggedSentence, labels: list[str], j: int) -> None:
    """A model ORG/LOC span right after a title, outside every gazetteer, is usually a
    foreign name the model misread (رئيس الجمعية الوطنية | فونج دينه هيو): untag it."""
    toks, keys, tags, n = s.toks, s.keys, s.tags, len(s.toks)
    if j < n and labels[j] in ("ORG", "LOC") and s.src[j] == "model" and \
            tags[j].startswith("B-") and s.info.gaz[j] == "O":
        e = j + 1
        while e < n and tags[e] == "I-" + labels[j]:
            e += 1
        if all(name_like(toks[x], keys[x]) for x in range(j, e)):
            for x in range(j, e):
                tags[x], labels[x] = "O", ""


def _extend_model_name(s: TaggedSentence, labels: list[str], j: int) -> None:
    """The model found the name's start at ``j``; carry it over rare name-like words it
    cut off (فام مينه | تشينه, فان | آنه | سون)."""
    toks, keys, tags, src, n = s.toks, s.keys, s.tags, s.src, len(s.toks)
    e = j + 1
    while e < n and tags[e] == "I-PER":
        e += 1
    m = e
    while m < n and m - j < MAX_NAME and labels[m] in ("", "PER") and \
            name_like(toks[m], keys[m]) and not keys[m].startswith(("و", "ف")) \
            and (labels[m] == "PER" or rare(toks[m], keys[m])):
        m += 1
    # A lone given name (جوزاف, عبد المجيد) after a title is followed by the
    # family name even when that is a word too (جوزاف | عون, عبد المجيد | تبون).
    if m == e and e < n and labels[e] == "" and s.info.gaz[e] == "O" and (
            e - j == 1 and (keys[j] in lex.given_names() or lex.zipf(toks[j]) < 3.0)
            or e - j == 2 and keys[j] == "عبد") and \
            name_like(toks[e], keys[e]) and not keys[e].startswith(("و", "ف")) and \
            not common(toks[e]) and not verb_like(toks[e], keys[e]):
        m = e + 1
    for x in range(e, m):
        if tags[x] == "O":
            src[x] = "rule"
        tags[x], labels[x] = "I-PER", "PER"


def _read_name(s: TaggedSentence, labels: list[str], j: int) -> None:
    """Tag the name-like words from ``j`` on as a person the model left (partly)
    untagged."""
    toks, keys, tags, src, n = s.toks, s.keys, s.tags, s.src, len(s.toks)
    m = j
    # هو (Ho) is also the pronoun "he": a name only when a name follows, one the
    # model found or two name-like words ending on a rare one (الرئيس هو تشي مينه).
    if m + 1 < n and keys[m] in lex.stopwords() and labels[m] == "" and \
            len(keys[m]) <= 3 and toks[m][0].isalpha() and (
                labels[m + 1] == "PER" or
                (m + 2 < n and labels[m + 1] == labels[m + 2] == "" and
                 name_like(toks[m + 1], keys[m + 1]) and not common(toks[m + 1])
                 and name_like(toks[m + 2], keys[m + 2])
                 and rare(toks[m + 2], keys[m + 2]))):
        m += 1
    while m < n and m - j < MAX_NAME and labels[m] in ("", "PER", "MISC") and \
            name_like(toks[m], keys[m]) and not (m > j and keys[m].startswith("و")):
        if labels[m] != "PER" and common(toks[m]) and not (
                m == j and m + 1 < n and labels[m + 1] in ("", "PER") and
                name_like(toks[m + 1], keys[m + 1]) and not common(toks[m + 1])
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


def person_edges_rule(s: TaggedSentence) -> None:
    """A person's name does not run on into a verb (فلاديمير بوتين | سيشارك) or a role
    word (إيمانويل ماكرون | نظيره), nor start with the place a title governs (أمين عمان |
    يوسف الشواربة)."""
    toks, keys, tags, src = s.toks, s.keys, s.tags, s.src
    if "I-PER" not in tags:
        return
    roles = lex.rule_words()["role"]
    for i, j, label in spans(tags):
        if label != "PER" or j - i < 2:
            continue
        e = j
        while e - i > 1 and (verb_like(toks[e - 1], keys[e - 1]) or keys[e - 1] in roles):
            e -= 1
        for x in range(e, j):
            tags[x], src[x] = "O", "rule"
        for gi, gj, glab, _ in s.info.gaz_spans:
            if gi == i and glab == "LOC" and e - gj >= 2 and keys[gj] in lex.given_names():
                for x in range(gi, e):
                    tags[x] = ("B-" if x in (gi, gj) else "I-") + ("LOC" if x < gj else "PER")
                    src[x] = "rule"
                break
