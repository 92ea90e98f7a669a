"""Arabic text: normalization with offsets, tokens, sentences, clitics, stems, stop words.

Importing this package also registers the pandas accessor ``Series.arabic``.  The
``tokens`` and ``sentences`` corpus tables live in :mod:`akhbar.text.tables`.

The functions :func:`normalize`, :func:`tokenize`, :func:`sentences` and :func:`segment`
share their names with their modules, and as attributes of this package the functions
win: ``from akhbar.text.segment import stem`` works, but to reach a module object use
``importlib.import_module("akhbar.text.segment")``.
"""

from akhbar.text.normalize import (DEFAULT_PRESET, PRESETS, NormalizeOptions, OffsetMap,
                                   normalize, normalize_with_offsets)
from akhbar.text.segment import (Piece, add_stopwords, is_stopword, light_stem, segment,
                                 stem, stopwords)
from akhbar.text.sentences import Sentence, sentences
from akhbar.text.tokenize import TOKEN_KINDS, Token, tokenize
from akhbar.text import accessor as _accessor  # noqa: F401  (registers Series.arabic)

__all__ = [
    "DEFAULT_PRESET", "NormalizeOptions", "OffsetMap", "PRESETS", "Piece", "Sentence",
    "TOKEN_KINDS", "Token", "add_stopwords", "is_stopword", "light_stem", "normalize",
    "normalize_with_offsets", "segment", "sentences", "stem", "stopwords", "tokenize",
]
