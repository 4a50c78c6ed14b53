"""A pronoun inside the phrase that would be its own antecedent ("Soldiers and their officers
left": "their" -> the subject "Soldiers and their officers" -> "their" ...) stands for nobody
instead of recursing without end. A hand-built parse: the point is the rule, not the model."""

import spacy
from spacy.tokens import Doc

from loader.extract.relations.arguments import Resolver
from loader.extract.relations.context import Context


def test_a_pronoun_in_its_own_antecedent_stands_for_nobody():
    nlp = spacy.blank("en")
    words = ["Soldiers", "and", "their", "officers", "left", "."]
    doc = Doc(nlp.vocab, words=words, heads=[4, 0, 3, 0, 4, 4],
              deps=["nsubj", "cc", "poss", "conj", "ROOT", "punct"],
              pos=["NOUN", "CCONJ", "PRON", "NOUN", "VERB", "PUNCT"],
              lemmas=["soldier", "and", "their", "officer", "leave", "."])
    resolver = Resolver(Context(doc, []))
    assert resolver.pronoun(doc[2]) == []
    assert resolver.actors(doc[0]) == []
