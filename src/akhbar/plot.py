"""matplotlib helpers for the common views, with Arabic labels shaped and right-to-left.

matplotlib before 3.11 draws characters one by one, left to right: Arabic comes out as
isolated letters in the wrong order.  There :func:`shape` joins the letters
(arabic-reshaper picks the contextual presentation forms) and reorders the line for
display (python-bidi).  matplotlib 3.11 and later lay text out with libraqm, which
shapes and reorders by itself; reshaping again would reverse the words, so
:func:`shape` then leaves the text alone.  Needs the ``plot`` extra.
"""

from __future__ import annotations

import pandas as pd

from akhbar.errors import ConfigError

__all__ = ["cooccurrence_graph", "shape", "timeline", "top_entities", "word_frequencies"]

# DejaVu Sans ships with matplotlib and covers Arabic presentation forms.
FONT = "DejaVu Sans"


def _deps():
    try:
        import arabic_reshaper
        import matplotlib.pyplot as plt
        from bidi.algorithm import get_display
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise ConfigError("plots need the plot extra: pip install 'akhbar[plot]'") from exc
    return arabic_reshaper, get_display, plt


def matplotlib_shapes_text() -> bool:
    """True when the installed matplotlib shapes complex scripts itself (libraqm)."""
    try:
        from matplotlib import ft2font
    except ImportError:  # pragma: no cover
        return False
    return bool(getattr(ft2font, "__libraqm_version__", None))


def shape(text: str) -> str:
    """Arabic text ready for matplotlib: letters joined, words in display order.

    >>> shape("خبر") in ("خبر", "ﺮﺒﺧ")
    True
    """
    reshaper, get_display, _ = _deps()
    if matplotlib_shapes_text():
        return str(text)
    return get_display(reshaper.reshape(str(text)))


def _ax(ax, figsize=(8, 5)):
    _, _, plt = _deps()
    if ax is None:
        _, ax = plt.subplots(figsize=figsize)
    return ax


def _barh(labels, values, ax, title, xlabel):
    ax = _ax(ax)
    labels = [shape(x) for x in labels][::-1]
    ax.barh(labels, list(values)[::-1], color="#3b6ea8")
    ax.set_title(shape(title), fontname=FONT)
    ax.set_xlabel(shape(xlabel), fontname=FONT)
    for lab in ax.get_yticklabels():
        lab.set_fontname(FONT)
    ax.figure.tight_layout()
    return ax


def top_entities(entities: pd.DataFrame, label: str = "PER", n: int = 15, ax=None,
                 title: str | None = None):
    """Horizontal bar chart of the ``n`` most mentioned canonical entities of ``label``."""
    sel = entities[entities["label"] == label]
    counts = sel["canonical"].value_counts().head(n)
    names = {"PER": "الأشخاص", "ORG": "المنظمات", "LOC": "الأماكن", "MISC": "أخرى"}
    return _barh(counts.index, counts.values, ax, title or f"أكثر {names.get(label, label)} ذكراً",
                 "عدد الإشارات")


def word_frequencies(frequencies: pd.DataFrame, n: int = 20, ax=None, term_col: str | None = None,
                     title: str = "الكلمات الأكثر تكراراً"):
    """Bar chart of the ``n`` most frequent terms of a frequencies table."""
    term_col = term_col or next(c for c in ("form", "term", "norm", "stem", "text")
                                if c in frequencies.columns)
    top = frequencies.sort_values("count", ascending=False).head(n)
    return _barh(top[term_col], top["count"], ax, title, "التكرار")


#: Period string of the timeline table -> its pandas frequency, by shape
#: ("2015", "2015Q3", "2015-08", "2015-08-10", "2015-08-10/2015-08-16").
def _period_freq(period: str) -> str:
    if "/" in period:
        return "W"
    if "Q" in period:
        return "Q"
    return {4: "Y", 7: "M"}.get(len(period), "D")


def _central_range(s: pd.Series, share: float) -> tuple:
    """The first and last period of the shortest run of periods that holds ``share`` of
    the mentions (a few far mentions, however many, do not stretch it)."""
    if isinstance(share, bool) or not isinstance(share, (int, float)) or not 0 < share <= 1:
        raise ConfigError(f"clip must be None or a share of the mentions in (0, 1], such "
                          f"as 0.9, not {share!r}")
    counts, when = s.to_numpy(), s.index
    need = share * counts.sum()
    best, total, j = (0, len(s) - 1), 0, 0
    for i in range(len(s)):  # two pointers: [i, j) is the shortest run from i
        while j < len(s) and total < need:
            total += counts[j]
            j += 1
        if total >= need and when[j - 1] - when[i] < when[best[1]] - when[best[0]]:
            best = (i, j - 1)
        total -= counts[i]
    return when[best[0]], when[best[1]]


def timeline(timeline_df: pd.DataFrame, ax=None, title: str = "التواريخ المذكورة عبر الزمن",
             clip: float | None = 0.9):
    """Line of date mentions per period (summed over articles).

    By default only the central 90% of mentions is shown (``clip=0.9``: the shortest
    run of periods that holds 90% of them): a news corpus mentions a few far years (a
    war of 1945, a plan for 2050) that would squeeze the rest into a corner.  Periods at
    either end of that run with fewer than a fiftieth of the busiest period's mentions
    are left out too.  A note says how many mentions are left out, and ``clip=None``
    shows them all.  An empty period breaks the line: no line is drawn
    across periods with no mention.
    """
    ax = _ax(ax, figsize=(9, 4))
    ax.set_title(shape(title), fontname=FONT)
    ax.set_ylabel(shape("عدد الإشارات"), fontname=FONT)
    s = timeline_df.groupby("period_start")["mentions"].sum().sort_index()
    s = s[s > 0]
    if s.empty:
        return ax
    hidden = 0
    if clip is not None:
        first, last = _central_range(s, clip)
        # a date range ("since 1962") counts once in every period it spans: a thin
        # plateau of such periods at either end says little, and is left out too
        thick = s[(s.index >= first) & (s.index <= last) & (s >= s.max() / 50)].index
        first, last = thick[0], thick[-1]
        hidden = int(s[(s.index < first) | (s.index > last)].sum())
        s = s[(s.index >= first) & (s.index <= last)]
    freq = _period_freq(str(timeline_df["period"].iloc[0]))
    every = pd.period_range(s.index[0], s.index[-1], freq=freq).start_time
    s = s.reindex(every)  # NaN in an empty period: matplotlib breaks the line there
    ax.plot(s.index, s.values, marker="o", markersize=3, color="#a83b3b")
    ax.set_ylim(bottom=0)
    if hidden:
        ax.text(0.01, 0.98, f"{hidden} mention(s) outside the range not shown (clip=None)",
                transform=ax.transAxes, va="top", fontsize=8, color="#555555")
    ax.figure.autofmt_xdate()
    ax.figure.tight_layout()
    return ax


LABEL_COLORS = {"PER": "#3b6ea8", "ORG": "#a8863b", "LOC": "#3ba86e", "MISC": "#888888"}
LABEL_NAMES = {"PER": "أشخاص", "ORG": "منظمات", "LOC": "أماكن", "MISC": "أخرى"}


def cooccurrence_graph(edges: pd.DataFrame, n: int = 30, ax=None, seed: int = 7,
                       title: str = "شبكة الكيانات"):
    """Draw the ``n`` heaviest co-occurrence edges as a graph with shaped labels.

    Node colours are the entity labels, named in a legend; labels are moved apart
    until none overlaps another (best effort, see :func:`_spread_labels`).
    """
    import networkx as nx
    from matplotlib.lines import Line2D

    from akhbar.analysis.cooccurrence import to_networkx

    ax = _ax(ax, figsize=(10, 10))
    ax.set_title(shape(title), fontname=FONT)
    ax.axis("off")
    g = to_networkx(edges.head(n))
    if not len(g):
        return ax
    # a larger ideal distance than networkx's 1/sqrt(n) leaves room for the labels
    pos = nx.spring_layout(g, seed=seed, weight="weight", k=2.5 / len(g) ** 0.5)
    labels = [d.get("label") for _, d in g.nodes(data=True)]
    nx.draw_networkx_edges(g, pos, ax=ax, width=[1 + d["weight"] for *_, d in g.edges(data=True)],
                           alpha=0.3)
    nx.draw_networkx_nodes(g, pos, ax=ax, node_size=120,
                           node_color=[LABEL_COLORS.get(lab, "#888888") for lab in labels])
    texts = nx.draw_networkx_labels(g, pos, ax=ax, labels={v: shape(v) for v in g.nodes},
                                    font_family=FONT, font_size=9)
    shown = [lab for lab in LABEL_COLORS if lab in labels]
    ax.legend(handles=[Line2D([], [], marker="o", linestyle="", markersize=8,
                              color=LABEL_COLORS[lab], label=shape(LABEL_NAMES[lab]))
                       for lab in shown], loc="lower left", prop={"family": FONT})
    ax.figure.tight_layout()
    _spread_labels(ax, list(texts.values()))
    return ax


def _overlaps(boxes: list) -> list[tuple[int, int]]:
    return [(i, j) for i in range(len(boxes)) for j in range(i + 1, len(boxes))
            if boxes[i].overlaps(boxes[j])]


def _spread_labels(ax, texts: list, rounds: int = 200, pad: float = 2.0) -> None:
    """Move overlapping labels apart in screen space, a few pixels a round.

    Each overlapping pair is pushed apart along the line between their centres (or
    vertically when they share a centre); 200 rounds untangle 30 labels of a spring
    layout.  The axes' limits are widened to keep every label inside.
    """
    import numpy as np

    fig = ax.figure
    renderer = fig.canvas.get_renderer()
    to_data = ax.transData.inverted()
    for _ in range(rounds):
        boxes = [t.get_window_extent(renderer).expanded(1.0, 1.0).padded(pad) for t in texts]
        pairs = _overlaps(boxes)
        if not pairs:
            break
        for i, j in pairs:
            d = np.array([boxes[j].x0 + boxes[j].x1 - boxes[i].x0 - boxes[i].x1,
                          boxes[j].y0 + boxes[j].y1 - boxes[i].y0 - boxes[i].y1]) / 2
            d = d / np.hypot(*d) if np.hypot(*d) > 1e-6 else np.array([0.0, 1.0])
            for k, sign in ((i, -1), (j, 1)):
                x, y = ax.transData.transform(texts[k].get_position())
                texts[k].set_position(to_data.transform((x + sign * 3 * d[0],
                                                         y + sign * 3 * d[1])))
    ax.update_datalim([to_data.transform(((b.x0 + b.x1) / 2, (b.y0 + b.y1) / 2))
                       for b in (t.get_window_extent(renderer) for t in texts)])
