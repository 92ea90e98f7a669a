"""akhbar (أخبار, "news"): Arabic news articles into analysable tables.

>>> import akhbar
>>> corpus = akhbar.load_sample()
>>> len(corpus)
5
"""

from akhbar.corpus import Corpus, load_corpus, load_sample, read_table, sample_path
from akhbar.errors import AkhbarError, ArchiveError, ConfigError, LoadError
from akhbar.loader import Article, Caption, LoadFailure, Segment, iter_articles, parse_article
from akhbar.text import (normalize, normalize_with_offsets, segment, sentences, stem, stopwords,
                         tokenize)
from akhbar.text.numbers import parse_number, parse_ordinal
from akhbar.extract.dates import extract_dates
from akhbar.extract.statistics import extract_statistics
from akhbar.extract.entities import extract_entities
import akhbar.registry  # noqa: F401,E402  (registers every table)

__version__ = "0.1.0"

__all__ = [
    "AkhbarError", "ArchiveError", "Article", "Caption", "ConfigError", "Corpus", "LoadError",
    "LoadFailure", "Segment", "extract_dates", "extract_entities", "extract_statistics",
    "iter_articles", "load_corpus", "load_sample", "normalize", "normalize_with_offsets",
    "parse_article", "parse_number", "parse_ordinal", "read_table", "sample_path",
    "segment", "sentences", "stem", "stopwords", "tokenize",
]
