"""Entity co-occurrence: an edge list of canonical entities seen together."""

from __future__ import annotations

from collections import defaultdict
from itertools import combinations

import pandas as pd

from akhbar._tables import make_frame
from akhbar.errors import ConfigError

EDGE_SCHEMA = {"source": "string", "source_label": "string", "target": "string",
               "target_label": "string", "weight": "int64", "articles": "int64"}


def _sentence_of(entities: pd.DataFrame, sentences: pd.DataFrame) -> pd.Series:
    """The sent_id each entity starts in (entities outside any sentence get their own)."""
    out = pd.Series(-1, index=entities.index, dtype="int64")
    for aid, ents in entities.groupby("article_id", sort=False):
        sents = sentences[sentences["article_id"] == aid].sort_values("start")
        if sents.empty:
            continue
        starts = sents["start"].to_numpy()
        pos = starts.searchsorted(ents["start"].to_numpy(), side="right") - 1
        ids = sents["sent_id"].to_numpy()
        out.loc[ents.index] = [int(ids[p]) if p >= 0 else -1 for p in pos]
    return out


def cooccurrence(entities: pd.DataFrame, sentences: pd.DataFrame | None = None,
                 labels: tuple[str, ...] = ("PER", "ORG", "LOC"),
                 window: str = "sentence") -> pd.DataFrame:
    """Pairs of canonical entities that share a sentence (or an article).

    ``weight`` counts the windows the pair shares, ``articles`` the articles.
    """
    if window not in ("sentence", "article"):
        raise ConfigError(f"window must be 'sentence' or 'article', not {window!r}")
    ents = entities[entities["label"].isin(labels) & entities["canonical"].notna()]
    if window == "sentence":
        if sentences is None:
            raise ConfigError("window='sentence' needs the sentences table")
        ents = ents.assign(unit=_sentence_of(ents, sentences))
    else:
        ents = ents.assign(unit=0)
    weight: dict = defaultdict(int)
    arts: dict = defaultdict(set)
    label_of = dict(zip(ents["canonical"], ents["label"]))
    for (aid, _), g in ents.groupby(["article_id", "unit"], sort=False):
        for a, b in combinations(sorted(set(g["canonical"])), 2):
            weight[(a, b)] += 1
            arts[(a, b)].add(aid)
    rows = [{"source": a, "source_label": label_of[a], "target": b, "target_label": label_of[b],
             "weight": w, "articles": len(arts[(a, b)])} for (a, b), w in weight.items()]
    df = make_frame(rows, EDGE_SCHEMA)
    return df.sort_values(["weight", "articles", "source", "target"],
                          ascending=[False, False, True, True], ignore_index=True)


def to_networkx(edges: pd.DataFrame):
    """The edge list as a ``networkx.Graph`` (nodes carry ``label``; edges ``weight``)."""
    import networkx as nx

    g = nx.Graph()
    for r in edges.itertuples(index=False):
        g.add_node(r.source, label=r.source_label)
        g.add_node(r.target, label=r.target_label)
        g.add_edge(r.source, r.target, weight=int(r.weight), articles=int(r.articles))
    return g
