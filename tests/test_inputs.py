"""What users pass: dates as any date-like value, texts as any text container (issue 15).

Each test is one row of the issue's table: the call a new user made, and the result
or the one-line error it gives now.
"""

from __future__ import annotations

import json
import warnings
from datetime import date, datetime, timedelta, timezone

import numpy as np
import pandas as pd
import pytest

import akhbar
from akhbar import extract_dates, extract_entities, extract_statistics
from akhbar._days import as_day
from akhbar.errors import ConfigError, LoadError, SkippedInputWarning

#: a relative date (resolved against the reference) and a yearless one (compared with it)
TEXT = "وصل الوفد أمس إلى الرياض، ويعود في 12 أغسطس"


def _resolved(df: pd.DataFrame) -> list:
    return df[["text", "value_start", "anchor"]].values.tolist()


EXPECTED = [["أمس", pd.Timestamp("2015-08-09"), "reference:2015-08-10"],
            ["12 أغسطس", pd.Timestamp("2015-08-12"), "reference:2015-08-10"]]


@pytest.mark.parametrize("reference", [
    "2015-08-10",                               # the string the CLI's flag takes
    pd.Timestamp("2015-08-10"),                 # was: TypeError once "12 أغسطس" appeared
    datetime(2015, 8, 10, 14, 30),              # was: أمس = 2015-08-09 14:30, anchor with a time
    np.datetime64("2015-08-10T14:30"),
    date(2015, 8, 10),
    "2015-08-10 14:30:00",
    "2015-08-10T23:30:00-05:00",                # aware: its own local date, not UTC's 11th
    datetime(2015, 8, 10, 23, 30, tzinfo=timezone(timedelta(hours=-5))),
], ids=repr)
def test_reference_date_takes_every_date_like_value_as_a_day(reference):
    assert _resolved(extract_dates(TEXT, reference_date=reference)) == EXPECTED


@pytest.mark.parametrize("value, message", [
    (20150810, "reference_date: got int (20150810); expected datetime.date"),
    ("10/08/2015", "reference_date: '10/08/2015' is not an ISO 8601 date"),
    ("أمس", "is not an ISO 8601 date; give YYYY-MM-DD"),
    ([2015, 8, 10], "reference_date: got list"),
])
def test_a_value_that_is_not_a_date_names_the_parameter_type_and_accepted(value, message):
    with pytest.raises(ConfigError, match="pandas.Timestamp, numpy.datetime64") as exc:
        extract_dates(TEXT, reference_date=value)
    assert message in str(exc.value) and "\n" not in str(exc.value)


def test_as_day_missing_values_are_none_and_aware_values_keep_their_local_date():
    assert [as_day(v) for v in (None, float("nan"), pd.NaT, np.datetime64("NaT"))] == [None] * 4
    tokyo = pd.Timestamp("2015-08-10 01:00", tz="Asia/Tokyo")  # 2015-08-09 in UTC
    assert as_day(tokyo) == date(2015, 8, 10)
    with pytest.raises(ConfigError, match="published: a date is required"):
        as_day(None, "published", missing_ok=False)


def test_the_corpus_and_the_published_column_take_date_like_values_too():
    corpus = akhbar.Corpus([akhbar.parse_article(TEXT, id="a")])
    assert _resolved(corpus.dates(reference_date="2015-08-10")) == EXPECTED
    frame = pd.DataFrame({"text": [TEXT], "published": ["2015-08-10T09:00:00"]})
    assert extract_dates(frame)["anchor"].tolist() == ["published:2015-08-10"] * 2
    article = akhbar.parse_article(TEXT, id="a", published=pd.Timestamp("2015-08-10 09:00"))
    assert article.published == date(2015, 8, 10)
    with pytest.raises(ConfigError, match=r"column 'published', row 0: 'soon'"):
        extract_dates(pd.DataFrame({"text": [TEXT], "published": ["soon"]}))


SERIES = pd.Series(["ارتفعت الصادرات بنسبة 5% في 3 مايو 2020", None,
                    "قال وزير الخارجية فيصل بن فرحان إن الرياض ترحب"],
                   index=["n1", "n2", "n3"])


@pytest.mark.parametrize("extract, column", [
    (extract_dates, "text"), (extract_statistics, "text"), (extract_entities, "text")])
def test_a_series_of_strings_keeps_its_labels_as_ids_and_counts_missing_rows(extract, column):
    with pytest.warns(SkippedInputWarning, match=r"1 input\(s\) had no text .* ids 'n2'"):
        df = extract(SERIES)
    assert len(df) and set(df["article_id"]) <= {"n1", "n3"}
    for aid, text, start, end in df[["article_id", "text", "start", "end"]].values:
        assert SERIES[aid][start:end] == text


def test_the_skipped_ids_are_on_the_table_and_a_list_uses_positions():
    with pytest.warns(SkippedInputWarning):
        assert extract_dates(SERIES).attrs["skipped"] == ["n2"]
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # nothing skipped: no warning
        df = extract_statistics(["لا شيء هنا", "ارتفعت الصادرات بنسبة 5%"])
        assert extract_dates(np.array(["في 3 مايو 2020"]))["article_id"].tolist() == ["0"]
    assert df["article_id"].tolist() == ["1"] and df.attrs["skipped"] == []
    by_id = extract_dates({"x": "في 3 مايو 2020"})
    assert by_id["article_id"].tolist() == ["x"]


@pytest.mark.parametrize("data, encoding", [
    ("خبر عاجل".encode(), "utf-8"), ("خبر عاجل".encode("cp1256"), "cp1256")])
def test_bytes_are_refused_with_the_encoding_to_decode_them(data, encoding):
    for call in (extract_dates, extract_statistics, extract_entities,
                 lambda x: extract_dates([x]), lambda x: pd.Series([x]).arabic.tokenize()):
        with pytest.raises(ConfigError, match=rf"not text: decode them first, e\.g\. "
                                              rf"data\.decode\('{encoding}'\)"):
            call(data)


def test_other_values_are_refused_with_what_is_accepted():
    with pytest.raises(ConfigError, match="cannot extract from int: pass a str, an Article"):
        extract_dates(5)
    with pytest.raises(ConfigError, match=r"item 1: got int \(7\); expected a str"):
        extract_dates(["في 3 مايو 2020", 7])
    with pytest.raises(ConfigError, match="no text column 'body'"):
        extract_statistics(pd.DataFrame({"text": ["x"]}), text_col="body")


# --- no silent empties ----------------------------------------------------------------

def test_an_empty_folder_says_so_and_raises_when_asked(tmp_path):
    with pytest.warns(akhbar.loader.LoadWarning, match="the folder is empty"):
        corpus = akhbar.load_corpus(tmp_path)
    assert len(corpus) == 0 and corpus.errors.kind.tolist() == ["no_match"]
    with pytest.raises(LoadError, match="the folder is empty"):
        akhbar.load_corpus(tmp_path, errors="raise")


def test_a_folder_of_other_files_says_what_it_holds_and_how_to_read_it(tmp_path):
    (tmp_path / "a.json").write_text(json.dumps([{"text": "خبر"}]), encoding="utf-8")
    (tmp_path / "b.html").write_text("<p>خبر</p>", encoding="utf-8")
    (tmp_path / "c.html").write_text("<p>خبر</p>", encoding="utf-8")
    with pytest.raises(LoadError) as exc:
        akhbar.load_corpus(tmp_path, errors="raise")
    msg = str(exc.value)
    assert "no file matches pattern='*.txt' (the folder holds 2 .html, 1 .json)" in msg
    assert "pass pattern='*.html'" in msg and ".jsonl" in msg
    assert len(akhbar.load_corpus(tmp_path, pattern="*.html")) == 2


def test_a_table_with_no_rows_and_an_archive_with_no_text_say_so(tmp_path):
    import zipfile

    (tmp_path / "t.csv").write_text("text,id\n", encoding="utf-8")
    with zipfile.ZipFile(tmp_path / "a.zip", "w") as zf:
        zf.writestr("notes.md", "x")
    with pytest.raises(LoadError, match="the table has no rows"):
        akhbar.load_corpus(tmp_path / "t.csv", errors="raise")
    with pytest.raises(LoadError, match="the archive holds no .txt file"):
        akhbar.load_corpus(tmp_path / "a.zip", errors="raise")


def test_when_every_file_fails_the_warning_says_all_failed(tmp_path):
    (tmp_path / "a.txt").write_bytes(b"")
    (tmp_path / "b.txt").write_bytes(b"\x00\x01\x02")
    with pytest.warns(akhbar.loader.LoadWarning, match=r"all 2 inputs failed \(binary, empty"):
        assert len(akhbar.load_corpus(tmp_path)) == 0


# --- tables of one's own --------------------------------------------------------------

def test_a_jsonl_export_is_read_by_its_guessed_columns(tmp_path):
    # SaudiNewsNet's own columns: the text is "content", the date "date_extracted"
    rows = [{"id": "snn-1", "content": "وصل الوفد أمس إلى الرياض", "title": "وصول",
             "date_extracted": "2015-07-21 02:52:30"},
            {"id": "snn-2", "content": "ثم غادر", "date_extracted": "not a date"}]
    path = tmp_path / "export.jsonl"
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows),
                    encoding="utf-8")
    corpus = akhbar.load_corpus(path)
    assert corpus.ids == ["snn-1", "snn-2"]
    assert [a.published for a in corpus] == [date(2015, 7, 21), None]
    bad = corpus.errors.values.tolist()
    assert bad == [[f"{path}#1", "bad_date",
                    ("row 1, column 'date_extracted': 'not a date' is not an ISO 8601 date; "
                    "give YYYY-MM-DD (or datetime.date, datetime.datetime, pandas.Timestamp, "
                    "numpy.datetime64 or an ISO 8601 string such as '2015-08-10' or "
                    "'2015-08-10T14:30:00+03:00'); the article is loaded without a "
                    "publication date (name the right column with date_col=)")]]
    assert corpus.dates()["value_start"].tolist() == [pd.Timestamp("2015-07-20")]
    titled = akhbar.load_corpus(path, text_col="title", date_col=None)
    assert [a.text for a in titled] == ["وصول"] and titled.errors.kind.tolist() == ["empty"]
    with pytest.raises(ConfigError, match=r"no column 'body' for text; columns are \['id'"):
        akhbar.load_corpus(path, text_col="body")


def test_corpus_table_options_take_date_like_values_and_refuse_unhashable_ones():
    corpus = akhbar.Corpus([akhbar.parse_article(TEXT, id="a")])
    by_string = corpus.table("dates", reference_date="2015-08-10")
    assert _resolved(by_string) == EXPECTED
    assert _resolved(corpus.table("dates", reference_date=np.datetime64("2015-08-10"))) == EXPECTED
    with pytest.raises(ConfigError, match=r"option values must be plain values .*\['norm'\]"):
        corpus.table("frequencies", by=["norm"])
