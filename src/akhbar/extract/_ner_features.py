"""Token features of the entity CRF (shared by ``scripts/train_ner.py`` and the tagger).

Features are computed from match keys (see :mod:`._ner_lexicon`): the key itself, its
clitic-stripped stem, prefixes and suffixes, word shape, gazetteer membership, and
trigger words (titles before names, organization heads) in a small window.  Training
and tagging import this one module, so the shipped model and the code that reads it
cannot drift apart.
"""

from __future__ import annotations

from functools import lru_cache

from akhbar.extract import _ner_lexicon as lex

#: Bump when the features change; the training script writes it into the model's
#: licence note and the tagger refuses a model built with another version.
FEATURES_VERSION = 3


_TRAIL = ".,;:!?\"')(]["

def _shape(tok: str) -> str:
    if tok.isdigit() or tok.replace(".", "").replace(",", "").isdigit():
        return "num"
    c = tok[0]
    if "\u0600" <= c <= "\u06ff":
        return "ar"
    if c.isalpha():
        return "LAT" if c.isupper() else "lat"
    return "punct:" + tok if len(tok) == 1 else "other"


@lru_cache(maxsize=100_000)
def _props(tok: str) -> tuple:
    """Context-free properties of one token, cached: news repeats its words."""
    k = lex.key(tok)
    kt = k.rstrip(_TRAIL) or k
    _, stem = lex.strip_clitic(kt)
    if stem.startswith("ال") and len(stem) > 4:
        stem = stem[2:]
    titles = lex.titles()
    title = titles.get(k)
    if title is None:
        c, rest = lex.strip_clitic(k, titles)
        title = titles.get(rest) if c else None
    heads = lex.org_heads()
    head = k in heads or bool(lex.strip_clitic(k, heads)[0])
    names = lex.given_names()
    given = k in names or bool(lex.strip_clitic(k, names)[0])
    t = tok.rstrip(_TRAIL) or tok
    zk = int(lex.zipf(t))
    c, _ = lex.strip_clitic(lex.key(t))
    zs = int(lex.zipf(t[len(c):])) if c and len(t) > len(c) + 1 else zk
    return k, stem, title, head, given, k in lex.stopwords(), zk, zs


def token_info(toks: list[str]) -> dict[str, list]:
    """Per-token keys, stems, gazetteer tags and trigger flags of a token sequence."""
    props = [_props(t) for t in toks]
    keys = [p[0] for p in props]
    gaz = ["O"] * len(keys)
    spans = lex.gazetteer_spans(keys)
    for i, j, label, _ in spans:
        gaz[i] = "B-" + label
        for m in range(i + 1, j):
            gaz[m] = "I-" + label
    return {"keys": keys, "stems": [p[1] for p in props], "title": [p[2] for p in props],
            "head": [p[3] for p in props], "given": [p[4] for p in props],
            "stop": [p[5] for p in props], "zk": [p[6] for p in props],
            "zs": [p[7] for p in props], "gaz": gaz, "gaz_spans": spans}


@lru_cache(maxsize=100_000)
def _own(tok: str) -> tuple[str, ...]:
    """The features a token contributes about itself (cached per token)."""
    k, st, title, head, given, stop, zk, zs = _props(tok)
    f = ["b", "w=" + k, "st=" + st, "sh=" + _shape(tok),
         "p2=" + k[:2], "p3=" + k[:3], "s2=" + k[-2:], "s3=" + k[-3:],
         "sp2=" + st[:2], "ss2=" + st[-2:], "ss3=" + st[-3:],
         "len=" + str(min(len(k), 8)), "al=" + str(k.startswith("ال")),
         f"zf={zk}", f"zfs={zs}", f"zfg={zk}|{given}"]
    if title:
        f.append("title=" + title)
    if head:
        f.append("orghead")
    if stop:
        f.append("stop")
    if given:
        f.append("given")
    return tuple(f)


@lru_cache(maxsize=200_000)
def _seen_from(tok: str, d: int) -> tuple[str, ...]:
    """The features a token contributes to its neighbour ``d`` positions away."""
    k, _, title, head, given, stop, zk, _ = _props(tok)
    f = [f"w{d}=" + k, f"zf{d}={zk}"]
    if title:
        f.append(f"title{d}=" + title)
    if head:
        f.append(f"head{d}")
    if stop:
        f.append(f"stop{d}")
    if given:
        f.append(f"given{d}")
    return tuple(f)


def sent_features(toks: list[str], info: dict | None = None) -> list[list[str]]:
    """CRF feature strings for every token of one sentence (``info``: its token_info)."""
    if info is None:
        info = token_info(toks)
    keys, stems, gaz = info["keys"], info["stems"], info["gaz"]
    title, head = info["title"], info["head"]
    n = len(toks)
    # Is there a title / organization head among the three tokens before i?
    title3 = [any(title[max(0, i - 3):i]) for i in range(n)]
    head3 = [any(head[max(0, i - 3):i]) for i in range(n)]
    feats = []
    for i, k in enumerate(keys):
        f = [*_own(toks[i]), "gz=" + gaz[i]]
        for d in (-2, -1, 1, 2):
            j = i + d
            if 0 <= j < n:
                f += _seen_from(toks[j], d)
                f.append(f"gz{d}=" + gaz[j])
            else:
                f.append(f"w{d}=<pad>")
        if i >= 1:
            f.append("st-1=" + stems[i - 1])
            f.append("bi-1=" + keys[i - 1] + "|" + k)
        if i + 1 < n:
            f.append("st+1=" + stems[i + 1])
        # names follow titles; organization names follow their heads
        if title3[i]:
            f.append("title_in3")
        if head3[i]:
            f.append("head_in3")
        feats.append(f)
    return feats
