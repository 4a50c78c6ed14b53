"""The loaders a user with triples would pick instead of kgload, timed on the same records
(run by bench/bench_load.py as a child process; prints one JSON object).

    python bench/peers.py WHICH RECORDS_DIR [--sample N]

WHICH: ``merge-each`` (one auto-commit MERGE statement per relation, the first --sample ones),
``batched-merge`` (hand-written batched ``UNWIND $rows ... MERGE`` of bare triples, 10,000 rows
a transaction), ``graphrag`` (neo4j-graphrag's ``Neo4jWriter``, its KG builder's writer, default
batch size) or ``langchain`` (langchain-neo4j's ``Neo4jGraph.add_graph_documents`` with
``include_source=True`` and ``baseEntityLabel=True``, one graph document per document).
The two libraries are bench-only dependencies installed in their own venv (``make bench-deps``:
.venv-bench, see pyproject's ``bench`` extra); this file imports nothing of kgload.

Each peer gets the same relations (every relation record, negated ones too: a user's triples),
already read and grouped (not timed); only its writes are timed. Connection: NEO4J_URI,
NEO4J_USERNAME, NEO4J_PASSWORD, NEO4J_DATABASE.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import sys
import time
from pathlib import Path

from neo4j import GraphDatabase

BATCH = 10_000


def read_documents(folder: Path) -> list[dict]:
    """Per document: its id, title, entities {id: (name, type)} and triples (s, rel, o, sentence)."""
    docs: dict[str, dict] = {}
    for path in sorted(folder.glob("*.jsonl")):
        with open(path, encoding="utf-8") as fh:
            for line in fh:
                rec = json.loads(line)
                if rec["kind"] == "document":
                    docs.setdefault(rec["id"], {"id": rec["id"], "title": rec.get("title"),
                                                "entities": {}, "triples": []})
                elif rec["kind"] == "relation":
                    doc = docs[rec["doc_id"]]
                    for ref in (rec["subject"], rec["object"]):
                        doc["entities"][ref["id"]] = (ref["name"], ref["type"])
                    doc["triples"].append((rec["subject"]["id"], rec["relation"], rec["object"]["id"],
                                           rec["evidence"]["sentence"]))
    return list(docs.values())


def merge_each(driver, database: str, docs: list[dict], sample: int) -> int:
    triples = [t for d in docs for t in d["triples"]][:sample]
    with driver.session(database=database) as session:
        session.run("RETURN 1").consume()
        for s, rel, o, _ in triples:
            session.run(f"MERGE (a:Entity {{id: $s}}) MERGE (b:Entity {{id: $o}}) MERGE (a)-[:{rel}]->(b)",
                        s=s, o=o).consume()
    return len(triples)


def batched_merge(driver, database: str, docs: list[dict]) -> int:
    """Entities, then relationships by type (the type written into the statement)."""
    entities = {eid: ne for d in docs for eid, ne in d["entities"].items()}
    rows = [{"id": eid, "name": name, "type": etype} for eid, (name, etype) in entities.items()]
    by_type: dict[str, list] = {}
    for d in docs:
        for s, rel, o, _ in d["triples"]:
            by_type.setdefault(rel, []).append({"s": s, "o": o})
    with driver.session(database=database) as session:
        for i in range(0, len(rows), BATCH):
            session.execute_write(lambda tx, chunk=rows[i:i + BATCH]: tx.run(
                "UNWIND $rows AS row MERGE (e:Entity {id: row.id}) SET e.name = row.name, e.type = row.type",
                rows=chunk).consume())
        for rel, pairs in by_type.items():
            text = (f"UNWIND $rows AS row MATCH (a:Entity {{id: row.s}}) MATCH (b:Entity {{id: row.o}}) "
                    f"MERGE (a)-[:{rel}]->(b)")
            for i in range(0, len(pairs), BATCH):
                session.execute_write(lambda tx, chunk=pairs[i:i + BATCH], text=text: tx.run(text, rows=chunk).consume())
    return sum(len(d["triples"]) for d in docs)


def graphrag(driver, database: str, docs: list[dict]) -> int:
    from neo4j_graphrag.components.kg_writer import Neo4jWriter
    from neo4j_graphrag.experimental.components.types import Neo4jGraph, Neo4jNode, Neo4jRelationship

    entities = {eid: ne for d in docs for eid, ne in d["entities"].items()}
    nodes = [Neo4jNode(id=eid, label=etype, properties={"id": eid, "name": name})
             for eid, (name, etype) in entities.items()]
    rels = [Neo4jRelationship(start_node_id=s, end_node_id=o, type=rel)
            for d in docs for s, rel, o, _ in d["triples"]]
    writer = Neo4jWriter(driver, neo4j_database=database)
    start = time.perf_counter()
    result = asyncio.run(writer.run(Neo4jGraph(nodes=nodes, relationships=rels)))
    if result.status != "SUCCESS":
        raise SystemExit(f"neo4j-graphrag's writer failed: {result.metadata}")
    return len(rels), time.perf_counter() - start


def langchain(uri: str, auth: tuple[str, str], database: str, docs: list[dict]) -> int:
    from langchain_core.documents import Document
    from langchain_neo4j import Neo4jGraph
    from langchain_neo4j.graphs.graph_document import GraphDocument, Node, Relationship

    graph_documents = []
    for d in docs:
        nodes = {eid: Node(id=eid, type=etype, properties={"name": name})
                 for eid, (name, etype) in d["entities"].items()}
        rels = [Relationship(source=nodes[s], target=nodes[o], type=rel) for s, rel, o, _ in d["triples"]]
        text = " ".join(sentence for *_, sentence in d["triples"])
        graph_documents.append(GraphDocument(nodes=list(nodes.values()), relationships=rels,
                                             source=Document(page_content=text, metadata={"id": d["id"]})))
    graph = Neo4jGraph(url=uri, username=auth[0], password=auth[1], database=database, refresh_schema=False)
    start = time.perf_counter()
    graph.add_graph_documents(graph_documents, include_source=True, baseEntityLabel=True)
    elapsed = time.perf_counter() - start
    graph.close()
    return sum(len(g.relationships) for g in graph_documents), elapsed


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("which", choices=["merge-each", "batched-merge", "graphrag", "langchain"])
    ap.add_argument("records", type=Path)
    ap.add_argument("--sample", type=int, default=5000, help="relations for merge-each")
    args = ap.parse_args()
    uri = os.environ["NEO4J_URI"]
    auth = (os.environ.get("NEO4J_USERNAME", "neo4j"), os.environ["NEO4J_PASSWORD"])
    database = os.environ.get("NEO4J_DATABASE", "neo4j")
    docs = read_documents(args.records)
    if args.which == "langchain":
        n, elapsed = langchain(uri, auth, database, docs)
    else:
        with GraphDatabase.driver(uri, auth=auth) as driver:
            driver.verify_connectivity()
            if args.which == "graphrag":
                n, elapsed = graphrag(driver, database, docs)
            else:
                start = time.perf_counter()
                n = merge_each(driver, database, docs, args.sample) if args.which == "merge-each" \
                    else batched_merge(driver, database, docs)
                elapsed = time.perf_counter() - start
    json.dump({"which": args.which, "relations": n, "seconds": elapsed}, sys.stdout)
    print()


if __name__ == "__main__":
    main()
