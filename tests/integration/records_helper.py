"""Hand-written record files (the JSONL `kgload extract` writes) for tests whose answers are
worked out by hand: no spaCy, so each fact is exactly the one written here."""

from __future__ import annotations

import json
from pathlib import Path

# id: (name, type, aliases)
ENTITIES = {
    "united-states": ("United States", "Country", ["U.S.", "US"]),
    "russia": ("Russia", "Country", []),
    "cuba": ("Cuba", "Country", []),
    "china": ("China", "Country", []),
    "colombia": ("Colombia", "Country", []),
    "paraguay": ("Paraguay", "Country", []),
    "spain": ("Spain", "Country", []),
    "venezuela": ("Venezuela", "Country", []),
    "ukraine": ("Ukraine", "Country", []),
    "crimea": ("Crimea", "Place", []),
    "border-with-ukraine": ("border with Ukraine", "Place", []),
    "border-with-colombia": ("border with Colombia", "Place", []),
    "kosovo": ("Kosovo", "Country", []),
    "juan-guaido": ("Juan Guaido", "Person", ["Guaido", "Juan Guaidó"]),
    "nicolas-maduro": ("Nicolas Maduro", "Person", ["Maduro"]),
    "sergei-lavrov": ("Sergei Lavrov", "Person", ["Lavrov"]),
}


def ref(entity_id: str) -> dict:
    name, kind, _ = ENTITIES[entity_id]
    return {"id": entity_id, "name": name, "type": kind}


def write_docs(path: Path, docs: list[tuple[str, str, list[tuple]]]) -> Path:
    """``docs``: (doc id, published, facts); a fact is (subject id, RELATION, object id, extra)
    with ``extra`` a dict of record fields (``ends``, ``status``, ``properties``) or absent."""
    lines = []
    for doc_id, published, facts in docs:
        lines.append({"kind": "document", "id": doc_id, "source": f"{doc_id}.txt", "title": doc_id,
                      "published": published})
        used = sorted({f[0] for f in facts} | {f[2] for f in facts})
        for e in used:
            name, kind, aliases = ENTITIES[e]
            lines.append({"kind": "entity", "id": e, "name": name, "type": kind, "aliases": aliases,
                          "doc_id": doc_id})
        for k, fact in enumerate(facts):
            s, rel, o = fact[:3]
            extra = fact[3] if len(fact) > 3 else {}
            sentence = f"{ENTITIES[s][0]} {rel.lower().replace('_', ' ')} {ENTITIES[o][0]} (made-up statement {k})."
            record = {"kind": "relation", "doc_id": doc_id, "subject": ref(s), "relation": rel, "object": ref(o),
                      "evidence": {"sentence": sentence, "start": k * 100, "end": k * 100 + len(sentence)},
                      "confidence": 0.9, "properties": {}}
            record.update(extra)
            lines.append(record)
    path.write_text("".join(json.dumps(x) + "\n" for x in lines), encoding="utf-8")
    return path
