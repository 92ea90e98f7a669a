"""Writes notebooks/*.ipynb (without outputs) from the cells below; run after editing them.

    python scripts/build_notebooks.py
"""

from __future__ import annotations

from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

ROOT = Path(__file__).resolve().parents[1]

QUICKSTART = [
    new_markdown_cell("# akhbar quickstart\n\nLoad the embedded sample corpus (five Arabic news "
                      "articles), look at its tables, and plot the people it mentions."),
    new_code_cell("import matplotlib\nmatplotlib.use('Agg')\nimport akhbar\n\n"
                  "corpus = akhbar.load_sample()\ncorpus"),
    new_code_cell("corpus.articles[['id', 'source_domain', 'attribution', 'n_paragraphs', "
                  "'n_captions', 'n_related', 'comment_count']]"),
    new_markdown_cell("Every line of every file is a segment; the segments rebuild the file "
                      "exactly, and their offsets index `Article.text`."),
    new_code_cell("seg = corpus.segments\nseg.kind.value_counts()"),
    new_code_cell("a = corpus['ea9f7c2b2f2975bd']\n"
                  "assert ''.join(s.text for s in a.segments) == a.text\n"
                  "a.captions[0], a.attribution"),
    new_markdown_cell("## Tokens, keywords and a plot"),
    new_code_cell("tokens = corpus.tokens()\ntokens.head()"),
    new_code_cell("corpus.keywords(article_id='154074880c2c91e6', n=10)"),
    new_code_cell("from akhbar import plot\n"
                  "ax = plot.top_entities(corpus.entities(), label='PER', n=10)\n"
                  "ax.figure.savefig('quickstart_people.png', dpi=80)"),
    new_code_cell("corpus.summary()"),
]

EXTRACTORS = [
    new_markdown_cell("# The extractors\n\nPeople with their roles and merged spellings, dates "
                      "resolved to calendar ranges, and statistics with what they count. Every "
                      "row points back into the original text: `text[start:end] == row.text`."),
    new_code_cell("import matplotlib\nmatplotlib.use('Agg')\nimport akhbar\nfrom akhbar import plot\n\n"
                  "corpus = akhbar.load_sample()"),
    new_markdown_cell("## Entities"),
    new_code_cell("ents = corpus.entities()\n"
                  "ents[ents.label == 'PER'][['article_id', 'text', 'canonical', 'role']].head(15)"),
    new_code_cell("people = corpus.people()\npeople.head(10)"),
    new_code_cell("for row in ents.itertuples():\n"
                  "    assert corpus[row.article_id].text[row.start:row.end] == row.text\n"
                  "len(ents)"),
    new_code_cell("edges = corpus.cooccurrence()\nax = plot.cooccurrence_graph(edges, n=25)\n"
                  "ax.figure.savefig('extractors_graph.png', dpi=80)\nedges.head()"),
    new_markdown_cell("## Dates"),
    new_code_cell("dates = corpus.dates()\n"
                  "dates[['text', 'value_start', 'value_end', 'granularity', 'kind']].head(15)"),
    new_code_cell("tl = corpus.timeline(freq='Y')\nax = plot.timeline(tl)\n"
                  "ax.figure.savefig('extractors_timeline.png', dpi=80)\n"
                  "tl.groupby('period').mentions.sum()"),
    new_markdown_cell("## Statistics"),
    new_code_cell("stats = corpus.statistics()\n"
                  "stats[['text', 'value', 'kind', 'unit', 'currency', 'qualifier']].head(20)"),
    new_code_cell("akhbar.extract_statistics('وقّعت الحكومة 14 اتفاقية بقيمة 1.5 مليار دولار "
                  "أمريكي، وارتفع النمو بنسبة 6.5 بالمئة')"),
]


def main() -> None:
    out = ROOT / "notebooks"
    out.mkdir(exist_ok=True)
    for name, cells in (("01_quickstart.ipynb", QUICKSTART), ("02_extractors.ipynb", EXTRACTORS)):
        nb = new_notebook(cells=cells, metadata={
            "kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"},
            "language_info": {"name": "python"}})
        nbformat.write(nb, out / name)
        print(out / name)


if __name__ == "__main__":
    main()
