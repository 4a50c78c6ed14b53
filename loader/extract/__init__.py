"""Extraction: spaCy pipeline + lexicon-driven relation matching -> records of product.md.

Public interface (the rest of kgload uses only this):

- ``EXTRACTOR_VERSION``: bump when output for the same text may change; the loader replaces a
  document's evidence when it changes.
- ``Extractor(model=None)``: loads the pipeline (``loader.settings.model_candidates``), raising
  ``loader.errors.ModelNotFound`` with what to install when none loads.
- ``Extractor.extract(docs, batch_size=..., workers=1)``: for each ``SourceDocument`` in order,
  yields the list of records of that document: one ``DocumentRecord``, its ``EntityRecord``s,
  its ``RelationRecord``s.
- ``relation_types()``: the allowlist of relation types (from the lexicon);
  ``ENTITY_TYPES``: the allowlist of entity types.
- ``extract_text(text)``: the records of one text (tests, quick checks).

Work happens inside the spaCy pipeline (registered components, results on ``Doc`` extensions),
so ``workers > 1`` (``nlp.pipe(n_process=...)``) parallelises all of it; this module only turns
those results into records.
"""

from __future__ import annotations

from typing import Iterable, Iterator

from ..inputs import SourceDocument
from ..records import (
    ENTITY_TYPES,
    DocumentRecord,
    EntityRecord,
    EntityRef,
    Evidence,
    Record,
    RelationRecord,
    document_id_for,
    text_digest,
)
from .lexicon import core_relation_types, lexicon, relation_types

EXTRACTOR_VERSION = "kgload-extract/0.3"

__all__ = [
    "ENTITY_TYPES",
    "EXTRACTOR_VERSION",
    "Extractor",
    "extract_text",
    "relation_types",
    "core_relation_types",
]


class Extractor:
    def __init__(self, model: str | None = None):
        from .nlp import load_pipeline

        self.nlp, self._model_name = load_pipeline(model)
        self._triggers = frozenset(
            v.lemma for spec in lexicon().specs.values() for v in spec.verbs
        )

    @property
    def model_name(self) -> str:
        return self._model_name

    def _prepared(self, docs: Iterable[SourceDocument]) -> Iterator[tuple[str, SourceDocument]]:
        from .prep import prepare_text

        for doc in docs:
            yield prepare_text(doc.text, self._triggers), doc

    def extract(
        self, docs: Iterable[SourceDocument], batch_size: int = 32, workers: int = 1
    ) -> Iterator[list[Record]]:
        stream = self._prepared(docs)
        kwargs = {"batch_size": batch_size, "as_tuples": True}
        if workers and workers > 1:
            kwargs["n_process"] = workers
        for spacy_doc, source in self.nlp.pipe(stream, **kwargs):
            yield build_records(spacy_doc, source)


def _evidence(text: str, prepared: str, start: int, end: int) -> Evidence:
    # trim with the prepared text, where page debris is blank
    segment = prepared[start:end]
    lead = len(segment) - len(segment.lstrip())
    trail = len(segment) - len(segment.rstrip())
    start, end = start + lead, end - trail
    return Evidence(sentence=text[start:end], start=start, end=end)


def build_records(spacy_doc, source: SourceDocument) -> list[Record]:
    text = source.text
    doc_id = source.id
    records: list[Record] = [
        DocumentRecord(
            id=doc_id,
            source=source.source,
            title=source.title,
            url=source.url,
            published=source.published,
            text_sha256=text_digest(text),
            extractor_version=EXTRACTOR_VERSION,
        )
    ]
    entities: dict[str, EntityRecord] = {}

    def add_entity(ref: dict, surface: str | None = None) -> None:
        rec = entities.get(ref["id"])
        if rec is None:
            rec = entities[ref["id"]] = EntityRecord(ref["id"], ref["name"], ref["type"], doc_id, [])
        if surface:
            surface = " ".join(surface.split())
            if surface and surface != rec.name and surface not in rec.aliases:
                rec.aliases.append(surface)

    relations = spacy_doc._.kg_relations or []
    for m in spacy_doc._.kg_mentions or []:
        surface = text[m["cs"]:m["ce"]]
        if m.get("dem"):
            add_entity(m["ent"])
            continue
        add_entity(m["ent"], surface)
    for r in relations:
        for role in ("subject", "object", "reported_by"):
            if r.get(role):
                add_entity(r[role])
    records.extend(sorted(entities.values(), key=lambda e: e.id))
    for r in relations:
        start, end = r["sent"]
        records.append(
            RelationRecord(
                doc_id=doc_id,
                subject=EntityRef(**r["subject"]),
                relation=r["relation"],
                object=EntityRef(**r["object"]),
                evidence=_evidence(text, spacy_doc.text, start, end),
                confidence=r["confidence"],
                properties=dict(r["properties"]),
                status=r["status"],
                reported_by=EntityRef(**r["reported_by"]) if r.get("reported_by") else None,
            )
        )
    return records


_DEFAULT: Extractor | None = None


def extract_text(text: str, extractor: Extractor | None = None) -> list[Record]:
    """Records of one text (document id ``sha256:...``, source ``<text>``)."""
    global _DEFAULT
    if extractor is None:
        if _DEFAULT is None:
            _DEFAULT = Extractor()
        extractor = _DEFAULT
    doc = SourceDocument(id=document_id_for(text), text=text, source="<text>")
    return next(iter(extractor.extract([doc])))
