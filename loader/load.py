"""Write prepared documents (``bundles.PreparedDocument``) to Neo4j through the ``cypher/load``
templates.

Per chunk of documents, everything is written in one transaction (a crash or outage leaves no
half-loaded document): entities and aliases, documents (with their text digest and extractor
version) and MENTIONS, evidence, then one relationship per (subject, relation, object) gains the
chunk's asserted mentions, or is recomputed from all its evidence when a document that
supported it changed.

A document already loaded from the same text and extractor version is skipped; a changed one
has its old evidence replaced and its relationships' counts corrected.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Iterable

from .bundles import MAX_ALIAS_KEY_CHARS, AssertedFact, DocumentBundle, PreparedDocument
from .graph import Graph, TxWriter
from .grouping import bundle_records  # noqa: F401  (where callers found it)
from .item import Item, Rejection
from .names import alias_key
from .prepare import prepared
from .short_names import merge_short_names, surname_keys


@dataclass
class LoadSummary:
    documents_loaded: int = 0
    documents_replaced: int = 0
    documents_skipped: int = 0
    texts_extracted: int = 0  # articles spaCy read
    texts_unchanged: int = 0  # articles known unchanged before spaCy (also among documents_skipped)
    entities_created: int = 0
    entities_present: int = 0
    relationships_created: int = 0
    relationships_updated: int = 0
    relationships_deleted: int = 0
    evidence_created: int = 0
    evidence_present: int = 0
    rejected: list[Rejection] = field(default_factory=list)


@dataclass
class ChunkCounts:
    """What one chunk's transaction did."""

    skipped: int = 0
    loaded: int = 0
    replaced: int = 0
    entities_created: int = 0
    entities_total: int = 0
    evidence_created: int = 0
    evidence_total: int = 0
    relationships_created: int = 0
    relationships_updated: int = 0
    relationships_deleted: int = 0
    # entity id -> the aliases this transaction wrote to it
    entity_aliases: dict[str, list[str]] = field(default_factory=dict)
    # short names this transaction merged into full names (no longer entities)
    merged_away: list[str] = field(default_factory=list)

    def add_to(self, s: LoadSummary) -> None:
        s.documents_skipped += self.skipped
        s.documents_loaded += self.loaded
        s.documents_replaced += self.replaced
        s.entities_created += self.entities_created
        s.entities_present += self.entities_total - self.entities_created
        s.evidence_created += self.evidence_created
        s.evidence_present += self.evidence_total - self.evidence_created
        s.relationships_created += self.relationships_created
        s.relationships_updated += self.relationships_updated
        s.relationships_deleted += self.relationships_deleted


@dataclass(slots=True)
class FactAddition:
    """A chunk's asserted mentions of one fact: added to its relationship (add_to_relationships)."""

    subject_id: str
    relation: str
    object_id: str
    mentions: int = 0
    documents: int = 0
    first_seen: str | None = None  # publication dates
    last_seen: str | None = None
    since: str | None = None  # event dates
    last_asserted: str | None = None

    def add(self, fact: AssertedFact, published: str | None) -> None:
        self.mentions += fact.mentions
        self.documents += 1
        if published is not None:
            self.first_seen = published if self.first_seen is None or published < self.first_seen else self.first_seen
            self.last_seen = published if self.last_seen is None or published > self.last_seen else self.last_seen
        for date in (fact.first, fact.last):
            if date is not None:
                self.since = date if self.since is None or date < self.since else self.since
                self.last_asserted = date if self.last_asserted is None or date > self.last_asserted \
                    else self.last_asserted

    def row(self) -> dict:
        return {"subject_id": self.subject_id, "relation": self.relation, "object_id": self.object_id,
                "mentions": self.mentions, "documents": self.documents, "first_seen": self.first_seen,
                "last_seen": self.last_seen, "since": self.since, "last_asserted": self.last_asserted}


def _fact_row(key: str, subject_id: str, relation: str, object_id: str) -> dict:
    return {"key": key, "subject_id": subject_id, "relation": relation, "object_id": object_id}


# a chunk is written once it holds ``batch_size`` records or its first document has waited this
# long: an interrupted load keeps all but the last few seconds of its work (extraction gives
# about five documents a second, so 10,000 records would otherwise wait minutes)
COMMIT_SECONDS = 2.0


class Loader:
    def __init__(self, graph: Graph, batch_size: int = 10000, on_reject=None,
                 commit_seconds: float = COMMIT_SECONDS):
        self.graph = graph
        self.on_reject = on_reject or (lambda rejection: None)
        self.batch_size = max(1, batch_size)
        self.commit_seconds = commit_seconds
        self.summary = LoadSummary()
        self._schema_applied = False
        # entity id -> aliases this loader has written (committed): such entities are not sent again
        self._written_aliases: dict[str, set[str]] = {}

    def ensure_schema(self) -> None:
        if not self._schema_applied:
            self.graph.apply_schema()
            self._schema_applied = True

    def stored(self, ids: list[str]) -> dict[str, dict]:
        """The text digest and extractor version of those of these documents the graph holds
        (one query): what the preparer checks before extracting a text again."""
        return {row["id"]: row for row in self.graph.read("load/read_documents", {"ids": ids})}

    def write(self, items: Iterable[Item], on_document=None) -> LoadSummary:
        """The writer: ``prepared`` documents written in chunks of about ``batch_size`` records,
        each at the latest when a document arrives ``commit_seconds`` after the chunk's first;
        ``unchanged`` documents counted as skipped, ``rejected`` inputs reported and counted."""
        self.ensure_schema()
        chunk: list[PreparedDocument] = []
        size = 0
        started = 0.0
        for item in items:
            if item.rejected is not None:
                self._reject(item.rejected)
            elif item.unchanged is not None:
                self.summary.documents_skipped += 1
                self.summary.texts_unchanged += 1
                if on_document:
                    on_document(1)
            elif item.prepared is not None:
                if not chunk:
                    started = time.monotonic()
                chunk.append(item.prepared)
                size += item.prepared.size
                if size >= self.batch_size or time.monotonic() - started >= self.commit_seconds:
                    self._load_chunk(chunk, on_document)
                    chunk, size = [], 0
            else:
                raise ValueError(f"the writer takes prepared documents, not {item}")
        if chunk:
            self._load_chunk(chunk, on_document)
        return self.summary

    def load(self, bundles: Iterable[DocumentBundle | Rejection], on_document=None) -> LoadSummary:
        """Records held in memory (``grouping.bundle_records``): prepared, then written."""
        items = (Item(rejected=b) if isinstance(b, Rejection) else Item(records=b) for b in bundles)
        return self.write(prepared(items), on_document)

    def _reject(self, rejection: Rejection) -> None:
        self.summary.rejected.append(rejection)
        self.on_reject(rejection)

    # -------------------------------------------------------------- one chunk

    def _load_chunk(self, chunk: list[PreparedDocument], on_document=None) -> None:
        # Several bundles may carry the same document (the same text in two files): keep one.
        unique: dict[str, PreparedDocument] = {}
        for doc in chunk:
            unique.setdefault(doc.id, doc)
        docs = list(unique.values())
        try:
            counts = self.graph.write_transaction(lambda w: self._write_chunk(w, docs))
        except _EntitiesMissing:
            # entities this loader wrote earlier are gone (a reset or a hand edit during the
            # run): the transaction was rolled back; write the chunk again, sending every entity
            self._written_aliases.clear()
            counts = self.graph.write_transaction(lambda w: self._write_chunk(w, docs))
        # only once the transaction has committed: these entities now carry these aliases
        for entity_id, aliases in counts.entity_aliases.items():
            self._written_aliases.setdefault(entity_id, set()).update(aliases)
        for entity_id in counts.merged_away:  # to be written again when a document names it
            self._written_aliases.pop(entity_id, None)
        counts.skipped += len(chunk) - len(unique)
        counts.add_to(self.summary)
        if on_document:
            on_document(len(chunk))

    def _write_chunk(self, w: TxWriter, docs: list[PreparedDocument]) -> ChunkCounts:
        """Write one chunk of documents in the transaction of ``w``.

        Every document to load first loses whatever evidence and MENTIONS it had (a changed
        document's old version, or debris of a document node deleted by hand), so its MENTIONS
        and evidence are then created, not merged. Facts touched by removed evidence are
        recomputed from all their evidence (refresh_relationships); the facts of the other
        documents only gain this chunk's asserted mentions (add_to_relationships), which is
        exact because those documents were not counted before.
        """
        counts = ChunkCounts()
        w.run("load/lock_loader", [{}])
        # facts with endings, before this chunk's writes (its removed evidence included)
        ending_keys = set(w.read("load/read_ending_keys")[0]["keys"])
        existing = {row["id"]: row for row in w.read("load/read_documents", ids=[d.id for d in docs])}
        to_load: list[PreparedDocument] = []
        for d in docs:
            old = existing.get(d.id)
            if old is not None and old["text_sha256"] is not None \
                    and old["text_sha256"] == d.text_sha256 \
                    and old["extractor_version"] == d.extractor_version:
                continue
            to_load.append(d)
            counts.replaced += old is not None
        counts.skipped = len(docs) - len(to_load)
        counts.loaded = len(to_load)

        # facts whose evidence is removed: recomputed from all their evidence, deleted if unsupported
        recompute: dict[str, dict] = {}
        if to_load:
            rows = [{"doc_id": d.id} for d in to_load]
            for row in w.rows("load/delete_document_evidence", rows):
                recompute[row["key"]] = _fact_row(row["key"], row["subject_id"], row["relation"], row["object_id"])
            if counts.replaced:
                w.run("load/delete_document_mentions", rows)

        entity_writes = self._write_entities(w, to_load, counts)
        all_sent = len(entity_writes) == counts.entities_total
        doc_counts = w.run("load/merge_documents", [d.document_row for d in to_load])
        if not all_sent and doc_counts.get("relationships_created", 0) \
                < sum(len(d.document_row["entity_ids"]) for d in to_load):
            raise _EntitiesMissing()  # some entity not sent this time is not in the graph
        counts.evidence_created = w.run("load/create_evidence", [
            {"doc_id": d.id, "evidence": d.evidence} for d in to_load if d.evidence]).get("nodes_created", 0)
        w.run("load/mark_endings", [{"id": e["id"]} for d in to_load for e in d.evidence if e["props"].get("ends")])
        counts.evidence_total = sum(len(d.evidence) for d in to_load)
        self._write_facts(w, to_load, recompute, ending_keys, counts)
        # across documents: a surname alone merged into the one full name of its type (or split back)
        counts.merged_away = merge_short_names(w, entity_writes)
        return counts

    def _write_entities(self, w: TxWriter, to_load: list[PreparedDocument], counts: ChunkCounts) -> list[dict]:
        """Entities of the chunk (those this loader has written with all these aliases are not
        sent again) and the lookup keys of the aliases they gain; the entity rows sent."""
        entity_rows: dict[str, dict] = {}
        for d in to_load:
            for entity_id, name, etype, aliases in d.entity_rows:
                row = entity_rows.get(entity_id)
                if row is None:
                    entity_rows[entity_id] = {"id": entity_id, "name": name, "type": etype,
                                              "aliases": list(dict.fromkeys(aliases))}
                else:
                    row["aliases"].extend(a for a in dict.fromkeys(aliases) if a not in row["aliases"])
            for entity_id, name, etype in d.reference_rows:
                if entity_id not in entity_rows:
                    entity_rows[entity_id] = {"id": entity_id, "name": name, "type": etype, "aliases": [name]}
        for row in entity_rows.values():
            row["surname"], row["bare_surname"] = surname_keys(row["name"], row["type"])
        written = self._written_aliases
        entity_writes = [row for row in entity_rows.values()
                         if not written.get(row["id"], _NOTHING).issuperset(row["aliases"])]
        ent_counts, added = w.run_returning("load/merge_entities", entity_writes)
        alias_rows: list[dict] = []
        for row in added:
            if not row["added"]:
                continue
            keys = {alias_key(a) for a in row["added"]} | {alias_key(row["id"].replace("-", " "))}
            alias_rows.extend({"key": k, "entity_id": row["id"]} for k in sorted(keys)
                              if k and len(k) <= MAX_ALIAS_KEY_CHARS)
        w.run("load/merge_aliases", alias_rows)
        counts.entities_created = ent_counts.get("nodes_created", 0)
        counts.entities_total = len(entity_rows)
        counts.entity_aliases = {row["id"]: row["aliases"] for row in entity_writes}
        return entity_writes

    def _write_facts(self, w: TxWriter, to_load: list[PreparedDocument], recompute: dict[str, dict],
                     ending_keys: set[str], counts: ChunkCounts) -> None:
        """One relationship per fact: new documents' asserted mentions added, facts whose
        evidence was removed recomputed (deleted when unsupported), and when facts with endings
        hold recomputed from all their evidence."""
        additions: dict[str, FactAddition] = {}
        for d in to_load:
            for key, fact in d.asserted.items():
                add = additions.get(key)
                if add is None:
                    add = additions[key] = FactAddition(fact.subject_id, fact.relation, fact.object_id)
                add.add(fact, d.published)
        add_rows = [additions[key].row() for key in sorted(additions) if key not in recompute]
        added_counts, added_rows = w.run_returning("load/add_to_relationships", add_rows)
        refresh_rows = sorted(recompute.values(), key=lambda r: r["key"])
        refreshed, refreshed_rows = w.run_returning("load/refresh_relationships", refresh_rows)
        deleted = w.run("load/delete_unsupported_relationships", refresh_rows)
        # when facts hold: recomputed from all their evidence for facts that have (or had) endings
        for d in to_load:
            ending_keys.update(d.endings)
        timeline_rows: dict[str, dict] = {}
        for key, add in additions.items():
            if key in ending_keys:
                timeline_rows[key] = _fact_row(key, add.subject_id, add.relation, add.object_id)
        for key, row in recompute.items():
            if key in ending_keys:
                timeline_rows[key] = row
        for d in to_load:
            for key, (s, rel, o) in d.endings.items():
                timeline_rows[key] = _fact_row(key, s, rel, o)
        w.run("load/refresh_timelines", [timeline_rows[k] for k in sorted(timeline_rows)])
        counts.relationships_created = refreshed.get("relationships_created", 0) \
            + added_counts.get("relationships_created", 0)
        counts.relationships_updated = sum(rows[0]["updated"] for rows in (added_rows, refreshed_rows) if rows)
        counts.relationships_deleted = deleted.get("relationships_deleted", 0)


_NOTHING: frozenset = frozenset()


class _EntitiesMissing(Exception):
    """Entities the loader skipped as already written were not found (rolls the chunk back)."""
