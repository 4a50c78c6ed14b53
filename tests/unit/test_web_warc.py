"""WARC files written here with warcio (plain and gzip'd): each HTML response record an article
with its target URI and date; other records passed over; a truncated WARC reported on one line
after the articles before the damage. No network."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from loader import web
from loader.inputs import Rejection, SourceDocument
from loader.sources import read_inputs

PAGE = (Path(__file__).resolve().parents[1] / "data" / "web" / "valdoria-council.html").read_bytes()
CANONICAL = "https://www.northern-ledger.example/world/2021/03/04/valdoria-council"
# a page with no canonical link and no date of its own: the record's URI and date stand in
BARE = (b"<html><head><title>Chile sends a naval team</title></head><body><article><h1>Chile sends a naval team</h1>"
        b"<p>Chile deployed a small naval team to the islands on Thursday to help the council rebuild the old port.</p>"
        b"</article></body></html>")


def write_warc(path: Path, gz: bool) -> None:
    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=gz)

        def response(uri, body, content_type, status="200 OK", date="2024-01-02T03:04:05Z"):
            headers = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
            record = writer.create_warc_record(uri, "response", payload=io.BytesIO(body), http_headers=headers,
                                               warc_headers_dict={"WARC-Date": date})
            writer.write_record(record)

        writer.write_record(writer.create_warcinfo_record("crawl.warc", {"software": "test"}))
        request = writer.create_warc_record("https://www.northern-ledger.example/world/x", "request",
                                            payload=io.BytesIO(b"GET /world/x HTTP/1.1\r\n\r\n"))
        writer.write_record(request)
        response("https://www.northern-ledger.example/world/x?utm_source=crawl", PAGE, "text/html; charset=utf-8")
        response("https://www.northern-ledger.example/logo.png", b"\x89PNG...", "image/png")
        response("https://www.northern-ledger.example/old", b"", "text/html", status="301 Moved Permanently")
        response("https://harbour-times.example/world/naval-team", BARE, "text/html", date="2022-05-12T10:00:00Z")


@pytest.fixture(autouse=True)
def fresh_run():
    web.configure()


@pytest.mark.parametrize("name, gz", [("crawl.warc", False), ("crawl.warc.gz", True)])
def test_each_html_response_is_an_article(tmp_path, name, gz):
    write_warc(tmp_path / name, gz)
    docs = list(read_inputs([str(tmp_path / name)]))
    assert all(isinstance(d, SourceDocument) for d in docs)
    assert [(d.id, d.source, d.published, d.title) for d in docs] == [
        (CANONICAL, "https://www.northern-ledger.example/world/x?utm_source=crawl", "2021-03-04",
         "Norway recognizes the new council in Valdoria"),  # the page's own canonical link and date
        ("https://harbour-times.example/world/naval-team", "https://harbour-times.example/world/naval-team",
         "2022-05-12", "Chile sends a naval team"),  # the record's target URI and date
    ]
    assert [d.author for d in docs] == ["Ingrid Solheim", None]  # the page's metadata; the bare page names none
    assert docs[1].text == ("Chile sends a naval team\nChile deployed a small naval team to the islands on Thursday "
                            "to help the council rebuild the old port.")


@pytest.mark.parametrize("suffix", [".warc", ".warc.gz"])
def test_a_truncated_warc_gives_the_articles_before_the_damage_and_one_line(tmp_path, suffix):
    whole = tmp_path / f"whole{suffix}"
    write_warc(whole, gz=suffix.endswith(".gz"))
    data = whole.read_bytes()
    cut = tmp_path / f"cut{suffix}"
    cut.write_bytes(data[: len(data) - 200])  # into the last record
    items = list(read_inputs([str(cut)]))
    assert [d.id for d in items if isinstance(d, SourceDocument)] == [CANONICAL]
    [rejected] = [r for r in items if isinstance(r, Rejection)]
    assert rejected.input == str(cut)
    assert rejected.reason == "truncated or damaged after 5 record(s) (the file ends inside a record)"


def test_a_file_that_is_no_warc_is_one_line(tmp_path):
    fake = tmp_path / "fake.warc"
    fake.write_bytes(b"this is not a web archive\n" * 10)
    [rejected] = list(read_inputs([str(fake)]))
    assert (rejected.input, rejected.reason) == (str(fake), "not a WARC file (no WARC record header)")
