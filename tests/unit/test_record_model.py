"""The one record model (loader.records): what each line decodes to, the one message of each bad
record, the closed set of statuses, the flags beside a status, and numbers JSON can hold."""

import io
import json
import math

import pytest

from loader import inputs
from loader.inputs import RecordBatch, Rejection
from loader.records import (
    STATUSES,
    DocumentRecord,
    EntityRecord,
    EntityRef,
    Evidence,
    RecordError,
    RelationRecord,
    dump_records,
    record_from_dict,
    record_from_json,
)

RUSSIA = {"id": "russia", "name": "Russia", "type": "Country"}
MADURO = {"id": "nicolas-maduro", "name": "Nicolás Maduro", "type": "Person"}
DOCUMENT = {"kind": "document", "id": "d1", "source": "a.txt"}
ENTITY = {"kind": "entity", "id": "juan-guaido", "name": "Juan Guaidó", "type": "Person", "doc_id": "d1"}
RELATION = {"kind": "relation", "doc_id": "d1", "subject": RUSSIA, "relation": "RECOGNIZES",
            "object": MADURO, "evidence": {"sentence": "Russia recognizes Maduro.", "start": 10, "end": 35}}


def _both(data: dict):
    """The record of ``data`` read as a JSON line and as a parsed object (they must agree)."""
    line = json.dumps(data, ensure_ascii=False)
    from_line, from_dict = record_from_json(line), record_from_dict(json.loads(line))
    assert from_line == from_dict
    return from_line


# ------------------------------------------------------------------ good records

def test_a_minimal_record_of_each_kind_gets_the_defaults():
    assert _both(DOCUMENT) == DocumentRecord("d1", "a.txt", None, None, None, None, None)
    assert _both(ENTITY) == EntityRecord("juan-guaido", "Juan Guaidó", "Person", "d1", [])
    rel = _both(RELATION)
    assert rel == RelationRecord(
        "d1", EntityRef("russia", "Russia", "Country"), "RECOGNIZES",
        EntityRef("nicolas-maduro", "Nicolás Maduro", "Person"),
        Evidence("Russia recognizes Maduro.", 10, 35), 0.9, {}, "asserted", None)
    assert (rel.kind, rel.confidence, rel.properties, rel.status, rel.reported_by) == \
        ("relation", 0.9, {}, "asserted", None)
    assert rel.triple == ("russia", "RECOGNIZES", "nicolas-maduro")


def test_a_full_record_of_each_kind():
    doc = {**DOCUMENT, "title": "T", "url": "https://x.example/a", "published": "2019-03-26",
           "text_sha256": "ab" * 32, "extractor_version": "kgload-extract/0.4+ceef8b0ba6fa", "author": "Ana Ruiz; Tom Lee"}
    assert _both(doc) == DocumentRecord("d1", "a.txt", "T", "https://x.example/a", "2019-03-26",
                                        "ab" * 32, "kgload-extract/0.4+ceef8b0ba6fa", "Ana Ruiz; Tom Lee")
    assert _both({**ENTITY, "aliases": ["Guaidó", "Guaido"]}).aliases == ["Guaidó", "Guaido"]
    rel = _both({**RELATION, "confidence": 0.7, "properties": {"asset": "two bombers", "n": [1, 2.5, None, True]},
                 "status": "reported", "hypothetical": True, "reported_by": RUSSIA})
    assert (rel.confidence, rel.properties, rel.status, rel.reported_by) == (
        0.7, {"asset": "two bombers", "n": [1, 2.5, None, True]}, "reported", EntityRef("russia", "Russia", "Country"))


def test_null_optional_fields_are_absent_ones():
    assert _both({**DOCUMENT, "title": None, "url": None, "published": None, "author": None}) == DocumentRecord("d1", "a.txt")
    assert _both({**RELATION, "reported_by": None}).reported_by is None


def test_an_integer_confidence_is_a_float():
    rel = _both({**RELATION, "confidence": 1})
    assert rel.confidence == 1.0 and type(rel.confidence) is float


def test_unknown_keys_are_ignored():
    assert _both({**ENTITY, "note": "added by hand", "score": [1, 2]}) == EntityRecord(
        "juan-guaido", "Juan Guaidó", "Person", "d1", [])


def test_a_missing_list_or_dict_is_a_new_one_for_each_record():
    a, b = _both(ENTITY), _both(ENTITY)
    a.aliases.append("Guaido")
    assert b.aliases == []
    r, s = _both(RELATION), _both(RELATION)
    r.properties["asset"] = "x"
    assert s.properties == {}


def test_entity_refs_are_values():
    ref = EntityRef("russia", "Russia", "Country")
    assert {ref, EntityRef("russia", "Russia", "Country")} == {ref}
    with pytest.raises(AttributeError):
        ref.id = "cuba"


# ------------------------------------------------------------------ bad records: one message each

BAD = [
    # document
    ({"kind": "document", "source": "a.txt"}, "missing field 'id'"),
    ({"kind": "document", "id": "d1"}, "missing field 'source'"),
    ({**DOCUMENT, "id": 7}, "field 'id' has the wrong type (int)"),
    ({**DOCUMENT, "id": None}, "field 'id' has the wrong type (NoneType)"),
    ({**DOCUMENT, "source": ["a.txt"]}, "field 'source' has the wrong type (list)"),
    ({**DOCUMENT, "title": 3}, "field 'title' must be a string"),
    ({**DOCUMENT, "url": {}}, "field 'url' must be a string"),
    ({**DOCUMENT, "published": 20190326}, "field 'published' must be a string"),
    ({**DOCUMENT, "text_sha256": False}, "field 'text_sha256' must be a string"),
    ({**DOCUMENT, "extractor_version": 0.4}, "field 'extractor_version' must be a string"),
    ({**DOCUMENT, "author": ["Ana Ruiz", "Tom Lee"]}, "field 'author' must be a string"),
    # entity
    ({k: v for k, v in ENTITY.items() if k != "name"}, "missing field 'name'"),
    ({**ENTITY, "name": None}, "field 'name' has the wrong type (NoneType)"),
    ({**ENTITY, "type": 1}, "field 'type' has the wrong type (int)"),
    ({**ENTITY, "doc_id": True}, "field 'doc_id' has the wrong type (bool)"),
    ({**ENTITY, "aliases": "Guaido"}, "field 'aliases' must be a list of strings"),
    ({**ENTITY, "aliases": ["Guaido", 1]}, "field 'aliases' must be a list of strings"),
    ({**ENTITY, "aliases": None}, "field 'aliases' must be a list of strings"),
    # relation
    ({k: v for k, v in RELATION.items() if k != "doc_id"}, "missing field 'doc_id'"),
    ({**RELATION, "doc_id": 1.5}, "field 'doc_id' has the wrong type (float)"),
    ({**RELATION, "relation": ["RECOGNIZES"]}, "field 'relation' has the wrong type (list)"),
    ({**RELATION, "subject": "Russia"}, "field 'subject' must be an object with id, name and type"),
    ({k: v for k, v in RELATION.items() if k != "subject"}, "field 'subject' must be an object with id, name and type"),
    ({**RELATION, "object": None}, "field 'object' must be an object with id, name and type"),
    ({**RELATION, "reported_by": "Iran"}, "field 'reported_by' must be an object with id, name and type"),
    ({**RELATION, "subject": {"id": "russia", "type": "Country"}}, "missing field 'name'"),
    ({**RELATION, "object": {**MADURO, "id": 5}}, "field 'id' has the wrong type (int)"),
    ({**RELATION, "reported_by": {**RUSSIA, "type": None}}, "field 'type' has the wrong type (NoneType)"),
    ({k: v for k, v in RELATION.items() if k != "evidence"}, "missing field 'evidence'"),
    ({**RELATION, "evidence": "Russia recognizes Maduro."}, "field 'evidence' has the wrong type (str)"),
    ({**RELATION, "evidence": {"start": 0, "end": 1}}, "missing field 'sentence'"),
    ({**RELATION, "evidence": {"sentence": "s", "start": "0", "end": 1}}, "field 'start' has the wrong type (str)"),
    ({**RELATION, "evidence": {"sentence": "s", "start": True, "end": 1}}, "field 'start' has the wrong type (bool)"),
    ({**RELATION, "evidence": {"sentence": "s", "start": 0, "end": 1.0}}, "field 'end' has the wrong type (float)"),
    ({**RELATION, "evidence": {"sentence": None, "start": 0, "end": 1}}, "field 'sentence' has the wrong type (NoneType)"),
    ({**RELATION, "confidence": "high"}, "field 'confidence' must be a number"),
    ({**RELATION, "confidence": True}, "field 'confidence' must be a number"),
    ({**RELATION, "confidence": None}, "field 'confidence' must be a number"),
    ({**RELATION, "properties": ["asset"]}, "field 'properties' must be an object"),
    ({**RELATION, "properties": None}, "field 'properties' must be an object"),
    ({**RELATION, "status": 1}, "field 'status' must be a string"),
    ({**RELATION, "status": None}, "field 'status' must be a string"),
    # kind
    ({"kind": "widget"}, "unknown record kind 'widget'"),
    ({**DOCUMENT, "kind": "Document"}, "unknown record kind 'Document'"),
    ({"kind": None}, "unknown record kind None"),
    ({"kind": ["relation"]}, "unknown record kind ['relation']"),
]


@pytest.mark.parametrize("data, message", BAD)
def test_a_bad_record_is_refused_with_one_message(data, message):
    line = json.dumps(data)
    assert record_from_json(line) is None
    with pytest.raises(RecordError) as caught:
        record_from_dict(json.loads(line))
    assert str(caught.value) == message


def test_what_is_no_record_at_all():
    for data in ([DOCUMENT], "document", None, 3):
        with pytest.raises(RecordError, match=r"^a record must be a JSON object$"):
            record_from_dict(data)
    with pytest.raises(RecordError, match=r"^unknown record kind None$"):
        record_from_dict({"id": "d1", "source": "a.txt"})


def test_a_record_with_two_faults_gets_one_message():
    with pytest.raises(RecordError) as caught:
        record_from_dict({**RELATION, "subject": "Russia", "evidence": {"sentence": "s", "start": "0", "end": 1}})
    assert str(caught.value) == "field 'subject' must be an object with id, name and type"


# ------------------------------------------------------------------ status: a closed set, with its flags

def test_the_statuses():
    assert STATUSES == ("asserted", "reported", "questioned", "hypothetical", "negated")


@pytest.mark.parametrize("status, flags", [
    ("asserted", {}),
    ("reported", {"status": "reported", "hypothetical": True}),
    ("questioned", {"status": "questioned", "hypothetical": True}),
    ("hypothetical", {"status": "hypothetical", "hypothetical": True}),
    ("negated", {"status": "negated", "negated": True}),
])
def test_each_status_is_written_with_its_flag_and_read_back(status, flags):
    rel = record_from_dict({**RELATION, "status": status})
    assert rel.status == status
    written = rel.to_dict()
    assert {k: written[k] for k in ("status", "negated", "hypothetical") if k in written} == flags
    assert _both(written) == rel


def test_a_hand_written_status_outside_the_set_is_refused():
    for status in ("Asserted", "fact", "", "NEGATED"):
        assert record_from_json(json.dumps({**RELATION, "status": status})) is None
        with pytest.raises(RecordError) as caught:
            record_from_dict({**RELATION, "status": status})
        assert str(caught.value) == ("field 'status' must be one of asserted, reported, questioned, "
                                     f"hypothetical, negated (not {status!r})")


def test_the_exact_lines_written():
    doc = DocumentRecord("d1", "a.txt", published="2019-03-26")
    ent = EntityRecord("juan-guaido", "Juan Guaidó", "Person", "d1", ["Guaido"])
    rel = RelationRecord("d1", EntityRef("russia", "Russia", "Country"), "RECOGNIZES",
                         EntityRef("juan-guaido", "Juan Guaidó", "Person"), Evidence("Russia “won’t” recognize him.", 0, 28),
                         properties={"when": "March"}, status="negated")
    plain = RelationRecord("d1", EntityRef("a", "A", "Country"), "ACCUSES", EntityRef("b", "B", "Country"),
                           Evidence("A accuses B.", 5, 17), 1.0, reported_by=EntityRef("c", "C", "Person"))
    assert list(dump_records([doc, ent, rel, plain])) == [
        '{"kind": "document", "id": "d1", "source": "a.txt", "title": null, "url": null, '
        '"published": "2019-03-26", "author": null, "text_sha256": null, "extractor_version": null}',
        '{"kind": "entity", "id": "juan-guaido", "name": "Juan Guaidó", "type": "Person", '
        '"aliases": ["Guaido"], "doc_id": "d1"}',
        '{"kind": "relation", "doc_id": "d1", "subject": {"id": "russia", "name": "Russia", "type": "Country"}, '
        '"relation": "RECOGNIZES", "object": {"id": "juan-guaido", "name": "Juan Guaidó", "type": "Person"}, '
        '"evidence": {"sentence": "Russia “won’t” recognize him.", "start": 0, "end": 28}, "confidence": 0.9, '
        '"properties": {"when": "March"}, "status": "negated", "negated": true}',
        '{"kind": "relation", "doc_id": "d1", "subject": {"id": "a", "name": "A", "type": "Country"}, '
        '"relation": "ACCUSES", "object": {"id": "b", "name": "B", "type": "Country"}, '
        '"evidence": {"sentence": "A accuses B.", "start": 5, "end": 17}, "confidence": 1.0, '
        '"properties": {}, "reported_by": {"id": "c", "name": "C", "type": "Person"}}',
    ]
    assert [record_from_json(line) for line in dump_records([doc, ent, rel, plain])] == [doc, ent, rel, plain]


# ------------------------------------------------------------------ numbers and odd JSON, through the reader

def _read(text: str) -> list:
    return list(inputs._read_jsonl_stream("r.jsonl", io.BytesIO(text.encode("utf-8", "surrogatepass"))))


def _one_record(line: str):
    [batch] = _read(line)
    assert isinstance(batch, RecordBatch)
    [record] = batch.records
    return record


LINE = json.dumps({**RELATION, "confidence": 0.9, "properties": {"asset": "two bombers"}})


def test_numbers_json_loads_accepts_load_as_they_always_did():
    # msgspec refuses NaN and 1e400; such lines are read with json.loads and the same model
    assert math.isnan(_one_record(LINE.replace('"confidence": 0.9', '"confidence": NaN')).confidence)
    assert _one_record(LINE.replace('"confidence": 0.9', '"confidence": 1e400')).confidence == math.inf
    assert _one_record(LINE.replace('"confidence": 0.9', '"confidence": -Infinity')).confidence == -math.inf
    assert _one_record(LINE.replace('"confidence": 0.9', '"confidence": 123456789012345678901234567890')
                       ).confidence == 1.2345678901234568e29


def test_integers_beyond_64_bits_stay_exact():
    rel = _one_record(LINE.replace('"start": 10', '"start": 18446744073709551616')
                      .replace('"two bombers"', "-99999999999999999999999"))
    assert rel.evidence.start == 2**64 and rel.properties["asset"] == -99999999999999999999999
    assert type(rel.properties["asset"]) is int


def test_a_confidence_too_large_for_a_float_is_refused():
    # json.loads makes an int of it, which no float holds (this used to stop the run)
    [rejection] = _read(LINE.replace('"confidence": 0.9', '"confidence": 1' + "0" * 400))
    assert str(rejection) == "r.jsonl:1: bad record: field 'confidence' is out of range"


def test_a_lone_surrogate_escape_loads_as_json_loads_reads_it():
    assert _one_record(LINE.replace('"Russia"', '"Russia \\ud800"')).subject.name == "Russia \ud800"


def test_a_line_nested_too_deeply_is_rejected_not_a_crash():
    line = LINE.replace('"two bombers"', "[" * 100_000 + "]" * 100_000)
    assert [str(r) for r in _read(line)] == ["r.jsonl:1: malformed JSON (nested too deeply)"]


def test_the_reader_says_one_line_per_bad_record(tmp_path):
    p = tmp_path / "r.jsonl"
    p.write_text("\n".join([
        json.dumps(DOCUMENT),
        json.dumps({**RELATION, "evidence": {"sentence": "s", "start": "0", "end": 1}}),
        json.dumps({**ENTITY, "aliases": "X"}),
        json.dumps({**RELATION, "confidence": True}),
        '{"kind": "relation",',
        json.dumps({**RELATION, "status": "Asserted"}),
        json.dumps({**RELATION, "kind": "relations", "doc_id": 5}),
        json.dumps({**RELATION, "status": "negated", "negated": True}),
    ]), encoding="utf-8")
    items = list(inputs.read_inputs([str(p)]))
    assert [str(i) for i in items if isinstance(i, Rejection)] == [
        f"{p}:2: bad record: field 'start' has the wrong type (str)",
        f"{p}:3: bad record: field 'aliases' must be a list of strings",
        f"{p}:4: bad record: field 'confidence' must be a number",
        f"{p}:5: malformed JSON (Expecting property name enclosed in double quotes)",
        f"{p}:6: bad record: field 'status' must be one of asserted, reported, questioned, hypothetical, "
        "negated (not 'Asserted')",
        f"{p}:7: bad record: unknown record kind 'relations'",
    ]
    # the good records, in order (in batches cut where a bad line is reported)
    assert [r for i in items if isinstance(i, RecordBatch) for r in i.records] == [DocumentRecord("d1", "a.txt"), record_from_dict({**RELATION, "status": "negated"})]


def test_an_ending_round_trips_and_is_flagged_for_other_tools():
    """An ending ("withdrew its recognition of") is written with "ends" and, for tools that
    only read boolean flags, "negated"; reading it back gives ends=True, status asserted."""
    from loader.records import record_from_dict

    line = {**RELATION, "ends": True}
    rel = record_from_dict(line)
    assert (rel.ends, rel.status) == (True, "asserted")
    data = rel.to_dict()
    assert (data["ends"], data["negated"], "status" in data) == (True, True, False)
    assert record_from_dict(data).ends is True
    assert "ends" not in record_from_dict(RELATION).to_dict()
