"""The camel-tools backend: camel-tools' BERT NER model (``backend="camel"``).

Used only when the model is installed (``camel_data -i ner-arabert``); without it,
:func:`camel_tags` raises a :class:`~akhbar.errors.ConfigError` that says how to install
it.  The rules do not run on its tags (they complete the CRF's).
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

from akhbar.errors import ConfigError

#: The labels a tag may carry; camel-tools' others (and its PERS) are mapped or dropped.
LABELS = ("PER", "ORG", "LOC", "MISC")


def _camel_default_path() -> Path:
    root = os.environ.get("CAMELTOOLS_DATA") or Path.home() / ".camel_tools"
    return Path(root) / "data" / "ner" / "arabert"


@lru_cache(maxsize=4)
def _camel_model(path: str):
    try:
        import torch  # noqa: F401
        from transformers import BertForTokenClassification, BertTokenizer
    except ImportError as e:  # pragma: no cover - torch/transformers are installed
        raise ConfigError("backend='camel' needs torch and transformers: "
                          "pip install camel-tools") from e
    tok = BertTokenizer.from_pretrained(path)
    model = BertForTokenClassification.from_pretrained(path)
    model.eval()
    return tok, model


def camel_tags(toks: list[str], model_path=None) -> list[str]:
    """Word-level BIO tags from a camel-tools NER model directory (BERT layout).

    camel-tools' ``NERecognizer`` loads a BertForTokenClassification and its
    tokenizer from one folder and labels each word with its first word piece; this
    does the same without importing ``camel_tools.ner``, which tries to download its
    catalogue at import time.
    """
    import torch

    path = Path(model_path) if model_path else _camel_default_path()
    if not (path / "config.json").exists():
        raise ConfigError(
            f"camel-tools' NER model is not installed (looked in {path}). Install it "
            "with `pip install camel-tools` and `camel_data -i ner-arabert` (it lands "
            "in ~/.camel_tools/data/ner/arabert, or under $CAMELTOOLS_DATA), or pass "
            "model_path= to a folder holding config.json, the weights and vocab.txt")
    tok, model = _camel_model(str(path))
    id2label = model.config.id2label
    out: list[str] = []
    for s in range(0, len(toks), 200):  # stay under BERT's 512 pieces
        words = toks[s:s + 200]
        enc = tok(words, is_split_into_words=True, truncation=True, max_length=512,
                  return_tensors="pt")
        with torch.no_grad():
            logits = model(**enc).logits[0]
        pred = logits.argmax(-1).tolist()
        first: dict[int, str] = {}
        for pos, wid in enumerate(enc.word_ids(0)):
            if wid is not None and wid not in first:
                first[wid] = str(id2label[pred[pos]])
        for w in range(len(words)):
            lab = first.get(w, "O").replace("PERS", "PER")
            out.append(lab if lab[:2] in ("B-", "I-") and lab[2:] in LABELS else "O")
    return out
