"""The model's attribute rules applied with arrays (loader/extract/attribute_rules.py) give what
spaCy's own AttributeRuler gives: first on rulers written here (no model), then on the model's."""

from __future__ import annotations

import numpy
import pytest
import spacy
from spacy.attrs import DEP, HEAD, LEMMA, MORPH, POS, TAG
from spacy.tokens import Doc

from loader.extract.attribute_rules import AttributeRules
from tests.conftest import SHARED

COMPARED = [POS, MORPH, LEMMA, TAG, DEP, HEAD]


def tagged(nlp, words: list[str], tags: list[str], deps: list[str] | None = None) -> Doc:
    return Doc(nlp.vocab, words=words, tags=tags, deps=deps or ["dep"] * len(words),
               heads=list(range(len(words))))


def both(ruler, doc: Doc) -> tuple[Doc, Doc]:
    """(spaCy's ruler on a copy, AttributeRules on another copy)."""
    fast = AttributeRules.from_ruler(ruler)
    assert fast is not None
    return ruler(doc.copy()), fast(doc.copy())


def small_ruler():
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"TAG": "NN"}]], {"POS": "NOUN"})
    ruler.add([[{"TAG": "VBZ"}]], {"POS": "VERB", "MORPH": "Number=Sing"})
    ruler.add([[{"TAG": "VBZ", "LOWER": "is"}]], {"POS": "AUX", "LEMMA": "be"})  # later: wins over the tag
    ruler.add([[{"DEP": "expl"}, {"LOWER": {"IN": ["is", "are"]}}]], {"POS": "VERB"}, index=1)
    ruler.add([[{"LOWER": {"REGEX": "^y'?$"}}, {"LOWER": "all"}]], {"LEMMA": "you"})
    ruler.add([[{"TAG": {"NOT_IN": ["NN", "VBZ"]}, "LOWER": "so"}]], {"POS": "ADV"})
    ruler.add([[{"IS_SPACE": True}]], {"POS": "SPACE", "TAG": "_SP"})
    return nlp, ruler


def test_a_later_rule_wins_and_a_rule_of_two_tokens_sets_the_token_it_names():
    nlp, ruler = small_ruler()
    doc = tagged(nlp, ["there", "is", "a", "cat", "y'", "all", "so", "so", "  "],
                 ["EX", "VBZ", "DT", "NN", "PRP", "DT", "RB", "NN", "_SP"],
                 ["expl", "ROOT", "det", "attr", "nsubj", "det", "advmod", "dobj", "dep"])
    theirs, ours = both(ruler, doc)
    # worked out by hand: "is" gets AUX/be from the third rule, then VERB from the two-token rule
    # (added after it); "cat" NOUN; "y'" lemma "you"; the first "so" (RB) ADV, the second (NN) NOUN
    assert [t.pos_ for t in ours] == ["", "VERB", "", "NOUN", "", "", "ADV", "NOUN", "SPACE"]
    assert ours[1].lemma_ == "be" and str(ours[1].morph) == "Number=Sing"
    assert ours[4].lemma_ == "you"
    assert ours[8].tag_ == "_SP"
    assert numpy.array_equal(theirs.to_array(COMPARED), ours.to_array(COMPARED))


def test_a_rule_order_reversed_gives_the_other_winner():
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"TAG": "VBZ", "LOWER": "is"}]], {"POS": "AUX"})
    ruler.add([[{"TAG": "VBZ"}]], {"POS": "VERB"})  # later and more general: wins
    theirs, ours = both(ruler, tagged(nlp, ["it", "is"], ["PRP", "VBZ"]))
    assert ours[1].pos_ == theirs[1].pos_ == "VERB"


def test_a_rule_of_a_shape_it_does_not_read_keeps_the_models_ruler():
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"TAG": "NN", "LENGTH": {">": 3}}]], {"POS": "NOUN"})
    assert AttributeRules.from_ruler(ruler) is None


@pytest.fixture(scope="module")
def model_parts():
    """The model without NER, its own ruler and lemmatizer, and a pipe that stops before them."""
    from loader.settings import model_candidates

    for name in model_candidates(None):
        try:
            nlp = spacy.load(name, exclude=["ner"])
            break
        except OSError:
            continue
    else:
        pytest.fail("no spaCy model installed")
    return nlp, nlp.get_pipe("attribute_ruler"), nlp.get_pipe("lemmatizer")


def same_tokens(model_parts, texts: list[str]) -> list[int]:
    """Indexes of the texts whose tokens differ between the model's ruler and AttributeRules
    (the lemmatizer run after each, as in the pipeline)."""
    nlp, ruler, lemmatizer = model_parts
    fast = AttributeRules.from_ruler(ruler)
    assert fast is not None
    differ = []
    for i, doc in enumerate(nlp.pipe(texts, disable=["attribute_ruler", "lemmatizer"])):
        theirs = lemmatizer(ruler(doc.copy()))
        ours = lemmatizer(fast(doc.copy()))
        if not numpy.array_equal(theirs.to_array(COMPARED), ours.to_array(COMPARED)):
            differ.append(i)
    return differ


@pytest.mark.model
def test_the_models_rules_give_the_same_tokens_on_invented_text(model_parts):
    texts = [
        "There is a garrison near the border, and there are two more in the north.",
        "Y'all gonna see what we ain't done yet; let's go, c'mon!",
        "I told him she gave it to them, but they kept theirs and ours.",
        "The minister, who had nothing to say, said something anyway.  Then   he left.",
        "Can't we? Could've, should've, would've. It's theirs, isn't it?",
    ]
    assert same_tokens(model_parts, texts) == []
    nlp, ruler, lemmatizer = model_parts
    fast = AttributeRules.from_ruler(ruler)
    doc = lemmatizer(fast(next(nlp.pipe(["There is a garrison."], disable=["attribute_ruler", "lemmatizer"]))))
    # by hand: the model's rule for an expletive's verb makes "is" a VERB, lemma "be"
    assert (doc[1].pos_, doc[1].lemma_) == ("VERB", "be")


@pytest.mark.model
def test_the_pipeline_runs_the_rules_in_the_rulers_place():
    from loader.extract.nlp import load_pipeline

    nlp, _ = load_pipeline(None)
    names = nlp.pipe_names
    assert names.index("parser") < names.index("attribute_ruler") < names.index("lemmatizer")
    assert nlp.get_pipe_meta("attribute_ruler").factory == "kgload_attribute_rules"


@pytest.mark.corpus
@pytest.mark.model
def test_the_models_rules_give_the_same_tokens_on_the_corpus(model_parts):
    texts = [p.read_text(encoding="utf-8") for folder in ("corpus", "corpus-blind")
             for p in sorted((SHARED / folder / "texts").glob("*.txt"))]
    assert len(texts) > 100
    assert same_tokens(model_parts, texts) == []


def test_a_rule_whose_index_falls_outside_its_pattern_keeps_the_models_ruler():
    # spaCy raises E1001 when such a rule matches; AttributeRules must never write another token
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "gon"}, {"LOWER": "na"}]], {"LEMMA": "go"}, index=-3)
    assert AttributeRules.from_ruler(ruler) is None
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"TAG": "NN"}]], {"POS": "NOUN"}, index=1)
    assert AttributeRules.from_ruler(ruler) is None


def test_a_rule_of_two_tokens_added_first_loses_to_a_later_single_token_rule():
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"DEP": "expl"}, {"LOWER": "is"}]], {"POS": "VERB"}, index=1)
    ruler.add([[{"TAG": "VBZ"}]], {"POS": "AUX"})
    theirs, ours = both(ruler, tagged(nlp, ["there", "is"], ["EX", "VBZ"], ["expl", "ROOT"]))
    assert ours[1].pos_ == theirs[1].pos_ == "AUX"


def test_a_negative_index_on_patterns_of_different_widths_names_each_ones_own_token():
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "gon"}, {"LOWER": "na"}], [{"LOWER": "got"}, {"LOWER": "ta"}, {"LOWER": "go"}]],
              {"LEMMA": "to"}, index=-1)
    theirs, ours = both(ruler, tagged(nlp, ["gon", "na", "got", "ta", "go"], ["VB", "TO", "VBD", "TO", "VB"]))
    # by hand: the last token of each match: "na" and the second "go"
    assert [t.lemma_ for t in ours] == ["", "to", "", "", "to"]
    assert numpy.array_equal(theirs.to_array(COMPARED), ours.to_array(COMPARED))
