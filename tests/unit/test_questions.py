"""Plain-English questions -> canned query + parameters, worked out by hand (no Neo4j)."""

from __future__ import annotations

import pytest

import loader.questions as questions_module
import loader.vocabulary as vocabulary_module
from loader import cypher
from loader.errors import UsageError
from loader.lexicon import Lexicon, RelationSpec, VerbTrigger, lexicon
from loader.questions import EXAMPLES, clean_name, parse_question
from loader.vocabulary import inflections, question_words

CASES = [
    # the questions product.md lists
    ("Who recognizes Guaido?", "who_recognizes", {"name": "Guaido", "as_of": ""}),
    ("Whom does Russia recognize?", "whom_recognizes", {"name": "Russia", "as_of": ""}),
    ("Who deployed forces to Venezuela?", "deployments", {"actor": "", "place": "Venezuela", "as_of": ""}),
    ("Where has Russia deployed?", "deployments", {"actor": "Russia", "place": "", "as_of": ""}),
    ("Who accuses the United States?", "accusations", {"accuser": "", "accused": "United States"}),
    ("Whom did Lavrov accuse?", "accusations", {"accuser": "Lavrov", "accused": ""}),
    ("What do we know about Cuba?", "entity_profile", {"name": "Cuba"}),
    ("Why do we think Russia recognizes Maduro?", "evidence",
     {"subject": "Russia", "relation": "RECOGNIZES", "object": "Maduro"}),
    # issue 20, point 9: the accused asked about in the passive; a force named by its demonym
    ("What is Russia accused of?", "accusations", {"accuser": "", "accused": "Russia"}),
    ("What has Iran been blamed for by the United States?", "accusations", {"accuser": "United States", "accused": "Iran"}),
    ("Where are Russian troops deployed?", "deployments", {"actor": "Russia", "place": "", "as_of": ""}),
    ("Where are Russian troops?", "deployments", {"actor": "Russia", "place": "", "as_of": ""}),
    ("Where have American forces been sent?", "deployments", {"actor": "United States", "place": "", "as_of": ""}),
    ("Where are Wagner mercenaries stationed?", "deployments", {"actor": "Wagner", "place": "", "as_of": ""}),
    # issue 20, point 7: refusals, from negated evidence
    ("Which countries did not recognize Kosovo?", "refusals", {"relation": "RECOGNIZES", "subject": "", "object": "Kosovo"}),
    ("Who refused to recognize Kosovo?", "refusals", {"relation": "RECOGNIZES", "subject": "", "object": "Kosovo"}),
    ("Whom did Spain not recognize?", "refusals", {"relation": "RECOGNIZES", "subject": "Spain", "object": ""}),
    ("Who has never sent troops to Mali?", "refusals", {"relation": "DEPLOYS_TO", "subject": "", "object": "Mali"}),
    # who recognizes X, other wordings
    ("Which countries recognize Guaidó?", "who_recognizes", {"name": "Guaidó", "as_of": ""}),
    ("Who has recognised Juan Guaido?", "who_recognizes", {"name": "Juan Guaido", "as_of": ""}),
    ("who recognizes guaido", "who_recognizes", {"name": "guaido", "as_of": ""}),
    ("  Who   still recognizes   Maduro as president?! ", "who_recognizes", {"name": "Maduro", "as_of": ""}),
    ("Who recognizes the Maduro regime?", "who_recognizes", {"name": "Maduro", "as_of": ""}),
    ("Which foreign governments have recognized interim President Juan Guaido?", "who_recognizes",
     {"name": "Juan Guaido", "as_of": ""}),
    ("Who is recognizing Guaido?", "who_recognizes", {"name": "Guaido", "as_of": ""}),
    ("Who is Guaido recognized by?", "who_recognizes", {"name": "Guaido", "as_of": ""}),
    ("By whom is Maduro recognised as president?", "who_recognizes", {"name": "Maduro", "as_of": ""}),
    # whom X recognizes
    ("Who does Russia recognize?", "whom_recognizes", {"name": "Russia", "as_of": ""}),
    ("Which leader does the U.S. recognize?", "whom_recognizes", {"name": "U.S.", "as_of": ""}),
    ("Whom has the United States recognised as president?", "whom_recognizes", {"name": "United States", "as_of": ""}),
    ("Who is recognized by Russia?", "whom_recognizes", {"name": "Russia", "as_of": ""}),
    # contested recognition
    ("Who is recognized by whom?", "contested_recognition", {"name": ""}),
    ("Who recognizes whom?", "contested_recognition", {"name": ""}),
    ("Which recognitions are contested?", "contested_recognition", {"name": ""}),
    ("Is Maduro's presidency contested?", "contested_recognition", {"name": "Maduro"}),
    ("Who is recognized instead of Guaido?", "contested_recognition", {"name": "Guaido"}),
    # deployments
    ("Who sent troops to Syria?", "deployments", {"actor": "", "place": "Syria", "as_of": ""}),
    ("Who has deployed two strategic bombers to Venezuela?", "deployments", {"actor": "", "place": "Venezuela", "as_of": ""}),
    ("Who deploys to Venezuela?", "deployments", {"actor": "", "place": "Venezuela", "as_of": ""}),
    ("Which countries have troops in Venezuela?", "deployments", {"actor": "", "place": "Venezuela", "as_of": ""}),
    ("What was sent to Caracas?", "deployments", {"actor": "", "place": "Caracas", "as_of": ""}),
    ("Where did Russia send troops?", "deployments", {"actor": "Russia", "place": "", "as_of": ""}),
    ("Where has the United States sent troops?", "deployments", {"actor": "United States", "place": "", "as_of": ""}),
    ("Where are Russia's troops?", "deployments", {"actor": "Russia", "place": "", "as_of": ""}),
    ("Did Russia send troops to Venezuela?", "deployments", {"actor": "Russia", "place": "Venezuela", "as_of": ""}),
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
    # every relation type of the lexicon, with its verbs, inflected, and nouns (product.md)
    ("Who supports Maduro?", "relations", {"subject": "", "relation": "SUPPORTS", "object": "Maduro"}),
    ("Which countries back Maduro?", "relations", {"subject": "", "relation": "SUPPORTS", "object": "Maduro"}),
    ("Who has endorsed Guaido as president?", "relations", {"subject": "", "relation": "SUPPORTS", "object": "Guaido"}),
    ("Whom does Russia condemn?", "relations", {"subject": "Russia", "relation": "CONDEMNS", "object": ""}),
    ("Who denounced the United States for the sanctions?", "relations",
     {"subject": "", "relation": "CONDEMNS", "object": "United States"}),
    ("What did Russia condemn the US for?", "relations", {"subject": "Russia", "relation": "CONDEMNS", "object": "US"}),
    ("Who is Maduro backed by?", "relations", {"subject": "", "relation": "SUPPORTS", "object": "Maduro"}),
    ("By whom has Maduro been backed?", "relations", {"subject": "", "relation": "SUPPORTS", "object": "Maduro"}),
    ("Who is supported by Russia?", "relations", {"subject": "Russia", "relation": "SUPPORTS", "object": ""}),
    ("Who supports whom?", "relations", {"subject": "", "relation": "SUPPORTS", "object": ""}),
    ("Who cautioned Moscow?", "relations", {"subject": "", "relation": "WARNS", "object": "Moscow"}),
    ("Did the United States warn Russia?", "relations", {"subject": "United States", "relation": "WARNS", "object": "Russia"}),
    ("Who warned Russia against intervening?", "relations", {"subject": "", "relation": "WARNS", "object": "Russia"}),
    ("Who called on Russia to withdraw?", "relations", {"subject": "", "relation": "CALLS_ON", "object": "Russia"}),
    ("Whom did Pompeo call on?", "relations", {"subject": "Pompeo", "relation": "CALLS_ON", "object": ""}),
    ("Who did Pompeo call upon?", "relations", {"subject": "Pompeo", "relation": "CALLS_ON", "object": ""}),
    ("Who was called on by Pompeo?", "relations", {"subject": "Pompeo", "relation": "CALLS_ON", "object": ""}),
    ("Who urges Russia to leave Venezuela?", "relations", {"subject": "", "relation": "CALLS_ON", "object": "Russia"}),
    ("Who voiced support for Maduro?", "relations", {"subject": "", "relation": "SUPPORTS", "object": "Maduro"}),
    ("Who issued warnings to Russia?", "relations", {"subject": "", "relation": "WARNS", "object": "Russia"}),
    ("Why does Russia support Maduro?", "evidence", {"subject": "Russia", "relation": "SUPPORTS", "object": "Maduro"}),
    ("Why is Maduro backed by Russia?", "evidence", {"subject": "Russia", "relation": "SUPPORTS", "object": "Maduro"}),
    # the core relations in forms of every relation: their own queries when those take the roles
    ("Who accuses whom?", "accusations", {"accuser": "", "accused": ""}),
    ("Who made accusations against the US?", "accusations", {"accuser": "", "accused": "US"}),
    ("Does Russia recognize Maduro?", "relations", {"subject": "Russia", "relation": "RECOGNIZES", "object": "Maduro"}),
    ("Is Guaido recognized by the United States?", "relations",
     {"subject": "United States", "relation": "RECOGNIZES", "object": "Guaido"}),
    ("Who recognizes the Democratic Republic of the Congo?", "who_recognizes", {"name": "Democratic Republic of the Congo", "as_of": ""}),
    ("Who invaded Ukraine?", "deployments", {"actor": "", "place": "Ukraine", "as_of": ""}),
    ("Which countries has Russia invaded?", "deployments", {"actor": "Russia", "place": "", "as_of": ""}),
    ("Who crossed the border into Ukraine?", "deployments", {"actor": "", "place": "Ukraine", "as_of": ""}),
    ("Who sent troops to Venezuela in March?", "deployments", {"actor": "", "place": "Venezuela", "as_of": ""}),
    ("Which troops were sent to Venezuela by Russia?", "deployments", {"actor": "Russia", "place": "Venezuela", "as_of": ""}),
    ("Who did Russia send troops to?", "deployments", {"actor": "Russia", "place": "", "as_of": ""}),
    ("Who keeps troops in Syria?", "deployments", {"actor": "", "place": "Syria", "as_of": ""}),
    ("Who has a military presence in Syria?", "deployments", {"actor": "", "place": "Syria", "as_of": ""}),
    ("Why do we think Russia invaded Ukraine?", "evidence", {"subject": "Russia", "relation": "DEPLOYS_TO", "object": "Ukraine"}),
    # as of a date (issue 13): what held then
    ("Who recognized Guaido in March 2019?", "who_recognizes", {"name": "Guaido", "as_of": "2019-03"}),
    ("Who recognizes Guaido as of 2019-03-01?", "who_recognizes", {"name": "Guaido", "as_of": "2019-03-01"}),
    ("Whom did Russia recognize on March 4, 2019?", "whom_recognizes", {"name": "Russia", "as_of": "2019-03-04"}),
    ("Where has Russia deployed in 2016?", "deployments", {"actor": "Russia", "place": "", "as_of": "2016"}),
    # endings and timelines
    ("Who stopped recognizing Guaido?", "endings", {"relation": "RECOGNIZES", "actor": "", "object": "Guaido"}),
    ("Who no longer recognizes Taiwan?", "endings", {"relation": "RECOGNIZES", "actor": "", "object": "Taiwan"}),
    ("Who withdrew its recognition of Guaido?", "endings", {"relation": "RECOGNIZES", "actor": "", "object": "Guaido"}),
    ("Who pulled troops out of Syria?", "endings", {"relation": "DEPLOYS_TO", "actor": "", "object": "Syria"}),
    ("When did Russia deploy to Venezuela?", "timeline", {"name": "Russia", "other": "Venezuela", "relation": "DEPLOYS_TO"}),
    ("When did Ecuador recognize Guaido?", "timeline", {"name": "Ecuador", "other": "Guaido", "relation": "RECOGNIZES"}),
    ("When did Russia withdraw from Syria?", "timeline", {"name": "Russia", "other": "Syria", "relation": "DEPLOYS_TO"}),
    ("Timeline of Russia", "timeline", {"name": "Russia", "other": "", "relation": ""}),
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
    # arrival verbs and verbs marked "ask": false make no question of their own
    "Who arrived in Caracas?",
    "Who remains in Syria?",
    "Who has Maduro?",
    "Who keeps Maduro?",
    # a relation whose object is a place needs the place
    "Who sent troops?",
])
def test_unknown_question_is_a_usage_error_listing_what_is_understood(question):
    with pytest.raises(UsageError) as info:
        parse_question(question)
    message = str(info.value)
    assert info.value.exit_code == 2
    assert "Who recognizes Guaido?" in message and "Why do we think Russia recognizes Maduro?" in message
    assert message.count("\n  ") == len(EXAMPLES)


EXAMPLE_ANSWERS = {
    "Who recognizes Guaido?": ("who_recognizes", {"name": "Guaido", "as_of": ""}),
    "Whom does Russia recognize?": ("whom_recognizes", {"name": "Russia", "as_of": ""}),
    "Who is recognized by whom?": ("contested_recognition", {"name": ""}),
    "Who deployed forces to Venezuela?": ("deployments", {"actor": "", "place": "Venezuela", "as_of": ""}),
    "Where has Russia deployed?": ("deployments", {"actor": "Russia", "place": "", "as_of": ""}),
    "Did Russia send troops to Venezuela?": ("deployments", {"actor": "Russia", "place": "Venezuela", "as_of": ""}),
    "Who accuses the United States?": ("accusations", {"accuser": "", "accused": "United States"}),
    "Whom did Lavrov accuse?": ("accusations", {"accuser": "Lavrov", "accused": ""}),
    "Who supports Maduro?": ("relations", {"subject": "", "relation": "SUPPORTS", "object": "Maduro"}),
    "Whom does Russia condemn?": ("relations", {"subject": "Russia", "relation": "CONDEMNS", "object": ""}),
    "What do we know about Cuba?": ("entity_profile", {"name": "Cuba"}),
    "Why do we think Russia recognizes Maduro?": ("evidence",
                                                  {"subject": "Russia", "relation": "RECOGNIZES", "object": "Maduro"}),
    "What connects Russia and Guaido?": ("path_between", {"from": "Russia", "to": "Guaido"}),
    "Who recognized Guaido in March 2019?": ("who_recognizes", {"name": "Guaido", "as_of": "2019-03"}),
    "Who stopped recognizing Guaido?": ("endings", {"relation": "RECOGNIZES", "actor": "", "object": "Guaido"}),
    "When did Russia deploy to Venezuela?": ("timeline", {"name": "Russia", "other": "Venezuela", "relation": "DEPLOYS_TO"}),
}


def test_every_example_is_understood_as_worked_out_by_hand():
    examples = [e.split("  (")[0] for e in EXAMPLES]
    assert examples == list(EXAMPLE_ANSWERS)
    for example in examples:
        parsed = parse_question(example)
        assert (parsed.query, parsed.params) == EXAMPLE_ANSWERS[example], example


def test_the_examples_name_the_verbs_of_the_other_relation_types():
    listed = next(e for e in EXAMPLES if "every verb of the relation lexicon" in e)
    assert listed.endswith("warn, caution, support, back, endorse, condemn, denounce, reject, call on, call upon, urge)")


# ------------------------------------------------------------------ questions from the lexicon

def test_verb_forms_come_from_lemminflect_with_the_object_preposition():
    assert inflections("fly", ["VBD", "VBN"]) == {"VBD": ("flew", "flied"), "VBN": ("flown",)}
    verbs = question_words().verbs
    for form in ("send", "sends", "sent", "sending", "recognises", "backed", "calls on", "called upon", "urging"):
        assert form in verbs, form
    assert {verbs["called on"].relation, verbs["backs"].relation, verbs["flown"].relation} == {
        "CALLS_ON", "SUPPORTS", "DEPLOYS_TO"}
    # "call" alone is no trigger; arrival verbs and verbs marked "ask": false are no question verbs
    for form in ("call", "called", "arrived", "is", "remains", "has", "keeps", "maintained"):
        assert form not in verbs, form
    assert {"has", "keeps", "maintained"} <= set(question_words().holding)
    assert question_words().noun_phrases["warnings to"] == "WARNS" and question_words().noun_phrases["presence in"] == "DEPLOYS_TO"


def test_every_relation_type_of_the_lexicon_can_be_asked_about():
    for spec in lexicon().specs.values():
        verb = next(v for v in spec.verbs if v.ask)
        third = inflections(verb.lemma, ["VBZ"])["VBZ"][0] + (f" {verb.object_prep}" if verb.object_prep else "")
        place = "Syria" if spec.destination_preps else None
        question = f"Who {third} troops to Syria?" if place else f"Who {third} Cuba?"
        parsed = parse_question(question)
        assert parsed.params.get("relation", spec.relation) == spec.relation, question
        assert "Cuba" in parsed.params.values() or place in parsed.params.values(), question


@pytest.fixture()
def lexicon_with_a_new_line(monkeypatch):
    """The lexicon with one more relation type, as a new line in relations.jsonl would give it."""
    spec = RelationSpec(
        relation="SANCTIONS", cameo="163", description="imposes sanctions on the object",
        subject_types=("Country", "Organization"), object_types=("Country", "Organization", "Person"),
        verbs=[VerbTrigger("sanction", "SANCTIONS"), VerbTrigger("impose", "SANCTIONS", object_prep="sanctions on")],
        nouns=["sanction"], noun_object_preps=("on", "against"),
    )
    extended = Lexicon({**lexicon().specs, "SANCTIONS": spec})
    for module in (questions_module, vocabulary_module):
        monkeypatch.setattr(module, "lexicon", lambda: extended)
    question_words.cache_clear()
    questions_module._forms.cache_clear()
    yield
    monkeypatch.undo()
    question_words.cache_clear()
    questions_module._forms.cache_clear()


def test_a_new_line_in_the_lexicon_is_a_new_question(lexicon_with_a_new_line):
    for question, query, params in [
        ("Who sanctioned Venezuela?", "relations", {"subject": "", "relation": "SANCTIONS", "object": "Venezuela"}),
        ("Whom has the EU sanctioned?", "relations", {"subject": "EU", "relation": "SANCTIONS", "object": ""}),
        ("Who imposed sanctions on Russia?", "relations", {"subject": "", "relation": "SANCTIONS", "object": "Russia"}),
        ("Is Russia sanctioned by the United States?", "relations",
         {"subject": "United States", "relation": "SANCTIONS", "object": "Russia"}),
        ("Who announced new sanctions against Iran?", "relations",
         {"subject": "", "relation": "SANCTIONS", "object": "Iran"}),
        ("Why did the EU sanction Maduro?", "evidence", {"subject": "EU", "relation": "SANCTIONS", "object": "Maduro"}),
    ]:
        parsed = parse_question(question)
        assert (parsed.query, parsed.params) == (query, params), question


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


# Issue 20, point 3: a time qualifier is applied ("in"/"as of" a date, for the queries that take
# as_of) or named in a note for stderr; it is never silently dropped, nor read as part of a name.
_NOT_APPLIED = ('the time qualifier {!r} is not applied: the {} answer is not limited to it '
                '(only "in" or "as of" a date, for recognitions and deployments, is)')


@pytest.mark.parametrize("question, query, params, qualifier", [
    ("Who accused Russia in 2014?", "accusations", {"accuser": "", "accused": "Russia"}, "in 2014"),
    ("Who accused Russia since 2020?", "accusations", {"accuser": "", "accused": "Russia"}, "since 2020"),
    ("Who recognized Guaido since 2020?", "who_recognizes", {"name": "Guaido", "as_of": ""}, "since 2020"),
    ("What do we know about Cuba in 2019?", "entity_profile", {"name": "Cuba"}, "in 2019"),
    ("Who supports Maduro before March 2019?", "relations",
     {"subject": "", "relation": "SUPPORTS", "object": "Maduro"}, "before March 2019"),
])
def test_a_time_qualifier_not_applied_is_said(question, query, params, qualifier):
    parsed = parse_question(question)
    assert (parsed.query, parsed.params) == (query, params)
    assert parsed.note == _NOT_APPLIED.format(qualifier, query)


@pytest.mark.parametrize("question, as_of", [
    ("Who recognized Guaido in 2020?", "2020"),
    ("Who recognized Guaido in March 2019?", "2019-03"),
    ("Where has Russia deployed in 2016?", "2016"),
])
def test_a_time_qualifier_applied_has_no_note(question, as_of):
    parsed = parse_question(question)
    assert parsed.params["as_of"] == as_of and parsed.note is None


def test_ask_prints_the_note_on_stderr(tmp_path):
    from .test_cli_errors import kgload

    # the note comes before the server is asked (none answers here: exit 3 after it)
    out = kgload("ask", "Who accused Russia in 2014?",
                 env_extra={"NEO4J_URI": "bolt://127.0.0.1:9", "NEO4J_PASSWORD": "x", "KGLOAD_HOME": str(tmp_path)})
    assert out.stderr.splitlines()[0] == "Note: " + _NOT_APPLIED.format("in 2014", "accusations")
    assert out.returncode == 3


def test_a_yes_or_no_question_falls_back_on_the_refusals_of_the_same_fact():
    parsed = parse_question("Has Spain recognized Kosovo?")
    assert (parsed.query, parsed.params) == ("relations", {"subject": "Spain", "relation": "RECOGNIZES", "object": "Kosovo"})
    assert parsed.if_empty is not None
    assert (parsed.if_empty.query, parsed.if_empty.params) == (
        "refusals", {"relation": "RECOGNIZES", "subject": "Spain", "object": "Kosovo"})
    deployed = parse_question("Did Russia send troops to Venezuela?")  # its as_of kept with the fallback
    assert deployed.query == "deployments" and deployed.if_empty is not None
    assert deployed.if_empty.params == {"relation": "DEPLOYS_TO", "subject": "Russia", "object": "Venezuela"}
    assert parse_question("Who recognizes Kosovo?").if_empty is None
