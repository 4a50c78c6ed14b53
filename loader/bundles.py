"""Records -> the rows the ``cypher/load`` templates take, one document at a time; no database.

A document's records (``DocumentBundle``) are validated and turned into a ``PreparedDocument``
(``prepare_bundle``): entity, document, evidence rows and the facts the document asserts. This
needs no Neo4j (nothing here imports the driver), so ``kgload load`` runs it for record files
ahead of the writes in its reading thread; ``load.Loader.write`` writes what it gives.
"""

from __future__ import annotations

import re
from typing import Any

from .allowlist import entity_types, relation_types
from .grouping import bundle_records  # noqa: F401  (where callers found it)
from .inputs import ISO_DATE
from .item import AssertedFact, DocumentBundle, Item, PreparedDocument, Rejection
from .records import (
    Record,
    evidence_id_for,
    fact_key,
)

_SCALAR = (str, int, float, bool)
# Indexed values must stay well under Neo4j's index key limit (about 8 kB): longer ids are
# refused, longer names are stored but not made lookup keys.
MAX_ID_CHARS = 512
MAX_ALIAS_KEY_CHARS = 256
MAX_PROPERTY_KEY_CHARS = 100


def bundle_digest(bundle: DocumentBundle) -> str:
    """sha256 of a bundle's records as canonical JSON (stands in for a missing text digest)."""
    import hashlib
    import json

    body = [bundle.document.to_dict(), *(e.to_dict() for e in bundle.entities),
            *(r.to_dict() for r in bundle.relations)]
    return hashlib.sha256(json.dumps(body, sort_keys=True, ensure_ascii=False).encode("utf-8")).hexdigest()


def bundle_from_records(records: list[Record]) -> DocumentBundle:
    """The records the extractor yields for one document (document first), as a bundle."""
    bundle = DocumentBundle(records[0])  # type: ignore[arg-type]
    for r in records[1:]:
        bundle.add(r)
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
        for key in rel.properties:
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
    out: dict[str, Any] = {}
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


def prepare_bundle(bundle: DocumentBundle, source: str | None = None) -> Item:
    """Validate one document's records and build its rows (``prepared``), or say why it must
    not be loaded (``rejected``)."""
    problem = validate_bundle(bundle)
    d = bundle.document
    if problem:
        return Item(rejected=Rejection(f"{source or d.source} (document {d.id})", problem))
    if d.text_sha256 is None:  # records without the digest: digest the records
        d.text_sha256 = "records:" + bundle_digest(bundle)
    entity_rows = [(e.id, e.name, e.type, [e.name, *e.aliases]) for e in bundle.entities]
    mentioned = {e.id for e in bundle.entities}
    reference_rows = []
    # the same mention listed twice in one document counts once; the last listing's details win
    evidence: dict[str, dict] = {}
    asserted: dict[str, AssertedFact] = {}
    endings: dict[str, tuple[str, str, str]] = {}
    for r in bundle.relations:
        for ref in (r.subject, r.object, r.reported_by):
            if ref is not None:
                reference_rows.append((ref.id, ref.name, ref.type))
        mentioned.add(r.subject.id)
        mentioned.add(r.object.id)
        if r.reported_by is not None:  # a document mentions whoever it says reported a claim
            mentioned.add(r.reported_by.id)
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
        if r.reported_by is not None:
            props["reported_by_id"] = r.reported_by.id
        key = fact_key(r.subject.id, r.relation, r.object.id)
        # the evidence node's every property, so that the server only sets the map
        props["id"] = evidence_id
        props["key"] = key
        props["doc_id"] = d.id
        if d.published is not None:
            props["published"] = d.published
        evidence[evidence_id] = {"id": evidence_id, "props": props}
        if r.ends:
            props["ends"] = True  # an ending: evidence that the fact stopped holding
        if r.status == "asserted" and r.ends:
            endings[key] = (r.subject.id, r.relation, r.object.id)
        if r.states_fact and not repeated:
            date = props.get("event_date") if isinstance(props.get("event_date"), str) else d.published
            fact = asserted.get(key)
            if fact is None:
                asserted[key] = AssertedFact(r.subject.id, r.relation, r.object.id, 1, date, date)
            else:
                fact.mentions += 1
                fact.widen(date, date)
    return Item(prepared=PreparedDocument(
        id=d.id, text_sha256=d.text_sha256, extractor_version=d.extractor_version,
        published=d.published, size=bundle.size,
        document_row={
            "id": d.id, "source": d.source, "title": d.title, "url": d.url, "published": d.published,
            "author": d.author, "text_sha256": d.text_sha256, "extractor_version": d.extractor_version,
            "entity_ids": sorted(mentioned),
        },
        entity_rows=entity_rows, reference_rows=reference_rows,
        evidence=list(evidence.values()), asserted=asserted, endings=endings,
    ))
