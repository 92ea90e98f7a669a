"""``python -m akhbar.eval NAME [options]``: run one evaluation and print its figures."""

from __future__ import annotations

import importlib
import sys

EVALS = ("dates", "statistics", "entities", "stemmers")


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv or argv[0] in ("-h", "--help") or argv[0] not in EVALS:
        print(f"usage: python -m akhbar.eval {{{','.join(EVALS)}}} [options]", file=sys.stderr)
        return 0 if argv and argv[0] in ("-h", "--help") else 2
    module = importlib.import_module(f"akhbar.eval.{argv[0]}")
    return module.main(argv[1:])


if __name__ == "__main__":
    sys.exit(main())
