"""The table contract, checked once for every table a corpus can build.

For every table (the base tables and every table in the registry, so a new table is
checked without a line here): on the sample corpus and on real news text, the table has
exactly its schema's columns, in order, with exactly its dtypes, and every row with
offsets slices back into its article, ``text[start:end] == row.text``; on a corpus with
no findings it is still there, with the same columns and dtypes.  The per-article (or
per-corpus) function behind the table keeps the contract too, before the corpus puts
the frames together.

The real text is the SaudiNewsNet sample in the shared evaluation folder
(``AKHBAR_EVAL_DIR``; CC BY-NC-SA, read in place, never copied); those tests skip when
it is absent.
"""

from __future__ import annotations

from datetime import date

import pytest

import akhbar
from akhbar._tables import TABLES
from akhbar.corpus import ARTICLE_SCHEMA, ERROR_SCHEMA, SEGMENT_SCHEMA, BASE_TABLES
from akhbar.eval._data import saudinewsnet
from akhbar.loader import parse_article

akhbar.Corpus.table_names()  # imports every stage, which fills the registry
BASE = {"articles": ARTICLE_SCHEMA, "segments": SEGMENT_SCHEMA, "errors": ERROR_SCHEMA}
assert set(BASE) == set(BASE_TABLES)
NAMES = akhbar.Corpus.table_names()
#: Articles of real news for the contract: enough for every table to have rows.
NEWS_ARTICLES = 25


def schema_of(name: str) -> dict:
    return dict(BASE[name]) if name in BASE else dict(TABLES[name].schema)


def assert_schema(df, schema: dict, what: str) -> None:
    assert list(df.columns) == list(schema), what
    assert {c: str(t) for c, t in df.dtypes.items()} == schema, what


def assert_offsets(df, texts: dict[str, str], what: str) -> None:
    """Every row slices back into the text of its article."""
    if not {"article_id", "text", "start", "end"} <= set(df.columns):
        return
    for r in df.itertuples(index=False):
        text = texts[r.article_id]
        assert 0 <= r.start <= r.end <= len(text), (what, r)
        assert text[r.start:r.end] == r.text, (what, r)


def own_frames(name: str, corpus, limit: int = 2):
    """What the function behind a registered table returns, before the corpus joins it
    (for the first ``limit`` articles of a per-article table)."""
    spec = TABLES[name]
    if spec.scope == "corpus":
        return [spec.per_article(corpus)]
    return [spec.per_article(a) for a in list(corpus)[:limit]]


# ------------------------------------------------------------------ corpora


@pytest.fixture(scope="module")
def sample():
    return akhbar.load_sample()


@pytest.fixture(scope="module")
def news():
    rows = list(saudinewsnet(NEWS_ARTICLES))
    if not rows:
        pytest.skip("SaudiNewsNet sample not present (set AKHBAR_EVAL_DIR)")
    return akhbar.Corpus([parse_article(r["content"], id=r["id"],
                                        published=date.fromisoformat(r["date_extracted"][:10]))
                          for r in rows])


#: A corpus whose articles have nothing to find: no word, date, number or name.
NOTHING = {"no articles": [], "a comment counter only": ["تعليق (0)\n"]}


# ------------------------------------------------------------------ the contract


def test_public_schemas_are_the_registered_ones():
    from akhbar.extract.dates import DATE_SCHEMA
    from akhbar.extract.entities import ENTITY_SCHEMA
    from akhbar.extract.statistics import STAT_SCHEMA
    from akhbar.text.tables import SENTENCE_SCHEMA, TOKEN_SCHEMA
    for name, schema in (("dates", DATE_SCHEMA), ("statistics", STAT_SCHEMA),
                         ("entities", ENTITY_SCHEMA), ("tokens", TOKEN_SCHEMA),
                         ("sentences", SENTENCE_SCHEMA)):
        assert dict(schema) == schema_of(name), name


@pytest.mark.parametrize("corpus_name", ["sample", "news"])
@pytest.mark.parametrize("name", NAMES)
def test_table_has_its_schema_and_slices_back(request, corpus_name, name):
    corpus = request.getfixturevalue(corpus_name)
    texts = {a.id: a.text for a in corpus}
    schema = schema_of(name)
    df = corpus.table(name)
    assert_schema(df, schema, name)
    assert_offsets(df, texts, name)
    if name in TABLES:
        for part in own_frames(name, corpus):
            assert_schema(part, schema, f"{name}, before the corpus joins it")
            assert_offsets(part, texts, f"{name}, before the corpus joins it")
    if name != "errors":  # real text finds something for every other table
        assert len(df), name


@pytest.mark.parametrize("texts", list(NOTHING.values()), ids=list(NOTHING))
@pytest.mark.parametrize("name", NAMES)
def test_empty_table_keeps_its_schema(name, texts):
    corpus = akhbar.Corpus([parse_article(t, id=f"a{i}") for i, t in enumerate(texts)])
    schema = schema_of(name)
    df = corpus.table(name)
    assert_schema(df, schema, name)
    per_article = name in TABLES and TABLES[name].scope == "article"
    if per_article or name == "errors":
        assert df.empty, name
    if name in TABLES:
        for part in own_frames(name, corpus):
            assert_schema(part, schema, f"{name}, before the corpus joins it")
