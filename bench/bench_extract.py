"""Throughput of ``kgload extract`` against bare spaCy, whole process each (prints figures).

    .venv/bin/python bench/bench_extract.py [--docs 200] [--repeat 3] [--model NAME]

Builds ~200 documents by varying the sample article (paragraph order rotated, actors swapped),
writes them as one JSONL file, then times, each as a fresh process:

1. bare spaCy: load the same model, ``nlp.pipe`` over the same texts, nothing else;
2. ``kgload extract DOCS.jsonl -o OUT --workers 1`` (everything: reading, preparing, the added
   components, building and writing records);
3. the same with ``--workers 2``.

Reports docs/s of each (best of --repeat runs), kgload/bare (target >= 0.85), and
workers 2 / workers 1. Not a test: the numbers depend on the machine.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "examples" / "venezuela-2019-03-26.txt"
SWAPS = [
    ("Russia", "China"), ("Russian", "Chinese"), ("Venezuela", "Nicaragua"), ("Caracas", "Managua"),
    ("Pompeo", "Blinken"), ("Lavrov", "Wang"), ("Cuba", "Iran"), ("Maduro", "Ortega"),
]

BARE = """
import json, sys, spacy
nlp = spacy.load(sys.argv[1])
texts = [json.loads(line)["text"] for line in open(sys.argv[2], encoding="utf-8")]
n = 0
for doc in nlp.pipe(texts, batch_size=32):
    n += len(doc)
print(n, file=sys.stderr)
"""


def make_docs(count: int) -> list[dict]:
    text = SAMPLE.read_text(encoding="utf-8")
    paragraphs = text.split("\n\n")
    docs = []
    for i in range(count):
        k = i % len(paragraphs)
        body = "\n\n".join(paragraphs[k:] + paragraphs[:k])
        for j, (a, b) in enumerate(SWAPS):
            if (i >> j) & 1:
                body = body.replace(a, b)
        docs.append({"id": f"bench-{i:04d}", "text": body})
    return docs


def timed(cmd: list[str], env: dict) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, check=True, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--model", default=None)
    args = parser.parse_args()

    python = sys.executable
    kgload = str(Path(python).with_name("kgload"))
    sys.path.insert(0, str(ROOT))
    from loader.extract import Extractor

    model = args.model or Extractor(args.model).model_name
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    with tempfile.TemporaryDirectory() as tmp:
        docs_path = Path(tmp) / "docs.jsonl"
        out_path = Path(tmp) / "records.jsonl"
        docs = make_docs(args.docs)
        docs_path.write_text("".join(json.dumps(d) + "\n" for d in docs), encoding="utf-8")
        chars = sum(len(d["text"]) for d in docs)
        if Path(kgload).exists():
            kg = [kgload]
        else:  # before the CLI exists: the same library call in a fresh process
            kg = [python, "-m", "loader.cli"]
        runs = {
            "bare spaCy nlp.pipe": [python, "-c", BARE, model, str(docs_path)],
            "kgload extract --workers 1": kg + ["extract", str(docs_path), "-o", str(out_path),
                                               "--model", model, "--workers", "1"],
            "kgload extract --workers 2": kg + ["extract", str(docs_path), "-o", str(out_path),
                                               "--model", model, "--workers", "2"],
        }
        best: dict[str, float] = {}
        for _ in range(args.repeat):
            for name, cmd in runs.items():
                seconds = timed(cmd, env)
                best[name] = min(best.get(name, float("inf")), seconds)
        relations = sum(1 for line in out_path.read_text().splitlines() if '"kind": "relation"' in line)
    print(f"model {model}; {len(docs)} documents, {chars:,} characters; {os.cpu_count()} CPUs; "
          f"best of {args.repeat}; whole process each")
    for name, seconds in best.items():
        print(f"  {name:<28} {seconds:7.2f} s  {len(docs) / seconds:7.1f} docs/s")
    bare, one, two = best.values()
    print(f"  kgload --workers 1 / bare spaCy throughput: {bare / one:.2f} (target >= 0.85)")
    print(f"  --workers 2 / --workers 1 throughput:        {one / two:.2f}")
    print(f"  relation records written: {relations}")


if __name__ == "__main__":
    main()
