"""``Series.arabic``: akhbar's text functions on a pandas Series of strings.

Importing :mod:`akhbar.text` registers the accessor.  Missing values (None, NaN) stay
missing in :meth:`ArabicAccessor.normalize` and give no rows in the long tables; bytes
and other non-text values are a :class:`~akhbar.errors.ConfigError` naming the row.
"""

from __future__ import annotations

import pandas as pd

from akhbar.errors import ConfigError
from akhbar.loader import bytes_error
from akhbar.text.normalize import DEFAULT_PRESET, normalize
from akhbar.text.sentences import sentences
from akhbar.text.tokenize import tokenize

__all__ = ["ArabicAccessor"]


@pd.api.extensions.register_series_accessor("arabic")
class ArabicAccessor:
    """Arabic text helpers on a Series of strings: ``s.arabic.normalize()`` etc.

    >>> import pandas as pd, akhbar.text
    >>> s = pd.Series(["قالَ الرئيسُ", None, "١٥ سبتمبر. ثم غادر"])
    >>> s.arabic.normalize().tolist()
    ['قال الرئيس', None, '15 سبتمبر. ثم غادر']
    >>> s.arabic.sentences()[["row", "text"]].values.tolist()
    [[0, 'قالَ الرئيسُ'], [2, '١٥ سبتمبر.'], [2, 'ثم غادر']]
    """

    def __init__(self, series: pd.Series):
        self._s = series

    def _texts(self):
        for idx, v in self._s.items():
            if _text(v, idx) is not None:
                yield idx, v

    def normalize(self, preset: str = DEFAULT_PRESET, **options) -> pd.Series:
        """Each string normalized (see :func:`akhbar.text.normalize.normalize`)."""
        out = [None if _text(v, idx) is None else normalize(v, preset, **options)
               for idx, v in self._s.items()]
        return pd.Series(out, index=self._s.index, name=self._s.name, dtype=object)

    def tokenize(self, preset: str = DEFAULT_PRESET) -> pd.DataFrame:
        """One row per token: ``row`` (the Series label), token_id, text, norm, kind,
        start, end (offsets into that row's string)."""
        rows = [{"row": idx, "token_id": i, "text": t.text, "norm": t.norm, "kind": t.kind,
                 "start": t.start, "end": t.end}
                for idx, v in self._texts() for i, t in enumerate(tokenize(v, preset))]
        cols = ["row", "token_id", "text", "norm", "kind", "start", "end"]
        return _frame(rows, cols)

    def sentences(self) -> pd.DataFrame:
        """One row per sentence: ``row``, sent_id, text, start, end."""
        rows = [{"row": idx, "sent_id": i, "text": s.text, "start": s.start, "end": s.end}
                for idx, v in self._texts() for i, s in enumerate(sentences(v))]
        return _frame(rows, ["row", "sent_id", "text", "start", "end"])


def _text(value, idx) -> str | None:
    """``value`` if it is a string, None if it is missing; anything else is an error."""
    if isinstance(value, str):
        return value
    if isinstance(value, (bytes, bytearray, memoryview)):
        raise bytes_error(value, f"row {idx!r}")
    if value is None or (pd.api.types.is_scalar(value) and pd.isna(value)):
        return None
    raise ConfigError(f"row {idx!r}: got {type(value).__name__} ({value!r:.40}); .arabic "
                      "needs a Series of strings (None or NaN for no text)")


def _frame(rows: list[dict], cols: list[str]) -> pd.DataFrame:
    df = pd.DataFrame.from_records(rows, columns=cols)
    for c in cols:
        if c in ("token_id", "sent_id", "start", "end"):
            df[c] = df[c].astype("int64")
        elif c in ("text", "norm", "kind"):
            df[c] = df[c].astype("string")
    return df
