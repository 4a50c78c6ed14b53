"""Labels and relationship types kgload may write: the entity types and the relation lexicon.

Read straight from the lexicon data file (``loader/data/relations.jsonl``, one relation type per
line) so that loading needs no spaCy. Anything outside these sets is refused before a write.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

from .records import ENTITY_TYPES

LEXICON_PATH = Path(__file__).resolve().parent / "data" / "relations.jsonl"


@lru_cache(maxsize=1)
def relation_types() -> frozenset[str]:
    types = set()
    for line in LEXICON_PATH.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("//"):
            types.add(json.loads(line)["relation"])
    return frozenset(types)


def entity_types() -> frozenset[str]:
    return frozenset(ENTITY_TYPES)
