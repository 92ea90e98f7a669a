"""Sentence splitting: cases, offsets, the sentences table."""

from __future__ import annotations

import pytest
from hypothesis import given, settings, strategies as st

import akhbar
from akhbar.loader import parse_article
from akhbar.text import sentences
from akhbar.text.tables import SENTENCE_SCHEMA, article_sentences


@pytest.mark.parametrize("text, expected", [
    ("قال الوزير. ثم غادر! هل عاد؟ لا؛ لم يعد", ["قال الوزير.", "ثم غادر!", "هل عاد؟", "لا؛",
                                              "لم يعد"]),
    ("بلغ النمو 5.5% و٣٫٢ في المئة. وقال", ["بلغ النمو 5.5% و٣٫٢ في المئة.", "وقال"]),
    ("التقى د. أحمد بالسيد م. علي اليوم.", ["التقى د. أحمد بالسيد م. علي اليوم."]),
    ("قال Dr. Smith وJ. Doe إن U.S. مستعدة. وأضاف", ["قال Dr. Smith وJ. Doe إن U.S. مستعدة.",
                                                   "وأضاف"]),
    ("وقال: «لن نتراجع. أبدا!» ثم غادر. وانتهى", ["وقال: «لن نتراجع. أبدا!» ثم غادر.", "وانتهى"]),
    ("(وهو ما أكده. المتحدث) واضح. نعم", ["(وهو ما أكده. المتحدث) واضح.", "نعم"]),
    ('قال "هذا جيد. جدا" وذهب. ثم', ['قال "هذا جيد. جدا" وذهب.', "ثم"]),
    ("ولد عام 1990م. ثم انتقل", ["ولد عام 1990م.", "ثم انتقل"]),
    ("زوروا vnanet.vn أو www.spa.gov.sa/x.php?id=1 الآن. شكرا", [
        "زوروا vnanet.vn أو www.spa.gov.sa/x.php?id=1 الآن.", "شكرا"]),
    ("ماذا؟!... لا أعرف", ["ماذا؟!...", "لا أعرف"]),
    ("السطر الأول\nالسطر الثاني بلا نقطة\n\n  الثالث.  ", ["السطر الأول",
                                                       "السطر الثاني بلا نقطة", "الثالث."]),
    ("1. البند الأول\n2. البند الثاني", ["1. البند الأول", "2. البند الثاني"]),
    ("«اقتباس لم يغلق. وجملة ثانية.", ["«اقتباس لم يغلق.", "وجملة ثانية."]),
    ("", []),
])
def test_sentence_cases(text, expected):
    got = sentences(text)
    assert [s.text for s in got] == expected
    for s in got:
        assert text[s.start:s.end] == s.text


TEXT = st.text(st.one_of(
    st.characters(min_codepoint=0x0600, max_codepoint=0x06FF),
    st.sampled_from(list(".!?؟؛;…«»“”\"()[] \n\r\t0123456789٫مدJ")),
    st.characters(min_codepoint=0xFE70, max_codepoint=0xFEFF),
    st.characters(),
), max_size=80)


@settings(max_examples=500, deadline=None)
@given(TEXT)
def test_sentences_slice_back_and_never_cross_a_line(text):
    prev = 0
    for s in sentences(text):
        assert text[s.start:s.end] == s.text
        assert s.text and s.text == s.text.strip() and s.start >= prev
        assert "\n" not in s.text and "\r" not in s.text
        prev = s.end


def test_sentences_are_linear_on_hostile_input():
    import time
    for text in ("«" * 50_000 + "." * 50_000, "د. " * 30_000, "(." * 50_000, "؟x" * 50_000):
        t0 = time.perf_counter()
        sentences(text)
        assert time.perf_counter() - t0 < 5


def test_sentences_table_on_the_sample_corpus():
    for a in akhbar.load_sample():
        df = article_sentences(a)
        assert list(df.columns) == list(SENTENCE_SCHEMA)
        assert [str(d) for d in df.dtypes] == list(SENTENCE_SCHEMA.values())
        assert len(df) > 0 and df["sent_id"].tolist() == list(range(len(df)))
        bounds = [(seg.start, seg.end) for seg in a.segments
                  if seg.kind in ("paragraph", "caption", "related_item", "attribution")]
        for text, s, e in zip(df["text"], df["start"], df["end"]):
            assert a.text[s:e] == text
            assert any(b0 <= s and e <= b1 for b0, b1 in bounds)  # inside one paragraph


def test_sentences_table_skips_non_content_lines():
    a = parse_article("خبر أول. خبر ثان.\nالمصدر: https://example.com/x\nتعليق (0)\n", id="x")
    assert article_sentences(a)["text"].tolist() == ["خبر أول.", "خبر ثان."]


ARTICLE = st.lists(st.text(st.one_of(
    st.characters(min_codepoint=0x0621, max_codepoint=0x0652),
    st.sampled_from(list(" .؟!،؛«»()\"0123456789٫%-/ــ\u200c\u200fﻻ")),
), min_size=1, max_size=60), min_size=1, max_size=6)


@settings(max_examples=150, deadline=None)
@given(ARTICLE)
def test_tables_slice_back_on_random_articles(lines):
    from akhbar.errors import LoadError
    from akhbar.text.tables import article_tokens
    text = "\n".join(lines) + "\n"
    try:
        a = parse_article(text, id="r")
    except LoadError:
        return
    for df in (article_sentences(a), article_tokens(a)):
        for t, s, e in zip(df["text"], df["start"], df["end"]):
            assert a.text[s:e] == t and "\n" not in t
