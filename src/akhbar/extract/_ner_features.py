"""Token features of the entity CRF (shared by ``scripts/train_ner.py`` and the tagger).

Features are computed from match keys (see :mod:`._ner_lexicon`): the key itself, its
clitic-stripped stem, prefixes and suffixes, word shape, gazetteer membership, and
trigger words (titles before names, organization heads) in a small window.  Training
and tagging import this one module, so the shipped model and the code that reads it
cannot drift apart.
"""

from __future__ import annotations

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


def token_info(toks: list[str]) -> dict[str, list]:
    """Per-token keys, stems, gazetteer tags and trigger flags of a token sequence."""
    keys = [lex.key(t) for t in toks]
    stems = []
    for k in keys:
        k = k.rstrip(_TRAIL) or k
        _, rest = lex.strip_clitic(k)
        if rest.startswith("ال") and len(rest) > 4:
            rest = rest[2:]
        stems.append(rest)
    gaz = ["O"] * len(keys)
    for i, j, label, _ in lex.gazetteer_spans(keys):
        gaz[i] = "B-" + label
        for m in range(i + 1, j):
            gaz[m] = "I-" + label
    titles, heads, stop = lex.titles(), lex.org_heads(), lex.stopwords()
    title = []
    head = []
    for k in keys:
        t = titles.get(k)
        if t is None:
            c, rest = lex.strip_clitic(k, titles)
            t = titles.get(rest) if c else None
        title.append(t)
        h = k in heads
        if not h:
            c, rest = lex.strip_clitic(k, heads)
            h = bool(c)
        head.append(h)
    names = lex.given_names()
    given = []
    for k in keys:
        g = k in names
        if not g:
            c, rest = lex.strip_clitic(k, names)
            g = bool(c)
        given.append(g)
    zk = [int(lex.zipf(t.rstrip(_TRAIL) or t)) for t in toks]
    zs = []
    for t in toks:
        t = t.rstrip(_TRAIL) or t
        c, _ = lex.strip_clitic(lex.key(t))
        zs.append(int(lex.zipf(t[len(c):])) if c and len(t) > len(c) + 1 else zk[len(zs)])
    return {"zk": zk, "zs": zs, "given": given, "keys": keys, "stems": stems, "gaz": gaz, "title": title, "head": head,
            "stop": [k in stop for k in keys]}


def sent_features(toks: list[str]) -> list[list[str]]:
    """CRF feature strings for every token of one sentence."""
    info = token_info(toks)
    keys, stems, gaz = info["keys"], info["stems"], info["gaz"]
    title, head, stop = info["title"], info["head"], info["stop"]
    given = info["given"]
    zk, zs = info["zk"], info["zs"]
    n = len(toks)
    feats = []
    for i, k in enumerate(keys):
        s = stems[i]
        f = ["b", "w=" + k, "st=" + s, "sh=" + _shape(toks[i]),
             "p2=" + k[:2], "p3=" + k[:3], "s2=" + k[-2:], "s3=" + k[-3:],
             "sp2=" + s[:2], "ss2=" + s[-2:], "ss3=" + s[-3:],
             "len=" + str(min(len(k), 8)), "al=" + str(k.startswith("ال")),
             "gz=" + gaz[i], f"zf={zk[i]}", f"zfs={zs[i]}",
             f"zfg={zk[i]}|{given[i]}"]
        if title[i]:
            f.append("title=" + title[i])
        if head[i]:
            f.append("orghead")
        if stop[i]:
            f.append("stop")
        if given[i]:
            f.append("given")
        for d in (-2, -1, 1, 2):
            j = i + d
            if 0 <= j < n:
                f.append(f"w{d}=" + keys[j])
                f.append(f"gz{d}=" + gaz[j])
                f.append(f"zf{d}={zk[j]}")
                if title[j]:
                    f.append(f"title{d}=" + title[j])
                if head[j]:
                    f.append(f"head{d}")
                if stop[j]:
                    f.append(f"stop{d}")
                if given[j]:
                    f.append(f"given{d}")
            else:
                f.append(f"w{d}=<pad>")
        if i >= 1:
            f.append("st-1=" + stems[i - 1])
            f.append("bi-1=" + keys[i - 1] + "|" + k)
        if i + 1 < n:
            f.append("st+1=" + stems[i + 1])
        # A title somewhere in the three tokens before: names follow titles.
        for d in (3,):
            if any(title[j] for j in range(max(0, i - d), i)):
                f.append("title_in3")
            if any(head[j] for j in range(max(0, i - d), i)):
                f.append("head_in3")
        feats.append(f)
    return feats
