"""The pipelines of ``kgload extract`` and ``kgload load``: inputs -> records -> Neo4j.

``extract_records`` writes the records of every input; ``load_paths`` loads inputs (texts are
extracted, record files are not) with a loader the caller's graph or factory gives. spaCy is
imported only when some input needs extracting, so loading record files stays light.
``prefetched`` reads ahead in a thread while the consumer waits on Neo4j.
"""

from __future__ import annotations

import functools
import gc
import io
import multiprocessing
import os
import queue
import signal
import sys
import threading
import time
import warnings
from contextlib import closing
from typing import Callable, Generator, Iterable, Iterator, Sequence, TextIO, TypeVar

from .bundles import DocumentBundle, PreparedDocument, bundle_from_records, bundle_records, prepare_bundle
from .grouping import grouped_inputs, record_heads
from .inputs import InputItem, RecordBatch, Rejection, SourceDocument
from .load import Loader, LoadSummary
from .records import dump_records
from .sources import read_inputs

EXTRACT_CHUNK_DOCS = 64
# Items (one per document) a prefetching thread may be ahead: most of a transaction of 10,000
# records, and few enough that memory and garbage collection stay low.
PREFETCH_DEPTH = 256
# texts longer than this are read ahead one at a time (256 of them could fill the memory)
PREFETCH_LONG_TEXT_CHARS = 256 * 1024

T = TypeVar("T")


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
        results = self.extractor.extract(docs, batch_size=self.batch_size, workers=self.workers)
        return results if self.workers <= 1 else _quiet_workers(results)


# ------------------------------------------------------------------ Ctrl-C with worker processes

_forking_workers = threading.Event()
_fork_hook: list[bool] = []


def _worker_ignores_sigint() -> None:
    if _forking_workers.is_set():
        signal.signal(signal.SIGINT, signal.SIG_IGN)


def _stop_workers(signum, frame) -> None:
    """Ctrl-C while spaCy's worker processes run: end them (SIGTERM, quietly) before spaCy's
    clean-up waits for them, then interrupt as usual."""
    warnings.filterwarnings("ignore", message=r".*\[W127\]")  # "Not all ... worker processes completed"
    for child in multiprocessing.active_children():
        child.terminate()
    raise KeyboardInterrupt


def _quiet_workers(results: Iterator[list]) -> Iterator[list]:
    """``results`` of ``nlp.pipe(n_process=N)``, whose workers (forked: the default start method
    here) ignore Ctrl-C, so that they print no traceback of their own: a Ctrl-C, which a terminal
    sends to every process of the group, reaches this process alone, which ends them."""
    if threading.current_thread() is not threading.main_thread():
        yield from results
        return
    if not _fork_hook:
        os.register_at_fork(after_in_child=_worker_ignores_sigint)
        _fork_hook.append(True)
    previous = signal.signal(signal.SIGINT, _stop_workers)
    _forking_workers.set()
    try:
        yield from results
    finally:
        _forking_workers.clear()
        if threading.current_thread() is threading.main_thread():
            signal.signal(signal.SIGINT, previous)


def records_from_inputs(items: Iterable[InputItem | DocumentBundle | PreparedDocument], extractor: LazyExtractor,
                        on_note: Callable[[str], None] | None = None
                        ) -> Iterator[list | Rejection | PreparedDocument]:
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
        elif isinstance(item, DocumentBundle):  # a document of record files (grouping.grouped_inputs)
            yield [item.document, *item.entities, *item.relations]
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


def bundles_from_inputs(items: Iterable[InputItem | PreparedDocument], extractor: LazyExtractor,
                        on_note: Callable[[str], None] | None = None
                        ) -> Iterator[DocumentBundle | PreparedDocument | Rejection]:
    """Documents to load: extracted from texts, grouped from records; documents already
    prepared (``prepared_records``) and rejections pass through."""
    for group in records_from_inputs(items, extractor, on_note):
        yield group if isinstance(group, (Rejection, PreparedDocument)) else bundle_from_records(group)


def is_long_text(item) -> bool:
    """A document whose text is long enough that reading ahead should hold only one."""
    return isinstance(item, SourceDocument) and len(item.text) > PREFETCH_LONG_TEXT_CHARS


def prepared_records(items: Iterable[InputItem | DocumentBundle]) -> Iterator[InputItem | PreparedDocument]:
    """Documents of record files (bundles, or record batches, grouped here) turned into prepared
    documents (validated, rows built) as they are read; other items unchanged. ``kgload load``
    runs this in its reading thread, so the work overlaps the writes."""
    for item in items:
        if isinstance(item, DocumentBundle):
            yield prepare_bundle(item)
        elif isinstance(item, RecordBatch):
            for bundle in bundle_records(item.records, item.source):
                yield bundle if isinstance(bundle, Rejection) else prepare_bundle(bundle)
        else:
            yield item


# ------------------------------------------------------------------ the commands' pipelines

# While loading, the client holds many small objects for a while; collecting young objects less
# often saves about a tenth of its time and costs some tens of MB.
LOAD_GC_THRESHOLDS = (100_000, 50, 100)


def _ignore(*args) -> None:
    pass


def extract_records(paths: Sequence[str], out: TextIO, extractor: LazyExtractor, *,
                    on_reject: Callable[[Rejection], None] = _ignore,
                    on_note: Callable[[str], None] = _ignore,
                    on_document: Callable[[], None] = _ignore,
                    read: Callable[[Sequence[str]], Iterable[InputItem]] = read_inputs) -> list[Rejection]:
    """Write the records of every input to ``out``, one JSON object per line, a document's
    records together; the rejected inputs (each also given to ``on_reject``) are returned."""
    rejected: list[Rejection] = []
    # record files are grouped per document as `load` groups them (records in any order)
    read, heads = _grouping_reads(paths, read)
    for group in records_from_inputs(grouped_inputs(lambda: read(paths), heads), extractor, on_note=on_note):
        if isinstance(group, Rejection):
            rejected.append(group)
            on_reject(group)
            continue
        assert isinstance(group, list)  # read_inputs gives no prepared documents
        for line in dump_records(group):
            out.write(line + "\n")
        on_document()
    return rejected


def load_paths(paths: Sequence[str], graph, extractor: LazyExtractor, *, batch_size: int = 10000,
               on_reject: Callable[[Rejection], None] = _ignore,
               on_note: Callable[[str], None] = _ignore,
               on_document: Callable[[int], None] = _ignore,
               loader_factory: Callable[..., Loader] = Loader,
               read: Callable[[Sequence[str]], Iterable[InputItem]] = read_inputs) -> LoadSummary:
    """Load every input into ``graph``: texts extracted by ``extractor`` (in this thread),
    record files read, grouped per document in whatever order their records come
    (``grouping.grouped_inputs``, which reads the inputs twice), parsed and prepared ahead in a
    thread (``prefetched``) while the loader (``loader_factory(graph, batch_size=...,
    on_reject=...)``) waits on Neo4j. Rejections reach ``on_reject`` in input order and are
    counted in the summary."""
    read, heads = _grouping_reads(paths, read)
    thresholds = gc.get_threshold()
    gc.set_threshold(*LOAD_GC_THRESHOLDS)
    try:
        loader = loader_factory(graph, batch_size=batch_size, on_reject=on_reject)
        reading = prefetched(prepared_records(grouped_inputs(lambda: read(paths), heads)), is_heavy=is_long_text)
        with closing(reading) as items:
            loader.load(bundles_from_inputs(items, extractor, on_note=on_note), on_document=on_document)
        return loader.summary
    finally:
        gc.set_threshold(*thresholds)


def _grouping_reads(paths: Sequence[str], read: Callable[[Sequence[str]], Iterable[InputItem]]):
    """``read`` and the first pass of ``grouping.grouped_inputs`` for it: a quick scan of the
    record lines when ``read`` is ``read_inputs`` (standard input read once, for both passes),
    else None (``grouped_inputs`` then reads twice)."""
    heads = None
    if read is read_inputs:
        stdin = sys.stdin.buffer.read() if "-" in paths else None
        heads = functools.partial(record_heads, paths, stdin)
        if stdin is not None:
            read = functools.partial(_read_with_stdin, data=stdin)
    return read, heads


def _read_with_stdin(paths: Sequence[str], data: bytes) -> Iterable[InputItem]:
    return read_inputs(paths, stdin=io.BytesIO(data))


# ------------------------------------------------------------------ prefetching

_END = object()


class _Raised:
    __slots__ = ("exc",)

    def __init__(self, exc: BaseException):
        self.exc = exc


def prefetched(items: Iterable[T], depth: int = PREFETCH_DEPTH,
               is_heavy: Callable[[T], bool] | None = None) -> Generator[T, None, None]:
    """``items`` in the same order, computed by a daemon thread up to ``depth`` items ahead.
    A heavy item (``is_heavy``, e.g. a long article's text) is queued only once the consumer
    has taken everything before it, so at most one waits in memory.

    While the consumer waits on Neo4j (the driver releases the GIL), the thread reads and
    parses what comes next. An exception the thread meets is raised in the consumer, of the
    same type and with its traceback. When the consumer stops early (an error, Ctrl-C,
    ``close()``), the thread stops before its next item and closes ``items``.

    Only ``items`` runs in the thread: callbacks it calls (notes, say) run there too, so the
    load command prefetches the reading of inputs only, whose notes and rejections are items.
    """
    if depth < 1:
        raise ValueError("depth must be at least 1")
    entries: queue.Queue = queue.Queue(maxsize=depth)
    stop = threading.Event()

    def put(entry) -> bool:
        # After stop is set the consumer empties the queue once: this put, past its check,
        # finds room, and the next check ends the thread. No put blocks for ever.
        if stop.is_set():
            return False
        entries.put(entry)
        return True

    def wait_until_taken() -> None:
        while not entries.empty() and not stop.is_set():
            time.sleep(0.005)

    def produce() -> None:
        try:
            iterator = iter(items)
            try:
                for item in iterator:
                    if is_heavy is not None and is_heavy(item):
                        wait_until_taken()
                    if not put(item):
                        break
            finally:
                close = getattr(iterator, "close", None)
                if close is not None:
                    close()
        except BaseException as exc:  # every ending reaches the consumer, which re-raises it
            put(_Raised(exc))
        else:
            put(_END)

    threading.Thread(target=produce, name="kgload-prefetch", daemon=True).start()
    try:
        while True:
            entry = entries.get()
            if entry is _END:
                return
            if type(entry) is _Raised:
                exc, entry = entry.exc, None
                raise exc
            yield entry
    finally:
        stop.set()
        try:
            while True:
                entries.get_nowait()
        except queue.Empty:
            pass

