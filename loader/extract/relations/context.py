"""What every rule needs to know about a document: its mentions by token, who each person
speaks for, and small helpers over the dependency parse.

A ``Mention`` is a typed record of one name in the text, read from the plain dict that
``entities.py`` leaves on the Doc (plain data, so that it crosses ``nlp.pipe(n_process=...)``).
An ``Arg`` is one resolved argument: the entity reference, the token it came from and how sure
the rule is. Entity references are the records' ``{"id", "name", "type"}`` maps.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterable, Mapping

from spacy.tokens import Doc, Token

from ..words import words

ACTOR_TYPES = ("Country", "Organization", "Person")


@dataclass(frozen=True, slots=True)
class Mention:
    """A name in the text: tokens ``start``..``end``, characters ``start_char``..``end_char``;
    ``ent`` the entity the words name; ``actor`` the entity they stand for when it acts (a
    capital for its country); ``demonym`` for "Chilean"; ``source`` the NER label or "gaz"."""

    start: int
    end: int
    start_char: int
    end_char: int
    ent: dict
    actor: dict | None = None
    demonym: bool = False
    source: str | None = None

    @classmethod
    def from_doc(cls, data: Mapping[str, Any]) -> "Mention":
        """The record of one mention dict of ``doc._.kg_mentions`` (``entities.py``)."""
        return cls(data["s"], data["e"], data.get("cs", 0), data.get("ce", 0), data["ent"],
                   data.get("actor"), bool(data.get("dem")), data.get("src"))


class Arg:
    __slots__ = ("ref", "token", "confidence")

    def __init__(self, ref: dict, token: Token, confidence: float = 1.0):
        self.ref = ref
        self.token = token
        self.confidence = confidence

    def __repr__(self) -> str:  # pragma: no cover - debugging aid
        return f"Arg({self.ref['name']!r}, {self.token.text!r}, {self.confidence})"


def dedupe(args: Iterable[Arg]) -> list[Arg]:
    seen: set[str] = set()
    out = []
    for a in args:
        if a.ref["id"] not in seen:
            seen.add(a.ref["id"])
            out.append(a)
    return out


def actor_ref(m: Mention) -> dict | None:
    """The entity acting through a mention: a capital acts for its country."""
    ref = m.actor or m.ent
    return ref if ref["type"] in ACTOR_TYPES else None


def place_ref(m: Mention) -> dict | None:
    ref = m.ent
    return ref if ref["type"] in ("Place", "Country") else None


class Context:
    """Per-document lookups shared by the rules."""

    def __init__(self, doc: Doc, mentions: Iterable[Mapping[str, Any] | Mention]):
        self.doc = doc
        self.mentions = [m if isinstance(m, Mention) else Mention.from_doc(m) for m in mentions]
        mentions = self.mentions
        self.by_token: dict[int, Mention] = {}
        for m in mentions:
            for i in range(m.start, m.end):
                self.by_token[i] = m
        self.affiliation = _affiliations(doc, mentions, self.by_token)

    def mention(self, token: Token) -> Mention | None:
        return self.by_token.get(token.i)

    def country_of(self, ref: dict) -> dict | None:
        """The country an entity speaks for: itself for a country, a person's country when the
        document names it ("Venezuelan President Hugo Chavez", "Rwanda's ambassador, X")."""
        if ref["type"] == "Country":
            return ref
        return self.affiliation.get(ref["id"])


def _affiliations(doc: Doc, mentions: list[Mention], by_token: dict[int, Mention]) -> dict[str, dict]:
    """Person id -> the country named in front of the person's title, first one in the document.

    "Venezuelan President Hugo Chavez", "Russia's U.N. Ambassador Vitaly Churkin": walking left
    from the name over title words reaches a country or demonym. "Rwanda's Deputy Ambassador to
    the United Nations, Olivier Nduhungierehe": the name is an apposition of a title noun whose
    possessor is the country."""
    titles = words("titles") | words("actor_heads")
    out: dict[str, dict] = {}
    for m in mentions:
        ref = m.ent
        if ref["type"] not in ("Person", "Organization") or ref["id"] in out:
            continue
        country = None
        i = m.start - 1
        steps = 0
        while i >= 0 and steps < 6:
            tok = doc[i]
            other = by_token.get(i)
            if other is not None and other is not m:
                c = other.actor or other.ent
                if c["type"] == "Country":
                    country = c
                break
            if tok.lower_.rstrip(".") in titles or tok.lower_ in ("'s", "\u2019s", "u.n.", "un", "-") or (
                tok.is_title and tok.pos_ == "PROPN"
            ):
                i -= 1
                steps += 1
                continue
            break
        if country is None:
            root = doc[m.end - 1]
            while root.dep_ == "compound" and root.head.i != root.i:
                root = root.head
            if root.dep_ == "appos" and root.head.lemma_.lower() in titles:
                for child in root.head.children:
                    other = by_token.get(child.i)
                    if other is not None and child.dep_ in ("poss", "amod", "compound", "nmod"):
                        cref = other.actor or other.ent
                        if cref["type"] == "Country":
                            country = cref
                            break
        if country is not None:
            out[ref["id"]] = country
    return out


# -- parse helpers ------------------------------------------------------------------------

def conjuncts(token: Token) -> list[Token]:
    """``token`` and the tokens coordinated with it, in text order. A proper name in apposition
    to a proper name is a list member too: the parser often reads "Austria, Czech Republic,
    Denmark, ..." as an apposition followed by conjuncts."""
    items = [token]
    stack = [token]
    while stack:
        t = stack.pop()
        for c in t.children:
            if c.dep_ == "conj" or (c.dep_ == "appos" and c.pos_ == "PROPN" and t.pos_ == "PROPN"):
                if _misparsed_subject(c):
                    continue
                items.append(c)
                stack.append(c)
    return sorted(items, key=lambda t: t.i)


def _misparsed_subject(conj: Token) -> bool:
    """"Although Russia recognized A and B, the United States and all other nations have
    upheld ...": the parser attaches the next clause's subject as a conjunct. A conjunct right
    before an auxiliary or the main verb is that subject, not a member of the list."""
    doc = conj.doc
    nxt = conj.right_edge.i + 1
    if nxt >= len(doc):
        return False
    after = doc[nxt]
    if conj.left_edge.i == 0 or doc[conj.left_edge.i - 1].text not in (",", ";"):
        return False
    if not (after.pos_ in ("AUX", "VERB") and after.dep_ in ("aux", "auxpass", "ROOT")):
        return False
    verb = after if after.dep_ == "ROOT" else after.head
    return not any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.children)


def coordination_root(token: Token) -> Token:
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    return token


def prep_objects(token: Token, preps: Iterable[str]) -> list[Token]:
    """Objects of ``token``'s prepositions in ``preps`` (each with its conjuncts)."""
    preps = set(preps)
    out: list[Token] = []
    for c in token.children:
        if c.dep_ in ("prep", "agent", "dative") and c.lower_ in preps:
            for p in c.children:
                if p.dep_ == "pobj":
                    out.extend(conjuncts(p))
    return out


def verb_object(verb: Token) -> tuple[Token | None, Token | None]:
    """(the direct object, the conjunct verb it hangs on when the verb shares it): "sent or
    extended 300 troops to X" gives "troops" for "sent" too."""
    dobj = next(iter(children(verb, "dobj")), None)
    if dobj is None:
        for c in children(verb, "conj"):
            if c.pos_ == "VERB" and own_subject(c) is None and children(c, "dobj"):
                return children(c, "dobj")[0], c
    return dobj, None


def companions(token: Token) -> list[Token]:
    """The names joined to an actor by "along with" / "together with" ("Chile, along with Peru and
    Bolivia, accused ..."), whichever of the two shapes the parser gave: "with" on the actor
    after "along", or "along" on the verb with "with" under it."""
    out: list[Token] = []
    for c in children(token, "prep"):
        withs = [c] if c.lower_ == "with" and c.i > 0 and c.doc[c.i - 1].lower_ in ("along", "together") else (
            [w for w in children(c, "prep") if w.lower_ == "with"] if c.lower_ in ("along", "together") else [])
        out += [x for w in withs for p in children(w, "pobj") for x in conjuncts(p)]
    return out


def children(token: Token, *deps: str) -> list[Token]:
    return [c for c in token.children if c.dep_ in deps]


def own_subject(verb: Token) -> Token | None:
    for c in verb.children:
        if c.dep_ in ("nsubj", "expl"):
            if c.dep_ == "expl":  # "there are troops in X": the troops are the subject
                return next((a for a in verb.children if a.dep_ == "attr"), None)
            return c
    return _misread_subject(verb)


def _misread_subject(verb: Token) -> Token | None:
    """A proper name opening the clause that the parser hung on its verb as an adverb ("Nauru
    recognized Beijing": Nauru an advmod) when the verb has no subject of its own: the subject."""
    if verb.pos_ not in ("VERB", "AUX") or any(c.dep_ in ("nsubjpass", "csubj", "csubjpass") for c in verb.children):
        return None
    for c in verb.lefts:
        if c.dep_ in ("advmod", "npadvmod") and c.pos_ == "PROPN" and c.left_edge.i == verb.left_edge.i:
            return c
    return None


def clause_subject(verb: Token) -> Token | None:
    """The subject token of ``verb``'s clause, also when it is shared with a governing verb:
    "forces continue to occupy X", "troops crossed and entered X"."""
    for _ in range(4):
        subj = own_subject(verb)
        if subj is not None or verb.dep_ not in ("xcomp", "conj") or verb.head.i == verb.i:
            return subj
        verb = verb.head
    return None


def is_passive(verb: Token) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)


def span_text(tokens: list[Token]) -> str:
    if not tokens:
        return ""
    doc = tokens[0].doc
    start = min(t.i for t in tokens)
    end = max(t.i for t in tokens) + 1
    return doc[start:end].text.strip(" ,;:\u2013\u2014-")


def decision_of(verb: Token) -> Token | None:
    """The decision noun an infinitive spells out: "the decision to recognize X" (acl), also
    when the parser hung the infinitive on the verb whose object or complement the decision
    is ("welcomed the decision by A to recognize X", "what it called A's decision today to
    recognize X")."""
    decisions = words("decision_nouns")
    if verb.dep_ == "acl" and verb.head.lemma_.lower() in decisions:
        return verb.head
    if verb.dep_ in ("advcl", "xcomp") and verb.head.i != verb.i:
        for noun in children(verb.head, "dobj", "oprd", "attr"):
            if noun.lemma_.lower() in decisions and noun.i < verb.i:
                return noun
    return None
