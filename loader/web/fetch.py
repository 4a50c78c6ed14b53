"""Polite, bounded, cached HTTP fetching for feeds and pages.

Every request says who it is (``User-Agent: kgload/VERSION``), asks robots.txt first (protego,
once per host and run), keeps to at most ``per_host`` requests per host at once and ``delay``
seconds between the starts of two requests to one host (robots.txt's Crawl-delay if longer),
times out (``timeout`` seconds to connect, and for the whole body), retries 429 and 5xx with
backoff (``Retry-After`` when the server gives one, else 1, 2, 4 ... times ``backoff``), refuses
a body over ``max_bytes``, and follows redirects (at most ``MAX_REDIRECTS``, each hop checked
by the safety rule of ``urls.check_fetchable``) and records them.

The cache (``cache_dir``, by default ``~/.cache/kgload/http``) keeps every page and feed fetched
with its ETag and Last-Modified; the next run asks with ``If-None-Match`` /
``If-Modified-Since``, so a page that did not change is answered 304 and read from the cache.
``offline`` reads the cache only. Every failure is a ``FetchError`` whose message is the reason,
for one line.
"""

from __future__ import annotations

import email.utils
import hashlib
import json
import os
import threading
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, TypeVar
from urllib.parse import urljoin, urlsplit

from .. import __version__
from ..files import temp_path
from .urls import UnsafeURL, check_fetchable

USER_AGENT = f"kgload/{__version__} (knowledge-graph loader; +https://github.com/kgload/kgload)"
ROBOTS_AGENT = "kgload"
MAX_REDIRECTS = 5
RETRY_STATUSES = {429, 500, 502, 503, 504}
MAX_RETRY_AFTER = 120.0  # seconds; a longer Retry-After is a failure, not a wait

T = TypeVar("T")
R = TypeVar("R")


def default_cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "kgload" / "http"


@dataclass
class FetchOptions:
    cache_dir: Path | None = None  # None: default_cache_dir()
    offline: bool = False
    allow_private: bool = False
    per_host: int = 2
    delay: float = 1.0
    timeout: float = 30.0
    retries: int = 3
    backoff: float = 1.0
    max_bytes: int = 10 * 1024 * 1024
    workers: int = 8  # requests in flight over all hosts


class FetchError(Exception):
    """A URL that could not be fetched; ``str()`` is the reason."""


@dataclass
class Response:
    url: str  # as asked
    final_url: str  # after redirects
    redirects: list[str]  # the URLs redirected from, in order
    content_type: str
    body: bytes
    state: str  # "new", "changed", "not modified" (304 from the cache), "cached" (offline)


@dataclass
class _Host:
    slots: threading.Semaphore
    lock: threading.Lock = field(default_factory=threading.Lock)
    robots_lock: threading.Lock = field(default_factory=threading.Lock)
    next_start: float = 0.0
    robots: object = None  # a protego.Protego, or a str: why the host is refused
    robots_done: bool = False


class Fetcher:
    def __init__(self, options: FetchOptions | None = None):
        self.options = options or FetchOptions()
        self.cache_dir = self.options.cache_dir or default_cache_dir()
        self.stats: Counter[str] = Counter()
        self._hosts: dict[str, _Host] = {}
        self._lock = threading.Lock()
        self._pool: Any = None
        self._crawl_delays: dict[str, float] = {}  # per origin, from robots.txt
        self.in_flight: Counter[str] = Counter()  # per host, now
        self.max_in_flight: Counter[str] = Counter()  # per host, the most at once

    # ------------------------------------------------------------ public

    def fetch(self, url: str, *, found_on: str | None = None) -> Response:
        """The body of ``url``, from the network or the cache. ``found_on``: the feed or page
        that linked to it (None for a URL the user gave). Raises FetchError."""
        try:
            response = self._fetch(url, found_on)
        except FetchError:
            self.stats["failed"] += 1
            raise
        self.stats[response.state] += 1
        return response

    def fetch_many(self, jobs: Iterable[T], work: Callable[[T], R]) -> Iterator[R]:
        """``work(job)`` for every job, run by up to ``options.workers`` threads (the per-host
        limits hold across them), results in the order of ``jobs``."""
        jobs = list(jobs)
        if len(jobs) <= 1:
            yield from map(work, jobs)
            return
        with ThreadPoolExecutor(max_workers=max(1, self.options.workers), thread_name_prefix="kgload-fetch") as pool:
            futures = [pool.submit(work, job) for job in jobs]
            try:
                for future in futures:
                    yield future.result()
            finally:
                for future in futures:
                    future.cancel()

    def summary(self) -> str | None:
        """One line on what was fetched, or None when nothing was."""
        return fetch_summary(self.stats)

    # ------------------------------------------------------------ the steps

    def _fetch(self, url: str, found_on: str | None) -> Response:
        opts = self.options
        try:
            check_fetchable(url, found_on=found_on, allow_private=opts.allow_private)
        except UnsafeURL as exc:
            raise FetchError(str(exc)) from None
        cached = self._cache_read(url)
        if opts.offline:
            if cached is None:
                raise FetchError("not in the cache (--offline)")
            meta, body = cached
            return Response(url, meta["final_url"], meta["redirects"], meta["content_type"], body, "cached")
        current, redirects = url, []
        for _ in range(MAX_REDIRECTS + 1):
            self._check_robots(current)
            conditional = cached if current == url else None
            status, headers, body = self._request_with_retries(current, conditional)
            if status in (301, 302, 303, 307, 308):
                location = headers.get("location")
                if not location:
                    raise FetchError(f"HTTP {status} without a Location")
                target = urljoin(current, location)
                try:
                    # a redirect is the server's choice, not the user's: it may stay on the host
                    # asked for, but a private address elsewhere is refused as a link would be
                    check_fetchable(target, found_on=current, allow_private=opts.allow_private)
                except UnsafeURL as exc:
                    raise FetchError(f"redirected to {target}: {exc}") from None
                redirects.append(current)
                current = target
                continue
            if status == 304 and cached is not None:
                meta, old = cached
                return Response(url, meta["final_url"], meta["redirects"], meta["content_type"], old, "not modified")
            if status != 200:
                raise FetchError(f"HTTP {status}{_reason(status)}")
            content_type = headers.get("content-type", "")
            self._cache_write(url, current, redirects, headers, body)
            return Response(url, current, redirects, content_type, body, "changed" if cached else "new")
        raise FetchError(f"more than {MAX_REDIRECTS} redirects")

    def _host(self, url: str) -> _Host:
        key = _origin(url)
        with self._lock:
            host = self._hosts.get(key)
            if host is None:
                host = self._hosts[key] = _Host(threading.Semaphore(max(1, self.options.per_host)))
            return host

    def _check_robots(self, url: str) -> None:
        host = self._host(url)
        with host.robots_lock:
            if not host.robots_done:
                host.robots = self._robots(url)
                host.robots_done = True
        if isinstance(host.robots, str):
            raise FetchError(host.robots)
        if host.robots is not None and not host.robots.can_fetch(url, ROBOTS_AGENT):  # type: ignore[attr-defined]
            raise FetchError("disallowed by robots.txt")

    def _robots(self, url: str):
        """The host's robots rules (protego), None when it has none (4xx), or the reason the
        host is refused (robots.txt unreachable or 5xx: RFC 9309, assume everything disallowed)."""
        from protego import Protego

        robots_url = _origin(url) + "/robots.txt"
        try:
            status, _headers, body = self._request_with_retries(robots_url, None)
        except FetchError as exc:  # the host does not answer, or too slowly: that is the reason
            return str(exc)
        if status == 200:
            rules = Protego.parse(body.decode("utf-8", errors="replace"))
            delay = rules.crawl_delay(ROBOTS_AGENT)
            if delay:
                with self._lock:
                    self._crawl_delays[_origin(url)] = min(float(delay), 60.0)
            return rules
        if status >= 500:
            return f"robots.txt answered HTTP {status}; nothing fetched from this host"
        return None  # 4xx (and redirects not followed): no rules, everything allowed

    def _request_with_retries(self, url: str, cached):
        opts = self.options
        attempt = 0
        while True:
            status, headers, body = self._request(url, cached)
            if status not in RETRY_STATUSES or attempt >= opts.retries:
                return status, headers, body
            wait = _retry_after(headers.get("retry-after"))
            if wait is None:
                wait = opts.backoff * (2 ** attempt)
            if wait > MAX_RETRY_AFTER:
                raise FetchError(f"HTTP {status}, Retry-After {wait:.0f} s is too long")
            time.sleep(wait)
            attempt += 1

    def _request(self, url: str, cached) -> tuple[int, dict[str, str], bytes]:
        """One GET, within the host's limits: (status, lower-case headers, body)."""
        import urllib3

        opts = self.options
        host = self._host(url)
        key = _origin(url)
        headers = {"User-Agent": USER_AGENT, "Accept-Encoding": "gzip, deflate"}
        if cached is not None:
            meta = cached[0]
            if meta.get("etag"):
                headers["If-None-Match"] = meta["etag"]
            if meta.get("last_modified"):
                headers["If-Modified-Since"] = meta["last_modified"]
        with host.slots:
            with host.lock:
                gap = max(opts.delay, self._crawl_delays.get(key, 0.0))
                now = time.monotonic()
                start = max(now, host.next_start)
                host.next_start = start + gap
            if start > now:
                time.sleep(start - now)
            with self._lock:
                self.in_flight[key] += 1
                self.max_in_flight[key] = max(self.max_in_flight[key], self.in_flight[key])
            try:
                return self._get(urllib3, url, headers)
            finally:
                with self._lock:
                    self.in_flight[key] -= 1

    def _get(self, urllib3, url: str, headers: dict[str, str]) -> tuple[int, dict[str, str], bytes]:
        opts = self.options
        with self._lock:
            if self._pool is None:
                self._pool = urllib3.PoolManager(num_pools=64, maxsize=max(1, opts.per_host), block=False)
            pool = self._pool
        deadline = time.monotonic() + opts.timeout
        try:
            response = pool.request(
                "GET", url, headers=headers, redirect=False, retries=False, preload_content=False,
                timeout=urllib3.Timeout(connect=opts.timeout, read=opts.timeout))
        except urllib3.exceptions.NewConnectionError as exc:  # (a ConnectTimeoutError's subclass)
            raise FetchError(f"host does not answer ({_short(exc)})") from None
        except urllib3.exceptions.TimeoutError:
            raise FetchError(f"no answer within {opts.timeout:g} s") from None
        except urllib3.exceptions.HTTPError as exc:
            raise FetchError(f"host does not answer ({_short(exc)})") from None
        whole = False
        try:
            length = response.headers.get("content-length")
            if length and length.isdigit() and int(length) > opts.max_bytes:
                raise FetchError(f"body too large ({int(length):,} bytes; the limit is {opts.max_bytes:,})")
            chunks, size = [], 0
            try:
                for chunk in response.stream(64 * 1024, decode_content=True):
                    size += len(chunk)
                    if size > opts.max_bytes:
                        raise FetchError(f"body too large (over {opts.max_bytes:,} bytes)")
                    if time.monotonic() > deadline:
                        raise FetchError(f"body not received within {opts.timeout:g} s")
                    chunks.append(chunk)
            except urllib3.exceptions.TimeoutError:
                raise FetchError(f"body not received within {opts.timeout:g} s") from None
            except urllib3.exceptions.HTTPError as exc:
                raise FetchError(f"connection broken ({_short(exc)})") from None
            whole = True
            return response.status, {k.lower(): v for k, v in response.headers.items()}, b"".join(chunks)
        finally:
            if not whole:  # a body left unread must not be read as the next answer on this connection
                response.close()
            response.release_conn()

    # ------------------------------------------------------------ the cache

    def _cache_paths(self, url: str) -> tuple[Path, Path]:
        digest = hashlib.sha256(url.encode("utf-8")).hexdigest()
        folder = self.cache_dir / digest[:2]
        return folder / f"{digest}.json", folder / f"{digest}.body"

    def _cache_read(self, url: str):
        meta_path, body_path = self._cache_paths(url)
        try:
            meta = json.loads(meta_path.read_text("utf-8"))
            body = body_path.read_bytes()
        except (OSError, ValueError):
            return None
        if meta.get("url") != url or meta.get("sha256") != hashlib.sha256(body).hexdigest():
            return None
        return meta, body

    def _cache_write(self, url: str, final_url: str, redirects: list[str], headers: dict[str, str], body: bytes) -> None:
        meta_path, body_path = self._cache_paths(url)
        meta = {"url": url, "final_url": final_url, "redirects": redirects,
                "content_type": headers.get("content-type", ""), "etag": headers.get("etag"),
                "last_modified": headers.get("last-modified"), "fetched": time.time(),
                "sha256": hashlib.sha256(body).hexdigest()}
        try:
            meta_path.parent.mkdir(parents=True, exist_ok=True)
            for path, data in ((body_path, body), (meta_path, json.dumps(meta).encode("utf-8"))):
                tmp = temp_path(path)
                tmp.write_bytes(data)
                os.replace(tmp, path)
        except OSError:
            self.stats["cache write failed"] += 1  # the page was fetched; only the next run pays


def fetch_summary(stats: Counter[str]) -> str | None:
    """One line on what was fetched (``Fetcher.stats``, or several summed), or None when nothing was."""
    s = stats
    total = s["new"] + s["changed"] + s["not modified"] + s["cached"]
    if not total and not s["failed"]:
        return None
    parts = [f"{s['new']} new", f"{s['changed']} changed", f"{s['not modified']} not modified"]
    if s["cached"]:
        parts.append(f"{s['cached']} from the cache (--offline)")
    line = f"Fetched {total} URL(s): " + ", ".join(parts)
    if s["failed"]:
        line += f"; {s['failed']} failed"
    return line


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme.lower()}://{parts.netloc.lower()}"


def _retry_after(value: str | None) -> float | None:
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())


def _reason(status: int) -> str:
    return {404: " (not found)", 410: " (gone)", 401: " (unauthorized)", 403: " (forbidden)",
            429: " (too many requests)"}.get(status, "")


def _short(exc: BaseException) -> str:
    text = str(exc)
    if "Connection refused" in text:
        return "connection refused"
    return text.split(": ", 1)[-1][:120]
