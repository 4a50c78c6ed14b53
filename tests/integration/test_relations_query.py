"""The generic ``relations`` query (any relation type of the lexicon, by subject and/or object) on
the hand-built sample records of test_queries, answers worked out by hand; and ``kgload ask``
answering questions about the relation types beyond the core three with it."""

from __future__ import annotations

import json

import pytest

from .conftest import run_kgload
from .test_queries import load_sample, pick, run

COLUMNS = ("subject", "relation", "object", "sentences", "documents")


@pytest.fixture(scope="module")
def sample_graph(graph):
    graph.run_autocommit("load/reset_graph")
    load_sample(graph)
    return graph


def test_one_type_by_object_with_any_spelling_of_both(sample_graph):
    for relation in ("SUPPORTS", "supports", " Supports "):
        for name in ("Maduro", "the maduro regime", "Nicolas Maduro"):
            assert pick(run(sample_graph, "relations", subject="", relation=relation, object=name), *COLUMNS) == [
                ("Russia", "SUPPORTS", "Nicolas Maduro", 1, 1)]


def test_one_type_by_object_ordered_by_sentences_then_subject(sample_graph):
    rows = run(sample_graph, "relations", subject="", relation="WARNS", object="Moscow")
    assert pick(rows, *COLUMNS) == [("Mike Pompeo", "WARNS", "Russia", 1, 1), ("United States", "WARNS", "Russia", 1, 1)]
    assert {(r["subject_type"], r["object_type"]) for r in rows} == {("Person", "Country"), ("Country", "Country")}


def test_a_type_written_with_spaces_and_by_subject(sample_graph):
    assert pick(run(sample_graph, "relations", subject="Pompeo", relation="calls on", object=""), *COLUMNS) == [
        ("Mike Pompeo", "CALLS_ON", "Russia", 1, 1)]
    assert pick(run(sample_graph, "relations", subject="OAS", relation="condemns", object="Russia"), *COLUMNS) == [
        ("Organization of American States", "CONDEMNS", "Russia", 1, 1)]
    assert run(sample_graph, "relations", subject="Russia", relation="condemns", object="OAS") == []  # direction


def test_every_type_of_one_subject(sample_graph):
    assert pick(run(sample_graph, "relations", subject="Mike Pompeo", relation=None, object=None), *COLUMNS) == [
        ("Mike Pompeo", "CALLS_ON", "Russia", 1, 1), ("Mike Pompeo", "WARNS", "Russia", 1, 1)]


def test_nothing_given_is_every_fact_relationship(sample_graph):
    rows = run(sample_graph, "relations", subject="", relation="", object="")
    count = sample_graph.read_text("MATCH (:Entity)-[r]->(:Entity) RETURN count(r) AS n")[0]["n"]
    assert len(rows) == count and {r["relation"] for r in rows} >= {"RECOGNIZES", "SUPPORTS", "WARNS", "CALLS_ON"}
    only = run(sample_graph, "relations", subject="", relation="WARNS", object="")
    assert {r["subject"] for r in only} == {"Mike Pompeo", "United States"}


@pytest.mark.parametrize("question,expected", [
    ("Which countries back Maduro?", [("Russia", "SUPPORTS", "Nicolas Maduro")]),
    ("Who supports the Maduro regime?", [("Russia", "SUPPORTS", "Nicolas Maduro")]),
    ("Whom does Russia support?", [("Russia", "SUPPORTS", "Nicolas Maduro")]),
    ("Whom does the OAS condemn?", [("Organization of American States", "CONDEMNS", "Russia")]),
    ("Who condemned Moscow?", [("Organization of American States", "CONDEMNS", "Russia")]),
    ("Whom did Pompeo call on?", [("Mike Pompeo", "CALLS_ON", "Russia")]),
    ("Who warned Russia?", [("Mike Pompeo", "WARNS", "Russia"), ("United States", "WARNS", "Russia")]),
])
def test_kgload_ask_about_the_other_relation_types(sample_graph, kgload_env, question, expected):
    out = run_kgload(["ask", question, "--format", "json"], kgload_env)
    assert out.returncode == 0, out.stderr
    assert [(r["subject"], r["relation"], r["object"]) for r in json.loads(out.stdout)] == expected
