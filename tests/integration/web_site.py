"""A news site on 127.0.0.1 for the web-input tests: a real HTTP server (the standard library's,
threaded) serving what each test puts in ``routes``, and recording every request (path, headers,
start and end times) and how many were in flight at once."""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Callable


@dataclass
class Reply:
    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0  # seconds before the answer
    length: int | None = None  # a Content-Length to announce (None: the body's; -1: none, the body ends at close)


@dataclass
class Seen:
    path: str
    headers: dict[str, str]
    start: float
    end: float = 0.0


class Site:
    def __init__(self):
        self.routes: dict[str, Reply | Callable[[Seen], Reply]] = {}
        self.requests: list[Seen] = []
        self.in_flight = 0
        self.max_in_flight = 0
        self._lock = threading.Lock()
        site = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):  # quiet
                pass

            def do_GET(self):
                seen = Seen(self.path, {k.lower(): v for k, v in self.headers.items()}, time.monotonic())
                with site._lock:
                    site.requests.append(seen)
                    site.in_flight += 1
                    site.max_in_flight = max(site.max_in_flight, site.in_flight)
                try:
                    route = site.routes.get(self.path.split("?", 1)[0])
                    reply = Reply(404, b"<html><body>Not found</body></html>", {"Content-Type": "text/html"}) \
                        if route is None else route(seen) if callable(route) else route
                    if reply.delay:
                        time.sleep(reply.delay)
                    self.send_response(reply.status)
                    for name, value in reply.headers.items():
                        self.send_header(name, value)
                    if reply.length == -1:
                        self.send_header("Connection", "close")
                        self.close_connection = True
                    else:
                        self.send_header("Content-Length", str(reply.length if reply.length is not None else len(reply.body)))
                    self.end_headers()
                    try:
                        self.wfile.write(reply.body)
                    except (BrokenPipeError, ConnectionResetError):
                        pass
                finally:
                    with site._lock:
                        site.in_flight -= 1
                        seen.end = time.monotonic()

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.port = self.server.server_address[1]
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def url(self, path: str, host: str = "127.0.0.1") -> str:
        return f"http://{host}:{self.port}{path}"

    def hits(self, path: str) -> list[Seen]:
        return [r for r in self.requests if r.path == path]

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def html_page(title: str, published: str, paragraphs: list[str], canonical: str | None = None,
              author: str | None = "Mira Kovac") -> bytes:
    """An invented article in a news site's markup: cookie banner, navigation, a captioned
    figure, related links, Open Graph and JSON-LD metadata (``author``: None for a page that
    names no author)."""
    canonical_tag = f'<link rel="canonical" href="{canonical}">' if canonical else ""
    og_url = f'<meta property="og:url" content="{canonical}">' if canonical else ""
    by = f', "author": {{"@type": "Person", "name": "{author}"}}' if author else ""
    body = "\n".join(f"<p>{p}</p>" for p in paragraphs[:1])
    body += '\n<figure><img src="/img/1.jpg" alt=""><figcaption>Delegates arrive for the talks. Photo: Agency</figcaption></figure>\n'
    body += "\n".join(f"<p>{p}</p>" for p in paragraphs[1:])
    return f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>{title} | Harbour Times</title>{canonical_tag}
<meta property="og:type" content="article"><meta property="og:title" content="{title}">{og_url}
<script type="application/ld+json">{{"@context": "https://schema.org", "@type": "NewsArticle", "headline": "{title}",
 "datePublished": "{published}T09:00:00Z"{by}}}</script>
</head><body>
<div class="cookie-notice">We use cookies for analytics. <button>Accept</button></div>
<header><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/business">Business</a></nav></header>
<main><article><h1>{title}</h1>
{body}
</article>
<aside class="related"><h3>Related</h3><ul><li><a href="/world/older-story">Ministers meet again in the capital</a></li>
<li><a href="/world/another">Port strike enters its second week</a></li></ul></aside></main>
<footer>© Harbour Times. All rights reserved.</footer></body></html>""".encode("utf-8")
