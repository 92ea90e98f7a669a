"""Write every registered table of a corpus to a folder, for before/after comparisons.

A refactor that must not change results runs this before and after, then
``--compare``:

    python scripts/snapshot_tables.py --out /tmp/before            # the sample corpus
    python scripts/snapshot_tables.py --source /tmp/gen300 --out /tmp/before300
    python scripts/snapshot_tables.py --compare /tmp/before /tmp/after

Tables are written as pickles (exact dtypes); the comparison prints, per table, the
rows only in one side, so a changed row can be explained.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import pandas as pd

import akhbar


def snapshot(source: str | None, out: Path) -> None:
    corpus = akhbar.load_corpus(source) if source else akhbar.load_sample()
    out.mkdir(parents=True, exist_ok=True)
    for name, table in corpus.analyze().items():
        table.to_pickle(out / f"{name}.pkl")
        print(f"{name:16} {len(table):7} rows")


def _key(df: pd.DataFrame) -> pd.Series:
    return pd.Series(["\t".join(map(str, row)) for row in df.itertuples(index=False)],
                     dtype=object)


def compare(a: Path, b: Path, show: int) -> int:
    changed = 0
    for pa in sorted(a.glob("*.pkl")):
        pb = b / pa.name
        if not pb.exists():
            print(f"{pa.stem}: missing in {b}")
            changed += 1
            continue
        da, db = pd.read_pickle(pa), pd.read_pickle(pb)
        if list(da.columns) != list(db.columns) or dict(da.dtypes) != dict(db.dtypes):
            print(f"{pa.stem}: schema differs {dict(da.dtypes)} != {dict(db.dtypes)}")
            changed += 1
            continue
        ka, kb = _key(da), _key(db)
        only_a = ka[~ka.isin(set(kb))]
        only_b = kb[~kb.isin(set(ka))]
        if len(only_a) or len(only_b) or len(da) != len(db):
            changed += 1
            print(f"{pa.stem}: {len(da)} -> {len(db)} rows; {len(only_a)} only before, "
                  f"{len(only_b)} only after")
            for row in only_a.head(show):
                print("  -", row[:300])
            for row in only_b.head(show):
                print("  +", row[:300])
        else:
            print(f"{pa.stem}: identical ({len(da)} rows)")
    return changed


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--source", help="corpus folder (default: the embedded sample)")
    p.add_argument("--out", type=Path)
    p.add_argument("--compare", nargs=2, type=Path, metavar=("BEFORE", "AFTER"))
    p.add_argument("--show", type=int, default=10, help="rows to print per changed table")
    args = p.parse_args(argv)
    if args.compare:
        return 1 if compare(*args.compare, args.show) else 0
    if not args.out:
        p.error("--out or --compare is required")
    snapshot(args.source, args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
