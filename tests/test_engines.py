"""Workers, streaming and the Dask engine give the same tables as one process."""

from __future__ import annotations

import shutil

import pandas as pd
import pytest

import akhbar
from akhbar.corpus import streamable_tables, table_job
from akhbar.engines.local import read_parts, stream_tables
from akhbar.errors import AkhbarError, SchemaError

TABLES = ["articles", "segments"]


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    # the sample corpus three times over, as 15 files, plus one broken file
    d = tmp_path_factory.mktemp("corpus")
    for k in range(3):
        for f in akhbar.sample_path().glob("*.txt"):
            stem = f.stem  # <index>_<hash>: give each copy its own hash
            shutil.copy(f, d / f"{k}{stem}{k}.txt")
    (d / "zz_broken.txt").write_bytes(b"\x00\x01binary")
    return d


def _per_article_tables():
    return [n for n in streamable_tables() if n not in ("articles", "segments", "errors")]


def test_two_workers_equal_one(folder):
    one = akhbar.load_corpus(folder)
    two = akhbar.load_corpus(folder, workers=2)
    for name in TABLES + _per_article_tables():
        pd.testing.assert_frame_equal(one.table(name), two.table(name))


def test_streamed_parts_equal_the_in_memory_tables(folder, tmp_path):
    counts = stream_tables(folder, tmp_path, table_job(), chunk_size=4, fmt="parquet")
    corpus = akhbar.load_corpus(folder)
    assert counts["articles"] == len(corpus) == 15 and counts["errors"] == 1
    assert len(list((tmp_path / "articles").glob("part-*.parquet"))) == 4
    for name in [*TABLES, *_per_article_tables()]:
        expected = corpus.table(name)
        # Parquet has no seconds unit: datetime64[s] comes back as [ms], same instants.
        got = read_parts(tmp_path / name).astype(expected.dtypes.to_dict())
        pd.testing.assert_frame_equal(got, expected)


@pytest.mark.parametrize("fmt", ["parquet", "csv"])
def test_streamed_entity_spellings_merge_across_chunks(tmp_path, fmt):
    # Two articles spell the name one way, a third (in a chunk of its own) another:
    # the streamed table must give all three the corpus-wide spelling, as in memory.
    src = tmp_path / "src"
    src.mkdir()
    (src / "a1.txt").write_text("قال الأمين العام نجوين فو ترونغ إن العلاقات جيدة.\n")
    (src / "a2.txt").write_text("وأكد الأمين العام نجوين فو ترونغ دعم السلام.\n")
    (src / "a3.txt").write_text("استقبل الأمين العام نغوين فو ترونج الوفد في هانوي.\n")
    stream_tables(src, tmp_path / "out", table_job(["entities"]), chunk_size=1, fmt=fmt)
    got = read_parts(tmp_path / "out" / "entities")
    people = got[got["label"] == "PER"]
    assert people["text"].tolist() == ["نجوين فو ترونغ", "نجوين فو ترونغ", "نغوين فو ترونج"]
    assert set(people["canonical"]) == {"نجوين فو ترونغ"}
    expected = akhbar.load_corpus(src).entities()
    assert got["canonical"].tolist() == expected["canonical"].tolist()


def test_streaming_with_workers_keeps_order(folder, tmp_path):
    stream_tables(folder, tmp_path / "one", table_job(), chunk_size=8)
    stream_tables(folder, tmp_path / "two", table_job(), chunk_size=8, workers=2)
    for name in TABLES:
        pd.testing.assert_frame_equal(read_parts(tmp_path / "one" / name),
                                      read_parts(tmp_path / "two" / name))


def test_dask_local_cluster_equals_local_engine(folder, tmp_path):
    pytest.importorskip("distributed")
    from akhbar.engines.dask import run_dask

    local = stream_tables(folder, tmp_path / "local", table_job(), chunk_size=6)
    dask = run_dask(folder, tmp_path / "dask", table_job(), chunk_size=6, n_workers=2)
    assert local == dask
    for name in streamable_tables():
        pd.testing.assert_frame_equal(read_parts(tmp_path / "local" / name),
                                      read_parts(tmp_path / "dask" / name))


def test_corpus_level_tables_cannot_be_streamed(folder, tmp_path):
    with pytest.raises(akhbar.ConfigError, match="cannot be streamed"):
        table_job(["keywords"])
    with pytest.raises(akhbar.ConfigError):
        akhbar.load_corpus(folder, workers=0)


def test_duplicate_ids_are_kept_apart(folder, tmp_path):
    for f in list(akhbar.sample_path().glob("*.txt"))[:2]:
        for sub in ("a", "b"):
            (tmp_path / sub).mkdir(exist_ok=True)
            shutil.copy(f, tmp_path / sub / f.name)
    corpus = akhbar.load_corpus(tmp_path)
    assert len(corpus) == 4 and len(set(corpus.ids)) == 4
    assert sum(i.endswith("~2") for i in corpus.ids) == 2


def test_corpus_tables_equal_the_per_article_frames_concatenated(folder):
    # A corpus builds one frame from many articles' rows; it must be the same table as
    # the per-article DataFrames put end to end.
    from akhbar._tables import TABLES as REGISTERED, make_frame

    corpus = akhbar.load_corpus(folder)
    for name in ("tokens", "sentences", "dates", "statistics"):
        spec = REGISTERED[name]
        parts = [spec.per_article(a) for a in corpus]
        expected = make_frame(pd.concat(parts, ignore_index=True), spec.schema)
        pd.testing.assert_frame_equal(corpus.table(name), expected)


def test_row_buffer_takes_rows_columns_and_frames_in_order():
    from akhbar._tables import RowBuffer, make_frame

    schema = {"article_id": "string", "text": "string", "start": "int64"}
    buf = RowBuffer(schema)
    buf.add([{"article_id": "a", "text": "القاهرة", "start": 3}])
    buf.add({"article_id": ["b", "b"], "text": ["عمّان", "بيروت"], "start": [0, 9]})
    buf.add(make_frame([{"article_id": "c", "text": "تونس", "start": 5}], schema))
    buf.add([])
    df = buf.frame()
    assert df["article_id"].tolist() == ["a", "b", "b", "c"]
    assert df["text"].tolist() == ["القاهرة", "عمّان", "بيروت", "تونس"]
    assert dict(df.dtypes.astype(str)) == {"article_id": "string", "text": "string",
                                           "start": "int64"}
    with pytest.raises(SchemaError, match="typo"):
        buf.add([{"article_id": "d", "typo": 1}])
    assert RowBuffer(schema).frame().columns.tolist() == list(schema)


def test_string_columns_take_missing_values_and_non_strings_like_pandas():
    # String columns are built by pyarrow; what it refuses (numbers, NaN, pd.NA) must
    # still come out as pandas' own "string" array would have it.
    from akhbar._tables import make_frame

    schema = {"text": "string", "start": "int64"}
    df = make_frame({"text": ["دمشق", None, 7, float("nan"), pd.NA], "start": [0, 1, 2, 3, 4]},
                    schema)
    want = pd.array(["دمشق", None, 7, float("nan"), pd.NA], dtype="string")
    pd.testing.assert_extension_array_equal(df["text"].array, want)
    assert df["text"].tolist()[:3] == ["دمشق", pd.NA, "7"]
    plain = make_frame({"text": ["دمشق", None], "start": [0, 1]}, schema)
    assert plain["text"].dtype == pd.StringDtype() and plain["text"].isna().tolist() == [
        False, True]


@pytest.mark.parametrize("extra", [[], ["--stream"]])
def test_url_outputs_are_refused_before_any_work(folder, tmp_path, capsys, monkeypatch, extra):
    # `--out s3://bucket/x` once became a local folder named "s3:"; now it is an error.
    from akhbar.cli import main as cli_main

    monkeypatch.chdir(tmp_path)
    assert cli_main(["analyze", str(folder), "--out", "s3://bucket/akhbar", *extra]) == 4
    err = capsys.readouterr().err
    assert err.startswith("akhbar: ") and "URLs are not supported" in err
    assert not list(tmp_path.iterdir())
    with pytest.raises(akhbar.ConfigError, match="URLs"):
        stream_tables(folder, "gs://bucket/akhbar", table_job())


def test_streaming_an_archive_with_workers_equals_one_process(folder, tmp_path):
    # Archives are read as a stream by the main process (folders of files are split
    # into partitions that the workers read themselves); both give the same tables.
    import zipfile

    archive = tmp_path / "corpus.zip"
    with zipfile.ZipFile(archive, "w") as z:
        for f in sorted(folder.iterdir()):
            z.write(f, f.name)
    one = stream_tables(archive, tmp_path / "one", table_job(), chunk_size=4)
    two = stream_tables(archive, tmp_path / "two", table_job(), chunk_size=4, workers=2)
    assert one == two and one["articles"] == 15 and one["errors"] == 1
    for name in streamable_tables():
        pd.testing.assert_frame_equal(read_parts(tmp_path / "one" / name),
                                      read_parts(tmp_path / "two" / name))


def test_a_streamed_chunk_leaves_no_shared_cache_behind(folder):
    # The dates of each segment and the sentences of each article are cached for the
    # other tables of the same chunk; kept after it, they would grow with the corpus.
    from akhbar._tables import CHUNK_CACHES
    from akhbar.extract.dates import _find_dates_cached
    from akhbar.loader import iter_items
    from akhbar.text import tables

    out = table_job().run(list(iter_items(folder)))
    assert len(out["dates"]) and len(out["sentences"])
    assert len(CHUNK_CACHES) >= 2
    assert _find_dates_cached.cache_info().currsize == 0 and not tables._SENTENCES


@pytest.fixture
def registered():
    """Register throwaway tables for one test, and forget them after it."""
    from akhbar._tables import TABLES

    before = set(TABLES)
    yield
    for name in set(TABLES) - before:
        del TABLES[name]


def test_a_column_outside_the_schema_is_a_schema_error_naming_table_and_columns(registered):
    from akhbar._tables import register_table

    @register_table("lengths", {"article_id": "string", "n": "int64"}, rows=True)
    def _lengths(article):
        return [{"article_id": article.id, "n_chars": len(article.text)}]  # typo: n_chars

    with pytest.raises(SchemaError) as exc:
        akhbar.load_sample().table("lengths")
    err = exc.value
    assert err.table == "lengths" and err.columns == ["n_chars"]
    assert err.expected == ["article_id", "n"]
    assert str(err).startswith("table 'lengths': column(s) ['n_chars'] not in its schema; "
                               "expected only ['article_id', 'n']")
    # still a KeyError for code that caught the bare KeyError it used to be
    assert isinstance(err, KeyError) and isinstance(err, AkhbarError)
    # and not recorded as one article's failure: it is no article's fault
    with pytest.raises(SchemaError):
        table_job(["lengths"]).run([akhbar.load_sample()[0]])


def test_an_option_a_table_does_not_take_is_an_error_not_ignored(folder, tmp_path):
    corpus = akhbar.load_sample()
    with pytest.raises(akhbar.ConfigError, match="'tokens' takes no option stem; "
                                                 "its options: preset"):
        corpus.table("tokens", stem=True)
    with pytest.raises(akhbar.ConfigError, match="'sentences' takes no option preset"):
        corpus.table("sentences", preset="search")
    with pytest.raises(akhbar.ConfigError, match="'keywords' takes no option top"):
        corpus.table("keywords", top=5)
    with pytest.raises(akhbar.ConfigError, match="takes no options"):
        corpus.table("articles", preset="search")
    # a known option still reaches its table: the default preset folds alef forms, the
    # display preset keeps them
    default = corpus.table("tokens")
    display = corpus.table("tokens", preset="display")
    assert set(default.loc[default["text"] == "أكد", "norm"]) == {"اكد"}
    assert set(display.loc[display["text"] == "أكد", "norm"]) == {"أكد"}
    # streamed: options only for a table that is built, and one that takes them
    with pytest.raises(akhbar.ConfigError, match="not among the tables"):
        table_job(["tokens"], {"sentences": {}})
    with pytest.raises(akhbar.ConfigError, match="'tokens' takes no option stem"):
        table_job(["tokens"], {"tokens": {"stem": True}})
    job = table_job(["tokens", "errors"], {"tokens": {"preset": "display"}})
    stream_tables(folder, tmp_path, job, chunk_size=20)
    streamed = read_parts(tmp_path / "tokens")
    assert set(streamed.loc[streamed["text"] == "أكد", "norm"]) == {"أكد"}


def test_a_table_refusing_its_options_stops_the_run_instead_of_failing_each_article(
        registered):
    # A table that takes **options checks them itself; the ConfigError it raises is the
    # caller's mistake and reaches the caller, not 5 "failed" articles in corpus.errors.
    from akhbar._tables import register_table

    @register_table("checked", {"article_id": "string"}, rows=True)
    def _checked(article, **options):
        if options:
            raise akhbar.ConfigError(f"unknown option(s) {sorted(options)}")
        return [{"article_id": article.id}]

    corpus = akhbar.load_sample()
    with pytest.raises(akhbar.ConfigError, match="unknown option"):
        corpus.table("checked", refrence_date="2024-01-01")
    assert corpus.errors.empty and len(corpus.table("checked")) == 5
