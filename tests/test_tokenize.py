"""Tokenization: offsets, camel-tools agreement, tokens table, frequencies.

The cases are in tests/cases/tokenize/, run by test_cases.py; the tokens table's schema
and offsets are checked by test_contract.py.
"""

from __future__ import annotations

import unicodedata

import pandas as pd
import pytest
from hypothesis import given, settings, strategies as st

import akhbar
from akhbar.analysis.frequencies import frequencies, ngrams
from akhbar.loader import parse_article
from akhbar.text import tokenize
from akhbar.text.tables import article_tokens

def test_norm_of_tokens():
    toks = tokenize("قالَ إنّ ٢٠٢٣ و٥٫٥٪")
    assert [t.norm for t in toks] == ["قال", "ان", "2023", "و", "5.5%"]


@pytest.mark.parametrize("text", [
    "ذهب الطالب إلى المدرسة، ثم عاد إلى البيت!",
    "قال الرئيس: «نحن مستعدون للحوار» (في كلمة أمام البرلمان)؛ وأضاف: هل من مجيب؟",
    "Hello,    world!!!",
])
def test_same_tokens_as_camel_simple_word_tokenize_on_plain_text(text):
    from camel_tools.tokenizers.word import simple_word_tokenize
    assert [t.text for t in tokenize(text)] == simple_word_tokenize(text)


def test_documented_differences_from_camel():
    from camel_tools.tokenizers.word import simple_word_tokenize
    assert simple_word_tokenize("نسبة 12.5") == ["نسبة", "12", ".", "5"]
    assert [t.text for t in tokenize("نسبة 12.5")] == ["نسبة", "12.5"]
    assert simple_word_tokenize("و2023", split_digits=True) == ["و", "2023"]
    assert [t.text for t in tokenize("و2023")] == ["و", "2023"]
    # camel's split_digits docstring example: Latin words keep their digits with us
    assert simple_word_tokenize("Hello,    world123!!!", split_digits=True) == \
        ["Hello", ",", "world", "123", "!", "!", "!"]
    assert [t.text for t in tokenize("Hello,    world123!!!")] == \
        ["Hello", ",", "world123", "!", "!", "!"]


TEXT = st.text(st.one_of(
    st.characters(min_codepoint=0x0600, max_codepoint=0x06FF),
    st.characters(min_codepoint=0xFB50, max_codepoint=0xFDFF),
    st.characters(min_codepoint=0xFE70, max_codepoint=0xFEFF),
    st.sampled_from(list("0123456789٠١٢٣٤٥٦٧٨٩.,-/%٫٬٪:@#_ \n\t\u00a0\u200c\u200f\u202b"
                         "()«»\"'!?؟،؛hwtpsa")),
    st.characters(),
), max_size=60)


@settings(max_examples=400, deadline=None)
@given(TEXT)
def test_tokens_slice_back_and_cover_every_visible_character(text):
    toks = tokenize(text)
    covered = [False] * len(text)
    prev = 0
    for t in toks:
        assert text[t.start:t.end] == t.text and t.start >= prev and t.end > t.start
        prev = t.end
        for i in range(t.start, t.end):
            covered[i] = True
    for i, c in enumerate(text):
        if not covered[i]:
            assert c.isspace() or unicodedata.category(c) in ("Cf", "Cc", "Zs", "Zl", "Zp")


# --- the tokens table, frequencies, n-grams, accessor --------------------------------------
def test_tokens_table_on_the_sample_corpus():
    corpus = akhbar.load_sample()
    for a in corpus:
        df = article_tokens(a)
        assert df["token_id"].tolist() == list(range(len(df)))
        assert not df["text"].str.contains("\n").any()
        # no token crosses a content segment
        bounds = [(seg.start, seg.end) for seg in a.segments]
        for s, e in zip(df["start"], df["end"]):
            assert any(b0 <= s and e <= b1 for b0, b1 in bounds)
    both = pd.concat([article_tokens(a) for a in corpus])
    nums = both[both["kind"] == "number"]
    # article 001 writes years in Arabic-Indic digits: same norm as Western ones
    indic = nums[nums["text"].str.contains("[٠-٩]", regex=True)]
    assert len(indic) > 0 and indic["norm"].str.fullmatch(r"[0-9.,%/\-]+").all()
    assert "2023" in set(indic["norm"]) and "2023" in set(nums[nums["text"] == "2023"]["norm"])


def test_frequencies_and_ngrams():
    a = parse_article("زار الوزيرُ فيتنام في 2023. ثم زار الوزير لاوس.\n"
                      "الوزير في هانوي.\n", id="a")
    t = article_tokens(a)
    f = frequencies(t)
    assert f.iloc[0][["term", "count"]].tolist() == ["الوزير", 3]
    assert "في" not in set(f["term"]) and "2023" not in set(f["term"])
    assert "في" in set(frequencies(t, stopwords=True)["term"])
    assert set(frequencies(t, min_count=2)["term"]) == {"الوزير", "زار"}
    assert frequencies(t, by="stem").iloc[0]["term"] == "وزير"
    g = ngrams(t, 2)
    assert g.iloc[0][["ngram", "count"]].tolist() == ["زار الوزير", 2]
    # n-grams never cross a sentence or a number
    assert "لاوس الوزير" not in set(g["ngram"]) and "في 2023" not in set(g["ngram"])
    with pytest.raises(akhbar.ConfigError):
        frequencies(t, by="lemma")


def test_series_accessor():
    s = pd.Series(["قالَ الرئيس ٢٠٢٣", None, "Hello!"], index=["a", "b", "c"])
    assert s.arabic.normalize().tolist() == ["قال الرئيس 2023", None, "Hello!"]
    toks = s.arabic.tokenize()
    assert toks["row"].tolist() == ["a", "a", "a", "c", "c"]
    assert toks["norm"].tolist() == ["قال", "الرئيس", "2023", "Hello", "!"]
    for row, text, st_, en in zip(toks["row"], toks["text"], toks["start"], toks["end"]):
        assert s[row][st_:en] == text
