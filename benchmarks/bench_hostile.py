"""Time on hostile input: does ten times the text take about ten times as long?

    python benchmarks/bench_hostile.py [--repeat 3] [--only dates,tokenize]

Every function that reads untrusted text runs on inputs built to provoke catastrophic
backtracking or quadratic loops (long runs of digits, dashes, waw, tatweel, month names,
dots, unclosed quotes, marks and ligatures), once at a base size and once at ten times
that.  Linear code shows a ratio near 10; a ratio far above it (the unit tests used to
fail at 30) points at a quadratic path.  Each time is the best of ``--repeat`` runs after
a warm-up run.  These figures replace the wall-clock assertions the unit tests once made:
unit tests check what comes out of such input, this script measures how long it takes.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from _timing import best  # noqa: E402  (benchmarks/ is on sys.path when run as a script)

def rep(unit: str, n: int) -> Callable[[int], str]:
    """``unit`` repeated ``n`` times at the base size, ``10 * n`` times at ten times it."""
    return lambda k: unit * (n * k)


#: The inputs, as functions of the scale k (1, then 10); the 10x inputs are those the
#: unit tests once timed.
EXTRACTOR_INPUTS = {
    "digits": rep("1", 10_000), "waw": rep("و", 10_000), "spaces": rep(" ", 10_000),
    "tatweel": rep("ـ", 10_000), "dashes": rep("-", 10_000),
    "months": rep("يناير ", 1_600), "number words": rep("ثلاثة وعشرين ", 800),
    "digit ranges": rep("12-", 3_000),
    # runs that once slowed the date grammar down
    "day-month-year runs": rep("12-13-14 ", 1_000), "year lists": rep("من 2010 و ", 1_000),
    "weekday links": rep("الأحد الموافق ", 1_000), "year and": rep("عام 2020 و", 1_000),
    "ordinal of": rep("الثالث من ", 1_000), "month names": rep("يناير ", 1_000),
    "today": rep("اليوم ", 1_000),
    # the statistics grammar: a run of digits, then of number words, then of commas
    "digits, words, commas": lambda k: "1" * (500 * k) + " " + "و ثلاثة " * (200 * k)
    + "،" * (300 * k),
}
TEXT_INPUTS = {
    "tokenize": {"dots": rep("1.", 5_000), "at signs": rep("a@", 5_000),
                 "URL dots": lambda k: "http://" + "a." * (5_000 * k),
                 "hashes": rep("#", 10_000), "ZWNJ": rep("ب\u200c", 5_000),
                 "dashes": rep("1-", 5_000)},
    "sentences": {"quotes, then dots": lambda k: "«" * (5_000 * k) + "." * (5_000 * k),
                  "abbreviations": rep("د. ", 3_000), "bracket dots": rep("(.", 5_000),
                  "question marks": rep("؟x", 5_000)},
    "normalize_with_offsets": {
        "tanwin, zero-width, lam-alef": lambda k: "\u064b" * (5_000 * k)
        + " \u200b" * (5_000 * k) + "ﻻ" * (5_000 * k)},
    "parse_article": {"digits": rep("9", 20_000), "waw": rep("و", 20_000),
                      "spaces": rep(" ", 20_000), "tatweel": rep("\u0640", 20_000),
                      "dashes": rep("-", 20_000), "bars": rep("|", 20_000),
                      "image links": rep("![]() | ", 20_000),
                      "photo credits": rep("(صورة: ", 20_000)},
}


#: Base times under this many seconds give no ratio.
MIN_BASE = 0.002


def functions() -> dict[str, Callable[[str], object]]:
    import akhbar
    from akhbar.loader import parse_article
    return {"dates": akhbar.extract_dates, "statistics": akhbar.extract_statistics,
            "entities": akhbar.extract_entities, "tokenize": akhbar.tokenize,
            "sentences": akhbar.sentences,
            "normalize_with_offsets": akhbar.normalize_with_offsets,
            "parse_article": parse_article}


def uncached(fn: Callable[[str], object], text: str) -> None:
    """``fn(text)`` with the shared caches emptied first (the dates of a text are cached
    for the other extractors; a repeat would time the cache)."""
    from akhbar._tables import clear_chunk_caches
    clear_chunk_caches()
    fn(text)


def cases() -> list[tuple[str, str, Callable[[int], str]]]:
    out = [(fn, name, make) for fn in ("dates", "statistics", "entities")
           for name, make in EXTRACTOR_INPUTS.items()]
    out += [(fn, name, make) for fn, inputs in TEXT_INPUTS.items()
            for name, make in inputs.items()]
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--only", default="", help="comma-separated function names")
    args = ap.parse_args()
    only = {s for s in args.only.split(",") if s}
    fns = functions()
    print(f"{'function':<23} {'input':<29} {'10x chars':>9} {'base s':>8} {'10x s':>8} "
          f"{'ratio':>6}")
    worst = 0.0
    for fn_name, name, make in cases():
        if only and fn_name not in only:
            continue
        fn = fns[fn_name]
        small, big = make(1), make(10)
        t_small = best(lambda: uncached(fn, small), args.repeat)
        t_big = best(lambda: uncached(fn, big), args.repeat)
        # below a millisecond, timer noise and fixed costs swamp the ratio
        ratio = f"{t_big / t_small:6.1f}" if t_small >= MIN_BASE else "     -"
        if t_small >= MIN_BASE:
            worst = max(worst, t_big / t_small)
        print(f"{fn_name:<23} {name:<29} {len(big):>9,} {t_small:>8.4f} {t_big:>8.4f} {ratio}",
              flush=True)
    print(f"largest ratio: {worst:.1f} (linear: about 10; - = base under {MIN_BASE * 1e3:.0f} ms)")


if __name__ == "__main__":
    main()
