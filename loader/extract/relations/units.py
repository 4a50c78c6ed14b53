"""Military units and ships, and whose forces a phrase names.

``loader/data/units.jsonl``: ship prefixes ("USS"), well-known units and naming conventions
with their countries, and the abbreviations of unit names ("Div." for Division). A named unit or
ship stands for its country when its name, a prefix, its owner phrase or the document makes it
plain ("the 4th Infantry Division", "USS Example", "the 66th Example Regiment, 4th Infantry
Division"); forces the phrase does not place take the one country whose forces the document
names.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from spacy.tokens import Token

from ...names import lookup_key
from ..gazetteer import gazetteer
from ..words import words
from .arguments import Resolver
from .context import Arg, children, conjuncts
from .phrases import is_military, quantity_head


def data_lines(name: str) -> list[dict]:
    """The JSON objects of a JSONL file of ``loader/data`` (blank lines and ``#`` lines skipped)."""
    text = resources.files("loader.data").joinpath(name).read_text(encoding="utf-8")
    return [json.loads(line) for line in text.splitlines() if line.strip() and not line.startswith("#")]


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



@lru_cache(maxsize=1)
def unit_table() -> UnitTable:
    nouns: set[str] = set()
    prefixes: list[tuple[str, str]] = []
    units: dict[str, str] = {}
    suffixes: list[tuple[str, str]] = []
    abbreviations: dict[str, str] = {}
    ships: list[str] = []
    for obj in data_lines("units.jsonl"):
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
