"""``kgload viz``: an answer's subgraph as one standalone HTML file, drawn with neo4j-viz.

A question goes through ``questions.parse_question`` to a canned query; a canned query name is
taken as it is. The subgraph comes from the query's graph twin ``cypher/queries/<name>_graph``
when there is one (same parameters); otherwise the table query runs and the entities its rows
name are drawn with the relationships among them (``entities_graph``). Nodes are coloured by
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

GRAPH_SUFFIX = "_graph"
FALLBACK_QUERY = "entities_graph"
DEFAULT_NODE_COLOR = "#A5ABB6"
CAPTION_PROPERTIES = ("name", "title", "relation", "key", "id")
ENTITY_LABEL = "Entity"


@dataclass
class VizPlan:
    """What to run: the canned (table) query the user asked for, and its graph form."""

    query: str
    params: dict[str, Any]
    graph_query: str | None  # None: draw the entities the table rows name
    title: str

    @property
    def graph_params(self) -> dict[str, Any]:
        if self.graph_query is None:
            return {}
        wanted = cypher.statement_params(cypher.load(f"queries/{self.graph_query}"))
        return {k: self.params.get(k) for k in wanted}


@dataclass
class VizResult:
    path: Path | None
    nodes: int
    relationships: int
    types: dict[str, int] = field(default_factory=dict)
    html: str = ""


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
        query, params, title = parsed.query, dict(parsed.params), target
    if query.endswith(GRAPH_SUFFIX):
        graph_query = query
    elif query + GRAPH_SUFFIX in names:
        graph_query = query + GRAPH_SUFFIX
    else:
        graph_query = None
    return VizPlan(query, cypher.query_arguments(query, params), graph_query, title)


def browser_link(viz_plan: VizPlan, browser_url: str | None = None) -> str:
    """A Neo4j Browser link that opens the plan's graph query (else its table query) with its
    values; ``browser_url`` defaults to the local server's Browser."""
    from . import browser

    if viz_plan.graph_query is not None:
        query, params = viz_plan.graph_query, viz_plan.graph_params
    else:
        query, params = viz_plan.query, viz_plan.params
    return browser.browser_link(query, params, browser_url or browser.local_browser_url())


def _query_title(query: str, params: dict[str, Any]) -> str:
    args = ", ".join(f"{k}={v!r}" for k, v in params.items())
    return f"{query}({args})" if args else query


# ------------------------------------------------------------------ fetch


def fetch_graph(graph, viz_plan: VizPlan):
    """The answer's subgraph as a ``neo4j.graph.Graph`` (nodes and relationships)."""
    from neo4j import Result

    if viz_plan.graph_query is not None:
        name, params = viz_plan.graph_query, viz_plan.graph_params
    else:
        rows = graph.read(f"queries/{viz_plan.query}", viz_plan.params)
        name, params = FALLBACK_QUERY, {"names": sorted(_strings(rows))}
    with graph._translated():
        return graph.driver.execute_query(
            cypher.load(f"queries/{name}"), params, database_=graph.settings.database,
            routing_="r", result_transformer_=Result.graph,
        )


def _strings(value) -> set[str]:
    """Every string in the rows (names of entities among them), for the fallback drawing."""
    out: set[str] = set()
    if isinstance(value, str):
        if 0 < len(value) <= 200:
            out.add(value)
    elif isinstance(value, dict):
        for v in value.values():
            out |= _strings(v)
    elif isinstance(value, (list, tuple)):
        for v in value:
            out |= _strings(v)
    return out


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
    except ImportError:
        raise KgloadError("kgload viz needs neo4j-viz: pip install neo4j-viz==1.11.0") from None

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


def viz(graph, question_or_query: str, params: dict[str, Any] | None = None,
        output: Path | None = None) -> VizResult:
    """Draw the answer to a question (or canned query) into ``output`` (an HTML file)."""
    return draw(graph, plan(question_or_query, params), output)


def draw(graph, viz_plan: VizPlan, output: Path | None = None) -> VizResult:
    """Draw what ``viz_plan`` asks for into ``output`` (an HTML file written whole), if given."""
    neo_graph = fetch_graph(graph, viz_plan)
    vg = visualization(neo_graph)
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
            raise KgloadError(f"cannot write {output}: {exc.strerror or exc}") from None
    return VizResult(output, len(vg.nodes), len(vg.relationships), types, page)
