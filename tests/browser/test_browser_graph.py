"""Neo4j Browser in headless Chromium: log in, run the who-recognizes-Guaido query from a
kgload Browser link, and check the drawn graph (SVG) against the sample and the shipped style."""

from __future__ import annotations

from pathlib import Path

from loader import browser
from loader.graph import Graph

from .sample import GUAIDO_RECOGNIZERS, NOT_IN_GUAIDO_GRAPH

ROOT = Path(__file__).resolve().parents[2]
# git-ignored; `make screenshot` copies it to docs/browser-sample-graph.png for the README
SCREENSHOT = ROOT / "tests" / "browser" / "out" / "browser-sample-graph.png"
EXPECTED = {"Juan Guaido": "Person", **GUAIDO_RECOGNIZERS}


def server_applies_style(graph: Graph) -> bool:
    """Whether this server's Browser runs kgload's :style on connect (a `kgload neo4j start` server)."""
    rows = graph.read_text("CALL dbms.clientConfig() YIELD name, value "
                           "WHERE name = 'browser.post_connect_cmd' RETURN value")
    return bool(rows) and browser.style_json() in (rows[0]["value"] or "")


def log_in(page, settings) -> None:
    page.get_by_test_id("boltaddress").fill(settings.uri)
    if settings.database and settings.database != "neo4j":
        page.get_by_test_id("database").fill(settings.database)
    page.get_by_test_id("username").fill(settings.username)
    page.get_by_test_id("password").fill(settings.password or "")
    page.get_by_test_id("connect").click()
    page.get_by_text("You are connected", exact=False).first.wait_for()


def drawn_graph(page):
    """``({caption: fill}, [relationship captions])`` of the newest graph frame's SVG."""
    frame = page.get_by_test_id("frame").filter(has=page.locator("svg g.node")).first
    frame.locator("svg g.node").first.wait_for()
    page.wait_for_timeout(1500)  # let the force layout settle for the screenshot
    nodes = frame.locator("svg g.node").evaluate_all(
        """gs => gs.map(g => ({
             caption: [...g.querySelectorAll('text.caption')].map(t => t.textContent.trim()).join(' '),
             fill: (g.querySelector('circle.b-outline') || {getAttribute: () => null}).getAttribute('fill'),
           }))"""
    )
    rels = frame.locator("svg g.relationship").evaluate_all(
        "gs => gs.map(g => [...g.querySelectorAll('text')].map(t => t.textContent.trim()).join(' '))"
    )
    return frame, {n["caption"]: (n["fill"] or "").upper() for n in nodes}, rels


def test_who_recognizes_guaido_in_browser(page, browser_url, neo4j_settings, sample_graph):
    auto_style = server_applies_style(sample_graph)
    if not auto_style:
        # Another server (docker, Aura...): the style is applied by hand, as docs/browser.md says.
        page.add_init_script(f"window.localStorage.setItem('neo4j.grass', {browser.style_json()!r})")
    link = browser.browser_link("who_recognizes", {"name": "Guaidó", "as_of": None}, browser_url)
    page.goto(link)
    log_in(page, neo4j_settings)
    if auto_style:
        page.get_by_test_id("frameCommand").filter(has_text=":style {").first.wait_for()
    editor = page.locator(".monaco-editor .view-lines").first
    assert "who_recognizes.cypher" in editor.inner_text()
    page.get_by_test_id("editor-Run").click()

    frame, nodes, rels = drawn_graph(page)
    colours = browser.node_colors()
    assert set(nodes) == set(EXPECTED), f"Browser drew {sorted(nodes)}"
    for caption, kind in EXPECTED.items():
        assert nodes[caption] == colours[kind].upper(), f"{caption} ({kind}) is {nodes[caption]}"
    for absent in NOT_IN_GUAIDO_GRAPH:
        assert absent not in nodes
    assert sorted(rels) == ["RECOGNIZES", "RECOGNIZES"]

    SCREENSHOT.parent.mkdir(parents=True, exist_ok=True)
    frame.screenshot(path=str(SCREENSHOT))
    assert SCREENSHOT.stat().st_size > 10_000
