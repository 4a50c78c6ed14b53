"""The argument resolver: a noun phrase of the parse -> the entities it stands for.

Every construction asks this module, so a way of naming an entity that works for one relation
works for all of them:

- named entities, with their coordinated members ("Canada and Japan");
- members listed after a group noun ("states including A and B", "Serbia's neighbors Hungary,
  Bulgaria and Croatia", "a bloc led by A");
- officials and offices without a name stand for their country ("Ethiopia's foreign ministry",
  "the Sudanese president", "the leaders of A, B and C", "U.S. and Ukrainian officials"), unless
  the phrase names the person ("the foreign minister, Jorge Arreaza,");
- forces named by nationality are their country ("Turkish troops", "Venezuela's military",
  "Chinese and Indian soldiers", "a small team of Dutch naval personnel");
- "the X government/regime" is X, "his government" is the speaker's country;
- pronouns bound in the sentence: the speaker of reported speech ("Chad's defense minister said
  he had sent ..."), else the one compatible actor before it;
- what is recognized may be wrapped: "Kosovo's independence", "the independence of A and B",
  "the breakaway regions of A and B";
- places that are not named entities: "the frontier with Sudan", "its border with Colombia",
  "the Ukrainian border" (a Place "border with X", X its broader place), "the port of Colombo",
  "a Venezuelan port" (the country), "the Kursk region".
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Token

from ...names import slug
from ..words import words
from .authors import Author, document_author
from .context import (
    Arg,
    Context,
    Mention,
    actor_ref,
    children,
    companions,
    conjuncts,
    dedupe,
    prep_objects,
)
from .groups import both_sides, group_members
from .phrases import _mention_root, _state_body, is_military, quantity_head, quoted_name
from .places import MODIFIER_DEPS, place, places
from .pronouns import pronoun_refs

RELATIVE_PRONOUNS = {"which", "who", "that", "whom"}
INDEFINITE = {"a", "an", "another", "some", "any"}


class Resolver:
    def __init__(self, ctx: Context):
        self.ctx = ctx
        self._author: tuple[Author | None] | None = None  # (the document's author,) once read
        self._resolving: set[int] = set()  # pronouns whose antecedent is being looked for
        self.memo: dict[str, dict | None] = {}  # per-document answers other modules compute once
        # ids no pronoun stands for while one is resolved (``territory_owner``: the force's own state)
        self.excluded: frozenset[str] = frozenset()

    @property
    def author(self) -> Author | None:
        """Who says "I" / "we" in the document's own voice (``authors.py``), or None."""
        if self._author is None:
            self._author = (document_author(self.ctx),)
        return self._author[0]

    # -- actors ----------------------------------------------------------------------------
    def actors(self, token: Token, *, from_modifier: bool = False, group_ok: bool = True,
               depth: int = 0) -> list[Arg]:
        """Entities acting through the noun phrase headed by ``token`` (with its conjuncts)."""
        out: list[Arg] = []
        for item in conjuncts(token):
            out.extend(self.actor(item, from_modifier, group_ok, depth))
        return dedupe(out)

    def actor(self, item: Token, from_modifier: bool, group_ok: bool, depth: int) -> list[Arg]:
        found = self._actor_itself(item, from_modifier, group_ok, depth)
        if found:
            # "Chile, along with Peru and Bolivia, accused ...": companions act too
            found = found + [a for x in companions(item) for a in self.named(x)]
        return found

    def _actor_itself(self, item: Token, from_modifier: bool, group_ok: bool, depth: int) -> list[Arg]:
        ctx = self.ctx
        compass = self.compass_party(item)
        if compass:
            return compass
        m = ctx.mention(item)
        if m is not None:
            ref = actor_ref(m)
            if ref is None:
                return []
            if ref["type"] == "Organization":
                led = self.led_by(m)
                if led is not None:
                    return [Arg(led, item, 0.85)]  # "the Example Administration": the leader's country
                body = _state_body(m, item.doc)
                if body is not None:
                    # "Iran's Foreign Ministry", "the U.S. Armed Forces", "the Government of
                    # Sudan": the country
                    root = _mention_root(item, m)
                    countries = [Arg(body, item, 0.75)] if body.get("id") else (
                        self._modifier_countries(root, depth=depth + 1) if depth < 3 else [])
                    if countries:
                        return [Arg(c.ref, item, 0.75) for c in countries]
                    if any(c.dep_ == "det" and c.lower_ in INDEFINITE for c in root.children):
                        return []  # an indefinite description names nobody: "a further Example Battle Group"
                    return [Arg(ref, item, 0.85)]  # "The Air Force has sent ..."
            return [Arg(ref, item, 0.9 if not m.demonym else 0.75)]
        if item.pos_ == "PRON":
            return [Arg(ref, item, 0.7) for ref in self.pronoun(item)]
        if depth > 3:
            return []
        lemma = item.lemma_.lower()
        # a person in apposition: "the foreign minister, Jorge Arreaza,"
        for c in children(item, "appos"):
            mm = ctx.mention(c)
            person = actor_ref(mm) if mm is not None else None
            if person and person["type"] == "Person":
                return [Arg(person, c, 0.85)]
        gov = words("government_nouns")
        if lemma in gov or (lemma == "state" and item.tag_ == "NN"):
            found = self._government(item)
            if found:
                return found
        if group_ok:
            members = group_members(self, item) or both_sides(self, item)
            if members:
                return members
        inner = quantity_head(item)
        if inner is not item:
            return self.actors(inner, from_modifier=from_modifier, group_ok=group_ok, depth=depth + 1)
        groups = words("group_nouns") - gov
        armed_group = lemma in words("armed_group_nouns")  # "Janjaweed militias", "M23 rebels"
        if (from_modifier or armed_group or lemma in words("actor_heads") or is_military(item)) and lemma not in groups:
            found = self._modifier_countries(item, any_actor=from_modifier or armed_group, depth=depth)
            if not found and lemma in words("actor_heads"):
                # "the leaders of Chile, Peru and Bolivia", "the leader of the group Example Front",
                # "officials in Athens", "a spokesman for the Chinese foreign ministry"
                found = [a for p in prep_objects(item, ("of", "in", "for"))
                         for a in self.actors(p, group_ok=True, depth=depth + 1)
                         if a.ref["type"] in ("Country", "Organization")]
            return [Arg(a.ref, item, 0.75) for a in found]
        return []

    def described_organisation(self, item: Token) -> list[Arg]:
        """"the rebel council", "the Libyan council" for the one organisation of the document
        whose name ends with that noun ("Example National Council"): a description, not a name."""
        if item.pos_ not in ("NOUN", "PROPN") or not any(c.dep_ in ("det", "amod", "compound") for c in item.children):
            return []
        head = item.lemma_.lower()
        standing = words("standing_bodies")  # "the new council" is never the UN Security Council
        found = {ref["id"]: ref for m in self.ctx.mentions if (ref := actor_ref(m)) is not None
                 and ref["type"] == "Organization" and len(ref["name"].split()) > 1
                 and ref["name"].lower().split()[-1] in (head, item.lower_)
                 and not any(b in ref["name"].lower() for b in standing)}
        return [Arg(ref, item, 0.7) for ref in found.values()] if len(found) == 1 else []

    def compass_party(self, item: Token) -> list[Arg]:
        """"the south", "the North": the one country of the document named for that part
        ("South Sudan", "North Korea"), when the document names exactly one."""
        m = self.ctx.mention(item)
        if item.lower_ not in ("south", "north") or item.pos_ not in ("NOUN", "PROPN") or (
                m is not None and m.ent["name"].lower() != item.lower_):
            return []
        if not any(c.dep_ == "det" and c.lower_ == "the" for c in item.children):
            return []
        prefix = item.lower_ + " "
        found = {ref["id"]: ref for m in self.ctx.mentions if (ref := actor_ref(m)) is not None
                 and ref["type"] == "Country" and ref["name"].lower().startswith(prefix)}
        return [Arg(ref, item, 0.7) for ref in found.values()] if len(found) == 1 else []

    def named(self, token: Token) -> list[Arg]:
        m = self.ctx.mention(token)
        ref = actor_ref(m) if m is not None else None
        if ref is None:
            return []
        return [Arg(ref, token, 0.85)]

    def _government(self, item: Token) -> list[Arg]:
        """"the Maduro regime" -> Maduro; "the government of Sudan" -> Sudan; "his government"
        -> the country the pronoun's person speaks for."""
        ctx = self.ctx
        candidates: list[Arg] = []
        for p in prep_objects(item, ("of", "in")):
            candidates.extend(self.named(p))
        for c in children(item, *MODIFIER_DEPS):
            if c.pos_ == "PRON":
                for ref in self.pronoun(c):
                    country = ctx.country_of(ref)
                    if country:
                        candidates.append(Arg(country, item, 0.7))
            else:
                candidates.extend(self.named(c))
        persons = [c for c in candidates if c.ref["type"] == "Person"]
        if persons and item.lemma_.lower() in words("executive_nouns"):
            # "the Example administration": the leader's country when the document says it
            country = ctx.country_of(persons[0].ref)
            if country is not None:
                return [Arg(country, item, 0.85)]
        return [Arg(a.ref, item, 0.85) for a in (persons or candidates)[:1]]

    def led_by(self, m: Mention) -> dict | None:
        """A name the NER took for one organisation, "the Example Administration": the country of
        the one person of the document called "Example" when the document says it, else that
        person (``words.json``: executive_nouns); None for any other organisation."""
        doc = self.ctx.doc
        words_of = [t for t in doc[m.start:m.end] if t.lower_ != "the"]
        if len(words_of) < 2 or words_of[-1].lemma_.lower() not in words("executive_nouns"):
            return None
        name = " ".join(t.text for t in words_of[:-1]).lower()
        persons = {x.ent["id"]: x.ent for x in self.ctx.mentions if x.ent["type"] == "Person" and (
            x.ent["name"].lower() == name or x.ent["name"].lower().endswith(" " + name))}
        if len(persons) != 1:
            return None
        person = next(iter(persons.values()))
        return self.ctx.country_of(person) or person

    def _modifier_countries(self, item: Token, any_actor: bool = False, depth: int = 0) -> list[Arg]:
        """Countries (or, with ``any_actor``, any actor) named by the modifiers of a phrase:
        "Iran's", "Turkish", "U.S. and Ukrainian", "Venezuela's"."""
        out: list[Arg] = []
        for c in children(item, *MODIFIER_DEPS):
            for t in conjuncts(c):
                m = self.ctx.mention(t)
                if m is None:
                    if t.pos_ == "PRON" and t.dep_ == "poss":
                        for ref in self.pronoun(t):
                            country = self.ctx.country_of(ref)
                            if country:
                                out.append(Arg(country, t, 0.7))
                    continue
                for a in self.actor(t, False, False, max(depth, 1) + 1):  # "U.S. Armed Forces personnel"
                    if any_actor or a.ref["type"] == "Country":
                        out.append(Arg(a.ref, t, 0.75))
        return dedupe(out)

    # -- pronouns --------------------------------------------------------------------------
    def pronoun(self, pron: Token) -> list[dict]:
        """The entities a pronoun stands for (``pronouns.pronoun_refs``); a pronoun met again
        while its own antecedent is being resolved stands for nothing (no endless recursion)."""
        if pron.i in self._resolving:
            return []
        self._resolving.add(pron.i)
        try:
            return pronoun_refs(self, pron)
        finally:
            self._resolving.discard(pron.i)

    # -- what is recognized ----------------------------------------------------------------
    def recognized(self, token: Token, *, from_modifier: bool = False) -> list[Arg]:
        """Actors, plus what a wrapper noun holds ("Kosovo's independence", "the independence
        of A and B", "the breakaway regions of A and B") and places named as states."""
        out: list[Arg] = []
        wrappers = words("recognition_wrappers") | words("region_nouns")
        for item in conjuncts(token):
            m = self.ctx.mention(item)
            quoted = quoted_name(item) if m is None else None
            if quoted is not None:
                out.append(Arg(quoted, item, 0.75))
                continue
            if m is None and item.lemma_.lower() in wrappers:
                # "Georgia's breakaway regions of A and B": the "of" objects, not the possessor
                inner = prep_objects(item, ("of",)) or [
                    c for c in children(item, "poss", "compound", "nmod") if self.ctx.mention(c) or self.compass_party(c)]
                if inner:
                    for t in inner:
                        out.extend(self.recognized(t))
                    if item.dep_ == "conj":
                        out.extend(self._shared_head(item))
                    continue
            if m is not None:
                shared = self._names_sharing_a_plural_head(item, m)
                if shared:
                    out.extend(shared)
                    continue
                following = self.ctx.mention(item.doc[m.end + 1]) if m.end + 1 < len(item.doc) else None
                if item.doc[m.end].lower_ == "and" and following is not None and \
                        self._names_sharing_a_plural_head(item.doc[m.end + 1], following):
                    continue  # "Sukhum" of "the Sukhum and Tskhinval People's Republics": named there
            found = self.described_organisation(item) if m is None else []
            found = found or self.actor(item, from_modifier, True, 0)
            if not found and m is None and item.lemma_.lower() in words("opposition_nouns"):
                found = self._opposition(item)
            if not found and m is not None and m.ent["type"] == "Place" and m.source in ("GPE", "LOC"):
                found = [Arg({**m.ent, "type": "Country"}, item, 0.75)]
            out.extend(found)
        return dedupe(out)

    def _opposition(self, item: Token) -> list[Arg]:
        """"Libya's opposition", "the Syrian opposition" -> the Organization "Libyan opposition"."""
        from ..gazetteer import gazetteer

        countries = [a for a in self._modifier_countries(item) if a.ref["type"] == "Country"]
        if len(countries) != 1:
            return []
        country = countries[0].ref["name"]
        name = f"{gazetteer().adjectives.get(country, country)} {item.lower_}"
        return [Arg({"id": slug(name), "name": name, "type": "Organization"}, item, 0.75)]

    def _names_sharing_a_plural_head(self, item: Token, m: Mention) -> list[Arg]:
        """"the Sukhum and Tskhinval People's Republics", "the Ostland and Westland Republics": two
        names coordinated before a plural state noun are two states, each with the noun in the
        singular ("Donetsk People's Republic", "Luhansk People's Republic")."""
        doc = item.doc
        span = doc[m.start:m.end]
        last = span[-1]
        if not (last.lower_.endswith("s") and last.lower_[:-1] in words("state_words")):
            return []  # a plural state noun: "Republics", "Emirates"
        first = span[0]
        before = doc[first.i - 1] if first.i > 0 else None
        if before is None or before.lower_ != "and":
            return []
        others = [t for t in doc[max(0, first.i - 4):first.i - 1] if t.pos_ in ("PROPN", "ADJ") and t.is_title]
        if not others:
            return []
        tail = " ".join([*(t.text_with_ws for t in span[1:-1])]).replace("  ", " ").strip()
        singular = last.text[:-1]
        out = []
        for name_tokens in ([others[-1]], [first]):
            name = " ".join(x for x in [*(t.text for t in name_tokens), tail, singular] if x)
            name = name.replace(" 's", "'s").replace(" ’s", "’s")
            out.append(Arg({"id": slug(name), "name": name, "type": "Country"}, item, 0.7))
        return out

    def _shared_head(self, wrapper: Token) -> list[Arg]:
        """"the breakaway Donetsk and Luhansk republics": "Donetsk" shares the head noun
        "republics" with "Luhansk", even when the model did not tag it."""
        out = []
        head = wrapper.head
        if head.pos_ == "PROPN" and head.is_title and self.ctx.mention(head) is None:
            names = [t for t in head.lefts if t.dep_ == "compound" and t.pos_ == "PROPN"] + [head]
            name = " ".join(t.text for t in names)
            kind = "Country" if wrapper.lemma_.lower() in words("state_words") else "Place"
            out.append(Arg({"id": slug(name), "name": name, "type": kind}, head, 0.7))
        return out

    # -- places ----------------------------------------------------------------------------
    def place(self, item: Token, actors: Sequence[Arg] = ()) -> tuple[dict | None, dict | None]:
        """(the place a destination phrase names, its broader place or None): see places.py."""
        owner = self.territory_owner(item, actors)
        return (owner, None) if owner is not None else place(self.ctx, item, actors)

    def places(self, item: Token, actors: Sequence[Arg] = ()) -> list[tuple[dict, dict | None]]:
        """Every place a destination phrase names ("the regions" after "A and B"): places.py."""
        owner = self.territory_owner(item, actors)
        return [(owner, None)] if owner is not None else places(self.ctx, item, actors)

    def territory_owner(self, item: Token, actors: Sequence[Arg]) -> dict | None:
        """"crossed into its territory", "entered their airspace": the one state the pronoun stands
        for, the force's own state never being it (no force enters its own territory in a report
        of a deployment): "Peru said Chilean soldiers had entered its territory" -> Peru."""
        if item.lemma_.lower() not in words("sovereign_nouns"):
            return None
        pronouns = [c for c in children(item, "poss") if c.pos_ == "PRON" and c.lower_ in ("its", "their")]
        if not pronouns:
            return None
        own = {a.ref["id"] for a in actors} | {c["id"] for a in actors if (c := self.ctx.country_of(a.ref))}
        saved, self.excluded = self.excluded, frozenset(own)
        try:
            refs = self.pronoun(pronouns[0])
        finally:
            self.excluded = saved
        states = [r for r in refs if r["type"] == "Country" and r["id"] not in own]
        return states[0] if len(states) == 1 else None

    def asset_owners(self, asset: Token) -> list[Arg]:
        """Nationality or owner inside an asset phrase: "Russian troops", "China's jets",
        "Chinese and Indian soldiers", "a team of Dutch naval personnel"."""
        asset = quantity_head(asset)
        out = self._modifier_countries(asset)
        if out:
            return [Arg(a.ref, asset, 0.75) for a in out]
        for t in asset.subtree:
            if t.i > asset.i and t.dep_ in ("prep", "relcl", "acl", "appos"):
                break
            m = self.ctx.mention(t)
            if m is not None and t.i <= asset.i and (m.demonym or m.ent["type"] == "Country" or m.actor):
                ref = actor_ref(m)
                if ref and ref["type"] == "Country":
                    return [Arg(ref, asset, 0.75)]
        return []


