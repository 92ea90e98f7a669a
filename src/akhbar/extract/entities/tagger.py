"""The tagger: a text cut into sentences, tagged by the CRF, completed by the rules.

The model is a linear-chain CRF trained on ANERcorp (``scripts/train_ner.py``; it ships
in ``akhbar/data/entities/models``).  It is read into numpy and decoded by
:class:`~.crf.CRF` (several times faster than python-crfsuite, same tags); python-crfsuite
is the reference and the fallback.
"""

from __future__ import annotations

import os
import re
from functools import lru_cache
from pathlib import Path

from akhbar import data
from akhbar.errors import ConfigError
from akhbar.extract.entities import lexicon as lex
from akhbar.extract.entities.features import TokenInfo, sent_features, token_info
from akhbar.extract.entities.rules import RULES
from akhbar.extract.entities.sentence import TaggedSentence, lines_of, sentence_ends
from akhbar.text.normalize import normalize_with_offsets

__all__ = ["read_document", "tag_sentence", "tag_sentences", "tag_tokens"]


def _model_path() -> Path:
    path = data.path("entities/models/ner_crf.crfsuite")
    if not path.exists():
        raise ConfigError(f"the entity model {path} is missing; rebuild it with "
                          "`python scripts/train_ner.py`")
    return path


@lru_cache(maxsize=1)
def _crf():
    """The model in python-crfsuite (the reference tagger; see :func:`_compiled`)."""
    import pycrfsuite

    tagger = pycrfsuite.Tagger()
    tagger.open(str(_model_path()))
    return tagger


#: Sentences on which the compiled tagger must list the same features as
#: sent_features before it is used (titles, heads, gazetteer names, both edges).
_CHECK_SENTENCES = (
    "قال الرئيس فو فان ثونج إن وزارة الخارجية الفيتنامية ستزور هانوي وبكين .",
    "استقبل الأمين العام للأمم المتحدة السيد نجوين في مدينة هوي شي منه",
    "( آسيان ) 2023",
)


@lru_cache(maxsize=1)
def _compiled():
    """(FeatureIds, CRF) for the model read into numpy, or None to use python-crfsuite.

    Same tags as :func:`_crf`, several times faster (see :mod:`.crf`).  Set
    ``AKHBAR_NER_CRFSUITE=1`` to tag with python-crfsuite instead; a model file this
    reader does not understand, or features the two paths would list differently,
    fall back to it too (with a warning).
    """
    if os.environ.get("AKHBAR_NER_CRFSUITE", "") not in ("", "0"):
        return None
    import warnings

    from akhbar.extract.entities import features
    from akhbar.extract.entities.crf import CRF

    path = _model_path()
    try:
        crf = CRF(path)
    except ConfigError as e:
        warnings.warn(f"{e}; tagging with python-crfsuite", stacklevel=2)
        return None
    ids = features.FeatureIds(crf.attr_id, crf.weights)
    sents = [(t, token_info(t)) for t in map(lex.tokens, _CHECK_SENTENCES)]
    if not ids.check(sents):
        warnings.warn("the compiled entity tagger lists other features than "
                      "sent_features; tagging with python-crfsuite", stacklevel=2)
        return None
    return ids, crf


# Lone surrogates are possible in any Python str and NUL ends a C string: CRFsuite
# would fail on the first and cut attribute names at the second.
_ODD_CHARS = re.compile("[\ud800-\udfff\x00]")
_SURROGATE = re.compile("[\ud800-\udfff]")


def _crf_tags(sents: list[tuple[list[str], TokenInfo]]) -> list[list[str]]:
    """The CRF's tags of non-empty sentences, given as (tokens, token_info) pairs."""
    compiled = _compiled()
    if compiled is None or _ODD_CHARS.search("".join(t for s, _ in sents for t in s)):
        tagger = _crf()
        return [list(tagger.tag(sent_features(toks, info))) for toks, info in sents]
    ids, crf = compiled
    labels = crf.labels
    return [[labels[y] for y in path]
            for path in crf.viterbi(ids.scores(sents), [len(s) for s, _ in sents])]


def tag_sentences(sents: list[TaggedSentence]) -> None:
    """Fill ``info``, ``tags`` and ``src`` of each sentence: the CRF, then the rules.

    The CRF decodes all sentences at once (see :func:`_crf_tags`).
    """
    toks_of = [s.toks for s in sents]
    # CRFsuite takes UTF-8 feature strings: a lone surrogate is read as U+FFFD (offsets
    # are not affected), in both taggers so that they agree.
    if _SURROGATE.search("".join(t for toks in toks_of for t in toks)):
        toks_of = [[_SURROGATE.sub("\ufffd", t) for t in toks] for toks in toks_of]
    for s, toks in zip(sents, toks_of):
        s.info = token_info(toks)
    todo = [(toks, s.info) for s, toks in zip(sents, toks_of) if toks]
    crf_tags = iter(_crf_tags(todo) if todo else [])
    for s, toks in zip(sents, toks_of):
        if not toks:
            s.tags, s.src = [], []
            continue
        s.tags = next(crf_tags)
        s.src = ["model" if t != "O" else "" for t in s.tags]
        original, s.toks = s.toks, toks  # the rules read what the CRF read
        for rule in RULES:
            rule(s)
        s.toks = original
        if "" in s.src:
            s.src = [x or ("model" if t != "O" else "") for x, t in zip(s.src, s.tags)]


def tag_sentence(toks: list[str]) -> TaggedSentence:
    """One token sequence, tagged (see :func:`tag_sentences`)."""
    s = TaggedSentence(toks, None, [], [])
    tag_sentences([s])
    return s


def tag_tokens(toks: list[str]) -> tuple[list[str], list[str]]:
    """BIO tags (PER/ORG/LOC/MISC) and a source per token for one token sequence.

    The CRF's tags, completed by the gazetteers and the title rule.

    >>> tag_tokens(["قال", "الرئيس", "فو", "فان", "ثونج"])[0]
    ['O', 'O', 'B-PER', 'I-PER', 'I-PER']
    """
    s = tag_sentence(toks)
    return s.tags, s.src


def read_document(units: list[tuple[str, int]], backend: str = "default",
                  model_path=None) -> list[TaggedSentence]:
    """The tagged sentences of one document's units (text, offset), line by line.

    Each line is normalized once (``search`` preset, hamza kept: آنه, a name, is not
    أنه, a function word) and tokenized; ``backend="camel"`` tags with camel-tools'
    BERT model (see :mod:`.camel`), without the rules.
    """
    sents = []
    for unit, offset in units:
        for line_start, line in lines_of(unit):
            norm, omap = normalize_with_offsets(line, "search", alef=False)
            matches = list(lex.TOKEN_RE.finditer(norm))
            toks = [m.group() for m in matches]
            a = 0
            for b in sentence_ends(toks):
                sents.append(TaggedSentence(toks[a:b], None, [], [], line, norm, omap,
                                            matches[a:b], offset + line_start))
                a = b
    if backend == "camel":
        from akhbar.extract.entities.camel import camel_tags

        for s in sents:
            s.tags = camel_tags(s.toks, model_path)
            s.src = ["model" if t != "O" else "" for t in s.tags]
            s.info = token_info(s.toks)
    else:
        tag_sentences(sents)
    return sents
