"""The names in a question: what is part of a name and what is not.

``clean_name`` strips what comes before or after a name and is not part of it (articles, titles
as the extractor knows them, "regime", possessives); ``cut_tail`` what follows an object's name
in a question ("Guaido as president", "Washington of attempting a coup"); ``tidy`` the question
itself (quotes, spaces, the question mark).
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..extract.words import words as word_list
from ..vocabulary import alternation
from .dates import MONTHS

MONTH = rf"(?i:{'|'.join(MONTHS)})\b"

# what may follow an object's name and is not part of it: "Guaido as president", "Russia to
# withdraw"; "of|for|in|..." only before a word in lower case, a number or a month ("Washington
# of attempting a coup", but "the Republic of Example", "the Party for Freedom")
_TAIL = re.compile(
    r"(?:^|\s+)(?:(?i:as|to|by|over|about|against|because|after|before|since|during|amid|until|instead)\s|"
    rf"(?:of|for|in|on|at|with|from)\s+(?!the\s+[A-Z])(?=[a-z0-9]|{MONTH})).*$",
)


@lru_cache(maxsize=1)
def _name_prefix() -> re.Pattern:
    """Leading words that are not part of a name: articles, and titles ("interim President",
    "Foreign Minister", "Secretary of State", "Mr."): a run of the extractor's title words
    (``words.json``: ``titles``) that holds a title head (``title_heads``)."""
    titles, heads = alternation(word_list("titles")), alternation(word_list("title_heads"))
    return re.compile(rf"^(?:the\s+|(?:(?:{titles})\.?\s+)*(?:{heads})\.?(?:\s+of\s+(?:{titles}))*\s+(?!of\s))+", re.IGNORECASE)


_NAME_SUFFIX = re.compile(r"(?:'s?)?(?:\s+(?:regime|government|administration))?(?:'s?)?$", re.IGNORECASE)


def clean_name(name: str) -> str:
    """"the United States" -> "United States", "President Maduro" -> "Maduro",
    "the Maduro regime" -> "Maduro", "Russia's" -> "Russia"."""
    name = name.strip().strip("\"'“”‘’ ")
    name = _name_prefix().sub("", name)
    name = _NAME_SUFFIX.sub("", name)
    return name.strip().strip("\"'“”‘’ ,")


def cut_tail(text: str) -> str:
    """``text`` without what follows the name at its start: "Russia for the coup" -> "Russia"."""
    return _TAIL.sub("", text)


def tidy(question: str) -> str:
    """Typographic quotes made plain, white space one space, no "?", "!" or "." at the ends."""
    q = question.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"')
    q = re.sub(r"\s+", " ", q).strip()
    return q.strip("?!. ").strip()
