"""The statistic extractor on real Arabic news text.

The cases (what is and is not a statistic) are in tests/cases/statistics/, run by
test_cases.py; the table's schema and offsets are checked by test_contract.py.
"""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as hs

import akhbar
from akhbar.extract.statistics import KINDS, QUALIFIERS, extract_statistics, find_statistics


def test_bounds_follow_the_qualifier():
    more, less, exact = (find_statistics(t)[0] for t in
                         ("أكثر من 300 شخص", "أقل من 200 جهاز", "بلغ 45 شخصا"))
    assert more["value_low"] == 300 and math.isnan(more["value_high"])
    assert less["value_high"] == 200 and math.isnan(less["value_low"])
    assert exact["value_low"] == exact["value_high"] == 45


@pytest.fixture(scope="module")
def sample():
    return akhbar.load_sample()


def test_sample_corpus_known_rows(sample):
    df = extract_statistics(sample)
    assert len(df) > 20
    assert set(df["kind"]) <= set(KINDS) and set(df["qualifier"]) <= set(QUALIFIERS)
    got = set(zip(df["text"], df["value"]))
    assert ("أكثر من 300 تعليق", 300.0) in got
    assert ("الثاني والثلاثون", 32.0) in got
    assert ("أربعة عشر اتفاقية دولية", 14.0) in got
    assert ("أكثر من 200 مليون دولار أمريكي", 2e8) in got
    # identifiers, years and days inside dates are not statistics
    assert not df["text"].str.contains("رقم").any()
    assert not ((df["value"] == 2023) | (df["value"] == 59)).any()


ARABIC = "٠١٢٣٤٥٦٧٨٩0123456789.,٫٬٪%$ ـًٌٍَُِّْ\nوثلاثةعشرينمائةألفمليوندولارنحوأكثرمنبينالأولالـرقم-/"


@settings(max_examples=300, deadline=None)
@given(hs.text(alphabet=ARABIC, max_size=120))
def test_offsets_slice_back_and_nothing_raises(s):
    for r in find_statistics(s):
        assert s[r["start"]:r["end"]] == r["text"]
        assert r["kind"] in KINDS and r["qualifier"] in QUALIFIERS
