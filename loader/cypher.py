"""The only reader of ``cypher/``: statements by name, cached; an unknown name is an error."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .errors import UsageError

_PARAM = re.compile(r"\$([A-Za-z_][A-Za-z0-9_]*)")
# a header's parameter line: "// $name: what it holds", or "// $name (optional): ..." for a
# parameter that may be left out (it is then null, which the statement reads as "any")
_HEADER_PARAM = re.compile(
    r"^//\s*\$(?P<name>[A-Za-z_][A-Za-z0-9_]*)\s*(?P<optional>\(optional\))?\s*:\s*(?P<description>.*)$"
)
OPTIONAL_MARKER = "(optional)"
# every canned query returns, besides its answer's columns, the nodes and relationships behind
# each row in this column: Neo4j Browser and `kgload viz` draw them, tables and JSON leave it out
GRAPH_COLUMN = "graph"


@dataclass(frozen=True)
class Param:
    """One parameter a Cypher file's header names."""

    name: str
    required: bool
    description: str


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


def parameters(text: str) -> list[Param]:
    """The parameters the header names (``// $param: ...`` or ``// $param (optional): ...``),
    in header order. This is the one place that says which parameters a query needs."""
    out: list[Param] = []
    for line in header(text):
        m = _HEADER_PARAM.match(line)
        if m:
            out.append(Param(m["name"], not m["optional"], m["description"].strip()))
    return out


def header_params(text: str) -> dict[str, str]:
    """``{param: description}`` from the header's parameter lines."""
    return {p.name: p.description for p in parameters(text)}


def query_parameters(name: str) -> list[Param]:
    """The parameters of the canned query ``cypher/queries/<name>.cypher``."""
    return parameters(load(f"queries/{name}"))


def catalogue() -> list[dict]:
    """``kgload query --list``: each canned query's name, purpose and parameters (sorted)."""
    rows = []
    for name in names("queries"):
        text = load(f"queries/{name}")
        rows.append({"query": name, "purpose": purpose(text), "parameters": sorted(header_params(text))})
    return rows


def query_arguments(name: str, given: dict) -> dict:
    """The values to run the canned query ``name`` with: ``given``, and null for each optional
    parameter left out. ``UsageError`` (exit 2) names the required parameters missing."""
    params = dict(given)
    missing = []
    for p in query_parameters(name):
        if p.name not in params:
            if p.required:
                missing.append(p.name)
            else:
                params[p.name] = None
    if missing:
        raise UsageError(f"query {name!r} needs " + ", ".join(f"-p {m} VALUE" for m in sorted(missing)))
    return params
