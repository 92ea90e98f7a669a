"""Build N realistic Arabic news articles, deterministically, for benchmarks.

Paragraphs of the embedded sample corpus (and, when present, of
``../shared/eval/saudinewsnet``, read from there and never copied into the repo) are
recombined into articles of about ``--size`` bytes laid out like the sample files:
paragraphs, sometimes a caption and a related-headlines block, a source line and a
comment counter.  The same seed gives the same corpus.

    python benchmarks/generate.py --n 1000 --out /tmp/akhbar-bench-1k
"""

from __future__ import annotations

import argparse
import hashlib
import random
import re
import sys
from pathlib import Path

import akhbar
from akhbar.eval._data import saudinewsnet

def sentence_pool() -> list[str]:
    """Sentences of real news paragraphs; articles recombine them into new paragraphs.

    Recombining sentences (not whole paragraphs) keeps paragraphs unique across a large
    generated corpus, so no per-text cache can make the benchmark look faster than a real
    corpus would.
    """
    return [s for p in paragraph_pool() for s in _SENTENCE_END.split(p) if len(s) > 30]


_SENTENCE_END = re.compile(r"(?<=[.!؟?])\s+")


def paragraph_pool() -> list[str]:
    pool = [p for a in akhbar.load_sample() for p in a.paragraphs if len(p) > 80]
    for row in saudinewsnet():
        content = row.get("content") or ""
        pool.extend(p.strip() for p in content.split("\n") if len(p.strip()) > 80)
    return pool


def generate(n: int, out: Path, size: int = 5000, seed: int = 20241115) -> Path:
    rng = random.Random(seed)
    pool = paragraph_pool()
    sentences = sentence_pool()
    out.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        lines: list[str] = []
        while sum(len(x.encode()) for x in lines) < size:
            lines.append(" ".join(rng.choice(sentences) for _ in range(rng.randint(2, 5))))
            if rng.random() < 0.08:
                lines.append(rng.choice(pool)[:120].rstrip() + " (صورة: وكالة الأنباء) |")
            if rng.random() < 0.05:
                lines += ["اخبار ذات صلة | |", "![]() | " + rng.choice(pool)[:90].rstrip() + " |"]
        lines += [f"المصدر: https://news.example/{i}", f"تعليق ({rng.randint(0, 40)})"]
        digest = hashlib.sha1(f"{seed}-{i}".encode()).hexdigest()[:16]
        (out / f"{i:06d}_{digest}.txt").write_text("\n".join(lines), encoding="utf-8")
    return out


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--n", type=int, default=1000)
    p.add_argument("--out", type=Path, required=True)
    p.add_argument("--size", type=int, default=5000, help="approximate bytes per article")
    p.add_argument("--seed", type=int, default=20241115)
    a = p.parse_args(argv)
    generate(a.n, a.out, a.size, a.seed)
    print(f"{a.n} articles in {a.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
