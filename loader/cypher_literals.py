"""Values written as Cypher literals, on one line: what a Browser link puts in place of a query's
``$parameters`` (``loader.browser``), since Browser draws a graph only for a single statement."""

from __future__ import annotations

import json
import re
import unicodedata

from .errors import UsageError

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
