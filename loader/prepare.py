"""The preparer of the load path (see ``item``): texts extracted by spaCy, unless the graph
already holds them unchanged, and records turned into the rows the writer takes.
"""

from __future__ import annotations

from typing import Callable, Iterable, Iterator, Protocol

from .bundles import bundle_from_records, prepare_bundle
from .item import Item, SourceDocument
from .records import text_digest

# texts extracted at once (times the number of spaCy workers): the graph is asked about them
# once, and nlp.pipe gets enough to fill its batches
EXTRACT_CHUNK_DOCS = 64


class Extracting(Protocol):
    """What the preparer needs of an extractor (``pipeline.LazyExtractor``)."""

    workers: int

    @property
    def version(self) -> str: ...

    def extract(self, docs: list[SourceDocument]) -> Iterator[list]: ...


# ids -> {id: {"text_sha256": ..., "extractor_version": ...}} of those the graph holds
Stored = Callable[[list[str]], dict[str, dict]]


def extracted(items: Iterable[Item], extractor: Extracting, stored: Stored | None = None,
              on_note: Callable[[str], None] | None = None) -> Iterator[Item]:
    """Texts turned into their records, ``EXTRACT_CHUNK_DOCS`` (times the workers) at a time.
    With ``stored`` (``load.Loader.stored``), the graph is asked once per chunk which of its ids
    it holds: a text whose digest and extractor version match is ``unchanged`` and never reaches
    spaCy. A note on how a text was read (e.g. a decoding fallback) goes to ``on_note``. Other
    items pass on as they come."""
    chunk: list[SourceDocument] = []
    for item in items:
        if item.text is None:
            yield item
            continue
        if item.text.note and on_note:
            on_note(f"{item.text.source}: {item.text.note}")
        chunk.append(item.text)
        if len(chunk) >= EXTRACT_CHUNK_DOCS * max(1, extractor.workers):
            yield from _extract_chunk(chunk, extractor, stored)
            chunk = []
    if chunk:
        yield from _extract_chunk(chunk, extractor, stored)


def _extract_chunk(docs: list[SourceDocument], extractor: Extracting, stored: Stored | None) -> Iterator[Item]:
    held = stored([d.id for d in docs]) if stored is not None else {}
    if held:
        version = extractor.version
        same = {d.id for d in docs if (row := held.get(d.id)) is not None
                and row["text_sha256"] == text_digest(d.text) and row["extractor_version"] == version}
        for doc_id in same:
            yield Item(unchanged=doc_id)
        docs = [d for d in docs if d.id not in same]
    if docs:
        for records in extractor.extract(docs):
            yield Item(records=bundle_from_records(records))


def prepared(items: Iterable[Item]) -> Iterator[Item]:
    """Records turned into the rows the writer takes (``bundles.prepare_bundle``), or into a
    rejection saying why they must not be loaded; other items pass on."""
    for item in items:
        yield item if item.records is None else prepare_bundle(item.records)


def is_long_text(item: Item, limit: int) -> bool:
    """A text longer than ``limit`` characters (reading ahead holds only one such)."""
    return item.text is not None and len(item.text.text) > limit
