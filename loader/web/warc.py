"""WARC files (warcio): each HTML response record an article, gzip'd WARCs streamed.

A ``response`` record with HTTP status 200 and an HTML content type is a page
(``web.html.page_document``), with the record's target URI as its URL when the page names no
canonical one, and the record's date (the day it was crawled) as its date when the page gives
none. Other records (requests, metadata, images, stylesheets, redirects) are not articles and
are passed over. A truncated or damaged WARC is reported on one line after the records read
before the damage.
"""

from __future__ import annotations

import contextlib
import io
import zlib
from dataclasses import dataclass
from typing import BinaryIO, Iterator

from ..headers import day
from ..inputs import PrefixedStream

MAX_RECORD_BYTES = 10 * 1024 * 1024


@dataclass
class WarcPage:
    target: str
    date: str | None
    body: bytes


class DamagedWarc(Exception):
    pass


class _Gunzip(io.RawIOBase):
    """A gzip'd stream (any number of members, as WARCs are: one a record) decompressed as it is
    read; ``cut`` says whether it ended inside a member (a truncated file). Everything before the
    cut is delivered (``gzip.GzipFile`` would drop the last read's data with its ``EOFError``)."""

    def __init__(self, stream: io.RawIOBase | BinaryIO):
        self.stream, self.cut = stream, False
        self.member = zlib.decompressobj(16 + zlib.MAX_WBITS)
        self.started = False  # bytes of the current member were fed
        self.pending = b""

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        while not self.pending:
            data = self.member.unused_data if self.member.eof else b""
            if self.member.eof:
                self.member, self.started = zlib.decompressobj(16 + zlib.MAX_WBITS), False
            if not data:
                data = self.stream.read(64 * 1024)
                if not data:
                    self.cut = self.started and not self.member.eof
                    return 0
            self.started = True
            self.pending = self.member.decompress(data)
        n = min(len(buffer), len(self.pending))
        buffer[:n], self.pending = self.pending[:n], self.pending[n:]
        return n


def _iterator(stream):
    from warcio.archiveiterator import ArchiveIterator

    class Quiet(ArchiveIterator):
        """warcio writes a warning on stderr for a record not followed by blank lines; here it is
        counted (``err_count``) and reported as damage."""

        def _consume_blanklines(self):
            with contextlib.redirect_stderr(io.StringIO()):
                return super()._consume_blanklines()

    return Quiet(stream)


def warc_pages(stream: BinaryIO) -> Iterator[WarcPage]:
    """The HTML pages of a WARC stream (gzip'd or not), in order; raises DamagedWarc, after the
    pages of the whole records before the damage, when the stream is truncated or no WARC."""
    from warcio.exceptions import ArchiveLoadFailed

    head = stream.read(2)
    whole = PrefixedStream(head, stream)
    gunzip = _Gunzip(whole) if head == b"\x1f\x8b" else None
    records = _iterator(io.BufferedReader(gunzip or whole, 64 * 1024))
    count = 0

    def damaged(why: str) -> DamagedWarc:
        what = "not a WARC file" if count == 0 else f"truncated or damaged after {count} record(s)"
        return DamagedWarc(f"{what} ({why})")

    try:
        for record in records:
            if record.format != "warc":
                raise damaged("no WARC record header")
            page = None
            if record.rec_type == "response" and record.http_headers is not None:
                status = record.http_headers.get_statuscode()
                content_type = (record.http_headers.get_header("Content-Type") or "").lower()
                if status == "200" and content_type.startswith(("text/html", "application/xhtml")):
                    body = record.content_stream().read(MAX_RECORD_BYTES + 1)
                    if len(body) <= MAX_RECORD_BYTES:
                        page = WarcPage(record.rec_headers.get_header("WARC-Target-URI") or "",
                                        day((record.rec_headers.get_header("WARC-Date") or "")[:10]), body)
            while record.raw_stream.read(64 * 1024):
                pass
            if getattr(record.raw_stream, "limit", 0) > 0 or records.err_count:
                raise damaged("the file ends inside a record" if not records.err_count else "a record's length is wrong")
            count += 1
            if page is not None:
                yield page
        if (gunzip is not None and gunzip.cut) or records.err_count:
            raise damaged("the file ends inside a record")
    except (ArchiveLoadFailed, EOFError, zlib.error, OSError, ValueError) as exc:
        first = str(exc).splitlines()[0][:120] if str(exc) else ""
        raise damaged(f"{type(exc).__name__}: {first}" if first else type(exc).__name__) from None
    if count == 0:
        raise DamagedWarc("not a WARC file (no records)")
