"""Plain-English questions -> canned query + parameters, worked out by hand (no Neo4j)."""

from __future__ import annotations

import pytest

from loader import cypher
from loader.errors import UsageError
from loader.questions import EXAMPLES, clean_name, parse_question

CASES = [
    # the questions product.md lists
    ("Who recognizes Guaido?", "who_recognizes", {"name": "Guaido"}),
    ("Whom does Russia recognize?", "whom_recognizes", {"name": "Russia"}),
    ("Who deployed forces to Venezuela?", "deployments", {"actor": "", "place": "Venezuela"}),
    ("Where has Russia deployed?", "deployments", {"actor": "Russia", "place": ""}),
    ("Who accuses the United States?", "accusations", {"accuser": "", "accused": "United States"}),
    ("Whom did Lavrov accuse?", "accusations", {"accuser": "Lavrov", "accused": ""}),
    ("What do we know about Cuba?", "entity_profile", {"name": "Cuba"}),
    ("Why do we think Russia recognizes Maduro?", "evidence",
     {"subject": "Russia", "relation": "RECOGNIZES", "object": "Maduro"}),
    # who recognizes X, other wordings
    ("Which countries recognize Guaidó?", "who_recognizes", {"name": "Guaidó"}),
    ("Who has recognised Juan Guaido?", "who_recognizes", {"name": "Juan Guaido"}),
    ("who recognizes guaido", "who_recognizes", {"name": "guaido"}),
    ("  Who   still recognizes   Maduro as president?! ", "who_recognizes", {"name": "Maduro"}),
    ("Who recognizes the Maduro regime?", "who_recognizes", {"name": "Maduro"}),
    ("Which foreign governments have recognized interim President Juan Guaido?", "who_recognizes",
     {"name": "Juan Guaido"}),
    ("Who is recognizing Guaido?", "who_recognizes", {"name": "Guaido"}),
    ("Who is Guaido recognized by?", "who_recognizes", {"name": "Guaido"}),
    ("By whom is Maduro recognised as president?", "who_recognizes", {"name": "Maduro"}),
    # whom X recognizes
    ("Who does Russia recognize?", "whom_recognizes", {"name": "Russia"}),
    ("Which leader does the U.S. recognize?", "whom_recognizes", {"name": "U.S."}),
    ("Whom has the United States recognised as president?", "whom_recognizes", {"name": "United States"}),
    ("Who is recognized by Russia?", "whom_recognizes", {"name": "Russia"}),
    # contested recognition
    ("Who is recognized by whom?", "contested_recognition", {"name": ""}),
    ("Who recognizes whom?", "contested_recognition", {"name": ""}),
    ("Which recognitions are contested?", "contested_recognition", {"name": ""}),
    ("Is Maduro's presidency contested?", "contested_recognition", {"name": "Maduro"}),
    ("Who is recognized instead of Guaido?", "contested_recognition", {"name": "Guaido"}),
    # deployments
    ("Who sent troops to Syria?", "deployments", {"actor": "", "place": "Syria"}),
    ("Who has deployed two strategic bombers to Venezuela?", "deployments", {"actor": "", "place": "Venezuela"}),
    ("Who deploys to Venezuela?", "deployments", {"actor": "", "place": "Venezuela"}),
    ("Which countries have troops in Venezuela?", "deployments", {"actor": "", "place": "Venezuela"}),
    ("What was sent to Caracas?", "deployments", {"actor": "", "place": "Caracas"}),
    ("Where did Russia send troops?", "deployments", {"actor": "Russia", "place": ""}),
    ("Where has the United States sent troops?", "deployments", {"actor": "United States", "place": ""}),
    ("Where are Russia's troops?", "deployments", {"actor": "Russia", "place": ""}),
    ("Did Russia send troops to Venezuela?", "deployments", {"actor": "Russia", "place": "Venezuela"}),
    # accusations
    ("Who blames Iran?", "accusations", {"accuser": "", "accused": "Iran"}),
    ("Who accused Washington of attempting a coup?", "accusations", {"accuser": "", "accused": "Washington"}),
    ("Who has accused the US?", "accusations", {"accuser": "", "accused": "US"}),
    ("Who did Lavrov accuse?", "accusations", {"accuser": "Lavrov", "accused": ""}),
    ("Whom has Russia blamed?", "accusations", {"accuser": "Russia", "accused": ""}),
    ("Who is accused by Lavrov?", "accusations", {"accuser": "Lavrov", "accused": ""}),
    ("Who was blamed by Russia for the coup?", "accusations", {"accuser": "Russia", "accused": ""}),
    ("What does Lavrov accuse the US of?", "accusations", {"accuser": "Lavrov", "accused": "US"}),
    ("Did Foreign Minister Sergei Lavrov accuse the US?", "accusations", {"accuser": "Sergei Lavrov", "accused": "US"}),
    # entity profile
    ("Tell me about Cuba", "entity_profile", {"name": "Cuba"}),
    ("Tell me more about the OAS.", "entity_profile", {"name": "OAS"}),
    ("Who is Sergei Lavrov?", "entity_profile", {"name": "Sergei Lavrov"}),
    ("What do you know about President Maduro?", "entity_profile", {"name": "Maduro"}),
    ("Show me the profile of Russia", "entity_profile", {"name": "Russia"}),
    # why: evidence for subject / relation / object
    ("Why does Russia recognize Maduro?", "evidence", {"subject": "Russia", "relation": "RECOGNIZES", "object": "Maduro"}),
    ("Why is Maduro recognized by Russia?", "evidence", {"subject": "Russia", "relation": "RECOGNIZES", "object": "Maduro"}),
    ("What is the evidence that Russia deployed troops to Venezuela?", "evidence",
     {"subject": "Russia", "relation": "DEPLOYS_TO", "object": "Venezuela"}),
    ("Why do we think Russia sent bombers to Venezuela?", "evidence",
     {"subject": "Russia", "relation": "DEPLOYS_TO", "object": "Venezuela"}),
    ("Why did Lavrov accuse the United States of a coup?", "evidence",
     {"subject": "Lavrov", "relation": "ACCUSES", "object": "United States"}),
    ("Why do you believe that the U.S. has recognized Guaido?", "evidence",
     {"subject": "U.S.", "relation": "RECOGNIZES", "object": "Guaido"}),
    ("Why did Pompeo call on Russia?", "evidence", {"subject": "Pompeo", "relation": "CALLS_ON", "object": "Russia"}),
    ("Why does Pompeo warn Russia?", "evidence", {"subject": "Pompeo", "relation": "WARNS", "object": "Russia"}),
    # path between
    ("What connects Russia and Guaido?", "path_between", {"from": "Russia", "to": "Guaido"}),
    ("How is Russia connected to Guaido?", "path_between", {"from": "Russia", "to": "Guaido"}),
    ("How are Russia and Guaido related?", "path_between", {"from": "Russia", "to": "Guaido"}),
    ("What links Cuba to the United States?", "path_between", {"from": "Cuba", "to": "United States"}),
    ("Path between Russia and Juan Guaidó", "path_between", {"from": "Russia", "to": "Juan Guaidó"}),
]


@pytest.mark.parametrize("question,query,params", CASES, ids=[c[0] for c in CASES])
def test_question_maps_to_query_and_params(question, query, params):
    parsed = parse_question(question)
    assert (parsed.query, parsed.params) == (query, params)


@pytest.mark.parametrize("question,query,params", CASES, ids=[c[0] for c in CASES])
def test_parameters_are_exactly_those_of_the_query_file(question, query, params):
    text = cypher.load(f"queries/{query}")
    assert set(parse_question(question).params) == cypher.statement_params(text)


@pytest.mark.parametrize("question", [
    "What is the weather?",
    "Why?",
    "",
    "Recognize",
    "How many bombers are there?",
    "Who won the 2018 World Cup?",
])
def test_unknown_question_is_a_usage_error_listing_what_is_understood(question):
    with pytest.raises(UsageError) as info:
        parse_question(question)
    message = str(info.value)
    assert info.value.exit_code == 2
    assert "Who recognizes Guaido?" in message and "Why do we think Russia recognizes Maduro?" in message
    assert message.count("\n  ") == len(EXAMPLES)


def test_every_example_is_understood():
    for example in EXAMPLES:
        parse_question(example.split("  (")[0])


@pytest.mark.parametrize("raw,clean", [
    ("the United States", "United States"),
    ("the U.S.", "U.S."),
    ("President Maduro", "Maduro"),
    ("interim President Juan Guaido", "Juan Guaido"),
    ("the Maduro regime", "Maduro"),
    ("Russia's", "Russia"),
    ('"Cuba"', "Cuba"),
    ("Secretary of State Mike Pompeo", "Mike Pompeo"),
    ("Guaidó", "Guaidó"),
])
def test_clean_name(raw, clean):
    assert clean_name(raw) == clean
