"""The question grammar as data (loader/data/questions.jsonl) and its one matcher: the pattern
notation turned into regular expressions worked out by hand, every form reached by its example,
a new line a new question, a bad line named."""

from __future__ import annotations

import re

import pytest

import loader.questions as questions
from loader.questions import grammar, parse_question
from loader.questions.grammar import Compiler, Form, Grammar, GrammarError, Reader
from loader.questions.names import tidy


def _kept(pattern: str, text: str) -> dict | None:
    """What ``pattern`` keeps of the whole of ``text`` (None: no match), with a class A ("a" or
    "b"), a lexicon class V ("sends", "sent") and the glued pair AUX+NOT."""
    compiler = Compiler({"A": ("a|b",), "AUX": ("does",), "NOT": ("n't", "not")}, {"V": "sends|sent"})
    m = re.fullmatch(compiler.sequence(pattern), text, re.IGNORECASE)
    return None if m is None else m.groupdict()


@pytest.mark.parametrize("pattern, text, kept", [
    ("who knows", "Who  knows", {}),
    ("who knows", "who know", None),
    ("is|was no_longer", "was no longer", {}),
    ("who A? {x}", "who b Cuba", {"x": "Cuba"}),
    ("who A? {x}", "who Cuba", {"x": "Cuba"}),
    ("the? {x}", "the Cuba", {"x": "Cuba"}),
    ("{x}+'s? rival", "Maduro's rival", {"x": "Maduro"}),
    ("{x}+'s? rival", "Maduro rival", {"x": "Maduro"}),
    ("who !by {rest}?", "who by Cuba", None),
    ("who !by {rest}?", "who Cuba by Russia", {"rest": "Cuba by Russia"}),
    ("who !by {rest}?", "who", {"rest": None}),
    ("who WORD*1-4 V {x}", "who sent Cuba", None),
    ("who WORD*1-4 V {x}", "who has it's sent Cuba", {"x": "Cuba"}),
    ("WORD*0-2 V", "sent", {}),
    ("WORD*0-2 V", "a b c sent", None),
    ("go (to {p})?", "go to Cuba", {"p": "Cuba"}),
    ("go (to {p})?", "go", {"p": None}),
    ("{a:NAME_WORD NAME_WORD?} V", "U.S. Navy sends", {"a": "U.S. Navy"}),
    ("{a:NAME_WORD NAME_WORD?} V", "the U.S. Navy sends", None),
    ("AUX+NOT V", "doesn't send", None),
    ("AUX+NOT V", "doesn't sends", {}),
    ("AUX+NOT V", "does not sends", None),
    ("{x} V {y}", "Russia sent sent Cuba", {"x": "Russia", "y": "sent Cuba"}),  # as little as will do
])
def test_the_pattern_notation(pattern, text, kept):
    assert _kept(pattern, text) == kept


def test_an_unknown_class_is_named():
    with pytest.raises(GrammarError, match="no class 'NOPE'"):
        Compiler({}, {}).sequence("who NOPE")


def _answering_form(question: str) -> Form | None:
    """The form that answers ``question`` (as ``parse_question`` tries them, no date)."""
    for form, kept in grammar.matches(questions._forms(), tidy(question)):
        try:
            relation, verb = questions._relation(form, kept)
            questions._asked(form.ask, relation, questions._read(form.subject, kept, verb),
                             questions._read(form.object, kept, verb))
            return form
        except questions._NotThisForm:
            continue
    return None


@pytest.mark.parametrize("form", grammar.grammar().forms, ids=[f.example for f in grammar.grammar().forms])
def test_every_form_answers_its_own_example(form):
    """No form is hidden by an earlier one: its example reaches it."""
    assert _answering_form(form.example) is form


def test_the_forms_of_the_file_in_order():
    asks = [f.ask for f in grammar.grammar().forms]
    assert asks[:3] == ["refusals", "refusals", "endings"] and asks[-1] == "entity_profile"
    assert grammar.grammar().time_words["as of"] == ("in", "on", "as of", "at the end of", "by")


@pytest.fixture()
def grammar_with_a_new_line(monkeypatch):
    """The grammar with one more form, as a new line in questions.jsonl would give it."""
    base = grammar.grammar()
    dossier = Form("entity_profile", ("dossier on|about {name}",), "Dossier on Cuba", subject=Reader("clean", "name"))
    monkeypatch.setattr(grammar, "grammar", lambda: Grammar(base.classes, base.time_words, (*base.forms, dossier)))
    questions._forms.cache_clear()
    yield
    monkeypatch.undo()
    questions._forms.cache_clear()


def test_a_new_line_in_the_grammar_is_a_new_question(grammar_with_a_new_line):
    parsed = parse_question("Dossier about the Maduro regime?")
    assert (parsed.query, parsed.params) == ("entity_profile", {"name": "Maduro"})


def test_without_that_line_it_is_not_understood():
    with pytest.raises(Exception, match="I do not understand"):
        parse_question("Dossier about the Maduro regime?")


@pytest.mark.parametrize("line, message", [
    ('{"ask": "gossip", "patterns": ["x"], "example": "x"}', "line 7: unknown ask or relation"),
    ('{"ask": "relation", "relation": "verb", "object": "place(rest)", "patterns": ["x"], "example": "x"}',
     "line 7: no reader 'place(rest)'"),
])
def test_a_line_the_matcher_cannot_read_is_named(line, message):
    import json

    with pytest.raises(GrammarError, match=re.escape(message)):
        grammar._form(json.loads(line), 7)
