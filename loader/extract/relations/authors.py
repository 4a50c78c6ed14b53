"""Who says "I" and "we" in a document: its author, when the document says who speaks.

Where the text says it, in order:

- a heading line "Statement by ..." / "Remarks of ..." / "Letter from ..." (title words in
  ``loader/data/authors.jsonl``): the person, body or country it names;
- a signature: one of the last lines is a person's name alone (after "Sincerely," or with a
  title after a comma, "Jane Roe, Minister of Defence");
- a heading that is a state body alone ("Ministry of Foreign Affairs of Examplestan") or a
  dateline that starts with one;
- a salutation whose genre names the country (``cue`` lines: "Dear Mr. Speaker:" opens a letter
  of the U.S. President to Congress).

A person author's country is the one the document ties them to (``Context.country_of``) or the
cue's. "I" is the person (or, unnamed, the country); "we" is the body or country.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from ...names import slug
from ..gazetteer import gazetteer
from .context import Context, Mention, actor_ref
from .phrases import _state_body

FIRST_PERSON_SINGULAR = {"i", "me", "my", "mine", "myself"}
FIRST_PERSON_PLURAL = {"we", "us", "our", "ours", "ourselves"}


@dataclass(frozen=True)
class AuthorCues:
    cues: tuple[tuple[str, str], ...]  # (salutation or heading, lower case; country name)
    title_words: frozenset[str]
    closing_words: frozenset[str]


@dataclass(frozen=True)
class Author:
    person: dict | None  # an entity reference
    body: dict | None  # the organisation or country that speaks as "we"


@lru_cache(maxsize=1)
def author_cues() -> AuthorCues:
    text = resources.files("loader.data").joinpath("authors.jsonl").read_text(encoding="utf-8")
    cues: list[tuple[str, str]] = []
    titles: set[str] = set()
    closings: set[str] = set()
    for line in text.splitlines():
        if not line.strip():
            continue
        obj = json.loads(line)
        if "cue" in obj:
            cues.append((obj["cue"].lower(), obj["country"]))
        titles.update(obj.get("title_words", ()))
        closings.update(obj.get("closing_words", ()))
    return AuthorCues(tuple(cues), frozenset(titles), frozenset(closings))


def _country_ref(name: str) -> dict | None:
    entry = gazetteer().country(name)
    return {"id": slug(entry.name), "name": entry.name, "type": "Country"} if entry else None


def _lines(text: str) -> list[tuple[int, int, str]]:
    out = []
    pos = 0
    for raw in text.split("\n"):
        stripped = raw.strip()
        if stripped:
            start = pos + raw.index(stripped)
            out.append((start, start + len(stripped), stripped))
        pos += len(raw) + 1
    return out


def _refs_in(ctx: Context, start: int, end: int) -> list[tuple[Mention, dict]]:
    """(mention, actor reference) of the mentions inside a character range, in order."""
    out = []
    seen = set()
    for m in ctx.mentions:
        span = ctx.doc[m.start:m.end]
        if start <= span.start_char and span.end_char <= end and id(m) not in seen:
            seen.add(id(m))
            ref = actor_ref(m)
            if ref is not None:
                out.append((m, ref))
    return out


def document_author(ctx: Context) -> Author | None:
    cues = author_cues()
    lines = _lines(ctx.doc.text)
    if not lines:
        return None
    person: dict | None = None
    body: dict | None = None
    cue_country: dict | None = None
    titled = False  # a heading line named the genre; it or the next line names the author
    for start, end, line in lines[:4]:
        low = line.lower()
        first_word = low.split(" by ")[0].split(" from ")[0].split(" of ")[0].strip(" :")
        heading = first_word in cues.title_words or any(low.startswith(t + " ") for t in cues.title_words)
        if heading or (titled and len(line.split()) <= 12):  # the line under a heading: a name, not a paragraph
            # "Statement by X", "Letter from X", "Remarks of X"; "Letter to X" names the addressee
            cut = min((low.find(w) + len(w) for w in (" by ", " from ") if w in low), default=-1)
            if heading and cut < 0 and " to " in low:
                titled = False
                continue
            refs = _refs_in(ctx, start + max(cut, 0), end)
            for m, ref in refs:
                if ref["type"] == "Person" and person is None:
                    person = ref
                elif ref["type"] in ("Organization", "Country") and body is None:
                    body = _body(ctx, m, ref, refs)
            titled = heading and not refs
        else:
            titled = False
        for cue, country in cues.cues:
            if low.startswith(cue):
                cue_country = _country_ref(country)
        refs = _refs_in(ctx, start, end)
        if body is None and len(refs) == 1 and refs[0][0].actor:
            seat = ctx.doc[refs[0][0].start:refs[0][0].end]  # "The White House" heading the text
            if seat.end_char - start >= len(line) - 1:
                body = refs[0][1]
        if body is None and len(refs) == 1 and refs[0][1]["type"] == "Organization":
            m, ref = refs[0]
            span = ctx.doc[m.start:m.end]
            if span.start_char == start and (span.end_char == end or line[span.end_char - start:].lstrip()[:1] in ("", ",", "\u2014", "-", "(")):
                state = _state_body(m, ctx.doc)
                if state is not None:
                    body = _body(ctx, m, ref, refs)
    for start, _end, line in lines[-3:]:
        words = line.replace(",", " ").split()
        if words and words[0].lower() in cues.closing_words:
            continue
        name_part = line.split(",")[0]
        refs = _refs_in(ctx, start, start + len(name_part))
        if len(refs) == 1 and refs[0][1]["type"] == "Person" and person is None:
            span = ctx.doc[refs[0][0].start:refs[0][0].end]
            if span.start_char == start and span.end_char - start >= len(name_part.rstrip()) - 1:
                person = refs[0][1]
    if person is not None and body is None:
        body = ctx.country_of(person) or _country_on_line(ctx, person, lines) or cue_country
    if body is None:
        body = cue_country
    if person is None and body is None:
        return None
    return Author(person, body)


def _country_on_line(ctx: Context, person: dict, lines: list[tuple[int, int, str]]) -> dict | None:
    """"Jane Roe, Foreign Minister of Examplestan": the one country on the person's line, or
    on the line under it (a signature's title)."""
    for k, (start, end, _line) in enumerate(lines):
        refs = _refs_in(ctx, start, end)
        if any(r["id"] == person["id"] for _, r in refs):
            below = _refs_in(ctx, lines[k + 1][0], lines[k + 1][1]) if k + 1 < len(lines) else []
            for found in (refs, below):
                countries = {r["id"]: r for _, r in found if r["type"] == "Country"}
                if len(countries) == 1:
                    return next(iter(countries.values()))
    return None


def _body(ctx: Context, m: Mention, ref: dict, line_refs: list[tuple[Mention, dict]]) -> dict:
    """A state body speaks for its country ("the Ministry of Foreign Affairs of X" -> X, also
    when X is a mention of its own on the line)."""
    state = _state_body(m, ctx.doc)
    if state is not None and state.get("id"):
        return state
    if ref["type"] == "Country":
        return ref
    countries = [r for _, r in line_refs if r["type"] == "Country"]
    if state is not None and len(countries) == 1:
        return countries[0]
    return ref


def first_person(author: Author | None, low: str) -> list[dict]:
    """The entity "I" / "we" stands for in the document's own voice."""
    if author is None:
        return []
    if low in FIRST_PERSON_SINGULAR:
        return [author.person] if author.person is not None else ([author.body] if author.body else [])
    if low in FIRST_PERSON_PLURAL:
        return [author.body] if author.body is not None else []
    return []
