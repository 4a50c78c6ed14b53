"""The server's Java process: started on the resolved jars, waited for, found again by its pid
file, stopped (TERM, then KILL after a minute)."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import time
from pathlib import Path
from typing import Sequence

from ..errors import ServerSetupError
from .config import LocalServer

ENTRY_POINT = "org.neo4j.server.CommunityEntryPoint"
START_TIMEOUT_S = 180


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


def launch(server: LocalServer, java: str, lib: Path, plugins: Sequence[Path] = ()) -> subprocess.Popen:
    """Start the server in a session of its own (its output in ``logs/console.log``), ``plugins``
    copied to its plugins folder and put on its class path; writes the pid file."""
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
    return proc


def wait_for_ports(server: LocalServer, proc: subprocess.Popen, timeout: float = START_TIMEOUT_S) -> None:
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


def terminate(server: LocalServer) -> bool:
    """Stop the server's process; True if one was running."""
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
