"""What a sentence adds to a relation: the deployed asset, when, and the charge of an
accusation (``RelationRecord.properties``)."""

from __future__ import annotations

from spacy.tokens import Span, Token

from .context import span_text

TRIM = "\"'\u201c\u201d\u2018\u2019 )(\n\t.,"


def phrase(token: Token, stop: set[int] | None = None) -> str:
    """The noun phrase under ``token`` without relative clauses, appositions and what follows."""
    stop = stop or set()
    keep = [t for t in token.subtree if t.i not in stop]
    cut: set[int] = set()
    for c in token.children:
        if c.dep_ in ("relcl", "acl", "appos", "punct") and c.i > token.i:
            cut.update(x.i for x in c.subtree)
    keep = sorted((t for t in keep if t.i not in cut), key=lambda t: t.i)
    run: list[Token] = []
    for t in keep:  # the contiguous run around the head
        if run and t.i != run[-1].i + 1:
            if t.i > token.i:
                break
            run = []
        run.append(t)
    return span_text(run)


def charge(holders: list[Token], preps: tuple[str, ...]) -> str | None:
    """"accused X of attempting a coup" -> "attempting a coup"; "charges that X armed rebels"
    -> "X armed rebels"."""
    for h in holders:
        for c in h.children:
            if c.dep_ == "prep" and c.lower_ in preps:
                inner = [x for x in c.children if x.dep_ in ("pobj", "pcomp")]
                if inner:
                    toks = [t for x in inner for t in x.subtree]
                    return span_text(sorted(toks, key=lambda t: t.i)).strip(TRIM)
            if c.dep_ in ("ccomp", "acl") and any(m.lower_ == "that" for m in c.children if m.dep_ == "mark"):
                toks = [t for t in c.subtree if not (t.dep_ == "mark" and t.head.i == c.i)]
                return span_text(sorted(toks, key=lambda t: t.i)).strip(TRIM)
    return None


def when(sent: Span, scope: set[int]) -> str | None:
    for ent in sent.ents:
        if ent.label_ == "DATE" and ent.start in scope:
            return ent.text.strip()
    return None


def event_date(trigger: Token, sent: Span, names: dict) -> str | None:
    """The date the sentence gives the event: in the trigger's clause ("recognized X on
    Monday"), or, for a noun, in the clause of its verb ("the withdrawal ... ended in 2021")."""
    clause = trigger
    while clause.pos_ not in ("VERB", "AUX") and clause.head.i != clause.i:
        clause = clause.head
    scope = {t.i for t in clause.subtree} - {
        t.i for c in clause.children if c.dep_ in ("relcl", "ccomp") and c.i != trigger.i for t in c.subtree
    } - set(names)
    return when(sent, scope)
