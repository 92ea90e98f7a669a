"""Evaluate the statistic extractor: ``python -m akhbar.eval statistics [--failures N]``.

Three parts:

1. akhbar's annotated set (``akhbar/eval/data/statistics.jsonl``): precision, recall and F1
   (a hit is an overlapping span with the same value and kind, and the same currency for
   money), then unit and qualifier accuracy on the hits.
2. Number-word phrases from the same file through :func:`akhbar.parse_number` and
   pyarabic's ``text2number`` (exact value).
3. Duckling's Arabic numeral, ordinal, money and quantity examples as a peer suite
   (read from the evaluation folder, never copied); failures are written to
   ``docs/peers/statistics.md``.
"""

from __future__ import annotations

import argparse
import json
import math
import re
from collections import defaultdict
from importlib import resources
from pathlib import Path

from akhbar.eval._data import REPO, eval_dir
from akhbar.extract.statistics import find_statistics
from akhbar.text.numbers import parse_number, parse_ordinal



def load_set(path: str | Path | None = None) -> tuple[list[dict], list[dict]]:
    """(sentences, number phrases) of an annotated set (``path``, default the packaged
    ``statistics.jsonl``)."""
    if path is None:
        text = resources.files("akhbar.eval").joinpath("data/statistics.jsonl").read_text("utf-8")
    else:
        text = Path(path).read_text(encoding="utf-8")
    recs = [json.loads(line) for line in text.splitlines() if line.strip()]
    return [r for r in recs if r.get("type") == "sentence"], \
        [r for r in recs if r.get("type") == "number"]


def _close(a: float, b: float) -> bool:
    return a == b or (not math.isnan(a) and not math.isnan(b)
                      and abs(a - b) <= 1e-6 * max(1.0, abs(a), abs(b)))


def _same(gold: dict, row: dict) -> bool:
    if not (row["start"] < gold["end"] and gold["start"] < row["end"]):
        return False
    if row["kind"] != gold["kind"] or not _close(float(row["value"]), gold["value"]):
        return False
    if gold["kind"] == "money" and (row["currency"] or None) != gold["currency"]:
        return False
    return True


def score_set(sentences: list[dict]) -> dict:
    """P/R/F1 and unit/qualifier accuracy of :func:`find_statistics` on ``sentences``."""
    tp = fp = fn = 0
    unit_ok = unit_n = qual_ok = 0
    by_kind: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    errors: list[str] = []
    for rec in sentences:
        rows = find_statistics(rec["text"])
        used: set[int] = set()
        for g in rec["stats"]:
            hit = next((i for i, r in enumerate(rows) if i not in used and _same(g, r)), None)
            if hit is None:
                fn += 1
                by_kind[g["kind"]][2] += 1
                errors.append(f"MISS {rec['id']}: {g['text']!r} {g['value']:g} {g['kind']} "
                              f"{g['currency'] or ''}")
                continue
            used.add(hit)
            tp += 1
            by_kind[g["kind"]][0] += 1
            r = rows[hit]
            if g.get("unit") is not None:
                unit_n += 1
                unit_ok += (r["unit"] or "") == g["unit"]
                if (r["unit"] or "") != g["unit"]:
                    errors.append(f"UNIT {rec['id']}: {g['text']!r} gold {g['unit']!r} "
                                  f"got {r['unit']!r}")
            qual_ok += r["qualifier"] == g["qualifier"]
        for i, r in enumerate(rows):
            if i not in used:
                fp += 1
                by_kind[r["kind"]][1] += 1
                errors.append(f"FP   {rec['id']}: {r['text']!r} {r['value']:g} {r['kind']} "
                              f"{r['currency'] or ''}")
    p = tp / (tp + fp) if tp + fp else 0.0
    r_ = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * p * r_ / (p + r_) if p + r_ else 0.0
    return {"tp": tp, "fp": fp, "fn": fn, "precision": p, "recall": r_, "f1": f1,
            "unit_acc": unit_ok / unit_n if unit_n else 0.0, "unit_n": unit_n,
            "qualifier_acc": qual_ok / tp if tp else 0.0, "by_kind": dict(by_kind),
            "errors": errors}


def score_numbers(phrases: list[dict]) -> dict:
    """Exact-value accuracy of parse_number and pyarabic's text2number on ``phrases``.

    >>> r = score_numbers([{"text": "مائتين وخمسين", "value": 250.0}])
    >>> r["akhbar"], r["pyarabic"]
    (1.0, 0.0)
    """
    try:
        from pyarabic.number import text2number
    except ImportError:  # pragma: no cover
        text2number = None
    ours = theirs = 0
    wrong: list[str] = []
    for ph in phrases:
        v = parse_number(ph["text"])
        ok = v is not None and _close(v, ph["value"])
        ours += ok
        if not ok:
            wrong.append(f"{ph['text']!r}: expected {ph['value']:g}, got {v}")
        if text2number is not None:
            try:
                t = float(text2number(ph["text"]))
            except Exception:  # noqa: BLE001 - a peer's crash is a miss
                t = math.nan
            theirs += _close(t, ph["value"])
    n = len(phrases)
    return {"n": n, "akhbar": ours / n if n else 0.0,
            "pyarabic": (theirs / n if n else 0.0) if text2number else None, "wrong": wrong}


# ----------------------------------------------------------------------------- Duckling

_CURRENCY = {"Dollar": {"USD"}, "EUR": {"EUR"}, "Pound": {"EGP", "GBP"}, "GBP": {"GBP"},
             "KWD": {"KWD"}, "LBP": {"LBP"}, "EGP": {"EGP"}, "QAR": {"QAR"}, "SAR": {"SAR"},
             "JOD": {"JOD"}, "ILS": {"ILS"}}
_GRAMS = {"غرام": 1.0, "كيلوغرام": 1000.0, "مليغرام": 0.001, "طن": 1e6}


def _num(s: str) -> float:
    return float(s.strip("()"))


def duckling_case(file: str, inp: str, expected: str) -> tuple[bool, str]:
    """Run one Duckling example through akhbar: (passed, what akhbar said).

    >>> duckling_case("Numeral_AR_Corpus.hs", "ثلاثمائة وخمسين", "NumeralValue 350")
    (True, 'parse_number -> 350.0')
    >>> duckling_case("AmountOfMoney_AR_Corpus.hs", "42 دينار كويتي", "simple KWD 42")[0]
    True
    """
    if file.startswith("Numeral"):
        m = re.fullmatch(r"NumeralValue (\(?-?[\d.e]+\)?)", expected)
        v = parse_number(inp)
        return v is not None and _close(v, _num(m.group(1))), f"parse_number -> {v}"
    if file.startswith("Ordinal"):
        v = parse_ordinal(inp)
        return v == int(expected.split()[-1]), f"parse_ordinal -> {v}"
    rows = find_statistics(inp)
    said = "; ".join(f"{r['text']!r} {r['value']:g} {r['kind']} {r['currency'] or ''} "
                     f"{r['unit_norm']} {r['qualifier']}" for r in rows) or "no rows"
    if expected.startswith("NEGATIVE"):
        return not rows, said
    if file.startswith("AmountOfMoney"):
        m = re.fullmatch(r"(simple|between|under|above) (\w+) (.+)", expected)
        how, cur, val = m.groups()
        money = [r for r in rows if r["kind"] == "money"]
        if len(money) != 1:
            return False, said
        r = money[0]
        if cur == "Cent":
            ok_cur = r["unit_norm"] == "سنت"
        else:
            ok_cur = (r["currency"] or "") in _CURRENCY.get(cur, {cur})
        if how == "between":
            lo, hi = (float(x) for x in val.strip("()").split(","))
            return ok_cur and _close(r["value_low"], lo) and _close(r["value_high"], hi), said
        ok_val = _close(float(r["value"]), float(val))
        if how == "under":
            return ok_cur and ok_val and r["qualifier"] in ("less_than", "at_most"), said
        if how == "above":
            return ok_cur and ok_val and r["qualifier"] in ("more_than", "at_least"), said
        return ok_cur and ok_val, said
    if file.startswith("Quantity"):
        m = re.fullmatch(r"simple (\w+) ([\d.e]+) .*", expected)
        unit, val = m.group(1), float(m.group(2))
        meas = [r for r in rows if r["kind"] == "measure"]
        if len(meas) != 1:
            return False, said
        r = meas[0]
        if unit == "Gram":
            f = _GRAMS.get(r["unit_norm"])
            return f is not None and _close(float(r["value"]) * f, val), said
        want = {"Ounce": "أونصة", "Cup": "كوب"}[unit]
        return r["unit_norm"] == want and _close(float(r["value"]), val), said
    return False, "not a statistics suite"


DUCKLING_FILES = ("Numeral_AR_Corpus.hs", "Numeral_AR_EG_Corpus.hs", "Ordinal_AR_Corpus.hs",
                  "AmountOfMoney_AR_Corpus.hs", "Quantity_AR_Corpus.hs")


def run_duckling(path: Path) -> tuple[dict[str, tuple[int, int]], list[tuple]]:
    """Pass counts per Duckling file and the failures."""
    counts: dict[str, list[int]] = {f: [0, 0] for f in DUCKLING_FILES}
    failures = []
    for line in path.read_text(encoding="utf-8").splitlines():
        ex = json.loads(line)
        if ex["file"] not in counts:
            continue
        ok, said = duckling_case(ex["file"], ex["input"], ex["expected_haskell"])
        counts[ex["file"]][1] += 1
        counts[ex["file"]][0] += ok
        if not ok:
            failures.append((ex["file"], ex["input"], ex["expected_haskell"], said))
    return {k: (v[0], v[1]) for k, v in counts.items()}, failures


def write_peer_doc(counts, failures, out: Path) -> None:
    lines = ["# Duckling's Arabic examples through akhbar's statistics",
             "",
             "Generated by `python -m akhbar.eval statistics`: do not edit. Inputs and "
             "expected values are Duckling's (facebook/duckling @ 2c226585, BSD), read from "
             "the shared evaluation folder; numerals go through `parse_number`, ordinals "
             "through `parse_ordinal`, money and quantity through `extract_statistics`.",
             "",
             "| file | passed | total | rate |", "|---|---:|---:|---:|"]
    for f, (ok, n) in counts.items():
        lines.append(f"| {f} | {ok} | {n} | {ok / n:.1%} |" if n else f"| {f} | 0 | 0 | - |")
    lines += ["", "## Failures", "", "| file | input | Duckling expects | akhbar says |",
              "|---|---|---|---|"]
    for f, inp, exp, said in failures:
        cell = said.replace("|", "\\|")
        lines.append(f"| {f} | `{inp}` | `{exp}` | {cell} |")
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m akhbar.eval statistics")
    ap.add_argument("--failures", type=int, default=0, help="print this many errors")
    ap.add_argument("--peer-doc", default=str(REPO / "docs" / "peers" / "statistics.md"),
                    help="where to write the Duckling failures ('' to skip)")
    ap.add_argument("--data", metavar="PATH",
                    help="score this annotated file instead of the packaged statistics.jsonl")
    ap.add_argument("--blind", action="store_true",
                    help="score the packaged blind set (statistics_blind.jsonl)")
    args = ap.parse_args(argv)
    data = args.data
    if args.blind and data is None:
        data = resources.files("akhbar.eval").joinpath("data/statistics_blind.jsonl")
    sentences, phrases = load_set(data)
    splits = ["dev", "heldout1", "heldout2", "heldout3"]
    splits += sorted({r["split"] for r in sentences if r.get("split")} - set(splits))
    for split in (*splits, "all"):
        part = [r for r in sentences if split == "all" or r.get("split") == split]
        if not part:
            continue
        s = score_set(part)
        gold_n = sum(len(r["stats"]) for r in part)
        print(f"akhbar statistics set [{split}]: {len(part)} sentences, {gold_n} statistics")
        print(f"  precision {s['precision']:.3f}  recall {s['recall']:.3f}  F1 {s['f1']:.3f}  "
              f"(tp {s['tp']}, fp {s['fp']}, fn {s['fn']})")
        print(f"  unit accuracy {s['unit_acc']:.3f} (on {s['unit_n']} hits with a gold unit); "
              f"qualifier accuracy {s['qualifier_acc']:.3f}")
        print("  by kind (tp/fp/fn): " + ", ".join(
            f"{k} {v[0]}/{v[1]}/{v[2]}" for k, v in sorted(s["by_kind"].items())))
        if split != "all":
            for e in s["errors"][:args.failures]:
                print("   ", e)
    nw = score_numbers(phrases)
    if phrases:  # a set given with --data may have no number-word records
        print(f"number words: {nw['n']} phrases, exact value: akhbar parse_number "
              f"{nw['akhbar']:.3f}" + (f", pyarabic text2number {nw['pyarabic']:.3f}"
                                       if nw["pyarabic"] is not None else ""))
    for w in nw["wrong"][:args.failures]:
        print("   ", w)
    d = eval_dir()
    path = d / "duckling_ar" / "duckling_ar_examples.jsonl" if d else None
    if path is None or not path.exists():
        print("Duckling peer suite: skipped (evaluation data not found; set AKHBAR_EVAL_DIR)")
        return 0
    counts, failures = run_duckling(path)
    print("Duckling peer suite (pass rate per file):")
    for f, (ok, n) in counts.items():
        print(f"  {f:<30} {ok:>4}/{n:<4} {ok / n:.1%}" if n else f"  {f}: no examples")
    if args.peer_doc:
        write_peer_doc(counts, failures, Path(args.peer_doc))
        print(f"  failures written to {args.peer_doc}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
