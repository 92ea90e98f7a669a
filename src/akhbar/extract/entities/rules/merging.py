"""Joining what belongs together: two person spans side by side, and a name found once
in a document found again where it recurs."""

from __future__ import annotations

from collections import Counter, defaultdict

from akhbar.extract.entities import lexicon as lex
from akhbar.extract.entities.sentence import TaggedSentence, spans
from akhbar.extract.entities.words import clitic_split


def merge_rule(s: TaggedSentence) -> None:
    """Two person spans side by side are one name (الرئيس فو | فان ثونغ)."""
    keys, tags = s.keys, s.tags
    # Merging at i leaves tags[i] a PER tag, so the candidates can be listed first.
    for i in [x for x, t in enumerate(tags) if t == "B-PER" and x > 0]:
        if tags[i - 1].endswith("-PER") and \
                not keys[i].startswith("و") and keys[i - 1] not in lex.stopwords():
            tags[i] = "I-PER"


def propagate(doc: list[TaggedSentence]) -> None:
    """Tag later mentions of a name found elsewhere in the same document (in place).

    A name the tagger found once (``دميتري ميدفيديف``) is also a name where it recurs
    untagged, and so is the last word of a person's name alone (``ميدفيديف``), unless it
    is a frequent word.

    >>> from akhbar.extract.entities.features import token_info
    >>> a, b = ["قال", "دميتري", "ميدفيديف"], ["وزار", "ميدفيديف", "بغداد"]
    >>> doc = [TaggedSentence(a, token_info(a), ["O", "B-PER", "I-PER"], ["", "model", "model"]),
    ...        TaggedSentence(b, token_info(b), ["O", "O", "B-LOC"], ["", "", "model"])]
    >>> propagate(doc)
    >>> doc[1].tags
    ['O', 'B-PER', 'B-LOC']
    """
    seen, lasts = _names_found(doc)
    if not seen:
        return
    firsts = {k[0] for k in seen}
    speech = lex.rule_words()["speech"]
    for s in doc:
        keys, tags = s.keys, s.tags
        nxt = 0  # after a name tagged here
        for i in [i for i, (k, st) in enumerate(zip(keys, s.info.cstems))
                  if k in firsts or st in firsts]:
            if i < nxt or tags[i] != "O":
                continue
            hit = _recurring_name(s, i, seen, lasts, speech)
            if hit:
                ln, lab = hit
                s.mark(i, i + ln, lab)
                nxt = i + ln


def _names_found(doc: list[TaggedSentence]) -> tuple[dict, set]:
    """Token keys of every name in ``doc`` -> label counts (a person's family name
    alone counts too), and the family names of the full names."""
    seen: dict[tuple[str, ...], Counter] = defaultdict(Counter)
    lasts: set[str] = set()
    for s in doc:
        keys = s.keys
        for i, j, lab in spans(s.tags):
            if lab == "MISC":
                continue
            seen[tuple(keys[i:j])][lab] += 1
            if lab == "PER" and j - i >= 2:
                seen[(keys[j - 1],)]["PER"] += 1
                lasts.add(keys[j - 1])
    return seen, lasts


def _recurring_name(s: TaggedSentence, i: int, seen: dict, lasts: set,
                    speech: frozenset) -> tuple[int, str] | None:
    """(length, label) of the longest known name starting at token i, or None."""
    toks, keys, tags, n = s.toks, s.keys, s.tags, len(s.toks)
    c, stem = clitic_split(keys[i])
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
                return ln, cnt.most_common(1)[0][0]
    return None
