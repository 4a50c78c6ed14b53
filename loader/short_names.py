"""One entity per person across documents: a short name merged into the one full name it stands for.

Within a document the extractor already gives a bare surname the document's full name ("Vladimir
Putin ... Putin said" is one person). Across documents, an article that says only "Putin" makes
the entity ``putin``, another "Vladimir Putin" makes ``vladimir-putin``. After each chunk of
documents, in the same transaction and under the loader lock, the loader merges them:

- a **short name** is a person named by one word (``bare_surname``: "Putin" -> "putin"); a **full
  name** a person named by more (``surname``: the key of its last word, a suffix such as "Jr."
  aside: "George W. Bush" -> "bush"); other types have neither (a Person "Jordan" never merges
  into the country Jordan, nor an organisation into anything);
- a short name merges into the full name of its type with its surname when there is **exactly
  one** such full name; with none, or two and more ("Clinton" with "Bill Clinton" and "Hillary
  Clinton"), nothing is guessed and the short name stays its own entity;
- the decision is made again for a surname whenever a chunk brings a short or a full name with
  it: a short name merged before is **split back** when a second full name comes, so the graph
  depends on the documents loaded, never on their order.

Merging and splitting are Cypher (``cypher/load/merge_short_names.cypher``,
``split_short_names.cypher``); which short name goes where is decided here (``plan``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Iterable

from .bundles import MAX_ALIAS_KEY_CHARS
from .names import split_surname, surname_core

if TYPE_CHECKING:
    from .graph import TxWriter

# the entity types whose one-word names are surnames
SURNAME_TYPES = frozenset({"Person"})


def surname_keys(name: str, type_: str) -> tuple[str | None, str | None]:
    """``(surname, bare_surname)`` of an entity's name: the key of a full name's surname, or of a
    name that is a surname alone (``names.split_surname``, the extractor's rule; the key without
    particles, ``names.surname_core``: "Bashar al-Assad", "al-Assad" and "Assad" share "assad");
    ``(None, None)`` for other types, for initials, and for a key too long to be indexed (like an
    alias key)."""
    if type_ not in SURNAME_TYPES:
        return None, None
    given, words = split_surname(name)
    key = surname_core(words)
    if not 2 <= len(key) <= MAX_ALIAS_KEY_CHARS:
        return None, None
    return (key, None) if given else (None, key)


def key_rows(entity_rows: Iterable[dict]) -> list[dict]:
    """The surname keys (with their type) a chunk's entity rows bring, to decide again."""
    keys = {(row.get("surname") or row.get("bare_surname"), row["type"]) for row in entity_rows}
    return [{"key": key, "type": type_} for key, type_ in sorted(k for k in keys if k[0])]


@dataclass
class Plan:
    merges: list[dict] = field(default_factory=list)  # {short_id, full_id}
    splits: list[dict] = field(default_factory=list)  # {short_id}


def plan(found: Iterable[dict]) -> Plan:
    """Which short names merge into which full names, and which merged ones split back, from the
    rows of ``read_short_names.cypher`` (per surname key and type: ``fulls``, the full names' ids;
    ``shorts``, the short names' ids; ``merged``, ``{id, into}`` of short names merged before)."""
    out = Plan()
    for row in found:
        fulls = sorted(set(row["fulls"]))
        target = fulls[0] if len(fulls) == 1 else None
        for merged in sorted(row["merged"], key=lambda m: m["id"]):
            if merged["into"] != target:
                out.splits.append({"short_id": merged["id"]})
        if target is not None:
            out.merges.extend({"short_id": s, "full_id": target} for s in sorted(set(row["shorts"])))
    return out


def merge_short_names(w: TxWriter, entity_rows: Iterable[dict]) -> list[str]:
    """Merge and split short names for the surnames ``entity_rows`` bring, recompute the facts
    that moved; the ids of the entities merged away (no longer Entity nodes)."""
    keys = key_rows(entity_rows)
    if not keys:
        return []
    todo = plan(w.rows("load/read_short_names", keys))
    facts: dict[str, dict] = {}
    # one at a time: two short names of one surname touch the same full name
    for split in todo.splits:
        for row in w.rows("load/split_short_names", [split]):
            facts.update((f["key"], f) for f in row["facts"])
    for merge in todo.merges:
        for row in w.rows("load/merge_short_names", [merge]):
            facts.update((f["key"], f) for f in row["facts"])
    rows = [facts[k] for k in sorted(facts)]
    w.run("load/refresh_relationships", rows)
    w.run("load/delete_unsupported_relationships", rows)
    w.run("load/refresh_timelines", rows)
    return [m["short_id"] for m in todo.merges]
