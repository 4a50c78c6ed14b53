"""Constructions: rules over the parse that find a relation's arguments around a trigger.

Each rule asks ``arguments.Resolver`` for entities and ``status`` for the status, so that the
ways of naming entities and of hedging a statement are the same for every relation.

- ``transitive``: "X recognized Y", passives ("Y was recognized by X"), control and relative
  clauses (through ``clauses.subject_args``), objects behind the lexicon's preposition
  ("called on Y", "blamed the attack on Y"), "charged that Y ...", reciprocal objects ("A and B
  accused each other").
- ``deployment``: transitive ("sent troops to X"), passive ("troops were deployed to X"),
  intransitive motion with the force as subject ("Turkish units rolled into Syria"), presence
  ("has 28,000 troops on the peninsula", "there are Russian peacekeepers in X"), verbs whose
  object is the place ("troops entered northern Iraq"), purpose clauses ("sent troops to seize
  X"); a military asset is required.
- ``nominal``: "X's recognition of Y", "won recognition from X", "the deployment of troops to
  X", "Ethiopia's charge that Eritrea ...", "responded with accusations that ...", "traded
  accusations" (both directions).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from spacy.tokens import Span, Token

from ...lexicon import RelationSpec, VerbTrigger
from ..words import words
from . import properties
from .arguments import RELATIVE_PRONOUNS, Resolver
from .clauses import owner_of_noun_subjects, subject_args, that_clause_subjects
from .context import Arg, children, clause_subject, conjuncts, dedupe, is_passive, own_subject, prep_objects, verb_object
from .groups import is_paired
from .phrases import is_military, quantity_head, relative_antecedent
from .properties import event_date
from .status import clause_status, decision_status, ending_governor, no_longer, noun_status, reporting

RECIPROCAL = {"each", "one"}


def _reciprocal(token: Token) -> bool:
    """"each other", "one another", "each other's militaries"."""
    for t in [token, *token.children]:
        if t.lower_ in ("other", "another") and any(c.lower_ in RECIPROCAL for c in t.children):
            return True
        if t.lower_ in RECIPROCAL and any(c.lower_ in ("other", "another") for c in t.children):
            return True  # "one another" parsed with "one" as the head
        if t.lower_ in ("other", "another") and t.i > 0 and t.doc[t.i - 1].lower_ in RECIPROCAL:
            return True
    return False


def _the_other(verb: Token, objects: list[Token]) -> bool:
    """"each side accuses the other", "both countries blame the other": the object is the other
    of the two parties the subject names."""
    subj = own_subject(verb) or clause_subject(verb)
    if subj is not None and subj.lower_ in RELATIVE_PRONOUNS:
        subj = None
    if subj is None or not is_paired(subj):
        return False
    return any(t.lower_ == "other" for t in objects)


class Constructions:
    def __init__(self, resolver: Resolver):
        self.resolver = resolver
        # place id -> the named place it lies in ("border with Sudan" -> "Sudan")
        self.broader: dict[str, str] = {}

    # -- transitive relations (recognize, accuse, warn, ...) -------------------------------
    def transitive(self, verb: Token, trig: VerbTrigger, spec: RelationSpec, sent: Span) -> list[dict]:
        r = self.resolver
        passive = is_passive(verb)
        subjects = subject_args(verb, r, sent)
        obj_tokens: list[Token] = []
        clause_objects: list[Token] = []
        if trig.object_prep:
            for c in verb.children:
                if c.dep_ in ("prep", "prt") and c.lower_ == trig.object_prep:
                    obj_tokens.extend(children(c, "pobj"))
                    if c.dep_ == "prt":
                        obj_tokens.extend(children(verb, "dobj"))
            if not obj_tokens:
                return []
        elif passive:
            obj_tokens = children(verb, "nsubjpass")
            if obj_tokens and obj_tokens[0].lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
                obj_tokens = [verb.head]  # "the cabinet, which was recognized by Japan"
            if not obj_tokens and verb.dep_ in ("acl", "relcl"):  # "the government recognized by Japan"
                obj_tokens = [verb.head]
        else:
            obj_tokens = children(verb, "dobj") or [
                # "accused neighboring Colombia": the participle read as a verb with the object
                d for c in children(verb, "xcomp") if c.lower_ in words("modifier_participles")
                for d in children(c, "dobj")]
            if obj_tokens and obj_tokens[0].lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
                obj_tokens = [relative_antecedent(verb)]  # "the party which Ankara accuses of ..."
            if trig.alt_object_prep:
                # "blamed the attack on Israel": the dobj is what happened, the accused follows
                alt = prep_objects(verb, (trig.alt_object_prep,))
                if alt and obj_tokens and not self._objects(obj_tokens, spec):
                    obj_tokens = alt[:1]
            if trig.clause_object:
                clause_objects = that_clause_subjects(verb)
            if trig.dobj_needs_prep and obj_tokens and not any(
                c.dep_ == "prep" and c.lower_ == trig.dobj_needs_prep for c in verb.children
            ):  # "charged Burundi with arming rebels" (pcomp) or "with treason" (pobj)
                obj_tokens = []
        if trig.clause_object and not obj_tokens and not clause_objects:
            return []
        if any(_reciprocal(t) for t in obj_tokens) or _the_other(verb, children(verb, "dobj")):
            return self._reciprocal(spec, verb, subjects, sent, props=self._charge(spec, verb, obj_tokens))
        objects = self._objects(obj_tokens, spec) + self._objects(clause_objects, spec)
        objects = [o for o in dedupe(objects) if o.ref["type"] in spec.object_types]
        subjects = [s for s in dedupe(subjects) if s.ref["type"] in spec.subject_types]
        if not subjects or not objects:
            return []
        status, ending = self._ending_status(verb, spec, sent, trig.ending)
        status = decision_status(verb, sent, status, performative=spec.performative)
        reported_by, status = reporting(verb, r, sent, status, subjects)
        return self.emit(spec, verb, subjects, objects, sent, status, reported_by,
                         self._charge(spec, verb, obj_tokens), ending=ending)

    def _ending_status(self, trigger: Token, spec: RelationSpec, sent: Span, ending: bool) -> tuple[str, bool]:
        """(status, is it an ending): "stopped recognizing X" is an ending with the status of
        "stopped"; "no longer recognizes X" an ending, not a negation."""
        governor = ending_governor(trigger, spec.ending_governors)
        if governor is not None:
            return clause_status(governor, sent), True
        no = no_longer(trigger)
        if no is not None:
            return clause_status(trigger, sent, skip=frozenset({no.i, no.head.i})), True
        return clause_status(trigger, sent), ending

    def _objects(self, tokens: list[Token], spec: RelationSpec) -> list[Arg]:
        out: list[Arg] = []
        for tok in tokens:
            if spec.relation == "RECOGNIZES":
                out.extend(self.resolver.recognized(tok, from_modifier=spec.object_from_modifier))
            else:
                out.extend(self.resolver.actors(tok, from_modifier=spec.object_from_modifier))
        return out

    def _charge(self, spec: RelationSpec, verb: Token, obj_tokens: list[Token]) -> dict[str, Any]:
        if not spec.charge_preps:
            return {}
        found = properties.charge([verb, *obj_tokens], spec.charge_preps)
        return {"charge": found} if found else {}

    def _reciprocal(self, spec, trigger: Token, subjects: list[Arg], sent: Span, props: dict) -> list[dict]:
        """"A and B accused each other": A->B and B->A."""
        subjects = [s for s in dedupe(subjects) if s.ref["type"] in spec.subject_types]
        if len(subjects) < 2:
            return []
        status = clause_status(trigger, sent) if trigger.pos_ != "NOUN" else noun_status(trigger, sent)
        out: list[dict] = []
        for s in subjects:
            others = [o for o in subjects if o.ref["id"] != s.ref["id"]]
            out.extend(self.emit(spec, trigger, [s], others, sent, status, None, props))
        return out

    # -- deployments -----------------------------------------------------------------------
    def deployment(self, verb: Token, trig: VerbTrigger, spec: RelationSpec, sent: Span) -> list[dict]:
        r = self.resolver
        passive = is_passive(verb)
        subjects: list[Arg] = []
        asset: Token | None = None
        shared_verb: Token | None = None
        destination_tokens: list[Token] = []
        if verb.pos_ == "NOUN":  # captions: "Russian bomber lands in Caracas" read as a noun
            asset = next((c for c in verb.children if c.dep_ in ("compound", "nmod", "amod") and is_military(c)), None)
        elif passive:
            asset = next(iter(children(verb, "nsubjpass")), None)
            if asset is None and verb.dep_ in ("acl", "relcl"):
                asset = verb.head  # "soldiers stationed near the lake"
            if not trig.arrival:
                subjects = subject_args(verb, r, sent)
        else:
            dobj, shared_verb = verb_object(verb)  # also the object a conjunct verb shares
            subj = clause_subject(verb)
            if subj is not None and subj.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
                subj = verb.head
            if subj is None and verb.dep_ in ("acl", "relcl") and verb.tag_ in ("VBG", "VBN"):
                subj = verb.head  # "troops arriving in X", "forces deployed to X"
            if trig.place_object:
                # "troops entered northern Iraq": the subject moves, the object is the place
                asset = subj
                if dobj is not None:
                    destination_tokens = conjuncts(dobj)
            elif dobj is not None and is_military(quantity_head(dobj)) and not trig.arrival:
                asset = dobj
                subjects = subject_args(verb, r, sent)
            elif subj is not None and (trig.arrival or dobj is None) and is_military(quantity_head(subj)):
                asset = subj  # intransitive motion: "Canadian soldiers arrived in Latvia"
            elif subj is None and dobj is None and not trig.arrival:
                asset = None
        if asset is None or not is_military(quantity_head(asset)):
            return []
        if trig.particle and not any(c.lower_ == trig.particle for c in verb.children):
            return []  # "pulled (its troops) out of X", not "pulled"
        if not subjects:
            # the force's country; a force is never an actor of its own ("AWACS ... arrived")
            subjects = r.asset_owners(asset) or [a for a in r.actors(asset) if a.ref["type"] == "Country"]
        subjects = [s for s in dedupe(subjects) if s.ref["type"] in spec.subject_types]
        if not subjects:
            return []
        preps = trig.place_preps or spec.destination_preps
        dests = self._destinations(verb, asset, spec, subjects, destination_tokens, preps)
        if not dests and shared_verb is not None:
            dests = self._destinations(shared_verb, asset, spec, subjects, (), preps)
        if not dests:
            return []
        status, ending = self._ending_status(verb, spec, sent, trig.ending)
        if any(d.dep_ == "det" and d.lower_ in ("no", "neither") for d in quantity_head(asset).children):
            status = "negated"
        reported_by, status = reporting(verb, r, sent, status, subjects)
        stop = {t.i for d in dests for t in d.token.subtree}
        stop |= {d.token.head.i for d in dests if d.token.dep_ == "pobj"}  # "... systems at" -> "... systems"
        props: dict[str, Any] = {"asset": properties.phrase(asset, stop)}
        scope = {t.i for t in verb.subtree} - {
            t.i for c in verb.children if c.dep_ in ("relcl", "ccomp") for t in c.subtree
        } - set(r.ctx.by_token)  # a name the model also tagged as a date ("Niger") is no date
        when = properties.when(sent, scope)
        if when:
            props["when"] = when
        return self.emit(spec, verb, subjects, dests, sent, status, reported_by, props, ending=ending)

    def _destinations(self, verb: Token, asset: Token | None, spec: RelationSpec, actors: list[Arg],
                      tokens: Sequence[Token] = (), preps: tuple[str, ...] = ()) -> list[Arg]:
        out: list[Arg] = []
        items = list(tokens)
        preps = preps or spec.destination_preps
        if not items:
            # "remain stationed in Lithuania": the participle holds the place; "pulled out of
            # Syria": the particle does
            holders = [verb, *children(verb, "acomp", "xcomp", "oprd", "prt", "advmod"),
                       *(c for c in verb.children if c.dep_ == "prep" and c.lower_ in ("out", "back"))]
            holders += [asset, quantity_head(asset)] if asset is not None else []
            for h in holders:
                items = prep_objects(h, preps)
                if items:
                    break
            if not items and verb.pos_ == "NOUN" and verb.dep_ == "conj":
                # "fighting and the dispatch of troops to X": the phrase after the noun, hung by
                # the parser on the first noun of the coordination
                items = [t for t in prep_objects(verb.head, preps) if t.i > verb.i]
        if not items:
            # "sent troops to seize Norland's northern province": the place of the purpose
            for c in children(verb, "xcomp", "advcl"):
                if c.lemma_.lower() in words("purpose_place_verbs"):
                    items = [t for d in children(c, "dobj") for t in conjuncts(d)]
                    if items:
                        break
        for item in items:
            for place, broader in self.resolver.places(item, actors):
                if broader is not None:
                    self.broader[place["id"]] = broader["name"]
                out.append(Arg(place, item, 0.9 if self.resolver.ctx.mention(item) else 0.75))
        return dedupe(out)

    # -- nominal forms ---------------------------------------------------------------------
    def nominal(self, noun: Token, spec: RelationSpec, sent: Span, ending: bool = False) -> list[dict]:
        if noun.dep_ == "compound":  # "deployment plan", "recognition bid"
            return []
        r = self.resolver
        # "recognition from Brazil" is Brazil's; "withdrawal from Syria" is no one's
        subjects = owner_of_noun_subjects(noun, r, ("by",) if spec.is_deployment else ("by", "from"))
        head = noun.head
        governor = ending_governor(noun, spec.ending_governors + spec.switch_verbs)
        if governor is not None:
            # "Russia withdrew its recognition of X", "Panama switched recognition from A to B"
            if governor.lemma_.lower() in spec.switch_verbs:
                return self._switch(spec, noun, governor, subject_args(governor, r, sent), sent)
            if not subjects:
                subjects = subject_args(governor, r, sent)
            ending = True
        if not subjects and noun.dep_ == "pobj" and head.lower_ == "with" and head.head.pos_ == "VERB":
            subjects = subject_args(head.head, r, sent)  # "responded with accusations that ..."
        if noun.dep_ == "dobj" and head.lemma_ in words("reciprocal_verbs"):
            # "India and Pakistan traded accusations"
            return self._reciprocal(spec, noun, subject_args(head, r, sent), sent, {})
        if any(c.dep_ == "compound" and c.lemma_.lower() in words("reciprocal_verbs") for c in noun.children):
            # headlines read as one noun phrase: "India, Pakistan trade accusations"
            names = [c for c in noun.children if c.dep_ in ("compound", "nmod") and c.i < noun.i]
            if noun.dep_ in ("conj", "appos") and noun.head.i < noun.i:
                names.insert(0, noun.head)  # "Chile, Peru trade accusations" read as a list
            parties = [a for c in names for a in r.actors(c)]
            return self._reciprocal(spec, noun, parties, sent, {})
        receiver: list[Arg] = []
        if noun.dep_ in ("dobj", "nsubjpass") and head.lemma_ in words("receiving_verbs"):
            for p in prep_objects(head, ("from", "by")):
                subjects.extend(r.actors(p))
            receiver = subject_args(head, r, sent)
        if noun.dep_ in ("dobj", "nsubjpass") and head.lemma_ in words("giving_verbs") and not spec.is_deployment:
            # "Peru granted diplomatic recognition to Kosovo", "gave Kosovo its recognition":
            # the giver acts, the receiver is the object
            subjects = subjects or subject_args(head, r, sent)
            given = prep_objects(head, ("to",)) + [c for c in head.children if c.dep_ == "dative" and c.pos_ != "ADP"]
            receiver = receiver + self._objects(given, spec)
        props: dict[str, Any] = {}
        if spec.is_deployment:
            asset = next(iter(prep_objects(noun, ("of",))), None)
            if asset is not None and not is_military(quantity_head(asset)):
                return []
            # "Russia's withdrawal from Syria" needs no force named: leaving a place is the event
            if asset is None and not ending and not any(
                    t.lemma_.lower() in words("military_modifiers") for t in noun.lefts):
                return []
            if not subjects or all(s.token.i in {t.i for t in noun.subtree} and s.token.dep_ == "amod" for s in subjects):
                owners = r.asset_owners(asset) if asset is not None else []
                subjects = subjects or owners or r.asset_owners(noun)
            if not subjects and noun.dep_ == "dobj" and head.lemma_.lower() in words("directing_verbs"):
                # "I directed the deployment of 200 personnel to X": whoever directs it (an order
                # stays an order: the status decision reads the verb)
                subjects = subject_args(head, r, sent)
            preps = ("from", "out") if ending and governor is None else spec.destination_preps
            objects = self._destinations(noun, asset, spec, subjects, (), preps)
            if asset is not None:
                props["asset"] = properties.phrase(asset)
        else:
            objects = list(receiver)
            for p in prep_objects(noun, spec.noun_object_preps):
                objects.extend(self._objects([p], spec))
            if spec.charge_preps:
                # "Ethiopia's charge that Eritrea is arming rebels", "accusations that ..."
                clause = that_clause_subjects(noun)
                if not clause and noun.lemma_ in spec.clause_nouns:
                    return []  # "charge" without a that-clause is no accusation ("criminal charges")
                for t in clause:
                    objects.extend(self._objects([t], spec))
                props = self._charge(spec, noun, [])
        subjects = [s for s in dedupe(subjects) if s.ref["type"] in spec.subject_types]
        objects = [o for o in dedupe(objects) if o.ref["type"] in spec.object_types or spec.is_deployment]
        if not subjects or not objects:
            return []
        if governor is not None:
            status = clause_status(governor, sent)
        else:
            status = noun_status(noun, sent, performative=spec.performative, speech_act=spec.speech_act)
        reported_by, status = reporting(noun, r, sent, status, subjects)
        return self.emit(spec, noun, subjects, objects, sent, status, reported_by, props, ending=ending)

    def _switch(self, spec, noun: Token, verb: Token, subjects: list[Arg], sent: Span) -> list[dict]:
        """"switched recognition from Taipei to Beijing": ends Taiwan, starts China."""
        subjects = [s for s in dedupe(subjects) if s.ref["type"] in spec.subject_types]
        status = clause_status(verb, sent)
        reported_by, status = reporting(verb, self.resolver, sent, status, subjects)
        out: list[dict] = []
        for prep, ending in (("from", True), ("to", False)):
            holders = [verb, noun]
            objects = [o for h in holders for p in prep_objects(h, (prep,)) for o in self._objects([p], spec)]
            objects = [o for o in dedupe(objects) if o.ref["type"] in spec.object_types]
            out.extend(self.emit(spec, noun, subjects, objects, sent, status, reported_by, {}, ending=ending))
        return out

    # -- output ----------------------------------------------------------------------------
    def emit(self, spec, trigger: Token, subjects: list[Arg], objects: list[Arg], sent: Span,
             status: str, reported_by: dict | None, props: dict, ending: bool = False) -> list[dict]:
        out = []
        for s in subjects:
            for o in objects:
                if s.ref["id"] == o.ref["id"]:
                    continue
                confidence = round(min(s.confidence, o.confidence) * (0.8 if reported_by else 1.0), 2)
                properties = dict(props)
                if "when" not in properties:
                    found = event_date(trigger, sent, self.resolver.ctx.by_token)
                    if found:
                        properties["when"] = found
                if spec.is_deployment and o.ref["id"] in self.broader:
                    properties["broader_place"] = self.broader[o.ref["id"]]
                out.append({
                    "relation": spec.relation,
                    "subject": dict(s.ref),
                    "object": dict(o.ref),
                    "sent": [sent.start_char, sent.end_char],
                    "trigger": trigger.i,
                    "status": status,
                    "reported_by": dict(reported_by) if reported_by else None,
                    "properties": properties,
                    "confidence": confidence,
                    "ending": ending,
                })
        return out
