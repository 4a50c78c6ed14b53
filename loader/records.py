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
    # "asserted" for a plain fact; "reported" (someone else's claim, see reported_by),
    # "negated" / "hypothetical" / "questioned" are kept out of the plain relationships by the
    # loader.
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
            # flags for readers that check booleans: a negated statement, or one not stated as
            # a fact (reported, hypothetical or questioned); readers of kgload go by ``status``
            data["negated" if self.status == "negated" else "hypothetical"] = True
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
    record = plain_record_from_dict(data)
    return record if record is not None else _checked_record_from_dict(data)


# Floats this large may be integers that a fast JSON parser (orjson) turned into floats.
_BIG = float(2**63)
_MISSING = object()


def _plain_value(value: Any, depth: int = 0) -> bool:
    """A JSON value of exact built-in types, nested at most 32 deep, with no NaN and no float
    of 2**63 or more."""
    t = type(value)
    if t is str or t is int or t is bool or value is None:
        return True
    if t is float:
        return -_BIG < value < _BIG
    if depth >= 32:
        return False
    if t is list:
        items = value
    elif t is dict:
        items = value.values()
    else:
        return False
    for item in items:
        if not _plain_value(item, depth + 1):
            return False
    return True


def _plain_ref(data: Any) -> EntityRef | None:
    if type(data) is dict:
        id_, name, type_ = data.get("id"), data.get("name"), data.get("type")
        if type(id_) is str and type(name) is str and type(type_) is str:
            return EntityRef(id_, name, type_)
    return None


def _plain_document(data: dict) -> DocumentRecord | None:
    get = data.get
    id_, source = get("id"), get("source")
    title, url, published = get("title"), get("url"), get("published")
    digest, version = get("text_sha256"), get("extractor_version")
    if type(id_) is str and type(source) is str \
            and (title is None or type(title) is str) and (url is None or type(url) is str) \
            and (published is None or type(published) is str) \
            and (digest is None or type(digest) is str) and (version is None or type(version) is str):
        return DocumentRecord(id_, source, title, url, published, digest, version)
    return None


def _plain_entity(data: dict) -> EntityRecord | None:
    get = data.get
    id_, name, type_, doc_id = get("id"), get("name"), get("type"), get("doc_id")
    aliases = get("aliases", _MISSING)
    if aliases is _MISSING:
        aliases = []
    elif type(aliases) is not list:
        return None
    else:
        for alias in aliases:
            if type(alias) is not str:
                return None
    if type(id_) is str and type(name) is str and type(type_) is str and type(doc_id) is str:
        return EntityRecord(id_, name, type_, doc_id, aliases)
    return None


def _plain_relation(data: dict) -> RelationRecord | None:
    get = data.get
    doc_id, relation, ev = get("doc_id"), get("relation"), get("evidence")
    confidence, status = get("confidence", 0.9), get("status", "asserted")
    if not (type(doc_id) is str and type(relation) is str and type(ev) is dict and type(status) is str):
        return None
    t = type(confidence)
    if not ((t is float or t is int) and -_BIG < confidence < _BIG):
        return None
    sentence, start, end = ev.get("sentence"), ev.get("start"), ev.get("end")
    if not (type(sentence) is str and type(start) is int and type(end) is int):
        return None
    properties = get("properties", _MISSING)
    if properties is _MISSING:
        properties = {}
    elif type(properties) is not dict or properties and not _plain_value(properties):
        return None
    subject, object_ = _plain_ref(get("subject")), _plain_ref(get("object"))
    if subject is None or object_ is None:
        return None
    reported = get("reported_by")
    if reported is not None:
        reported = _plain_ref(reported)
        if reported is None:
            return None
    return RelationRecord(doc_id, subject, relation, object_, Evidence(sentence, start, end),
                          float(confidence), properties, status, reported)


_PLAIN = {"document": _plain_document, "entity": _plain_entity, "relation": _plain_relation}


def plain_record_from_dict(data: Any) -> Record | None:
    """The record of a well-formed line, in a few direct type checks; None when anything is
    unusual: a wrong or missing field, but also a subclass of a JSON type, NaN, properties
    nested deeply, or a float of 2**63 or more (orjson makes floats of integers too large
    for 64 bits, where ``json.loads`` keeps them ints). ``record_from_dict`` then builds the
    record field by field and says what is wrong. Whatever this accepts, both give equal
    records."""
    if type(data) is dict:
        kind = data.get("kind")
        if type(kind) is str:
            build = _PLAIN.get(kind)
            if build is not None:
                return build(data)
    return None


def _checked_record_from_dict(data: Any) -> Record:
    """Build a record field by field, raising RecordError with the first thing wrong."""
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


def evidence_id_for(rel: "RelationRecord") -> str:
    """Stable id of one relation mention: the same input gives the same id on every run."""
    raw = "|".join(
        [rel.doc_id, rel.subject.id, rel.relation, rel.object.id,
         str(rel.evidence.start), str(rel.evidence.end), rel.status]
    )
    return "ev:" + hashlib.sha256(raw.encode("utf-8")).hexdigest()[:32]


def fact_key(subject_id: str, relation: str, object_id: str) -> str:
    return f"{subject_id}|{relation}|{object_id}"
