"""The statistic extractor on real Arabic news text."""

from __future__ import annotations

import json
import math
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as hs

import akhbar
from akhbar.extract.statistics import (KINDS, QUALIFIERS, STAT_SCHEMA, extract_statistics,
                                       find_statistics)

CASES = [json.loads(line) for line in
         (Path(__file__).parent / "cases" / "statistics.jsonl").read_text("utf-8").splitlines()
         if line.strip()]
FIELDS = ("text", "value", "kind", "unit", "currency", "qualifier")


def _row(r: dict) -> dict:
    return {k: r[k] for k in FIELDS}


@pytest.mark.parametrize("case", CASES, ids=[c["what"] for c in CASES])
def test_statistics_case(case):
    rows = find_statistics(case["text"])
    for r in rows:
        assert case["text"][r["start"]:r["end"]] == r["text"]
    assert [_row(r) for r in rows] == [_row(e) for e in case["expected"]]
    for r, e in zip(rows, case["expected"]):
        for bound in ("value_low", "value_high"):
            if bound in e:
                assert r[bound] == pytest.approx(e[bound])


def test_bounds_follow_the_qualifier():
    more, less, exact = (find_statistics(t)[0] for t in
                         ("أكثر من 300 شخص", "أقل من 200 جهاز", "بلغ 45 شخصا"))
    assert more["value_low"] == 300 and math.isnan(more["value_high"])
    assert less["value_high"] == 200 and math.isnan(less["value_low"])
    assert exact["value_low"] == exact["value_high"] == 45


def test_table_schema_even_when_empty():
    for df in (extract_statistics(""), extract_statistics("لا أرقام هنا")):
        assert list(df.columns) == list(STAT_SCHEMA)
        assert {c: str(t) for c, t in df.dtypes.items()} == STAT_SCHEMA


@pytest.fixture(scope="module")
def sample():
    return akhbar.load_sample()


def test_sample_corpus_offsets_and_known_rows(sample):
    df = extract_statistics(sample)
    assert len(df) > 20
    assert set(df["kind"]) <= set(KINDS) and set(df["qualifier"]) <= set(QUALIFIERS)
    texts = {a.id: a.text for a in sample}
    for r in df.itertuples():
        assert texts[r.article_id][r.start:r.end] == r.text
    got = set(zip(df["text"], df["value"]))
    assert ("أكثر من 300 تعليق", 300.0) in got
    assert ("الثاني والثلاثون", 32.0) in got
    assert ("أربعة عشر اتفاقية دولية", 14.0) in got
    assert ("أكثر من 200 مليون دولار أمريكي", 2e8) in got
    # identifiers, years and days inside dates are not statistics
    assert not df["text"].str.contains("رقم").any()
    assert not ((df["value"] == 2023) | (df["value"] == 59)).any()


def test_registered_table(sample):
    from akhbar._tables import TABLES
    spec = TABLES["statistics"]
    assert dict(spec.schema) == STAT_SCHEMA
    df = spec.per_article(sample[0])
    assert list(df.columns) == list(STAT_SCHEMA)


ARABIC = "٠١٢٣٤٥٦٧٨٩0123456789.,٫٬٪%$ ـًٌٍَُِّْ\nوثلاثةعشرينمائةألفمليوندولارنحوأكثرمنبينالأولالـرقم-/"


@settings(max_examples=300, deadline=None)
@given(hs.text(alphabet=ARABIC, max_size=120))
def test_offsets_slice_back_and_nothing_raises(s):
    for r in find_statistics(s):
        assert s[r["start"]:r["end"]] == r["text"]
        assert r["kind"] in KINDS and r["qualifier"] in QUALIFIERS


def test_linear_time_on_long_runs():
    t0 = time.perf_counter()
    find_statistics("1" * 5000 + " " + "و ثلاثة " * 2000 + "،" * 3000)
    assert time.perf_counter() - t0 < 5.0
