"""A real Neo4j for the integration tests, never a skip, and never the user's own graph.

Where the server comes from, in order: ``KGLOAD_TEST_NEO4J_URI`` (with
``KGLOAD_TEST_NEO4J_PASSWORD``, ``..._USERNAME``, ``..._DATABASE``), else ``NEO4J_URI`` (with
``NEO4J_PASSWORD`` ...); else pytest-docker with the root docker-compose.yml when a Docker engine
answers; else a dedicated local server that ``kgload neo4j start`` runs under ``.kgload-test/``
(git-ignored) on free ports, stopped at the end of the session (so ``make test`` never touches
the graph ``make demo`` loaded). If none gives a server the tests fail.

The tests empty the database they use. They mark it with a ``(:KgloadTestDatabase)`` node the
first time, and refuse to empty a database that holds other data and no such mark (set
``KGLOAD_TEST_ALLOW_RESET=1`` to allow it).
"""

from __future__ import annotations

import os
import secrets
import socket
import subprocess
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

from loader import browser, neo4j_local
from loader.graph import Graph
from loader.settings import ConnectionSettings, read_env_file

ROOT = Path(__file__).resolve().parents[2]
TEST_HOME = ROOT / ".kgload-test"


@dataclass(frozen=True)
class ServerForTests:
    settings: ConnectionSettings
    home: Path | None  # the dedicated local server's KGLOAD_HOME, None for another server
    browser_url: str | None
    env: dict  # KGLOAD_* variables that address the dedicated local server


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def _environ(values: dict):
    saved = {k: os.environ.get(k) for k in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for k, v in saved.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v


@pytest.fixture(scope="session")
def docker_compose_file() -> str:  # pytest-docker
    return str(ROOT / "docker-compose.yml")


@pytest.fixture(scope="session")
def neo4j_server(request) -> ServerForTests:
    for prefix in ("KGLOAD_TEST_NEO4J_", "NEO4J_"):
        if os.environ.get(prefix + "URI"):
            return ServerForTests(
                ConnectionSettings(
                    uri=os.environ[prefix + "URI"],
                    username=os.environ.get(prefix + "USERNAME", "neo4j"),
                    password=os.environ.get(prefix + "PASSWORD"),
                    database=os.environ.get(prefix + "DATABASE", "neo4j"),
                ),
                None, os.environ.get("KGLOAD_BROWSER_URL"), {},
            )
    if neo4j_local.docker_engine_answers():
        password = os.environ.setdefault("NEO4J_PASSWORD", secrets.token_urlsafe(18))
        services = request.getfixturevalue("docker_services")
        settings = ConnectionSettings("bolt://localhost:7687", "neo4j", password, "neo4j")

        def ready() -> bool:
            try:
                Graph(settings).close()
                return True
            except Exception:
                return False

        services.wait_until_responsive(check=ready, timeout=180.0, pause=2.0)
        return ServerForTests(settings, None, "http://localhost:7474/browser/", {})
    TEST_HOME.mkdir(exist_ok=True)
    http_port = _free_port()
    env = {"KGLOAD_HOME": str(TEST_HOME), "KGLOAD_NEO4J_HOME": str(TEST_HOME / ".neo4j"),
           "KGLOAD_BOLT_PORT": str(_free_port()), "KGLOAD_HTTP_PORT": str(http_port),
           "KGLOAD_NO_DOCKER": "1"}
    with _environ(env):
        neo4j_local.stop(log=lambda m: None)  # a server an interrupted run left behind
        result = neo4j_local.start(log=lambda m: None, extra_config=browser.server_config())

    def stop() -> None:
        with _environ(env):
            neo4j_local.stop(log=lambda m: None)

    request.addfinalizer(stop)
    creds = read_env_file(TEST_HOME / ".env")
    settings = ConnectionSettings(result.uri, creds.get("NEO4J_USERNAME", "neo4j"), creds["NEO4J_PASSWORD"], "neo4j")
    return ServerForTests(settings, TEST_HOME, f"http://localhost:{http_port}/browser/", env)


@pytest.fixture(scope="session")
def neo4j_settings(neo4j_server) -> ConnectionSettings:
    return neo4j_server.settings


class GraphForTests(Graph):
    """The connected database, and statements given as text for the tests' own checks (kgload
    itself runs only the files of cypher/)."""

    def read_text(self, text: str, params: dict | None = None) -> list[dict]:
        with self._translated():
            records, _, _ = self.driver.execute_query(
                text, params or {}, database_=self.settings.database, routing_="r"
            )
        return [r.data() for r in records]


@pytest.fixture(scope="session")
def graph(neo4j_settings) -> GraphForTests:
    g = GraphForTests(neo4j_settings)
    marked = g.read_text("MATCH (m:KgloadTestDatabase) RETURN count(m) AS n")[0]["n"]
    other = g.read_text("MATCH (n) WHERE NOT n:KgloadTestDatabase AND NOT n:KgloadLock RETURN count(n) AS n")[0]["n"]
    if not marked and other and not os.environ.get("KGLOAD_TEST_ALLOW_RESET"):
        pytest.fail(f"refusing to run the tests on {neo4j_settings.uri}: its database holds {other} nodes and the "
                    "tests empty it. Point KGLOAD_TEST_NEO4J_URI at a server for tests, unset NEO4J_URI to let "
                    "the tests run their own, or set KGLOAD_TEST_ALLOW_RESET=1.")
    g.driver.execute_query("MERGE (:KgloadTestDatabase {id: 1})", database_=neo4j_settings.database)
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
    """A content hash of every node, relationship and property kgload wrote (the test marker aside)."""
    import hashlib
    import json

    nodes = graph.read_text(
        "MATCH (n) WHERE NOT n:KgloadTestDatabase RETURN labels(n) AS labels, properties(n) AS props"
    )
    rels = graph.read_text(
        "MATCH (a)-[r]->(b) RETURN type(r) AS type, properties(r) AS props, "
        "coalesce(a.id, a.key) AS a, coalesce(b.id, b.key) AS b"
    )
    node_lines = sorted(json.dumps([sorted(n["labels"]), n["props"]], sort_keys=True, default=str) for n in nodes)
    rel_lines = sorted(json.dumps([r["type"], r["props"], r["a"], r["b"]], sort_keys=True, default=str) for r in rels)
    digest = hashlib.sha256("\n".join(node_lines + ["--"] + rel_lines).encode()).hexdigest()
    return digest
