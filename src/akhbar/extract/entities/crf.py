"""A CRFsuite model read into numpy arrays, and its Viterbi decoder for many sentences.

python-crfsuite tags one sentence per call and spends most of its time turning feature
strings into attribute ids.  Here the model file is read once into a weight matrix
(attribute x label) and a transition matrix; the caller sums weight rows into state
scores (see :class:`akhbar.extract.entities.features.FeatureIds`) and :meth:`CRF.viterbi`
decodes all sentences of an article in one pass of numpy over the time steps.

The arithmetic is CRFsuite's, operation for operation (``crf1dc_viterbi``): state
scores are float64 sums started at 0 and taken feature by feature in the order the
features are listed; a label's score at ``t`` is ``max_i(prev[i] + trans[i, j]) +
state[j]``; ties go to the lowest label id (CRFsuite keeps the first best with a strict
``<``, as ``argmax`` does).  Same inputs, same tags, ties included.

The file layout (CRFsuite's ``crf1d_model.c`` and ``cqdb.c``): a 48-byte header of
offsets, a ``FEAT`` chunk of 20-byte records (type, source, destination: uint32;
weight: float64; type 0 = attribute -> label, 1 = label -> label), and two ``CQDB``
string databases whose backward arrays map ids to label and attribute names.
"""

from __future__ import annotations

import struct
from pathlib import Path

import numpy as np

from akhbar.errors import ConfigError

_HEADER = struct.Struct("<4sI4sIIIIIIIII")
_FEATURE = np.dtype([("type", "<u4"), ("src", "<u4"), ("dst", "<u4"), ("w", "<f8")])


def _strings(data: bytes, off: int, n: int, path) -> list[str]:
    """The ``n`` strings of the CQDB at ``off``, by id."""
    chunk, _, _, _, bwd_size, bwd_off = struct.unpack_from("<4sIIIII", data, off)
    if chunk != b"CQDB" or bwd_size < n:
        raise ConfigError(f"{path}: no string table at offset {off}; not a CRFsuite model")
    bwd = struct.unpack_from(f"<{n}I", data, off + bwd_off)
    out = []
    for i, p in enumerate(bwd):
        rid, size = struct.unpack_from("<iI", data, off + p)
        if rid != i:
            raise ConfigError(f"{path}: string {i} of the table at {off} has id {rid}")
        out.append(data[off + p + 8:off + p + 7 + size].decode("utf-8"))
    return out


class CRF:
    """A linear-chain CRF: ``labels``, ``attr_id``, ``weights`` and ``trans``.

    ``weights`` has one row per attribute plus a last row of zeros (``zero``), the id
    that pads a row of attribute ids and stands for attributes the model lacks.
    """

    def __init__(self, path) -> None:
        data = Path(path).read_bytes()
        try:
            (magic, _, kind, _, _, n_labels, n_attrs, off_feat, off_labels, off_attrs,
             _, _) = _HEADER.unpack_from(data, 0)
        except struct.error:
            raise ConfigError(f"{path} is too short to be a CRFsuite model") from None
        if magic != b"lCRF" or kind != b"FOMC":
            raise ConfigError(f"{path} is not a CRFsuite linear-chain model "
                              f"(magic {magic!r}, type {kind!r})")
        self.labels: tuple[str, ...] = tuple(_strings(data, off_labels, n_labels, path))
        attrs = _strings(data, off_attrs, n_attrs, path)
        self.attr_id: dict[str, int] = {a: i for i, a in enumerate(attrs)}
        chunk, _, n = struct.unpack_from("<4sII", data, off_feat)
        if chunk != b"FEAT":
            raise ConfigError(f"{path}: no feature chunk at offset {off_feat}")
        feats = np.frombuffer(data, _FEATURE, n, off_feat + 12)
        self.zero = n_attrs
        self.weights = np.zeros((n_attrs + 1, n_labels))
        self.trans = np.zeros((n_labels, n_labels))
        for kind, table in ((0, self.weights), (1, self.trans)):
            f = feats[feats["type"] == kind]
            # CRFsuite keeps one feature per (source, destination); set, not add.
            if len(np.unique(f["src"].astype(np.int64) * (n_labels + 1) + f["dst"])) \
                    != len(f):
                raise ConfigError(f"{path}: repeated features of type {kind}")
            table[f["src"], f["dst"]] = f["w"]
        self.weights.setflags(write=False)
        self.trans.setflags(write=False)

    def viterbi(self, state: np.ndarray, lengths: list[int]) -> list[list[int]]:
        """Best label ids of sentences whose state scores are stacked in ``state``.

        ``state``: (tokens, labels), the sentences one after another; ``lengths``:
        their token counts (each > 0).  Returns the label ids of each sentence.
        """
        n_labels = len(self.labels)
        lens = np.asarray(lengths, dtype=np.intp)
        # Longest sentence first: those still running at step t are a prefix.
        order = np.argsort(-lens, kind="stable")
        slens = lens[order]
        b, t_max, n = len(lens), int(slens[0]), len(state)
        sent = np.repeat(np.arange(b), slens)
        pos = np.arange(n) - np.repeat(np.cumsum(slens) - slens, slens)
        token = np.repeat((np.cumsum(lens) - lens)[order], slens) + pos
        # Row t holds step t of every sentence, sentence s in columns s*L .. s*L+L-1.
        states = np.zeros((t_max, b, n_labels))
        states[pos, sent] = state[token]
        states = states.reshape(t_max, b * n_labels)
        running = np.searchsorted(-slens, -np.arange(t_max), side="left").tolist()
        # Step t: cand[s, j, i] = alpha[t-1][s, i] + trans[i, j], the best i per (s, j)
        # (argmax keeps the first of equal scores, as CRFsuite does), then its score
        # plus the state score.  The same float operations as crf1dc_viterbi.
        src = (np.arange(b)[:, None, None] * n_labels
               + np.zeros((1, n_labels, 1), dtype=np.intp)
               + np.arange(n_labels)[None, None, :]).ravel()
        trans_t = np.tile(self.trans.T.ravel(), b)
        row = np.arange(b * n_labels) * n_labels
        alpha = np.empty((t_max, b * n_labels))
        alpha[0] = states[0]
        # The best previous label of (t, s, j) is back[start[t] + s*L + j].
        start = np.cumsum([0, 0, *running[1:]]) * n_labels
        back = np.empty(int(start[-1]), dtype=np.intp)
        start_l = start.tolist()
        for t in range(1, t_max):
            m = running[t] * n_labels
            cand = alpha[t - 1].take(src[:m * n_labels])
            cand += trans_t[:m * n_labels]
            best = back[start_l[t]:start_l[t] + m]
            cand.reshape(m, n_labels).argmax(axis=1, out=best)
            np.add(cand.take(best + row[:m]), states[t, :m], out=alpha[t, :m])
        rows = np.arange(b)
        last = alpha.reshape(t_max, b, n_labels)[slens - 1, rows].argmax(1).tolist()
        back_l = back.tolist()
        out: list[list[int]] = [[]] * b
        for s, (k, y) in enumerate(zip(slens.tolist(), last)):
            path = [y] * k
            base = s * n_labels
            for t in range(k - 1, 0, -1):
                y = back_l[start_l[t] + base + y]
                path[t - 1] = y
            out[order[s]] = path
        return out
