"""What every ``kgload`` command shares: its error handling (the one place that catches
``KgloadError`` and turns it into a message and an exit code), the common options, the output
format, and ``-p NAME VALUE`` parameters."""

from __future__ import annotations

import functools
import json
import os
import sys
import traceback
from typing import NoReturn, Optional

import typer

from .errors import KgloadError, UsageError
from .render import FORMATS, default_format, message

INTERRUPTED = "Interrupted."
_state: dict = {"debug": False, "interrupted": INTERRUPTED, "exit_hard": False}


def set_debug(debug: bool) -> None:
    """``kgload --debug``: errors also print their traceback."""
    _state["debug"] = debug


def on_interrupt(line: str, *, exit_hard: bool = False) -> None:
    """What the running command prints on Ctrl-C (one line), and whether it then leaves with
    ``os._exit``: a command that started worker processes (spaCy's ``--workers``, a Dask
    LocalCluster) does, since what they leave behind (a queue's feeder thread writing to a dead
    worker, the cluster's threads) could otherwise hold the exit for ever."""
    _state["interrupted"] = line
    _state["exit_hard"] = exit_hard


def _exit_interrupted() -> NoReturn:
    message(_state["interrupted"])
    if _state["exit_hard"]:
        import multiprocessing

        for child in multiprocessing.active_children():
            child.terminate()
        for stream in (sys.stdout, sys.stderr):
            try:
                stream.flush()
            except (OSError, ValueError):
                pass
        os._exit(130)
    raise typer.Exit(130) from None


def handle_errors(func):
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        on_interrupt(INTERRUPTED)
        try:
            return func(*args, **kwargs)
        except KgloadError as exc:
            if _state["debug"]:
                traceback.print_exc()
            if _interrupted(exc):
                _exit_interrupted()
            message(f"Error: {exc}")
            raise typer.Exit(exc.exit_code) from None
        except KeyboardInterrupt:
            _exit_interrupted()
        except BrokenPipeError:
            raise typer.Exit(0) from None
        except Exception as exc:
            if not _interrupted(exc):
                raise
            if _state["debug"]:
                traceback.print_exc()
            _exit_interrupted()

    return wrapper


def _interrupted(exc: BaseException) -> bool:
    """Whether ``exc`` was raised while a Ctrl-C unwound, e.g. by the Neo4j driver rolling back
    the transaction the Ctrl-C broke off: that is still an interruption, not an error."""
    seen: set[int] = set()
    context = exc.__context__
    while context is not None and id(context) not in seen:
        if isinstance(context, KeyboardInterrupt):
            return True
        seen.add(id(context))
        context = context.__context__
    return False


# -------------------------------------------------------------- shared options

def connection(uri, username, password, database):
    from .settings import connection_settings

    return connection_settings(uri, username, password, database)


UriOpt = typer.Option(None, "--uri", help="Bolt URI (env NEO4J_URI; default bolt://localhost:7687).")
UserOpt = typer.Option(None, "--username", help="Neo4j user (env NEO4J_USERNAME; default neo4j).")
PasswordOpt = typer.Option(None, "--password", help="Neo4j password (env NEO4J_PASSWORD or .env).")
DatabaseOpt = typer.Option(None, "--database", help="Database (env NEO4J_DATABASE; default neo4j).")
FormatOpt = typer.Option(None, "--format", "-f", help="table | json | csv (default: table on a terminal, json when piped).")
ModelOpt = typer.Option(None, "--model", help="spaCy pipeline (env KGLOAD_MODEL; default en_core_web_sm).")
WorkersOpt = typer.Option(1, "--workers", min=1, help="Processes for spaCy.")
QuietOpt = typer.Option(False, "--quiet", "-q", help="No progress bar or summary on stderr.")


def output_format(fmt: Optional[str]) -> str:
    fmt = fmt or default_format()
    if fmt not in FORMATS:
        raise UsageError(f"--format must be one of {', '.join(FORMATS)}, not {fmt!r}")
    return fmt


# -------------------------------------------------------------- -p NAME VALUE

def parse_param_args(args: list[str]) -> dict:
    """``-p NAME VALUE`` / ``--param NAME VALUE`` pairs (repeatable) into a dict."""
    out: dict = {}
    i = 0
    while i < len(args):
        if args[i] not in ("-p", "--param"):
            raise UsageError(f"unexpected argument {args[i]!r}; parameters are given as -p NAME VALUE")
        if i + 2 >= len(args):
            raise UsageError(f"{args[i]} needs a NAME and a VALUE")
        out[args[i + 1]] = _param_value(args[i + 2])
        i += 3
    return out


def _param_value(value: str):
    """VALUE as given (a string), or parsed when it is a JSON list or object ("[...]", "{...}")."""
    if value[:1] in ("[", "{"):
        try:
            return json.loads(value)
        except ValueError:
            return value
    return value
