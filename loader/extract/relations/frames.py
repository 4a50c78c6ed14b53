"""Frames: a trigger's roles found by a search over the parse, not by one tree shape.

``loader/data/frames.jsonl`` says, for each frame (``transfer``: an agent moves a force,
``motion``: a force moves itself, ``presence``: forces or a base are kept somewhere), where each
role may be found, in order of preference, and which trigger lemmas take the frame. A new verb
with the roles of an existing one is one line there: ``{"trigger": "ferry", "frame": "transfer"}``.

The role finders below are the places a role is found whatever tree the parser built for the
sentence: a theme (the force) as object, passive subject, the noun a participle or a relative
clause hangs on, or the subject of an intransitive move; an agent as subject, "by" phrase, or
the country of the force ("Chadian troops were flown in"), of its unit ("the 4th Infantry
Division", "USS Example", ``loader/data/units.jsonl``); a destination in any locative phrase of
the trigger, also one behind a purpose phrase ("deployed for exercises in Norway").

The engine fills a frame for trigger tokens the constructions (``constructions.py``) left
without a relation, so its roles only add what the older rules miss; status, properties and
the output record are the constructions' own (one status decision, one resolver).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from spacy.tokens import Span, Token

from ...names import lookup_key
from ..gazetteer import gazetteer
from ..lexicon import RelationSpec
from ..words import words
from . import properties
from .arguments import RELATIVE_PRONOUNS, Resolver
from .clauses import subject_args
from .context import Arg, children, conjuncts, dedupe, is_passive, own_subject
from .phrases import is_military, quantity_head, relative_antecedent
from .status import reporting

CLAUSE_DEPS = ("ccomp", "relcl", "advcl", "acl", "parataxis", "conj", "xcomp")


@dataclass(frozen=True)
class Frame:
    name: str
    relation: str
    theme: tuple[str, ...]
    agent: tuple[str, ...]
    destination: tuple[str, ...]
    compound_preps: tuple[str, ...] = ()  # "based out of X": two words that name the place


@dataclass(frozen=True)
class FrameTable:
    frames: dict[str, Frame]
    triggers: dict[str, Frame]  # lemma -> its frame
    base_nouns: frozenset[str] = frozenset()  # a military base kept somewhere is a presence


@dataclass(frozen=True)
class UnitTable:
    nouns: frozenset[str]
    prefixes: tuple[tuple[str, str], ...]  # (prefix, country), longest first
    units: dict[str, str]  # lookup key of a unit's name -> country
    suffixes: tuple[tuple[str, str], ...] = ()  # (lookup key a unit's name ends with, country)
    abbreviations: dict[str, str] = field(default_factory=dict)  # "Div." -> "Division"
    ship_prefixes: tuple[str, ...] = ()  # "USS ": a name that starts so is a ship

    @property
    def name_keys(self) -> tuple[str, ...]:
        """Lookup keys a unit's name may end with: the known units and the naming conventions."""
        return (*self.units, *(k for k, _ in self.suffixes))


@dataclass
class Candidate:
    """A trigger with the roles found for it."""
    trigger: Token
    frame: Frame
    theme: Token | None = None
    agents: list[Arg] = field(default_factory=list)
    destinations: list[Arg] = field(default_factory=list)


def _lines(name: str) -> list[dict]:
    text = resources.files("loader.data").joinpath(name).read_text(encoding="utf-8")
    return [json.loads(line) for line in text.splitlines() if line.strip() and not line.startswith("#")]


@lru_cache(maxsize=1)
def frame_table() -> FrameTable:
    frames: dict[str, Frame] = {}
    triggers: dict[str, str] = {}
    bases: set[str] = set()
    for obj in _lines("frames.jsonl"):
        bases.update(obj.get("base_nouns", ()))
        if "frame" in obj and "trigger" not in obj:
            frames[obj["frame"]] = Frame(obj["frame"], obj["relation"], tuple(obj["theme"]), tuple(obj["agent"]),
                                         tuple(obj["destination"]), tuple(obj.get("compound_preps", ())))
        elif "trigger" in obj:
            triggers[obj["trigger"]] = obj["frame"]
    unknown = sorted(set(triggers.values()) - frames.keys())
    if unknown:
        raise ValueError(f"frames.jsonl: trigger lines name frames that no line defines: {', '.join(unknown)}")
    return FrameTable(frames, {lemma: frames[name] for lemma, name in triggers.items()}, frozenset(bases))


@lru_cache(maxsize=1)
def unit_table() -> UnitTable:
    nouns: set[str] = set()
    prefixes: list[tuple[str, str]] = []
    units: dict[str, str] = {}
    suffixes: list[tuple[str, str]] = []
    abbreviations: dict[str, str] = {}
    ships: list[str] = []
    for obj in _lines("units.jsonl"):
        abbreviations.update(obj.get("abbreviations", {}))
        if obj.get("ship"):
            ships.append(obj["prefix"] + " ")
        if "suffix" in obj:
            suffixes.append((lookup_key(obj["suffix"]), obj["country"]))
        nouns.update(obj.get("unit_nouns", ()))
        if "prefix" in obj:
            prefixes.append((obj["prefix"], obj["country"]))
        if "unit" in obj:
            units[lookup_key(obj["unit"])] = obj["country"]
    return UnitTable(frozenset(nouns), tuple(sorted(prefixes, key=lambda p: -len(p[0]))), units, tuple(suffixes),
                     abbreviations, tuple(ships))


def _unit_words(tokens: list[Token]) -> str:
    """The name with its abbreviations spelled out: "4th Inf. Div." -> "4th Infantry Division"."""
    table = unit_table()
    return " ".join(table.abbreviations.get(t.text, t.text) for t in tokens)


# -- units --------------------------------------------------------------------------------

def _name_tokens(token: Token) -> list[Token]:
    """The words of the name a unit noun ends: "the 4th Infantry Division" -> 4th Infantry
    Division; "Royal Air Force Examplebury's 31st Fighter Wing" -> the whole possessive too."""
    return [t for t in token.subtree if t.i <= token.i and t.dep_ not in ("det", "punct")]


def is_unit(token: Token) -> bool:
    """A named unit or ship: a unit noun ending a capitalised name ("the 2nd Example Brigade",
    "USS Example"), or a name the unit list knows."""
    if token.pos_ not in ("PROPN", "NOUN"):
        return False
    table = unit_table()
    lemma = table.abbreviations.get(token.text, token.lemma_).lower()
    name = _name_tokens(token)
    if lemma in table.nouns and (token.is_title or token.text.isupper()) and len(name) > 1:
        return True
    if not token.is_title and not token.text.isupper():
        return False
    text = _unit_words(name)
    return lookup_key(text).endswith(table.name_keys) or text.startswith(table.ship_prefixes)


def unit_country(token: Token, resolver: Resolver) -> list[Arg]:
    """The country of a named unit: the unit list first, then a prefix ("USS", "Royal Navy"),
    then a nationality or owner in the name ("Pakistan Army's 11th Corps", "of the Example Army")."""
    if not is_unit(token):
        return []
    table = unit_table()
    name = _name_tokens(token)
    text = _unit_words(name)
    key = lookup_key(text)
    country = next((c for unit, c in [*table.units.items(), *table.suffixes] if key.endswith(unit)), None)
    if country is None:
        country = next((c for prefix, c in table.prefixes if text.startswith(prefix + " ") or
                        any(t.text == prefix for t in name[:1])), None)
    if country is not None:
        entry = gazetteer().country(country)
        if entry is not None:
            return [Arg({"id": _country_id(entry.name), "name": entry.name, "type": "Country"}, token, 0.75)]
    owners = resolver.asset_owners(token)
    for p in (p for c in children(token, "prep") if c.lower_ == "of" for p in children(c, "pobj")):
        owners = owners or resolver.asset_owners(p) or [a for a in resolver.actors(p) if a.ref["type"] == "Country"]
    for parent in children(token, "appos"):  # "66th Example Regiment, 4th Infantry Division": its division's
        owners = owners or unit_country(parent, resolver)
    return owners


def _country_id(name: str) -> str:
    from ...names import slug

    return slug(name)


# -- role finders ---------------------------------------------------------------------------

def _forceful(token: Token | None) -> bool:
    return token is not None and (is_military(quantity_head(token)) or is_unit(token))


def _antecedent(token: Token) -> Token:
    """A relative pronoun stands for the noun its clause hangs on."""
    if token.lower_ in RELATIVE_PRONOUNS and token.head.dep_ == "relcl":
        return relative_antecedent(token.head)
    return token


def _participle_head(trigger: Token) -> Token | None:
    """"troops stationed in X", "personnel with equipment deployed to X", "the peacekeepers, who
    arrived in X": the noun the participle or relative clause hangs on, climbing through "with"
    and "of" phrases to the first one that names forces."""
    if trigger.dep_ == "relcl":
        subj = own_subject(trigger) or next(iter(children(trigger, "nsubjpass")), None)
        if subj is not None and subj.lower_ not in RELATIVE_PRONOUNS:
            return None
        noun = relative_antecedent(trigger)
    elif trigger.dep_ == "acl" and trigger.tag_ in ("VBN", "VBG"):
        noun = trigger.head
    elif trigger.dep_ == "advcl" and trigger.tag_ == "VBN" and not own_subject(trigger):
        # "Stationed in the south since 2003, British troops ...": the main clause's subject
        return own_subject(trigger.head) or next(iter(children(trigger.head, "nsubjpass")), None)
    else:
        return None
    for _ in range(3):
        if _forceful(noun):
            return noun
        if noun.dep_ == "pobj" and noun.head.lower_ in ("with", "of") and noun.head.head.pos_ in ("NOUN", "PROPN"):
            noun = noun.head.head
            continue
        break
    if _forceful(noun):
        return noun
    if trigger.dep_ == "relcl":
        # "paratroopers from the brigade, based near Example City, who are deployed in X": the
        # parser hangs "who" on the nearest noun; the forces are further up the phrase
        node = noun
        for _ in range(6):
            if node.dep_ not in ("pobj", "prep", "appos", "acl", "conj", "compound") or node.head.i == node.i:
                break
            node = node.head
            if node.pos_ in ("NOUN", "PROPN") and _forceful(node):
                return node
        # "joins batteries from allies A and B which are deployed in X", the "from" phrase hung
        # on the verb: the nearest forces to the left, with no verb between
        for t in reversed(trigger.doc[max(trigger.sent.start, noun.i - 8):noun.i]):
            if t.pos_ in ("VERB", "AUX"):
                break
            if t.pos_ in ("NOUN", "PROPN") and _forceful(t):
                return t
    return None


def _subject(trigger: Token) -> Token | None:
    """The clause's subject, also one it shares with the verb that governs it; a passive
    governor's subject does the act of its participle ("troops were seen crossing into X")."""
    subj = own_subject(trigger)
    node = trigger
    while subj is None and node.dep_ in ("xcomp", "conj") and node.head.i != node.i:
        node = node.head
        subj = own_subject(node)
        if subj is None and node.tag_ == "VBN" and trigger.tag_ == "VBG":
            subj = next(iter(children(node, "nsubjpass")), None)
    return _antecedent(subj) if subj is not None else None


def _object(trigger: Token) -> Token | None:
    dobj = next(iter(children(trigger, "dobj")), None)
    if dobj is None:
        for c in children(trigger, "conj"):  # "deployed or extended 300 troops": the shared object
            if c.pos_ == "VERB" and own_subject(c) is None and children(c, "dobj"):
                return children(c, "dobj")[0]
    return dobj


def find_theme(trigger: Token, frame: Frame, bases: frozenset[str] = frozenset()) -> Token | None:
    """The force the trigger moves or keeps, from the frame's theme places in order."""
    dobj = _object(trigger)
    for where in frame.theme:
        if where == "base_object":
            if dobj is not None and dobj.lemma_.lower() in bases:
                return dobj
            continue
        if where == "object":
            found = dobj
        elif where == "passive_subject":
            found = next(iter(children(trigger, "nsubjpass")), None)
            found = _antecedent(found) if found is not None else None
        elif where == "participle_head":
            found = _participle_head(trigger)
        elif where == "subject":
            # the subject moves only when no force is the object: "troops crossed the river"
            found = _subject(trigger) if not _forceful(dobj) and not is_passive(trigger) else None
        else:
            raise ValueError(f"frames.jsonl: unknown theme place {where!r}")
        if _forceful(found):
            return found
    return None


def find_agents(trigger: Token, frame: Frame, theme: Token, resolver: Resolver, sent: Span) -> list[Arg]:
    for where in frame.agent:
        found: list[Arg] = []
        if where == "subject":
            # the clause's actor, also one a participle or gerund shares with its governing
            # verb ("responded by mobilizing forces", "..., sending troops to X")
            subj = _subject(trigger)
            if subj is None and trigger.dep_ in ("acl", "relcl"):
                continue  # "personnel from the X Artillery based at Y": the participle's head is the force
            if (subj is None or subj.i != theme.i) and not is_passive(trigger):
                found = subject_args(trigger, resolver, sent) or (unit_country(subj, resolver) if subj is not None else [])
        elif where == "passive_agent":
            if is_passive(trigger):
                found = subject_args(trigger, resolver, sent)
        elif where == "theme_owner":
            found = owners_of_force(theme, resolver)
        else:
            raise ValueError(f"frames.jsonl: unknown agent place {where!r}")
        found = [a for a in found if a.ref["type"] in ("Country", "Organization", "Person")]
        if found:
            return dedupe(found)
    return []


OWNING_VERBS = ("own", "assign", "belong", "consist", "attach", "draw", "come")


def _owner_phrases(noun: Token) -> list[Token]:
    """The nouns a force phrase names its owner with: "from X", "of X", "with X", and the
    participles "owned by X", "assigned to X", "consisting of X", "belonging to X"."""
    out = [p for c in children(noun, "prep") if c.lower_ in ("from", "of", "with") for p in children(c, "pobj")]
    after = noun.doc[noun.i + 1] if noun.i + 1 < len(noun.doc) else None
    if after is not None and after.lower_ in ("from", "of") and after.dep_ == "prep" and after.head.i != noun.i:
        out += children(after, "pobj")  # "batteries from A and B", the phrase hung on the verb
    for c in children(noun, "acl"):
        if c.lemma_.lower() in OWNING_VERBS:
            out += [p for x in c.children if x.dep_ in ("agent", "prep") for p in children(x, "pobj")]
    return [t for p in out for t in conjuncts(p)]


def owners_of_force(theme: Token, resolver: Resolver) -> list[Arg]:
    """Whose force: "Chadian troops", "the 4th Infantry Division", "600 paratroopers from the
    Example Brigade", "tanks owned by the 3rd Example Brigade", "the Example Army's soldiers";
    else, for a unit or forces the phrase does not place, the one country whose forces the
    document names (``document_force_country``)."""
    head = quantity_head(theme)
    found = resolver.asset_owners(head) or unit_country(head, resolver)
    if found:
        return found
    noun = head
    for _ in range(2):  # "Example Army personnel with combat equipment": the phrase above
        if not (noun.dep_ == "pobj" and noun.head.lower_ in ("with", "of", "from") and noun.head.head.pos_ in ("NOUN", "PROPN")):
            break
        noun = noun.head.head
        found = resolver.asset_owners(noun) or unit_country(noun, resolver)
        if found:
            return found
    frontier = [head]
    for _ in range(2):  # "a unit consisting of 200 marines from the 22nd Example Unit"
        following = []
        for item in frontier:
            for p in _owner_phrases(item):
                found = unit_country(p, resolver) or resolver.asset_owners(p) or [
                    a for a in resolver.actors(p) if a.ref["type"] == "Country"]
                if found:
                    return found
                following.append(p)
        frontier = following
    found = [a for a in resolver.actors(head) if a.ref["type"] == "Country"]
    if found:
        return found
    if not (is_unit(head) or head.lemma_.lower() in words("personnel_nouns")):
        return []  # "a cargo plane" of no stated country is nobody's force
    country = document_force_country(resolver)
    return [Arg(country, head, 0.6)] if country is not None else []


def document_force_country(resolver: Resolver) -> dict | None:
    """The one country whose forces the document names ("U.S. Army Europe", "American troops",
    "USS Example"), when it names exactly one: its unplaced units and troops are that country's."""
    if "force_country" in resolver.memo:
        return resolver.memo["force_country"]
    countries: dict[str, dict] = {}
    doc = resolver.ctx.doc
    for token in doc:
        if token.pos_ not in ("NOUN", "PROPN") or not (is_military(token) or is_unit(token)):
            continue
        for a in resolver.asset_owners(token) or unit_country(token, resolver):
            if a.ref["type"] == "Country":
                countries[a.ref["id"]] = a.ref
    result = next(iter(countries.values())) if len(countries) == 1 else None
    resolver.memo["force_country"] = result
    return result


def _locatives(trigger: Token, preps: frozenset[str], skip: set[int], compound: tuple[str, ...] = ()) -> list[Token]:
    """Objects of the trigger's destination phrases, searched breadth first through its
    adverbs ("pushed further into X") and one non-destination phrase ("deployed for exercises
    in X"); never inside another clause or the theme. ``compound``: two-word prepositions that
    name the place too ("based out of X")."""
    frontier: list[tuple[Token, int]] = [(trigger, 0)]
    while frontier:
        found: list[Token] = []
        following: list[tuple[Token, int]] = []
        for node, depth in frontier:
            for c in node.children:
                if c.i in skip or c.dep_ in CLAUSE_DEPS:
                    continue
                second = [d for d in c.children if d.dep_ == "prep" and f"{c.lower_} {d.lower_}" in compound]
                if c.dep_ in ("prep", "dative", "prt", "advmod") and second:
                    found += [t for d in second for p in children(d, "pobj") for t in conjuncts(p)]
                elif c.dep_ in ("prep", "dative") and c.lower_ in preps:
                    found += [t for p in children(c, "pobj") for t in conjuncts(p)]
                elif c.dep_ == "prep" and c.lower_ in ("from", "of") and any(
                        d.dep_ == "npadvmod" and d.lemma_.lower() in words("distance_nouns") for d in c.children):
                    found += children(c, "pobj")  # "deployed (to) 15 kilometers from the border"
                elif c.dep_ in ("advmod", "prt") and depth < 2:
                    following.append((c, depth + 1))
                elif c.dep_ == "prep" and depth < 1 and c.lower_ not in words("circumstance_preps"):
                    # "deployed for exercises in X"; never "arrived after the summit in X"
                    following += [(p, depth + 1) for p in children(c, "pobj")]
        if found:
            return found
        frontier = following
    return []


def find_destinations(trigger: Token, frame: Frame, theme: Token, spec: RelationSpec, agents: list[Arg],
                      resolver: Resolver, broader: dict[str, str]) -> list[Arg]:
    preps = frozenset(spec.destination_preps)
    theme_tokens = {t.i for t in theme.subtree} if theme.head.i == trigger.i else set()
    for where in frame.destination:
        if where == "trigger_place":
            items = _locatives(trigger, preps, theme_tokens, frame.compound_preps)
        elif where == "theme_place":
            # "two battalions and a squadron to X": the phrase may hang on any member of the list
            items = [t for member in conjuncts(theme) for noun in dict.fromkeys([member, quantity_head(member)])
                     for t in _locatives(noun, preps, set())]
        elif where == "where_antecedent":
            # "the airport, where the two armies are dug in": the place the relative adverb stands for
            wheres = [c for c in trigger.children if c.dep_ == "advmod" and c.lower_ == "where"]
            items = [relative_antecedent(trigger)] if wheres and trigger.dep_ == "relcl" else []
        elif where == "place_object":
            dobj = _object(trigger)
            items = conjuncts(dobj) if dobj is not None and not _forceful(dobj) else []
        else:
            raise ValueError(f"frames.jsonl: unknown destination place {where!r}")
        out: list[Arg] = []
        for item in items:
            for place, wider in resolver.places(item, agents):
                if wider is not None:
                    broader[place["id"]] = wider["name"]
                out.append(Arg(place, item, 0.85 if resolver.ctx.mention(item) else 0.7))
        if out:
            return dedupe(out)
    return []


class FrameEngine:
    """Fills the frame of a trigger and emits its relations through the constructions."""

    def __init__(self, constructions, table: FrameTable | None = None):
        self.constructions = constructions
        self.table = table or frame_table()

    def candidate(self, trigger: Token, spec: RelationSpec, sent: Span) -> Candidate | None:
        frame = self.table.triggers.get(trigger.lemma_.lower())
        if frame is None or frame.relation != spec.relation:
            return None
        resolver: Resolver = self.constructions.resolver
        theme = find_theme(trigger, frame, self.table.base_nouns)
        if theme is None:
            return None
        agents = [a for a in find_agents(trigger, frame, theme, resolver, sent) if a.ref["type"] in spec.subject_types]
        if not agents:
            return None
        dests = find_destinations(trigger, frame, theme, spec, agents, resolver, self.constructions.broader)
        if not dests:
            return None
        return Candidate(trigger, frame, theme, agents, dests)

    def relations(self, trigger: Token, spec: RelationSpec, sent: Span) -> list[dict]:
        cand = self.candidate(trigger, spec, sent)
        if cand is None or cand.theme is None:
            return []
        cons = self.constructions
        status, ending = cons._ending_status(trigger, spec, sent, False)
        head = quantity_head(cand.theme)
        if any(d.dep_ == "det" and d.lower_ in ("no", "neither") for d in head.children):
            status = "negated"
        reported_by, status = reporting(trigger, cons.resolver, sent, status, cand.agents)
        stop = {t.i for d in cand.destinations for t in d.token.subtree}
        props: dict = {"asset": properties.phrase(cand.theme, stop)}
        return cons.emit(spec, trigger, cand.agents, cand.destinations, sent, status, reported_by, props,
                         ending=ending)
