"""Issue 20, point 5: a file's identity is its path, so an edited article loaded again replaces
its document: the retracted fact goes, the new one comes, nothing counts twice.

Worked out by hand: the first version says Ecuador recognized Guaido (one document, one
RECOGNIZES fact); the edit says Peru did instead. After the second load: one document (replaced),
Peru's fact with one sentence, no fact of Ecuador's.
"""

from __future__ import annotations

from .conftest import run_kgload

FIRST = "Ecuador recognized Juan Guaido as interim president of Venezuela on Wednesday.\n"
EDITED = "Peru recognized Juan Guaido as interim president of Venezuela on Wednesday.\n"


def _facts(graph):
    return graph.read_text(
        "MATCH (s:Entity)-[r:RECOGNIZES]->(o:Entity) RETURN s.name AS s, o.name AS o, r.mentions AS mentions ORDER BY s")


def test_an_edited_file_replaces_its_document(empty_graph, kgload_env, tmp_path):
    article = tmp_path / "andes-2019-01-24.txt"
    article.write_text(FIRST, encoding="utf-8")
    out = run_kgload(["load", str(article)], kgload_env)
    assert out.returncode == 0, out.stderr
    assert _facts(empty_graph) == [{"s": "Ecuador", "o": "Juan Guaido", "mentions": 1}]

    article.write_text(EDITED, encoding="utf-8")
    out = run_kgload(["load", str(article)], kgload_env)
    assert out.returncode == 0, out.stderr
    assert "Documents: 1 loaded (1 replaced), 0 already present" in out.stderr
    assert _facts(empty_graph) == [{"s": "Peru", "o": "Juan Guaido", "mentions": 1}]
    docs = empty_graph.read_text("MATCH (d:Document) RETURN d.id AS id, d.source AS source")
    assert docs == [{"id": article.resolve().as_uri(), "source": str(article)}]

    # loaded again unchanged: already present, nothing else changes
    out = run_kgload(["load", str(article)], kgload_env)
    assert out.returncode == 0, out.stderr
    assert "Documents: 0 loaded (0 replaced), 1 already present" in out.stderr
    assert _facts(empty_graph) == [{"s": "Peru", "o": "Juan Guaido", "mentions": 1}]
