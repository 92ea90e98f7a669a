"""One table of corpus counts: articles, words, entities by label, dates, statistics, errors."""

from __future__ import annotations

import pandas as pd

from akhbar._tables import make_frame

SUMMARY_SCHEMA = {"metric": "string", "value": "int64"}


def summary(corpus) -> pd.DataFrame:
    """Counts over the whole corpus, one metric per row (builds the tables it needs)."""
    arts = corpus.articles
    rows = [("articles", len(corpus)), ("paragraphs", int(arts["n_paragraphs"].sum())),
            ("words", int(arts["n_words"].sum())), ("characters", int(arts["n_chars"].sum()))]
    ents = corpus.entities()
    for label in ("PER", "ORG", "LOC", "MISC"):
        sel = ents[ents["label"] == label]
        rows.append((f"entities_{label}", len(sel)))
        rows.append((f"distinct_{label}", int(sel["canonical"].nunique())))
    dates = corpus.dates()
    rows += [("dates", len(dates)), ("dates_resolved", int(dates["value_start"].notna().sum())),
             ("statistics", len(corpus.statistics()))]
    rows.append(("errors", len(corpus.failures)))  # last: building tables may add failures
    return make_frame([{"metric": m, "value": v} for m, v in rows], SUMMARY_SCHEMA)
