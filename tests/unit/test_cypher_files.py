"""Every file in cypher/ (schema, admin, load, queries): a header naming exactly its parameters, one
statement, names in the house style, and (for queries) the one name-normalisation expression."""

from __future__ import annotations

import re

import pytest

from loader import cypher
from loader.allowlist import relation_types
from loader.cypher_templates import ALIAS_KEY
from loader.errors import UsageError

FOLDERS = ("schema", "admin", "load", "lookup", "queries")
ALL_FILES = [(folder, name) for folder in FOLDERS for name in cypher.names(folder)]
QUERIES = cypher.names("queries")
ROW_QUERIES = QUERIES

# the normalisation of names: the templates' {{ alias_key(X) }} (loader/cypher_templates.py)
NORMALISATION = ALIAS_KEY
NAME_PARAMS = {
    "who_recognizes": {"name"}, "whom_recognizes": {"name"}, "entity_profile": {"name"},
    "contested_recognition": {"name"}, "deployments": {"actor", "place"},
    "accusations": {"accuser", "accused"}, "evidence": {"subject", "object"},
    "path_between": {"from", "to"}, "relations": {"subject", "object"},
}


def test_the_canned_queries_product_md_asks_for_exist():
    assert set(NAME_PARAMS) <= set(QUERIES)


@pytest.mark.parametrize("folder,name", ALL_FILES, ids=[f"{f}/{n}" for f, n in ALL_FILES])
def test_header_names_exactly_the_parameters_used(folder, name):
    text = cypher.load(f"{folder}/{name}")
    assert text.startswith("// "), "the first line is a // purpose comment"
    assert cypher.purpose(text) and not cypher.purpose(text).startswith("$")
    assert set(cypher.header_params(text)) == cypher.statement_params(text)
    for param, description in cypher.header_params(text).items():
        assert description, f"${param} has no description"
    # every line that names a parameter has the one form cypher.parameters reads:
    # "// $name: ..." or "// $name (optional): ..."
    for line in cypher.header(text):
        if line.lstrip("/ ").startswith("$"):
            assert re.fullmatch(r"// \$\w+(?: \((?:optional|date|relation|optional, (?:date|relation))\))?: \S.*", line), line


@pytest.mark.parametrize("name", QUERIES)
def test_an_optional_query_parameter_is_read_as_any_when_null(name):
    """The header's "(optional)" marker is the one place that says a parameter may be left out
    (kgload query, ask and viz then pass null); the statement must then read null as "any"."""
    text = cypher.load(f"queries/{name}")
    for p in cypher.query_parameters(name):
        if not p.required:
            assert f"coalesce(${p.name}, '')" in text, p


def test_query_parameters_reads_the_marker():
    assert [(p.name, p.required) for p in cypher.query_parameters("deployments")] == [
        ("actor", False), ("place", False), ("as_of", False)]
    assert [(p.name, p.required) for p in cypher.query_parameters("evidence")] == [
        ("subject", True), ("relation", False), ("object", True)]
    assert [(p.name, p.required) for p in cypher.query_parameters("who_recognizes")] == [("name", True), ("as_of", False)]
    assert cypher.query_parameters("who_recognizes")[0].description.startswith("name or alias of the recognized entity")


def test_the_catalogue_lists_every_query_with_its_purpose_and_parameters():
    rows = {r["query"]: r for r in cypher.catalogue()}
    assert sorted(rows) == QUERIES
    assert rows["evidence"]["parameters"] == ["object", "relation", "subject"]
    assert rows["who_recognizes"]["purpose"].startswith("Who recognizes X:")


def test_query_arguments_fills_optional_parameters_with_null_and_names_the_missing_ones():
    assert cypher.query_arguments("deployments", {"actor": "Russia"}) == {"actor": "Russia", "place": None, "as_of": None}
    assert cypher.query_arguments("evidence", {"subject": "a", "object": "b"}) == {
        "subject": "a", "object": "b", "relation": None}
    with pytest.raises(UsageError, match=r"query 'path_between' needs -p from VALUE, -p to VALUE"):
        cypher.query_arguments("path_between", {})
    with pytest.raises(UsageError, match=r"needs -p to VALUE$"):
        cypher.query_arguments("path_between", {"from": "Russia"})
    with pytest.raises(UsageError, match=r"^query 'path_between' has no parameter 'place'; it takes from, to$"):
        cypher.query_arguments("path_between", {"from": "Russia", "place": "x"})


@pytest.mark.parametrize("folder,name", ALL_FILES, ids=[f"{f}/{n}" for f, n in ALL_FILES])
def test_one_statement_per_file(folder, name):
    body = "\n".join(l for l in cypher.load(f"{folder}/{name}").splitlines() if not l.lstrip().startswith("//"))
    body = re.sub(r"'(?:[^'\\]|\\.)*'", "''", body)
    assert ";" not in body.rstrip().rstrip(";")


@pytest.mark.parametrize("folder,name", ALL_FILES, ids=[f"{f}/{n}" for f, n in ALL_FILES])
def test_file_names_are_snake_case(folder, name):
    assert re.fullmatch(r"[a-z]+(?:_[a-z]+)*", name)


@pytest.mark.parametrize("name", cypher.names("load"))
def test_load_files_are_verb_noun(name):
    verb, _, noun = name.partition("_")
    assert verb in {"add", "merge", "delete", "mark", "read", "refresh", "reset", "create", "set", "remove", "lock",
                    "unlock", "update", "count", "split"} and noun


@pytest.mark.parametrize("name", QUERIES)
def test_query_files_are_named_for_what_they_answer(name):
    # verb_noun (who_recognizes, path_between) or a noun phrase the product names (evidence, deployments)
    assert re.fullmatch(r"[a-z]+(?:_[a-z]+){0,2}", name)


@pytest.mark.parametrize("name", QUERIES)
def test_queries_only_read(name):
    body = cypher.load(f"queries/{name}").upper()
    for word in ("CREATE ", "MERGE ", "DELETE ", " SET ", "REMOVE ", "LOAD CSV", "CALL DB", "CALL APOC"):
        assert word not in body, word


@pytest.mark.parametrize("name", sorted(NAME_PARAMS))
def test_names_are_normalised_with_the_one_expression_and_found_through_the_alias_index(name):
    text = cypher.load(f"queries/{name}")
    for param in NAME_PARAMS[name]:
        forms = [NORMALISATION.replace("X", f"${param}"),
                 NORMALISATION.replace("X", f"coalesce(${param}, '')")]
        assert any(f in text for f in forms), f"${param} is not normalised like who_recognizes"
    # every name parameter is used only inside its normalisation
    stripped = text
    for param in NAME_PARAMS[name]:
        stripped = stripped.replace(NORMALISATION.replace("X", f"coalesce(${param}, '')"), "KEY")
        stripped = stripped.replace(NORMALISATION.replace("X", f"${param}"), "KEY")
    body = "\n".join(l for l in stripped.splitlines() if not l.startswith("//"))
    for param in NAME_PARAMS[name]:
        assert f"${param}" not in body
    assert re.search(r"\(\w*:Alias \{key:", text)


@pytest.mark.parametrize("name", QUERIES)
def test_every_query_finds_entities_through_the_alias_key_with_the_one_expression(name):
    text = cypher.load(f"queries/{name}")
    pattern = re.escape(NORMALISATION).replace("X", "(.+?)")
    inputs = re.findall(pattern, text)
    assert inputs, "no name is normalised like who_recognizes does"
    assert re.search(r"\(\w*:Alias \{key:", text)
    assert "(:Entity {name" not in text and "name:" not in text.split("MATCH", 1)[1].split("RETURN")[0]


@pytest.mark.parametrize("name", ROW_QUERIES)
def test_every_answer_row_says_how_many_sentences_support_it(name):
    text = cypher.load(f"queries/{name}")
    final_return = text[text.rindex("RETURN "):]
    assert re.search(r"\bsentences\b", final_return)


# A new relation type is a data change (one line in loader/data/relations.jsonl): no query lists the
# relation types by hand. A query about one relation (who_recognizes: RECOGNIZES) names that one;
# the queries about every relation name none.
GENERIC_QUERIES = ["entity_profile", "evidence", "path_between", "relations"]


def _statement(name: str) -> str:
    return "\n".join(l for l in cypher.load(f"queries/{name}").splitlines() if not l.lstrip().startswith("//"))


def _relation_types_named(body: str) -> set[str]:
    return {t for t in relation_types() if re.search(rf"(?<![A-Za-z0-9_]){t}(?![A-Za-z0-9_])", body)}


def test_relation_types_named_finds_patterns_lists_and_strings():
    assert _relation_types_named("MATCH (a)-[r:RECOGNIZES|WARNS]->(b)") == {"RECOGNIZES", "WARNS"}
    assert _relation_types_named("UNWIND ['ACCUSES', 'CALLS_ON'] AS rel") == {"ACCUSES", "CALLS_ON"}
    assert _relation_types_named("WHERE w.relation = 'RECOGNIZES' AND x.id + '|DEPLOYS_TO|'") == {"RECOGNIZES", "DEPLOYS_TO"}
    assert _relation_types_named("MATCH (e)-[r]->(other:Entity) WHERE r.WARNSX = 1 OR r.X_WARNS = 1") == set()


@pytest.mark.parametrize("name", GENERIC_QUERIES)
def test_queries_about_every_relation_name_no_relation_type(name):
    body = _statement(name)
    assert _relation_types_named(body) == set()
    # nor any type list of their own: no [:A|B] alternation, no list of upper-case names
    assert not re.search(r"\[\w*:\s*[A-Z][A-Z_]*\s*\|", body)
    assert not re.search(r"\[\s*'[A-Z][A-Z_]*'\s*,", body)


@pytest.mark.parametrize("name", QUERIES)
def test_no_query_lists_relation_types_by_hand(name):
    body = _statement(name)
    assert len(_relation_types_named(body)) <= 1, "a query names at most the one relation it is about"
    assert not re.search(r"\[\w*:\s*[A-Z][A-Z_]*\s*\|", body), "no [:A|B|...] list of relation types"
    assert not re.search(r"\[\s*'[A-Z][A-Z_]*'\s*,", body), "no ['A', 'B', ...] list of relation types"


@pytest.mark.parametrize("name,relation", [
    ("who_recognizes", "RECOGNIZES"), ("whom_recognizes", "RECOGNIZES"), ("contested_recognition", "RECOGNIZES"),
    ("deployments", "DEPLOYS_TO"), ("accusations", "ACCUSES"),
])
def test_queries_about_one_relation_name_only_it(name, relation):
    assert _relation_types_named(_statement(name)) == {relation}
