"""A sentence as the tagger and the rules see it, and how a text is cut into sentences.

A :class:`TaggedSentence` holds its tokens, what the lexicon knows about them
(:class:`~.features.TokenInfo`), the BIO tags and the source of each tag; the rules
(:mod:`.rules`) read and change ``tags`` and ``src`` in place.  The properties are
columns, one list per property, not an object per token: a corpus has millions of
tokens, and the rules and the CRF read them list by list.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from akhbar.extract.entities.features import TokenInfo

#: Punctuation that ends a sentence for the tagger (ANERcorp's sentences end there).
SENTENCE_END = frozenset({".", "!", "?", "؟"})
#: Separators between list items and between a name and its title in apposition.
SEPARATORS = frozenset({",", "،"})


@dataclass(slots=True, eq=False)
class TaggedSentence:
    """One sentence: tokens, token properties, tags (``B-PER`` …) and their sources.

    ``src`` says which stage set each tag: ``model``, ``gazetteer``, ``rule``, or ``""``
    for a token still untagged.  ``line`` is the text line the sentence comes from,
    ``norm`` its normalized form with the offset map ``omap``, ``matches`` the token
    matches in ``norm`` and ``start`` the line's offset in the document (all empty for
    a bare token list).  ``info``, ``tags`` and ``src`` are filled by
    :func:`~akhbar.extract.entities.tagger.tag_sentences` (``info`` is None before).
    """

    toks: list[str]
    info: TokenInfo
    tags: list[str]
    src: list[str]
    line: str = ""
    norm: str = ""
    omap: object = None
    matches: list = field(default_factory=list)
    start: int = 0

    @property
    def keys(self) -> list[str]:
        """The tokens' match keys (``info.keys``)."""
        return self.info.keys

    def labels(self) -> list[str]:
        """The label of each token without its B-/I- prefix (``""`` outside a name)."""
        return [t[2:] if t != "O" else "" for t in self.tags]

    def mark(self, a: int, b: int, label: str, source: str = "rule") -> None:
        """Tag tokens a..b (exclusive) as one ``label`` name set by ``source``."""
        tags, src = self.tags, self.src
        for x in range(a, b):
            tags[x], src[x] = ("B-" if x == a else "I-") + label, source


def spans(tags: list[str]) -> list[tuple[int, int, str]]:
    """(start, end, label) of the BIO spans of ``tags`` (a stray I- opens a span).

    >>> spans(["O", "B-PER", "I-PER", "I-LOC", "O"])
    [(1, 3, 'PER'), (3, 4, 'LOC')]
    """
    if tags.count("O") == len(tags):
        return []
    out, end = [], 0
    for i in [i for i, t in enumerate(tags) if t != "O"]:
        if i < end:
            continue
        inside = "I-" + tags[i][2:]
        end = i + 1
        while end < len(tags) and tags[end] == inside:
            end += 1
        out.append((i, end, inside[2:]))
    return out


def lines_of(text: str):
    """(offset, line) of the non-blank lines of ``text``."""
    start = 0
    for line in text.split("\n"):
        if line.strip():
            yield start, line
        start += len(line) + 1


def sentence_ends(toks: list[str]) -> list[int]:
    """Where the sentences of one line's tokens end (exclusive), the last at the end.

    The model was trained on ANERcorp's sentences, which end at a period; a paragraph
    holding many sentences is tagged sentence by sentence (and in linear time).  A
    sentence ends after sentence-final punctuation unless that is all it holds.

    >>> sentence_ends([".", "قال", "نعم", ".", "!", "لا"])
    [4, 6]
    """
    out, last = [], 0
    for e in [i + 1 for i, t in enumerate(toks) if t in SENTENCE_END]:
        if e - last > 1:
            out.append(e)
            last = e
    if last < len(toks):
        out.append(len(toks))
    return out


def sentences(matches: list) -> list[list]:
    """Token matches of one line cut into sentences (see :func:`sentence_ends`)."""
    out, start = [], 0
    for end in sentence_ends([m.group() for m in matches]):
        out.append(matches[start:end])
        start = end
    return out
