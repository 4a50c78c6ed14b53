"""Records in any order, grouped per document with bounded memory.

``kgload extract`` writes a document's records together, but record files written by other
tools may not be grouped: sorted by kind, concatenated, a document record after its relations,
a document's records spread over several files. ``grouped_inputs`` reads the inputs twice: the
first pass notes, per ``doc_id``, where its last record is and whether its document record is
there at all; the second yields each document's bundle as soon as its last record has been
read (at once for grouped files), and one rejection per document whose document record is in
none of the inputs. Records waiting for the rest of their document are held in memory up to
``PENDING_RECORDS``; beyond that they wait in a temporary SQLite file, deleted at the end.
"""

from __future__ import annotations

import os
import sqlite3
import tempfile
from typing import Callable, Iterable, Iterator, Sequence

import msgspec

from .bundles import DocumentBundle, missing_document
from .inputs import JSONL_SUFFIXES, InputItem, RecordBatch, Rejection, input_files
from .records import DocumentRecord, Record, record_from_json

# records held in memory while their document is incomplete (about 1 kB each), before the
# waiting records go to a temporary file
PENDING_RECORDS = 50_000


def _doc_id(record: Record) -> str:
    return record.id if isinstance(record, DocumentRecord) else record.doc_id


class _Spill:
    """Records waiting on disk, per document, in the order they came."""

    def __init__(self):
        fd, self.path = tempfile.mkstemp(prefix="kgload-records-", suffix=".sqlite")
        os.close(fd)
        self.db = sqlite3.connect(self.path)
        self.db.execute("PRAGMA journal_mode=OFF")
        self.db.execute("PRAGMA synchronous=OFF")
        self.db.execute("CREATE TABLE waiting (doc TEXT, record BLOB)")
        self.db.execute("CREATE INDEX waiting_doc ON waiting (doc)")
        self.encode = msgspec.json.Encoder().encode

    def add(self, doc_id: str, records: Iterable[Record]) -> None:
        self.db.executemany("INSERT INTO waiting VALUES (?, ?)", ((doc_id, self.encode(r)) for r in records))

    def take(self, doc_id: str) -> list[Record]:
        rows = self.db.execute("SELECT record FROM waiting WHERE doc = ? ORDER BY rowid", (doc_id,)).fetchall()
        self.db.execute("DELETE FROM waiting WHERE doc = ?", (doc_id,))
        records = [record_from_json(row[0]) for row in rows]
        return [r for r in records if r is not None]

    def close(self) -> None:
        self.db.close()
        os.unlink(self.path)


class _Head(msgspec.Struct):
    """The fields of a record line that say which document it belongs to."""

    kind: str = ""
    id: str = ""
    doc_id: str = ""


_HEAD = msgspec.json.Decoder(_Head)


def record_heads(paths: Sequence[str], stdin: bytes | None = None) -> Iterator[tuple[str, bool]]:
    """(doc_id, is a document record) of every record line of the JSONL inputs ``paths`` name
    (``-``: ``stdin``), read quickly: the first pass of ``grouped_inputs`` for read_inputs."""
    def lines() -> Iterator[bytes]:
        for raw in paths:
            if raw == "-":
                if stdin is not None and stdin.lstrip()[:1] == b"{":
                    yield from stdin.splitlines()
                continue
            for file in input_files(raw):
                if not isinstance(file, Rejection) and file.suffix.lower() in JSONL_SUFFIXES:
                    try:
                        with open(file, "rb") as fh:
                            yield from fh
                    except OSError:
                        pass  # the second pass reports it
    for line in lines():
        if b'"kind"' not in line:
            continue
        try:
            head = _HEAD.decode(line)
        except (msgspec.DecodeError, RecursionError):
            continue
        if head.kind == "document":
            yield head.id, True
        elif head.kind in ("entity", "relation"):
            yield head.doc_id, False


def grouped_inputs(read: Callable[[], Iterable[InputItem]],
                   heads: Callable[[], Iterable[tuple[str, bool]]] | None = None,
                   budget: int = PENDING_RECORDS) -> Iterator[InputItem | DocumentBundle]:
    """The items of ``read()`` with its record batches replaced by one ``DocumentBundle`` per
    document (its document record first, then its other records in the order they came),
    yielded once its last record is read, and by a ``Rejection`` for the records of a document
    whose document record is absent. The first pass counts each document's records with
    ``heads()`` (``record_heads``), else by calling ``read()`` twice (it must give the same items
    each time); a document the count misses (a bad line, say) waits until the end."""
    expected: dict[str, int] = {}
    documented: set[str] = set()
    if heads is None:
        heads = lambda: ((_doc_id(r), isinstance(r, DocumentRecord)) for item in read()  # noqa: E731
                         if isinstance(item, RecordBatch) for r in item.records)
    for doc_id, is_document in heads():
        expected[doc_id] = expected.get(doc_id, 0) + 1
        if is_document:
            documented.add(doc_id)

    waiting: dict[str, list[Record]] = {}  # in memory
    seen: dict[str, int] = {}
    held = 0
    spilled: set[str] = set()
    spill: _Spill | None = None
    first_source: dict[str, str] = {}
    try:
        for item in read():
            if not isinstance(item, RecordBatch):
                yield item
                continue
            for record in item.records:
                doc_id = _doc_id(record)
                count = seen[doc_id] = seen.get(doc_id, 0) + 1
                if count == 1:
                    first_source[doc_id] = item.source
                if doc_id not in documented:
                    if count == expected.get(doc_id):
                        del seen[doc_id]
                        yield Rejection(first_source.pop(doc_id), missing_document(count, doc_id))
                    continue
                if doc_id in spilled:
                    assert spill is not None
                    spill.add(doc_id, (record,))
                else:
                    waiting.setdefault(doc_id, []).append(record)
                    held += 1
                if count == expected.get(doc_id):
                    del seen[doc_id]
                    yield from _complete(_take(doc_id, waiting, spilled, spill), first_source.pop(doc_id))
                    held -= 0 if doc_id in spilled else count
                    spilled.discard(doc_id)
                elif held > budget:  # the records waiting in memory go to disk
                    spill = spill or _Spill()
                    for waiting_id, records in waiting.items():
                        spill.add(waiting_id, records)
                        spilled.add(waiting_id)
                    waiting.clear()
                    held = 0
        # documents whose count the first pass got wrong (bad lines): now complete
        for doc_id, count in seen.items():
            if doc_id in documented:
                yield from _complete(_take(doc_id, waiting, spilled, spill), first_source.pop(doc_id))
            else:
                yield Rejection(first_source[doc_id], missing_document(count, doc_id))
    finally:
        if spill is not None:
            spill.close()


def _take(doc_id: str, waiting: dict, spilled: set, spill: "_Spill | None") -> list[Record]:
    if doc_id in spilled:
        assert spill is not None
        return spill.take(doc_id)
    return waiting.pop(doc_id, [])


def _complete(records: list[Record], source: str) -> Iterator[DocumentBundle | Rejection]:
    if any(isinstance(r, DocumentRecord) for r in records):
        yield _bundle(records)
    elif records:  # its document line was there, but rejected (reported when read)
        yield Rejection(source, f"{len(records)} record(s) for document {_doc_id(records[0])!r}, "
                                "whose document record was rejected")


def _bundle(records: list[Record]) -> DocumentBundle:
    document = next(r for r in records if isinstance(r, DocumentRecord))
    bundle = DocumentBundle(document)
    for record in records:
        if not isinstance(record, DocumentRecord):
            bundle.add(record)
    return bundle
