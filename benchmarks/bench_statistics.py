"""Articles per second of akhbar's statistic extractor, and number-word parsing next to pyarabic.

    python benchmarks/bench_statistics.py [--repeat 3] [--limit 1000]

Articles: the embedded sample corpus (5) and the saudinewsnet sample (1000 real Saudi
articles) when the evaluation folder is present (``AKHBAR_EVAL_DIR``, else
``shared/eval`` next to the repository, else ``/work/shared/eval``); read from there,
never copied.  ``find_statistics`` runs on each article's whole text, once with the
date extractor's spans (the default: years and days inside dates are dropped) and once
without, so the date extractor's share of the time is visible.  Number words: the
number-word phrases of akhbar's evaluation set through ``parse_number`` and pyarabic's
``text2number``.  Each figure is the best of ``--repeat`` runs after a warm-up run.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from akhbar.eval._data import saudinewsnet  # noqa: E402
from _timing import best  # noqa: E402  (benchmarks/ is on sys.path when run as a script)


def articles(limit: int) -> list[str]:
    import akhbar
    out = [a.text for a in akhbar.load_sample()]
    out.extend(row.get("content") or "" for row in saudinewsnet(limit))
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--limit", type=int, default=1000)
    args = ap.parse_args()

    from akhbar.eval.statistics import load_set
    from akhbar.extract import statistics as st
    from akhbar.text.numbers import parse_number

    texts = articles(args.limit)
    chars = sum(map(len, texts))
    print(f"{len(texts)} articles, {chars / 1e6:.2f} M characters")
    n_rows = sum(len(st.find_statistics(t)) for t in texts)
    t_all = best(lambda: [st.find_statistics(t) for t in texts], args.repeat)
    saved = st._find_dates
    st._find_dates = None
    try:
        t_own = best(lambda: [st.find_statistics(t) for t in texts], args.repeat)
    finally:
        st._find_dates = saved
    print(f"find_statistics (with date spans): {len(texts) / t_all:8.1f} articles/s "
          f"({chars / t_all / 1e6:.2f} MB/s of text, {n_rows} rows)")
    print(f"find_statistics (numbers only)   : {len(texts) / t_own:8.1f} articles/s "
          f"({chars / t_own / 1e6:.2f} MB/s)")

    _, phrases = load_set()
    words = [p["text"] for p in phrases] * 20
    t_ours = best(lambda: [parse_number(w) for w in words], args.repeat)
    print(f"parse_number        : {len(words) / t_ours:10.0f} phrases/s ({len(phrases)} phrases x20)")
    try:
        from pyarabic.number import text2number
    except ImportError:
        print("pyarabic text2number: not installed")
        return
    t_py = best(lambda: [text2number(w) for w in words], args.repeat)
    print(f"pyarabic text2number: {len(words) / t_py:10.0f} phrases/s (same phrases)")


if __name__ == "__main__":
    main()
