"""Web inputs on a Dask cluster: ``kgload extract URL... --urls FILE -o OUTDIR --dask ADDRESS``.

The client lists the articles: a URL argument is fetched here once, to tell a feed from a page
(and a feed's entries are listed, each its own job); the URLs of ``--urls`` files are listed
without fetching. The workers fetch: each job is read on a worker through the same polite
fetcher and cache as without Dask (``web.read.WebInputs``, with this run's options: robots.txt,
the per-host limit and delay, which hold per worker process, retries, the size limit, the
safety rule on links). A job is an ``scale.InputFile`` whose ``web`` says what to read.
"""

from __future__ import annotations

from typing import Iterable, Iterator

from .item import InputItem, Rejection
from .web.feeds import NotAFeed
from .web.fetch import FetchError
from .web.read import WebInputs, feed_entries, listed_urls, response_kind
from .web.urls import is_web_url, normalize_url


def list_web(urls: Iterable[str], reader: WebInputs) -> Iterator[tuple[str, dict] | Rejection]:
    """(name, job) for every article of the URL arguments ``urls`` and of ``reader``'s
    ``--urls`` files, in that order; a rejection for a URL or line that gives none. The same
    link twice (a feed and a list, say) is listed once."""
    seen: set[str] = set()

    def once(name: str, job: dict, link: str | None) -> Iterator[tuple[str, dict]]:
        key = normalize_url(link) if link and is_web_url(link) else name
        if key not in seen:
            seen.add(key)
            yield name, job

    for url in urls:
        try:
            response = reader.fetcher.fetch(url)
        except FetchError as exc:
            yield Rejection(url, str(exc))
            continue
        kind = response_kind(response)
        if kind == "html":  # the worker fetches it again: from the cache here, or conditionally
            yield from once(url, {"url": url}, response.final_url)
        elif kind == "feed":
            try:
                entries = feed_entries(response.body)
            except NotAFeed as exc:
                yield Rejection(url, str(exc))
                continue
            for entry in entries:
                where = f"{url} entry {entry.number}"
                yield from once(where, {"entry": entry, "source": url, "feed_url": response.final_url}, entry.link)
        else:
            yield Rejection(url, f"not an HTML page or a feed (Content-Type {kind or 'none'})")
    for name in reader.url_files:
        listed, rejected = listed_urls(name)
        yield from rejected
        for url in listed:
            yield from once(url, {"url": url}, url)


def read_web(job: dict, reader: WebInputs) -> Iterator[InputItem]:
    """The items of one job ``list_web`` listed, read on a worker: a page or feed URL, or a
    feed's entry (its page fetched unless it carries its text)."""
    if "url" in job:
        yield from reader.read_url(job["url"])
    else:
        yield reader.entry_document(job["source"], job["entry"], job["feed_url"])
