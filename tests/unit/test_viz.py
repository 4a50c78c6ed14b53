"""The Browser style, Browser links, graph query files and `kgload viz` without a server."""

from __future__ import annotations

import json
import re
from types import SimpleNamespace
from urllib.parse import unquote

import pytest
from typer.testing import CliRunner

from loader import browser, cypher, cypher_literals, grass, viz
from loader.cli import app
from loader.errors import UsageError
from loader.neo4j_local import LocalServer, write_config
from loader.records import ENTITY_TYPES

QUERIES = cypher.names("queries")


# ------------------------------------------------------------------ style


def test_style_file_is_readable_by_browser():
    text = browser.style_path().read_text(encoding="utf-8")
    assert "/*" not in text and "//" not in text  # Browser's grass reader has no comments
    style = grass.parse_grass(text)
    assert style["node"]["caption"] == "{name}"
    assert style["relationship"]["caption"] == "<type>"
    colours = browser.node_colors()
    for kind in ENTITY_TYPES:
        assert re.fullmatch(r"#[0-9A-Fa-f]{6}", colours[kind]), kind
        assert style[f"node.{kind}"]["caption"] == "{name}"
    assert len({colours[k].upper() for k in ENTITY_TYPES}) == len(ENTITY_TYPES)


def test_entity_rule_comes_before_the_type_rules():
    # Browser gives a label without a colour rule a default colour in a rule appended last, which
    # would paint every node; a node.Entity rule before the type rules prevents that.
    selectors = list(browser.style())
    assert selectors.index("node.Entity") < min(selectors.index(f"node.{k}") for k in ENTITY_TYPES)


def test_post_connect_command_is_one_line_without_separators():
    (line,) = browser.server_config()
    key, _, value = line.partition("=")
    assert key == "browser.post_connect_cmd"
    assert value.startswith("style {") and "\n" not in value and ";" not in value
    assert json.loads(value[len("style "):]) == browser.style()


def test_local_server_config_carries_the_lines_it_is_given(tmp_path):
    conf = write_config(LocalServer(tmp_path, 7699, 7499), ["browser.post_connect_cmd=style {}"])
    lines = conf.read_text(encoding="utf-8").splitlines()
    assert "server.bolt.listen_address=127.0.0.1:7699" in lines
    assert lines[-1] == "browser.post_connect_cmd=style {}"


def test_kgload_neo4j_start_gives_the_local_server_the_style(monkeypatch):
    """neo4j_local does not import browser: the command passes the style to the server config."""
    from typer.testing import CliRunner

    from loader import neo4j_local
    from loader.cli import app

    given = {}

    def start(log=print, extra_config=()):
        given["extra_config"] = list(extra_config)
        return neo4j_local.StartResult("bolt://localhost:7699", "http://localhost:7499/browser/", True, "java")

    monkeypatch.setattr(neo4j_local, "start", start)
    result = CliRunner().invoke(app, ["neo4j", "start"])
    assert result.exit_code == 0, result.output
    assert given["extra_config"] == browser.server_config()


# ------------------------------------------------------------------ links


def _browser_reads(link: str) -> str:
    """What Neo4j Browser 5 puts in its editor for ?cmd=edit&arg=... (populateEditorFromUrlEpic)."""
    decoded = unquote(link.replace("+", " "))
    assert re.search(r"[?&]cmd=edit", decoded)
    return "\n".join(re.findall(r"[?&]arg=([^&#]*)", decoded))


@pytest.mark.parametrize("name", ["Guaido", "Juan Guaidó", "O'Brien \\ 100%", "a+b"])
def test_browser_link_round_trip(name):
    link = browser.browser_link("who_recognizes", {"name": name}, "http://localhost:7474/browser/")
    assert link.startswith("http://localhost:7474/browser/?cmd=edit&arg=")
    text = _browser_reads(link)
    assert text == browser.editor_text("who_recognizes", {"name": name})
    assert "$name" not in text.split("\n", 1)[1]
    assert cypher_literals.cypher_literal(name) in text


def test_bind_params_leaves_string_literals_alone():
    out = cypher_literals.bind_params("RETURN '$name' AS a, \"$name\" AS b, $name AS c, $other AS d",
                              {"name": "x", "other": [1, None, True]})
    assert out == "RETURN '$name' AS a, \"$name\" AS b, 'x' AS c, [1, null, true] AS d"


# every value, escaped by hand: Cypher's short escapes, else \uXXXX (a surrogate pair beyond U+FFFF)
LITERALS = [
    ("x\nMATCH (n) DETACH DELETE n //", r"'x\nMATCH (n) DETACH DELETE n //'"),
    ("a\r\nb\rc", r"'a\r\nb\rc'"),
    ("a\u2028b\u2029c", r"'a\u2028b\u2029c'"),
    ("O'Brien", r"'O\'Brien'"),
    ("C:\\new", r"'C:\\new'"),  # a backslash then n: stays two characters, never a line break
    ("\\'", r"'\\\''"),
    ("tab\there", r"'tab\there'"),
    ('say "hi"', "'say \"hi\"'"),
    ("a`b", "'a`b'"),
    ("\x00\x0b\x0c\x1b\x7f\x85", r"'\u0000\u000B\u000C\u001B\u007F\u0085'"),
    ("\u200e\u202e\ufeff", r"'\u200E\u202E\uFEFF'"),  # format characters that would hide in the editor
    ("\U000E0041", r"'\uDB40\uDC41'"),
    ("Juan Guaidó 東京 😀", "'Juan Guaidó 東京 😀'"),
]


@pytest.mark.parametrize("value,literal", LITERALS, ids=[repr(v) for v, _ in LITERALS])
def test_string_literals_are_escaped(value, literal):
    assert cypher_literals.cypher_literal(value) == literal
    assert literal.splitlines() == [literal]


def test_lists_and_maps_escape_their_strings_and_keys():
    assert cypher_literals.cypher_literal(["a\nb", None, True, 2, 0.5]) == r"['a\nb', null, true, 2, 0.5]"
    assert (cypher_literals.cypher_literal({"a`b": "c\u2029d", "``": {"k": ["'"]}})
            == r"{`a``b`: 'c\u2029d', ``````: {`k`: ['\'']}}")
    # Cypher has no escapes between backticks: a key with a line break has no literal
    for key in ("a\nb", "a\rb", "a\u2028b", "a\x00b"):
        with pytest.raises(UsageError):
            cypher_literals.cypher_literal({key: 1})


def _template_lines(name: str) -> list[str]:
    return [ln for ln in cypher.load(f"queries/{name}").strip().splitlines() if not ln.lstrip().startswith("//")]


def test_editor_text_keeps_a_line_break_in_a_value_inside_its_string():
    value = "x\nMATCH (n) DETACH DELETE n //"
    literal = r"'x\nMATCH (n) DETACH DELETE n //'"
    text = browser.editor_text("who_recognizes", {"name": value})
    lines = text.split("\n")
    # the optional $as_of left out is null
    assert lines[0] == r"// kgload: cypher/queries/who_recognizes.cypher with $as_of = null, $name = 'x\nMATCH (n) DETACH DELETE n //'"
    assert lines[1:] == [ln.replace("$name", literal).replace("$as_of", "null") for ln in _template_lines("who_recognizes")]
    assert "trim('x\\nMATCH (n) DETACH DELETE n //')" in lines[1]
    # the only line breaks are the template's own, of any kind Python, Browser or Cypher knows
    assert text.splitlines() == lines and len(lines) == 1 + len(_template_lines("who_recognizes"))
    assert not any(ln.lstrip().startswith("MATCH (n)") for ln in lines)
    assert [ln for ln in lines if ln.lstrip().startswith("//")] == [lines[0]]
    assert ";" not in text


def test_editor_text_head_line_names_every_value_on_one_line():
    text = browser.editor_text("evidence", {"subject": "Russia\u2028MATCH (n) DETACH DELETE n",
                                            "relation": "recognizes", "object": "Maduro\\'\r"})
    lines = text.split("\n")
    assert lines[0] == ("// kgload: cypher/queries/evidence.cypher with "
                        r"$object = 'Maduro\\\'\r', $relation = 'recognizes', $subject = 'Russia\u2028MATCH (n) DETACH DELETE n'")
    assert text.splitlines() == lines and len(lines) == 1 + len(_template_lines("evidence"))
    text = browser.editor_text("path_between", {"from": "a\r\nb", "to": "c'd\u2029"})
    assert text.split("\n")[0] == r"// kgload: cypher/queries/path_between.cypher with $from = 'a\r\nb', $to = 'c\'d\u2029'"
    assert text.splitlines() == text.split("\n") and len(text.split("\n")) == 1 + len(_template_lines("path_between"))


@pytest.mark.parametrize("name", ["x\nMATCH (n) DETACH DELETE n //", "a\rb", "a\u2028b", "a`b", "x\\'y"])
def test_browser_link_carries_a_tricky_value_on_the_template_lines(name):
    link = browser.browser_link("who_recognizes", {"name": name}, "http://localhost:7474/browser/")
    text = _browser_reads(link)
    assert text == browser.editor_text("who_recognizes", {"name": name})
    assert link.count("&arg=") == 1 + len(_template_lines("who_recognizes"))  # one arg a line


def test_browser_link_refuses_what_a_link_cannot_carry():
    with pytest.raises(UsageError):
        browser.browser_link("who_recognizes", {"name": "A & B"})
    with pytest.raises(UsageError):
        browser.browser_link("who_recognizes", {})


# ------------------------------------------------------------------ one query per answer


@pytest.mark.parametrize("name", QUERIES)
def test_every_canned_query_returns_its_graph_last(name):
    """Issue 20, point 1: no graph twins; the answer's own query returns the nodes and
    relationships behind each row, which Browser and `kgload viz` draw."""
    text = cypher.load(f"queries/{name}")
    final_return = text[text.rindex("\nRETURN "):]
    assert re.search(r"\bAS graph\s*(?:ORDER BY|LIMIT|$)", final_return.replace("\n", " ")), final_return
    assert not name.endswith("_graph")


# ------------------------------------------------------------------ viz


def test_plan_from_a_question_runs_the_answers_query_with_every_parameter():
    plan = viz.plan("Who recognizes Guaido?")
    assert (plan.query, plan.params) == ("who_recognizes", {"name": "Guaido", "as_of": ""})
    plan = viz.plan("Who recognized Guaido in 2022?")
    assert (plan.query, plan.params) == ("who_recognizes", {"name": "Guaido", "as_of": "2022"})


def test_plan_from_a_query_name():
    plan = viz.plan("who_recognizes", {"name": "Maduro"})
    assert plan.query == "who_recognizes" and plan.params == {"name": "Maduro", "as_of": None}
    with pytest.raises(UsageError):
        viz.plan("who_recognizes")
    with pytest.raises(UsageError):
        viz.plan("What is the meaning of life?")


class _Node(SimpleNamespace):
    def items(self):
        return self.props.items()


def test_visualization_colours_by_type_and_captions_by_name():
    us = _Node(element_id="1", labels={"Entity", "Country"}, props={"id": "united-states", "name": "United States", "type": "Country"})
    jg = _Node(element_id="2", labels={"Entity", "Person"}, props={"id": "juan-guaido", "name": "Juan Guaido", "type": "Person", "aliases": ["Guaido"]})
    rel = _Node(element_id="r", type="RECOGNIZES", start_node=us, end_node=jg, props={"mentions": 2})
    vg = viz.visualization(SimpleNamespace(nodes=[us, jg], relationships=[rel]))
    colours = browser.node_colors()
    by_caption = {n.caption: n for n in vg.nodes}
    assert set(by_caption) == {"United States", "Juan Guaido"}
    assert str(by_caption["United States"].color.as_hex()).lower() == colours["Country"].lower()
    assert str(by_caption["Juan Guaido"].color.as_hex()).lower() == colours["Person"].lower()
    assert [r.caption for r in vg.relationships] == ["RECOGNIZES"]
    page = viz.render_html(vg, "Who recognizes <Guaido>?")
    assert "<title>kgload: Who recognizes &lt;Guaido&gt;?</title>" in page
    assert "United States" in page and "<script src=" not in page


def test_viz_command_prints_a_browser_link_without_a_server():
    result = CliRunner().invoke(app, ["viz", "Who recognizes Guaido?", "--browser", "--browser-url",
                                      "http://localhost:7999/browser/"])
    assert result.exit_code == 0, result.output
    link = result.stdout.strip()
    assert link.startswith("http://localhost:7999/browser/?cmd=edit&arg=")
    opened = _browser_reads(link)
    assert opened.startswith("// kgload: cypher/queries/who_recognizes.cypher with $as_of = '', $name = 'Guaido'")


def test_the_browser_link_carries_the_questions_date():
    result = CliRunner().invoke(app, ["viz", "Who recognized Guaido in 2022?", "--browser", "--browser-url",
                                      "http://localhost:7999/browser/"])
    assert result.exit_code == 0, result.output
    opened = _browser_reads(result.stdout.strip())
    assert opened.startswith("// kgload: cypher/queries/who_recognizes.cypher with $as_of = '2022', $name = 'Guaido'")
