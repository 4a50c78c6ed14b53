"""Ctrl-C during ``kgload load``: one line on stderr and exit 130, no traceback, also with
``--workers 2`` (spaCy's worker processes print nothing of their own); what was committed stays
and a re-run completes the load. A terminal sends SIGINT to the whole foreground process group,
so the test does too (as tests/unit/test_ctrl_c.py does for ``extract``)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from tests.interrupt import interrupt, write_articles

from .conftest import ROOT, run_kgload

pytestmark = pytest.mark.model

LINE = "Interrupted; documents committed so far stay loaded; re-run to continue."


def documents(graph) -> int:
    return graph.read_text("MATCH (d:Document) RETURN count(d) AS n")[0]["n"]


@pytest.mark.slow
@pytest.mark.parametrize("workers", ["1", "2"])
def test_ctrl_c_while_loading_prints_one_line_and_exits_130(empty_graph, kgload_env, tmp_path: Path, workers: str):
    articles = write_articles(tmp_path / "in", 200)
    # Ctrl-C once the first documents are committed (loads commit every few seconds of work),
    # whatever the machine's speed; the whole run takes minutes
    returncode, err, _ = interrupt([sys.executable, "-m", "loader", "load", str(articles), "--quiet", "--workers", workers],
                                   lambda: documents(empty_graph) > 0, env=kgload_env, cwd=ROOT)
    assert returncode == 130, err
    assert err.splitlines() == [LINE]
    committed = documents(empty_graph)
    assert 0 < committed < 200  # what was committed before the Ctrl-C stays
    if workers == "1":  # a re-run completes the load (once is enough: it takes a while)
        again = run_kgload(["load", str(articles)], kgload_env)
        assert again.returncode == 0, again.stderr
        assert f"Documents: {200 - committed} loaded (0 replaced), {committed} already present" in again.stderr
