"""Output: table | json | csv on stdout; progress and messages on stderr."""

from __future__ import annotations

import csv
import io
import json
import sys
from typing import Any

from rich.console import Console
from rich.table import Table

FORMATS = ("table", "json", "csv")

err_console = Console(stderr=True, highlight=False, soft_wrap=True)


def progress_bar(label: str, quiet: bool):
    """The progress bar of every long command, on stderr (hidden by ``--quiet``): ``label``, then
    the documents done ("12 documents", or "12/80 documents" once the task has a total)."""
    from rich.progress import BarColumn, Progress, ProgressColumn, SpinnerColumn, TextColumn, TimeElapsedColumn
    from rich.text import Text

    class Documents(ProgressColumn):
        def render(self, task) -> Text:
            done = int(task.completed)
            return Text(f"{done}/{int(task.total)} documents" if task.total is not None else f"{done} documents")

    return Progress(SpinnerColumn(), TextColumn(label), BarColumn(), Documents(), TimeElapsedColumn(),
                    console=err_console, disable=quiet)


def default_format() -> str:
    """A table on a terminal, JSON when piped (sqlite-utils' habit)."""
    return "table" if sys.stdout.isatty() else "json"


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return ", ".join(_cell(v) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def render_rows(rows: list[dict], fmt: str, title: str | None = None, out=None) -> None:
    out = out or sys.stdout
    if fmt == "json":
        out.write(json.dumps(rows, ensure_ascii=False, indent=2, default=str) + "\n")
        return
    columns: list[str] = []
    for row in rows:
        for key in row:
            if key not in columns:
                columns.append(key)
    if fmt == "csv":
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\n")
        writer.writerow(columns)
        for row in rows:
            writer.writerow([_cell(row.get(c)) for c in columns])
        out.write(buf.getvalue())
        return
    # a terminal folds the table to its width; a file or pipe gets whole rows
    width = None if getattr(out, "isatty", lambda: False)() else 200
    console = Console(file=out, highlight=False, soft_wrap=False, width=width)
    if not rows:
        console.print(f"{title + ': ' if title else ''}no answer in the graph.")
        return
    table = Table(title=title, show_lines=False)
    for c in columns:
        table.add_column(c, overflow="fold", min_width=len(c))  # a column's name is never folded
    for row in rows:
        table.add_row(*[_cell(row.get(c)) for c in columns])
    console.print(table)


def message(text: str) -> None:
    err_console.print(text, markup=False, soft_wrap=True)


def load_summary_text(s) -> str:
    """The summary ``kgload load`` ends with (a ``load.LoadSummary``), one line per kind; the
    articles line only when articles (not records) were read."""
    articles = (f"Articles: {s.texts_extracted} extracted, {s.texts_unchanged} unchanged (not extracted again)\n"
                if s.texts_extracted or s.texts_unchanged else "")
    return (
        f"Documents: {s.documents_loaded} loaded ({s.documents_replaced} replaced), "
        f"{s.documents_skipped} already present\n"
        f"{articles}"
        f"Entities: {s.entities_created} created, {s.entities_present} already present\n"
        f"Relationships: {s.relationships_created} created, {s.relationships_updated} updated, "
        f"{s.relationships_deleted} removed\n"
        f"Evidence: {s.evidence_created} created, {s.evidence_present} already present\n"
        f"Inputs rejected: {len(s.rejected)}"
    )
