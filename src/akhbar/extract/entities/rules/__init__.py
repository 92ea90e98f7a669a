"""The rules that complete the CRF's tags, one module per family, each rule named.

A rule takes one :class:`~akhbar.extract.entities.sentence.TaggedSentence` and changes
its ``tags`` and ``src`` in place; :data:`RULES` runs them in this order, after the
CRF (see :func:`akhbar.extract.entities.tagger.tag_sentences`).  :func:`propagate`
runs once per document, after every sentence is tagged.

- :mod:`.titles`: people around titles (``title_cleanup``, ``title_rule``,
  ``person_edges_rule``);
- :mod:`.organizations`: ``split_org_names``, ``org_rule``, ``org_extend_rule``,
  ``acronym_rule``;
- :mod:`.places`: ``gazetteer_rule``, ``place_rule``, ``list_rule``;
- :mod:`.merging`: ``merge_rule`` and the document-wide ``propagate``.
"""

from __future__ import annotations

from akhbar.extract.entities.rules.merging import merge_rule, propagate
from akhbar.extract.entities.rules.organizations import (acronym_rule, org_extend_rule,
                                                         org_rule, split_org_names)
from akhbar.extract.entities.rules.places import gazetteer_rule, list_rule, place_rule
from akhbar.extract.entities.rules.titles import person_edges_rule, title_cleanup, title_rule

__all__ = ["RULES", "propagate"]

#: The sentence rules, in the order they run: each reads what the ones before it set.
RULES = (title_cleanup, split_org_names, gazetteer_rule, org_rule, org_extend_rule,
         title_rule, acronym_rule, merge_rule, person_edges_rule, place_rule, list_rule)
