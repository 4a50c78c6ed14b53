"""The reader of the load path, and the one place records are grouped into documents.

``read_documents`` is what ``kgload extract`` and ``kgload load`` read: the inputs' articles,
their record files' documents and one-line rejections, as ``item.Item``s. A Dask shard reads
its files through ``documents`` too (``scale.run_shard``), and records held in memory are
grouped by ``bundle_records``: every way in groups records the same way.

``kgload extract`` writes a document's records together, but record files written by other
tools may not be grouped: sorted by kind, concatenated, a document record after its relations,
a document's records spread over several files. ``documents`` reads the inputs twice: the first
pass notes, per document, how many records it has and whether its document record is there at
all (``record_heads``: a quick scan of the record lines); the second yields each document's
records as soon as its last one has been read (at once for grouped files), and one rejection
per document whose document record is in none of the inputs. Records waiting for the rest of
their document are held in memory up to ``PENDING_RECORDS``; beyond that they wait in a
temporary SQLite file, deleted at the end.
"""

from __future__ import annotations

import io
import os
import sqlite3
import sys
import tempfile
from pathlib import Path
from typing import BinaryIO, Callable, Iterable, Iterator, Sequence

import msgspec

from .item import DocumentBundle, InputItem, Item, RecordBatch, Rejection, SourceDocument
from .listing import JSONL_SUFFIXES, input_files
from .records import Record, record_from_json

# records held in memory while their document is incomplete (about 1 kB each), before the
# waiting records go to a temporary file
PENDING_RECORDS = 50_000

# (doc_id, is a document record) of every record of the inputs, in any order
Heads = Callable[[], Iterable[tuple[str, bool]]]


def read_documents(paths: Sequence[str]) -> Iterator[Item]:
    """The reader: the documents of every input (``sources.read_inputs``; ``-`` is standard
    input, read once for both passes), records grouped per document, and rejections."""
    from .sources import read_inputs

    stdin = sys.stdin.buffer.read() if "-" in paths else None

    def read() -> Iterable[InputItem]:
        return read_inputs(paths, stdin=io.BytesIO(stdin) if stdin is not None else None)

    yield from documents(read, lambda: record_heads(_record_files(paths, stdin)))


def _record_files(paths: Sequence[str], stdin: bytes | None) -> Iterator[Callable[[], BinaryIO]]:
    """Openers of the JSONL inputs ``paths`` name (``-``: ``stdin`` when it is JSONL)."""
    for raw in paths:
        if raw == "-":
            if stdin is not None and stdin.lstrip()[:1] == b"{":
                yield lambda: io.BytesIO(stdin)
            continue
        for file in input_files(raw):
            if not isinstance(file, Rejection) and file.suffix.lower() in JSONL_SUFFIXES:
                yield _opener(file)


def _opener(path: Path) -> Callable[[], BinaryIO]:
    return lambda: open(path, "rb")


class _Head(msgspec.Struct):
    """The fields of a record line that say which document it belongs to."""

    kind: str = ""
    id: str = ""
    doc_id: str = ""


_HEAD = msgspec.json.Decoder(_Head)


def record_heads(files: Iterable[Callable[[], BinaryIO]]) -> Iterator[tuple[str, bool]]:
    """(doc_id, is a document record) of every record line of the JSONL files ``files`` open,
    read quickly: the first pass of ``documents``. A file that cannot be opened is skipped
    (the second pass reports it)."""
    for open_binary in files:
        try:
            with open_binary() as fh:
                for line in fh:
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
        except OSError:
            continue


def documents(read: Callable[[], Iterable[InputItem]], heads: Heads | None = None,
              budget: int = PENDING_RECORDS) -> Iterator[Item]:
    """The items of ``read()`` as ``Item``s: each article a ``text``, each rejection
    ``rejected``, and the records of its record batches grouped into one ``records`` item per
    document (its document record first, then its other records in the order they came),
    yielded once its last record is read; the records of a document whose document record is
    absent give one rejection. The first pass counts each document's records with ``heads()``
    (``record_heads``), else by calling ``read()`` twice (it must give the same items each
    time); a document the count misses (a bad line, say) waits until the end."""
    if heads is None:
        heads = lambda: ((r.document_id, r.kind == "document") for item in read()  # noqa: E731
                         if isinstance(item, RecordBatch) for r in item.records)
    grouper = _Grouper(heads(), budget)
    try:
        for item in read():
            if isinstance(item, RecordBatch):
                yield from grouper.add(item)
            elif isinstance(item, SourceDocument):
                yield Item(text=item)
            else:
                yield Item(rejected=item)
        yield from grouper.rest()
    finally:
        grouper.close()


def bundle_records(records: Iterable[Record], source: str = "records") -> Iterator[DocumentBundle | Rejection]:
    """Records held in memory, in any order, grouped as ``documents`` groups them: a bundle per
    document once its last record is seen, a rejection per document without its document record."""
    batch = [RecordBatch(source, list(records))]
    for item in documents(lambda: batch):
        yield item.records if item.records is not None else item.rejected  # type: ignore[misc]


def missing_document(count: int, doc_id: str) -> str:
    """Why records are rejected when their document's record is in none of the inputs."""
    return f"{count} record(s) for document {doc_id!r}, whose document record is in none of the inputs"


class _Grouper:
    """Records in, each document's records out once the first pass's count of them is reached."""

    def __init__(self, heads: Iterable[tuple[str, bool]], budget: int):
        self.expected: dict[str, int] = {}
        self.documented: set[str] = set()
        for doc_id, is_document in heads:
            self.expected[doc_id] = self.expected.get(doc_id, 0) + 1
            if is_document:
                self.documented.add(doc_id)
        self.budget = budget
        self.waiting: dict[str, list[Record]] = {}  # in memory
        self.seen: dict[str, int] = {}
        self.held = 0
        self.spilled: set[str] = set()
        self.spill: _Spill | None = None
        self.first_source: dict[str, str] = {}

    def add(self, batch: RecordBatch) -> Iterator[Item]:
        for record in batch.records:
            doc_id = record.document_id
            count = self.seen[doc_id] = self.seen.get(doc_id, 0) + 1
            if count == 1:
                self.first_source[doc_id] = batch.source
            if doc_id not in self.documented:
                if count == self.expected.get(doc_id):
                    del self.seen[doc_id]
                    yield Item(rejected=Rejection(self.first_source.pop(doc_id), missing_document(count, doc_id)))
                continue
            if doc_id in self.spilled:
                assert self.spill is not None
                self.spill.add(doc_id, (record,))
            else:
                self.waiting.setdefault(doc_id, []).append(record)
                self.held += 1
            if count == self.expected.get(doc_id):
                del self.seen[doc_id]
                if doc_id not in self.spilled:
                    self.held -= count
                yield self._complete(doc_id)
            elif self.held > self.budget:  # the records waiting in memory go to disk
                self.spill = self.spill or _Spill()
                for waiting_id, records in self.waiting.items():
                    self.spill.add(waiting_id, records)
                    self.spilled.add(waiting_id)
                self.waiting.clear()
                self.held = 0

    def rest(self) -> Iterator[Item]:
        """Documents whose count the first pass got wrong (bad lines): complete now."""
        for doc_id, count in self.seen.items():
            if doc_id in self.documented:
                yield self._complete(doc_id)
            else:
                yield Item(rejected=Rejection(self.first_source[doc_id], missing_document(count, doc_id)))

    def _complete(self, doc_id: str) -> Item:
        if doc_id in self.spilled:
            assert self.spill is not None
            records = self.spill.take(doc_id)
            self.spilled.discard(doc_id)
        else:
            records = self.waiting.pop(doc_id, [])
        source = self.first_source.pop(doc_id)
        document = next((r for r in records if r.kind == "document"), None)
        if document is None:  # its document line was there, but rejected (reported when read)
            return Item(rejected=Rejection(source, f"{len(records)} record(s) for document {doc_id!r}, "
                                                   "whose document record was rejected"))
        bundle = DocumentBundle(document)  # type: ignore[arg-type]
        for record in records:
            if record is not document:
                bundle.add(record)
        return Item(records=bundle)

    def close(self) -> None:
        if self.spill is not None:
            self.spill.close()


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
