"""Precision, recall and F1 of the extractor against gold triples (``kgload eval``).

Two forms:

- a gold JSONL file and the texts it describes (``evaluate``). Gold lines as in
  ``../shared/seed/*.gold.jsonl``; an optional ``"doc"`` names the document (the id of a
  ``.jsonl`` document, or a text file's path, name or stem). Without ``doc``, a line belongs to
  the document whose text contains its ``evidence``, or to the only document given.
- a corpus folder, ``DIR/texts/NAME.txt`` + ``DIR/gold/NAME.jsonl`` (``evaluate_corpus``, see
  ``loader.corpus``): each gold file describes the text of the same name.

Gold lines (``../shared/docs/annotation.md``): ``{"subject", "relation", "object", "status",
"subject_alternatives"?, "object_alternatives"?, "note"?}``. A line is ONE fact; any pairing of
an accepted subject and an accepted object matches it, and it counts once (a true positive or a
false negative). Scoring, per document, on unique (subject, relation, object) of the
extractor's *asserted* relations (negated / hypothetical / questioned records do not count;
reported speech does):

- ``required`` lines are the facts to find: a hit is a true positive, a miss a false negative;
- ``optional`` lines neither reward nor penalise: finding them is not a false positive, missing
  them is no false negative;
- ``extended`` lines are required for relation types the extractor produces (its lexicon lists
  them) and ignored otherwise. (The seed's WARNS, SUPPORTS, CONDEMNS and CALLS_ON are in the
  lexicon, so they count.)
- anything extracted that matches no gold line of its document is a false positive.

Names are compared by ``name_key``: accents, case, punctuation and a leading "the" do not
matter ("Juan Guaidó" = "juan guaido"), and eval's own table (``loader/data/scoring_names.json``,
NOT the extractor's gazetteer, so that an alias the gazetteer gets wrong is not scored right)
folds common spellings ("U.S." = "United States", "Britain" = "United Kingdom"), also as "the
U.S. government" or "Russia's military". A capital or seat of power that acts stands for its
country ("Washington accused ...", "the Kremlin recognized ..."); as the place of a deployment
it stays the place ("troops to Moscow").
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Iterable, Mapping

from .errors import UsageError
from .inputs import Rejection, SourceDocument, read_inputs
from .lexicon import core_relation_types, place_relation_types
from .names import lookup_key, slug

Triple = tuple[str, str, str]

STATUSES = ("required", "optional", "extended")
# "the U.S. government", "Russia's military": the country acting
_COUNTRY_BODY = re.compile(r"(.+?)(?:'s)?\s+(?:government|administration|military|armed forces)", re.I)


@lru_cache(maxsize=1)
def _scoring_names() -> tuple[dict[str, str], dict[str, str]]:
    """``loader/data/scoring_names.json``: kgload eval's own table (not the extractor's gazetteer)."""
    data = json.loads(resources.files("loader.data").joinpath("scoring_names.json").read_text(encoding="utf-8"))
    fold = lambda table: {lookup_key(k): lookup_key(v) for k, v in table.items()}  # noqa: E731
    return fold(data["names"]), fold(data["seats"])


def name_key(name: str, *, place: bool = False) -> str:
    """The key two names are compared by (see the module's docstring)."""
    if (body := _COUNTRY_BODY.fullmatch(name.strip())) and not place:
        name = body[1]  # "the U.S. government", "Russia's military": the country acting
    names, seats = _scoring_names()
    key = lookup_key(name)
    key = names.get(key, key)
    if not place:
        key = seats.get(key, key)
    return slug(names.get(key, key))


def triple_key(subject: str, relation: str, object_: str) -> Triple:
    relation = relation.upper()
    return (name_key(subject), relation, name_key(object_, place=relation in place_relation_types()))


@dataclass
class GoldLine:
    doc: str | None
    triple: Triple  # the keys of the line's own subject, relation and object
    status: str
    evidence: str | None
    note: str | None = None
    keys: frozenset[Triple] = field(default_factory=frozenset)  # every accepted triple

    def __post_init__(self) -> None:
        self.keys = frozenset(self.keys) | {self.triple}


class _BadGoldLine(ValueError):
    pass


def _text_field(obj: dict, key: str) -> str:
    if key not in obj:
        raise _BadGoldLine(f"missing field {key!r}")
    if not isinstance(obj[key], str) or not obj[key].strip():
        raise _BadGoldLine(f"field {key!r} must be a non-empty string")
    return obj[key]


def _alternatives(obj: dict, key: str) -> list[str]:
    names = obj.get(key) or []
    if not isinstance(names, list) or not all(isinstance(n, str) and n.strip() for n in names):
        raise _BadGoldLine(f"field {key!r} must be a list of names")
    return names


def gold_line(obj: object) -> GoldLine:
    """One parsed gold line; raises _BadGoldLine with the reason."""
    if not isinstance(obj, dict):
        raise _BadGoldLine("a gold line must be a JSON object")
    subject, relation, object_ = (_text_field(obj, k) for k in ("subject", "relation", "object"))
    status = obj.get("status", "required")
    if status not in STATUSES:
        raise _BadGoldLine(f"unknown status {status!r} (one of {', '.join(STATUSES)})")
    subjects = [subject, *_alternatives(obj, "subject_alternatives")]
    objects = [object_, *_alternatives(obj, "object_alternatives")]
    keys = frozenset(triple_key(s, relation, o) for s in subjects for o in objects)
    return GoldLine(obj.get("doc"), triple_key(subject, relation, object_), status,
                    obj.get("evidence"), obj.get("note"), keys)


def read_gold(path: str | Path) -> list[GoldLine]:
    """The gold lines of a JSONL file; UsageError (naming file and line) for a malformed one."""
    lines: list[GoldLine] = []
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(f"cannot read gold file {path}: {getattr(exc, 'strerror', None) or exc}") from exc
    for lineno, raw in enumerate(text.splitlines(), start=1):
        if not raw.strip():
            continue
        try:
            lines.append(gold_line(json.loads(raw)))
        except json.JSONDecodeError as exc:
            raise UsageError(f"{path}:{lineno}: not a gold line (malformed JSON: {exc.msg})") from exc
        except _BadGoldLine as exc:
            raise UsageError(f"{path}:{lineno}: not a gold line ({exc})") from exc
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


def _facts(lines: Iterable[GoldLine], known: set[str]) -> tuple[list[GoldLine], set[Triple]]:
    """A document's required facts (one per distinct set of accepted triples) and the triples
    that are neither rewarded nor penalised (optional lines, extended ones of unknown types)."""
    required: dict[frozenset[Triple], GoldLine] = {}
    neutral: set[Triple] = set()
    for line in lines:
        if line.status == "optional" or (line.status == "extended" and line.triple[1] not in known):
            neutral |= line.keys
        else:
            required.setdefault(line.keys, line)
    return list(required.values()), neutral


def _miss(doc_id: str, line: GoldLine) -> dict:
    out: dict[str, Any] = {"doc": doc_id, "triple": list(line.triple)}
    if line.note:
        out["note"] = line.note
    return out


def _false_positive(doc_id: str, triple: Triple, sentences: Mapping[Triple, str] | None) -> dict:
    out: dict[str, Any] = {"doc": doc_id, "triple": list(triple)}
    if sentences is not None:
        out["sentence"] = sentences.get(triple)
    return out


def score(
    gold_by_doc: dict[str, list[GoldLine]],
    predicted_by_doc: Mapping[str, Iterable[Triple]],
    known_relations: Iterable[str],
    only_relations: Iterable[str] | None = None,
    sentences: Mapping[str, Mapping[Triple, str]] | None = None,
) -> dict:
    """P/R/F1 per relation, per document and overall, with the misses and false positives.

    ``predicted_by_doc``: the asserted triples of each document (keys as ``triple_key`` makes
    them); ``sentences``, if given, the sentence each came from, shown with false positives."""
    known = set(known_relations)
    only = set(only_relations) if only_relations is not None else None
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    per_document: dict[str, dict] = {}
    misses: list[dict] = []
    false_positives: list[dict] = []
    for doc_id in sorted(set(gold_by_doc) | set(predicted_by_doc)):
        required, neutral = _facts(gold_by_doc.get(doc_id, []), known)
        required = [f for f in required if only is None or f.triple[1] in only]
        predicted = {t for t in predicted_by_doc.get(doc_id, ()) if only is None or t[1] in only}
        doc_sentences = sentences.get(doc_id, {}) if sentences is not None else None
        doc_counts = [0, 0, 0]
        for fact in required:
            found = bool(fact.keys & predicted)
            counts[fact.triple[1]][0 if found else 2] += 1
            doc_counts[0 if found else 2] += 1
            if not found:
                misses.append(_miss(doc_id, fact))
        accepted = neutral.union(*(f.keys for f in required))
        for triple in sorted(predicted - accepted):
            counts[triple[1]][1] += 1
            doc_counts[1] += 1
            false_positives.append(_false_positive(doc_id, triple, doc_sentences))
        per_document[doc_id] = _prf(*doc_counts)
    total = [sum(c[i] for c in counts.values()) for i in range(3)]
    return {
        "relations": {rel: _prf(*c) for rel, c in sorted(counts.items())},
        "overall": _prf(*total),
        "documents": len(per_document),
        "per_document": per_document,
        "missed": misses,
        "false_positives": false_positives,
    }


def predicted_facts(records: Iterable) -> dict[Triple, str]:
    """The asserted relations of one document's records: triple key -> its first sentence."""
    out: dict[Triple, str] = {}
    for rec in records:
        if getattr(rec, "kind", None) == "relation" and rec.states_fact:
            key = triple_key(rec.subject.name, rec.relation, rec.object.name)
            out.setdefault(key, rec.evidence.sentence)
    return out


def _read_documents(text_paths) -> tuple[list[SourceDocument], list[str]]:
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
    return docs, rejected


def evaluate(gold_path, text_paths, extractor=None, only_relations: Iterable[str] | None = None) -> dict:
    """Run ``extractor`` on ``text_paths`` and score it against ``gold_path``.

    ``only_relations``: the relation types to score (default: all)."""
    from .extract import Extractor, relation_types

    docs, rejected = _read_documents(text_paths)
    gold_by_doc = _assign(read_gold(gold_path), docs)
    extractor = extractor or Extractor()
    predicted = {doc.id: predicted_facts(records) for doc, records in zip(docs, extractor.extract(docs), strict=True)}
    result = score(gold_by_doc, predicted, relation_types(), only_relations, sentences=predicted)
    result["rejected"] = rejected
    result["sources"] = {doc.id: doc.source for doc in docs}
    return result


def evaluate_corpus(directory, extractor=None, only_relations: Iterable[str] | None = None,
                    texts: str | None = None) -> dict:
    """Run ``extractor`` on every text of a corpus folder and score it against the paired gold.

    ``only_relations``: the relation types to score (default: the core ones). The result has,
    beyond ``score``'s, ``files`` (each paired file's counts, in name order) and ``skipped``
    (unpaired or unreadable files, one line each); documents are named by their file's stem.
    ``texts`` ("01-52", "53-80,90") scores only the files whose name starts with those numbers."""
    from .corpus import read_corpus
    from .extract import Extractor, relation_types

    corpus = read_corpus(directory, texts)
    gold_by_doc = {f.name: read_gold(f.gold_path) for f in corpus.files}
    extractor = extractor or Extractor()
    docs = [f.document for f in corpus.files]
    predicted = {f.name: predicted_facts(records) for f, records in zip(corpus.files, extractor.extract(docs), strict=True)}
    relations = list(only_relations) if only_relations is not None else core_relation_types()
    result = score(gold_by_doc, predicted, relation_types(), relations, sentences=predicted)
    result["files"] = [
        {"file": f.name, "text": str(f.text_path), "gold": str(f.gold_path), **result["per_document"][f.name]}
        for f in corpus.files
    ]
    result["skipped"] = [str(s) for s in corpus.skipped]
    return result


# -------------------------------------------------------------- report

def _table(result: dict) -> list[str]:
    lines = [f"{'relation':<14} {'P':>6} {'R':>6} {'F1':>6} {'TP':>4} {'FP':>4} {'FN':>4}"]
    rows = [*result["relations"].items(), ("overall", result["overall"])]
    for relation, m in rows:
        lines.append(
            f"{relation:<14} {m['precision']:>6.3f} {m['recall']:>6.3f} {m['f1']:>6.3f} "
            f"{m['tp']:>4} {m['fp']:>4} {m['fn']:>4}"
        )
    return lines


def _file_line(f: dict) -> str:
    return (f"{f['file']}: P={f['precision']:.2f} R={f['recall']:.2f} F1={f['f1']:.2f} "
            f"tp={f['tp']} fp={f['fp']} fn={f['fn']}")


def _details(result: dict, doc: str) -> list[str]:
    """One document's misses (with the gold note) and false positives (with their sentence)."""
    lines = []
    for x in result["missed"]:
        if x["doc"] == doc:
            lines.append(f"    missed:         {' '.join(x['triple'])}"
                         + (f"  (note: {x['note']})" if x.get("note") else ""))
    for x in result["false_positives"]:
        if x["doc"] == doc:
            lines.append(f"    false positive: {' '.join(x['triple'])}"
                         + (f"  <- {x['sentence']!r}" if x.get("sentence") else ""))
    return lines


def format_report(result: dict, show: bool = False) -> str:
    """The text report: per file (corpus form), per relation and overall; ``show`` lists each
    document's misses and false positives."""
    lines: list[str] = []
    for f in result.get("files", []):
        lines.append(_file_line(f))
        if show:
            lines += _details(result, f["file"])
    if lines:
        lines.append("")
    lines += _table(result)
    if "files" not in result and show:
        for doc in result["per_document"]:
            details = _details(result, doc)
            lines += [f"{result.get('sources', {}).get(doc, doc)}:", *details] if details else []
    elif "files" not in result:
        if result.get("missed"):
            lines.append("missed: " + "; ".join(f"{x['doc']}: {' '.join(x['triple'])}" for x in result["missed"]))
        if result.get("false_positives"):
            lines.append("false positives: "
                         + "; ".join(f"{x['doc']}: {' '.join(x['triple'])}" for x in result["false_positives"]))
    for r in result.get("rejected", []):
        lines.append(f"rejected: {r}")
    return "\n".join(lines)
