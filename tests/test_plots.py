"""Plots that survive real data: what can be checked without looking at them."""

from __future__ import annotations

import itertools
import random

import numpy as np
import pandas as pd
import pytest

pytest.importorskip("matplotlib")
pytest.importorskip("networkx")
import matplotlib

matplotlib.use("Agg")

from akhbar import plot
from akhbar.errors import ConfigError


def _timeline(counts: dict[str, int]) -> pd.DataFrame:
    periods = list(counts)
    return pd.DataFrame({"article_id": "a", "period": periods,
                         "period_start": pd.to_datetime(periods).astype("datetime64[s]"),
                         "mentions": list(counts.values())})


# a year of news (2015) with a hole in May, and two far mentions: a war of 1945, a 2050 plan
NEWS = {**{f"2015-{m:02d}": 10 + m for m in range(1, 13) if m != 5}, "1945-05": 1,
        "2050-01": 1}


def test_the_timeline_shows_the_central_range_and_says_what_it_leaves_out():
    x = pd.to_datetime(plot.timeline(_timeline(NEWS)).lines[0].get_xdata())
    assert x.min().year == x.max().year == 2015  # default: the shortest run with 90%
    # 98% of the 185 mentions need every month of 2015, and only them
    ax = plot.timeline(_timeline(NEWS), clip=0.98)
    x = pd.to_datetime(ax.lines[0].get_xdata())
    assert x.min() == pd.Timestamp("2015-01-01") and x.max() == pd.Timestamp("2015-12-01")
    assert any("2 mention(s) outside the range not shown" in t.get_text() for t in ax.texts)
    everything = plot.timeline(_timeline(NEWS), clip=None)
    x = pd.to_datetime(everything.lines[0].get_xdata())
    assert x.min() == pd.Timestamp("1945-05-01") and x.max() == pd.Timestamp("2050-01-01")
    assert not everything.texts


def test_an_empty_period_breaks_the_line():
    ax = plot.timeline(_timeline(NEWS), clip=0.98)
    line = pd.Series(ax.lines[0].get_ydata(), index=pd.to_datetime(ax.lines[0].get_xdata()))
    assert np.isnan(line[pd.Timestamp("2015-05-01")])  # no mention in May: no line through it
    assert line[pd.Timestamp("2015-06-01")] == 16
    assert len(line) == 12  # one point per month, the empty one included


@pytest.mark.parametrize("clip", [0, 1.5, "90%", (0.05, 0.95), True])
def test_a_bad_clip_is_a_config_error(clip):
    with pytest.raises(ConfigError, match="clip must be None or a share"):
        plot.timeline(_timeline(NEWS), clip=clip)


def _edges(n_nodes: int = 30) -> pd.DataFrame:
    rng = random.Random(3)
    names = [f"{a} {b}" for a, b in itertools.product(
        ["محمد", "عبدالله", "فيصل", "وزارة", "جامعة", "مدينة"],
        ["الأول", "بن سلمان", "الخارجية", "الملك سعود", "الرياض"])][:n_nodes]
    labels = ["PER", "ORG", "LOC"]
    pairs = [(i, (i + 1) % n_nodes) for i in range(n_nodes)]  # a ring: every node is in
    pairs += [(i, j) for i in range(n_nodes) for j in rng.sample(range(n_nodes), 2) if i != j]
    rows = [{"source": names[i], "target": names[j], "source_label": labels[i % 3],
             "target_label": labels[j % 3], "weight": rng.randint(1, 5), "articles": 1}
            for i, j in pairs]
    return pd.DataFrame(rows).drop_duplicates(["source", "target"], ignore_index=True)


def test_thirty_node_labels_do_not_overlap_and_the_legend_names_the_colours():
    edges = _edges()
    ax = plot.cooccurrence_graph(edges, n=len(edges))
    renderer = ax.figure.canvas.get_renderer()
    boxes = [t.get_window_extent(renderer) for t in ax.texts]
    assert len(boxes) == len(set(edges.source) | set(edges.target)) == 30
    assert not [(i, j) for i, j in itertools.combinations(range(len(boxes)), 2)
                if boxes[i].overlaps(boxes[j])]
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert legend == [plot.shape(w) for w in ("أشخاص", "منظمات", "أماكن")]
    x0, x1 = ax.get_xlim()
    y0, y1 = ax.get_ylim()
    for t in ax.texts:  # moved labels stay inside the axes
        x, y = t.get_position()
        assert x0 <= x <= x1 and y0 <= y <= y1


def test_a_thin_plateau_of_long_ranges_at_the_edge_is_left_out():
    # "since 1990" counts once in every month from 1990 on; 2015 is the news
    since = {str(p): 1 for p in pd.period_range("1990-01", "2014-12", freq="M")}
    ax = plot.timeline(_timeline({**since, **{f"2015-{m:02d}": 200 for m in range(1, 13)}}))
    x = pd.to_datetime(ax.lines[0].get_xdata())
    assert (x.min(), x.max()) == (pd.Timestamp("2015-01-01"), pd.Timestamp("2015-12-01"))
    assert any("300 mention(s) outside" in t.get_text() for t in ax.texts)
