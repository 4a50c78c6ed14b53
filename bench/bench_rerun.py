"""A re-run of `kgload load` on articles already loaded, against the first load: prints figures;
not a test.

    .venv/bin/python bench/bench_rerun.py [--docs 200] [--words 600] [--workers 1]

On a Neo4j of the bench's own (bench_server.py, no APOC), on an empty graph: `kgload load DIR`
of --docs invented articles (bench_scale.write_texts: bench_extract's generated news), timed as
a child process; then the same command again (nothing changed: the graph is asked which
documents it holds, spaCy reads none); then once more after one article was edited (that one
alone extracted and replaced). Each run's "Documents:" and "Articles:" summary lines are printed
with its time and the load average (other work on the machine).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from bench_scale import load_average, neo4j_server, run, write_texts  # noqa: E402


def summary_lines(stderr: str) -> str:
    return "; ".join(line for line in stderr.splitlines() if line.startswith(("Documents:", "Articles:")))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=200)
    parser.add_argument("--words", type=int, default=600, help="about this many words per article")
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--model", default=None)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="kgload-bench-rerun-") as tmp:
        texts = Path(tmp) / "texts"
        count, words = write_texts(texts, args.docs, args.words)
        print(f"{count} invented articles, {words:,} words")
        with neo4j_server(Path(tmp) / "server") as connection:
            env = dict(os.environ, **connection)
            cmd = [sys.executable, "-m", "loader", "load", str(texts), "--workers", str(args.workers)]
            cmd += ["--model", args.model] if args.model else []
            first_wall, first_cpu, err = run(cmd, env)
            print(f"first load: {first_wall:6.1f} s (cpu {first_cpu:6.1f} s; {load_average()})  {summary_lines(err)}")
            again_wall, again_cpu, err = run(cmd, env)
            print(f"re-run:     {again_wall:6.1f} s (cpu {again_cpu:6.1f} s; {load_average()})  {summary_lines(err)}")
            edited = sorted(texts.glob("*.txt"))[0]
            edited.write_text(edited.read_text(encoding="utf-8") + "\nThe ministry confirmed the report.\n",
                              encoding="utf-8")
            one_wall, one_cpu, err = run(cmd, env)
            print(f"one edited: {one_wall:6.1f} s (cpu {one_cpu:6.1f} s; {load_average()})  {summary_lines(err)}")
            print(f"re-run / first load: {again_wall / first_wall:.2f}")


if __name__ == "__main__":
    main()
