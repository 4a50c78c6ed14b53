"""The record types of product.md, in one place.

Extraction produces them, ``kgload extract`` writes them as JSONL (one object per line, each
with ``kind``), and loading consumes them. Neither side knows the other.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, field
from typing import Any, Iterable, Iterator

ENTITY_TYPES = ("Person", "Country", "Organization", "Place")


class RecordError(ValueError):
    """A record line that does not have the shape of product.md."""


def text_digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def document_id_for(text: str) -> str:
    """A document's id when its input gives none: ``sha256:`` + hex digest of its text."""
    return "sha256:" + text_digest(text)


@dataclass(frozen=True)
class EntityRef:
    id: str
    name: str
    type: str

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "name": self.name, "type": self.type}


@dataclass
class DocumentRecord:
    id: str
    source: str
    title: str | None = None
    url: str | None = None
    published: str | None = None
    text_sha256: str | None = None
    extractor_version: str | None = None
    kind: str = field(default="document", init=False)

    def to_dict(self) -> dict[str, Any]:
        data = {"kind": self.kind, **{k: v for k, v in asdict(self).items() if k != "kind"}}
        return data


@dataclass
class EntityRecord:
    id: str
    name: str
    type: str
    doc_id: str
    aliases: list[str] = field(default_factory=list)
    kind: str = field(default="entity", init=False)

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "id": self.id,
            "name": self.name,
            "type": self.type,
            "aliases": list(self.aliases),
            "doc_id": self.doc_id,
        }


@dataclass
class Evidence:
    sentence: str
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {"sentence": self.sentence, "start": self.start, "end": self.end}


@dataclass
class RelationRecord:
    doc_id: str
    subject: EntityRef
    relation: str
    object: EntityRef
    evidence: Evidence
    confidence: float = 0.9
    properties: dict[str, Any] = field(default_factory=dict)
    # "asserted" for a plain fact; "negated" / "hypothetical" / "questioned" are kept out of
    # the plain relationships by the loader.
    status: str = "asserted"
    reported_by: EntityRef | None = None
    kind: str = field(default="relation", init=False)

    @property
    def triple(self) -> tuple[str, str, str]:
        return (self.subject.id, self.relation, self.object.id)

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "kind": self.kind,
            "doc_id": self.doc_id,
            "subject": self.subject.to_dict(),
            "relation": self.relation,
            "object": self.object.to_dict(),
            "evidence": self.evidence.to_dict(),
            "confidence": self.confidence,
            "properties": dict(self.properties),
        }
        if self.status != "asserted":
            data["status"] = self.status
        if self.reported_by is not None:
            data["reported_by"] = self.reported_by.to_dict()
        return data


Record = DocumentRecord | EntityRecord | RelationRecord


def _require(data: dict, key: str, kind: type | tuple[type, ...]) -> Any:
    if key not in data:
        raise RecordError(f"missing field {key!r}")
    value = data[key]
    if not isinstance(value, kind) or isinstance(value, bool) and kind is not bool:
        raise RecordError(f"field {key!r} has the wrong type ({type(value).__name__})")
    return value


def _optional_str(data: dict, key: str) -> str | None:
    value = data.get(key)
    if value is not None and not isinstance(value, str):
        raise RecordError(f"field {key!r} must be a string")
    return value


def _entity_ref(data: Any, key: str) -> EntityRef:
    if not isinstance(data, dict):
        raise RecordError(f"field {key!r} must be an object with id, name and type")
    return EntityRef(
        id=_require(data, "id", str),
        name=_require(data, "name", str),
        type=_require(data, "type", str),
    )


def record_from_dict(data: Any) -> Record:
    """Build a record from one parsed JSON line; raise RecordError with the reason."""
    if not isinstance(data, dict):
        raise RecordError("a record must be a JSON object")
    kind = data.get("kind")
    if kind == "document":
        return DocumentRecord(
            id=_require(data, "id", str),
            source=_require(data, "source", str),
            title=_optional_str(data, "title"),
            url=_optional_str(data, "url"),
            published=_optional_str(data, "published"),
            text_sha256=_optional_str(data, "text_sha256"),
            extractor_version=_optional_str(data, "extractor_version"),
        )
    if kind == "entity":
        aliases = data.get("aliases", [])
        if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
            raise RecordError("field 'aliases' must be a list of strings")
        return EntityRecord(
            id=_require(data, "id", str),
            name=_require(data, "name", str),
            type=_require(data, "type", str),
            doc_id=_require(data, "doc_id", str),
            aliases=aliases,
        )
    if kind == "relation":
        ev = _require(data, "evidence", dict)
        confidence = data.get("confidence", 0.9)
        if not isinstance(confidence, (int, float)) or isinstance(confidence, bool):
            raise RecordError("field 'confidence' must be a number")
        properties = data.get("properties", {})
        if not isinstance(properties, dict):
            raise RecordError("field 'properties' must be an object")
        status = data.get("status", "asserted")
        if not isinstance(status, str):
            raise RecordError("field 'status' must be a string")
        reported = data.get("reported_by")
        return RelationRecord(
            doc_id=_require(data, "doc_id", str),
            subject=_entity_ref(data.get("subject"), "subject"),
            relation=_require(data, "relation", str),
            object=_entity_ref(data.get("object"), "object"),
            evidence=Evidence(
                sentence=_require(ev, "sentence", str),
                start=_require(ev, "start", int),
                end=_require(ev, "end", int),
            ),
            confidence=float(confidence),
            properties=properties,
            status=status,
            reported_by=_entity_ref(reported, "reported_by") if reported is not None else None,
        )
    raise RecordError(f"unknown record kind {kind!r}")


def dump_records(records: Iterable[Record]) -> Iterator[str]:
    for record in records:
        yield json.dumps(record.to_dict(), ensure_ascii=False)


def name_key(name: str) -> str:
    """Normalised lookup key of a name: lower case, accents and punctuation removed,
    white space and hyphens folded to single spaces ("Juan Guaidó" -> "juan guaido",
    "U.S." -> "us"). The canned queries compute the same key in Cypher."""
    import unicodedata

    out = []
    for ch in unicodedata.normalize("NFD", name.strip().lower()):
        if unicodedata.category(ch)[0] in "LN":
            out.append(ch)
        elif ch in " \t\n\r\x0b\x0c-":
            out.append(" ")
    return " ".join("".join(out).split())


def evidence_id_for(rel: "RelationRecord") -> str:
    """Stable id of one relation mention: the same input gives the same id on every run."""
    raw = "|".join(
        [rel.doc_id, rel.subject.id, rel.relation, rel.object.id,
         str(rel.evidence.start), str(rel.evidence.end), rel.status]
    )
    return "ev:" + hashlib.sha256(raw.encode("utf-8")).hexdigest()[:32]


def fact_key(subject_id: str, relation: str, object_id: str) -> str:
    return f"{subject_id}|{relation}|{object_id}"
