"""Name normalisation: one normaliser (``name_words``) and the keys kgload compares names by.

``name_words`` takes accents off, lower-cases and cuts a name into words of letters and digits. The
keys are its named variants:

- ``slug``: an entity's id, ASCII words joined by hyphens ("Côte d'Ivoire" -> "cote-divoire");
  ids are stored in the graph, so this never changes;
- ``lookup_key``: the gazetteer's and the extractor's key for surface forms, without a leading
  "the", a possessive or dots ("the U.S.'s" -> "us");
- ``alias_key``: the key of ``Alias`` nodes, which the canned queries compute in Cypher from
  their parameters (``cypher/README.md``): every script's letters and digits kept, white space
  and hyphens separate words, other punctuation goes ("Juan Guaidó" -> "juan guaido").

No spaCy here: loading, the queries' twin in Python, and the extractor all use this module.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_ASCII_NON_ALNUM = re.compile(r"[^a-z0-9]+")
_LEADING_THE = re.compile(r"^(the)\s+", re.I)
_POSSESSIVE = re.compile(r"'s?$")
# the white space Cypher's [\s\-] class and Python's str.split() agree on, and the hyphen
ALIAS_SEPARATORS = " \t\n\r\x0b\x0c-"


def ascii_fold(text: str) -> str:
    """Strip accents (and fold compatibility forms): ``"Guaidó"`` -> ``"Guaido"``."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def name_words(text: str, *, compatibility: bool = True, ascii_only: bool = True, drop: str = "",
          separators: str | None = None) -> list[str]:
    """The one normaliser: ``text`` without accents, in lower case, as a list of words.

    - ``compatibility``: NFKD (also folds ligatures, superscripts, full-width forms) or NFD;
    - ``ascii_only``: words keep only ``a-z0-9`` (any other letter separates words); otherwise
      every letter and digit of any script (Unicode categories L and N);
    - ``drop``: characters removed without separating words ("O'Brien" -> "obrien");
    - ``separators``: the characters that separate words; ``None``: every character not kept
      and not dropped. Characters neither kept nor separators are removed.
    """
    if text.isascii():  # nothing to decompose (most names): the fast way
        folded = text.lower()
    else:
        folded = unicodedata.normalize("NFKD" if compatibility else "NFD", text)
        folded = "".join(c for c in folded if not unicodedata.combining(c)).lower()
    if drop:
        folded = folded.translate(_deletions(drop))
    if ascii_only and separators is None:
        return _ASCII_NON_ALNUM.sub(" ", folded).split()
    out = []
    for c in folded:
        if (c.isascii() and c.isalnum()) if ascii_only else unicodedata.category(c)[0] in "LN":
            out.append(c)
        elif separators is None or c in separators:
            out.append(" ")
    return "".join(out).split()


@lru_cache(maxsize=None)
def _deletions(chars: str) -> dict[int, None]:
    return dict.fromkeys(map(ord, chars))


def slug(name: str) -> str:
    """A stable id for a canonical name: lowercase ASCII words joined by hyphens."""
    return "-".join(name_words(name, drop="'\u2019"))


def lookup_key(text: str) -> str:
    """Key under which surface forms are compared: folded, lowercase, no dots or 's, no leading "the"."""
    text = _POSSESSIVE.sub("", text.strip().replace("\u2019", "'"))
    return " ".join(name_words(_LEADING_THE.sub("", text), drop="."))


@lru_cache(maxsize=65536)  # the same names come back in every document
def alias_key(name: str) -> str:
    """Normalised lookup key of a name: lower case, accents and punctuation removed,
    white space and hyphens folded to single spaces ("Juan Guaidó" -> "juan guaido",
    "U.S." -> "us"). The canned queries compute the same key in Cypher."""
    return " ".join(name_words(name, compatibility=False, ascii_only=False, separators=ALIAS_SEPARATORS))


# A person's surname (one rule for the extractor's surname aliases and the loader's merge of a
# surname alone into the one full name it stands for, ``short_names.py``): the last word, with
# the lower-case particles before it ("Ursula von der Leyen" -> "von der Leyen"); a suffix such as
# "Jr." is none.
NAME_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
SURNAME_PARTICLES = frozenset({"von", "van", "der", "den", "de", "del", "della", "di", "da", "dos", "du",
                               "la", "le", "bin", "ibn", "al", "el"})


def split_surname(name: str) -> tuple[list[str], list[str]]:
    """``(given names, surname words)`` of a person's name, suffixes dropped: "Juan Guaidó" ->
    (["Juan"], ["Guaidó"]); "Ursula von der Leyen" -> (["Ursula"], ["von", "der", "Leyen"]);
    a surname alone ("Putin", "al-Assad", "von der Leyen") has no given names."""
    tokens = name.split()
    while tokens and lookup_key(tokens[-1]) in NAME_SUFFIXES:
        tokens.pop()
    if not tokens:
        return [], []
    start = len(tokens) - 1
    while start > 0 and tokens[start - 1] in SURNAME_PARTICLES:
        start -= 1
    return tokens[:start], tokens[start:]


def surname_core(surname_words: list[str]) -> str:
    """The alias key of a surname without its particles, so that "Assad", "al-Assad" and "Bashar
    al-Assad" share one: "al-Assad" -> "assad"; "von der Leyen" -> "leyen"."""
    words = alias_key(" ".join(surname_words)).split()
    while len(words) > 1 and words[0] in SURNAME_PARTICLES:
        words.pop(0)
    return " ".join(words)
