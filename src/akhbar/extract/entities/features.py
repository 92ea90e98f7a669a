"""Token features of the entity CRF (shared by ``scripts/train_ner.py`` and the tagger).

Features are computed from match keys (see :mod:`.lexicon`): the key itself, its
clitic-stripped stem, prefixes and suffixes, word shape, gazetteer membership, and
trigger words (titles before names, organization heads) in a small window.  Training
and tagging import this one module, so the shipped model and the code that reads it
cannot drift apart.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from akhbar.extract.entities import lexicon as lex

#: Bump when the features change; the training script writes it into the model's
#: licence note and the tagger refuses a model built with another version.
FEATURES_VERSION = 4


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
    pn, geo = lex.person_names(), lex.city_names()
    stop = k in lex.stopwords()
    cst = lex.strip_clitic(k)[1]
    # A definite relational adjective (الروسي, والتشيكية): nationalities stand before
    # the names of athletes, officials and companies.  (The frequent ones are stop
    # words, which end a name; here they announce one.)
    nisba = lex.nisba_shaped(cst)
    return (k, stem, title, head, given, stop, zk, zs, lex.gaz_heads(k),
            cst, k in pn or bool(lex.strip_clitic(k, pn)[0]),
            k in geo or bool(lex.strip_clitic(k, geo)[0]), nisba)


@dataclass(slots=True)
class TokenInfo:
    """What the features and the rules know about each token of one sentence.

    One list per property, token by token (columns, not an object per token: the
    tagger reads millions of tokens).  ``keys``: match keys; ``stems``: feature stems
    (clitic and article removed); ``cstems``: keys without a leading clitic
    (``lex.strip_clitic``); ``title``: title kind or None; ``head``: organization head;
    ``given``: a known given name; ``stop``: a name stop word; ``zk``/``zs``: Zipf
    frequency of the token and of its stem; ``gaz``: gazetteer BIO tags, from
    ``gaz_spans`` (i, j, label, canonical).
    """

    keys: list[str]
    stems: list[str]
    title: list[str | None]
    head: list[bool]
    given: list[bool]
    stop: list[bool]
    zk: list[int]
    zs: list[int]
    gaz: list[str]
    gaz_spans: list[tuple[int, int, str, str]]
    cstems: list[str]


def token_info(toks: list[str]) -> TokenInfo:
    """Per-token keys, stems, gazetteer tags and trigger flags of a token sequence.

    >>> info = token_info(["قال", "الرئيس", "فو", "في", "هانوي"])
    >>> info.title[1], info.gaz
    ('office', ['O', 'O', 'O', 'O', 'B-LOC'])
    """
    if not toks:
        return TokenInfo([], [], [], [], [], [], [], [], [], [], [])
    keys, stems, title, head, given, stop, zk, zs, heads, cstems, _, _, _ = \
        map(list, zip(*map(_props, toks)))
    gaz = ["O"] * len(keys)
    spans = lex.gazetteer_spans(keys, heads)
    for i, j, label, _ in spans:
        gaz[i] = "B-" + label
        for m in range(i + 1, j):
            gaz[m] = "I-" + label
    return TokenInfo(keys, stems, title, head, given, stop, zk, zs, gaz, spans, cstems)


@lru_cache(maxsize=100_000)
def _own(tok: str) -> tuple[str, ...]:
    """The features a token contributes about itself (cached per token)."""
    k, st, title, head, given, stop, zk, zs, _, _, pn, geo, nisba = _props(tok)
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
    if pn:
        f += ["pn", f"pnz={zk}"]
    if geo:
        f += ["geo", f"geoz={zk}"]
    return tuple(f)


@lru_cache(maxsize=200_000)
def _seen_from(tok: str, d: int) -> tuple[str, ...]:
    """The features a token contributes to its neighbour ``d`` positions away."""
    k, _, title, head, given, stop, zk, _, _, _, pn, geo, nisba = _props(tok)
    f = [f"w{d}=" + k, f"zf{d}={zk}"]
    if title:
        f.append(f"title{d}=" + title)
    # (in this order: the model's features are listed so)
    f += [f"{name}{d}" for flag, name in ((head, "head"), (stop, "stop"), (given, "given"),
                                          (pn, "pn"), (geo, "geo"), (nisba, "nis")) if flag]
    return tuple(f)


#: The neighbours a token sees, in the order their features are listed.
SIDES = (-2, -1, 1, 2)

def sent_features(toks: list[str], info: TokenInfo | None = None) -> list[list[str]]:
    """CRF feature strings for every token of one sentence (``info``: its token_info).

    :class:`FeatureIds` lists the same features as attribute ids, in the same order;
    a change here must be made there too (``FeatureIds.check`` and the tests compare
    the two).
    """
    if info is None:
        info = token_info(toks)
    keys, stems, gaz = info.keys, info.stems, info.gaz
    title, head = info.title, info.head
    n = len(toks)
    # Is there a title / organization head among the three tokens before i?
    title3 = [any(title[max(0, i - 3):i]) for i in range(n)]
    head3 = [any(head[max(0, i - 3):i]) for i in range(n)]
    feats = []
    for i, k in enumerate(keys):
        f = [*_own(toks[i]), "gz=" + gaz[i]]
        for d in SIDES:
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


class FeatureIds:
    """The features of :func:`sent_features` as the attribute ids of one CRF model.

    The entity tagger's fast path (see :mod:`.crf`).  ``attr_id`` maps a model's
    attribute names to rows of ``weights`` (attribute x label), whose last row is
    zeros.  A token's own features (:func:`_own`, always listed first) are summed
    once per token string into a vector over labels; its context features become a
    column of attribute ids in the order :func:`sent_features` lists them, padded
    with the zero row (which also stands for features the model does not know).
    Adding the weight rows to the own vector one after another is then exactly
    CRFsuite's sum: from 0, feature after feature, unknown attributes skipped.

    Per token string (at most ``maxsize``, then the table starts afresh) it keeps:
    the own vector, the ids of what it shows each neighbour (:func:`_seen_from`),
    of its stem seen from either side, and its title and head flags.
    """

    def __init__(self, attr_id: dict[str, int], weights: np.ndarray,
                 maxsize: int = 100_000) -> None:
        self._aid, self._w, self.zero = attr_id, weights, len(weights) - 1
        self._maxsize = maxsize
        self._lock = threading.Lock()  # the token table grows while it is read
        self._pad = [attr_id.get(f"w{d}=<pad>", self.zero) for d in SIDES]
        self._in3 = (attr_id.get("title_in3", self.zero), attr_id.get("head_in3", self.zero))
        self._gz_code: dict[str, int] = {}
        self._gz_ids = np.empty((1 + len(SIDES), 0), dtype=np.intp)  # [side, code] -> id
        # "bi-1=" + a + "|" + b as bigrams[a][b], under every split at a "|": the
        # string, not the split, is what the model knows.
        self._bigrams: dict[str, dict[str, int]] = {}
        for name, a in attr_id.items():
            if name.startswith("bi-1="):
                pair = name[5:]
                for m in range(len(pair)):
                    if pair[m] == "|":
                        self._bigrams.setdefault(pair[:m], {})[pair[m + 1:]] = a
        self._clear()

    def _clear(self) -> None:
        self._row: dict[str, int] = {}
        self._own = np.zeros((256, self._w.shape[1]))
        # Row 0 stands for the padding around a sentence: it shows "w{d}=<pad>" to the
        # token d places away and nothing else.
        self._seen = np.full((len(SIDES), 256, 2), self.zero, dtype=np.intp)
        self._seen[:, 0, 0] = self._pad
        self._ctx = np.zeros((4, 256), dtype=np.intp)  # st-1, st+1, title, head
        self._ctx[:2, 0] = self.zero
        self._size = 1

    def _add(self, tok: str) -> int:
        r = self._size
        if r == len(self._own):
            self._own = np.concatenate([self._own, np.zeros_like(self._own)])
            self._seen = np.concatenate([self._seen, np.full_like(self._seen, self.zero)], 1)
            self._ctx = np.concatenate([self._ctx, np.zeros_like(self._ctx)], 1)
        aid, zero = self._aid, self.zero
        own = self._own[r]  # zeros: CRFsuite's sums start at 0
        for f in _own(tok):
            a = aid.get(f)
            if a is not None:
                own += self._w[a]
        for s, d in enumerate(SIDES):
            ids = [aid[f] for f in _seen_from(tok, d) if f in aid]
            if len(ids) > self._seen.shape[2]:
                wider = np.full((*self._seen.shape[:2], len(ids)), zero, dtype=np.intp)
                wider[:, :, :self._seen.shape[2]] = self._seen
                self._seen = wider
            self._seen[s, r, :len(ids)] = ids
        _, stem, title, head = _props(tok)[:4]
        self._ctx[:, r] = (aid.get("st-1=" + stem, zero), aid.get("st+1=" + stem, zero),
                           bool(title), bool(head))
        self._row[tok] = r
        self._size += 1
        return r

    def _gz(self, tag: str) -> int:
        code = self._gz_code.get(tag)
        if code is None:
            code = self._gz_code[tag] = len(self._gz_code)
            col = [self._aid.get(f"gz{d}=" + tag, self.zero) for d in ("", *SIDES)]
            self._gz_ids = np.column_stack([self._gz_ids, col])
        return code

    def columns(self, sents: list[tuple[list[str], TokenInfo]]) -> tuple[np.ndarray, np.ndarray]:
        """Token-table rows (own vectors) and context attribute ids of all tokens.

        ``sents``: (tokens, token_info) per sentence.  Returns ``rows`` (tokens,) and
        ``ids`` (columns, tokens): sentence after sentence, token after token.
        """
        n = sum(len(s) for s, _ in sents)
        if self._size + n > self._maxsize:
            self._clear()
        # Every sentence between three padding rows, so that a neighbour (up to three
        # tokens away) outside the sentence is the padding row.
        get, pad = self._row.get, [0, 0, 0]
        rows = pad.copy()
        for s, _ in sents:
            rows += [get(t) for t in s]
            rows += pad
        if None in rows:
            rows = pad.copy()
            for s, _ in sents:
                rows += [get(t) if get(t) is not None else self._add(t) for t in s]
                rows += pad
        zero = self.zero
        lens = np.array([len(s) for s, _ in sents], dtype=np.intp)
        at = np.arange(n) + 3 * np.repeat(np.arange(1, len(lens) + 1), lens)
        rows_a = np.array(rows, dtype=np.intp)
        # Gazetteer tags, as token_info writes them from its spans: O outside.
        codes_a = np.full(len(rows), self._gz("O"), dtype=np.intp)
        codes_a[rows_a == 0] = -1  # the padding: no features
        x = 3
        for s, info in sents:
            for i, j, label, _ in info.gaz_spans:
                codes_a[x + i] = self._gz("B-" + label)
                codes_a[x + i + 1:x + j] = self._gz("I-" + label)
            x += len(s) + 3
        # (take, not fancy indexing: several times faster on arrays this small)
        gz_ids = np.column_stack([self._gz_ids, np.full(len(self._gz_ids), zero)])
        n_codes, gz_flat = gz_ids.shape[1], gz_ids.ravel()
        seen = self._seen
        width = seen.shape[2]
        ids = np.empty((1 + len(SIDES) * (width + 1) + 5, n), dtype=np.intp)
        ids[0] = gz_flat.take(codes_a.take(at))
        # Per side: the neighbour's _seen_from ids, then its gazetteer tag.
        near = at + np.array(SIDES)[:, None]
        sides = ids[1:1 + len(SIDES) * (width + 1)].reshape(len(SIDES), width + 1, n)
        side = np.arange(len(SIDES))[:, None]
        sides[:, :width] = seen.reshape(-1, width).take(
            rows_a.take(near) + side * seen.shape[1], axis=0).transpose(0, 2, 1)
        sides[:, width] = gz_flat.take(codes_a.take(near) + (side + 1) * n_codes)
        col = 1 + len(SIDES) * (width + 1)
        ctx = self._ctx
        ids[col] = ctx[0].take(rows_a.take(at - 1))
        self._bigram_ids(sents, ids[col + 1])
        ids[col + 2] = ctx[1].take(rows_a.take(at + 1))
        # A title (bit 1) or an organization head (bit 2) among the three tokens before?
        flags = ctx[2].take(rows_a) | (ctx[3].take(rows_a) << 1)
        before = flags.take(at - 1) | flags.take(at - 2) | flags.take(at - 3)
        ids[col + 3] = np.where(before & 1, self._in3[0], zero)
        ids[col + 4] = np.where(before & 2, self._in3[1], zero)
        return rows_a[at], ids

    def _bigram_ids(self, sents: list[tuple[list[str], TokenInfo]], bi: np.ndarray) -> None:
        """Write the id of each token's "bi-1=" feature (previous key | key) into ``bi``."""
        bigrams, zero = self._bigrams, self.zero
        bi[:] = zero
        x = 0
        for _, info in sents:
            keys = info.keys
            for i in [i for i, a in enumerate(keys[:-1]) if a in bigrams]:
                bi[x + i + 1] = bigrams[keys[i]].get(keys[i + 1], zero)
            x += len(keys)

    def scores(self, sents: list[tuple[list[str], TokenInfo]]) -> np.ndarray:
        """CRFsuite's state scores (tokens x labels) of ``sents`` (see :meth:`columns`)."""
        with self._lock:
            rows, ids = self.columns(sents)
            out = self._own.take(rows, axis=0)
        used = np.flatnonzero((ids != self.zero).any(axis=1))
        n = ids.shape[1]
        weights = self._w.take(ids[used].ravel(), axis=0)
        for k in range(len(used)):  # column after column: CRFsuite's order of sums
            out += weights[k * n:(k + 1) * n]
        return out

    def check(self, sents: list[tuple[list[str], TokenInfo]]) -> bool:
        """Do :meth:`columns` and :func:`sent_features` list the same known features?"""
        rows, ids = self.columns(sents)
        x = 0
        for toks, info in sents:
            for i, feats in enumerate(sent_features(toks, info)):
                own = _own(toks[i])
                want = [self._aid[f] for f in feats[len(own):] if f in self._aid]
                got = [a for a in ids[:, x].tolist() if a != self.zero]
                if tuple(feats[:len(own)]) != own or want != got:
                    return False
                x += 1
        return True
