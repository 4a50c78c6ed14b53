"""Every name an answer shows can be asked back (issue 20 point 6): each entity name in the rows of
the README's example questions and of questions about invented articles, typed into "Tell me about
<name>" and `query entity_profile -p name <name>`, reaches that entity, also when the question's
name cleaning would cut it ("Biden Administration" is not "Biden"). The articles go through the
extractor and `kgload load`: one names Putin by surname alone, another in full (one entity); three
name Clintons (the surname alone stays its own)."""

from __future__ import annotations

import json

import pytest

from loader.answers import answer_question
from loader.questions import parse_question
from tests.conftest import ROOT

from .conftest import run_kgload
from .test_viz_answers import _readme_questions

pytestmark = pytest.mark.model

ARTICLES = {  # invented; the file name gives the publication date
    "2022-02-21-putin.txt": "Putin accused Ukraine of shelling the border.\n",
    "2015-09-30-vladimir-putin.txt": "Russian President Vladimir Putin sent troops to Syria on Monday. "
                                     "Vladimir Putin also accused Ukraine of a provocation.\n",
    "2022-03-01-biden.txt": "The Biden Administration condemned Russia for the attack.\n",
    "2016-01-05-bill.txt": "Former President Bill Clinton accused Russia of meddling in the vote.\n",
    "2016-10-05-hillary.txt": "Hillary Clinton accused Russia of hacking the campaign.\n",
    "2017-01-05-clinton.txt": "Clinton accused Russia of interference.\n",
}
QUESTIONS = ["Who accuses Ukraine?", "Who accuses Russia?", "Who condemns Russia?", "Where has Putin deployed?",
             "Tell me about Putin", "What connects Putin and Syria?"]


@pytest.fixture(scope="module")
def loaded(graph, tmp_path_factory, neo4j_settings):
    import os

    graph.run_autocommit("load/reset_graph")
    folder = tmp_path_factory.mktemp("articles")
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    env = dict(os.environ, NEO4J_URI=neo4j_settings.uri, NEO4J_USERNAME=neo4j_settings.username,
               NEO4J_PASSWORD=neo4j_settings.password or "", NEO4J_DATABASE=neo4j_settings.database)
    out = run_kgload(["load", "--quiet", str(ROOT / "examples" / "venezuela-2019-03-26.txt"), str(folder)], env)
    assert out.returncode == 0, out.stderr
    return graph, env


def test_the_surname_alone_joins_the_full_name_and_the_ambiguous_one_does_not(loaded):
    graph, _ = loaded
    persons = {r["id"]: r["docs"] for r in graph.read_text(
        "MATCH (e:Person) WHERE e.id CONTAINS 'putin' OR e.id CONTAINS 'clinton' "
        "RETURN e.id AS id, COUNT { (:Document)-[:MENTIONS]->(e) } AS docs")}
    # Vladimir Putin: the sample ("Russian President Vladimir Putin and ...") and both articles
    assert persons == {"vladimir-putin": 3, "bill-clinton": 1, "hillary-clinton": 1, "clinton": 1}
    rows = answer_question(graph, parse_question("Who accuses Ukraine?")).rows
    assert [(r["accuser"], r["sentences"]) for r in rows] == [("Vladimir Putin", 2)]


def test_every_displayed_name_reaches_its_entity(loaded):
    graph, env = loaded
    names = {r["name"] for r in graph.read_text("MATCH (e:Entity) RETURN e.name AS name")}
    shown: set[str] = set()
    for question in _readme_questions() + QUESTIONS:
        for row in answer_question(graph, parse_question(question)).rows:
            shown.update(v for v in row.values() if isinstance(v, str) and v in names)
    # the sample's and the articles' names, among them one the question cleaning would cut
    assert {"United States", "Juan Guaido", "Russia", "Sergei Lavrov", "Vladimir Putin", "Biden Administration",
            "Bill Clinton", "Hillary Clinton", "Clinton", "Ukraine", "Syria"} <= shown
    unreachable = []
    for name in sorted(shown):
        profile = answer_question(graph, parse_question(f"Tell me about {name}"))
        if name not in {r["entity"] for r in profile.rows}:
            unreachable.append(name)
    assert unreachable == []
    for name in ("Biden Administration", "Vladimir Putin", "Clinton"):
        out = run_kgload(["ask", f"Tell me about {name}", "--format", "json"], env)
        assert out.returncode == 0, out.stderr
        assert name in {r["entity"] for r in json.loads(out.stdout)}
        out = run_kgload(["query", "entity_profile", "-p", "name", name, "--format", "json"], env)
        assert out.returncode == 0, out.stderr
        assert name in {r["entity"] for r in json.loads(out.stdout)}
    # before any cleaning: "Biden Administration" profiles the organisation, not a "Biden"
    rows = answer_question(graph, parse_question("Tell me about the Biden Administration")).rows
    assert {r["entity"] for r in rows} == {"Biden Administration"}
