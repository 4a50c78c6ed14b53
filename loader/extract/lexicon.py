"""The relation lexicon, under the name the extractor's modules import it by.

It is read in one place, ``loader/lexicon.py`` (which imports no spaCy, so that loading and
questions need none); this module only re-exports it.
"""

from __future__ import annotations

from ..lexicon import Lexicon, RelationSpec, VerbTrigger, core_relation_types, lexicon, relation_types

__all__ = ["Lexicon", "RelationSpec", "VerbTrigger", "core_relation_types", "lexicon", "relation_types"]
