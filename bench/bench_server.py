"""The benchmarks' own Neo4j: ``kgload neo4j start``'s server on free ports under a folder of its
own, for bench_load.py with APOC core (bench/apoc/pom.xml) in its plugins folder and on its class
path, since the two libraries it compares kgload with call ``apoc.merge.relationship``; for
bench_scale.py without (kgload itself needs no plugin; no kgload command starts a server with
one). And ``run_child``: a child process timed as the benchmarks time ``kgload`` commands.
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import tempfile
import time
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from loader import neo4j_local
from loader.errors import ServerSetupError
from loader.settings import ConnectionSettings, read_env_file

APOC_POM = Path(__file__).resolve().parent / "apoc" / "pom.xml"


def apoc_jars() -> list[Path]:
    """APOC core and the libraries it needs that the server lacks, resolved once into the cache."""
    version = next(line.split(">")[1].split("<")[0] for line in APOC_POM.read_text().splitlines()
                   if "<apoc.version>" in line)
    folder = neo4j_local.cache_dir().parent / f"apoc-{version}"
    if not any(folder.glob("apoc-core-*.jar")):
        mvn = shutil.which("mvn")
        if not mvn:
            raise ServerSetupError("Maven is needed to resolve APOC for the benchmark's server")
        folder.mkdir(parents=True, exist_ok=True)
        proc = subprocess.run([mvn, "-q", "-B", "-f", str(APOC_POM), "dependency:copy-dependencies",
                               f"-DoutputDirectory={folder}"], capture_output=True, text=True)
        if proc.returncode != 0:
            raise ServerSetupError("Maven could not resolve APOC: " + (proc.stdout + proc.stderr).strip()[-300:])
    shipped = {_artifact(jar) for jar in (neo4j_local.cache_dir() / "lib").glob("*.jar")}
    return sorted(jar for jar in folder.glob("*.jar") if _artifact(jar) not in shipped)


def _artifact(jar: Path) -> str:
    """``commons-lang3`` of ``commons-lang3-3.12.0.jar``."""
    return re.sub(r"-\d[^-]*(-[A-Za-z]+)?$", "", jar.stem)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class ChildRun:
    wall: float  # seconds
    cpu: float  # user + system seconds of the process and the children it waited for
    peak_rss: int  # bytes, the largest of the process and those children
    stderr: str


def run_child(cmd: list[str], env: dict, cwd: Path) -> ChildRun:
    """Run ``cmd`` (stdout discarded) and time it; exits the benchmark, with its stderr, if it fails."""
    with tempfile.TemporaryFile("w+") as err:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, env=env, cwd=cwd, stdout=subprocess.DEVNULL, stderr=err)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        err.seek(0)
        text = err.read()
    code = os.waitstatus_to_exitcode(status)
    if code != 0:
        raise SystemExit(f"{' '.join(cmd)} failed ({code}):\n{text}")
    return ChildRun(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss * 1024, text)


@contextmanager
def bench_server(home: Path, heap: str = "2g", log=print, apoc: bool = True) -> Iterator[ConnectionSettings]:
    """A server of the benchmark's own under ``home`` (with APOC unless ``apoc`` is false);
    stopped at the end."""
    home.mkdir(parents=True, exist_ok=True)
    env = {"KGLOAD_HOME": str(home), "KGLOAD_NEO4J_HOME": str(home / ".neo4j"),
           "KGLOAD_BOLT_PORT": str(_free_port()), "KGLOAD_HTTP_PORT": str(_free_port()),
           "KGLOAD_NO_DOCKER": "1", "KGLOAD_NEO4J_HEAP": heap}
    saved = {k: os.environ.get(k) for k in [*env, "NEO4J_PASSWORD", "NEO4J_URI"]}
    os.environ.update(env)
    for k in ("NEO4J_PASSWORD", "NEO4J_URI"):  # the bench server's own, from its .env
        os.environ.pop(k, None)
    try:
        neo4j_local.stop(log=lambda m: None)  # one an interrupted run left behind
        result = neo4j_local.start(log=log, plugins=apoc_jars(),
                                   extra_config=["dbms.security.procedures.unrestricted=apoc.*"]) \
            if apoc else neo4j_local.start(log=log)
        creds = read_env_file(home / ".env")
        yield ConnectionSettings(result.uri, "neo4j", creds["NEO4J_PASSWORD"], "neo4j")
    finally:
        neo4j_local.stop(log=lambda m: None)
        for k, v in saved.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v
