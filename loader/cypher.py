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
# parameter that may be left out (it is then null, which the statement reads as "any"); a kind
# after it says what a value must be: "// $as_of (optional, date): ...", "// $relation (relation): ..."
_HEADER_PARAM = re.compile(
    r"^//\s*\$(?P<name>[A-Za-z_][A-Za-z0-9_]*)\s*(?:\((?P<markers>[a-z]+(?:,\s*[a-z]+)*)\))?\s*:\s*(?P<description>.*)$"
)
OPTIONAL_MARKER = "optional"
# what a parameter's value may be: any text (a name), a date, or a relation type of the lexicon
KINDS = ("text", "date", "relation")
_DATE = re.compile(r"(?P<year>\d{4})(?:-(?P<month>\d{2})(?:-(?P<day>\d{2}))?)?")
# every canned query returns, besides its answer's columns, the nodes and relationships behind
# each row in this column: Neo4j Browser and `kgload viz` draw them, tables and JSON leave it out
GRAPH_COLUMN = "graph"


@dataclass(frozen=True)
class Param:
    """One parameter a Cypher file's header names."""

    name: str
    required: bool
    description: str
    kind: str = "text"  # one of KINDS


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
            markers = [x.strip() for x in (m["markers"] or "").split(",") if x.strip()]
            kinds = [x for x in markers if x in KINDS]
            unknown = [x for x in markers if x != OPTIONAL_MARKER and x not in KINDS]
            if unknown or len(kinds) > 1:
                raise ValueError(f"header line {line!r}: unknown marker(s) {', '.join(unknown) or kinds}")
            out.append(Param(m["name"], OPTIONAL_MARKER not in markers, m["description"].strip(),
                             kinds[0] if kinds else "text"))
    return out


def header_params(text: str) -> dict[str, str]:
    """``{param: description}`` from the header's parameter lines."""
    return {p.name: p.description for p in parameters(text)}


# a parameter that names an entity is normalised to an alias key inside the statement
# ("normalize(toLower(trim(coalesce($actor, ''))), NFD)"), the one form cypher/README.md gives
_NAME_PARAM = re.compile(r"normalize\(toLower\(trim\((?:coalesce\()?\$([A-Za-z_][A-Za-z0-9_]*)")


def name_parameters(name: str) -> list[str]:
    """The parameters of the canned query ``name`` that name an entity (looked up by alias key)."""
    return list(dict.fromkeys(_NAME_PARAM.findall(load(f"queries/{name}"))))


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
    parameter left out. ``UsageError`` (exit 2), one line: a parameter the header does not name
    (with the nearest one it does), a value of the wrong kind (a date that is no calendar date
    as YYYY, YYYY-MM or YYYY-MM-DD, a relation type the lexicon lacks), or the required
    parameters missing."""
    params = dict(given)
    declared = {p.name: p for p in query_parameters(name)}
    for key, value in given.items():
        if key not in declared:
            raise UsageError(f"query {name!r} has no parameter {key!r}{did_you_mean(key, declared)}; "
                             f"it takes {', '.join(declared) or 'none'}")
        check_value(name, declared[key], value)
    missing = []
    for p in declared.values():
        if p.name not in params:
            if p.required:
                missing.append(p.name)
            else:
                params[p.name] = None
    if missing:
        raise UsageError(f"query {name!r} needs " + ", ".join(f"-p {m} VALUE" for m in sorted(missing)))
    return params


def did_you_mean(word: str, choices) -> str:
    """"; did you mean X?" for the nearest of ``choices`` (difflib), else ""."""
    import difflib

    near = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f"; did you mean {near[0]}?" if near else ""


def check_value(query: str, param: Param, value) -> None:
    """``UsageError`` naming the parameter when ``value`` is not of its kind; null and "" mean
    "any" (or "now") for an optional parameter."""
    where = f"query {query!r}: -p {param.name} {value!r}"
    if value is None:
        if param.required:
            raise UsageError(f"{where}: a value is needed")
        return
    if not isinstance(value, str):
        raise UsageError(f"{where}: must be a string")
    text = value.strip()
    if text == "":
        if param.required:
            raise UsageError(f"{where}: a value is needed")
        return
    if param.kind == "date":
        m = _DATE.fullmatch(text)
        if m is None or not _calendar_date(m):
            raise UsageError(f"{where}: not a date (YYYY, YYYY-MM or YYYY-MM-DD)")
    elif param.kind == "relation":
        from .lexicon import lexicon

        relation = re.sub(r"[\s-]+", "_", text.upper())
        if relation not in lexicon().specs:
            raise UsageError(f"{where}: not a relation type{did_you_mean(relation, lexicon().specs)}; "
                             f"the lexicon has {', '.join(lexicon().specs)}")


def _calendar_date(m: re.Match) -> bool:
    import datetime as dt

    try:
        dt.date(int(m["year"]), int(m["month"] or 1), int(m["day"] or 1))
    except ValueError:
        return False
    return True
