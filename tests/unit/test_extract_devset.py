"""The development set (tests/data/dev_docs.jsonl + dev_gold.jsonl) keeps its scores.

128 short documents written for kgload (none from the sample), covering each construction of
issue 3; 42 are hard negatives (negation, modality, questions, non-military sending, unnamed
groups, debris). The last 24 (dev-105..128) were written after the rules as a check that they
generalise (first run: core P 0.89, R 0.77), then kept as regression cases.
Targets on the core relations: precision >= 0.95, recall >= 0.90.
"""

import json
from pathlib import Path

import pytest

from loader.evaluate import evaluate

DATA = Path(__file__).resolve().parents[2] / "tests" / "data"
CORE = ["RECOGNIZES", "DEPLOYS_TO", "ACCUSES"]


def test_devset_shape():
    docs = [json.loads(line) for line in (DATA / "dev_docs.jsonl").read_text().splitlines() if line.strip()]
    gold = [json.loads(line) for line in (DATA / "dev_gold.jsonl").read_text().splitlines() if line.strip()]
    assert len(docs) >= 80
    with_facts = {g["doc"] for g in gold if g["status"] != "optional"}
    negatives = [d for d in docs if d["id"] not in with_facts]
    assert len(negatives) >= 20


@pytest.mark.model  # evaluate() without an extractor loads the default one
def test_devset_core_scores():
    result = evaluate(DATA / "dev_gold.jsonl", [DATA / "dev_docs.jsonl"], only_relations=CORE)
    overall = result["overall"]
    assert overall["precision"] >= 0.95, result["false_positives"]
    assert overall["recall"] >= 0.90, result["missed"]
    for relation in CORE:
        assert result["relations"][relation]["tp"] > 0
