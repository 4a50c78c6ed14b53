"""A corpus folder for ``kgload eval``: ``DIR/texts/NAME.txt`` paired with ``DIR/gold/NAME.jsonl``.

A corpus text (like ``../shared/corpus/texts/*.txt``) starts with a header of ``SOURCE:``,
``LICENCE:`` and ``DATE:`` lines, then a blank line, then the text as published. The header is
not text: the document is what follows the first blank line, kept exactly (evidence offsets
point into it). A text without such a header is a document as it stands.

``DATE`` becomes the document's ``published`` date when it is a full ``YYYY-MM-DD`` (the record
format accepts nothing else); a partial date ("2014-06", "2011") gives none rather than an
invented day.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from .errors import UsageError
from .headers import split_header
from .inputs import Rejection, SourceDocument, decode_bytes, document_from_text

_LEADING_DATE = re.compile(r"(\d{4}-\d{2}-\d{2})(?![\d-])")


@dataclass
class CorpusFile:
    name: str  # the stem the text and its gold share
    text_path: Path
    gold_path: Path
    document: SourceDocument


@dataclass
class Corpus:
    files: list[CorpusFile]
    skipped: list[Rejection]  # unpaired or unreadable files, one reason each


def full_date(value: str | None) -> str | None:
    """``"2008-08-27"`` from a DATE value that starts with a full, valid date; else None."""
    match = _LEADING_DATE.match(value or "")
    if match is None:
        return None
    try:
        return date.fromisoformat(match[1]).isoformat()
    except ValueError:
        return None


def corpus_document(path: Path) -> SourceDocument | Rejection:
    """The document of one corpus text: its body, headline title, DATE and path as source."""
    try:
        text, _note = decode_bytes(path.read_bytes())
    except OSError as exc:
        return Rejection(str(path), f"cannot read ({exc.strerror or exc}); skipped")
    except ValueError as exc:
        return Rejection(str(path), f"{exc}; skipped")
    header, body = split_header(text)
    if not body.strip():
        return Rejection(str(path), "no text after the header; skipped")
    doc = document_from_text(body, str(path))
    doc.published = full_date(header.get("DATE")) or doc.published
    return doc


def _folders(directory: Path) -> tuple[Path, Path]:
    texts, gold = directory / "texts", directory / "gold"
    for folder in (texts, gold):
        if not folder.is_dir():
            raise UsageError(f"{directory} is not a corpus folder: it has no {folder.name}/ folder "
                             "(a corpus is texts/NAME.txt + gold/NAME.jsonl)")
    return texts, gold


def _unpaired(texts: dict[str, Path], golds: dict[str, Path], gold_dir: Path) -> list[Rejection]:
    out = [Rejection(str(texts[n]), f"no gold file {gold_dir / (n + '.jsonl')}; skipped")
           for n in sorted(texts.keys() - golds.keys())]
    out += [Rejection(str(golds[n]), f"no text file texts/{n}.txt; skipped")
            for n in sorted(golds.keys() - texts.keys())]
    return out


_NUMBER = re.compile(r"(\d+)")


def text_numbers(selection: str) -> set[int]:
    """``"01-52"``, ``"53-80,90"``: the numbers a ``--texts`` selection names (a corpus file's
    name starts with its number, ``07_voa_...``). Raises UsageError naming the bad part."""
    numbers: set[int] = set()
    for part in (p.strip() for p in selection.split(",")):
        bounds = part.split("-")
        if not part or len(bounds) > 2 or not all(b.strip().isdigit() for b in bounds):
            raise UsageError(f"--texts {selection!r}: {part!r} is not a number or a range like 01-52")
        low, high = int(bounds[0]), int(bounds[-1])
        if low > high:
            raise UsageError(f"--texts {selection!r}: the range {part!r} runs backwards")
        numbers.update(range(low, high + 1))
    return numbers


def _selected(name: str, numbers: set[int] | None) -> bool:
    if numbers is None:
        return True
    match = _NUMBER.match(name)
    return match is not None and int(match[1]) in numbers


def read_corpus(directory: str | Path, texts: str | None = None) -> Corpus:
    """The paired files of a corpus folder, sorted by name; unpaired ones are skipped with a
    reason. ``texts`` (e.g. ``"01-52"``) keeps only the files whose name starts with one of its
    numbers. Raises UsageError when the folder is no corpus or nothing pairs."""
    directory = Path(directory)
    numbers = text_numbers(texts) if texts is not None else None
    text_filesdir, gold_dir = _folders(directory)
    text_files = {p.stem: p for p in text_filesdir.glob("*.txt") if p.is_file() and _selected(p.stem, numbers)}
    golds = {p.stem: p for p in gold_dir.glob("*.jsonl") if p.is_file() and _selected(p.stem, numbers)}
    skipped = _unpaired(text_files, golds, gold_dir)
    files: list[CorpusFile] = []
    for name in sorted(text_files.keys() & golds.keys()):
        doc = corpus_document(text_files[name])
        if isinstance(doc, Rejection):
            skipped.append(doc)
        else:
            files.append(CorpusFile(name, text_files[name], golds[name], doc))
    if not files:
        chosen = f" among --texts {texts}" if numbers is not None else ""
        raise UsageError(f"{directory}: no text in texts/{chosen} has a gold file of the same name in gold/")
    return Corpus(files, skipped)
