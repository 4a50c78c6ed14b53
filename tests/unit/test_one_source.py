"""One decision, one place: which relations are core or take a place, and the words of a force,
come from the lexicon and the extractor's word lists; the commands that use them read them there."""

from loader import evaluate, questions
from loader.lexicon import core_relation_types, place_relation_types
from loader.vocabulary import question_words


def test_core_and_place_relations_are_the_lexicons():
    assert core_relation_types() == ["RECOGNIZES", "DEPLOYS_TO", "ACCUSES"]
    assert place_relation_types() == ["DEPLOYS_TO"]


def test_ask_gives_each_core_relation_its_own_query_and_no_other():
    assert list(questions._OWN_QUERIES) == core_relation_types()


def test_eval_keeps_a_capital_as_the_place_of_a_deployment_and_as_its_country_elsewhere():
    assert evaluate.triple_key("Russia", "deploys_to", "Moscow") == ("russia", "DEPLOYS_TO", "moscow")
    assert evaluate.triple_key("Russia", "ACCUSES", "Moscow") == ("russia", "ACCUSES", "russia")


def test_the_words_of_a_force_are_the_extractors_military_assets_in_both_numbers():
    assets = question_words().assets
    assert {"troop", "troops", "warship", "warships", "personnel", "mercenaries", "aircraft"} <= assets
    assert "contractors" not in assets  # not a military asset to the extractor, so no question asks for one
    asked = questions.parse_question("Which countries have warships in the Black Sea?")
    assert (asked.query, asked.params["actor"], asked.params["place"]) == ("deployments", "", "Black Sea")
