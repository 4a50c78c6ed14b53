"""Read what the user points kgload at: text files, JSONL documents, record files, stdin.

Every input yields either source documents (to extract), records (already extracted), or a
``Rejection`` naming the input and the reason. Nothing here raises on a user's bad file.
"""

from __future__ import annotations

import json
import os
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator

from .records import Record, RecordError, document_id_for, record_from_dict

TEXT_SUFFIXES = {".txt", ".md"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
MAX_INPUT_BYTES = 64 * 1024 * 1024  # a single article or JSONL file above this is refused
MAX_DOCUMENT_CHARS = 2_000_000  # one article above this is refused


@dataclass
class SourceDocument:
    id: str
    text: str
    source: str
    title: str | None = None
    url: str | None = None
    published: str | None = None


@dataclass
class Rejection:
    input: str  # "path" or "path:line"
    reason: str

    def __str__(self) -> str:
        return f"{self.input}: {self.reason}"


@dataclass
class RecordBatch:
    """Records read from one ``kgload extract`` output file."""

    source: str
    records: list[Record]


InputItem = SourceDocument | RecordBatch | Rejection


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


def _check_text(text: str) -> str | None:
    if not text.strip():
        return "empty document (no text)"
    if len(text) > MAX_DOCUMENT_CHARS:
        return f"document too large ({len(text):,} characters; the limit is {MAX_DOCUMENT_CHARS:,})"
    return None


def _read_text_input(name: str, data: bytes) -> Iterator[InputItem]:
    try:
        text, _note = decode_bytes(data)
    except ValueError as exc:
        yield Rejection(name, str(exc))
        return
    problem = _check_text(text)
    if problem:
        yield Rejection(name, problem)
        return
    yield document_from_text(text, name)


def _jsonl_document(obj: object, where: str) -> SourceDocument | Rejection:
    if not isinstance(obj, dict):
        return Rejection(where, "a document line must be a JSON object")
    text = obj.get("text")
    if text is None:
        return Rejection(where, "missing field 'text'")
    if not isinstance(text, str):
        return Rejection(where, "field 'text' must be a string")
    for key in ("id", "title", "url", "published"):
        if key in obj and obj[key] is not None and not isinstance(obj[key], str):
            return Rejection(where, f"field {key!r} must be a string")
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
    )


def _read_jsonl_input(name: str, data: bytes) -> Iterator[InputItem]:
    try:
        text, _note = decode_bytes(data)
    except ValueError as exc:
        yield Rejection(name, str(exc))
        return
    if not text.strip():
        yield Rejection(name, "empty file")
        return
    records: list[Record] = []
    for lineno, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{name}:{lineno}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            yield Rejection(where, f"malformed JSON ({exc.msg})")
            continue
        if isinstance(obj, dict) and "kind" in obj:
            try:
                records.append(record_from_dict(obj))
            except RecordError as exc:
                yield Rejection(where, f"bad record: {exc}")
            continue
        yield _jsonl_document(obj, where)
    if records:
        yield RecordBatch(name, records)


def _read_one(name: str, data: bytes, suffix: str) -> Iterator[InputItem]:
    if len(data) > MAX_INPUT_BYTES:
        yield Rejection(name, f"file too large ({len(data):,} bytes; the limit is {MAX_INPUT_BYTES:,})")
        return
    if suffix in JSONL_SUFFIXES:
        yield from _read_jsonl_input(name, data)
    else:
        yield from _read_text_input(name, data)


def _walk(directory: Path) -> Iterator[Path]:
    """Files under ``directory`` with a known suffix, sorted, following no symlink twice."""
    seen: set[tuple[int, int]] = set()
    for root, dirs, files in os.walk(directory, followlinks=True):
        try:
            st = os.stat(root)
        except OSError:
            dirs[:] = []
            continue
        key = (st.st_dev, st.st_ino)
        if key in seen:
            dirs[:] = []
            continue
        seen.add(key)
        dirs.sort()
        for fname in sorted(files):
            path = Path(root) / fname
            if path.suffix.lower() in TEXT_SUFFIXES | JSONL_SUFFIXES:
                yield path


def read_inputs(paths: Iterable[str], stdin=None) -> Iterator[InputItem]:
    """Yield documents, record batches and rejections for every path (``-`` = stdin)."""
    for raw in paths:
        if raw == "-":
            stream = stdin or sys.stdin.buffer
            data = stream.read()
            head = data.lstrip()[:1]
            suffix = ".jsonl" if head == b"{" else ".txt"
            yield from _read_one("<stdin>", data, suffix)
            continue
        path = Path(raw)
        try:
            is_dir = path.is_dir()
            exists = is_dir or path.exists()
        except PermissionError:
            yield Rejection(raw, "permission denied")
            continue
        except OSError as exc:
            yield Rejection(raw, f"cannot read ({exc.strerror or exc})")
            continue
        if is_dir:
            found = False
            for file in _walk(path):
                found = True
                yield from _read_path(file)
            if not found:
                yield Rejection(raw, "directory holds no .txt, .md or .jsonl files")
            continue
        if not exists:
            yield Rejection(raw, "no such file or directory")
            continue
        yield from _read_path(path)


def _read_path(path: Path) -> Iterator[InputItem]:
    name = str(path)
    try:
        size = path.stat().st_size
        if size > MAX_INPUT_BYTES:
            yield Rejection(name, f"file too large ({size:,} bytes; the limit is {MAX_INPUT_BYTES:,})")
            return
        data = path.read_bytes()
    except PermissionError:
        yield Rejection(name, "permission denied")
        return
    except OSError as exc:
        yield Rejection(name, f"cannot read ({exc.strerror or exc})")
        return
    yield from _read_one(name, data, path.suffix.lower())
