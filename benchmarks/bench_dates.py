"""Articles per second of akhbar's date extractor next to dateparser on the same articles.

    python benchmarks/bench_dates.py [--repeat 3] [--limit 1000] [--dateparser-limit 200]

Articles: the embedded sample corpus (5), and the saudinewsnet sample (1000 real Saudi
articles, July-August 2015) when the evaluation folder is present (``AKHBAR_EVAL_DIR``,
else ``shared/eval`` next to the repository, else ``/work/shared/eval``); it is read
from there, never copied.  akhbar runs ``find_dates`` on each article's whole text with
its publication date; dateparser runs ``search_dates(text, languages=["ar"])`` with the
same date as ``RELATIVE_BASE``.  dateparser is slow, so it runs on the first
``--dateparser-limit`` articles and akhbar is timed on those same articles for the
ratio (and on all of them for its own throughput).  Each akhbar figure is the best of
``--repeat`` runs after one warm-up run, each with an empty ``find_dates`` cache (else the
repeats would time the cache); dateparser runs once after a warm-up call.
"""

from __future__ import annotations

import argparse
import sys
import time
from datetime import date, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from akhbar.eval._data import saudinewsnet  # noqa: E402


def articles(limit: int) -> list[tuple[str, date | None]]:
    import akhbar
    out: list[tuple[str, date | None]] = [(a.text, a.published) for a in akhbar.load_sample()]
    rows = list(saudinewsnet(limit))
    for row in rows:
        pub = date.fromisoformat(row["date_extracted"][:10]) if row.get("date_extracted") else None
        out.append((row.get("content") or "", pub))
    if not rows:
        print("saudinewsnet sample not found: benchmarking on the 5 sample articles only")
    return out


def run_akhbar(arts) -> int:
    from akhbar.extract.dates import _find_dates_cached, find_dates
    _find_dates_cached.cache_clear()  # each run reads every article: no cached answers
    n = 0
    for text, pub in arts:
        n += len(find_dates(text, published=pub))
    return n


def run_dateparser(arts) -> int:
    from dateparser.search import search_dates
    n = 0
    for text, pub in arts:
        settings = {"RELATIVE_BASE": datetime(pub.year, pub.month, pub.day)} if pub else {}
        try:
            n += len(search_dates(text, languages=["ar"], settings=settings) or [])
        except Exception:  # dateparser fails on some texts; it still spent the time
            pass
    return n


def best_of(fn, arts, repeat: int) -> tuple[float, int]:
    fn(arts[:3])  # warm-up: lexicons, compiled patterns
    best, n = float("inf"), 0
    for _ in range(repeat):
        t0 = time.perf_counter()
        n = fn(arts)
        best = min(best, time.perf_counter() - t0)
    return best, n


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--limit", type=int, default=1000, help="saudinewsnet articles to use")
    ap.add_argument("--dateparser-limit", type=int, default=300)
    ap.add_argument("--no-dateparser", action="store_true")
    args = ap.parse_args(argv)

    arts = articles(args.limit)
    chars = sum(len(t) for t, _ in arts)
    t_all, n_all = best_of(run_akhbar, arts, args.repeat)
    print(f"articles: {len(arts)} ({chars / 1e6:.2f} M characters)")
    print("| system | articles | seconds | articles/s | dates found |")
    print("|---|---|---|---|---|")
    print(f"| akhbar find_dates | {len(arts)} | {t_all:.2f} | {len(arts) / t_all:,.0f} | {n_all} |")
    if args.no_dateparser:
        return 0
    try:
        import dateparser  # noqa: F401
    except ImportError:
        print("dateparser not installed: no comparison")
        return 0
    sub = arts[:args.dateparser_limit]
    t_sub, n_sub = best_of(run_akhbar, sub, args.repeat)
    run_dateparser(sub[:1])
    t0 = time.perf_counter()
    n_dp = run_dateparser(sub)
    t_dp = time.perf_counter() - t0
    print(f"| akhbar find_dates | {len(sub)} | {t_sub:.2f} | {len(sub) / t_sub:,.0f} | {n_sub} |")
    print(f"| dateparser search_dates | {len(sub)} | {t_dp:.2f} | {len(sub) / t_dp:,.1f} | {n_dp} |")
    print(f"akhbar is {t_dp / t_sub:,.0f}x faster than dateparser on the same {len(sub)} articles")
    return 0


if __name__ == "__main__":
    sys.exit(main())
