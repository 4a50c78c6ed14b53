"""The preparer (loader/prepare.py): a text the graph holds unchanged never reaches spaCy; the
graph is asked once per chunk of texts; records become prepared rows or a rejection. The
extractor and the graph are stand-ins: the point is which texts are sent to extraction."""

from __future__ import annotations

import pytest

from loader import prepare
from loader.item import DocumentBundle, Item, Rejection, SourceDocument
from loader.prepare import extracted, prepared
from loader.records import DocumentRecord, EntityRecord, text_digest

VERSION = "kgload-extract/test+000000000000"


class FakeExtractor:
    """Gives each text a document record (as the real one: id, digest, version) and notes what it was given."""

    workers = 1
    version = VERSION

    def __init__(self):
        self.calls: list[list[str]] = []

    def extract(self, docs):
        self.calls.append([d.id for d in docs])
        for d in docs:
            yield [DocumentRecord(id=d.id, source=d.source, text_sha256=text_digest(d.text), extractor_version=VERSION)]


def _text(doc_id: str, text: str) -> Item:
    return Item(text=SourceDocument(id=doc_id, text=text, source=f"{doc_id}.txt"))


def _kind(item: Item) -> tuple[str, str]:
    if item.unchanged is not None:
        return ("unchanged", item.unchanged)
    if item.records is not None:
        return ("records", item.records.document.id)
    assert item.rejected is not None
    return ("rejected", str(item.rejected))


def test_texts_the_graph_holds_unchanged_are_not_extracted():
    graph = {
        "a": {"id": "a", "text_sha256": text_digest("Chile recognized Guaido."), "extractor_version": VERSION},
        # same text, an older extractor: extracted again
        "b": {"id": "b", "text_sha256": text_digest("Peru recognized Guaido."), "extractor_version": "kgload-extract/old"},
        # the file was edited: extracted again
        "c": {"id": "c", "text_sha256": text_digest("Ecuador recognized Guaido."), "extractor_version": VERSION},
    }
    asked: list[list[str]] = []

    def stored(ids):
        asked.append(ids)
        return {i: graph[i] for i in ids if i in graph}

    extractor = FakeExtractor()
    items = [_text("a", "Chile recognized Guaido."), _text("b", "Peru recognized Guaido."),
             Item(rejected=Rejection("x.txt", "empty document (no text)")),
             _text("c", "Colombia recognized Guaido."), _text("d", "Brazil recognized Guaido.")]
    out = [_kind(i) for i in extracted(items, extractor, stored)]
    assert extractor.calls == [["b", "c", "d"]]
    assert asked == [["a", "b", "c", "d"]]  # one question for the chunk
    # the rejection passes at once; the chunk's texts come when the chunk is extracted
    assert out == [("rejected", "x.txt: empty document (no text)"), ("unchanged", "a"),
                   ("records", "b"), ("records", "c"), ("records", "d")]


def test_the_graph_is_asked_once_per_chunk(monkeypatch):
    monkeypatch.setattr(prepare, "EXTRACT_CHUNK_DOCS", 2)
    asked: list[list[str]] = []
    extractor = FakeExtractor()
    items = [_text(f"t{i}", f"Text number {i}.") for i in range(5)]
    out = list(extracted(items, extractor, lambda ids: asked.append(ids) or {}))
    assert asked == [["t0", "t1"], ["t2", "t3"], ["t4"]]
    assert extractor.calls == asked
    assert [_kind(i) for i in out] == [("records", f"t{i}") for i in range(5)]


def test_without_a_graph_every_text_is_extracted_and_the_version_is_not_needed():
    class NoVersion(FakeExtractor):
        @property
        def version(self):  # would load the model
            raise AssertionError("the version was asked")

    extractor = NoVersion()
    assert [_kind(i) for i in extracted([_text("a", "Chile recognized Guaido.")], extractor)] == [("records", "a")]
    # a graph that holds none of the ids: the version is not needed either
    assert [_kind(i) for i in extracted([_text("b", "Peru recognized Guaido.")], extractor, lambda ids: {})] == [
        ("records", "b")]


def test_notes_on_how_a_text_was_read_are_passed_on():
    notes: list[str] = []
    doc = SourceDocument(id="a", text="Chile recognized Guaido.", source="a.txt", note="not valid UTF-8; decoded as Windows-1252")
    list(extracted([Item(text=doc)], FakeExtractor(), on_note=notes.append))
    assert notes == ["a.txt: not valid UTF-8; decoded as Windows-1252"]


def test_records_become_prepared_rows_or_a_rejection():
    good = DocumentBundle(DocumentRecord(id="d1", source="d1.txt"))
    bad = DocumentBundle(DocumentRecord(id="d2", source="d2.txt"))
    bad.add(EntityRecord(id="x", name="X", type="Planet", doc_id="d2"))
    out = list(prepared([Item(records=good), Item(unchanged="d0"), Item(records=bad)]))
    assert out[0].prepared is not None and out[0].prepared.id == "d1"
    assert out[1] == Item(unchanged="d0")
    assert out[2].rejected is not None and out[2].rejected.input == "d2.txt (document d2)"
    assert out[2].rejected.reason.startswith("entity 'X' has type 'Planet', not one of ")


@pytest.mark.parametrize("chunk", [1, 64])
def test_every_text_comes_out_once(monkeypatch, chunk):
    monkeypatch.setattr(prepare, "EXTRACT_CHUNK_DOCS", chunk)
    extractor = FakeExtractor()
    held = {"t3": {"id": "t3", "text_sha256": text_digest("Text 3."), "extractor_version": VERSION}}
    out = [_kind(i) for i in extracted([_text(f"t{i}", f"Text {i}.") for i in range(6)], extractor,
                                       lambda ids: {i: held[i] for i in ids if i in held})]
    assert sorted(out) == sorted([("records", f"t{i}") for i in range(6) if i != 3] + [("unchanged", "t3")])
