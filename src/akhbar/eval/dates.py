"""``python -m akhbar.eval dates``: how well akhbar finds and resolves Arabic dates.

Three measurements:

1. **Our annotated set** (``akhbar/eval/data/dates.jsonl``: every date in the sample
   corpus plus news sentences written for akhbar): precision, recall and F1 for akhbar
   and for dateparser's ``search_dates(text, languages=["ar"])`` on the same texts.  A
   hit is a predicted span that overlaps a gold span and has exactly its value range
   (dateparser's datetimes are mapped to one-day ranges).
2. **Duckling's Arabic Time corpus** (``duckling_ar/duckling_ar_examples.jsonl``, the
   ``Time_AR_Corpus.hs`` rows; reference time Tue 2013-02-12): how many inputs akhbar
   resolves to Duckling's day range.
3. **dateparser's Arabic tests** (``dateparser_ar/arabic_cases_extracted.json``).

Peer-suite failures are written to ``docs/peers/dates.md`` (``--no-write`` to skip).
The peer data stay in ``../shared/eval`` (``AKHBAR_EVAL_DIR``); they are skipped when
absent.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from datetime import date, datetime, timedelta
from importlib import resources
from pathlib import Path

import pandas as pd

from akhbar.extract.dates import find_dates

from akhbar.eval._data import REPO, eval_dir
DUCKLING_REF = date(2013, 2, 12)


def _load_gold(path: str | Path | None = None) -> list[dict]:
    """Items of the annotated set (``path``, default the packaged ``dates.jsonl``), each with
    ``text`` filled in."""
    if path is None:
        raw = resources.files("akhbar.eval").joinpath("data").joinpath("dates.jsonl").read_text(
            encoding="utf-8")
    else:
        raw = Path(path).read_text(encoding="utf-8")
    items = []
    for line in raw.splitlines():
        if not line.strip():
            continue
        it = json.loads(line)
        if "_source" in it:
            continue
        if "sample" in it:
            it["text"] = resources.files("akhbar.data").joinpath("sample").joinpath(
                it["sample"] + ".txt").read_text(encoding="utf-8")
        items.append(it)
    return items


def _iso(v) -> str | None:
    if v is None or v is pd.NaT or (isinstance(v, float)) or pd.isna(v):
        return None
    return pd.Timestamp(v).date().isoformat()


def _akhbar_predict(item: dict) -> list[dict]:
    """akhbar's rows for one item; sample articles go through the loader's segments."""
    pub = date.fromisoformat(item["published"]) if item.get("published") else None
    if "sample" in item:
        from akhbar.extract.dates import extract_dates
        from akhbar.loader import parse_article
        art = parse_article(item["text"], id=item["sample"], published=pub)
        df = extract_dates(art)
        return [{"start": int(r.start), "end": int(r.end), "value_start": _iso(r.value_start),
                 "value_end": _iso(r.value_end)} for r in df.itertuples()]
    return [{"start": r["start"], "end": r["end"], "value_start": _iso(r["value_start"]),
             "value_end": _iso(r["value_end"])} for r in find_dates(item["text"], published=pub)]


def _dateparser_predict(item: dict) -> list[dict]:
    """dateparser's ``search_dates`` hits for one item, as day ranges with offsets."""
    from dateparser.search import search_dates
    settings = {}
    if item.get("published"):
        settings["RELATIVE_BASE"] = datetime.fromisoformat(item["published"])
    text = item["text"]
    try:
        found = search_dates(text, languages=["ar"], settings=settings) or []
    except Exception:  # dateparser raises on some inputs; count as nothing found
        found = []
    rows, pos = [], 0
    for sub, dt in found:
        i = text.find(sub, pos)
        if i < 0:
            i = text.find(sub)
        if i < 0:
            continue
        pos = i + len(sub)
        d = dt.date().isoformat()
        rows.append({"start": i, "end": i + len(sub), "value_start": d, "value_end": d})
    return rows


def score(gold: list[dict], pred: list[dict]) -> tuple[int, list[tuple], list[dict]]:
    """(hits, unmatched gold, unmatched predictions): one-to-one, overlap + exact values.

    >>> g = [{"text": "عام 2023", "start": 3, "end": 11, "value_start": "2023-01-01", "value_end": "2023-12-31"}]
    >>> p = [{"start": 7, "end": 11, "value_start": "2023-01-01", "value_end": "2023-12-31"}]
    >>> score(g, p)[0]
    1
    """
    used = set()
    hits = 0
    missed = []
    for g in gold:
        match = None
        for k, p in enumerate(pred):
            if k in used or p["end"] <= g["start"] or p["start"] >= g["end"]:
                continue
            if p["value_start"] == g["value_start"] and p["value_end"] == g["value_end"]:
                match = k
                break
        if match is None:
            missed.append(g)
        else:
            used.add(match)
            hits += 1
    extra = [p for k, p in enumerate(pred) if k not in used]
    return hits, missed, extra


def prf(hits: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    """Precision, recall and F1 from counts.

    >>> prf(8, 10, 16)
    (0.8, 0.5, 0.6153846153846154)
    """
    p = hits / n_pred if n_pred else 0.0
    r = hits / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def _run_ours(items: list[dict], systems: dict, verbose: bool = False) -> dict:
    out = {}
    for name, fn in systems.items():
        tot_h = tot_p = tot_g = 0
        sub: dict[str, list[int]] = {}
        errors = []
        t0 = time.perf_counter()
        for it in items:
            pred = fn(it)
            h, missed, extra = score(it["dates"], pred)
            tot_h += h
            tot_p += len(pred)
            tot_g += len(it["dates"])
            k = "sample" if "sample" in it else it.get("split", "written")
            sub.setdefault(k, [0, 0, 0])
            sub[k][0] += h
            sub[k][1] += len(pred)
            sub[k][2] += len(it["dates"])
            for g in missed:
                errors.append(("miss", it["id"], g["text"], g["value_start"], g["value_end"]))
            for p in extra:
                errors.append(("extra", it["id"], it["text"][p["start"]:p["end"]],
                               p["value_start"], p["value_end"]))
        out[name] = {"all": (tot_h, tot_p, tot_g), **{k: tuple(v) for k, v in sub.items()},
                     "errors": errors, "seconds": time.perf_counter() - t0}
    return out


# ------------------------------------------------------------------------------ Duckling

_DT = re.compile(r"\((\d{4}), (\d{1,2}), (\d{1,2}), (\d{1,2}), (\d{1,2}), (\d{1,2})\)")


def duckling_expected(expr: str) -> tuple[str, str] | None:
    """Duckling's expected value as an inclusive day range; None for NEGATIVE.

    >>> duckling_expected("datetime (2013, 2, 4, 0, 0, 0) Week")
    ('2013-02-04', '2013-02-10')
    >>> duckling_expected("datetimeInterval ((2013, 7, 13, 0, 0, 0), (2013, 7, 16, 0, 0, 0)) Day")
    ('2013-07-13', '2013-07-15')
    """
    if expr.startswith("NEGATIVE"):
        return None
    dts = [datetime(*map(int, m.groups())) for m in _DT.finditer(expr)]
    grain = expr.rsplit(")", 1)[-1].split()[0] if ")" in expr else "Day"
    if "Interval" in expr.split()[0] and len(dts) == 2:
        a, b = dts
        return a.date().isoformat(), (b - timedelta(seconds=1)).date().isoformat()
    d = dts[0].date()
    if grain == "Week":
        return d.isoformat(), (d + timedelta(days=6)).isoformat()
    if grain == "Month":
        nxt = (d.replace(day=28) + timedelta(days=4)).replace(day=1)
        return d.isoformat(), (nxt - timedelta(days=1)).isoformat()
    if grain == "Year":
        return d.isoformat(), d.replace(month=12, day=31).isoformat()
    return d.isoformat(), d.isoformat()


def _best_row(text: str, rows: list[dict]) -> dict | None:
    return max(rows, key=lambda r: r["end"] - r["start"]) if rows else None


def _run_duckling(path: Path) -> tuple[int, int, list]:
    ok, n, fails = 0, 0, []
    for line in path.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        if not row["file"].startswith("Time"):
            continue
        n += 1
        exp = duckling_expected(row["expected_haskell"])
        rows = find_dates(row["input"], reference_date=DUCKLING_REF)
        if exp is None:
            good = not rows
            got = [r["text"] for r in rows]
        else:
            best = _best_row(row["input"], rows)
            got = None if best is None else (best["text"], _iso(best["value_start"]), _iso(best["value_end"]))
            good = best is not None and (_iso(best["value_start"]), _iso(best["value_end"])) == exp
        if good:
            ok += 1
        else:
            fails.append((row["input"], row["expected_haskell"], exp, got))
    return ok, n, fails


# ---------------------------------------------------------------------------- dateparser

def _run_dateparser_suite(path: Path) -> tuple[int, int, list, list]:
    data = json.loads(path.read_text(encoding="utf-8"))
    now = date(2013, 2, 12)   # any fixed "now" for relative cases
    ok = n = 0
    fails, skipped = [], []

    def check(case: str, inp: str, exp: tuple[str, str], whole: bool = False):
        nonlocal ok, n
        n += 1
        rows = find_dates(inp, reference_date=now)
        best = _best_row(inp, rows)
        got = None if best is None else (best["text"], _iso(best["value_start"]), _iso(best["value_end"]))
        good = best is not None and (got[1], got[2]) == exp
        if whole and good:
            good = best["text"].strip() == inp.strip()
        if good:
            ok += 1
        else:
            fails.append((case, inp, exp, got))

    for key, cases in data.items():
        if key.startswith("_"):
            continue
        if key.startswith("translation"):
            for c in cases:
                m = re.match(r"(\d+) (\w+) (\d{4})", c["expected_translation"])
                d = datetime.strptime(" ".join(m.groups()), "%d %B %Y").date().isoformat()
                check(key.split(" ")[0], c["input"], (d, d))
        elif key.startswith(("freshness", "relative_ago")):
            for c in cases:
                if "ago" in c:
                    ago = c["ago"]
                else:
                    m = re.findall(r"(\d+) (day|year|hour|week|month)", c["expected_translation"])
                    ago = {u + "s": int(v) for v, u in m}
                if set(ago) - {"days", "weeks"}:
                    # hours/minutes/years-and-months mixes: akhbar resolves to days
                    d = None
                else:
                    d = (now - timedelta(days=ago.get("days", 0) + 7 * ago.get("weeks", 0))).isoformat()
                if d is None:
                    n += 1
                    fails.append((key.split(" ")[0], c["input"], ago, "not a day-resolvable case"))
                    continue
                check(key.split(" ")[0], c["input"], (d, d))
        elif key.startswith("search_in_text"):
            for c in cases:
                for sub, dt in c["expected"]:
                    d = dt[:10]
                    n += 1
                    rows = find_dates(c["input"])
                    i = c["input"].find(sub)
                    good = any(r["start"] < i + len(sub) and r["end"] > i and
                               (_iso(r["value_start"]), _iso(r["value_end"])) == (d, d) for r in rows)
                    if good:
                        ok += 1
                    else:
                        fails.append(("search_in_text", sub, d, [r["text"] for r in rows]))
        elif key.startswith("hijri"):
            for c in cases:
                d = c["expected"][:10]
                check("hijri", c["input"], (d, d))
        elif key.startswith("search_date_string"):
            for inp in cases:
                m = re.match(r"(\d+) يناير، (\d{4})", inp)
                d = date(int(m.group(2)), 1, int(m.group(1))).isoformat()
                check("search_date_string", inp, (d, d), whole=True)
        else:
            skipped.append(key)
    return ok, n, fails, skipped


def _write_peers_md(duck, dp, path: Path) -> None:
    lines = ["# Date extraction: peer-suite failures",
             "",
             "Generated by `python -m akhbar.eval dates`; do not edit by hand.",
             "Inputs are run through `akhbar.extract.dates.find_dates` with the suite's reference",
             "date; akhbar resolves dates to calendar days, so time-of-day cases fail by design.",
             ""]
    if duck:
        ok, n, fails = duck
        lines += [f"## Duckling Arabic Time corpus: {ok}/{n} right", "",
                  "| input | Duckling expects | as day range | akhbar gave |", "|---|---|---|---|"]
        for inp, hs, exp, got in fails:
            lines.append(f"| {inp} | `{hs}` | {exp} | {got} |")
        lines.append("")
    if dp:
        ok, n, fails, skipped = dp
        lines += [f"## dateparser Arabic tests: {ok}/{n} right", "",
                  "| case | input | expected | akhbar gave |", "|---|---|---|---|"]
        for case, inp, exp, got in fails:
            lines.append(f"| {case} | {inp} | {exp} | {got} |")
        if skipped:
            lines += ["", "Not applicable to a date extractor: " + ", ".join(skipped)]
        lines.append("")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m akhbar.eval dates", description=__doc__.split("\n")[0])
    ap.add_argument("--no-dateparser", action="store_true", help="skip the dateparser baseline")
    ap.add_argument("--errors", action="store_true", help="list akhbar's misses and extras")
    ap.add_argument("--no-write", action="store_true", help="do not rewrite docs/peers/dates.md")
    ap.add_argument("--data", metavar="PATH",
                    help="score this annotated file instead of the packaged dates.jsonl")
    ap.add_argument("--blind", action="store_true",
                    help="score the packaged blind set (dates_blind.jsonl)")
    args = ap.parse_args(argv)

    data = args.data
    if args.blind and data is None:
        data = resources.files("akhbar.eval").joinpath("data").joinpath("dates_blind.jsonl")
    items = _load_gold(data)
    systems = {"akhbar": _akhbar_predict}
    if not args.no_dateparser:
        try:
            import dateparser  # noqa: F401
            systems["dateparser"] = _dateparser_predict
        except ImportError:
            print("dateparser not installed: baseline skipped")
    res = _run_ours(items, systems)
    n_gold = sum(len(i["dates"]) for i in items)
    print(f"Annotated set: {len(items)} texts, {n_gold} date expressions "
          f"(hit = overlapping span with the exact value range)")
    print(f"{'system':<12}{'subset':<9}{'P':>7}{'R':>7}{'F1':>7}{'hits':>6}{'pred':>6}{'gold':>6}{'sec':>8}")
    for name, r in res.items():
        for sub in ["all"] + [k for k in r if k not in ("all", "errors", "seconds")]:
            h, p_, g = r[sub]
            p, rc, f = prf(h, p_, g)
            sec = f"{r['seconds']:.2f}" if sub == "all" else ""
            print(f"{name:<12}{sub:<9}{p:>7.3f}{rc:>7.3f}{f:>7.3f}{h:>6}{p_:>6}{g:>6}{sec:>8}")
    if args.errors:
        for kind, iid, txt, vs, ve in res["akhbar"]["errors"]:
            print(f"  {kind:<6}{iid:<12}{txt!r} {vs}..{ve}")

    root = eval_dir()
    duck = dp = None
    if root is None:
        print("peer suites: ../shared/eval not found (set AKHBAR_EVAL_DIR); skipped")
    else:
        dpath = root / "duckling_ar" / "duckling_ar_examples.jsonl"
        if dpath.exists():
            duck = _run_duckling(dpath)
            print(f"Duckling Arabic Time corpus (ref. Tue 2013-02-12): akhbar right on "
                  f"{duck[0]}/{duck[1]}")
        ppath = root / "dateparser_ar" / "arabic_cases_extracted.json"
        if ppath.exists():
            dp = _run_dateparser_suite(ppath)
            print(f"dateparser Arabic tests: akhbar right on {dp[0]}/{dp[1]}"
                  + (f" (not applicable: {len(dp[3])} group)" if dp[3] else ""))
        if not args.no_write and (duck or dp):
            out = REPO / "docs" / "peers" / "dates.md"
            _write_peers_md(duck, dp, out)
            print(f"peer failures written to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
