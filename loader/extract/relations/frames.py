"""Frames: a trigger's roles found by a search over the parse, not by one tree shape.

``loader/data/frames.jsonl`` says, for each frame (``transfer``: an agent moves a force,
``motion``: a force moves itself, ``presence``: forces or a base are kept somewhere), where each
role may be found, in order of preference, and which trigger lemmas take the frame. A new verb
with the roles of an existing one is one line there: ``{"trigger": "ferry", "frame": "transfer"}``.

The role finders below are the places a role is found whatever tree the parser built for the
sentence: a theme (the force) as object, passive subject, the noun a participle or a relative
clause hangs on, or the subject of an intransitive move; an agent as subject, "by" phrase, the
holder of forces a participle places ("Italy has 1,200 soldiers deployed in X": words.json
holding_verbs), or the country of the force ("Chadian troops were flown in"), of its unit ("the 4th Infantry
Division", "USS Example": ``units.py``); a destination in any locative phrase of
the trigger, also one behind a purpose phrase ("deployed for exercises in Norway").

The engine fills a frame for trigger tokens the constructions (``constructions.py``) left
without a relation, so its roles only add what the older rules miss; status, properties and
the output record are the constructions' own (one status decision, one resolver).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from spacy.tokens import Span, Token

from ...lexicon import RelationSpec
from ..words import words
from . import properties
from .arguments import RELATIVE_PRONOUNS, Resolver
from .clauses import subject_args
from .context import Arg, children, conjuncts, dedupe, is_passive, own_subject, verb_object
from .phrases import is_military, quantity_head, relative_antecedent
from .status import reporting
from .units import data_lines, is_unit, owners_of_force, unit_country

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


@dataclass
class Candidate:
    """A trigger with the roles found for it."""
    trigger: Token
    frame: Frame
    theme: Token | None = None
    agents: list[Arg] = field(default_factory=list)
    destinations: list[Arg] = field(default_factory=list)


_lines = data_lines  # the reader of frames.jsonl (a test adds a line through it)


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
    return verb_object(trigger)[0]


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
        elif where == "holder":
            # "Italy has 1,200 soldiers deployed in Lebanon": who has the forces the participle places
            gov = trigger.head.head
            if trigger.dep_ == "acl" and trigger.head.dep_ == "dobj" and gov.lemma_.lower() in words("holding_verbs"):
                found = subject_args(gov, resolver, sent)
        elif where == "theme_owner":
            found = owners_of_force(theme, resolver)
        else:
            raise ValueError(f"frames.jsonl: unknown agent place {where!r}")
        found = [a for a in found if a.ref["type"] in ("Country", "Organization", "Person")]
        if found:
            return dedupe(found)
    return []


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
