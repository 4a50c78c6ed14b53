"""Every input ``kgload extract`` and ``kgload load`` read: ``inputs`` (text files, JSONL
documents, record files, stdin) and ``web`` (page and feed URLs, ``--urls`` files, HTML files,
feeds, WARC files), as one stream of documents, record batches and one-line rejections; the
same article (one URL id) once.

``read_inputs`` is what the pipelines read; ``read_file`` what a Dask worker reads one listed
file with. The web's options (fetching, the cache, ``--urls``) are those ``web.configure`` set.
"""

from __future__ import annotations

from pathlib import Path
from typing import BinaryIO, Callable, Iterable, Iterator

from . import inputs, web
from .item import InputItem, Rejection
from .listing import input_files, web_kind
from .web.urls import is_web_url


def read_inputs(paths: Iterable[str], stdin=None) -> Iterator[InputItem]:
    """Documents, record batches and rejections of every path (``-``: stdin; an ``http(s)://``
    URL: a page or a feed), then of the ``--urls`` files."""
    reader = web.current()
    return reader.once(_items(paths, stdin, reader))


def _items(paths: Iterable[str], stdin, reader) -> Iterator[InputItem]:
    for raw in paths:
        if is_web_url(raw):
            yield from reader.read_url(raw)
        elif raw == "-":
            yield from inputs.read_inputs(["-"], stdin)
        else:
            for file in input_files(raw):
                if isinstance(file, Rejection):
                    yield file
                else:
                    yield from read_file(str(file), _opener(file), _sizer(file))
    for name in reader.url_files:
        yield from reader.read_url_list(name)


def _opener(path: Path) -> Callable[[], BinaryIO]:
    return lambda: open(path, "rb")


def _sizer(path: Path) -> Callable[[], int]:
    return lambda: path.stat().st_size


def read_file(name: str, open_binary: Callable[[], BinaryIO],
              size: Callable[[], int] | None = None) -> Iterator[InputItem]:
    """The items of one file, by its name's kind (``inputs.read_file`` for text and JSONL)."""
    kind = web_kind(name)
    if kind is None:
        yield from inputs.read_file(name, open_binary, size)
    else:
        yield from web.current().read_file(name, kind, open_binary, size)
