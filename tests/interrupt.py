"""Ctrl-C as a terminal sends it, for the tests of ``extract`` and ``load`` (tests/unit/test_ctrl_c.py,
tests/integration/test_ctrl_c_load.py): SIGINT to the command's whole process group once it is
ready, then its exit code and stderr; whatever is left of the group is killed."""

from __future__ import annotations

import os
import signal
import subprocess
import time
from pathlib import Path
from typing import Callable

# an invented article long enough that a folder of them takes minutes
TEXT = "\n\n".join(
    f"Chile sent troops to Peru on Monday. The government of Peru accused Chile of crossing its "
    f"border near the town of Tacna {i}. Russia recognized the new leader of Colombia after talks."
    for i in range(12))


def write_articles(folder: Path, count: int) -> Path:
    folder.mkdir()
    for i in range(count):
        (folder / f"a{i:03d}.txt").write_text(f"Article {i}.\n\n{TEXT}")
    return folder


def after(seconds: float) -> Callable[[], bool]:
    """Ready once ``seconds`` have passed."""
    start = time.monotonic()
    return lambda: time.monotonic() - start >= seconds


def interrupt(cmd: list[str], ready: Callable[[], bool], *, wait: float = 240, timeout: float = 60,
              **popen) -> tuple[int, str, int]:
    """Run ``cmd`` in a new session, send SIGINT to its group when ``ready()`` (polled, at most
    ``wait`` seconds): (exit code, stderr, the group's id). Fails if it ended before."""
    process = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                               start_new_session=True, **popen)
    try:
        deadline = time.monotonic() + wait
        while not ready() and process.poll() is None and time.monotonic() < deadline:
            time.sleep(0.25)
        assert process.poll() is None, "finished before the Ctrl-C: give it more to do"
        assert ready(), f"not ready to be interrupted in {wait} s"
        os.killpg(process.pid, signal.SIGINT)
        _, err = process.communicate(timeout=timeout)
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
    return process.returncode, err, process.pid
