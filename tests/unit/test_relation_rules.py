"""The relation rules on hand-built parses.

Each test writes one invented sentence with the parse a correct English dependency parser gives
(spaCy's ClearNLP labels, absolute head indices), builds the ``Doc`` by hand and runs only
kgload's own components (``kgload_entities``, ``kgload_relations``) on it: what is tested is the
rule, not the statistical parser. The expected records are worked out from the rules' intent
(the docstrings of ``loader/extract/relations/``).
"""

from __future__ import annotations

from textwrap import dedent

import pytest
from spacy.tokens import Doc

from loader.extract.nlp import load_pipeline
from loader.extract.relations.arguments import Resolver
from loader.extract.relations.context import Context

NO_SPACE_BEFORE = {",", ".", "'s", "\u2019s", ";", ":", "?", "!", "n't"}


@pytest.fixture(scope="module")
def nlp():
    pipeline, _name = load_pipeline()
    return pipeline


def build(nlp, table: str) -> Doc:
    """A Doc from a CoNLL-like table, one token a line:

        index  word  lemma  POS  TAG  head  dep  [entity IOB, default O]
    """
    rows = [line.split() for line in dedent(table).strip().splitlines()]
    words, lemmas, pos, tags, heads, deps, ents = [], [], [], [], [], [], []
    for n, row in enumerate(rows):
        assert len(row) in (7, 8), row
        assert int(row[0]) == n, f"row {n} is numbered {row[0]}"
        words.append(row[1])
        lemmas.append(row[2])
        pos.append(row[3])
        tags.append(row[4])
        heads.append(int(row[5]))
        deps.append(row[6])
        ents.append(row[7] if len(row) == 8 else "O")
    roots = [i for i, h in enumerate(heads) if h == i]
    assert roots and all(deps[i] == "ROOT" for i in roots), "a ROOT heads itself"
    assert all(d != "ROOT" or heads[i] == i for i, d in enumerate(deps))
    spaces = [i + 1 < len(words) and words[i + 1] not in NO_SPACE_BEFORE for i in range(len(words))]
    return Doc(nlp.vocab, words=words, spaces=spaces, lemmas=lemmas, pos=pos, tags=tags,
               heads=heads, deps=deps, ents=ents)


def run(nlp, table: str) -> list[dict]:
    doc = build(nlp, table)
    nlp.get_pipe("kgload_entities")(doc)
    nlp.get_pipe("kgload_relations")(doc)
    return doc._.kg_relations


def triples(rels: list[dict], relation: str | None = None) -> set[tuple[str, str, str, str]]:
    return {(r["subject"]["id"], r["relation"], r["object"]["id"], r["status"])
            for r in rels if relation is None or r["relation"] == relation}


def resolver_on(nlp, table: str) -> tuple[Doc, Resolver]:
    doc = build(nlp, table)
    nlp.get_pipe("kgload_entities")(doc)
    return doc, Resolver(Context(doc, doc._.kg_mentions or []))


# -- transitive ---------------------------------------------------------------------------

def test_active_transitive(nlp):
    rels = run(nlp, """
        0 Norway     Norway    PROPN NNP 1 nsubj B-GPE
        1 recognized recognize VERB  VBD 1 ROOT
        2 Kosovo     Kosovo    PROPN NNP 1 dobj  B-GPE
        3 .          .         PUNCT .   1 punct
    """)
    assert triples(rels) == {("norway", "RECOGNIZES", "kosovo", "asserted")}
    (rel,) = rels
    assert rel["subject"] == {"id": "norway", "name": "Norway", "type": "Country"}
    assert rel["object"] == {"id": "kosovo", "name": "Kosovo", "type": "Country"}
    assert rel["reported_by"] is None


def test_a_name_opening_the_clause_read_as_an_adverb_is_the_subject(nlp):
    # "Nauru recognized Beijing." with the name hung on the verb as an advmod and no subject
    rels = run(nlp, """
        0 Nauru      Nauru     PROPN NNP 1 advmod B-GPE
        1 recognized recognize VERB  VBD 1 ROOT
        2 Beijing    Beijing   PROPN NNP 1 dobj   B-GPE
        3 .          .         PUNCT .   1 punct
    """)
    assert triples(rels) == {("nauru", "RECOGNIZES", "china", "asserted")}


def test_an_adverb_name_is_no_subject_beside_a_subject_or_inside_the_clause(nlp):
    # "Norway yesterday recognized Kosovo": the real subject wins; "Kosovo, Norway recognized": no
    rels = run(nlp, """
        0 Today      today     NOUN  NN  3 npadvmod
        1 ,          ,         PUNCT ,   3 punct
        2 Norway     Norway    PROPN NNP 3 nsubj B-GPE
        3 recognized recognize VERB  VBD 3 ROOT
        4 Kosovo     Kosovo    PROPN NNP 3 dobj  B-GPE
        5 .          .         PUNCT .   3 punct
    """)
    assert triples(rels) == {("norway", "RECOGNIZES", "kosovo", "asserted")}
    rels = run(nlp, """
        0 Quickly    quickly   ADV   RB  3 advmod
        1 ,          ,         PUNCT ,   3 punct
        2 Peru       Peru      PROPN NNP 3 npadvmod B-GPE
        3 recognized recognize VERB  VBD 3 ROOT
        4 Kosovo     Kosovo    PROPN NNP 3 dobj  B-GPE
        5 .          .         PUNCT .   3 punct
    """)
    assert triples(rels) == set()  # the name does not open the clause: not taken for its subject


def test_passive_with_agent(nlp):
    # "Kosovo was recognized by Norway."
    rels = run(nlp, """
        0 Kosovo     Kosovo    PROPN NNP 2 nsubjpass B-GPE
        1 was        be        AUX   VBD 2 auxpass
        2 recognized recognize VERB  VBN 2 ROOT
        3 by         by        ADP   IN  2 agent
        4 Norway     Norway    PROPN NNP 3 pobj      B-GPE
        5 .          .         PUNCT .   2 punct
    """)
    assert triples(rels) == {("norway", "RECOGNIZES", "kosovo", "asserted")}


def test_coordinated_subjects_and_objects(nlp):
    # "Ghana and Togo accused Benin and Niger of harbouring smugglers."
    rels = run(nlp, """
        0 Ghana      Ghana     PROPN NNP 3 nsubj B-GPE
        1 and        and       CCONJ CC  0 cc
        2 Togo       Togo      PROPN NNP 0 conj  B-GPE
        3 accused    accuse    VERB  VBD 3 ROOT
        4 Benin      Benin     PROPN NNP 3 dobj  B-GPE
        5 and        and       CCONJ CC  4 cc
        6 Niger      Niger     PROPN NNP 4 conj  B-GPE
        7 of         of        ADP   IN  3 prep
        8 harbouring harbour   VERB  VBG 7 pcomp
        9 smugglers  smuggler  NOUN  NNS 8 dobj
       10 .          .         PUNCT .   3 punct
    """)
    assert triples(rels) == {
        ("ghana", "ACCUSES", "benin", "asserted"), ("ghana", "ACCUSES", "niger", "asserted"),
        ("togo", "ACCUSES", "benin", "asserted"), ("togo", "ACCUSES", "niger", "asserted"),
    }
    assert {r["properties"].get("charge") for r in rels} == {"harbouring smugglers"}


def test_object_control_urged_x_to_recognize(nlp):
    # "Canada urged Spain to recognize Kosovo.": Spain is who would recognize, not Canada; an
    # urged recognition has not happened
    rels = run(nlp, """
        0 Canada    Canada    PROPN NNP 1 nsubj B-GPE
        1 urged     urge      VERB  VBD 1 ROOT
        2 Spain     Spain     PROPN NNP 1 dobj  B-GPE
        3 to        to        PART  TO  4 aux
        4 recognize recognize VERB  VB  1 xcomp
        5 Kosovo    Kosovo    PROPN NNP 4 dobj  B-GPE
        6 .         .         PUNCT .   1 punct
    """)
    assert triples(rels, "RECOGNIZES") == {("spain", "RECOGNIZES", "kosovo", "hypothetical")}
    assert triples(rels, "CALLS_ON") == {("canada", "CALLS_ON", "spain", "asserted")}


def test_followed_x_in_recognizing(nlp):
    # "Ireland followed Norway in recognizing Palestine.": both recognize it
    rels = run(nlp, """
        0 Ireland     Ireland   PROPN NNP 1 nsubj B-GPE
        1 followed    follow    VERB  VBD 1 ROOT
        2 Norway      Norway    PROPN NNP 1 dobj  B-GPE
        3 in          in        ADP   IN  1 prep
        4 recognizing recognize VERB  VBG 3 pcomp
        5 Palestine   Palestine PROPN NNP 4 dobj  B-GPE
        6 .           .         PUNCT .   1 punct
    """)
    assert triples(rels) == {
        ("ireland", "RECOGNIZES", "palestine", "asserted"),
        ("norway", "RECOGNIZES", "palestine", "asserted"),
    }


def test_relative_clause(nlp):
    # "Serbia criticized Malawi, which recognized Kosovo.": the antecedent recognizes
    rels = run(nlp, """
        0 Serbia     Serbia    PROPN NNP 1 nsubj B-GPE
        1 criticized criticize VERB  VBD 1 ROOT
        2 Malawi     Malawi    PROPN NNP 1 dobj  B-GPE
        3 ,          ,         PUNCT ,   2 punct
        4 which      which     PRON  WDT 5 nsubj
        5 recognized recognize VERB  VBD 2 relcl
        6 Kosovo     Kosovo    PROPN NNP 5 dobj  B-GPE
        7 .          .         PUNCT .   1 punct
    """)
    assert triples(rels) == {("malawi", "RECOGNIZES", "kosovo", "asserted")}


def test_participle_accusing(nlp):
    # "Qatar closed its embassy, accusing Bahrain of espionage.": the main subject accuses
    rels = run(nlp, """
        0 Qatar     Qatar     PROPN NNP  1 nsubj B-GPE
        1 closed    close     VERB  VBD  1 ROOT
        2 its       its       PRON  PRP$ 3 poss
        3 embassy   embassy   NOUN  NN   1 dobj
        4 ,         ,         PUNCT ,    1 punct
        5 accusing  accuse    VERB  VBG  1 advcl
        6 Bahrain   Bahrain   PROPN NNP  5 dobj  B-GPE
        7 of        of        ADP   IN   5 prep
        8 espionage espionage NOUN  NN   7 pobj
        9 .         .         PUNCT .    1 punct
    """)
    assert triples(rels) == {("qatar", "ACCUSES", "bahrain", "asserted")}
    assert rels[0]["properties"] == {"charge": "espionage"}


def test_charged_that_clause(nlp):
    # "Rwanda charged that Burundi is arming rebels.": the that-clause's subject is accused
    rels = run(nlp, """
        0 Rwanda  Rwanda  PROPN NNP 1 nsubj B-GPE
        1 charged charge  VERB  VBD 1 ROOT
        2 that    that    SCONJ IN  5 mark
        3 Burundi Burundi PROPN NNP 5 nsubj B-GPE
        4 is      be      AUX   VBZ 5 aux
        5 arming  arm     VERB  VBG 1 ccomp
        6 rebels  rebel   NOUN  NNS 5 dobj
        7 .       .       PUNCT .   1 punct
    """)
    assert triples(rels) == {("rwanda", "ACCUSES", "burundi", "asserted")}
    assert rels[0]["properties"] == {"charge": "Burundi is arming rebels"}


def test_reciprocal_each_other(nlp):
    # "Peru and Ecuador accused each other of violating the truce.": both directions
    rels = run(nlp, """
        0 Peru      Peru      PROPN NNP 3 nsubj B-GPE
        1 and       and       CCONJ CC  0 cc
        2 Ecuador   Ecuador   PROPN NNP 0 conj  B-GPE
        3 accused   accuse    VERB  VBD 3 ROOT
        4 each      each      DET   DT  5 det
        5 other     other     ADJ   JJ  3 dobj
        6 of        of        ADP   IN  3 prep
        7 violating violate   VERB  VBG 6 pcomp
        8 the       the       DET   DT  9 det
        9 truce     truce     NOUN  NN  7 dobj
       10 .         .         PUNCT .   3 punct
    """)
    assert triples(rels) == {
        ("peru", "ACCUSES", "ecuador", "asserted"),
        ("ecuador", "ACCUSES", "peru", "asserted"),
    }
    assert {r["properties"].get("charge") for r in rels} == {"violating the truce"}


# -- what is recognized: wrapped objects --------------------------------------------------

def test_wrapped_object_independence_of(nlp):
    # "Nicaragua recognized the independence of Abkhazia and South Ossetia."
    rels = run(nlp, """
        0 Nicaragua    Nicaragua    PROPN NNP 1 nsubj    B-GPE
        1 recognized   recognize    VERB  VBD 1 ROOT
        2 the          the          DET   DT  3 det
        3 independence independence NOUN  NN  1 dobj
        4 of           of           ADP   IN  3 prep
        5 Abkhazia     Abkhazia     PROPN NNP 4 pobj     B-GPE
        6 and          and          CCONJ CC  5 cc
        7 South        South        PROPN NNP 8 compound B-GPE
        8 Ossetia      Ossetia      PROPN NNP 5 conj     I-GPE
        9 .            .            PUNCT .   1 punct
    """)
    assert triples(rels) == {
        ("nicaragua", "RECOGNIZES", "abkhazia", "asserted"),
        ("nicaragua", "RECOGNIZES", "south-ossetia", "asserted"),
    }


def test_wrapped_object_breakaway_regions_not_the_possessor(nlp):
    # "Nauru recognized Georgia's breakaway regions of Abkhazia and South Ossetia.": the regions,
    # never Georgia
    rels = run(nlp, """
        0 Nauru      Nauru     PROPN NNP 1 nsubj    B-GPE
        1 recognized recognize VERB  VBD 1 ROOT
        2 Georgia    Georgia   PROPN NNP 5 poss     B-GPE
        3 's         's        PART  POS 2 case
        4 breakaway  breakaway ADJ   JJ  5 amod
        5 regions    region    NOUN  NNS 1 dobj
        6 of         of        ADP   IN  5 prep
        7 Abkhazia   Abkhazia  PROPN NNP 6 pobj     B-GPE
        8 and        and       CCONJ CC  7 cc
        9 South      South     PROPN NNP 10 compound B-GPE
       10 Ossetia    Ossetia   PROPN NNP 7 conj     I-GPE
       11 .          .         PUNCT .   1 punct
    """)
    assert triples(rels) == {
        ("nauru", "RECOGNIZES", "abkhazia", "asserted"),
        ("nauru", "RECOGNIZES", "south-ossetia", "asserted"),
    }


def test_wrapped_object_possessive_independence(nlp):
    # "Japan recognized Kosovo's independence."
    rels = run(nlp, """
        0 Japan        Japan        PROPN NNP 1 nsubj B-GPE
        1 recognized   recognize    VERB  VBD 1 ROOT
        2 Kosovo       Kosovo       PROPN NNP 4 poss  B-GPE
        3 's           's           PART  POS 2 case
        4 independence independence NOUN  NN  1 dobj
        5 .            .            PUNCT .   1 punct
    """)
    assert triples(rels) == {("japan", "RECOGNIZES", "kosovo", "asserted")}


# -- actors named by office or force ------------------------------------------------------

def test_official_by_country(nlp):
    # "Iran's foreign ministry accused Britain of meddling."
    rels = run(nlp, """
        0 Iran     Iran     PROPN NNP 3 poss  B-GPE
        1 's       's       PART  POS 0 case
        2 foreign  foreign  ADJ   JJ  3 amod
        3 ministry ministry NOUN  NN  4 nsubj
        4 accused  accuse   VERB  VBD 4 ROOT
        5 Britain  Britain  PROPN NNP 4 dobj  B-GPE
        6 of       of       ADP   IN  4 prep
        7 meddling meddling NOUN  NN  6 pobj
        8 .        .        PUNCT .   4 punct
    """)
    assert triples(rels) == {("iran", "ACCUSES", "united-kingdom", "asserted")}
    assert rels[0]["properties"] == {"charge": "meddling"}


def test_official_by_demonym(nlp):
    # "The Sudanese president accused Chad of backing rebels."
    rels = run(nlp, """
        0 The       the       DET   DT  2 det
        1 Sudanese  Sudanese  ADJ   JJ  2 amod  B-NORP
        2 president president NOUN  NN  3 nsubj
        3 accused   accuse    VERB  VBD 3 ROOT
        4 Chad      Chad      PROPN NNP 3 dobj  B-GPE
        5 of        of        ADP   IN  3 prep
        6 backing   back      VERB  VBG 5 pcomp
        7 rebels    rebel     NOUN  NNS 6 dobj
        8 .         .         PUNCT .   3 punct
    """)
    assert triples(rels, "ACCUSES") == {("sudan", "ACCUSES", "chad", "asserted")}


def test_force_by_nationality_enters_place(nlp):
    # "Turkish troops entered Syria.": the force's country deploys; the object is the place
    rels = run(nlp, """
        0 Turkish Turkish ADJ   JJ  1 amod  B-NORP
        1 troops  troop   NOUN  NNS 2 nsubj
        2 entered enter   VERB  VBD 2 ROOT
        3 Syria   Syria   PROPN NNP 2 dobj  B-GPE
        4 .       .       PUNCT .   2 punct
    """)
    assert triples(rels) == {("turkey", "DEPLOYS_TO", "syria", "asserted")}
    assert rels[0]["properties"]["asset"] == "Turkish troops"


def test_force_by_nationality_arrives_in(nlp):
    # "Polish soldiers arrived in Lithuania."
    rels = run(nlp, """
        0 Polish    Polish    ADJ   JJ  1 amod  B-NORP
        1 soldiers  soldier   NOUN  NNS 2 nsubj
        2 arrived   arrive    VERB  VBD 2 ROOT
        3 in        in        ADP   IN  2 prep
        4 Lithuania Lithuania PROPN NNP 3 pobj  B-GPE
        5 .         .         PUNCT .   2 punct
    """)
    assert triples(rels) == {("poland", "DEPLOYS_TO", "lithuania", "asserted")}
    assert rels[0]["properties"]["asset"] == "Polish soldiers"


def test_presence_there_are(nlp):
    # "There are Russian peacekeepers in Transnistria."
    rels = run(nlp, """
        0 There        there        PRON  EX  1 expl
        1 are          be           VERB  VBP 1 ROOT
        2 Russian      Russian      ADJ   JJ  3 amod  B-NORP
        3 peacekeepers peacekeeper  NOUN  NNS 1 attr
        4 in           in           ADP   IN  3 prep
        5 Transnistria Transnistria PROPN NNP 4 pobj  B-GPE
        6 .            .            PUNCT .   1 punct
    """)
    assert triples(rels) == {("russia", "DEPLOYS_TO", "transnistria", "asserted")}


def test_unnamed_border(nlp):
    # "Venezuela moved troops to its border with Colombia."
    rels = run(nlp, """
        0 Venezuela Venezuela PROPN NNP  1 nsubj B-GPE
        1 moved     move      VERB  VBD  1 ROOT
        2 troops    troop     NOUN  NNS  1 dobj
        3 to        to        ADP   IN   1 prep
        4 its       its       PRON  PRP$ 5 poss
        5 border    border    NOUN  NN   3 pobj
        6 with      with      ADP   IN   5 prep
        7 Colombia  Colombia  PROPN NNP  6 pobj  B-GPE
        8 .         .         PUNCT .    1 punct
    """)
    assert triples(rels) == {("venezuela", "DEPLOYS_TO", "border-with-colombia", "asserted")}
    assert rels[0]["object"] == {"id": "border-with-colombia", "name": "border with Colombia", "type": "Place"}
    assert rels[0]["properties"] == {"asset": "troops", "broader_place": "Colombia"}


def test_pronoun_bound_to_the_speaker(nlp):
    # "Mali's defense minister said he had sent soldiers to Burkina Faso.": "he" is the unnamed
    # minister, who stands for Mali; Mali says it itself, so no reported_by
    rels = run(nlp, """
        0 Mali     Mali     PROPN NNP 3 poss     B-GPE
        1 's       's       PART  POS 0 case
        2 defense  defense  NOUN  NN  3 compound
        3 minister minister NOUN  NN  4 nsubj
        4 said     say      VERB  VBD 4 ROOT
        5 he       he       PRON  PRP 7 nsubj
        6 had      have     AUX   VBD 7 aux
        7 sent     send     VERB  VBN 4 ccomp
        8 soldiers soldier  NOUN  NNS 7 dobj
        9 to       to       ADP   IN  7 prep
       10 Burkina  Burkina  PROPN NNP 11 compound B-GPE
       11 Faso     Faso     PROPN NNP 9 pobj     I-GPE
       12 .        .        PUNCT .   4 punct
    """)
    assert triples(rels) == {("mali", "DEPLOYS_TO", "burkina-faso", "asserted")}
    assert rels[0]["reported_by"] is None


# -- nominal ------------------------------------------------------------------------------

def test_nominal_recognition(nlp):
    # "Nauru's recognition of Abkhazia angered Georgia."
    rels = run(nlp, """
        0 Nauru       Nauru       PROPN NNP 2 poss  B-GPE
        1 's          's          PART  POS 0 case
        2 recognition recognition NOUN  NN  5 nsubj
        3 of          of          ADP   IN  2 prep
        4 Abkhazia    Abkhazia    PROPN NNP 3 pobj  B-GPE
        5 angered     anger       VERB  VBD 5 ROOT
        6 Georgia     Georgia     PROPN NNP 5 dobj  B-GPE
        7 .           .           PUNCT .   5 punct
    """)
    assert triples(rels) == {("nauru", "RECOGNIZES", "abkhazia", "asserted")}


def test_nominal_deployment_of_paratroopers(nlp):
    # "The deployment of Belgian paratroopers to Kinshasa began."
    rels = run(nlp, """
        0 The          the          DET   DT  1 det
        1 deployment   deployment   NOUN  NN  7 nsubj
        2 of           of           ADP   IN  1 prep
        3 Belgian      Belgian      ADJ   JJ  4 amod  B-NORP
        4 paratroopers paratrooper  NOUN  NNS 2 pobj
        5 to           to           ADP   IN  1 prep
        6 Kinshasa     Kinshasa     PROPN NNP 5 pobj  B-GPE
        7 began        begin        VERB  VBD 7 ROOT
        8 .            .            PUNCT .   7 punct
    """)
    assert triples(rels) == {("belgium", "DEPLOYS_TO", "kinshasa", "asserted")}
    assert rels[0]["object"] == {"id": "kinshasa", "name": "Kinshasa", "type": "Place"}
    assert rels[0]["properties"]["asset"] == "Belgian paratroopers"


# -- status -------------------------------------------------------------------------------

def test_status_negation(nlp):
    # "Greece did not recognize Kosovo."
    rels = run(nlp, """
        0 Greece    Greece    PROPN NNP 3 nsubj B-GPE
        1 did       do        AUX   VBD 3 aux
        2 not       not       PART  RB  3 neg
        3 recognize recognize VERB  VB  3 ROOT
        4 Kosovo    Kosovo    PROPN NNP 3 dobj  B-GPE
        5 .         .         PUNCT .   3 punct
    """)
    assert triples(rels) == {("greece", "RECOGNIZES", "kosovo", "negated")}


def test_status_modal(nlp):
    # "Norway may deploy frigates to Iceland."
    rels = run(nlp, """
        0 Norway   Norway   PROPN NNP 2 nsubj B-GPE
        1 may      may      AUX   MD  2 aux
        2 deploy   deploy   VERB  VB  2 ROOT
        3 frigates frigate  NOUN  NNS 2 dobj
        4 to       to       ADP   IN  2 prep
        5 Iceland  Iceland  PROPN NNP 4 pobj  B-GPE
        6 .        .        PUNCT .   2 punct
    """)
    assert triples(rels) == {("norway", "DEPLOYS_TO", "iceland", "hypothetical")}


def test_status_denied_charges_keep_the_accusation(nlp):
    # "Uganda denied Rwanda's charges that Kampala was arming rebels.": Uganda denies the
    # content; that Rwanda made the charge stands
    rels = run(nlp, """
        0 Uganda  Uganda  PROPN NNP 1 nsubj B-GPE
        1 denied  deny    VERB  VBD 1 ROOT
        2 Rwanda  Rwanda  PROPN NNP 4 poss  B-GPE
        3 's      's      PART  POS 2 case
        4 charges charge  NOUN  NNS 1 dobj
        5 that    that    SCONJ IN  8 mark
        6 Kampala Kampala PROPN NNP 8 nsubj B-GPE
        7 was     be      AUX   VBD 8 aux
        8 arming  arm     VERB  VBG 4 acl
        9 rebels  rebel   NOUN  NNS 8 dobj
       10 .       .       PUNCT .   1 punct
    """)
    assert triples(rels) == {("rwanda", "ACCUSES", "uganda", "asserted")}
    assert rels[0]["properties"] == {"charge": "Kampala was arming rebels"}


def test_status_decision_to_recognize_counts(nlp):
    # "Malta's decision to recognize Palestine surprised Italy.": deciding it is recognizing
    rels = run(nlp, """
        0 Malta     Malta     PROPN NNP 2 poss  B-GPE
        1 's        's        PART  POS 0 case
        2 decision  decision  NOUN  NN  6 nsubj
        3 to        to        PART  TO  4 aux
        4 recognize recognize VERB  VB  2 acl
        5 Palestine Palestine PROPN NNP 4 dobj  B-GPE
        6 surprised surprise  VERB  VBD 6 ROOT
        7 Italy     Italy     PROPN NNP 6 dobj  B-GPE
        8 .         .         PUNCT .   6 punct
    """)
    assert triples(rels) == {("malta", "RECOGNIZES", "palestine", "asserted")}


def test_status_decision_to_deploy_does_not_count(nlp):
    # "Chad's decision to deploy troops to Mali surprised France.": not yet a deployment
    rels = run(nlp, """
        0 Chad      Chad      PROPN NNP 2 poss  B-GPE
        1 's        's        PART  POS 0 case
        2 decision  decision  NOUN  NN  8 nsubj
        3 to        to        PART  TO  4 aux
        4 deploy    deploy    VERB  VB  2 acl
        5 troops    troop     NOUN  NNS 4 dobj
        6 to        to        ADP   IN  4 prep
        7 Mali      Mali      PROPN NNP 6 pobj  B-GPE
        8 surprised surprise  VERB  VBD 8 ROOT
        9 France    France    PROPN NNP 8 dobj  B-GPE
       10 .         .         PUNCT .   8 punct
    """)
    assert triples(rels) == {("chad", "DEPLOYS_TO", "mali", "hypothetical")}


# -- the resolver on its own --------------------------------------------------------------

def test_resolver_coordinated_nationalities(nlp):
    # "Chinese and Indian soldiers clashed." -> the soldiers are China's and India's
    doc, r = resolver_on(nlp, """
        0 Chinese  Chinese  ADJ   JJ  3 amod  B-NORP
        1 and      and      CCONJ CC  0 cc
        2 Indian   Indian   ADJ   JJ  0 conj  B-NORP
        3 soldiers soldier  NOUN  NNS 4 nsubj
        4 clashed  clash    VERB  VBD 4 ROOT
        5 .        .        PUNCT .   4 punct
    """)
    assert {a.ref["id"] for a in r.actors(doc[3])} == {"china", "india"}


def test_resolver_group_members(nlp):
    # "States including Ghana and Togo protested." -> the named members, not the group
    doc, r = resolver_on(nlp, """
        0 States    state     NOUN  NNS 5 nsubj
        1 including include   VERB  VBG 0 prep
        2 Ghana     Ghana     PROPN NNP 1 pobj  B-GPE
        3 and       and       CCONJ CC  2 cc
        4 Togo      Togo      PROPN NNP 2 conj  B-GPE
        5 protested protest   VERB  VBD 5 ROOT
        6 .         .         PUNCT .   5 punct
    """)
    assert [a.ref["id"] for a in r.actors(doc[0])] == ["ghana", "togo"]


def test_resolver_government_of(nlp):
    # "The government of Sudan protested." -> Sudan
    doc, r = resolver_on(nlp, """
        0 The        the        DET   DT  1 det
        1 government government NOUN  NN  4 nsubj
        2 of         of         ADP   IN  1 prep
        3 Sudan      Sudan      PROPN NNP 2 pobj  B-GPE
        4 protested  protest    VERB  VBD 4 ROOT
        5 .          .          PUNCT .   4 punct
    """)
    assert [a.ref["id"] for a in r.actors(doc[1])] == ["sudan"]


# -- more of what the docstrings promise --------------------------------------------------

def test_passive_relative_clause(nlp):
    # "Officials visited Kosovo, which was recognized by Togo."
    rels = run(nlp, """
        0 Officials  official  NOUN  NNS 1 nsubj
        1 visited    visit     VERB  VBD 1 ROOT
        2 Kosovo     Kosovo    PROPN NNP 1 dobj      B-GPE
        3 ,          ,         PUNCT ,   2 punct
        4 which      which     PRON  WDT 6 nsubjpass
        5 was        be        AUX   VBD 6 auxpass
        6 recognized recognize VERB  VBN 2 relcl
        7 by         by        ADP   IN  6 agent
        8 Togo       Togo      PROPN NNP 7 pobj      B-GPE
        9 .          .         PUNCT .   1 punct
    """)
    assert triples(rels) == {("togo", "RECOGNIZES", "kosovo", "asserted")}


def test_passive_deployment_without_agent(nlp):
    # "Kazakh troops were deployed to Kyrgyzstan.": the force's country deploys
    rels = run(nlp, """
        0 Kazakh     Kazakh     ADJ   JJ  1 amod      B-NORP
        1 troops     troop      NOUN  NNS 3 nsubjpass
        2 were       be         AUX   VBD 3 auxpass
        3 deployed   deploy     VERB  VBN 3 ROOT
        4 to         to         ADP   IN  3 prep
        5 Kyrgyzstan Kyrgyzstan PROPN NNP 4 pobj      B-GPE
        6 .          .          PUNCT .   3 punct
    """)
    assert triples(rels) == {("kazakhstan", "DEPLOYS_TO", "kyrgyzstan", "asserted")}


def test_reported_speech_names_the_speaker(nlp):
    # "Mali said Algeria sent soldiers to Libya.": Algeria deploys, as Mali claims
    rels = run(nlp, """
        0 Mali     Mali     PROPN NNP 1 nsubj B-GPE
        1 said     say      VERB  VBD 1 ROOT
        2 Algeria  Algeria  PROPN NNP 3 nsubj B-GPE
        3 sent     send     VERB  VBD 1 ccomp
        4 soldiers soldier  NOUN  NNS 3 dobj
        5 to       to       ADP   IN  3 prep
        6 Libya    Libya    PROPN NNP 5 pobj  B-GPE
        7 .        .        PUNCT .   1 punct
    """)
    # a party's claim about another is the party's, not a fact: "reported", with the speaker
    assert triples(rels) == {("algeria", "DEPLOYS_TO", "libya", "reported")}
    assert rels[0]["reported_by"] == {"id": "mali", "name": "Mali", "type": "Country"}


def test_status_denied_that_clause_is_negated(nlp):
    # "Niger denied that it had sent troops to Mali.": "it" is Niger, the deployment is denied
    rels = run(nlp, """
        0 Niger  Niger  PROPN NNP 1 nsubj B-GPE
        1 denied deny   VERB  VBD 1 ROOT
        2 that   that   SCONJ IN  5 mark
        3 it     it     PRON  PRP 5 nsubj
        4 had    have   AUX   VBD 5 aux
        5 sent   send   VERB  VBN 1 ccomp
        6 troops troop  NOUN  NNS 5 dobj
        7 to     to     ADP   IN  5 prep
        8 Mali   Mali   PROPN NNP 7 pobj  B-GPE
        9 .      .      PUNCT .   1 punct
    """)
    assert triples(rels) == {("niger", "DEPLOYS_TO", "mali", "negated")}


def test_nominal_reciprocal_traded_accusations(nlp):
    # "Sudan and Chad traded accusations."
    rels = run(nlp, """
        0 Sudan       Sudan      PROPN NNP 3 nsubj B-GPE
        1 and         and        CCONJ CC  0 cc
        2 Chad        Chad       PROPN NNP 0 conj  B-GPE
        3 traded      trade      VERB  VBD 3 ROOT
        4 accusations accusation NOUN  NNS 3 dobj
        5 .           .          PUNCT .   3 punct
    """)
    assert triples(rels) == {
        ("sudan", "ACCUSES", "chad", "asserted"),
        ("chad", "ACCUSES", "sudan", "asserted"),
    }


def test_nominal_won_recognition_from(nlp):
    # "Kosovo won recognition from Ghana.": Ghana recognizes Kosovo
    rels = run(nlp, """
        0 Kosovo      Kosovo      PROPN NNP 1 nsubj B-GPE
        1 won         win         VERB  VBD 1 ROOT
        2 recognition recognition NOUN  NN  1 dobj
        3 from        from        ADP   IN  2 prep
        4 Ghana       Ghana       PROPN NNP 3 pobj  B-GPE
        5 .           .           PUNCT .   1 punct
    """)
    assert triples(rels) == {("ghana", "RECOGNIZES", "kosovo", "asserted")}


def test_status_denied_sending_is_negated(nlp):
    # "Niger denied sending troops to Mali.": the gerund under "deny" is denied, not planned
    rels = run(nlp, """
        0 Niger   Niger  PROPN NNP 1 nsubj B-GPE
        1 denied  deny   VERB  VBD 1 ROOT
        2 sending send   VERB  VBG 1 xcomp
        3 troops  troop  NOUN  NNS 2 dobj
        4 to      to     ADP   IN  2 prep
        5 Mali    Mali   PROPN NNP 4 pobj  B-GPE
        6 .       .      PUNCT .   1 punct
    """)
    assert triples(rels) == {("niger", "DEPLOYS_TO", "mali", "negated")}


def test_first_country_to_recognize(nlp):
    # "Iceland became the first country to recognize Lithuania.": a rank states a done act
    rels = run(nlp, """
        0 Iceland   Iceland   PROPN NNP 1 nsubj B-GPE
        1 became    become    VERB  VBD 1 ROOT
        2 the       the       DET   DT  4 det
        3 first     first     ADJ   JJ  4 amod
        4 country   country   NOUN  NN  1 attr
        5 to        to        PART  TO  6 aux
        6 recognize recognize VERB  VB  4 acl
        7 Lithuania Lithuania PROPN NNP 6 dobj  B-GPE
        8 .         .         PUNCT .   1 punct
    """)
    assert triples(rels) == {("iceland", "RECOGNIZES", "lithuania", "asserted")}


def test_plural_pronoun_bound_to_the_speakers(nlp):
    # "Spain and Ireland announced they would recognize Palestine."
    rels = run(nlp, """
        0 Spain     Spain     PROPN NNP 3 nsubj B-GPE
        1 and       and       CCONJ CC  0 cc
        2 Ireland   Ireland   PROPN NNP 0 conj  B-GPE
        3 announced announce  VERB  VBD 3 ROOT
        4 they      they      PRON  PRP 6 nsubj
        5 would     would     AUX   MD  6 aux
        6 recognize recognize VERB  VB  3 ccomp
        7 Palestine Palestine PROPN NNP 6 dobj  B-GPE
        8 .         .         PUNCT .   3 punct
    """)
    assert triples(rels) == {
        ("spain", "RECOGNIZES", "palestine", "hypothetical"),
        ("ireland", "RECOGNIZES", "palestine", "hypothetical"),
    }


def test_his_government_is_the_speakers_country(nlp):
    # "Kenyan President Amos Odhiambo said his government had recognized Kosovo."
    rels = run(nlp, """
        0 Kenyan     Kenyan     ADJ   JJ   3 amod     B-NORP
        1 President  President  PROPN NNP  3 compound
        2 Amos       Amos       PROPN NNP  3 compound B-PERSON
        3 Odhiambo   Odhiambo   PROPN NNP  4 nsubj    I-PERSON
        4 said       say        VERB  VBD  4 ROOT
        5 his        his        PRON  PRP$ 6 poss
        6 government government NOUN  NN   8 nsubj
        7 had        have       AUX   VBD  8 aux
        8 recognized recognize  VERB  VBN  4 ccomp
        9 Kosovo     Kosovo     PROPN NNP  8 dobj     B-GPE
       10 .          .          PUNCT .    4 punct
    """)
    assert triples(rels) == {("kenya", "RECOGNIZES", "kosovo", "asserted")}


def test_quantity_head_hundreds_of_soldiers(nlp):
    # "Britain sent hundreds of soldiers to Estonia."
    rels = run(nlp, """
        0 Britain  Britain  PROPN NNP 1 nsubj B-GPE
        1 sent     send     VERB  VBD 1 ROOT
        2 hundreds hundred  NOUN  NNS 1 dobj
        3 of       of       ADP   IN  2 prep
        4 soldiers soldier  NOUN  NNS 3 pobj
        5 to       to       ADP   IN  1 prep
        6 Estonia  Estonia  PROPN NNP 5 pobj  B-GPE
        7 .        .        PUNCT .   1 punct
    """)
    assert triples(rels) == {("united-kingdom", "DEPLOYS_TO", "estonia", "asserted")}
    assert rels[0]["properties"]["asset"] == "hundreds of soldiers"


def test_purpose_clause_names_the_place(nlp):
    # "Nigeria sent troops to secure Gambia."
    rels = run(nlp, """
        0 Nigeria Nigeria PROPN NNP 1 nsubj B-GPE
        1 sent    send    VERB  VBD 1 ROOT
        2 troops  troop   NOUN  NNS 1 dobj
        3 to      to      PART  TO  4 aux
        4 secure  secure  VERB  VB  1 advcl
        5 Gambia  Gambia  PROPN NNP 4 dobj  B-GPE
        6 .       .       PUNCT .   1 punct
    """)
    assert triples(rels) == {("nigeria", "DEPLOYS_TO", "gambia", "asserted")}


def test_blamed_the_attack_on(nlp):
    # "Lebanon blamed the bombing on Syria.": the direct object is what happened
    rels = run(nlp, """
        0 Lebanon Lebanon PROPN NNP 1 nsubj B-GPE
        1 blamed  blame   VERB  VBD 1 ROOT
        2 the     the     DET   DT  3 det
        3 bombing bombing NOUN  NN  1 dobj
        4 on      on      ADP   IN  1 prep
        5 Syria   Syria   PROPN NNP 4 pobj  B-GPE
        6 .       .       PUNCT .   1 punct
    """)
    assert triples(rels) == {("lebanon", "ACCUSES", "syria", "asserted")}


def test_charged_x_with(nlp):
    # "Rwanda charged Burundi with arming rebels."
    rels = run(nlp, """
        0 Rwanda  Rwanda  PROPN NNP 1 nsubj B-GPE
        1 charged charge  VERB  VBD 1 ROOT
        2 Burundi Burundi PROPN NNP 1 dobj  B-GPE
        3 with    with    ADP   IN  1 prep
        4 arming  arm     VERB  VBG 3 pcomp
        5 rebels  rebel   NOUN  NNS 4 dobj
        6 .       .       PUNCT .   1 punct
    """)
    assert triples(rels) == {("rwanda", "ACCUSES", "burundi", "asserted")}
    assert rels[0]["properties"] == {"charge": "arming rebels"}


def test_called_on_x_to_recognize(nlp):
    # "Peru called on Chile to recognize Kosovo.": as with "urged Chile to", Chile is who
    # would recognize, not Peru
    rels = run(nlp, """
        0 Peru      Peru      PROPN NNP 1 nsubj B-GPE
        1 called    call      VERB  VBD 1 ROOT
        2 on        on        ADP   IN  1 prep
        3 Chile     Chile     PROPN NNP 2 pobj  B-GPE
        4 to        to        PART  TO  5 aux
        5 recognize recognize VERB  VB  1 xcomp
        6 Kosovo    Kosovo    PROPN NNP 5 dobj  B-GPE
        7 .         .         PUNCT .   1 punct
    """)
    assert triples(rels, "CALLS_ON") == {("peru", "CALLS_ON", "chile", "asserted")}
    assert triples(rels, "RECOGNIZES") == {("chile", "RECOGNIZES", "kosovo", "hypothetical")}
