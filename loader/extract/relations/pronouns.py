"""Pronouns -> the entities they stand for: "he", "it", "they" (the speaker of the reported
speech that holds them, else the one compatible actor before them in the sentence or the last),
"they" after a coordinated subject, and "I" / "we" (the speaker of a quotation, else the
document's author, ``authors.py``). The resolver (``arguments.py``) guards against a pronoun met
again while its own antecedent is being looked for."""

from __future__ import annotations

from typing import Protocol

from spacy.tokens import Token

from ..words import words
from .authors import FIRST_PERSON_PLURAL, FIRST_PERSON_SINGULAR, Author, first_person
from .context import Arg, Context, own_subject


class Resolver(Protocol):
    """What this module asks of the argument resolver (``arguments.Resolver``)."""

    ctx: Context
    excluded: frozenset[str]  # ids no pronoun may stand for just now

    @property
    def author(self) -> Author | None: ...

    def actors(self, token: Token, *, from_modifier: bool = False, group_ok: bool = True,
               depth: int = 0) -> list[Arg]: ...

    def actor(self, item: Token, from_modifier: bool, group_ok: bool, depth: int) -> list[Arg]: ...

PRONOUNS_PERSON = {"he", "she", "him", "her", "his", "hers"}
PRONOUNS_THING = {"it", "its"}
PRONOUNS_PLURAL = {"they", "them", "their", "we", "our", "us"}


def pronoun_refs(res: Resolver, pron: Token) -> list[dict]:
    """He/she/it/they -> the speaker whose reported speech holds the pronoun, else the one
    compatible actor before it in this sentence or the last."""
    from .status import speech_head

    low = pron.lower_
    if low in FIRST_PERSON_SINGULAR | FIRST_PERSON_PLURAL:
        return _first_person(res, pron, low)
    if low in PRONOUNS_PERSON:
        want: tuple[str, ...] = ("Person",)
    elif low in PRONOUNS_THING:
        want = ("Country", "Organization")
    elif low in PRONOUNS_PLURAL:
        want = ("Country", "Organization", "Person")
    else:
        return []
    anchor = pron.head
    while anchor.pos_ not in ("VERB", "AUX") and anchor.head.i != anchor.i:
        anchor = anchor.head  # "his government has recognized": start from the verb
    found = speech_head(anchor)
    if found is not None:
        subj = own_subject(found[0])
        if subj is not None and subj.i != pron.i and subj.pos_ != "PRON":
            args = [a for a in res.actors(subj) if a.ref["id"] not in res.excluded]
            if low in PRONOUNS_PLURAL:
                if len(args) > 1 or (args and args[0].ref["type"] != "Person"):
                    return [a.ref for a in args]
            elif args:
                # "Chad's defense minister said he ...": an unnamed official is his country
                ok = want + (("Country",) if low in PRONOUNS_PERSON and subj.lemma_.lower()
                             in words("actor_heads") else ())
                refs = [a.ref for a in args if a.ref["type"] in ok]
                if len(refs) == 1:
                    return refs
    if low in PRONOUNS_PLURAL:
        return _plural_antecedent(res, pron)
    doc = res.ctx.doc
    sent = pron.sent
    windows = [sent.start]
    if sent.start > 0:
        windows.append(doc[sent.start - 1].sent.start)
    for start in windows:  # this sentence first, then from the last one on
        candidates: dict[str, dict] = {}
        for m in res.ctx.mentions:
            if start <= m.start < pron.i:
                for a in res.actor(doc[m.end - 1], False, False, 0):
                    if a.ref["type"] in want and a.ref["id"] not in res.excluded:
                        candidates[a.ref["id"]] = a.ref
        if len(candidates) == 1:
            return list(candidates.values())
        if candidates:
            return []
    return []


def _first_person(res: Resolver, pron: Token, low: str) -> list[dict]:
    """"I" / "we": the speaker of the reported or quoted speech that holds it ("the minister
    said we had sent troops"), else, outside quotation marks, the document's author."""
    from .status import speech_head

    anchor = pron.head
    while anchor.pos_ not in ("VERB", "AUX") and anchor.head.i != anchor.i:
        anchor = anchor.head
    found = speech_head(anchor)
    if found is not None:
        subj = own_subject(found[0])
        if subj is not None and subj.pos_ != "PRON":
            refs = [a.ref for a in res.actors(subj)]
            if low in FIRST_PERSON_PLURAL:
                refs = [res.ctx.country_of(r) or r for r in refs]
            return refs[:1]
        return []
    paragraph = res.ctx.doc.text.rfind("\n", 0, pron.idx) + 1
    quotes = sum(res.ctx.doc.text.count(q, paragraph, pron.idx) for q in ('"', "\u201c", "\u201d"))
    if quotes % 2:
        return []  # inside a quotation whose speaker the sentence does not name
    return first_person(res.author, low)


def _plural_antecedent(res: Resolver, pron: Token) -> list[dict]:
    """"Slovenia, Malta and Belgium announced they were ..." -> the coordinated subject of
    the governing clause."""
    node = pron
    for _ in range(6):
        head = node.head
        if head.i == node.i:
            break
        subj = own_subject(head)
        if subj is not None and subj.i != pron.i and subj.i < pron.i and subj.pos_ != "PRON" and \
                not subj.left_edge.i <= pron.i <= subj.right_edge.i:  # never the pronoun's own phrase
            args = [a for a in res.actors(subj) if a.ref["id"] not in res.excluded]
            if len(args) > 1:
                return [a.ref for a in args]
        node = head
    return []
