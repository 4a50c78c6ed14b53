"""Neo4j Browser's style format (grass, the ``.grass`` files Browser reads and writes): parsed into
``{selector: {property: value}}``."""

from __future__ import annotations

import re


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
