"""Issue 20, point 1: the picture is drawn from the answer's own query, with every parameter the
question set, so it shows exactly the facts of the table's rows.

The graph (hand-written records, no spaCy): in a document of 2019-01-24 the United States,
Colombia and Paraguay recognize Guaido, Russia, Cuba and China recognize Maduro; in one of
2019-03-26 Russia deploys to Venezuela, Lavrov and Russia accuse the United States, Cuba supports
Maduro, the United States warns Russia and Russia condemns the United States; in one of
2021-02-10 Paraguay withdraws its recognition of Guaido.
"""

from __future__ import annotations

import json
import re

import pytest

from loader import viz
from tests.conftest import ROOT

from .conftest import run_kgload
from .records_helper import write_docs

DOCS = [
    ("viz-2019-01", "2019-01-24", [
        ("united-states", "RECOGNIZES", "juan-guaido"), ("colombia", "RECOGNIZES", "juan-guaido"),
        ("paraguay", "RECOGNIZES", "juan-guaido"), ("russia", "RECOGNIZES", "nicolas-maduro"),
        ("spain", "RECOGNIZES", "kosovo", {"status": "negated"}),
        ("cuba", "RECOGNIZES", "nicolas-maduro"), ("china", "RECOGNIZES", "nicolas-maduro"),
    ]),
    ("viz-2019-03", "2019-03-26", [
        ("russia", "DEPLOYS_TO", "venezuela"), ("sergei-lavrov", "ACCUSES", "united-states"),
        ("russia", "ACCUSES", "united-states"), ("cuba", "SUPPORTS", "nicolas-maduro"),
        ("united-states", "WARNS", "russia"), ("russia", "CONDEMNS", "united-states"),
    ]),
    ("viz-2021-02", "2021-02-10", [("paraguay", "RECOGNIZES", "juan-guaido", {"ends": True})]),
]


@pytest.fixture(scope="module")
def viz_graph(graph, tmp_path_factory, neo4j_settings):
    import os

    graph.run_autocommit("load/reset_graph")
    path = write_docs(tmp_path_factory.mktemp("viz") / "records.jsonl", DOCS)
    env = dict(os.environ, NEO4J_URI=neo4j_settings.uri, NEO4J_USERNAME=neo4j_settings.username,
               NEO4J_PASSWORD=neo4j_settings.password or "", NEO4J_DATABASE=neo4j_settings.database)
    out = run_kgload(["load", "--quiet", str(path)], env)
    assert out.returncode == 0, out.stderr
    return graph, env


def _readme_questions() -> list[str]:
    """The first column of the README's table of questions."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    table = text[text.index("| question | query | also understood |"):]
    rows = re.findall(r"^\| ([^|`]+\?) \| `", table.split("\n\n")[0], re.M)
    assert len(rows) >= 16, rows
    return rows


def _names_in_path(text: str) -> tuple[set, set]:
    parts = re.split(r" (<-\[\w+\]-|-\[\w+\]->) ", text)
    nodes, rels = set(parts[0::2]), set()
    for i in range(1, len(parts), 2):
        a, b, rel = parts[i - 1], parts[i + 1], parts[i].strip("<->[]")
        rels.add((a, rel, b) if parts[i].endswith(">") else (b, rel, a))
    return nodes, rels


def _facts_of_rows(query: str, rows: list[dict]) -> tuple[set, set]:
    """What each row says, read off its columns: the entities and (subject, TYPE, object) facts."""
    nodes: set = set()
    rels: set = set()

    def fact(s, rel, o):
        nodes.update((s, o))
        rels.add((s, rel, o))

    for r in rows:
        if query in ("who_recognizes", "whom_recognizes"):
            fact(r["subject"], "RECOGNIZES", r["recognized"])
        elif query == "deployments":
            fact(r["actor"], "DEPLOYS_TO", r["place"])
        elif query == "accusations":
            fact(r["accuser"], "ACCUSES", r["accused"])
        elif query in ("relations", "evidence"):
            fact(r["subject"], r["relation"], r["object"])
        elif query == "timeline":
            if r["event"] == "asserted":
                fact(r["subject"], r["relation"], r["object"])
            nodes.update((r["subject"], r["object"]))
        elif query == "endings":
            nodes.update((r["actor"], r["object"]))
            if r["since"] is not None or r["holds_again"] is not None:
                rels.add((r["actor"], r["relation"], r["object"]))
        elif query == "entity_profile":
            nodes.add(r["entity"])
            for other in r["top"]:
                name = re.sub(r" \(\d+\)$", "", other)
                fact(*((r["entity"], r["relation"], name) if r["direction"] == "out" else (name, r["relation"], r["entity"])))
        elif query == "contested_recognition":
            for x in r["recognized_by"]:
                fact(x, "RECOGNIZES", r["recognized"])
            for x in r["rival_recognized_by"]:
                fact(x, "RECOGNIZES", r["rival"])
        elif query == "refusals":
            nodes.update((r["subject"], r["object"]))  # a refusal is no relationship
        elif query == "path_between":
            n, rs = _names_in_path(r["path"])
            nodes |= n
            rels |= rs
        else:
            raise AssertionError(f"no reading of {query}'s rows in this test")
    return nodes, rels


def _drawn(result) -> tuple[set, set]:
    page = json.loads(re.search(r'<script type="application/json" id="neo4j-viz-data">(.*?)</script>',
                                result.html, re.S).group(1))
    caption = {n["id"]: n["caption"] for n in page["nodes"]}
    return set(caption.values()), {(caption[r["from"]], r["caption"], caption[r["to"]]) for r in page["relationships"]}


@pytest.mark.parametrize("question", _readme_questions())
def test_every_readme_question_draws_exactly_its_rows(viz_graph, question):
    graph, _ = viz_graph
    plan = viz.plan(question)
    result = viz.draw(graph, plan)
    assert result.rows, f"{question!r} has no answer in this graph"
    assert result.rows == graph.read(f"queries/{plan.query}", plan.params)  # the table `kgload ask` shows
    nodes, rels = _drawn(result)
    assert (nodes, rels) == _facts_of_rows(plan.query, result.rows)


def test_a_withdrawn_recognition_is_neither_in_the_table_nor_in_the_picture(viz_graph, tmp_path):
    """Worked out by hand: in 2022 Colombia's and the United States' recognitions of 2019 hold,
    Paraguay's ended in 2021."""
    graph, env = viz_graph
    out = run_kgload(["ask", "Who recognized Guaido in 2022?", "--format", "json"], env)
    assert out.returncode == 0, out.stderr
    assert sorted(r["subject"] for r in json.loads(out.stdout)) == ["Colombia", "United States"]
    page = tmp_path / "graph.html"
    out = run_kgload(["viz", "Who recognized Guaido in 2022?", "-o", str(page)], env)
    assert out.returncode == 0, out.stderr
    drawn = json.loads(re.search(r'<script type="application/json" id="neo4j-viz-data">(.*?)</script>', page.read_text(encoding="utf-8"), re.S).group(1))
    assert sorted(n["caption"] for n in drawn["nodes"]) == ["Colombia", "Juan Guaido", "United States"]
    assert [r["caption"] for r in drawn["relationships"]] == ["RECOGNIZES", "RECOGNIZES"]
    # and "now" (no date): Paraguay's recognition ended, the picture shows the same two
    result = viz.draw(graph, viz.plan("Who recognizes Guaido?"))
    assert _drawn(result) == ({"Colombia", "Juan Guaido", "United States"},
                              {("Colombia", "RECOGNIZES", "Juan Guaido"), ("United States", "RECOGNIZES", "Juan Guaido")})


def test_an_empty_answer_writes_no_page(viz_graph, tmp_path):
    """Issue 20, point 12: no 4 MB page of nothing; one line says there is no answer."""
    _, env = viz_graph
    page = tmp_path / "graph.html"
    out = run_kgload(["viz", "Who recognized Guaido in 2010?", "-o", str(page)], env)
    assert out.returncode == 0, out.stderr
    assert not page.exists()
    assert out.stderr.strip() == f"No answer in the graph for 'Who recognized Guaido in 2010?'; {page} not written."


def test_a_query_without_rows_prints_no_empty_line(viz_graph):
    """Issue 20, point 12: as `ask`, one line on stderr and nothing on stdout for a table."""
    _, env = viz_graph
    out = run_kgload(["query", "who_recognizes", "-p", "name", "Nobody At All", "--format", "table"], env)
    assert (out.returncode, out.stdout, out.stderr.strip()) == (
        0, "", "No rows for query 'who_recognizes': no entity named 'Nobody At All'.")
    out = run_kgload(["query", "who_recognizes", "-p", "name", "Nobody At All", "--format", "json"], env)
    assert (out.returncode, out.stdout.strip()) == (0, "[]")
