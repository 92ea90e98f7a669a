"""Coverage-guided fuzz target (atheris) for the loader, normalization and the extractors.

    pip install atheris
    python fuzz/fuzz_akhbar.py -max_total_time=60 -max_len=4096

Every input either loads or raises a documented akhbar error; every table row's
offsets slice the input back to the row's text.  A crash or a failed check stops
the run and leaves the input in ``crash-*``.
"""

from __future__ import annotations

import sys

import atheris

with atheris.instrument_imports():
    import akhbar
    from akhbar.extract.dates import extract_dates
    from akhbar.extract.entities import extract_entities
    from akhbar.extract.statistics import extract_statistics
    from akhbar.loader import decode_bytes, parse_article
    from akhbar.text.normalize import normalize, normalize_with_offsets

EXTRACTORS = (extract_dates, extract_statistics, extract_entities)


def check_rows(df, text: str) -> None:
    for row in df.itertuples(index=False):
        assert text[row.start:row.end] == row.text, (row, text)


def TestOneInput(data: bytes) -> None:  # noqa: N802 - atheris' name
    fdp = atheris.FuzzedDataProvider(data)
    mode = fdp.ConsumeIntInRange(0, 2)
    if mode == 0:
        raw = fdp.ConsumeBytes(fdp.remaining_bytes())
        try:
            text, _ = decode_bytes(raw)
        except akhbar.LoadError:
            return
    else:
        text = fdp.ConsumeUnicodeNoSurrogates(fdp.remaining_bytes())
    article = parse_article(text)
    assert "".join(s.text for s in article.segments) == text
    norm, offsets = normalize_with_offsets(text)
    assert normalize(norm) == norm
    for extract in EXTRACTORS:
        check_rows(extract(text), text)
        check_rows(extract(article), text)


def main() -> None:
    atheris.Setup(sys.argv, TestOneInput)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
