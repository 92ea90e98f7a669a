"""akhbar (أخبار, "news"): Arabic news articles into analysable tables.

>>> import akhbar
>>> corpus = akhbar.load_sample()
>>> len(corpus)
5
"""

from akhbar.corpus import Corpus, load_corpus, load_sample, sample_path
from akhbar.errors import AkhbarError, ArchiveError, ConfigError, LoadError
from akhbar.loader import Article, Caption, LoadFailure, Segment, iter_articles, parse_article
from akhbar.text.normalize import normalize, normalize_with_offsets

__version__ = "0.1.0"

__all__ = [
    "AkhbarError", "ArchiveError", "Article", "Caption", "ConfigError", "Corpus", "LoadError",
    "LoadFailure", "Segment", "iter_articles", "load_corpus", "load_sample", "normalize",
    "normalize_with_offsets", "parse_article", "sample_path",
]
