"""Regular-expression building blocks shared by every stage.

Patterns that see untrusted text are built from word lists here, once, so that each
list compiles to a single bounded alternation.
"""

from __future__ import annotations

from typing import Iterable

import regex

__all__ = ["alternation", "suffix_alternation"]


def alternation(forms: Iterable[str]) -> str:
    """One alternation for a word list, written as a trie so that the engine follows a
    single branch per character: a flat list of 300 words costs 300 tries per position.
    It matches what the flat list sorted longest first matches, trying the same words
    in the same order (the longest that fits first, then shorter ones).  Empty forms
    are ignored.

    >>> alternation(["ثلاث", "ثلاثه", "ثلاثون", "ست"])
    '(?:ثلاث(?:(?:ه|ون))?|ست)'
    """
    trie: dict = {}
    for f in set(forms):
        if not f:
            continue
        node = trie
        for ch in f:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        branches = [regex.escape(ch) + emit(sub) for ch, sub in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return emit(trie)


def suffix_alternation(forms: Iterable[str]) -> str:
    """:func:`alternation` for a pattern searched backwards (``(?r)``): a trie of the
    words read from their end, so that a backward match tries the longest word that
    ends at its position first, as a forward search finds the leftmost start first.

    >>> suffix_alternation(["من", "ضمن", "عن"])
    '(?:ع|(?:ض)?م)ن'
    """
    trie: dict = {}
    for f in set(forms):
        if not f:
            continue
        node = trie
        for ch in reversed(f):
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        branches = [emit(sub) + regex.escape(ch) for ch, sub in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return emit(trie)
