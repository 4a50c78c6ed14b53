"""Neo4j Browser helpers: the shipped style (``cypher/browser/style.grass``) and Browser links.

The style reaches Browser without any file server: Browser's ``:style`` command accepts the
style inline (as JSON or grass text), and ``browser.post_connect_cmd`` runs Browser commands
right after it connects. ``server_config()`` gives the neo4j.conf lines that make the local
server (``kgload neo4j start``) apply the style on every connect; ``docker-compose.yml`` carries
the same command, written there from ``style.grass`` by ``make browser-style``
(``compose_with_style``). On any other server, drag ``style.grass`` onto the Browser window, or paste
``style_command()``'s output into the editor.

The canned queries are one click away as Browser links: ``browser_link(query, params)`` opens
Browser with the query in the editor, its values in place as escaped Cypher literals
(``loader.cypher_literals``: one line each, never a line break of their own), ready to run (one
click on Run). The grass text is read by ``loader.grass``.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path
from urllib.parse import quote

from . import cypher
from .cypher_literals import bind_params, cypher_literal
from .errors import UsageError
from .grass import parse_grass

STYLE_FILE = "browser/style.grass"
DEFAULT_BROWSER_URL = "http://localhost:7474/browser/"

# Browser reads ?cmd=edit&arg=... after decoding the whole address and cuts every argument at
# the first '&' or '#'; one `arg` per editor line keeps lines intact.
_URL_BREAKERS = re.compile(r"[&#]")


def style_path() -> Path:
    return cypher.cypher_dir() / STYLE_FILE


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


COMPOSE_KEY = "NEO4J_browser_post__connect__cmd"
_COMPOSE_LINE = re.compile(rf"^(\s*{COMPOSE_KEY}: ).*$", re.MULTILINE)


def compose_with_style(compose: str) -> str:
    """``docker-compose.yml``'s text with its Browser style line made from ``style.grass`` (the
    same command ``server_config()`` gives the local server)."""
    command = server_config()[0].split("=", 1)[1]
    if "'" in command:
        raise ValueError("the style must fit in a single-quoted YAML string")
    new, count = _COMPOSE_LINE.subn(lambda m: f"{m.group(1)}'{command}'", compose)
    if count != 1:
        raise ValueError(f"docker-compose.yml must have exactly one {COMPOSE_KEY} line, not {count}")
    return new


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


if __name__ == "__main__":  # `make browser-style`: docker-compose.yml's style line, from style.grass
    import sys

    compose_path = Path(sys.argv[1])
    compose_path.write_text(compose_with_style(compose_path.read_text(encoding="utf-8")), encoding="utf-8")
