"""``kgload viz``: an answer's subgraph as one standalone HTML file, drawn with neo4j-viz.

A question goes through ``questions.parse_question`` to a canned query and every parameter it
set (``as_of`` among them); a canned query name is taken as it is, with its ``-p`` values. The
picture comes from the same run of the same query as the table (``Graph.answer``): the nodes and
relationships of its ``graph`` column, so it draws exactly the rows' facts. Nodes are coloured by
entity type with the colours of the Browser style (``cypher/browser/style.grass``), captioned by
name; relationships are captioned by type.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import cypher
from .errors import KgloadError, UsageError
from .files import atomic_write

DEFAULT_NODE_COLOR = "#A5ABB6"
CAPTION_PROPERTIES = ("name", "title", "relation", "key", "id")
ENTITY_LABEL = "Entity"


@dataclass
class VizPlan:
    """What to run: the canned query the user asked for, with every parameter, and a title."""

    query: str
    params: dict[str, Any]
    title: str
    # a question's names as it wrote them (``ParsedQuestion.asked_names``): drawn with the exact
    # name when the graph knows it, as ``kgload ask`` answers (the Browser link, made without
    # connecting, has the cleaned names)
    asked_names: dict[str, tuple[str, ...]] = field(default_factory=dict)


@dataclass
class VizResult:
    path: Path | None  # None when nothing was found (no page is written)
    nodes: int
    relationships: int
    types: dict[str, int] = field(default_factory=dict)
    html: str = ""
    rows: list[dict] = field(default_factory=list)


def query_names() -> list[str]:
    return cypher.names("queries")


def plan(question_or_query: str, params: dict[str, Any] | None = None) -> VizPlan:
    """A canned query name (with ``params``), else a plain-English question."""
    names = query_names()
    target = question_or_query.strip()
    params = dict(params or {})
    if target in names:
        query, title = target, _query_title(target, params)
    else:
        if params:
            raise UsageError(f"-p parameters go with a canned query name; {target!r} is not one (`kgload query --list`)")
        from .questions import parse_question

        parsed = parse_question(target)
        return VizPlan(parsed.query, cypher.query_arguments(parsed.query, dict(parsed.params)), target,
                       parsed.asked_names)
    return VizPlan(query, cypher.query_arguments(query, params), title)


def browser_link(viz_plan: VizPlan, browser_url: str | None = None) -> str:
    """A Neo4j Browser link that opens the plan's query with all its values (Browser draws the
    nodes and relationships of its ``graph`` column); ``browser_url`` defaults to the local
    server's Browser."""
    from . import browser

    return browser.browser_link(viz_plan.query, viz_plan.params, browser_url or browser.local_browser_url())


def _query_title(query: str, params: dict[str, Any]) -> str:
    args = ", ".join(f"{k}={v!r}" for k, v in params.items())
    return f"{query}({args})" if args else query


# ------------------------------------------------------------------ draw


def node_type(labels) -> str:
    """The entity type among a node's labels (``Person``...), else its first other label."""
    labels = sorted(labels)
    from .browser import node_colors

    colours = node_colors()
    for label in labels:
        if label != ENTITY_LABEL and label in colours:
            return label
    others = [label for label in labels if label != ENTITY_LABEL]
    return (others or labels or ["?"])[0]


def node_caption(props: dict) -> str:
    for key in CAPTION_PROPERTIES:
        value = props.get(key)
        if value not in (None, ""):
            return str(value)
    return ""


def visualization(neo_graph):
    """A neo4j-viz ``VisualizationGraph``: coloured by type, captioned by name and type."""
    try:
        from neo4j_viz import Node, Relationship, VisualizationGraph
    except ImportError as exc:
        raise KgloadError("kgload viz needs neo4j-viz: pip install neo4j-viz==1.11.0") from exc

    from .browser import node_colors

    colours = node_colors()
    nodes, rels, legend = [], [], {}
    for n in neo_graph.nodes:
        props = dict(n.items())
        kind = node_type(n.labels)
        colour = colours.get(kind, DEFAULT_NODE_COLOR)
        legend.setdefault(kind, colour)
        props["labels"] = sorted(n.labels)
        props["type"] = props.get("type") or kind
        nodes.append(Node(id=n.element_id, caption=node_caption(props), color=colour, size=22,
                          properties=_jsonable(props)))
    for r in neo_graph.relationships:
        if r.start_node is None or r.end_node is None:
            continue
        props = dict(r.items())
        props["type"] = r.type
        rels.append(Relationship(id=r.element_id, source=r.start_node.element_id,
                                 target=r.end_node.element_id, caption=r.type,
                                 properties=_jsonable(props)))
    vg = VisualizationGraph(nodes=nodes, relationships=rels)
    if legend:
        vg.set_legend(nodes=dict(sorted(legend.items())))
    return vg


def _jsonable(props: dict) -> dict:
    out: dict[str, Any] = {}
    for k, v in props.items():
        if isinstance(v, (str, int, float, bool)) or v is None:
            out[k] = v
        elif isinstance(v, (list, tuple)):
            out[k] = [x if isinstance(x, (str, int, float, bool)) else str(x) for x in v]
        else:
            out[k] = str(v)
    return out


def render_html(vg, title: str) -> str:
    """One standalone HTML page (scripts and styles inlined; no network needed to open it)."""
    page = vg.render(height="100vh", theme="light").data
    safe = html.escape(f"kgload: {title}")
    return page.replace("<title>neo4j-viz</title>", f"<title>{safe}</title>", 1)


def draw(graph, viz_plan: VizPlan, output: Path | None = None) -> VizResult:
    """Draw what ``viz_plan`` asks for into ``output`` (an HTML file written whole), if given and
    if the answer has anything to draw."""
    from .answers import exact_names

    rows, neo_graph = graph.answer(viz_plan.query, exact_names(graph, viz_plan.params, viz_plan.asked_names))
    vg = visualization(neo_graph)
    if not vg.nodes:
        return VizResult(None, 0, 0, {}, "", rows)
    page = render_html(vg, viz_plan.title)
    types: dict[str, int] = {}
    for n in vg.nodes:
        kind = n.properties.get("type", "?")
        types[kind] = types.get(kind, 0) + 1
    if output is not None:
        try:
            with atomic_write(output) as out:
                out.write(page)
        except OSError as exc:
            raise KgloadError(f"cannot write {output}: {exc.strerror or exc}") from exc
    return VizResult(output, len(vg.nodes), len(vg.relationships), types, page, rows)
