"""Every table written as Parquet or CSV reads back with its documented dtypes.

Parquet cannot store second-resolution timestamps (``pandas.read_parquet`` gives
``datetime64[ms]``) and CSV stores no types: :func:`akhbar.corpus.read_table` casts both
back to the schema.  CSV keeps no difference between an empty string and a missing
value (both are an empty cell): they read back as missing.
"""

from __future__ import annotations

import pandas as pd
import pytest

import akhbar
from akhbar._tables import write_table
from akhbar.cli import main as cli_main
from akhbar.corpus import read_table, table_schema


@pytest.fixture(scope="module")
def tables():
    return akhbar.load_sample().analyze()


def _no_empty_strings(df: pd.DataFrame) -> pd.DataFrame:
    df = df.copy()
    for c in df.columns:
        if df[c].dtype == "string":
            df[c] = df[c].mask(df[c] == "")
    return df


@pytest.mark.parametrize("fmt", ["parquet", "csv"])
def test_every_table_reads_back_with_its_schema(tables, tmp_path, fmt):
    assert len(tables) == len(akhbar.Corpus.table_names())
    for name, df in tables.items():
        path = tmp_path / f"{name}.{fmt}"
        write_table(df, path, fmt)
        back = read_table(path)
        assert dict(back.dtypes.astype(str)) == table_schema(name), name
        want = df if fmt == "parquet" else _no_empty_strings(df)
        pd.testing.assert_frame_equal(back, want.reset_index(drop=True), obj=name)


def test_parquet_dates_are_seconds_through_read_table_only(tables, tmp_path):
    path = tmp_path / "articles.parquet"
    write_table(tables["articles"], path, "parquet")
    assert str(pd.read_parquet(path)["published"].dtype) == "datetime64[ms]"  # Parquet's unit
    assert str(read_table(path)["published"].dtype) == "datetime64[s]"


def test_a_streamed_table_is_read_from_its_folder_of_parts(tmp_path, capsys):
    assert cli_main(["analyze", "--out", str(tmp_path), "--stream", "--chunk-size", "2",
                     "--tables", "articles,dates", "--format", "csv"]) == 0
    assert len(list((tmp_path / "dates").glob("part-*.csv"))) == 3
    dates = read_table(tmp_path / "dates")
    assert dict(dates.dtypes.astype(str)) == table_schema("dates")
    assert len(dates) == len(akhbar.load_sample().dates())


def test_reading_what_is_not_a_table_says_so(tmp_path):
    with pytest.raises(akhbar.ConfigError, match="no table named 'notes'"):
        read_table(tmp_path / "notes.csv")
    with pytest.raises(akhbar.LoadError, match="no part-"):
        read_table(tmp_path)
