"""Places that destination phrases name, also when they are no named entity: "the frontier
with Sudan" (Place "border with Sudan", broader place Sudan), "their borders" of two countries,
"a naval base near Tartus", "the Al Khadim air base", "Russia's Kursk region", "the Korean
peninsula", "the port of Colombo", "a Venezuelan port" (the country), "Nagorno-Karabakh" tagged
as an organisation."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Token

from ...names import slug
from ..words import words
from .context import Arg, Context, Mention, children, conjuncts, place_ref, prep_objects
from .pronouns import PRONOUNS_PLURAL

MODIFIER_DEPS = ("poss", "compound", "amod", "nmod", "npadvmod")
NON_PLACE_ENTS = {"DATE", "TIME", "MONEY", "PERCENT", "CARDINAL", "ORDINAL", "QUANTITY", "EVENT",
                  "LAW", "WORK_OF_ART", "LANGUAGE"}
# nouns that name a place ("the town of X", "the port of X"): an "of" name after them is a place
PLACE_NOUNS = words("region_nouns") | words("facility_nouns") | words("unnamed_place_nouns")


def places(ctx: Context, item: Token, actors: Sequence[Arg] = ()) -> list[tuple[dict, dict | None]]:
    """The places a destination phrase names: one (``place``), or, for a plural description
    ("the regions", "the two areas"), the places coordinated before it in the sentence ("A and B
    declared independence, prompting the deployment of peacekeepers in the areas")."""
    if item.tag_ == "NNS" and ctx.mention(item) is None and \
            item.lemma_.lower() in words("region_nouns") | words("unnamed_place_nouns") and \
            any(c.dep_ == "det" and c.lower_ in ("the", "these", "those", "both") for c in item.children) and \
            not any(c.dep_ == "prep" for c in item.children):
        acting = {a.ref["id"] for a in actors}
        for t in reversed(item.sent[:item.i - item.sent.start]):  # the nearest list before the noun
            if t.dep_ == "conj" or ctx.mention(t) is None:
                continue
            members = [x for x in conjuncts(t) if x.i < item.i]
            named = [p for x in members if (p := place(ctx, x, actors))[0] is not None]
            if len(named) >= 2 and not any(p["id"] in acting for p, _ in named if p is not None):
                return [(p, b) for p, b in named if p is not None]
    found, broader = place(ctx, item, actors)
    return [(found, broader)] if found is not None else []


def place(ctx: Context, item: Token, actors: Sequence[Arg] = ()) -> tuple[dict | None, dict | None]:
    """(the place a destination phrase names, its broader place or None)."""
    lemma = item.lemma_.lower()
    m = ctx.mention(item)
    if m is None and item.pos_ == "NOUN":
        for c in children(item, "appos"):  # "the capital, Example City": the name in apposition
            if ctx.mention(c) is not None:
                found = place(ctx, c, actors)
                if found[0] is not None:
                    return found
    if lemma in words("distance_nouns"):
        # "deployed to 20 kilometers from the border": the place the distance is measured from
        after = item.doc[item.i + 1] if item.i + 1 < len(item.doc) else None
        beside = children(after, "pobj") if after is not None and after.lower_ == "from" else []  # hung elsewhere
        for p in prep_objects(item, ("from", "of", "off", "outside")) + beside:
            found = place(ctx, p, actors)
            if found[0] is not None:
                return found
    if m is None and item.ent_type_ in NON_PLACE_ENTS:
        # "swept into Georgia August 7": the parser made the place a compound of the date
        for c in children(item, "compound"):
            mc = ctx.mention(c)
            if mc is not None and c.i < item.i and c.ent_type_ not in NON_PLACE_ENTS:
                return place(ctx, c, actors)
        return None, None
    if m is not None:
        named = _as_place(m)
        compass = [c for c in item.children if c.dep_ == "amod" and c.lower_ in words("compass_adjectives")]
        if named is not None and compass and m.end - m.start <= 3:
            # "southern Somalia": a part of the named place, the most specific place stated
            name = f"{compass[0].lower_} {item.doc[m.start:m.end].text}"  # as written: "eastern Congo"
            return {"id": slug(name), "name": name, "type": "Place"}, named
        return named, None
    if lemma in words("region_nouns") | words("unnamed_place_nouns") and not any(
            t.dep_ == "compound" and t.pos_ == "PROPN" for t in item.lefts):
        border = [t for t in item.lefts if t.dep_ == "compound" and t.lemma_.lower() in words("border_nouns")]
        if border:
            # "the border area": the border the sentence names, else a place of that name
            if prep_objects(item, ("with",)):
                found = _border(ctx, item, actors)  # "the border region with X": the phrase's own "with"
                if found[0] is not None:
                    return found
            return {"id": slug(f"border {lemma}"), "name": f"border {lemma}", "type": "Place"}, None
    if lemma in words("unnamed_place_nouns") | words("region_nouns"):
        # "separate locations in southern Norland", "rebel territory in the Example district",
        # "positions near the border": the place named
        for p in prep_objects(item, ("in", "near", "at", "inside", "along", "on", "around", "outside", "off")):
            found = place(ctx, p, actors)
            if found[0] is not None:
                return found
    if lemma in words("border_nouns"):
        return _border(ctx, item, actors)
    # "Russia's Kursk region", "the Al Khadim air base": the name, not the possessor
    if lemma in words("region_nouns") | words("facility_nouns"):
        # a name before the noun, also one the tagger read as an adjective ("the Example
        # airfield"), but no nationality ("the Iraqi airfield" is Iraq's)
        names = [t for t in item.lefts if t.dep_ in ("compound", "amod") and t.pos_ in ("PROPN", "ADJ") and t.is_title
                 and (t.pos_ == "PROPN" or (ctx.mention(t) is None and t.ent_type_ not in ("NORP", "GPE")))]
        if names and all(m is None or not place_ref(m) for m in map(ctx.mention, names)):
            words_ = [t for t in item.lefts if t.dep_ in ("compound", "amod") and t.i >= names[0].i]
            tail = " ".join(t.text for t in [*words_, item] if not t.is_title) if lemma in words("facility_nouns") else ""
            first = min(t.left_edge.i for t in names)  # "Al Khadim": the name's own compounds
            name = item.doc[first:names[-1].i + 1].text + (f" {tail}" if tail else "")
            broader = next((place_ref(pm) for pm in map(ctx.mention, children(item, "poss")) if pm), None)
            return {"id": slug(name), "name": name, "type": "Place"}, broader
    if lemma in words("facility_nouns"):
        # "a naval base near Tartus" -> Place "naval base near Tartus", broader place Tartus
        for c in children(item, "prep"):
            if c.lower_ in ("near", "outside", "in", "at", "on", "by"):
                for p in children(c, "pobj"):
                    mm = ctx.mention(p)
                    near = _as_place(mm) if mm is not None else None
                    if near is not None:
                        mods = [t for t in item.lefts if t.dep_ in ("amod", "compound") and t.is_lower]
                        name = " ".join([*(t.text for t in mods), item.text, c.lower_, near["name"]])
                        return {"id": slug(name), "name": name, "type": "Place"}, near
    # "the port of Colombo", "the area of Bor"
    for p in prep_objects(item, ("of",)):
        mm = ctx.mention(p)
        named = (place_ref(mm) if lemma not in PLACE_NOUNS else _as_place(mm)) if mm is not None else None
        if named is not None:  # "the town of X": also a town the model read as an organisation or a person
            return named, None
    # "into Venezuelan territory" -> the country; "the Maiquetia airport" -> that airport
    for c in children(item, *MODIFIER_DEPS):
        mm = ctx.mention(c)
        if mm is None:
            continue
        if mm.demonym or mm.ent["type"] == "Country":
            return mm.ent, None
        named = mm.ent if mm.ent["type"] == "Place" else (
            _as_place(mm) if c.dep_ == "poss" and lemma in words("facility_nouns") else None)  # "Example's airport"
        if named is not None:
            if lemma in words("facility_nouns") | words("region_nouns"):
                # "the Tartus naval base", "the Baltic Sea region": a place of its own in the named one
                qualifiers = [t.text for t in item.lefts if t.dep_ == "amod" and t.lower_ in words("compass_adjectives")
                              and t.i < c.i]
                name = " ".join([*qualifiers, named["name"], item.text.lower()])  # "the central Africa region"
                return {"id": slug(name), "name": name, "type": "Place"}, named
            return named, None
    # "the Kursk region", "Kherson province"; "the Korean peninsula"
    if lemma in words("region_nouns"):
        names = [t for t in item.lefts if t.dep_ == "compound" and t.pos_ == "PROPN" and t.is_title]
        if names:
            name = " ".join(t.text for t in names)
            return {"id": slug(name), "name": name, "type": "Place"}, None
        adjectives = [t for t in item.lefts if t.dep_ == "amod" and t.ent_type_ in ("NORP", "GPE", "LOC")]
        if adjectives:
            name = " ".join([*(t.text for t in adjectives), item.text])
            return {"id": slug(name), "name": name, "type": "Place"}, None
    # a proper name the model did not tag: "sent troops to Donetsk"
    if item.pos_ == "PROPN" and item.is_title:
        toks = [t for t in item.lefts if t.dep_ == "compound" and t.pos_ == "PROPN"] + [item]
        name = " ".join(t.text for t in sorted(toks, key=lambda t: t.i))
        return {"id": slug(name), "name": name, "type": "Place"}, None
    return None, None

def _border(ctx: Context, item: Token, actors: Sequence[Arg]) -> tuple[dict | None, dict | None]:
    """"the frontier with Sudan", "its border with Colombia", "the Ukrainian border" ->
    Place "border with Sudan" (broader place Sudan); "their borders" of two countries ->
    "India-Pakistan border"."""
    others: list[dict] = []
    withs = prep_objects(item, ("with",))
    if not withs and item.dep_ == "dobj":
        withs = prep_objects(item.head, ("with",))  # "patrolling the border with X": "with" on the verb
    if not withs and item.dep_ == "pobj":
        # "moved soldiers to their frontiers with Peru": "with" parsed on the verb
        withs = prep_objects(item.head.head, ("with",))
    for p in withs:
        mm = ctx.mention(p)
        if mm is not None and (mm.actor or mm.ent)["type"] == "Country":
            others.append(mm.actor or mm.ent)
    owners: list[dict] = []
    for c in children(item, *MODIFIER_DEPS):
        for t in conjuncts(c):
            mm = ctx.mention(t)
            if mm is not None and (mm.actor or mm.ent)["type"] == "Country":
                owners.append(mm.actor or mm.ent)
            elif t.pos_ == "PRON" and t.lower_ in PRONOUNS_PLURAL:
                owners.extend(a.ref for a in actors if a.ref["type"] == "Country")
    actor_ids = {a.ref["id"] for a in actors}
    if not others:
        # "the Ukrainian border" said by or of Russia: the border with Ukraine
        foreign = [o for o in owners if o["id"] not in actor_ids]
        if len(foreign) == 1:
            others = foreign
        elif len(owners) == 2 and not foreign:
            a, b = sorted(owners, key=lambda r: r["name"])
            name = f"{a['name']}-{b['name']} border"
            return {"id": slug(name), "name": name, "type": "Place"}, None
    if len(others) != 1:
        return None, None
    other = others[0]
    name = f"border with {other['name']}"
    return {"id": slug(name), "name": name, "type": "Place"}, other


def _as_place(m: Mention) -> dict | None:
    """The place a mention in a locative phrase names; the model's PERSON/ORG on a bare name
    after "deployed troops to" or "a base near" is a place too."""
    if place_ref(m):
        return place_ref(m)
    if m.source in ("ORG", "PERSON", "NORP"):
        name = m.ent["name"]
        organisational = any(w.lower() in words("organisation_words") for w in name.replace("-", " ").split())
        if m.end - m.start == 1 or (m.end - m.start <= 3 and not organisational):
            return {"id": m.ent["id"], "name": name, "type": "Place"}  # "to Nagorno-Karabakh"
    return None
