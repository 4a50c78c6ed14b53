"""Ctrl-C during ``kgload load``: one line on stderr and exit 130, no traceback, also with
``--workers 2`` (spaCy's worker processes print nothing of their own); what was committed stays
and a re-run completes the load. A terminal sends SIGINT to the whole foreground process group,
so the test does too (as tests/unit/test_ctrl_c.py does for ``extract``)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from .conftest import ROOT, run_kgload

pytestmark = pytest.mark.model

TEXT = "\n\n".join(
    f"Chile sent troops to Peru on Monday. The government of Peru accused Chile of crossing its "
    f"border near the town of Tacna {i}. Russia recognized the new leader of Colombia after talks."
    for i in range(12))
LINE = "Interrupted; documents committed so far stay loaded; re-run to continue."


def documents(graph) -> int:
    return graph.read_text("MATCH (d:Document) RETURN count(d) AS n")[0]["n"]


@pytest.mark.slow
@pytest.mark.parametrize("workers", ["1", "2"])
def test_ctrl_c_while_loading_prints_one_line_and_exits_130(empty_graph, kgload_env, tmp_path: Path, workers: str):
    articles = tmp_path / "in"
    articles.mkdir()
    for i in range(200):
        (articles / f"a{i:03d}.txt").write_text(f"Article {i}.\n\n{TEXT}")
    process = subprocess.Popen([sys.executable, "-m", "loader", "load", str(articles), "--quiet", "--workers", workers],
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=kgload_env,
                               cwd=ROOT, start_new_session=True)
    try:
        # Ctrl-C once the first documents are committed (loads commit every few seconds of work),
        # whatever the machine's speed; the whole run takes minutes
        deadline = time.monotonic() + 240
        while documents(empty_graph) == 0 and process.poll() is None and time.monotonic() < deadline:
            time.sleep(0.5)
        assert process.poll() is None, "finished before the Ctrl-C: give it more to do"
        assert documents(empty_graph) > 0, "nothing committed in 240 s"
        os.killpg(process.pid, signal.SIGINT)
        _, err = process.communicate(timeout=60)
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
    assert process.returncode == 130, err
    assert err.splitlines() == [LINE]
    committed = documents(empty_graph)
    assert 0 < committed < 200  # what was committed before the Ctrl-C stays
    if workers == "1":  # a re-run completes the load (once is enough: it takes a while)
        again = run_kgload(["load", str(articles)], kgload_env)
        assert again.returncode == 0, again.stderr
        assert f"Documents: {200 - committed} loaded (0 replaced), {committed} already present" in again.stderr
