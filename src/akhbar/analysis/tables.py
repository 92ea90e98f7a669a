"""Registers the corpus-level analysis tables that ``akhbar analyze`` writes."""

from __future__ import annotations

from akhbar._tables import register_corpus_table
from akhbar.analysis.collocations import COLLOCATION_SCHEMA, collocations
from akhbar.analysis.cooccurrence import EDGE_SCHEMA, cooccurrence
from akhbar.analysis.frequencies import FREQUENCY_SCHEMA, NGRAM_SCHEMA, frequencies, ngrams
from akhbar.analysis.keywords import KEYWORD_SCHEMA, keywords
from akhbar.analysis.summary import SUMMARY_SCHEMA, summary
from akhbar.analysis.timeline import TIMELINE_SCHEMA, timeline
from akhbar.extract import entities as _entities

ENTITY_SUMMARY_SCHEMA = {"canonical": "string", "label": "string", "variants": "string",
                         "roles": "string", "mentions": "int64", "articles": "int64"}


@register_corpus_table("keywords", KEYWORD_SCHEMA,
                       "top tf-idf keywords of each article, then of the corpus (article_id empty)")
def _keywords(corpus, n: int = 20, method: str = "tfidf"):
    return keywords(corpus.tokens(), n=n, method=method, every_article=True)


@register_corpus_table("frequencies", FREQUENCY_SCHEMA, "word counts, stop words left out")
def _frequencies(corpus, by: str = "norm", stopwords: bool = False, min_count: int = 1):
    return frequencies(corpus.tokens(), by=by, stopwords=stopwords, min_count=min_count)


@register_corpus_table("ngrams", NGRAM_SCHEMA, "word bigrams within sentences")
def _ngrams(corpus, n: int = 2):
    return ngrams(corpus.tokens(), n=n)


@register_corpus_table("collocations", COLLOCATION_SCHEMA, "bigrams by PMI, seen 3+ times")
def _collocations(corpus, n: int = 2, min_count: int = 3, measure: str = "pmi"):
    return collocations(corpus.tokens(), n=n, min_count=min_count, measure=measure)


@register_corpus_table("cooccurrence", EDGE_SCHEMA, "entities sharing a sentence")
def _cooccurrence(corpus, window: str = "sentence"):
    return cooccurrence(corpus.entities(), corpus.sentences(), window=window)


@register_corpus_table("timeline", TIMELINE_SCHEMA, "date mentions per month and article")
def _timeline(corpus, freq: str = "M"):
    return timeline(corpus.dates(), freq=freq)


@register_corpus_table("summary", SUMMARY_SCHEMA, "corpus counts")
def _summary(corpus):
    return summary(corpus)


@register_corpus_table("people", ENTITY_SUMMARY_SCHEMA, "one row per person, variants merged")
def _people(corpus):
    return _entities.people(corpus.entities())


@register_corpus_table("organizations", ENTITY_SUMMARY_SCHEMA, "one row per organization")
def _organizations(corpus):
    return _entities.organizations(corpus.entities())


@register_corpus_table("places", ENTITY_SUMMARY_SCHEMA, "one row per place")
def _places(corpus):
    return _entities.places(corpus.entities())
