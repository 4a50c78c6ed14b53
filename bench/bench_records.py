"""Record parsing speed: lines/s of reading the JSONL records ``kgload extract`` writes, on
100,000 record lines (prints figures; not a test; no Neo4j, no spaCy model).

    .venv/bin/python bench/bench_records.py [--records 100000] [--repeat 5]

1. Generates --records record lines (deterministic, seed 2019) as ``kgload extract`` writes
   them (``loader.records.dump_records``): per document one document record, about 30 entity
   records with their aliases and about 14 relation records (the proportions of the sample
   article), sentences of the sample article (curly quotes and all), the deployment's asset,
   date and ``broader_place``, the accusation's charge, one relation in six not asserted
   (reported with ``reported_by``, negated, hypothetical, questioned: ``status`` and its flag).
2. Times, best of --repeat runs, each over the same lines:
   - parse only (a list of str lines -> records):
     * before: the reader's parse step at commit ``BEFORE`` (orjson, then the hand-written fast
       path ``plain_record_from_dict``), loaded from git; needs orjson installed
       (``.venv/bin/pip install orjson==3.13.0``), else the figure measured at that commit is
       printed, labelled so;
     * msgspec: ``msgspec.json.Decoder(DocumentRecord | EntityRecord | RelationRecord)``, the
       structs of ``loader.records`` (what kgload uses: ``record_from_json``);
     * pydantic: the same model as pydantic v2 models (strict), a discriminated union on
       ``kind`` in one ``TypeAdapter.validate_json``;
   - the whole reader (bytes of a file -> record batches): ``loader.inputs._read_jsonl_stream``
     now, and the one at ``BEFORE`` (same condition); both must give the same records.
"""

from __future__ import annotations

import argparse
import gc
import importlib
import io
import random
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Annotated, Any, Literal, Union

import msgspec

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from loader import inputs  # noqa: E402
from loader.pipeline import LOAD_GC_THRESHOLDS  # noqa: E402
from loader.records import (  # noqa: E402
    DocumentRecord,
    EntityRecord,
    EntityRef,
    Evidence,
    RelationRecord,
    dump_records,
    record_from_json,
)

SEED = 2019
SAMPLE = ROOT / "examples" / "venezuela-2019-03-26.txt"
# The commit before the one record model: records.py with the fast path and the checked path.
BEFORE = "49c9d0259058a82a78b1bf61d5c486eedea09afa"
# Measured at BEFORE on the development machine (Python 3.11.7, orjson 3.13.0), by this script
# with --records 100000 --repeat 5: printed when the old code cannot run here.
BEFORE_STORED = {"parse": 297_000, "reader": 271_000}
STORED = "  (STORED figure: measured at that commit, 100,000 records; orjson or git missing here)"

TYPES = ["Country", "Person", "Organization", "Place"]
RELATIONS = [("RECOGNIZES", 25), ("DEPLOYS_TO", 20), ("ACCUSES", 20), ("WARNS", 10),
             ("SUPPORTS", 10), ("CONDEMNS", 10), ("CALLS_ON", 5)]
STATUSES = [("asserted", 84), ("reported", 7), ("negated", 4), ("hypothetical", 4), ("questioned", 1)]
SYLLABLES = ["ka", "ro", "mi", "ta", "ve", "lu", "sa", "no", "ri", "ze", "pa", "do", "gu", "ai", "be",
             "cha", "lo", "ne", "qui", "tor", "san", "mar", "el", "ia", "os", "ur", "an", "es"]


# ------------------------------------------------------------------ records as extract writes them

def _entities(n: int, rng: random.Random) -> list[tuple[str, str, str, list[str]]]:
    out, seen = [], set()
    while len(out) < n:
        words = ["".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()
                 for _ in range(rng.randint(1, 3))]
        slug = "-".join(w.lower() for w in words)
        if slug in seen:
            continue
        seen.add(slug)
        name = " ".join(words)
        aliases = {name, words[-1]} if len(words) > 1 else {name}
        if "a" in name:
            aliases.add(name.replace("a", "á", 1))  # an accented spelling, as articles write it
        out.append((slug, name, rng.choice(TYPES), sorted(aliases, key=lambda a: (a.casefold(), a))))
    return out


def record_lines(count: int) -> list[str]:
    rng = random.Random(SEED)
    text = SAMPLE.read_text(encoding="utf-8")
    sentences = [(m.start(), m.end()) for m in re.finditer(r"[^\n.!?]{40,}[.!?”]", text)]
    ents = _entities(2000, rng)
    rel_types, rel_weights = zip(*RELATIONS, strict=True)
    statuses, status_weights = zip(*STATUSES, strict=True)
    lines: list[str] = []
    doc = 0
    while len(lines) < count:
        digest = f"{rng.getrandbits(256):064x}"
        doc_id = f"sha256:{digest}"
        records: list = [DocumentRecord(doc_id, f"articles/venezuela-{doc:05d}.txt",
                                        "Venezuela Tensions: US Warns Moscow Over Troops", None,
                                        f"2019-{1 + doc % 12:02d}-{1 + doc % 28:02d}", digest,
                                        "kgload-extract/0.4+ceef8b0ba6fa")]
        chosen = rng.sample(ents, rng.randint(20, 40))
        records += [EntityRecord(eid, name, etype, doc_id, list(aliases))
                    for eid, name, etype, aliases in sorted(chosen)]
        for _ in range(rng.randint(8, 20)):
            (sid, sname, stype, _), (oid, oname, otype, _) = rng.sample(chosen, 2)
            relation = rng.choices(rel_types, rel_weights)[0]
            status = rng.choices(statuses, status_weights)[0]
            start, end = rng.choice(sentences)
            props: dict[str, Any] = {}
            if relation == "DEPLOYS_TO":
                props = {"asset": f"about {rng.randint(2, 500)} Russian troops", "when": "last December"}
                if rng.random() < 0.3:
                    props["broader_place"] = "Venezuela"
            elif relation == "ACCUSES":
                props = {"charge": "attempting to “organize a coup d’état”"}
            reporter = None
            if status == "reported":
                rid, rname, rtype, _ = rng.choice(chosen)
                reporter = EntityRef(rid, rname, rtype)
            records.append(RelationRecord(
                doc_id, EntityRef(sid, sname, stype), relation, EntityRef(oid, oname, otype),
                Evidence(text[start:end].strip(), start, end), rng.choice([0.9, 0.9, 0.8, 0.7]),
                props, status, reporter))
        lines.extend(dump_records(records))
        doc += 1
    return lines[:count]


# ------------------------------------------------------------------ the code before, from git

def before_modules():
    """loader.records and loader.inputs at BEFORE, imported as a package of their own; None
    when git or orjson is missing (the old reader without orjson is not what users ran)."""
    try:
        import orjson  # noqa: F401
    except ImportError:
        return None
    folder = Path(tempfile.mkdtemp(prefix="kgload-before-")) / "kgload_before"
    folder.mkdir()
    try:
        for name in ("records", "inputs"):
            source = subprocess.run(["git", "-C", str(ROOT), "show", f"{BEFORE}:loader/{name}.py"],
                                    check=True, capture_output=True, text=True).stdout
            (folder / f"{name}.py").write_text(source, encoding="utf-8")
    except (OSError, subprocess.CalledProcessError):
        return None
    (folder / "__init__.py").write_text("", encoding="utf-8")
    sys.path.insert(0, str(folder.parent))
    return importlib.import_module("kgload_before.inputs")


# ------------------------------------------------------------------ pydantic, the same model

def pydantic_parser():
    from pydantic import BaseModel, ConfigDict, Field, TypeAdapter

    class Model(BaseModel):
        model_config = ConfigDict(strict=True)

    class PRef(Model):
        id: str
        name: str
        type: str

    class PEvidence(Model):
        sentence: str
        start: int
        end: int

    class PDocument(Model):
        kind: Literal["document"]
        id: str
        source: str
        title: str | None = None
        url: str | None = None
        published: str | None = None
        text_sha256: str | None = None
        extractor_version: str | None = None

    class PEntity(Model):
        kind: Literal["entity"]
        id: str
        name: str
        type: str
        doc_id: str
        aliases: list[str] = []

    class PRelation(Model):
        kind: Literal["relation"]
        doc_id: str
        subject: PRef
        relation: str
        object: PRef
        evidence: PEvidence
        confidence: float = 0.9
        properties: dict[str, Any] = {}
        status: Literal["asserted", "reported", "questioned", "hypothetical", "negated"] = "asserted"
        reported_by: PRef | None = None
        ends: bool = False

    adapter = TypeAdapter(Annotated[Union[PDocument, PEntity, PRelation], Field(discriminator="kind")])
    return adapter.validate_json


# ------------------------------------------------------------------ timing

# The timings run under the collector's thresholds of ``kgload load`` (pipeline.LOAD_GC_THRESHOLDS),
# and keep no record alive after use, as a load streams its records through.


def best_rate(fn, n: int, repeat: int) -> float:
    """Lines per second of ``fn()`` over ``n`` lines, best of ``repeat`` runs."""
    best = float("inf")
    saved = gc.get_threshold()
    gc.set_threshold(*LOAD_GC_THRESHOLDS)
    try:
        for _ in range(repeat):
            gc.collect()
            start = time.perf_counter()
            fn()
            best = min(best, time.perf_counter() - start)
    finally:
        gc.set_threshold(*saved)
    return n / best


def parse_loop(parse, lines):
    def run():
        for line in lines:
            record = parse(line)
        assert record is not None
    return run


def read_all(read_stream, data: bytes) -> list:
    """Every record ``read_stream`` reads from ``data`` (a RecordBatch of whichever module)."""
    return [r for item in read_stream("bench.jsonl", io.BytesIO(data)) for r in getattr(item, "records", ())]


def reader_loop(read_stream, data: bytes, n: int):
    def run():
        count = 0
        for item in read_stream("bench.jsonl", io.BytesIO(data)):
            count += len(item.records)
        assert count == n
    return run


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()

    lines = record_lines(args.records)
    data = ("\n".join(lines) + "\n").encode("utf-8")
    n = len(lines)
    kinds = {k: sum(1 for line in lines if line.startswith(f'{{"kind": "{k}"'))
             for k in ("document", "entity", "relation")}
    print(f"{n:,} record lines ({kinds['document']:,} documents, {kinds['entity']:,} entities, "
          f"{kinds['relation']:,} relations), {len(data) / 1e6:.1f} MB; best of {args.repeat} runs", flush=True)

    old = before_modules()
    validate_json = pydantic_parser()
    # the candidates read every line alike, and as kgload now does
    new_records = read_all(inputs._read_jsonl_stream, data)
    assert len(new_records) == n
    for line, record in zip(lines, new_records, strict=True):
        assert msgspec.to_builtins(record) == validate_json(line).model_dump(), line

    def show(label: str, rate: float, note: str = "") -> None:
        print(f"  {label:<62} {rate:>12,.0f} lines/s{note}", flush=True)

    print("parse only (str line -> record):")
    if old is not None:
        old_records = read_all(old._read_jsonl_stream, data)
        assert [r.to_dict() for r in old_records] == [r.to_dict() for r in new_records], "the old reader differs"
        show(f"before ({BEFORE[:7]}: orjson + plain_record_from_dict)",
             best_rate(parse_loop(old._plain_record_line, lines), n, args.repeat))
    else:
        show(f"before ({BEFORE[:7]}: orjson + plain_record_from_dict)", BEFORE_STORED["parse"], STORED)
    show("msgspec Decoder(tagged union of Structs)  <- kgload now",
         best_rate(parse_loop(record_from_json, lines), n, args.repeat))
    show("pydantic v2 TypeAdapter(discriminated union).validate_json",
         best_rate(parse_loop(validate_json, lines), n, args.repeat))

    print("whole reader (file bytes -> record batches):")
    if old is not None:
        show(f"before ({BEFORE[:7]}: inputs._read_jsonl_stream)",
             best_rate(reader_loop(old._read_jsonl_stream, data, n), n, args.repeat))
    else:
        show(f"before ({BEFORE[:7]}: inputs._read_jsonl_stream)", BEFORE_STORED["reader"], STORED)
    show("now (inputs._read_jsonl_stream, msgspec)",
         best_rate(reader_loop(inputs._read_jsonl_stream, data, n), n, args.repeat))


if __name__ == "__main__":
    main()
