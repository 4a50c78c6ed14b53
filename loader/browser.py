"""Neo4j Browser helpers: the shipped style (``cypher/browser/style.grass``) and Browser links.

The style reaches Browser without any file server: Browser's ``:style`` command accepts the
style inline (as JSON or grass text), and ``browser.post_connect_cmd`` runs Browser commands
right after it connects. ``server_config()`` gives the neo4j.conf lines that make the local
server (``kgload neo4j start``) apply the style on every connect (``docker-compose.yml`` sets the
same command); on any other server, drag ``style.grass`` onto the Browser window, or paste
``style_command()``'s output into the editor.

The canned queries are one click away as Browser links: ``browser_link(query, params)`` opens
Browser with the query in the editor, its values in place as escaped Cypher literals (one line
each, never a line break of their own), ready to run (one click on Run).
"""

from __future__ import annotations

import json
import re
import unicodedata
from functools import lru_cache
from pathlib import Path
from urllib.parse import quote

from . import cypher
from .errors import UsageError

STYLE_FILE = "browser/style.grass"
DEFAULT_BROWSER_URL = "http://localhost:7474/browser/"

# Browser reads ?cmd=edit&arg=... after decoding the whole address and cuts every argument at
# the first '&' or '#'; one `arg` per editor line keeps lines intact.
_URL_BREAKERS = re.compile(r"[&#]")


def style_path() -> Path:
    return cypher.cypher_dir() / STYLE_FILE


def parse_grass(text: str) -> dict[str, dict[str, str]]:
    """``{selector: {property: value}}`` from grass text, as Neo4j Browser reads it.

    Browser's own reader has no comments and strips the quotes around values; this one
    does the same (and refuses a comment, which Browser would glue to the next selector).
    """
    if "/*" in text or "//" in text.replace("://", ""):
        raise ValueError("grass text must not contain comments: Neo4j Browser cannot read them")
    style: dict[str, dict[str, str]] = {}
    for m in re.finditer(r"([^{}]+)\{([^{}]*(?:\{[^{}]*\}[^{}]*)*)\}", text):
        selector = "".join(m.group(1).split())
        props: dict[str, str] = {}
        for decl in m.group(2).split(";"):
            if ":" not in decl:
                continue
            key, _, value = decl.partition(":")
            value = value.strip()
            if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
                value = value[1:-1]
            props[key.strip()] = value
        style[selector] = props
    return style


@lru_cache(maxsize=1)
def style() -> dict[str, dict[str, str]]:
    """The shipped style as ``{selector: {property: value}}``."""
    return parse_grass(style_path().read_text(encoding="utf-8"))


def style_json() -> str:
    """The shipped style as one line of JSON, the form Browser keeps it in."""
    return json.dumps(style(), separators=(",", ":"), ensure_ascii=False)


def style_command() -> str:
    """A Browser command that applies the shipped style: ``:style {...}``."""
    return ":style " + style_json()


def node_colors() -> dict[str, str]:
    """``{label: fill colour}`` for every label the style colours (``node.<Label>`` rules)."""
    return {
        sel.split(".", 1)[1]: props["color"]
        for sel, props in style().items()
        if sel.startswith("node.") and "color" in props
    }


def server_config() -> list[str]:
    """neo4j.conf lines for the local server: apply the style whenever Browser connects.

    ``browser.post_connect_cmd`` holds Browser commands without the leading colon, separated
    by ';' (ignored inside quotes). The JSON style has no ';' and no line breaks.
    """
    command = style_command()[1:]
    if "\n" in command or "\r" in command:
        raise ValueError("the style must fit on one line of neo4j.conf")
    return [f"browser.post_connect_cmd={command}"]


# ------------------------------------------------------------------ links


# Characters a string literal never carries raw: Cypher's own escapes for the common ones, \uXXXX
# for every other control, format, line or paragraph separator character (Unicode categories Cc,
# Cf, Cs, Zl, Zp), so a value can neither end the literal, nor break a line (which would end the
# // comment line and start a live one), nor hide in the editor.
_SHORT_ESCAPES = {"\\": "\\\\", "'": "\\'", "\n": "\\n", "\r": "\\r", "\t": "\\t"}
_ESCAPED_CATEGORIES = {"Cc", "Cf", "Cs", "Zl", "Zp"}


def _escape_char(c: str) -> str:
    if c in _SHORT_ESCAPES:
        return _SHORT_ESCAPES[c]
    if unicodedata.category(c) in _ESCAPED_CATEGORIES:
        # beyond U+FFFF a surrogate pair: Cypher 5 has no \U escape (it keeps "\U" as two characters)
        units = c.encode("utf-16-be", "surrogatepass")
        return "".join(f"\\u{int.from_bytes(units[i:i + 2], 'big'):04X}" for i in range(0, len(units), 2))
    return c


def cypher_string(text: str) -> str:
    """A single-quoted Cypher string literal for ``text``, on one line and with nothing raw that
    could end it (backslash, quote, line breaks, control and format characters are escaped)."""
    return "'" + "".join(_escape_char(c) for c in text) + "'"


def cypher_name(name: str) -> str:
    """A backtick-quoted Cypher name (map key): a backtick inside is doubled. Cypher has no escapes
    inside backticks, so a name with a line break or another control or format character is refused."""
    if any(unicodedata.category(c) in _ESCAPED_CATEGORIES for c in name):
        raise UsageError(f"a map key cannot contain a line break or control character: {name!r}")
    return "`" + name.replace("`", "``") + "`"


def cypher_literal(value) -> str:
    """A Cypher literal for a parameter value (strings, numbers, booleans, null, lists, maps), on one line."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return json.dumps(value)  # 1e+20, NaN, -Infinity are Cypher literals too
    if isinstance(value, str):
        return cypher_string(value)
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(cypher_literal(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{cypher_name(str(k))}: {cypher_literal(v)}" for k, v in value.items()) + "}"
    raise TypeError(f"cannot write {type(value).__name__} as a Cypher literal")


_LITERAL_OR_PARAM = re.compile(r"'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"|`[^`]*`|\$([A-Za-z_][A-Za-z0-9_]*)")


def bind_params(statement: str, params: dict) -> str:
    """The statement with each ``$param`` outside string literals replaced by its value's literal."""
    def sub(m: re.Match) -> str:
        name = m.group(1)
        if name is None:
            return m.group(0)
        return cypher_literal(params[name])

    return _LITERAL_OR_PARAM.sub(sub, statement)


def editor_text(query_name: str, params: dict | None = None) -> str:
    """What a Browser link puts in the editor: one statement, the canned query with its values.

    Browser shows a graph only for a single statement (a ``:param`` line before the query
    makes a script frame without the graph), so the link carries the values in place of the
    ``$parameters``, and a first comment line names the query file and the values.
    """
    text = cypher.load(f"queries/{query_name}")
    # an optional parameter left out is null; a required one left out is a usage error
    params = cypher.query_arguments(query_name, dict(params or {}))
    needed = cypher.statement_params(text)
    body = "\n".join(ln for ln in text.strip().splitlines() if not ln.lstrip().startswith("//"))
    values = ", ".join(f"${k} = {cypher_literal(params[k])}" for k in sorted(needed))
    head = f"// kgload: cypher/queries/{query_name}.cypher" + (f" with {values}" if values else "")
    return head + "\n" + bind_params(body, params)


def browser_link(query_name: str, params: dict | None = None, browser_url: str | None = None) -> str:
    """A Neo4j Browser address that opens with the canned query and its parameters in the editor."""
    base = browser_url or DEFAULT_BROWSER_URL
    if not base.endswith("/"):
        base += "/"
    lines = editor_text(query_name, params).splitlines()
    for line in lines:
        if _URL_BREAKERS.search(line):
            raise UsageError(
                f"query {query_name!r} has a line with '&' or '#', which a Browser link cannot carry: {line!r}"
            )
    args = "&".join("arg=" + quote(line, safe="") for line in lines)
    return f"{base}?cmd=edit&{args}"


def local_browser_url() -> str:
    """The Browser address of the local server (``KGLOAD_HTTP_PORT``, default 7474)."""
    from .neo4j_local import local_server

    return local_server().browser_url
