"""``kgload neo4j start|stop|status|shell``: the local server and a Cypher console."""

from __future__ import annotations

from typing import Optional

import typer

from .cli_support import DatabaseOpt, PasswordOpt, UriOpt, UserOpt, connection, handle_errors
from .render import message

neo4j_app = typer.Typer(
    help="Run a local Neo4j 5.26 server (Java + Maven, or docker compose).\n\nExample: kgload neo4j start",
    no_args_is_help=True,
)


@neo4j_app.command("start")
@handle_errors
def neo4j_start() -> None:
    """Start Neo4j (first time: resolve it with Maven, set a random password in .env).

    Example: kgload neo4j start
    """
    from . import neo4j_local
    from .browser import server_config

    result = neo4j_local.start(log=message, extra_config=server_config())
    state = "already running" if result.already_running else "started"
    message(f"Neo4j {state} ({result.mode}).")
    print(f"Bolt:    {result.uri}")
    print(f"Browser: {result.browser_url}  (user neo4j, password in .env)")


@neo4j_app.command("stop")
@handle_errors
def neo4j_stop() -> None:
    """Stop the Neo4j server this project started.

    Example: kgload neo4j stop
    """
    from . import neo4j_local

    message("Neo4j stopped." if neo4j_local.stop(log=message) else "Neo4j was not running.")


@neo4j_app.command("status")
@handle_errors
def neo4j_status() -> None:
    """Say whether the local Neo4j runs, and where.

    Example: kgload neo4j status
    """
    from . import neo4j_local

    st = neo4j_local.status()
    if st.running:
        print(f"running ({st.mode}{', pid ' + str(st.pid) if st.pid else ''})")
        print(f"Bolt:    {st.uri}")
        print(f"Browser: {st.browser_url}")
    else:
        print(f"not running (data in {st.home}); start it with `kgload neo4j start`")
        raise typer.Exit(1)


@neo4j_app.command("shell", context_settings={"allow_extra_args": True, "ignore_unknown_options": True})
@handle_errors
def neo4j_shell(
    ctx: typer.Context,
    uri: Optional[str] = UriOpt, username: Optional[str] = UserOpt,
    password: Optional[str] = PasswordOpt, database: Optional[str] = DatabaseOpt,
) -> None:
    """Open cypher-shell 5.26, connected like every kgload command; other arguments go to cypher-shell.

    Interactive on a terminal; -f FILE, --param 'NAME => VALUE', --format plain and the like are passed through (cypher-shell's own help: kgload neo4j shell -- --help). The password reaches cypher-shell in its environment, never on its command line. The first run resolves cypher-shell from Maven Central into the kgload cache (needs Java 17+ and Maven).

    Example: kgload neo4j shell --param 'name => "Guaido"' -f cypher/queries/who_recognizes.cypher
    """
    from . import cypher_shell

    settings = connection(uri, username, password, database)
    args = list(ctx.args)

    def server_answers() -> None:
        """A server that does not answer is kgload's one line and exit 3, as for every command."""
        from .graph import Graph

        Graph(settings).close()

    needs_server = not {"--help", "-h", "--version", "-v"} & set(args)
    cypher_shell.run(settings, args, log=message, before_start=server_answers if needs_server else None)
