"""Titles in one place (issue 22): words.json's ``titles`` and ``title_heads`` are read by the
extractor (a person's name loses its title; an organisation inside a title is none) and by the
question name cleaner; a word added there is a title for both. Values worked out by hand."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Span

import loader.extract.words as words_module
from loader.extract import entities
from loader.questions import clean_name, names


@pytest.mark.parametrize("raw, clean", [
    ("Foreign Secretary Boris Johnson", "Boris Johnson"),  # a run of title words holding a head
    ("Deputy Foreign Minister Sergei Ryabkov", "Sergei Ryabkov"),
    ("National Security Advisor John Bolton", "John Bolton"),
    ("the late President Hugo Chavez", "Hugo Chavez"),
    ("self-declared President Juan Guaido", "Juan Guaido"),
    ("Gen. Mattis", "Mattis"),
    ("the National Assembly", "National Assembly"),  # title words without a head: no title
    ("State Department", "State Department"),
    ("the President of Venezuela", "President of Venezuela"),  # "of" a country: the name is the office
    ("Chief of Staff John Kelly", "Chief of Staff John Kelly"),  # "staff" is no title word
])
def test_a_question_name_loses_the_titles_words_json_lists(raw, clean):
    assert clean_name(raw) == clean


@pytest.fixture()
def commissioner_a_title_head(monkeypatch):
    """words.json with one more title head, as a new entry in the file would give it."""
    lists = dict(words_module.word_lists())
    lists["title_heads"] = lists["title_heads"] | {"commissioner"}
    monkeypatch.setattr(words_module, "word_lists", lambda: lists)
    names._name_prefix.cache_clear()
    yield
    monkeypatch.undo()
    names._name_prefix.cache_clear()


def _org_before(text: str, org_words: int) -> Span:
    doc = spacy.blank("en")(text)
    return Span(doc, 0, org_words, label="ORG")


def test_a_new_title_head_is_a_title_for_questions_and_for_the_extractor(commissioner_a_title_head):
    assert clean_name("Commissioner Jane Doe") == "Jane Doe"
    # "Trade Commissioner Jane Doe": the organisation "Trade" is part of the title
    assert entities._inside_title(_org_before("Trade Commissioner Jane Doe said", 1))


def test_without_it_neither_takes_it_for_a_title():
    assert clean_name("Commissioner Jane Doe") == "Commissioner Jane Doe"
    assert not entities._inside_title(_org_before("Trade Commissioner Jane Doe said", 1))
    assert entities._inside_title(_org_before("Trade Secretary Jane Doe said", 1))


def test_the_lists_that_look_alike_say_what_they_mean():
    import json
    from importlib import resources

    data = json.loads(resources.files("loader.data").joinpath("words.json").read_text(encoding="utf-8"))
    assert {"titles", "title_heads", "office_words", "rank_words", "title_abbreviations"} <= set(data["_about"])
    assert all(key in data for key in data["_about"])  # every note is about a list that exists
    assert "_about" not in words_module.word_lists()
