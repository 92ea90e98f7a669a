"""Train akhbar's entity CRF on ANERcorp (CAMeL Lab train split) and ship it.

Reads ``ANERCorp_CamelLab_train.RECONSTRUCTED.txt`` from the evaluation folder
(``$AKHBAR_EVAL_DIR/anercorp``, ``../shared/eval/anercorp`` next to the repository, or
``/work/shared/eval/anercorp``) and writes ``src/akhbar/data/entities/models/ner_crf.crfsuite``.
The model is a linear-chain CRF (python-crfsuite, L-BFGS with elastic-net
regularization); training is deterministic for a given input and takes a few minutes
on two cores.  Features live in ``akhbar.extract.entities.features``.

    PYTHONPATH=src python scripts/train_ner.py [--out PATH] [--iterations N]

The model is derived from ANERcorp and inherits its licence (CC BY-SA 4.0 for the
CAMeL split); ``LICENSE-ner_crf.md`` beside it says so.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import sys
import time
from collections import Counter
from pathlib import Path

import pycrfsuite

from akhbar.extract.entities.features import FEATURES_VERSION, sent_features, token_info
from akhbar.extract.entities.lexicon import key

ROOT = Path(__file__).resolve().parent.parent
TRAIN_FILE = "ANERCorp_CamelLab_train.RECONSTRUCTED.txt"
# The features that name a word itself (its key, its stem, the bigram ending on it).
_IDENTITY = ("w=", "st=", "bi-1=")


def eval_dir() -> Path | None:
    """The shared evaluation folder, or None."""
    cands = [os.environ.get("AKHBAR_EVAL_DIR"), ROOT.parent / "shared" / "eval",
             "/work/shared/eval"]
    for c in cands:
        if c and (Path(c) / "anercorp").is_dir():
            return Path(c)
    return None


def read_conll(path: Path) -> list[list[tuple[str, str]]]:
    """Sentences of ``token TAG`` lines; ANERcorp's PERS becomes PER."""
    sents, cur = [], []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line:
            if cur:
                sents.append(cur)
                cur = []
            continue
        tok, _, tag = line.rpartition(" ")
        tag = tag.replace("PERS", "PER")
        cur.append((tok, tag))
    if cur:
        sents.append(cur)
    return sents


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path,
                    default=ROOT / "src" / "akhbar" / "data" / "entities" / "models" / "ner_crf.crfsuite")
    ap.add_argument("--iterations", type=int, default=200)
    ap.add_argument("--c1", type=float, default=0.02)
    ap.add_argument("--c2", type=float, default=0.01)
    ap.add_argument("--rare", type=int, default=1,
                    help="words seen at most this often lose their identity features")
    ap.add_argument("--train", type=Path, default=None, help="CoNLL file to train on")
    args = ap.parse_args(argv)
    path = args.train
    if path is None:
        d = eval_dir()
        if d is None:
            print("ANERcorp not found: set AKHBAR_EVAL_DIR", file=sys.stderr)
            return 2
        path = d / "anercorp" / TRAIN_FILE
    t0 = time.time()
    sents = read_conll(path)
    trainer = pycrfsuite.Trainer(verbose=False)
    # A third of the test set's entity words never occur in training: the model must
    # learn what a name looks like without its identity.  Words seen at most --rare
    # times in training lose their identity features (as unseen words have none), so
    # that affixes, gazetteers and context carry them.
    counts = Counter(key(t) for s in sents for t, _ in s)
    rare = {k for k, c in counts.items() if c <= args.rare}
    for s in sents:
        toks = [t for t, _ in s]
        info = token_info(toks)
        feats = sent_features(toks, info)
        for f, k in zip(feats, info.keys):
            if k in rare:
                f[:] = [x for x in f if not x.startswith(_IDENTITY)]
        trainer.append(feats, [t for _, t in s])
    t1 = time.time()
    # possible_states: also weigh (attribute, label) pairs never seen together, so that
    # evidence can speak against a label (measured: +0.001 to +0.002 F1 on ANERcorp
    # and AQMAR; L1 keeps the file small).
    trainer.set_params({"c1": args.c1, "c2": args.c2, "max_iterations": args.iterations,
                        "feature.possible_transitions": True,
                        "feature.possible_states": True})
    args.out.parent.mkdir(parents=True, exist_ok=True)
    trainer.train(str(args.out))
    digest = hashlib.sha256(path.read_bytes()).hexdigest()[:16]
    print(f"{len(sents)} sentences, {sum(map(len, sents))} tokens from {path.name} "
          f"(sha256 {digest}); features v{FEATURES_VERSION} {t1 - t0:.1f}s, "
          f"training {time.time() - t1:.1f}s -> {args.out} "
          f"({args.out.stat().st_size / 1e6:.2f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
