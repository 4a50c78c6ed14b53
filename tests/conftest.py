from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEED_TEXT = ROOT / "examples" / "venezuela-2019-03-26.txt"
SEED_GOLD = ROOT / "examples" / "venezuela-2019-03-26.gold.jsonl"

# test folders whose tests run against a real Neo4j (tests/integration/conftest.py gives it)
SERVER_FOLDERS = ("integration", "browser")


def pytest_collection_modifyitems(config, items):
    """Every test under tests/integration and tests/browser is marked ``integration`` (it needs
    a real Neo4j; ``-m "not integration"`` runs the rest). A test elsewhere that asks for the
    server is an error: unit tests run without one."""
    for item in items:
        folder = item.path.relative_to(ROOT / "tests").parts[0]
        if folder in SERVER_FOLDERS:
            item.add_marker(pytest.mark.integration)
        elif "neo4j_server" in getattr(item, "fixturenames", ()):
            raise pytest.UsageError(f"{item.nodeid} needs a Neo4j server: it belongs under tests/integration")
