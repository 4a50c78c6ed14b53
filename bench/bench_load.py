"""kgload's loading speed against the loaders a user with triples would pick instead, in one run
on one server and the same records; then (--queries) canned-query latency on a graph of
1,000,000 relationships. Prints figures; not a test.

    .venv/bin/python bench/bench_load.py [--relations 50000 100000] [--rounds 1] [--queries]

Needs `make bench-deps` (.venv-bench: neo4j-graphrag and langchain-neo4j, pinned in pyproject's
``bench`` extra; APOC core resolved from Maven into the kgload cache) and starts a Neo4j of its
own (bench/bench_server.py: ``kgload neo4j start``'s server on free ports, with APOC, heap 2g),
stopped at the end.

1. Generates, per --relations N, N synthetic relation records (deterministic, seed 2019) among
   N/5 entities, 20 relations per document, as the JSONL records `kgload extract` writes, in
   files of 5,000 relations.
2. Warms the server up (a fresh JVM runs its first statements several times slower): every
   loader once on the first file.
3. Per N, --rounds times, each on an emptied database: one auto-commit MERGE per relation (the
   first --naive-sample relations, extrapolated: the statements are independent);
   langchain-neo4j's ``add_graph_documents(include_source=True)``; neo4j-graphrag's
   ``Neo4jWriter``; a hand-written batched ``UNWIND ... MERGE`` of bare triples (bench/peers.py
   says exactly what each writes); and ``kgload load DIR`` as a child process (the real command,
   start-up included: reading, grouping, validating, entities, aliases, documents, MENTIONS,
   evidence, counts), with its peak RSS. The best of the rounds counts. Prints relations/s and
   kgload's ratio to each, with the load average (other work on the machine).
4. What limits kgload: on the graph kgload left, the same nodes, relationships and properties
   are read back and written again bare (``UNWIND ... CREATE``, 10,000 rows a transaction, no
   read, no MERGE), part by part: the server's time per evidence node, per MENTIONS link, per
   fact relationship, against kgload's whole time; then the same bare writes by two sessions at
   once (what concurrent transactions could gain at best on this machine).
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
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from bench_server import bench_server, run_child  # noqa: E402

from loader import cypher  # noqa: E402
from loader.graph import Graph  # noqa: E402
from loader.records import (  # noqa: E402
    DocumentRecord,
    EntityRecord,
    EntityRef,
    Evidence,
    RelationRecord,
    dump_records,
)

SEED = 2019
RELATIONS_PER_DOC = 20
RELATIONS_PER_FILE = 5000
TYPES = ["Country", "Person", "Organization", "Place"]
# relation mix: the three core ones most often
RELATION_WEIGHTS = [("RECOGNIZES", 25), ("DEPLOYS_TO", 20), ("ACCUSES", 20), ("WARNS", 10),
                    ("SUPPORTS", 10), ("CONDEMNS", 10), ("CALLS_ON", 5)]
SYLLABLES = ["ka", "ro", "mi", "ta", "ve", "lu", "sa", "no", "ri", "ze", "pa", "do", "gu", "ai", "be",
             "cha", "lo", "ne", "qui", "tor", "san", "mar", "el", "ia", "os", "ur", "an", "es"]
BATCH = 10_000
# (name in the table, bench/peers.py's name, what it writes)
PEERS = [
    ("one MERGE per relation", "merge-each", "entities (id only) and bare relationships"),
    ("langchain-neo4j", "langchain", "entities, one Document per document and its MENTIONS, bare relationships"),
    ("neo4j-graphrag writer", "graphrag", "entities (id, name), bare relationships"),
    ("batched MERGE", "batched-merge", "entities (id, name, type), bare relationships"),
]


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

def wipe(graph: Graph) -> None:
    """An empty database (the peers write other labels than kgload's)."""
    with graph.driver.session(database=graph.settings.database) as session:
        session.run("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS").consume()


def kgload_load(folder: Path, env: dict, batch_size: int) -> tuple[float, int]:
    """``kgload load`` as a child process: wall time and peak RSS (bytes)."""
    done = run_child([sys.executable, "-m", "loader", "load", str(folder), "--quiet", "--batch-size", str(batch_size)],
                     env, ROOT)
    return done.wall, done.peak_rss


def peer(which: str, folder: Path, env: dict, python: Path, sample: int) -> tuple[int, float]:
    """One peer of bench/peers.py in a child process: relations written and seconds."""
    out = subprocess.run([str(python), str(ROOT / "bench" / "peers.py"), which, str(folder), "--sample", str(sample)],
                         env=env, cwd=ROOT, capture_output=True, text=True)
    if out.returncode != 0:
        raise SystemExit(f"{which} failed: {out.stderr.strip()[-2000:]}")
    result = json.loads(out.stdout)
    return result["relations"], result["seconds"]


def load_average() -> float:
    return os.getloadavg()[0]


def bare_rewrite(graph: Graph, sessions: int = 1) -> list[tuple[str, int, float]]:
    """Read back the graph kgload wrote, empty the database and write it again with bare
    ``UNWIND ... CREATE`` batches, part by part: (part, rows, seconds). With ``sessions`` > 1 each
    part's batches are written by that many sessions at once (threads; deadlocks retried by the
    driver): the most several cores could make of the same writes."""
    read = graph.read_text
    entities = read("MATCH (e:Entity) RETURN properties(e) AS p, e.type AS type")
    aliases = read("MATCH (a:Alias) RETURN a.key AS key, [(a)-[:ALIAS_OF]->(e) | e.id] AS e")
    documents = read("MATCH (d:Document) RETURN properties(d) AS p")
    mentions = read("MATCH (d:Document)-[:MENTIONS]->(e) RETURN d.id AS d, e.id AS e")
    evidence = read("MATCH (v:Evidence)-[:FROM_DOCUMENT]->(d) RETURN properties(v) AS p, v:Ending AS ending, d.id AS d")
    facts = read("MATCH (s:Entity)-[r]->(o:Entity) RETURN s.id AS s, type(r) AS t, o.id AS o, properties(r) AS p")
    parts = [
        ("entities", "UNWIND $rows AS r CREATE (e:Entity:$(r.type)) SET e = r.p", entities),
        ("aliases", "UNWIND $rows AS r CREATE (a:Alias {key: r.key}) WITH a, r UNWIND r.e AS id "
                    "MATCH (e:Entity {id: id}) CREATE (a)-[:ALIAS_OF]->(e)", aliases),
        ("documents", "UNWIND $rows AS r CREATE (d:Document) SET d = r.p", documents),
        ("MENTIONS", "UNWIND $rows AS r MATCH (d:Document {id: r.d}) MATCH (e:Entity {id: r.e}) "
                     "CREATE (d)-[:MENTIONS]->(e)", mentions),
        ("evidence", "UNWIND $rows AS r MATCH (d:Document {id: r.d}) "
                     "CREATE (v:$(CASE WHEN r.ending THEN ['Evidence', 'Ending'] ELSE ['Evidence'] END))"
                     "-[:FROM_DOCUMENT]->(d) SET v = r.p", evidence),
        ("facts", "UNWIND $rows AS r MATCH (s:Entity {id: r.s}) MATCH (o:Entity {id: r.o}) "
                  "CREATE (s)-[x:$(r.t)]->(o) SET x = r.p", facts),
    ]
    wipe(graph)
    timings = []

    def write(text: str, batches: list[list]) -> None:
        with graph.driver.session(database=graph.settings.database) as session:
            for chunk in batches:
                session.execute_write(lambda tx, chunk=chunk: tx.run(text, rows=chunk).consume())

    for name, text, rows in parts:
        batches = [rows[i:i + BATCH] for i in range(0, len(rows), BATCH)]
        start = time.perf_counter()
        with ThreadPoolExecutor(sessions) as pool:
            for done in [pool.submit(write, text, batches[k::sessions]) for k in range(sessions)]:
                done.result()
        timings.append((name, len(rows), time.perf_counter() - start))
    return timings


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


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--relations", type=int, nargs="+", default=[50_000, 100_000])
    ap.add_argument("--rounds", type=int, default=1, help="runs of each loader per size (the best counts)")
    ap.add_argument("--naive-sample", type=int, default=5_000)
    ap.add_argument("--batch-size", type=int, default=10_000)
    ap.add_argument("--peers-python", type=Path, default=ROOT / ".venv-bench" / "bin" / "python",
                    help="the venv with the bench extra (make bench-deps)")
    ap.add_argument("--workdir", type=Path, default=None)
    ap.add_argument("--queries", action="store_true",
                    help="then canned-query latency on a graph of --big relationships")
    ap.add_argument("--big", type=int, default=1_000_000, help="relationships in the graph the queries run on")
    ap.add_argument("--runs", type=int, default=200, help="runs per canned query")
    args = ap.parse_args()
    if not args.peers_python.exists():
        raise SystemExit(f"{args.peers_python} is missing: run `make bench-deps` first")
    work = args.workdir or Path(tempfile.mkdtemp(prefix="kgload-bench-"))
    folders = {}
    for n in args.relations:
        t = time.perf_counter()
        folders[n] = work / f"records-{n}"
        write_records(folders[n], n, n // 5)
        size = sum(p.stat().st_size for p in folders[n].glob("*.jsonl"))
        print(f"records: {n:,} relations among {n // 5:,} entities, {-(-n // RELATIONS_PER_DOC):,} documents, "
              f"{size / 1e6:.1f} MB (generated in {time.perf_counter() - t:.1f} s)", flush=True)

    with bench_server(work / "server", log=lambda m: print(m, flush=True)) as settings, Graph(settings) as graph:
        env = dict(os.environ, NEO4J_URI=settings.uri, NEO4J_USERNAME=settings.username,
                   NEO4J_PASSWORD=settings.password or "", NEO4J_DATABASE=settings.database)
        pythons = {"graphrag": args.peers_python, "langchain": args.peers_python}
        graph.apply_schema()
        t = time.perf_counter()
        warm = work / "warm-up"
        warm.mkdir(exist_ok=True)
        first = sorted(folders[min(folders)].glob("*.jsonl"))[0]
        (warm / first.name).write_bytes(first.read_bytes())
        for _, which, _ in PEERS:
            wipe(graph)
            peer(which, warm, env, pythons.get(which, Path(sys.executable)), 1000)
        wipe(graph)
        kgload_load(warm, env, args.batch_size)
        print(f"warm-up (every loader once on {RELATIONS_PER_FILE:,} relations): {time.perf_counter() - t:.0f} s",
              flush=True)

        for n, folder in folders.items():
            best: dict[str, tuple[float, float]] = {}  # name -> (relations/s, load average)
            peak = 0
            for _ in range(args.rounds):
                for name, which, _ in PEERS:
                    wipe(graph)
                    before = load_average()
                    written, seconds = peer(which, folder, env, pythons.get(which, Path(sys.executable)),
                                            args.naive_sample)
                    rate = written / seconds
                    if rate > best.get(name, (0, 0))[0]:
                        best[name] = (rate, max(before, load_average()))
                wipe(graph)
                before = load_average()
                seconds, rss = kgload_load(folder, env, args.batch_size)
                peak = max(peak, rss)
                if n / seconds > best.get("kgload", (0, 0))[0]:
                    best["kgload"] = (n / seconds, max(before, load_average()))
            kg = best["kgload"][0]
            print(f"\n{n:,} relation records ({n // 5:,} entities, {n // RELATIONS_PER_DOC:,} documents), "
                  f"best of {args.rounds}:")
            print(f"  {'loader':28} {'relations/s':>12} {'kgload is':>10} {'load avg':>9}  writes")
            for name, _, writes in PEERS:
                rate, load = best[name]
                print(f"  {name:28} {rate:12,.0f} {kg / rate:9.2f}x {load:9.1f}  {writes}")
            print(f"  {'kgload load':28} {kg:12,.0f} {'':>10} {best['kgload'][1]:9.1f}  everything: entities, "
                  "aliases, documents, MENTIONS, evidence per mention, fact counts and timelines")
            print(f"  kgload load: {n / kg:.1f} s whole process (start-up included), peak RSS {peak / 2**20:.0f} MB",
                  flush=True)

        counts = graph.read_text("MATCH (n) WITH count(n) AS nodes MATCH ()-[r]->() RETURN nodes, count(r) AS rels")[0]
        n = max(folders)
        print(f"\nwhat limits kgload ({n:,} relations: it wrote {counts['nodes']:,} nodes and {counts['rels']:,} "
              "relationships): the same graph written again bare, UNWIND ... CREATE, 10,000 rows a transaction:")
        timings = bare_rewrite(graph)
        for name, rows, seconds in timings:
            print(f"  {name:10} {rows:9,} in {seconds:5.2f} s = {seconds / max(rows, 1) * 1e6:5.0f} us each")
        total = sum(s for _, _, s in timings)
        print(f"  all of it bare: {total:.1f} s, against kgload's {n / best['kgload'][0]:.1f} s and the batched "
              f"MERGE of bare triples' {n / best['batched MERGE'][0]:.1f} s", flush=True)
        # the same writes by two sessions at once (2 cores here): what concurrency could gain at best
        wipe(graph)
        kgload_load(folders[n], env, args.batch_size)
        twice = sum(s for _, _, s in bare_rewrite(graph, sessions=2))
        print(f"  all of it bare, two sessions at once: {twice:.1f} s ({total / twice:.2f}x one session), against "
              f"neo4j-graphrag's writer's {n / best['neo4j-graphrag writer'][0]:.1f} s", flush=True)
        if args.queries:
            wipe(graph)
            kgload_load(folders[n], env, args.batch_size)
            args.entities = n // 5
            report_queries(graph, entity_names(args.entities, random.Random(SEED)), args)


if __name__ == "__main__":
    main()
