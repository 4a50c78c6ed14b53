"""When facts hold (issue 13): endings, event dates and the order documents arrive in.

Five short documents written for this test, published over nine years; the expected
timelines are worked out by hand from the sentences and the calendar:
- Ecuador recognizes Guaido "on Wednesday" (published Thursday 2019-01-24 -> 2019-01-23),
  withdraws its recognition "last week" (published 2021-06-10 -> 2021-06-03), recognizes him
  again "in January" (published 2023-02-01 -> 2023-01): current, since 2023-01.
- Russia deploys jets to Syria "on Monday" (published Wednesday 2015-09-30 -> 2015-09-28) and
  pulls its troops out "last week" (published 2017-12-11 -> 2017-12-04): ended 2017-12-04.
"""

from __future__ import annotations

import json

import pytest

from .conftest import graph_fingerprint, run_kgload

DOCS = {
    "tl-2019": ("2019-01-24", "Ecuador recognized Juan Guaido as interim president of Venezuela on Wednesday."),
    "tl-2021": ("2021-06-10", "Ecuador withdrew its recognition of Juan Guaido last week."),
    "tl-2023": ("2023-02-01", "Ecuador recognized Juan Guaido again in January."),
    "tl-2015": ("2015-09-30", "Russia deployed fighter jets to Syria on Monday."),
    "tl-2017": ("2017-12-11", "Russia pulled its troops out of Syria last week."),
}


def _write(path, ids):
    path.write_text("".join(json.dumps({"id": i, "published": DOCS[i][0], "text": DOCS[i][1]}) + "\n"
                            for i in ids), encoding="utf-8")
    return path


def _load(tmp_path, env, ids, name):
    out = run_kgload(["load", str(_write(tmp_path / f"{name}.jsonl", ids))], env)
    assert out.returncode == 0, out.stderr


def _fact(graph, subject, relation, obj):
    rows = graph.read_text(
        "MATCH (s:Entity {id: $s})-[r]->(o:Entity {id: $o}) WHERE type(r) = $rel "
        "RETURN r.current AS current, r.since AS since, r.ended AS ended, "
        "r.last_asserted AS last_asserted, r.mentions AS mentions",
        {"s": subject, "o": obj, "rel": relation})
    assert len(rows) == 1, rows
    return rows[0]


def test_assertion_ending_reassertion(empty_graph, kgload_env, tmp_path):
    _load(tmp_path, kgload_env, ["tl-2019", "tl-2021"], "first")
    assert _fact(empty_graph, "ecuador", "RECOGNIZES", "juan-guaido") == {
        "current": False, "since": "2019-01-23", "ended": "2021-06-03",
        "last_asserted": "2019-01-23", "mentions": 1}
    _load(tmp_path, kgload_env, ["tl-2023"], "again")
    assert _fact(empty_graph, "ecuador", "RECOGNIZES", "juan-guaido") == {
        "current": True, "since": "2023-01", "ended": None,
        "last_asserted": "2023-01", "mentions": 2}


def test_a_deployment_that_ended(empty_graph, kgload_env, tmp_path):
    _load(tmp_path, kgload_env, ["tl-2015", "tl-2017"], "syria")
    assert _fact(empty_graph, "russia", "DEPLOYS_TO", "syria") == {
        "current": False, "since": "2015-09-28", "ended": "2017-12-04",
        "last_asserted": "2015-09-28", "mentions": 1}


def test_an_ending_alone_makes_no_fact(empty_graph, kgload_env, tmp_path):
    _load(tmp_path, kgload_env, ["tl-2021"], "alone")
    rows = empty_graph.read_text("MATCH (:Entity {id: 'ecuador'})-[r]->() RETURN count(r) AS n")
    assert rows == [{"n": 0}]
    ends = empty_graph.read_text("MATCH (v:Evidence:Ending) RETURN v.key AS key, v.event_date AS date")
    assert ends == [{"key": "ecuador|RECOGNIZES|juan-guaido", "date": "2021-06-03"}]


@pytest.mark.parametrize("order", [
    ["tl-2023", "tl-2021", "tl-2019", "tl-2017", "tl-2015"],
    ["tl-2021", "tl-2017", "tl-2023", "tl-2015", "tl-2019"],
])
def test_documents_in_any_order_give_the_same_graph(empty_graph, kgload_env, tmp_path, order):
    in_date_order = ["tl-2015", "tl-2017", "tl-2019", "tl-2021", "tl-2023"]
    # one document per run, each from a file of its own name (a document's source is its path)
    for doc in in_date_order:
        _load(tmp_path, kgload_env, [doc], doc)
    expected = graph_fingerprint(empty_graph)
    empty_graph.run_autocommit("load/reset_graph")
    for doc in order:
        _load(tmp_path, kgload_env, [doc], doc)
    assert graph_fingerprint(empty_graph) == expected
    assert _fact(empty_graph, "ecuador", "RECOGNIZES", "juan-guaido")["current"] is True
    assert _fact(empty_graph, "russia", "DEPLOYS_TO", "syria")["ended"] == "2017-12-04"


def test_replacing_the_ending_document_restores_the_fact(empty_graph, kgload_env, tmp_path):
    _load(tmp_path, kgload_env, ["tl-2019", "tl-2021"], "first")
    changed = tmp_path / "changed.jsonl"
    changed.write_text(json.dumps({"id": "tl-2021", "published": "2021-06-10",
                                   "text": "Ecuador still recognizes Juan Guaido."}) + "\n", encoding="utf-8")
    out = run_kgload(["load", str(changed)], kgload_env)
    assert out.returncode == 0, out.stderr
    assert _fact(empty_graph, "ecuador", "RECOGNIZES", "juan-guaido") == {
        "current": True, "since": "2019-01-23", "ended": None,
        "last_asserted": "2021-06-10", "mentions": 2}


def _query(env, query_name, /, **params):
    args = ["query", query_name, "--format", "json"]
    for k, v in params.items():
        args += ["-p", k, v]
    out = run_kgload(args, env)
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout)


@pytest.mark.parametrize("as_of, expected", [
    ("2018", []),
    ("2019-01-22", []),                       # the recognition is dated 2019-01-23
    ("2019-01-23", [("Ecuador", "2019-01-23")]),
    ("2020", [("Ecuador", "2019-01-23")]),
    ("2021-06-02", [("Ecuador", "2019-01-23")]),
    ("2021-06", []),                          # withdrawn 2021-06-03, within June
    ("2022-12-31", []),
    ("2023", [("Ecuador", "2023-01")]),       # recognized again in January 2023
    ("", [("Ecuador", "2023-01")]),           # now
])
def test_who_recognizes_as_of(empty_graph, kgload_env, tmp_path, as_of, expected):
    _load(tmp_path, kgload_env, list(DOCS), "all")
    rows = _query(kgload_env, "who_recognizes", name="Guaido", as_of=as_of)
    assert [(r["subject"], r["since"]) for r in rows] == expected


def test_deployments_endings_and_timeline(empty_graph, kgload_env, tmp_path):
    _load(tmp_path, kgload_env, list(DOCS), "all")
    assert [(r["place"], r["since"]) for r in _query(kgload_env, "deployments", actor="Russia", as_of="2016")] == \
        [("Syria", "2015-09-28")]
    assert _query(kgload_env, "deployments", actor="Russia", as_of="2017-12-04") == []
    assert _query(kgload_env, "deployments", actor="Russia") == []  # pulled out in 2017
    endings = _query(kgload_env, "endings")
    assert [(r["actor"], r["relation"], r["object"], r["ended"], r["holds_again"]) for r in endings] == [
        ("Ecuador", "RECOGNIZES", "Juan Guaido", "2021-06-03", True),
        ("Russia", "DEPLOYS_TO", "Syria", "2017-12-04", False),
    ]
    timeline = _query(kgload_env, "timeline", name="Ecuador", other="Guaido")
    assert [(r["date"], r["event"]) for r in timeline] == [
        ("2019-01-23", "asserted"), ("2021-06-03", "ended"), ("2023-01", "asserted")]
    ask = run_kgload(["ask", "Who stopped recognizing Guaido?", "--format", "json"], kgload_env)
    assert ask.returncode == 0, ask.stderr
    assert [r["actor"] for r in json.loads(ask.stdout)] == ["Ecuador"]
    ask = run_kgload(["ask", "Who recognized Guaido in 2022?", "--format", "json"], kgload_env)
    assert ask.returncode == 0 and json.loads(ask.stdout) == []
    ask = run_kgload(["ask", "When did Russia deploy to Syria?", "--format", "json"], kgload_env)
    assert [(r["date"], r["event"]) for r in json.loads(ask.stdout)] == [
        ("2015-09-28", "asserted"), ("2017-12-04", "ended")]
