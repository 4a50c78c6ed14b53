"""The web's ways in, as input items: page URLs, URL lists, feeds (files or URLs), HTML files,
WARC files; and each article once.

``WebInputs`` turns each into ``SourceDocument``s (``inputs.SourceDocument``) and one-line
``Rejection``s, as ``inputs.read_inputs`` does for text files; ``once`` lets through only the
first document of each URL id in a run (the same article in a feed, a URL list and a saved page
is read once). Fetching (``fetch.Fetcher``) starts only when something needs it.
"""

from __future__ import annotations

from collections import Counter
from typing import BinaryIO, Callable, Iterable, Iterator

from ..inputs import InputItem, Rejection, SourceDocument, document_from_text, read_bounded
from ..listing import unreadable
from .feeds import FEED_TYPES, FeedEntry, NotAFeed, looks_like_feed, parse_feed
from .fetch import Fetcher, FetchError, FetchOptions, Response, fetch_summary
from .html import HTML_TYPES, looks_like_html, page_document
from .urls import is_web_url, normalize_url
from .warc import DamagedWarc, warc_pages

FILE_FEED = "file:"  # ``found_on`` of a feed read from a file: no host is its own


def response_kind(response: Response) -> str:
    """"feed", "html", or else the response's content type (what it serves, told by its
    Content-Type or, when that says nothing clear, its first bytes)."""
    content_type = response.content_type.split(";", 1)[0].strip().lower()
    if content_type in FEED_TYPES or (content_type not in HTML_TYPES and looks_like_feed(response.body)):
        return "feed"
    if content_type in HTML_TYPES or (not content_type and looks_like_html(response.body)):
        return "html"
    return content_type


def listed_urls(name: str) -> tuple[list[str], list[Rejection]]:
    """The URLs of a ``--urls`` file, one a line (blank lines and ``#`` comments ignored), and a
    rejection per line that is no http(s) URL, or for the file."""
    data = read_bounded(name, lambda: open(name, "rb"))
    if isinstance(data, Rejection):
        return [], [data]
    urls: list[str] = []
    rejected: list[Rejection] = []
    for lineno, raw in enumerate(data.decode("utf-8", errors="replace").splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if not is_web_url(line):
            rejected.append(Rejection(f"{name}:{lineno}", f"not an http(s) URL: {line[:100]!r}"))
            continue
        urls.append(line)
    if not urls:
        rejected.append(Rejection(name, "no URL in the file"))
    return urls, rejected


def feed_entries(body: bytes) -> list[FeedEntry]:
    """The entries of a feed; raises NotAFeed when it is none or has none."""
    entries = parse_feed(body)
    if not entries:
        raise NotAFeed("feed has no entries")
    return entries


class WebInputs:
    def __init__(self, options: FetchOptions | None = None, url_files: Iterable[str] = ()):
        self.options = options or FetchOptions()
        self.url_files = list(url_files)
        self._fetcher: Fetcher | None = None
        self.seen: dict[str, str] = {}  # URL id -> the source it was first read from
        self.duplicates = 0

    @property
    def fetcher(self) -> Fetcher:
        if self._fetcher is None:
            self._fetcher = Fetcher(self.options)
        return self._fetcher

    def fetch_counts(self) -> dict[str, int]:
        """What was fetched so far, by outcome (new, changed, not modified, cached, failed)."""
        return dict(self._fetcher.stats) if self._fetcher else {}

    def summary(self, fetched: dict[str, int] | None = None) -> str | None:
        """One line on what was fetched (``fetched``: counts of other processes' fetches added)
        and on articles taken once, or None."""
        counts = Counter(self.fetch_counts())
        counts.update(fetched or {})
        lines = [line for line in (fetch_summary(counts),) if line]
        if self.duplicates:
            lines.append(f"{self.duplicates} article(s) read more than once (by URL) were taken once")
        return "; ".join(lines) or None

    # ------------------------------------------------------------ each article once

    def once(self, items: Iterable[InputItem]) -> Iterator[InputItem]:
        for item in items:
            if isinstance(item, SourceDocument) and item.url and item.id == item.url:
                if item.id in self.seen:
                    self.duplicates += 1
                    continue
                self.seen[item.id] = item.source
            yield item

    # ------------------------------------------------------------ URLs

    def read_url(self, url: str) -> Iterator[InputItem]:
        """A URL the user gave: a page or a feed, told apart by what it serves."""
        try:
            response = self.fetcher.fetch(url)
        except FetchError as exc:
            yield Rejection(url, str(exc))
            return
        yield from self._response_items(url, response)

    def read_url_list(self, name: str) -> Iterator[InputItem]:
        """``--urls FILE``: one URL a line (blank lines and ``#`` comments ignored)."""
        urls, rejected = listed_urls(name)
        yield from rejected
        for items in self.fetcher.fetch_many(urls, lambda u: list(self.read_url(u))):
            yield from items

    def _response_items(self, source: str, response: Response) -> Iterator[InputItem]:
        kind = response_kind(response)
        if kind == "feed":
            yield from self._feed_items(source, response.body, response.final_url)
        elif kind == "html":
            yield page_document(response.body, source, url=response.final_url)
        else:
            yield Rejection(source, f"not an HTML page or a feed (Content-Type {kind or 'none'})")

    # ------------------------------------------------------------ feeds

    def _feed_items(self, source: str, body: bytes, feed_url: str) -> Iterator[InputItem]:
        try:
            entries = feed_entries(body)
        except NotAFeed as exc:
            yield Rejection(source, str(exc))
            return
        yield from self.fetcher.fetch_many(entries, lambda e: self.entry_document(source, e, feed_url))

    def entry_document(self, source: str, entry: FeedEntry, feed_url: str) -> InputItem:
        """A feed entry's article: its own text, or its page fetched (``feed_url``: the feed's
        final URL, for the safety rule on links; ``FILE_FEED`` for a feed file)."""
        where = f"{source} entry {entry.number}"
        link = normalize_url(entry.link) if entry.link and is_web_url(entry.link) else None
        if entry.text is not None:
            doc = document_from_text(entry.text, link or where)
            doc.title = entry.title or doc.title
            doc.published = entry.published or doc.published
            doc.author = entry.author
            if link:
                doc.id = doc.url = link
            return doc
        if entry.link is None:
            return Rejection(where, "entry has neither a link nor its article's text")
        try:
            response = self.fetcher.fetch(entry.link, found_on=feed_url)
        except FetchError as exc:
            return Rejection(f"{where} ({entry.link})", str(exc))
        content_type = response.content_type.split(";", 1)[0].strip().lower()
        if content_type not in HTML_TYPES and not (not content_type and looks_like_html(response.body)):
            return Rejection(f"{where} ({entry.link})", f"not an HTML page (Content-Type {content_type or 'none'})")
        page = page_document(response.body, entry.link, url=response.final_url,
                             published=entry.published, title=entry.title, author=entry.author)
        if isinstance(page, Rejection):
            return Rejection(f"{where} ({entry.link})", page.reason)
        return page

    # ------------------------------------------------------------ files

    def read_file(self, name: str, kind: str, open_binary: Callable[[], BinaryIO],
                  size: Callable[[], int] | None = None) -> Iterator[InputItem]:
        """An HTML, feed or WARC file (``inputs.web_kind``), opened by ``open_binary``."""
        if kind == "warc":
            try:
                with open_binary() as stream:
                    yield from self._warc_items(name, stream)
            except OSError as exc:
                yield unreadable(name, exc)
            return
        data = read_bounded(name, open_binary, size)
        if isinstance(data, Rejection):
            yield data
        elif not data.strip():
            yield Rejection(name, "empty file")
        elif kind == "feed":
            yield from self._feed_items(name, data, FILE_FEED)
        else:
            yield page_document(data, name)

    def _warc_items(self, name: str, stream: BinaryIO) -> Iterator[InputItem]:
        try:
            for page in warc_pages(stream):
                url = page.target if is_web_url(page.target) else None
                doc = page_document(page.body, page.target or name, url=url)
                if isinstance(doc, Rejection):
                    yield Rejection(f"{name}: {page.target}", doc.reason)
                    continue
                if doc.published is None:
                    doc.published = page.date
                yield doc
        except DamagedWarc as exc:
            yield Rejection(name, str(exc))
