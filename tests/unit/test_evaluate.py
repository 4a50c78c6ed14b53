"""Scoring of loader.evaluate, on hand-made gold and predictions (no model needed)."""

import json

import pytest

from loader.errors import UsageError
from loader.evaluate import GoldLine, evaluate, format_report, read_gold, score


def g(s, r, o, status="required", doc="d1"):
    return GoldLine(doc, (s, r, o), status, None)


def test_counts_required_optional_extended():
    gold = {"d1": [
        g("us", "RECOGNIZES", "guaido"),
        g("russia", "RECOGNIZES", "maduro"),
        g("russia", "DEPLOYS_TO", "caracas", "optional"),
        g("us", "WARNS", "russia", "extended"),
        g("oas", "SANCTIONS", "russia", "extended"),  # type not in the lexicon: ignored
    ]}
    predicted = {"d1": {
        ("us", "RECOGNIZES", "guaido"),       # TP
        ("cuba", "RECOGNIZES", "maduro"),     # FP
        ("russia", "DEPLOYS_TO", "caracas"),  # optional: neither
        ("oas", "SANCTIONS", "russia"),       # matches an ignored extended line: neither
    }}
    result = score(gold, predicted, ["RECOGNIZES", "DEPLOYS_TO", "WARNS"])
    rec = result["relations"]["RECOGNIZES"]
    assert (rec["tp"], rec["fp"], rec["fn"]) == (1, 1, 1)
    assert rec["precision"] == 0.5 and rec["recall"] == 0.5
    warns = result["relations"]["WARNS"]
    assert (warns["tp"], warns["fp"], warns["fn"]) == (0, 0, 1)
    assert "DEPLOYS_TO" not in result["relations"]
    assert "SANCTIONS" not in result["relations"]
    overall = result["overall"]
    assert (overall["tp"], overall["fp"], overall["fn"]) == (1, 1, 2)
    assert overall["precision"] == 0.5
    assert overall["recall"] == pytest.approx(1 / 3)
    assert overall["f1"] == pytest.approx(0.4)


def test_unique_per_document():
    gold = {"a": [g("x", "ACCUSES", "y", doc="a")], "b": []}
    predicted = {"a": {("x", "ACCUSES", "y")}, "b": {("x", "ACCUSES", "y")}}
    result = score(gold, predicted, ["ACCUSES"])
    assert (result["overall"]["tp"], result["overall"]["fp"]) == (1, 1)
    assert result["false_positives"] == [{"doc": "b", "triple": ["x", "ACCUSES", "y"]}]


def test_only_relations_filter():
    gold = {"d1": [g("a", "WARNS", "b"), g("a", "ACCUSES", "b")]}
    result = score(gold, {"d1": set()}, ["WARNS", "ACCUSES"], only_relations=["ACCUSES"])
    assert list(result["relations"]) == ["ACCUSES"]
    assert result["overall"]["fn"] == 1


def test_read_gold_slugs_names(tmp_path):
    path = tmp_path / "g.jsonl"
    path.write_text(json.dumps({"subject": "Juan Guaidó", "relation": "recognizes",
                                "object": "United States", "status": "optional"}) + "\n\n")
    [line] = read_gold(path)
    assert line.triple == ("juan-guaido", "RECOGNIZES", "united-states")
    assert line.status == "optional"
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"subject": "x"}\n')
    with pytest.raises(UsageError):
        read_gold(bad)


class FakeExtractor:
    """Stands in for the spaCy extractor: one fixed relation per document."""

    def extract(self, docs, batch_size=32, workers=1):
        from loader.records import EntityRef, Evidence, RelationRecord

        for doc in docs:
            us = EntityRef("united-states", "United States", "Country")
            guaido = EntityRef("juan-guaido", "Juan Guaido", "Person")
            yield [
                RelationRecord(doc.id, us, "RECOGNIZES", guaido, Evidence("s", 0, 1)),
                RelationRecord(doc.id, us, "DEPLOYS_TO", guaido, Evidence("s", 0, 1), status="hypothetical"),
            ]


def test_evaluate_assigns_gold_by_evidence(tmp_path):
    (tmp_path / "a.txt").write_text("The U.S. recognized Guaido.\n")
    (tmp_path / "b.txt").write_text("Russia backs Maduro.\n")
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({"subject": "United States", "relation": "RECOGNIZES",
                                "object": "Juan Guaido", "status": "required",
                                "evidence": "The U.S. recognized Guaido."}) + "\n")
    result = evaluate(gold, [tmp_path / "a.txt", tmp_path / "b.txt"], FakeExtractor())
    # a.txt: TP; b.txt: the same triple is a false positive; the hypothetical record never counts
    assert result["overall"]["tp"] == 1
    assert result["overall"]["fp"] == 1
    report = format_report(result)
    assert report.splitlines()[0].split() == ["relation", "P", "R", "F1", "TP", "FP", "FN"]
    assert "RECOGNIZES      0.500  1.000  0.667    1    1    0" in report
    assert "false positives:" in report


def test_evaluate_unknown_doc_is_a_usage_error(tmp_path):
    (tmp_path / "a.txt").write_text("text\n")
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({"doc": "zzz", "subject": "A", "relation": "ACCUSES", "object": "B"}) + "\n")
    with pytest.raises(UsageError):
        evaluate(gold, [tmp_path / "a.txt"], FakeExtractor())
