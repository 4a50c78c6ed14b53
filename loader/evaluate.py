"""Precision, recall and F1 of the extractor against a gold file (``kgload eval``).

Gold format: JSONL as in ``../shared/seed/*.gold.jsonl``, one expected triple a line:
``{"subject": "United States", "relation": "RECOGNIZES", "object": "Juan Guaido",
"status": "required", "evidence": "..."}``; an optional ``"doc"`` names the document (the id
of a ``.jsonl`` document, or a text file's path, name or stem). Without ``doc``, a line belongs
to the document whose text contains its ``evidence``, or to the only document given.

Scoring, per document, on unique (subject id, relation, object id) of the extractor's
*asserted* relations (negated / hypothetical / questioned records do not count; reported speech
does, with its ``reported_by``):

- ``required`` lines are the facts to find: a hit is a true positive, a miss a false negative;
- ``optional`` lines neither reward nor penalise: finding them is not a false positive, missing
  them is no false negative;
- ``extended`` lines are required for relation types the extractor produces (its lexicon lists
  them) and ignored otherwise. (The seed's WARNS, SUPPORTS, CONDEMNS and CALLS_ON are in the
  lexicon, so they count.)
- anything extracted that matches no gold line of its document is a false positive.

Names are compared by their slug (``"Juan Guaidó"`` = ``"juan-guaido"``), so the gold may use
any spelling of the canonical name.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from .errors import UsageError
from .extract.gazetteer import slug
from .inputs import Rejection, SourceDocument, read_inputs

Triple = tuple[str, str, str]


@dataclass
class GoldLine:
    doc: str | None
    triple: Triple
    status: str
    evidence: str | None


def read_gold(path: str | Path) -> list[GoldLine]:
    lines: list[GoldLine] = []
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise UsageError(f"cannot read gold file {path}: {exc.strerror or exc}") from exc
    for lineno, raw in enumerate(text.splitlines(), start=1):
        if not raw.strip():
            continue
        try:
            obj = json.loads(raw)
            triple = (slug(obj["subject"]), obj["relation"].upper(), slug(obj["object"]))
        except (json.JSONDecodeError, KeyError, TypeError, AttributeError) as exc:
            raise UsageError(f"{path}:{lineno}: not a gold line ({exc})") from exc
        status = obj.get("status", "required")
        if status not in ("required", "optional", "extended"):
            raise UsageError(f"{path}:{lineno}: unknown status {status!r}")
        lines.append(GoldLine(obj.get("doc"), triple, status, obj.get("evidence")))
    return lines


def _normalise(text: str) -> str:
    return " ".join(text.replace("\u2019", "'").replace("\u201c", '"').replace("\u201d", '"').split())


def _assign(gold: list[GoldLine], docs: list[SourceDocument]) -> dict[str, list[GoldLine]]:
    by_doc: dict[str, list[GoldLine]] = defaultdict(list)
    names: dict[str, str] = {}
    for d in docs:
        for name in {d.id, d.source, Path(d.source).name, Path(d.source).stem}:
            names.setdefault(name, d.id)
    texts = {d.id: _normalise(d.text) for d in docs}
    for line in gold:
        if line.doc is not None:
            if line.doc not in names:
                raise UsageError(f"gold line names document {line.doc!r}, which is not among the inputs")
            by_doc[names[line.doc]].append(line)
            continue
        if line.evidence:
            evidence = _normalise(line.evidence)
            hits = [doc_id for doc_id, text in texts.items() if evidence in text]
            if len(hits) == 1:
                by_doc[hits[0]].append(line)
                continue
        if len(docs) == 1:
            by_doc[docs[0].id].append(line)
            continue
        raise UsageError(
            f"cannot tell which document the gold line {line.triple} belongs to; give it a \"doc\""
        )
    return by_doc


def _prf(tp: int, fp: int, fn: int) -> dict[str, float | int]:
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"tp": tp, "fp": fp, "fn": fn, "precision": precision, "recall": recall, "f1": f1}


def score(
    gold_by_doc: dict[str, list[GoldLine]],
    predicted_by_doc: dict[str, set[Triple]],
    known_relations: Iterable[str],
    only_relations: Iterable[str] | None = None,
) -> dict:
    """P/R/F1 per relation and overall, with the lists of misses and false positives."""
    known = set(known_relations)
    only = set(only_relations) if only_relations is not None else None
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    misses: list[dict] = []
    false_positives: list[dict] = []
    for doc_id in sorted(set(gold_by_doc) | set(predicted_by_doc)):
        required: set[Triple] = set()
        optional: set[Triple] = set()
        for line in gold_by_doc.get(doc_id, []):
            if line.status == "optional" or (line.status == "extended" and line.triple[1] not in known):
                optional.add(line.triple)
            else:
                required.add(line.triple)
        optional -= required
        predicted = predicted_by_doc.get(doc_id, set())
        for triple in required | predicted:
            relation = triple[1]
            if only is not None and relation not in only:
                continue
            if triple in required and triple in predicted:
                counts[relation][0] += 1
            elif triple in predicted and triple not in optional:
                counts[relation][1] += 1
                false_positives.append({"doc": doc_id, "triple": list(triple)})
            elif triple in required:
                counts[relation][2] += 1
                misses.append({"doc": doc_id, "triple": list(triple)})
    per_relation = {rel: _prf(*c) for rel, c in sorted(counts.items())}
    total = [sum(c[i] for c in counts.values()) for i in range(3)]
    return {
        "relations": per_relation,
        "overall": _prf(*total),
        "documents": len(set(gold_by_doc) | set(predicted_by_doc)),
        "missed": misses,
        "false_positives": false_positives,
    }


def predicted_triples(records: Iterable) -> set[Triple]:
    out: set[Triple] = set()
    for rec in records:
        if getattr(rec, "kind", None) == "relation" and rec.status == "asserted":
            out.add(rec.triple)
    return out


def evaluate(gold_path, text_paths, extractor=None, only_relations: Iterable[str] | None = None) -> dict:
    """Run ``extractor`` on ``text_paths`` and score it against ``gold_path``."""
    from .extract import Extractor, relation_types

    if isinstance(text_paths, (str, Path)):
        text_paths = [text_paths]
    docs: list[SourceDocument] = []
    rejected: list[str] = []
    for item in read_inputs([str(p) for p in text_paths]):
        if isinstance(item, SourceDocument):
            docs.append(item)
        elif isinstance(item, Rejection):
            rejected.append(str(item))
    if not docs:
        raise UsageError("no documents to evaluate" + (f" ({'; '.join(rejected)})" if rejected else ""))
    gold_by_doc = _assign(read_gold(gold_path), docs)
    extractor = extractor or Extractor()
    predicted: dict[str, set[Triple]] = {}
    for doc, records in zip(docs, extractor.extract(docs)):
        predicted[doc.id] = predicted_triples(records)
    result = score(gold_by_doc, predicted, relation_types(), only_relations)
    result["rejected"] = rejected
    return result


def format_report(result: dict) -> str:
    lines = [f"{'relation':<14} {'P':>6} {'R':>6} {'F1':>6} {'TP':>4} {'FP':>4} {'FN':>4}"]
    for relation, m in result["relations"].items():
        lines.append(
            f"{relation:<14} {m['precision']:>6.3f} {m['recall']:>6.3f} {m['f1']:>6.3f} "
            f"{m['tp']:>4} {m['fp']:>4} {m['fn']:>4}"
        )
    m = result["overall"]
    lines.append(
        f"{'overall':<14} {m['precision']:>6.3f} {m['recall']:>6.3f} {m['f1']:>6.3f} "
        f"{m['tp']:>4} {m['fp']:>4} {m['fn']:>4}"
    )
    if result.get("missed"):
        lines.append("missed: " + "; ".join(f"{x['doc']}: {' '.join(x['triple'])}" for x in result["missed"]))
    if result.get("false_positives"):
        lines.append(
            "false positives: "
            + "; ".join(f"{x['doc']}: {' '.join(x['triple'])}" for x in result["false_positives"])
        )
    for r in result.get("rejected", []):
        lines.append(f"rejected: {r}")
    return "\n".join(lines)
