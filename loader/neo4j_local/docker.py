"""The local server through ``docker compose`` and the root ``docker-compose.yml``, on a machine
whose Docker engine answers (``KGLOAD_NO_DOCKER`` set: never)."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

from ..errors import ServerSetupError
from ..settings import project_dir

BOLT_URI = "bolt://localhost:7687"
BROWSER_URL = "http://localhost:7474/browser/"


def engine_answers() -> bool:
    if os.environ.get("KGLOAD_NO_DOCKER") or not shutil.which("docker"):
        return False
    try:
        return subprocess.run(["docker", "info"], capture_output=True, timeout=10).returncode == 0
    except (OSError, subprocess.TimeoutExpired):
        return False


def compose_file() -> Path:
    path = project_dir() / "docker-compose.yml"
    if not path.is_file():
        raise ServerSetupError(f"no docker-compose.yml in {project_dir()}")
    return path


def _compose(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(["docker", "compose", "-f", str(compose_file()), *args],
                          env=env, capture_output=True, text=True)


def up(password: str, log) -> None:
    log("Starting Neo4j with docker compose ...")
    proc = _compose("up", "-d", "--wait", env={**os.environ, "NEO4J_PASSWORD": password})
    if proc.returncode != 0:
        last = proc.stderr.strip().splitlines()[-1:]
        raise ServerSetupError("docker compose up failed" + (": " + last[0] if last else ""))


def stop() -> None:
    _compose("stop")


def running() -> bool:
    return bool(_compose("ps", "-q").stdout.strip())
