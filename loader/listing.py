"""Which files an input argument names: the file itself, or a folder's files of a known kind
(recursively, sorted, no symlinked folder twice), and the kind a file's name says."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Iterator

from .item import Rejection

TEXT_SUFFIXES = {".txt", ".md"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
# web files, read by ``sources`` (loader/web/): saved pages, feeds, WARC files (.warc, .warc.gz)
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
FEED_SUFFIXES = {".rss", ".atom", ".xml"}


def _walk(directory: Path) -> Iterator[Path]:
    """Files under ``directory`` with a known suffix, sorted, following no symlink twice."""
    seen: set[tuple[int, int]] = set()
    for root, dirs, files in os.walk(directory, followlinks=True):
        try:
            st = os.stat(root)
        except OSError:
            dirs[:] = []
            continue
        key = (st.st_dev, st.st_ino)
        if key in seen:
            dirs[:] = []
            continue
        seen.add(key)
        dirs.sort()
        for fname in sorted(files):
            path = Path(root) / fname
            if path.suffix.lower() in TEXT_SUFFIXES | JSONL_SUFFIXES or web_kind(fname):
                yield path


def web_kind(name: str) -> str | None:
    """"html", "feed" or "warc" for a web file by its name (``sources`` reads them), else None."""
    lower = name.lower()
    if lower.endswith((".warc", ".warc.gz")):
        return "warc"
    suffix = Path(lower).suffix
    return "html" if suffix in HTML_SUFFIXES else "feed" if suffix in FEED_SUFFIXES else None


def input_files(raw: str) -> Iterator[Path | Rejection]:
    """The files one path argument names: the file itself, or a folder's files with a known
    suffix (recursively, sorted); a rejection when it names none. Nothing is read."""
    path = Path(raw)
    try:
        is_dir = path.is_dir()
        exists = is_dir or path.exists()
    except OSError as exc:
        yield unreadable(raw, exc)
        return
    if is_dir:
        found = False
        for file in _walk(path):
            found = True
            yield file
        if not found:
            yield Rejection(raw, "directory holds no .txt, .md, .jsonl, .html, feed or WARC files")
    elif not exists:
        yield Rejection(raw, "no such file or directory")
    else:
        yield path


def unreadable(name: str, exc: OSError) -> Rejection:
    if isinstance(exc, PermissionError):
        return Rejection(name, "permission denied")
    return Rejection(name, f"cannot read ({exc.strerror or exc})")


