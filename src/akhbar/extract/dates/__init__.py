"""Dates in Arabic news: every common way of writing one, resolved to calendar ranges.

The grammar (:mod:`.grammar`, :mod:`.patterns`) is a set of named regular expressions
over the "match" normalization of the text (diacritics and tatweel dropped, أإآ→ا,
ى→ي, ة→ه, Arabic-Indic digits → ASCII), composed once from the word lists under
``akhbar/data/dates/`` (:mod:`.lexicon`: month and weekday names from CLDR via Babel
and hijridate, relative words, edges, parts, feasts …).  Each pattern runs only in
windows of text around its trigger words (:mod:`.windows`); small named rules
(:mod:`.rules`) turn its matches into candidates; candidates compete for the text
(longest first) and adjacent dates joined by ``-``/``إلى``/``حتى`` (or ``بين … و``)
become ranges (:mod:`.select`); yearless dates take their year from their sentence or
from the article's publication date or ``reference_date`` (:mod:`.resolve`); times of
day join their day (:mod:`.times`); :mod:`.calendar` holds the calendar arithmetic and
the year ranges in which a number is taken for a year.

A bare four-digit number is a year only in a year context (عام 2023, في 2023 …, a
month before it, a year range, a ``م``/``هـ`` suffix), so counts (2024 وفداً) and
identifiers (القرار رقم 59) never become dates.

Conventions for values (inclusive calendar days): weeks run Monday to Sunday; early,
mid and late month are days 1-10 / 11-20 / 21-end; decades (``التسعينيات``) are
1990-1999; a bare four-digit number from 1350 to 1470 after a year word is a Hijri year
(1931-2048 CE); Hijri dates are converted with hijridate (Umm al-Qura).  The modules
say the rest where it applies.

>>> [(r["text"], str(r["value_start"])[:10], str(r["value_end"])[:10])
...  for r in find_dates("في نهاية الشهر المنصرم", published=date(2024, 5, 14))]
[('نهاية الشهر المنصرم', '2024-04-21', '2024-04-30')]
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache

import pandas as pd

from akhbar._days import as_day
from akhbar._tables import chunk_cache, register_table
from akhbar.errors import ConfigError
from akhbar.extract import _base
from akhbar.extract.dates.calendar import span_dates
from akhbar.extract.dates.candidate import Cand
from akhbar.extract.dates.grammar import grammar
from akhbar.extract.dates.lexicon import PRESET, lexicon
from akhbar.extract.dates.resolve import apply_nth, fill_years
from akhbar.extract.dates.rules import candidates
from akhbar.extract.dates.select import drop_non_dates, merge_ranges, post, select
from akhbar.extract.dates.times import attach_times
from akhbar.text.normalize import normalize_with_offsets

__all__ = ["DATE_SCHEMA", "extract_dates", "find_dates"]

DATE_SCHEMA = {
    "article_id": "string",
    "text": "string",
    "start": "int64",
    "end": "int64",
    "value_start": "datetime64[s]",
    "value_end": "datetime64[s]",
    "granularity": "string",
    "kind": "string",
    "calendar": "string",
    "anchor": "string",
    "time": "string",
}

_TABLE_OPTIONS = ("reference_date",)


def find_dates(text: str, *, published: date | None = None,
               reference_date: date | None = None) -> list[dict]:
    """Every date expression in ``text``, resolved to an inclusive range of calendar days.

    Results are cached per (text, anchor): the statistics extractor asks for the date
    spans of every segment the dates table has just read, so a full pipeline reads each
    segment's dates once.  Each call returns fresh row dicts.

    >>> find_dates("وصل الوفد في 15 سبتمبر 2024")[0]["granularity"]
    'day'
    >>> find_dates("أمس", anchor=date(2024, 1, 1))
    Traceback (most recent call last):
    ...
    TypeError: find_dates() got an unexpected keyword argument 'anchor'

    ``published`` and ``reference_date`` take a date, a datetime, a pandas Timestamp, a
    numpy datetime64 or an ISO string:

    >>> str(find_dates("وصل الوفد أمس", reference_date="2015-08-10")[0]["value_start"].date())
    '2015-08-09'
    """
    rows = _find_dates_cached(text, as_day(published, "published"),
                              as_day(reference_date, "reference_date"))
    return [dict(r) for r in rows]


# A corpus builds its tables one at a time, so the statistics and entity tables ask
# for the dates of segments the dates table read up to a whole chunk (or corpus) ago:
# the cache holds about ten thousand articles' segments, and is emptied per chunk.
@lru_cache(maxsize=1 << 16)
def _find_dates_cached(text: str, published: date | None,
                       reference_date: date | None) -> tuple[dict, ...]:
    return tuple(_find_dates(text, published=published, reference_date=reference_date))


chunk_cache(_find_dates_cached.cache_clear)


def _find_dates(text: str, *, published: date | None = None,
                reference_date: date | None = None) -> list[dict]:
    """Every date expression in ``text``, resolved to an inclusive range of calendar days.

    Relative and yearless dates are resolved against ``published`` (the article's
    publication date) if given, else ``reference_date``; with neither they are still
    returned, with empty (NaT) values.  Offsets index ``text``.

    >>> rows = find_dates("زار الرئيس فيتنام (12-13 ديسمبر 2023) ثم عاد أمس")
    >>> [(r["text"], str(r["value_start"])[:10], str(r["value_end"])[:10], r["kind"]) for r in rows]
    [('12-13 ديسمبر 2023', '2023-12-12', '2023-12-13', 'range'), ('أمس', 'NaT', 'NaT', 'relative')]
    >>> r = find_dates("وصل الوفد أمس", reference_date=date(2024, 5, 14))[0]
    >>> str(r["value_start"])[:10], r["anchor"]
    ('2024-05-13', 'reference:2024-05-14')
    """
    if not text:
        return []
    norm, omap = normalize_with_offsets(text, preset=PRESET)
    cands = candidates(grammar(), lexicon(), norm)
    chosen = drop_non_dates(norm, post(norm, merge_ranges(norm, select(cands))))
    if published is not None:
        anchor, alabel = published, f"published:{published.isoformat()}"
    elif reference_date is not None:
        anchor, alabel = reference_date, f"reference:{reference_date.isoformat()}"
    else:
        anchor, alabel = None, ""
    attach_times(norm, chosen)
    fill_years(norm, chosen, anchor)
    for c in chosen:
        if c.nth and c.wd is not None and c.cal == "gregorian" and c.start[0] is not None:
            apply_nth(c)
    rows = []
    for c in chosen:
        row = _row(c, anchor, alabel)
        if row is not None:
            s, e = omap.span(c.s, c.e)
            rows.append({"text": text[s:e], "start": s, "end": e, **row})
    return rows


def _row(c: Cand, anchor: date | None, alabel: str) -> dict | None:
    """The value columns of candidate ``c``, or None when it is no calendar date (31
    February, or a range that runs backwards)."""
    v0 = v1 = None
    label = ""
    if c.rel is not None:
        if anchor is not None:
            try:
                v0, v1 = c.rel(anchor)
            except (ValueError, OverflowError):
                v0 = v1 = None
            label = alabel
    elif c.start[0] is not None and c.end[0] is not None:
        v0 = span_dates(c.cal, c.start[0], c.start[1], c.start[2], False)
        v1 = span_dates(c.cal, c.end[0], c.end[1], c.end[2], True)
        if c.lastday:
            v0 = v1
        if v0 is None or v1 is None or v1 < v0:
            return None
        label = {"anchor": alabel, "sentence": "sentence", "expression": "expression"}.get(c.yfrom, "")
    return {
        "value_start": _timestamp(v0) if v0 else pd.NaT,
        "value_end": _timestamp(v1) if v1 else pd.NaT,
        "granularity": c.gran, "kind": c.kind, "calendar": c.cal, "anchor": label,
        "time": c.time,
    }


@lru_cache(maxsize=4096)
def _timestamp(d: date) -> pd.Timestamp:
    return pd.Timestamp(d)


def extract_dates(x, *, reference_date: date | None = None) -> pd.DataFrame:
    """The dates table (:data:`DATE_SCHEMA`) of a string, Article, Corpus or DataFrame.

    >>> df = extract_dates("انعقد المؤتمر في 22 من شهر آب 2018 في عمّان")
    >>> df[["text", "value_start", "granularity"]].values.tolist()
    [['22 من شهر آب 2018', Timestamp('2018-08-22 00:00:00'), 'day']]
    """
    return _base.extract(x, find_dates, DATE_SCHEMA, reference_date=reference_date)


@register_table("dates", DATE_SCHEMA, description="date expressions resolved to calendar ranges",
                rows=True)
def dates_table(article, **opts) -> pd.DataFrame:
    """Per-article dates table for :class:`~akhbar.corpus.Corpus` (``corpus.dates()``).

    The one option is ``reference_date``; any other raises :class:`~akhbar.errors.ConfigError`.

    >>> from akhbar.loader import parse_article
    >>> art = parse_article("وصل الوفد أمس إلى عمّان", id="a1", published=date(2024, 5, 14))
    >>> dates_table(art)[["article_id", "text", "value_start", "anchor"]].values.tolist()
    [['a1', 'أمس', Timestamp('2024-05-13 00:00:00'), 'published:2024-05-14']]
    >>> dates_table(art, refrence_date=date(2024, 1, 1))
    Traceback (most recent call last):
    ...
    akhbar.errors.ConfigError: dates table: unknown option 'refrence_date' (known: reference_date)
    """
    unknown = sorted(set(opts) - set(_TABLE_OPTIONS))
    if unknown:
        raise ConfigError(f"dates table: unknown option {unknown[0]!r} "
                          f"(known: {', '.join(_TABLE_OPTIONS)})")
    return _base.extract_rows(article, find_dates, reference_date=opts.get("reference_date"))
