"""The fast paths of record reading (``plain_record_from_dict``, orjson in the JSONL reader)
give exactly what the field-by-field code gave: equal records, the same messages, the same
rejections. The JSONL reader loop as it was before them is kept below to compare against."""

import io
import json
import random

import pytest

from loader import inputs
from loader.inputs import Rejection, RecordBatch, SourceDocument
from loader.records import (
    DocumentRecord, EntityRecord, EntityRef, Evidence, RecordError, RelationRecord,
    _checked_record_from_dict, plain_record_from_dict, record_from_dict,
)

# ------------------------------------------------------------------ the code before the fast paths

# The field-by-field builder is kept unchanged in loader.records (it produces every message);
# the fast path must agree with it.
old_record_from_dict = _checked_record_from_dict


def old_read_jsonl_stream(name, stream):
    group = []
    group_doc = None
    seen_content = False
    for item in inputs._jsonl_lines(name, stream):
        if isinstance(item, Rejection):
            seen_content = True
            yield item
            continue
        lineno, line, note = item
        if not line.strip():
            continue
        seen_content = True
        where = f"{name}:{lineno}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            yield Rejection(where, f"malformed JSON ({exc.msg})")
            continue
        if isinstance(obj, dict) and "kind" in obj:
            try:
                record = old_record_from_dict(obj)
            except RecordError as exc:
                yield Rejection(where, f"bad record: {exc}")
                continue
            doc_id = record.id if record.kind == "document" else record.doc_id
            if record.kind == "document" or doc_id != group_doc:
                if group:
                    yield RecordBatch(name, group)
                group, group_doc = [], doc_id
            group.append(record)
            continue
        doc = inputs._jsonl_document(obj, where)
        if note and isinstance(doc, SourceDocument):
            doc.note = note
        yield doc
    if group:
        yield RecordBatch(name, group)
    if not seen_content:
        yield Rejection(name, "empty file")


# ------------------------------------------------------------------ cases

DOCUMENT = {"kind": "document", "id": "d1", "source": "a.txt", "title": "T", "url": None,
            "published": "2019-03-26", "text_sha256": "ab" * 32, "extractor_version": "v1"}
ENTITY = {"kind": "entity", "id": "juan-guaido", "name": "Juan Guaidó", "type": "Person",
          "aliases": ["Guaidó", "Guaido"], "doc_id": "d1"}
RELATION = {"kind": "relation", "doc_id": "d1",
            "subject": {"id": "russia", "name": "Russia", "type": "Country"},
            "relation": "RECOGNIZES",
            "object": {"id": "nicolas-maduro", "name": "Nicolás Maduro", "type": "Person"},
            "evidence": {"sentence": "Russia recognizes Maduro.", "start": 10, "end": 35},
            "confidence": 0.9, "properties": {"asset": "two bombers", "n": [1, 2.5, None, True]},
            "status": "negated",
            "reported_by": {"id": "iran", "name": "Iran", "type": "Country"}}


class Str(str):
    pass


class Dict(dict):
    pass


ODD_VALUES = [None, True, False, 0, 1, -1, 2**63, 2**64, 2**70, -2**70, 1.5, 1e19, -1e300,
              float("nan"), float("inf"), "", "x", Str("x"), [], ["a"], ["a", 1], {}, {"id": "x"},
              Dict(id="a", name="A", type="Country"), [[[[1]]]]]


def _variants(base: dict):
    """``base``, then ``base`` with each field (and each field of a nested object) missing or
    replaced by each odd value."""
    yield base
    for key in list(base) + ["extra"]:
        without = dict(base)
        without.pop(key, None)
        yield without
        for value in ODD_VALUES:
            yield {**base, key: value}
        if isinstance(base.get(key), dict):
            for inner in _variants(base[key]):
                yield {**base, key: inner}


def _outcome(build, data):
    try:
        return "ok", repr(build(data))
    except Exception as exc:  # the type and message of whatever is raised
        return type(exc).__name__, str(exc)


ALL_VARIANTS = [v for base in (DOCUMENT, ENTITY, RELATION) for v in _variants(base)] + [
    Dict(DOCUMENT), [DOCUMENT], "document", None, {}, {"kind": None}, {"kind": ["relation"]},
    {"kind": "widget"}, {"kind": Str("entity"), **{k: v for k, v in ENTITY.items() if k != "kind"}},
]


def test_every_variant_gives_the_same_record_or_the_same_message():
    assert len(ALL_VARIANTS) > 1000
    for data in ALL_VARIANTS:
        assert _outcome(record_from_dict, data) == _outcome(old_record_from_dict, data), data


def test_the_fast_path_takes_well_formed_records_and_builds_them_equal():
    for data in (DOCUMENT, ENTITY, RELATION):
        record = plain_record_from_dict(data)
        assert record is not None and record == old_record_from_dict(data)
        assert repr(record) == repr(old_record_from_dict(data))
    minimal = {"kind": "relation", "doc_id": "d", "subject": RELATION["subject"], "relation": "R",
               "object": RELATION["object"], "evidence": {"sentence": "s", "start": 0, "end": 1}}
    rel = plain_record_from_dict(minimal)
    assert rel == RelationRecord("d", EntityRef("russia", "Russia", "Country"), "R",
                                 EntityRef("nicolas-maduro", "Nicolás Maduro", "Person"),
                                 Evidence("s", 0, 1))
    assert type(rel.confidence) is float and rel.properties == {} and rel.reported_by is None
    assert plain_record_from_dict({**minimal, "confidence": 1}).confidence == 1.0
    assert plain_record_from_dict({"kind": "entity", "id": "a", "name": "A", "type": "Place",
                                   "doc_id": "d"}) == EntityRecord("a", "A", "Place", "d", [])
    assert plain_record_from_dict({"kind": "document", "id": "d", "source": "s"}) == DocumentRecord("d", "s")


def test_the_fast_path_keeps_the_lists_and_dicts_it_was_given():
    # as before: aliases and properties are the parsed objects themselves, not copies
    entity = plain_record_from_dict(ENTITY)
    relation = plain_record_from_dict(RELATION)
    assert entity.aliases is ENTITY["aliases"] and relation.properties is RELATION["properties"]
    # and a missing one is a new, unshared default
    a = plain_record_from_dict({k: v for k, v in ENTITY.items() if k != "aliases"})
    b = plain_record_from_dict({k: v for k, v in ENTITY.items() if k != "aliases"})
    assert a.aliases == [] and a.aliases is not b.aliases


@pytest.mark.parametrize("data", [
    {**RELATION, "confidence": 1e19},                       # may be an integer orjson made a float
    {**RELATION, "confidence": float("nan")},
    {**RELATION, "properties": {"n": 2.0**64}},
    {**RELATION, "properties": {"n": [[{"x": -1e30}]]}},
    {**RELATION, "subject": Dict(RELATION["subject"])},
    {**ENTITY, "name": Str("Juan")},
    {**RELATION, "evidence": {**RELATION["evidence"], "start": True}},
    {**RELATION, "properties": {"deep": json.loads("[" * 40 + "]" * 40)}},
])
def test_unusual_records_leave_the_fast_path_and_still_load_as_before(data):
    assert plain_record_from_dict(data) is None
    assert _outcome(record_from_dict, data) == _outcome(old_record_from_dict, data)


# ------------------------------------------------------------------ the JSONL reader

def _lines():
    rng = random.Random(2019)
    lines = []
    for i, data in enumerate(ALL_VARIANTS[:400]):
        if isinstance(data, dict) and any(isinstance(v, (Str, Dict)) for v in data.values()):
            continue
        try:
            lines.append(json.dumps(data, ensure_ascii=rng.random() < 0.5, allow_nan=True))
        except (TypeError, ValueError):
            continue
    rel = json.dumps(RELATION)
    lines += [
        rel.replace('"start": 10', '"start": 18446744073709551616'),     # beyond 64 bits
        rel.replace('"start": 10', '"start": 18446744073709551615'),     # within 64 bits unsigned
        rel.replace('"start": 10', '"start": -9223372036854775809'),
        rel.replace('"confidence": 0.9', '"confidence": 123456789012345678901234567890'),
        rel.replace('"confidence": 0.9', '"confidence": 1e400'),
        rel.replace('"confidence": 0.9', '"confidence": NaN'),
        rel.replace('"confidence": 0.9', '"confidence": -Infinity'),
        rel.replace('"asset": "two bombers"', '"asset": 99999999999999999999999'),
        rel.replace('"asset": "two bombers"', '"asset": [1, {"x": -99999999999999999999999}]'),
        rel.replace('"Russia"', '"Russia \\ud800"'),                     # a lone surrogate escape
        rel.replace('"id": "russia"', '"id": 12345678901234567890123'),
        rel.replace('"kind"', '"\\u006bind"'),
        rel.replace('"asset": "two bombers"', '"asset": ' + "[" * 30 + "]" * 30),
        rel.replace('"asset": "two bombers"', '"asset": ' + "[" * 600 + "]" * 600),
        rel.replace('"asset": "two bombers"', '"asset": "a", "asset": "b"'),
        rel + " garbage",
        rel[:-1],
        "{not json",
        "",
        "   \t",
        "\u00a0\u2028",
        "\ufeff" + rel,
        "[1, 2]",
        "12345678901234567890123",
        json.dumps({"id": "doc-1", "text": "Peru recognizes Guaido.", "kind_of": 1}),
        json.dumps({"text": "Cuba recognizes Maduro.", "n": 99999999999999999999999}),
        json.dumps({"kind": "document", "id": "d2", "source": "b.txt"}),
        json.dumps({**ENTITY, "doc_id": "d2"}),
        json.dumps({**RELATION, "doc_id": "d1"}),
    ]
    rng.shuffle(lines)
    return lines


def _read(reader, data: bytes):
    return repr(list(reader("f.jsonl", io.BytesIO(data))))


@pytest.mark.parametrize("with_orjson", [True, False])
def test_the_reader_gives_what_it_gave_line_for_line(monkeypatch, with_orjson):
    if not with_orjson:
        monkeypatch.setattr(inputs, "orjson", None)
    elif inputs.orjson is None:
        pytest.skip("orjson is not installed")
    lines = _lines()
    utf8 = "\n".join(lines).encode("utf-8", "surrogatepass")
    assert _read(inputs._read_jsonl_stream, utf8) == _read(old_read_jsonl_stream, utf8)
    crlf = "\r\n".join(lines).encode("utf-8", "surrogatepass") + b"\r\n"
    assert _read(inputs._read_jsonl_stream, crlf) == _read(old_read_jsonl_stream, crlf)
    # Windows-1252 lines, a BOM, UTF-16
    cp = "\n".join(json.dumps(d, ensure_ascii=False) for d in (DOCUMENT, ENTITY, RELATION)).encode("cp1252")
    for data in (cp, b"\xef\xbb\xbf" + utf8[:5000], "\n".join(lines[:50]).encode("utf-16"),
                 b"\n\n", b"", b"\x00\x01"):
        assert _read(inputs._read_jsonl_stream, data) == _read(old_read_jsonl_stream, data)


def test_the_reader_takes_the_fast_path_for_plain_record_lines():
    if inputs.orjson is None:
        pytest.skip("orjson is not installed")
    assert inputs._plain_record_line(json.dumps(RELATION)) == old_record_from_dict(RELATION)
    assert inputs._plain_record_line(json.dumps(RELATION).replace('"start": 10', '"start": 18446744073709551616')) is None
    assert inputs._plain_record_line(json.dumps({"text": "Peru recognizes Guaido."})) is None
    assert inputs._plain_record_line("{not json") is None


def test_a_line_too_deep_for_json_still_fails_as_it_did():
    # orjson parses 1,000 levels; json.loads runs out of recursion: the fast path must not hide that
    line = json.dumps(ENTITY)[:-1] + ', "extra": ' + "[" * 1000 + "]" * 1000 + "}"
    for reader in (inputs._read_jsonl_stream, old_read_jsonl_stream):
        with pytest.raises(RecursionError):
            _read(reader, line.encode("utf-8"))


def test_reader_messages_stay_as_they_were(tmp_path):
    p = tmp_path / "r.jsonl"
    p.write_text("\n".join([
        json.dumps(DOCUMENT),
        json.dumps({**RELATION, "evidence": {"sentence": "s", "start": "0", "end": 1}}),
        json.dumps({**ENTITY, "aliases": "X"}),
        json.dumps({**RELATION, "confidence": True}),
        '{"kind": "relation",',
    ]), encoding="utf-8")
    items = list(inputs.read_inputs([str(p)]))
    assert [str(i) for i in items if isinstance(i, Rejection)] == [
        f"{p}:2: bad record: field 'start' has the wrong type (str)",
        f"{p}:3: bad record: field 'aliases' must be a list of strings",
        f"{p}:4: bad record: field 'confidence' must be a number",
        f"{p}:5: malformed JSON (Expecting property name enclosed in double quotes)",
    ]
    [batch] = [i for i in items if isinstance(i, RecordBatch)]
    assert batch.records == [old_record_from_dict(DOCUMENT)]
