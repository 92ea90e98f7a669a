"""Corpus analyses, plots and notebooks on the sample corpus."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
import regex

import akhbar
from akhbar.analysis.collocations import collocations
from akhbar.analysis.cooccurrence import to_networkx
from akhbar.analysis.keywords import keywords

ROOT = Path(__file__).resolve().parents[1]
ARABIC_WORD = regex.compile(r"^\p{Arabic}{2,}$")


@pytest.fixture(scope="module")
def corpus():
    return akhbar.load_sample()


def test_keywords_are_arabic_content_words(corpus):
    stop = set(akhbar.stopwords())
    for aid in corpus.ids:
        kw = corpus.keywords(article_id=aid, n=15)
        assert len(kw) == 15 and kw["rank"].tolist() == list(range(1, 16))
        for term in kw["term"]:
            assert ARABIC_WORD.match(term), term
            assert term not in stop, term
    top = corpus.keywords(article_id="154074880c2c91e6", n=5)["term"].tolist()
    assert "الصداقة" in top  # the article is about the Union of Friendship Organizations


def test_keywords_rank_shared_words_below_distinctive_ones():
    tokens = akhbar.Corpus([akhbar.parse_article("زار الوزير هانوي ثم زار بكين", id="a"),
                            akhbar.parse_article("قال الوزير إن الاقتصاد ينمو", id="b")]).tokens()
    kw = keywords(tokens, article_id="a", n=4)
    # زار twice, only in a; بكين and هانوي once, only in a; الوزير once, in both
    assert kw["term"].tolist() == ["زار", "بكين", "هانوي", "الوزير"]
    assert kw["count"].tolist() == [2, 1, 1, 1]
    with pytest.raises(akhbar.ConfigError):
        keywords(tokens, method="bm25")


def test_collocations_find_names_and_fixed_phrases(corpus):
    col = corpus.collocations(min_count=3)
    assert {"شي جين", "جين بينغ"} <= set(col["ngram"])
    assert (col["count"] >= 3).all()
    llr = collocations(corpus.tokens(), measure="llr", min_count=3)
    assert llr["score"].is_monotonic_decreasing and len(llr) == len(col)


def test_timeline_shows_the_2022_to_2024_dates(corpus):
    tl = corpus.timeline(freq="Y")
    years = set(tl["period"])
    assert {"2022", "2023", "2024"} <= years
    months = corpus.timeline(freq="M")
    assert "2023-12" in set(months["period"])  # 12-13 ديسمبر 2023


def test_cooccurrence_uses_one_name_across_articles(corpus):
    edges = corpus.cooccurrence()
    assert {"source", "target", "weight", "articles"} <= set(edges.columns)
    assert (edges["source"] < edges["target"]).all()
    people = corpus.people()
    trong = people[people["variants"].str.contains("نجوين فو ترونج")]
    assert len(trong) == 1, trong  # one canonical name for every spelling, in every article
    assert trong["articles"].iloc[0] >= 2
    g = to_networkx(edges)
    assert g.number_of_edges() == len(edges)


def test_summary_counts_match_the_tables(corpus):
    s = corpus.summary().set_index("metric")["value"]
    assert s["articles"] == 5 and s["errors"] == 0
    assert s["dates"] == len(corpus.dates()) and s["statistics"] == len(corpus.statistics())
    assert s["entities_PER"] == (corpus.entities()["label"] == "PER").sum()


def test_analyze_returns_every_table(corpus):
    tables = corpus.analyze()
    assert set(tables) == set(akhbar.Corpus.table_names())
    assert all(isinstance(df, pd.DataFrame) for df in tables.values())


def test_plots_render_to_png(corpus, tmp_path):
    pytest.importorskip("matplotlib")
    import matplotlib

    matplotlib.use("Agg")
    from akhbar import plot

    for name, ax in {
        "people": plot.top_entities(corpus.entities(), "PER", n=8),
        "timeline": plot.timeline(corpus.timeline(freq="Y")),
        "graph": plot.cooccurrence_graph(corpus.cooccurrence(), n=15),
        "words": plot.word_frequencies(corpus.keywords(n=15)),
    }.items():
        path = tmp_path / f"{name}.png"
        ax.figure.savefig(path, dpi=60)
        assert path.stat().st_size > 5000
        assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_shape_reorders_only_where_matplotlib_cannot(monkeypatch):
    pytest.importorskip("arabic_reshaper")
    from akhbar import plot

    monkeypatch.setattr(plot, "matplotlib_shapes_text", lambda: False)
    shaped = plot.shape("خبر عاجل")
    assert shaped != "خبر عاجل" and all(0xFE70 <= ord(c) <= 0xFEFF or c == " " for c in shaped)
    monkeypatch.setattr(plot, "matplotlib_shapes_text", lambda: True)
    assert plot.shape("خبر عاجل") == "خبر عاجل"


@pytest.mark.parametrize("name", ["01_quickstart.ipynb", "02_extractors.ipynb"])
def test_notebook_runs_clean(name, tmp_path):
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    nb = nbformat.read(ROOT / "notebooks" / name, as_version=4)
    assert all(not c.get("outputs") for c in nb.cells if c.cell_type == "code"), \
        "notebooks are committed without outputs"
    nbclient.NotebookClient(nb, timeout=600, kernel_name="python3",
                            resources={"metadata": {"path": str(tmp_path)}}).execute()
    assert list(tmp_path.glob("*.png"))
