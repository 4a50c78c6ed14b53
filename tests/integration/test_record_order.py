"""Records in any order (issue 14): `kgload load` groups them by doc_id, whatever tool wrote them."""

from __future__ import annotations

import json
import random

from .conftest import graph_fingerprint, run_kgload
from .synthetic import write_records


def _lines(path):
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def _write(path, rows):
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return str(path)


def _doc_of(row):
    return row["id"] if row["kind"] == "document" else row["doc_id"]


def _load(env, *paths):
    out = run_kgload(["load", *paths, "--quiet", "--batch-size", "200"], env)
    assert out.returncode == 0, out.stderr
    return out


def test_shuffled_records_load_to_the_graph_of_grouped_ones(empty_graph, kgload_env, tmp_path):
    grouped = write_records(tmp_path / "grouped.jsonl", range(0, 120))
    _load(kgload_env, str(grouped))
    expected = graph_fingerprint(empty_graph)
    rows = _lines(grouped)

    # documents after their relations, kinds interleaved: documents' records dealt out in a
    # random order (each document's own records in theirs), each document record moved last
    by_doc: dict[str, list] = {}
    for r in rows:
        by_doc.setdefault(_doc_of(r), []).append(r)
    for recs in by_doc.values():
        recs.append(recs.pop(0))
    deal = [_doc_of(r) for r in rows]
    random.Random(14).shuffle(deal)
    interleaved = [by_doc[d].pop(0) for d in deal]
    # sorted by kind (relations, then entities, then documents)
    by_kind = sorted(rows, key=lambda r: ["relation", "entity", "document"].index(r["kind"]))
    # two files concatenated, the second holding the documents whose records the first began
    half = len(rows) // 2
    first, second = rows[:half], rows[half:]
    cases = {
        "interleaved": [_write(tmp_path / "interleaved.jsonl", interleaved)],
        "by kind": [_write(tmp_path / "by-kind.jsonl", by_kind)],
        "two files": [_write(tmp_path / "part-2.jsonl", second), _write(tmp_path / "part-1.jsonl", first)],
        "concatenated": [_write(tmp_path / "concatenated.jsonl", second + first)],
    }
    for name, paths in cases.items():
        empty_graph.run_autocommit("load/reset_graph")
        _load(kgload_env, *paths)
        assert graph_fingerprint(empty_graph) == expected, name
    # and loading them again changes nothing
    _load(kgload_env, *cases["by kind"])
    assert graph_fingerprint(empty_graph) == expected


def test_records_whose_document_record_is_absent_are_reported(empty_graph, kgload_env, tmp_path):
    rows = _lines(write_records(tmp_path / "all.jsonl", range(0, 3)))
    kept = [r for r in rows if not (r["kind"] == "document" and r["id"] == "synthetic-000001")]
    orphans = sum(1 for r in rows if r["kind"] != "document" and r["doc_id"] == "synthetic-000001")
    path = _write(tmp_path / "missing-one.jsonl", list(reversed(kept)))
    out = run_kgload(["load", path, "--quiet"], kgload_env)
    assert out.returncode == 4, out.stderr
    assert f"Rejected {path}: {orphans} record(s) for document 'synthetic-000001', whose document record " \
           "is in none of the inputs" in out.stderr.splitlines()
    ids = empty_graph.read_text("MATCH (d:Document) RETURN d.id AS id ORDER BY id")
    assert [r["id"] for r in ids] == ["synthetic-000000", "synthetic-000002"]
