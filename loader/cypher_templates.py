"""The Cypher files made from templates: one source for the alias-key expression and the fact key.

A template is a Cypher file under ``cypher/templates/<folder>/<name>.cypher`` in which macros stand
for the expressions several statements share:

- ``{{ alias_key(EXPR) }}``: the alias key of the name EXPR evaluates to, the key of ``Alias``
  nodes (lower case, NFD accents taken off, every letter and digit of any script kept, white
  space and ``-`` separating words, other punctuation dropped, words joined by one space); Python's
  twin is ``names.alias_key`` (tests show both give the same keys);
- ``{{ fact_key(SUBJECT_ID, RELATION, OBJECT_ID) }}``: an Evidence node's ``key``,
  ``subject_id|RELATION|object_id`` (Python's twin: ``records.fact_key``, same separator);
  a RELATION given as a string literal (``'RECOGNIZES'``) is folded into the separators;
- ``{{ fact_key_prefix(SUBJECT_ID) }}`` / ``{{ fact_key_prefix(SUBJECT_ID, RELATION) }}``: the start
  of the keys of a subject's facts (of one relation), for ``STARTS WITH`` index seeks.

``make cypher`` (``python -m loader.cypher_templates``) writes each template, macros expanded and a
header line naming the template, to ``cypher/<folder>/<name>.cypher``: the file kgload, cypher-shell
and Neo4j Browser run, unchanged. A unit test fails when a generated file is not current.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Callable

from .records import FACT_KEY_SEPARATOR

TEMPLATES = "templates"

# the one Cypher form of names.alias_key; X is the expression of the name
ALIAS_KEY = (
    "reduce(k = '', w IN [w IN split(reduce(s = '', c IN split(normalize(toLower(trim(X)), NFD), '') "
    "| s + CASE WHEN c =~ '[\\\\p{L}\\\\p{N}]' THEN c WHEN c =~ '[\\\\s\\\\-]' THEN ' ' ELSE '' END), ' ') "
    "WHERE w <> ''] | k + CASE WHEN k = '' THEN '' ELSE ' ' END + w)"
)
_MACRO = re.compile(r"\{\{\s*(?P<name>[a-z_]+)\((?P<args>.*?)\)\s*\}\}")
_STRING = re.compile(r"'[^'\\]*'")


def alias_key(expr: str) -> str:
    return ALIAS_KEY.replace("X", expr)


def _cypher_string(text: str) -> str:
    return "'" + text + "'"


def _join(parts: list[str]) -> str:
    """``a + '|' + b``, adjacent string literals folded into one (``'|' + 'R' + '|'`` -> ``'|R|'``)."""
    out: list[str] = []
    for part in parts:
        if out and _STRING.fullmatch(out[-1]) and _STRING.fullmatch(part):
            out[-1] = _cypher_string(out[-1][1:-1] + part[1:-1])
        else:
            out.append(part)
    return " + ".join(out)


def fact_key(subject: str, relation: str, object_: str) -> str:
    sep = _cypher_string(FACT_KEY_SEPARATOR)
    return _join([subject, sep, relation, sep, object_])


def fact_key_prefix(subject: str, relation: str | None = None) -> str:
    sep = _cypher_string(FACT_KEY_SEPARATOR)
    return _join([subject, sep] if relation is None else [subject, sep, relation, sep])


MACROS: dict[str, Callable[..., str]] = {"alias_key": alias_key, "fact_key": fact_key, "fact_key_prefix": fact_key_prefix}


def _arguments(text: str) -> list[str]:
    """A macro's arguments: Cypher expressions split at the commas outside brackets and strings."""
    args: list[str] = []
    current: list[str] = []
    depth, quote = 0, ""
    for i, c in enumerate(text):
        if quote:
            if c == quote and text[i - 1] != "\\":
                quote = ""
        elif c in "'\"":
            quote = c
        elif c in "([{":
            depth += 1
        elif c in ")]}":
            depth -= 1
        elif c == "," and depth == 0:
            args.append("".join(current).strip())
            current = []
            continue
        current.append(c)
    args.append("".join(current).strip())
    return args


def render(template: str, source: str) -> str:
    """The statement of ``template`` (its text) with every macro expanded, and a header line saying
    it is generated from ``source`` (the template's path under ``cypher/``)."""

    def expand(m: re.Match) -> str:
        macro = MACROS.get(m["name"])
        if macro is None:
            raise ValueError(f"{source}: unknown macro {m['name']!r} (known: {', '.join(MACROS)})")
        return macro(*_arguments(m["args"]))

    body = _MACRO.sub(expand, template)
    if "{{" in body or "}}" in body:
        raise ValueError(f"{source}: a '{{{{' or '}}}}' that is no macro")
    lines = body.splitlines(keepends=True)
    end = next((i for i, line in enumerate(lines) if not line.startswith("//")), len(lines))
    note = f"// Generated from cypher/{source} by `make cypher`: edit the template, not this file.\n"
    return "".join(lines[:end] + [note] + lines[end:])


def templates(root: Path) -> list[Path]:
    """Every template under ``root/templates`` (``root`` is the ``cypher/`` folder), sorted."""
    return sorted((root / TEMPLATES).rglob("*.cypher"))


def generated(root: Path) -> dict[Path, str]:
    """``{path of the generated file: its text}`` for every template under ``root``."""
    out = {}
    for path in templates(root):
        relative = path.relative_to(root / TEMPLATES)
        out[root / relative] = render(path.read_text(encoding="utf-8"), f"{TEMPLATES}/{relative.as_posix()}")
    return out


def write_all(root: Path) -> list[Path]:
    """Write every generated file whose text is not current; the paths written."""
    written = []
    for path, text in generated(root).items():
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
            written.append(path)
    return written


if __name__ == "__main__":  # `make cypher`
    from .cypher import cypher_dir

    for written_path in write_all(cypher_dir()):
        print(f"wrote {written_path}")
