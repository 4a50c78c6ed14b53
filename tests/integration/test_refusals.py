"""Issue 20, point 7: what the graph knows about refusals can be asked, and an unknown name is
told apart from a known one with no answer.

Hand-written records (no spaCy), so each fact is exactly the one written here:

    2008-02-18  United States recognizes Kosovo;  Spain: negated RECOGNIZES Kosovo
    2009-01-01  Colombia: negated RECOGNIZES Kosovo
    2012-05-05  Colombia recognizes Kosovo  (so Colombia's refusal no longer holds: asserted since 2012-05-05)
    2019-01-24  Paraguay recognizes Juan Guaido  (Paraguay is known; nobody recognizes Paraguay)
"""

from __future__ import annotations

import json

import pytest

from .conftest import run_kgload
from .records_helper import write_docs

NEGATED = {"status": "negated"}
DOCS = [
    ("refusal-2008", "2008-02-18", [("united-states", "RECOGNIZES", "kosovo"), ("spain", "RECOGNIZES", "kosovo", NEGATED)]),
    ("refusal-2009", "2009-01-01", [("colombia", "RECOGNIZES", "kosovo", NEGATED)]),
    ("refusal-2012", "2012-05-05", [("colombia", "RECOGNIZES", "kosovo")]),
    ("refusal-2019", "2019-01-24", [("paraguay", "RECOGNIZES", "juan-guaido")]),
]


@pytest.fixture(scope="module")
def env(graph, tmp_path_factory, neo4j_settings):
    import os

    graph.run_autocommit("load/reset_graph")
    path = write_docs(tmp_path_factory.mktemp("refusals") / "records.jsonl", DOCS)
    env = dict(os.environ, NEO4J_URI=neo4j_settings.uri, NEO4J_USERNAME=neo4j_settings.username,
               NEO4J_PASSWORD=neo4j_settings.password or "", NEO4J_DATABASE=neo4j_settings.database)
    out = run_kgload(["load", "--quiet", str(path)], env)
    assert out.returncode == 0, out.stderr
    return env


def ask(env, question: str, fmt: str = "json"):
    out = run_kgload(["ask", question, "--format", fmt], env)
    assert out.returncode == 0, (question, out.stderr)
    return (json.loads(out.stdout) if fmt == "json" else out.stdout), out.stderr


def test_a_yes_or_no_question_is_answered_no_from_the_negated_statement(env):
    rows, err = ask(env, "Has Spain recognized Kosovo?")
    assert [(r["subject"], r["relation"], r["object"], r["status"], r["sentences"], r["first_said"],
             r["asserted_since"]) for r in rows] == [("Spain", "RECOGNIZES", "Kosovo", "negated", 1, "2008-02-18", None)]
    assert rows[0]["statements"] == ["Spain recognizes Kosovo (made-up statement 1)."]
    assert "No — Spain said it would not recognize Kosovo (2008-02-18)" in err
    table, _ = ask(env, "Has Spain recognized Kosovo?", fmt="table")
    assert "No — Spain said it would not recognize Kosovo (2008-02-18)" in table


def test_a_yes_or_no_question_the_graph_asserts_is_answered_by_the_fact(env):
    rows, err = ask(env, "Has the United States recognized Kosovo?")
    assert [(r["subject"], r["relation"], r["object"]) for r in rows] == [("United States", "RECOGNIZES", "Kosovo")]
    assert "No —" not in err


@pytest.mark.parametrize("question", [
    "Which countries did not recognize Kosovo?", "Who refused to recognize Kosovo?",
    "Who hasn't recognized Kosovo?", "Which countries have not yet recognized Kosovo?",
])
def test_who_did_not_lists_the_refusals_and_says_which_no_longer_hold(env, question):
    rows, _ = ask(env, question)
    assert [(r["subject"], r["first_said"], r["asserted_since"]) for r in rows] == [
        ("Colombia", "2009-01-01", "2012-05-05"),  # recognized it later
        ("Spain", "2008-02-18", None),
    ]


def test_whom_did_x_not_recognize(env):
    rows, _ = ask(env, "Whom did Spain refuse to recognize?")
    assert [(r["subject"], r["object"]) for r in rows] == [("Spain", "Kosovo")]


def test_an_unknown_name_is_named_with_the_nearest_known_one(env):
    rows, err = ask(env, "Who recognizes Kosovoo?")
    assert rows == []
    assert "no entity named 'Kosovoo'; did you mean Kosovo?" in err
    rows, err = ask(env, "Has Spainn recognized Kosovo?")
    assert rows == [] and "no entity named 'Spainn'; did you mean Spain?" in err
    out = run_kgload(["query", "who_recognizes", "-p", "name", "Kosovoo", "-f", "json"], env)
    assert out.returncode == 0 and json.loads(out.stdout) == []
    assert "no entity named 'Kosovoo'; did you mean Kosovo?" in out.stderr


def test_a_known_name_without_an_answer_is_no_unknown_name(env):
    rows, err = ask(env, "Who recognizes Paraguay?")
    assert rows == []
    assert "No answer in the graph for 'Who recognizes Paraguay?'." in err
    assert "no entity named" not in err
    rows, err = ask(env, "Who recognizes Xqzwv?")
    assert rows == [] and "no entity named 'Xqzwv'." in err  # nothing near: no suggestion
