"""Load extracted records into Neo4j through the ``cypher/load`` templates.

Per chunk of documents, everything is written in one transaction (a crash or outage leaves no
half-loaded document): entities and aliases, documents (with their text digest and extractor
version) and MENTIONS, evidence, then one relationship per (subject, relation, object) gains the
chunk's asserted mentions, or is recomputed from all its evidence when a document that
supported it changed.

A document already loaded from the same text and extractor version is skipped; a changed one
has its old evidence replaced and its relationships' counts corrected.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Iterable, Iterator

from .allowlist import entity_types, relation_types
from .graph import Graph, TxWriter
from .inputs import ISO_DATE, Rejection
from .names import alias_key
from .records import (
    DocumentRecord,
    EntityRecord,
    Record,
    RelationRecord,
    evidence_id_for,
    fact_key,
)

_SCALAR = (str, int, float, bool)
# Indexed values must stay well under Neo4j's index key limit (about 8 kB): longer ids are
# refused, longer names are stored but not made lookup keys.
MAX_ID_CHARS = 512
MAX_ALIAS_KEY_CHARS = 256
MAX_PROPERTY_KEY_CHARS = 100


@dataclass
class DocumentBundle:
    """All records of one document."""

    document: DocumentRecord
    entities: list[EntityRecord] = field(default_factory=list)
    relations: list[RelationRecord] = field(default_factory=list)

    @property
    def size(self) -> int:
        return 1 + len(self.entities) + len(self.relations)


@dataclass
class LoadSummary:
    documents_loaded: int = 0
    documents_replaced: int = 0
    documents_skipped: int = 0
    entities_created: int = 0
    entities_present: int = 0
    relationships_created: int = 0
    relationships_updated: int = 0
    relationships_deleted: int = 0
    evidence_created: int = 0
    evidence_present: int = 0
    rejected: list[Rejection] = field(default_factory=list)


def bundle_records(records: Iterable[Record], source: str = "records") -> Iterator[DocumentBundle | Rejection]:
    """Group a flat stream of records (as ``kgload extract`` writes them) per document."""
    bundles: dict[str, DocumentBundle] = {}
    orphans: dict[str, list[Record]] = defaultdict(list)
    order: list[str] = []
    for record in records:
        if isinstance(record, DocumentRecord):
            if record.id not in bundles:
                bundles[record.id] = DocumentBundle(record)
                order.append(record.id)
            continue
        bundle = bundles.get(record.doc_id)
        if bundle is None:
            orphans[record.doc_id].append(record)
            continue
        (bundle.entities if isinstance(record, EntityRecord) else bundle.relations).append(record)
    for doc_id, recs in orphans.items():
        if doc_id in bundles:
            for r in recs:
                (bundles[doc_id].entities if isinstance(r, EntityRecord) else bundles[doc_id].relations).append(r)
        else:
            yield Rejection(source, f"{len(recs)} record(s) for document {doc_id!r} with no document record before them")
    for doc_id in order:
        yield bundles[doc_id]


def bundle_digest(bundle: DocumentBundle) -> str:
    """sha256 of a bundle's records as canonical JSON (stands in for a missing text digest)."""
    import hashlib
    import json

    body = [bundle.document.to_dict(), *(e.to_dict() for e in bundle.entities),
            *(r.to_dict() for r in bundle.relations)]
    return hashlib.sha256(json.dumps(body, sort_keys=True, ensure_ascii=False).encode("utf-8")).hexdigest()


def bundle_from_records(records: list[Record]) -> DocumentBundle:
    """The records the extractor yields for one document, as a bundle."""
    doc = records[0]
    assert isinstance(doc, DocumentRecord)
    bundle = DocumentBundle(doc)
    for r in records[1:]:
        (bundle.entities if isinstance(r, EntityRecord) else bundle.relations).append(r)
    return bundle


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def validate_bundle(bundle: DocumentBundle) -> str | None:
    """Why this document must not be loaded (labels or types outside the allowlist), or None."""
    etypes, rtypes = entity_types(), relation_types()
    ids = [bundle.document.id, *(e.id for e in bundle.entities)]
    ids += [ref.id for r in bundle.relations for ref in (r.subject, r.object, r.reported_by) if ref]
    for i in ids:
        if not i or len(i) > MAX_ID_CHARS:
            return f"id of {len(i):,} characters (ids must have 1 to {MAX_ID_CHARS})"
    for rel in bundle.relations:
        if rel.doc_id != bundle.document.id:
            return f"relation record of document {rel.doc_id!r} among the records of document {bundle.document.id!r}"
        for key, value in rel.properties.items():
            if not isinstance(key, str) or not key or "\x00" in key or len(key) > MAX_PROPERTY_KEY_CHARS \
                    or "`" in key:
                return f"relation property name {key!r} is not allowed (1 to {MAX_PROPERTY_KEY_CHARS} characters, no NUL or backtick)"
        for number in (rel.evidence.start, rel.evidence.end):
            if not 0 <= number < 2**62:
                return f"evidence offset {number} is out of range"
    published = bundle.document.published
    if published is not None and not ISO_DATE.fullmatch(published):
        return f"published {published!r} is not a date (YYYY-MM-DD)"
    for ent in bundle.entities:
        if ent.type not in etypes:
            return f"entity {ent.name!r} has type {ent.type!r}, not one of {', '.join(sorted(etypes))}"
    for rel in bundle.relations:
        if rel.relation not in rtypes:
            return f"relation type {rel.relation!r} is not in the relation lexicon"
        for ref in (rel.subject, rel.object, rel.reported_by):
            if ref is not None and ref.type not in etypes:
                return f"entity {ref.name!r} has type {ref.type!r}, not one of {', '.join(sorted(etypes))}"
    return None


def _clean_properties(props: dict) -> dict:
    """Evidence properties Neo4j can store: scalars and lists of scalars of one type."""
    out = {}
    for key, value in props.items():
        if key in _RESERVED_EVIDENCE_KEYS or not isinstance(key, str):
            continue
        if isinstance(value, _SCALAR):
            out[key] = value
        elif isinstance(value, list) and value and all(isinstance(v, str) for v in value):
            out[key] = value
        elif value is not None:
            out[key] = str(value)
    return out


_RESERVED_EVIDENCE_KEYS = {
    "id", "key", "doc_id", "subject_id", "relation", "object_id", "sentence", "start", "end",
    "confidence", "status", "reported_by_id", "published", "ends",
}


@dataclass
class PreparedDocument:
    """One valid document turned into the rows the load templates take (see ``prepare_bundle``).

    Preparing needs no database, so it can run ahead of the writes (in the reading thread)."""

    id: str
    text_sha256: str
    extractor_version: str | None
    published: str | None
    size: int
    document_row: dict
    # (id, name, type, aliases) from the entity records, then the relations' entities not among them
    entity_rows: list[tuple[str, str, str, list[str]]]
    reference_rows: list[tuple[str, str, str]]
    evidence: list[dict]
    # fact key -> [subject_id, relation, object_id, asserted mentions in this document,
    #              earliest and latest event date (the sentence's event_date, else published)]
    asserted: dict[str, list]
    # fact key -> (subject_id, relation, object_id) of the asserted endings in this document
    endings: dict[str, tuple[str, str, str]] = field(default_factory=dict)


def prepare_bundle(bundle: DocumentBundle, source: str | None = None) -> PreparedDocument | Rejection:
    """Validate one document's records and build its rows, or say why it must not be loaded."""
    problem = validate_bundle(bundle)
    d = bundle.document
    if problem:
        return Rejection(f"{source or d.source} (document {d.id})", problem)
    if d.text_sha256 is None:  # records without the digest: digest the records
        d.text_sha256 = "records:" + bundle_digest(bundle)
    entity_rows = [(e.id, e.name, e.type, [e.name, *e.aliases]) for e in bundle.entities]
    mentioned = {e.id for e in bundle.entities}
    reference_rows = []
    # the same mention listed twice in one document counts once; the last listing's details win
    evidence: dict[str, dict] = {}
    asserted: dict[str, list] = {}
    endings: dict[str, tuple[str, str, str]] = {}
    for r in bundle.relations:
        for ref in (r.subject, r.object, r.reported_by):
            if ref is not None:
                reference_rows.append((ref.id, ref.name, ref.type))
        mentioned.add(r.subject.id)
        mentioned.add(r.object.id)
        evidence_id = evidence_id_for(r)
        repeated = evidence_id in evidence
        props = _clean_properties(r.properties) if r.properties else {}
        props["subject_id"] = r.subject.id
        props["relation"] = r.relation
        props["object_id"] = r.object.id
        props["sentence"] = r.evidence.sentence
        props["start"] = r.evidence.start
        props["end"] = r.evidence.end
        props["confidence"] = r.confidence
        props["status"] = r.status
        props["reported_by_id"] = r.reported_by.id if r.reported_by else None
        evidence[evidence_id] = {"id": evidence_id, "props": props}
        if r.ends:
            props["ends"] = True  # an ending: evidence that the fact stopped holding
        if r.status == "asserted" and r.ends:
            endings[fact_key(r.subject.id, r.relation, r.object.id)] = (r.subject.id, r.relation, r.object.id)
        if r.states_fact and not repeated:
            key = fact_key(r.subject.id, r.relation, r.object.id)
            date = props.get("event_date") if isinstance(props.get("event_date"), str) else d.published
            fact = asserted.get(key)
            if fact is None:
                asserted[key] = [r.subject.id, r.relation, r.object.id, 1, date, date]
            else:
                fact[3] += 1
                if date is not None:
                    fact[4] = date if fact[4] is None or date < fact[4] else fact[4]
                    fact[5] = date if fact[5] is None or date > fact[5] else fact[5]
    return PreparedDocument(
        id=d.id, text_sha256=d.text_sha256, extractor_version=d.extractor_version,
        published=d.published, size=bundle.size,
        document_row={
            "id": d.id, "source": d.source, "title": d.title, "url": d.url, "published": d.published,
            "text_sha256": d.text_sha256, "extractor_version": d.extractor_version,
            "entity_ids": sorted(mentioned),
        },
        entity_rows=entity_rows, reference_rows=reference_rows,
        evidence=list(evidence.values()), asserted=asserted, endings=endings,
    )


class Loader:
    def __init__(self, graph: Graph, batch_size: int = 10000, on_reject=None):
        self.graph = graph
        self.on_reject = on_reject or (lambda rejection: None)
        self.batch_size = max(1, batch_size)
        self.summary = LoadSummary()
        self._schema_applied = False
        # entity id -> aliases this loader has written (committed): such entities are not sent again
        self._written_aliases: dict[str, set[str]] = {}

    def ensure_schema(self) -> None:
        if not self._schema_applied:
            self.graph.apply_schema()
            self._schema_applied = True

    def load(self, bundles: Iterable[DocumentBundle | PreparedDocument | Rejection], on_document=None) -> LoadSummary:
        """Load documents in chunks of about ``batch_size`` records; rejections are counted.
        Bundles not yet prepared (``prepare_bundle``) are prepared here."""
        self.ensure_schema()
        chunk: list[PreparedDocument] = []
        size = 0
        for item in bundles:
            if isinstance(item, DocumentBundle):
                item = prepare_bundle(item)
            if isinstance(item, Rejection):
                self._reject(item)
                continue
            chunk.append(item)
            size += item.size
            if size >= self.batch_size:
                self._load_chunk(chunk, on_document)
                chunk, size = [], 0
        if chunk:
            self._load_chunk(chunk, on_document)
        return self.summary

    def _reject(self, rejection: Rejection) -> None:
        self.summary.rejected.append(rejection)
        self.on_reject(rejection)

    # -------------------------------------------------------------- one chunk

    def _load_chunk(self, chunk: list[PreparedDocument], on_document=None) -> None:
        # Several bundles may carry the same document (the same text in two files): keep one.
        unique: dict[str, PreparedDocument] = {}
        for doc in chunk:
            unique.setdefault(doc.id, doc)
        duplicates = len(chunk) - len(unique)
        docs = list(unique.values())
        try:
            result = self.graph.write_transaction(lambda w: self._write_chunk(w, docs))
        except _EntitiesMissing:
            # entities this loader wrote earlier are gone (a reset or a hand edit during the
            # run): the transaction was rolled back; write the chunk again, sending every entity
            self._written_aliases.clear()
            result = self.graph.write_transaction(lambda w: self._write_chunk(w, docs))
        # only once the transaction has committed: these entities now carry these aliases
        for entity_id, aliases in result["entity_aliases"].items():
            self._written_aliases.setdefault(entity_id, set()).update(aliases)
        s = self.summary
        s.documents_skipped += result["skipped"] + duplicates
        s.documents_loaded += result["loaded"]
        s.documents_replaced += result["replaced"]
        s.entities_created += result["entities_created"]
        s.entities_present += result["entities_total"] - result["entities_created"]
        s.evidence_created += result["evidence_created"]
        s.evidence_present += result["evidence_total"] - result["evidence_created"]
        s.relationships_created += result["rels_created"]
        s.relationships_deleted += result["rels_deleted"]
        s.relationships_updated += result["rels_updated"]
        if on_document:
            on_document(len(chunk))

    def _write_chunk(self, w: TxWriter, docs: list[PreparedDocument]) -> dict:
        """Write one chunk of documents in the transaction of ``w``.

        Every document to load first loses whatever evidence and MENTIONS it had (a changed
        document's old version, or debris of a document node deleted by hand), so its MENTIONS
        and evidence are then created, not merged. Facts touched by removed evidence are
        recomputed from all their evidence (refresh_relationships); the facts of the other
        documents only gain this chunk's asserted mentions (add_to_relationships), which is
        exact because those documents were not counted before.
        """
        w.run("load/lock_loader", [{}])
        # facts with endings, before this chunk's writes (its removed evidence included)
        ending_keys = set(w.tx.run(_cypher("load/read_ending_keys")).single()["keys"])
        existing = {
            row["id"]: row
            for row in w.tx.run(_read_documents(), ids=[d.id for d in docs]).data()
        }
        to_load: list[PreparedDocument] = []
        replaced = 0
        for d in docs:
            old = existing.get(d.id)
            if old is not None and old["text_sha256"] is not None \
                    and old["text_sha256"] == d.text_sha256 \
                    and old["extractor_version"] == d.extractor_version:
                continue
            to_load.append(d)
            replaced += old is not None
        skipped = len(docs) - len(to_load)

        # facts whose evidence is removed: recomputed from all their evidence, deleted if unsupported
        recompute: dict[str, dict] = {}
        if to_load:
            rows = [{"doc_id": d.id} for d in to_load]
            for row in w.rows("load/delete_document_evidence", rows):
                recompute[row["key"]] = {k: row[k] for k in ("key", "subject_id", "relation", "object_id")}
            if replaced:
                w.run("load/delete_document_mentions", rows)

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
        # an entity this loader has already written with all these aliases needs no write
        written = self._written_aliases
        entity_writes = [row for row in entity_rows.values()
                         if not written.get(row["id"], _NOTHING).issuperset(row["aliases"])]
        ent_counts, added = w.run_returning("load/merge_entities", entity_writes)
        alias_rows = []
        for row in added:
            if not row["added"]:
                continue
            keys = {alias_key(a) for a in row["added"]} | {alias_key(row["id"].replace("-", " "))}
            alias_rows.extend({"key": k, "entity_id": row["id"]} for k in sorted(keys)
                              if k and len(k) <= MAX_ALIAS_KEY_CHARS)
        w.run("load/merge_aliases", alias_rows)

        doc_counts = w.run("load/merge_documents", [d.document_row for d in to_load])
        if len(entity_writes) < len(entity_rows) and doc_counts.get("relationships_created", 0) \
                < sum(len(d.document_row["entity_ids"]) for d in to_load):
            raise _EntitiesMissing()  # some entity not sent this time is not in the graph
        ev_counts = w.run("load/create_evidence",
                          [{"doc_id": d.id, "evidence": d.evidence} for d in to_load if d.evidence])

        # asserted mentions per fact key: [subject_id, relation, object_id, mentions, documents,
        # publication dates, event dates]
        additions: dict[str, list] = {}
        for d in to_load:
            for key, (subject_id, relation, object_id, mentions, first, last) in d.asserted.items():
                add = additions.get(key)
                if add is None:
                    add = additions[key] = [subject_id, relation, object_id, 0, 0, [], []]
                add[3] += mentions
                add[4] += 1
                if d.published is not None:
                    add[5].append(d.published)
                add[6].extend(x for x in (first, last) if x is not None)
        add_rows = [
            {"subject_id": s, "relation": rel, "object_id": o, "mentions": n, "documents": n_docs,
             "first_seen": min(dates) if dates else None, "last_seen": max(dates) if dates else None,
             "since": min(events) if events else None, "last_asserted": max(events) if events else None}
            for key, (s, rel, o, n, n_docs, dates, events) in sorted(additions.items()) if key not in recompute
        ]
        added_counts, added_rows = w.run_returning("load/add_to_relationships", add_rows)
        refresh_rows = sorted(recompute.values(), key=lambda r: r["key"])
        refreshed, refreshed_rows = w.run_returning("load/refresh_relationships", refresh_rows)
        deleted = w.run("load/delete_unsupported_relationships", refresh_rows)
        # when facts hold: recomputed from all their evidence for facts that have (or had) endings
        for d in to_load:
            ending_keys.update(d.endings)
        timeline_rows: dict[str, dict] = {}
        for key, (s, rel, o, *_rest) in additions.items():
            if key in ending_keys:
                timeline_rows[key] = {"key": key, "subject_id": s, "relation": rel, "object_id": o}
        for key, row in recompute.items():
            if key in ending_keys:
                timeline_rows[key] = row
        for d in to_load:
            for key, (s, rel, o) in d.endings.items():
                timeline_rows[key] = {"key": key, "subject_id": s, "relation": rel, "object_id": o}
        w.run("load/refresh_timelines", [timeline_rows[k] for k in sorted(timeline_rows)])
        return {
            "skipped": skipped,
            "loaded": len(to_load),
            "replaced": replaced,
            "entity_aliases": {row["id"]: row["aliases"] for row in entity_writes},
            "entities_created": ent_counts.get("nodes_created", 0),
            "entities_total": len(entity_rows),
            "evidence_created": ev_counts.get("nodes_created", 0),
            "evidence_total": sum(len(d.evidence) for d in to_load),
            "rels_created": refreshed.get("relationships_created", 0) + added_counts.get("relationships_created", 0),
            "rels_updated": sum(rows[0]["updated"] for rows in (added_rows, refreshed_rows) if rows),
            "rels_deleted": deleted.get("relationships_deleted", 0),
        }


_NOTHING: frozenset = frozenset()


class _EntitiesMissing(Exception):
    """Entities the loader skipped as already written were not found (rolls the chunk back)."""


def _cypher(name: str) -> str:
    from . import cypher

    return cypher.load(name)


def _read_documents() -> str:
    return _cypher("load/read_documents")
