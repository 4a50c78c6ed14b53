"""Issue 20, point 10: a load commits its documents at least every few seconds of work, whatever
``--batch-size`` says, so that an interrupted load keeps them. A slow source of documents (as
extraction is) is played by a generator that waits between documents; the graph is read while
the load is still running."""

from __future__ import annotations

import time

from loader.bundles import DocumentBundle
from loader.load import COMMIT_SECONDS, Loader
from loader.records import DocumentRecord, EntityRecord


def _bundle(n: int) -> DocumentBundle:
    bundle = DocumentBundle(DocumentRecord(id=f"slow-{n}", source=f"slow-{n}.txt", published=f"2031-05-0{n}"))
    bundle.add(EntityRecord(id=f"person-{n}", name=f"Person {n}", type="Person", doc_id=f"slow-{n}"))
    return bundle


def _documents(graph) -> int:
    return graph.read_text("MATCH (d:Document) WHERE d.id STARTS WITH 'slow-' RETURN count(d) AS n")[0]["n"]


def test_documents_are_committed_while_a_slow_load_runs(empty_graph):
    seen_during_the_load = []

    def slow_documents():
        yield _bundle(1)
        time.sleep(0.6)  # longer than the loader's commit interval below
        yield _bundle(2)  # the chunk [1, 2] is written as 2 arrives: its first waited 0.6 s
        seen_during_the_load.append(_documents(empty_graph))
        yield _bundle(3)
        seen_during_the_load.append(_documents(empty_graph))  # 3 waits: it arrived at once

    summary = Loader(empty_graph, batch_size=10_000, commit_seconds=0.5).load(slow_documents())
    assert seen_during_the_load == [2, 2]
    assert summary.documents_loaded == 3 and _documents(empty_graph) == 3


def test_the_default_interval_is_a_few_seconds():
    assert 0 < COMMIT_SECONDS <= 5
