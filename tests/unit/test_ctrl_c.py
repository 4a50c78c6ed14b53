"""Ctrl-C during ``kgload extract``: one line on stderr and exit 130, also with ``--workers 2``
(spaCy's worker processes print no tracebacks of their own). A terminal sends SIGINT to the
whole foreground process group, so the test does too."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

TEXT = "\n\n".join(
    f"Chile sent troops to Peru on Monday. The government of Peru accused Chile of crossing its "
    f"border near the town of Tacna {i}. Russia recognized the new leader of Colombia after talks."
    for i in range(12))


@pytest.mark.model
@pytest.mark.parametrize("workers", ["1", "2"])
def test_ctrl_c_prints_one_line_and_exits_130(tmp_path: Path, workers: str):
    articles = tmp_path / "in"
    articles.mkdir()
    for i in range(400):
        (articles / f"a{i:03d}.txt").write_text(f"Article {i}.\n\n{TEXT}")
    out = tmp_path / "records.jsonl"
    kgload = Path(sys.executable).with_name("kgload")
    process = subprocess.Popen([str(kgload), "extract", str(articles), "-o", str(out), "--quiet",
                                "--workers", workers],
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                               start_new_session=True)
    try:
        time.sleep(8)  # the model loaded and documents being extracted (the whole run takes ~30 s)
        assert process.poll() is None, "finished before the Ctrl-C: give it more to do"
        os.killpg(process.pid, signal.SIGINT)
        _, err = process.communicate(timeout=30)
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
    assert process.returncode == 130, err
    assert err.splitlines() == [f"Interrupted; {out} left as it was."]
    assert not out.exists()


def _group_gone(pgid: int, timeout: float = 10) -> bool:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        try:
            os.killpg(pgid, 0)
        except ProcessLookupError:
            return True
        time.sleep(0.1)
    return False


@pytest.mark.slow
@pytest.mark.model
@pytest.mark.parametrize("after", [0.5, 1.0, 1.5, 2.0, 3.0, 8.0])
def test_ctrl_c_with_dask_prints_one_line_and_exits_130(tmp_path: Path, after: float):
    """`--dask local:2`: a Ctrl-C while the cluster starts (its workers importing: each printed
    a traceback of its own, 20 to 60 lines) or while the workers extract gives one line and
    exit 130, and no worker process outlives the command."""
    articles = tmp_path / "in"
    articles.mkdir()
    for i in range(200):
        (articles / f"a{i:03d}.txt").write_text(f"Article {i}.\n\n{TEXT}")
    out = tmp_path / "shards"
    kgload = Path(sys.executable).with_name("kgload")
    process = subprocess.Popen([str(kgload), "extract", str(articles), "-o", str(out), "--quiet", "--dask", "local:2"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                               start_new_session=True)
    try:
        time.sleep(after)
        assert process.poll() is None, "finished before the Ctrl-C: give it more to do"
        os.killpg(process.pid, signal.SIGINT)
        _, err = process.communicate(timeout=60)
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
    assert process.returncode == 130, err
    assert err.splitlines() == ["Interrupted; the shards finished so far stay; re-run to continue."]
    assert _group_gone(process.pid), "a worker process outlived the command"
