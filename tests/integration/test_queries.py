"""Every canned query in cypher/queries against the real server, on hand-made records of the
sample article (examples/venezuela-2019-03-26.txt) plus a small second document.

Each file's text is sent exactly as cypher-shell sends it (the file as it is, without its
trailing newline), with the parameters cypher-shell's ``--param`` would give. Expected rows are
worked out by hand from the records below.
"""

from __future__ import annotations

import pytest

from loader import browser, cypher
from loader.errors import UsageError
from loader.load import Loader, bundle_records
from loader.names import alias_key
from loader.records import (
    DocumentRecord,
    EntityRecord,
    EntityRef,
    Evidence,
    RelationRecord,
)

from ..alias_keys import HAND_KEYS
from ..conftest import SEED_TEXT

TEXT = SEED_TEXT.read_text(encoding="utf-8")
DOC_A = "doc-venezuela"
DOC_B = "doc-followup"

US = EntityRef("united-states", "United States", "Country")
RUSSIA = EntityRef("russia", "Russia", "Country")
CUBA = EntityRef("cuba", "Cuba", "Country")
CHINA = EntityRef("china", "China", "Country")
GERMANY = EntityRef("germany", "Germany", "Country")
VENEZUELA = EntityRef("venezuela", "Venezuela", "Country")
CARACAS = EntityRef("caracas", "Caracas", "Place")
MAIQUETIA = EntityRef("maiquetia-airport", "Maiquetia airport", "Place")
GUAIDO = EntityRef("juan-guaido", "Juan Guaido", "Person")
MADURO = EntityRef("nicolas-maduro", "Nicolas Maduro", "Person")
LAVROV = EntityRef("sergei-lavrov", "Sergei Lavrov", "Person")
POMPEO = EntityRef("mike-pompeo", "Mike Pompeo", "Person")
PESKOV = EntityRef("dmitry-peskov", "Dmitry Peskov", "Person")
OAS = EntityRef("organization-of-american-states", "Organization of American States", "Organization")

ALIASES = {
    "united-states": ["U.S.", "US", "Washington"],
    "russia": ["Moscow", "the Kremlin"],
    "juan-guaido": ["Guaido", "Juan Guaidó"],
    "nicolas-maduro": ["Maduro", "the Maduro regime"],
    "sergei-lavrov": ["Lavrov"],
    "mike-pompeo": ["Pompeo"],
    "organization-of-american-states": ["OAS"],
}

HEADLINE = "Venezuela Tensions: US Warns Moscow Over Troops; Russia Accuses US of Attempted Coup"
S_US_GUAIDO = ("The U.S. and more than 50 other countries, including many in Latin America and Europe, "
               "have recognized Guaido, the head of the National Assembly, as interim president pending new elections.")
S_MADURO = "Russia, Cuba, China, and many others continue to recognize the Maduro regime."
S_BOMBERS = ("In a symbolic and provocative move last December, Russia deployed two strategic bombers to "
             "Venezuela, where they conducted joint exercises over the Caribbean with Maduro regime air force planes.")
S_POMPEO = TEXT[TEXT.index("Secretary of State Mike Pompeo"):TEXT.index("there.\n") + len("there.")]
S_LAVROV = TEXT[TEXT.index("Foreign Minister Sergei Lavrov"):TEXT.index("government.”") + len("government.”")]
S_AIRPORT = TEXT[TEXT.index("Weekend reports from Caracas"):TEXT.index("Russian troops.") + len("Russian troops.")]
S_CAPTION = "A Russian Tupolev Tu-160 strategic bomber lands in Caracas, Venezuela on Dec. 10, 2018."
S_SUPPORT = TEXT[TEXT.index("State Department deputy spokesman"):TEXT.index("Juan Guaido.”") + len("Juan Guaido.”")]
S_CALL = TEXT[TEXT.index("Palladino said Pompeo “called on"):TEXT.index("Venezuelan people.”\n") + len("Venezuelan people.”")]
S_OAS = TEXT[TEXT.index("The Organization of American States (OAS)"):TEXT.index("declared illegitimate.”") + len("declared illegitimate.”")]

B_TEXT = ("The United States recognizes Guaido. Spokesman Dmitry Peskov said Russia recognizes Maduro. "
          "Germany will not recognize Maduro.")
B_US = "The United States recognizes Guaido."
B_PESKOV = "Spokesman Dmitry Peskov said Russia recognizes Maduro."
B_GERMANY = "Germany will not recognize Maduro."


def _rel(doc, text, subj, rel, obj, sentence, props=None, status="asserted", reported_by=None):
    start = text.index(sentence)
    return RelationRecord(doc, subj, rel, obj, Evidence(sentence, start, start + len(sentence)),
                          properties=props or {}, status=status, reported_by=reported_by)


def _entities(doc, refs):
    return [EntityRecord(r.id, r.name, r.type, doc, ALIASES.get(r.id, [])) for r in refs]


AUTHOR_A = "Ana Ruiz; Tom Lee"  # (invented) the second document names no author


def sample_records() -> list:
    """Hand-made records of the sample article (what the gold file expects, plus its optional and
    extended triples) and of a second, later document."""
    a = [DocumentRecord(DOC_A, "examples/venezuela-2019-03-26.txt", HEADLINE, None, "2019-03-26", "sha-a", "hand-1",
                        AUTHOR_A)]
    a += _entities(DOC_A, [US, RUSSIA, CUBA, CHINA, VENEZUELA, CARACAS, MAIQUETIA, GUAIDO, MADURO, LAVROV, POMPEO, OAS])
    a += [
        _rel(DOC_A, TEXT, US, "RECOGNIZES", GUAIDO, S_US_GUAIDO),
        _rel(DOC_A, TEXT, RUSSIA, "RECOGNIZES", MADURO, S_MADURO),
        _rel(DOC_A, TEXT, CUBA, "RECOGNIZES", MADURO, S_MADURO),
        _rel(DOC_A, TEXT, CHINA, "RECOGNIZES", MADURO, S_MADURO),
        _rel(DOC_A, TEXT, RUSSIA, "DEPLOYS_TO", VENEZUELA, S_BOMBERS,
             {"asset": "two strategic bombers", "when": "last December"}),
        _rel(DOC_A, TEXT, RUSSIA, "DEPLOYS_TO", VENEZUELA, S_POMPEO, {"asset": "military personnel"}),
        _rel(DOC_A, TEXT, RUSSIA, "DEPLOYS_TO", MAIQUETIA, S_AIRPORT, {"asset": "about 100 Russian troops"}),
        _rel(DOC_A, TEXT, RUSSIA, "DEPLOYS_TO", CARACAS, S_CAPTION,
             {"asset": "A Russian Tupolev Tu-160 strategic bomber", "when": "Dec. 10, 2018"}),
        _rel(DOC_A, TEXT, LAVROV, "ACCUSES", US, S_LAVROV, {"charge": "attempting to “organize a coup d’état”"}),
        _rel(DOC_A, TEXT, RUSSIA, "ACCUSES", US, HEADLINE, {"charge": "Attempted Coup"}),
        _rel(DOC_A, TEXT, US, "WARNS", RUSSIA, HEADLINE),
        _rel(DOC_A, TEXT, POMPEO, "WARNS", RUSSIA, S_POMPEO),
        _rel(DOC_A, TEXT, RUSSIA, "SUPPORTS", MADURO, S_SUPPORT),
        _rel(DOC_A, TEXT, POMPEO, "CALLS_ON", RUSSIA, S_CALL),
        _rel(DOC_A, TEXT, OAS, "CONDEMNS", RUSSIA, S_OAS),
    ]
    b = [DocumentRecord(DOC_B, "followup.txt", "Follow-up", None, "2019-04-01", "sha-b", "hand-1")]
    b += _entities(DOC_B, [US, RUSSIA, GERMANY, GUAIDO, MADURO, PESKOV])
    b += [
        _rel(DOC_B, B_TEXT, US, "RECOGNIZES", GUAIDO, B_US),
        _rel(DOC_B, B_TEXT, RUSSIA, "RECOGNIZES", MADURO, B_PESKOV, reported_by=PESKOV),
        _rel(DOC_B, B_TEXT, GERMANY, "RECOGNIZES", MADURO, B_GERMANY, status="negated"),
    ]
    return a + b


def load_sample(graph) -> None:
    Loader(graph).load(bundle_records(sample_records()))


def as_cypher_shell_sends(name: str) -> str:
    """The statement text cypher-shell sends for ``cypher-shell -f cypher/queries/NAME.cypher``."""
    return cypher.load(f"queries/{name}").rstrip().rstrip(";")


def run(graph, name: str, /, **params) -> list[dict]:
    # an optional parameter left out is sent as null, as `kgload query` does
    return graph.read_text(as_cypher_shell_sends(name), cypher.query_arguments(name, params))


@pytest.fixture(scope="module")
def sample_graph(graph):
    graph.run_autocommit("load/reset_graph")
    load_sample(graph)
    return graph


def pick(rows, *cols):
    return [tuple(r[c] for c in cols) for r in rows]


# ------------------------------------------------------------------ every file parses and plans

@pytest.mark.parametrize("name", cypher.names("queries"))
def test_every_query_file_explains_as_cypher_shell_sends_it(graph, name):
    """Neo4j plans every file as cypher-shell sends it: a read-only statement that returns rows."""
    text = as_cypher_shell_sends(name)
    params = {p: "" for p in cypher.statement_params(text)}
    with graph.driver.session(database=graph.settings.database) as session:
        summary = session.run("EXPLAIN " + text, params).consume()
    assert summary.query_type == "r"  # reads only, as Neo4j itself classifies the statement
    operators = [o["operatorType"].split("@")[0] for o in _operators(summary.plan)]
    assert operators[0] == "ProduceResults"  # it returns rows
    # (how names are found depends on the graph's statistics: the PROFILE test below checks the
    # Alias key index seek on the loaded sample)
    assert not [op for op in operators if op.startswith(("Create", "Merge", "Delete", "DetachDelete", "Set", "Remove"))]


# ------------------------------------------------------------------ answers, worked out by hand

def test_who_recognizes(sample_graph):
    rows = run(sample_graph, "who_recognizes", name="Maduro")
    assert pick(rows, "subject", "recognized", "sentences", "documents") == [
        ("Russia", "Nicolas Maduro", 2, 2),   # the sample article and the follow-up
        ("China", "Nicolas Maduro", 1, 1),
        ("Cuba", "Nicolas Maduro", 1, 1),     # Germany's "will not recognize" is no answer
    ]
    for name in ("Guaido", "guaidó", "JUAN GUAIDO", "  Juan   Guaidó ", "juan-guaido"):
        assert pick(run(sample_graph, "who_recognizes", name=name), "subject", "sentences") == \
            [("United States", 2)], name


def test_whom_recognizes(sample_graph):
    for name in ("Russia", "moscow", "The Kremlin"):
        assert pick(run(sample_graph, "whom_recognizes", name=name), "subject", "recognized", "sentences") == \
            [("Russia", "Nicolas Maduro", 2)], name
    for name in ("U.S.", "US", "united states", "Washington"):
        assert pick(run(sample_graph, "whom_recognizes", name=name), "recognized", "sentences") == \
            [("Juan Guaido", 2)], name
    assert run(sample_graph, "whom_recognizes", name="Germany") == []


def test_deployments_by_actor_place_both_or_neither(sample_graph):
    all_three = [
        ("Russia", "Venezuela", 2, ["military personnel", "two strategic bombers"], ["last December"]),
        ("Russia", "Caracas", 1, ["A Russian Tupolev Tu-160 strategic bomber"], ["Dec. 10, 2018"]),
        ("Russia", "Maiquetia airport", 1, ["about 100 Russian troops"], []),
    ]
    cols = ("actor", "place", "sentences", "assets", "dates")
    assert pick(run(sample_graph, "deployments", actor="Russia", place=""), *cols) == all_three
    assert pick(run(sample_graph, "deployments", actor="", place=""), *cols) == all_three
    assert pick(run(sample_graph, "deployments", actor=None, place=None), *cols) == all_three
    assert pick(run(sample_graph, "deployments", actor="", place="venezuela"), *cols) == all_three[:1]
    assert pick(run(sample_graph, "deployments", actor="Moscow", place="CARACAS"), *cols) == all_three[1:2]
    assert run(sample_graph, "deployments", actor="Cuba", place="") == []
    assert run(sample_graph, "deployments", actor="Russia", place="Cuba") == []
    row = run(sample_graph, "deployments", actor="Russia", place="Venezuela")[0]
    assert (row["documents"], row["first_seen"], row["last_seen"]) == (1, "2019-03-26", "2019-03-26")


def test_accusations_by_accuser_accused_both_or_neither(sample_graph):
    cols = ("accuser", "accused", "sentences", "charges")
    russia = ("Russia", "United States", 1, ["Attempted Coup"])
    lavrov = ("Sergei Lavrov", "United States", 1, ["attempting to “organize a coup d’état”"])
    assert pick(run(sample_graph, "accusations", accuser="", accused="U.S."), *cols) == [russia, lavrov]
    assert pick(run(sample_graph, "accusations", accuser="", accused=""), *cols) == [russia, lavrov]
    assert pick(run(sample_graph, "accusations", accuser="Lavrov", accused=""), *cols) == [lavrov]
    assert pick(run(sample_graph, "accusations", accuser="sergei lavrov", accused="Washington"), *cols) == [lavrov]
    assert run(sample_graph, "accusations", accuser="", accused="Russia") == []


def test_evidence_why_russia_recognizes_maduro(sample_graph):
    rows = run(sample_graph, "evidence", subject="Russia", relation="RECOGNIZES", object="the maduro regime")
    assert pick(rows, "subject", "relation", "object", "status", "sentences", "sentence", "doc_id", "reported_by") == [
        ("Russia", "RECOGNIZES", "Nicolas Maduro", "asserted", 2, S_MADURO, DOC_A, None),
        ("Russia", "RECOGNIZES", "Nicolas Maduro", "asserted", 2, B_PESKOV, DOC_B, "Dmitry Peskov"),
    ]
    assert (rows[0]["document"], rows[0]["published"]) == (HEADLINE, "2019-03-26")
    assert [r["author"] for r in rows] == [AUTHOR_A, None]  # a column after the others
    assert list(rows[0])[-2:] == ["author", "graph"]  # after the others; the graph column stays last
    assert TEXT[rows[0]["start"]:rows[0]["end"]] == S_MADURO
    # the relation's spelling does not matter; its value is only compared, never spliced in
    assert run(sample_graph, "evidence", subject="Russia", relation=" recognizes ", object="Maduro") == rows
    # kgload refuses a relation type outside the lexicon; sent as it is (cypher-shell), it is a value
    with pytest.raises(UsageError):
        run(sample_graph, "evidence", subject="Russia", relation="RECOGNIZES]->() DETACH DELETE n //", object="Maduro")
    assert sample_graph.read_text(as_cypher_shell_sends("evidence"), {
        "subject": "Russia", "relation": "RECOGNIZES]->() DETACH DELETE n //", "object": "Maduro"}) == []


def test_evidence_keeps_negated_statements_with_their_status(sample_graph):
    rows = run(sample_graph, "evidence", subject="Germany", relation="", object="Maduro")
    assert pick(rows, "relation", "status", "sentences", "sentence") == [("RECOGNIZES", "negated", 1, B_GERMANY)]


def test_evidence_any_relation_and_details(sample_graph):
    rows = run(sample_graph, "evidence", subject="Russia", relation="deploys to", object="Venezuela")
    assert pick(rows, "relation", "sentences", "sentence", "details") == [
        ("DEPLOYS_TO", 2, S_POMPEO, ["asset: military personnel"]),
        ("DEPLOYS_TO", 2, S_BOMBERS, ["asset: two strategic bombers", "when: last December"]),
    ]
    rows = run(sample_graph, "evidence", subject="Russia", relation=None, object="Maduro")
    assert pick(rows, "relation", "sentences") == [("RECOGNIZES", 2), ("RECOGNIZES", 2), ("SUPPORTS", 1)]


def test_entity_profile(sample_graph):
    cols = ("direction", "relation", "relationships", "sentences", "top")
    rows = run(sample_graph, "entity_profile", name="cuba")
    assert pick(rows, "entity", "type", "aliases", "documents", *cols) == [
        ("Cuba", "Country", ["Cuba"], 1, "out", "RECOGNIZES", 1, 1, ["Nicolas Maduro (1)"]),
    ]
    rows = run(sample_graph, "entity_profile", name="Moscow")
    assert {(r["entity"], r["type"], r["documents"]) for r in rows} == {("Russia", "Country", 2)}
    assert pick(rows, *cols) == [
        ("out", "DEPLOYS_TO", 3, 4, ["Venezuela (2)", "Caracas (1)", "Maiquetia airport (1)"]),
        ("out", "RECOGNIZES", 1, 2, ["Nicolas Maduro (2)"]),
        ("out", "ACCUSES", 1, 1, ["United States (1)"]),
        ("out", "SUPPORTS", 1, 1, ["Nicolas Maduro (1)"]),
        ("in", "WARNS", 2, 2, ["Mike Pompeo (1)", "United States (1)"]),
        ("in", "CALLS_ON", 1, 1, ["Mike Pompeo (1)"]),
        ("in", "CONDEMNS", 1, 1, ["Organization of American States (1)"]),
    ]
    # an entity with no relationship still has its profile row
    rows = run(sample_graph, "entity_profile", name="Dmitry Peskov")
    assert pick(rows, "entity", "documents", *cols) == [("Dmitry Peskov", 1, None, None, 0, 0, [])]


def test_contested_recognition_side_by_side(sample_graph):
    cols = ("recognized", "recognized_by", "sentences", "rival", "rival_recognized_by", "rival_sentences")
    guaido = ("Juan Guaido", ["United States"], 2, "Nicolas Maduro", ["China", "Cuba", "Russia"], 4)
    maduro = ("Nicolas Maduro", ["China", "Cuba", "Russia"], 4, "Juan Guaido", ["United States"], 2)
    assert pick(run(sample_graph, "contested_recognition", name=""), *cols) == [guaido]
    assert pick(run(sample_graph, "contested_recognition", name=None), *cols) == [guaido]
    assert pick(run(sample_graph, "contested_recognition", name="Maduro"), *cols) == [maduro]
    assert pick(run(sample_graph, "contested_recognition", name="Guaidó"), *cols) == [guaido]
    assert run(sample_graph, "contested_recognition", name="Russia") == []


def test_path_between(sample_graph):
    rows = run(sample_graph, "path_between", **{"from": "Russia", "to": "Guaido"})
    assert pick(rows, "path", "hops", "sentences", "step_sentences") == [
        ("Russia -[ACCUSES]-> United States -[RECOGNIZES]-> Juan Guaido", 2, 3, [1, 2]),
        ("Russia <-[WARNS]- United States -[RECOGNIZES]-> Juan Guaido", 2, 3, [1, 2]),
    ]
    rows = run(sample_graph, "path_between", **{"from": "Cuba", "to": "Russia"})
    assert pick(rows, "path", "hops", "sentences") == [
        ("Cuba -[RECOGNIZES]-> Nicolas Maduro <-[RECOGNIZES]- Russia", 2, 3),
        ("Cuba -[RECOGNIZES]-> Nicolas Maduro <-[SUPPORTS]- Russia", 2, 2),
    ]
    # never through a document: Germany and Cuba share no fact, only documents and Maduro evidence
    assert run(sample_graph, "path_between", **{"from": "Germany", "to": "Cuba"}) == []
    assert run(sample_graph, "path_between", **{"from": "Russia", "to": "Moscow"}) == []


def test_path_between_walks_only_entities_even_when_a_document_is_shorter(sample_graph):
    # Cuba and Guaido share doc-venezuela (2 steps through the Document); through entities it takes 4:
    # Cuba -> Maduro <- Russia (RECOGNIZES 2 or SUPPORTS 1), Russia - United States (ACCUSES 1 or
    # WARNS 1), United States -> Guaido (RECOGNIZES 2)
    rows = run(sample_graph, "path_between", **{"from": "Cuba", "to": "Guaido"})
    assert pick(rows, "path", "hops", "sentences", "step_sentences") == [
        ("Cuba -[RECOGNIZES]-> Nicolas Maduro <-[RECOGNIZES]- Russia -[ACCUSES]-> United States -[RECOGNIZES]-> Juan Guaido", 4, 6, [1, 2, 1, 2]),
        ("Cuba -[RECOGNIZES]-> Nicolas Maduro <-[RECOGNIZES]- Russia <-[WARNS]- United States -[RECOGNIZES]-> Juan Guaido", 4, 6, [1, 2, 1, 2]),
        ("Cuba -[RECOGNIZES]-> Nicolas Maduro <-[SUPPORTS]- Russia -[ACCUSES]-> United States -[RECOGNIZES]-> Juan Guaido", 4, 5, [1, 1, 1, 2]),
        ("Cuba -[RECOGNIZES]-> Nicolas Maduro <-[SUPPORTS]- Russia <-[WARNS]- United States -[RECOGNIZES]-> Juan Guaido", 4, 5, [1, 1, 1, 2]),
    ]
    paths = [r["graph"][0] for r in run(sample_graph, "path_between", **{"from": "Cuba", "to": "Guaido"})]
    # a path's data is node, type, node, ...: 5 entities and 4 relationships each
    assert sorted(tuple(p[1::2]) for p in paths) == [
        ("RECOGNIZES", "RECOGNIZES", "ACCUSES", "RECOGNIZES"), ("RECOGNIZES", "RECOGNIZES", "WARNS", "RECOGNIZES"),
        ("RECOGNIZES", "SUPPORTS", "ACCUSES", "RECOGNIZES"), ("RECOGNIZES", "SUPPORTS", "WARNS", "RECOGNIZES"),
    ]
    assert {tuple(n["name"] for n in p[0::2]) for p in paths} == {
        ("Cuba", "Nicolas Maduro", "Russia", "United States", "Juan Guaido")}


@pytest.mark.parametrize("name", ["path_between"])
def test_path_between_prunes_non_entities_during_the_search(sample_graph, name):
    with sample_graph.driver.session(database=sample_graph.settings.database) as session:
        result = session.run("PROFILE " + as_cypher_shell_sends(name), {"from": "Cuba", "to": "Guaido"})
        list(result)
        ops = _operators(result.consume().profile)
    (shortest,) = [o for o in ops if o["operatorType"].startswith("ShortestPath")]
    assert "WHERE all(n IN nodes(p) WHERE n:Entity)" in shortest["args"]["Details"]
    assert shortest["rows"] == 4
    # no fallback that enumerates paths and filters them afterwards
    assert not [o["operatorType"] for o in ops if o["operatorType"].split("@")[0] in (
        "VarLengthExpand(All)", "VarLengthExpand(Into)", "AntiConditionalApply", "ConditionalApply")]
    assert not [o for o in ops if o["operatorType"].startswith("Filter") and "nodes(p)" in o["args"].get("Details", "")]


def test_evidence_for_every_relation_seeks_the_key_index(sample_graph):
    for relation in ("", "RECOGNIZES"):
        with sample_graph.driver.session(database=sample_graph.settings.database) as session:
            result = session.run("PROFILE " + as_cypher_shell_sends("evidence"),
                                 {"subject": "Russia", "relation": relation, "object": "Maduro"})
            assert len(list(result)) == (3 if relation == "" else 2)
            ops = _operators(result.consume().profile)
        seeks = [o for o in ops if o["operatorType"].startswith("NodeIndexSeekByRange")
                 and "v:Evidence(key) WHERE key STARTS WITH" in o["args"].get("Details", "")]
        # Russia's evidence: 2 RECOGNIZES Maduro, 4 DEPLOYS_TO, 1 ACCUSES, 1 SUPPORTS (8); or the 2 asked for
        assert [o["rows"] for o in seeks] == [8 if relation == "" else 2]
        assert not [o for o in ops if o["operatorType"].split("@")[0] in ("NodeByLabelScan", "AllNodesScan", "NodeIndexScan")
                    and o["rows"]]


def test_a_relation_type_outside_the_query_files_is_answered(sample_graph):
    """A new relation type is a data change only: entity_profile, evidence and path_between see it."""
    with sample_graph.driver.session(database=sample_graph.settings.database) as session:
        tx = session.begin_transaction()
        try:
            tx.run("MATCH (c:Entity {id: 'cuba'}), (g:Entity {id: 'juan-guaido'}), (d:Document {id: $doc}) "
                   "CREATE (c)-[:THREATENS {mentions: 3}]->(g) "
                   "CREATE (:Evidence {id: 'ev:test-threatens', key: 'cuba|THREATENS|juan-guaido', subject_id: 'cuba', "
                   "relation: 'THREATENS', object_id: 'juan-guaido', sentence: 'Cuba threatens Guaido.', start: 0, "
                   "end: 22, status: 'asserted', doc_id: $doc, published: '2019-04-01'})-[:FROM_DOCUMENT]->(d)",
                   {"doc": DOC_B}).consume()

            def ask(query, /, **params):
                return [r.data() for r in tx.run(as_cypher_shell_sends(query), params)]

            assert pick(ask("entity_profile", name="Cuba"), "direction", "relation", "relationships", "sentences", "top") == [
                ("out", "THREATENS", 1, 3, ["Juan Guaido (3)"]),
                ("out", "RECOGNIZES", 1, 1, ["Nicolas Maduro (1)"]),
            ]
            assert pick(ask("path_between", **{"from": "Cuba", "to": "Guaido"}), "path", "hops", "sentences") == [
                ("Cuba -[THREATENS]-> Juan Guaido", 1, 3),
            ]
            for relation in ("", None, "threatens"):
                assert pick(ask("evidence", subject="Cuba", relation=relation, object="Guaido"),
                            "relation", "status", "sentences", "sentence", "doc_id") == [
                    ("THREATENS", "asserted", 1, "Cuba threatens Guaido.", DOC_B),
                ]
        finally:
            tx.rollback()
    assert run(sample_graph, "evidence", subject="Cuba", relation="", object="Guaido") == []


# ------------------------------------------------------------------ Browser links: values written into the text

TRICKY = ["x\nMATCH (n) DETACH DELETE n //", "a\r\nb", "a\u2028b\u2029c", "O'Brien", "C:\\new", "\\'", "tab\there",
          'say "hi"', "a`b", "\x00\x0b\x0c\x1b\x7f\x85", "\u200e\u202e\ufeff", "\U000E0041", "Juan Guaidó 東京 😀"]


def test_browser_literals_read_back_as_the_same_values(graph):
    text = "RETURN " + ", ".join(f"{browser.cypher_literal(v)} AS v{i}" for i, v in enumerate(TRICKY))
    (row,) = graph.read_text(text)
    assert [row[f"v{i}"] for i in range(len(TRICKY))] == TRICKY
    (row,) = graph.read_text("RETURN " + browser.cypher_literal({"a`b": ["x\ny", None, 2, 0.5]}) + " AS m")
    assert row["m"] == {"a`b": ["x\ny", None, 2, 0.5]}


def test_browser_editor_text_answers_like_the_parameters(sample_graph):
    nodes = sample_graph.read_text("MATCH (n) RETURN count(n) AS n")[0]["n"]
    for name in ("x\nMATCH (n) DETACH DELETE n //", "Guaido\nMATCH (n) DETACH DELETE n //",
                 "Juan\tGuaidó\n", "Guaido\u2028", "O'Brien"):
        assert sample_graph.read_text(browser.editor_text("who_recognizes", {"name": name})) == \
            run(sample_graph, "who_recognizes", name=name)
    rows = sample_graph.read_text(browser.editor_text("who_recognizes", {"name": "Juan\tGuaidó\n"}))
    assert pick(rows, "subject", "recognized", "sentences") == [("United States", "Juan Guaido", 2)]
    assert sample_graph.read_text("MATCH (n) RETURN count(n) AS n")[0]["n"] == nodes


# ------------------------------------------------------------------ names through the index

NAMES = ["Juan Guaidó", "  U.S. ", "the Maduro-regime", "Ünïcödé  Çase", "O'Neil", "São Tomé & Príncipe",
         "", "---", "Guaido\u0301", "ÆSIR", "東京", "x\ty"]


def test_cypher_normalisation_equals_alias_key(graph):
    """The templates' {{ alias_key(...) }} expression (the one Cypher source) gives the keys worked out
    by hand (tests/alias_keys.py, which the unit layer checks names.alias_key against), and the same
    keys as names.alias_key on a few more names."""
    from loader.cypher_templates import alias_key as alias_key_cypher

    hand = dict(HAND_KEYS)
    names = list(hand) + NAMES
    rows = graph.read_text(f"UNWIND $names AS name RETURN name, {alias_key_cypher('name')} AS key", {"names": names})
    keys = {r["name"]: r["key"] for r in rows}
    assert {n: keys[n] for n in hand} == hand
    assert {n: keys[n] for n in NAMES} == {n: alias_key(n) for n in NAMES}


PROFILED = [
    ("who_recognizes", {"name": "Guaido"}),
    ("whom_recognizes", {"name": "Russia"}),
    ("deployments", {"actor": "Russia", "place": ""}),
    ("deployments", {"actor": "", "place": "Venezuela"}),
    ("deployments", {"actor": "Russia", "place": "Venezuela"}),
    ("accusations", {"accuser": "Lavrov", "accused": ""}),
    ("accusations", {"accuser": "", "accused": "United States"}),
    ("evidence", {"subject": "Russia", "relation": "RECOGNIZES", "object": "Maduro"}),
    ("entity_profile", {"name": "Cuba"}),
    ("contested_recognition", {"name": "Maduro"}),
    ("path_between", {"from": "Russia", "to": "Guaido"}),
]


def _operators(plan) -> list[dict]:
    out = [plan]
    for child in plan.get("children", []):
        out.extend(_operators(child))
    return out


@pytest.mark.parametrize("name,params", PROFILED, ids=[f"{n}-{'-'.join(v for v in p.values() if v)}" for n, p in PROFILED])
def test_names_are_found_by_a_unique_index_seek_on_alias_never_a_scan(sample_graph, name, params):
    with sample_graph.driver.session(database=sample_graph.settings.database) as session:
        # plan on this graph, not reuse a plan an earlier test made on an (almost) empty one,
        # where scanning the few Alias nodes is what the planner rightly prefers
        session.run("CALL db.clearQueryCaches()").consume()
        result = session.run("PROFILE " + as_cypher_shell_sends(name), cypher.query_arguments(name, params))
        rows = list(result)
        profile = result.consume().profile
    assert rows, "the profiled query found nothing"
    ops = _operators(profile)
    seeks = [o for o in ops if o["operatorType"].startswith("NodeUniqueIndexSeek")
             and ":Alias(key)" in o.get("args", {}).get("Details", "")]
    assert any(o["rows"] >= 1 for o in seeks), [(o["operatorType"], o.get("rows"), o.get("args", {}).get("Details", "")[:60]) for o in ops if "Seek" in o["operatorType"] or "Scan" in o["operatorType"]]
    # a branch for "any" may be planned, but no scan runs when a name is given
    scans = [o for o in ops if o["operatorType"].split("@")[0] in ("NodeByLabelScan", "AllNodesScan", "NodeIndexScan",
                                                                    "NodeUniqueIndexSeekByRange",
                                                                    "DirectedAllRelationshipsScan",
                                                                    "UndirectedAllRelationshipsScan",
                                                                    "DirectedRelationshipTypeScan",
                                                                    "UndirectedRelationshipTypeScan")]
    assert all(o["rows"] == 0 for o in scans), [(o["operatorType"], o["rows"]) for o in scans]
