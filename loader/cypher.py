"""The only reader of ``cypher/``: statements by name, cached; an unknown name is an error."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from .errors import UsageError

_PARAM = re.compile(r"\$([A-Za-z_][A-Za-z0-9_]*)")
_HEADER_PARAM = re.compile(r"^//\s*\$([A-Za-z_][A-Za-z0-9_]*)\s*:")


def cypher_dir() -> Path:
    here = Path(__file__).resolve().parent
    for candidate in (here / "cypher", here.parent / "cypher"):
        if (candidate / "queries").is_dir():
            return candidate
    raise FileNotFoundError("the cypher/ folder is missing from the kgload installation")


@lru_cache(maxsize=None)
def load(name: str) -> str:
    """Statement text of ``cypher/<name>.cypher``, e.g. ``load("queries/who_recognizes")``."""
    path = cypher_dir() / f"{name}.cypher"
    if not path.is_file() or ".." in Path(name).parts:
        raise UsageError(f"unknown Cypher file {name!r}")
    return path.read_text(encoding="utf-8")


def names(folder: str) -> list[str]:
    """File names (without suffix) in one folder, sorted, e.g. ``names("queries")``."""
    return sorted(p.stem for p in (cypher_dir() / folder).glob("*.cypher"))


def header(text: str) -> list[str]:
    lines = []
    for line in text.splitlines():
        if not line.startswith("//"):
            break
        lines.append(line)
    return lines


def purpose(text: str) -> str:
    first = header(text)[:1]
    return first[0].lstrip("/ ").strip() if first else ""


def statement_params(text: str) -> set[str]:
    """Parameters used in the statement body (comments excluded)."""
    body = "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("//"))
    body = re.sub(r"'(?:[^'\\]|\\.)*'", "''", body)  # ignore string literals
    return set(_PARAM.findall(body))


def header_params(text: str) -> dict[str, str]:
    """``{param: description}`` from the header's ``// $param: ...`` lines."""
    out: dict[str, str] = {}
    for line in header(text):
        m = _HEADER_PARAM.match(line)
        if m:
            out[m.group(1)] = line.split(":", 1)[1].strip()
    return out
