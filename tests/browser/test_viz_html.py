"""`kgload viz` output opened in headless Chromium: the answer's nodes are drawn, coloured by type."""

from __future__ import annotations

import json
import re

from loader import browser, viz

from .sample import GUAIDO_RECOGNIZERS, NOT_IN_GUAIDO_GRAPH

EXPECTED = {"Juan Guaido": "Person", **GUAIDO_RECOGNIZERS}

PIXEL_AT = """([x, y]) => {
  for (const c of document.querySelectorAll('canvas')) {
    const ctx = c.getContext('2d');
    if (!ctx) continue;
    const scale = c.width / c.getBoundingClientRect().width;
    const d = ctx.getImageData(Math.round(x * scale), Math.round(y * scale), 1, 1).data;
    if (d[3] > 0) return '#' + [d[0], d[1], d[2]].map(v => v.toString(16).padStart(2, '0')).join('');
  }
  return null;
}"""


def close(a: str, b: str, tolerance: int = 12) -> bool:
    return all(abs(int(a[i:i + 2], 16) - int(b[i:i + 2], 16)) <= tolerance for i in (1, 3, 5))


def test_viz_html_draws_the_answer(page, sample_graph, tmp_path):
    out = tmp_path / "graph.html"
    result = viz.draw(sample_graph, viz.plan("Who recognizes Guaidó?"), output=out)
    assert result.nodes == 3 and result.relationships == 2
    text = out.read_text(encoding="utf-8")
    assert "<script src=" not in text and "<link " not in text  # standalone: nothing fetched
    data = json.loads(re.search(r'<script type="application/json" id="neo4j-viz-data">(.*?)</script>', text, re.S).group(1))
    assert {n["caption"] for n in data["nodes"]} == set(EXPECTED)

    page.goto(out.as_uri())
    page.wait_for_function("() => window.__Nvl_dumpNodes && window.__Nvl_dumpNodes().length > 0")
    page.wait_for_timeout(1500)  # layout settles
    drawn = page.evaluate("() => window.__Nvl_dumpNodes()")
    on_screen = {n["id"] for n in page.evaluate("() => window.__Nvl_getNodesOnScreen().nodes")}
    zoom = page.evaluate("() => window.__Nvl_getZoomLevel()")
    colours = browser.node_colors()
    assert {n["caption"] for n in drawn} == set(EXPECTED)
    for absent in NOT_IN_GUAIDO_GRAPH:
        assert absent not in {n["caption"] for n in drawn}
    for node in drawn:
        kind = EXPECTED[node["caption"]]
        assert node["color"].lower() == colours[kind].lower()
        assert node["id"] in on_screen
        # the canvas really has the type's colour inside the node's circle, above its caption
        radius = node["size"] * zoom
        pixel = page.evaluate(PIXEL_AT, [node["x"], node["y"] - 0.7 * radius])
        assert pixel and close(pixel, colours[kind]), f"{node['caption']}: canvas shows {pixel} at its node"
