"""Text files with a header: a YAML front-matter block or the corpus's ``SOURCE:`` / ``DATE:`` lines.

A front-matter block (``---`` on the first line, YAML, ``---`` or ``...`` closing it, as
static-site generators and many archives write) gives ``title``, ``date`` (or ``published``),
``url`` (or ``link``, ``canonical_url``, ``permalink``; else ``source`` when it is a URL) and
``author`` (or ``authors``; a list is joined with "; ", as trafilatura joins a page's). A
corpus header (``SOURCE:``, ``LICENCE:``, ``DATE:`` lines, then a blank line, as
``../shared/corpus/texts`` has) gives the URL (SOURCE, when it is one) and the date. The header
is not text: the document is the body after it. A URL makes the document's id
(``web.urls.normalize_url``), so the same article as a text file, a saved page and a feed entry
is one document. A date that is not a full day (``2014-06``) gives none rather than an invented
day.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from .item import AUTHOR_SEPARATOR
from .web.urls import is_web_url, normalize_url

_FRONT_MATTER = re.compile(r"\A\ufeff?---[ \t]*\r?\n(.*?)^(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.DOTALL | re.MULTILINE)
_HEADER_LINE = re.compile(r"(SOURCE|LICEN[CS]E|DATE):\s*(.*)", re.IGNORECASE)
_DAY = re.compile(r"(\d{4}-\d{2}-\d{2})(?![\d-])")
_URL_KEYS = ("url", "link", "canonical_url", "canonical", "permalink", "source")
_DATE_KEYS = ("date", "published", "pubdate", "publishdate")
_AUTHOR_KEYS = ("author", "authors")


@dataclass
class Header:
    title: str | None = None
    url: str | None = None  # normalised
    published: str | None = None
    author: str | None = None

    def apply(self, doc) -> None:
        """Give ``doc`` (an ``inputs.SourceDocument``) the header's title, date, author, and URL as id."""
        doc.title = self.title or doc.title
        doc.published = self.published or doc.published
        doc.author = self.author or doc.author
        if self.url:
            doc.id = doc.url = self.url


def read_header(text: str) -> tuple[Header | None, str]:
    """(the header, the body after it), or (None, text) for a text without one."""
    meta, body = split_front_matter(text)
    if meta is not None:
        title = meta.get("title")
        url = next((meta[k] for k in _URL_KEYS if isinstance(meta.get(k), str) and is_web_url(meta[k])), None)
        published = next((d for d in (day(meta.get(k)) for k in _DATE_KEYS) if d), None)
        author = next((a for a in (authors(meta.get(k)) for k in _AUTHOR_KEYS) if a), None)
        return Header(title.strip() if isinstance(title, str) and title.strip() else None,
                      normalize_url(url) if url else None, published, author), body
    fields, body = split_header(text)
    if not fields:
        return None, text
    source = fields.get("SOURCE", "")
    return Header(None, normalize_url(source) if is_web_url(source) else None, day(fields.get("DATE"))), body


def split_front_matter(text: str) -> tuple[dict | None, str]:
    """(the YAML mapping, the body after it), or (None, text) without a block. A block that is
    not a YAML mapping is no header: (None, text)."""
    match = _FRONT_MATTER.match(text)
    if match is None:
        return None, text
    import yaml

    try:
        meta = yaml.safe_load(match[1])
    except yaml.YAMLError:
        return None, text
    if not isinstance(meta, dict):
        return None, text
    return meta, text[match.end():]


def split_header(text: str) -> tuple[dict[str, str], str]:
    """The ``SOURCE:``/``LICENCE:``/``DATE:`` fields (upper-case keys) and the body after the
    first blank line; ``({}, text)`` when the first line is no such line (``kgload eval`` reads
    the corpus with it too)."""
    header: dict[str, str] = {}
    pos = 0
    while pos < len(text):
        end = text.find("\n", pos)
        end = len(text) if end < 0 else end + 1
        line = text[pos:end].strip()
        if not line:
            return (header, text[end:]) if header else ({}, text)
        match = _HEADER_LINE.fullmatch(line)
        if match is None:
            break
        header[match[1].upper()] = match[2].strip()
        pos = end
    return {}, text


def authors(value: object) -> str | None:
    """A front matter's ``author``: a name, or a list of names joined with ``AUTHOR_SEPARATOR``
    (anything else, such as a number or a mapping, gives none)."""
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, list):
        names = [v.strip() for v in value if isinstance(v, str) and v.strip()]
        return AUTHOR_SEPARATOR.join(names) or None
    return None


def day(value: object) -> str | None:
    """``YYYY-MM-DD`` from a date, a datetime, or a string starting with a full valid date."""
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, str):
        match = _DAY.match(value.strip())
        if match:
            try:
                return dt.date.fromisoformat(match[1]).isoformat()
            except ValueError:
                return None
    return None
