"""Every public entry point, fed random values of accepted and unaccepted types, gives a
table with the documented dtypes or an :class:`~akhbar.errors.AkhbarError` — nothing else.
"""

from __future__ import annotations

import warnings
from datetime import date, datetime, timedelta, timezone

import numpy as np
import pandas as pd
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import akhbar
from akhbar.corpus import ARTICLE_SCHEMA, table_schema
from akhbar.errors import AkhbarError

#: Arabic letters, digits of both kinds, month names' letters, punctuation and spaces
ALPHABET = st.sampled_from(list("ابتثجحخدذرزسشصضطظعغفقكلمنهوية ءأإآ٠١٢٣٤٥٦٧٨٩0123456789%.،/-\n"))
ARABIC = st.text(ALPHABET, max_size=60) | st.sampled_from([
    "وصل الوفد أمس", "في 12 أغسطس 2015", "ارتفعت الأسعار بنسبة 5%",
    "قال وزير الخارجية فيصل بن فرحان", "منذ عام 1945 وحتى الآن", ""])
MISSING = st.sampled_from([None, float("nan"), pd.NA, pd.NaT])

DAYS = st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31))
AWARE = st.builds(lambda d, h: datetime(d.year, d.month, d.day, 12, tzinfo=timezone(
    timedelta(hours=h))), DAYS, st.integers(-12, 14))
DATE_LIKE = st.one_of(
    DAYS, st.datetimes(min_value=datetime(1900, 1, 1), max_value=datetime(2100, 1, 1)), AWARE,
    DAYS.map(pd.Timestamp), DAYS.map(np.datetime64), DAYS.map(date.isoformat),
    AWARE.map(datetime.isoformat), MISSING)
NOT_DATES = st.one_of(st.integers(), st.floats(), st.text(max_size=12), st.binary(max_size=8),
                      st.lists(st.integers(), max_size=3), st.booleans(),
                      st.just(object()), st.just(np.int64(20150810)))

TEXTS = st.one_of(
    ARABIC, st.lists(ARABIC | MISSING, max_size=4),
    st.lists(ARABIC | MISSING, max_size=4).map(lambda v: pd.Series(v, dtype=object)),
    st.dictionaries(st.text(max_size=3), ARABIC, max_size=3),
    st.lists(ARABIC, max_size=3).map(lambda v: pd.DataFrame({"text": v})),
    st.tuples(ARABIC, DATE_LIKE | NOT_DATES).map(
        lambda tv: pd.DataFrame({"text": [tv[0]], "published": pd.Series([tv[1]], dtype=object)})),
    ARABIC.map(lambda t: akhbar.parse_article(t or "x", id="a")))
NOT_TEXTS = st.one_of(st.binary(max_size=20), ARABIC.map(lambda t: t.encode("cp1256", "replace")),
                      st.integers(), st.floats(), st.none(), st.just(object()),
                      st.lists(st.integers() | st.binary(max_size=4), min_size=1, max_size=3),
                      st.just(pd.DataFrame({"body": ["خبر"]})))

EXTRACTORS = {"dates": akhbar.extract_dates, "statistics": akhbar.extract_statistics,
              "entities": akhbar.extract_entities}
SETTINGS = settings(max_examples=60, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])


def _table_or_akhbar_error(call, schema: dict) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # skipped rows and empty sources are told, not failed
        try:
            df = call()
        except AkhbarError:
            return
    assert isinstance(df, pd.DataFrame)
    assert dict(df.dtypes.astype(str)) == schema


@SETTINGS
@given(name=st.sampled_from(sorted(EXTRACTORS)), x=TEXTS | NOT_TEXTS)
def test_the_extractors_give_a_table_or_an_akhbar_error(name, x):
    _table_or_akhbar_error(lambda: EXTRACTORS[name](x), table_schema(name))


@SETTINGS
@given(x=TEXTS, reference=DATE_LIKE | NOT_DATES)
def test_extract_dates_takes_any_reference_date_or_says_why(x, reference):
    _table_or_akhbar_error(lambda: akhbar.extract_dates(x, reference_date=reference),
                           table_schema("dates"))


CORPUS = akhbar.Corpus([akhbar.parse_article("وصل الوفد أمس، ويعود في 12 أغسطس", id="a")])


@SETTINGS
@given(reference=DATE_LIKE | NOT_DATES)
def test_corpus_dates_takes_any_reference_date_or_says_why(reference):
    _table_or_akhbar_error(lambda: CORPUS.dates(reference_date=reference),
                           table_schema("dates"))


@SETTINGS
@given(source=st.one_of(st.text(max_size=30), st.binary(max_size=8), st.integers(), st.none(),
                        st.lists(st.text(max_size=8), max_size=2)),
       errors=st.sampled_from(["collect", "raise", "ignore", None]))
def test_load_corpus_on_any_source_gives_a_corpus_or_an_akhbar_error(source, errors):
    _table_or_akhbar_error(lambda: akhbar.load_corpus(source, errors=errors).articles,
                           ARTICLE_SCHEMA)


@settings(max_examples=40, deadline=None)
@given(data=st.binary(max_size=300) | ARABIC.map(lambda t: t.encode("utf-8")),
       suffix=st.sampled_from([".txt", ".csv", ".jsonl", ".zip"]))
def test_load_corpus_on_any_file_content_gives_a_corpus_or_an_akhbar_error(tmp_path_factory,
                                                                           data, suffix):
    path = tmp_path_factory.mktemp("src") / f"article{suffix}"
    path.write_bytes(data)
    for errors in ("collect", "raise"):
        _table_or_akhbar_error(lambda e=errors: akhbar.load_corpus(path, errors=e).articles,
                               ARTICLE_SCHEMA)
