"""Issue 20, point 9: two question forms that failed on a graph that has the answer, asked through
the real ``kgload ask`` on hand-written records (no spaCy):

    2019-03-26  Ukraine accuses Russia;  Russia deploys to Venezuela;  United States accuses Cuba
"""

from __future__ import annotations

import json

import pytest

from .conftest import run_kgload
from .records_helper import write_docs

DOCS = [
    ("forms-2019", "2019-03-26", [
        ("ukraine", "ACCUSES", "russia"), ("russia", "DEPLOYS_TO", "venezuela"),
        ("united-states", "ACCUSES", "cuba"),
    ]),
]


@pytest.fixture(scope="module")
def env(graph, tmp_path_factory, neo4j_settings):
    import os

    graph.run_autocommit("load/reset_graph")
    path = write_docs(tmp_path_factory.mktemp("forms") / "records.jsonl", DOCS)
    env = dict(os.environ, NEO4J_URI=neo4j_settings.uri, NEO4J_USERNAME=neo4j_settings.username,
               NEO4J_PASSWORD=neo4j_settings.password or "", NEO4J_DATABASE=neo4j_settings.database)
    out = run_kgload(["load", "--quiet", str(path)], env)
    assert out.returncode == 0, out.stderr
    return env


def ask(env, question: str):
    out = run_kgload(["ask", question, "--format", "json"], env)
    assert out.returncode == 0, (question, out.stderr)
    return json.loads(out.stdout)


@pytest.mark.parametrize("question", ["What is Russia accused of?", "What has Russia been accused of?",
                                      "What was Russia blamed for by Ukraine?"])
def test_what_is_x_accused_of_answers_with_x_the_accused(env, question):
    assert [(r["accuser"], r["accused"]) for r in ask(env, question)] == [("Ukraine", "Russia")]


@pytest.mark.parametrize("question", ["Where are Russian troops deployed?", "Where are Russian troops?",
                                      "Where have the Russian forces been sent?"])
def test_a_demonym_with_a_force_noun_is_its_country(env, question):
    assert [(r["actor"], r["place"]) for r in ask(env, question)] == [("Russia", "Venezuela")]
