"""Issue 19: `kgload extract --dask` takes feeds and URL lists: the client lists the articles
(fetching the feed, not its pages), the workers fetch the pages through the same polite fetcher
and cache, and the shards hold the records `kgload extract` writes without Dask. A real HTTP
server on 127.0.0.1, a real LocalCluster, the real model; no Neo4j."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from .conftest import ROOT
from .web_site import Reply, Site, html_page

pytestmark = [pytest.mark.model, pytest.mark.slow]

STORIES = {
    "ghana": ("Ghana recognizes the Harbour Council", "2031-05-05",
              ["Ghana recognized the Harbour Council as the government of the islands on Monday.",
               "The foreign ministry in Accra said an envoy would travel to the islands next month."]),
    "peru": ("Peru deploys engineers", "2031-05-06",
             ["Peru deployed about 40 army engineers to Chile on Tuesday to repair the main port.",
              "The engineers will stay until the end of the year, the defence ministry said."]),
    "kenya": ("Kenya accuses the council", "2031-05-07",
              ["Kenya accused the Harbour Council of delaying the promised elections on Wednesday.",
               "The council rejected the charge and said a date would be set within weeks."]),
}


def _serve(site: Site) -> None:
    for key, (title, day, paragraphs) in STORIES.items():
        site.routes["/world/" + key] = Reply(200, html_page(title, day, paragraphs, canonical=site.url("/world/" + key)),
                                             {"Content-Type": "text/html; charset=utf-8"})
    items = "".join(f"<item><title>{STORIES[k][0]}</title><link>{site.url('/world/' + k)}</link>"
                    f"<description>Summary.</description></item>" for k in ("ghana", "peru"))
    feed = (f'<?xml version="1.0"?><rss version="2.0"><channel><title>Harbour Times</title>'
            f'<link>{site.url("/")}</link><description>World</description>{items}</channel></rss>').encode()
    site.routes["/world/rss.xml"] = Reply(200, feed, {"Content-Type": "application/rss+xml"})


def _run(args: list[str]):
    import subprocess
    import sys

    return subprocess.run([sys.executable, "-m", "loader", "extract", *args], capture_output=True, text=True,
                          timeout=600, cwd=ROOT)


def _records(path: Path) -> list[str]:
    files = sorted(path.glob("part-*.jsonl")) if path.is_dir() else [path]
    return sorted(line for f in files for line in f.read_text(encoding="utf-8").splitlines())


def test_feeds_and_url_lists_on_dask_give_the_records_of_one_process(tmp_path):
    site = Site()
    try:
        _serve(site)
        urls = tmp_path / "reading-list.txt"
        # Peru's story again (in the feed too: taken once), Kenya's, a page that is not there, a bad line
        urls.write_text(f"# reading list\n{site.url('/world/peru')}\n{site.url('/world/kenya')}\n"
                        f"{site.url('/world/gone')}\nnot a url\n", encoding="utf-8")
        common = [site.url("/world/rss.xml"), "--urls", str(urls), "--delay", "0", "--quiet"]

        single = _run([*common, "-o", str(tmp_path / "single.jsonl"), "--cache", str(tmp_path / "cache-1")])
        assert single.returncode == 4, single.stderr
        site.requests.clear()
        shards = tmp_path / "shards"
        dask = _run([*common, "-o", str(shards), "--cache", str(tmp_path / "cache-2"), "--dask", "local:2",
                     "--task-docs", "2"])
        assert dask.returncode == 4, dask.stderr
        gone = f"Rejected {site.url('/world/gone')}: HTTP 404 (not found)"
        bad_line = f"Rejected {urls}:5: not an http(s) URL: 'not a url'"
        assert sorted(dask.stderr.splitlines()) == sorted(single.stderr.splitlines())
        assert bad_line in dask.stderr.splitlines() and gone in dask.stderr.splitlines()

        assert _records(shards) == _records(tmp_path / "single.jsonl")
        documents = [json.loads(line) for line in _records(shards) if '"kind":"document"' in line.replace(" ", "")]
        assert sorted(d["id"] for d in documents) == sorted(site.url("/world/" + k) for k in STORIES)
        # the client fetched the feed, the workers each page once (three articles and the 404)
        paths = sorted(r.path for r in site.requests if r.path != "/robots.txt")
        assert paths == ["/world/ghana", "/world/gone", "/world/kenya", "/world/peru", "/world/rss.xml"]
        manifest = json.loads((shards / "manifest.json").read_text(encoding="utf-8"))
        assert [s["inputs"] for s in manifest["shards"]] == [
            [f"{site.url('/world/rss.xml')} entry 1", f"{site.url('/world/rss.xml')} entry 2"],
            [site.url("/world/kenya"), site.url("/world/gone")]]
    finally:
        site.close()
