"""akhbar's benchmark suite: per stage, articles/s, MB/s and peak memory.

    python benchmarks/run.py                  # 1k and 10k articles, 1 and 2 workers
    python benchmarks/run.py --sizes 1000,10000,100000
    python benchmarks/run.py --sizes 1000 --stages dates,anchor_dateparser

Each measurement runs in a fresh child process so that its peak RSS is its own
(``os.wait4``; with workers, the largest of the main process and its workers). Stages:
read (the floor: bytes off disk), load, normalize, tokenize, dates, statistics,
entities, full (every per-article table streamed to Parquet), and the anchors on the
same texts: camel-tools normalization, dateparser ``search_dates`` and pyarabic
``text2number``. Slow anchors run on a capped number of articles and say so. Figures are
printed as a Markdown table for the README.

Two rates per row: articles per wall-clock second, and articles per CPU-second (user +
system time of the process and its workers).  The second is the "per core" figure, and
it holds when other work shares the machine; the first shows what workers buy.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
STAGES = ("read", "load", "normalize", "tokenize", "dates", "statistics", "entities", "full",
          "anchor_camel_normalize", "anchor_dateparser", "anchor_pyarabic_text2number")
#: Anchors this slow run on at most this many articles.
CAPS = {"anchor_dateparser": 200}


def _texts(folder: Path, cap: int | None):
    import akhbar

    arts = []
    for a in akhbar.iter_articles(folder):
        arts.append(a)
        if cap and len(arts) >= cap:
            break
    return arts


def _cpu() -> float:
    """CPU seconds of this process and of its finished children (the pool's workers)."""
    import resource

    me, kids = (resource.getrusage(w) for w in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN))
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


class _Clock:
    """Wall and CPU time of one measured span."""

    def __enter__(self):
        self.t0, self.c0 = time.perf_counter(), _cpu()
        return self

    def __exit__(self, *exc):
        self.seconds = time.perf_counter() - self.t0
        self.cpu = _cpu() - self.c0


def child(stage: str, folder: Path, workers: int) -> dict:
    """Run one stage over ``folder``; return counts, wall and CPU seconds (set-up excluded)."""
    cap = CAPS.get(stage)
    files = sorted(folder.glob("*.txt"))
    if stage == "read":
        with _Clock() as c:
            nbytes = sum(len(f.read_bytes()) for f in files)
        return {"articles": len(files), "bytes": nbytes, "seconds": c.seconds, "cpu": c.cpu}
    if stage == "load":
        import akhbar

        with _Clock() as c:
            arts = list(akhbar.iter_articles(folder))
        return {"articles": len(arts), "bytes": sum(len(a.text.encode()) for a in arts),
                "seconds": c.seconds, "cpu": c.cpu}
    if stage == "full":
        import resource

        from akhbar.corpus import table_job
        from akhbar.engines.local import stream_tables

        nbytes = sum(f.stat().st_size for f in files)
        with tempfile.TemporaryDirectory() as out, _Clock() as c:
            counts = stream_tables(folder, out, table_job(), workers=workers, chunk_size=500)
        # the pool's workers are this process's children: the largest one's peak
        worker_rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        return {"articles": counts["articles"], "bytes": nbytes, "seconds": c.seconds,
                "cpu": c.cpu, "worker_rss_mb": worker_rss if workers > 1 else None}
    arts = _texts(folder, cap)
    texts = [a.text for a in arts]
    fn = _stage_fn(stage)
    on_text = stage.startswith("anchor") or stage in ("normalize", "tokenize")
    fn(texts[0] if on_text else arts[0])
    with _Clock() as c:
        for a, t in zip(arts, texts):
            fn(t if on_text else a)
    return {"articles": len(arts), "bytes": sum(len(t.encode()) for t in texts),
            "seconds": c.seconds, "cpu": c.cpu, "capped": bool(cap and len(arts) >= cap)}


def _stage_fn(stage: str):
    if stage == "normalize":
        from akhbar.text.normalize import normalize_with_offsets
        return normalize_with_offsets
    if stage == "tokenize":
        from akhbar.text.tokenize import tokenize
        return tokenize
    if stage == "dates":
        from akhbar.extract.dates import extract_dates
        return extract_dates
    if stage == "statistics":
        from akhbar.extract.statistics import extract_statistics
        return extract_statistics
    if stage == "entities":
        from akhbar.extract.entities import extract_entities
        return extract_entities
    if stage == "anchor_camel_normalize":
        from camel_tools.utils.charmap import CharMapper
        from camel_tools.utils.dediac import dediac_ar
        from camel_tools.utils.normalize import normalize_alef_ar, normalize_unicode
        arclean = CharMapper.builtin_mapper("arclean")
        return lambda t: normalize_alef_ar(dediac_ar(arclean(normalize_unicode(t))))
    if stage == "anchor_dateparser":
        from dateparser.search import search_dates
        return lambda t: search_dates(t, languages=["ar"])
    if stage == "anchor_pyarabic_text2number":
        from pyarabic.number import text2number
        return lambda t: [text2number(line) for line in t.split("\n")]
    raise SystemExit(f"unknown stage {stage!r}")


def measure(stage: str, folder: Path, workers: int) -> dict:
    proc = subprocess.Popen([sys.executable, __file__, "--child", stage, "--corpus", str(folder),
                             "--workers", str(workers)], stdout=subprocess.PIPE, text=True)
    out = proc.stdout.read()
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode:
        return {"error": f"exit {proc.returncode}"}
    r = json.loads(out.strip().splitlines()[-1])
    r["peak_rss_mb"] = usage.ru_maxrss / 1024
    return r


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description="akhbar benchmarks")
    p.add_argument("--sizes", default="1000,10000")
    p.add_argument("--workers", default="1,2")
    p.add_argument("--stages", default=",".join(STAGES))
    p.add_argument("--cache", type=Path, default=Path(tempfile.gettempdir()) / "akhbar-bench")
    p.add_argument("--child")
    p.add_argument("--corpus", type=Path)
    a = p.parse_args(argv)
    if a.child:
        print(json.dumps(child(a.child, a.corpus, int(a.workers))))
        return 0
    sys.path.insert(0, str(HERE))
    from generate import generate

    stages = [s for s in a.stages.split(",") if s]
    print("| articles | stage | workers | articles/s | articles per CPU-s | MB/s | "
          "peak RSS MB | note |")
    print("|---:|---|---:|---:|---:|---:|---:|---|")
    for n in [int(x) for x in a.sizes.split(",")]:
        folder = a.cache / f"n{n}"
        if not folder.exists() or len(list(folder.glob("*.txt"))) != n:
            generate(n, folder)
        for stage in stages:
            for w in ([int(x) for x in a.workers.split(",")] if stage == "full" else [1]):
                r = measure(stage, folder, w)
                if "error" in r:
                    print(f"| {n} | {stage} | {w} | – | – | – | – | {r['error']} |", flush=True)
                    continue
                rate = r["articles"] / r["seconds"] if r["seconds"] else float("inf")
                per_cpu = r["articles"] / r["cpu"] if r["cpu"] else float("inf")
                mbs = r["bytes"] / 1e6 / r["seconds"] if r["seconds"] else float("inf")
                note = f"first {r['articles']} articles" if r.get("capped") else ""
                if r.get("worker_rss_mb"):
                    r["peak_rss_mb"] = max(r["peak_rss_mb"], r["worker_rss_mb"])
                    note = "RSS: the largest process, main or worker"
                print(f"| {n} | {stage} | {w} | {rate:,.0f} | {per_cpu:,.0f} | {mbs:,.2f} | "
                      f"{r['peak_rss_mb']:,.0f} | {note} |", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
