"""RSS and Atom feeds, as URLs from a real HTTP server on 127.0.0.1 and as files: each entry an
article with the entry's link and date; a summary-only entry's page fetched, a full entry not;
links to private addresses elsewhere, and other schemes, refused; the same article by feed,
URL and saved page is one document."""

from __future__ import annotations

import pytest

from loader import web
from loader.inputs import Rejection, SourceDocument
from loader.sources import read_inputs
from loader.web.fetch import FetchOptions

from .web_site import Reply, Site, html_page

PARAS = ["Portugal recognized the Harbour Council as the legitimate authority of the islands on Tuesday.",
         "The foreign minister said the decision followed talks with the council in Lisbon last week."]
# a full entry: 8 sentences of 20 words, 160 words (FULL_TEXT_WORDS is 150)
FULL = [f"Sentence {i} says that Chile deployed a small naval team to the islands to help the council "
        f"rebuild the old port." for i in range(1, 9)]


@pytest.fixture
def site():
    s = Site()
    yield s
    s.close()


def run(tmp_path, paths, **options):
    opts = dict(cache_dir=tmp_path / "cache", delay=0.0, backoff=0.1, timeout=2.0)
    opts.update(options)
    reader = web.configure(FetchOptions(**opts))
    return list(read_inputs([str(p) for p in paths])), reader


def rss(site: Site, metadata: bool = True) -> bytes:
    full = "".join(f"<p>{s}</p>" for s in FULL)
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Harbour Times: World</title><link>{site.url("/world")}</link><description>World news</description>
<item><title>Portugal recognizes the Harbour Council</title>
  <link>{site.url("/world/harbour-council")}?utm_source=rss&amp;utm_medium=feed</link>
  <pubDate>Wed, 11 May 2022 06:30:00 GMT</pubDate>
  <description>Lisbon moves first. Read more...</description></item>
<item><title>Chile sends a naval team</title><link>{site.url("/world/naval-team")}</link>
  <pubDate>Thu, 12 May 2022 08:00:00 GMT</pubDate><description>Short summary.</description>
  <content:encoded><![CDATA[<figure><img src="/x.jpg"><figcaption>The port at dawn.</figcaption></figure>{full}]]></content:encoded></item>
<item><title>Elsewhere on loopback</title><link>{site.url("/world/other-host", host="localhost")}</link>
  <pubDate>Fri, 13 May 2022 08:00:00 GMT</pubDate><description>x</description></item>
{METADATA if metadata else ""}
<item><title>A local file</title><link>file:///etc/passwd</link><description>x</description></item>
</channel></rss>""".encode("utf-8")


METADATA = "<item><title>Cloud metadata</title><link>http://169.254.169.254/latest/meta-data/</link><description>x</description></item>"


def serve(site: Site, metadata: bool = True) -> None:
    site.routes["/world/rss.xml"] = Reply(200, rss(site, metadata), {"Content-Type": "application/rss+xml"})
    page = html_page("Portugal recognizes the Harbour Council (page title)", "2022-05-10", PARAS,
                     canonical=site.url("/world/harbour-council"))
    site.routes["/world/harbour-council"] = Reply(200, page, {"Content-Type": "text/html"})
    site.routes["/world/other-host"] = Reply(200, html_page("Other host", "2022-05-13", PARAS), {"Content-Type": "text/html"})


def test_a_feed_url_gives_its_entries_as_articles(site, tmp_path):
    serve(site)
    items, reader = run(tmp_path, [site.url("/world/rss.xml")])
    docs = [d for d in items if isinstance(d, SourceDocument)]
    assert [(d.id, d.title, d.published) for d in docs] == [
        (site.url("/world/harbour-council"), "Portugal recognizes the Harbour Council", "2022-05-11"),  # the entry's
        (site.url("/world/naval-team"), "Chile sends a naval team", "2022-05-12"),
    ]
    assert docs[0].text == "Portugal recognizes the Harbour Council (page title)\n" + "\n".join(PARAS)  # fetched page
    assert docs[1].text == "\n".join(FULL)  # the entry's own content, caption left out, not fetched
    feed = site.url("/world/rss.xml")
    assert [(r.input, r.reason) for r in items if isinstance(r, Rejection)] == [
        (f"{feed} entry 3 ({site.url('/world/other-host', host='localhost')})",
         "refused: localhost resolves to the non-public address 127.0.0.1 (a link in a feed or page; "
         "--allow-private allows it)"),
        (f"{feed} entry 4 (http://169.254.169.254/latest/meta-data/)",
         "refused: 169.254.169.254 resolves to the non-public address 169.254.169.254 (a link in a feed or page; "
         "--allow-private allows it)"),
        (f"{feed} entry 5 (file://etc/passwd)", "only http(s) URLs are fetched, not file:"),  # feedparser's spelling
    ]
    assert sorted(r.path for r in site.requests) == ["/robots.txt", "/world/harbour-council?utm_source=rss&utm_medium=feed",
                                                     "/world/rss.xml"]
    assert reader.summary() == "Fetched 2 URL(s): 2 new, 0 changed, 0 not modified; 3 failed"


def test_allow_private_follows_a_link_to_another_loopback_host(site, tmp_path):
    serve(site, metadata=False)  # (nothing here ever asks 169.254.169.254 anything)
    items, _ = run(tmp_path, [site.url("/world/rss.xml")], allow_private=True)
    assert [d.title for d in items if isinstance(d, SourceDocument)] == [
        "Portugal recognizes the Harbour Council", "Chile sends a naval team", "Elsewhere on loopback"]
    assert [r.reason for r in items if isinstance(r, Rejection)] == ["only http(s) URLs are fetched, not file:"]


def test_the_same_article_by_feed_url_and_saved_page_is_one_document(site, tmp_path):
    serve(site)
    saved = tmp_path / "saved.html"
    saved.write_bytes(site.routes["/world/harbour-council"].body)  # type: ignore[union-attr]
    items, reader = run(tmp_path, [site.url("/world/rss.xml"), site.url("/world/harbour-council?utm_campaign=x"), saved])
    docs = [d for d in items if isinstance(d, SourceDocument)]
    assert [d.id for d in docs] == [site.url("/world/harbour-council"), site.url("/world/naval-team")]
    assert reader.duplicates == 2
    # and alone, each way gives the same id
    for path in (site.url("/world/harbour-council"), saved):
        [doc], _ = run(tmp_path, [path])
        assert doc.id == site.url("/world/harbour-council")


def test_a_feed_file_with_full_entries_fetches_nothing(site, tmp_path):
    atom = tmp_path / "world.atom"
    content = "".join(f"&lt;p&gt;{s}&lt;/p&gt;" for s in FULL)
    atom.write_text(f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Harbour Times</title><id>urn:x</id><updated>2022-05-12T08:00:00Z</updated>
<entry><title>Chile sends a naval team</title><link rel="alternate" href="https://harbour-times.example/world/naval-team"/>
<id>urn:1</id><published>2022-05-12T08:00:00Z</published><updated>2022-05-14T08:00:00Z</updated>
<content type="html">{content}</content></entry>
<entry><title>No link, only a summary</title><id>urn:2</id><updated>2022-05-13T08:00:00Z</updated>
<summary>Too short to be an article.</summary></entry>
</feed>""", encoding="utf-8")
    items, reader = run(tmp_path, [atom])
    assert site.requests == []
    [doc, rejected] = items
    assert (doc.id, doc.title, doc.published, doc.text) == (
        "https://harbour-times.example/world/naval-team", "Chile sends a naval team", "2022-05-12", "\n".join(FULL))
    # (feedparser takes an entry's id for its link when it has none)
    assert (rejected.input, rejected.reason) == (f"{atom} entry 2 (urn:2)", "only http(s) URLs are fetched, not urn:")
    assert reader.summary() == "Fetched 0 URL(s): 0 new, 0 changed, 0 not modified; 1 failed"


def test_what_is_not_a_feed_is_one_line(site, tmp_path):
    not_feed = tmp_path / "catalog.xml"
    not_feed.write_text("<?xml version='1.0'?><catalog><book id='1'>A</book></catalog>", encoding="utf-8")
    site.routes["/feed"] = Reply(200, b"this is no feed at all", {"Content-Type": "application/rss+xml"})
    items, _ = run(tmp_path, [not_feed, site.url("/feed")])
    assert [(r.input, r.reason) for r in items] == [(str(not_feed), "not an RSS or Atom feed"),
                                                     (site.url("/feed"), "not an RSS or Atom feed")]


def test_a_fetched_pages_author_wins_over_its_entrys_and_the_entrys_stands_in_for_none(site, tmp_path):
    items = "".join(
        f'<item><title>Story {slug}</title><link>{site.url("/world/" + slug)}</link>'
        f'<pubDate>Wed, 11 May 2022 06:30:00 GMT</pubDate><dc:creator>Desk Editor</dc:creator>'
        f'<description>Short summary.</description></item>' for slug in ("signed", "unsigned"))
    site.routes["/world/rss.xml"] = Reply(200, (
        f'<?xml version="1.0"?><rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel>'
        f'<title>Harbour Times</title><link>{site.url("/")}</link><description>World</description>{items}'
        f'</channel></rss>').encode(), {"Content-Type": "application/rss+xml"})
    site.routes["/world/signed"] = Reply(200, html_page("Signed story", "2022-05-10", PARAS, author="Mira Kovac"),
                                         {"Content-Type": "text/html"})
    site.routes["/world/unsigned"] = Reply(200, html_page("Unsigned story", "2022-05-10", PARAS, author=None),
                                           {"Content-Type": "text/html"})
    items_read, _ = run(tmp_path, [site.url("/world/rss.xml")])
    assert [(d.url, d.author) for d in items_read] == [
        (site.url("/world/signed"), "Mira Kovac"),  # the page's
        (site.url("/world/unsigned"), "Desk Editor"),  # the entry's: the page names none
    ]
