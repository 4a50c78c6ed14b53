"""Prepare an article's text for spaCy without moving a single character.

The text spaCy sees has exactly the length of the original, so every offset found in it is an
offset into the original document:

- page debris (bylines, "Font Size", "(Photo: ...)", "(Screen capture: ...)", share buttons)
  is blanked with spaces, so that no entity or relation comes from it;
- a title-case headline that carries a relation trigger ("Russia Accuses US of Attempted Coup")
  is put in sentence case, keeping the capitals of names, so that the parser reads "accuses"
  as a verb.
"""

from __future__ import annotations

import re

from .gazetteer import gazetteer

_CREDIT = re.compile(
    r"\(\s*(?:photo|photograph|image|picture|pictured|screen ?capture|screen ?shot|screenshot|"
    r"video|credit|file photo|source|illustration|graphic|getty|ap photo|reuters|afp)\b[^()\n]{0,160}\)",
    re.I,
)
_DEBRIS_LINE = re.compile(
    r"(?im)^[ \t]*(?:font size|text size|share( this( article)?)?|print|email|advertisement|"
    r"read more|related( articles?| stories)?:?|subscribe|follow us|click here[^\n]{0,80}|"
    r"comments?|listen to this article|sign up[^\n]{0,80}|\d+ min read|"
    r"for immediate release[^\n]{0,60}|embargoed[^\n]{0,80})[ \t]*$"
)
# "Patrick Goodenough | March 26, 2019 | 5:08pm EDT", "By Jane Doe, Reuters", "Updated 5:08 PM"
_BYLINE = re.compile(
    r"(?im)^[ \t]*(?:by\s+[^\n]{2,80}|[^\n|]{2,60}(?:\|[^\n|]{1,60}){1,4}|"
    r"(?:updated|published|posted)[: ][^\n]{0,60})[ \t]*$"
)
_DATE_OR_TIME = re.compile(
    r"\b(?:\d{1,2}:\d{2}|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d{1,2}|\d{4})\b",
    re.I,
)
# "By Jane Doe", "By Jane Doe and John Roe, Reuters": names only, no sentence
_BY_NAMES = re.compile(
    r"^[ \t]*(?i:by)\s+[A-Z][\w.'\u2019-]*(?:\s+[A-Z][\w.'\u2019-]*){0,3}"
    r"(?:\s*(?:,|and|&)\s*[A-Z][\w.'\u2019-]*(?:\s+[A-Z][\w.'\u2019-]*){0,3})*[ \t]*$"
)
# a dateline remnant at a paragraph start: "( – ", "(CNSNews.com) – "
_DATELINE = re.compile(r"(?m)^\((?:[^()\n]{0,40}\))?\s*[\u2013\u2014-]\s")

_WORD = re.compile(r"[A-Za-z\u00C0-\u024F][\w\u00C0-\u024F'\u2019.-]*")
_SMALL = {
    "a", "an", "the", "and", "or", "but", "of", "to", "in", "on", "at", "for", "by", "with",
    "from", "over", "as", "vs", "is", "are", "its", "his", "her", "their", "into", "after",
}
_MID_CAPITAL = re.compile(r"(?<=[a-z,;] )([A-Z][\w\u00C0-\u024F'\u2019-]*)")


def _blank(chars: list[str], start: int, end: int) -> None:
    for i in range(start, end):
        if chars[i] not in "\n":
            chars[i] = " "


def _is_title_case(words: list[str]) -> bool:
    content = [w for w in words if w.lower() not in _SMALL]
    if len(content) < 3 or len(words) > 30:
        return False
    capitalised = sum(1 for w in content if w[0].isupper())
    return capitalised / len(content) >= 0.8


def _trigger_prefixes(triggers: frozenset[str]) -> tuple[str, ...]:
    # "accuse" -> "accus" matches Accuses/Accused/Accusing; "send" matches Sends
    return tuple(t[:-1] if t.endswith("e") and len(t) > 4 else t for t in triggers)


def prepare_text(text: str, triggers: frozenset[str] = frozenset()) -> str:
    chars = list(text)
    for match in _CREDIT.finditer(text):
        _blank(chars, match.start(), match.end())
    for match in _DEBRIS_LINE.finditer(text):
        _blank(chars, match.start(), match.end())
    for match in _BYLINE.finditer(text):
        line = match.group(0)
        if "|" in line and _DATE_OR_TIME.search(line) or _BY_NAMES.match(line) or line.strip().lower().startswith(
            ("updated", "published", "posted")
        ) and len(line.split()) <= 8 and _DATE_OR_TIME.search(line):
            _blank(chars, match.start(), match.end())
    for match in _DATELINE.finditer(text):
        _blank(chars, match.start(), match.end())
    if triggers:
        _sentence_case_headlines(text, chars, _trigger_prefixes(triggers))
    prepared = "".join(chars)
    assert len(prepared) == len(text)
    return prepared


def _sentence_case_headlines(text: str, chars: list[str], prefixes: tuple[str, ...]) -> None:
    gaz = gazetteer()
    headlines: list[list[tuple[int, str]]] = []
    body: list[str] = []
    offset = 0
    for line in text.split("\n"):
        start = offset
        offset += len(line) + 1
        stripped = line.strip()
        words = [(m.start() + start, m.group(0)) for m in _WORD.finditer(line)]
        if (
            stripped
            and not stripped.endswith((".", ","))
            and _is_title_case([w for _, w in words])
            and any(w.lower().startswith(prefixes) for _, w in words[1:])
        ):
            headlines.append(words)
        else:
            body.append(line)
    if not headlines:
        return
    body_text = "\n".join(body)
    body_names = {m.group(1) for m in _MID_CAPITAL.finditer(body_text)}
    for words in headlines:
        keep = _names_in(words, gaz)
        for index, (pos, word) in enumerate(words):
            if index == 0 or index in keep or not word[0].isupper():
                continue
            if word.isupper() and len(word) > 1:  # US, NATO
                continue
            bare = re.sub(r"['\u2019]s$", "", word)
            if bare in body_names and not word.lower().startswith(prefixes):
                continue
            lowered = word.lower()
            if len(lowered) != len(word):
                continue
            chars[pos:pos + len(word)] = list(lowered)


def _names_in(words: list[tuple[int, str]], gaz) -> set[int]:
    """Indexes of words that belong to a gazetteer name or demonym (n-grams up to 4)."""
    keep: set[int] = set()
    plain = [w for _, w in words]
    for n in (4, 3, 2, 1):
        for i in range(len(plain) - n + 1):
            phrase = " ".join(plain[i:i + n])
            if gaz.lookup(phrase) or gaz.demonym(phrase):
                keep.update(range(i, i + n))
    return keep
