"""Every displayed name can be asked back: a question keeps the words it wrote a name with, and an
exact name the graph knows wins over the cleaned one ("Biden Administration" is not "Biden")."""

from __future__ import annotations

from unittest.mock import MagicMock

from loader.answers import exact_names
from loader.questions import parse_question


def test_a_question_keeps_the_words_it_wrote_a_cleaned_name_with():
    parsed = parse_question("Tell me about Biden Administration")
    assert (parsed.query, parsed.params["name"]) == ("entity_profile", "Biden")
    assert parsed.asked_names == {"name": ("Biden Administration",)}
    parsed = parse_question("Who recognizes the Maduro regime?")
    assert parsed.params["name"] == "Maduro"
    assert parsed.asked_names == {"name": ("the Maduro regime", "Maduro regime")}


def test_a_name_the_cleaning_leaves_alone_has_no_other_way_written():
    parsed = parse_question("Tell me about Vladimir Putin")
    assert parsed.params["name"] == "Vladimir Putin" and parsed.asked_names == {}
    parsed = parse_question("Who accuses Russia?")
    assert parsed.asked_names == {}


def test_a_yes_or_no_question_keeps_them_for_its_fallback_too():
    parsed = parse_question("Has the Biden administration recognized Kosovo?")
    assert parsed.if_empty is not None
    assert parsed.if_empty.asked_names == {"subject": ("the Biden administration", "Biden administration")}


def _graph(known: set[str]):
    graph = MagicMock()
    graph.read.side_effect = lambda name, params: [
        {"name": n, "key": n.lower()} for n in params["names"] if n not in known]
    return graph


def test_the_first_way_written_that_the_graph_knows_wins():
    asked = {"name": ("the Biden Administration", "Biden Administration")}
    graph = _graph({"Biden Administration"})
    assert exact_names(graph, {"name": "Biden", "as_of": ""}, asked) == {"name": "Biden Administration", "as_of": ""}
    graph.read.assert_called_once_with("lookup/unknown_names",
                                       {"names": ["Biden Administration", "the Biden Administration"]})


def test_the_cleaned_name_stays_when_no_way_written_is_known():
    asked = {"name": ("the Maduro regime", "Maduro regime")}
    assert exact_names(_graph(set()), {"name": "Maduro"}, asked) == {"name": "Maduro"}


def test_nothing_is_read_without_names_written_otherwise():
    graph = MagicMock()
    assert exact_names(graph, {"name": "Cuba"}, {}) == {"name": "Cuba"}
    assert not graph.read.called
