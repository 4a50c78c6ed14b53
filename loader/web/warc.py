"""WARC files (warcio): each HTML response record an article, gzip'd WARCs streamed.

A ``response`` record with HTTP status 200 and an HTML content type is a page
(``web.html.page_document``), with the record's target URI as its URL when the page names no
canonical one, and the record's date (the day it was crawled) as its date when the page gives
none. Other records (requests, metadata, images, stylesheets, redirects) are not articles and
are passed over. A truncated or damaged WARC is reported on one line after the records read
before the damage.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import BinaryIO, Iterator

from ..headers import day

MAX_RECORD_BYTES = 10 * 1024 * 1024


@dataclass
class WarcPage:
    target: str
    date: str | None
    body: bytes


class DamagedWarc(Exception):
    pass


def warc_pages(stream: BinaryIO) -> Iterator[WarcPage]:
    """The HTML pages of a WARC stream, in order; raises DamagedWarc (after the pages before
    the damage) when the stream is truncated or is not a WARC."""
    import zlib

    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    count = 0
    try:
        for record in ArchiveIterator(stream):
            count += 1
            if record.rec_type != "response" or record.http_headers is None:
                continue
            status = record.http_headers.get_statuscode()
            content_type = (record.http_headers.get_header("Content-Type") or "").lower()
            if status != "200" or not content_type.startswith(("text/html", "application/xhtml")):
                continue
            body = record.content_stream().read(MAX_RECORD_BYTES + 1)
            if len(body) > MAX_RECORD_BYTES:
                continue
            yield WarcPage(record.rec_headers.get_header("WARC-Target-URI") or "",
                           day((record.rec_headers.get_header("WARC-Date") or "")[:10]), body)
    except (ArchiveLoadFailed, EOFError, zlib.error, OSError, ValueError) as exc:
        what = "not a WARC file" if count == 0 else f"truncated or damaged after {count} record(s)"
        raise DamagedWarc(f"{what} ({type(exc).__name__}: {str(exc).splitlines()[0][:120] if str(exc) else ''})") from None
    if count == 0:
        raise DamagedWarc("not a WARC file (no records)")
