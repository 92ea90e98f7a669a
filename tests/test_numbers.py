"""Arabic numerals, number words and ordinals (akhbar.text.numbers).

Single numbers and ordinals, and what is not one, are cases in tests/cases/numbers/, run
by test_cases.py.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as hs

from akhbar.text.numbers import NUMBER_NORM, parse_number, parse_ordinal, scan_numbers
from akhbar.text.normalize import normalize


@pytest.mark.parametrize("n", [3, 11, 13, 20, 21, 99, 100, 101, 250, 425, 999])
def test_western_and_indic_digits_agree(n):
    indic = "".join(chr(0x0660 + int(d)) for d in str(n))
    assert parse_number(str(n)) == parse_number(indic) == n


def test_case_forms_of_one_number_agree():
    forms = ["مئتان", "مئتين", "مئتا", "مائتي", "مائتان", "مائتين"]
    assert {parse_number(f) for f in forms} == {200.0}
    assert {parse_number(f) for f in ["ألف", "مليون", "مليار"]} == {1e3, 1e6, 1e9}
    assert {parse_number(f) for f in ["مليونان", "مليونين", "مليوني"]} == {2e6}


def test_ten_spellings_of_twelve():
    for f in ["اثنا عشر", "اثني عشر", "اثنتا عشرة", "اثنتي عشرة", "إثنى عشر"]:
        assert parse_number(f) == 12, f


def test_scan_keeps_a_range_as_two_numbers():
    norm = normalize("بين 10 و20 مليون دولار", NUMBER_NORM)
    got = [(norm[s.start:s.end], s.value) for s in scan_numbers(norm)]
    assert got == [("10", 10.0), ("20 مليون", 2e7)]


def _scan(text):
    norm = normalize(text, NUMBER_NORM)
    return [(norm[s.start:s.end], s.value) for s in scan_numbers(norm)]


def test_a_larger_scale_multiplies_the_whole_number():
    # budgets: (3,000 + 400) billion, not 3,400 and a stray "billion"
    assert _scan("نفقات قدرها 3 آلاف و400 مليار دينار") == [("3 الاف و400 مليار", 3.4e12)]
    assert parse_number("ألف و200 مليون") == 1.2e9
    assert parse_number("ثلاثة ملايين وخمسمائة ألف") == 3.5e6        # smaller scale: adds


def test_the_same_scale_twice_is_two_numbers():
    assert _scan("بين 30 ألفا و45 ألف جنيه") == [("30 الفا", 3e4), ("45 الف", 4.5e4)]
    # after بين a larger scale closes a range instead of multiplying
    assert _scan("بين 300 ألف و4 ملايين") == [("300 الف", 3e5), ("4 ملايين", 4e6)]


def test_a_half_then_the_scale_again():
    assert _scan("قرض بمليونين ونصف مليون يورو") == [("مليونين ونصف مليون", 2.5e6)]
    assert parse_number("مليار ونصف مليار") == 1.5e9


def test_the_arabic_comma_is_a_decimal_point_outside_lists():
    assert _scan("ارتفع 12،5 نقطة") == [("12،5", 12.5)]
    assert _scan("الأرقام 35،17،22") == [("35", 35.0), ("17", 17.0), ("22", 22.0)]
    assert _scan("في الأعوام 2014،2015") == [("2014", 2014.0), ("2015", 2015.0)]


def test_scan_marks_the_ambiguous_dot():
    norm = normalize("1.234 مشروعا و1٫234 طن", NUMBER_NORM)
    spans = scan_numbers(norm)
    assert [s.alt_value for s in spans] == [1234.0, None]


@settings(max_examples=200, deadline=None)
@given(hs.text(alphabet="٠١٢٣٤٥٦٧٨٩0123456789.,٫٬ وثلاثةعشرينمائةألفمليون-%", max_size=60))
def test_parse_number_never_raises(s):
    v = parse_number(s)
    assert v is None or isinstance(v, float)
    parse_ordinal(s)


@settings(max_examples=200, deadline=None)
@given(hs.integers(min_value=0, max_value=10**12))
def test_every_integer_round_trips_through_digits(n):
    assert parse_number(f"{n:,}") == n
    assert parse_number(str(n)) == n
