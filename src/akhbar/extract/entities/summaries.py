"""One row per person, organization or place of an entity table, variants merged."""

from __future__ import annotations

import pandas as pd

from akhbar._tables import make_frame

__all__ = ["organizations", "people", "places"]


def _summary(df: pd.DataFrame, label: str) -> pd.DataFrame:
    cols = {"canonical": "string", "label": "string", "variants": "string",
            "roles": "string", "mentions": "int64", "articles": "int64"}
    sub = df[df["label"] == label] if len(df) else df
    if sub.empty:
        return make_frame([], cols)
    rows = []
    for canon, g in sub.groupby("canonical", sort=False):
        roles = [r for r in g["role"].dropna().unique() if r]
        rows.append({"canonical": canon, "label": label,
                     "variants": "; ".join(sorted(set(g["text"]))),
                     "roles": "; ".join(roles), "mentions": len(g),
                     "articles": g["article_id"].nunique(dropna=False)})
    out = make_frame(rows, cols)
    return out.sort_values(["mentions", "canonical"], ascending=[False, True],
                           ignore_index=True)


def people(entities_df: pd.DataFrame) -> pd.DataFrame:
    """One row per person: canonical, label, variants, roles, mentions, articles.

    >>> from akhbar.extract.entities import extract_entities
    >>> row = people(extract_entities("قال الرفيق لي هواي ترونغ إن فيتنام تدعم السلام. "
    ...                               "وأضاف ترونغ أن العلاقات جيدة")).iloc[0]
    >>> row["canonical"], row["variants"], int(row["mentions"]), int(row["articles"])
    ('لي هواي ترونغ', 'ترونغ; لي هواي ترونغ', 2, 1)
    """
    return _summary(entities_df, "PER")


def organizations(entities_df: pd.DataFrame) -> pd.DataFrame:
    """One row per organization (same columns as :func:`people`).

    >>> from akhbar.extract.entities import extract_entities
    >>> df = extract_entities("عقدت رابطة دول جنوب شرق آسيا (آسيان) قمتها")
    >>> organizations(df)["variants"].tolist()
    ['آسيان; رابطة دول جنوب شرق آسيا']
    """
    return _summary(entities_df, "ORG")


def places(entities_df: pd.DataFrame) -> pd.DataFrame:
    """One row per place (same columns as :func:`people`).

    >>> from akhbar.extract.entities import extract_entities
    >>> df = places(extract_entities("زار هانوي ثم بكين وعاد إلى هانوي"))
    >>> df[["canonical", "mentions"]].values.tolist()
    [['هانوي', 2], ['بكين', 1]]
    """
    return _summary(entities_df, "LOC")
