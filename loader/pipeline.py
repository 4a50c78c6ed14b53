"""The pipelines of ``kgload extract`` and ``kgload load``: reader -> preparer -> writer.

Both take the reader's items (``grouping.read_documents``, see ``item``). ``extract_records``
extracts the texts and writes every document's records; ``load_documents`` extracts the texts
the graph does not already hold unchanged, prepares every document and hands it to the writer
(``load.Loader``). spaCy is imported only when some text needs extracting, so loading record
files (or a re-run on unchanged articles) stays light. ``prefetched`` reads ahead in a thread
while the writer waits on Neo4j.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import queue
import signal
import threading
import time
import warnings
from contextlib import closing
from typing import Callable, Generator, Iterable, Iterator, TextIO, TypeVar

from .item import Item, Rejection, SourceDocument
from .load import Loader, LoadSummary
from .prepare import extracted, prepared
from .records import dump_records

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
        self.documents = 0  # texts given to spaCy so far
        self._extractor = None

    @property
    def extractor(self):
        if self._extractor is None:
            from .extract import Extractor

            self._extractor = Extractor(self.model)
        return self._extractor

    @property
    def version(self) -> str:
        """The extractor version its records carry (loads the pipeline)."""
        return self.extractor.version

    def extract(self, docs: list[SourceDocument]) -> Iterator[list]:
        self.documents += len(docs)
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


def is_long_text(item: Item) -> bool:
    """A text long enough that reading ahead should hold only one."""
    return item.text is not None and len(item.text.text) > PREFETCH_LONG_TEXT_CHARS


# ------------------------------------------------------------------ the commands' pipelines

# While loading, the client holds many small objects for a while; collecting young objects less
# often saves about a tenth of its time and costs some tens of MB.
LOAD_GC_THRESHOLDS = (100_000, 50, 100)


def _ignore(*args) -> None:
    pass


def extract_records(documents: Iterable[Item], out: TextIO, extractor: LazyExtractor, *,
                    on_reject: Callable[[Rejection], None] = _ignore,
                    on_note: Callable[[str], None] = _ignore,
                    on_document: Callable[[int], None] = _ignore) -> list[Rejection]:
    """Write the records of every document the reader gives (``grouping.read_documents``) to
    ``out``, one JSON object per line, a document's records together, its document first
    (``on_document`` gets each document's number of records); the rejected inputs (each also
    given to ``on_reject``) are returned."""
    rejected: list[Rejection] = []
    for item in extracted(documents, extractor, on_note=on_note):
        if item.rejected is not None:
            rejected.append(item.rejected)
            on_reject(item.rejected)
        elif item.records is not None:
            records = item.records.records()
            for line in dump_records(records):
                out.write(line + "\n")
            on_document(len(records))
    return rejected


def load_documents(documents: Iterable[Item], loader: Loader, extractor: LazyExtractor, *,
                   on_note: Callable[[str], None] = _ignore,
                   on_document: Callable[[int], None] = _ignore) -> LoadSummary:
    """Load the documents the reader gives (``grouping.read_documents``) with ``loader``, the
    writer: record files' documents are prepared ahead, in the reading thread (``prefetched``),
    while the writer waits on Neo4j; texts are extracted here (spaCy's worker processes need
    the main thread), except those ``loader.stored`` says the graph holds from the same text and
    extractor version, which are never extracted. Rejections reach the loader's ``on_reject`` in
    input order and are counted in the summary."""
    thresholds = gc.get_threshold()
    gc.set_threshold(*LOAD_GC_THRESHOLDS)
    try:
        with closing(prefetched(prepared(documents), is_heavy=is_long_text)) as ahead:
            ready = prepared(extracted(ahead, extractor, loader.stored, on_note))
            summary = loader.write(ready, on_document=on_document)
        summary.texts_extracted = extractor.documents
        return summary
    finally:
        gc.set_threshold(*thresholds)


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

