"""Issue 20, point 10 (and issue 19): a re-run of `kgload load` recognises documents it already
loaded, unchanged, before spaCy reads them — by document id and text digest, asked of the graph
once per chunk — so a re-run on the same folder extracts nothing; an edited file is extracted
again and replaces its document. The count is the summary's "Articles:" line (the texts given
to spaCy), not a timing.

Worked out by hand: five invented articles, each one fact; the first load extracts 5; the
re-run extracts 0 (5 unchanged, 5 already present); after one file is edited (Ecuador becomes
Peru) the next run extracts exactly that one (1 loaded, 1 replaced, 4 already present), and
Peru's fact replaces Ecuador's.
"""

from __future__ import annotations

import pytest

from .conftest import run_kgload
from .web_site import Reply, Site, html_page

pytestmark = pytest.mark.model

ARTICLES = {
    "andes-2031-05-05.txt": "Ecuador recognized the Harbour Council as the government of the islands on Monday.\n",
    "coast-2031-05-06.txt": "Chile recognized the Harbour Council as the government of the islands on Tuesday.\n",
    "plains-2031-05-07.txt": "Argentina deployed two frigates to the islands on Wednesday.\n",
    "north-2031-05-08.txt": "Colombia accused the Harbour Council of blocking the port on Thursday.\n",
    "river-2031-05-09.txt": "Uruguay recognized the Harbour Council as the government of the islands on Friday.\n",
}


def _recognizers(graph) -> list[str]:
    rows = graph.read_text("MATCH (s:Entity)-[:RECOGNIZES]->(:Entity) RETURN s.name AS s ORDER BY s")
    return [r["s"] for r in rows]


def test_a_rerun_extracts_nothing_and_an_edited_file_alone_is_extracted(empty_graph, kgload_env, tmp_path):
    folder = tmp_path / "news"
    folder.mkdir()
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")

    first = run_kgload(["load", str(folder)], kgload_env)
    assert first.returncode == 0, first.stderr
    assert "Documents: 5 loaded (0 replaced), 0 already present" in first.stderr
    assert "Articles: 5 extracted, 0 unchanged (not extracted again)" in first.stderr
    assert _recognizers(empty_graph) == ["Chile", "Ecuador", "Uruguay"]

    again = run_kgload(["load", str(folder)], kgload_env)
    assert again.returncode == 0, again.stderr
    assert "Documents: 0 loaded (0 replaced), 5 already present" in again.stderr
    assert "Articles: 0 extracted, 5 unchanged (not extracted again)" in again.stderr

    (folder / "andes-2031-05-05.txt").write_text(ARTICLES["andes-2031-05-05.txt"].replace("Ecuador", "Peru"),
                                                 encoding="utf-8")
    edited = run_kgload(["load", str(folder)], kgload_env)
    assert edited.returncode == 0, edited.stderr
    assert "Documents: 1 loaded (1 replaced), 4 already present" in edited.stderr
    assert "Articles: 1 extracted, 4 unchanged (not extracted again)" in edited.stderr
    assert _recognizers(empty_graph) == ["Chile", "Peru", "Uruguay"]
    assert empty_graph.read_text("MATCH (d:Document) RETURN count(d) AS n") == [{"n": 5}]


def test_pages_answered_not_modified_are_not_extracted_again(empty_graph, kgload_env, tmp_path):
    """Issue 19: a page the cache revalidates (304 Not Modified) has the text already loaded."""
    site = Site()
    try:
        etag = '"v1"'
        for key, country in (("ghana", "Ghana"), ("kenya", "Kenya")):
            body = html_page(f"{country} recognizes the Harbour Council", "2031-05-05",
                             [f"{country} recognized the Harbour Council as the government of the islands on Monday.",
                              "The foreign ministry said an envoy would travel to the islands next month."],
                             canonical=site.url("/world/" + key))

            def answer(seen, body=body):
                if seen.headers.get("if-none-match") == etag:
                    return Reply(304, b"", {"ETag": etag})
                return Reply(200, body, {"Content-Type": "text/html; charset=utf-8", "ETag": etag})
            site.routes["/world/" + key] = answer
        args = ["load", site.url("/world/ghana"), site.url("/world/kenya"), "--cache", str(tmp_path / "cache"),
                "--delay", "0"]
        first = run_kgload(args, kgload_env)
        assert first.returncode == 0, first.stderr
        assert "Articles: 2 extracted, 0 unchanged (not extracted again)" in first.stderr
        second = run_kgload(args, kgload_env)
        assert second.returncode == 0, second.stderr
        assert "Fetched 2 URL(s): 0 new, 0 changed, 2 not modified" in second.stderr
        assert "Documents: 0 loaded (0 replaced), 2 already present" in second.stderr
        assert "Articles: 0 extracted, 2 unchanged (not extracted again)" in second.stderr
    finally:
        site.close()
