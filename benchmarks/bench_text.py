"""Characters per second of akhbar's text layer next to camel-tools on the same text.

    python benchmarks/bench_text.py [--repeat 5] [--limit 1000]

Texts: the embedded sample corpus, and the saudinewsnet sample (1000 real articles)
when the evaluation folder is present (``AKHBAR_EVAL_DIR``, else ``shared/eval`` next to
the repository, else ``/work/shared/eval``).  Every function runs once to warm up
(compiled tables, caches), then the best of ``--repeat`` rounds is reported; the
functions are interleaved within each round, so a busy machine slows them alike.

camel-tools' "normalization" is its documented pipeline: the ``arclean`` CharMapper,
then ``dediac_ar``, ``normalize_alef_ar``, ``normalize_alef_maksura_ar`` and
``normalize_teh_marbuta_ar`` -- the same steps as akhbar's ``match`` preset, without
offsets.  The goal: ``normalize_with_offsets`` at most 2x slower than that.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from akhbar.eval._data import saudinewsnet  # noqa: E402


def corpora(limit: int) -> dict[str, list[str]]:
    import akhbar
    out = {"sample corpus (5 articles)": [a.text for a in akhbar.load_sample()]}
    texts = [row.get("content") or "" for row in saudinewsnet(limit)]
    if texts:
        out[f"saudinewsnet ({len(texts)} articles)"] = texts
    else:
        print("saudinewsnet sample not found: skipped", file=sys.stderr)
    # Fully vocalized text (a diacritic after every letter, as in religious or
    # educational texts) is the worst case for offset tracking: one deletion per letter.
    import re
    letter = re.compile("([\u0621-\u064a])")
    base = out[list(out)[-1]][:200]
    out[f"vocalized (a fatha after every letter of {len(base)} articles)"] = [
        letter.sub("\\1\u064e", t) for t in base]
    return out


def best_rates(funcs, texts: list[str], repeat: int) -> dict[str, float]:
    """Characters per second of each function: best of ``repeat`` rounds, the
    functions interleaved within every round so that a busy machine slows all alike."""
    n = sum(map(len, texts))
    for _, fn in funcs:
        for t in texts:
            fn(t)
    best = {label: float("inf") for label, _ in funcs}
    for _ in range(repeat):
        for label, fn in funcs:
            t0 = time.perf_counter()
            for t in texts:
                fn(t)
            best[label] = min(best[label], time.perf_counter() - t0)
    return {label: n / sec for label, sec in best.items()}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--limit", type=int, default=1000)
    args = ap.parse_args(argv)

    from camel_tools.tokenizers.word import simple_word_tokenize
    from camel_tools.utils.charmap import CharMapper
    from camel_tools.utils.dediac import dediac_ar
    from camel_tools.utils.normalize import (normalize_alef_ar, normalize_alef_maksura_ar,
                                             normalize_teh_marbuta_ar)

    from akhbar.text import normalize, normalize_with_offsets, sentences, tokenize

    arclean = CharMapper.builtin_mapper("arclean")

    def camel_normalize(t: str) -> str:
        return normalize_teh_marbuta_ar(normalize_alef_maksura_ar(
            normalize_alef_ar(dediac_ar(arclean(t)))))

    def camel_no_arclean(t: str) -> str:
        return normalize_teh_marbuta_ar(normalize_alef_maksura_ar(
            normalize_alef_ar(dediac_ar(t))))

    funcs = [
        ("camel-tools arclean+dediac+alef+maksura+teh", camel_normalize),
        ("camel-tools dediac+alef+maksura+teh (no arclean)", camel_no_arclean),
        ("akhbar normalize (search)", normalize),
        ("akhbar normalize (match)", lambda t: normalize(t, "match")),
        ("akhbar normalize_with_offsets (search)", normalize_with_offsets),
        ("akhbar normalize_with_offsets (match)", lambda t: normalize_with_offsets(t, "match")),
        ("akhbar normalize (arclean preset)", lambda t: normalize(t, "arclean")),
        ("camel-tools simple_word_tokenize", simple_word_tokenize),
        ("akhbar tokenize (with offsets, norm)", tokenize),
        ("akhbar sentences", sentences),
    ]
    for name, texts in corpora(args.limit).items():
        n = sum(map(len, texts))
        print(f"\n{name}: {n:,} characters; best of {args.repeat}")
        print(f"{'function':52} {'Mchar/s':>9}")
        rates = best_rates(funcs, texts, args.repeat)
        for label, _ in funcs:
            print(f"{label:52} {rates[label] / 1e6:9.2f}")
        base = rates["camel-tools arclean+dediac+alef+maksura+teh"]
        off = rates["akhbar normalize_with_offsets (match)"]
        print(f"offset tracking cost vs camel-tools normalization: {base / off:.2f}x "
              f"(goal <= 2x; below 1 means faster)")
        tok = rates["akhbar tokenize (with offsets, norm)"]
        print(f"tokenize vs simple_word_tokenize: "
              f"{tok / rates['camel-tools simple_word_tokenize']:.2f}x the speed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
