"""Which stemmer conflates Arabic word forms best: ``python -m akhbar.eval stemmers``.

Reads ``eval/data/stemmers.jsonl`` (hand-checked groups of word forms of one lemma,
written for akhbar) and scores each stemmer by pairwise clustering figures: a pair of
forms of the same lemma with the same stem is a true positive, a pair from different
lemmas with the same stem a false positive, a same-lemma pair with different stems a
false negative.  Every word is normalized (preset ``"search"``) before stemming.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from itertools import combinations
from pathlib import Path


def load_groups() -> list[tuple[str, list[str]]]:
    """The (lemma, forms) groups of the evaluation set."""
    text = (Path(__file__).parent / "data" / "stemmers.jsonl").read_text(encoding="utf-8")
    rows = [json.loads(line) for line in text.splitlines() if line.strip()]
    return [(r["lemma"], r["forms"]) for r in rows if "lemma" in r]


def stemmers() -> dict[str, Callable[[str], str]]:
    """The candidate stemmers, each a function of a normalized word."""
    from akhbar.text.segment import light_stem
    out: dict[str, Callable[[str], str]] = {"none (normalized word)": lambda w: w,
                                            "akhbar light_stem (rules)": light_stem}
    try:
        import snowballstemmer
        sb = snowballstemmer.stemmer("arabic")
        out["snowballstemmer arabic"] = sb.stemWord
    except ImportError:  # pragma: no cover
        pass
    try:
        from tashaphyne.stemming import ArabicLightStemmer
        ls = ArabicLightStemmer()
        out["tashaphyne light_stem"] = ls.light_stem

        def root(w: str) -> str:
            ls.light_stem(w)
            return ls.get_root()
        out["tashaphyne root"] = root
    except ImportError:  # pragma: no cover
        pass
    rules = {f"akhbar rules + {k}": (lambda w, f=f: f(light_stem(w)))
             for k, f in out.items() if k.startswith(("snowball", "tashaphyne light"))}
    out.update(rules)
    from akhbar.text.segment import stem
    out["akhbar stem (rules + tashaphyne suffix)"] = stem
    return out


def score(stem: Callable[[str], str], groups) -> dict[str, float]:
    """Pairwise precision, recall and F1 of ``stem`` over ``groups``."""
    from akhbar.text.normalize import normalize
    items = [(lemma, stem(normalize(w))) for lemma, forms in groups for w in forms]
    tp = fp = fn = 0
    for (l1, s1), (l2, s2) in combinations(items, 2):
        if l1 == l2:
            tp += s1 == s2
            fn += s1 != s2
        else:
            fp += s1 == s2
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"P": p, "R": r, "F1": f, "TP": tp, "FP": fp, "FN": fn}


def main(argv: list[str] | None = None) -> int:
    """Print the comparison table."""
    groups = load_groups()
    n = sum(len(f) for _, f in groups)
    print(f"stemmer comparison: {len(groups)} lemmas, {n} word forms (pairwise)")
    print(f"{'stemmer':40} {'P':>6} {'R':>6} {'F1':>6} {'TP':>5} {'FP':>5} {'FN':>5}")
    for name, fn in stemmers().items():
        s = score(fn, groups)
        print(f"{name:40} {s['P']:6.3f} {s['R']:6.3f} {s['F1']:6.3f} "
              f"{s['TP']:5d} {s['FP']:5d} {s['FN']:5d}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
