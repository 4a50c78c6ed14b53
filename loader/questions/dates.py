"""Time qualifiers at the end of a question: "in March 2019", "as of 2019-03-01", "since 2020".

The words before the date are the grammar's (``loader/data/questions.jsonl``, lines ``"time"``):
"as of" ones ask what held then (``as_of``); any other qualifier is one the answer does not apply
and says so (``time_qualifier``).
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..vocabulary import alternation
from .grammar import grammar

MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september",
          "october", "november", "december"]
_MONTH = "|".join(MONTHS)
_ISO = r"\d{4}-\d{2}(?:-\d{2})?"


@lru_cache(maxsize=1)
def _as_of_pattern() -> re.Pattern:
    """"in March 2019", "as of 2019-03-01", "on March 4, 2019", "in 2019": what held then."""
    words = alternation(grammar().time_words["as of"])
    return re.compile(
        rf"\s+(?:(?:{words})\s+)(?P<date>{_ISO}|"
        rf"(?:(?P<month>{_MONTH})\s+(?:(?P<day>\d{{1,2}}),?\s+)?)?(?P<year>\d{{4}}))$",
        re.IGNORECASE,
    )


@lru_cache(maxsize=1)
def _any_pattern() -> re.Pattern:
    """Any time qualifier at the end of a question, applied or not: "since early 2020"."""
    words = alternation(grammar().time_words["any"])
    return re.compile(
        rf"\s+(?P<qualifier>(?:{words})\s+(?:(?:early|late|mid)[\s-]+)?"
        rf"(?:{_ISO}|(?:(?:{_MONTH})\s+(?:\d{{1,2}},?\s+)?)?\d{{4}})(?:\s+(?:and|to)\s+\d{{4}})?)$",
        re.IGNORECASE,
    )


def as_of(q: str) -> tuple[str, str]:
    """(the question without its date, the date as "YYYY-MM-DD", "YYYY-MM" or "YYYY" or "")."""
    m = _as_of_pattern().search(q)
    if m is None:
        return q, ""
    if m.group("year") is None:
        return q[:m.start()], m.group("date")
    date = m.group("year")
    if m.group("month"):
        date += f"-{MONTHS.index(m.group('month').lower()) + 1:02d}"
        if m.group("day"):
            date += f"-{int(m.group('day')):02d}"
    return q[:m.start()], date


def time_qualifier(q: str) -> tuple[str, str] | None:
    """(the question without it, the qualifier: "since 2020"), or None when it ends in none."""
    m = _any_pattern().search(q)
    return None if m is None else (q[:m.start()], m.group("qualifier"))
