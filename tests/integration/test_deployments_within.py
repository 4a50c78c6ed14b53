"""Issue 20, point 8: a deployment to a place within a country (its evidence's ``broader_place``)
is a deployment to that country, and the answer shows the place itself. Hand-written records:

    2014-03-01  Russia deploys to Crimea               (broader_place Ukraine)
    2019-02-01  United States deploys to Ukraine
    2019-02-23  Venezuela deploys to border with Colombia (broader_place Colombia); Colombia recognizes Guaido
    2019-03-26  Russia deploys to Venezuela
    2021-04-10  Russia deploys to border with Ukraine   (broader_place Ukraine)
                Cuba deploys to Crimea, negated         (broader_place Ukraine): no deployment
"""

from __future__ import annotations

import json

import pytest

from .conftest import run_kgload
from .records_helper import write_docs


def _within(place: str, **extra) -> dict:
    return {"properties": {"broader_place": place}, **extra}


DOCS = [
    ("within-2014", "2014-03-01", [("russia", "DEPLOYS_TO", "crimea", _within("Ukraine"))]),
    ("within-2019-02", "2019-02-01", [("united-states", "DEPLOYS_TO", "ukraine")]),
    ("within-2019-02b", "2019-02-23", [("venezuela", "DEPLOYS_TO", "border-with-colombia", _within("Colombia")),
                                       ("colombia", "RECOGNIZES", "juan-guaido")]),
    ("within-2019-03", "2019-03-26", [("russia", "DEPLOYS_TO", "venezuela")]),
    ("within-2021", "2021-04-10", [("russia", "DEPLOYS_TO", "border-with-ukraine", _within("Ukraine")),
                                   ("cuba", "DEPLOYS_TO", "crimea", _within("Ukraine", status="negated"))]),
]


@pytest.fixture(scope="module")
def env(graph, tmp_path_factory, neo4j_settings):
    import os

    graph.run_autocommit("load/reset_graph")
    path = write_docs(tmp_path_factory.mktemp("within") / "records.jsonl", DOCS)
    env = dict(os.environ, NEO4J_URI=neo4j_settings.uri, NEO4J_USERNAME=neo4j_settings.username,
               NEO4J_PASSWORD=neo4j_settings.password or "", NEO4J_DATABASE=neo4j_settings.database)
    out = run_kgload(["load", "--quiet", str(path)], env)
    assert out.returncode == 0, out.stderr
    return env


def rows_of(env, *args) -> list[tuple]:
    out = run_kgload([*args, "--format", "json"], env)
    assert out.returncode == 0, (args, out.stderr)
    return [(r["actor"], r["place"], r["within"]) for r in json.loads(out.stdout)]


def test_who_deployed_to_a_country_includes_the_places_within_it(env):
    assert rows_of(env, "ask", "Who deployed forces to Ukraine?") == [
        ("Russia", "Crimea", ["Ukraine"]),               # the place shown, and the country it lies in
        ("Russia", "border with Ukraine", ["Ukraine"]),
        ("United States", "Ukraine", []),
    ]


def test_the_canned_query_by_place_and_by_actor_and_place(env):
    assert rows_of(env, "query", "deployments", "-p", "place", "Colombia") == [
        ("Venezuela", "border with Colombia", ["Colombia"])]
    assert rows_of(env, "query", "deployments", "-p", "actor", "Russia", "-p", "place", "ukraine") == [
        ("Russia", "Crimea", ["Ukraine"]), ("Russia", "border with Ukraine", ["Ukraine"])]
    # by actor alone: every place, each with the country it lies in
    assert rows_of(env, "query", "deployments", "-p", "actor", "Russia") == [
        ("Russia", "Crimea", ["Ukraine"]), ("Russia", "Venezuela", []), ("Russia", "border with Ukraine", ["Ukraine"])]


def test_as_of_a_date_the_places_within_hold_as_they_did(env):
    assert rows_of(env, "ask", "Who deployed forces to Ukraine in 2015?") == [("Russia", "Crimea", ["Ukraine"])]


def test_a_place_within_is_not_the_country_itself(env):
    # Crimea asked about is Crimea: not the deployments to the rest of Ukraine
    assert rows_of(env, "query", "deployments", "-p", "place", "Crimea") == [("Russia", "Crimea", ["Ukraine"])]
