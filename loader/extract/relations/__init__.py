"""Relations from the dependency parse, driven by the lexicon (the ``kgload_relations`` component).

A ``Matcher`` finds the lexicon's trigger words (verbs and nouns by lemma); for each trigger a
construction (``constructions.py``) finds its arguments in the parse, through one argument
resolver (``arguments.py``: named entities, forces by nationality, officials by country,
pronouns bound in the sentence, unnamed places) and one status decision (``status.py``).
Who acts in a clause is ``clauses.py``; what a sentence adds (asset, date, charge) is
``properties.py``. Results are plain dicts on ``doc._.kg_relations``.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc

from ...lexicon import Lexicon, lexicon
from ..words import words
from .arguments import Resolver
from .constructions import Constructions
from .context import Context
from .frames import FrameEngine, frame_table
from .status import better

if not Doc.has_extension("kg_relations"):
    Doc.set_extension("kg_relations", default=None)


class RelationFinder:
    def __init__(self, lex: Lexicon, nlp: Language):
        self.lex = lex
        self.verbs = lex.verb_triggers()
        self.nouns = lex.noun_triggers()
        self.matcher = Matcher(nlp.vocab)
        self.matcher.add("VERB", [
            [{"LEMMA": {"IN": sorted(self.verbs)}, "POS": "VERB"}],
            # "there are troops in X", "has troops on Y": be/have as main verbs, not auxiliaries
            [{"LEMMA": {"IN": sorted(self.verbs)}, "POS": "AUX", "DEP": {"NOT_IN": ["aux", "auxpass"]}}],
        ])
        self.matcher.add("NOUN", [[{"LEMMA": {"IN": sorted(self.nouns)}, "POS": {"IN": ["NOUN"]}}]])
        self._military_words = words("military_assets") | words("military_modifiers")
        self.ending_verbs = lex.ending_verb_triggers()
        self.ending_nouns = lex.ending_noun_triggers()
        self.matcher.add("END_VERB", [[{"LEMMA": {"IN": sorted(self.ending_verbs)}, "POS": "VERB"}]])
        self.matcher.add("END_NOUN", [[{"LEMMA": {"IN": sorted(self.ending_nouns)}, "POS": "NOUN"}]])
        arrival = sorted({v.lemma for vs in self.verbs.values() for v in vs if v.arrival})
        self._arrival_forms = {f: a for a in arrival for f in (a, a + "s", a + "es")}
        # captions: "A Russian bomber lands in Caracas" (tagged as a noun at the root)
        # frames (loader/data/frames.jsonl): triggers whose roles the frame engine looks for
        self.frames = frame_table()
        self.matcher.add("FRAME", [
            [{"LEMMA": {"IN": sorted(self.frames.triggers)}, "POS": "VERB"}],
            # "has been in X", "has troops in X": be/have as main verbs, not auxiliaries
            [{"LEMMA": {"IN": sorted(self.frames.triggers)}, "POS": "AUX", "DEP": {"NOT_IN": ["aux", "auxpass"]}}],
        ])
        self.matcher.add("ARRIVAL_NOUN", [[{"LOWER": {"IN": sorted(self._arrival_forms)}, "POS": "NOUN", "DEP": "ROOT"}]])

    def __call__(self, doc: Doc) -> Doc:
        ctx = Context(doc, doc._.kg_mentions or [])
        rules = Constructions(Resolver(ctx))
        found: list[dict] = []
        framed: list = []  # frame triggers, filled after the constructions
        strings = doc.vocab.strings
        military: dict[int, bool] = {}  # sentence start -> does it name any force at all?
        for match_id, start, _end in self.matcher(doc):
            token = doc[start]
            kind = strings[match_id]
            sent = token.sent
            if sent.start not in military:
                military[sent.start] = any(
                    t.lemma_.lower() in self._military_words or t.lower_ in self._military_words for t in sent)
            if kind == "FRAME":
                if token.lemma_ in ("be", "have") and not military[sent.start]:
                    continue  # "is", "has" everywhere: a presence only where forces are named
                framed.append(token)
                continue
            if kind == "END_NOUN":
                for relation in self.ending_nouns.get(token.lemma_, []):
                    found.extend(rules.nominal(token, self.lex.specs[relation], sent, ending=True))
                continue
            if kind == "END_VERB":
                for trig in self.ending_verbs.get(token.lemma_, []):
                    spec = self.lex.specs[trig.relation]
                    if spec.is_deployment and military[sent.start]:
                        found.extend(rules.deployment(token, trig, spec, sent))
                    elif not spec.is_deployment:
                        found.extend(rules.transitive(token, trig, spec, sent))
                continue
            if kind == "NOUN":
                for relation in self.nouns.get(token.lemma_, []):
                    spec = self.lex.specs[relation]
                    if spec.requires_military_asset and not military[sent.start]:
                        continue
                    found.extend(rules.nominal(token, spec, sent))
                continue
            lemma = token.lemma_ if kind == "VERB" else self._arrival_forms[token.lower_]
            for trig in self.verbs.get(lemma, []):
                if kind != "VERB" and not trig.arrival:
                    continue
                spec = self.lex.specs[trig.relation]
                if spec.requires_military_asset and not military[sent.start]:
                    continue  # a deployment needs a force or weapon named in its sentence
                if spec.is_deployment:
                    found.extend(rules.deployment(token, trig, spec, sent))
                else:
                    found.extend(rules.transitive(token, trig, spec, sent))
        covered = {rel["trigger"] for rel in found}
        engine = FrameEngine(rules, self.frames)
        for token in framed:
            if token.i not in covered:
                spec = self.lex.specs[self.frames.triggers[token.lemma_.lower()].relation]
                found.extend(engine.relations(token, spec, token.sent))
        # one record per (sentence, subject, relation, object): the same mention found by two
        # routes counts once
        unique: dict[tuple, dict] = {}
        for rel in found:
            key = (rel["sent"][0], rel["subject"]["id"], rel["relation"], rel["object"]["id"], rel["ending"])
            if key not in unique or better(rel, unique[key]):
                unique[key] = rel
        doc._.kg_relations = sorted(
            unique.values(),
            key=lambda r: (r["sent"][0], r["trigger"], r["relation"], r["subject"]["id"], r["object"]["id"]),
        )
        return doc


@Language.factory("kgload_relations", assigns=["doc._.kg_relations"], requires=["doc._.kg_mentions"])
def make_relation_finder(nlp: Language, name: str) -> RelationFinder:
    return RelationFinder(lexicon(), nlp)
