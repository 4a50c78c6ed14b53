"""Plain-English questions -> a canned query in ``cypher/queries`` and its parameters.

No network model: each question form is a regular expression over the normalised question.
``QUESTION_FORMS`` is the list shown to users when a question is not understood.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .errors import UsageError


@dataclass(frozen=True)
class QuestionForm:
    query: str  # name in cypher/queries
    pattern: re.Pattern
    example: str
    params: tuple[str, ...]  # regex group names -> query parameters, in order


def _form(query: str, example: str, regex: str) -> QuestionForm:
    pattern = re.compile(regex, re.IGNORECASE)
    return QuestionForm(query, pattern, example, tuple(pattern.groupindex))


_RECOGNIZE = r"(?:recogni[sz]e[sd]?|recogni[sz]ing|(?:has|have|had|do|does|did)\s+recogni[sz]ed?)"
_WHO = r"(?:who|which\s+(?:countries|states|governments|nations|entities|organi[sz]ations|people))"

QUESTION_FORMS: list[QuestionForm] = [
    _form(
        "who_recognizes",
        "Who recognizes Guaido?",
        rf"^{_WHO}\s+(?:(?:still|now|currently)\s+)?(?:has\s+|have\s+|had\s+|do(?:es)?\s+|did\s+)?"
        rf"(?:still\s+)?recogni[sz](?:e|es|ed|ing)\s+(?:the\s+)?(?P<name>.+?)(?:\s+as\s+.*)?$",
    ),
]


def _clean(question: str) -> str:
    q = question.strip().strip("?!. ").strip()
    q = re.sub(r"\s+", " ", q)
    return q.replace("\u2019", "'")


@dataclass(frozen=True)
class ParsedQuestion:
    query: str
    params: dict[str, str]


def parse_question(question: str) -> ParsedQuestion:
    """Map a question to a canned query; ``UsageError`` listing what is understood otherwise."""
    q = _clean(question)
    for form in QUESTION_FORMS:
        m = form.pattern.match(q)
        if m:
            return ParsedQuestion(form.query, {k: _strip_name(v) for k, v in m.groupdict().items()})
    raise UsageError(unknown_question_message(question))


def _strip_name(name: str) -> str:
    name = re.sub(r"^(?:the|president|leader)\s+", "", name.strip(), flags=re.IGNORECASE)
    name = re.sub(r"'s?$", "", name)
    return name.strip(" \"'")


def unknown_question_message(question: str) -> str:
    examples = "\n".join(f"  {f.example}" for f in QUESTION_FORMS)
    return f"I do not understand {question!r}. Questions I can answer, with any name:\n{examples}"
