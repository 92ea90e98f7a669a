"""The ``akhbar`` command line: argument parsing and printing only."""

from __future__ import annotations

import argparse
import sys
import time
from datetime import date
from pathlib import Path

from akhbar._tables import write_table
from akhbar.corpus import Corpus, load_corpus, sample_path
from akhbar.errors import AkhbarError

FORMATS = ("parquet", "csv")


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="akhbar", description="Arabic news articles into tables.")
    sub = p.add_subparsers(dest="command", required=True)
    a = sub.add_parser("analyze", help="load a corpus and write every table")
    a.add_argument("path", nargs="?", help="folder, glob, file, archive or table "
                                           "(default: the embedded sample corpus)")
    a.add_argument("--out", "-o", required=True, help="folder to write the tables to")
    a.add_argument("--format", "-f", choices=FORMATS, default="parquet")
    a.add_argument("--tables", help="comma-separated table names (default: all)")
    a.add_argument("--reference-date", type=date.fromisoformat,
                   help="YYYY-MM-DD anchor for relative dates when an article has no date")
    a.add_argument("--text-col", help="text column of a table source")
    a.add_argument("--id-col", help="id column of a table source")
    a.add_argument("--date-col", help="publication-date column of a table source")
    a.add_argument("--no-progress", action="store_true", help="never show a progress bar")
    sub.add_parser("tables", help="list the tables akhbar can write")
    return p


def analyze(args) -> int:
    source = args.path or str(sample_path())
    opts = {k: v for k, v in (("text_col", args.text_col), ("id_col", args.id_col),
                              ("date_col", args.date_col)) if v}
    t0 = time.perf_counter()
    show = not args.no_progress and sys.stderr.isatty()
    corpus: Corpus = load_corpus(source, progress=show, **opts)
    names = Corpus.table_names()
    if args.tables:
        wanted = [t.strip() for t in args.tables.split(",") if t.strip()]
        unknown = [t for t in wanted if t not in names]
        if unknown:
            print(f"akhbar: unknown table(s) {', '.join(unknown)}; known: {', '.join(names)}",
                  file=sys.stderr)
            return 2
        names = wanted
    out = Path(args.out)
    counts = {}
    # errors last: building the other tables may record failures in it
    for name in [n for n in names if n != "errors"] + (["errors"] if "errors" in names else []):
        kw = {"reference_date": args.reference_date} if name == "dates" and args.reference_date else {}
        df = corpus.table(name, **kw)
        write_table(df, out / f"{name}.{args.format}", args.format)
        counts[name] = len(df)
    dt = time.perf_counter() - t0
    print(f"akhbar: {len(corpus)} articles, {len(corpus.failures)} errors from {source} "
          f"in {dt:.1f}s")
    for name, n in counts.items():
        print(f"  {name:<12} {n:>8} rows  -> {out / f'{name}.{args.format}'}")
    return 0


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        if args.command == "tables":
            print("\n".join(Corpus.table_names()))
            return 0
        return analyze(args)
    except AkhbarError as exc:
        print(f"akhbar: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("akhbar: interrupted; tables already written are complete, the rest were not "
              "written", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
