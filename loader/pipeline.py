"""Inputs -> per-document record bundles, extracting only what is not already records.

spaCy is imported only when some input needs extracting, so loading record files stays light.
"""

from __future__ import annotations

from typing import Callable, Iterable, Iterator

from .inputs import InputItem, RecordBatch, Rejection, SourceDocument
from .load import DocumentBundle, bundle_from_records, bundle_records

EXTRACT_CHUNK_DOCS = 64


class LazyExtractor:
    """Loads the spaCy pipeline the first time a document needs it."""

    def __init__(self, model: str | None = None, workers: int = 1, batch_size: int = 32):
        self.model = model
        self.workers = workers
        self.batch_size = batch_size
        self._extractor = None

    @property
    def extractor(self):
        if self._extractor is None:
            from .extract import Extractor

            self._extractor = Extractor(self.model)
        return self._extractor

    def extract(self, docs: list[SourceDocument]) -> Iterator[list]:
        return self.extractor.extract(docs, batch_size=self.batch_size, workers=self.workers)


def records_from_inputs(items: Iterable[InputItem], extractor: LazyExtractor,
                        on_note: Callable[[str], None] | None = None) -> Iterator[list | Rejection]:
    """Per document, its list of records (document first); rejections pass through; notes on
    how an input was read (e.g. a decoding fallback) go to ``on_note``."""
    buffer: list[SourceDocument] = []
    for item in items:
        if isinstance(item, SourceDocument):
            if item.note and on_note:
                on_note(f"{item.source}: {item.note}")
            buffer.append(item)
            if len(buffer) >= EXTRACT_CHUNK_DOCS * max(1, extractor.workers):
                yield from extractor.extract(buffer)
                buffer = []
        elif isinstance(item, RecordBatch):
            for bundle in bundle_records(item.records, item.source):
                if isinstance(bundle, Rejection):
                    yield bundle
                else:
                    yield [bundle.document, *bundle.entities, *bundle.relations]
        else:
            yield item
    if buffer:
        yield from extractor.extract(buffer)


def bundles_from_inputs(items: Iterable[InputItem], extractor: LazyExtractor,
                        on_note: Callable[[str], None] | None = None) -> Iterator[DocumentBundle | Rejection]:
    for group in records_from_inputs(items, extractor, on_note):
        yield group if isinstance(group, Rejection) else bundle_from_records(group)
