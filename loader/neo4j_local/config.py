"""Where the local server lives and how it is configured: its folder (``KGLOAD_NEO4J_HOME``, else
``<project>/.neo4j``), its ports (``KGLOAD_BOLT_PORT``, ``KGLOAD_HTTP_PORT``, from the
environment or ``.env``) and its ``conf/neo4j.conf``."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

from ..errors import ServerSetupError
from ..settings import project_dir, read_env_file

FOLDERS = ("conf", "data", "logs", "run", "import", "plugins")


@dataclass(frozen=True)
class LocalServer:
    home: Path
    bolt_port: int
    http_port: int

    @property
    def bolt_uri(self) -> str:
        return f"bolt://localhost:{self.bolt_port}"

    @property
    def browser_url(self) -> str:
        return f"http://localhost:{self.http_port}/browser/"

    @property
    def pid_file(self) -> Path:
        return self.home / "run" / "kgload-neo4j.pid"

    @property
    def log_file(self) -> Path:
        return self.home / "logs" / "console.log"


def _port(name: str, default: int) -> int:
    raw = os.environ.get(name) or read_env_file().get(name)
    try:
        return int(raw) if raw else default
    except ValueError as exc:
        raise ServerSetupError(f"{name}={raw!r} is not a port number") from exc


def local_server() -> LocalServer:
    home = Path(os.environ.get("KGLOAD_NEO4J_HOME") or project_dir() / ".neo4j").resolve()
    return LocalServer(
        home=home,
        bolt_port=_port("KGLOAD_BOLT_PORT", 7687),
        http_port=_port("KGLOAD_HTTP_PORT", 7474),
    )


def write_config(server: LocalServer, extra_config: Sequence[str] = ()) -> Path:
    """``<home>/conf/neo4j.conf``: loopback only, the project's folders, memory; then the
    caller's ``extra_config`` lines (``kgload neo4j start`` passes Browser's style command,
    ``browser.server_config()``)."""
    for sub in FOLDERS:
        (server.home / sub).mkdir(parents=True, exist_ok=True)
    heap = os.environ.get("KGLOAD_NEO4J_HEAP", "1g")
    pagecache = os.environ.get("KGLOAD_NEO4J_PAGECACHE", "512m")
    lines = [
        "# Written by `kgload neo4j start`; edits are overwritten on the next start.",
        "server.default_listen_address=127.0.0.1",
        "server.default_advertised_address=localhost",
        f"server.bolt.listen_address=127.0.0.1:{server.bolt_port}",
        f"server.bolt.advertised_address=localhost:{server.bolt_port}",
        f"server.http.listen_address=127.0.0.1:{server.http_port}",
        f"server.http.advertised_address=localhost:{server.http_port}",
        "server.https.enabled=false",
        "dbms.security.auth_enabled=true",
        f"server.directories.data={server.home / 'data'}",
        f"server.directories.logs={server.home / 'logs'}",
        f"server.directories.run={server.home / 'run'}",
        f"server.directories.import={server.home / 'import'}",
        f"server.directories.plugins={server.home / 'plugins'}",
        f"server.memory.heap.initial_size={heap}",
        f"server.memory.heap.max_size={heap}",
        f"server.memory.pagecache.size={pagecache}",
        "dbms.usage_report.enabled=false",
    ]
    lines.extend(extra_config)
    path = server.home / "conf" / "neo4j.conf"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path
