"""Headless Chromium (Debian's ``chromium``, driven by Playwright's Python package) against a real
Neo4j and its Browser. The server comes from the integration fixtures (tests/integration/conftest.py:
``KGLOAD_TEST_NEO4J_URI``, docker compose, or a dedicated local server). The Browser address is
``KGLOAD_BROWSER_URL`` if set, else the fixture's (the dedicated server's HTTP port).

No browser download: Chromium comes from Debian (``make browser-deps``) or ``KGLOAD_CHROMIUM``.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from urllib.parse import urlparse

import pytest

from loader.neo4j_local import local_server
from tests.integration.conftest import docker_compose_file, graph, neo4j_server, neo4j_settings  # noqa: F401  (fixtures)

from .sample import load_sample

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM_FLAGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--no-first-run", "--disable-quic", "--headless",
]


def chromium_path() -> str:
    for candidate in (os.environ.get("KGLOAD_CHROMIUM"), "/usr/bin/chromium", shutil.which("chromium"),
                      shutil.which("chromium-browser")):
        if candidate and os.path.exists(candidate):
            return candidate
    pytest.fail("Chromium not found: run `make browser-deps` (Debian's chromium) or set KGLOAD_CHROMIUM")


@pytest.fixture(scope="session")
def browser_url(neo4j_server) -> str:  # noqa: F811
    url = os.environ.get("KGLOAD_BROWSER_URL") or neo4j_server.browser_url
    if url:
        return url if url.endswith("/") else url + "/"
    host = urlparse(neo4j_server.settings.uri).hostname or "localhost"
    return f"http://{host}:{local_server().http_port}/browser/"


@pytest.fixture(scope="session")
def chromium():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_FLAGS, headless=True)
        yield browser
        browser.close()


@pytest.fixture()
def page(chromium):
    context = chromium.new_context(viewport={"width": 1400, "height": 900})
    page = context.new_page()
    page.set_default_timeout(30_000)
    yield page
    context.close()


@pytest.fixture()
def sample_graph(graph):  # noqa: F811
    """The shared database holding exactly the Browser sample (see sample.py)."""
    load_sample(graph)
    return graph
