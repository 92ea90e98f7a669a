"""Imports every stage that registers a table, in pipeline order.

The corpus and the command line import this module, never the stages by name; a new
table is one more line here and nothing else.
"""

from akhbar.text import tables as _text_tables  # noqa: F401  tokens, sentences
from akhbar.extract import dates as _dates  # noqa: F401
from akhbar.extract import statistics as _statistics  # noqa: F401
from akhbar.extract import entities as _entities  # noqa: F401
from akhbar.analysis import tables as _analysis  # noqa: F401  keywords ... summary
