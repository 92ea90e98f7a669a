"""The ``akhbar`` command line: argument parsing and printing only.

Every failure a user can cause is one line on stderr, ``akhbar: <what and what to do>``,
and an exit status of its own (:data:`EXIT`); ``--debug`` shows the traceback instead.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
import traceback
import warnings
from pathlib import Path

from akhbar._days import as_day
from akhbar._tables import write_table
from akhbar.corpus import (Corpus, load_corpus, no_article_message, sample_path,
                           streamable_tables, table_job)
from akhbar.engines.local import check_out, stream_tables
from akhbar.errors import AkhbarError, ConfigError, LoadError, OutputError
from akhbar.loader import LoadWarning, check_source

FORMATS = ("parquet", "csv")

#: Exit status per kind of failure (2 is argparse's, for a malformed command line).
EXIT = {"ok": 0, "input": 1, "usage": 2, "option": 3, "output": 4, "bug": 70,
        "interrupted": 130}
_EPILOG = ("exit status: 0 done; 1 the source cannot be read or gives no article; 2 the "
           "command line is malformed; 3 an option has a bad value (date, column, table); "
           "4 the output folder cannot be written; 70 an unexpected error (a bug: run again "
           "with --debug and report the traceback); 130 interrupted")


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="akhbar", description="Arabic news articles into tables.",
                                epilog=_EPILOG)
    p.add_argument("--debug", action="store_true",
                   help="on failure, show the full traceback instead of one line")
    sub = p.add_subparsers(dest="command", required=True)
    a = sub.add_parser("analyze", help="load a corpus and write every table", epilog=_EPILOG)
    a.add_argument("--debug", action="store_true", default=argparse.SUPPRESS,
                   help="on failure, show the full traceback instead of one line")
    a.add_argument("path", nargs="?", help="folder, glob, file, archive or table "
                                           "(default: the embedded sample corpus)")
    a.add_argument("--out", "-o", required=True, help="folder to write the tables to")
    a.add_argument("--format", "-f", choices=FORMATS, default="parquet")
    a.add_argument("--tables", help="comma-separated table names (default: all)")
    a.add_argument("--reference-date",
                   help="YYYY-MM-DD anchor for relative dates when an article has no date")
    a.add_argument("--text-col", help="text column of a table source (default: the first "
                                      "of text, content, body, article)")
    a.add_argument("--id-col", help="id column of a table source (default: id or article_id)")
    a.add_argument("--date-col", help="publication-date column of a table source (default: "
                                      "the first of published, date, date_published, "
                                      "date_extracted)")
    a.add_argument("--pattern", help="files a folder is searched for (default '*.txt')")
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
    # every check a user's mistake can fail comes before hours of work, not after
    reference_date = as_day(args.reference_date, "--reference-date")
    source = args.path or str(sample_path())
    opts = {k: v for k, v in (("text_col", args.text_col), ("id_col", args.id_col),
                              ("date_col", args.date_col), ("pattern", args.pattern)) if v}
    check_source(source, opts.get("pattern", "*.txt"))
    out = _out_folder(args.out)
    t0 = time.perf_counter()
    show = not args.no_progress and sys.stderr.isatty()
    streamed = args.engine == "dask" or args.stream
    names = _wanted(args.tables, Corpus.table_names()) if args.tables else \
        streamable_tables() if streamed else Corpus.table_names()
    # table options go to the table that takes them, and to no other
    options = {"dates": {"reference_date": reference_date}} \
        if reference_date and "dates" in names else {}
    if streamed:
        counts = _analyze_streaming(args, source, table_job(names, options), opts, show)
        n_articles, n_errors = counts.get("articles", 0), counts.get("errors", 0)
        if "articles" in counts and not n_articles:
            raise LoadError(f"no article loaded from {source}: {n_errors} inputs failed "
                            f"(see {out / 'errors'})", kind="no_article")
        how, where = f" ({args.engine} engine, streamed)", "{}/part-*.{}"
    else:
        corpus = _load(source, show, args.workers, opts)
        counts = {}
        # errors last: building the other tables may record failures in it
        for name in [n for n in names if n != "errors"] + ["errors"] * ("errors" in names):
            df = corpus.table(name, **options.get(name, {}))
            _write(df, out / f"{name}.{args.format}", args.format)
            counts[name] = len(df)
        n_articles, n_errors = len(corpus), len(corpus.failures)
        how, where = "", "{}.{}"
    print(f"akhbar: {n_articles} articles, {n_errors} errors from {source} "
          f"in {time.perf_counter() - t0:.1f}s{how}")
    for name, n in counts.items():
        print(f"  {name:<12} {n:>8} rows  -> {where.format(out / name, args.format)}")
    return 0


def _load(source: str, show: bool, workers: int, opts: dict) -> Corpus:
    """The corpus of ``source``; a LoadError, not empty tables, when it has no article."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", LoadWarning)  # said below, in one line
        corpus = load_corpus(source, progress=show, workers=workers, **opts)
    if not len(corpus):
        raise LoadError(no_article_message(source, corpus.failures), kind="no_article")
    return corpus


def _out_folder(out: str) -> Path:
    """``--out`` as a folder that exists and can be written to, or an OutputError."""
    try:
        path = check_out(out)
    except ConfigError as exc:
        raise OutputError(str(exc)) from None
    if path.exists() and not path.is_dir():
        raise OutputError(f"--out {out}: is a file, not a folder; give a folder (it is "
                          "created if missing)")
    blocker = next((p for p in path.absolute().parents if p.exists() and not p.is_dir()), None)
    if blocker is not None:
        raise OutputError(f"--out {out}: {blocker} is a file, so no folder can be made under it")
    try:
        path.mkdir(parents=True, exist_ok=True)
        fd, probe = tempfile.mkstemp(prefix=".akhbar-probe-", dir=path)
        os.close(fd)
        os.unlink(probe)
    except OSError as exc:
        raise OutputError(f"--out {out}: cannot write there ({exc.strerror or exc}); give a "
                          "folder you can write to") from None
    return path


def _write(df, path: Path, fmt: str) -> None:
    try:
        write_table(df, path, fmt)
    except OSError as exc:
        raise OutputError(f"cannot write {path}: {exc.strerror or exc}") from None


def _wanted(tables: str, known: list[str]) -> list[str]:
    """The tables named by ``--tables``; a ConfigError when one is unknown."""
    wanted = [t.strip() for t in tables.split(",") if t.strip()]
    unknown = [t for t in wanted if t not in known]
    if unknown or not wanted:
        raise ConfigError(f"--tables: unknown table(s) {', '.join(unknown) or '(none given)'}; "
                          f"known: {', '.join(known)}")
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
    except KeyboardInterrupt:
        print("akhbar: interrupted; tables already written are complete, the rest were not "
              "written", file=sys.stderr)
        return EXIT["interrupted"]
    except Exception as exc:  # noqa: BLE001 - one line, or the traceback with --debug
        if getattr(args, "debug", False):
            traceback.print_exc()
        else:
            print(f"akhbar: {_one_line(exc)}", file=sys.stderr)
        return _status(exc)


def _status(exc: BaseException) -> int:
    if isinstance(exc, OutputError):
        return EXIT["output"]
    if isinstance(exc, LoadError):
        return EXIT["input"]
    if isinstance(exc, ConfigError):
        return EXIT["option"]
    return EXIT["input"] if isinstance(exc, AkhbarError) else EXIT["bug"]


def _one_line(exc: BaseException) -> str:
    text = " ".join(str(exc).split())
    if isinstance(exc, AkhbarError):
        return text
    return (f"unexpected {type(exc).__name__}: {text} (a bug in akhbar: run again with "
            "--debug and report the traceback)")


if __name__ == "__main__":
    sys.exit(main())
