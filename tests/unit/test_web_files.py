"""Saved web pages and text files with a header (front matter, the corpus's SOURCE:/DATE: lines):
the article's text without boilerplate, its title, date and canonical URL, and its URL as id,
so the same article reached two ways is one document. No network: files only."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from loader import web
from loader.inputs import Rejection, SourceDocument
from loader.sources import read_inputs
from loader.web.urls import normalize_url

DATA = Path(__file__).resolve().parents[1] / "data" / "web"
PAGE = DATA / "valdoria-council.html"
CANONICAL = "https://www.northern-ledger.example/world/2021/03/04/valdoria-council"
ARTICLE = (
    "Norway recognizes the new council in Valdoria\n"
    "Norway recognized the Transitional Council of Valdoria as the country's legitimate government on "
    "Wednesday, the foreign ministry in Oslo said in a statement.\n"
    "The decision follows weeks of talks between the council and a delegation led by the Norwegian envoy "
    "Lars Holm, who travelled to the region twice in February.\n"
    "Sweden and Denmark said they would consider a similar step after a meeting of Nordic foreign "
    "ministers next week."
)


@pytest.fixture(autouse=True)
def fresh_run():
    web.configure()  # each test a run of its own: nothing seen yet


def read(*paths) -> list:
    return list(read_inputs([str(p) for p in paths]))


def test_saved_page_gives_the_article_without_boilerplate():
    [doc] = read(PAGE)
    assert isinstance(doc, SourceDocument)
    assert doc.text == ARTICLE
    for boilerplate in ("cookies", "World", "Related stories", "Envoy returns", "Photo: Ledger archive",
                        "Share on social", "Morning briefing", "All rights reserved", "By Ingrid Solheim",
                        "pageview"):
        assert boilerplate not in doc.text
    assert doc.title == "Norway recognizes the new council in Valdoria"  # not "... | The Northern Ledger"
    assert doc.published == "2021-03-04"  # datePublished, not dateModified
    assert doc.author == "Ingrid Solheim"  # the page's metadata, not its byline "By Ingrid Solheim, 4 March 2021"
    # the canonical link: host in lower case, :443, utm_* and the fragment gone
    assert doc.url == doc.id == CANONICAL
    assert doc.source == str(PAGE)


def pilots_page(head: str) -> str:
    """An invented article whose ``<head>`` ends with ``head``."""
    return f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>Harbour pilots strike | Elin Gazette</title>
{head}</head><body><nav><a href="/">Home</a> <a href="/port">Port</a></nav>
<article><h1>Harbour pilots strike</h1>
<p>The harbour pilots of Port Elin stopped work on Monday after talks with the port authority broke down over night shifts.</p>
<p>Ships waited outside the breakwater for most of the day while the authority looked for pilots from other ports.</p>
</article><footer>Elin Gazette</footer></body></html>"""


JSON_LD_AUTHORS = """<script type="application/ld+json">{"@context": "https://schema.org", "@type": "NewsArticle",
 "headline": "Harbour pilots strike", "author": [{"@type": "Person", "name": "Ana Ruiz"},
 {"@type": "Person", "name": "Tom Lee"}]}</script>"""


@pytest.mark.parametrize("head, author", [
    ('<meta name="author" content="Ana Ruiz">', "Ana Ruiz"),
    (JSON_LD_AUTHORS, "Ana Ruiz; Tom Lee"),  # two authors, joined as trafilatura joins them
    ("", None),  # a page that names no author
])
def test_a_pages_author_is_its_documents(tmp_path, head, author):
    path = tmp_path / "pilots.html"
    path.write_text(pilots_page(head), encoding="utf-8")
    [doc] = read(path)
    assert isinstance(doc, SourceDocument)
    assert doc.author == author
    assert doc.title == "Harbour pilots strike"


@pytest.mark.parametrize("lines, author", [
    ("author: Ana Ruiz\n", "Ana Ruiz"),
    ("author: [Ana Ruiz, Tom Lee]\n", "Ana Ruiz; Tom Lee"),
    ("authors:\n  - Tom Lee\n  - Ana Ruiz\n", "Tom Lee; Ana Ruiz"),
    ("author: 42\n", None),  # no name
    ("", None),
])
def test_front_matter_gives_the_author(tmp_path, lines, author):
    path = tmp_path / "pilots.md"
    path.write_text(f"---\ntitle: Harbour pilots strike\n{lines}---\nThe pilots stopped work on Monday.\n",
                    encoding="utf-8")
    [doc] = read(path)
    assert (doc.title, doc.author, doc.text) == ("Harbour pilots strike", author, "The pilots stopped work on Monday.\n")


# 11 paragraphs of 18 words: a whole article (an entry of 150 words or more is read as it stands)
FULL_ENTRY = "".join(f"<p>Paragraph {i} says that the pilots of Port Elin kept the breakwater closed to ships "
                     f"for a second day.</p>" for i in range(1, 12))


def rss_item(slug: str, author: str) -> str:
    return (f"<item><title>Pilots strike, {slug}</title><link>https://elin-gazette.example/port/{slug}</link>"
            f"{author}<content:encoded><![CDATA[{FULL_ENTRY}]]></content:encoded></item>")


def test_a_feed_entry_read_as_it_stands_gives_its_author(tmp_path):
    feed = tmp_path / "port.rss"
    feed.write_text(f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>Elin Gazette: Port</title><link>https://elin-gazette.example/port</link><description>Port news</description>
{rss_item("day-one", "<dc:creator>Tom Lee</dc:creator><dc:creator>Ana Ruiz</dc:creator>")}
{rss_item("day-two", "<author>desk@elin-gazette.example (Ana Ruiz)</author>")}
{rss_item("day-three", "<author>desk@elin-gazette.example</author>")}
{rss_item("day-four", "")}
</channel></rss>""", encoding="utf-8")
    docs = read(feed)
    assert [(d.url, d.author) for d in docs] == [
        ("https://elin-gazette.example/port/day-one", "Tom Lee; Ana Ruiz"),  # both, in the feed's order
        ("https://elin-gazette.example/port/day-two", "Ana Ruiz"),  # the name, not the address
        ("https://elin-gazette.example/port/day-three", None),  # an address only is no author
        ("https://elin-gazette.example/port/day-four", None),
    ]


def test_front_matter_gives_title_date_and_url_and_is_not_text(tmp_path):
    path = tmp_path / "council.md"
    path.write_text("---\ntitle: \"Norway recognizes the council\"\ndate: 2021-03-04 07:15:00\n"
                    "url: https://www.northern-ledger.example/world/2021/03/04/valdoria-council/?utm_campaign=x\n"
                    "tags: [world, nordic]\n---\nNorway recognized the council on Wednesday.\n", encoding="utf-8")
    [doc] = read(path)
    assert doc.text == "Norway recognized the council on Wednesday.\n"
    assert doc.title == "Norway recognizes the council"
    assert doc.published == "2021-03-04"
    assert doc.id == doc.url == CANONICAL + "/"  # the trailing slash is the site's own: kept


def test_corpus_header_lines_give_url_and_date_and_are_not_text(tmp_path):
    path = tmp_path / "02_kosovo.txt"
    path.write_text("SOURCE: https://www.example.com/a/kosovo-recognition/123.html\n"
                    "LICENCE: Public domain\nDATE: 2008-02-18\n\n"
                    "U.S. Recognizes Kosovo\n\nThe United States recognized Kosovo on Monday.\n", encoding="utf-8")
    [doc] = read(path)
    assert doc.text == "U.S. Recognizes Kosovo\n\nThe United States recognized Kosovo on Monday.\n"
    assert doc.title == "U.S. Recognizes Kosovo"
    assert doc.published == "2008-02-18"
    assert doc.id == doc.url == "https://www.example.com/a/kosovo-recognition/123.html"


def test_a_partial_date_gives_none_and_a_header_without_url_keeps_the_files_id(tmp_path):
    path = tmp_path / "notes.txt"
    path.write_text("SOURCE: Example Radio, evening bulletin\nDATE: 2014-06\n\nChile recognized Peru.\n", encoding="utf-8")
    [doc] = read(path)
    assert doc.text == "Chile recognized Peru.\n"
    assert doc.published is None and doc.url is None
    assert doc.id == path.resolve().as_uri()  # a file's identity is its path (issue 20, point 5)


def test_a_file_without_a_header_reads_as_before(tmp_path):
    path = tmp_path / "plain-2019-03-26.txt"
    path.write_text("Plain headline\n\nDATE: this line is text, not a header.\n", encoding="utf-8")
    [doc] = read(path)
    assert doc.text == "Plain headline\n\nDATE: this line is text, not a header.\n"
    assert doc.published == "2019-03-26" and doc.url is None


def test_the_same_article_as_a_saved_page_and_a_text_file_is_read_once(tmp_path):
    shutil.copy(PAGE, tmp_path / "a-page.html")
    (tmp_path / "b-copy.md").write_text(f"---\nurl: {CANONICAL}?utm_source=newsletter#top\n---\nThe same article.\n",
                                        encoding="utf-8")
    docs = read(tmp_path)
    assert [(d.source, d.id) for d in docs] == [(str(tmp_path / "a-page.html"), CANONICAL)]
    assert web.current().duplicates == 1
    assert web.current().summary() == "1 article(s) read more than once (by URL) were taken once"


def test_bad_pages_and_headers_are_one_line_each_and_the_rest_is_read(tmp_path):
    shutil.copy(PAGE, tmp_path / "good.html")
    (tmp_path / "menu-only.html").write_text(
        "<html><head><title>Index</title></head><body><nav><a href='/a'>World</a> <a href='/b'>Sport</a></nav>"
        "</body></html>", encoding="utf-8")
    (tmp_path / "empty.htm").write_bytes(b"  \n")
    (tmp_path / "header-only.md").write_text("---\ntitle: Nothing below\n---\n\n", encoding="utf-8")
    items = read(tmp_path)
    rejected = [(Path(r.input).name, r.reason) for r in items if isinstance(r, Rejection)]
    assert rejected == [("empty.htm", "empty file"),
                        ("header-only.md", "empty document (no text after its header)"),
                        ("menu-only.html", "no article text found in the page")]
    assert [d.id for d in items if isinstance(d, SourceDocument)] == [CANONICAL]


@pytest.mark.parametrize("url, expected", [
    ("HTTPS://News.Example.ORG:443/a/b?id=7&utm_source=rss&utm_medium=x#c", "https://news.example.org/a/b?id=7"),
    ("http://news.example.org:80", "http://news.example.org/"),
    ("http://news.example.org:8080/x?fbclid=abc&gclid=d&page=2", "http://news.example.org:8080/x?page=2"),
    ("https://user:secret@news.example.org/x", "https://news.example.org/x"),
    ("https://[2001:DB8::1]:443/x", "https://[2001:db8::1]/x"),
])
def test_normalize_url(url, expected):
    assert normalize_url(url) == expected


@pytest.mark.model  # `kgload extract` extracts the good page
def test_extract_command_reports_a_bad_page_on_one_line_and_writes_the_rest(tmp_path):
    import json
    import subprocess
    import sys

    folder = tmp_path / "pages"
    folder.mkdir()
    shutil.copy(PAGE, folder / "good.html")
    (folder / "menu-only.html").write_text("<html><body><nav><a href='/a'>World</a></nav></body></html>", encoding="utf-8")
    out = tmp_path / "records.jsonl"
    run = subprocess.run([sys.executable, "-m", "loader", "extract", str(folder), "-o", str(out), "--quiet"],
                         capture_output=True, text=True, timeout=300)
    assert run.returncode == 4
    assert run.stderr.splitlines() == [
        f"Rejected {folder / 'menu-only.html'}: no article text found in the page",
        "Error: 1 input(s) rejected (see the lines above)",
    ]
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    [document] = [r for r in records if r["kind"] == "document"]
    assert (document["id"], document["url"], document["published"], document["source"], document["author"]) == (
        CANONICAL, CANONICAL, "2021-03-04", str(folder / "good.html"), "Ingrid Solheim")
    recognizes = {(r["subject"]["name"], r["object"]["name"]) for r in records
                  if r["kind"] == "relation" and r["relation"] == "RECOGNIZES"}
    assert recognizes == {("Norway", "Transitional Council of Valdoria")}


def test_an_atom_entrys_authors_are_its_documents(tmp_path):
    feed = tmp_path / "port.atom"
    author = "<author><name>{}</name><email>{}@elin-gazette.example</email></author>"
    feed.write_text(f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Elin Gazette</title><id>urn:port</id><updated>2023-04-05T08:00:00Z</updated>
<entry><title>Pilots strike, day five</title><link rel="alternate" href="https://elin-gazette.example/port/day-five"/>
<id>urn:5</id><updated>2023-04-05T08:00:00Z</updated>{author.format("Ana Ruiz", "ana")}{author.format("Tom Lee", "tom")}
<content type="html"><![CDATA[{FULL_ENTRY}]]></content></entry>
<entry><title>Pilots strike, day six</title><link rel="alternate" href="https://elin-gazette.example/port/day-six"/>
<id>urn:6</id><updated>2023-04-06T08:00:00Z</updated>{author.format("Tom Lee", "tom")}
<content type="html"><![CDATA[{FULL_ENTRY}]]></content></entry>
</feed>""", encoding="utf-8")
    assert [(d.url, d.author) for d in read(feed)] == [
        ("https://elin-gazette.example/port/day-five", "Ana Ruiz; Tom Lee"),
        ("https://elin-gazette.example/port/day-six", "Tom Lee"),  # not "Tom Lee (tom@...)"
    ]
