"""Named entities: people with their roles, organizations and places.

The default backend is a linear-chain CRF trained on ANERcorp
(``scripts/train_ner.py``; the model ships in ``akhbar/data/entities/models``) combined
with gazetteers (CLDR territory and city names via Babel, international organizations)
and trigger rules, so that names no training data contains, such as names transliterated
from Vietnamese or Chinese, are still found from their context:

* a title or office before a name (``الأمين العام``, ``نائبة وزير الخارجية``,
  ``السيد``, ``الرفيق``) marks the words after it as a person, up to a function word,
  punctuation or a definite noun;
* an acronym in parentheses after an organization (``(آسيان)``) is that organization;
* a leading clitic (و, ف, ب, ل, ك) is left out of the span when the rest is a known name.

Text is normalized once (``search`` preset), tokenized, tagged, and every span is
mapped back to the original text, so ``text[start:end] == row["text"]`` always holds.
:func:`extract_entities` then gives every mention a ``canonical`` spelling shared by its
variants (``ترونج``/``ترونغ``, ``آنه``/``آن``, hamza forms, a family name alone after
the full name) within an article and across the corpus.

The modules, in the order a text goes through them: :mod:`.lexicon` (the data files),
:mod:`.features` and :mod:`.crf` (the model), :mod:`.sentence` (a tagged sentence),
:mod:`.tagger`, :mod:`.rules` (titles, organizations, places, merging), :mod:`.roles`
and :mod:`.mentions` (rows), :mod:`.canonical` (spellings), :mod:`.summaries`;
:mod:`.camel` is the camel-tools backend.
"""

from __future__ import annotations

from datetime import date
from functools import partial

import pandas as pd

from akhbar._tables import make_frame, register_table
from akhbar.errors import ConfigError
from akhbar.extract import _base
from akhbar.extract.entities.canonical import (canonical_names, canonicalize,
                                               merge_spellings_in_parts)
from akhbar.extract.entities.mentions import find_units
from akhbar.extract.entities.summaries import organizations, people, places
from akhbar.extract.entities.tagger import tag_tokens

__all__ = ["ENTITY_SCHEMA", "canonicalize", "extract_entities", "find_entities",
           "organizations", "people", "places", "tag_tokens"]

ENTITY_SCHEMA = {"article_id": "string", "text": "string", "start": "int64", "end": "int64",
                 "label": "string", "canonical": "string", "role": "string",
                 "source": "string"}

BACKENDS = ("default", "camel")


def _check_backend(backend: str) -> None:
    if backend not in BACKENDS:
        raise ConfigError(f"unknown entity backend {backend!r}: use 'default' or 'camel'")


def find_entities(text: str, *, published: date | None = None,
                  reference_date: date | None = None, backend: str = "default",
                  model_path=None) -> list[dict]:
    """Entity mentions in one string, with offsets into ``text``.

    Each row has ``text``, ``start``, ``end``, ``label`` (PER/ORG/LOC/MISC),
    ``canonical`` (the mention's spelling without clitic and diacritics, or the
    gazetteer's name), ``role`` (for people) and ``source`` (model/gazetteer/rule).
    ``published``/``reference_date`` anchor the dates found in ``text``, whose words
    are no entities (as in :func:`akhbar.extract.dates.find_dates`).
    ``backend="camel"`` uses camel-tools' BERT NER model (pass ``model_path=``).

    >>> [(r["text"], r["label"], r["role"]) for r in find_entities(
    ...     "استقبل الأمين العام نجوين فو ترونج وفد آسيان في هانوي")]
    [('نجوين فو ترونج', 'PER', 'الأمين العام'), ('آسيان', 'ORG', ''), ('هانوي', 'LOC', '')]
    """
    _check_backend(backend)
    return find_units([(text, 0)], backend=backend, model_path=model_path,
                      published=published, reference_date=reference_date)


def extract_entities(x, *, backend: str = "default", model_path=None,
                     reference_date: date | None = None,
                     text_col: str = "text") -> pd.DataFrame:
    """The entity table of a str, Article, Corpus or DataFrame (see ``ENTITY_SCHEMA``).

    ``text_col``: the text column of a DataFrame; the other options as in
    :func:`find_entities`.

    >>> df = extract_entities("التقى نائب وزير الخارجية نغو لي فان السفير الياباني، "
    ...                       "وقال نائب الوزير نجو لي فان إن العلاقات جيدة")
    >>> for row in df[["text", "label", "canonical", "role"]].values.tolist():
    ...     print(row)
    ['نغو لي فان', 'PER', 'نغو لي فان', 'نائب وزير الخارجية']
    ['نجو لي فان', 'PER', 'نغو لي فان', 'نائب الوزير']
    """
    rows = _entity_rows(x, text_col, backend=backend, model_path=model_path,
                        reference_date=reference_date)
    return make_frame(rows, ENTITY_SCHEMA)


def _entity_rows(x, text_col: str, **options) -> list[dict]:
    """The rows of :func:`extract_entities`, spellings already merged."""
    _check_backend(options["backend"])
    rows: list[dict] = []
    for aid, units, published in _documents(x, text_col):
        for row in find_units(units, published=published, **options):
            row["article_id"] = aid
            rows.append(row)
    names = canonical_names([r["article_id"] for r in rows], [r["label"] for r in rows],
                            [r["canonical"] for r in rows])
    for r, name in zip(rows, names):
        r["canonical"] = name
    return rows


def _documents(x, text_col: str):
    """(article_id, [(text, offset), ...], published) per document, from
    ``_base.iter_units``.

    The units of one article (its content segments) form one document, so that a
    name found in one paragraph is found again in the next.
    """
    cur_id, units, first, cur_pub = None, [], True, None
    for aid, text, off, pub in _base.iter_units(x, text_col=text_col):
        if not first and (aid != cur_id or aid is None):
            yield cur_id, units, cur_pub
            units = []
        cur_id, first, cur_pub = aid, False, pub
        units.append((text, off))
    if not first:
        yield cur_id, units, cur_pub


#: The options of the ``entities`` table (``corpus.entities(backend="camel")``).
TABLE_OPTIONS = ("backend", "model_path", "reference_date")


@register_table("entities", ENTITY_SCHEMA, "people, organizations and places mentioned",
                finalize=lambda df: make_frame(canonicalize(df), ENTITY_SCHEMA), rows=True,
                finalize_parts=partial(merge_spellings_in_parts, schema=ENTITY_SCHEMA))
def entities_table(article, **options) -> list[dict]:
    """Per-article entity rows (registered as ``entities``).

    >>> entities_table("زار هانوي", backend="bert")
    Traceback (most recent call last):
    ...
    akhbar.errors.ConfigError: unknown entity backend 'bert': use 'default' or 'camel'
    >>> entities_table("زار هانوي", lang="ar")
    Traceback (most recent call last):
    ...
    akhbar.errors.ConfigError: unknown option 'lang' for the entities table; it takes backend, model_path, reference_date
    """
    unknown = sorted(set(options) - set(TABLE_OPTIONS))
    if unknown:
        raise ConfigError(f"unknown option {unknown[0]!r} for the entities table; it takes "
                          + ", ".join(TABLE_OPTIONS))
    opts = {"backend": "default", "model_path": None, "reference_date": None, **options}
    return _entity_rows(article, "text", **opts)
