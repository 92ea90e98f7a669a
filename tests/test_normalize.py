"""Normalization: camel-tools' documented examples, presets, offsets, properties."""

from __future__ import annotations

import importlib
import re
from dataclasses import fields, replace

import pytest
from hypothesis import given, settings, strategies as st

from akhbar.errors import ConfigError
from akhbar.text.normalize import (PRESETS, NormalizeOptions, normalize,
                                   normalize_with_offsets)

ALL_OFF = NormalizeOptions(**{f.name: False for f in fields(NormalizeOptions)})


def only(**steps) -> NormalizeOptions:
    return replace(ALL_OFF, **steps)


# --- camel-tools' own examples, through our API --------------------------------------
# camel_tools tests/utils/test_normalize.py uses this sentence for the three letter
# normalizations and "ﷺ" for normalize_unicode; the expected values are camel's.
CAMEL_SENTENCE = "هل ذهبت إلى المكتبة؟"


@pytest.mark.parametrize("steps, expected", [
    ({"alef": True}, "هل ذهبت الى المكتبة؟"),             # normalize_alef_ar
    ({"alef_maksura": True}, "هل ذهبت إلي المكتبة؟"),     # normalize_alef_maksura_ar
    ({"teh_marbuta": True}, "هل ذهبت إلى المكتبه؟"),      # normalize_teh_marbuta_ar
])
def test_camel_documented_letter_examples(steps, expected):
    assert normalize(CAMEL_SENTENCE, only(**steps)) == expected


def test_camel_documented_normalize_unicode_example():
    assert normalize("ﷺ", only(presentation=True)) == "صلى الله عليه وسلم"


def test_camel_simple_functions_agree_on_their_examples():
    from camel_tools.utils.dediac import dediac_ar
    from camel_tools.utils.normalize import (normalize_alef_ar, normalize_alef_maksura_ar,
                                             normalize_teh_marbuta_ar, normalize_unicode)
    text = "هَلْ ذَهَبْتَ إِلَى المَكْتَبَةِ؟ آمَنَ ٱلَّذِينَ بِاللّٰهِ"
    assert normalize(text, only(diacritics=True)) == dediac_ar(text) \
        == "هل ذهبت إلى المكتبة؟ آمن ٱلذين بالله"
    for steps, fn in (({"alef": True}, normalize_alef_ar),
                      ({"alef_maksura": True}, normalize_alef_maksura_ar),
                      ({"teh_marbuta": True}, normalize_teh_marbuta_ar)):
        assert normalize(text, only(**steps)) == fn(text)
    for lig in ("ﷺ", "ﻻ", "ﷲ", "﷽", "﷼", "ﻷ"):
        assert normalize(lig, only(presentation=True)) == normalize_unicode(lig)


# camel's documentation of the arclean map lists what it does; one example per line.
@pytest.mark.parametrize("text, expected, what", [
    ("كلمة 😀 слово", "كلمة  ", "deletes characters not in Arabic, ASCII or Latin-1"),
    ("أ\u00a0ب\u2003ج", "أ ب ج", "turns every spacing character into an ASCII space"),
    ("٢٠٢٣ ۱۴۰۲", "2023 1402", "turns Indic digits into Arabic (ASCII) digits"),
    ("پاکستان", "باكستان", "turns extended Arabic letters into basic letters"),
    ("ﻣﺪﺭﺳﺔ", "مدرسة", "turns one-char presentation forms into basic forms"),
])
def test_arclean_preset_matches_camel_charmapper(text, expected, what):
    from camel_tools.utils.charmap import CharMapper
    arclean = CharMapper.builtin_mapper("arclean")
    assert arclean(text) == expected, what
    assert normalize(text, "arclean") == expected, what


def test_camel_differences_are_the_documented_ones():
    # Arabic decimal and thousands separators: ours give usable numbers.
    assert normalize("٥٫٠٥ و١٬٢٥٠") == "5.05 و1,250"
    assert normalize("٥٫٠٥", "arclean") == "5,05"
    # ZWNJ is deleted, not turned into a space that splits the word.
    assert normalize("مي\u200cخواهم") == "ميخواهم"
    # Only the Arabic presentation blocks are NFKC-expanded.
    assert normalize("x² ﬁ ﻻ") == "x² ﬁ لا"


# --- presets and steps ------------------------------------------------------------------
@pytest.mark.parametrize("text, preset, expected", [
    ("قالَ الرئيسُ إنّ ٢٠٢٣ ﻻ", "search", "قال الرئيس ان 2023 لا"),
    ("الأمـــين  العام", "display", "الأمين العام"),
    ("الأمـــينُ  العام", "display", "الأمينُ العام"),
    ("مدرسة على الأرض", "match", "مدرسه علي الارض"),
    ("مدرسة على", "search", "مدرسة على"),
    ("کتاب یوم", "search", "كتاب يوم"),          # Persian keheh and yeh
    ("ا\u0654مل", "display", "أمل"),            # alef + combining hamza composes
    ("ا\u0654مل", "search", "امل"),
    ("و\u0654", "search", "ؤ"),
    ("\u200fالقاهرة\u200e\u202b", "search", "القاهرة"),
    ("سطر أول  \n\t سطر ثانٍ", "search", "سطر اول \n سطر ثان"),
    ("ما هذا؟ ٪٥٠؛ نعم، لا", "search", "ما هذا? %50; نعم, لا"),
    ("ما هذا؟ ٪٥٠", "display", "ما هذا؟ ٪٥٠"),
])
def test_presets(text, preset, expected):
    assert normalize(text, preset) == expected


def test_options_override_a_preset():
    assert normalize("مدرسة", teh_marbuta=True) == "مدرسه"
    assert normalize("٢٠٢٣", digits=False) == "٢٠٢٣"


def test_bad_preset_or_option_is_a_config_error():
    with pytest.raises(ConfigError, match="preset"):
        normalize("x", "nope")
    with pytest.raises(ConfigError, match="option"):
        normalize("x", diacritic=True)
    with pytest.raises(TypeError):
        normalize(None)


def test_arabic_indic_and_western_digits_normalize_alike():
    for a, b in (("٢٠٢٣", "2023"), ("۲۰۲۳", "2023"), ("٥٫٥%", "5.5%"), ("١٢-١٣", "12-13")):
        assert normalize(a) == normalize(b)


# --- offsets ------------------------------------------------------------------------------
def test_span_covers_trailing_diacritics_and_tatweel():
    text = "وفي الأمـــينُ العامّ"
    norm, m = normalize_with_offsets(text)
    assert norm == "وفي الامين العام"
    i = norm.index("الامين")
    s, e = m.span(i, i + 6)
    assert text[s:e] == "الأمـــينُ"
    j = norm.index("العام")
    assert text[slice(*m.span(j, j + 5))] == "العامّ"


def test_span_of_a_ligature_and_a_whitespace_run():
    text = "قال  ﻻ\u00a0 شيء"
    norm, m = normalize_with_offsets(text)
    assert norm == "قال لا شيء"
    assert text[slice(*m.span(4, 6))] == "ﻻ"
    assert text[slice(*m.span(4, 5))] == "ﻻ"          # half a ligature: the whole char
    assert text[slice(*m.span(3, 4))] == "  "          # the run the space came from


ARABIC_TEXT = st.text(st.one_of(
    st.characters(min_codepoint=0x0600, max_codepoint=0x06FF),       # Arabic
    st.characters(min_codepoint=0x0750, max_codepoint=0x077F),       # Arabic supplement
    st.characters(min_codepoint=0xFB50, max_codepoint=0xFDFF),       # presentation A
    st.characters(min_codepoint=0xFE70, max_codepoint=0xFEFF),       # presentation B
    st.characters(min_codepoint=0x064B, max_codepoint=0x065F),       # marks, more often
    st.sampled_from(list("0123456789 .,-/%\n\t\u00a0\u2003\u200b\u200c\u200d\u200e\u200f"
                         "\u061c\u202a\u202b\u202c\u2066\u2069\ufeff\u0640")),
    st.characters(min_codepoint=0x2000, max_codepoint=0x206F),       # spaces, controls
    st.characters(),
), max_size=40)


@settings(max_examples=400, deadline=None)
@given(ARABIC_TEXT)
def test_normalize_is_idempotent_for_every_preset(text):
    for preset in PRESETS:
        once = normalize(text, preset)
        assert normalize(once, preset) == once
        assert normalize_with_offsets(text, preset)[0] == once


@settings(max_examples=200, deadline=None)
@given(ARABIC_TEXT, st.sampled_from(sorted(PRESETS)))
def test_every_normalized_span_maps_back_inside_and_covers_its_source(text, preset):
    norm, m = normalize_with_offsets(text, preset)
    starts = [m.span(i, i + 1)[0] for i in range(len(norm))]
    assert starts == sorted(starts)
    for i in range(len(norm)):
        for j in range(i + 1, min(len(norm), i + 8) + 1):
            a, b = m.span(i, j)
            assert 0 <= a < b <= len(text)
            # the original characters normalize to (at least) this span
            assert norm[i:j] in normalize(text[a:b], preset)


@settings(max_examples=300, deadline=None)
@given(ARABIC_TEXT)
def test_arclean_preset_is_camels_arclean_at_its_fixed_point(text):
    from camel_tools.utils.charmap import CharMapper
    arclean = CharMapper.builtin_mapper("arclean")
    assert normalize(text, "arclean") == arclean(arclean(text))


def test_long_runs_of_marks_and_ligatures_normalize():
    # how long this takes is measured by benchmarks/bench_hostile.py
    text = ("\u064b" * 50_000) + (" \u200b" * 50_000) + ("ﻻ" * 50_000)
    norm, m = normalize_with_offsets(text)
    assert norm.endswith("لا" * 10) and m.span(0, 1)[1] > 0


def test_sample_corpus_digits_are_ascii_after_normalization():
    import akhbar
    for a in akhbar.load_sample():
        assert not re.search(r"[\u0660-\u0669\u06f0-\u06f9]", normalize(a.text))


@settings(max_examples=300, deadline=None)
@given(ARABIC_TEXT, st.sampled_from(sorted(PRESETS)))
def test_array_and_block_offset_maps_agree(text, preset):
    nm = importlib.import_module("akhbar.text.normalize")  # the module, not the function
    plan = nm._plan(nm._options(preset, {}))
    arrays = nm._with_offsets_arrays(plan, text)
    assert arrays is not None
    norm_a, ma = arrays
    saved = nm._ARRAY_MIN_LEN
    nm._ARRAY_MIN_LEN = 10 ** 9
    try:
        norm_b, mb = normalize_with_offsets(text, preset)
    finally:
        nm._ARRAY_MIN_LEN = saved
    assert norm_a == norm_b
    for i in range(len(norm_a) + 1):
        for j in range(i, min(len(norm_a), i + 4) + 1):
            assert ma.span(i, j) == mb.span(i, j), (i, j)


def test_long_texts_use_arrays_and_map_back():
    text = "قالَ الرئيسُ إنّ ٢٠٢٣ ﻻ  يُنسى. " * 200
    norm, m = normalize_with_offsets(text)
    assert "arrays" in repr(m)
    k = norm.index("الرئيس", 5000)
    s, e = m.span(k, k + 6)
    assert text[s:e] == "الرئيسُ"
