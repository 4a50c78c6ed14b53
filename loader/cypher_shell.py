"""``kgload neo4j shell``: the real cypher-shell 5.26, connected like every kgload command.

cypher-shell (``org.neo4j:cypher-shell`` on Maven Central) is resolved with Maven
(``neo4j/cypher-shell/pom.xml``) into the kgload cache once, beside the server's jars, and started
with Java in place of the kgload process, so that it owns the terminal (history, Ctrl-C).

The connection comes from ``loader.settings`` (flags, then the environment, then ``.env``) and
reaches cypher-shell through the environment variables it reads (``NEO4J_ADDRESS``,
``NEO4J_USERNAME``, ``NEO4J_PASSWORD``, ``NEO4J_DATABASE``): the password is never on a command
line that ``ps`` shows. Every other argument goes to cypher-shell as it is (``-f FILE``,
``--param``, ``--format``, ``-- --help``); its own ``-a``/``-u``/``-d`` still win.
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

from . import maven
from .errors import ServerSetupError
from .settings import ConnectionSettings

MAIN_CLASS = "org.neo4j.shell.Main"


def home() -> Path:
    """``<cache>/kgload/cypher-shell-<version>``, beside the server's ``neo4j-<version>``."""
    return maven.cache_root() / f"cypher-shell-{maven.NEO4J_VERSION}"


def _java() -> str:
    java = shutil.which("java")
    if not java:
        raise ServerSetupError(
            "cypher-shell needs Java 17+: install it (e.g. `apt-get install openjdk-17-jre-headless`), "
            "or use the cypher-shell of your Neo4j installation"
        )
    return java


def resolve(log=print) -> Path:
    """The folder of cypher-shell's jars, copied from Maven Central the first time."""
    return maven.resolve("cypher-shell", maven.pom_path("cypher-shell"), home(), "cypher-shell-",
                         lambda: maven.find_mvn("the first `kgload neo4j shell` resolves cypher-shell from "
                                                "Maven Central with it"), log)


def command(settings: ConnectionSettings, args: list[str], *, java: str = "java",
            lib: Path | None = None, environ: dict[str, str] | None = None) -> tuple[list[str], dict[str, str]]:
    """``(argv, env)`` that start cypher-shell with ``args``, connected with ``settings``: the
    connection in the environment, never on the command line."""
    lib = lib or home() / "lib"
    env = dict(os.environ if environ is None else environ)
    env["NEO4J_ADDRESS"] = settings.uri
    env.pop("NEO4J_URI", None)  # cypher-shell reads either name, and refuses both
    env["NEO4J_USERNAME"] = settings.username
    env["NEO4J_DATABASE"] = settings.database
    if settings.password:
        env["NEO4J_PASSWORD"] = settings.password
    else:
        env.pop("NEO4J_PASSWORD", None)  # cypher-shell asks for it on a terminal
    argv = [java, "-Dfile.encoding=UTF-8", "-cp", f"{lib}{os.sep}*", MAIN_CLASS, *with_optional_nulls(args)]
    return argv, env


def with_optional_nulls(args: list[str]) -> list[str]:
    """``args``, plus ``--param 'p => null'`` for each optional parameter of a canned query file
    given with ``-f`` that no ``--param`` sets ("who_recognizes.cypher" runs without ``as_of``)."""
    from . import cypher

    path = next((args[i + 1] for i, a in enumerate(args[:-1]) if a in ("-f", "--file")), None)
    if path is None:
        return args
    query = Path(path)
    if query.parent.name != "queries" or not (cypher.cypher_dir() / "queries" / query.name).is_file():
        return args
    given = {a.split("=>")[0].strip() for i, a in enumerate(args[1:], start=1)
             if args[i - 1] in ("-P", "--param") and "=>" in a}
    extra: list[str] = []
    for p in cypher.query_parameters(query.stem):
        if not p.required and p.name not in given:
            extra += ["--param", f"{p.name} => null"]
    return extra + args


def run(settings: ConnectionSettings, args: list[str], log=print, before_start=None) -> None:
    """Replace this process with cypher-shell (does not return); ``before_start()`` runs once
    Java and cypher-shell are found (``kgload neo4j shell`` checks the server there)."""
    java = _java()
    lib = resolve(log)
    if before_start is not None:
        before_start()
    argv, env = command(settings, args, java=java, lib=lib)
    sys.stdout.flush()
    sys.stderr.flush()
    os.execve(java, argv, env)
