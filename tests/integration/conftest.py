"""A real Neo4j for the integration tests, never a skip.

Where it comes from, in order: ``NEO4J_URI`` (with ``NEO4J_PASSWORD``) if set; else
pytest-docker with the root docker-compose.yml when a Docker engine answers; else
``kgload neo4j start`` (Maven + Java). If none gives a server the tests fail.
"""

from __future__ import annotations

import os
import secrets
import subprocess
from pathlib import Path

import pytest

from loader import neo4j_local
from loader.graph import Graph
from loader.settings import ConnectionSettings, read_env_file

ROOT = Path(__file__).resolve().parents[2]


def _docker_password() -> str:
    return os.environ.setdefault("NEO4J_PASSWORD", secrets.token_urlsafe(18))


@pytest.fixture(scope="session")
def docker_compose_file() -> str:  # pytest-docker
    return str(ROOT / "docker-compose.yml")


@pytest.fixture(scope="session")
def neo4j_settings(request) -> ConnectionSettings:
    if os.environ.get("NEO4J_URI"):
        return ConnectionSettings(
            uri=os.environ["NEO4J_URI"],
            username=os.environ.get("NEO4J_USERNAME", "neo4j"),
            password=os.environ.get("NEO4J_PASSWORD"),
            database=os.environ.get("NEO4J_DATABASE", "neo4j"),
        )
    if neo4j_local.docker_engine_answers():
        password = _docker_password()
        services = request.getfixturevalue("docker_services")
        settings = ConnectionSettings("bolt://localhost:7687", "neo4j", password, "neo4j")

        def ready() -> bool:
            try:
                Graph(settings).close()
                return True
            except Exception:
                return False

        services.wait_until_responsive(check=ready, timeout=180.0, pause=2.0)
        return settings
    os.environ.setdefault("KGLOAD_HOME", str(ROOT))
    result = neo4j_local.start(log=lambda m: None)
    env = read_env_file(Path(os.environ["KGLOAD_HOME"]) / ".env")
    return ConnectionSettings(result.uri, env.get("NEO4J_USERNAME", "neo4j"), env["NEO4J_PASSWORD"], "neo4j")


@pytest.fixture(scope="session")
def graph(neo4j_settings) -> Graph:
    g = Graph(neo4j_settings)
    g.apply_schema()
    yield g
    g.close()


@pytest.fixture()
def empty_graph(graph) -> Graph:
    """The shared database, emptied of everything kgload loads."""
    graph.run_autocommit("load/reset_graph")
    return graph


@pytest.fixture()
def kgload_env(neo4j_settings) -> dict:
    """Environment for running the ``kgload`` command against the test server."""
    env = dict(os.environ)
    env.update({
        "NEO4J_URI": neo4j_settings.uri,
        "NEO4J_USERNAME": neo4j_settings.username,
        "NEO4J_PASSWORD": neo4j_settings.password or "",
        "NEO4J_DATABASE": neo4j_settings.database,
    })
    return env


def run_kgload(args: list[str], env: dict, input: str | None = None, timeout: float = 600) -> subprocess.CompletedProcess:
    import sys

    return subprocess.run(
        [sys.executable, "-m", "loader", *args], env=env, input=input,
        capture_output=True, text=True, timeout=timeout, cwd=ROOT,
    )


def graph_fingerprint(graph: Graph) -> str:
    """A content hash of every node, relationship and property kgload wrote."""
    import hashlib
    import json

    nodes = graph.read_text(
        "MATCH (n) RETURN labels(n) AS labels, properties(n) AS props ORDER BY elementId(n)"
    )
    rels = graph.read_text(
        "MATCH (a)-[r]->(b) RETURN type(r) AS type, properties(r) AS props, "
        "coalesce(a.id, a.key) AS a, coalesce(b.id, b.key) AS b"
    )
    node_lines = sorted(json.dumps([sorted(n["labels"]), n["props"]], sort_keys=True, default=str) for n in nodes)
    rel_lines = sorted(json.dumps([r["type"], r["props"], r["a"], r["b"]], sort_keys=True, default=str) for r in rels)
    digest = hashlib.sha256("\n".join(node_lines + ["--"] + rel_lines).encode()).hexdigest()
    return digest
