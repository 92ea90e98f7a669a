"""Clitic segmentation (rules and the camel-tools path), stems and stop words."""

from __future__ import annotations

import importlib
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from akhbar.errors import ConfigError
from akhbar.text import add_stopwords, is_stopword, segment, stem, stopwords

# akhbar.text re-exports the function segment(), which hides the module of the same
# name as an attribute; the module itself is in sys.modules.
seg = importlib.import_module("akhbar.text.segment")


@pytest.mark.parametrize("word, expected", [
    ("والكتاب", [("و", "conj"), ("ال", "det"), ("كتاب", "stem")]),
    ("وبالاتفاقيةِ", [("و", "conj"), ("ب", "prep"), ("ال", "det"), ("اتفاقيةِ", "stem")]),
    ("للمدرسة", [("ل", "prep"), ("ل", "det"), ("مدرسة", "stem")]),
    ("فللمدرسة", [("ف", "conj"), ("ل", "prep"), ("ل", "det"), ("مدرسة", "stem")]),
    ("كالعادة", [("ك", "prep"), ("ال", "det"), ("عادة", "stem")]),
    ("وقال", [("و", "conj"), ("قال", "stem")]),
    ("فقال", [("ف", "conj"), ("قال", "stem")]),
    ("وزير", [("وزير", "stem")]),                       # و is a root letter
    ("وزيرها", [("وزير", "stem"), ("ها", "pron")]),
    ("وزارتهم", [("وزارت", "stem"), ("هم", "pron")]),
    ("فيتنام", [("فيتنام", "stem")]),
    ("وفيتنام", [("و", "conj"), ("فيتنام", "stem")]),
    ("حكومته", [("حكومت", "stem"), ("ه", "pron")]),
    ("كتابهم", [("كتاب", "stem"), ("هم", "pron")]),
    ("الله", [("الله", "stem")]),
    ("بالله", [("ب", "prep"), ("الله", "stem")]),
    ("الذي", [("الذي", "stem")]),
    ("في", [("في", "stem")]),
    ("مهم", [("مهم", "stem")]),                        # too short to carry a pronoun
    ("المهمة", [("ال", "det"), ("مهمة", "stem")]),     # no pronoun after the article
    ("وبالأمـــينِ", [("و", "conj"), ("ب", "prep"), ("ال", "det"), ("أمـــينِ", "stem")]),
])
def test_rule_segmentation(word, expected):
    pieces = segment(word, method="rules")
    assert [(p.text, p.role) for p in pieces] == expected
    assert "".join(p.text for p in pieces) == word


WORD = st.text(st.one_of(st.characters(min_codepoint=0x0621, max_codepoint=0x064A),
                         st.characters(min_codepoint=0x064B, max_codepoint=0x0652),
                         st.sampled_from(list("والبكلفهمنا\u0640\u200cﻻ٣"))), max_size=14)


@settings(max_examples=400, deadline=None)
@given(WORD)
def test_pieces_slice_back_and_are_contiguous(word):
    pieces = segment(word, method="rules")
    for p in pieces:
        assert word[p.start:p.end] == p.text
    for a, b in zip(pieces, pieces[1:]):
        assert a.end == b.start
    assert sum(p.role == "stem" for p in pieces) == (1 if word else 0)


class FakeD3Tok:
    """Stands in for camel-tools' MorphologicalTokenizer(scheme='d3tok', split=True)."""

    ANSWERS = {"وبالمدرسة": ["و+", "ب+", "ال+", "مدرسة"],
               "للمدرسة": ["ل+", "ال+", "مدرسة"],
               "مدرسته": ["مدرسة", "+ه"],
               "وزير": ["وزير"],
               "فكتبها": ["ف+", "كتب", "+ها"],
               "غريب": ["س+", "غريب"]}          # does not align: rules take over

    def tokenize(self, words):
        return self.ANSWERS[words[0]]


@pytest.fixture
def fake_camel(monkeypatch):
    monkeypatch.setattr(seg, "_CAMEL", FakeD3Tok())


@pytest.mark.parametrize("word, expected", [
    ("وبالمدرسةِ", [("و", "conj"), ("ب", "prep"), ("ال", "det"), ("مدرسةِ", "stem")]),
    ("للمدرسة", [("ل", "prep"), ("ل", "det"), ("مدرسة", "stem")]),
    ("مدرسته", [("مدرست", "stem"), ("ه", "pron")]),
    ("فكتبها", [("ف", "conj"), ("كتب", "stem"), ("ها", "pron")]),
    ("غريب", [("غريب", "stem")]),
])
def test_camel_path_aligns_d3tok_pieces_with_the_word(fake_camel, word, expected):
    pieces = segment(word, method="camel")
    assert [(p.text, p.role) for p in pieces] == expected
    assert "".join(p.text for p in pieces) == word


def test_auto_uses_camel_when_available_and_rules_otherwise(monkeypatch):
    monkeypatch.setattr(seg, "_CAMEL", FakeD3Tok())
    assert [p.text for p in segment("مدرسته")] == ["مدرست", "ه"]      # camel's answer
    monkeypatch.setattr(seg, "_CAMEL", False)                         # no data installed
    assert [p.text for p in segment("مدرسته")] == ["مدرست", "ه"]      # the rules agree
    assert [p.text for p in segment("فكتبها")] == ["ف", "كتب", "ها"]
    with pytest.raises(ConfigError, match="camel_data"):
        segment("فكتبها", method="camel")
    with pytest.raises(ConfigError):
        segment("كتاب", method="nope")


def test_stems_conflate_inflected_forms():
    for forms in (["الاتفاقية", "اتفاقيات", "والاتفاقيات", "بالاتفاقية"],
                  ["المدرسة", "مدرستنا", "للمدرسة", "بالمدرسة"],
                  ["الوزير", "وزير", "للوزير", "وزيرها"],
                  ["المعلمون", "المعلمين", "للمعلمين"]):
        assert len({stem(w) for w in forms}) == 1, forms
    assert stem("وزير") == "وزير" and stem("فيتنام") == "فيتنام"
    assert stem("الكتاب") != stem("الكاتب")


def test_stemmer_choice_is_backed_by_the_evaluation():
    from akhbar.eval.stemmers import load_groups, score, stemmers
    groups = load_groups()
    scores = {name: score(fn, groups)["F1"] for name, fn in stemmers().items()}
    ours = scores.pop("akhbar stem (rules + tashaphyne suffix)")
    assert ours >= max(v for k, v in scores.items() if k != "tashaphyne root")
    assert ours > scores["snowballstemmer arabic"] + 0.1


def test_stopwords_come_from_spacy_and_are_extensible():
    path = Path(seg.__file__).parents[1] / "data" / "text" / "stopwords_ar.txt"
    assert "spaCy" in path.read_text("utf-8").splitlines()[0]
    sw = stopwords()
    assert {"الذي", "الى", "في", "هذه"} <= sw          # normalized: إلى -> الى
    assert "فيتنام" not in sw
    assert "الرئيس" in stopwords(extra=["الرئيس"]) and not is_stopword("الرئيس")
    add_stopwords(["المراسلُ"])
    try:
        assert is_stopword("المراسل") and "المراسل" in stopwords()
    finally:
        seg._USER_STOPWORDS.discard("المراسل")
