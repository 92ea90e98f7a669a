"""Sentence splitting: offsets, the sentences table.

The cases are in tests/cases/sentences/, run by test_cases.py; the sentences table's
schema and offsets are checked by test_contract.py.
"""

from __future__ import annotations

from hypothesis import given, settings, strategies as st

import akhbar
from akhbar.loader import parse_article
from akhbar.text import sentences
from akhbar.text.tables import article_sentences

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


def test_sentences_table_on_the_sample_corpus():
    for a in akhbar.load_sample():
        df = article_sentences(a)
        assert len(df) > 0 and df["sent_id"].tolist() == list(range(len(df)))
        bounds = [(seg.start, seg.end) for seg in a.segments
                  if seg.kind in ("paragraph", "caption", "related_item", "attribution")]
        for s, e in zip(df["start"], df["end"]):
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
