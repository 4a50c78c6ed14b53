"""Loading speed and memory of kgload against one MERGE per relation, then canned-query latency
on a graph of 1,000,000 relationships (prints figures; not a test).

    .venv/bin/python bench/bench_load.py [--relations 100000] [--entities 20000]
                                         [--naive-sample 5000] [--big 1000000] [--runs 200]

Uses NEO4J_URI / NEO4J_USERNAME / NEO4J_PASSWORD (or .env) and DELETES EVERYTHING kgload loaded
on that server: point it at a server of your own (e.g. one started with KGLOAD_HOME=/tmp/b
KGLOAD_BOLT_PORT=7688 KGLOAD_HTTP_PORT=7475 KGLOAD_NEO4J_HEAP=2g kgload neo4j start).

1. Generates --relations synthetic relation records (deterministic, seed 2019) among --entities
   entities, 20 relations per document, as the JSONL records `kgload extract` writes, in files of
   5,000 relations.
   Then warms the server up (a fresh JVM runs its first statements several times slower):
   1,000 MERGE statements and one ``kgload load`` of the first file, then an empty graph.
2. The user's way, on an empty graph: one auto-commit statement per relation,
   ``MERGE (a:Entity {id: $s}) MERGE (b:Entity {id: $o}) MERGE (a)-[:TYPE]->(b)`` (TYPE written
   into the statement, one text per type), for the first --naive-sample relations; the time per
   relation is extrapolated to all of them (the statements are independent, so it is linear).
3. kgload's way, on an empty graph: ``kgload load DIR --quiet`` as a child process (the real
   command: reading, validating, entities, aliases, documents, mentions, evidence, counts), timed,
   with the child's peak RSS from ``os.wait4``. kgload writes far more than the MERGE statements
   (evidence nodes, aliases, documents, counts); the comparison is per relation record anyway.
4. The server's floor, on the graph kgload left: the same server creates, bare (no property,
   no evidence), one relationship per fact relationship and per MENTIONS link kgload wrote, in
   batched ``UNWIND ... MATCH ... CREATE`` transactions of 10,000 rows; prints that time and the
   speed-up over the MERGE statements that even this would give, then deletes them: what the
   simplest batched writes of just those relationships cost on this server.
5. Tops the graph up with synthetic fact relationships (Cypher, in transactions of 10,000 rows)
   until it holds --big relationships in all, then times each canned query --runs times with
   names drawn from the loaded entities (spelled in lower case, with accents, or by alias), and
   prints p50 / p95 per query.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from loader import cypher  # noqa: E402
from loader.graph import Graph  # noqa: E402
from loader.records import (  # noqa: E402
    DocumentRecord, EntityRecord, EntityRef, Evidence, RelationRecord, dump_records,
)
from loader.settings import connection_settings  # noqa: E402

SEED = 2019
RELATIONS_PER_DOC = 20
RELATIONS_PER_FILE = 5000
TYPES = ["Country", "Person", "Organization", "Place"]
# relation mix: the three core ones most often
RELATION_WEIGHTS = [("RECOGNIZES", 25), ("DEPLOYS_TO", 20), ("ACCUSES", 20), ("WARNS", 10),
                    ("SUPPORTS", 10), ("CONDEMNS", 10), ("CALLS_ON", 5)]
SYLLABLES = ["ka", "ro", "mi", "ta", "ve", "lu", "sa", "no", "ri", "ze", "pa", "do", "gu", "ai", "be",
             "cha", "lo", "ne", "qui", "tor", "san", "mar", "el", "ia", "os", "ur", "an", "es"]


# ------------------------------------------------------------------ synthetic data

def entity_names(n: int, rng: random.Random) -> list[tuple[str, str, str, list[str]]]:
    """(id, name, type, aliases) of ``n`` distinct entities."""
    out, seen = [], set()
    while len(out) < n:
        words = ["".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()
                 for _ in range(rng.randint(1, 3))]
        name = " ".join(words)
        slug = "-".join(w.lower() for w in words)
        if slug in seen:
            continue
        seen.add(slug)
        aliases = [words[-1]] if len(words) > 1 else []
        if "a" in name:
            aliases.append(name.replace("a", "á", 1))  # an accented spelling, as articles write it
        out.append((slug, name, rng.choice(TYPES), aliases))
    return out


def skewed(rng: random.Random, n: int) -> int:
    """Entity index, a few entities much more often (like Russia or the United States)."""
    return min(n - 1, int(n * rng.random() ** 2))


def write_records(folder: Path, relations: int, entities: int) -> list[tuple[str, str, str, list[str]]]:
    rng = random.Random(SEED)
    ents = entity_names(entities, rng)
    rel_types = [r for r, _ in RELATION_WEIGHTS]
    weights = [w for _, w in RELATION_WEIGHTS]
    folder.mkdir(parents=True, exist_ok=True)
    written = 0
    doc = 0
    out = None
    while written < relations:
        if written % RELATIONS_PER_FILE == 0:
            if out:
                out.close()
            out = open(folder / f"records-{written // RELATIONS_PER_FILE:03d}.jsonl", "w", encoding="utf-8")
        doc_id = f"bench-{doc:06d}"
        n = min(RELATIONS_PER_DOC, relations - written)
        recs = [DocumentRecord(doc_id, f"bench/{doc}.txt", f"Synthetic article {doc}", None,
                               f"2019-{1 + doc % 12:02d}-{1 + doc % 28:02d}", f"{doc:064x}", "bench-1")]
        rels, used, offset = [], {}, 0
        for _ in range(n):
            s = skewed(rng, entities)
            o = rng.randrange(entities)
            if o == s:
                o = (o + 1) % entities
            rel = rng.choices(rel_types, weights)[0]
            sid, sname, stype, _ = ents[s]
            oid, oname, otype, _ = ents[o]
            sentence = f"{sname} {rel.lower().replace('_', ' ')} {oname}."
            props = {}
            if rel == "DEPLOYS_TO":
                props = {"asset": f"{rng.randint(2, 500)} troops", "when": f"{doc % 28 + 1} March"}
            elif rel == "ACCUSES":
                props = {"charge": rng.choice(["a coup", "interference", "sabotage", "aggression"])}
            rels.append(RelationRecord(doc_id, EntityRef(sid, sname, stype), rel, EntityRef(oid, oname, otype),
                                       Evidence(sentence, offset, offset + len(sentence)), 0.9, props,
                                       "negated" if rng.random() < 0.05 else "asserted"))
            offset += len(sentence) + 1
            used[s] = used[o] = True
        for i in used:
            eid, name, etype, aliases = ents[i]
            recs.append(EntityRecord(eid, name, etype, doc_id, aliases))
        for line in dump_records(recs + rels):
            out.write(line + "\n")
        written += n
        doc += 1
    out.close()
    return ents


# ------------------------------------------------------------------ measurements

def reset(graph: Graph) -> None:
    graph.run_autocommit("load/reset_graph")


def naive_merge(graph: Graph, folder: Path, sample: int) -> tuple[int, float]:
    """One auto-commit MERGE statement per relation, as a user would write it."""
    statements = {rel: (f"MERGE (a:Entity {{id: $s}}) MERGE (b:Entity {{id: $o}}) MERGE (a)-[:{rel}]->(b)")
                  for rel, _ in RELATION_WEIGHTS}
    triples = []
    for path in sorted(folder.glob("*.jsonl")):
        for line in path.open(encoding="utf-8"):
            rec = json.loads(line)
            if rec["kind"] == "relation":
                triples.append((rec["subject"]["id"], rec["relation"], rec["object"]["id"]))
                if len(triples) >= sample:
                    break
        if len(triples) >= sample:
            break
    with graph.driver.session(database=graph.settings.database) as session:
        session.run("RETURN 1").consume()
        start = time.perf_counter()
        for s, rel, o in triples:
            session.run(statements[rel], s=s, o=o).consume()
        elapsed = time.perf_counter() - start
    return len(triples), elapsed


def kgload_load(folder: Path, env: dict, batch_size: int) -> tuple[float, int, str]:
    """``kgload load`` as a child process: wall time, peak RSS (bytes), its stderr."""
    cmd = [sys.executable, "-m", "loader", "load", str(folder), "--quiet", "--batch-size", str(batch_size)]
    with tempfile.TemporaryFile("w+") as err:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=err)
        _, status, usage = os.wait4(proc.pid, 0)
        elapsed = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        err.seek(0)
        text = err.read()
    if proc.returncode != 0:
        raise SystemExit(f"kgload load failed ({proc.returncode}): {text}")
    return elapsed, usage.ru_maxrss * 1024, text


def relationship_floor(graph: Graph) -> tuple[int, float]:
    """Time creating, bare, as many relationships as kgload's fact and MENTIONS relationships,
    between the same nodes, in batched transactions of 10,000 rows; then delete them."""
    facts = [[r["a"], r["b"]] for r in graph.read_text(
        "MATCH (a:Entity)-[r]->(b:Entity) RETURN a.id AS a, b.id AS b")]
    mentions = [[r["a"], r["b"]] for r in graph.read_text(
        "MATCH (a:Document)-[:MENTIONS]->(b:Entity) RETURN a.id AS a, b.id AS b")]
    statements = [
        ("UNWIND $rows AS row MATCH (a:Entity {id: row[0]}) MATCH (b:Entity {id: row[1]}) "
         "CREATE (a)-[:KGLOAD_BENCH_FLOOR]->(b)", facts),
        ("UNWIND $rows AS row MATCH (a:Document {id: row[0]}) MATCH (b:Entity {id: row[1]}) "
         "CREATE (a)-[:KGLOAD_BENCH_FLOOR]->(b)", mentions),
    ]
    with graph.driver.session(database=graph.settings.database) as session:
        start = time.perf_counter()
        for text, rows in statements:
            for i in range(0, len(rows), 10000):
                session.execute_write(lambda tx, chunk=rows[i:i + 10000]: tx.run(text, rows=chunk).consume())
        elapsed = time.perf_counter() - start
        session.run("MATCH ()-[r:KGLOAD_BENCH_FLOOR]->() CALL (r) { DELETE r } IN TRANSACTIONS OF 10000 ROWS").consume()
    return len(facts) + len(mentions), elapsed


def relationship_count(graph: Graph) -> int:
    return graph.read_text("MATCH ()-[r]->() RETURN count(r) AS n")[0]["n"]


def top_up(graph: Graph, target: int, entities: int) -> int:
    """Add synthetic fact relationships (with counts) between loaded entities until ``target``."""
    have = relationship_count(graph)
    missing = target - have
    if missing <= 0:
        return have
    ids = [r["id"] for r in graph.read_text("MATCH (e:Entity) RETURN e.id AS id ORDER BY id")]
    rng = random.Random(SEED + 1)
    rel_types = [r for r, _ in RELATION_WEIGHTS]
    weights = [w for _, w in RELATION_WEIGHTS]
    rows_by_type: dict[str, list] = {r: [] for r in rel_types}
    for _ in range(int(missing * 1.001) + 100):  # a few draws are skipped (s == o)
        s = ids[skewed(rng, len(ids))]
        o = ids[rng.randrange(len(ids))]
        if s == o:
            continue
        rows_by_type[rng.choices(rel_types, weights)[0]].append([s, o, rng.randint(1, 5)])
    # CREATE, not MERGE: a second relationship between the same pair only adds weight to the graph
    with graph.driver.session(database=graph.settings.database) as session:
        for rel, rows in rows_by_type.items():
            for i in range(0, len(rows), 10000):
                session.run(
                    "UNWIND $rows AS row MATCH (s:Entity {id: row[0]}) MATCH (o:Entity {id: row[1]}) "
                    f"CREATE (s)-[:{rel} {{mentions: row[2], documents: 1, first_seen: '2019-01-01', "
                    "last_seen: '2019-12-31'}]->(o)",
                    rows=rows[i:i + 10000],
                ).consume()
    return relationship_count(graph)


def spelled(name: str, aliases: list[str], rng: random.Random) -> str:
    """How a user might type a name: lower case, upper case, without or with accents, by alias."""
    choice = rng.randrange(4)
    if choice == 0:
        return name.lower()
    if choice == 1:
        return name.upper()
    if choice == 2 and aliases:
        return rng.choice(aliases)
    return "".join(c for c in unicodedata.normalize("NFD", name) if not unicodedata.combining(c))


def query_cases(graph: Graph, ents, runs: int) -> dict[str, list[dict]]:
    rng = random.Random(SEED + 2)
    loaded = {r["id"] for r in graph.read_text("MATCH (e:Entity) RETURN e.id AS id")}
    pool = [e for e in ents if e[0] in loaded]
    facts = graph.read_text(
        "MATCH (v:Evidence) WITH v LIMIT 5000 RETURN v.subject_id AS s, v.relation AS rel, v.object_id AS o")
    by_id = {e[0]: e for e in pool}

    def name() -> str:
        _, n, _, aliases = pool[skewed(rng, len(pool))]
        return spelled(n, aliases, rng)

    def fact():
        f = facts[rng.randrange(len(facts))]
        s, o = by_id[f["s"]], by_id[f["o"]]
        return spelled(s[1], s[3], rng), f["rel"], spelled(o[1], o[3], rng)

    cases: dict[str, list[dict]] = {}
    cases["who_recognizes"] = [{"name": name()} for _ in range(runs)]
    cases["whom_recognizes"] = [{"name": name()} for _ in range(runs)]
    cases["deployments (actor)"] = [{"actor": name(), "place": ""} for _ in range(runs)]
    cases["deployments (place)"] = [{"actor": "", "place": name()} for _ in range(runs)]
    cases["accusations (accuser)"] = [{"accuser": name(), "accused": ""} for _ in range(runs)]
    cases["accusations (accused)"] = [{"accuser": "", "accused": name()} for _ in range(runs)]
    cases["evidence"] = []
    for _ in range(runs):
        s, rel, o = fact()
        cases["evidence"].append({"subject": s, "relation": rel, "object": o})
    cases["entity_profile"] = [{"name": name()} for _ in range(runs)]
    cases["contested_recognition"] = [{"name": name()} for _ in range(runs)]
    cases["path_between"] = [{"from": name(), "to": name()} for _ in range(runs)]
    return cases


def time_queries(graph: Graph, cases: dict[str, list[dict]], text: str | None = None) -> dict[str, tuple[float, float, float, int]]:
    results = {}
    with graph.driver.session(database=graph.settings.database) as session:
        for label, params_list in cases.items():
            statement = text or cypher.load(f"queries/{label.split(' ')[0]}")
            for params in params_list[:10]:  # warm-up: plan cache, page cache
                list(session.run(statement, params))
            times, rows = [], 0
            for params in params_list:
                start = time.perf_counter()
                rows += len(list(session.run(statement, params)))
                times.append((time.perf_counter() - start) * 1000)
            times.sort()
            p95 = times[min(len(times) - 1, int(round(0.95 * len(times))) - 1)]
            results[label] = (statistics.median(times), p95, times[-1], rows / len(times))
    return results


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--relations", type=int, default=100_000)
    ap.add_argument("--entities", type=int, default=20_000)
    ap.add_argument("--naive-sample", type=int, default=5_000)
    ap.add_argument("--batch-size", type=int, default=10_000)
    ap.add_argument("--big", type=int, default=1_000_000, help="relationships in the graph the queries run on")
    ap.add_argument("--runs", type=int, default=200, help="runs per canned query")
    ap.add_argument("--workdir", type=Path, default=None)
    ap.add_argument("--no-warm-up", action="store_true",
                    help="time a cold server too (its first statements are several times slower)")
    ap.add_argument("--queries-only", action="store_true",
                    help="skip generating and loading: time the canned queries on the graph a previous run left")
    args = ap.parse_args()

    settings = connection_settings(None, None, None, None)
    env = dict(os.environ, NEO4J_URI=settings.uri, NEO4J_USERNAME=settings.username,
               NEO4J_PASSWORD=settings.password or "", NEO4J_DATABASE=settings.database)
    work = args.workdir or Path(tempfile.mkdtemp(prefix="kgload-bench-"))
    records = work / "records"

    if args.queries_only:
        with Graph(settings) as graph:
            ents = entity_names(args.entities, random.Random(SEED))  # the first draws of write_records
            report_queries(graph, ents, args)
        return
    t = time.perf_counter()
    ents = write_records(records, args.relations, args.entities)
    size = sum(p.stat().st_size for p in records.glob("*.jsonl"))
    print(f"records: {args.relations:,} relations among {args.entities:,} entities, "
          f"{-(-args.relations // RELATIONS_PER_DOC):,} documents, {size / 1e6:.1f} MB in {records} "
          f"(generated in {time.perf_counter() - t:.1f} s)", flush=True)

    with Graph(settings) as graph:
        graph.apply_schema()
        if not args.no_warm_up:
            # a freshly started server is several times slower for its first statements (JIT,
            # plan cache): warm both ways up, on the first records file, before timing either
            t = time.perf_counter()
            reset(graph)
            naive_merge(graph, records, 1000)
            reset(graph)
            warm = work / "warm-up"
            warm.mkdir(exist_ok=True)
            first = sorted(records.glob("*.jsonl"))[0]
            (warm / first.name).write_bytes(first.read_bytes())
            kgload_load(warm, env, args.batch_size)
            print(f"warm-up (1,000 MERGE statements, one kgload load of {RELATIONS_PER_FILE:,} relations): "
                  f"{time.perf_counter() - t:.1f} s", flush=True)
        reset(graph)
        n, naive_s = naive_merge(graph, records, args.naive_sample)
        naive_per = naive_s / n
        print(f"one MERGE per relation (auto-commit): {n:,} relations in {naive_s:.1f} s = "
              f"{naive_per * 1000:.2f} ms/relation, {n / naive_s:,.0f} relations/s; "
              f"extrapolated to {args.relations:,}: {naive_per * args.relations:,.0f} s", flush=True)

        reset(graph)
        load_s, peak, stderr = kgload_load(records, env, args.batch_size)
        kg_per = load_s / args.relations
        print(f"kgload load (batch size {args.batch_size}): {args.relations:,} relations in {load_s:.1f} s = "
              f"{kg_per * 1000:.3f} ms/relation, {args.relations / load_s:,.0f} relations/s "
              f"(whole process, with start-up)", flush=True)
        print(f"kgload load peak RSS: {peak / 2**20:.0f} MB (target < 500 MB)")
        print(f"speed-up per relation: {naive_per / kg_per:.1f}x (target >= 30x)", flush=True)
        counts = graph.read_text(
            "MATCH (n) WITH count(n) AS nodes MATCH ()-[r]->() RETURN nodes, count(r) AS rels")[0]
        print(f"graph after kgload: {counts['nodes']:,} nodes, {counts['rels']:,} relationships", flush=True)
        bare, floor_s = relationship_floor(graph)
        print(f"server floor: {bare:,} bare relationships (one per fact and MENTIONS relationship kgload wrote) "
              f"in batches of 10,000: {floor_s:.1f} s; even that alone would be "
              f"{naive_per * args.relations / floor_s:.1f}x faster than the MERGE statements", flush=True)

        report_queries(graph, ents, args)


def report_queries(graph: Graph, ents, args) -> None:
    t = time.perf_counter()
    total = top_up(graph, args.big, args.entities)
    print(f"topped up with synthetic fact relationships to {total:,} relationships "
          f"in {time.perf_counter() - t:.0f} s", flush=True)
    baseline = time_queries(graph, {"RETURN 1 (round trip)": [{}] * args.runs}, text="RETURN 1")
    results = time_queries(graph, query_cases(graph, ents, args.runs))
    print(f"\ncanned query latency on {total:,} relationships, {args.runs} runs each "
          f"(client wall time, rows fetched; target p95 < 50 ms):")
    print(f"  {'query':26} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8} {'rows/run':>9}")
    for label, (p50, p95, worst, rows) in {**baseline, **results}.items():
        flag = "" if p95 < 50 else "  (over target)"
        print(f"  {label:26} {p50:8.1f} {p95:8.1f} {worst:8.1f} {rows:9.1f}{flag}")


if __name__ == "__main__":
    main()
