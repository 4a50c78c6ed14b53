"""``kgload neo4j start|stop|status``: a real Neo4j 5.26 Community server on this machine.

With a Docker engine that answers, drives ``docker compose`` with the root docker-compose.yml
(``docker.py``). Otherwise resolves the official artifacts from Maven Central (``loader.maven``,
``neo4j/pom.xml``) into a cache, and starts ``org.neo4j.server.CommunityEntryPoint`` with Java
(``process.py``); configuration, data and logs live under ``<project>/.neo4j/`` (``config.py``);
Bolt and HTTP listen on 127.0.0.1 only. On first start a random password is set and written with
the URI to ``.env`` (mode 600, ``password.py``).
"""

from __future__ import annotations

import shutil
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

from .. import maven
from ..errors import ServerSetupError
from . import docker, password, process
from .config import LocalServer, local_server, write_config

__all__ = ["LocalServer", "StartResult", "Status", "cache_dir", "docker_engine_answers", "local_server",
           "start", "status", "stop", "write_config"]

docker_engine_answers = docker.engine_answers


def cache_dir() -> Path:
    """The server's jars: ``<cache>/kgload/neo4j-<version>``."""
    return maven.cache_root() / f"neo4j-{maven.NEO4J_VERSION}"


def _require_tools() -> tuple[str, str]:
    java = shutil.which("java")
    mvn = shutil.which("mvn")
    if not java or not mvn:
        missing = " and ".join(n for n, p in (("Java 17+", java), ("Maven", mvn)) if not p)
        raise ServerSetupError(
            f"{missing} not found: install them (e.g. `apt-get install openjdk-17-jre-headless maven`) "
            "or start Neo4j yourself and set NEO4J_URI / NEO4J_PASSWORD"
        )
    return java, mvn


@dataclass
class StartResult:
    uri: str
    browser_url: str
    already_running: bool
    mode: str  # "java" or "docker"


def start(log=print, extra_config: Sequence[str] = (), plugins: Sequence[Path] = ()) -> StartResult:
    """Start the local server (docker compose, else Java), ``extra_config`` added to its
    neo4j.conf on the Java path (docker-compose.yml carries its own settings). ``plugins``:
    jars copied to its plugins folder and put on its class path (the benchmark's APOC; no
    command of kgload passes any)."""
    server = local_server()
    if docker.engine_answers():
        secret = password.configured() or password.new()
        docker.up(secret, log)
        password.save(docker.BOLT_URI, secret)
        return StartResult(docker.BOLT_URI, docker.BROWSER_URL, False, "docker")
    java, mvn = _require_tools()
    if process.running_pid(server) is not None:
        return StartResult(server.bolt_uri, server.browser_url, True, "java")
    if process.port_open(server.bolt_port):
        raise ServerSetupError(
            f"port {server.bolt_port} is already in use by another program; stop it, or set "
            "KGLOAD_BOLT_PORT and KGLOAD_HTTP_PORT to free ports"
        )
    lib = maven.resolve("Neo4j", maven.pom_path(""), cache_dir(), "neo4j-", lambda: mvn, log)
    fresh = password.is_fresh(server)
    secret = password.for_start(server)
    write_config(server, extra_config)
    proc = process.launch(server, java, lib, plugins)
    log(f"Starting Neo4j {maven.NEO4J_VERSION} (pid {proc.pid}), logs in {server.log_file} ...")
    process.wait_for_ports(server, proc)
    # .env first: a crash between the two steps must not leave a password nobody has
    password.save(server.bolt_uri, secret)
    if fresh:
        password.set_initial(server, secret)
    return StartResult(server.bolt_uri, server.browser_url, False, "java")


def stop(log=print) -> bool:
    """Stop the server this project started; True if one was running."""
    if docker.engine_answers():
        docker.stop()
        return True
    return process.terminate(local_server())


@dataclass
class Status:
    running: bool
    mode: str
    pid: int | None
    uri: str
    browser_url: str
    home: Path


def status() -> Status:
    server = local_server()
    if docker.engine_answers():
        return Status(docker.running(), "docker", None, docker.BOLT_URI, docker.BROWSER_URL, server.home)
    pid = process.running_pid(server)
    return Status(pid is not None and process.port_open(server.bolt_port), "java", pid, server.bolt_uri,
                  server.browser_url, server.home)


if __name__ == "__main__":  # pragma: no cover - manual use
    print(start(), file=sys.stderr)
