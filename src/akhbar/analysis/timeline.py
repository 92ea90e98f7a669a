"""Timeline: how many date mentions fall in each period, by article."""

from __future__ import annotations

import pandas as pd

from akhbar._tables import make_frame
from akhbar.errors import ConfigError

TIMELINE_SCHEMA = {"article_id": "string", "period": "string", "period_start": "datetime64[s]",
                   "mentions": "int64"}
FREQS = {"D": "D", "W": "W", "M": "M", "Q": "Q", "Y": "Y"}
#: A range longer than this many periods is counted in its first period only, so that
#: "2021-2030" at daily resolution does not become 3,652 rows.
MAX_PERIODS = 400


def timeline(dates: pd.DataFrame, freq: str = "M") -> pd.DataFrame:
    """Count date mentions per period (D, W, M, Q or Y) and article.

    A mention whose range spans several periods counts once in each of them.
    Mentions without a resolved value (a relative date with no anchor) are left out.
    """
    if freq not in FREQS:
        raise ConfigError(f"freq must be one of {sorted(FREQS)}, not {freq!r}")
    d = dates.dropna(subset=["value_start", "value_end"])
    rows = []
    for r in d.itertuples(index=False):
        first = pd.Period(r.value_start, freq=FREQS[freq])
        last = pd.Period(r.value_end, freq=FREQS[freq])
        count = last.ordinal - first.ordinal + 1
        periods = [first] if count > MAX_PERIODS or count < 1 else \
            list(pd.period_range(first, last, freq=FREQS[freq]))
        for p in periods:
            rows.append({"article_id": r.article_id, "period": str(p),
                         "period_start": p.start_time})
    if not rows:
        return make_frame([], TIMELINE_SCHEMA)
    df = pd.DataFrame(rows)
    df = df.groupby(["article_id", "period", "period_start"], dropna=False).size() \
        .rename("mentions").reset_index()
    df = make_frame(df, TIMELINE_SCHEMA)
    return df.sort_values(["period_start", "article_id"], ignore_index=True)
