"""What travels the pipelines of ``kgload extract`` and ``kgload load``: one ``Item`` per
document (or per rejected input), from the reader through the preparer to the writer.

Exactly one of its fields is set; each stage handles the fields it is for and passes the others
on (no stage asks what type an item is):

- the reader (``grouping.read_documents``) gives ``text`` (an article to extract), ``records``
  (a document's records, read from record files) or ``rejected`` (one line: input and reason);
- the preparer (``prepare``) turns a text into its ``records`` (spaCy) — or into ``unchanged``
  when the graph already holds that document from the same text and extractor version, which it
  asks before spaCy runs — and records into ``prepared`` rows, or ``rejected`` when they are
  not valid;
- the writer (``load.Loader.write``) writes ``prepared`` documents, counts ``unchanged`` ones
  and reports ``rejected`` ones; ``kgload extract`` writes the ``records`` instead.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .records import DocumentRecord, EntityRecord, Record, RelationRecord

# ------------------------------------------------------------------ what the inputs give (``inputs``, ``web``)

AUTHOR_SEPARATOR = "; "  # between a document's several authors, as trafilatura joins a page's


@dataclass
class SourceDocument:
    id: str
    text: str
    source: str
    title: str | None = None
    url: str | None = None
    published: str | None = None
    author: str | None = None  # several as the input gives them ("Ana Ruiz; Tom Lee")
    note: str | None = None  # e.g. how the text was decoded, for one line on stderr


@dataclass
class Rejection:
    input: str  # "path" or "path:line"
    reason: str

    def __str__(self) -> str:
        return f"{self.input}: {self.reason}"


@dataclass
class RecordBatch:
    """Consecutive records read from one record file (``kgload extract``'s output)."""

    source: str
    records: list[Record]


InputItem = SourceDocument | RecordBatch | Rejection


# ------------------------------------------------------------------ documents of records (``bundles``)

@dataclass
class DocumentBundle:
    """All records of one document."""

    document: DocumentRecord
    entities: list[EntityRecord] = field(default_factory=list)
    relations: list[RelationRecord] = field(default_factory=list)

    @property
    def size(self) -> int:
        return 1 + len(self.entities) + len(self.relations)

    def records(self) -> list[Record]:
        """Its records as ``kgload extract`` writes them: the document, entities, relations."""
        return [self.document, *self.entities, *self.relations]

    def add(self, record: Record) -> None:
        """Add an entity or relation record (a document record is the bundle's own)."""
        if isinstance(record, EntityRecord):
            self.entities.append(record)
        elif isinstance(record, RelationRecord):
            self.relations.append(record)


@dataclass(slots=True)
class AssertedFact:
    """What one document (or a chunk of them) asserts of one fact (subject, relation, object):
    its asserted mentions and the earliest and latest event date (a sentence's event_date, else
    the document's publication date; None when neither is known)."""

    subject_id: str
    relation: str
    object_id: str
    mentions: int
    first: str | None
    last: str | None

    def widen(self, first: str | None, last: str | None) -> None:
        if first is not None and (self.first is None or first < self.first):
            self.first = first
        if last is not None and (self.last is None or last > self.last):
            self.last = last


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
    # fact key -> what this document asserts of it
    asserted: dict[str, AssertedFact]
    # fact key -> (subject_id, relation, object_id) of the asserted endings in this document
    endings: dict[str, tuple[str, str, str]] = field(default_factory=dict)


# ------------------------------------------------------------------ the stages' item

@dataclass(slots=True)
class Item:
    """One document, or one rejected input, on its way: exactly one field is set."""

    text: SourceDocument | None = None  # read: an article to extract
    records: DocumentBundle | None = None  # read from record files, or extracted
    prepared: PreparedDocument | None = None  # ready to write
    unchanged: str | None = None  # the id of a document the graph holds from the same text
    rejected: Rejection | None = None
