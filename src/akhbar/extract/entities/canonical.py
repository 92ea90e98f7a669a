"""Canonical names: variants of one entity share one spelling, per article and across
the corpus (غ/ج, final ه, hamza and alef forms, diacritics, clitics, a family name
alone after the full name)."""

from __future__ import annotations

from collections import defaultdict
from functools import lru_cache
from pathlib import Path

import pandas as pd

from akhbar import data
from akhbar._tables import make_frame
from akhbar.extract.entities import lexicon as lex


@lru_cache(maxsize=1)
def _fold_map() -> dict[int, str]:
    """``entities/spelling_fold.tsv`` as a str.translate table."""
    return str.maketrans({r[0]: r[1] if len(r) > 1 else ""
                          for r in data.rows("entities/spelling_fold.tsv")})


def _fold_token(t: str) -> str:
    """A transliteration-tolerant key: غ/ج, final ه, hamza seats, alef forms."""
    k = lex.key(t).translate(_fold_map())
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
    df["canonical"] = canonical_names(df["article_id"].tolist(), df["label"].tolist(),
                                      df["canonical"].tolist())
    return df


def canonical_names(article_ids: list, labels: list[str], names: list[str]) -> list[str]:
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


def merge_spellings_in_parts(paths: list, fmt: str, schema: dict) -> None:
    """:func:`canonicalize` across the part files of a streamed entity table, in place.

    Streaming writes each chunk's entities as they come; a name spelled one way in
    the first chunk and another way in the last would keep both spellings.  A first
    pass counts the spellings of every name in every part (memory grows with the
    number of distinct names, not with the corpus), a second rewrites each part with
    the corpus-wide spelling.  The result equals the in-memory table's; ``schema`` is
    the entity table's.
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
        write_table(make_frame(df, schema), Path(path), fmt)
