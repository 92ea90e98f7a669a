"""Places and gazetteer names: names the gazetteers know, rare words after a place noun
(محافظة ديالى), and the items of a list of places."""

from __future__ import annotations

from collections import Counter
from functools import lru_cache

from akhbar.extract.entities import lexicon as lex
from akhbar.extract.entities.sentence import SEPARATORS, TaggedSentence
from akhbar.extract.entities.words import common, name_like

#: What ends a list (a clause or a parenthesis).
_LIST_END = frozenset({";", "؛", ".", ":", "(", ")", "!", "?", "؟"})


def gazetteer_rule(s: TaggedSentence) -> None:
    """Gazetteer names the model missed entirely."""
    keys, tags, src = s.keys, s.tags, s.src
    gaz_spans = s.info.gaz_spans
    # Two names the model ran together: الأمم المتحدة | واليونسكو.
    for (_, j1, _, _), (i2, j2, lab2, _) in zip(gaz_spans, gaz_spans[1:]):
        if i2 == j1 and keys[i2].startswith("و") and tags[i2].startswith("I-"):
            tags[i2] = "B-" + tags[i2][2:]
            src[i2] = "gazetteer"
    # A person span that runs into a gazetteer name at its end: ترونغ زار | لاوس
    # (organizations may end with a place: جامعة القاهرة).
    for gi, gj, glab, _ in gaz_spans:
        if tags[gi] == "I-PER" and \
                (gj == len(tags) or not tags[gj].startswith("I-")):
            s.mark(gi, gj, glab, "gazetteer")
    for i, j, label, _ in gaz_spans:
        inside = (i == 0 or not tags[i].startswith("I-")) and \
            (j == len(tags) or not tags[j].startswith("I-"))
        if all(tags[m] == "O" for m in range(i, j)) or (j - i >= 2 and inside):
            s.mark(i, j, label, "gazetteer")


@lru_cache(maxsize=1)
def _place_trigger_keys() -> frozenset[str]:
    """Place nouns, and the same after the conjunction و."""
    trig = lex.place_triggers()
    return trig | frozenset("و" + k for k in trig)


def place_trigger(k: str) -> bool:
    """A place noun (مدينة, محافظة), with or without و."""
    return k in _place_trigger_keys()


def place_rule(s: TaggedSentence) -> None:
    """محافظة ديالى, مدينة هوي, بلدة خان بني سعد: rare words after a place noun."""
    toks, keys, tags, src = s.toks, s.keys, s.tags, s.src
    n = len(toks)
    trig = _place_trigger_keys()
    for i in [i for i in range(n - 1) if keys[i] in trig]:
        if tags[i + 1] != "O" and not tags[i + 1].endswith("PER"):
            continue
        if tags[i + 1].endswith("PER") and src[i + 1] != "rule" and tags[i + 1] != "B-PER":
            continue
        m = i + 1
        while m < n and m - i <= 3 and (tags[m] == "O" or tags[m].endswith("PER")) and \
                name_like(toks[m], keys[m]) and not (m > i + 1 and keys[m].startswith("و")) \
                and not common(toks[m]) and not place_trigger(keys[m]):
            m += 1
        if m > i + 1 and (m == n or not tags[m].startswith("I-")):
            s.mark(i + 1, m, "LOC")


def list_word(tok: str, k: str, tag: str, first: bool) -> bool:
    """Can this token be (part of) an item of a list of places?"""
    if tag.endswith("LOC"):
        return True
    if tag.endswith("ORG") or not tok[0].isalpha():
        return False
    if first and k.startswith("و") and len(k) > 2:
        tok, k = tok[1:], k[1:]
    elif not first and len(k) <= 3 and k in lex.stopwords():
        return True  # باك كان: a short syllable after a name word, not "was"
    return name_like(tok, k) and not k.startswith("و")


def list_rule(s: TaggedSentence) -> None:
    """Lists are homogeneous: in ``X، وY، وZ`` with places among the items, the short
    name-like items the model left untagged (or read as people) are places too
    (هاي فونغ، وهانوي، وباك جيانغ، وفوه ثو).
    """
    toks, keys, tags = s.toks, s.keys, s.tags
    # Three items need two separators.
    if toks.count(",") + toks.count("،") < 2:  # SEPARATORS
        return
    for run in _list_runs(s):
        kinds = Counter(tags[a][2:] if tags[a] != "O" and all(
            tags[x][2:] == tags[a][2:] for x in range(a, b)) else "" for a, b in run)
        a0 = run[0][0]
        triggered = a0 > 0 and place_trigger(keys[a0 - 1])
        if not triggered and (kinds["LOC"] == 0 or kinds["LOC"] < kinds["PER"] + kinds["ORG"]):
            continue
        for a, b in run:
            if all(tags[x] == "O" or tags[x].endswith("PER") for x in range(a, b)):
                s.mark(a, b, "LOC")


def _list_runs(s: TaggedSentence) -> list[list[tuple[int, int]]]:
    """Runs of three or more short items between separators: [(start, end), ...]."""
    toks, keys, tags = s.toks, s.keys, s.tags
    n = len(toks)
    items: list[tuple[int, int]] = []
    runs: list[list[tuple[int, int]]] = []
    start = 0
    for i in range(n + 1):
        if i == n or toks[i] in SEPARATORS or toks[i] in _LIST_END:
            a = start
            # The first item of a list is the tail of its clause: ... ومدن هاي فونغ
            if not items:
                a = i
                while a > start and i - a < 3 and list_word(toks[a - 1], keys[a - 1],
                                                            tags[a - 1], first=True) \
                        and not place_trigger(keys[a - 1]):
                    a -= 1
            ok = 0 < i - a <= 3 and all(list_word(toks[x], keys[x], tags[x], first=x == a)
                                        for x in range(a, i))
            if ok:
                items.append((a, i))
            if not ok or i == n or toks[i] in _LIST_END:
                if len(items) >= 3:
                    runs.append(items)
                items = []
            start = i + 1
    return runs
