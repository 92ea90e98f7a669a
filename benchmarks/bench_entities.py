"""Articles per second of akhbar's entity extractor.

    python benchmarks/bench_entities.py [--repeat 3] [--limit 1000]

Articles: the embedded sample corpus (5), and the saudinewsnet sample (1000 real Saudi
articles, July-August 2015) when the evaluation folder is present (``AKHBAR_EVAL_DIR``,
else ``shared/eval`` next to the repository, else ``/work/shared/eval``); it is read
from there, never copied.  ``find_entities`` runs on each article's whole text (one
process, default backend); ``extract_entities`` adds the corpus-wide canonicalization.
Each figure is the best of ``--repeat`` runs after one warm-up run (the warm-up loads
the CRF model and the lexicons).  camel-tools' NER (the anchor) needs a model that is
not installed here, so it is reported as not run.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from akhbar.eval._data import saudinewsnet  # noqa: E402
from _timing import best  # noqa: E402  (benchmarks/ is on sys.path when run as a script)


def articles(limit: int) -> dict[str, list[str]]:
    import akhbar
    sets = {"sample (5)": [a.text for a in akhbar.load_sample()]}
    texts = [row.get("content") or "" for row in saudinewsnet(limit)]
    if texts:
        sets[f"saudinewsnet ({len(texts)})"] = texts
    return sets


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--limit", type=int, default=1000)
    args = ap.parse_args(argv)
    import pandas as pd

    from akhbar.extract.entities import extract_entities, find_entities

    print(f"{'set':<20} {'stage':<18} {'articles/s':>11} {'MB/s':>7} {'mentions':>9}")
    for name, texts in articles(args.limit).items():
        mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
        n_rows = sum(len(find_entities(t)) for t in texts)
        dt = best(lambda: [find_entities(t) for t in texts], args.repeat)
        print(f"{name:<20} {'find_entities':<18} {len(texts) / dt:11.1f} {mb / dt:7.2f} "
              f"{n_rows:9d}")
        frame = pd.DataFrame({"id": range(len(texts)), "text": texts})
        dt = best(lambda: extract_entities(frame), args.repeat)
        print(f"{name:<20} {'extract_entities':<18} {len(texts) / dt:11.1f} {mb / dt:7.2f}")
    print("anchor: camel-tools NERecognizer (CAMeLBERT) not installed here (no download "
          "allowed); not run")
    return 0


if __name__ == "__main__":
    sys.exit(main())
