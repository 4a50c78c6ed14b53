"""Records in any order: grouped per document (grouping.documents, grouping.bundle_records)."""

from __future__ import annotations

import json
import random

import pytest

from loader.grouping import _record_files, bundle_records, documents, read_documents, record_heads
from loader.inputs import Rejection, read_inputs


def _records(docs: int = 30) -> list[dict]:
    rows = []
    for d in range(docs):
        doc_id = f"doc-{d}"
        rows.append({"kind": "document", "id": doc_id, "source": f"{d}.txt", "published": "2019-03-26"})
        for e in (d, d + 1):
            rows.append({"kind": "entity", "id": f"e{e}", "name": f"E {e}", "type": "Person",
                         "aliases": [f"e{e}"], "doc_id": doc_id})
        for k in range(3):
            rows.append({"kind": "relation", "doc_id": doc_id,
                         "subject": {"id": f"e{d}", "name": f"E {d}", "type": "Person"}, "relation": "ACCUSES",
                         "object": {"id": f"e{d + 1}", "name": f"E {d + 1}", "type": "Person"},
                         "evidence": {"sentence": f"s{k}", "start": k * 10, "end": k * 10 + 2}})
    return rows


def _write(path, rows):
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return str(path)


def _groups(paths, budget=50_000, quick=True):
    heads = (lambda: record_heads(_record_files(paths, None))) if quick else None
    out = {}
    for item in documents(lambda: read_inputs(paths), heads, budget=budget):
        if item.records is not None:
            bundle = item.records
            out[bundle.document.id] = ([e.to_dict() for e in bundle.entities], [r.to_dict() for r in bundle.relations])
        else:
            out.setdefault("rejected", []).append(str(item.rejected))
    return out


@pytest.mark.parametrize("budget", [50_000, 7])  # 7: most records wait in the temporary file
@pytest.mark.parametrize("quick", [True, False])
def test_any_order_gives_the_groups_of_grouped_records(tmp_path, budget, quick):
    rows = _records()
    grouped = _groups([_write(tmp_path / "grouped.jsonl", rows)])
    shuffled = rows[:]
    random.Random(5).shuffle(shuffled)
    # within a document, records keep their order: shuffle documents' records among each other only
    by_doc = {}
    for r in rows:
        by_doc.setdefault(r.get("doc_id", r.get("id")), []).append(r)
    order = [r.get("doc_id", r.get("id")) for r in shuffled]
    interleaved = [by_doc[d].pop(0) for d in order]
    by_kind = sorted(rows, key=lambda r: ["relation", "entity", "document"].index(r["kind"]))  # documents last
    assert _groups([_write(tmp_path / "shuffled.jsonl", interleaved)], budget, quick) == grouped
    assert _groups([_write(tmp_path / "by_kind.jsonl", by_kind)], budget, quick) == grouped
    # documents in one file, their entities and relations in another
    docs = _write(tmp_path / "documents.jsonl", [r for r in rows if r["kind"] == "document"])
    rest = _write(tmp_path / "rest.jsonl", [r for r in rows if r["kind"] != "document"])
    assert _groups([rest, docs], budget, quick) == grouped


def test_records_of_an_absent_document_are_rejected_saying_so(tmp_path):
    rows = [r for r in _records(3) if r.get("id") != "doc-1"]  # doc-1's document record is missing
    path = _write(tmp_path / "r.jsonl", rows)
    out = _groups([path])
    assert sorted(out) == ["doc-0", "doc-2", "rejected"]
    assert out["rejected"] == [f"{path}: 5 record(s) for document 'doc-1', whose document record is in none of the inputs"]


def test_a_bad_document_line_is_reported_and_its_records_too(tmp_path):
    rows = _records(2)
    lines = [json.dumps(r) for r in rows]
    lines[0] = lines[0].replace('"source": "0.txt"', '"source": 0')  # doc-0's record is invalid
    path = tmp_path / "r.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = _groups([str(path)])
    assert sorted(out) == ["doc-1", "rejected"]
    assert out["rejected"] == [f"{path}:1: bad record: field 'source' has the wrong type (int)",
                               f"{path}: 5 record(s) for document 'doc-0', whose document record was rejected"]


def test_bundle_records_groups_in_memory_in_any_order():
    from loader.records import record_from_dict

    records = [record_from_dict(r) for r in _records(3)]
    records.reverse()  # documents after their relations
    items = list(bundle_records(records))
    assert [b.document.id for b in items] == ["doc-2", "doc-1", "doc-0"]
    assert all(len(b.entities) == 2 and len(b.relations) == 3 for b in items)
    orphans = [r for r in records if getattr(r, "doc_id", None) == "doc-1"]
    assert [str(x) for x in bundle_records(orphans)] == [
        "records: 5 record(s) for document 'doc-1', whose document record is in none of the inputs"]
    assert all(isinstance(x, Rejection) for x in bundle_records(orphans))


def test_kgload_extract_groups_a_record_file_sorted_by_kind(tmp_path):
    """Issue 20, point 11: `extract` on records sorted by kind (relations, entities, then the
    documents) writes each document's records together, document first, as `load` groups them;
    it rejected every record before."""
    import subprocess
    import sys

    from tests.conftest import ROOT

    rows = _records(2)
    order = {"relation": 0, "entity": 1, "document": 2}
    path = tmp_path / "by-kind.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in sorted(rows, key=lambda r: order[r["kind"]])), encoding="utf-8")
    out = subprocess.run([sys.executable, "-m", "loader", "extract", "--quiet", str(path)],
                         capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert (out.returncode, out.stderr) == (0, "")
    written = [json.loads(line) for line in out.stdout.splitlines()]
    # doc-0: its document, its 2 entities, its 3 relations; then doc-1 likewise (a document
    # comes out when its last record is read: doc-0's document line comes first)
    assert [(r["kind"], r.get("doc_id", r.get("id"))) for r in written] == [
        ("document", "doc-0"), ("entity", "doc-0"), ("entity", "doc-0"),
        ("relation", "doc-0"), ("relation", "doc-0"), ("relation", "doc-0"),
        ("document", "doc-1"), ("entity", "doc-1"), ("entity", "doc-1"),
        ("relation", "doc-1"), ("relation", "doc-1"), ("relation", "doc-1"),
    ]
    assert [r["id"] for r in written if r["kind"] == "entity"] == ["e0", "e1", "e1", "e2"]
    assert [r["evidence"]["sentence"] for r in written if r["kind"] == "relation"] == ["s0", "s1", "s2"] * 2


def test_the_reader_gives_texts_documents_of_records_and_rejections_in_input_order(tmp_path):
    (tmp_path / "a.txt").write_text("Chile recognized Juan Guaido on Monday.\n", encoding="utf-8")
    rows = _records(2)
    by_kind = sorted(rows, key=lambda r: ["relation", "entity", "document"].index(r["kind"]))
    _write(tmp_path / "b.jsonl", by_kind)
    (tmp_path / "c.md").write_text("", encoding="utf-8")
    items = list(read_documents([str(tmp_path), str(tmp_path / "missing.txt")]))
    described = []
    for item in items:
        if item.text is not None:
            described.append(("text", item.text.id))
        elif item.records is not None:
            described.append(("records", item.records.document.id, len(item.records.entities), len(item.records.relations)))
        else:
            described.append(("rejected", str(item.rejected)))
    assert described == [
        ("text", (tmp_path / "a.txt").as_uri()),
        # a document comes out when its last record is read: here its document line, doc-0's first
        ("records", "doc-0", 2, 3), ("records", "doc-1", 2, 3),
        ("rejected", f"{tmp_path / 'c.md'}: empty document (no text)"),
        ("rejected", f"{tmp_path / 'missing.txt'}: no such file or directory"),
    ]


def test_the_reader_reads_standard_input_once_for_both_passes(monkeypatch):
    import io
    import sys

    rows = _records(1)
    data = "".join(json.dumps(r) + "\n" for r in reversed(rows)).encode("utf-8")  # the document last

    class Once(io.BytesIO):
        reads = 0

        def read(self, *args):
            Once.reads += 1
            return super().read(*args)

    monkeypatch.setattr(sys, "stdin", type("Stdin", (), {"buffer": Once(data)})())
    [item] = read_documents(["-"])
    assert item.records is not None and item.records.document.id == "doc-0"
    assert [r.to_dict()["kind"] for r in item.records.records()] == ["document", "entity", "entity", "relation", "relation", "relation"]
    assert Once.reads == 1
