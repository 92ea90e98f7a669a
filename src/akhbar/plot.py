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


def timeline(timeline_df: pd.DataFrame, ax=None, title: str = "التواريخ المذكورة عبر الزمن"):
    """Line of date mentions per period (summed over articles)."""
    ax = _ax(ax, figsize=(9, 4))
    s = timeline_df.groupby("period_start")["mentions"].sum().sort_index()
    ax.plot(s.index, s.values, marker="o", color="#a83b3b")
    ax.set_title(shape(title), fontname=FONT)
    ax.set_ylabel(shape("عدد الإشارات"), fontname=FONT)
    ax.figure.autofmt_xdate()
    ax.figure.tight_layout()
    return ax


def cooccurrence_graph(edges: pd.DataFrame, n: int = 30, ax=None, seed: int = 7,
                       title: str = "شبكة الكيانات"):
    """Draw the ``n`` heaviest co-occurrence edges as a graph with shaped labels."""
    import networkx as nx

    from akhbar.analysis.cooccurrence import to_networkx

    ax = _ax(ax, figsize=(9, 9))
    g = to_networkx(edges.head(n))
    if not len(g):
        ax.set_title(shape(title), fontname=FONT)
        ax.axis("off")
        return ax
    pos = nx.spring_layout(g, seed=seed, weight="weight")
    colors = {"PER": "#3b6ea8", "ORG": "#a8863b", "LOC": "#3ba86e", "MISC": "#888888"}
    nx.draw_networkx_edges(g, pos, ax=ax, width=[1 + d["weight"] for *_, d in g.edges(data=True)],
                           alpha=0.4)
    nx.draw_networkx_nodes(g, pos, ax=ax, node_size=300,
                           node_color=[colors.get(d.get("label"), "#888") for _, d in g.nodes(data=True)])
    nx.draw_networkx_labels(g, pos, ax=ax, labels={v: shape(v) for v in g.nodes},
                            font_family=FONT, font_size=9)
    ax.set_title(shape(title), fontname=FONT)
    ax.axis("off")
    ax.figure.tight_layout()
    return ax
