"""The walking skeleton, end to end through the real `kgload` command and a real Neo4j."""

from __future__ import annotations

import json

from tests.conftest import SEED_TEXT

from .conftest import graph_fingerprint, run_kgload


def _counts(graph):
    return graph.read_text(
        "MATCH (n) WITH count(n) AS nodes OPTIONAL MATCH ()-[r]->() RETURN nodes, count(r) AS rels"
    )[0]


def test_schema_applies_twice(graph):
    graph.apply_schema()
    graph.apply_schema()
    names = {r["name"] for r in graph.read_text("SHOW CONSTRAINTS YIELD name RETURN name")}
    assert {"entity_id", "document_id", "evidence_id", "alias_key"} <= names


def test_sample_loads_and_answers_who_recognizes_guaido(empty_graph, kgload_env):
    out = run_kgload(["load", str(SEED_TEXT)], kgload_env)
    assert out.returncode == 0, out.stderr
    assert "Documents: 1 loaded" in out.stderr
    ask = run_kgload(["ask", "Who recognizes Guaido?", "--format", "json"], kgload_env)
    assert ask.returncode == 0, ask.stderr
    rows = json.loads(ask.stdout)
    subjects = {r["subject"] for r in rows}
    assert "United States" in subjects
    assert "Russia" not in subjects
    us = next(r for r in rows if r["subject"] == "United States")
    assert us["recognized"] == "Juan Guaido" and us["sentences"] >= 1


def test_sample_maduro_recognizers(empty_graph, kgload_env):
    assert run_kgload(["load", str(SEED_TEXT)], kgload_env).returncode == 0
    out = run_kgload(["query", "who_recognizes", "-p", "name", "Maduro", "--format", "json"], kgload_env)
    assert out.returncode == 0, out.stderr
    assert {"Russia", "Cuba", "China"} <= {r["subject"] for r in json.loads(out.stdout)}


def test_loading_the_sample_twice_changes_nothing(empty_graph, kgload_env):
    assert run_kgload(["load", str(SEED_TEXT)], kgload_env).returncode == 0
    counts, digest = _counts(empty_graph), graph_fingerprint(empty_graph)
    again = run_kgload(["load", str(SEED_TEXT)], kgload_env)
    assert again.returncode == 0 and "0 loaded" in again.stderr and "1 already present" in again.stderr
    assert _counts(empty_graph) == counts
    assert graph_fingerprint(empty_graph) == digest


def test_extract_then_load_records_gives_the_same_graph(empty_graph, kgload_env, tmp_path):
    assert run_kgload(["load", str(SEED_TEXT)], kgload_env).returncode == 0
    direct = graph_fingerprint(empty_graph)
    empty_graph.run_autocommit("load/reset_graph")
    records = tmp_path / "records.jsonl"
    out = run_kgload(["extract", str(SEED_TEXT), "-o", str(records)], kgload_env)
    assert out.returncode == 0, out.stderr
    kinds = [json.loads(line)["kind"] for line in records.read_text().splitlines()]
    assert kinds[0] == "document" and "relation" in kinds
    assert run_kgload(["load", str(records)], kgload_env).returncode == 0
    assert graph_fingerprint(empty_graph) == direct
