"""``kgload neo4j start|stop|status``: a real Neo4j 5.26 Community server on this machine.

With a Docker engine that answers, drives ``docker compose`` with the root docker-compose.yml.
Otherwise resolves the official artifacts from Maven Central with Maven (``neo4j/pom.xml``)
into a cache, and starts ``org.neo4j.server.CommunityEntryPoint`` with Java; configuration,
data and logs live under ``<project>/.neo4j/``; Bolt and HTTP listen on 127.0.0.1 only.

On first start a random password is set and written with the URI to ``.env`` (mode 600).
"""

from __future__ import annotations

import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

from .errors import ServerSetupError
from .settings import project_dir, read_env_file, write_env_file

NEO4J_VERSION = "5.26.30"
ENTRY_POINT = "org.neo4j.server.CommunityEntryPoint"
START_TIMEOUT_S = 180


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
    except ValueError:
        raise ServerSetupError(f"{name}={raw!r} is not a port number") from None


def local_server() -> LocalServer:
    home = Path(os.environ.get("KGLOAD_NEO4J_HOME") or project_dir() / ".neo4j").resolve()
    return LocalServer(
        home=home,
        bolt_port=_port("KGLOAD_BOLT_PORT", 7687),
        http_port=_port("KGLOAD_HTTP_PORT", 7474),
    )


def cache_dir() -> Path:
    base = os.environ.get("KGLOAD_CACHE") or os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "kgload" / f"neo4j-{NEO4J_VERSION}"


def pom_path() -> Path:
    here = Path(__file__).resolve().parent
    for candidate in (here / "neo4j" / "pom.xml", here.parent / "neo4j" / "pom.xml"):
        if candidate.is_file():
            return candidate
    raise ServerSetupError("neo4j/pom.xml is missing from the kgload installation")


# ---------------------------------------------------------------- docker


def docker_engine_answers() -> bool:
    if os.environ.get("KGLOAD_NO_DOCKER"):
        return False
    if not shutil.which("docker"):
        return False
    try:
        return subprocess.run(
            ["docker", "info"], capture_output=True, timeout=10
        ).returncode == 0
    except (OSError, subprocess.TimeoutExpired):
        return False


def compose_file() -> Path:
    path = project_dir() / "docker-compose.yml"
    if not path.is_file():
        raise ServerSetupError(f"no docker-compose.yml in {project_dir()}")
    return path


# ---------------------------------------------------------------- helpers


def port_open(port: int, host: str = "127.0.0.1", timeout: float = 0.5) -> bool:
    try:
        with socket.create_connection((host, port), timeout=timeout):
            return True
    except OSError:
        return False


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
        if stat.rsplit(")", 1)[-1].split()[0] == "Z":  # exited, not yet reaped
            return False
        cmdline = Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return True
    # an empty cmdline is a process in the middle of exec: still ours
    return not cmdline or ENTRY_POINT.encode() in cmdline


def running_pid(server: LocalServer) -> int | None:
    try:
        pid = int(server.pid_file.read_text().strip())
    except (OSError, ValueError):
        return None
    return pid if _pid_alive(pid) else None


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


def resolve_artifacts(mvn: str, log=print) -> Path:
    """Copy the server's jars (and their dependencies) from Maven into the cache once."""
    lib = cache_dir() / "lib"
    marker = cache_dir() / "resolved"
    if marker.is_file() and any(lib.glob("neo4j-*.jar")):
        return lib
    log(f"Resolving Neo4j {NEO4J_VERSION} from Maven Central into {lib} (first time only)...")
    lib.mkdir(parents=True, exist_ok=True)
    cmd = [
        mvn, "-q", "-B", "-f", str(pom_path()),
        f"-Dneo4j.version={NEO4J_VERSION}",
        "dependency:copy-dependencies", f"-DoutputDirectory={lib}",
    ]
    proc = subprocess.run(cmd, capture_output=True, text=True)
    if proc.returncode != 0:
        tail = (proc.stdout + proc.stderr).strip().splitlines()[-5:]
        raise ServerSetupError("Maven could not resolve Neo4j: " + " | ".join(tail))
    marker.write_text(NEO4J_VERSION + "\n")
    return lib


def write_config(server: LocalServer, extra_config: Sequence[str] = ()) -> Path:
    """``<home>/conf/neo4j.conf``: loopback only, the project's folders, memory; then the
    caller's ``extra_config`` lines (``kgload neo4j start`` passes Browser's style command,
    ``browser.server_config()``)."""
    conf_dir = server.home / "conf"
    for sub in ("conf", "data", "logs", "run", "import", "plugins"):
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
    path = conf_dir / "neo4j.conf"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _wait_for_bolt(server: LocalServer, proc: subprocess.Popen, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            tail = ""
            try:
                tail = " | ".join(server.log_file.read_text(errors="replace").strip().splitlines()[-3:])
            except OSError:
                pass
            raise ServerSetupError(f"Neo4j exited during start-up; see {server.log_file}: {tail}")
        if port_open(server.bolt_port) and port_open(server.http_port):
            return
        time.sleep(0.5)
    raise ServerSetupError(f"Neo4j did not answer on port {server.bolt_port} within {timeout:.0f}s; see {server.log_file}")


def _set_initial_password(uri: str, password: str) -> None:
    """Replace the default password of a fresh server (the Bolt way to do set-initial-password)."""
    from neo4j import GraphDatabase
    from neo4j.exceptions import AuthError, ServiceUnavailable

    deadline = time.monotonic() + 60
    while True:
        try:
            with GraphDatabase.driver(uri, auth=("neo4j", "neo4j")) as driver:
                with driver.session(database="system") as session:
                    session.run(
                        "ALTER CURRENT USER SET PASSWORD FROM $old TO $new", old="neo4j", new=password
                    ).consume()
            return
        except AuthError:
            try:  # already set earlier (e.g. by a kgload without the marker file)
                with GraphDatabase.driver(uri, auth=("neo4j", password)) as driver:
                    driver.verify_connectivity()
                return
            except AuthError:
                pass
            raise ServerSetupError(
                "the local Neo4j already has a password that is not in .env; "
                "run `kgload neo4j stop`, delete .neo4j/data, and start again"
            ) from None
        except ServiceUnavailable:
            if time.monotonic() > deadline:
                raise ServerSetupError("Neo4j did not accept Bolt connections in time") from None
            time.sleep(1)


# ---------------------------------------------------------------- commands


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
    env_values = read_env_file()
    password = os.environ.get("NEO4J_PASSWORD") or env_values.get("NEO4J_PASSWORD")
    server = local_server()
    if docker_engine_answers():
        return _start_docker(server, password, log)
    java, mvn = _require_tools()
    pid = running_pid(server)
    if pid is not None:
        return StartResult(server.bolt_uri, server.browser_url, True, "java")
    if port_open(server.bolt_port):
        raise ServerSetupError(
            f"port {server.bolt_port} is already in use by another program; stop it, or set "
            "KGLOAD_BOLT_PORT and KGLOAD_HTTP_PORT to free ports"
        )
    lib = resolve_artifacts(mvn, log)
    marker = server.home / "data" / "kgload-initial-password-set"
    fresh = not marker.exists()
    if fresh or not password:
        if not fresh:
            raise ServerSetupError(
                f"{server.home / 'data'} exists but no NEO4J_PASSWORD is set in .env; "
                "set it, or delete that folder to start afresh"
            )
        password = password or secrets.token_urlsafe(18)
    write_config(server, extra_config)
    for jar in plugins:
        shutil.copy2(jar, server.home / "plugins" / Path(jar).name)
    classpath = os.pathsep.join([str(lib / "*")] + ([str(server.home / "plugins" / "*")] if plugins else []))
    with open(server.log_file, "ab") as out:
        proc = subprocess.Popen(
            [
                java, "-XX:+UseG1GC", "-XX:-OmitStackTraceInFastThrow",
                "-Dfile.encoding=UTF-8",
                "-cp", classpath, ENTRY_POINT,
                f"--home-dir={server.home}", f"--config-dir={server.home / 'conf'}",
            ],
            stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
            start_new_session=True, cwd=server.home,
        )
    server.pid_file.write_text(f"{proc.pid}\n")
    log(f"Starting Neo4j {NEO4J_VERSION} (pid {proc.pid}), logs in {server.log_file} ...")
    _wait_for_bolt(server, proc, START_TIMEOUT_S)
    # .env first: a crash between the two steps must not leave a password nobody has
    write_env_file(
        {"NEO4J_URI": server.bolt_uri, "NEO4J_USERNAME": "neo4j", "NEO4J_PASSWORD": password}
    )
    if fresh:
        _set_initial_password(server.bolt_uri, password)
        marker.write_text("the initial password was replaced; it is in .env\n")
    return StartResult(server.bolt_uri, server.browser_url, False, "java")


def _start_docker(server: LocalServer, password: str | None, log) -> StartResult:
    password = password or secrets.token_urlsafe(18)
    env = {**os.environ, "NEO4J_PASSWORD": password}
    log("Starting Neo4j with docker compose ...")
    proc = subprocess.run(
        ["docker", "compose", "-f", str(compose_file()), "up", "-d", "--wait"],
        env=env, capture_output=True, text=True,
    )
    if proc.returncode != 0:
        raise ServerSetupError("docker compose up failed: " + proc.stderr.strip().splitlines()[-1:][0] if proc.stderr.strip() else "docker compose up failed")
    write_env_file({"NEO4J_URI": "bolt://localhost:7687", "NEO4J_USERNAME": "neo4j", "NEO4J_PASSWORD": password})
    return StartResult("bolt://localhost:7687", "http://localhost:7474/browser/", False, "docker")


def stop(log=print) -> bool:
    """Stop the server this project started; True if one was running."""
    if docker_engine_answers():
        subprocess.run(["docker", "compose", "-f", str(compose_file()), "stop"], capture_output=True)
        return True
    server = local_server()
    pid = running_pid(server)
    if pid is None:
        return False
    os.killpg(pid, signal.SIGTERM) if _is_group_leader(pid) else os.kill(pid, signal.SIGTERM)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and _pid_alive(pid):
        time.sleep(0.3)
    if _pid_alive(pid):
        os.kill(pid, signal.SIGKILL)
    try:
        server.pid_file.unlink()
    except FileNotFoundError:
        pass
    return True


def _is_group_leader(pid: int) -> bool:
    try:
        return os.getpgid(pid) == pid
    except OSError:
        return False


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
    if docker_engine_answers():
        proc = subprocess.run(
            ["docker", "compose", "-f", str(compose_file()), "ps", "-q"], capture_output=True, text=True
        )
        return Status(bool(proc.stdout.strip()), "docker", None, "bolt://localhost:7687",
                      "http://localhost:7474/browser/", server.home)
    pid = running_pid(server)
    return Status(pid is not None and port_open(server.bolt_port), "java", pid, server.bolt_uri,
                  server.browser_url, server.home)


if __name__ == "__main__":  # pragma: no cover - manual use
    print(start(), file=sys.stderr)
