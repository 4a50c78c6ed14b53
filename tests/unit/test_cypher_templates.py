"""cypher/templates: the one source of the alias-key expression and the fact key; the generated
files current (`make cypher`), and no hand-written copy of either anywhere else in cypher/."""

from __future__ import annotations

import re

import pytest

from loader import cypher
from loader.cypher_templates import ALIAS_KEY, generated, render, templates
from loader.records import fact_key

ROOT = cypher.cypher_dir()
GENERATED = generated(ROOT)


def test_every_generated_file_is_current():
    stale = [str(p.relative_to(ROOT)) for p, text in GENERATED.items()
             if not p.is_file() or p.read_text(encoding="utf-8") != text]
    assert not stale, f"generated from cypher/templates but not current: {stale}; run `make cypher`"


def test_the_templates_are_the_queries_that_normalise_names_or_build_fact_keys():
    assert len(templates(ROOT)) == len(GENERATED) >= 13
    assert ROOT / "queries" / "who_recognizes.cypher" in GENERATED
    assert ROOT / "lookup" / "unknown_names.cypher" in GENERATED


@pytest.mark.parametrize("path", sorted(ROOT.glob("*/*.cypher")), ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_no_hand_written_copy_of_the_alias_key_or_the_fact_key(path):
    text = path.read_text(encoding="utf-8")
    if path in GENERATED:
        assert "// Generated from cypher/templates/" in text
        return
    body = "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("//"))
    assert "normalize(" not in body, "an alias key: write {{ alias_key(...) }} in a template under cypher/templates"
    assert not re.search(r"'\|", body), "a fact key: write {{ fact_key(...) }} in a template under cypher/templates"


def test_macros_expand_to_the_one_expression_and_the_separator_of_records_fact_key():
    text = ("// Purpose.\n// $name: a name\n"
            "WITH {{ alias_key(coalesce($name, '')) }} AS key\n"
            "MATCH (v:Evidence {key: {{ fact_key(s.id, 'RECOGNIZES', o.id) }}})\n"
            "WHERE v.key STARTS WITH {{ fact_key_prefix(s.id) }} OR v.key STARTS WITH {{ fact_key_prefix(s.id, rel) }}\n"
            "RETURN {{fact_key(startNode(r).id, type(r), endNode(r).id)}} AS k\n")
    out = render(text, "templates/queries/x.cypher").splitlines()
    assert out[:3] == ["// Purpose.", "// $name: a name",
                       "// Generated from cypher/templates/queries/x.cypher by `make cypher`: edit the template, "
                       "not this file."]
    assert out[3] == "WITH " + ALIAS_KEY.replace("X", "coalesce($name, '')") + " AS key"
    assert out[4] == "MATCH (v:Evidence {key: s.id + '|RECOGNIZES|' + o.id})"
    assert out[5] == "WHERE v.key STARTS WITH s.id + '|' OR v.key STARTS WITH s.id + '|' + rel + '|'"
    assert out[6] == "RETURN startNode(r).id + '|' + type(r) + '|' + endNode(r).id AS k"
    # the key the Cypher builds for ids a, b is records.fact_key's
    assert fact_key("a", "RECOGNIZES", "b") == "a|RECOGNIZES|b"


def test_a_macro_argument_keeps_its_commas_inside_brackets_and_strings():
    out = render("RETURN {{ fact_key(coalesce(x, 'a,b'), 'R', [1, 2][0]) }}\n", "t")
    assert out.splitlines()[-1] == "RETURN coalesce(x, 'a,b') + '|R|' + [1, 2][0]"


def test_an_unknown_macro_or_a_stray_brace_is_an_error():
    with pytest.raises(ValueError, match=r"t: unknown macro 'alias'"):
        render("RETURN {{ alias(x) }}\n", "t")
    with pytest.raises(ValueError, match=r"no macro"):
        render("RETURN {{ alias_key x }}\n", "t")
