"""``kgload eval``: the extractor scored against gold triples (a corpus folder, or a gold file
and its texts)."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import List, Optional

import typer

from .cli_support import ModelOpt, handle_errors
from .errors import InputsRejected, UsageError
from .render import message


@handle_errors
def eval_(
    paths: List[Path] = typer.Argument(
        ..., metavar="CORPUS_DIR | GOLD.jsonl TEXT...",
        help="A corpus folder (texts/NAME.txt + gold/NAME.jsonl, like ../shared/corpus), "
             "or a gold JSONL file followed by the article(s) it describes."),
    relations: Optional[str] = typer.Option(
        None, "--relations", help="Score only these relation types, comma-separated (e.g. WARNS,SUPPORTS)."),
    all_relations: bool = typer.Option(False, "--all-relations", help="Score every relation type of the lexicon."),
    show: bool = typer.Option(
        False, "--show", help="List each document's misses (with the gold note) and false positives (with their sentence)."),
    texts: Optional[str] = typer.Option(
        None, "--texts", help="With a corpus folder: only the texts whose file name starts with these numbers (01-52, 53-80,90)."),
    model: Optional[str] = ModelOpt,
    fmt: str = typer.Option("table", "--format", "-f", help="table (a report) or json."),
) -> None:
    """Precision, recall and F1 of `extract` against gold triples, per file, per relation and overall.

    A corpus folder: each texts/NAME.txt (its SOURCE/LICENCE/DATE header stripped) is scored against gold/NAME.jsonl; a file without its pair is reported and skipped (exit code 4).

    Relations scored: by default, with a corpus folder the core ones (RECOGNIZES, DEPLOYS_TO, ACCUSES), with GOLD.jsonl TEXT... every type of the lexicon; --relations R1,R2 or --all-relations choose. Only asserted relations count.

    Example: kgload eval ../shared/corpus --show

    Example: kgload eval ../shared/corpus --texts 53-80

    Example: kgload eval examples/venezuela-2019-03-26.gold.jsonl examples/venezuela-2019-03-26.txt
    """
    from .evaluate import evaluate, evaluate_corpus, format_report
    from .extract import Extractor

    if fmt not in ("table", "json"):
        raise UsageError(f"--format must be table or json, not {fmt!r}")
    corpus = len(paths) == 1 and paths[0].is_dir()
    only = _eval_relations(relations, all_relations)
    if corpus:
        result = evaluate_corpus(paths[0], Extractor(model), only, texts)
    else:
        if texts is not None:
            raise UsageError("--texts chooses texts of a corpus folder; give the folder alone")
        _check_gold_and_texts(paths)
        result = evaluate(paths[0], paths[1:], Extractor(model), only)
    if fmt == "json":
        sys.stdout.write(json.dumps(result, indent=2, default=str) + "\n")
    else:
        sys.stdout.write(format_report(result, show) + "\n")
    for skipped in result.get("skipped", []):
        message(f"Skipped {skipped}")
    if result.get("skipped"):
        raise InputsRejected(f"{len(result['skipped'])} file(s) of the corpus skipped (see the lines above)")


def _check_gold_and_texts(paths: list[Path]) -> None:
    if paths[0].is_dir():
        raise UsageError(f"{paths[0]} is a folder: a corpus folder is the only argument")
    if len(paths) < 2:
        raise UsageError(f"{paths[0]} is not a folder: give a corpus folder (texts/ + gold/), "
                         "or a gold JSONL file and the text(s) it describes")
    for p in paths:
        if not p.is_file():
            raise UsageError(f"{p}: no such file")


def _eval_relations(relations: Optional[str], all_relations: bool) -> Optional[list[str]]:
    """The relation types `eval` scores: --relations, --all-relations, or None (the form's default)."""
    from .extract import relation_types

    if relations is not None and all_relations:
        raise UsageError("give --relations or --all-relations, not both")
    if all_relations:
        return relation_types()
    if relations is None:
        return None
    chosen = [r.strip().upper() for r in relations.split(",") if r.strip()]
    unknown = [r for r in chosen if r not in relation_types()]
    if unknown or not chosen:
        raise UsageError(f"--relations: unknown relation type(s) {', '.join(unknown) or '(none given)'}; "
                         f"the lexicon has {', '.join(relation_types())}")
    return chosen
