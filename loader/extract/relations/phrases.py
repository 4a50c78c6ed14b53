"""Small readings of noun phrases that several rules share: does a phrase name forces, the
noun behind a quantity ("thousands of troops"), the country an office or a force of a state
names ("Iran's Foreign Ministry", "U.S. Armed Forces"), a name in quotes, the antecedent of a
relative clause."""

from __future__ import annotations

from spacy.tokens import Token

from ...names import slug
from ..words import words
from .context import Mention, coordination_root, prep_objects


def is_military(token: Token) -> bool:
    """Does the phrase headed by ``token`` name forces or military equipment?"""
    assets = words("military_assets")
    mods = words("military_modifiers")
    lemma = token.lemma_.lower()
    if lemma in assets or token.lower_ in assets or token.lower_.rstrip("s") in assets:
        return True
    for t in token.subtree:
        if t.i > token.i and t.dep_ == "prep" and t.lower_ != "of":
            break
        if t.lemma_.lower() in mods or (t.dep_ in ("compound", "amod") and t.lemma_.lower() in assets):
            return True
    return False


def quantity_head(token: Token) -> Token:
    """"a small team of Dutch personnel", "thousands of troops" -> the noun after "of"."""
    if token.lemma_.lower() in words("quantity_nouns") or token.pos_ == "NUM":
        for p in prep_objects(token, ("of",)):
            return p
    return token


def _mention_root(token: Token, m: Mention) -> Token:  # noqa: D401
    """The syntactic head of the mention that covers ``token``."""
    doc = token.doc
    span = doc[m.start:m.end]
    return span.root


def _state_body(m: Mention, doc) -> dict | None:
    """For an organisation named by an office or a force of a state ("Foreign Ministry",
    "U.S. Armed Forces", "Government of Sudan", "Brigade Combat Team"): the country it names
    (a ref), ``{}`` when it names none, ``None`` when the organisation is something else."""
    from ..gazetteer import gazetteer

    offices = words("office_words")
    forces = words("military_assets") | words("military_modifiers")
    gaz = gazetteer()
    toks = [t for t in doc[m.start:m.end] if not t.is_punct]
    country = None
    rest = []
    i = 0
    while i < len(toks):
        for n in (3, 2, 1):
            phrase = " ".join(t.text for t in toks[i:i + n])
            name = gaz.demonym(phrase)
            if not name:
                country_entry = gaz.country(phrase)
                name = country_entry.name if country_entry else None
            if len(toks[i:i + n]) == n and name:
                country = country or {"id": slug(name), "name": name, "type": "Country"}
                i += n
                break
        else:
            rest.append(toks[i])
            i += 1
    if not rest:
        return None
    if any(t.lower_ in words("insurgent_name_words") for t in toks):
        return None  # "the Revolutionary Armed Forces of Example": a rebel group, no state's force
    military = any(t.lemma_.lower() in forces or t.lower_ in forces for t in rest)
    office = all(t.lower_ in offices or t.lemma_.lower() in offices for t in rest)
    if not (military or office):
        return None
    return country or {}


def quoted_name(item: Token) -> dict | None:
    """A name in quotes that the model did not tag: the self-proclaimed "Northern and Southern
    Republics" -> a Country of that name (an Organization unless it names a state)."""
    doc = item.doc
    left, right = item.left_edge.i, item.right_edge.i
    opening = [t.i for t in doc[left:item.i] if t.is_quote]
    closing = [t.i for t in doc[item.i + 1:right + 2] if t.i < len(doc) and t.is_quote]
    if not opening or not closing:
        return None
    inner = [t for t in doc[opening[-1] + 1:closing[0]]]
    if not inner or not all(t.is_title or t.lower_ in ("and", "of", "the", "'s", "-") for t in inner):
        return None
    if not inner[-1].is_title:
        return None
    name = doc[inner[0].i:inner[-1].i + 1].text
    state = inner[-1].lemma_.lower() in words("state_words")
    return {"id": slug(name), "name": name, "type": "Country" if state else "Organization"}


def relative_antecedent(verb: Token) -> Token:
    """The noun a relative clause hangs on; "a bloc led by A and B, which ..." climbs to "bloc"."""
    antecedent = coordination_root(verb.head)
    if antecedent.dep_ == "pobj" and antecedent.head.dep_ == "agent" and antecedent.head.head.dep_ == "acl":
        antecedent = antecedent.head.head.head
    return antecedent
