"""Issue 20, point 4: `kgload query` checks its parameters against the query's header before it
connects: one line naming the parameter, exit code 2 (real processes, no server needed: the
check comes first, so an unreachable server is never reached)."""

from __future__ import annotations

import pytest

from loader import cypher
from loader.errors import UsageError

from .test_cli_errors import kgload

NO_SERVER = {"NEO4J_URI": "bolt://127.0.0.1:9", "NEO4J_PASSWORD": "x"}


@pytest.mark.parametrize("args, line", [
    (["who_recognizes", "-p", "name", "Guaido", "-p", "as_of", "banana"],
     "Error: query 'who_recognizes': -p as_of 'banana': not a date (YYYY, YYYY-MM or YYYY-MM-DD)"),
    (["who_recognizes", "-p", "name", "Guaido", "-p", "as_of", "2019-13-45"],
     "Error: query 'who_recognizes': -p as_of '2019-13-45': not a date (YYYY, YYYY-MM or YYYY-MM-DD)"),
    (["deployments", "-p", "as_of", "2019-02-29"],  # 2019 was no leap year
     "Error: query 'deployments': -p as_of '2019-02-29': not a date (YYYY, YYYY-MM or YYYY-MM-DD)"),
    (["who_recognizes", "-p", "name", "Guaido", "-p", "foo", "bar"],
     "Error: query 'who_recognizes' has no parameter 'foo'; it takes name, as_of"),
    (["who_recognizes", "-p", "nme", "Guaido"],
     "Error: query 'who_recognizes' has no parameter 'nme'; did you mean name?; it takes name, as_of"),
    (["who_recognises", "-p", "name", "Guaido"],
     "Error: no canned query 'who_recognises'; did you mean who_recognizes? (`kgload query --list` shows them)"),
])
def test_a_bad_parameter_is_one_line_and_exit_2(tmp_path, args, line):
    out = kgload("query", *args, env_extra={**NO_SERVER, "KGLOAD_HOME": str(tmp_path)})
    assert (out.returncode, out.stderr.strip()) == (2, line)


def test_a_relation_type_must_be_in_the_lexicon():
    with pytest.raises(UsageError, match=r"-p relation 'RECOGNISES': not a relation type; did you mean RECOGNIZES\?"):
        cypher.query_arguments("relations", {"relation": "RECOGNISES"})
    assert cypher.query_arguments("relations", {"relation": "calls on"})["relation"] == "calls on"


@pytest.mark.parametrize("value", ["2019", "2019-03", "2019-03-31", "2020-02-29", "", None])
def test_dates_and_any_pass(value):
    assert cypher.query_arguments("who_recognizes", {"name": "Guaido", "as_of": value})["as_of"] == value


def test_the_header_gives_each_parameter_its_kind():
    assert [(p.name, p.required, p.kind) for p in cypher.query_parameters("deployments")] == [
        ("actor", False, "text"), ("place", False, "text"), ("as_of", False, "date")]
    assert [(p.name, p.kind) for p in cypher.query_parameters("evidence")] == [
        ("subject", "text"), ("relation", "relation"), ("object", "text")]
