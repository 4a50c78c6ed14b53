"""Loading hand-made records into the real Neo4j: counts, evidence, idempotence, replacement."""

from __future__ import annotations

from loader.bundles import bundle_records
from loader.load import Loader
from loader.records import DocumentRecord, EntityRecord, EntityRef, Evidence, RelationRecord

from .conftest import graph_fingerprint

US = EntityRef("united-states", "United States", "Country")
RUSSIA = EntityRef("russia", "Russia", "Country")
GERMANY = EntityRef("germany", "Germany", "Country")
GUAIDO = EntityRef("juan-guaido", "Juan Guaido", "Person")
MADURO = EntityRef("nicolas-maduro", "Nicolas Maduro", "Person")


def _rel(doc, subj, rel, obj, start, sentence, status="asserted"):
    return RelationRecord(doc, subj, rel, obj, Evidence(sentence, start, start + len(sentence)), status=status)


def doc_a(text_sha="aaa"):
    return [
        DocumentRecord("doc-a", "a.txt", "A", None, "2019-03-26", text_sha, "test-1"),
        EntityRecord("united-states", "United States", "Country", "doc-a", ["U.S.", "US"]),
        EntityRecord("juan-guaido", "Juan Guaido", "Person", "doc-a", ["Guaido", "Juan Guaidó"]),
        EntityRecord("nicolas-maduro", "Nicolas Maduro", "Person", "doc-a", ["Maduro"]),
        EntityRecord("russia", "Russia", "Country", "doc-a", ["Moscow"]),
        EntityRecord("germany", "Germany", "Country", "doc-a", []),
        _rel("doc-a", US, "RECOGNIZES", GUAIDO, 0, "The U.S. recognized Guaido."),
        _rel("doc-a", US, "RECOGNIZES", GUAIDO, 30, "Washington recognizes Guaido as president."),
        _rel("doc-a", RUSSIA, "RECOGNIZES", MADURO, 80, "Russia continues to recognize Maduro."),
        _rel("doc-a", GERMANY, "RECOGNIZES", MADURO, 120, "Germany will not recognize Maduro.", status="negated"),
    ]


def doc_b(text_sha="bbb", with_us=True):
    recs = [
        DocumentRecord("doc-b", "b.txt", "B", None, "2019-04-01", text_sha, "test-1"),
        EntityRecord("united-states", "United States", "Country", "doc-b", ["United States"]),
        EntityRecord("juan-guaido", "Juan Guaido", "Person", "doc-b", ["Guaido"]),
    ]
    if with_us:
        recs.append(_rel("doc-b", US, "RECOGNIZES", GUAIDO, 0, "The United States recognizes Guaido."))
    return recs


def load(graph, records, batch_size=1000):
    loader = Loader(graph, batch_size=batch_size)
    return loader.load(bundle_records(records))


def relationship(graph, subj, rel, obj):
    rows = graph.read_text(
        "MATCH (s:Entity {id: $s})-[r]->(o:Entity {id: $o}) WHERE type(r) = $t "
        "RETURN r.mentions AS mentions, r.documents AS documents, r.first_seen AS first_seen, r.last_seen AS last_seen",
        {"s": subj, "o": obj, "t": rel},
    )
    return rows


def test_relationship_counts_and_evidence(empty_graph):
    summary = load(empty_graph, doc_a() + doc_b())
    assert summary.documents_loaded == 2
    assert summary.entities_created == 5
    assert summary.evidence_created == 5  # 4 asserted + 1 negated, all kept as evidence
    assert relationship(empty_graph, "united-states", "RECOGNIZES", "juan-guaido") == [
        {"mentions": 3, "documents": 2, "first_seen": "2019-03-26", "last_seen": "2019-04-01"}
    ]
    assert relationship(empty_graph, "russia", "RECOGNIZES", "nicolas-maduro") == [
        {"mentions": 1, "documents": 1, "first_seen": "2019-03-26", "last_seen": "2019-03-26"}
    ]
    # the negated statement is evidence, never a plain relationship
    assert relationship(empty_graph, "germany", "RECOGNIZES", "nicolas-maduro") == []
    labels = empty_graph.read_text("MATCH (e:Entity {id: 'juan-guaido'}) RETURN labels(e) AS l, e.aliases AS a")
    assert sorted(labels[0]["l"]) == ["Entity", "Person"]
    assert labels[0]["a"] == ["Juan Guaido", "Guaido", "Juan Guaidó"]
    mentions = empty_graph.read_text("MATCH (:Document {id: 'doc-b'})-[:MENTIONS]->(e) RETURN e.id AS id ORDER BY id")
    assert [m["id"] for m in mentions] == ["juan-guaido", "united-states"]


def test_who_recognizes_matches_aliases_without_accents_or_case(empty_graph):
    load(empty_graph, doc_a() + doc_b())
    for name in ("Guaido", "guaidó", "JUAN GUAIDO", " Juan  Guaidó "):
        rows = empty_graph.read("queries/who_recognizes", {"name": name, "as_of": None})
        assert [(r["subject"], r["sentences"]) for r in rows] == [("United States", 3)], name
    rows = empty_graph.read("queries/who_recognizes", {"name": "Maduro", "as_of": None})
    assert [r["subject"] for r in rows] == ["Russia"]


def test_loading_twice_changes_nothing(empty_graph):
    load(empty_graph, doc_a() + doc_b())
    before = graph_fingerprint(empty_graph)
    again = load(empty_graph, doc_a() + doc_b())
    assert again.documents_skipped == 2 and again.documents_loaded == 0
    assert again.evidence_created == 0 and again.entities_created == 0
    assert graph_fingerprint(empty_graph) == before


def test_small_batches_give_the_same_graph(empty_graph):
    load(empty_graph, doc_a() + doc_b(), batch_size=1000)
    one = graph_fingerprint(empty_graph)
    empty_graph.run_autocommit("load/reset_graph")
    load(empty_graph, doc_a() + doc_b(), batch_size=1)
    assert graph_fingerprint(empty_graph) == one


def doc_c(published=None):
    """A third article, with no publication date unless given."""
    return [
        DocumentRecord("doc-c", "c.txt", "C", None, published, "ccc", "test-1"),
        _rel("doc-c", US, "RECOGNIZES", GUAIDO, 0, "Washington backs Guaido."),
        _rel("doc-c", US, "RECOGNIZES", GUAIDO, 25, "The United States recognizes Guaido."),
    ]


def test_documents_loaded_one_run_at_a_time_add_up_to_a_load_of_all(empty_graph):
    # the later article first, then the earlier one, then one without a date, each in its own run
    load(empty_graph, doc_b())
    load(empty_graph, doc_a())
    load(empty_graph, doc_c())
    # US -> Guaido: 1 mention in b (2019-04-01), 2 in a (2019-03-26), 2 in c (no date)
    assert relationship(empty_graph, "united-states", "RECOGNIZES", "juan-guaido") == [
        {"mentions": 5, "documents": 3, "first_seen": "2019-03-26", "last_seen": "2019-04-01"}
    ]
    one_at_a_time = graph_fingerprint(empty_graph)
    empty_graph.run_autocommit("load/reset_graph")
    load(empty_graph, doc_c() + doc_a() + doc_b())
    assert graph_fingerprint(empty_graph) == one_at_a_time


def test_a_relationship_first_seen_without_a_date_gains_one_later(empty_graph):
    load(empty_graph, doc_c())
    assert relationship(empty_graph, "united-states", "RECOGNIZES", "juan-guaido") == [
        {"mentions": 2, "documents": 1, "first_seen": None, "last_seen": None}
    ]
    load(empty_graph, doc_b())
    assert relationship(empty_graph, "united-states", "RECOGNIZES", "juan-guaido") == [
        {"mentions": 3, "documents": 2, "first_seen": "2019-04-01", "last_seen": "2019-04-01"}
    ]


def test_document_node_deleted_by_hand_is_loaded_again_without_double_counting(empty_graph):
    load(empty_graph, doc_a() + doc_b())
    clean = graph_fingerprint(empty_graph)
    # its evidence and the relationship counts stay behind
    empty_graph.driver.execute_query("MATCH (d:Document {id: 'doc-a'}) DETACH DELETE d",
                                     database_=empty_graph.settings.database)
    summary = load(empty_graph, doc_a() + doc_b())
    assert summary.documents_loaded == 1 and summary.documents_skipped == 1
    assert relationship(empty_graph, "united-states", "RECOGNIZES", "juan-guaido") == [
        {"mentions": 3, "documents": 2, "first_seen": "2019-03-26", "last_seen": "2019-04-01"}
    ]
    assert graph_fingerprint(empty_graph) == clean


def test_entities_deleted_during_a_run_are_written_again(empty_graph):
    loader = Loader(empty_graph, batch_size=1)
    loader.load(bundle_records(doc_a()))
    # a reset in another terminal while this loader still runs: the entities it wrote are gone
    empty_graph.run_autocommit("load/reset_graph")
    loader.load(bundle_records(doc_b()))
    assert relationship(empty_graph, "united-states", "RECOGNIZES", "juan-guaido") == [
        {"mentions": 1, "documents": 1, "first_seen": "2019-04-01", "last_seen": "2019-04-01"}
    ]
    after_reset = graph_fingerprint(empty_graph)
    empty_graph.run_autocommit("load/reset_graph")
    load(empty_graph, doc_b())
    assert graph_fingerprint(empty_graph) == after_reset


def test_changed_document_replaces_its_evidence(empty_graph):
    load(empty_graph, doc_a() + doc_b())
    summary = load(empty_graph, doc_b(text_sha="bbb-2", with_us=False))
    assert summary.documents_replaced == 1
    assert relationship(empty_graph, "united-states", "RECOGNIZES", "juan-guaido") == [
        {"mentions": 2, "documents": 1, "first_seen": "2019-03-26", "last_seen": "2019-03-26"}
    ]
    # and the graph equals a clean load of the new version
    changed = graph_fingerprint(empty_graph)
    empty_graph.run_autocommit("load/reset_graph")
    load(empty_graph, doc_a() + doc_b(text_sha="bbb-2", with_us=False))
    assert graph_fingerprint(empty_graph) == changed


def test_relation_outside_the_allowlist_is_refused_before_any_write(empty_graph):
    bad = doc_b()
    bad[-1] = _rel("doc-b", US, "DETACH_DELETE", GUAIDO, 0, "x")
    summary = load(empty_graph, bad)
    assert summary.documents_loaded == 0
    assert len(summary.rejected) == 1 and "DETACH_DELETE" in summary.rejected[0].reason
    assert empty_graph.read_text("MATCH (n) WHERE n:Entity OR n:Document RETURN count(n) AS n") == [{"n": 0}]


def test_entity_type_outside_the_allowlist_is_refused(empty_graph):
    bad = doc_b()
    bad[1] = EntityRecord("united-states", "United States", "Country`) DETACH DELETE n //", "doc-b", [])
    summary = load(empty_graph, bad)
    assert summary.documents_loaded == 0 and len(summary.rejected) == 1
    assert empty_graph.read_text("MATCH (n:Entity) RETURN count(n) AS n") == [{"n": 0}]


def test_records_without_a_text_digest_are_skipped_when_unchanged(empty_graph):
    records = doc_a(text_sha=None)
    first = load(empty_graph, records)
    assert first.documents_loaded == 1
    before = graph_fingerprint(empty_graph)
    again = load(empty_graph, doc_a(text_sha=None))
    assert again.documents_skipped == 1 and again.documents_loaded == 0
    assert graph_fingerprint(empty_graph) == before


def test_bad_property_names_dates_and_offsets_are_refused_before_any_write(empty_graph):
    for bad, reason in [
        ({"properties": {"": 1}}, "property name"),
        ({"properties": {"a\x00b": 1}}, "property name"),
        ({"published": "26 March 2019"}, "not a date"),
        ({"start": 2**70}, "out of range"),
    ]:
        records = doc_b()
        if "properties" in bad:
            records[-1].properties = bad["properties"]
        if "published" in bad:
            records[0].published = bad["published"]
        if "start" in bad:
            records[-1].evidence.start = bad["start"]
        summary = load(empty_graph, records)
        assert summary.documents_loaded == 0 and reason in summary.rejected[0].reason, bad
    assert empty_graph.read_text("MATCH (n) WHERE n:Entity OR n:Document RETURN count(n) AS n") == [{"n": 0}]
