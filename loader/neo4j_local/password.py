"""The local server's password: a random one on first start, written to ``.env`` (mode 600) and
then set through Bolt in place of Neo4j's default; a marker file in ``data/`` says it was set."""

from __future__ import annotations

import os
import secrets
import time

from ..errors import ServerSetupError
from ..settings import read_env_file, write_env_file
from .config import LocalServer

MARKER = "kgload-initial-password-set"


def configured() -> str | None:
    """``NEO4J_PASSWORD`` from the environment, else from ``.env``."""
    return os.environ.get("NEO4J_PASSWORD") or read_env_file().get("NEO4J_PASSWORD")


def new() -> str:
    return secrets.token_urlsafe(18)


def is_fresh(server: LocalServer) -> bool:
    """No password was set on this server's data yet."""
    return not (server.home / "data" / MARKER).exists()


def for_start(server: LocalServer) -> str:
    """The password the server will have: the configured one, or a new one for fresh data."""
    password = configured()
    if password:
        return password
    if not is_fresh(server):
        raise ServerSetupError(
            f"{server.home / 'data'} exists but no NEO4J_PASSWORD is set in .env; "
            "set it, or delete that folder to start afresh"
        )
    return new()


def save(uri: str, password: str) -> None:
    write_env_file({"NEO4J_URI": uri, "NEO4J_USERNAME": "neo4j", "NEO4J_PASSWORD": password})


def set_initial(server: LocalServer, password: str) -> None:
    """Replace the default password of a fresh server (the Bolt way to do set-initial-password)."""
    from neo4j import GraphDatabase
    from neo4j.exceptions import AuthError, ServiceUnavailable

    uri = server.bolt_uri
    deadline = time.monotonic() + 60
    while True:
        try:
            with GraphDatabase.driver(uri, auth=("neo4j", "neo4j")) as driver:
                with driver.session(database="system") as session:
                    session.run(
                        "ALTER CURRENT USER SET PASSWORD FROM $old TO $new", old="neo4j", new=password
                    ).consume()
            break
        except AuthError as exc:
            try:  # already set earlier (e.g. by a kgload without the marker file)
                with GraphDatabase.driver(uri, auth=("neo4j", password)) as driver:
                    driver.verify_connectivity()
                break
            except AuthError:
                pass
            raise ServerSetupError(
                "the local Neo4j already has a password that is not in .env; "
                "run `kgload neo4j stop`, delete .neo4j/data, and start again"
            ) from exc
        except ServiceUnavailable as exc:
            if time.monotonic() > deadline:
                raise ServerSetupError("Neo4j did not accept Bolt connections in time") from exc
            time.sleep(1)
    (server.home / "data" / MARKER).write_text("the initial password was replaced; it is in .env\n")
