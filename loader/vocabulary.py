"""The words of questions about each relation type, taken from the relation lexicon.

Every verb of ``loader/data/relations.jsonl`` that questions use (not an arrival verb such as
"arrive" or "be", whose subject is the force, and not a verb marked ``"ask": false`` such as
"have") in all its inflections, from lemminflect ("send", "sends", "sent", "sending"), with the
preposition that introduces its object ("call on": "calls on", "called on"); and every noun of
the lexicon, also in the plural, with the prepositions that introduce its object ("support for",
"warnings to"; for a relation whose object is a place, its destination prepositions: "presence
in"); and the words of a force, the extractor's own military assets ("troops", "warships"). A relation type added to the lexicon brings its words, and so its questions, with it.
"""

from __future__ import annotations

import importlib.abc
import re
import sys
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable, Iterable

from .extract.words import words as word_list
from .lexicon import VerbTrigger, lexicon

# Penn Treebank tags of the verb forms: base, 3rd person singular, past, past participle, -ing
VERB_TAGS = ("VB", "VBZ", "VBD", "VBN", "VBG")


@dataclass(frozen=True)
class Words:
    verbs: dict[str, VerbTrigger]  # every form, with its object preposition ("called on") -> the verb
    bases: frozenset[str]  # the forms after do/does/did, has/have: base form and past participle
    participles: frozenset[str]  # the passive's: "recognized by", "called on by"
    noun_phrases: dict[str, str]  # a noun and the preposition of its object ("support for") -> relation
    # verbs marked "ask": false (not arrival verbs): asked about only with a force named, "Who has
    # troops in Syria?", "Which countries keep forces in Mali?"
    holding: dict[str, VerbTrigger]
    # the words of a force ("troops", "warships", "personnel"): the extractor's military assets
    # (loader/data/words.json), singular and plural
    assets: frozenset[str]

    def forms_of(self, relation: str, among: Iterable[str] | None = None) -> list[str]:
        """The verb forms of one relation type (of ``among`` only, if given)."""
        return [f for f in (self.verbs if among is None else among) if self.verbs[f].relation == relation]


class _WithoutSpacy(importlib.abc.MetaPathFinder):
    """Makes ``import spacy`` fail: lemminflect hooks itself into spaCy when it can import it,
    which would cost every ``kgload ask`` a second for a library that questions do not use."""

    def find_spec(self, fullname, path=None, target=None):
        if fullname == "spacy" or fullname.startswith("spacy."):
            raise ModuleNotFoundError(f"No module named {fullname!r}", name=fullname)
        return None


def _inflection() -> Callable[[str, str], tuple[str, ...] | None]:
    """lemminflect's ``getInflection(lemma, tag)``."""
    if "lemminflect" not in sys.modules and "spacy" not in sys.modules:
        blocker = _WithoutSpacy()
        sys.meta_path.insert(0, blocker)
        try:
            import lemminflect  # noqa: F401
        finally:
            sys.meta_path.remove(blocker)
    from lemminflect import getInflection

    return getInflection


def inflections(word: str, tags: Iterable[str]) -> dict[str, tuple[str, ...]]:
    """``{tag: spellings}``: ``inflections("fly", ["VBN"]) == {"VBN": ("flown",)}``. Words
    lemminflect does not know are inflected by its rules."""
    get = _inflection()
    return {tag: tuple(get(word, tag) or (word,)) for tag in tags}


@lru_cache(maxsize=1)
def question_words() -> Words:
    verbs: dict[str, VerbTrigger] = {}
    bases: set[str] = set()
    participles: set[str] = set()
    noun_phrases: dict[str, str] = {}
    holding: dict[str, VerbTrigger] = {}
    for spec in lexicon().specs.values():
        for verb in spec.verbs:
            if verb.arrival:
                continue
            prep = f" {verb.object_prep}" if verb.object_prep else ""
            for tag, spellings in inflections(verb.lemma, VERB_TAGS).items():
                for spelling in spellings:
                    form = spelling + prep
                    if not verb.ask:
                        holding.setdefault(form, verb)
                        continue
                    verbs.setdefault(form, verb)  # the first relation that has a form keeps it
                    if tag in ("VB", "VBN"):
                        bases.add(form)
                    if tag == "VBN":
                        participles.add(form)
        preps = spec.destination_preps or spec.noun_object_preps
        for noun in spec.nouns:
            for spelling in dict.fromkeys([noun, *inflections(noun, ["NNS"])["NNS"]]):
                for prep in preps:
                    noun_phrases.setdefault(f"{spelling} {prep}", spec.relation)
    assets = {spelling for lemma in word_list("military_assets")
              for spelling in (lemma, *inflections(lemma, ["NNS"])["NNS"])}
    return Words(verbs, frozenset(bases), frozenset(participles), noun_phrases, holding, frozenset(assets))


def alternation(phrases: Iterable[str]) -> str:
    """A regex alternation of ``phrases``, longest first, any white space between their words."""
    return "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in sorted(set(phrases), key=lambda p: (-len(p), p)))


def phrase(text: str) -> str:
    """A matched verb or noun phrase as the keys of ``Words`` spell it."""
    return re.sub(r"\s+", " ", text.strip().lower())


@lru_cache(maxsize=1)
def demonyms() -> dict[str, str]:
    """Demonym (as ``names.lookup_key`` keys it) -> its country's name, from
    ``loader/data/demonyms.jsonl`` (the extractor's gazetteer reads the same file): "Russian" ->
    "Russia", "American" -> "United States", for questions such as "Where are Russian troops?"."""
    import json
    from importlib import resources

    from .names import lookup_key

    out: dict[str, str] = {}
    text = resources.files("loader.data").joinpath("demonyms.jsonl").read_text(encoding="utf-8")
    for line in text.splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            obj = json.loads(line)
            for form in obj["forms"]:
                out.setdefault(lookup_key(form), obj["country"])
    return out
