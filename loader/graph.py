"""Neo4j access: driver, schema, batched writes through ``cypher/`` templates, reads.

Connection problems become ``Neo4jUnavailable`` (exit 3) with one line saying which problem
it is and how to fix it.
"""

from __future__ import annotations

import os
from collections import Counter
from contextlib import contextmanager
from typing import Any, Callable, Iterator

from neo4j import Driver, GraphDatabase, ManagedTransaction
from neo4j.exceptions import (
    AuthError,
    ClientError,
    ConfigurationError,
    DatabaseUnavailable,
    Neo4jError,
    ServiceUnavailable,
    SessionExpired,
)

from . import cypher
from .errors import KgloadError, Neo4jUnavailable, UsageError
from .settings import ConnectionSettings

COUNTER_NAMES = (
    "nodes_created", "nodes_deleted", "relationships_created", "relationships_deleted",
    "properties_set", "labels_added", "labels_removed",
)
# How long the driver keeps retrying a transaction on transient errors (deadlocks, leader
# changes, a server that went away) before kgload gives up with exit 3.
DEFAULT_RETRY_SECONDS = float(os.environ.get("KGLOAD_RETRY_SECONDS") or 30.0)
CONNECT_TIMEOUT_SECONDS = 5.0
BOLT_SCHEMES = ("bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc")


def _first_line(text: str | None) -> str:
    return (text or "").strip().splitlines()[0] if (text or "").strip() else ""


def _unreachable(settings: ConnectionSettings, exc: Exception) -> Neo4jUnavailable:
    return Neo4jUnavailable(
        f"cannot reach Neo4j at {settings.uri} ({type(exc).__name__}). "
        "Start it with `kgload neo4j start`, or set NEO4J_URI to your server."
    )


def _auth_failed(settings: ConnectionSettings) -> Neo4jUnavailable:
    how = "set NEO4J_PASSWORD (kgload neo4j start writes it to .env)" if not settings.password else \
        "check NEO4J_USERNAME / NEO4J_PASSWORD (or .env)"
    return Neo4jUnavailable(
        f"Neo4j at {settings.uri} refused the credentials of user {settings.username!r}: {how}."
    )


class Graph:
    """A connected Neo4j database."""

    def __init__(self, settings: ConnectionSettings, retry_seconds: float = DEFAULT_RETRY_SECONDS):
        self.settings = settings
        scheme = settings.uri.split("://", 1)[0].lower() if "://" in settings.uri else ""
        if scheme not in BOLT_SCHEMES:
            raise Neo4jUnavailable(
                f"NEO4J_URI {settings.uri!r} is not a Bolt URI (use bolt://, neo4j://, neo4j+s:// ...)"
            )
        try:
            self.driver: Driver = GraphDatabase.driver(
                settings.uri,
                auth=(settings.username, settings.password or ""),
                connection_timeout=CONNECT_TIMEOUT_SECONDS,
                max_transaction_retry_time=retry_seconds,
                connection_acquisition_timeout=CONNECT_TIMEOUT_SECONDS * 3,
                notifications_min_severity="OFF",
            )
        except (ValueError, ConfigurationError) as exc:
            raise Neo4jUnavailable(f"NEO4J_URI {settings.uri!r} is not a Neo4j URI ({exc})") from exc
        self.verify()

    def verify(self) -> None:
        with self._translated():
            self.driver.verify_connectivity()
            self.driver.execute_query("RETURN 1", database_=self.settings.database)

    @contextmanager
    def _translated(self) -> Iterator[None]:
        try:
            yield
        except AuthError as exc:
            raise _auth_failed(self.settings) from exc
        except (ServiceUnavailable, SessionExpired, DatabaseUnavailable, OSError) as exc:
            raise _unreachable(self.settings, exc) from exc
        except ClientError as exc:
            code = exc.code or ""
            if "Database.DatabaseNotFound" in code:
                raise UsageError(f"database {self.settings.database!r} does not exist (NEO4J_DATABASE)") from exc
            if code.startswith("Neo.ClientError.Statement."):
                # e.g. a -p value of the wrong type for a canned query
                raise UsageError(f"Neo4j refused the query ({code.rsplit('.', 1)[-1]}): {_first_line(exc.message)}") from exc
            raise KgloadError(f"Neo4j refused the request ({code}): {_first_line(exc.message)}") from exc
        except Neo4jError as exc:
            raise KgloadError(f"Neo4j error {exc.code}: {exc.message}") from exc

    def close(self) -> None:
        self.driver.close()

    def __enter__(self) -> "Graph":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # ------------------------------------------------------------ schema

    def apply_schema(self) -> list[str]:
        applied = []
        with self._translated():
            for name in cypher.names("schema"):
                self.driver.execute_query(cypher.load(f"schema/{name}"), database_=self.settings.database)
                applied.append(name)
            self.driver.execute_query(cypher.load("admin/await_indexes"), {"seconds": 300},
                                      database_=self.settings.database)
        return applied

    # ------------------------------------------------------------ writes

    def write_transaction(self, work: Callable[["TxWriter"], Any]) -> Any:
        """Run ``work(writer)`` in one write transaction, retried on transient errors."""
        def unit(tx: ManagedTransaction) -> Any:
            return work(TxWriter(tx))

        with self._translated():
            with self.driver.session(database=self.settings.database) as session:
                return session.execute_write(unit)

    def run_autocommit(self, name: str, params: dict | None = None) -> Counter:
        """Run a template in an auto-commit transaction (needed for CALL ... IN TRANSACTIONS)."""
        with self._translated():
            with self.driver.session(database=self.settings.database) as session:
                summary = session.run(cypher.load(name), params or {}).consume()
        return counters_of(summary)

    # ------------------------------------------------------------ reads

    def read(self, name: str, params: dict | None = None) -> list[dict]:
        """The rows of a read statement; a canned query's ``graph`` column (what Browser and
        ``kgload viz`` draw) is left out."""
        with self._translated():
            records, _, _ = self.driver.execute_query(
                cypher.load(name), params or {}, database_=self.settings.database,
                routing_="r",
            )
        return [_row(r) for r in records]

    def answer(self, query: str, params: dict) -> tuple[list[dict], Any]:
        """One run of the canned query ``query``: its rows (as ``read`` gives them) and the
        nodes and relationships of their ``graph`` column (a ``neo4j.graph.Graph``), so that a
        picture shows exactly what the table says."""

        def rows_and_graph(result):
            records = list(result)
            return records, result.graph()

        with self._translated():
            records, drawn = self.driver.execute_query(
                cypher.load(f"queries/{query}"), params, database_=self.settings.database,
                routing_="r", result_transformer_=rows_and_graph,
            )
        return [_row(r) for r in records], drawn


def _row(record) -> dict:
    return record.data(*[k for k in record.keys() if k != cypher.GRAPH_COLUMN])


def counters_of(summary) -> Counter:
    c = summary.counters
    return Counter({name: getattr(c, name) for name in COUNTER_NAMES if getattr(c, name)})


class TxWriter:
    """Runs templates inside one managed transaction and sums the counters."""

    def __init__(self, tx: ManagedTransaction):
        self.tx = tx

    def run(self, name: str, rows: list[dict]) -> Counter:
        if not rows:
            return Counter()
        result = self.tx.run(cypher.load(name), rows=rows)
        return counters_of(result.consume())

    def run_returning(self, name: str, rows: list[dict]) -> tuple[Counter, list[dict]]:
        """Counters and returned rows of one template."""
        if not rows:
            return Counter(), []
        result = self.tx.run(cypher.load(name), rows=rows)
        data = [r.data() for r in result]
        return counters_of(result.consume()), data

    def rows(self, name: str, rows: list[dict]) -> list[dict]:
        if not rows:
            return []
        result = self.tx.run(cypher.load(name), rows=rows)
        return [r.data() for r in result]

    def read(self, name: str, **params: Any) -> list[dict]:
        """The rows of a template that takes other parameters than ``$rows`` (a read, say)."""
        return [r.data() for r in self.tx.run(cypher.load(name), params)]
