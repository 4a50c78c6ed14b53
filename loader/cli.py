"""The ``kgload`` command line: parse options, call the library, render. Thin on purpose.

Only the command line catches ``KgloadError`` (``cli_support.handle_errors`` around every
command): it prints ``Error: ...`` on stderr and exits with the error's code (product.md):
1 runtime, 2 usage, 3 Neo4j unreachable/auth, 4 inputs rejected. The ``neo4j`` commands are
in ``cli_neo4j.py``, ``eval`` in ``cli_eval.py``.
"""

from __future__ import annotations

import sys
from contextlib import ExitStack
from pathlib import Path
from typing import List, Optional

import typer

from .cli_eval import eval_
from .cli_neo4j import neo4j_app
from .cli_support import (
    DatabaseOpt,
    FormatOpt,
    ModelOpt,
    PasswordOpt,
    QuietOpt,
    UriOpt,
    UserOpt,
    WorkersOpt,
    connection,
    handle_errors,
    on_interrupt,
    output_format,
    parse_param_args,
    set_debug,
)
from .cli_web import AllowPrivateOpt, CacheOpt, DelayOpt, OfflineOpt, PerHostOpt, TimeoutOpt, UrlsOpt, configure_web
from .errors import InputsRejected, UsageError
from .render import load_summary_text, message, progress_bar, render_rows

app = typer.Typer(
    name="kgload",
    help="Turn news articles into a Neo4j knowledge graph with sentence-level evidence.\n\n"
    "Example: kgload load articles/ && kgload ask \"Who recognizes Guaido?\"",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
app.add_typer(neo4j_app, name="neo4j")

def _print_version(value: bool) -> None:
    if value:
        from importlib.metadata import version

        print(f"kgload {version('kgload')}")
        raise typer.Exit()


@app.callback()
def _main(
    debug: bool = typer.Option(False, "--debug", help="Show the traceback of errors."),
    version: bool = typer.Option(False, "--version", is_eager=True, callback=_print_version,
                                 help="Print kgload's version and exit."),
) -> None:
    set_debug(debug)


# -------------------------------------------------------------- extract

@app.command()
@handle_errors
def extract(
    paths: Optional[List[str]] = typer.Argument(
        None, help="Files (.txt, .md, .jsonl, .html, feeds .rss/.atom/.xml, .warc[.gz]), folders, page or feed URLs, "
                   "or - for stdin."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write records here (default stdout)."),
    model: Optional[str] = ModelOpt,
    workers: int = WorkersOpt,
    batch_size: int = typer.Option(32, "--batch-size", min=1, help="Documents per spaCy batch."),
    quiet: bool = QuietOpt,
    dask: Optional[str] = typer.Option(
        None, "--dask", metavar="ADDRESS",
        help="Extract on a Dask cluster: tcp://scheduler:8786, env (DASK_SCHEDULER_ADDRESS) or local[:N] "
             "(N worker processes here). Inputs may be fsspec URLs (s3://, gs://, file://), read by the "
             "workers, and page or feed URLs and --urls lists, fetched by the workers (feeds listed here); "
             "-o names a folder of shards part-NNNNN.jsonl + manifest.json; re-running resumes."),
    task_docs: int = typer.Option(50, "--task-docs", min=1, help="With --dask: at most this many files per task (shard)."),
    urls: Optional[List[Path]] = UrlsOpt, offline: bool = OfflineOpt, allow_private: bool = AllowPrivateOpt,
    cache: Optional[Path] = CacheOpt, per_host: int = PerHostOpt, delay: float = DelayOpt, timeout: float = TimeoutOpt,
) -> None:
    """Extract entities and relations to JSONL records (one object per line).

    Example: kgload extract examples/ -o records.jsonl

    Example: kgload extract https://news.example.org/world/rss.xml -o records.jsonl

    Example: kgload extract s3://bucket/articles/ -o shards/ --dask tcp://scheduler:8786
    """
    web = configure_web(paths, urls, offline, allow_private, cache, per_host, delay, timeout)
    paths = paths or []
    if dask is not None:
        on_interrupt("Interrupted; the shards finished so far stay; re-run to continue.", exit_hard=True)
    elif output is not None:
        on_interrupt(f"Interrupted; {output} left as it was.", exit_hard=workers > 1)
    else:
        on_interrupt("Interrupted.", exit_hard=workers > 1)
    if dask is not None:
        from .scale import extract_on_dask

        if workers > 1:
            raise UsageError("--workers is for one machine; with --dask the cluster's workers extract")
        extract_on_dask(paths, output, dask, model=model, batch_size=batch_size, task_docs=task_docs, quiet=quiet)
        return
    from .grouping import read_documents
    from .pipeline import LazyExtractor, extract_records

    with ExitStack() as stack:
        out = _open_output(stack, output) if output is not None else sys.stdout
        progress = stack.enter_context(progress_bar("Extracting", quiet))
        task = progress.add_task("extract", total=None)
        rejected = extract_records(
            read_documents(paths), out, LazyExtractor(model, workers, batch_size),
            on_reject=lambda r: message(f"Rejected {r}"), on_note=lambda n: message(f"Note: {n}"),
            on_document=lambda records: progress.advance(task),
        )
    _web_summary(web, quiet)
    if rejected:
        raise InputsRejected(f"{len(rejected)} input(s) rejected (see the lines above)")


def _web_summary(web, quiet: bool) -> None:
    line = web.summary()
    if line and not quiet:
        message(line)


def _open_output(stack: ExitStack, output: Path):
    """``--output FILE``, open in ``stack``; it appears whole (``files.atomic_write``) once the
    stack closes without an error."""
    from .files import atomic_write

    if output.is_dir():
        raise UsageError(f"--output {output} is a directory; name a file")
    if not output.parent.is_dir():
        raise UsageError(f"--output {output}: the folder {output.parent} does not exist")
    try:
        return stack.enter_context(atomic_write(output))
    except OSError as exc:
        raise UsageError(f"--output {output}: cannot write ({exc.strerror or exc})") from exc


# -------------------------------------------------------------- load

@app.command()
@handle_errors
def load(
    paths: Optional[List[str]] = typer.Argument(
        None, help="Articles (.txt, .md, .html), feeds, WARC files, page or feed URLs, folders, JSONL documents, "
                   "record files from `kgload extract` or other tools (records in any order: grouped by doc_id), or -."),
    batch_size: int = typer.Option(10000, "--batch-size", min=1, help="Records per write transaction."),
    workers: int = WorkersOpt,
    model: Optional[str] = ModelOpt,
    quiet: bool = QuietOpt,
    uri: Optional[str] = UriOpt, username: Optional[str] = UserOpt,
    password: Optional[str] = PasswordOpt, database: Optional[str] = DatabaseOpt,
    urls: Optional[List[Path]] = UrlsOpt, offline: bool = OfflineOpt, allow_private: bool = AllowPrivateOpt,
    cache: Optional[Path] = CacheOpt, per_host: int = PerHostOpt, delay: float = DelayOpt, timeout: float = TimeoutOpt,
) -> None:
    """Extract (unless given records) and load into Neo4j; re-running adds nothing twice.

    Example: kgload load articles/

    Example: kgload load https://news.example.org/world/rss.xml   (run it every hour: only new or changed articles load)
    """
    on_interrupt("Interrupted; documents committed so far stay loaded; re-run to continue.", exit_hard=workers > 1)
    web = configure_web(paths, urls, offline, allow_private, cache, per_host, delay, timeout)
    paths = paths or []
    from .graph import Graph
    from .grouping import read_documents
    from .load import Loader
    from .pipeline import LazyExtractor, load_documents

    with Graph(connection(uri, username, password, database)) as graph:
        with progress_bar("Loading", quiet) as progress:
            task = progress.add_task("load", total=None)
            loader = Loader(graph, batch_size=batch_size, on_reject=lambda r: message(f"Rejected {r}"))
            summary = load_documents(
                read_documents(paths), loader, LazyExtractor(model, workers),
                on_note=lambda n: message(f"Note: {n}"), on_document=lambda n: progress.advance(task, n),
            )
        _web_summary(web, quiet)
        if not quiet:
            message(load_summary_text(summary))
    if summary.rejected:
        raise InputsRejected(f"{len(summary.rejected)} input(s) rejected (see the lines above)")


# -------------------------------------------------------------- ask / query

@app.command()
@handle_errors
def ask(
    question: str = typer.Argument(..., help="A plain-English question."),
    fmt: Optional[str] = FormatOpt,
    uri: Optional[str] = UriOpt, username: Optional[str] = UserOpt,
    password: Optional[str] = PasswordOpt, database: Optional[str] = DatabaseOpt,
) -> None:
    """Answer a plain-English question from the graph (no network model).

    Example: kgload ask "Who recognizes Guaido?"
    """
    from . import cypher
    from .answers import answer_question
    from .graph import Graph
    from .questions import parse_question

    fmt = output_format(fmt)
    parsed = parse_question(question)
    if parsed.note:
        message(f"Note: {parsed.note}")
    cypher.query_arguments(parsed.query, parsed.params)  # a bad parameter is a usage error before connecting
    with Graph(connection(uri, username, password, database)) as graph:
        found = answer_question(graph, parsed)
    for line in found.left_out:
        message(f"Note: {line}")
    if not found.rows:
        # one line on stderr, exit 0; JSON (and CSV) still go to stdout: a pipe gets []
        message(f"No answer in the graph for {question!r}" + (": " + ", and ".join(found.notes) if found.notes else "") + ".")
        if fmt == "table":
            return
    if found.title and fmt != "table":
        message(found.title)
    render_rows(found.rows, fmt, title=(found.title or question) if fmt == "table" else None)


@app.command(context_settings={"allow_extra_args": True, "ignore_unknown_options": True})
@handle_errors
def query(
    ctx: typer.Context,
    name: Optional[str] = typer.Argument(None, help="Canned query name (see --list)."),
    list_: bool = typer.Option(False, "--list", help="List the canned queries and their parameters."),
    fmt: Optional[str] = FormatOpt,
    uri: Optional[str] = UriOpt, username: Optional[str] = UserOpt,
    password: Optional[str] = PasswordOpt, database: Optional[str] = DatabaseOpt,
) -> None:
    """Run a canned query from cypher/queries by name; parameters as -p NAME VALUE (repeatable).

    Example: kgload query who_recognizes -p name Guaido
    """
    from . import cypher

    if list_ or not name:
        render_rows(cypher.catalogue(), output_format(fmt))
        return
    fmt = output_format(fmt)
    if name not in cypher.names("queries"):
        raise UsageError(f"no canned query {name!r}{cypher.did_you_mean(name, cypher.names('queries'))} "
                         "(`kgload query --list` shows them)")
    params = cypher.query_arguments(name, parse_param_args(list(ctx.args)))
    from .answers import undated_lines, unknown_names
    from .graph import Graph

    with Graph(connection(uri, username, password, database)) as graph:
        rows = graph.read(f"queries/{name}", params)
        notes = [] if rows else unknown_names(graph, name, params)
        left_out = undated_lines(graph, name, params, see_them="run it without as_of")
    for line in left_out:
        message(f"Note: {line}")
    if not rows:
        # as `ask`: one line on stderr, exit 0; JSON (and CSV) still go to stdout (a pipe gets [])
        message(f"No rows for query {name!r}" + (": " + ", and ".join(notes) if notes else "") + ".")
        if fmt == "table":
            return
    render_rows(rows, fmt)


# -------------------------------------------------------------- reset / eval

@app.command()
@handle_errors
def reset(
    yes: bool = typer.Option(False, "--yes", help="Really delete everything kgload loaded."),
    uri: Optional[str] = UriOpt, username: Optional[str] = UserOpt,
    password: Optional[str] = PasswordOpt, database: Optional[str] = DatabaseOpt,
) -> None:
    """Delete everything kgload loaded (entities, documents, evidence); keeps the schema.

    Example: kgload reset --yes
    """
    if not yes:
        raise UsageError("this deletes every entity, document and evidence; add --yes to confirm")
    from .graph import Graph

    with Graph(connection(uri, username, password, database)) as graph:
        counters = graph.run_autocommit("load/reset_graph")
    message(f"Deleted {counters.get('nodes_deleted', 0)} nodes and {counters.get('relationships_deleted', 0)} relationships.")


app.command("eval")(eval_)


# -------------------------------------------------------------- viz (Neo4j Browser / neo4j-viz)

@app.command(context_settings={"allow_extra_args": True, "ignore_unknown_options": True})
@handle_errors
def viz(
    ctx: typer.Context,
    question_or_query: str = typer.Argument(..., help="A plain-English question, or a canned query name with -p NAME VALUE."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write the HTML page here (default graph.html)."),
    browser: bool = typer.Option(False, "--browser", help="Print a Neo4j Browser link that opens the query with its parameters."),
    browser_url: Optional[str] = typer.Option(None, "--browser-url", help="Browser address for --browser (default: the local server's)."),
    uri: Optional[str] = UriOpt, username: Optional[str] = UserOpt,
    password: Optional[str] = PasswordOpt, database: Optional[str] = DatabaseOpt,
) -> None:
    """Draw the answer's subgraph to one standalone HTML file (neo4j-viz), coloured by type.

    Example: kgload viz "Who recognizes Guaido?" -o graph.html
    """
    from . import viz as viz_lib

    plan = viz_lib.plan(question_or_query, parse_param_args(list(ctx.args)))
    if browser:
        print(viz_lib.browser_link(plan, browser_url))
        if output is None:
            return
    from .graph import Graph

    output = output or Path("graph.html")
    with Graph(connection(uri, username, password, database)) as graph:
        result = viz_lib.draw(graph, plan, output)
    if result.path is None:
        message(f"No answer in the graph for {question_or_query!r}; {output} not written.")
        return
    kinds = ", ".join(f"{n} {k}" for k, n in sorted(result.types.items()))
    message(f"Wrote {output}: {result.nodes} nodes ({kinds}), {result.relationships} relationships.")


def main() -> None:  # pragma: no cover
    app()
