"""Files written whole or not at all (``kgload extract -o``, ``kgload viz -o``, Dask shards)."""

from __future__ import annotations

import os
import uuid
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator, TextIO


def temp_path(path: str | os.PathLike) -> Path:
    """A fresh hidden name beside ``path`` (``.NAME.<12 hex>.tmp``), unique per call, so that two
    writers of the same file (a retried Dask task, say) never share one."""
    path = Path(path)
    return path.with_name(f".{path.name}.{uuid.uuid4().hex[:12]}.tmp")


@contextmanager
def atomic_write(path: str | os.PathLike, encoding: str = "utf-8") -> Iterator[TextIO]:
    """A text file that becomes ``path`` only once complete: written under ``temp_path(path)``
    and renamed over ``path`` when the ``with`` block ends without an error. On an error (or
    Ctrl-C) the temporary file is removed and ``path`` is left as it was. ``OSError`` from
    opening, writing or renaming reaches the caller."""
    tmp = temp_path(path)
    try:
        with open(tmp, "w", encoding=encoding) as out:
            yield out
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
