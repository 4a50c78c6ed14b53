"""One person, one node across documents (issue 20 point 6), on a real Neo4j with hand-made
records: a surname alone ("Putin") merged into the one full name of its type ("Vladimir Putin")
whatever the load order, never guessed between two full names, never across types, split back
when a second full name comes, and a re-run changes nothing."""

from __future__ import annotations

from itertools import permutations

import pytest

from loader import cypher
from loader.bundles import bundle_records
from loader.load import Loader
from loader.records import DocumentRecord, EntityRecord, EntityRef, Evidence, RelationRecord

from .conftest import graph_fingerprint

pytestmark = pytest.mark.integration

PUTIN = EntityRef("putin", "Putin", "Person")
VLADIMIR_PUTIN = EntityRef("vladimir-putin", "Vladimir Putin", "Person")
UKRAINE = EntityRef("ukraine", "Ukraine", "Country")
RUSSIA = EntityRef("russia", "Russia", "Country")
SYRIA = EntityRef("syria", "Syria", "Country")
KOSOVO = EntityRef("kosovo", "Kosovo", "Country")
BILL = EntityRef("bill-clinton", "Bill Clinton", "Person")
HILLARY = EntityRef("hillary-clinton", "Hillary Clinton", "Person")
CLINTON = EntityRef("clinton", "Clinton", "Person")
JORDAN = EntityRef("jordan", "Jordan", "Country")
MICHAEL_JORDAN = EntityRef("michael-jordan", "Michael Jordan", "Person")


def _doc(doc_id: str, published: str, entities: list[EntityRef], facts: list[tuple]) -> list:
    """Records of one document; a fact is (subject, RELATION, object, sentence, extra fields)."""
    records: list = [DocumentRecord(doc_id, f"{doc_id}.txt", doc_id, None, published, f"sha-{doc_id}", "test-1")]
    records += [EntityRecord(e.id, e.name, e.type, doc_id, [e.name]) for e in entities]
    start = 0
    for s, rel, o, sentence, *extra in facts:
        records.append(RelationRecord(doc_id, s, rel, o, Evidence(sentence, start, start + len(sentence)),
                                      **(extra[0] if extra else {})))
        start += len(sentence) + 1
    return records


# invented articles: one names Putin by surname alone, the other by full name
SHORT = _doc("doc-short", "2019-05-02", [PUTIN, UKRAINE, RUSSIA, SYRIA, KOSOVO], [
    (PUTIN, "ACCUSES", UKRAINE, "Putin accused Ukraine of shelling the border."),
    (RUSSIA, "ACCUSES", UKRAINE, "Russia accused Ukraine of sabotage, Putin said.", {"reported_by": PUTIN}),
    (PUTIN, "DEPLOYS_TO", SYRIA, "Putin pulled the last troops out of Syria.", {"ends": True}),
    (PUTIN, "RECOGNIZES", KOSOVO, "Putin will not recognize Kosovo.", {"status": "negated"}),
])
FULL = _doc("doc-full", "2019-03-01", [VLADIMIR_PUTIN, UKRAINE, SYRIA], [
    (VLADIMIR_PUTIN, "ACCUSES", UKRAINE, "Vladimir Putin accused Ukraine of a provocation."),
    (VLADIMIR_PUTIN, "DEPLOYS_TO", SYRIA, "Vladimir Putin sent troops to Syria."),
])
BILL_DOC = _doc("doc-bill", "2000-01-10", [BILL, RUSSIA], [(BILL, "ACCUSES", RUSSIA, "Bill Clinton accused Russia.")])
HILLARY_DOC = _doc("doc-hillary", "2012-01-10", [HILLARY, RUSSIA],
                   [(HILLARY, "ACCUSES", RUSSIA, "Hillary Clinton accused Russia.")])
CLINTON_DOC = _doc("doc-clinton", "2005-01-10", [CLINTON, RUSSIA],
                   [(CLINTON, "ACCUSES", RUSSIA, "Clinton accused Russia again.")])


def load(graph, *docs: list) -> None:
    """Each document in a load of its own (a separate ``kgload load`` run)."""
    for records in docs:
        Loader(graph).load(bundle_records(records))


def entity_ids(graph) -> set[str]:
    return {r["id"] for r in graph.read_text("MATCH (e:Entity) RETURN e.id AS id")}


def alias_targets(graph, key: str) -> set[str]:
    return {r["id"] for r in graph.read_text(
        "MATCH (:Alias {key: $key})-[:ALIAS_OF]->(e) RETURN e.id AS id", {"key": key})}


def rel(graph, s: str, relation: str, o: str) -> dict:
    rows = graph.read_text("MATCH (:Entity {id: $s})-[r]->(:Entity {id: $o}) WHERE type(r) = $rel "
                           "RETURN properties(r) AS p", {"s": s, "o": o, "rel": relation})
    assert len(rows) == 1, rows
    return rows[0]["p"]


def check_merged_putin(graph) -> None:
    """The graph of both Putin documents, worked out by hand."""
    assert entity_ids(graph) == {"vladimir-putin", "ukraine", "russia", "syria", "kosovo"}
    (f,) = graph.read_text("MATCH (e:Entity {id: 'vladimir-putin'}) RETURN e.aliases AS aliases, e.name AS name")
    assert f["name"] == "Vladimir Putin" and set(f["aliases"]) == {"Vladimir Putin", "Putin"}
    assert alias_targets(graph, "putin") == {"vladimir-putin"}
    assert alias_targets(graph, "vladimir putin") == {"vladimir-putin"}
    mentions = graph.read_text("MATCH (d:Document)-[m:MENTIONS]->(:Entity {id: 'vladimir-putin'}) "
                               "RETURN d.id AS doc ORDER BY doc")
    assert [r["doc"] for r in mentions] == ["doc-full", "doc-short"]  # one MENTIONS per document
    # both documents' accusations are one fact: 2 sentences, 2 documents, their dates
    accuses = rel(graph, "vladimir-putin", "ACCUSES", "ukraine")
    assert (accuses["mentions"], accuses["documents"], accuses["first_seen"], accuses["last_seen"]) == \
        (2, 2, "2019-03-01", "2019-05-02")
    # the deployment of 2019-03-01 ended on 2019-05-02 ("pulled ... out of" in the short document)
    deploys = rel(graph, "vladimir-putin", "DEPLOYS_TO", "syria")
    assert (deploys["mentions"], deploys["current"], deploys["ended"]) == (1, False, "2019-05-02")
    # evidence: ids, keys and the reporter follow the merge; the short id is kept in *_as
    evidence = {r["sentence"]: r for r in graph.read_text(
        "MATCH (v:Evidence) RETURN v.sentence AS sentence, v.key AS key, v.subject_as AS subject_as, "
        "v.reported_by_id AS reported_by_id, v.reported_by_as AS reported_by_as, v.status AS status")}
    assert evidence["Putin accused Ukraine of shelling the border."]["key"] == "vladimir-putin|ACCUSES|ukraine"
    assert evidence["Putin accused Ukraine of shelling the border."]["subject_as"] == "putin"
    assert evidence["Putin will not recognize Kosovo."]["key"] == "vladimir-putin|RECOGNIZES|kosovo"
    reported = evidence["Russia accused Ukraine of sabotage, Putin said."]
    assert (reported["key"], reported["reported_by_id"], reported["reported_by_as"]) == \
        ("russia|ACCUSES|ukraine", "vladimir-putin", "putin")
    assert not [k for k in (r["key"] for r in evidence.values()) if k.startswith("putin|") or k.endswith("|putin")]
    assert graph.read_text("MATCH (m:MergedName)-[:MERGED_INTO]->(e) RETURN m.id AS m, e.id AS e") == \
        [{"m": "putin", "e": "vladimir-putin"}]


@pytest.mark.parametrize("order", ["short first", "full first", "one load"])
def test_a_surname_alone_and_the_full_name_are_one_entity_whatever_the_order(empty_graph, order):
    if order == "short first":
        load(empty_graph, SHORT, FULL)
    elif order == "full first":
        load(empty_graph, FULL, SHORT)
    else:
        load(empty_graph, SHORT + FULL)
    check_merged_putin(empty_graph)


def test_both_orders_give_the_same_graph_and_a_rerun_changes_nothing(empty_graph):
    load(empty_graph, SHORT, FULL)
    first = graph_fingerprint(empty_graph)
    load(empty_graph, SHORT, FULL, SHORT + FULL)  # re-runs, also in one load
    assert graph_fingerprint(empty_graph) == first
    empty_graph.run_autocommit("load/reset_graph")
    load(empty_graph, FULL, SHORT)
    assert graph_fingerprint(empty_graph) == first


def test_queries_by_the_short_name_reach_the_merged_entity_and_count_once(empty_graph):
    load(empty_graph, SHORT, FULL)
    rows = empty_graph.read("queries/accusations", cypher.query_arguments("accusations", {"accused": "Ukraine"}))
    assert sorted((r["accuser"], r["sentences"]) for r in rows) == [("Russia", 1), ("Vladimir Putin", 2)]
    rows = empty_graph.read("queries/evidence", cypher.query_arguments(
        "evidence", {"subject": "Putin", "relation": "ACCUSES", "object": "Ukraine"}))
    assert sorted(r["sentence"] for r in rows) == ["Putin accused Ukraine of shelling the border.",
                                                    "Vladimir Putin accused Ukraine of a provocation."]
    rows = empty_graph.read("queries/refusals", cypher.query_arguments("refusals", {"subject": "Putin"}))
    assert [(r["subject"], r["object"]) for r in rows] == [("Vladimir Putin", "Kosovo")]
    rows = empty_graph.read("queries/endings", cypher.query_arguments("endings", {"actor": "Putin"}))
    assert [(r["actor"], r["ended"]) for r in rows] == [("Vladimir Putin", "2019-05-02")]
    for name in ("Putin", "Vladimir Putin"):
        profile = empty_graph.read("queries/entity_profile", {"name": name})
        assert {r["entity"] for r in profile} == {"Vladimir Putin"}
        assert {r["documents"] for r in profile} == {2}


def test_a_surname_of_two_full_names_stays_its_own_entity_in_every_order(empty_graph):
    prints = set()
    for order in permutations([BILL_DOC, HILLARY_DOC, CLINTON_DOC]):
        empty_graph.run_autocommit("load/reset_graph")
        load(empty_graph, *order)
        assert entity_ids(empty_graph) == {"bill-clinton", "hillary-clinton", "clinton", "russia"}
        assert rel(empty_graph, "clinton", "ACCUSES", "russia")["mentions"] == 1
        assert rel(empty_graph, "bill-clinton", "ACCUSES", "russia")["mentions"] == 1
        assert alias_targets(empty_graph, "clinton") == {"clinton"}
        assert empty_graph.read_text("MATCH (m:MergedName) RETURN m.id AS id") == []
        prints.add(graph_fingerprint(empty_graph))
    assert len(prints) == 1  # the order Bill, Clinton, Hillary merged, then split back: the same graph


KARIM = EntityRef("karim-al-haddad", "Karim al-Haddad", "Person")
HADDAD = EntityRef("haddad", "Haddad", "Person")
AL_HADDAD = EntityRef("al-haddad", "Al-Haddad", "Person")


def _with_surname_alias(records: list) -> list:
    """As the extractor writes a full name: with its surname among its aliases ("al-Haddad")."""
    return [EntityRecord(r.id, r.name, r.type, r.doc_id, [r.name, "al-Haddad"])
            if isinstance(r, EntityRecord) and r.id == KARIM.id else r for r in records]


KARIM_DOC = _with_surname_alias(_doc("doc-karim", "2016-04-01", [KARIM, SYRIA],
                                     [(KARIM, "ACCUSES", SYRIA, "Karim al-Haddad accused Syria.")]))
HADDAD_DOC = _doc("doc-haddad", "2016-05-01", [HADDAD, SYRIA], [(HADDAD, "ACCUSES", SYRIA, "Haddad accused Syria.")])
AL_HADDAD_DOC = _doc("doc-al-haddad", "2016-06-01", [AL_HADDAD, SYRIA],
                     [(AL_HADDAD, "ACCUSES", SYRIA, "Al-Haddad accused Syria again.")])


def test_a_surname_with_a_particle_merges_written_with_or_without_it_in_every_order(empty_graph):
    # "Haddad" and "Al-Haddad" are both the one full name "Karim al-Haddad" (whose own aliases hold
    # "al-Haddad", as the extractor writes them): one person, three accusations, in every order
    prints = set()
    for order in permutations([KARIM_DOC, HADDAD_DOC, AL_HADDAD_DOC]):
        empty_graph.run_autocommit("load/reset_graph")
        load(empty_graph, *order)
        assert entity_ids(empty_graph) == {"karim-al-haddad", "syria"}
        assert rel(empty_graph, "karim-al-haddad", "ACCUSES", "syria")["mentions"] == 3
        assert alias_targets(empty_graph, "haddad") == alias_targets(empty_graph, "al haddad") == {"karim-al-haddad"}
        prints.add(graph_fingerprint(empty_graph))
    assert len(prints) == 1


def test_a_merge_a_second_full_name_undoes_is_undone_exactly(empty_graph):
    load(empty_graph, BILL_DOC, CLINTON_DOC)
    assert entity_ids(empty_graph) == {"bill-clinton", "russia"}
    assert rel(empty_graph, "bill-clinton", "ACCUSES", "russia")["mentions"] == 2
    load(empty_graph, HILLARY_DOC)
    split = graph_fingerprint(empty_graph)
    (clinton,) = empty_graph.read_text("MATCH (e:Entity:Person {id: 'clinton'}) RETURN e.aliases AS a, e.name AS n")
    assert clinton == {"a": ["Clinton"], "n": "Clinton"}
    assert rel(empty_graph, "bill-clinton", "ACCUSES", "russia")["mentions"] == 1
    (bill,) = empty_graph.read_text("MATCH (e:Entity {id: 'bill-clinton'}) RETURN e.aliases AS a, e.own_aliases AS own")
    assert bill == {"a": ["Bill Clinton"], "own": None}
    empty_graph.run_autocommit("load/reset_graph")
    load(empty_graph, BILL_DOC, HILLARY_DOC, CLINTON_DOC)
    assert graph_fingerprint(empty_graph) == split


def test_a_short_name_merges_only_into_a_full_name_of_its_type(empty_graph):
    country = _doc("doc-country", "2020-01-01", [JORDAN, SYRIA], [(JORDAN, "ACCUSES", SYRIA, "Jordan accused Syria.")])
    person = _doc("doc-person", "2020-01-02", [MICHAEL_JORDAN, SYRIA],
                  [(MICHAEL_JORDAN, "ACCUSES", SYRIA, "Michael Jordan accused Syria.")])
    for order in ([country, person], [person, country]):
        empty_graph.run_autocommit("load/reset_graph")
        load(empty_graph, *order)
        assert entity_ids(empty_graph) == {"jordan", "michael-jordan", "syria"}
        assert empty_graph.read_text("MATCH (e:Entity {id: 'jordan'}) RETURN labels(e) AS l") == \
            [{"l": ["Entity", "Country"]}]
        assert alias_targets(empty_graph, "jordan") == {"jordan"}
        assert rel(empty_graph, "jordan", "ACCUSES", "syria")["mentions"] == 1
