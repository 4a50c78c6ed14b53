"""An answer as of a date says what it left out for want of a date (issue 19): documents written
for this test, some with a publication date and some without; the counts worked out by hand.

- Albania recognizes Kosovo "on Monday" (published Wednesday 2008-02-20 -> 2008-02-18), and again
  in an undated document: it has a dated sentence, so it is judged by its date, not left out.
- Peru recognizes Kosovo (published 2010-05-03): dated, after 2008.
- Estonia and Latvia recognize Kosovo in documents without a date: no sentence of theirs is dated.
- France deploys troops to Chad in a document without a date.
"""

from __future__ import annotations

import json

from .conftest import run_kgload

DOCS = [
    {"id": "ud-albania", "published": "2008-02-20", "text": "Albania recognized Kosovo on Monday."},
    {"id": "ud-albania-again", "text": "Albania recognized Kosovo as an independent state."},
    {"id": "ud-peru", "published": "2010-05-03", "text": "Peru recognized Kosovo as an independent state."},
    {"id": "ud-estonia", "text": "Estonia recognized Kosovo as an independent state."},
    {"id": "ud-latvia", "text": "Latvia recognized Kosovo."},
    {"id": "ud-chad", "text": "France deployed troops to Chad."},
]
TWO_LEFT_OUT = "2 recognitions matching 'Kosovo' have no date and are not counted as of {} (ask without a date to see them)"


def _load(tmp_path, env):
    path = tmp_path / "undated.jsonl"
    path.write_text("".join(json.dumps(d) + "\n" for d in DOCS), encoding="utf-8")
    out = run_kgload(["load", str(path)], env)
    assert out.returncode == 0, out.stderr


def _ask(env, question):
    out = run_kgload(["ask", question, "--format", "json"], env)
    assert out.returncode == 0, out.stderr
    notes = [line.removeprefix("Note: ") for line in out.stderr.splitlines() if line.startswith("Note: ")]
    return json.loads(out.stdout), notes, out.stderr


def test_an_answer_as_of_a_date_counts_the_undated_facts_it_left_out(empty_graph, kgload_env, tmp_path):
    _load(tmp_path, kgload_env)
    rows, notes, _ = _ask(kgload_env, "Who recognized Kosovo in 2008?")
    assert [r["subject"] for r in rows] == ["Albania"]
    assert notes == [TWO_LEFT_OUT.format("2008")]

    rows, notes, _ = _ask(kgload_env, "Who recognized Kosovo as of 2011-01-01?")
    assert sorted(r["subject"] for r in rows) == ["Albania", "Peru"]
    assert notes == [TWO_LEFT_OUT.format("2011-01-01")]

    # without a date: every recognition, nothing left out
    rows, notes, _ = _ask(kgload_env, "Who recognizes Kosovo?")
    assert sorted(r["subject"] for r in rows) == ["Albania", "Estonia", "Latvia", "Peru"]
    assert notes == []


def test_an_empty_answer_as_of_a_date_says_it_too(empty_graph, kgload_env, tmp_path):
    _load(tmp_path, kgload_env)
    rows, notes, stderr = _ask(kgload_env, "Whom did Estonia recognize in 2009?")
    assert rows == []
    assert notes == ["1 recognition matching 'Estonia' has no date and is not counted as of 2009 "
                     "(ask without a date to see them)"]
    assert "No answer in the graph for 'Whom did Estonia recognize in 2009?'" in stderr

    rows, notes, _ = _ask(kgload_env, "Where has France deployed in 2015?")
    assert rows == []
    assert notes == ["1 deployment matching 'France' has no date and is not counted as of 2015 "
                     "(ask without a date to see them)"]


def test_the_lookup_gives_the_undated_facts_among_those_given(empty_graph, kgload_env, tmp_path):
    _load(tmp_path, kgload_env)
    keys = ["albania|RECOGNIZES|kosovo", "estonia|RECOGNIZES|kosovo", "latvia|RECOGNIZES|kosovo",
            "peru|RECOGNIZES|kosovo", "france|DEPLOYS_TO|chad", "spain|RECOGNIZES|kosovo"]
    rows = empty_graph.read("lookup/undated_facts", {"keys": keys})
    assert [r["key"] for r in rows] == ["estonia|RECOGNIZES|kosovo", "france|DEPLOYS_TO|chad", "latvia|RECOGNIZES|kosovo"]


def test_query_as_of_a_date_says_it_too(empty_graph, kgload_env, tmp_path):
    _load(tmp_path, kgload_env)
    out = run_kgload(["query", "who_recognizes", "-p", "name", "Kosovo", "-p", "as_of", "2008-03", "--format", "json"],
                     kgload_env)
    assert out.returncode == 0, out.stderr
    assert [r["subject"] for r in json.loads(out.stdout)] == ["Albania"]
    # kgload query has no question to ask again: it says to run the query without as_of
    assert out.stderr.splitlines() == ["Note: " + TWO_LEFT_OUT.format("2008-03").replace(
        "(ask without a date to see them)", "(run it without as_of to see them)")]
