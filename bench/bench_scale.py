"""Extraction on Dask against one process, and articles per second from text files to a loaded
graph (prints figures; not a test).

    .venv/bin/python bench/bench_scale.py [--docs 2000] [--words 600] [--model NAME]
                                          [--rounds 1] [--no-load] [--no-one-command]

Writes --docs articles of about --words words as .txt files (the sample article varied as
bench/bench_extract.py does: paragraphs rotated, actors swapped; then cut after the paragraph
that reaches --words), then times, each as a fresh `kgload` process on the same folder, whole
process (model loading, cluster start and writing included):

1. `kgload extract TEXTS -o FILE` (one process);
2. the same with `--workers 2` (spaCy's n_process);
3. `kgload extract TEXTS -o DIR --dask local:1` (a LocalCluster of one worker process);
4. the same with `--dask local:2`.

and checks that the four wrote the same records. With --rounds N the four run N times in turn
(a slow spell of the machine then hits every configuration alike) and the best time of each
counts. Prints words/s and docs/s of each, CPU seconds
(the process and the workers it waited for), local:2 / local:1 (target >= 1.7 on 2 cores) and
the Dask overhead, local:1 against one process (target < 10%).

Then, unless --no-load, end to end on a Neo4j 5.26 of its own (`kgload neo4j start` with a
temporary KGLOAD_HOME and free ports, stopped at the end): `kgload load DIR` of the local:2
shards, on an empty graph, and the articles per second from text files to a loaded graph with
where the time goes (extract vs load); unless --no-one-command also `kgload load TEXTS
--workers 2` (extraction and loading in one command), on an empty graph again.

The figures depend on the machine and on what else runs on it: the load average is printed
with each run; compare figures of one run.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from bench_extract import make_docs  # noqa: E402
from bench_server import bench_server, run_child  # noqa: E402


def write_texts(folder: Path, count: int, words: int) -> tuple[int, int]:
    """``count`` articles of about ``words`` words as folder/article-NNNNN.txt; (files, words)."""
    folder.mkdir(parents=True)
    total = 0
    for i, doc in enumerate(make_docs(count)):
        kept, n = [], 0
        for paragraph in doc["text"].split("\n\n"):
            kept.append(paragraph)
            n += len(paragraph.split())
            if n >= words:
                break
        # a headline of its own: every article distinct (rotations and swaps alone repeat)
        text = f"World news dispatch {i + 1}\n\n" + "\n\n".join(kept) + "\n"
        total += len(text.split())
        (folder / f"article-{i:05d}.txt").write_text(text, encoding="utf-8")
    return count, total


def run(cmd: list[str], env: dict) -> tuple[float, float, str]:
    """Wall seconds, CPU seconds (the process and the children it waited for), stderr."""
    done = run_child(cmd, env, ROOT)
    return done.wall, done.cpu, done.stderr


def records(path: Path) -> list[str]:
    files = sorted(path.glob("part-*.jsonl")) if path.is_dir() else [path]
    return sorted(line for f in files for line in f.read_text(encoding="utf-8").splitlines())


def load_average() -> str:
    return "load avg " + " ".join(f"{x:.1f}" for x in os.getloadavg())


@contextmanager
def neo4j_server(home: Path):
    """A Neo4j of the bench's own (bench_server.py, without APOC): connection env vars."""
    with bench_server(home, heap=os.environ.get("KGLOAD_NEO4J_HEAP", "2g"), log=lambda m: None, apoc=False) as c:
        yield {"NEO4J_URI": c.uri, "NEO4J_USERNAME": c.username, "NEO4J_PASSWORD": c.password or "",
               "NEO4J_DATABASE": c.database}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=2000)
    parser.add_argument("--words", type=int, default=600, help="about this many words per article")
    parser.add_argument("--model", default=None)
    parser.add_argument("--no-load", action="store_true", help="skip the end-to-end figures (no Neo4j)")
    parser.add_argument("--rounds", type=int, default=1,
                        help="run the four this many times, in turn; the best time of each counts")
    parser.add_argument("--no-one-command", action="store_true", help="skip `kgload load TEXTS --workers 2`")
    args = parser.parse_args()

    kg = [sys.executable, "-m", "loader"]
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    model = ["--model", args.model] if args.model else []
    with tempfile.TemporaryDirectory(prefix="kgload-bench-scale-") as tmp:
        tmp = Path(tmp)
        texts = tmp / "texts"
        docs, words = write_texts(texts, args.docs, args.words)
        print(f"{docs} articles, {words:,} words ({words / docs:.0f} per article); {os.cpu_count()} CPUs; "
              f"whole process each; {load_average()} before", flush=True)
        runs = {
            "one process": (["extract", str(texts), "-o", str(tmp / "one.jsonl")], tmp / "one.jsonl"),
            "--workers 2": (["extract", str(texts), "-o", str(tmp / "w2.jsonl"), "--workers", "2"], tmp / "w2.jsonl"),
            "--dask local:1": (["extract", str(texts), "-o", str(tmp / "d1"), "--dask", "local:1"], tmp / "d1"),
            "--dask local:2": (["extract", str(texts), "-o", str(tmp / "d2"), "--dask", "local:2"], tmp / "d2"),
        }
        seconds: dict[str, float] = {}
        reference = None
        for _ in range(args.rounds):  # the four in turn, round after round: drift hits them alike
            for name, (cmd, out) in runs.items():
                if out.is_dir():
                    shutil.rmtree(out)  # a fresh job each round, not a resumed one
                wall, cpu, _ = run(kg + cmd + model + ["--quiet"], env)
                seconds[name] = min(wall, seconds.get(name, wall))
                print(f"  {name:<16} {wall:8.1f} s {words / wall:9,.0f} words/s {docs / wall:7.2f} docs/s "
                      f"  CPU {cpu:7.1f} s   ({load_average()} after)", flush=True)
                got = records(out)
                reference = reference or got
                if got != reference:
                    raise SystemExit(f"{name} wrote other records than one process")
        one, w2, d1, d2 = (seconds[k] for k in runs)
        print(f"  the four wrote the same {len(reference):,} records" +
              (f"; the ratios below compare the best of {args.rounds} rounds" if args.rounds > 1 else ""))
        print(f"  --dask local:2 / local:1 throughput:     {d1 / d2:.2f}x (target >= 1.7)")
        print(f"  --dask local:1 overhead vs one process:  {(d1 - one) / one * 100:+.1f}% (target < 10%)")
        print(f"  --workers 2 / one process throughput:    {one / w2:.2f}x")
        print(f"  --dask local:2 / one process throughput: {one / d2:.2f}x", flush=True)
        if args.no_load:
            return
        with neo4j_server(tmp / "neo4j") as connection:
            load_env = dict(env, **connection)
            wall, _, err = run(kg + ["load", str(tmp / "d2")], load_env)
            summary = " / ".join(line for line in err.splitlines() if line.startswith(("Documents:", "Relationships:")))
            total = d2 + wall
            print(f"end to end, text files -> loaded graph ({docs} articles; empty graph; a fresh server):")
            print(f"  extract --dask local:2 {d2:7.1f} s ({d2 / total * 100:.0f}%) + kgload load of the shards "
                  f"{wall:6.1f} s ({wall / total * 100:.0f}%) = {total:.1f} s: {docs / total:.2f} articles/s")
            print(f"  ({summary})", flush=True)
            if not args.no_one_command:
                run(kg + ["reset", "--yes"], load_env)
                wall, _, _ = run(kg + ["load", str(texts), "--workers", "2", "--quiet"] + model, load_env)
                print(f"  one command, kgload load TEXTS --workers 2: {wall:.1f} s: {docs / wall:.2f} articles/s")


if __name__ == "__main__":
    main()
