"""Evaluate the entity extractor: ``python -m akhbar.eval entities [--anercorp] ...``.

* ``--anercorp``: ANERcorp, CAMeL Lab test split, CoNLL exact-match P/R/F1 per type;
  the tagger runs on the gold tokens (the model alone, and model + gazetteers + rules).
* ``--aqmar``, ``--newsfane``: out-of-domain sets mapped to PER/ORG/LOC (MISC and
  unmapped fine types are ignored on both sides).
* ``--sample``: the annotated sample-corpus set shipped in
  ``akhbar/eval/data/entities_sample.jsonl`` (character-offset exact match).
* ``--blind``: the blind set ``akhbar/eval/data/entities_blind.jsonl``, news paragraphs
  written and annotated before the extractor saw them (texts inside the file;
  character-offset exact match, PER/ORG/LOC, MISC predictions ignored), plus role
  accuracy on the people found.  Not part of the default run: it is the held-out figure.

Data is read from ``$AKHBAR_EVAL_DIR`` (or ``../shared/eval`` next to the repository,
or ``/work/shared/eval``); a missing set is reported and skipped.  With no flag, every
available set is run.
"""

from __future__ import annotations

import argparse
import json
import re
import time
from collections import Counter
from importlib import resources
from pathlib import Path

from akhbar.eval._data import eval_dir
from akhbar.extract.entities.sentence import spans as _spans

# NewsFANE's fine types -> coarse PER/ORG/LOC (ACE-style hierarchy; others ignored).
NEWSFANE = {
    **dict.fromkeys(["Politician", "Athlete", "Artist", "Other_PER", "Religious_PER",
                     "Scientist", "Businessperson", "Lawyer", "Engineer"], "PER"),
    **dict.fromkeys(["Nation", "Population-Center", "State-or-Province", "GPE-Cluster",
                     "Water-Body", "Land", "Continent", "County-or-District",
                     "Land-Region-Natural", "Celestial", "Water", "Path"], "LOC"),
    **dict.fromkeys(["Non-Governmental", "Sports", "Government", "Media", "Commercial",
                     "Educational", "Medical-Science", "Entertainment", "Religious_ORG",
                     "Police"], "ORG"),
}


def read_conll(path: Path, sep: str | None = None) -> list[list[tuple[str, str]]]:
    """Sentences of (token, tag) from a CoNLL-style file (blank line between sentences)."""
    sents, cur = [], []
    text = path.read_text(encoding="utf-8-sig")
    for line in text.splitlines():
        line = line.strip().replace("\u200e", "").replace("\u200f", "")
        if not line:
            if cur:
                sents.append(cur)
                cur = []
            continue
        if sep:
            tok, _, tag = line.partition(sep)
        else:
            tok, _, tag = line.rpartition(" ")
        tok, tag = tok.strip(), tag.strip()
        if tok:
            cur.append((tok, tag))
    if cur:
        sents.append(cur)
    return sents


def spans(tags: list[str]) -> set[tuple[int, int, str]]:
    """CoNLL chunks (start, end, type) of a BIO sequence (a stray I- opens a chunk)."""
    return set(_spans([t if len(t) >= 3 else "O" for t in tags]))


def prf(tp: Counter, fp: Counter, fn: Counter,
        labels) -> list[tuple[str, float, float, float, int]]:
    """Rows (type, P, R, F1, gold count) per type and overall."""
    rows = []
    for lab in [*labels, "ALL"]:
        if lab == "ALL":
            t, f, n = (sum(c[x] for x in labels) for c in (tp, fp, fn))
        else:
            t, f, n = tp[lab], fp[lab], fn[lab]
        p = t / (t + f) if t + f else 0.0
        r = t / (t + n) if t + n else 0.0
        rows.append((lab, p, r, 2 * p * r / (p + r) if p + r else 0.0, t + n))
    return rows


def _count(pred: set, gold: set) -> tuple[Counter, Counter, Counter]:
    """True positives, false positives and misses per label of (..., label) mention keys."""
    tp, fp, fn = Counter(), Counter(), Counter()
    for x in pred & gold:
        tp[x[-1]] += 1
    for x in pred - gold:
        fp[x[-1]] += 1
    for x in gold - pred:
        fn[x[-1]] += 1
    return tp, fp, fn


def _print(title: str, rows, extra: str = "") -> None:
    print(f"\n{title}{extra}")
    print(f"{'type':<6} {'P':>6} {'R':>6} {'F1':>6} {'gold':>6}")
    for lab, p, r, f, n in rows:
        print(f"{lab:<6} {p:6.3f} {r:6.3f} {f:6.3f} {n:6d}")


def score_tokens(sents, tagger, mapper=lambda t: t, labels=("PER", "ORG", "LOC", "MISC")):
    """Exact-match chunk scores of ``tagger(tokens) -> tags`` on gold sentences."""
    tp, fp, fn = Counter(), Counter(), Counter()
    ntok = 0
    t0 = time.perf_counter()
    for s in sents:
        toks = [t for t, _ in s]
        gold = [mapper(t) for _, t in s]
        pred = [mapper(t) for t in tagger(toks)]
        ntok += len(toks)
        g = {x for x in spans(gold) if x[2] in labels}
        p = {x for x in spans(pred) if x[2] in labels}
        for x in p & g:
            tp[x[2]] += 1
        for x in p - g:
            fp[x[2]] += 1
        for x in g - p:
            fn[x[2]] += 1
    dt = time.perf_counter() - t0
    return prf(tp, fp, fn, labels), f" ({ntok} tokens, {ntok / dt:,.0f} tokens/s)"


def _model_only(toks):
    from akhbar.extract.entities.features import sent_features
    from akhbar.extract.entities.tagger import _crf
    return _crf().tag(sent_features(toks))


def _full(toks):
    from akhbar.extract.entities import tag_tokens
    return tag_tokens(toks)[0]


#: ANERcorp has no article boundaries; runs of this many sentences stand in for
#: the articles across which extract_entities propagates names.
WINDOW = 30


def _windowed(sents):
    """A tagger that looks up tags computed per window of WINDOW sentences."""
    from akhbar.extract.entities.rules import propagate
    from akhbar.extract.entities.sentence import TaggedSentence
    from akhbar.extract.entities.tagger import tag_sentences
    cache: dict[int, list[str]] = {}
    t0 = time.perf_counter()
    for c in range(0, len(sents), WINDOW):
        doc = [TaggedSentence([t for t, _ in s], None, [], []) for s in sents[c:c + WINDOW]]
        tag_sentences(doc)
        propagate(doc)
        for k, s in enumerate(doc):
            cache[c + k] = s.tags
    order = iter(range(len(sents)))

    def tagger(toks):
        return cache[next(order)]
    tagger.seconds = time.perf_counter() - t0
    return tagger


def _coarse(tag: str) -> str:
    if tag == "O" or len(tag) < 3:
        return "O"
    lab = tag[2:].replace("PERS", "PER")
    return tag[:2] + lab


def run_anercorp(d: Path) -> None:
    path = d / "anercorp" / "ANERCorp_CamelLab_test.RECONSTRUCTED.txt"
    if not path.exists():
        print(f"\nANERcorp: {path} not found, skipped")
        return
    sents = read_conll(path)
    for name, fn in (("CRF alone", _model_only),
                     ("default backend, sentence by sentence", _full),
                     (f"default backend, documents of {WINDOW} sentences", _windowed(sents))):
        rows, extra = score_tokens(sents, fn, _coarse)
        if hasattr(fn, "seconds"):
            ntok = sum(map(len, sents))
            extra = f" ({ntok} tokens, {ntok / fn.seconds:,.0f} tokens/s)"
        _print(f"ANERcorp test (CAMeL split), {name}", rows, extra)
    print("anchor: camel-tools' NER (CAMeLBERT-MSA, published F1 ~0.83 on this split) "
          "is not installed here and cannot be downloaded; not run")


def run_aqmar(d: Path) -> None:
    path = d / "aqmar" / "AQMAR_Arabic_NER_corpus-1.0_concat.txt"
    if not path.exists():
        print(f"\nAQMAR: {path} not found, skipped")
        return

    def m(tag):
        t = _coarse(tag.replace("I--", "I-"))
        return t if t[2:] in ("PER", "ORG", "LOC") else "O"
    rows, extra = score_tokens(read_conll(path), _full, m, ("PER", "ORG", "LOC"))
    _print("AQMAR (Wikipedia, out of domain; MIS* ignored)", rows, extra)


def run_newsfane(d: Path) -> None:
    path = d / "newsfane" / "NewsFANE_Gold_2014_170K.txt"
    if not path.exists():
        print(f"\nNewsFANE: {path} not found, skipped")
        return

    def m(tag):
        if tag in ("B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC"):
            return tag
        if tag[:2] in ("B-", "I-") and tag[2:] in NEWSFANE:
            return tag[:2] + NEWSFANE[tag[2:]]
        return "O"
    rows, extra = score_tokens(read_conll(path, "\t"), _full, m, ("PER", "ORG", "LOC"))
    _print("NewsFANE Gold (fine types mapped to PER/ORG/LOC; its text overlaps "
           "ANERcorp's, so not fully out of domain)", rows, extra)


def load_sample() -> list[dict]:
    """The annotated sample-corpus mentions: article_id, start, end, text, label."""
    ref = resources.files("akhbar.eval").joinpath("data/entities_sample.jsonl")
    return [json.loads(ln) for ln in ref.read_text(encoding="utf-8").splitlines()
            if ln.strip()]


def run_sample(verbose: bool = False) -> None:
    from akhbar.extract.entities import extract_entities
    gold = load_sample()
    ids = sorted({g["article_id"] for g in gold})
    import akhbar
    corpus = [a for a in akhbar.load_sample() if a.id in ids]
    texts = {a.id: a.text for a in corpus}
    t0 = time.perf_counter()
    df = extract_entities(corpus)
    dt = time.perf_counter() - t0
    pred_all = [(r.article_id, int(r.start), int(r.end), r.label) for r in df.itertuples()]
    g = {(x["article_id"], x["start"], x["end"], x["label"]) for x in gold}
    p = {x for x in pred_all if x[3] != "MISC"}  # MISC is not annotated in this set
    labels = ("PER", "ORG", "LOC")
    tp, fp, fn = _count(p, g)
    _print("Sample domain (Vietnamese diplomacy, hand-annotated; offsets exact)",
           prf(tp, fp, fn, labels), f" ({len(ids)} articles, {len(ids) / dt:.1f} articles/s)")
    if verbose:
        for x in sorted(p - g):
            print("  FP", x, texts[x[0]][x[1]:x[2]])
        for x in sorted(g - p):
            print("  FN", x, texts[x[0]][x[1]:x[2]])


def load_blind() -> list[dict]:
    """The blind set's texts: id, text, entities (start, end, text, label, role for PER)."""
    ref = resources.files("akhbar.eval").joinpath("data/entities_blind.jsonl")
    rows = [json.loads(ln) for ln in ref.read_text(encoding="utf-8").splitlines()
            if ln.strip()]
    return [r for r in rows if "_source" not in r]


_ROLE_FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ى": "ي", "ة": "ه", "ـ": None})


def _fold_role(role: str) -> str:
    """A role compared on letters only: hamza/alef, ى/ي, ة/ه folded, marks and punctuation out."""
    role = re.sub(r"[\u064b-\u0652\u0670]", "", role or "").translate(_ROLE_FOLD)
    return " ".join(re.sub(r"[^\w\s]", " ", role).split())


def _errors(gold: set, pred: set) -> Counter:
    """Kinds of the mismatches between gold and predicted (id, start, end, label) spans."""
    kinds = Counter()
    for x in gold - pred:
        over = [p for p in pred if p[0] == x[0] and p[1] < x[2] and x[1] < p[2]]
        if not over:
            kinds["missed"] += 1
        elif any(p[1:3] == x[1:3] for p in over):
            kinds["wrong label, right span"] += 1
        elif any(p[3] == x[3] for p in over):
            kinds["wrong span, right label"] += 1
        else:
            kinds["wrong span and label"] += 1
    for x in pred - gold:
        if not any(g[0] == x[0] and g[1] < x[2] and x[1] < g[2] for g in gold):
            kinds["spurious" + (" MISC" if x[3] == "MISC" else "")] += 1
    return kinds


def run_blind(verbose: bool = False) -> None:
    from akhbar.extract.entities import extract_entities
    docs = load_blind()
    gold, roles = set(), {}
    for d in docs:
        for e in d["entities"]:
            key = (d["id"], e["start"], e["end"], e["label"])
            gold.add(key)
            if e["label"] == "PER":
                roles[key] = e.get("role", "")
    texts = {d["id"]: d["text"] for d in docs}
    pred_all, pred_role = set(), {}
    t0 = time.perf_counter()
    for d in docs:  # one document per text, as an article would be
        for r in extract_entities(d["text"]).itertuples():
            key = (d["id"], int(r.start), int(r.end), r.label)
            pred_all.add(key)
            pred_role[key] = r.role or ""
    dt = time.perf_counter() - t0
    pred = {x for x in pred_all if x[3] != "MISC"}  # MISC is not annotated in this set
    labels = ("PER", "ORG", "LOC")
    tp, fp, fn = _count(pred, gold)
    _print("Blind set (written news paragraphs, annotated before the extractor saw them)",
           prf(tp, fp, fn, labels), f" ({len(docs)} texts, {len(docs) / dt:.1f} texts/s)")
    found = [k for k in roles if k in pred]
    exact = sum(_fold_role(roles[k]) == _fold_role(pred_role[k]) for k in found)

    def near(a: str, b: str) -> bool:
        a, b = _fold_role(a), _fold_role(b)
        return a == b or bool(a and b and (a in b or b in a))
    loose = sum(near(roles[k], pred_role[k]) for k in found)
    n = len(found) or 1
    print(f"roles on the {len(found)} people found: exact {exact / n:.3f}, "
          f"one inside the other {loose / n:.3f}")
    kinds = _errors(gold, pred_all)
    print("errors: " + ", ".join(f"{k} {v}" for k, v in kinds.most_common()))
    if verbose:
        for x in sorted(pred - gold):
            print("  FP", x, texts[x[0]][x[1]:x[2]])
        for x in sorted(gold - pred):
            print("  FN", x, texts[x[0]][x[1]:x[2]])
        for k in sorted(found):
            if _fold_role(roles[k]) != _fold_role(pred_role[k]):
                print("  ROLE", k, texts[k[0]][k[1]:k[2]], "| gold:", roles[k],
                      "| got:", pred_role[k])


def main(argv: list[str] | None = None) -> int:
    """Print the entity extractor's scores on the selected sets."""
    ap = argparse.ArgumentParser(prog="python -m akhbar.eval entities")
    for flag in ("anercorp", "aqmar", "newsfane", "sample"):
        ap.add_argument(f"--{flag}", action="store_true")
    ap.add_argument("--blind", action="store_true",
                    help="score the packaged blind set (entities_blind.jsonl)")
    ap.add_argument("-v", "--verbose", action="store_true",
                    help="list the sample or blind set's false positives and negatives")
    args = ap.parse_args(argv)
    chosen = [f for f in ("anercorp", "aqmar", "newsfane", "sample", "blind")
              if getattr(args, f)]
    chosen = chosen or ["anercorp", "aqmar", "newsfane", "sample"]
    d = eval_dir()
    for name in chosen:
        if name == "sample":
            run_sample(args.verbose)
        elif name == "blind":
            run_blind(args.verbose)
        elif d is None:
            print(f"\n{name}: evaluation data not found (set AKHBAR_EVAL_DIR); skipped")
        else:
            {"anercorp": run_anercorp, "aqmar": run_aqmar, "newsfane": run_newsfane}[name](d)
    return 0
