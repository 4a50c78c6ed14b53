"""Extraction: spaCy pipeline + lexicon-driven relation matching -> records of product.md.

Public interface (the rest of kgload uses only this):

- ``EXTRACTOR_VERSION``: the code part of the version; bump when the code's output for the same
  text may change. ``Extractor.version`` (each ``DocumentRecord.extractor_version``) adds a digest
  of the data files, the extractor's code and the spaCy pipeline's name and version
  (``extractor_version()``), so that a lexicon, gazetteer or model change reaches documents that
  are already loaded: the loader replaces a document's evidence when the version changes.
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

import hashlib
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable, Iterator, Mapping

from ..inputs import SourceDocument
from ..lexicon import core_relation_types, lexicon, relation_types
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

EXTRACTOR_VERSION = "kgload-extract/0.4"

_PACKAGE_DIR = Path(__file__).resolve().parent
_DATA_DIR = _PACKAGE_DIR.parent / "data"

__all__ = [
    "ENTITY_TYPES",
    "EXTRACTOR_VERSION",
    "Extractor",
    "extract_text",
    "extractor_version",
    "relation_types",
    "core_relation_types",
]


def _files(folder: Path, pattern: str) -> list[Path]:
    return sorted((p for p in folder.glob(pattern) if p.is_file()), key=lambda p: p.relative_to(folder).as_posix())


@lru_cache(maxsize=1)
def source_digest() -> str:
    """sha256 over loader/data/*, loader/lexicon.py (the lexicon's reader), loader/names.py (ids
    and lookup keys) and loader/extract/**/*.py, each sorted by relative path.

    Line endings are normalised so that a checkout with CRLF gives the same digest."""
    h = hashlib.sha256()
    for label, folder, pattern in (("data", _DATA_DIR, "*"), ("loader", _PACKAGE_DIR.parent, "lexicon.py"),
                                   ("loader", _PACKAGE_DIR.parent, "names.py"),
                                   ("extract", _PACKAGE_DIR, "**/*.py")):
        for path in _files(folder, pattern):
            content = path.read_bytes().replace(b"\r\n", b"\n")
            h.update(f"{label}/{path.relative_to(folder).as_posix()}\0{len(content)}\0".encode("utf-8"))
            h.update(content)
    return h.hexdigest()


def extractor_version(meta: Mapping[str, Any]) -> str:
    """``EXTRACTOR_VERSION + "+" + 12 hex``: the code version, the data and code digest and the
    spaCy pipeline's ``meta["name"]`` and ``meta["version"]``. The same on every run and for any
    number of workers (it depends on nothing else)."""
    h = hashlib.sha256()
    for part in (EXTRACTOR_VERSION, source_digest(), str(meta.get("name", "")), str(meta.get("version", ""))):
        h.update(part.encode("utf-8") + b"\0")
    return f"{EXTRACTOR_VERSION}+{h.hexdigest()[:12]}"


class Extractor:
    def __init__(self, model: str | None = None):
        from .nlp import load_pipeline

        self.nlp, self._model_name = load_pipeline(model)
        self._version = extractor_version(self.nlp.meta)
        self._triggers = frozenset(
            v.lemma for spec in lexicon().specs.values() for v in spec.verbs
        )

    @property
    def model_name(self) -> str:
        return self._model_name

    @property
    def version(self) -> str:
        """What every ``DocumentRecord.extractor_version`` of this extractor says."""
        return self._version

    def _prepared(self, docs: Iterable[SourceDocument]) -> Iterator[tuple[str, SourceDocument]]:
        from .prep import prepare_text

        for doc in docs:
            yield prepare_text(doc.text, self._triggers), doc

    def extract(
        self, docs: Iterable[SourceDocument], batch_size: int = 32, workers: int = 1
    ) -> Iterator[list[Record]]:
        stream = self._prepared(docs)
        n_process = workers if workers and workers > 1 else 1  # 1, spaCy's default: no process forked
        for spacy_doc, source in self.nlp.pipe(stream, as_tuples=True, batch_size=batch_size, n_process=n_process):
            yield build_records(spacy_doc, source, version=self._version)


def _evidence(text: str, prepared: str, start: int, end: int) -> Evidence:
    # trim with the prepared text, where page debris is blank
    segment = prepared[start:end]
    lead = len(segment) - len(segment.lstrip())
    trail = len(segment) - len(segment.rstrip())
    start, end = start + lead, end - trail
    return Evidence(sentence=text[start:end], start=start, end=end)


def build_records(spacy_doc, source: SourceDocument, *, version: str) -> list[Record]:
    text = source.text
    doc_id = source.id
    records: list[Record] = [
        DocumentRecord(
            id=doc_id,
            source=source.source,
            title=source.title,
            url=source.url,
            published=source.published,
            author=source.author,
            text_sha256=text_digest(text),
            extractor_version=version,
        )
    ]
    entities: dict[str, EntityRecord] = {}

    def add_entity(ref: dict, surface: str | None = None) -> None:
        rec = entities.get(ref["id"])
        if rec is None:
            rec = entities[ref["id"]] = EntityRecord(ref["id"], ref["name"], ref["type"], doc_id, [])
        if surface:
            surface = " ".join(surface.split())
            if surface and surface not in rec.aliases:
                rec.aliases.append(surface)  # every form seen, also "Juan Guaidó" as the name

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
    add_name_variants(list(entities.values()))
    ordered: list[EntityRecord] = sorted(entities.values(), key=lambda e: e.id)
    records.extend(ordered)
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
                properties=_with_event_date(r["properties"], source.published),
                status=r["status"],
                reported_by=EntityRef(**r["reported_by"]) if r.get("reported_by") else None,
                ends=bool(r.get("ending")),
            )
        )
    return records


def _with_event_date(properties: dict, published: str | None) -> dict:
    """The relation's properties, with ``event_date`` when the sentence dates the event ("on
    January 23", "last week": resolved against the publication date)."""
    from .dates import event_date

    out = dict(properties)
    resolved = event_date(out.get("when"), published)
    if resolved:
        out["event_date"] = resolved
    return out


def surname(name: str) -> str | None:
    """The surname of a multi-token person name (``names.split_surname``: its last token with any
    lower-case particles before it, "Juan Guaidó" -> "Guaidó", "Ursula von der Leyen" -> "von der
    Leyen"); None for a name without given names."""
    from ..names import lookup_key, split_surname

    given, words = split_surname(name)
    if not given:
        return None
    last = " ".join(words)
    if len(lookup_key(last).replace(" ", "")) < 2 or not words[-1][:1].isupper():
        return None
    return last


def add_name_variants(entities: list[EntityRecord]) -> None:
    """Complete each entity's aliases so that matching does not depend on the spellings one
    article used (product.md: "Guaido", "Guaidó", "Juan Guaido"; "US", "U.S.", "United States").

    Besides the surface forms seen: a person's surname, unless another person of the document
    has the same one (or it names a country or place: "George Washington"), and the accent-free
    spelling of the name and surname; for a gazetteer entity (countries, organisations, places)
    the variants the gazetteer gives (``Gazetteer.variants_of``). Aliases end up deduplicated
    and sorted, so the same input always gives the same list."""
    from ..names import ascii_fold, lookup_key
    from .gazetteer import gazetteer

    gaz = gazetteer()
    persons = [e for e in entities if e.type == "Person"]
    surname_count: dict[str, int] = {}
    for e in persons:
        last = surname(e.name) or e.name
        surname_count[lookup_key(last)] = surname_count.get(lookup_key(last), 0) + 1
    for e in entities:
        extra: list[str] = []
        if e.type == "Person":
            own_surname = surname(e.name)
            if own_surname and surname_count.get(lookup_key(own_surname)) == 1 and gaz.lookup(own_surname) is None:
                extra += [own_surname, ascii_fold(own_surname)]
            extra.append(ascii_fold(e.name))
        else:
            extra += gaz.variants_of(e.name, e.type)
        # the forms seen stay even when one is the name ("Juan Guaidó"); a variant that only
        # repeats the name is left out
        aliases = {" ".join(a.split()) for a in e.aliases}
        aliases.update(v for v in (" ".join(x.split()) for x in extra) if v != e.name)
        aliases.discard("")
        e.aliases = sorted(aliases, key=lambda a: (a.casefold(), a))


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
