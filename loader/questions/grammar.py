"""The question grammar: ``loader/data/questions.jsonl`` read, and its patterns matched.

The file holds word classes, the words of time qualifiers and the question forms (its header
describes the pattern notation). This module is the one matcher: it turns a pattern into a regular
expression (words separated by white space, the classes of the file, those of the lexicon from
``loader/vocabulary.py``, and a few of its own: ``MATCHER_WORDS``) and says which form a question
is and what each of its named parts is. What a form's roles and relation mean is
``loader/questions/__init__.py``'s.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Iterator

from ..vocabulary import Words, alternation

# the matcher's own words, the only regular expressions of the grammar
MATCHER_WORDS = {
    "LETTERS": r"[a-z]+",
    "WORD": r"[\w'-]+",
    "PLAIN_WORD": r"[\w-]+",
    "NAME_WORD": r"[\w.-]+",
    "TEXT": r".+?",
}
ASKS = ("relation", "yes_or_no", "refusals", "endings", "timeline", "evidence",
        "contested_recognition", "path_between", "entity_profile")
RELATIONS = ("verb", "holding", "noun", "force")
READERS = ("name", "tail", "object", "object?", "force", "clean")


@dataclass(frozen=True)
class Reader:
    """How a role is read from a part of the question the pattern kept: ``object?(rest)``."""
    how: str  # one of READERS
    part: str  # the name the pattern kept it under


@dataclass(frozen=True)
class Form:
    ask: str  # one of ASKS
    patterns: tuple[str, ...]
    example: str
    relation: str | None = None  # one of RELATIONS
    place: bool = False  # the verb's relation type must take a place
    subject: Reader | None = None
    object: Reader | None = None


@dataclass(frozen=True)
class Grammar:
    classes: dict[str, tuple[str, ...]]
    time_words: dict[str, tuple[str, ...]]  # "as of", "any" -> the words before a date
    forms: tuple[Form, ...]


class GrammarError(ValueError):
    """A line of questions.jsonl the matcher cannot read (a mistake in the package's data)."""


def _reader(text: str | None, line: int) -> Reader | None:
    if text is None:
        return None
    m = re.fullmatch(r"(\w+\??)\((\w+)\)", text)
    if m is None or m.group(1) not in READERS:
        raise GrammarError(f"questions.jsonl line {line}: no reader {text!r} (one of {', '.join(READERS)})")
    return Reader(m.group(1), m.group(2))


def _form(obj: dict, line: int) -> Form:
    if obj.get("ask") not in ASKS or obj.get("relation", None) not in (None, *RELATIONS):
        raise GrammarError(f"questions.jsonl line {line}: unknown ask or relation in {obj}")
    return Form(obj["ask"], tuple(obj["patterns"]), obj["example"], obj.get("relation"), bool(obj.get("place")),
                _reader(obj.get("subject"), line), _reader(obj.get("object"), line))


@lru_cache(maxsize=1)
def grammar() -> Grammar:
    classes: dict[str, tuple[str, ...]] = {}
    time_words: dict[str, tuple[str, ...]] = {}
    forms: list[Form] = []
    text = resources.files("loader.data").joinpath("questions.jsonl").read_text(encoding="utf-8")
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        obj = json.loads(line)
        if "class" in obj:
            classes[obj["class"]] = tuple(obj["is"])
        elif "time" in obj:
            time_words[obj["time"]] = tuple(obj["words"])
        else:
            forms.append(_form(obj, number))
    return Grammar(classes, time_words, tuple(forms))


# ------------------------------------------------------------------ patterns -> regular expressions

_DEPTH = {"{": 1, "(": 1, "}": -1, ")": -1}


def _tokens(pattern: str) -> list[str]:
    """``pattern`` split at the spaces outside braces and parentheses."""
    out, depth, start = [], 0, 0
    for i, ch in enumerate(pattern + " "):
        depth += _DEPTH.get(ch, 0)
        if ch == " " and depth == 0:
            if pattern[start:i]:
                out.append(pattern[start:i])
            start = i + 1
    return out


def _split_top(token: str, sep: str) -> list[str]:
    """``token`` split at ``sep`` outside braces and parentheses."""
    out, depth, start = [], 0, 0
    for i, ch in enumerate(token):
        depth += _DEPTH.get(ch, 0)
        if ch == sep and depth == 0:
            out.append(token[start:i])
            start = i + 1
    return [*out, token[start:]]


class Compiler:
    """Patterns to regular expressions, with the classes of the file, of the lexicon and the
    matcher's own."""

    def __init__(self, classes: dict[str, tuple[str, ...]], lexicon_classes: dict[str, str]):
        self.classes = classes
        self.known = {**MATCHER_WORDS, **lexicon_classes}

    def sequence(self, pattern: str) -> str:
        """Words one after the other, white space between them; an optional word or a repeated
        one brings its own space."""
        out, started, look = "", False, ""
        for token in _tokens(pattern):
            if token.startswith("!"):
                look += rf"(?!{re.escape(token[1:])}\s)"
                continue
            m = re.fullmatch(r"(.+?)\*(\d+)-(\d+)", token)
            if m:
                count = f"{{{m.group(2)},{m.group(3)}}}?"
                piece = self.glued(m.group(1))
                out += rf"(?:\s+{look}{piece}){count}" if started else rf"(?:{look}{piece}\s+){count}"
            elif token.endswith("?") and len(_split_top(token, "+")) == 1:
                piece = self.glued(token[:-1])
                out += rf"(?:\s+{look}{piece})?" if started else rf"(?:{look}{piece}\s+)?"
            else:
                out += (r"\s+" if started else "") + look + self.glued(token)
                started = True
            look = ""
        return out

    def glued(self, token: str) -> str:
        """``X+Y``: X and Y with no space between; a part ending in ``?`` may be absent."""
        parts = _split_top(token, "+")
        if len(parts) == 1:
            return self.word(token)
        return "".join(f"(?:{self.word(p[:-1])})?" if p.endswith("?") else self.word(p) for p in parts)

    def word(self, token: str) -> str:
        if token.startswith("{") and token.endswith("}"):
            name, _, pattern = token[1:-1].partition(":")
            return f"(?P<{name}>{self.sequence(pattern) if pattern else MATCHER_WORDS['TEXT']})"
        if token.startswith("(") and token.endswith(")"):
            return f"(?:{self.sequence(token[1:-1])})"
        return "(?:" + "|".join(self.item(i) for i in _split_top(token, "|")) + ")"

    def item(self, item: str) -> str:
        if re.fullmatch(r"[A-Z][A-Z_]*(?:\.[A-Z_]+)?", item):
            return self.class_(item)
        if not item or any(ch in item for ch in "{}()*!?"):
            raise GrammarError(f"questions.jsonl: cannot read {item!r} in a pattern")
        return r"\s+".join(re.escape(w) for w in item.split("_"))

    def class_(self, name: str) -> str:
        if name in self.known:
            return self.known[name]
        if name not in self.classes:
            raise GrammarError(f"questions.jsonl: no class {name!r}")
        self.known[name] = "(?:" + "|".join(self.sequence(p) for p in self.classes[name]) + ")"
        return self.known[name]


def lexicon_classes(w: Words) -> dict[str, str]:
    """The classes the relation lexicon gives (VERB, BASE, PART, HOLDING, NOUN, ASSET, and
    VERB.X / PART.X for each relation type X)."""
    out = {"VERB": alternation(w.verbs), "BASE": alternation(w.bases), "PART": alternation(w.participles),
           "HOLDING": alternation(w.holding), "NOUN": alternation(w.noun_phrases), "ASSET": alternation(w.assets)}
    for relation in {v.relation for v in w.verbs.values()}:
        out[f"VERB.{relation}"] = alternation(w.forms_of(relation))
        out[f"PART.{relation}"] = alternation(w.forms_of(relation, w.participles))
    return out


Compiled = list[tuple[re.Pattern, Form]]


def compile_forms(w: Words) -> Compiled:
    """Every pattern of every form, as a regular expression matched against a whole question, in
    the order of the file."""
    compiler = Compiler(grammar().classes, lexicon_classes(w))
    return [(re.compile(compiler.sequence(p), re.IGNORECASE), form) for form in grammar().forms for p in form.patterns]


def matches(compiled: Compiled, question: str) -> Iterator[tuple[Form, dict[str, str | None]]]:
    """The forms ``question`` matches, in order, each with what its pattern kept (by name)."""
    for pattern, form in compiled:
        m = pattern.fullmatch(question)
        if m:
            yield form, m.groupdict()
