"""Neo4j's jars from Maven Central: the one Neo4j version kgload runs, and their resolution.

The server (``kgload neo4j start``, ``neo4j/pom.xml``) and cypher-shell (``kgload neo4j shell``,
``neo4j/cypher-shell/pom.xml``) are both resolved here, once, with Maven into the kgload cache
(``$KGLOAD_CACHE``, else ``$XDG_CACHE_HOME``, else ``~/.cache``, then ``kgload/``). Each pom takes
the version as the property ``neo4j.version``, given on Maven's command line from ``NEO4J_VERSION``.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path
from typing import Callable

from .errors import ServerSetupError

NEO4J_VERSION = "5.26.30"  # the server's and cypher-shell's (Neo4j releases them together)
VERSION_PROPERTY = "neo4j.version"
INSTALL_HINT = "apt-get install maven"


def cache_root() -> Path:
    """``<cache>/kgload``: each resolved artifact has a folder of its own in it."""
    base = os.environ.get("KGLOAD_CACHE") or os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "kgload"


def pom_path(folder: str) -> Path:
    """``neo4j/<folder>/pom.xml`` of the installation (inside the wheel) or of the repository."""
    here = Path(__file__).resolve().parent
    relative = Path("neo4j", folder, "pom.xml")
    for candidate in (here / relative, here.parent / relative):
        if candidate.is_file():
            return candidate
    raise ServerSetupError(f"{relative.as_posix()} is missing from the kgload installation")


def find_mvn(why: str) -> str:
    """Maven's path; ``why`` completes "Maven not found: ..." when there is none."""
    mvn = shutil.which("mvn")
    if not mvn:
        raise ServerSetupError(f"Maven not found: {why} (e.g. `{INSTALL_HINT}`)")
    return mvn


def resolve(what: str, pom: Path, home: Path, jar_prefix: str, mvn: Callable[[], str],
            log: Callable[[str], object] = print) -> Path:
    """``home/lib``, holding the jars ``pom`` names (and their dependencies) at ``NEO4J_VERSION``,
    copied from Maven Central the first time; ``home/resolved`` marks a complete copy. ``mvn()``
    finds Maven, only when there is something to resolve."""
    lib, marker = home / "lib", home / "resolved"
    if marker.is_file() and any(lib.glob(f"{jar_prefix}*.jar")):
        return lib
    maven = mvn()
    log(f"Resolving {what} {NEO4J_VERSION} from Maven Central into {lib} (first time only)...")
    lib.mkdir(parents=True, exist_ok=True)
    cmd = [maven, "-q", "-B", "-f", str(pom), f"-D{VERSION_PROPERTY}={NEO4J_VERSION}",
           "dependency:copy-dependencies", f"-DoutputDirectory={lib}"]
    proc = subprocess.run(cmd, capture_output=True, text=True)
    if proc.returncode != 0:
        tail = (proc.stdout + proc.stderr).strip().splitlines()[-5:]
        raise ServerSetupError(f"Maven could not resolve {what}: " + " | ".join(tail))
    marker.write_text(NEO4J_VERSION + "\n")
    return lib
