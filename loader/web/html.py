"""An HTML page to a document: the article's main text, title, date, author and canonical URL.

trafilatura finds the main text (menus, cookie banners, captions, share bars, related links and
footers are not the article) and the metadata (Open Graph, JSON-LD, ``<link rel=canonical>``,
``<meta name=author>``), with htmldate for the publication date. Measured on 300 of
bench/html_pages.py's pages (7.6 kB each): trafilatura kept every paragraph and no boilerplate,
about 400 pages/s; readability-lxml was as fast but kept the caption and the share bar of every
page. Nothing in a page is ever run (no script, no stylesheet, no fetch of anything it links).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..inputs import ISO_DATE, Rejection, SourceDocument, document_from_text
from .urls import is_web_url, normalize_url

HTML_TYPES = ("text/html", "application/xhtml+xml")
# fewer words than this is no article (a menu, a cookie wall, an index page's link labels)
MIN_ARTICLE_WORDS = 10


@dataclass
class Page:
    text: str
    title: str | None
    published: str | None
    author: str | None
    url: str | None  # canonical, normalised; None when the page names none and none is known


def looks_like_html(body: bytes) -> bool:
    head = body[:2048].lstrip().lower()
    return head.startswith((b"<!doctype html", b"<html")) or b"<html" in head or b"<body" in head


def extract_page(body: bytes | str, url: str | None = None) -> Page | None:
    """The article of one page, or None when it has no article text. ``url``: where the page was
    fetched from (its own canonical link, if any, wins)."""
    import trafilatura

    result: Any = trafilatura.bare_extraction(body, url=url, with_metadata=True, include_comments=False,
                                              favor_precision=True, deduplicate=False)
    text = (getattr(result, "text", None) or "").strip()
    if len(text.split()) < MIN_ARTICLE_WORDS:
        return None
    canonical = result.url if result.url and is_web_url(result.url) else url
    published = result.date if result.date and ISO_DATE.fullmatch(result.date) else None
    return Page(text=text, title=(result.title or "").strip() or None, published=published,
                author=(result.author or "").strip() or None,
                url=normalize_url(canonical) if canonical and is_web_url(canonical) else None)


def page_document(body: bytes, source: str, url: str | None = None, published: str | None = None,
                  title: str | None = None, author: str | None = None) -> SourceDocument | Rejection:
    """The document of one page (a file, a fetched URL, a WARC record); ``published`` and
    ``title`` (a feed entry's) win over the page's own, ``author`` (a feed entry's) is taken
    when the page names none. Its id is its canonical URL when it has one, else the id of its
    text as for a text file."""
    try:
        page = extract_page(body, url)
    except Exception as exc:  # a parser's surprise on a hostile page is that page's problem only
        return Rejection(source, f"not a readable HTML page ({type(exc).__name__})")
    if page is None:
        return Rejection(source, "no article text found in the page")
    doc = document_from_text(page.text, source)
    doc.title = title or page.title or doc.title
    doc.published = published or page.published or doc.published
    doc.author = page.author or author
    if page.url:
        doc.id = doc.url = page.url
    return doc
