"""Group nouns and the entities they stand for: the members a phrase lists ("states including A
and B", "a bloc led by A", "neighbors Hungary, Bulgaria and Croatia"), the two parties of "both
sides" / "each country", and "among them A and B" anywhere in the sentence. Used by the argument
resolver (``arguments.py``) for any relation."""

from __future__ import annotations

from typing import Protocol

from spacy.tokens import Span, Token

from ..words import words
from .context import Arg, Context, actor_ref, children, conjuncts, dedupe


class Resolver(Protocol):
    """What this module asks of the argument resolver (``arguments.Resolver``)."""

    ctx: Context

    def named(self, token: Token) -> list[Arg]: ...


def is_paired(item: Token) -> bool:
    """"both sides", "each country", "the two capitals": a phrase that stands for two parties."""
    return any(c.lower_ in ("both", "each") for c in item.children) or any(
        c.dep_ == "nummod" and c.lower_ in ("two", "2") for c in item.children)


def group_members(res: Resolver, token: Token) -> list[Arg]:
    """Named members of a group noun: "states including A and B", "a bloc led by A",
    "neighbors Hungary, Bulgaria and Croatia", "countries, such as A"."""
    members: list[Token] = []
    for c in token.children:
        if c.dep_ == "prep" and c.lower_ in words("list_intros"):
            if token.lemma_.lower() not in words("group_nouns") and token.tag_ not in ("NNS", "NNPS"):
                continue  # "recognized the council, including A and B": A and B are no council
            if c.lower_ == "as" and not any(x.lower_ == "such" for x in c.lefts) and not (
                c.i > 0 and c.doc[c.i - 1].lower_ == "such"
            ):
                continue
            members.extend(p for x in children(c, "pobj") for p in conjuncts(x))
        elif c.dep_ in ("acl", "relcl") and c.lemma_ in words("list_verbs"):
            for a in c.children:
                if a.dep_ == "agent":
                    members.extend(p for x in children(a, "pobj") for p in conjuncts(x))
                elif a.dep_ == "dobj" and c.lemma_ != "lead":
                    members.extend(conjuncts(a))
        elif c.dep_ == "appos":
            members.extend(conjuncts(c))
    if token.dep_ == "pobj" and token.head.lower_ == "among" and token.head.head.lemma_ == "be":
        # "Among the countries recognizing X are A, B and C"
        for c in children(token.head.head, "nsubj", "attr"):
            members.extend(conjuncts(c))
    if token.dep_ == "nsubj" and token.head.lemma_ in words("list_verbs") | {"be"}:
        # "Governments recognizing X include A, B and C"; "Those recognizing X are A and B"
        for c in children(token.head, "dobj", "attr"):
            members.extend(conjuncts(c))
    if not members and token.dep_ == "nsubj" and token.lemma_.lower() in words("group_nouns"):
        # "13 countries have recognized the council, including A, B and C": the list the
        # parser hung on the object belongs to the group the subject names
        for t in token.head.subtree:
            if t.dep_ == "prep" and t.lower_ in ("including", "include") and t.head.i != token.i and \
                    t.head.lemma_.lower() not in words("group_nouns"):
                listed = [p for x in children(t, "pobj") for p in conjuncts(x)]
                if listed and all((mp := res.ctx.mention(p)) is not None and mp.ent["type"] == "Country" for p in listed):
                    members.extend(listed)
    if token.lemma_.lower() in words("group_nouns"):
        # "Chile's neighbors Peru, Bolivia and Argentina": the names parsed as the head's
        # compound, or the group noun as the names' compound
        for c in children(token, "compound"):
            if res.ctx.mention(c) is not None and c.i > token.i:
                members.extend(conjuncts(c))
    out = []
    for t in members:
        m = res.ctx.mention(t)
        ref = actor_ref(m) if m is not None else None
        if ref:
            out.append(Arg(ref, t, 0.85))
    return dedupe(out)


def both_sides(res: Resolver, item: Token) -> list[Arg]:
    """"both sides", "each country", "the two capitals" -> the two parties: the pair the
    sentence names "between A and B", else the two countries (or their forces, "Thai and
    Lao troops") the sentence names, else those of one of the two sentences before."""
    if not is_paired(item) or item.lemma_.lower() not in words("side_nouns"):
        return []
    for t in item.sent:
        if t.dep_ == "prep" and t.lower_ == "between":
            pair = [a for p in children(t, "pobj") for x in conjuncts(p) for a in res.named(x)]
            if len(pair) == 2:
                return pair
    sent = item.sent
    for _ in range(3):  # this sentence, then the two before it
        pair = _two_countries(res, sent)
        if pair:
            return pair
        if sent.start == 0:
            break
        sent = item.doc[sent.start - 1].sent
    return []


def _two_countries(res: Resolver, sent: Span) -> list[Arg]:
    found: dict[str, Arg] = {}
    for t in sent:
        m = res.ctx.mention(t)
        ref = actor_ref(m) if m is not None else None
        if ref is not None and ref["type"] == "Country" and ref["id"] not in found:
            found[ref["id"]] = Arg(ref, t, 0.75)
    return list(found.values()) if len(found) == 2 else []


def among_them(res: Resolver, sent: Span) -> list[Arg]:
    """Members listed after "among them" / "among them are" anywhere in the sentence."""
    toks = list(sent)
    for k, t in enumerate(toks[:-2]):
        if t.lower_ == "among" and toks[k + 1].lower_ == "them":
            j = k + 2
            while j < len(toks) and toks[j].lower_ in ("are", "were", ":", ","):
                j += 1
            if j < len(toks) and res.ctx.mention(toks[j]) is not None:
                items = [x for x in conjuncts(toks[j]) if res.ctx.mention(x) is not None] or [toks[j]]
                return [a for x in items for a in res.named(x)]
    return []
