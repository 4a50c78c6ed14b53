"""`kgload load FEED` run again and again, as from cron, against a real HTTP server on 127.0.0.1
and a real Neo4j: each run asks only for what changed (conditional requests through the cache)
and loads only new or changed articles, and its summary says so."""

from __future__ import annotations

import hashlib
import json

from .conftest import run_kgload
from .web_site import Reply, Site, html_page

STORIES = {
    "ghana": ("Ghana recognizes the Harbour Council", "2022-05-02",
              ["Ghana recognized the Harbour Council as the legitimate authority of the islands on Monday.",
               "The foreign ministry in Accra said an envoy would travel to the islands next month."]),
    "peru": ("Peru deploys engineers to Chile", "2022-05-03",
             ["Peru deployed about 40 army engineers to Chile on Tuesday to repair the main port.",
              "The engineers will stay until the end of the year, the defence ministry said."]),
    "kenya": ("Kenya accuses the council of delays", "2022-05-04",
              ["Kenya accused the Harbour Council of delaying the promised elections on Wednesday.",
               "The council rejected the charge and said a date would be set within weeks."]),
}


def serve(site: Site, order: list[str]) -> None:
    def conditional(body: bytes, content_type: str):
        etag = '"' + hashlib.sha256(body).hexdigest()[:16] + '"'

        def answer(seen):
            if seen.headers.get("if-none-match") == etag:
                return Reply(304, b"", {"ETag": etag})
            return Reply(200, body, {"Content-Type": content_type, "ETag": etag})
        return answer

    items = "".join(
        f"<item><title>{STORIES[k][0]}</title><link>{site.url('/world/' + k)}?utm_source=rss</link>"
        f"<pubDate>{int(STORIES[k][1][-2:]):02d} May 2022 07:00:00 GMT</pubDate><description>Summary.</description></item>"
        for k in order)
    feed = (f'<?xml version="1.0"?><rss version="2.0"><channel><title>Harbour Times</title>'
            f'<link>{site.url("/")}</link><description>World</description>{items}</channel></rss>').encode()
    site.routes["/world/rss.xml"] = conditional(feed, "application/rss+xml")
    for key, (title, day, paragraphs) in STORIES.items():
        body = html_page(title, day, paragraphs, canonical=site.url("/world/" + key))
        site.routes["/world/" + key] = conditional(body, "text/html; charset=utf-8")


def test_an_hourly_feed_run_loads_only_new_or_changed_articles(empty_graph, kgload_env, tmp_path):
    site = Site()
    try:
        feed = site.url("/world/rss.xml")
        args = ["load", feed, "--cache", str(tmp_path / "cache"), "--delay", "0"]
        serve(site, ["ghana", "peru"])
        first = run_kgload(args, kgload_env)
        assert first.returncode == 0, first.stderr
        assert "Fetched 3 URL(s): 3 new, 0 changed, 0 not modified" in first.stderr
        assert "Documents: 2 loaded (0 replaced), 0 already present" in first.stderr

        second = run_kgload(args, kgload_env)
        assert second.returncode == 0, second.stderr
        assert "Fetched 3 URL(s): 0 new, 0 changed, 3 not modified" in second.stderr
        assert "Documents: 0 loaded (0 replaced), 2 already present" in second.stderr

        # an hour later: Peru's story was corrected, Kenya's is new
        STORIES["peru"] = (STORIES["peru"][0], STORIES["peru"][1],
                           [STORIES["peru"][2][0].replace("about 40", "about 60"), STORIES["peru"][2][1]])
        serve(site, ["ghana", "peru", "kenya"])
        site.requests.clear()
        third = run_kgload(args, kgload_env)
        assert third.returncode == 0, third.stderr
        assert "Fetched 4 URL(s): 1 new, 2 changed, 1 not modified" in third.stderr
        assert "Documents: 2 loaded (1 replaced), 1 already present" in third.stderr
        assert sorted(r.path for r in site.requests) == [
            "/robots.txt", "/world/ghana?utm_source=rss", "/world/kenya?utm_source=rss", "/world/peru?utm_source=rss",
            "/world/rss.xml"]
        rows = empty_graph.read_text("MATCH (d:Document) RETURN d.id AS id, d.url AS url, d.published AS published "
                                     "ORDER BY d.published")
        assert [(r["id"], r["url"], r["published"]) for r in rows] == [
            (site.url("/world/ghana"), site.url("/world/ghana"), "2022-05-02"),
            (site.url("/world/peru"), site.url("/world/peru"), "2022-05-03"),
            (site.url("/world/kenya"), site.url("/world/kenya"), "2022-05-04"),
        ]
        # the corrected story replaced its evidence: 60 engineers (and "The engineers will stay"), no 40 left
        assets = empty_graph.read_text("MATCH (e:Evidence) WHERE e.key = 'peru|DEPLOYS_TO|chile' RETURN e.asset AS asset")
        assert sorted(r["asset"] for r in assets) == ["about 60 army engineers", "engineers"]
    finally:
        site.close()


def test_a_saved_pages_author_is_its_document_nodes(empty_graph, kgload_env, tmp_path):
    page = tmp_path / "ghana.html"
    title, day, paragraphs = STORIES["ghana"]
    page.write_bytes(html_page(title, day, paragraphs, canonical="https://harbour-times.example/world/ghana",
                               author="Efua Mensah"))
    unsigned = tmp_path / "kenya.html"
    title, day, paragraphs = STORIES["kenya"]
    unsigned.write_bytes(html_page(title, day, paragraphs, author=None))
    done = run_kgload(["load", str(page), str(unsigned)], kgload_env)
    assert done.returncode == 0, done.stderr
    rows = empty_graph.read_text("MATCH (d:Document) RETURN d.title AS title, d.author AS author ORDER BY d.published")
    assert [(r["title"], r["author"]) for r in rows] == [
        ("Ghana recognizes the Harbour Council", "Efua Mensah"),
        ("Kenya accuses the council of delays", None),
    ]
    # and the evidence behind a fact names it beside the document's title
    why = run_kgload(["query", "evidence", "-p", "subject", "Ghana", "-p", "object", "Harbour Council",
                      "--format", "json"], kgload_env)
    assert why.returncode == 0, why.stderr
    assert {(r["document"], r["author"]) for r in json.loads(why.stdout)} == {
        ("Ghana recognizes the Harbour Council", "Efua Mensah")}
