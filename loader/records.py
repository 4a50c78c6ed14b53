"""The record types of product.md, in one place: one typed model, read and checked in one pass.

Extraction produces them, ``kgload extract`` writes them as JSONL (one object per line, each
with ``kind``), and loading consumes them. Neither side knows the other.

The three kinds are msgspec structs, a union tagged on ``kind``: ``record_from_json`` decodes
and validates a line in one pass (no intermediate dict), ``record_from_dict`` checks an
already-parsed object against the same model. Every refusal is one ``RecordError`` whose
message names the field, worded as kgload has always worded it ("missing field 'id'",
"field 'start' has the wrong type (str)").
"""

from __future__ import annotations

import hashlib
import json
import re
from typing import Any, ClassVar, Iterable, Iterator, Literal, get_args

import msgspec

ENTITY_TYPES = ("Person", "Country", "Organization", "Place")

# How a relation's sentence states it: a plain fact, a party's claim about another (see
# ``reported_by``), or kept out of the plain relationships by the loader.
Status = Literal["asserted", "reported", "questioned", "hypothetical", "negated"]
STATUSES: tuple[str, ...] = get_args(Status)


class RecordError(ValueError):
    """A record line that does not have the shape of product.md."""


def text_digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def document_id_for(text: str) -> str:
    """A document's id when its input gives none: ``sha256:`` + hex digest of its text."""
    return "sha256:" + text_digest(text)


# Records hold only strings, numbers, lists and dicts of the JSON they came from, never
# themselves: no reference cycle, so the garbage collector need not track them (gc=False), which
# keeps a load of millions of records from triggering collections.

class EntityRef(msgspec.Struct, frozen=True, gc=False):
    id: str
    name: str
    type: str

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "name": self.name, "type": self.type}


class DocumentRecord(msgspec.Struct, tag_field="kind", tag="document", gc=False):
    id: str
    source: str
    title: str | None = None
    url: str | None = None
    published: str | None = None
    text_sha256: str | None = None
    extractor_version: str | None = None
    author: str | None = None  # last, so that records built by position stay as they were
    kind: ClassVar[str] = "document"

    @property
    def document_id(self) -> str:
        """The document this record belongs to (every record kind has one)."""
        return self.id

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "id": self.id,
            "source": self.source,
            "title": self.title,
            "url": self.url,
            "published": self.published,
            "author": self.author,
            "text_sha256": self.text_sha256,
            "extractor_version": self.extractor_version,
        }


class EntityRecord(msgspec.Struct, tag_field="kind", tag="entity", gc=False):
    id: str
    name: str
    type: str
    doc_id: str
    aliases: list[str] = []  # a new list for each record
    kind: ClassVar[str] = "entity"

    @property
    def document_id(self) -> str:
        return self.doc_id

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "id": self.id,
            "name": self.name,
            "type": self.type,
            "aliases": list(self.aliases),
            "doc_id": self.doc_id,
        }


class Evidence(msgspec.Struct, gc=False):
    sentence: str
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {"sentence": self.sentence, "start": self.start, "end": self.end}


class RelationRecord(msgspec.Struct, tag_field="kind", tag="relation", gc=False):
    doc_id: str
    subject: EntityRef
    relation: str
    object: EntityRef
    evidence: Evidence
    confidence: float = 0.9
    properties: dict[str, Any] = {}  # a new dict for each record
    # "asserted" for a plain fact; "reported" (someone else's claim, see reported_by),
    # "negated" / "hypothetical" / "questioned" are kept out of the plain relationships by the
    # loader. Written only when not "asserted"; the flags ``negated`` / ``hypothetical`` written
    # beside it are for other tools and are not read back (unknown keys are ignored).
    status: Status = "asserted"
    reported_by: EntityRef | None = None
    # an ending event: the relation stops holding ("withdrew its recognition of", "pulled its
    # troops out of"); written only when true, with the flag ``negated`` for other tools (an
    # ending is no assertion that the relation holds)
    ends: bool = False
    kind: ClassVar[str] = "relation"

    @property
    def document_id(self) -> str:
        return self.doc_id

    @property
    def triple(self) -> tuple[str, str, str]:
        return (self.subject.id, self.relation, self.object.id)

    @property
    def states_fact(self) -> bool:
        """Does the record state that the relation holds (asserted, and no ending)?"""
        return self.status == "asserted" and not self.ends

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
        if self.ends:
            data["ends"] = True
            data["negated"] = True
        return data


Record = DocumentRecord | EntityRecord | RelationRecord

_DECODER = msgspec.json.Decoder(Record)


def record_from_json(line: str | bytes) -> Record | None:
    """The record on one JSONL line, decoded and validated in one pass; None for any other
    line: not JSON as msgspec reads it (also NaN, 1e400 or a lone surrogate escape, which
    ``json.loads`` accepts), not a record, or a bad record. The caller reads such a line with
    ``json.loads`` and ``record_from_dict``, which say what is wrong."""
    try:
        return _DECODER.decode(line)
    except (msgspec.DecodeError, RecursionError):  # ValidationError is a DecodeError
        return None


def record_from_dict(data: Any) -> Record:
    """Build a record from one parsed JSON line; raise RecordError with the reason."""
    try:
        return msgspec.convert(data, Record)
    except msgspec.ValidationError as exc:
        raise RecordError(_reason(data, str(exc))) from None


# ------------------------------------------------------------------ the messages of a bad record

# msgspec says e.g. "Expected `str`, got `int` - at `$.evidence.start`", "Object missing required
# field `id` - at `$.subject`", "Invalid enum value 'x' - at `$.status`", "Expected `str`, got
# `int` - at `key` in `$.properties`"; kgload has always said it as below.
_AT = re.compile(r" - at `(?P<at>[^`]*)`(?: in `(?P<within>[^`]*)`)?$")
_MISSING = re.compile(r"^Object missing required field `(?P<field>[^`]+)`")
_JSON_TYPES = {"null": "NoneType", "array": "list", "object": "dict"}
_OPTIONAL_STRINGS = {"title", "url", "published", "author", "text_sha256", "extractor_version"}
_REFS = {"subject", "object", "reported_by"}


def _reason(data: Any, message: str) -> str:
    at = _AT.search(message)
    head = message[:at.start()] if at else message
    path = (at["within"] or at["at"]) if at else "$"
    fields = re.findall(r"\.(\w+)", path)
    missing = _MISSING.match(head)
    if missing:
        fields.append(missing["field"])
    if not fields:
        return "a record must be a JSON object"
    top, name = fields[0], fields[-1]
    if top == "kind":
        return f"unknown record kind {data.get('kind')!r}"
    if top in _REFS and len(fields) == 1:
        return f"field {top!r} must be an object with id, name and type"
    if missing:
        return f"missing field {name!r}"
    if top == "aliases":
        return "field 'aliases' must be a list of strings"
    if top == "confidence":
        return "field 'confidence' is out of range" if head.startswith("Number out of range") \
            else "field 'confidence' must be a number"
    if top == "properties":
        return "field 'properties' must be an object"
    if top == "status":
        if head.startswith("Invalid enum value"):
            return (f"field 'status' must be one of {', '.join(STATUSES)} "
                    f"(not {data.get('status')!r})")
        return "field 'status' must be a string"
    if name in _OPTIONAL_STRINGS:
        return f"field {name!r} must be a string"
    return f"field {name!r} has the wrong type ({_type_name(data, fields, head)})"


def _type_name(data: Any, fields: list[str], head: str) -> str:
    """The Python type of the value at ``fields`` (what json.loads made of it)."""
    try:
        for field in fields:
            data = data[field]
    except (KeyError, TypeError, IndexError):
        got = re.search(r"got `(\w+)`", head)
        return _JSON_TYPES.get(got[1], got[1]) if got else "unknown"
    return type(data).__name__


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


# the separator of a fact key's parts; the Cypher templates build keys with the same one
# (``loader/cypher_templates.py``: ``{{ fact_key(...) }}``)
FACT_KEY_SEPARATOR = "|"


def fact_key(subject_id: str, relation: str, object_id: str) -> str:
    """An Evidence node's ``key``: ``subject_id|RELATION|object_id``."""
    return FACT_KEY_SEPARATOR.join((subject_id, relation, object_id))
