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
