"""Tests for akhbar.extract.dates: the sample corpus, anchors, properties.

The cases (what is and is not a date) are in tests/cases/dates/, run by test_cases.py;
the table's schema and offsets are checked by test_contract.py.
"""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from akhbar.extract.dates import extract_dates, find_dates


def _iso(v):
    return None if pd.isna(v) else pd.Timestamp(v).date().isoformat()


def test_sample_corpus_listed_dates():
    import akhbar
    corpus = akhbar.load_sample()
    df = pd.concat([extract_dates(a) for a in corpus], ignore_index=True)
    # the dates the corpus format notes list, with their values
    want = {("2021-2030", "2021-01-01", "2030-12-31"),
            ("12-13 ديسمبر 2023", "2023-12-12", "2023-12-13"),
            ("30 أكتوبر - 1 نوفمبر 2022", "2022-10-30", "2022-11-01"),
            ("الأشهر الستة الأولى من عام 2024", "2024-01-01", "2024-06-30")}
    have = {(r.text, _iso(r.value_start), _iso(r.value_end)) for r in df.itertuples()}
    assert want <= have
    # 15 سبتمبر/أيلول has no year and the sample has no publication date: unresolved
    row = df[df.text.str.contains("15 سبتمبر/أيلول")].iloc[0]
    assert pd.isna(row.value_start) and row.granularity == "day"


def test_reference_date_through_extract():
    df = extract_dates("وصل الوفد أمس", reference_date=date(2024, 5, 14))
    assert df.loc[0, "value_start"] == pd.Timestamp("2024-05-13")
    assert df.loc[0, "anchor"] == "reference:2024-05-14"


def test_published_column_of_a_dataframe_is_the_anchor():
    frame = pd.DataFrame({"article_id": ["a"], "text": ["قال الوزير اليوم"],
                          "published": ["2020-03-01"]})
    df = extract_dates(frame, reference_date=date(1999, 1, 1))
    assert df.loc[0, "anchor"] == "published:2020-03-01"
    assert df.loc[0, "value_start"] == pd.Timestamp("2020-03-01")


def test_unknown_options_are_refused():
    from akhbar.errors import ConfigError
    from akhbar.extract.dates import dates_table
    from akhbar.loader import parse_article
    with pytest.raises(TypeError):
        find_dates("وصل الوفد أمس", anchor=date(2024, 5, 14))
    art = parse_article("وصل الوفد أمس", id="a1")
    with pytest.raises(ConfigError, match="published_date"):
        dates_table(art, published_date=date(2024, 5, 14))
    df = dates_table(art, reference_date=date(2024, 5, 14))
    assert df.loc[0, "value_start"] == pd.Timestamp("2024-05-13")


def test_relative_words_come_from_one_file():
    # every relative word of data/dates/relative.tsv places a month and الشهر, and
    # every one that moves (not الجاري/الحالي) a weekday: no pattern can drift from the list
    from akhbar import data
    for word, off, gender in data.rows("dates/relative.tsv"):
        if gender != "m":
            continue
        texts = [f"في نهاية الشهر {word}", f"في مايو {word}"] + (
            [f"يوم الأحد {word}"] if off != "0" else [])
        for text in texts:
            rows = find_dates(text, published=date(2024, 5, 14))
            assert len(rows) == 1 and rows[0]["text"].endswith(word), (text, rows)


_ALPHABET = st.sampled_from(list("0123456789٠١٢٣٤٥٦٧٨٩/-. ،,()هـم") +
                            ["يناير", "أيلول", "كانون الثاني", "رمضان", "عام ", "من ", "إلى ",
                             "و", "بين ", "الأحد ", "أمس", "اليوم", "الماضي", "2023", "1445",
                             "الربع الأول", "مطلع", "\u064b", "\u0640", "\n"])


@settings(max_examples=300, deadline=None)
@given(st.lists(_ALPHABET, max_size=40).map("".join))
def test_offsets_slice_back_and_no_crash(text):
    for r in find_dates(text, reference_date=date(2020, 1, 1)):
        assert text[r["start"]:r["end"]] == r["text"]
        assert 0 <= r["start"] < r["end"] <= len(text)
        if not pd.isna(r["value_start"]):
            assert r["value_start"] <= r["value_end"]
