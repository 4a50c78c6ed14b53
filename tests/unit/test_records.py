import json

import pytest

from loader.records import (
    DocumentRecord,
    EntityRef,
    Evidence,
    RecordError,
    RelationRecord,
    document_id_for,
    evidence_id_for,
    record_from_dict,
    record_from_json,
)


def test_document_id_is_sha256_of_text():
    # sha256("abc") is a well-known test vector
    assert document_id_for("abc") == "sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"


def _relation(**kw):
    base = dict(
        doc_id="d1", subject=EntityRef("russia", "Russia", "Country"), relation="RECOGNIZES",
        object=EntityRef("nicolas-maduro", "Nicolas Maduro", "Person"),
        evidence=Evidence("Russia recognizes Maduro.", 10, 35),
    )
    base.update(kw)
    return RelationRecord(**base)


def test_relation_round_trips_through_json():
    rel = _relation(properties={"asset": "two bombers"}, status="negated",
                    reported_by=EntityRef("iran", "Iran", "Country"))
    line = json.dumps(rel.to_dict())
    back = record_from_dict(json.loads(line))
    assert back == rel


def test_plain_relation_has_the_contract_shape():
    data = _relation().to_dict()
    assert data == {
        "kind": "relation", "doc_id": "d1",
        "subject": {"id": "russia", "name": "Russia", "type": "Country"},
        "relation": "RECOGNIZES",
        "object": {"id": "nicolas-maduro", "name": "Nicolas Maduro", "type": "Person"},
        "evidence": {"sentence": "Russia recognizes Maduro.", "start": 10, "end": 35},
        "confidence": 0.9, "properties": {},
    }


def test_evidence_id_is_stable_and_distinguishes_mentions():
    a, b = _relation(), _relation()
    assert evidence_id_for(a) == evidence_id_for(b)
    moved = _relation(evidence=Evidence("Russia recognizes Maduro.", 50, 75))
    assert evidence_id_for(moved) != evidence_id_for(a)


@pytest.mark.parametrize("data, reason", [
    ({"kind": "document", "source": "x"}, "missing field 'id'"),
    ({"kind": "entity", "id": "x", "name": "X", "type": "Person", "doc_id": "d", "aliases": "X"}, "aliases"),
    ({"kind": "relation", "doc_id": "d", "subject": "Russia", "relation": "R", "object": {}, "evidence": {}}, "subject"),
    ({"kind": "relation", "doc_id": "d", "subject": {"id": "a", "name": "A", "type": "Country"}, "relation": "R",
      "object": {"id": "b", "name": "B", "type": "Country"}, "evidence": {"sentence": "s", "start": "0", "end": 1}}, "start"),
    ({"kind": "widget"}, "unknown record kind"),
    ([1, 2], "JSON object"),
])
def test_malformed_records_are_refused_with_a_reason(data, reason):
    with pytest.raises(RecordError, match=reason):
        record_from_dict(data)


def test_document_record_round_trip():
    doc = DocumentRecord("sha256:1", "a.txt", "Title", None, "2019-03-26", "abc", "v1")
    assert record_from_dict(doc.to_dict()) == doc
    assert doc.to_dict()["author"] is None  # written, as null, beside title, url and published
    signed = DocumentRecord("sha256:1", "a.txt", "Title", None, "2019-03-26", "abc", "v1", "Ana Ruiz; Tom Lee")
    line = json.dumps(signed.to_dict())
    assert json.loads(line)["author"] == "Ana Ruiz; Tom Lee"
    assert record_from_json(line) == record_from_dict(json.loads(line)) == signed


def test_a_document_record_written_before_author_existed_loads():
    line = '{"kind": "document", "id": "d1", "source": "a.txt", "title": "T", "url": null, "published": "2019-03-26"}'
    assert record_from_json(line) == DocumentRecord("d1", "a.txt", "T", None, "2019-03-26")
    assert record_from_json(line).author is None
