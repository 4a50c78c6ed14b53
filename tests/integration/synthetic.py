"""Deterministic synthetic record files for load, crash, outage and concurrency tests."""

from __future__ import annotations

import json
import random
from pathlib import Path

RELATIONS = ["RECOGNIZES", "DEPLOYS_TO", "ACCUSES", "WARNS", "SUPPORTS"]
TYPES = ["Country", "Person", "Organization", "Place"]


def write_records(path: Path, doc_range: range, entities: int = 400, relations_per_doc: int = 5,
                  seed: int = 7) -> Path:
    """Documents ``doc_range`` (same index -> same document in every file)."""
    with open(path, "w", encoding="utf-8") as out:
        for d in doc_range:
            rng = random.Random(seed * 1_000_003 + d)
            doc_id = f"synthetic-{d:06d}"
            out.write(json.dumps({"kind": "document", "id": doc_id, "source": f"synthetic/{d}.txt",
                                  "title": f"Synthetic {d}", "published": f"2020-{1 + d % 12:02d}-{1 + d % 28:02d}",
                                  "text_sha256": f"{d:064x}", "extractor_version": "synthetic-1"}) + "\n")
            used = {}
            rels = []
            for k in range(relations_per_doc):
                s, o = rng.randrange(entities), rng.randrange(entities)
                if s == o:
                    o = (o + 1) % entities
                rel = rng.choice(RELATIONS)
                used[s] = used[o] = True
                rels.append((s, rel, o, k))
            for e in sorted(used):
                out.write(json.dumps({"kind": "entity", "id": f"entity-{e}", "name": f"Entity {e}",
                                      "type": TYPES[e % 4], "aliases": [f"E{e}"], "doc_id": doc_id}) + "\n")
            for s, rel, o, k in rels:
                sentence = f"Entity {s} {rel.lower()} Entity {o} (statement {k})."
                out.write(json.dumps({
                    "kind": "relation", "doc_id": doc_id,
                    "subject": {"id": f"entity-{s}", "name": f"Entity {s}", "type": TYPES[s % 4]},
                    "relation": rel,
                    "object": {"id": f"entity-{o}", "name": f"Entity {o}", "type": TYPES[o % 4]},
                    "evidence": {"sentence": sentence, "start": k * 100, "end": k * 100 + len(sentence)},
                    "confidence": 0.9, "properties": {},
                }) + "\n")
    return path
