"""Ctrl-C during ``kgload extract``: one line on stderr and exit 130, also with ``--workers 2``
(spaCy's worker processes print no tracebacks of their own). A terminal sends SIGINT to the
whole foreground process group, so the test does too."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

import pytest

from tests.interrupt import after, interrupt, write_articles


@pytest.mark.model
@pytest.mark.parametrize("workers", ["1", "2"])
def test_ctrl_c_prints_one_line_and_exits_130(tmp_path: Path, workers: str):
    articles = write_articles(tmp_path / "in", 400)
    out = tmp_path / "records.jsonl"
    kgload = Path(sys.executable).with_name("kgload")
    # the model loaded and documents being extracted (the whole run takes ~30 s)
    returncode, err, _ = interrupt([str(kgload), "extract", str(articles), "-o", str(out), "--quiet",
                                    "--workers", workers], after(8), timeout=30)
    assert returncode == 130, err
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
@pytest.mark.parametrize("seconds", [0.5, 1.0, 1.5, 2.0, 3.0, 8.0])
def test_ctrl_c_with_dask_prints_one_line_and_exits_130(tmp_path: Path, seconds: float):
    """`--dask local:2`: a Ctrl-C while the cluster starts (its workers importing: each printed
    a traceback of its own, 20 to 60 lines) or while the workers extract gives one line and
    exit 130, and no worker process outlives the command."""
    articles = write_articles(tmp_path / "in", 200)
    out = tmp_path / "shards"
    kgload = Path(sys.executable).with_name("kgload")
    returncode, err, pgid = interrupt([str(kgload), "extract", str(articles), "-o", str(out), "--quiet",
                                       "--dask", "local:2"], after(seconds))
    assert returncode == 130, err
    assert err.splitlines() == ["Interrupted; the shards finished so far stay; re-run to continue."]
    assert _group_gone(pgid), "a worker process outlived the command"
