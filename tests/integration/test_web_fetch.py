"""Pages by URL and URL lists, fetched from a real HTTP server on 127.0.0.1 (web_site.Site):
the article, politeness (robots.txt, requests per host at once, delay, user agent), retries
with Retry-After, timeouts, size limits, redirects, the cache (only what changed is fetched
again), --offline, and one line per bad URL. No Neo4j, no network beyond loopback."""

from __future__ import annotations

import itertools
import json
import socket

import pytest

from loader import web
from loader.inputs import Rejection, SourceDocument
from loader.sources import read_inputs
from loader.web.fetch import FetchOptions

from .web_site import Reply, Site, html_page

PARAS = ["Portugal recognized the Harbour Council as the legitimate authority of the islands on Tuesday.",
         "The foreign minister said the decision followed talks with the council in Lisbon last week."]
TEXT = "Portugal recognizes the Harbour Council\n" + "\n".join(PARAS)


@pytest.fixture
def site():
    s = Site()
    yield s
    s.close()


def page(site: Site, path: str = "/world/harbour-council", title="Portugal recognizes the Harbour Council",
         published="2022-05-10", **headers) -> Reply:
    return Reply(200, html_page(title, published, PARAS, canonical=site.url(path) + "?utm_source=x"),
                 {"Content-Type": "text/html; charset=utf-8", **headers})


def run(tmp_path, paths=(), urls=(), **options) -> tuple[list, web.read.WebInputs]:
    opts = dict(cache_dir=tmp_path / "cache", delay=0.0, backoff=0.1, timeout=2.0)
    opts.update(options)
    reader = web.configure(FetchOptions(**opts), [str(u) for u in urls])
    return list(read_inputs(list(paths))), reader


def rejections(items) -> list[tuple[str, str]]:
    return [(r.input, r.reason) for r in items if isinstance(r, Rejection)]


def test_a_page_url_gives_its_article_and_asks_politely(site, tmp_path):
    site.routes["/world/harbour-council"] = page(site)
    [doc], reader = run(tmp_path, [site.url("/world/harbour-council?utm_medium=email")])
    assert isinstance(doc, SourceDocument)
    assert doc.text == TEXT
    assert (doc.title, doc.published) == ("Portugal recognizes the Harbour Council", "2022-05-10")
    assert doc.id == doc.url == f"http://127.0.0.1:{site.port}/world/harbour-council"
    assert [r.path for r in site.requests] == ["/robots.txt", "/world/harbour-council?utm_medium=email"]
    assert all(r.headers["user-agent"].startswith("kgload/0.1.0 ") for r in site.requests)
    assert reader.summary() == "Fetched 1 URL(s): 1 new, 0 changed, 0 not modified"


def test_a_rerun_fetches_only_what_changed(site, tmp_path):
    state = {"a": ('"v1"', "2022-05-10"), "b": ('"v1"', "2022-05-11")}

    def route(name):
        def answer(seen):
            etag, day = state[name]
            if seen.headers.get("if-none-match") == etag:
                return Reply(304, b"", {"ETag": etag})
            return page(site, f"/{name}", title=f"Story {name.upper()} on the Harbour Council", published=day, ETag=etag)
        return answer

    site.routes["/a"], site.routes["/b"] = route("a"), route("b")
    first, reader = run(tmp_path, [site.url("/a"), site.url("/b")])
    assert [d.title for d in first] == ["Story A on the Harbour Council", "Story B on the Harbour Council"]
    assert reader.summary() == "Fetched 2 URL(s): 2 new, 0 changed, 0 not modified"
    state["b"] = ('"v2"', "2022-05-12")
    site.requests.clear()
    second, reader = run(tmp_path, [site.url("/a"), site.url("/b")])
    # both asked again, conditionally; only b sent a body
    assert [(r.path, r.headers.get("if-none-match")) for r in site.requests if r.path != "/robots.txt"] == [
        ("/a", '"v1"'), ("/b", '"v1"')]
    assert [(d.title, d.published) for d in second] == [("Story A on the Harbour Council", "2022-05-10"),
                                                         ("Story B on the Harbour Council", "2022-05-12")]
    assert reader.summary() == "Fetched 2 URL(s): 0 new, 1 changed, 1 not modified"
    # offline: the cache only, nothing asked of the server
    site.requests.clear()
    third, reader = run(tmp_path, [site.url("/a"), site.url("/c")], offline=True)
    assert site.requests == []
    assert [d.published for d in third if isinstance(d, SourceDocument)] == ["2022-05-10"]
    assert rejections(third) == [(site.url("/c"), "not in the cache (--offline)")]
    assert reader.summary() == "Fetched 1 URL(s): 0 new, 0 changed, 0 not modified, 1 from the cache (--offline); 1 failed"


def test_robots_txt_disallow_is_honoured(site, tmp_path):
    site.routes["/robots.txt"] = Reply(200, b"User-agent: *\nDisallow: /private/\n", {"Content-Type": "text/plain"})
    site.routes["/private/memo"] = page(site, "/private/memo")
    site.routes["/world/harbour-council"] = page(site)
    items, _ = run(tmp_path, [site.url("/private/memo"), site.url("/world/harbour-council")])
    assert rejections(items) == [(site.url("/private/memo"), "disallowed by robots.txt")]
    assert [d.url for d in items if isinstance(d, SourceDocument)] == [site.url("/world/harbour-council")]
    assert [r.path for r in site.requests] == ["/robots.txt", "/world/harbour-council"]  # robots.txt once


def test_robots_txt_with_a_server_error_stops_the_host(site, tmp_path):
    site.routes["/robots.txt"] = Reply(500, b"oops", {"Content-Type": "text/plain"})
    site.routes["/world/harbour-council"] = page(site)
    items, _ = run(tmp_path, [site.url("/world/harbour-council")], retries=0)
    assert rejections(items) == [(site.url("/world/harbour-council"),
                                  "robots.txt answered HTTP 500; nothing fetched from this host")]
    assert [r.path for r in site.requests] == ["/robots.txt"]


def test_at_most_n_requests_per_host_at_once_and_a_delay_between_them(site, tmp_path):
    for i in range(6):
        site.routes[f"/s{i}"] = Reply(200, page(site, f"/s{i}").body, {"Content-Type": "text/html"}, delay=0.4)
    url_list = tmp_path / "urls.txt"
    url_list.write_text("# today's reading\n" + "\n".join(site.url(f"/s{i}") for i in range(6)) + "\n\n", encoding="utf-8")
    items, reader = run(tmp_path, urls=[url_list], per_host=2)
    assert len([d for d in items if isinstance(d, SourceDocument)]) == 6
    assert site.max_in_flight == 2  # six slow pages, eight fetching threads, two at a time
    site2 = Site()
    try:
        for i in range(3):
            site2.routes[f"/d{i}"] = page(site2, f"/d{i}")
        run(tmp_path / "2", [site2.url(f"/d{i}") for i in range(3)], delay=0.3)
        starts = [r.start for r in site2.requests]  # robots.txt, d0, d1, d2: one at a time
        assert len(starts) == 4
        assert all(b - a >= 0.29 for a, b in itertools.pairwise(starts))
    finally:
        site2.close()


def test_429_with_retry_after_and_503_are_retried(site, tmp_path):
    calls = {"n": 0, "m": 0}

    def busy(seen):
        calls["n"] += 1
        return Reply(429, b"slow down", {"Retry-After": "1"}) if calls["n"] == 1 else page(site, "/busy")

    def flaky(seen):
        calls["m"] += 1
        return Reply(503, b"") if calls["m"] <= 2 else page(site, "/flaky")

    site.routes["/busy"], site.routes["/flaky"] = busy, flaky
    items, _ = run(tmp_path, [site.url("/busy"), site.url("/flaky")])
    assert [d.url for d in items] == [site.url("/busy"), site.url("/flaky")]
    busy_hits = site.hits("/busy")
    assert len(busy_hits) == 2 and busy_hits[1].start - busy_hits[0].start >= 1.0  # Retry-After: 1
    flaky_hits = site.hits("/flaky")
    assert len(flaky_hits) == 3  # backoff 0.1 s, then 0.2 s
    assert flaky_hits[2].start - flaky_hits[0].start >= 0.3


def test_bad_urls_are_one_line_each_and_the_rest_is_read(site, tmp_path):
    site.routes["/ok"] = page(site, "/ok")
    site.routes["/gone"] = Reply(410, b"", {"Content-Type": "text/html"})
    site.routes["/report.pdf"] = Reply(200, b"%PDF-1.7 ...", {"Content-Type": "application/pdf"})
    site.routes["/slow"] = Reply(200, b"<html></html>", {"Content-Type": "text/html"}, delay=2.5)
    site.routes["/huge"] = Reply(200, b"<html>" + b"x" * 2_000_000, {"Content-Type": "text/html"})
    site.routes["/endless"] = Reply(200, b"<html><body>" + b"y" * 1_500_000, {"Content-Type": "text/html"}, length=-1)
    site.routes["/menu"] = Reply(200, b"<html><body><nav><a href='/'>Home</a></nav></body></html>",
                                 {"Content-Type": "text/html"})
    site.routes["/loop"] = Reply(302, b"", {"Location": "/loop"})
    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        closed = s.getsockname()[1]
    url_list = tmp_path / "urls.txt"
    url_list.write_text("\n".join([site.url("/missing"), site.url("/gone"), site.url("/report.pdf"), site.url("/slow"),
                                   site.url("/huge"), site.url("/endless"), site.url("/menu"), site.url("/loop"), "ftp://example.org/x",
                                   f"http://127.0.0.1:{closed}/x", site.url("/ok")]) + "\n", encoding="utf-8")
    items, _ = run(tmp_path, urls=[url_list], timeout=1.0, max_bytes=1_000_000)
    assert rejections(items) == [
        (f"{url_list}:9", "not an http(s) URL: 'ftp://example.org/x'"),
        (site.url("/missing"), "HTTP 404 (not found)"),
        (site.url("/gone"), "HTTP 410 (gone)"),
        (site.url("/report.pdf"), "not an HTML page or a feed (Content-Type application/pdf)"),
        (site.url("/slow"), "no answer within 1 s"),
        (site.url("/huge"), "body too large (2,000,006 bytes; the limit is 1,000,000)"),
        (site.url("/endless"), "body too large (over 1,000,000 bytes)"),
        (site.url("/menu"), "no article text found in the page"),
        (site.url("/loop"), "more than 5 redirects"),
        (f"http://127.0.0.1:{closed}/x", "host does not answer (connection refused)"),
    ]
    assert [d.url for d in items if isinstance(d, SourceDocument)] == [site.url("/ok")]


def test_redirects_are_followed_and_recorded(site, tmp_path):
    site.routes["/short/7"] = Reply(301, b"", {"Location": "/world/harbour-council"})
    site.routes["/world/harbour-council"] = page(site)
    [doc], reader = run(tmp_path, [site.url("/short/7")])
    assert doc.url == site.url("/world/harbour-council")
    [meta_file] = (tmp_path / "cache").rglob("*.json")
    meta = json.loads(meta_file.read_text())
    assert (meta["url"], meta["final_url"], meta["redirects"]) == (
        site.url("/short/7"), site.url("/world/harbour-council"), [site.url("/short/7")])


def test_a_redirect_to_a_private_address_elsewhere_is_refused(site, tmp_path):
    site.routes["/r1"] = Reply(302, b"", {"Location": "http://169.254.169.254/latest/meta-data/"})
    site.routes["/r2"] = Reply(302, b"", {"Location": "file:///etc/passwd"})
    site.routes["/r3"] = Reply(302, b"", {"Location": site.url("/world/harbour-council", host="localhost")})
    site.routes["/world/harbour-council"] = page(site)
    items, _ = run(tmp_path, [site.url("/r1"), site.url("/r2"), site.url("/r3")])
    assert rejections(items) == [
        (site.url("/r1"), "redirected to http://169.254.169.254/latest/meta-data/: refused: 169.254.169.254 resolves to "
                          "the non-public address 169.254.169.254 (a link in a feed or page; --allow-private allows it)"),
        (site.url("/r2"), "redirected to file:///etc/passwd: only http(s) URLs are fetched, not file:"),
        (site.url("/r3"), f"redirected to {site.url('/world/harbour-council', host='localhost')}: refused: localhost "
                          "resolves to the non-public address 127.0.0.1 (a link in a feed or page; --allow-private allows it)"),
    ]
    site.requests.clear()
    items, _ = run(tmp_path, [site.url("/r3")], allow_private=True)
    assert [d.url for d in items] == [site.url("/world/harbour-council")]  # the page's canonical link
    assert [(r.path, r.headers["host"]) for r in site.requests if r.path != "/robots.txt"] == [
        ("/r3", f"127.0.0.1:{site.port}"), ("/world/harbour-council", f"localhost:{site.port}")]
