"""Read what the user points kgload at: text files, JSONL documents, record files, stdin.

Every input yields either source documents (to extract), records (already extracted), or a
``Rejection`` naming the input and the reason. Nothing here raises on a user's bad file.
"""

from __future__ import annotations

import io
import json
import re
import sys
from pathlib import Path
from typing import BinaryIO, Callable, Iterable, Iterator

from .headers import read_header
from .item import InputItem, RecordBatch, Rejection, SourceDocument
from .listing import JSONL_SUFFIXES, input_files, unreadable, web_kind
from .records import Record, RecordError, document_id_for, record_from_dict, record_from_json

MAX_INPUT_BYTES = 64 * 1024 * 1024  # a single text file (or stdin) above this is refused
MAX_DOCUMENT_CHARS = 2_000_000  # one article above this is refused
MAX_LINE_BYTES = 16 * 1024 * 1024  # one JSONL line above this is refused (JSONL files stream)
RECORD_BATCH = 1000  # records of a record file handed on at once (``grouping`` takes them one by one)


def decode_bytes(data: bytes) -> tuple[str, str | None]:
    """Decode text: UTF-8 (with or without BOM), UTF-16 with a BOM, else Windows-1252.

    Returns the text and a note naming the fallback used, if any. Raises ValueError for
    binary data.
    """
    if data.startswith(b"\xff\xfe") or data.startswith(b"\xfe\xff"):
        return data.decode("utf-16"), None
    if b"\x00" in data[:8192]:
        raise ValueError("binary file (contains NUL bytes)")
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), "not valid UTF-8; decoded as Windows-1252"
    except UnicodeDecodeError:
        return data.decode("latin-1"), "not valid UTF-8; decoded as Latin-1"


def looks_like_headline(line: str) -> bool:
    line = line.strip()
    return 0 < len(line) <= 200 and not line.endswith((".", "?", "!", ",", ";", ":")) or (
        0 < len(line) <= 120 and line.endswith(("?", "!"))
    )


# a document's "published" date, YYYY-MM-DD (the record format's; load.validate_bundle checks it too)
ISO_DATE = re.compile(r"\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])")
_DATE_IN_NAME = re.compile(r"(?<!\d)((?:19|20)\d\d)-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])(?!\d)")


def published_from_name(source: str) -> str | None:
    """A YYYY-MM-DD date in the file's name (e.g. ``venezuela-2019-03-26.txt``), if any."""
    m = _DATE_IN_NAME.search(Path(source).name)
    return "-".join(m.groups()) if m else None


def document_from_text(text: str, source: str) -> SourceDocument:
    first = text.lstrip().split("\n", 1)[0].strip().lstrip("#").strip()
    title = first if looks_like_headline(first) else None
    return SourceDocument(id=document_id_for(text), text=text, source=source, title=title,
                          published=published_from_name(source))


STDIN_NAME = "<stdin>"


def file_document_id(name: str) -> str | None:
    """A file's identity is where it is, so that an edited file replaces its document: a URL
    (``s3://...``) as it is, a local path as its absolute ``file://`` URI; None for standard
    input, which has no place (its document keeps the id of its text). A canonical URL in the
    file's header, when there is one, wins over both (``headers.Header.apply``)."""
    if name == STDIN_NAME:
        return None
    if "://" in name:
        return name
    return Path(name).resolve().as_uri()


def _check_text(text: str) -> str | None:
    if not text.strip():
        return "empty document (no text)"
    if len(text) > MAX_DOCUMENT_CHARS:
        return f"document too large ({len(text):,} characters; the limit is {MAX_DOCUMENT_CHARS:,})"
    return None


def _read_text_input(name: str, data: bytes) -> Iterator[InputItem]:
    try:
        text, note = decode_bytes(data)
    except ValueError as exc:
        yield Rejection(name, str(exc))
        return
    problem = _check_text(text)
    if problem:
        yield Rejection(name, problem)
        return
    header, body = read_header(text)  # a front-matter block or SOURCE:/DATE: lines
    if header is not None and not body.strip():
        yield Rejection(name, "empty document (no text after its header)")
        return
    doc = document_from_text(body, name)
    doc.id = file_document_id(name) or doc.id
    if header is not None:
        header.apply(doc)
    doc.note = note
    yield doc


def _jsonl_document(obj: object, where: str) -> SourceDocument | Rejection:
    if not isinstance(obj, dict):
        return Rejection(where, "a document line must be a JSON object")
    text = obj.get("text")
    if text is None:
        return Rejection(where, "missing field 'text'")
    if not isinstance(text, str):
        return Rejection(where, "field 'text' must be a string")
    for key in ("id", "title", "url", "published", "author"):
        if key in obj and obj[key] is not None and not isinstance(obj[key], str):
            return Rejection(where, f"field {key!r} must be a string")
    if obj.get("published") and not ISO_DATE.fullmatch(obj["published"]):
        return Rejection(where, f"field 'published' must be a date YYYY-MM-DD, not {obj['published']!r}")
    if obj.get("id") is not None and not obj["id"].strip():
        return Rejection(where, "field 'id' is empty")
    problem = _check_text(text)
    if problem:
        return Rejection(where, problem)
    doc_id = obj.get("id") or document_id_for(text)
    return SourceDocument(
        id=doc_id,
        text=text,
        source=obj.get("url") or where,
        title=obj.get("title"),
        url=obj.get("url"),
        published=obj.get("published"),
        author=(obj.get("author") or "").strip() or None,
    )


def _jsonl_lines(name: str, stream: BinaryIO) -> Iterator[tuple[int, str, str | None] | Rejection]:
    """Decoded lines of a JSONL stream, one at a time (files of any size stream through)."""
    head = stream.read(8192)
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16 with a BOM: small files only
        data = head + stream.read(MAX_INPUT_BYTES + 1 - len(head))
        if len(data) > MAX_INPUT_BYTES:
            yield Rejection(name, f"UTF-16 file too large (the limit is {MAX_INPUT_BYTES:,} bytes; use UTF-8)")
            return
        for lineno, line in enumerate(data.decode("utf-16").splitlines(), start=1):
            yield lineno, line, None
        return
    if b"\x00" in head:
        yield Rejection(name, "binary file (contains NUL bytes)")
        return
    rest = io.BufferedReader(PrefixedStream(head, stream)) if head else stream
    for lineno, raw in enumerate(rest, start=1):
        if len(raw) > MAX_LINE_BYTES:
            yield Rejection(f"{name}:{lineno}", f"line too long ({len(raw):,} bytes; the limit is {MAX_LINE_BYTES:,})")
            continue
        if lineno == 1 and raw.startswith(b"\xef\xbb\xbf"):
            raw = raw[3:]
        try:
            yield lineno, raw.decode("utf-8"), None
        except UnicodeDecodeError:
            yield lineno, raw.decode("cp1252", errors="replace"), "not valid UTF-8; decoded as Windows-1252"


class PrefixedStream(io.RawIOBase):
    """Bytes already read, then the rest of a stream."""

    def __init__(self, head: bytes, stream: BinaryIO):
        self.head, self.stream = head, stream

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        if self.head:
            n = min(len(buffer), len(self.head))
            buffer[:n], self.head = self.head[:n], self.head[n:]
            return n
        data = self.stream.read(len(buffer))
        buffer[:len(data)] = data
        return len(data)


def _flushed(name: str, batch: list[Record]) -> Iterator[RecordBatch]:
    """The records waiting in ``batch`` as one batch (``batch`` is emptied)."""
    if batch:
        yield RecordBatch(name, batch[:])
        batch.clear()


def _read_jsonl_stream(name: str, stream: BinaryIO) -> Iterator[InputItem]:
    """Documents, and records in batches as they come, from JSONL (a file of any size streams;
    ``grouping`` groups the records per document)."""
    batch: list[Record] = []
    seen_content = False
    for item in _jsonl_lines(name, stream):
        if isinstance(item, Rejection):
            seen_content = True  # reported already; not also "empty"
            yield from _flushed(name, batch)
            yield item
            continue
        lineno, line, note = item
        # a record line is decoded and checked in one pass; any other line (a document, a bad
        # record, not JSON) is read with json.loads, whose messages users see
        record = record_from_json(line) if '"kind"' in line else None
        if record is None:
            if not line.strip():
                continue
            seen_content = True
            yield from _flushed(name, batch)  # what comes of this line comes after the records before it
            where = f"{name}:{lineno}"
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                yield Rejection(where, f"malformed JSON ({exc.msg})")
                continue
            except RecursionError:
                yield Rejection(where, "malformed JSON (nested too deeply)")
                continue
            if not (isinstance(obj, dict) and "kind" in obj):
                doc = _jsonl_document(obj, where)
                if note and isinstance(doc, SourceDocument):
                    doc.note = note
                yield doc
                continue
            try:
                record = record_from_dict(obj)
            except RecordError as exc:
                yield Rejection(where, f"bad record: {exc}")
                continue
        seen_content = True
        batch.append(record)
        if len(batch) >= RECORD_BATCH:
            yield from _flushed(name, batch)
    yield from _flushed(name, batch)
    if not seen_content:
        yield Rejection(name, "empty file")


# files that are not text, by their first bytes: never read as Windows-1252
_NOT_TEXT = {b"%PDF-": "a PDF file", b"PK\x03\x04": "a ZIP archive (or .docx, .xlsx, .odt)",
             b"\x89PNG": "a PNG image", b"\xff\xd8\xff": "a JPEG image", b"GIF8": "a GIF image",
             b"\x1f\x8b": "a gzip file", b"\xd0\xcf\x11\xe0": "an old Word or Excel file",
             b"{\\rtf": "an RTF file"}


def _too_large(name: str, nbytes: int) -> Rejection:
    return Rejection(name, f"file too large ({nbytes:,} bytes; the limit is {MAX_INPUT_BYTES:,})")


def read_bounded(name: str, open_binary: Callable[[], BinaryIO],
                 size: Callable[[], int] | None = None) -> bytes | Rejection:
    """The bytes of a whole file (a text, an HTML page, a feed, a URL list) of at most
    ``MAX_INPUT_BYTES``, or the one-line rejection: too large (told by ``size`` before reading,
    when given) or unreadable."""
    try:
        nbytes = size() if size is not None else None
        if nbytes is not None and nbytes > MAX_INPUT_BYTES:
            return _too_large(name, nbytes)
        with open_binary() as stream:
            data = stream.read(MAX_INPUT_BYTES + 1)
    except OSError as exc:
        return unreadable(name, exc)
    return _too_large(name, len(data)) if len(data) > MAX_INPUT_BYTES else data


def _read_one(name: str, data: bytes, suffix: str) -> Iterator[InputItem]:
    if len(data) > MAX_INPUT_BYTES:
        yield _too_large(name, len(data))
        return
    kind = next((k for magic, k in _NOT_TEXT.items() if data.startswith(magic)), None)
    if kind is not None and b"\x00" not in data[:8192]:  # NUL bytes: "binary file", as before
        yield Rejection(name, f"not a text file ({kind}); kgload reads text, Markdown, JSONL, HTML, feeds and WARC")
        return
    if suffix in JSONL_SUFFIXES:
        yield from _read_jsonl_stream(name, io.BytesIO(data))
    else:
        yield from _read_text_input(name, data)


def read_inputs(paths: Iterable[str], stdin=None) -> Iterator[InputItem]:
    """Yield documents, record batches and rejections for every path (``-`` = stdin)."""
    for raw in paths:
        if raw == "-":
            stream = stdin or sys.stdin.buffer
            data = stream.read()
            head = data.lstrip()[:1]
            suffix = ".jsonl" if head == b"{" else ".txt"
            yield from _read_one(STDIN_NAME, data, suffix)
            continue
        for file in input_files(raw):
            if isinstance(file, Rejection):
                yield file
            else:
                yield from _read_path(file)


def _read_path(path: Path) -> Iterator[InputItem]:
    return read_file(str(path), lambda: open(path, "rb"), lambda: path.stat().st_size)


def read_file(name: str, open_binary: Callable[[], BinaryIO],
              size: Callable[[], int] | None = None) -> Iterator[InputItem]:
    """The items of one file called ``name`` (its suffix says how to read it), opened with
    ``open_binary`` (``open(path, "rb")``, or ``fsspec.open(url, "rb").open`` on a Dask worker):
    the same documents, records and one-line rejections whatever the storage. Web files
    (``web_kind``) are ``sources.read_file``'s."""
    if web_kind(name) is not None:
        yield Rejection(name, "an HTML page, feed or WARC file (read by loader.sources, not loader.inputs)")
        return
    suffix = Path(name).suffix.lower()
    if suffix in JSONL_SUFFIXES:
        try:
            with open_binary() as stream:
                yield from _read_jsonl_stream(name, stream)
        except OSError as exc:
            yield unreadable(name, exc)
        return
    data = read_bounded(name, open_binary, size)
    if isinstance(data, Rejection):
        yield data
    else:
        yield from _read_one(name, data, suffix)
