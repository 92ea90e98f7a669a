"""The ``akhbar`` command line: argument parsing and printing only."""

from __future__ import annotations

import argparse
import sys
import time
from datetime import date

from akhbar._tables import write_table
from akhbar.corpus import Corpus, load_corpus, sample_path, streamable_tables, table_job
from akhbar.engines.local import check_out, stream_tables
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
    a.add_argument("--workers", "-j", type=int, default=1, help="worker processes (default 1)")
    a.add_argument("--stream", action="store_true",
                   help="read and write chunk by chunk (part files; memory bounded by "
                        "--chunk-size); corpus-level analyses are skipped")
    a.add_argument("--chunk-size", type=int, default=1000, help="articles per chunk/partition")
    a.add_argument("--engine", choices=("local", "dask"), default="local")
    a.add_argument("--scheduler", help="Dask scheduler address, e.g. tcp://10.0.0.5:8786 "
                                       "(default: a local cluster)")
    sub.add_parser("tables", help="list the tables akhbar can write")
    return p


def analyze(args) -> int:
    out = check_out(args.out)  # before hours of work, not after
    source = args.path or str(sample_path())
    opts = {k: v for k, v in (("text_col", args.text_col), ("id_col", args.id_col),
                              ("date_col", args.date_col)) if v}
    t0 = time.perf_counter()
    show = not args.no_progress and sys.stderr.isatty()
    streamed = args.engine == "dask" or args.stream
    if args.tables:
        names = _wanted(args.tables, Corpus.table_names())
        if names is None:
            return 2
    else:
        names = streamable_tables() if streamed else Corpus.table_names()
    # table options go to the table that takes them, and to no other
    options = {"dates": {"reference_date": args.reference_date}} \
        if args.reference_date and "dates" in names else {}
    if streamed:
        counts = _analyze_streaming(args, source, table_job(names, options), opts, show)
        n_articles, n_errors = counts.get("articles", 0), counts.get("errors", 0)
        how, where = f" ({args.engine} engine, streamed)", "{}/part-*.{}"
    else:
        corpus: Corpus = load_corpus(source, progress=show, workers=args.workers, **opts)
        counts = {}
        # errors last: building the other tables may record failures in it
        for name in [n for n in names if n != "errors"] + ["errors"] * ("errors" in names):
            df = corpus.table(name, **options.get(name, {}))
            write_table(df, out / f"{name}.{args.format}", args.format)
            counts[name] = len(df)
        n_articles, n_errors = len(corpus), len(corpus.failures)
        how, where = "", "{}.{}"
    print(f"akhbar: {n_articles} articles, {n_errors} errors from {source} "
          f"in {time.perf_counter() - t0:.1f}s{how}")
    for name, n in counts.items():
        print(f"  {name:<12} {n:>8} rows  -> {where.format(out / name, args.format)}")
    return 0


def _wanted(tables: str, known: list[str]) -> list[str] | None:
    """The tables named by ``--tables``; None, after saying so, when one is unknown."""
    wanted = [t.strip() for t in tables.split(",") if t.strip()]
    unknown = [t for t in wanted if t not in known]
    if unknown:
        print(f"akhbar: unknown table(s) {', '.join(unknown)}; known: {', '.join(known)}",
              file=sys.stderr)
        return None
    return wanted


def _analyze_streaming(args, source: str, job, opts: dict, show: bool) -> dict[str, int]:
    if args.engine == "dask":
        from akhbar.engines.dask import run_dask  # needs the optional dask extra

        return run_dask(source, args.out, job, fmt=args.format, chunk_size=args.chunk_size,
                        scheduler=args.scheduler, n_workers=max(args.workers, 1), **opts)
    return stream_tables(source, args.out, job, fmt=args.format, chunk_size=args.chunk_size,
                         workers=args.workers, progress=show, **opts)


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
