"""RSS and Atom feeds (feedparser): each entry an article.

An entry whose content is the article (``content:encoded``, Atom ``<content>``: at least
``FULL_TEXT_WORDS`` words) is read as it stands; an entry with only a summary is fetched by its
link (``web.read``). The entry's link and date are the document's URL and publication date; its author is the
document's when the entry is read as it stands or its page names none.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass

from ..item import AUTHOR_SEPARATOR

FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/xml",
              "text/xml", "application/feed+json")
FULL_TEXT_WORDS = 150  # fewer words in an entry is a summary: its page is fetched


@dataclass
class FeedEntry:
    number: int  # 1-based, in the feed's order
    link: str | None
    title: str | None
    published: str | None  # YYYY-MM-DD
    text: str | None  # the article's text when the entry carries it whole
    author: str | None = None  # several joined with ``item.AUTHOR_SEPARATOR``


class NotAFeed(ValueError):
    pass


def looks_like_feed(body: bytes) -> bool:
    head = body[:1024].lstrip().lower()
    if head.startswith(b"<?xml"):
        head = head[head.find(b"?>") + 2:].lstrip()
        while head.startswith(b"<!--") or head.startswith(b"<?"):
            end = head.find(b"-->") + 3 if head.startswith(b"<!--") else head.find(b"?>") + 2
            head = head[end:].lstrip()
    return head.startswith((b"<rss", b"<feed", b"<rdf:rdf"))


def parse_feed(body: bytes) -> list[FeedEntry]:
    """The entries of an RSS or Atom feed; raises NotAFeed when ``body`` is none."""
    import feedparser

    if not looks_like_feed(body):
        raise NotAFeed("not an RSS or Atom feed")
    parsed = feedparser.parse(body, sanitize_html=True, resolve_relative_uris=True)
    if not parsed.get("version") and not parsed.entries:
        raise NotAFeed("not an RSS or Atom feed" + (f" ({parsed.get('bozo_exception')})" if parsed.get("bozo") else ""))
    entries = []
    for number, entry in enumerate(parsed.entries, start=1):
        stamp = entry.get("published_parsed") or entry.get("updated_parsed")
        published = time.strftime("%Y-%m-%d", stamp) if stamp else None
        content = " ".join(c.get("value", "") for c in entry.get("content", []) if c.get("value"))
        text = html_fragment_text(content) if content else None
        if text and len(text.split()) < FULL_TEXT_WORDS:
            text = None
        entries.append(FeedEntry(number, entry.get("link") or None, (entry.get("title") or "").strip() or None,
                                 published, text, entry_author(entry)))
    return entries


_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")


def entry_author(entry) -> str | None:
    """The names of an entry's authors (RSS ``<author>`` or ``dc:creator``, Atom ``<author><name>``),
    joined with ``item.AUTHOR_SEPARATOR``. The e-mail address an RSS ``<author>`` gives
    (``desk@news.example (Ana Ruiz)``) is not a name and is left out; it is taken out of the
    entry's own text, as feedparser splits such an address wrongly when its domain's last part
    is longer than four letters."""
    names = [" ".join(str(a.get("name") or "").split()) for a in entry.get("authors") or []]
    names = [n for n in names if n]
    if len(names) > 1:  # several authors come from elements of their own (dc:creator, Atom <author>)
        return AUTHOR_SEPARATOR.join(dict.fromkeys(names))
    one = " ".join(_EMAIL.sub("", str(entry.get("author") or "")).split()).strip("()<> ")
    return one or None


_BLOCKS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "div", "td"}


def html_fragment_text(fragment: str) -> str:
    """The text of an entry's HTML content, one paragraph a line; figures' captions left out."""
    import lxml.html

    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except (ValueError, lxml.etree.ParserError):
        return ""
    for junk in root.xpath("//figure|//figcaption|//script|//style"):
        junk.drop_tree()
    lines: list[str] = []
    for element in root.iter():
        if isinstance(element.tag, str) and element.tag in _BLOCKS and not any(
                isinstance(c.tag, str) and c.tag in _BLOCKS for c in element):
            line = " ".join(element.text_content().split())
            if line:
                lines.append(line)
    return "\n".join(lines) if lines else " ".join(root.text_content().split())
