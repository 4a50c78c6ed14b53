"""Labels and relationship types kgload may write: the entity types and the relation lexicon.

The relation types come from the lexicon (``loader/lexicon.py``, which imports no spaCy, so
loading needs none). Anything outside these sets is refused before a write.
"""

from __future__ import annotations

from functools import lru_cache

from . import lexicon
from .records import ENTITY_TYPES


@lru_cache(maxsize=1)
def relation_types() -> frozenset[str]:
    return frozenset(lexicon.relation_types())


def entity_types() -> frozenset[str]:
    return frozenset(ENTITY_TYPES)
