"""The relation lexicon (``loader/data/relations.jsonl``): one relation type per line.

Each line names the type, its CAMEO code, the trigger verbs (lemma, optionally the preposition
that introduces the object, and whether it is an arrival verb whose subject is the asset) and
nouns, the argument types, and role details. A new relation type is a new line.

The only reader of that file (blank lines and lines starting with ``#`` are skipped). It imports
no spaCy: the extractor (``loader.extract``), the loader's allowlist and ``kgload ask`` all use it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources


@dataclass(frozen=True)
class VerbTrigger:
    lemma: str
    relation: str
    object_prep: str | None = None
    # the subject is what moves or is present (the force), not who sends it: "troops arrived"
    arrival: bool = False
    # the object is the place: "troops entered northern Iraq"
    place_object: bool = False
    # "blamed the attack on Israel": when the direct object is no actor, the object follows this
    alt_object_prep: str | None = None
    # the subject of a that-clause is the object: "charged that Britain is stoking tensions"
    clause_object: bool = False
    # a direct object counts only with this preposition too: "charged Chavez with ..."
    dobj_needs_prep: str | None = None
    # a question verb of ``kgload ask``; ``"ask": false`` in the file for verbs such as "have" or
    # "keep" that make a deployment in an article but a question only with a force named ("Who has
    # troops in Syria?"); arrival verbs ("arrive", "be") make none
    ask: bool = True
    # an ending event of the relation: "withdrew its troops from Syria", "troops left Mali"
    ending: bool = False
    # where an ending verb names the place the force leaves: "from", "of" ("pulled out of")
    place_preps: tuple[str, ...] = ()
    # a particle the verb needs: "pulled (its troops) out"
    particle: str | None = None


@dataclass
class RelationSpec:
    relation: str
    cameo: str
    description: str
    subject_types: tuple[str, ...]
    object_types: tuple[str, ...]
    core: bool = False
    verbs: list[VerbTrigger] = field(default_factory=list)
    nouns: list[str] = field(default_factory=list)
    charge_preps: tuple[str, ...] = ()
    destination_preps: tuple[str, ...] = ()
    noun_object_preps: tuple[str, ...] = ("of",)
    requires_military_asset: bool = False
    object_from_modifier: bool = False
    # done by being declared: "the decision to recognize X" is the recognition
    performative: bool = False
    # said rather than done: "U.S. charges that ..." were made even when denied
    speech_act: bool = False
    # nouns that count only with a that-clause, whose subject is the object ("charge that ...")
    clause_nouns: tuple[str, ...] = ()
    # ending events (the relation stops holding), with the same arguments as the relation:
    # verbs ("withdraw troops from"), nouns ("the withdrawal of troops from"), verbs that end
    # the relation's own trigger ("withdrew its recognition of", "stopped recognizing"), and
    # verbs that end one object and start another ("switched recognition from A to B")
    ending_verbs: list[VerbTrigger] = field(default_factory=list)
    ending_nouns: tuple[str, ...] = ()
    ending_governors: tuple[str, ...] = ()
    switch_verbs: tuple[str, ...] = ()

    @property
    def is_deployment(self) -> bool:
        return bool(self.destination_preps)


@dataclass
class Lexicon:
    specs: dict[str, RelationSpec]

    def verb_triggers(self) -> dict[str, list[VerbTrigger]]:
        out: dict[str, list[VerbTrigger]] = {}
        for spec in self.specs.values():
            for verb in spec.verbs:
                out.setdefault(verb.lemma, []).append(verb)
        return out

    def ending_verb_triggers(self) -> dict[str, list[VerbTrigger]]:
        out: dict[str, list[VerbTrigger]] = {}
        for spec in self.specs.values():
            for verb in spec.ending_verbs:
                out.setdefault(verb.lemma, []).append(verb)
        return out

    def ending_noun_triggers(self) -> dict[str, list[str]]:
        out: dict[str, list[str]] = {}
        for spec in self.specs.values():
            for noun in spec.ending_nouns:
                out.setdefault(noun, []).append(spec.relation)
        return out

    def noun_triggers(self) -> dict[str, list[str]]:
        out: dict[str, list[str]] = {}
        for spec in self.specs.values():
            for noun in spec.nouns:
                out.setdefault(noun, []).append(spec.relation)
        return out


def _parse(line: dict) -> RelationSpec:
    relation = line["relation"]
    verbs = [
        VerbTrigger(
            lemma=v["lemma"], relation=relation, object_prep=v.get("object_prep"),
            arrival=bool(v.get("arrival")), place_object=bool(v.get("place_object")),
            alt_object_prep=v.get("alt_object_prep"), clause_object=bool(v.get("clause_object")),
            dobj_needs_prep=v.get("dobj_needs_prep"), ask=bool(v.get("ask", True)) and not v.get("arrival"),
        )
        for v in line.get("verbs", [])
    ]
    return RelationSpec(
        relation=relation,
        cameo=str(line.get("cameo", "")),
        description=line.get("description", ""),
        subject_types=tuple(line.get("subject_types", ())),
        object_types=tuple(line.get("object_types", ())),
        core=bool(line.get("core")),
        verbs=verbs,
        nouns=list(line.get("nouns", [])),
        charge_preps=tuple(line.get("charge_preps", ())),
        destination_preps=tuple(line.get("destination_preps", ())),
        noun_object_preps=tuple(line.get("noun_object_preps", ("of",))),
        requires_military_asset=bool(line.get("requires_military_asset")),
        object_from_modifier=bool(line.get("object_from_modifier")),
        performative=bool(line.get("performative")),
        speech_act=bool(line.get("speech_act")),
        clause_nouns=tuple(line.get("clause_nouns", ())),
        ending_verbs=[
            VerbTrigger(
                lemma=v["lemma"], relation=relation, arrival=bool(v.get("arrival")),
                place_object=bool(v.get("place_object")), ask=False, ending=True,
                place_preps=tuple(v.get("place_preps", ("from",))), particle=v.get("particle"),
            )
            for v in line.get("ending_verbs", [])
        ],
        ending_nouns=tuple(line.get("ending_nouns", ())),
        ending_governors=tuple(line.get("ending_governors", ())),
        switch_verbs=tuple(line.get("switch_verbs", ())),
    )


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    text = resources.files("loader.data").joinpath("relations.jsonl").read_text(encoding="utf-8")
    specs: dict[str, RelationSpec] = {}
    for line in text.splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            spec = _parse(json.loads(line))
            specs[spec.relation] = spec
    return Lexicon(specs)


def relation_types() -> list[str]:
    """The allowlist of relation types, in lexicon order."""
    return list(lexicon().specs)


def core_relation_types() -> list[str]:
    """The core relation types (``"core": true`` in the lexicon), which ``kgload eval`` scores by
    default and ``kgload ask`` answers with queries of their own."""
    return [name for name, spec in lexicon().specs.items() if spec.core]


def place_relation_types() -> list[str]:
    """The relation types whose object is a place (a deployment's destination): those with
    destination prepositions. A capital there is the city, not the government."""
    return [name for name, spec in lexicon().specs.items() if spec.is_deployment]
