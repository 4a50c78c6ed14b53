"""The extractor on the sample article: the gold's required triples, evidence and offsets."""

import json
from pathlib import Path

import pytest

from loader.extract import EXTRACTOR_VERSION, Extractor, extract_text
from loader.inputs import document_from_text
from loader.records import DocumentRecord, EntityRecord, RelationRecord, text_digest

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "examples" / "venezuela-2019-03-26.txt"
GOLD = ROOT / "examples" / "venezuela-2019-03-26.gold.jsonl"
CORE = {"RECOGNIZES", "DEPLOYS_TO", "ACCUSES"}


@pytest.fixture(scope="module")
def extractor():
    return Extractor()


@pytest.fixture(scope="module")
def records(extractor):
    text = SAMPLE.read_text(encoding="utf-8")
    doc = document_from_text(text, str(SAMPLE))
    return next(iter(extractor.extract([doc])))


def _asserted(records):
    return [r for r in records if isinstance(r, RelationRecord) and r.states_fact]


def test_document_record_first(records, extractor):
    text = SAMPLE.read_text(encoding="utf-8")
    doc = records[0]
    assert isinstance(doc, DocumentRecord)
    assert doc.id == "sha256:" + text_digest(text)
    assert doc.text_sha256 == text_digest(text)
    assert doc.extractor_version == extractor.version
    assert doc.extractor_version.startswith(EXTRACTOR_VERSION + "+")
    assert doc.title == "Venezuela Tensions: US Warns Moscow Over Troops; Russia Accuses US of Attempted Coup"
    kinds = [r.kind for r in records]
    # document, then entities, then relations
    assert kinds == sorted(kinds, key=["document", "entity", "relation"].index)


def test_all_required_triples(records):
    found = {r.triple for r in _asserted(records)}
    expected = {
        ("united-states", "RECOGNIZES", "juan-guaido"),
        ("russia", "RECOGNIZES", "nicolas-maduro"),
        ("cuba", "RECOGNIZES", "nicolas-maduro"),
        ("china", "RECOGNIZES", "nicolas-maduro"),
        ("russia", "DEPLOYS_TO", "venezuela"),
        ("sergei-lavrov", "ACCUSES", "united-states"),
        ("russia", "ACCUSES", "united-states"),
    }
    assert expected <= found


def test_no_wrong_core_triple(records):
    from loader.evaluate import read_gold

    allowed = {g.triple for g in read_gold(GOLD)}
    wrong = {r.triple for r in _asserted(records) if r.relation in CORE} - allowed
    assert wrong == set()


def test_evidence_sentence_and_offsets(records):
    text = SAMPLE.read_text(encoding="utf-8")
    by_triple = {}
    for r in _asserted(records):
        by_triple.setdefault(r.triple, []).append(r)
    rec = by_triple[("united-states", "RECOGNIZES", "juan-guaido")][0]
    sentence = (
        "The U.S. and more than 50 other countries, including many in Latin America and Europe, "
        "have recognized Guaido, the head of the National Assembly, as interim president pending "
        "new elections."
    )
    assert rec.evidence.sentence == sentence
    assert rec.evidence.start == text.index(sentence)
    assert rec.evidence.end == text.index(sentence) + len(sentence)
    maduro = by_triple[("cuba", "RECOGNIZES", "nicolas-maduro")][0]
    assert maduro.evidence.sentence == "Russia, Cuba, China, and many others continue to recognize the Maduro regime."
    for r in _asserted(records):
        assert text[r.evidence.start:r.evidence.end] == r.evidence.sentence


def test_headline_evidence_stops_before_byline(records):
    rec = [r for r in _asserted(records) if r.triple == ("russia", "ACCUSES", "united-states")
           and r.evidence.start == 0][0]
    assert rec.evidence.sentence == "Venezuela Tensions: US Warns Moscow Over Troops; Russia Accuses US of Attempted Coup"


def test_deployment_properties(records):
    rec = [r for r in _asserted(records) if r.triple == ("russia", "DEPLOYS_TO", "venezuela")
           and "deployed" in r.evidence.sentence][0]
    assert rec.properties == {"asset": "two strategic bombers", "when": "last December"}


def test_accusation_charge(records):
    rec = [r for r in _asserted(records) if r.triple == ("sergei-lavrov", "ACCUSES", "united-states")][0]
    assert rec.properties["charge"].startswith("attempting to \u201corganize a coup d\u2019\u00e9tat")


def test_entities_canonical(records):
    entities = {r.id: r for r in records if isinstance(r, EntityRecord)}
    assert entities["juan-guaido"].name == "Juan Guaido"
    assert entities["juan-guaido"].type == "Person"
    assert "Guaido" in entities["juan-guaido"].aliases
    assert entities["nicolas-maduro"].type == "Person"  # "the Maduro regime" was tagged ORG
    assert entities["jorge-arreaza"].type == "Person"  # "Arreaza" was tagged GPE
    assert entities["united-states"].type == "Country"
    assert {"U.S.", "US", "Washington"} <= set(entities["united-states"].aliases)
    assert entities["russia"].type == "Country"
    # no entity from the byline, "Font Size" or the photo credit
    assert "patrick-goodenough" not in entities
    assert not any("size" in key for key in entities)
    assert "youtube" not in entities and "screen" not in entities


def test_extract_text_convenience():
    records = extract_text("Germany has recognized Juan Guaido as interim president.")
    rels = [r for r in records if isinstance(r, RelationRecord)]
    assert [r.triple for r in rels] == [("germany", "RECOGNIZES", "juan-guaido")]
    assert records[0].source == "<text>"


def test_workers_give_identical_output(extractor):
    text = SAMPLE.read_text(encoding="utf-8")
    paragraphs = text.split("\n\n")
    docs = [
        document_from_text("\n\n".join(paragraphs[i:] + paragraphs[:i]), f"doc{i}.txt")
        for i in range(6)
    ]
    one = [[json.dumps(r.to_dict()) for r in recs] for recs in extractor.extract(docs, workers=1)]
    two = [[json.dumps(r.to_dict()) for r in recs] for recs in extractor.extract(docs, workers=2, batch_size=2)]
    assert one == two
    assert [recs[0] for recs in one] == [json.dumps(
        DocumentRecord(d.id, d.source, d.title, text_sha256=text_digest(d.text),
                       extractor_version=extractor.version).to_dict()) for d in docs]
